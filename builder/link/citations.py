"""Resolve every citation of the corpus, and invert them into "cited by" lists.

A citation names its body explicitly (`of WTDC`, `ITU-R`), relatively (`of this conference`:
the citing document's body), or through the (venue, year) of its revision, which one body's
meetings table must match. A bare `Resolution 71` is read as the citing document's own body,
as a delegate reads it. A citation that is ambiguous or names an unknown meeting stays as
text, with a warning. (Words the reader left as text that look like a citation, such as
`Recommendation ITU-T D.50`, the reader reports: builder/readers/unread.py.)

Texts outside the collection (the Constitution, the Convention, the Radio Regulations, the
ITRs, the Financial Regulations, resolutions of other conferences such as WCIT, UN texts, other
treaties) are entries of the references, one per provision, on pages by kind of text and range of
numbers (builder/link/references.py); a citation links to its entry's page. Resolutions of WRC
and of the Council are the bodies' own (`wrc/res-27/`, `council/res-1332/`), held or not.

In a text of the World Radiocommunication Conference, a provision named without its instrument
(`No. 5.266`, `Article 5`, `Appendix 30`) is the Radio Regulations'. The reader cannot know a
line's body: it marks them (`Reference.bare`), and in any other body's text they become text
again, reported (`Resolver.provisions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..anchors import section_slug, slug
from ..conventions import OTHER_CONFERENCES, PART_WORDS, bodies_meeting, revision_label
from ..diagnostics import Diagnostic, Diagnostics
from ..ir import Block, BodyId, Citation, Clause, Inline, Reference, Resolved, ResolutionText, Span
from ..readers.unread import NO_INSTRUMENT
from ..walk import Walker
from .recall import Recall
from .references import REFERENCES_SRC, reference_pages
from .model import (
    CitationUse, CitedBy, body_of, ContributionPage, ProposalPage, ReferenceEntry, ResolutionPage, Site, UnplacedPage,
    page_order, resolution_id, resolution_src, revision_id,
)

REFERENCE_KINDS = {
    "constitution": "ITU Constitution",
    "convention": "ITU Convention",
    "radio-regulations": "Radio Regulations",
    "itrs": "International Telecommunication Regulations",
    "financial-regulations": "Financial Regulations",
    "council-resolution": "Council resolutions",
    "council-decision": "Council decisions",
    "other-conference": "Resolutions and decisions of other conferences",
    "un": "United Nations texts",
    "instrument": "Other treaties and instruments",
}
"""The kinds of texts outside the collection, in the order the references page lists them. The
Council's were kinds of their own, and WRC's texts were other conferences', until issue 26 made
them bodies: their entries stay, as moved ones, so that their old addresses still lead on
(`_moved`)."""
_EXTERNAL = {
    "constitution": ("cs", "Constitution"),
    "convention": ("cv", "Convention"),
    "radio-regulations": ("rr", "Radio Regulations"),
    "itrs": ("itrs", "International Telecommunication Regulations"),
    "financial-regulations": ("fr", "Financial Regulations"),
}
_OTHER_CONFERENCES = [
    (c.acronym.lower(), c.name, re.compile(rf"{c.acronym}\b|{c.names}")) for c in OTHER_CONFERENCES
]


PART_CITED = re.compile(rf"(?i)(?:annex|{'|'.join(PART_WORDS)})\b")
"""A cited annex or part (builder.readers.citations ANNEX_BEFORE), whose anchor is its words."""


def clause_anchor(ref: Reference) -> str | None:
    """The anchor a clause-level citation points at, by the anchor rules: `resolves 5 ii)` →
    `resolves-5-ii`, `Annex 1` → `annex-1`, `Section 1bis` → `section-1bis`."""
    if not ref.section:
        return None
    if PART_CITED.match(ref.section):
        return slug(ref.section)
    return f"{section_slug(ref.section)}-{slug(ref.label)}" if ref.label else section_slug(ref.section)


def reference_kind(ref: Reference) -> str:
    """Its group on the references page (a key of REFERENCE_KINDS)."""
    return "other-conference" if ref.kind in ("resolution", "decision") else ref.kind


def _conference(name: str) -> tuple[str, str]:
    """(short, full name) of a conference outside the collection."""
    for short, full, pattern in _OTHER_CONFERENCES:
        if pattern.search(name):
            return short, full
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    return slug(name), name


def external(ref: Reference) -> tuple[str, str]:
    """(key, label) of a citation of a text outside the collection."""
    provision = {"Article": "art", "Appendix": "ap"}.get(ref.provision or "", "no")
    if ref.kind in _EXTERNAL:
        short, name = _EXTERNAL[ref.kind]
        if not ref.number:
            return short, name
        if ref.section:  # `Annex 7 to Appendix 30`
            return (f"{short}-{provision}-{slug(ref.number)}-{slug(ref.section)}",
                    f"{name}, {ref.section} to {ref.provision} {ref.number}")
        return f"{short}-{provision}-{slug(ref.number)}", f"{name}, {ref.provision} {ref.number}"
    if ref.kind == "instrument":
        name = ref.other_body or ""
        return f"{slug(name)}-{provision}-{slug(ref.number)}", f"{name}, {ref.provision} {ref.number}"
    if ref.kind in ("resolution", "decision"):
        short, name = _conference(ref.other_body or "")
        what = "dec" if ref.kind == "decision" else "res"
        return f"{short}-{what}-{slug(ref.number)}", f"{ref.kind.capitalize()} {ref.number} of the {name}"
    return f"un-{slug(ref.number)}", f"United Nations {ref.number}"


class Resolver:
    """Resolves citations against the texts of the collection, reporting what it cannot resolve."""

    def __init__(
        self, anchors: dict[str, set[str]], diagnostics: Diagnostics,
        earlier: dict[str, dict[tuple[str, int], tuple[str, set[str]]]] | None = None,
    ) -> None:
        self.anchors = anchors
        """Resolution ids whose text is in the collection → the anchors of their pages."""
        self.earlier_revisions = earlier or {}
        """Resolution id → its revisions held besides the latest: meeting → (page, anchors)."""
        self.diagnostics = diagnostics
        self.looked_up: dict[str, tuple[set[str] | None, dict[tuple[str, int], tuple[str, set[str]]] | None]] = {}
        """What resolving a page's citations looked up of the collection (`held`), by resolution
        id: what the link stage compares before it gives back the page's last relinking (builder/link/recall.py)."""

    def held(self, rid: str) -> tuple[set[str] | None, dict[tuple[str, int], tuple[str, set[str]]] | None]:
        """The anchors of a resolution whose text the collection holds, and its earlier revisions
        held (recorded in `looked_up`)."""
        found = self.looked_up[rid] = self.lookup(rid)
        return found

    def lookup(self, rid: str) -> tuple[set[str] | None, dict[tuple[str, int], tuple[str, set[str]]] | None]:
        return self.anchors.get(rid), self.earlier_revisions.get(rid)

    def body(
        self, ref: Reference, citing: BodyId | None, span: Span, text: str, earlier: dict[str, BodyId]
    ) -> BodyId | None:
        if ref.body:
            return ref.body
        if not ref.relative and not ref.revisions and ref.number in earlier:
            return earlier[ref.number]  # `Resolution 122 and 123`, after their full citations above
        if ref.relative or not ref.revisions:
            if citing is None:
                self.diagnostics.warning(
                    "citation-unresolved", span,
                    f"“{text}” names no body and the citing document's body is unknown; "
                    "name the body (`of the Plenipotentiary Conference`)",
                )
            return citing
        meetings = [set(bodies_meeting(r.venue, r.year)) for r in ref.revisions]
        known = [m for m in meetings if m]
        candidates = set.intersection(*known) if known else set()
        if len(candidates) == 1:
            return candidates.pop()  # type: ignore[return-value]
        revisions = "; ".join(str(r) for r in ref.revisions)
        problem = f"is ambiguous: ({revisions}) fits {', '.join(sorted(candidates))}" if candidates else (
            f"names ({revisions}), which is no meeting in the table of builder/conventions.py"
        )
        self.diagnostics.warning(
            "citation-unresolved", span, f"“{text}” {problem}; name the body (`of WTDC`) or correct the year; kept as text"
        )
        return None

    def resolve(
        self, citation: Citation, citing: BodyId | None, span: Span, earlier: dict[str, BodyId] | None = None
    ) -> tuple[Resolved | None, str | None]:
        """Where the citation leads (None: stays text), and its target as the dump names it.

        `earlier` maps the numbers the same document has already cited with a body to that body:
        a later bare citation of the same number means the same text.
        """
        ref = citation.ref
        if ref.kind not in ("resolution", "decision") or ref.other_body:
            key, _ = external(ref)
            return Resolved(key, REFERENCES_SRC, key), key
        earlier = {} if earlier is None else earlier
        body = self.body(ref, citing, span, citation.text, earlier)
        if body is None:
            return None, None
        if ref.body or ref.relative or ref.revisions:
            earlier[ref.number] = body
        rid = resolution_id(ref.kind, body, ref.number)
        cited = clause_anchor(ref)
        named = ref.revisions[-1] if ref.revisions else None
        anchors, earlier_held = self.held(rid)
        page = resolution_src(rid)
        if named and (held := (earlier_held or {}).get((named.venue, named.year))):
            page, anchors = held  # the revision cited, at its own address
        anchor = cited if cited and cited in (anchors or ()) else None
        if cited and anchors is not None and anchor is None:
            self.diagnostics.warning(
                "citation-clause-missing", span,
                f"“{citation.text}” cites {' '.join(filter(None, (ref.section, ref.label)))}, but {rid} has no `#{cited}`; "
                "the link goes to the resolution",
            )
        return Resolved(rid, page, anchor), f"{rid}#{cited}" if cited else rid

    def provisions(self, text: tuple[Inline, ...], citing: BodyId | None, span: Span) -> tuple[Inline, ...]:
        """The provisions a text names without their instrument (`No. 5.266`, `Reference.bare`)
        are the Radio Regulations' in a WRC text; elsewhere they name none: text again, reported."""
        if citing == "wrc" or not any(isinstance(piece, Citation) and piece.ref.bare for piece in text):
            return text
        out: list[Inline] = []
        for piece in text:
            if isinstance(piece, Citation) and piece.ref.bare:
                if piece.text != piece.ref.number:  # once for a list, however often given (`_Citing.report`)
                    self.diagnostics.info("citation-no-instrument", span, f"“{piece.text}” {NO_INSTRUMENT}")
                piece = piece.text
            if isinstance(piece, str) and out and isinstance(out[-1], str):
                out[-1] += piece
            else:
                out.append(piece)
        return tuple(out)


def resolve_citations(site: Site, diagnostics: Diagnostics, recall: Recall | None = None) -> Site:
    """Every citation of every page resolved (a page of the collection, an earlier revision's,
    an entry of "Other texts"), each page's list of its citations and "cited by" lists; a page
    for each text only cited; the references' pages. `recall`: what the last `mkdocs serve`
    rebuild relinked (builder/link/recall.py)."""
    recall = recall or Recall()
    anchors = {r.id: set(anchors_of(r.text)) for r in site.resolutions if r.text}
    earlier: dict[str, dict[tuple[str, int], tuple[str, set[str]]]] = {}
    for v in site.revisions:
        if not v.latest:
            earlier.setdefault(v.id, {})[(v.revision.venue, v.revision.year)] = (v.src, set(anchors_of(v.text)))
    cited = _Citing(Resolver(anchors, diagnostics, earlier), recall)
    relinked = cited.site(site)
    references, pages_of_references = reference_pages(_references(cited.seen, cited.cited_by), list(REFERENCE_KINDS))
    relinked = _retargeted(relinked, _Retargeter({e.key: e.src for e in references if not e.moved_to}, recall))
    pages = {r.id: replace(r, **_cited_titles(r, cited.titles.get(r.id, []))) for r in relinked.resolutions}
    only_cited: dict[str, list[Citation]] = {}
    for c in cited.seen:
        if c.target and c.target.src != REFERENCES_SRC and c.target.id not in pages:
            only_cited.setdefault(c.target.id, []).append(c)
    for rid, citations in only_cited.items():
        pages[rid] = _cited_only(rid, citations, cited.titles.get(rid, []))
    ordered = sorted(pages.values(), key=lambda r: page_order(r.id))
    return replace(
        relinked, references=references, reference_pages=pages_of_references,
        resolutions=tuple(replace(r, cited_by=tuple(cited.cited_by.get(r.id, ()))) for r in ordered),
    )


class _Relinker(Walker):
    """Rewrites one page's IR with resolved citations, recording each use and each "cited by"."""

    def __init__(self, resolver: Resolver, citing: BodyId | None, page: tuple[str, str, str]) -> None:
        self.resolver = resolver
        self.citing = citing
        self.page_id, self.page_label, self.page_src = page
        self.records: list[tuple[str, CitedBy, str | None]] = []
        """Each text cited, with the entry its "cited by" list gets and the title the citation gives it."""
        self.uses: list[CitationUse] = []
        self.resolved: list[Citation] = []
        self.earlier: dict[str, BodyId] = {}

    def inlines(self, text: tuple[Inline, ...], span: Span, anchor: str | None, where: str) -> tuple[Inline, ...]:
        text = self.resolver.provisions(text, self.citing, span)
        if not any(isinstance(piece, Citation) for piece in text):
            return text
        out: list[Inline] = []
        for n, piece in enumerate(text):
            if isinstance(piece, Citation):
                target, name = self.resolver.resolve(piece, self.citing, span, self.earlier)
                self.uses.append(CitationUse(piece.text, name, anchor))
                if target and name:
                    named = piece.ref.revisions[-1] if piece.ref.revisions else None
                    entry = CitedBy(self.page_id, self.page_label, self.page_src, anchor, where,
                                    revision_label(body_of(target.id), named) if named else None)
                    self.records.append((target.id, entry, piece.title))
                piece = replace(piece, target=target)
                self.resolved.append(piece)
            out.append(piece)
        return tuple(out)


@dataclass(frozen=True)
class _Relinked:
    """One page relinked: the fields it gets, and what the relinking found and looked up."""

    fields: dict[str, Any]
    resolved: tuple[Citation, ...]
    records: tuple[tuple[str, CitedBy, str | None], ...]
    diagnostics: tuple[Diagnostic, ...]
    looked_up: dict[str, Any]


class _Citing:
    """Relinks every page of a site with one resolver, gathering what cites what."""

    def __init__(self, resolver: Resolver, recall: Recall) -> None:
        self.resolver = resolver
        self.recall = recall
        self.cited_by: dict[str, list[CitedBy]] = {}
        self.titles: dict[str, list[str]] = {}
        """The titles citing texts give each text."""
        self.recorded: set[tuple[str, CitedBy]] = set()
        self.seen: list[Citation] = []
        self.reported: set[tuple[Span, str]] = set()
        """The provisions named without their instrument reported so far, where and how: a list
        (`Nos. 5.266 and 5.267`), or a footnote shown on two pages, is reported once."""

    def record(self, target: str, entry: CitedBy, title: str | None) -> None:
        if (target, entry) not in self.recorded:  # one entry per citing clause, however often it cites
            self.recorded.add((target, entry))
            self.cited_by.setdefault(target, []).append(entry)
        if title:
            self.titles.setdefault(target, []).append(title)

    def site(self, site: Site) -> Site:
        """Each page relinked, with the citations it makes (the latest revision's page is its
        resolution's text: relinked once, with it, by `_retargeted`)."""
        resolutions = [r if r.text is None else self.page(r, r.body, r.id, r.label) for r in site.resolutions]
        proposals = {p.src: self.page(p, _proposal_body(p), p.id, p.label) for p in site.proposals}
        contributions = []
        for c in site.contributions:
            bodies = Counter(p.conference.body for p in c.proposals if p.conference)
            relinked = self.page(c, bodies.most_common(1)[0][0] if bodies else None, c.id, f"Contribution {c.id}")
            contributions.append(replace(relinked, proposals=tuple(proposals[p.src] for p in c.proposals)))
        unplaced = [self.page(u, u.text.body, u.src, f"Unplaced text from {u.source_file}") for u in site.unplaced]
        revisions = [v if v.latest else self.page(v, v.text.body, revision_id(v), f"{v.label} ({v.revision})")
                     for v in site.revisions]
        return replace(site, resolutions=tuple(resolutions), proposals=tuple(proposals.values()),
                       contributions=tuple(contributions), unplaced=tuple(unplaced), revisions=tuple(revisions))

    def page(self, page: Any, citing: BodyId | None, page_id: str, label: str) -> Any:
        """The page relinked; as the last rebuild relinked it where its text and what its
        citations looked up are the same (builder/link/recall.py)."""
        inputs = (*(getattr(page, name) for name in _relinked_fields(page)), citing, page_id, label)
        made = self.recall.get("relink", page.src, inputs)
        if made is None or any(self.resolver.lookup(rid) != was for rid, was in made.looked_up.items()):
            made = self.recall.put("relink", page.src, inputs, self._relink(page, citing, page_id, label))
        for d in made.diagnostics:
            self.report(d)
        for record in made.records:
            self.record(*record)
        self.seen.extend(made.resolved)
        return replace(page, **made.fields)

    def report(self, d: Diagnostic) -> None:
        if d.code == "citation-no-instrument":
            if (d.span, d.message) in self.reported:
                return
            self.reported.add((d.span, d.message))
        self.resolver.diagnostics.append(d)

    def _relink(self, page: Any, citing: BodyId | None, page_id: str, label: str) -> _Relinked:
        rl = _Relinker(self.resolver, citing, (page_id, label, page.src))
        diagnostics, self.resolver.diagnostics = self.resolver.diagnostics, Diagnostics()
        self.resolver.looked_up = {}
        fields: dict[str, Any] = {}  # in reading order: the text, then its footnotes
        if isinstance(page, ProposalPage):
            fields["proposal"] = rl.proposal(page.proposal)
        elif isinstance(page, ContributionPage):
            fields["contribution"] = rl.contribution(page.contribution)
        else:
            fields["text"] = rl.text(page.text)
        fields["footnotes"] = rl.footnotes(page.footnotes)
        if not isinstance(page, UnplacedPage):
            fields["citations"] = tuple(rl.uses)
        found, self.resolver.diagnostics = self.resolver.diagnostics, diagnostics
        return _Relinked(fields, tuple(rl.resolved), tuple(rl.records), tuple(found), self.resolver.looked_up)


def _relinked_fields(page: Any) -> tuple[str, ...]:
    """The fields of a page that hold the text relinking walks."""
    if isinstance(page, ProposalPage):
        return ("proposal", "footnotes")
    if isinstance(page, ContributionPage):
        return ("contribution", "footnotes")
    return ("text", "footnotes")


def _retargeted(site: Site, retarget: "_Retargeter") -> Site:
    """The citations of texts outside the collection led to the page their entry is on; each
    resolution's proposals and the latest revisions' texts as relinked with their resolutions."""
    resolutions = {r.id: retarget.page(r) for r in site.resolutions}
    proposals = {p.src: retarget.page(p) for p in site.proposals}
    return replace(
        site,
        resolutions=tuple(replace(r, amended_by=tuple(proposals[p.src] for p in r.amended_by)) for r in resolutions.values()),
        proposals=tuple(proposals.values()),
        contributions=tuple(replace(retarget.page(c), proposals=tuple(proposals[p.src] for p in c.proposals))
                            for c in site.contributions),
        unplaced=tuple(replace(u, text=retarget.text(u.text), footnotes=retarget.footnotes(u.footnotes)) for u in site.unplaced),
        revisions=tuple(
            replace(v, text=resolutions[v.id].text, footnotes=resolutions[v.id].footnotes, citations=resolutions[v.id].citations)
            if v.latest else retarget.page(v) for v in site.revisions
        ),
    )


class _Retargeter(Walker):
    """Leads the citations of texts outside the collection, resolved to the references page
    while the entries were being gathered, to the page each entry is on."""

    def __init__(self, srcs: dict[str, str], recall: Recall) -> None:
        self.srcs = srcs
        self.recall = recall

    def inlines(self, text: tuple[Inline, ...], span: Span, anchor: str | None, where: str) -> tuple[Inline, ...]:
        if not any(isinstance(piece, Citation) and piece.target and piece.target.src == REFERENCES_SRC for piece in text):
            return text
        return tuple(
            replace(piece, target=replace(piece.target, src=self.srcs[piece.target.id]))
            if isinstance(piece, Citation) and piece.target and piece.target.src == REFERENCES_SRC else piece
            for piece in text
        )

    def page(self, page):
        """The page with its citations of references retargeted; the page itself where it cites
        none. As the last rebuild retargeted it where its text and its entries' pages are the same."""
        entries = {use.target: self.srcs[use.target] for use in page.citations if use.target in self.srcs}
        if not entries:
            return page
        names = _relinked_fields(page)
        inputs = (*(getattr(page, name) for name in names), entries)
        return replace(page, **self.recall.call("retarget", page.src, inputs, lambda: dict(zip(names, self._walk(page)))))

    def _walk(self, page) -> tuple:
        if isinstance(page, ProposalPage):
            return self.proposal(page.proposal), self.footnotes(page.footnotes)
        if isinstance(page, ContributionPage):
            return self.contribution(page.contribution), self.footnotes(page.footnotes)
        return self.text(page.text), self.footnotes(page.footnotes)


def _proposal_body(p: ProposalPage) -> BodyId | None:
    """A proposal's own body: that of its text, of its target, or of its conference."""
    if p.proposal.text and p.proposal.text.body:
        return p.proposal.text.body
    if p.proposal.target:
        return p.proposal.target.body
    return p.conference.body if p.conference else None


def anchors_of(text: ResolutionText) -> Iterable[str]:
    """Every section and clause anchor of a text."""
    def walk(blocks: Iterable[Block]) -> Iterable[str]:
        for b in blocks:
            if isinstance(b, Clause):
                yield b.anchor
                yield from walk(b.children)

    for s in text.sections:
        yield s.anchor
        yield from walk(s.blocks)


def _cited_only(rid: str, citations: list[Citation], titles: list[str]) -> ResolutionPage:
    """A page for a resolution that is only cited: the revisions its citations give it (the
    latest last, as the page heading shows it) and its titles, most often given first."""
    body, kind, number = rid.split("-", 2)
    revisions = tuple(sorted({r for c in citations for r in c.ref.revisions}, key=lambda r: (r.year, r.venue, r.rev)))
    return ResolutionPage(
        rid, resolution_src(rid), "decision" if kind == "dec" else "resolution", body, number.upper(),  # type: ignore[arg-type]
        None, _most_given(titles), revisions, (), (), None, titled_by_citations=bool(titles),
    )


def _cited_titles(page: ResolutionPage, titles: list[str]) -> dict:
    """A page without its text nor a clean title from its proposals takes what citing texts call it."""
    if page.text or page.titles or not titles:
        return {}
    return {"titles": _most_given(titles), "titled_by_citations": True}


def _most_given(titles: list[str]) -> tuple[str, ...]:
    """The titles citing texts give a resolution, the most often given first."""
    return tuple(t for t, _ in Counter(" ".join(t.split()) for t in titles).most_common())


def _references(seen: list[Citation], cited_by: dict[str, list[CitedBy]]) -> tuple[ReferenceEntry, ...]:
    entries: dict[str, ReferenceEntry] = {}
    for c in seen:
        if c.target and c.target.src == REFERENCES_SRC and c.target.id not in entries:
            key, label = external(c.ref)
            entries[key] = ReferenceEntry(key, reference_kind(c.ref), label, tuple(cited_by.get(key, ())))
        elif c.target and (moved := _moved(c)) and moved[0] not in entries:  # kept cited by, for the same pages
            key, kind, label = moved
            entries[key] = ReferenceEntry(key, kind, label, tuple(cited_by.get(c.target.id, ())), moved_to=resolution_src(c.target.id))
    order = list(REFERENCE_KINDS)
    return tuple(sorted(entries.values(), key=lambda e: (order.index(e.kind), _natural(e.key))))


def _moved(c: Citation) -> tuple[str, str, str] | None:
    """(key, kind, label) of the entry a citation of a WRC or Council text had on the references
    before issue 26 (`references/council-resolution/#council-res-1292`), whose address must still
    lead on to the text's page; None for another body's text. WRC's were named by the
    conference the citation names: the World Administrative Radio Conference's `warc-res-…`."""
    body = body_of(c.target.id) if c.target else None
    what, name = ("dec", "Decision") if c.ref.kind == "decision" else ("res", "Resolution")
    if body == "council":
        return f"council-{what}-{slug(c.ref.number)}", f"council-{name.lower()}", f"Council {name} {c.ref.number}"
    if body != "wrc":
        return None
    warc = not re.search(r"WRC\b|World\s+Radiocommunication\s+Conference", c.text) and re.search(
        r"WARC\b|World\s+Administrative\s+Radio\s+Conference", c.text)
    short, full = ("warc", "World Administrative Radio Conference") if warc else ("wrc", "World Radiocommunication Conference")
    return f"{short}-{what}-{slug(c.ref.number)}", "other-conference", f"{name} {c.ref.number} of the {full}"


def _natural(key: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key))


