"""Each page's title and description: what a browser tab, a bookmark, the history, a link preview
and a search engine show. A document is named as a delegate cites it (`WTDC Resolution 71 (Rev.
Kigali, 2022): Strengthening cooperation…`, `Proposal IAP/39A13/1: MOD of WTSA Resolution 68`), a
list by what it lists; two texts never share a title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..anchors import slug
from ..conventions import ACTIONS, BODIES, revision_named, source
from ..ir import plain_text
from ..link import ContributionPage, ProposalPage, ReferencePage, ResolutionPage
from ..link.citations import REFERENCE_KINDS
from ..link.model import ConferencePage, ProposalsCompared, RevisionComparison, RevisionPage, UnplacedPage

DESCRIPTION_LENGTH = 300
"""Link previews and search engines show about this many characters of a description."""


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str | None = None
    """None: the site's own description (`site_description` in mkdocs.yml)."""


def _words(text: str) -> str:
    return " ".join(text.split())


def _short(text: str) -> str:
    text = _words(text)
    return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _named(citation: str, title: str | None) -> str:
    """`WTDC Resolution 71 (Rev. Kigali, 2022): Strengthening…`; a title quoted from running text
    (`on the strategic plan for the Union`) capitalised."""
    title = _words(title or "")
    return f"{citation}: {title[:1].upper()}{title[1:]}" if title else citation


def _counts(amended: int, cited: int) -> str:
    """` Amended by 2 proposals; cited by 1 citing clause.`, what there is of it."""
    said = [f"{verb} by {n} {noun}{'s' if n != 1 else ''}"
            for verb, n, noun in (("amended", amended, "proposal"), ("cited", cited, "citing clause")) if n]
    return f" {'; '.join(said).capitalize()}." if said else ""


def resolution_meta(page: ResolutionPage) -> PageMeta:
    # Without its text, a page's title may come from a text citing another revision than the one
    # its proposals amend: the title names none.
    citation = page.label + (revision_named(page.body, page.text.revision, page.text.sequence) if page.text else "")
    title = plain_text(page.text.title) if page.text else (page.titles[0] if page.titles else None)
    state = "" if page.text else " Its text is not in the collection."
    described = f"{_named(page.citation, title)}.{state}{_counts(len(page.amended_by), len(page.cited_by))}"
    return PageMeta(_named(citation, title), _short(described))


def revision_meta(page: RevisionPage) -> PageMeta:
    """The latest revision's page holds the canonical page's text: the same title, for the same text."""
    title = plain_text(page.text.title)
    which = "the latest revision in the collection" if page.latest else "an earlier revision"
    return PageMeta(_named(f"{page.label}{revision_named(page.text.body, page.revision, page.text.sequence)}", title), _short(f"{_named(page.citation, title)}, {which}, at its permanent address."))


def proposal_meta(page: ProposalPage) -> PageMeta:
    """`Proposal IAP/39A13/1: MOD of WTSA Resolution 68`; a new text is named by its heading and
    title: `Proposal EUR/44A24/1: ADD Draft New Resolution [EUR-1] — Title`."""
    p = page.proposal
    target = page.target_label or ""
    if target and p.target and p.target.part:
        target += f", {p.target.part}"
    named = _words(plain_text(p.text.title)) if not p.target and p.text and p.text.title else ""
    target = " — ".join(t for t in (target, named) if t)
    joined = " of " if p.target else " "
    title = f"Proposal {p.code.printed}: {p.action}{joined + target if target else ''}"
    if page.src != f"proposals/{slug(page.id)}.md":  # a second copy, at a line address (link stage: duplicate-proposal)
        title += f" (copy in {page.source_file}, line {p.span.line})"
    group = source(p.code.source)
    conference = f" to the {BODIES[page.conference.body].name}" + (
        f" ({page.conference.revision.venue}, {page.conference.revision.year})" if page.conference.revision else ""
    ) if page.conference else ""
    what = ACTIONS.get(p.action, p.action).lower()
    return PageMeta(title, _short(f"{group.group} ({group.name}) proposes to {what} {target or 'a text'}{conference}. {page.summary_line}"))


def contribution_meta(page: ContributionPage) -> PageMeta:
    group = source(page.contribution.source)
    count = len(page.proposals)
    conferences = sorted({p.conference.label for p in page.proposals if p.conference})
    to = f" to {', '.join(conferences)}" if conferences else ""
    return PageMeta(
        f"Contribution {page.id} ({group.group})",
        _short(f"{count} proposal{'s' if count != 1 else ''} from {group.group} ({group.name}){to}."),
    )


def document_meta(page: Any) -> PageMeta | None:
    """The meta of a page that shows one text, or None for a page that lists."""
    if isinstance(page, ResolutionPage):
        return resolution_meta(page)
    if isinstance(page, RevisionPage):
        return revision_meta(page)
    if isinstance(page, ProposalPage):
        return proposal_meta(page)
    if isinstance(page, ContributionPage):
        return contribution_meta(page)
    if isinstance(page, ConferencePage):
        return PageMeta(page.title, _short(
            f"The texts the {page.title} adopted and revised, and the {page.proposals} proposals made to it, with what it did with them."))
    if isinstance(page, RevisionComparison):
        return PageMeta(f"{page.label}: {page.old.revision} compared with {page.new.revision}")
    if isinstance(page, ProposalsCompared):
        return PageMeta(f"{page.label}: the proposals that amend it, side by side")
    if isinstance(page, UnplacedPage):
        return PageMeta(f"Unplaced text from {page.source_file}, line {page.text.span.line}")
    if isinstance(page, ReferencePage):
        kind = REFERENCE_KINDS[page.kind]
        return PageMeta(f"{kind}{f', Nos. {page.numbers}' if page.in_range else ''}: cited by the collection")
    return None
