"""What a conference did with each proposal made to it, as far as the collection says: each
change of a MOD proposal against the text the conference adopted, where that text is held.

A conference's Final Acts hold the texts it adopted or revised, not those it left alone, so a
text missing from them may be unchanged as well as suppressed: the outcome says "not known"
then, never "suppressed" or "not adopted".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..conventions import MODIFYING
from ..ir import Change, Clause, Redline, ResolutionText, redline
from .abrogated import same_meeting
from .amendments import compare_proposed, excerpt
from .inferred import deletions
from .compare import SIMILAR, Bag, ClauseDiff, Item, TextDiff, items, similarity, word_bag
from .model import ADOPTED, NOT_ADOPTED, WITH_CHANGES, Abrogation, ClauseChange, ClauseOutcome, Outcome, ProposalPage, RevisionPage, tally


def outcome(
    page: ProposalPage, adopted: ResolutionText | None, adopted_src: str | None, met: bool, against: TextDiff | None = None,
    new_texts: Sequence[tuple[RevisionPage, Bag]] = (), abrogation: Abrogation | None = None,
) -> Outcome | None:
    """`adopted`: the revision of the proposal's target that its conference adopted, where held;
    `met`: whether the collection holds any text of that conference; `against`: for a text
    export, the adopted text against it as exported (amendments.flattened_diff), made already;
    `new_texts`: the texts the conference adopted as new ones, with their words; `abrogation`:
    the conference's list of the texts it abrogated naming the proposal's target, where held."""
    conference = page.conference
    if conference is None or conference.key is None:
        return None
    if abrogation is not None and same_meeting(abrogation.conference, conference):
        suppressed = page.proposal.action.rstrip("*") == "SUP"
        line = f"{'Suppressed' if suppressed else 'Not adopted'}: {conference.label} lists {abrogation.label} among the texts it abrogated."
        return Outcome(conference, "decided", line, "suppressed" if suppressed else "not adopted: abrogated",
                       adopted_label=f"the list, in {abrogation.where}", adopted_src=abrogation.src, adopted_anchor=abrogation.anchor)
    if not met:
        return Outcome(conference, "pending", f"Not known yet: the collection holds no text {conference.label} adopted.",
                       "not known yet")
    if page.target_id is None or adopted is None or adopted_src is None:
        return Outcome(conference, "not known", _not_known(page, conference.label, new_texts), "not known")
    name, action = conference.label, page.proposal.action.rstrip("*")
    label = f"{page.target_label} ({adopted.revision})"
    if action == "SUP":
        return Outcome(conference, "decided", f"Not suppressed: {name} revised it ({adopted.revision}).",
                       "not suppressed: revised", adopted_label=label, adopted_src=adopted_src)
    if action not in MODIFYING or page.proposal.text is None:
        return Outcome(conference, "decided", f"{name} revised it ({adopted.revision}).", "revised",
                       adopted_label=label, adopted_src=adopted_src)
    text = page.proposal.text
    diff = _turned(against, text) if against is not None else compare_proposed(page, adopted)
    rows = tuple(_rows(page, adopted, _covered(diff, text)))
    summary, short = _summary(name, rows)
    return Outcome(conference, "decided", summary, short, rows, label, adopted_src)


def _not_known(page: ProposalPage, name: str, new_texts: Sequence[tuple[RevisionPage, Bag]]) -> str:
    """Why the collection cannot say what the conference did: no text records it, or the text
    is missing from the conference's (Final Acts list only the texts adopted or revised)."""
    if page.target_id is None:
        closest = _closest(page, new_texts) if page.proposal.action.rstrip("*") == "ADD" else ""
        return f"Not known: no text of the collection records what {name} did with it.{closest}"
    target = page.target_label
    if page.proposal.action.rstrip("*") == "SUP":
        return f"Not known: {target} is not among the texts of {name} in the collection, which may have suppressed it or left it unchanged."
    return f"Not known: the collection holds no revision of {target} by {name}, which may have left it unchanged or suppressed it."


def _turned(against: TextDiff, text: ResolutionText) -> TextDiff:
    """The adopted text against a text export as exported, turned round: the clauses as proposed
    (inferred deletions left out), the ones it deletes aside, against the adopted ones, paired
    as they were; words compared again only where a clause as proposed is not as exported."""
    proposed = {item.anchor: item for item in items(text)}
    out: list[ClauseDiff] = []
    for d in against.clauses:
        kept = d.old
        mine = proposed.get(d.new.anchor) if d.new else None
        if d.new and (mine is None or (mine.clause.change and mine.clause.change.status == "deleted")):
            continue
        if mine is None:
            assert kept is not None
            out.append(ClauseDiff("inserted", None, kept, (("ins", kept.text),)))
        elif kept is None:
            out.append(ClauseDiff("deleted", mine, None, (("del", mine.text),)))
        elif mine.text == kept.text:
            out.append(ClauseDiff("moved" if d.status == "moved" else "unchanged", mine, kept, (("", kept.text),)))
        else:
            words = _round(d.words, deletions(mine.clause.text) if mine.text != d.new.text else [])  # type: ignore[union-attr]
            out.append(ClauseDiff("moved" if d.status == "moved" else "changed", mine, kept, words))
    return replace(against, clauses=tuple(out))


def _round(words: Redline, cut: list[tuple[int, int]]) -> Redline:
    """The adopted clause against the clause as exported (`words`), the other way round: the
    clause as proposed against the adopted one. The exported words in `cut` (its deletions) are
    not proposed: where the adopted clause has them too they are its insertions, else nothing."""
    out: list[tuple[str, str]] = []

    def add(op: str, piece: str) -> None:
        k = len(out) - 1 if op == "del" and out and out[-1][0] == "ins" else len(out)  # a deletion goes before its insertion
        if not piece:
            return
        if k and out[k - 1][0] == op:
            out[k - 1] = (op, out[k - 1][1] + piece)
        else:
            out.insert(k, (op, piece))

    at = 0
    for op, piece in words:
        if op == "del":  # only the adopted clause has it
            add("ins", piece)
            continue
        for start, end, gone in _spans(at, at + len(piece), cut):
            if op == "":
                add("ins" if gone else "", piece[start - at : end - at])
            elif not gone:  # only the exported clause has it, and the proposal does not delete it
                add("del", piece[start - at : end - at])
        at += len(piece)
    return _same_kept(out)


def _same_kept(pieces: list[tuple[str, str]]) -> Redline:
    """A deletion and an insertion of the same words are those words kept (`520700` against
    `700`, 520 deleted: 700 stays)."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(pieces):
        op, piece = pieces[k]
        if op == "del" and k + 1 < len(pieces) and pieces[k + 1] == ("ins", piece):
            op, k = "", k + 1
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + piece)
        else:
            out.append((op, piece))
        k += 1
    return tuple(out)


def _spans(start: int, end: int, cut: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """[start, end) in pieces, each inside a range of `cut` or outside all of them."""
    at = start
    for a, b in cut:
        if b <= at or a >= end:
            continue
        if a > at:
            yield at, a, False
        yield max(a, at), min(b, end), True
        at = min(b, end)
    if at < end:
        yield at, end, False


def _covered(diff: TextDiff, text: ResolutionText) -> TextDiff:
    """The adopted text's clauses in the sections the proposal's text has: a proposal on the
    resolution leaves its annexes out, one on an annex the resolution."""
    sections = {s.heading.casefold() for s in text.sections}
    return replace(diff, clauses=tuple(d for d in diff.clauses if d.old or (d.new and d.new.section.casefold() in sections)))


def _closest(page: ProposalPage, new_texts: Sequence[tuple[RevisionPage, Bag]]) -> str:
    """For a new text proposed: the new text of the conference closest to it in words, where
    most of its words are shared and clearly more than with the next; said to be a guess."""
    if page.proposal.text is None or not new_texts:
        return ""
    bag = word_bag(" ".join(item.text for item in items(page.proposal.text)))
    scored = sorted(((similarity(bag, other), v.citation) for v, other in new_texts), reverse=True)
    best, second = scored[0][0], scored[1][0] if len(scored) > 1 else 0.0
    if best < SIMILAR or best - second < 0.05:
        return ""
    return (f" Perhaps it became {scored[0][1]}, the new text of the conference closest to it in words "
            f"({best:.0%} shared{f', the next {second:.0%}' if len(scored) > 1 else ''}): a guess from the words, not a record.")


def _summary(name: str, rows: tuple[ClauseOutcome, ...]) -> tuple[str, str]:
    """`PP (Dubai, 2018) adopted 3 of its 4 changes, 1 with changes; 2 more inferred …`."""
    adopted, changed, known = tally(rows)
    inferred = sum(1 for r in rows if r.inferred)
    more = f"; {inferred} more inferred from the adopted text" if inferred and known else (
        f"; {inferred} inferred from the adopted text" if inferred else "")
    if not known:
        return (f"{name} adopted a revision of the text. Its source marks none of this proposal's changes{more}: "
                "each clause is compared with the adopted text below.", "revised; changes not marked")
    with_changes = f", {changed} with changes" if changed else ""
    plural = "s" if known != 1 else ""
    return (f"{name} adopted {adopted} of its {known} change{plural}{with_changes}{more}.",
            f"{adopted} of {known} adopted{with_changes}")


def _rows(page: ProposalPage, adopted: ResolutionText, diff: TextDiff) -> Iterator[ClauseOutcome]:
    """One row per clause as proposed, in its order (with the adopted clauses it lacks where they
    stand), then the clauses it deletes, then the headings it replaces."""
    text = page.proposal.text
    assert text is not None
    changes = {c.anchor: c for c in page.changes if c.status not in ("replaced", "deleted")}
    deleted = _deletions(page, text, adopted)
    kept_by_deleted = {r.adopted_anchor for r in deleted}
    for d in diff.clauses:
        if d.old is None:
            assert d.new is not None
            if d.new.anchor not in kept_by_deleted:  # a clause the proposal deletes and the conference kept: said below
                yield ClauseOutcome(_where(d.new), None, None, "added by the conference", _where(d.new), d.new.anchor)
            continue
        change = changes.get(d.old.anchor)
        inferred = change is None and _inferred(d.old.clause)
        what = _what(change) if change else "words changed" if inferred else None
        # an inferred change takes the adopted half as the insertion: whether it was adopted is what it assumes
        verdict = _verdict(d, change, text.exact) if change else _unmarked(d)
        same = d.new is not None and d.new.text == d.old.text
        yield ClauseOutcome(
            _where(d.old), d.old.anchor, what, verdict, _where(d.new) if d.new else None, d.new.anchor if d.new else None,
            excerpt(d.words) if d.new and not same else (), inferred,
        )
    yield from deleted
    headings = {s.heading.casefold() for s in adopted.sections}
    for c in page.changes:
        if c.status == "replaced":
            verdict = (ADOPTED if c.section.casefold() in headings
                       else NOT_ADOPTED if (c.old_section or "").casefold() in headings else WITH_CHANGES)
            yield ClauseOutcome(c.section, c.anchor, f"heading “{c.old_section}” replaced", verdict)


def _deletions(page: ProposalPage, text: ResolutionText, adopted: ResolutionText) -> list[ClauseOutcome]:
    deleted = [c for c in page.changes if c.status == "deleted"]
    if not deleted:
        return []
    proposed = {item.anchor: item for item in items(text)}
    kept = [(item, word_bag(item.text)) for item in items(adopted)]
    return [_deleted(c, proposed[c.anchor], kept) for c in deleted if c.anchor in proposed]


def _where(item: Item) -> str:
    return f"{item.section} {item.label or ''}".strip()


def _what(change: ClauseChange) -> str:
    if change.status == "renumbered":
        return f"{change.old or '(no label)'} renumbered {change.new or '(no label)'}"
    return {"amended": "words changed", "changed": "words changed"}.get(change.status, change.status)


def _inferred(clause: Clause) -> bool:
    return any(isinstance(piece, Change) and piece.inferred for piece in clause.text)


def _verdict(d: ClauseDiff, change: ClauseChange, exact: bool) -> str:
    """A change's fate: as proposed where the adopted clause has its words (and, for a
    renumbering, its label); not adopted where it keeps the words or the label the change
    replaces (words known only from a Word document)."""
    if d.new is None or d.old is None:
        return NOT_ADOPTED
    same = d.new.text == d.old.text
    if change.status == "renumbered" and d.new.label != change.new:
        return NOT_ADOPTED if same and d.new.label == change.old else WITH_CHANGES
    if same:
        return ADOPTED
    if exact and d.new.text == _old_words(d.old.clause):
        return NOT_ADOPTED
    return WITH_CHANGES


def _unmarked(d: ClauseDiff) -> str:
    """A clause whose source marks no change (or only one inferred): what the adopted text has
    of it, wherever it stands there."""
    if d.new is None or d.old is None:
        return "not in the adopted text"
    return "as adopted" if d.new.text == d.old.text else "changed in the adopted text"


def _old_words(clause: Clause) -> str:
    """A clause's words before the proposal's tracked changes."""
    return "".join(words for op, words in redline(clause.text) if op != "ins")


def _deleted(change: ClauseChange, clause: Item, kept: list[tuple[Item, Bag]]) -> ClauseOutcome:
    """A clause the proposal deletes is not adopted where the adopted text still has its words."""
    bag = word_bag(clause.text)
    best = max(((similarity(bag, other, SIMILAR), item) for item, other in kept), key=lambda f: f[0], default=(0.0, None))
    found = best[1] if best[0] >= SIMILAR else None
    where = f"{clause.section} {change.old or ''}".strip()  # as the text amended numbers it
    if found is None:
        return ClauseOutcome(where, clause.anchor, "deleted", ADOPTED)
    return ClauseOutcome(where, clause.anchor, "deleted", NOT_ADOPTED, _where(found), found.anchor)
