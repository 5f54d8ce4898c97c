"""Running text, clauses and tables as Markdown, in Python: they are most of every page, and
building them with Jinja macros cost most of the builder's time. Every piece of source text
still goes through `markdown_text`; what this module adds is only the builder's own markup."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..ir import Block, Citation, Clause, FootnoteRef, Inline, Table
from ..link.model import Annotations
from .escape import markdown_text as esc

Href = Callable[..., Markup]
NO_NOTES = Annotations()


class BlockWriter:
    """Markdown for the blocks of one page (links are relative to that page)."""

    def __init__(self, href: Href) -> None:
        self.href = href

    def inline(self, text: tuple[Inline, ...]) -> Markup:
        out: list[str] = []
        for piece in text:
            if isinstance(piece, str):
                out.append(esc(piece))
            elif isinstance(piece, FootnoteRef):
                out.append(f"[^fn{piece.key}]")
            else:
                out.append(self.citation(piece))
        return Markup("".join(out))

    def citation(self, c: Citation) -> str:
        if c.target is None:
            return esc(c.text)
        return f"[{esc(c.text)}]({self.href(c.target.src, c.target.anchor)}){{: .citation .citation-{c.ref.kind} }}"

    @staticmethod
    def redline(parts: tuple[tuple[str, str], ...]) -> Markup:
        return Markup("".join(f"<{kind}>{esc(text)}</{kind}>" if kind else esc(text) for kind, text in parts))

    def block(self, block: Block, notes: Annotations | None = None) -> Markup:
        if isinstance(block, Clause):
            return self.clause(block, notes or NO_NOTES)
        if isinstance(block, Table):
            return self.table(block)
        return self.inline(block.text)

    def clause(self, c: Clause, notes: Annotations) -> Markup:
        status = c.change.status if c.change else ""
        classes = f"clause clause-{status}" if status and status != "unchanged" else "clause"
        label = self.redline(c.change.printed) if c.change else esc(c.label or "")
        line = (
            f'<div class="{classes}" id="{c.anchor}" markdown>\n'
            f'<span class="clause-label">{label}</span> {self.inline(c.text)} '
            f'<a class="clause-permalink" href="#{c.anchor}" title="Link to this clause">¶</a>'
        )
        if status in ("inserted", "deleted"):
            line += f' <span class="change-badge change-{status}">{status}</span>'
        for mark in notes.marks.get(c.anchor, ()):
            line += f" [{esc(mark.proposal)}: {esc(mark.what)}]({self.href(mark.src, mark.anchor)}){{: .change-mark }}"
        parts = [line]
        parts += [self.block(child, notes) for child in c.children]
        if redline := notes.redlines.get(c.anchor):
            parts.append(
                f'<div class="redline" markdown>\n<span class="redline-label">Compared with {esc(redline.against)}, '
                f"{esc(redline.shows)} shown:</span> {self.redline(redline.parts)}\n</div>"
            )
        return Markup("\n\n".join(parts) + "\n</div>")

    def table(self, t: Table) -> Markup:
        width = max(len(row) for row in t.rows)
        rows = [row + ((),) * (width - len(row)) for row in t.rows]
        lines = ["|" + "".join(f" {self.inline(cell)} |" for cell in rows[0])]
        lines.append("|" + " --- |" * width)
        lines += ["|" + "".join(f" {self.inline(cell)} |" for cell in row) for row in rows[1:]]
        return Markup("\n".join(lines))
