"""The rules that read a resolution text, one per construct, in the spirit of markdown-it's block
rules: each takes the `TextState`, and either reads the line at its position (or a run of lines
from there) and says so, or leaves the state as it was and says no.

A text is read in parts (`Part`): before the heading, the title, the history line, the enacting
formula, then the body: lines before the first section, a section's heading, its clauses.
`RULES` lists each part's rules in the order they are tried on a line; a part ends at the first
line none of its rules reads, or where a rule moves the reader on (a section heading, an annex),
and the next part's rules try that line. In every part some rule reads any line, so nothing is
dropped.
A new construct (`SECTION 1 – The Assembly`, `ATTACHMENT 2`, `RESOLUTION ITU-R 1-8`) is one more
function here and one more name in `RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

from ..conventions import (
    HEADING, MEETING, PART_WORD, REVISION, WORDS_BEFORE_REV, Heading, body_of_formula, match_text, parse_heading, unknown_body,
)
from ..diagnostics import Diagnostics, quote
from ..ir import Block, BodyId, Paragraph, Revision
from . import headings, labels
from .lines import Line, inlines, plain
from .sections import SectionBuilder, paragraph_or_row, table_cells, tracked_clause
from .tracked import cut, reject

DRAFT = re.compile(r"^draft\s+new\s+(?P<kind>resolution|decision)\b", re.IGNORECASE)
FORMULA_SHAPE = re.compile(r"^The [A-Z][^()]* \([^()]*\d{4}\),?$")
"""An enacting formula, whatever its body: `The World Radiocommunication Conference (Dubai, 2023),`."""
HISTORY = re.compile(r"^\([^()]*\d{4}(?:\s*;[^()]*\d{4})*\)[.,]?$")
ANNEX = re.compile(
    r"^(?:ANNEX|Annex)(?:\s+(?P<n>\d+|[A-Z])\b)?(?:\s+(?:TO|to)\s+(?:RESOLUTION|Resolution|DECISION|Decision)\b.*)?$"
)
PART = re.compile(
    rf"^(?P<word>{PART_WORD})\s+"
    r"(?P<n>\d+(?:bis|ter|quater)?|[IVXLC]+|[A-Z])"
    r"(?:\s+\(?(?:to|TO)\s+(?P<to>[^()]+?)\)?)?"
    r"(?:\s*[–—:\-]\s*\S.*|\s*)$"
)
"""A part's heading: the word, the part's number (`1bis`, `A`, `I`), what it is attached to
(`(to Resolution 1)`), a title after a dash or colon. A sentence (`Section 3 of this
resolution …`) is none, nor a line run on after a period (`Appendix A. Allocation of
resources`, a paragraph of a proposal in the corpus whose anchor is published)."""


def is_text_heading(line: Line) -> bool:
    """The line that starts a text: a numbered heading (any body's, conventions.HEADING) or a draft's."""
    text = match_text(plain(line.text))
    return bool(HEADING.match(text) or DRAFT.match(text))


class Part(IntEnum):
    """Where the reader is in a text, in the order the parts come (a part ends into the next one)."""

    BEFORE_HEADING = 0
    TITLE = 1
    HISTORY = 2
    FORMULA = 3
    BEFORE_SECTIONS = 4
    """After the formula, before the first section heading or annex."""
    SECTION_HEADING = 5
    """A section's heading and the lines that continue it."""
    CLAUSES = 6
    """A section's or an annex's clauses and tables."""


@dataclass(slots=True)
class TextState:
    """What the rules share while reading one text: its lines, where the reader is, how its
    labels are read, the diagnostics, and the pieces found so far."""

    lines: list[Line]
    """The text's lines, blank ones dropped (flattened changes already unflattened)."""
    diagnostics: Diagnostics
    flattened: bool
    """The text carries flattened tracked changes (a MOD proposal's text export): labels may run
    together and headings may be two in one, recovered once the whole text is read."""
    exact_labels: bool
    """The lines carry a Word document's own tracked changes: each label is read in both views."""
    texts: list[str] = field(init=False)
    """Each line's text without footnote references, for matching."""
    pos: int = 0
    """The line the rules look at."""
    line: Line = field(init=False)
    text: str = field(init=False)
    """The line at the position and its text for matching, set by `read_rules` before the rules try it."""
    part: Part = Part.BEFORE_HEADING
    body_start: int = 0
    """The first line of the body (after the heading, title, history and formula)."""
    labels: list[tuple[str, str] | None] = field(default_factory=list)
    """Each body line's (label, text without it), or None (`labels.split_label`)."""
    foreword: list[Paragraph] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    head: Line | None = None
    kind: str = "fragment"
    number: str | None = None
    revision: Revision | None = None
    sequence: int | None = None
    old_revision: Revision | None = None
    title: list[str] = field(default_factory=list)
    history: Line | None = None
    formula: Line | None = None
    body: BodyId | None = None
    """The body the enacting formula names."""
    heading_body: BodyId | None = None
    """The body the heading names (`ITU-R`, `WRC-97`, `C16`), if it does."""
    sections: list[SectionBuilder] = field(default_factory=list)
    """The sections and annexes opened so far; the body's lines go to the last."""

    def __post_init__(self) -> None:
        self.texts = [plain(line.text) for line in self.lines]

    def enter(self, part: Part) -> None:
        self.part = part
        if part is Part.BEFORE_SECTIONS:  # labels are read where they can start a clause
            self.body_start = self.pos
            self.labels = [None] * self.pos + [labels.split_label(line.text) for line in self.lines[self.pos :]]

    def next_label(self) -> str | None:
        """The next line's label: whether `i)` after `h)` is a letter depends on it."""
        following = self.labels[self.pos + 1] if self.pos + 1 < len(self.lines) else None
        return following[0] if following else None

    def open(self, section: SectionBuilder) -> None:
        self.sections.append(section)
        self.pos += 1


Rule = Callable[[TextState], bool]


# Before the heading


def foreword(state: TextState) -> bool:
    """`FOREWORD` before the heading (WTSA's texts), after a cover page or not: the paragraphs up
    to the heading are its foreword (a cover page's lines before it are the preamble)."""
    lines, k = state.lines, state.pos
    if k + 1 >= len(lines) or match_text(state.text).strip().upper() != "FOREWORD" or is_text_heading(lines[k + 1]):
        return False
    state.pos = k + 1
    while state.pos < len(lines) and not is_text_heading(line := lines[state.pos]):
        state.foreword.append(Paragraph(inlines(line.content), line.span))
        state.pos += 1
    return True


def numbered_heading(state: TextState) -> bool:
    """`RESOLUTION 71 (Rev. Kigali, 2022)`, `RESOLUTION 1 (REV.WRC-97)`, `RESOLUTION ITU-R 1-8`,
    `DECISION 482 (C01, last amended C20)`: the kind, the number, the body where the heading names
    it, and the revision; with tracked changes, the revision it replaces (`(Rev. Hammamet,
    2016New Delhi, 2024)`)."""
    if not (heading := parse_heading(state.text)):
        return False
    state.kind, state.number, state.heading_body = heading.kind, heading.number, heading.body
    state.sequence = heading.sequence
    revisions = _revisions(heading)
    if state.line.marked and (was := parse_heading(plain(reject(state.line.marked)))):
        old = _revisions(was)
        if old and revisions and old[-1] != revisions[-1]:
            revisions = (old[-1], revisions[-1])
    if revisions:
        state.revision = revisions[-1]
        if len(revisions) > 1:
            state.old_revision = revisions[0]
            if state.old_revision.rev and not state.revision.rev:  # `(Rev. Busan, 2014Dubai, 2018)`: one "Rev." for both
                state.revision = Revision(venue=state.revision.venue, year=state.revision.year, rev=True)
    if len(revisions) > 2:
        state.diagnostics.warning(
            "revision-unclear", state.line.span,
            f"the heading names {len(revisions)} revisions; the first is taken as old, the last as new",
        )
    if rest := _not_revision(heading.inside):
        state.diagnostics.warning(
            "heading-leftover", state.line.span,
            f"the heading's parentheses hold “{quote(rest)}” besides its revision: no revision is read from "
            "those words and a resolution's page does not show them. Correct the heading "
            "(`RESOLUTION 71 (Rev. Kigali, 2022)`, `RESOLUTION 1 (Rev.WRC-19)`, `RESOLUTION 1332 (C11, last amended C16)`)",
        )
    _read_head(state)
    return True


def _revisions(heading: Heading) -> tuple[Revision, ...]:
    """The revisions a heading names, as old and new: a Council heading's sessions are its history
    (`C11, last amended C16`), of which the last is the text's revision; two meetings elsewhere are
    a tracked change run together (`REV.WRC-15WRC-19`)."""
    return heading.revisions[-1:] if heading.body == "council" else heading.revisions


def draft_heading(state: TextState) -> bool:
    """`Draft new resolution [EUR/44A24/1]`: a text proposed without a number yet."""
    if not DRAFT.match(match_text(state.text)):
        return False
    state.kind = "draft"
    _read_head(state)
    return True


def _read_head(state: TextState) -> None:
    state.head = state.line
    state.pos += 1
    state.enter(Part.TITLE)


def preamble(state: TextState) -> bool:
    """Any other line before the heading (a NOC proposal's list of targets): a paragraph, or a
    table row."""
    state.preamble.append(paragraph_or_row(state.line))
    state.pos += 1
    return True


_GLUE = re.compile(r"\brev\.|[^\w]+", re.IGNORECASE)
"""What may stand between revisions in a heading's parentheses: `Rev.`, spaces, punctuation."""


def _not_revision(inside: str) -> str:
    """The words of a heading's parentheses that are no revision (`Extra` in `(Rev. Kigali, 2022
    Extra)`), as printed; `` where there are none. Meetings named by their names (`REV.WRC-97`,
    `C11, last amended C16`) are revisions."""
    rest = REVISION.sub(_words_before_rev, MEETING.sub(" ", match_text(inside)))
    return rest.strip(" ,;()") if _GLUE.sub("", rest) else ""


def _words_before_rev(m: re.Match[str]) -> str:
    """A revision as `_not_revision` leaves it: gone, but for words before a `Rev.` in its venue."""
    before = WORDS_BEFORE_REV.match(m["venue"])
    return f" {before[1]} " if before else " "


# After the heading


def title_line(state: TextState) -> bool:
    """A line of the title: the heading is followed by the title's lines, any words, up to a line
    that starts something else."""
    text = state.text
    if (
        HISTORY.match(text)
        or body_of_formula(text)
        or FORMULA_SHAPE.match(text)
        or headings.is_heading(text, shape=False)  # a title's lines may be any words
        or ANNEX.match(match_text(text))
        or labels.split_label(text)
        or table_cells(text)
    ):
        return False
    state.title.append(state.line.content)
    state.pos += 1
    return True


def history(state: TextState) -> bool:
    """`(Kyoto, 1994; Marrakesh, 2002; …)` right after the title: the meetings that revised the text."""
    if not HISTORY.match(state.text):
        return False
    state.history = state.line
    state.pos += 1
    state.enter(Part.FORMULA)
    return True


def formula(state: TextState) -> bool:
    """`The World Telecommunication Development Conference (Kigali, 2022),`: names the body.
    A formula of that shape naming no known body is kept and reported."""
    if body := body_of_formula(state.text):
        state.body = body
    elif FORMULA_SHAPE.match(state.text):
        state.diagnostics.warning(
            "body-unknown", state.line.span, unknown_body(state.text),
        )
    else:
        return False
    state.formula = state.line
    state.pos += 1
    state.enter(Part.BEFORE_SECTIONS)
    return True


# The body


def annex(state: TextState) -> bool:
    """`ANNEX 1`, `Annex to Resolution 71`: opens an annex wherever it stands."""
    if state.text[:1] != "A" or not (m := ANNEX.match(match_text(state.text))):
        return False
    state.open(SectionBuilder(
        heading=state.text, span=state.line.span, kind="annex", marked=state.line.marked,
        anchor=f"annex-{m['n'].lower()}" if m["n"] else "annex", flattened=state.flattened,
    ))
    state.enter(Part.CLAUSES)
    return True


def part_heading(state: TextState) -> bool:
    """`SECTION 1bis – Documentation`, `PART A`, `Appendix I (to Resolution 1)`, `ATTACHMENT 2`:
    opens a part, wherever it stands; its clauses' numbering restarts and their anchors say the
    part (`section-1bis-1-2-3`). In an annex it is the annex's part (`annex-1-part-a`), unless it
    says it is attached to a resolution or decision."""
    if state.text[:1] not in "SPA" or state.line.row or not (m := PART.match(match_text(state.text))):
        return False
    last = state.sections[-1] if state.sections else None
    attached = m["to"] and re.match(r"(?i)resolution|decision", m["to"])
    annex = None if attached or last is None else last.anchor if last.kind == "annex" else last.within
    anchor = f"{m['word'].lower()}-{m['n'].lower()}"
    state.open(SectionBuilder(
        heading=state.text, span=state.line.span, kind="part", marked=state.line.marked,
        anchor=f"{annex}-{anchor}" if annex else anchor, within=annex, flattened=state.flattened,
    ))
    state.enter(Part.CLAUSES)
    return True


def section_heading(state: TextState) -> bool:
    """`considering`, `resolves`, `instructs the Director …`: a heading from the lexicon, or of a
    heading's shape where it may stand, or a Word `Call` paragraph, opens a section (not inside an annex)."""
    if state.sections and state.sections[-1].kind != "section":
        return False
    line, text, k = state.line, state.text, state.pos
    # by its shape alone, a heading follows a line that ends a clause or a heading (`;`, `.`,
    # `,`); after a list's `:` and its unpunctuated items, a line is one more item
    before = state.texts[k - 1].rstrip() if k > state.body_start else ""
    by_shape = k == state.body_start or before.endswith((";", ".", ",")) or headings.is_heading(before, shape=False)
    if not (headings.is_heading(text, by_shape) or (line.style == "Call" and not state.labels[k] and not line.row)):
        return False
    state.open(SectionBuilder(heading=text, span=line.span, kind="section", marked=line.marked, flattened=state.flattened))
    state.enter(Part.SECTION_HEADING)
    if verb := headings.verb_not_in_lexicon(text):
        state.diagnostics.info(
            "heading-not-in-lexicon", line.span,
            f"“{text[:60]}” is read as a section heading by its shape; its verb “{verb}” is not in the "
            "lexicon of builder/readers/headings.py: add it there, or correct the line if it is no heading",
        )
    return True


def heading_continuation(state: TextState) -> bool:
    """`within available resources,` right after a heading: the heading goes on."""
    if not headings.is_continuation(state.text):
        return False
    state.sections[-1].heading = f"{state.sections[-1].heading} {state.text}"
    state.pos += 1
    return True


def text_before_sections(state: TextState) -> bool:
    """A line after the formula but before any section heading: a paragraph, reported."""
    state.diagnostics.warning(
        "text-before-sections", state.line.span,
        "text between the enacting formula and the first section heading; kept as a paragraph. "
        "If it is a heading, add its verb to the lexicon (builder/readers/headings.py)",
    )
    state.preamble.append(paragraph_or_row(state.line))
    state.pos += 1
    return True


def word_row(state: TextState) -> bool:
    """A row of a Word document's table: a table row, whatever its cells hold."""
    if not state.line.row or not (cells := state.sections[-1].row(state.line)):
        return False
    state.sections[-1].add_row(state.line, cells)
    state.pos += 1
    return True


def changed_clause(state: TextState) -> bool:
    """In a Word document with tracked changes, every line is a clause whose label is read in both
    views: renumbered, inserted or deleted with its words (builder.readers.sections.tracked_clause)."""
    if not state.exact_labels:
        return False
    label, change, text = tracked_clause(state.line, state.labels[state.pos])
    state.sections[-1].add(label, text, state.next_label(), change)
    state.pos += 1
    return True


def labelled_clause(state: TextState) -> bool:
    """`a)<TAB>text`, `5.1<TAB>text`, `–<TAB>text`: a clause, nested by its label."""
    if not (split := state.labels[state.pos]):
        return False
    line, (label, rest) = state.line, split
    width = len(line.text) - len(rest)  # the label and its tab, the same in both views
    text = Line(line.span, rest, cut(line.marked, width, width) if line.marked else None)
    state.sections[-1].add(label, text, state.next_label())
    state.pos += 1
    return True


def table_continued(state: TextState) -> bool:
    """A line of as many cells as the open table's rows: its next row, even where the first cell
    looks like a label (`1<TAB>40<TAB>400`)."""
    if not (cells := state.sections[-1].continues_table(state.line)):
        return False
    state.sections[-1].add_row(state.line, cells)
    state.pos += 1
    return True


def table_row(state: TextState) -> bool:
    """Cells separated by tabs (see `sections.table_cells`): a table row."""
    if not (cells := state.sections[-1].row(state.line)):
        return False
    state.sections[-1].add_row(state.line, cells)
    state.pos += 1
    return True


def unlabelled_clause(state: TextState) -> bool:
    """Any other line: an unlabelled clause, in the clause it continues where one is open."""
    state.sections[-1].add(None, state.line, state.next_label())
    state.pos += 1
    return True


RULES: dict[Part, tuple[Rule, ...]] = {
    Part.BEFORE_HEADING: (foreword, numbered_heading, draft_heading, preamble),
    Part.TITLE: (title_line,),
    Part.HISTORY: (history,),
    Part.FORMULA: (formula,),
    Part.BEFORE_SECTIONS: (annex, part_heading, section_heading, text_before_sections),
    Part.SECTION_HEADING: (annex, part_heading, section_heading, heading_continuation),
    Part.CLAUSES: (annex, part_heading, section_heading, word_row, table_continued, changed_clause, labelled_clause, table_row,
                    unlabelled_clause),
}
"""Each part's rules, in the order they are tried on a line: the first that reads it wins."""


def read_rules(state: TextState) -> None:
    """Run the rules over the text, from the state's position to the end."""
    lines, texts = state.lines, state.texts
    while state.pos < len(lines):
        state.line, state.text = lines[state.pos], texts[state.pos]
        for rule in RULES[state.part]:
            if rule(state):
                break
        else:  # the part ends at a line none of its rules reads; the next part's rules try it
            state.enter(Part(state.part + 1))
