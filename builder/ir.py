"""The typed intermediate representation passed from the readers to the linker and renderers.

Every node is a frozen dataclass and carries the `Span` it was read from, so that any
stage can report a diagnostic as ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

BodyId = Literal["pp", "wtsa", "wtdc", "ra", "wrc", "council"]
Action = Literal["ADD", "MOD", "SUP", "NOC", "(MOD)", "ADD*", "SUP*"]


@dataclass(frozen=True)
class Span:
    """Where a node came from: the corpus file (as given to the reader) and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


Edit = Literal["ins", "del"]
"""What a tracked change does: inserts or deletes."""
Op = Literal["", Edit]
"""What a piece of text is: kept (``), inserted or deleted; the one vocabulary of changes, which
`Change`, `FootnoteRef`, `Redline` and the readers' private-use marks (builder/readers/markers.py)
share."""


@dataclass(frozen=True)
class FootnoteRef:
    """The point in running text where a footnote is called."""

    key: str
    """The footnote's key, unique within its source file (Word's footnote id)."""
    op: Op = ""
    """`ins` or `del` where a tracked change inserts or deletes the call."""


@dataclass(frozen=True)
class Revision:
    """A (venue, year) of a conference, e.g. Kigali 2022; `rev` marks "Rev." (a revised text)."""

    venue: str
    year: int
    rev: bool = False

    def __str__(self) -> str:
        return f"{'Rev. ' if self.rev else ''}{self.venue}, {self.year}"


ReferenceKind = Literal[
    "resolution", "decision",
    "constitution", "convention", "radio-regulations", "un",
    "itrs", "financial-regulations", "instrument",
]


@dataclass(frozen=True)
class Reference:
    """What a citation names, as written: the reader parses, the link stage resolves."""

    kind: ReferenceKind
    number: str
    """`123`, `15` (of ITU-R 15-6), `1292` (Council), `126` (No. 126), `19` (Article 19), `5.341`
    (No. 5.341 of the Radio Regulations), `30A` (Appendix 30A), `70/1` (UN);
    empty for an instrument cited whole (`the ITRs`)."""
    body: BodyId | None = None
    """The body the citation names (`of WTDC`, `ITU-R`), if it names one the builder knows."""
    other_body: str | None = None
    """A body it names that the collection does not cover (`the World Conference on International …`),
    or, for kind `instrument`, the instrument's name (`Convention on the Rights of Persons with Disabilities`)."""
    relative: bool = False
    """`of this conference`, `of this assembly`: the citing document's own body."""
    revisions: tuple[Revision, ...] = ()
    section: str | None = None
    """For a clause-level citation (`resolves 2 of …`), the section as cited; for a provision,
    the part of it cited (`Annex 7` of `Annex 7 to Appendix 30`)."""
    label: str | None = None
    """…and the clause label path as cited (`2`, `5 ii)`, `g)`)."""
    provision: str | None = None
    """For a provision of an instrument: `No.`, `Article` or `Appendix`."""
    bare: bool = False
    """A provision named without its instrument (`No. 5.266`): the Radio Regulations' in a text
    of the World Radiocommunication Conference; elsewhere it names none, and stays text."""


@dataclass(frozen=True)
class Resolved:
    """Where a citation leads, as the link stage found it."""

    id: str
    """`pp-res-123`, or an external reference's key (`cs-no-126`)."""
    src: str
    """The page's Markdown path."""
    anchor: str | None = None


@dataclass(frozen=True)
class Citation:
    """A span of running text that cites another text."""

    text: str
    """The words of the citation, as printed (they become the link text)."""
    ref: Reference
    target: Resolved | None = None
    """Filled by the link stage; None while unread or when it cannot be resolved."""
    printed: "Redline" = ()
    """Where tracked changes fall inside the citation, its words in pieces (`text` is the
    proposed text): (``, `Resolution 30 (Rev. `), (`del`, `Buenos Aires`), (`ins`, `Dubai`), …"""
    title: str | None = None
    """The title the words right after it give the text cited (`…, on "Strategic plan"`)."""


@dataclass(frozen=True)
class Change:
    """Words a tracked change deletes or inserts: exact from a Word document; from a text export
    only where both halves of a run-together piece parse (two revisions of a meeting)."""

    op: Edit
    text: str
    inferred: bool = False
    """Not in the source: the halves of a run-together word of a text export, told apart by the
    text its conference adopted (builder/link/inferred.py)."""


Redline = tuple[tuple[Op, str], ...]
"""Text in pieces, each (``, words), (`ins`, words) or (`del`, words), in order."""

Inline = Union[str, FootnoteRef, Citation, Change]
"""Running text: plain strings, footnote references, citations and tracked changes."""


@dataclass(frozen=True)
class Footnote:
    key: str
    """Word's footnote id, unique within the source file."""
    text: tuple[Inline, ...]
    """The footnote's text, without Word's displayed number."""
    span: Span


@dataclass(frozen=True)
class Paragraph:
    """Prose that is not a clause: forewords, introductions, summaries, annex notes."""

    text: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True)
class Table:
    """Tab-separated lines kept as rows of cells."""

    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    """Rows of cells; a cell is running text (it may call a footnote)."""
    span: Span


ClauseStatus = Literal["unchanged", "inserted", "deleted", "renumbered", "changed"]
"""`changed`: the clause's words differ from its base text's (known where the collection holds it)."""


@dataclass(frozen=True)
class LabelChange:
    """What a MOD proposal does to a clause: exact from a Word document's tracked changes,
    aligned from the flattened labels of a text export (builder.readers.flattened)."""

    old: str | None
    """The label in the text being amended (None: the clause is inserted)."""
    new: str | None
    """The label as proposed (None: the clause is deleted)."""
    status: ClauseStatus
    printed: tuple[tuple[str, str], ...]
    """The printed label in pieces, in order: (`del`, `c`), (`ins`, `f`), (``, `)`)."""


@dataclass(frozen=True)
class Clause:
    """One citable paragraph of a resolution: `a)`, `5.1`, a dash item, or an unlabelled paragraph."""

    label: str | None
    """The label as printed (`a)`, `5.1`, `–`), or None for an unlabelled paragraph."""
    anchor: str
    """The public anchor id, unique within the page (see builder.anchors)."""
    text: tuple[Inline, ...]
    span: Span
    children: tuple["Block", ...] = ()
    """Its sub-clauses, and the tables printed in it (`1.1 … as below:`, a table, `1.2`)."""
    change: LabelChange | None = None
    """In a MOD proposal, how the clause's label changes; `label` is then the new label."""


Block = Union[Clause, Table, Paragraph]


@dataclass(frozen=True)
class Section:
    """A preamble or operative part (`recalling`, `resolves to instruct …`), an annex, or a part
    (`SECTION 1bis – Documentation`, `PART A`, `Appendix I (to Resolution 1)`): a level above
    clauses, whose numbering restarts and whose anchors say it (`section-1bis-1-2-3`)."""

    heading: str
    """The heading as printed (continuation lines joined with a space)."""
    anchor: str
    blocks: tuple[Block, ...]
    span: Span
    kind: Literal["section", "annex", "part"] = "section"
    old_heading: str | None = None
    """In a MOD proposal, the heading this one replaces (`recognizing`, printed `recognizingconsidering`)."""
    printed_heading: tuple[tuple[str, str], ...] = ()
    """For a replaced heading, its printed words in pieces: (`del`, `recognizing`), (`ins`, `considering`)."""
    within: str | None = None
    """The anchor of the annex a part belongs to (`ANNEX 1`, then `PART A`), else None."""


@dataclass(frozen=True)
class AbrogatedList:
    """A conference's list of the texts it abrogated, in capitals as Final Acts print it (`LIST
    OF RESOLUTIONS ABROGATED BY THE PLENIPOTENTIARY CONFERENCE (DUBAI, 2018)`), found in the words
    of a clause: a PDF's conversion may run it into the last clause of the text before it."""

    body: BodyId
    revision: Revision
    """The conference's (venue, year), the venue as the list prints it."""
    texts: tuple[tuple[Literal["resolution", "decision"], str], ...]
    """(kind, number) of each text listed, in order."""
    anchor: str
    """The clause holding the list."""
    where: str
    """That clause as a reader names it: `instructs … -`."""


@dataclass(frozen=True)
class ResolutionText:
    """The text of a resolution or decision, standalone or as proposed inside a proposal."""

    kind: Literal["resolution", "decision", "draft", "fragment"]
    """`fragment`: proposed text with no resolution heading (e.g. the title of the Constitution)."""
    body: BodyId | None
    number: str | None
    heading: str
    """The heading line as printed (`RESOLUTION 68 (Rev. Hammamet, 2016New Delhi, 2024)`)."""
    revision: Revision | None
    """The (new) revision the heading names."""
    old_revision: Revision | None
    """For flattened tracked changes, the revision the heading replaces."""
    title: tuple[Inline, ...]
    """The title (lines joined with a space); may call a footnote."""
    history: str | None
    formula: str | None
    """The enacting formula line (`The World Telecommunication Development Conference (Kigali, 2022),`)."""
    meetings: tuple[Revision, ...]
    """The (venue, year) the formula names: one, or the old and the new in a MOD proposal."""
    foreword: tuple[Paragraph, ...]
    preamble: tuple[Block, ...]
    """Lines before the heading that are not a foreword (e.g. the NOC targets' headings)."""
    sections: tuple[Section, ...]
    span: Span
    printed_heading: Redline = ()
    """Where tracked changes are known in the heading line, its words in pieces (`heading` is
    then the proposed heading); likewise the history line and the formula."""
    printed_history: Redline = ()
    printed_formula: Redline = ()
    calls: tuple[tuple[Literal["heading", "history", "formula"], FootnoteRef], ...] = ()
    """Footnote calls on the heading, history and formula lines (`(Helsinki, 1993; …)¹`), by the
    line that makes them: those lines are kept as plain text, their notes beside them."""
    sequence: int | None = None
    """RA's number of the revision (8 of `RESOLUTION ITU-R 1-8`), by which it is cited."""
    exact: bool = False
    """The tracked changes are Word's own (a .docx), not recovered from a flattened text export."""
    abrogated: tuple[AbrogatedList, ...] = ()
    """The lists of abrogated texts its clauses hold (Final Acts end with one)."""

    @property
    def heading_says_more(self) -> bool:
        """The heading names what a page's title, made from the number and the revision, cannot:
        parentheses that name no meeting (`RESOLUTION 0 (G)`), or an old revision run together
        with the new one (`(Rev. Hammamet, 2016New Delhi, 2024)`). The page then prints it."""
        old = self.old_revision
        heading = self.heading.replace("\u00a0", " ")
        return (self.revision is None and "(" in heading) or (old is not None and f"{old.venue}, {old.year}" in heading)


@dataclass(frozen=True)
class ProposalCode:
    """`SOURCE/DOC[A ADDENDUM]/N[#SUB]`, e.g. ACP/64A1/9#48507."""

    source: str
    document: str
    """The document number with its addendum, e.g. `64A1`."""
    number: int
    suffix: str | None = None

    @property
    def contribution(self) -> str:
        return f"{self.source}/{self.document}"

    def __str__(self) -> str:
        return f"{self.contribution}/{self.number}"

    @property
    def printed(self) -> str:
        return f"{self}#{self.suffix}" if self.suffix else str(self)


@dataclass(frozen=True)
class Target:
    """What a proposal amends: a resolution of a body, optionally one part of it (an annex)."""

    kind: Literal["resolution", "decision"]
    body: BodyId
    number: str
    part: str | None = None
    """A part of the resolution the proposal is limited to, e.g. `Annex 1`."""


@dataclass(frozen=True)
class Proposal:
    code: ProposalCode
    action: Action
    summary_heading: str | None
    """The `Proposal ACP/64A1/3 - Summary:` line as printed (without a summary on the same line)."""
    summary: tuple[Paragraph, ...]
    introduction: tuple[Paragraph, ...]
    proposal: tuple[Paragraph, ...]
    """The PROPOSAL part: what the proponents ask for, in prose."""
    text: ResolutionText | None
    """The text as proposed (for SUP, the heading of the text to suppress)."""
    reasons: tuple[Paragraph, ...] | None
    """The `Reasons:` line and any lines after it."""
    target: Target | None
    target_title: str | None
    """What the proposal targets when it is not a resolution (the Constitution, a new resolution)."""
    span: Span


@dataclass(frozen=True)
class Contribution:
    """One source document of proposals from one source (a regional group or an administration)."""

    code: str
    """`ACP/64A1`."""
    source: str
    abstract: tuple[Paragraph, ...]
    proposals: tuple[Proposal, ...]
    trailing: tuple[Block, ...]
    """Lines that belong to no proposal (kept, and reported)."""
    span: Span


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Provenance:
    """What a source file is, for a reader to weigh its text: a Word document, read with its
    tracked changes as Word records them, or a text export of one, which keeps neither the
    changes nor a date."""

    format: Literal["word", "text"]
    date: str | None = None
    """The document's own date (`2018-05-12`, UTC), from a Word document's core properties;
    never the file system's, which says when the file was copied, not written."""
    dated: Literal["modified", "created"] | None = None
    """Which of the core properties `date` is: last modified, else created."""

    @property
    def day(self) -> str | None:
        """`12 May 2018`: the date as pages print it (the same in every locale)."""
        if self.date is None:
            return None
        year, month, day = (int(part) for part in self.date.split("-"))
        return f"{day} {_MONTHS[month - 1]} {year}"


TEXT_EXPORT = Provenance("text")


@dataclass(frozen=True)
class SourceFile:
    """Everything read from one corpus file."""

    path: str
    resolutions: tuple[ResolutionText, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    footnotes: tuple[Footnote, ...] = field(default=())
    provenance: Provenance = TEXT_EXPORT


def plain_text(text: tuple[Inline, ...]) -> str:
    """Running text as proposed (deletions left out, inferred ones too: what comparisons with
    the adopted text read), without its footnote references."""
    return "".join(
        piece if isinstance(piece, str) else piece.text
        for piece in text
        if not isinstance(piece, FootnoteRef) and not (isinstance(piece, Change) and piece.op == "del")
    )


def redline(text: tuple[Inline, ...], inferred: bool = False) -> Redline:
    """Running text in (op, words) pieces, footnote references left out; citations contribute
    their printed pieces. Adjacent pieces of one kind are merged. Inferred changes are the
    source's words, unmarked, unless `inferred`."""
    out: list[tuple[str, str]] = []
    for piece in text:
        if isinstance(piece, FootnoteRef):
            continue
        parts: Redline = (
            (("", piece),) if isinstance(piece, str)
            else ((piece.op if inferred or not piece.inferred else "", piece.text),) if isinstance(piece, Change)
            else piece.printed or (("", piece.text),)
        )
        for op, words in parts:
            if out and out[-1][0] == op:
                out[-1] = (op, out[-1][1] + words)
            elif words:
                out.append((op, words))
    return tuple(out)


def has_changes(text: tuple[Inline, ...]) -> bool:
    return any(
        (isinstance(p, Change) and not p.inferred) or (isinstance(p, Citation) and p.printed) or (isinstance(p, FootnoteRef) and p.op)
        for p in text
    )


def label_pieces(old: str | None, new: str | None) -> Redline:
    """A label as Word's redline prints it: `c)` → `f)` is (`del`, `c`), (`ins`, `f`), (``, `)`)."""
    if old == new:
        return (("", new or ""),)
    if old is None or new is None:
        label = new or old or ""
        token = label.rstrip(").")
        return tuple(p for p in (("ins" if old is None else "del", token), ("", label[len(token) :])) if p[1])
    suffix = ""
    while old and new and old[-1] == new[-1] and not old[-1].isalnum():
        suffix, old, new = old[-1] + suffix, old[:-1], new[:-1]
    return tuple(p for p in (("del", old), ("ins", new), ("", suffix)) if p[1])
