"""The machine-readable dump: `python -m builder dump FILE...` → `{"documents": [...]}`."""

from __future__ import annotations

from typing import Any, Callable, Iterator

from .ir import Block, Change, Clause, Inline, Proposal, Redline, ResolutionText, Revision, Section, has_changes, plain_text, redline
from .link import ContributionPage, ProposalPage, ResolutionPage, Site
from .ir import Provenance
from .link.model import CitationUse, OfficialDocument, Outcome, RevisionPage, revision_id


def url(src: str) -> str:
    """`pp/res-71.md` → `pp/res-71/`; `proposals/acp-64a1/index.md` → `proposals/acp-64a1/`."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def _revision(r: Revision | None) -> dict[str, Any] | None:
    return {"venue": r.venue, "year": r.year, "rev": r.rev, "text": str(r)} if r else None


def _clauses(blocks: tuple[Block, ...]) -> list[dict[str, Any]]:
    return [
        {
            "label": b.label,
            "old_label": b.change.old if b.change else b.label,
            "status": b.change.status if b.change else None,
            "anchor": b.anchor,
            "text": "".join(words for op, words in redline(b.text) if op != "del"),
            "changes": _changes(redline(b.text)) if has_changes(b.text) else None,
            "inferred_changes": _changes(redline(b.text, inferred=True)) if _inferred(b.text) else None,
            "line": b.span.line,
            "clauses": _clauses(b.children),
        }
        for b in blocks
        if isinstance(b, Clause)
    ]


def _inferred(text: tuple[Inline, ...]) -> bool:
    return any(isinstance(piece, Change) and piece.inferred for piece in text)


def _outcome(o: Outcome | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {
        "conference": o.conference.label,
        "conference_url": url(o.conference.src) if o.conference.src else None,
        "state": o.state,
        "summary": o.summary,
        "short": o.short,
        "adopted": {"label": o.adopted_label, "url": url(o.adopted_src), "anchor": o.adopted_anchor} if o.adopted_src else None,
        "clauses": [
            {"where": r.where, "anchor": r.anchor, "change": r.change, "verdict": r.verdict, "inferred": r.inferred,
             "adopted_where": r.adopted_where, "adopted_anchor": r.adopted_anchor, "words": _changes(r.words)}
            for r in o.rows
        ],
    }


def _changes(printed: Redline) -> list[list[str]] | None:
    """Text with tracked changes as [[op, words], ...], op ``, `ins` or `del`; None where the
    source records no change."""
    return [list(p) for p in printed] if printed else None


def _sections(sections: tuple[Section, ...]) -> list[dict[str, Any]]:
    return [
        {
            "heading": s.heading, "old_heading": s.old_heading, "heading_changes": _changes(s.printed_heading),
            "anchor": s.anchor, "kind": s.kind, "within": s.within,
            "line": s.span.line, "clauses": _clauses(s.blocks),
        }
        for s in sections
    ]


def _text(text: ResolutionText | None) -> dict[str, Any]:
    if text is None:
        return {"sections": []}
    return {
        "heading": text.heading,
        "heading_changes": _changes(text.printed_heading),
        "revision": _revision(text.revision),
        "history": text.history,
        "history_changes": _changes(text.printed_history),
        "formula": text.formula,
        "formula_changes": _changes(text.printed_formula),
        "sections": _sections(text.sections),
    }


def _citations(uses: tuple[CitationUse, ...]) -> list[dict[str, Any]]:
    return [{"text": u.text, "target": u.target, "from": u.source} for u in uses]


def _read_from(file: str | None, provenance: Provenance | None) -> dict[str, Any] | None:
    """What the text was read from: the file, a Word document or a text export, and the
    document's own date where it records one (None: the collection holds no text)."""
    if file is None or provenance is None:
        return None
    return {"file": file, "format": provenance.format, "date": provenance.date, "dated": provenance.dated}


def _official(official: OfficialDocument | None) -> dict[str, str] | None:
    return {"label": official.label, "url": official.url} if official else None


def resolution(page: ResolutionPage) -> dict[str, Any]:
    return {
        "id": page.id,
        "kind": page.kind,
        "body": page.body,
        "number": page.number,
        "url": url(page.src),
        "title": page.titles[0] if page.titles else None,
        "in_collection": page.text is not None,
        "source": page.source_file,
        "read_from": _read_from(page.source_file, page.provenance),
        "amended_by": [p.id for p in page.amended_by],
        "cited_by": [{"document": c.page_id, "from": c.anchor} for c in page.cited_by],
        "citations": _citations(page.citations),
        **_text(page.text),
    }


def proposal(page: ProposalPage) -> dict[str, Any]:
    p: Proposal = page.proposal
    return {
        "id": page.id,
        "code": p.code.printed,
        "kind": "proposal",
        "action": p.action,
        "source": p.code.source,
        "contribution": page.contribution_id,
        "target": page.target_id,
        "target_part": p.target.part if p.target else None,
        "target_title": p.target_title,
        "url": url(page.src),
        "title": plain_text(p.text.title) if p.text and p.text.title else page.target_label,
        "summary": page.summary_line,
        "old_revision": _revision(p.text.old_revision if p.text else None),
        "new_revision": _revision(p.text.revision if p.text else None),
        "reasons": "\n".join(plain_text(r.text) for r in p.reasons) if p.reasons else None,
        "line": p.span.line,
        "file": page.source_file,
        "read_from": _read_from(page.source_file, page.provenance),
        "official_document": _official(page.official),
        "citations": _citations(page.citations),
        "outcome": _outcome(page.outcome),
        **_text(p.text),
    }


def revision(page: RevisionPage) -> dict[str, Any]:
    """A revision at its permanent address: the text as revised at one meeting."""
    return {
        "id": revision_id(page),
        "kind": "revision",
        "resolution": page.id,
        "url": url(page.src),
        "latest": page.latest,
        "title": plain_text(page.text.title),
        "source": page.source_file,
        "read_from": _read_from(page.source_file, page.provenance),
        # the latest revision's citations are its resolution's (the same text): listed there once
        **({} if page.latest else {"citations": _citations(page.citations)}),
        **_text(page.text),
    }


def contribution(page: ContributionPage) -> dict[str, Any]:
    return {
        "id": page.id,
        "kind": "contribution",
        "source": page.contribution.source,
        "url": url(page.src),
        "title": f"Contribution {page.id}",
        "file": page.source_file,
        "read_from": _read_from(page.source_file, page.provenance),
        "official_document": _official(page.official),
        "abstract": [plain_text(b.text) for b in page.contribution.abstract],
        "proposals": [p.id for p in page.proposals],
        "citations": _citations(page.citations),
        "sections": [],
    }


def pages(site: Site) -> Iterator[tuple[Any, Callable[[Any], dict[str, Any]]]]:
    """Every document's page, in the dump's order, with what makes its object (a page's object
    is made from the page alone)."""
    yield from ((r, resolution) for r in site.resolutions)
    yield from ((v, revision) for v in site.revisions)
    yield from ((c, contribution) for c in site.contributions)
    yield from ((p, proposal) for p in site.proposals)


def dump(site: Site) -> dict[str, Any]:
    return {"documents": [document(page) for page, document in pages(site)]}
