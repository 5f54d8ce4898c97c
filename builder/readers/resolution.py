"""Read the text of one resolution (standalone, or as proposed in a proposal) into the IR.

Shape: [FOREWORD …] heading, title (one or more lines), [history line], [enacting
formula], then sections (a heading from the lexicon, then clauses), then annexes.
Clauses nest where the text nests: the first label kind met in a section is its top
level (`a)` or `1`); other kinds nest under the last top-level clause (`5.1`, `i)`);
bullets nest under the deepest open clause. Every line becomes something: text that
fits nowhere is kept as a paragraph and reported.

The rules that read each construct are in builder.readers.text_rules; the sections they open
are built in builder.readers.sections. Here the text's lines are prepared, the rules run, and
the pieces they found become a `ResolutionText`.
"""

from __future__ import annotations

from ..anchors import AnchorSet
from ..conventions import bodies_meeting, history_revisions, parse_revisions
from ..diagnostics import Diagnostics
from ..ir import BodyId, FootnoteRef, ResolutionText, Revision, Section, Span
from .abrogated import abrogated_lists
from .flattened import unflatten
from .lines import REF, Line, inlines, plain
from .sections import read_heading_changes, redline_of
from .text_rules import TextState, is_text_heading, read_rules
from .tracked import accept, reject


def split_texts(lines: list[Line]) -> list[list[Line]]:
    """A file of several resolutions (Final Acts) → one list of lines per resolution; what
    comes before the second heading (a FOREWORD) goes with the first."""
    starts = [k for k, line in enumerate(lines) if is_text_heading(line)][1:]
    bounds = [0, *starts, len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:])]


def read_text(lines: list[Line], diagnostics: Diagnostics, tracked: bool = False, exact: bool = False) -> ResolutionText:
    """Read one resolution text; `lines` are the text's lines only (no proposal parts).

    `tracked`: the text carries tracked changes (a MOD proposal), so labels and headings are
    read as old and new. `exact`: the lines come from a Word document, whose changes are marked
    (builder.readers.tracked); otherwise they are flattened and recovered from the text
    (builder.readers.flattened)."""
    lines = [line for line in lines if not line.blank]
    if tracked and not exact:
        lines = [Line(line.span, accept(u), u) if (u := unflatten(line.text)) else line for line in lines]
    state = TextState(
        lines, diagnostics, flattened=tracked and not exact,
        exact_labels=exact and (tracked or any(line.marked for line in lines)),
    )
    read_rules(state)
    if state.head is None:
        return ResolutionText(
            kind="fragment", body=None, number=None, heading="", revision=None, old_revision=None, title=(),
            history=None, formula=None, meetings=(), foreword=tuple(state.foreword), preamble=tuple(state.preamble),
            sections=(), span=lines[0].span if lines else Span("", 0),
        )
    sections = _sections(state)
    history, formula, body = state.history, state.formula, _body(state)
    return ResolutionText(
        kind=state.kind, body=body, number=state.number, heading=plain(state.head.text),  # type: ignore[arg-type]
        revision=state.revision or _revision_of_history(body, history), old_revision=state.old_revision, title=inlines(" ".join(state.title)),
        history=plain(history.text) if history else None, formula=plain(formula.text) if formula else None,
        meetings=_meetings(formula), foreword=tuple(state.foreword), preamble=tuple(state.preamble),
        sections=sections, span=state.head.span, printed_heading=redline_of(state.head.marked),
        printed_history=redline_of(history and history.marked), printed_formula=redline_of(formula and formula.marked),
        calls=_calls(state), sequence=state.sequence, exact=exact, abrogated=abrogated_lists(sections),
    )


def _calls(state: TextState) -> tuple[tuple[str, FootnoteRef], ...]:
    """The footnote calls of the heading, history and formula lines, which are read as plain text."""
    lines = (("heading", state.head), ("history", state.history), ("formula", state.formula))
    return tuple((where, FootnoteRef(key)) for where, line in lines if line for key in REF.findall(line.text))


def _sections(state: TextState) -> tuple[Section, ...]:
    """The sections the rules opened, built once every label of each is known: what was wrong
    with them reported, their labels aligned as old and new (flattened changes) or checked."""
    builders = state.sections
    for builder in builders:
        builder.report(state.diagnostics)
    old_headings: list[tuple[str, tuple[tuple[str, str], ...]] | None] = [None] * len(builders)
    if state.flattened:
        old_headings = read_heading_changes(builders)
        for builder in builders:
            builder.read_changes(state.diagnostics)
    elif not state.exact_labels:
        for builder in builders:
            builder.check_order(state.diagnostics)
    anchors = AnchorSet()
    return tuple(b.build(anchors, old) for b, old in zip(builders, old_headings))


def _body(state: TextState) -> BodyId | None:
    """The body the formula names, else the one the heading names (`ITU-R`, `WRC-97`, `C16`),
    else the one body that met at the heading's (venue, year)."""
    if state.body is None and state.heading_body is None and state.revision:
        meeting = bodies_meeting(state.revision.venue, state.revision.year)
        return meeting[0] if len(meeting) == 1 else None
    return state.body or state.heading_body


def _revision_of_history(body: BodyId | None, history: Line | None) -> Revision | None:
    """An RA resolution's revision, which its heading (`RESOLUTION ITU-R 1-8`) and formula do not
    name: the last meeting of its history line (`(1993-…-2015-2019)`), if the table knows it."""
    if body != "ra" or history is None:
        return None
    meetings = history_revisions(body, plain(history.text))
    return meetings[-1] if meetings and meetings[-1].venue else None


def _meetings(formula: Line | None) -> tuple[Revision, ...]:
    """The (venue, year) the formula names; with its tracked changes, the old before the new."""
    if formula is None:
        return ()
    meetings = parse_revisions(plain(formula.text))
    if formula.marked:
        was = parse_revisions(plain(reject(formula.marked)))
        meetings = tuple(dict.fromkeys(was + meetings))
    return meetings
