"""Running text, clauses and tables as Markdown, in Python: they are most of every page, and
building them with Jinja macros cost most of the builder's time. Every piece of source text
still goes through `escape_text`; what this module adds is only the builder's own markup.

The pieces are assembled as plain strings; only what goes back to a template is `Markup`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup

from ..ir import Block, Change, Citation, Clause, FootnoteRef, Inline, Table
from ..link.model import Annotations
from .escape import escape_text as esc

Href = Callable[..., str]
_TAGS = {"": "{}", "ins": "<ins>{}</ins>", "del": "<del>{}</del>"}
NO_NOTES = Annotations()


class BlockWriter:
    """Markdown for the blocks of one page (links are relative to that page)."""

    def __init__(self, href: Href) -> None:
        self.href = href

    def inline(self, text: tuple[Inline, ...]) -> Markup:
        return Markup(self._inline(text))

    def redline(self, parts: tuple[tuple[str, str], ...]) -> Markup:
        return Markup(self._redline(parts))

    def paragraphs(self, blocks: Iterable[Block], notes: Annotations | None = None) -> Markup:
        """Blocks one after another, each followed by a blank line."""
        notes = notes or NO_NOTES
        return Markup("".join(self._block(b, notes) + "\n\n" for b in blocks))

    def _inline(self, text: tuple[Inline, ...]) -> str:
        out: list[str] = []
        for piece in text:
            if isinstance(piece, str):
                out.append(esc(piece))
            elif isinstance(piece, FootnoteRef):
                out.append(_TAGS[piece.op].format(f"[^fn{piece.key}]"))
            elif isinstance(piece, Change):
                out.append(self._redline(((piece.op, piece.text),)))
            else:
                out.append(self._citation(piece))
        return "".join(out)

    def _citation(self, c: Citation) -> str:
        words = self._redline(c.printed) if c.printed else esc(c.text)
        if c.target is None:
            return words
        return f"[{words}]({self.href(c.target.src, c.target.anchor)}){{: .citation .citation-{c.ref.kind} }}"

    @staticmethod
    def _redline(parts: tuple[tuple[str, str], ...]) -> str:
        """Word's redline as HTML: `<ins>` and `<del>`, which screen readers announce and copy
        keeps apart; deletions are left out of the search index (the text as proposed)."""
        return "".join(_TAGS[kind].format(esc(text)) for kind, text in parts)

    def _block(self, block: Block, notes: Annotations) -> str:
        if isinstance(block, Clause):
            return self._clause(block, notes)
        if isinstance(block, Table):
            return self._table(block)
        return self._inline(block.text)

    def _clause(self, c: Clause, notes: Annotations) -> str:
        status = c.change.status if c.change else ""
        classes = f"clause clause-{status}" if status and status != "unchanged" else "clause"
        label = self._redline(c.change.printed) if c.change else esc(c.label or "")
        line = (
            f'<div class="{classes}" id="{c.anchor}" markdown>\n'
            f'<span class="clause-label">{label}</span> {self._inline(c.text)} '
            f'<a class="clause-permalink" href="#{c.anchor}" title="Link to this clause">¶</a>'
        )
        if status in ("inserted", "deleted"):
            line += f' <span class="change-badge change-{status}">{status}</span>'
        for mark in notes.marks.get(c.anchor, ()):
            line += f" [{esc(mark.proposal)}: {esc(mark.what)}]({self.href(mark.src, mark.anchor)}){{: .change-mark }}"
        parts = [line]
        parts += [self._block(child, notes) for child in c.children]
        if redline := notes.redlines.get(c.anchor):
            parts.append(
                f'<div class="redline" markdown>\n<span class="redline-label">Compared with {esc(redline.against)}, '
                f"{esc(redline.shows)} shown:</span> {self._redline(redline.parts)}\n</div>"
            )
        return "\n\n".join(parts) + "\n</div>"

    def _table(self, t: Table) -> str:
        width = max(len(row) for row in t.rows)
        rows = [row + ((),) * (width - len(row)) for row in t.rows]
        lines = ["|" + "".join(f" {self._inline(cell)} |" for cell in rows[0])]
        lines.append("|" + " --- |" * width)
        lines += ["|" + "".join(f" {self._inline(cell)} |" for cell in row) for row in rows[1:]]
        return "\n".join(lines)
