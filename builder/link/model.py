"""The linked site: pages with their ids, URLs and backlinks, ready to render."""

from __future__ import annotations

from dataclasses import dataclass

from ..conventions import BODIES
from ..ir import BodyId, Contribution, Footnote, Proposal, ResolutionText, Revision, plain_text


@dataclass(frozen=True)
class Conference:
    body: BodyId
    revision: Revision | None

    @property
    def label(self) -> str:
        name = BODIES[self.body].short
        return f"{name} ({self.revision.venue}, {self.revision.year})" if self.revision else name


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

    @property
    def summary_line(self) -> str:
        for part in (self.proposal.summary, self.proposal.proposal, self.proposal.introduction):
            if part:
                return plain_text(part[0].text)
        return ""


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

    @property
    def label(self) -> str:
        return f"{BODIES[self.body].short} {self.kind.capitalize()} {self.number}"


@dataclass(frozen=True)
class ContributionPage:
    id: str
    src: str
    contribution: Contribution
    proposals: tuple[ProposalPage, ...]
    footnotes: tuple[Footnote, ...]
    source_file: str


@dataclass(frozen=True)
class UnplacedPage:
    """A text that cannot have its own page (no heading, unknown body, a duplicate), kept so
    that nothing read is lost from the site."""

    src: str
    text: ResolutionText
    reason: str
    footnotes: tuple[Footnote, ...]
    source_file: str


@dataclass(frozen=True)
class Site:
    resolutions: tuple[ResolutionPage, ...]
    """Sorted by body, then number."""
    proposals: tuple[ProposalPage, ...]
    contributions: tuple[ContributionPage, ...]
    unplaced: tuple[UnplacedPage, ...] = ()
