"""The Pagefind index of the built site (online only): Pagefind loads just the index fragments
a query needs, where Material's search downloads the whole index.

Indexed: each page's article, with its clauses (elements with ids, which Pagefind returns as
anchors, so that a result can land on the clause); not indexed: what pages repeat (permalinks,
badges, backlink lists, revision histories) and deleted words (the text as proposed is what is
searched). Filters and metadata come from `data-pagefind-*` attributes the templates write.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

EXCLUDE = (
    ".clause-permalink", ".headerlink", "del", ".change-badge", ".change-mark", ".redline-switch",
    ".revision-history", ".resolution-meta", ".redline",
)


async def _index(site: Path) -> int:
    config = IndexConfig(root_selector="article", exclude_selectors=list(EXCLUDE), force_language="en")
    async with PagefindIndex(config=config) as index:
        found = await index.add_directory(path=str(site))
        await index.write_files(output_path=str(site / "pagefind"))
    return int(found["page_count"])


def index_site(site: Path) -> int:
    """Write `site/pagefind/`; returns how many pages were indexed."""
    return asyncio.run(_index(site))
