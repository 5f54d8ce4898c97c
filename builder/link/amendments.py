"""What each MOD proposal changes, clause by clause, and the marks it leaves on the resolution
it amends (`amended by` at clause level)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..anchors import section_slug, slug
from ..ir import Block, Clause, LabelChange, Redline, ResolutionText, has_changes, label_pieces, redline
from .compare import Item, TextDiff, compare_items, items
from .model import Cell, ClauseChange, Comparison, Mark, ProposalPage, Row


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


def redlines(proposal: ProposalPage, target: ResolutionText, mark: str, against: TextDiff | None = None) -> dict[str, Comparison]:
    """Compare each clause of a MOD proposal with its clause in another revision of the
    resolution, paired by content (builder.link.compare): the text it amends (`mark` `ins`: what
    the proposal inserts shows) or the text as adopted (`del`: what it deletes shows). Flattened
    text holds both the deleted and the inserted words, so one comparison shows one side only; the
    page says which. Not for a Word document, whose tracked changes say exactly what is inserted
    and deleted. `against`: `flattened_diff(text, target)`, where it is made already."""
    text = proposal.proposal.text
    if text is None or text.exact:
        return {}  # a Word document's own changes are shown as they are
    shows = "insertions" if mark == "ins" else "deletions"
    compared_with = f"the text {'being amended' if mark == 'ins' else 'as adopted'} ({target.revision})"
    out: dict[str, Comparison] = {}
    for diff in (against or flattened_diff(text, target)).clauses:
        clause = diff.new.clause if diff.new else None
        if diff.status != "changed" or clause is None or (clause.change and clause.change.old is None):
            continue
        out[clause.anchor] = Comparison(compared_with, shows, _flattened(diff.words, mark))
    return out


def flattened_diff(text: ResolutionText, target: ResolutionText) -> TextDiff:
    """A text export's clauses as exported (deleted and inserted words together) against another
    revision's: what its redlines, its inferred changes and its outcome are read from."""
    return compare_items(items(target), _proposed(text))


def _flattened(words: Redline, mark: str) -> Redline:
    """The flattened clause with what it has beyond the other text marked: words the other text
    lacks, and the part of a run-together word beyond the word it replaces (`520700` against
    `520`: `700`; against `700`: `520`). Words only the other text has are not in the flattened clause, so not shown."""
    out: list[tuple[str, str]] = []

    def add(op: str, piece: str) -> None:
        if piece:
            out.append((op, piece)) if not out or out[-1][0] != op else out.__setitem__(-1, (op, out[-1][1] + piece))

    for k, (op, piece) in enumerate(words):
        if op == "":
            add("", piece)
        elif op == "ins":
            before = words[k - 1][1] if k and words[k - 1][0] == "del" else ""
            stem = before.rstrip(";,.") if before and " " not in before.strip() else ""
            if stem and piece.startswith(stem):  # `520700` after `520`: 700 added
                add("", stem)
                add(mark, piece[len(stem) :])
            elif stem and piece.rstrip(";,.").endswith(stem):  # `520700` before `700`: 520 added
                cut = piece.rstrip(";,.")
                add(mark, cut[: len(cut) - len(stem)])
                add("", piece[len(cut) - len(stem) :])
            else:
                add(mark, piece)
    return tuple(out)


def _proposed(text: ResolutionText) -> list[Item]:
    """The proposal's clauses as exported: deleted and inserted words together."""
    return [replace(item, text="".join(words for _, words in redline(item.clause.text))) for item in items(text)]


def against_base(page: ProposalPage, base: ResolutionText) -> tuple[ProposalPage, frozenset[str]]:
    """Clause statuses from the text the proposal amends: a clause the base lacks is `inserted`
    (a trailing one too, which labels running on without a gap cannot show), one whose words
    differ is `changed`; renumbered and deleted clauses keep what the labels say. With the
    anchors of the clauses whose words are the base's (`Annotations.repeated`)."""
    text = page.proposal.text
    assert text is not None
    found: dict[str, str] = {}
    repeated: set[str] = set()
    for diff in compare_items(items(base), _proposed(text)).clauses:
        if diff.new and diff.status in ("inserted", "changed"):
            found[diff.new.anchor] = diff.status
        elif diff.new and diff.status == "unchanged":
            repeated.add(diff.new.anchor)
    if not found:
        return page, frozenset(repeated)

    def update(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        out: list[Block] = []
        for b in blocks:
            if not isinstance(b, Clause):
                out.append(b)
                continue
            change = b.change
            status = found.get(b.anchor)
            if status and (change is None or change.status == "unchanged"):
                if status == "inserted":
                    change = LabelChange(None, b.label, "inserted", label_pieces(None, b.label) if b.label else ())
                else:
                    change = LabelChange(b.label, b.label, "changed", change.printed if change else (("", b.label or ""),))
            out.append(replace(b, change=change, children=update(b.children)))
        return tuple(out)

    amended = replace(text, sections=tuple(replace(s, blocks=update(s.blocks)) for s in text.sections))
    return replace(page, proposal=replace(page.proposal, text=amended), changes=clause_changes(amended)), frozenset(repeated)


def compare_proposed(page: ProposalPage, adopted: ResolutionText) -> TextDiff:
    """The text as proposed against the text the conference adopted: what was adopted of it."""
    text = page.proposal.text
    assert text is not None
    return compare_items(_as_proposed(text), items(adopted))


def _as_proposed(text: ResolutionText) -> list[Item]:
    """The proposal's clauses as it proposes them: deleted words and deleted clauses left out."""
    return [item for item in items(text) if not (item.clause.change and item.clause.change.status == "deleted")]


def side_by_side(base: list[Item], proposals: list[list[Item]]) -> tuple[Row, ...]:
    """Rows for the "Proposals compared" page: one per base clause, each proposal's version of it
    in its column; a clause a proposal inserts gets a row of its own after the base clause it
    follows. Every proposal is compared with the base by the one engine (builder.link.compare)."""
    width = len(proposals)
    by_base: list[list[Cell | None]] = [[None] * width for _ in base]
    inserted: dict[int, list[tuple[int, Item]]] = {}  # base index it follows (-1: first) → (column, clause)
    index = {id(item): k for k, item in enumerate(base)}
    for column, items_ in enumerate(proposals):
        last = -1
        for d in compare_items(base, items_).clauses:
            if d.old is not None:
                last = index[id(d.old)]
                by_base[last][column] = Cell(d.status, d.new.label if d.new else None, d.words, d.new.anchor if d.new else None)
            else:
                assert d.new is not None
                inserted.setdefault(last, []).append((column, d.new))
    rows: list[Row] = []
    for new_item in inserted.get(-1, []):
        rows.append(_inserted_row(new_item, width))
    for k, item in enumerate(base):
        rows.append(Row(item.section, item.label, item.anchor, tuple(by_base[k])))
        rows += [_inserted_row(new_item, width) for new_item in inserted.get(k, [])]
    return tuple(rows)


def _inserted_row(found: tuple[int, Item], width: int) -> Row:
    column, item = found
    cells: list[Cell | None] = [None] * width
    cells[column] = Cell("inserted", item.label, (("ins", item.text),), item.anchor)
    return Row(item.section, None, None, tuple(cells))


def proposal_items(page: ProposalPage) -> list[Item]:
    """A proposal's clauses with the words a comparison should see: for a Word document the
    text as proposed; for a text export the words as exported (deleted and inserted together)."""
    text = page.proposal.text
    assert text is not None
    return _as_proposed(text) if text.exact else _proposed(text)


def base_items(page: ProposalPage) -> list[Item]:
    """The clauses a proposal amends, as far as it shows them: where no base is held, its
    clauses with their old labels, leaving out what it inserts."""
    text = page.proposal.text
    assert text is not None
    out = []
    for item in _proposed(text):
        change = item.clause.change
        if change and change.status == "inserted":
            continue
        out.append(replace(item, label=change.old if change else item.label))
    return out
