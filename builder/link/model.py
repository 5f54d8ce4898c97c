"""The linked site: pages with their ids, URLs and backlinks, ready to render."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..anchors import slug
from ..conventions import BODIES, meeting_name, revision_named, text_label
from .compare import ClauseDiff, TextDiff, runs
from ..ir import BodyId, Contribution, Footnote, Proposal, Provenance, Redline, ResolutionText, Revision, plain_text


def resolution_id(kind: str, body: str, number: str) -> str:
    return f"{body}-{'dec' if kind == 'decision' else 'res'}-{number.lower()}"


def resolution_src(rid: str) -> str:
    """`pp-res-11` → `pp/res-11.md` (URL `pp/res-11/`)."""
    body, rest = rid.split("-", 1)
    return f"{body}/{rest}.md"


def revision_slug(revision: Revision, body: str | None = None) -> str:
    """`Rev. Hammamet, 2016` → `hammamet-2016`: the meeting, whether or not the text says "Rev.".
    A body that names its meetings (builder/conventions.py `meeting_name`) gives the meeting's own
    name: WRC's (Geneva, 1997) → `wrc-97`, the Council's 2016 session → `c16`, as their texts
    cite them (`Resolution 1 (Rev.WRC-97)`); Geneva 1997 alone would not say which body met."""
    name = meeting_name(body, revision) if body in BODIES else None  # type: ignore[arg-type]
    return slug(name) if name else slug(f"{revision.venue} {revision.year}")


def revision_src(rid: str, revision: Revision) -> str:
    """`wtsa-res-68`, Hammamet 2016 → `wtsa/res-68/hammamet-2016.md` (URL `wtsa/res-68/hammamet-2016/`);
    `wrc-res-1`, WRC-97 → `wrc/res-1/wrc-97.md`."""
    return f"{resolution_src(rid).removesuffix('.md')}/{revision_slug(revision, body_of(rid))}.md"


def body_of(rid: str) -> BodyId | None:
    """The body of a resolution id (`wrc-res-1` → `wrc`); None for a references key (`rr-no-5-1`)."""
    body = rid.split("-", 1)[0]
    return body if body in BODIES else None  # type: ignore[return-value]


def citation(kind: str, number: str, revision: Revision | None, body: BodyId, sequence: int | None = None) -> str:
    """A text as ITU cites it: `Resolution 68 (Rev. New Delhi, 2024) of the World
    Telecommunication Standardization Assembly`; `Resolution ITU-R 1-8 of the Radiocommunication
    Assembly` where the body numbers its revisions."""
    return f"{kind.capitalize()} {BODIES[body].numbered}{number}{revision_named(body, revision, sequence)} of the {BODIES[body].name}"


def comparison_src(rid: str, old: Revision, new: Revision) -> str:
    """`wtsa/res-68/compare/hammamet-2016..new-delhi-2024.md` (URL `…/compare/hammamet-2016..new-delhi-2024/`)."""
    return f"{resolution_src(rid).removesuffix('.md')}/compare/{revision_slug(old, body_of(rid))}..{revision_slug(new, body_of(rid))}.md"


def revision_id(page: "RevisionPage") -> str:
    """`wtsa-res-68@hammamet-2016`: how the dump and "cited by" lists name a revision."""
    return f"{page.id}@{revision_slug(page.revision, body_of(page.id))}"


def compared_src(rid: str) -> str:
    """`wtsa-res-68` → `wtsa/res-68/proposals-compared.md`."""
    return f"{resolution_src(rid).removesuffix('.md')}/proposals-compared.md"


def meeting(revision: Revision) -> tuple[str, int]:
    """What identifies a revision: its meeting (`Rev.` or not)."""
    return (revision.venue, revision.year)


def page_order(rid: str) -> tuple:
    """Resolutions by body (as in the table of bodies), then decisions before resolutions, then number."""
    body, kind, number = rid.split("-", 2)
    digits = re.match(r"\d+", number)
    return (list(BODIES).index(body), kind, int(digits[0]) if digits else 0, number)


@dataclass(frozen=True)
class Conference:
    body: BodyId
    revision: Revision | None

    @property
    def label(self) -> str:
        name = BODIES[self.body].short
        return f"{name} ({self.revision.venue}, {self.revision.year})" if self.revision else name

    @property
    def key(self) -> tuple[str, tuple[str, int]] | None:
        """The body and the meeting (`Rev.` or not): what a conference page gathers by."""
        return (self.body, meeting(self.revision)) if self.revision else None

    @property
    def src(self) -> str | None:
        """`pp/dubai-2018.md`: its page, beside the body's texts (None where no meeting is named);
        a meeting whose name would read as a text's or a list's address (a venue `Res`:
        `pp/res-2018`) is `pp/meeting-res-2018.md`."""
        if self.revision is None:
            return None
        name = revision_slug(self.revision, self.body)
        taken = name.startswith(("res-", "dec-", "list-", "compare")) or name in ("index", "")
        return f"{self.body}/{'meeting-' if taken else ''}{name}.md"


ADOPTED, WITH_CHANGES, NOT_ADOPTED = "adopted as proposed", "adopted with changes", "not adopted"
"""What a conference did with one change a proposal marks."""
STATES = ("decided", "not known", "pending")
"""What the collection says of a proposal's outcome (`Outcome.state`), in the order lists give them."""


@dataclass(frozen=True)
class Abrogation:
    """A text a conference lists among those it abrogated, and where the list was found."""

    conference: Conference
    text_id: str
    """`pp-res-185`."""
    label: str
    """`PP Resolution 185`."""
    src: str
    """The revision page holding the list: `pp/res-213/dubai-2018.md`."""
    anchor: str
    where: str
    """The text and clause holding it, as a reader names them: `PP Resolution 213 (Rev. Dubai, 2018), instructs … -`."""


@dataclass(frozen=True)
class ClauseOutcome:
    """One row of a proposal's outcome: a clause as proposed (or as adopted, where the conference
    added it), what the proposal does to it and what the conference did."""

    where: str
    """`considering d)`: the clause as the proposal names it, or as the adopted text does."""
    anchor: str | None
    """On the proposal's page; None for a clause the conference added."""
    change: str | None
    """What the proposal does to it (`c) renumbered d)`, `inserted`, `words changed`); None where
    its source marks nothing."""
    verdict: str
    """For a change: `adopted as proposed`, `adopted with changes` or `not adopted`; for another
    clause: `as adopted`, `changed in the adopted text`, `not in the adopted text` or `added by the conference`."""
    adopted_where: str | None = None
    adopted_anchor: str | None = None
    """Where it stands in the adopted text."""
    words: Redline = ()
    """The proposed words against the adopted ones, where they differ: each change with a few
    words around it (the adopted clause is a link away)."""
    inferred: bool = False
    """The change is inferred from the adopted text (builder/link/inferred.py), not read."""


@dataclass(frozen=True)
class Outcome:
    """What the conference a proposal was made to did with it, as far as the collection says."""

    conference: Conference
    state: str
    """`decided` (the collection holds what it adopted of the text), `not known` (it holds texts
    of the conference, not this one) or `pending` (it holds no text of the conference)."""
    summary: str
    """One line: `PP (Dubai, 2018) adopted 3 of its 4 changes, 1 with changes`."""
    short: str
    """For tables: `3 of 4 adopted, 1 with changes`."""
    rows: tuple[ClauseOutcome, ...] = ()
    adopted_label: str | None = None
    """`PP Resolution 71 (Rev. Dubai, 2018)`: the text compared with, or the one that records
    the outcome (the conference's list of the texts it abrogated)."""
    adopted_src: str | None = None
    adopted_anchor: str | None = None

    @property
    def changes(self) -> tuple[ClauseOutcome, ...]:
        return tuple(r for r in self.rows if r.change)


@dataclass(frozen=True)
class OfficialDocument:
    """A contribution's official document on its conference's site (builder/link/official.py)."""

    label: str
    """`PP-18 Document 64 Addendum 1`."""
    url: str
    host: str
    """`www.itu.int`: the site the link leaves for."""


@dataclass(frozen=True)
class CitationUse:
    """One citation on a page, resolved: what it says, where it leads, where it stands."""

    text: str
    target: str | None
    """`pp-res-123`, `pp-res-58#resolves-2`, `cs-no-126`; None when it cannot be resolved."""
    source: str | None
    """The anchor of the citing clause or part on its page (None: the page's title)."""


@dataclass(frozen=True)
class CitedBy:
    """A place that cites a page: for its "Cited by" list."""

    page_id: str
    page_label: str
    src: str
    anchor: str | None
    where: str
    """The citing clause as a reader names it (`recalling a)`, `Introduction`)."""
    revision: str | None = None
    """The revision the citation names (`Rev. Hammamet, 2016`), if it names one."""


@dataclass(frozen=True)
class ClauseChange:
    """One change a MOD proposal makes: a clause inserted, deleted or renumbered, or a heading replaced."""

    section: str
    """The section's heading as proposed."""
    old_section: str | None
    """For a replaced heading, the old one."""
    old: str | None
    new: str | None
    status: str
    """`inserted`, `deleted`, `renumbered`, `amended` (words changed, label kept), or `replaced` (a heading)."""
    anchor: str
    """Where the change stands in the proposal."""
    old_anchor: str | None
    """Where the changed clause stands in the text being amended (None for an insertion)."""
    words: Redline = ()
    """The words inserted and deleted in the clause, with a few around each (where the source says)."""

    @property
    def summary(self) -> str:
        if self.status == "replaced":
            return f"heading “{self.old_section}” replaced by “{self.section}”"
        if self.status == "renumbered":
            return f"{self.section} {self.old or '(no label)'} renumbered {self.new or '(no label)'}"
        return f"{self.section} {self.new or self.old or 'paragraph'} {self.status}"


@dataclass(frozen=True)
class Mark:
    """On a resolution's clause: a proposal that changes it."""

    proposal: str
    what: str
    src: str
    anchor: str


@dataclass(frozen=True)
class Comparison:
    """A clause of a MOD proposal compared word by word with another revision in the collection."""

    against: str
    """What it is compared with: `the text being amended (Rev. Kigali, 2022)`."""
    shows: str
    """`insertions` (compared with the text being amended: its deletions cannot be told from the
    flattened text) or `deletions` (compared with the text as adopted)."""
    parts: tuple[tuple[str, str], ...]
    """(``, text), (`ins`, text) or (`del`, text), in order."""


@dataclass(frozen=True)
class Annotations:
    """What the link stage adds to the clauses of a page, by clause anchor."""

    marks: dict[str, tuple[Mark, ...]] = field(default_factory=dict)
    """On a resolution: the proposals that delete, renumber or replace the clause."""
    redlines: dict[str, Comparison] = field(default_factory=dict)
    """On a MOD proposal: the clause compared word by word with another revision."""
    repeated: frozenset[str] = frozenset()
    """On a MOD proposal: the clauses whose words are those of the text it amends, which search
    leaves to the resolution's own page (builder/search.py)."""


@dataclass(frozen=True)
class ProposalPage:
    id: str
    """The proposal code without its suffix: `ACP/64A1/3`."""
    src: str
    """The Markdown path under docs: `proposals/acp-64a1-3.md` (URL `proposals/acp-64a1-3/`)."""
    proposal: Proposal
    contribution_id: str
    contribution_src: str
    target_id: str | None
    target_src: str | None
    target_label: str | None
    """`PP Resolution 11`, or what a non-resolution target is (`Draft New Resolution [EUR-1]`)."""
    conference: Conference | None
    footnotes: tuple[Footnote, ...]
    source_file: str
    citations: tuple[CitationUse, ...] = ()
    changes: tuple[ClauseChange, ...] = ()
    """For a MOD proposal: its clause-level changes."""
    annotations: Annotations = field(default_factory=Annotations)
    base_needed: Revision | None = None
    """For a MOD proposal whose base revision the collection lacks: the revision it amends."""
    outcome: Outcome | None = None
    """What its conference did with it (builder/link/outcomes.py); None where it names no conference."""
    compared_src: str | None = None
    """The "Proposals compared" page of its target, where other MOD proposals compete with it."""
    provenance: Provenance | None = None
    """What its source file is (a Word document or a text export) and the document's date."""
    official: OfficialDocument | None = None
    """Its contribution's official document, where mkdocs.yml sets an address pattern for its conference."""

    @property
    def label(self) -> str:
        """`MOD ACP/64A1/3`: how lists and marks name the proposal."""
        return f"{self.proposal.action} {self.proposal.code.printed}"

    @property
    def citation(self) -> str:
        """`Proposal ACP/64A1/3 (MOD of Resolution 11)`, as a delegate cites it."""
        p = self.proposal
        target = f"{p.target.kind.capitalize()} {p.target.number}" if p.target else p.target_title
        if target and p.target and p.target.part:
            target += f", {p.target.part}"
        return f"Proposal {self.id} ({p.action}{f' of {target}' if target else ''})"

    @property
    def summary_line(self) -> str:
        for part in (self.proposal.summary, self.proposal.proposal, self.proposal.introduction):
            if part:
                return plain_text(part[0].text)
        return ""


def tally(rows: "Iterable[ClauseOutcome]") -> tuple[int, int, int]:
    """Of the changes among outcome rows that their sources mark (not those inferred): how many
    the conference adopted, how many of those with changes, how many in all."""
    changes = [r for r in rows if r.change and not r.inferred]
    return (sum(r.verdict != NOT_ADOPTED for r in changes), sum(r.verdict == WITH_CHANGES for r in changes), len(changes))


def tally_line(counts: tuple[int, int, int]) -> str:
    """`9 of the 12 changes they mark adopted, 3 with changes`."""
    adopted, changed, total = counts
    with_changes = f", {changed} with changes" if changed else ""
    return f"{adopted} of the {total} change{'s' if total != 1 else ''} they mark adopted{with_changes}" if total else ""


@dataclass(frozen=True)
class HistoryEntry:
    """One revision of a resolution, as its history line and the collection know it."""

    revision: Revision
    src: str | None
    """Its page, where the collection holds its text."""
    compare_src: str | None = None
    """The comparison with the previous revision the collection holds."""


@dataclass(frozen=True)
class RevisionPage:
    """One revision of a resolution at its permanent address (`wtsa/res-68/hammamet-2016/`)."""

    id: str
    """The resolution's id (`wtsa-res-68`)."""
    src: str
    label: str
    """`WTSA Resolution 68`."""
    canonical_src: str
    revision: Revision
    text: ResolutionText
    footnotes: tuple[Footnote, ...]
    source_file: str
    latest: bool
    history: tuple[HistoryEntry, ...] = ()
    citations: tuple["CitationUse", ...] = ()
    provenance: Provenance | None = None

    @property
    def kind(self) -> str:
        return self.text.kind

    @property
    def citation(self) -> str:
        return citation(self.kind, self.text.number, self.revision, self.text.body, self.text.sequence)  # type: ignore[arg-type]

    @property
    def conference(self) -> Conference:
        """The conference that adopted this revision (its page: `conference.src`)."""
        return Conference(self.text.body, Revision(self.revision.venue, self.revision.year))  # type: ignore[arg-type]


@dataclass(frozen=True)
class RevisionComparison:
    """Two consecutive revisions of a resolution in the collection, compared."""

    id: str
    src: str
    label: str
    old: RevisionPage
    new: RevisionPage
    diff: TextDiff

    @property
    def sections(self) -> list[tuple[str, list[tuple[bool, list[ClauseDiff]]]]]:
        """The clauses by section, in runs shown or folded (unchanged ones, in their place)."""
        return runs(self.diff.clauses, lambda d: (d.new or d.old).section,  # type: ignore[union-attr]
                    lambda d: not (d.status == "unchanged" and not d.relabelled))


@dataclass(frozen=True)
class Cell:
    """One proposal's version of one clause of the base text."""

    status: str
    """`unchanged`, `changed`, `deleted`, `moved` or `inserted` (a clause the base lacks)."""
    label: str | None
    """The clause's label in the proposal (None: deleted)."""
    words: Redline
    """Its words against the base clause's."""
    anchor: str | None
    """Where it stands on the proposal's page."""


@dataclass(frozen=True)
class Row:
    section: str
    label: str | None
    """The base clause's label; None for a clause only proposals insert."""
    anchor: str | None
    """The base clause's anchor."""
    cells: tuple[Cell | None, ...]
    """One per proposal; None where the proposal does not have this row's clause."""
    adopted: Cell | None = None
    """The clause as the proposals' conference adopted it, where the collection holds that text."""

    @property
    def touched(self) -> bool:
        """Some proposal changes the clause (what the conference did alone does not unfold it)."""
        return any(c is not None and c.status != "unchanged" for c in self.cells)


@dataclass(frozen=True)
class ProposalsCompared:
    """The competing MOD proposals on one resolution, side by side against one base text."""

    id: str
    src: str
    label: str
    base: str
    """What the rows follow: `Rev. Kigali, 2022`, or the first proposal's text when no base is held."""
    base_src: str | None
    proposals: tuple["ProposalPage", ...]
    rows: tuple[Row, ...]
    adopted: str | None = None
    """`Rev. Dubai, 2018`: the text the proposals' conference adopted, the last column, where held."""
    adopted_src: str | None = None

    @property
    def sections(self) -> list[tuple[str, list[Row], list[Row]]]:
        """Each section's rows some proposal touches (a table), then those none touches (folded)."""
        return [(section, [r for _, rows in groups for r in rows if r.touched], [r for _, rows in groups for r in rows if not r.touched])
                for section, groups in runs(self.rows, lambda r: r.section, lambda r: r.touched)]


@dataclass(frozen=True)
class ResolutionPage:
    id: str
    """`pp-res-11`, `wtsa-res-74`, `pp-dec-5`."""
    src: str
    kind: str
    body: BodyId
    number: str
    text: ResolutionText | None
    """None when the corpus only holds proposals that target it."""
    titles: tuple[str, ...]
    """What the text or the proposals call it; the first is shown."""
    revisions: tuple[Revision, ...]
    """Revisions known from the text or from proposals' headings."""
    amended_by: tuple[ProposalPage, ...]
    footnotes: tuple[Footnote, ...]
    source_file: str | None
    cited_by: tuple[CitedBy, ...] = ()
    citations: tuple[CitationUse, ...] = ()
    annotations: Annotations = field(default_factory=Annotations)
    history: tuple[HistoryEntry, ...] = ()
    """Every revision known, oldest first (the one shown is `text.revision`)."""
    compared_src: str | None = None
    """Its "Proposals compared" page, where two or more MOD proposals amend it."""
    titled_by_citations: bool = False
    """Without its text, its title is the one citing texts give it (no proposal gives a clean one)."""
    abrogated: Abrogation | None = None
    """Where a conference's list of the texts it abrogated names it (builder/link/abrogated.py)."""
    provenance: Provenance | None = None
    """None when the corpus holds no text of it."""

    @property
    def label(self) -> str:
        return text_label(self.body, self.kind, self.number)

    @property
    def citation(self) -> str:
        """The text shown, as ITU cites it."""
        return citation(self.kind, self.number, self.text.revision if self.text else None, self.body,
                        self.text.sequence if self.text else None)

    @property
    def permanent_src(self) -> str:
        """Where the text shown stays whatever the collection adds later: its revision's page."""
        shown = self.text.revision if self.text else None
        for entry in self.history:
            if shown and entry.src and meeting(entry.revision) == meeting(shown):
                return entry.src
        return self.src

    @property
    def cited_by_count(self) -> int:
        return len(self.cited_by)

    @property
    def conference(self) -> Conference | None:
        """The conference that adopted the text shown."""
        r = self.text.revision if self.text else None
        return Conference(self.body, Revision(r.venue, r.year)) if r else None

    @property
    def proposal_states(self) -> tuple[tuple[str, int], ...]:
        """(`decided`, 2), (`pending`, 1): its proposals by what the collection says of their outcome."""
        states = Counter(p.outcome.state if p.outcome else "not known" for p in self.amended_by)
        return tuple((s, states[s]) for s in STATES if states[s])


@dataclass(frozen=True)
class ContributionPage:
    id: str
    src: str
    contribution: Contribution
    proposals: tuple[ProposalPage, ...]
    footnotes: tuple[Footnote, ...]
    source_file: str
    citations: tuple[CitationUse, ...] = ()
    provenance: Provenance | None = None
    official: OfficialDocument | None = None
    """Its official document, the one most of its proposals give."""

    @property
    def outcomes(self) -> str:
        """`PP (Dubai, 2018) decided 22 of its 25 proposals: 142 of the 180 changes they mark adopted, 12 with changes.`"""
        known = [p for p in self.proposals if p.outcome]
        decided = [p for p in known if p.outcome and p.outcome.state == "decided"]
        if not decided:
            return ""
        names = ", ".join(dict.fromkeys(p.outcome.conference.label for p in decided if p.outcome))
        counts = tally_line(tally(r for p in decided if p.outcome for r in p.outcome.rows))
        return f"{names} decided {len(decided)} of its {len(self.proposals)} proposals{': ' + counts if counts else ''}."


@dataclass(frozen=True)
class ReferenceEntry:
    """A text outside the collection that the corpus cites: a provision of the Constitution,
    the Convention or the Radio Regulations, a Council resolution or decision, a UN text."""

    key: str
    """Its anchor, on its page and on the references page (old links): `cs-no-126`, `rr-no-5-341`, `un-70-1`."""
    kind: str
    label: str
    cited_by: tuple[CitedBy, ...]
    src: str = ""
    """The page it is on (builder/link/references.py)."""
    moved_to: str | None = None
    """The page of the text where it now is (`council/res-1292.md`): an entry kept only so that
    its old address leads there (builder/link/citations.py `_moved`)."""

    @property
    def body(self) -> str | None:
        """The body of the page it moved to (`council`)."""
        return self.moved_to.split("/", 1)[0] if self.moved_to else None


def numbers(first: int, last: int) -> str:
    """A range of numbers as titles and addresses show it: `100-199` (0, which the whole
    instrument takes, is shown from 1: `1-99`)."""
    first = first or min(1, last)
    return str(first) if first == last else f"{first}-{last}"


@dataclass(frozen=True)
class ReferencePage:
    """One page of the references: a kind of text, or one range of its numbers."""

    src: str
    kind: str
    """A key of REFERENCE_KINDS."""
    first: int | None
    last: int | None
    """The range of numbers (builder/link/references.py `series`) it holds; None for a whole kind."""
    entries: tuple[ReferenceEntry, ...]

    @property
    def in_range(self) -> bool:
        """A page of one range of its kind's numbers (the kind is split), not the whole kind."""
        return self.first is not None

    @property
    def numbers(self) -> str:
        """`1000–1099`, as its title shows it."""
        return numbers(self.first or 0, self.last or 0).replace("-", "–")


@dataclass(frozen=True)
class UnplacedPage:
    """A text that cannot have its own page (no heading, unknown body, a duplicate), kept so
    that nothing read is lost from the site."""

    src: str
    text: ResolutionText
    reason: str
    footnotes: tuple[Footnote, ...]
    source_file: str
    provenance: Provenance | None = None


@dataclass(frozen=True)
class ProposalsOn:
    """The proposals made to one conference on one text (a row of its conference page)."""

    label: str
    """`PP Resolution 71`, or what a non-resolution target is."""
    src: str | None
    adopted: "RevisionPage | None"
    """The text as the conference adopted it, where held."""
    proposals: tuple[ProposalPage, ...]


@dataclass(frozen=True)
class SourceCount:
    """The proposals one source made to one conference, counted by outcome."""

    group: str
    """`ACP`."""
    name: str
    count: int
    states: tuple[tuple[str, int], ...]
    """(`decided`, 21), (`not known`, 2): how many of its proposals are in each state."""
    changes: str
    """`9 of the 12 changes they mark adopted, 3 with changes` (`tally_line`)."""


@dataclass(frozen=True)
class ConferenceList:
    """One page of a conference's proposals by text: the first is on the conference's page."""

    src: str
    page: int
    rows: tuple[ProposalsOn, ...]


@dataclass(frozen=True)
class ConferencePage:
    """One conference (`pp/dubai-2018/`): the texts it adopted and the proposals made to it."""

    conference: Conference
    src: str
    new: tuple["RevisionPage", ...]
    """The texts it adopted as new ones (no `Rev.`)."""
    revised: tuple["RevisionPage", ...]
    lists: tuple[ConferenceList, ...]
    """Its proposals by text, a page at a time (the first on this page)."""
    by_source: tuple[SourceCount, ...]
    abrogated: tuple[tuple[Abrogation, str | None], ...] = ()
    """The texts its list says it abrogated, each with its page where the site has one."""

    @property
    def id(self) -> str:
        return self.src.removesuffix(".md").replace("/", "-")

    @property
    def title(self) -> str:
        """`Plenipotentiary Conference (Dubai, 2018)`."""
        r = self.conference.revision
        return f"{BODIES[self.conference.body].name}" + (f" ({r.venue}, {r.year})" if r else "")

    @property
    def proposals(self) -> int:
        return sum(len(t.proposals) for part in self.lists for t in part.rows)


@dataclass(frozen=True)
class Site:
    resolutions: tuple[ResolutionPage, ...]
    """Sorted by body, then number."""
    proposals: tuple[ProposalPage, ...]
    contributions: tuple[ContributionPage, ...]
    unplaced: tuple[UnplacedPage, ...] = ()
    references: tuple[ReferenceEntry, ...] = ()
    reference_pages: tuple[ReferencePage, ...] = ()
    """The pages the references are on (`references/constitution/`), in the order of REFERENCE_KINDS."""
    revisions: tuple[RevisionPage, ...] = ()
    """Every revision the collection holds, the latest included, at its permanent address."""
    comparisons: tuple[RevisionComparison, ...] = ()
    compared: tuple[ProposalsCompared, ...] = ()
    conferences: tuple[ConferencePage, ...] = ()
    """A page for each conference the collection holds texts of or proposals to."""
    abrogations: tuple[Abrogation, ...] = ()
    """Every text a held list says a conference abrogated (builder/link/abrogated.py)."""
