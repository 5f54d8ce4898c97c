"""Build the `Site` from the read source files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..conventions import BODIES, bodies_meeting, parse_revisions
from ..diagnostics import Diagnostics
from ..ir import (
    Block, Clause, Footnote, FootnoteRef, Inline, Paragraph, Proposal, ResolutionText, Revision, SourceFile,
    Target, plain_text,
)
from .model import Conference, ContributionPage, ProposalPage, ResolutionPage, Site


def resolution_id(kind: str, body: str, number: str) -> str:
    return f"{body}-{'dec' if kind == 'decision' else 'res'}-{number.lower()}"


def resolution_src(kind: str, body: str, number: str) -> str:
    return f"{body}/{'dec' if kind == 'decision' else 'res'}-{number.lower()}.md"


def proposal_slug(code: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def _refs(text: Iterable[Inline]) -> Iterator[str]:
    return (piece.key for piece in text if isinstance(piece, FootnoteRef))


def _block_refs(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, (Clause, Paragraph)):
            yield from _refs(block.text)
        if isinstance(block, Clause):
            yield from _block_refs(block.children)


def _text_refs(text: ResolutionText | None) -> Iterator[str]:
    if text is None:
        return
    yield from _refs(text.title)
    yield from _block_refs(text.foreword)
    yield from _block_refs(text.preamble)
    for section in text.sections:
        yield from _block_refs(section.blocks)


def _proposal_refs(p: Proposal) -> Iterator[str]:
    for part in (p.summary, p.introduction, p.proposal):
        yield from _block_refs(part)
    yield from _text_refs(p.text)
    if p.reasons:
        yield from _refs(p.reasons)


def _footnotes(keys: Iterable[str], by_key: dict[str, Footnote]) -> tuple[Footnote, ...]:
    seen = dict.fromkeys(k for k in keys if k in by_key)
    return tuple(by_key[k] for k in seen)


def _conference(text: ResolutionText | None, target: Target | None) -> Conference | None:
    body = (text.body if text else None) or (target.body if target else None)
    if body is None:
        return None
    revision = text.revision if text else None
    if text and text.formula:
        found = parse_revisions(text.formula)
        revision = found[-1] if found else revision
    return Conference(body, revision)


def link(files: Iterable[SourceFile], diagnostics: Diagnostics) -> Site:
    texts: dict[str, tuple[ResolutionText, str, dict[str, Footnote]]] = {}
    proposals: list[ProposalPage] = []
    contributions: list[ContributionPage] = []
    targeted: dict[str, list[tuple[Target, ProposalPage]]] = {}
    for file in files:
        by_key = {f.key: f for f in file.footnotes}
        for text in file.resolutions:
            body = text.body
            if body is None and text.revision:
                candidates = bodies_meeting(text.revision.venue, text.revision.year)
                body = candidates[0] if len(candidates) == 1 else None
            if body is None or text.number is None or text.kind not in ("resolution", "decision"):
                diagnostics.error(
                    "body-unknown", text.span,
                    "cannot tell which body adopted this text: add its enacting formula "
                    "(`The World Telecommunication Development Conference (Kigali, 2022),`)",
                )
                continue
            rid = resolution_id(text.kind, body, text.number)
            if rid in texts:
                kept, kept_file, _ = texts[rid]
                newer = (text.revision.year if text.revision else 0) > (kept.revision.year if kept.revision else 0)
                diagnostics.warning(
                    "duplicate-resolution", text.span,
                    f"{rid} is also read from {kept_file}; the {'later revision here' if newer else 'text read first'}"
                    " is published. Remove one of the two files",
                )
                if not newer:
                    continue
            texts[rid] = (text if text.body else _with_body(text, body), file.path, by_key)
        for contribution in file.contributions:
            csrc = f"proposals/{proposal_slug(contribution.code)}/index.md"
            pages = []
            for p in contribution.proposals:
                pid = str(p.code)
                src = f"proposals/{proposal_slug(pid)}.md"
                if any(q.src == src for q in proposals):
                    diagnostics.error(
                        "duplicate-proposal", p.span,
                        f"proposal {pid} appears twice; give each proposal its own number",
                    )
                    src = f"proposals/{proposal_slug(p.code.printed)}-{p.span.line}.md"
                target_id = target_src = None
                label = p.target_title
                if p.target:
                    target_id = resolution_id(p.target.kind, p.target.body, p.target.number)
                    target_src = resolution_src(p.target.kind, p.target.body, p.target.number)
                    label = f"{BODIES[p.target.body].short} {p.target.kind.capitalize()} {p.target.number}"
                page = ProposalPage(
                    pid, src, p, contribution.code, csrc, target_id, target_src, label,
                    _conference(p.text, p.target), _footnotes(_proposal_refs(p), by_key), file.path,
                )
                pages.append(page)
                proposals.append(page)
                if p.target and target_id:
                    targeted.setdefault(target_id, []).append((p.target, page))
            keys = list(_block_refs(contribution.abstract)) + list(_block_refs(contribution.trailing))
            contributions.append(
                ContributionPage(contribution.code, csrc, contribution, tuple(pages), _footnotes(keys, by_key), file.path)
            )

    resolutions = []
    for rid in sorted(set(texts) | set(targeted), key=_order):
        amending = targeted.get(rid, [])
        if rid in texts:
            text, path, by_key = texts[rid]
            kind, body, number = text.kind, text.body, text.number
            titles = (plain_text(text.title),)
            revisions = tuple(r for r in (text.revision,) if r)
            footnotes = _footnotes(_text_refs(text), by_key)
        else:
            target = amending[0][0]
            kind, body, number = target.kind, target.body, target.number
            text, path, footnotes = None, None, ()
            titles, revisions = _known_from(p.proposal for _, p in amending)
        resolutions.append(
            ResolutionPage(
                rid, resolution_src(kind, body, number), kind, body, number, text,  # type: ignore[arg-type]
                titles, revisions, tuple(page for _, page in amending), footnotes, path,
            )
        )
    return Site(tuple(resolutions), tuple(proposals), tuple(contributions))


def _known_from(amending: Iterable[Proposal]) -> tuple[tuple[str, ...], tuple[Revision, ...]]:
    """Titles and revisions of a resolution whose text is not in the corpus, as its proposals give them.

    Proposals on the whole text come first (a proposal on an annex carries the annex's title
    less reliably); the revision is the one a MOD replaces, or the one a SUP or NOC names.
    """
    ordered = sorted((p for p in amending if p.text), key=lambda p: p.target is not None and p.target.part is not None)
    titles = dict.fromkeys(plain_text(p.text.title) for p in ordered if p.text and p.text.title)
    revisions = dict.fromkeys(
        p.text.old_revision or (p.text.revision if p.action in ("SUP", "NOC") else None) for p in ordered if p.text
    )
    return tuple(titles), tuple(r for r in revisions if r)


def _with_body(text: ResolutionText, body: str) -> ResolutionText:
    from dataclasses import replace

    return replace(text, body=body)  # type: ignore[arg-type]


def _order(rid: str) -> tuple:
    body, kind, number = rid.split("-", 2)
    digits = re.match(r"\d+", number)
    return (["pp", "wtsa", "wtdc", "ra"].index(body), kind, int(digits[0]) if digits else 0, number)

