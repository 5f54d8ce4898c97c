"""What each MOD proposal changes, clause by clause, and the marks it leaves on the resolution
it amends (`amended by` at clause level)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from ..anchors import section_slug, slug
from ..ir import Block, Clause, Redline, ResolutionText, has_changes, plain_text, redline
from .model import ClauseChange, Comparison, Mark, ProposalPage


def clause_changes(text: ResolutionText | None) -> tuple[ClauseChange, ...]:
    """Every heading replaced and every clause inserted, deleted, renumbered or amended (words
    inserted or deleted where the source says which), in text order.

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
        out.extend(_walk(section.blocks, section.heading, old_prefix, old_prefix, section.anchor))
    return tuple(out)


def _walk(blocks: Iterable[Block], section: str, old_prefix: str, old_section: str, prefix: str) -> list[ClauseChange]:
    out: list[ClauseChange] = []
    for block in blocks:
        if not isinstance(block, Clause):
            continue
        change = block.change
        words = excerpt(redline(block.text)) if has_changes(block.text) else ()
        old_anchor = None
        if change and change.old:
            base = old_section if "." in change.old.rstrip(".") else old_prefix
            old_anchor = f"{base}-{slug(change.old)}"
        elif change is None and block.anchor.startswith(prefix):
            old_anchor = old_prefix + block.anchor[len(prefix) :]
        status = change.status if change else "unchanged"
        if status == "unchanged" and words:
            status = "amended"
        if status in ("inserted", "deleted"):
            words = ()  # all of them: the change says so
        if status != "unchanged":
            old, new = (change.old, change.new) if change else (block.label, block.label)
            out.append(ClauseChange(section, None, old, new, status, block.anchor, old_anchor, words))
        out.extend(_walk(block.children, section, old_anchor or block.anchor, old_section, block.anchor))
    return out


def excerpt(parts: Redline, context: int = 5) -> Redline:
    """The changed words of a clause with a few words around each change: what a "Changes
    proposed" table shows."""
    out: list[tuple[str, str]] = []
    last = len(parts) - 1
    for k, (op, text) in enumerate(parts):
        words = text.split(" ")
        if op or len(words) <= 2 * context + 1:
            out.append((op, text))
            continue
        head = "" if k == 0 else " ".join(words[:context]) + " "
        tail = "" if k == last else " " + " ".join(words[-context:])
        out.append(("", f"{head}…{tail}"))
    return tuple(out)


def marks_for(anchors: set[str], amended_by: Iterable[ProposalPage]) -> dict[str, tuple[Mark, ...]]:
    """Marks for the clauses of a resolution whose text is in the collection: which proposals
    delete, renumber or replace what, linking to the place in each proposal."""
    marks: dict[str, list[Mark]] = {}
    for p in amended_by:
        for change in p.changes:
            if change.old_anchor in anchors and change.status != "inserted":
                marks.setdefault(change.old_anchor, []).append(
                    Mark(p.label, change.summary, p.src, change.anchor)
                )
    return {anchor: tuple(m) for anchor, m in marks.items()}


def _clauses(blocks: Iterable[Block]) -> Iterator[Clause]:
    for b in blocks:
        if isinstance(b, Clause):
            yield b
            yield from _clauses(b.children)


def redlines(proposal: ProposalPage, target: ResolutionText) -> dict[str, Comparison]:
    """Compare each clause of a MOD proposal with the same clause of another revision of its
    resolution: the text it amends (what the proposal inserts shows) or the text as adopted
    (what it deletes shows). Flattened text holds both the deleted and the inserted words, so
    one comparison shows one side only; the page says which. Not for a Word document, whose
    tracked changes say exactly what is inserted and deleted."""
    text = proposal.proposal.text
    if text is None or target.revision is None or text.exact:
        return {}  # a Word document's own changes are shown as they are
    same = lambda a, b: a is not None and b is not None and (a.venue, a.year) == (b.venue, b.year)  # noqa: E731
    if same(target.revision, text.old_revision):
        shows, mark = "insertions", "ins"
    elif same(target.revision, text.revision):
        shows, mark = "deletions", "del"
    else:
        return {}
    against = f"the text {'being amended' if mark == 'ins' else 'as adopted'} ({target.revision})"
    reference = {c.anchor: plain_text(c.text) for s in target.sections for c in _clauses(s.blocks)}
    old_anchor = {c.anchor: c.old_anchor for c in proposal.changes}
    out: dict[str, Comparison] = {}
    for section in text.sections:
        old_prefix = section_slug(section.old_heading or section.heading) if section.kind == "section" else section.anchor
        for clause in _clauses(section.blocks):
            if clause.change is None or clause.change.old is None:
                continue
            where = old_anchor.get(clause.anchor) or f"{old_prefix}-{slug(clause.change.old)}"
            base = reference.get(where)
            flattened = "".join(words for _, words in redline(clause.text))  # deleted and inserted words, as exported
            if base is None or base == flattened:
                continue
            out[clause.anchor] = Comparison(against, shows, _compare(base, flattened, mark))
    return out


def _compare(reference: str, flattened: str, mark: str) -> tuple[tuple[str, str], ...]:
    """Mark what the flattened text has beyond the reference: by word, then by character inside a
    replaced word (`520700` against `520`: `700`)."""
    a, b = re.findall(r"\s+|\S+", reference), re.findall(r"\s+|\S+", flattened)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("", "".join(b[j1:j2])))
        elif op == "insert":
            parts.append((mark, "".join(b[j1:j2])))
        elif op == "replace":
            x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
            for cop, _, _, k1, k2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
                if k2 > k1:
                    parts.append(("" if cop == "equal" else mark, y[k1:k2]))
    merged: list[tuple[str, str]] = []
    for kind, piece in parts:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + piece)
        else:
            merged.append((kind, piece))
    return tuple(merged)
