"""Walk the running text of a document's IR, block by block, rewriting it where `inlines`
changes it: the readers walk it to report what they left unread, the link stage to resolve
citations. A walk that changes nothing returns the very same nodes, so it copies nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .ir import Block, Clause, Contribution, Footnote, Inline, Proposal, ResolutionText, Span, Table


class Walker:
    """Subclasses say what becomes of one run of inlines (`inlines`); the walk is the same."""

    def inlines(self, text: tuple[Inline, ...], span: Span, anchor: str | None, where: str) -> tuple[Inline, ...]:
        """The run rewritten; `anchor` is the clause or part it is in, `where` how a reader names it."""
        raise NotImplementedError

    def block(self, block: Block, anchor: str | None, where: str) -> Block:
        """The block with its text rewritten; the block itself where nothing changed (most do
        not, and copying them all was a third of the link stage)."""
        if isinstance(block, Clause):
            here = f"{where} {block.label}" if block.label and block.label not in "–-·+•" else where
            text = self.inlines(block.text, block.span, block.anchor, here)
            children = tuple(self.block(c, block.anchor, here) for c in block.children)
            if text is block.text and all(a is b for a, b in zip(children, block.children)):
                return block
            return replace(block, text=text, children=children)
        if isinstance(block, Table):
            rows = tuple(tuple(self.inlines(cell, block.span, anchor, where) for cell in row) for row in block.rows)
            unchanged = all(a is b for row, old in zip(rows, block.rows) for a, b in zip(row, old))
            return block if unchanged else replace(block, rows=rows)
        text = self.inlines(block.text, block.span, anchor, where)
        return block if text is block.text else replace(block, text=text)

    def blocks(self, blocks: tuple[Block, ...], anchor: str | None, where: str) -> tuple:
        walked = tuple(self.block(b, anchor, where) for b in blocks)
        return blocks if all(a is b for a, b in zip(walked, blocks)) else walked

    def text(self, text: ResolutionText) -> ResolutionText:
        title = self.inlines(text.title, text.span, None, "title")  # in reading order: the walk may record what it meets
        foreword = self.blocks(text.foreword, "foreword", "Foreword")
        preamble = self.blocks(text.preamble, None, "preamble")
        sections = tuple(_kept(s, blocks=self.blocks(s.blocks, s.anchor, s.heading)) for s in text.sections)
        return _kept(
            text, title=title, foreword=foreword, preamble=preamble,
            sections=text.sections if all(a is b for a, b in zip(sections, text.sections)) else sections,
        )

    def proposal(self, p: Proposal) -> Proposal:
        return _kept(
            p,
            summary=self.blocks(p.summary, "summary", "Summary"),
            introduction=self.blocks(p.introduction, "introduction", "Introduction"),
            proposal=self.blocks(p.proposal, "proposal", "Proposal"),
            text=self.text(p.text) if p.text else None,
            reasons=self.blocks(p.reasons, "reasons", "Reasons") if p.reasons else None,
        )

    def contribution(self, c: Contribution) -> Contribution:
        """Its own text; its proposals are pages of their own, walked apart (`proposal`)."""
        return _kept(
            c, abstract=self.blocks(c.abstract, "abstract", "Abstract"),
            trailing=self.blocks(c.trailing, "other-text", "Other text"),
        )

    def footnotes(self, notes: tuple[Footnote, ...]) -> tuple[Footnote, ...]:
        walked = tuple(
            _kept(f, text=self.inlines(f.text, f.span, f"fn:fn{f.key}", f"footnote {n}"))
            for n, f in enumerate(notes, start=1)
        )
        return notes if all(a is b for a, b in zip(walked, notes)) else walked


def _kept(node: Any, **fields: Any) -> Any:
    """The node with these fields, itself where each is the very object it holds."""
    return node if all(getattr(node, name) is value for name, value in fields.items()) else replace(node, **fields)
