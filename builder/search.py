"""The Pagefind index of the built site (online only): Pagefind loads just the index fragments
a query needs, where Material's search downloads the whole index.

Indexed: the pages of documents (resolutions, their revisions, proposals, contributions,
unplaced texts), each page's article, with its clauses (elements with ids, which Pagefind
returns as anchors, so that a result can land on the clause). Not indexed: the pages that list
or compare documents (indexes, references, comparisons), what pages repeat (permalinks, badges,
backlink lists, revision histories) and deleted words (the text as proposed is what is
searched). Filters and metadata come from `data-pagefind-*` attributes the templates write.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

DOCUMENTS = (
    "{pp,wtsa,wtdc,ra}/{res,dec}-*/index.html",  # resolutions and decisions
    "{pp,wtsa,wtdc,ra}/{res,dec}-*/*-[0-9][0-9][0-9][0-9]/index.html",  # their revisions (`hammamet-2016`)
    "proposals/*[0-9]*/index.html",  # proposals and contributions
    "unplaced/*/index.html",
)
"""The pages of documents, by the URL rules (README, "URLs and anchors"); directory URLs."""
EXCLUDE = (
    ".clause-permalink", ".headerlink", "del", ".change-badge", ".change-mark", ".redline-switch",
    ".revision-history", ".resolution-meta", ".redline", ".footnote-backref",
)


async def _index(site: Path) -> int:
    config = IndexConfig(
        root_selector="article", exclude_selectors=list(EXCLUDE), force_language="en", output_path=str(site / "pagefind"),
    )
    async with PagefindIndex(config=config) as index:  # writes the bundle on leaving
        pages = 0
        for glob in DOCUMENTS:
            pages += int((await index.add_directory(path=str(site), glob=glob))["page_count"])
    return pages


def index_site(site: Path) -> int:
    """Write `site/pagefind/`; returns how many pages were indexed."""
    return asyncio.run(_index(site))
