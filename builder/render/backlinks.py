"""What other pages say of a page, written as finished HTML: its "Amended by" table, the
changes each proposal makes to it, and its "Cited by" list. On a much-cited text they are most of
the page, and as Markdown every one of their links cost Python-Markdown's inline patterns and
MkDocs' link resolution (at 2,000 documents, more of MkDocs' time than the words of the texts).
The HTML is what Python-Markdown made of the Markdown they were, byte for byte; the links are
recorded for MkDocs' validation like those of the clauses (builder/render/blocks.py)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING

from ..anchors import slug
from ..conventions import source
from ..link.model import CitedBy, ProposalPage
from .escape import cell_text, redline_html

if TYPE_CHECKING:
    from .blocks import BlockWriter


def cited_by(md: BlockWriter, entries: Iterable[CitedBy]) -> str:
    """Each citing page, then where in it the citation is and the revision it cites."""
    items = []
    for _, group in groupby(sorted(entries, key=lambda e: e.page_id or ""), key=lambda e: e.page_id or ""):
        where = list(group)
        places = ", ".join(
            f"{_a(md, e.where, e.src, e.anchor)}{f' (cites {cell_text(e.revision)})' if e.revision else ''}" for e in where
        )
        items.append(f"<li>{_a(md, where[0].page_label, where[0].src)}: {places}</li>")
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def amended_by(md: BlockWriter, proposals: Iterable[ProposalPage]) -> str:
    """A row for each proposal: its action, code, source, conference, outcome and summary."""
    return _table(("Action", "Proposal", "Source", "Conference", "Outcome", "Summary"), [
        (badge(p.proposal.action), _a(md, p.proposal.code.printed, p.src), cell_text(source(p.proposal.code.source).group),
         _conference(md, p), outcome(md, p), cell_text(p.summary_line))
        for p in proposals
    ])


def changes(md: BlockWriter, p: ProposalPage) -> str:
    """A row for each change a proposal makes, with where it is in the proposal."""
    rows = []
    for c in p.changes:
        if c.status == "renumbered":
            change = f"{c.old or '(no label)'} → {c.new or '(no label)'}"
        elif c.status == "replaced":
            change = f"heading “{c.old_section}” replaced"
        else:
            change = f"{c.new or c.old or 'paragraph'} {c.status}"
        words = redline_html(c.words, cell_text)
        rows.append((cell_text(c.section), cell_text(change), words, _a(md, f"{c.section} {c.new or c.old or ''}", p.src, c.anchor)))
    return _table(("Section", "Change", "Words changed", "In the proposal"), rows)


def badge(action: str) -> str:
    return f'<span class="action-badge action-{slug(action)}">{cell_text(action)}</span>'


def outcome(md: BlockWriter, p: ProposalPage) -> str:
    """What the proposal's conference did with it, in a few words, linking to its outcome."""
    if not p.outcome:
        return ""
    short = _a(md, p.outcome.short, p.src, "adopted") if p.outcome.rows else cell_text(p.outcome.short)
    return f'<span class="outcome outcome-{slug(p.outcome.state)}">{short}</span>'


def _conference(md: BlockWriter, p: ProposalPage) -> str:
    if p.conference and p.conference.src:
        return _a(md, p.conference.label, p.conference.src)
    return cell_text(p.conference.label) if p.conference else ""


def _a(md: BlockWriter, text: str, src: str, anchor: str | None = None) -> str:
    return f'<a href="{md.link(src, anchor)}">{cell_text(text)}</a>'


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A table as Python-Markdown's tables extension writes it."""
    def row(cells: Iterable[str], tag: str) -> str:
        return "<tr>\n" + "".join(f"<{tag}>{cell}</{tag}>\n" for cell in cells) + "</tr>"

    body = "\n".join(row(r, "td") for r in rows)
    return f"<table>\n<thead>\n{row(head, 'th')}\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"

