"""Build the `Site` from the read source files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from ..anchors import slug
from ..conventions import MODIFYING, parse_revisions, text_label, unknown_body
from ..diagnostics import Diagnostics, quote
from ..ir import (
    Block, Clause, Contribution, Footnote, FootnoteRef, Inline, Paragraph, Proposal, Provenance, ResolutionText,
    Revision, SourceFile, Table, Target, plain_text,
)
from .amendments import (
    against_base, base_items, clause_changes, flattened_diff, marks_for, proposal_items, redlines, side_by_side,
)
from .compare import Bag, compare, items, word_bag
from .abrogated import abrogations
from .citations import anchors_of, resolve_citations
from .conferences import conference_pages
from .inferred import infer_changes
from .outcomes import outcome
from .official import OfficialPatterns, official_document
from .recall import Recall
from .model import (
    Abrogation, Annotations, Conference, ContributionPage, HistoryEntry, ProposalPage, ProposalsCompared, ResolutionPage,
    RevisionComparison, RevisionPage, Site, UnplacedPage, compared_src, comparison_src, meeting, page_order, resolution_id, resolution_src, revision_src,
)




def _refs(text: Iterable[Inline]) -> Iterator[str]:
    return (piece.key for piece in text if isinstance(piece, FootnoteRef))


def _block_refs(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, (Clause, Paragraph)):
            yield from _refs(block.text)
        if isinstance(block, Table):
            yield from (key for row in block.rows for cell in row for key in _refs(cell))
        if isinstance(block, Clause):
            yield from _block_refs(block.children)


def _text_refs(text: ResolutionText | None) -> Iterator[str]:
    if text is None:
        return
    yield from _refs(text.title)
    yield from (ref.key for _, ref in text.calls)
    yield from _block_refs(text.foreword)
    yield from _block_refs(text.preamble)
    for section in text.sections:
        yield from _block_refs(section.blocks)


def _proposal_refs(p: Proposal) -> Iterator[str]:
    for part in (p.summary, p.introduction, p.proposal):
        yield from _block_refs(part)
    yield from _text_refs(p.text)
    yield from _block_refs(p.reasons or ())


def _footnotes(keys: Iterable[str], by_key: dict[str, Footnote]) -> tuple[Footnote, ...]:
    """The footnotes the keys call, once each, in order of first call. `keys` is consumed only
    when the file has footnotes: walking every block of every page for none costs."""
    if not by_key:
        return ()
    return tuple(by_key[k] for k in dict.fromkeys(keys) if k in by_key)


def _conference(text: ResolutionText | None, target: Target | None, action: str) -> Conference | None:
    """The conference a proposal is made to, as its text names it: the revision its heading gives
    a MOD or an ADD (`Rev. Dubai, 2018`); a SUP's or a NOC's text is the text as it stands,
    which names the conference that adopted it, so theirs is their contribution's (`_fill_conferences`)."""
    body = (text.body if text else None) or (target.body if target else None)
    if body is None:
        return None
    if action.rstrip("*") in ("SUP", "NOC"):
        return Conference(body, None)
    revision = text.revision if text else None
    if text and text.formula:
        found = parse_revisions(text.formula)
        revision = found[-1] if found else revision
    return Conference(body, revision)


def _known_from(amending: Iterable[Proposal]) -> tuple[tuple[str, ...], tuple[Revision, ...]]:
    """Titles and revisions of a resolution whose text is not in the corpus, as its proposals give them.

    Proposals on the whole text come first (a proposal on an annex carries the annex's title
    less reliably), then the latest. A title is taken only from a text that is clean as proposed:
    a Word document's (its deletions left out), or a text that changes nothing of a title (ADD,
    NOC, SUP). A text export of a MOD runs deleted and inserted words together
    (`2016-2019 2020-2023`), which nothing can tell apart. The revision is the one a MOD
    replaces, or the one a SUP or NOC names.
    """
    ordered = sorted((p for p in amending if p.text), key=lambda p: p.target is not None and p.target.part is not None)
    latest_first = sorted(ordered, key=lambda p: (
        p.target is not None and p.target.part is not None, -(p.text.revision.year if p.text and p.text.revision else 0)))
    titles = dict.fromkeys(
        plain_text(p.text.title) for p in latest_first
        if p.text and p.text.title and (p.text.exact or p.action not in MODIFYING)
    )
    revisions = dict.fromkeys(
        p.text.old_revision or (p.text.revision if p.action in ("SUP", "NOC") else None) for p in ordered if p.text
    )
    return tuple(titles), tuple(r for r in revisions if r)


def _fill_conferences(pages: list[ProposalPage]) -> list[ProposalPage]:
    """A proposal whose text names no conference (a NOC on the Constitution, a SUP) is for the
    conference most of its contribution's proposals are for."""
    known = Counter(p.conference for p in pages if p.conference and p.conference.revision)
    if not known:
        return pages
    usual = known.most_common(1)[0][0]
    return [
        replace(p, conference=usual) if p.conference is None or (p.conference.revision is None and p.conference.body == usual.body) else p
        for p in pages
    ]


def _merged(first: ContributionPage, second: ContributionPage) -> ContributionPage:
    a, b = first.contribution, second.contribution
    contribution = replace(
        a, abstract=a.abstract + b.abstract, proposals=a.proposals + b.proposals, trailing=a.trailing + b.trailing
    )
    return replace(
        first, contribution=contribution, proposals=first.proposals + second.proposals,
        footnotes=first.footnotes + second.footnotes,
    )


class _Linker:
    def __init__(self, diagnostics: Diagnostics, recall: Recall) -> None:
        self.diagnostics = diagnostics
        self.recall = recall
        self.texts: dict[str, dict[tuple[str, int] | None, tuple[ResolutionText, str, dict[str, Footnote]]]] = {}
        """Resolution id → its texts by revision (the meeting; None for a text that names none)."""
        self.proposals: list[ProposalPage] = []
        self.contributions: list[ContributionPage] = []
        self.unplaced: list[UnplacedPage] = []
        self.proposal_srcs: dict[str, str] = {}
        """Proposal page → the file it was read from."""
        self.targeted: dict[str, list[tuple[Target, ProposalPage]]] = {}
        self.provenance: dict[str, Provenance] = {}
        """Source file → what it is (a Word document or a text export) and its date."""
        self._history: dict[str, tuple[HistoryEntry, ...]] = {}

    def add_file(self, file: SourceFile) -> None:
        self.provenance[file.path] = file.provenance
        by_key = {f.key: f for f in file.footnotes}
        for text in file.resolutions:
            self.add_resolution(text, file.path, by_key)
        for contribution in file.contributions:
            self.add_contribution(contribution, file.path, by_key)
        self._check_footnotes(file)

    def _check_footnotes(self, file: SourceFile) -> None:
        """A footnote called from a place that cannot show it (a section heading) is reported."""
        if not file.footnotes:
            return
        shown: set[str] = set()
        for text in file.resolutions:
            shown.update(self._calls(text, _text_refs))
        for contribution in file.contributions:
            shown.update(_block_refs(contribution.abstract))
            shown.update(_block_refs(contribution.trailing))
            for p in contribution.proposals:
                shown.update(self._calls(p, _proposal_refs))
        for note in file.footnotes:
            if note.key not in shown:
                self.diagnostics.warning(
                    "footnote-not-shown", note.span,
                    f"footnote {note.key} is called only where no footnote call is shown (such as a section heading, "
                    f"or a resolution's heading, history or enacting formula line), so its text “{quote(plain_text(note.text))}” "
                    "is on no page; move the call into a clause, a paragraph or the title",
                )

    def _calls(self, node: Any, refs: Callable[[Any], Iterable[str]]) -> tuple[str, ...]:
        """The footnotes a text or a proposal calls (`refs` finds the calls), once each, in
        order; as the last rebuild found them where it is the same."""
        return self.recall.call("calls", (type(node).__name__, node.span), (node,), lambda: tuple(dict.fromkeys(refs(node))))

    def _notes(self, node: Any, refs: Callable[[Any], Iterable[str]], by_key: dict[str, Footnote]) -> tuple[Footnote, ...]:
        """The footnotes of its file (`by_key`) a text or a proposal shows (`_calls`)."""
        return tuple(by_key[k] for k in self._calls(node, refs) if k in by_key) if by_key else ()

    def _unplace(self, text: ResolutionText, path: str, by_key: dict[str, Footnote], reason: str) -> None:
        """Keep a text that gets no page of its own, so that nothing read is lost from the site."""
        src = f"unplaced/{slug(path)}-{text.span.line}.md"
        self.unplaced.append(UnplacedPage(src, text, reason, self._notes(text, _text_refs, by_key), path, self.provenance[path]))

    def add_resolution(self, text: ResolutionText, path: str, by_key: dict[str, Footnote]) -> None:
        if text.kind == "fragment":  # the reader has reported it
            self._unplace(text, path, by_key, "no resolution heading was found")
            return
        body = text.body
        if body is None or text.number is None or text.kind not in ("resolution", "decision"):
            self.diagnostics.error(
                "body-unknown", text.span,
                f"cannot tell which body adopted this text: {unknown_body(text.formula)}",
            )
            self._unplace(text, path, by_key, "the body that adopted it is unknown")
            return
        rid = resolution_id(text.kind, body, text.number)
        held = self.texts.setdefault(rid, {})
        key = meeting(text.revision) if text.revision else None
        if key in held:
            kept_path = held[key][1]
            self.diagnostics.warning(
                "duplicate-resolution", text.span,
                f"{rid} ({text.revision or 'no revision named'}) is also read from {kept_path}; the text read first "
                "(Word documents before text exports, then by file name) is published and this one is listed under "
                "unplaced texts. Remove one of the two, or correct the revision in its heading",
            )
            self._unplace(text, path, by_key, f"another text of {rid} ({text.revision or 'no revision'}) is published")
            return
        if None in held or (key is None and held):  # a text that names no revision cannot be placed among revisions
            kept_key = None if None in held else next(iter(held))
            kept, kept_path, kept_keys = held[kept_key]
            newer = (text.revision.year if text.revision else 0) > (kept.revision.year if kept.revision else 0)
            self.diagnostics.warning(
                "duplicate-resolution", text.span,
                f"{rid} is also read from {kept_path}, and one of the two names no revision; the "
                f"{'later revision, read here,' if newer else 'text read first'} is published and the other is listed "
                "under unplaced texts. Put the revision in the heading (`RESOLUTION 71 (Rev. Kigali, 2022)`)",
            )
            if not newer:
                self._unplace(text, path, by_key, f"another text of {rid} is published")
                return
            self._unplace(kept, kept_path, kept_keys, f"a later revision of {rid} is published")
            del held[kept_key]
        held[key] = (text, path, by_key)

    def add_contribution(self, contribution: Contribution, path: str, by_key: dict[str, Footnote]) -> None:
        csrc = f"proposals/{slug(contribution.code)}/index.md"
        pages = _fill_conferences([self._proposal_page(p, contribution.code, csrc, path, by_key) for p in contribution.proposals])
        for page in pages:
            self.proposals.append(page)
            if page.target_id and page.proposal.target:
                self.targeted.setdefault(page.target_id, []).append((page.proposal.target, page))
        keys = [*_block_refs(contribution.abstract), *_block_refs(contribution.trailing)]
        page = ContributionPage(contribution.code, csrc, contribution, tuple(pages), _footnotes(keys, by_key), path,
                                provenance=self.provenance[path])
        earlier = next((k for k, c in enumerate(self.contributions) if c.src == csrc), None)
        if earlier is None:
            self.contributions.append(page)
            return
        self.diagnostics.warning(
            "split-contribution", contribution.span,
            f"contribution {contribution.code} is also in {self.contributions[earlier].source_file}; "
            "its proposals are listed on one page. Keep one contribution in one file",
        )
        self.contributions[earlier] = _merged(self.contributions[earlier], page)

    def _proposal_page(
        self, p: Proposal, contribution: str, csrc: str, path: str, by_key: dict[str, Footnote]
    ) -> ProposalPage:
        pid = str(p.code)
        src = f"proposals/{slug(pid)}.md"
        if src in self.proposal_srcs:
            self.diagnostics.error(
                "duplicate-proposal", p.span,
                f"proposal {pid} is also read from {self.proposal_srcs[src]}, whose copy has the proposal's address "
                "(Word documents are read before text exports: they carry the exact tracked changes). "
                "This one is published under an address with its line number; remove one copy, or give "
                "each proposal its own number",
            )
            src = f"proposals/{slug(p.code.printed)}-line-{p.span.line}.md"
        self.proposal_srcs[src] = path
        target_id = target_src = None
        label = p.target_title
        if p.target:
            target_id = resolution_id(p.target.kind, p.target.body, p.target.number)
            target_src = resolution_src(target_id)
            label = text_label(p.target.body, p.target.kind, p.target.number)
        return ProposalPage(
            pid, src, p, contribution, csrc, target_id, target_src, label,
            _conference(p.text, p.target, p.action), self._notes(p, _proposal_refs, by_key), path,
            changes=self.recall.call("changes", p.span, (p.text,), lambda: clause_changes(p.text)) if p.action in MODIFYING else (),
            provenance=self.provenance[path],
        )

    def resolution_pages(self) -> list[ResolutionPage]:
        pages = []
        for rid in sorted(set(self.texts) | set(self.targeted), key=page_order):
            amending = self.targeted.get(rid, [])
            amended_by = tuple(page for _, page in amending)
            if rid in self.texts:
                text, path, by_key = self.latest(rid)
                assert text.body and text.number
                pages.append(ResolutionPage(
                    rid, resolution_src(rid), text.kind, text.body, text.number, text,
                    (plain_text(text.title),), tuple(r for r in (text.revision,) if r), amended_by,
                    self._notes(text, _text_refs, by_key), path, history=self.history(rid), provenance=self.provenance[path],
                ))
            else:
                target = amending[0][0]
                titles, revisions = _known_from(page.proposal for page in amended_by)
                pages.append(ResolutionPage(
                    rid, resolution_src(rid), target.kind, target.body,
                    target.number, None, titles, revisions, amended_by, (), None,
                ))
        return pages

    def held(self, rid: str) -> list[tuple[ResolutionText, str, dict[str, Footnote]]]:
        """The texts of a resolution, oldest revision first."""
        return sorted(self.texts[rid].values(), key=lambda t: t[0].revision.year if t[0].revision else 0)

    def latest(self, rid: str) -> tuple[ResolutionText, str, dict[str, Footnote]]:
        return self.held(rid)[-1]

    def history(self, rid: str) -> tuple[HistoryEntry, ...]:
        """Every revision the texts' history lines name or the collection holds, oldest first;
        each held one with its page and the comparison with the previous held one. (Once per
        resolution: its canonical page and each revision's page show it.)"""
        if rid not in self._history:
            self._history[rid] = self._make_history(rid)
        return self._history[rid]

    def _make_history(self, rid: str) -> tuple[HistoryEntry, ...]:
        held = [t for t, _, _ in self.held(rid) if t.revision]
        known: dict[tuple[str, int], Revision] = {}
        for text in held:
            for r in parse_revisions(text.history or ""):
                known.setdefault(meeting(r), r)
        for text in held:
            assert text.revision
            known[meeting(text.revision)] = text.revision
        entries, previous = [], None
        for key in sorted(known, key=lambda k: k[1]):
            revision = known[key]
            if any(meeting(t.revision) == key for t in held if t.revision):
                compare = comparison_src(rid, previous, revision) if previous else None
                entries.append(HistoryEntry(revision, revision_src(rid, revision), compare))
                previous = revision
            else:
                entries.append(HistoryEntry(revision, None))
        return tuple(entries)

    def check_histories(self, rid: str) -> None:
        """A revision earlier than a meeting its history line names is out of order: a wrong year
        in its heading or its history line. (Revisions are ordered by year, so the same check
        covers a revision earlier than what its predecessor's history names.)"""
        for text, _, _ in self.held(rid):
            named = [r.year for r in parse_revisions(text.history or "")]
            if text.revision and (later := [y for y in named if y > text.revision.year]):
                self.diagnostics.warning(
                    "revision-out-of-order", text.span,
                    f"{rid} ({text.revision}): its history line names {max(later)}, after its own revision; "
                    "check the year in the heading or in the history line",
                )

    def revision_pages(self) -> list[RevisionPage]:
        pages = []
        for rid in sorted(self.texts, key=page_order):
            latest = self.latest(rid)
            for text, path, by_key in self.held(rid):
                if text.revision is None:
                    continue
                assert text.body and text.number
                label = text_label(text.body, text.kind, text.number)
                pages.append(RevisionPage(
                    rid, revision_src(rid, text.revision), label, resolution_src(rid), text.revision, text,
                    self._notes(text, _text_refs, by_key), path, latest=text is latest[0], history=self.history(rid),
                    provenance=self.provenance[path],
                ))
        return pages

    def site(self) -> Site:
        for rid in self.texts:
            self.check_histories(rid)
        return Site(
            tuple(self.resolution_pages()), tuple(self.proposals), tuple(self.contributions), tuple(self.unplaced),
            revisions=tuple(self.revision_pages()),
        )


def link(
    files: Iterable[SourceFile], diagnostics: Diagnostics, official: Mapping[str, OfficialPatterns] | None = None,
    recall: Recall | None = None,
) -> Site:
    """The site of the files; `official`: the address patterns of conferences' official
    documents (builder/link/official.py); `recall`: what the last `mkdocs serve` rebuild linked,
    given back where its inputs are unchanged (builder/link/recall.py), and updated."""
    recall = recall or Recall()
    linker = _Linker(diagnostics, recall)
    for file in files:
        linker.add_file(file)
    site = compare_proposals(compare_revisions(annotate_changes(resolve_citations(linker.site(), diagnostics, recall))))
    site = recall.pages(conference_pages(link_official_documents(site, official) if official else site))
    recall.turn()
    return site


def link_official_documents(site: Site, patterns: Mapping[str, OfficialPatterns]) -> Site:
    """Each proposal with its contribution's official document where the site knows how to
    address it; each contribution with the one most of its proposals give."""
    site = _with_proposals(site, {
        p.src: replace(p, official=official_document(p.proposal.code.document, p.conference, patterns)) for p in site.proposals
    })
    return replace(site, contributions=tuple(
        replace(c, official=_most_common(p.official for p in c.proposals)) for c in site.contributions
    ))


def _most_common(values: Iterable[Any]) -> Any:
    """The value given most often, None aside (None if there is none)."""
    found = Counter(v for v in values if v is not None).most_common(1)
    return found[0][0] if found else None


def compare_proposals(site: Site) -> Site:
    """A "Proposals compared" page for each resolution two or more MOD proposals amend, against
    the revision they amend where the collection holds it (else the text held where no proposal
    names the revision it amends, else the first proposal's own text), with the text their
    conference adopted as the last column where held; linked from the resolution and from each
    proposal."""
    held = {(v.id, meeting(v.revision)): v for v in site.revisions}
    pages: list[ProposalsCompared] = []
    for r in site.resolutions:
        mods = [p for p in r.amended_by if p.proposal.action in MODIFYING and p.proposal.text]
        parts: dict[str | None, list[ProposalPage]] = {}
        for p in mods:  # proposals on the same part compete: the whole text, or one annex
            parts.setdefault(p.proposal.target.part if p.proposal.target else None, []).append(p)
        competing = next((group for _, group in sorted(parts.items(), key=lambda g: (g[0] is not None, g[0] or ""))
                          if len(group) >= 2), [])
        if not competing:
            continue
        old = next((p.proposal.text.old_revision for p in competing if p.proposal.text and p.proposal.text.old_revision), None)
        base_page = held.get((r.id, meeting(old))) if old else None
        if base_page is not None:
            base, label, base_src = items(base_page.text), str(base_page.revision), base_page.src
        elif r.text is not None and old is None:  # no proposal names the revision it amends: the text held
            base, label, base_src = items(r.text), str(r.text.revision or "the text in the collection"), r.src
        else:  # never a later revision than the one amended: its words would show as the proposals' changes
            amends = f"the text it amends, {old}," if old else "the text it amends"
            base, label, base_src = base_items(competing[0]), f"{competing[0].label} ({amends} is not in the collection)", None
        made = _most_common(meeting(p.proposal.text.revision) for p in competing if p.proposal.text and p.proposal.text.revision)
        adopted = held.get((r.id, made)) if made else None
        if adopted is not None and (adopted is base_page or (base_page is None and base_src == r.src and adopted.text is r.text)):
            adopted = None  # the rows follow the adopted text already
        rows = side_by_side(base, [proposal_items(p) for p in competing] + ([items(adopted.text)] if adopted else []))
        if adopted is not None:  # the conference's own column: last, and no row of its own
            rows = tuple(replace(row, cells=row.cells[:-1], adopted=row.cells[-1]) for row in rows
                         if row.label is not None or any(row.cells[:-1]))
        pages.append(ProposalsCompared(r.id, compared_src(r.id), r.label, label, base_src, tuple(competing), rows,
                                       str(adopted.revision) if adopted else None, adopted.src if adopted else None))
    if not pages:
        return site
    by_id = {c.id: c.src for c in pages}
    in_compared = {p.src: c.src for c in pages for p in c.proposals}
    site = _with_proposals(site, {p.src: replace(p, compared_src=in_compared.get(p.src)) for p in site.proposals})
    return replace(site, resolutions=tuple(replace(r, compared_src=by_id.get(r.id)) for r in site.resolutions),
                   compared=tuple(pages))


def compare_revisions(site: Site) -> Site:
    """Each pair of consecutive revisions the collection holds, compared (builder.link.compare)."""
    by_id: dict[str, list[RevisionPage]] = {}
    for v in site.revisions:
        by_id.setdefault(v.id, []).append(v)
    comparisons = [
        RevisionComparison(rid, comparison_src(rid, old.revision, new.revision), new.label, old, new,
                           compare(old.text, new.text))
        for rid, held in by_id.items()
        for old, new in zip(held, held[1:])
    ]
    return replace(site, comparisons=tuple(comparisons))


def _against_revisions(p: ProposalPage, held: dict[tuple[str, tuple[str, int]], ResolutionText],
                       met: dict[tuple[str, tuple[str, int]], list[tuple[RevisionPage, Bag]]],
                       abrogated: dict[str, Abrogation]) -> ProposalPage:
    text = p.proposal.text
    made = p.conference.revision if p.conference else None  # a SUP's or NOC's text names an earlier meeting
    adopted = held.get((p.target_id, meeting(made))) if p.target_id and made else None
    adopted_src = revision_src(p.target_id, made) if p.target_id and adopted is not None and made else None
    decided = p.conference is not None and p.conference.key in met
    abrogation = abrogated.get(p.target_id) if p.target_id else None
    if p.proposal.action not in MODIFYING or text is None or p.target_id is None:
        new_texts = met.get(p.conference.key, []) if p.conference and p.conference.key else []
        return replace(p, outcome=outcome(p, adopted, adopted_src, decided, new_texts=new_texts, abrogation=abrogation))
    # a text export is compared with the adopted text once: its redlines, inferred changes and outcome read that
    against = flattened_diff(text, adopted) if adopted is not None and not text.exact else None
    if against is not None and adopted is not None:
        p = replace(p, proposal=replace(p.proposal, text=infer_changes(text, against, adopted)))
    base = held.get((p.target_id, meeting(text.old_revision))) if text.old_revision else None
    repeated: frozenset[str] = frozenset()
    if base is not None:
        p, repeated = against_base(p, base)
    annotations = (
        Annotations(redlines=redlines(p, base, "ins") if base else redlines(p, adopted, "del", against), repeated=repeated)  # type: ignore[arg-type]
        if base or adopted else p.annotations
    )
    return replace(
        p, annotations=annotations, base_needed=None if base is not None else text.old_revision,
        outcome=outcome(p, adopted, adopted_src, decided, against, abrogation=abrogation),
    )


def annotate_changes(site: Site) -> Site:
    """For each MOD proposal: its clauses compared with its base revision (the one it amends)
    and with the revision adopted, where the collection holds them, or the revision it would
    need; for each proposal, what its conference did with it; then the marks on the
    resolutions proposals amend."""
    held = {(v.id, meeting(v.revision)): v.text for v in site.revisions}
    asked = {p.conference.key for p in site.proposals if p.proposal.action.rstrip("*") == "ADD" and p.conference}
    met: dict[tuple[str, tuple[str, int]], list[tuple[RevisionPage, Bag]]] = {}
    for v in site.revisions:  # each conference held, with the texts it adopted as new ones where an ADD may have become one
        key = (v.text.body, meeting(v.revision))
        met.setdefault(key, []).extend(
            [(v, word_bag(" ".join(item.text for item in items(v.text))))] if key in asked and not v.revision.rev else [])
    abrogated = abrogations(site.revisions)
    site = _with_proposals(site, {p.src: _against_revisions(p, held, met, abrogated) for p in site.proposals})
    return replace(site, abrogations=tuple(abrogated.values()), resolutions=tuple(
        replace(r, annotations=Annotations(marks=marks_for(set(anchors_of(r.text)), r.amended_by) if r.text and r.amended_by else {}),
                abrogated=abrogated.get(r.id))
        for r in site.resolutions
    ))


def _with_proposals(site: Site, proposals: dict[str, ProposalPage]) -> Site:
    """The site with its proposal pages replaced, by source, wherever they are listed."""
    return replace(
        site,
        proposals=tuple(proposals[p.src] for p in site.proposals),
        resolutions=tuple(replace(r, amended_by=tuple(proposals[p.src] for p in r.amended_by)) for r in site.resolutions),
        contributions=tuple(replace(c, proposals=tuple(proposals[p.src] for p in c.proposals)) for c in site.contributions),
    )
