"""The generated Markdown, read back with markdown-it-py: every anchor of the IR survives as an
id, in raw HTML blocks (clauses) or in attribute lists (section headings)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from builder.dump import dump, url
from test_corpus import anchors

ATTR_LIST_ID = re.compile(r"\{: #([a-z0-9-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r'\bid="([^"]+)"')


def markdown_ids(markdown: str) -> set[str]:
    found: set[str] = set()
    tokens = MarkdownIt("commonmark").parse(markdown)
    for i, token in enumerate(tokens):
        if token.type in ("html_block", "html_inline"):
            found.update(HTML_ID.findall(token.content))
        elif token.type == "heading_open" and (m := ATTR_LIST_ID.search(tokens[i + 1].content)):
            found.add(m[1])
        for child in token.children or []:
            if child.type == "html_inline":
                found.update(HTML_ID.findall(child.content))
    return found


def test_every_anchor_is_in_the_generated_markdown(corpus_build) -> None:
    src_of = {url(src): src for src in corpus_build.pages}
    for doc in dump(corpus_build.site)["documents"]:
        if doc["sections"]:
            missing = anchors(doc) - markdown_ids(corpus_build.pages[src_of[doc["url"]]])
            assert not missing, (doc["id"], sorted(missing)[:5])



def test_a_page_writes_its_headings_but_its_title_one_way(corpus_build) -> None:
    """The plugin makes a page's table of contents from the headings the builder wrote as HTML,
    under the title MkDocs found (builder/plugin.py `table_of_contents`): a page that wrote some
    headings so writes every other heading so, and each id it lists is on the page once."""
    written_so = [src for src, w in corpus_build.written.items() if w.headings]
    assert any(src.startswith("proposals/") for src in written_so) and any(src.startswith("wtdc/res-") for src in written_so)
    for src in written_so:
        tokens = MarkdownIt("commonmark").parse(corpus_build.pages[src])
        levels = [t.tag for t in tokens if t.type == "heading_open"]
        assert levels == ["h1"], (src, levels)
        ids = [ident for _, ident, _ in corpus_build.written[src].headings]
        assert len(ids) == len(set(ids)) and all(corpus_build.pages[src].count(f'id="{i}"') == 1 for i in ids), src
