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

