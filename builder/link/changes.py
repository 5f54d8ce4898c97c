"""What each MOD proposal changes, clause by clause, and the marks it leaves on the resolution
it amends (`amended by` at clause level)."""

from __future__ import annotations

from collections.abc import Iterable

from ..anchors import section_slug, slug
from ..ir import Block, Clause, ResolutionText
from .model import ClauseChange, Mark, ProposalPage


def clause_changes(text: ResolutionText | None) -> tuple[ClauseChange, ...]:
    """Every heading replaced and every clause inserted, deleted or renumbered, in text order.

    `old_anchor` is where the clause stands in the text being amended, by the anchor rules
    applied to the old heading and the old labels."""
    if text is None:
        return ()
    out: list[ClauseChange] = []
    for section in text.sections:
        old_section = section.old_heading or section.heading
        old_prefix = section_slug(old_section) if section.kind == "section" else section.anchor
        if section.old_heading:
            out.append(ClauseChange(section.heading, section.old_heading, None, None, "replaced", section.anchor, old_prefix))
        out.extend(_walk(section.blocks, section.heading, old_prefix, old_prefix))
    return tuple(out)


def _walk(blocks: Iterable[Block], section: str, old_prefix: str, old_section: str) -> list[ClauseChange]:
    out: list[ClauseChange] = []
    for block in blocks:
        if not isinstance(block, Clause) or block.change is None:
            continue
        change = block.change
        old_anchor = None
        if change.old:
            base = old_section if "." in change.old.rstrip(".") else old_prefix
            old_anchor = f"{base}-{slug(change.old)}"
        if change.status != "unchanged":
            out.append(ClauseChange(section, None, change.old, change.new, change.status, block.anchor, old_anchor))
        out.extend(_walk(block.children, section, old_anchor or block.anchor, old_section))
    return out


def marks_for(anchors: set[str], amended_by: Iterable[ProposalPage]) -> dict[str, tuple[Mark, ...]]:
    """Marks for the clauses of a resolution whose text is in the collection: which proposals
    delete, renumber or replace what, linking to the place in each proposal."""
    marks: dict[str, list[Mark]] = {}
    for p in amended_by:
        for change in p.changes:
            if change.old_anchor in anchors and change.status != "inserted":
                marks.setdefault(change.old_anchor, []).append(
                    Mark(f"{p.proposal.action} {p.proposal.code.printed}", change.summary, p.src, change.anchor)
                )
    return {anchor: tuple(m) for anchor, m in marks.items()}
