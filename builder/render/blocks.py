"""Running text, clauses and tables, in Python: they are most of every page, and building them
with Jinja macros cost most of the builder's time.

Blocks (clauses, paragraphs, tables) and footnotes are written as finished HTML, between the
lines that builder/markdown_blocks.py stores as they are: converting each clause's Markdown
again, then parsing the HTML, was most of MkDocs' time. Their links are final URLs, relative to
the page as MkDocs publishes it (`directory_urls` or not); each link is recorded in `links` and
each id in `ids`, which the plugin hands to MkDocs' own link and anchor validation. So are the
tops of pages that templates write as HTML (`link`). Inline text for a template (`inline`,
`redline`) reads the same in Markdown (a heading, a table cell) and in HTML.

Every piece of source text goes through `escape_text` (Markdown or HTML) or `html_text` (HTML
only); what this module adds is only the builder's own markup. The pieces are assembled as plain
strings; only what goes back to a template is `Markup`."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markdown.extensions.toc import slugify, strip_tags, unique
from markupsafe import Markup

from ..ir import Block, Change, Citation, Clause, Footnote, FootnoteRef, Inline, Table
from ..link.model import Annotations, CitedBy, ProposalPage
from ..markdown_blocks import HTML_END, HTML_START
from . import backlinks
from .escape import REDLINE, attribute_text, escape_text, html_text, markdown_text, redline_html

Href = Callable[..., str]
Link = tuple[str, str | None]
"""A link the builder wrote into HTML: (target page's Markdown source, anchor or None)."""
Heading = tuple[int, str, str]
"""A heading the builder wrote into HTML, as the page's table of contents lists it: (level, id, name as HTML)."""


@dataclass(frozen=True)
class Written:
    """What a page's HTML blocks hold that MkDocs does not parse: their links, their ids and their headings."""

    links: tuple[Link, ...]
    ids: tuple[str, ...]
    headings: tuple[Heading, ...] = ()
_INFERRED = {op: f'<{op} class="inferred" title="{what} inferred from the adopted text, not marked in the source">{{}}</{op}>'
             for op, what in (("ins", "Insertion"), ("del", "Deletion"))}
"""A change told apart from the adopted text (builder/link/inferred.py): styled apart from the source's own."""
NO_NOTES = Annotations()
SEARCH_SKIPS = ' data-pagefind-ignore="all"'
"""On a clause's own line that repeats the text a proposal amends: that text is found on the
resolution's page, and its proposals are listed there."""


class BlockWriter:
    """The blocks and inline text of one page.

    `src`: the page's Markdown source; `url(src, anchor)`: a link to a page's Markdown source as
    a URL relative to the published page, for HTML."""

    def __init__(self, src: str, url: Href, footnotes: tuple[Footnote, ...] = ()) -> None:
        self.src = src
        self.url = url
        self.numbers = {note.key: n for n, note in enumerate(footnotes, start=1)}
        """Footnotes are numbered in the order the page lists them, as Python-Markdown's did."""
        self.called: set[str] = set()
        self.links: list[Link] = []
        self.ids: list[str] = []
        self.headings: list[Heading] = []

    # Inline text for a template: a paragraph, heading or table cell, in Markdown or in HTML.

    def inline(self, text: tuple[Inline, ...]) -> Markup:
        return Markup(self._inline(text, escape_text))

    def redline(self, parts: tuple[tuple[str, str], ...]) -> Markup:
        return Markup(redline_html(parts, escape_text))

    # HTML blocks.

    def heading(self, level: int, text: str, anchor: str | None = None, classes: str = "", toc_label: str | None = None) -> Markup:
        """A heading as Markdown's toc extension (`permalink: true`) writes it, listed in
        `headings` for the page's table of contents (which the plugin gives MkDocs): as Markdown,
        a page's headings were most of what MkDocs still converted. Without `anchor`, its id is
        made from its words as the toc extension makes it; `toc_label`, its name in the table of
        contents, where its text is a redline."""
        inner = markdown_text(text)
        name = strip_tags(html_text(toc_label) if toc_label is not None else inner)
        ident = anchor or unique(slugify(html.unescape(name), "-"), set(self.ids))
        self.ids.append(ident)
        self.headings.append((level, ident, name))
        css = f' class="{attribute_text(classes)}"' if classes else ""
        return html_run([f'<h{level}{css} id="{attribute_text(ident)}">{inner}<a class="headerlink" href="#{attribute_text(ident)}" '
                      f'title="Permanent link">&para;</a></h{level}>'])

    # What other pages say of this one (builder/render/backlinks.py).

    def cited_by(self, entries: Iterable[CitedBy]) -> Markup:
        return html_run([backlinks.cited_by(self, entries)])

    def amended_by(self, proposals: Iterable[ProposalPage]) -> Markup:
        return html_run([backlinks.amended_by(self, proposals)])

    def changes(self, proposal: ProposalPage) -> Markup:
        return html_run([backlinks.changes(self, proposal)])

    def paragraphs(self, blocks: Iterable[Block], notes: Annotations | None = None) -> Markup:
        """Blocks one after another, as one run of HTML."""
        notes = notes or NO_NOTES
        return html_run([self._block(b, notes) for b in blocks])

    def footnotes(self, notes: tuple[Footnote, ...]) -> Markup:
        """The page's footnotes, as Python-Markdown's footnotes extension writes them (Material
        styles that markup); a note links back to where the text calls it, if it does."""
        if not notes:
            return Markup("")
        items = []
        for note in notes:
            n = self.numbers[note.key]
            text = self._inline(note.text, html_text) if note.text != ("",) else "(empty footnote in the source)"
            back = (
                f'&#160;<a class="footnote-backref" href="#fnref:fn{attribute_text(note.key)}" '
                f'title="Jump back to footnote {n} in the text">&#8617;&#xFE0E;</a>'
                if note.key in self.called else ""
            )
            items.append(f'<li id="fn:fn{attribute_text(note.key)}">\n<p>{text}{back}</p>\n</li>')
            self.ids.append(f"fn:fn{note.key}")
        return html_run(['<div class="footnote">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>"])

    def _inline(self, text: tuple[Inline, ...], esc: Callable[[str], str]) -> str:
        out: list[str] = []
        for piece in text:
            if isinstance(piece, str):
                out.append(esc(piece))
            elif isinstance(piece, FootnoteRef):
                out.append(REDLINE[piece.op].format(self._footnote_call(piece.key)))
            elif isinstance(piece, Change) and piece.inferred:
                out.append(_INFERRED[piece.op].format(esc(piece.text)))
            elif isinstance(piece, Change):
                out.append(redline_html(((piece.op, piece.text),), esc))
            else:
                out.append(self._citation(piece, esc))
        return "".join(out)

    def _footnote_call(self, key: str) -> str:
        n = self.numbers.get(key)
        if n is None:  # a call of a footnote the source does not hold: shown, not linked
            return f'<sup class="footnote-missing">{html_text(key)}</sup>'
        first = key not in self.called
        self.called.add(key)
        if first:
            self.ids.append(f"fnref:fn{key}")
        ident = f' id="fnref:fn{attribute_text(key)}"' if first else ""
        return f'<sup{ident}><a class="footnote-ref" href="#fn:fn{attribute_text(key)}">{n}</a></sup>'

    def _citation(self, c: Citation, esc: Callable[[str], str]) -> str:
        words = redline_html(c.printed, esc) if c.printed else esc(c.text)
        if c.target is None:
            return words
        return f'<a class="citation citation-{c.ref.kind}" href="{self.link(c.target.src, c.target.anchor)}">{words}</a>'

    def link(self, src: str, anchor: str | None = None) -> Markup:
        """A link's URL in this page's HTML, recorded for MkDocs' validation."""
        self.links.append((src, anchor))
        return Markup(attribute_text(self.url(src, anchor)))

    def here(self, anchor: str) -> Markup:
        """A link to an anchor of this page (`#adopted`), recorded for MkDocs' validation too."""
        self.links.append((self.src, anchor))
        return Markup(f"#{attribute_text(anchor)}")

    def _block(self, block: Block, notes: Annotations) -> str:
        if isinstance(block, Clause):
            return self._clause(block, notes)
        if isinstance(block, Table):
            return self._table(block)
        return f"<p>{self._inline(block.text, html_text)}</p>"

    def _clause(self, c: Clause, notes: Annotations) -> str:
        status = c.change.status if c.change else ""
        classes = f"clause clause-{status}" if status and status != "unchanged" else "clause"
        label = redline_html(c.change.printed, html_text) if c.change else html_text(c.label or "")
        self.ids.append(c.anchor)
        line = (
            f'<div class="{classes}" id="{c.anchor}">\n'
            f'<p{SEARCH_SKIPS if c.anchor in notes.repeated else ""}><span class="clause-label">{label}</span> {self._inline(c.text, html_text)} '
            f'<a class="clause-permalink" href="#{c.anchor}" title="Link to this clause">¶</a>'
        )
        if status in ("inserted", "deleted"):
            line += f' <span class="change-badge change-{status}">{status}</span>'
        if any(isinstance(piece, Change) and piece.inferred for piece in c.text):
            line += ' <span class="change-badge change-inferred">changes inferred from the adopted text</span>'
        for mark in notes.marks.get(c.anchor, ()):
            line += f' <a class="change-mark" href="{self.link(mark.src, mark.anchor)}">{html_text(mark.proposal)}: {html_text(mark.what)}</a>'
        parts = [line + "</p>"]
        parts += [self._block(child, notes) for child in c.children]
        if redline := notes.redlines.get(c.anchor):
            parts.append(
                f'<div class="redline">\n<p><span class="redline-label">Compared with {html_text(redline.against)}, '
                f"{html_text(redline.shows)} shown:</span> {redline_html(redline.parts, html_text)}</p>\n</div>"
            )
        return "\n".join(parts) + "\n</div>"

    def _table(self, t: Table) -> str:
        width = max(len(row) for row in t.rows)
        rows = [row + ((),) * (width - len(row)) for row in t.rows]

        def row(cells: tuple[tuple[Inline, ...], ...], tag: str) -> str:
            return "<tr>\n" + "".join(f"<{tag}>{self._inline(cell, html_text)}</{tag}>\n" for cell in cells) + "</tr>"

        body = "\n".join(row(r, "td") for r in rows[1:])
        return f"<table>\n<thead>\n{row(rows[0], 'th')}\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def html_run(blocks: list[str]) -> Markup:
    """A run of HTML blocks, between the lines that keep Markdown from parsing it again."""
    return Markup(f"{HTML_START}\n" + "\n".join(blocks) + f"\n{HTML_END}\n\n") if blocks else Markup("")
