"""A page for each conference: the texts it adopted, new and revised, and the proposals made to
it by text and by source, with what it did with them (builder/link/outcomes.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..conventions import BODIES, source
from ..ir import Revision
from .model import STATES, Abrogation, Conference, ConferenceList, ConferencePage, ProposalPage, ProposalsOn, RevisionPage, Site, SourceCount, page_order, tally, tally_line

PROPOSALS_PER_PAGE = 200
"""A conference's proposals by text are listed this many a page at most (a text's proposals are
kept together), so that its page's size does not grow with the collection."""


def conference_pages(site: Site) -> Site:
    """A page for each conference the collection holds texts of, proposals to, or a list of
    texts abrogated by."""
    texts: dict[Conference, list[RevisionPage]] = {}
    for v in site.revisions:
        texts.setdefault(v.conference, []).append(v)
    proposals: dict[Conference, list[ProposalPage]] = {}
    for p in site.proposals:
        if p.conference and p.conference.revision:
            r = p.conference.revision
            proposals.setdefault(Conference(p.conference.body, Revision(r.venue, r.year)), []).append(p)
    adopted_by = {(v.id, c): v for c, held in texts.items() for v in held}
    pages_of = {r.id: r.src for r in site.resolutions}
    abrogated: dict[Conference, list[tuple[Abrogation, str | None]]] = {}
    for a in sorted(site.abrogations, key=lambda a: page_order(a.text_id)):  # abrogations.py spells its conference as its texts do
        abrogated.setdefault(a.conference, []).append((a, pages_of.get(a.text_id)))
    order = sorted(set(texts) | set(proposals) | set(abrogated), key=_order)
    pages = []
    for c in order:
        held = texts.get(c, [])
        made = proposals.get(c, [])
        src = c.src
        assert src is not None
        pages.append(ConferencePage(
            c, src, tuple(v for v in held if not v.revision.rev), tuple(v for v in held if v.revision.rev),
            _lists(src, _by_target(made, c, adopted_by)), _by_source(made), tuple(abrogated.get(c, ())),
        ))
    return replace(site, conferences=tuple(pages))


def _order(c: Conference) -> tuple:
    """By body (as in BODIES), the latest meeting first."""
    r = c.revision
    return (list(BODIES).index(c.body), -r.year if r else 0, r.venue.casefold() if r else "")


def _by_target(made: list[ProposalPage], c: Conference, adopted_by: dict[tuple[str, Conference], RevisionPage]) -> tuple[ProposalsOn, ...]:
    """The proposals by the text they target, in the order of the site's texts (a new text's
    proposals, which target none, by code)."""
    grouped: dict[tuple[str | None, str], list[ProposalPage]] = {}
    for p in made:
        grouped.setdefault((p.target_id, p.target_label or p.proposal.target_title or "A new text"), []).append(p)
    return tuple(
        ProposalsOn(label, ps[0].target_src, adopted_by.get((rid, c)) if rid else None, tuple(ps))
        for (rid, label), ps in sorted(grouped.items(), key=lambda g: (g[0][0] is None, page_order(g[0][0]) if g[0][0] else (), g[0][1]))
    )


def _lists(src: str, rows: tuple[ProposalsOn, ...]) -> tuple[ConferenceList, ...]:
    """The rows in pages of at most PROPOSALS_PER_PAGE proposals: `pp/dubai-2018.md`, then
    `pp/dubai-2018/proposals-2.md`, …"""
    pages: list[list[ProposalsOn]] = [[]]
    for row in rows:
        if pages[-1] and sum(len(r.proposals) for r in pages[-1]) + len(row.proposals) > PROPOSALS_PER_PAGE:
            pages.append([])
        pages[-1].append(row)
    return tuple(
        ConferenceList(src if n == 1 else f"{src.removesuffix('.md')}/proposals-{n}.md", n, tuple(part))
        for n, part in enumerate(pages, start=1)
    )


def _by_source(made: list[ProposalPage]) -> tuple[SourceCount, ...]:
    by_code: dict[str, list[ProposalPage]] = {}
    for p in made:
        by_code.setdefault(source(p.proposal.code.source).group, []).append(p)
    out = []
    for group in sorted(by_code):
        ps = by_code[group]
        states = Counter(p.outcome.state if p.outcome else "not known" for p in ps)
        out.append(SourceCount(
            group, source(ps[0].proposal.code.source).name, len(ps), tuple((s, states[s]) for s in STATES if states[s]),
            tally_line(tally(r for p in ps if p.outcome for r in p.outcome.rows)),
        ))
    return tuple(out)
