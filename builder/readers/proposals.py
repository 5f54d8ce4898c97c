"""Split a contribution file into proposals.

A proposal is a marker line (`MOD<TAB>ACP/64A1/3`), usually preceded by a
`Proposal … - Summary:` line, an INTRODUCTION and a PROPOSAL part, and followed by the
text as proposed and a `Reasons:<TAB>…` line. Proposals are separated by `* * *` lines
or by the next `Proposal … - Summary:` line. Irregular cases handled: no Summary line;
the resolution heading placed before the marker (the text then starts at the heading);
an Abstract for the whole contribution before the first proposal.
"""

from __future__ import annotations

import re
from collections import Counter

from ..conventions import bodies_meeting, match_text
from ..diagnostics import Diagnostics
from ..ir import Block, Contribution, Paragraph, Proposal, ProposalCode, ResolutionText, Target, plain_text
from .lines import Line, inlines, plain
from .resolution import is_text_heading, paragraph_or_row, read_text

MARKER = re.compile(
    r"^(?P<action>ADD\*?|SUP\*?|MOD|\(MOD\)|NOC)\t+"
    r"(?P<source>[A-Z]{2,5})/(?P<document>\d+(?:A\d+)?)/(?P<number>\d+)(?:#(?P<suffix>\S+))?\s*$"
)
SEPARATOR = re.compile(r"^\*(?:\s*\*){2,}$")
SUMMARY = re.compile(r"^Proposal\s+\S+\s*-\s*Summary:\s*(?P<text>.*)$")
REASONS = re.compile(r"^Reasons:\s*(?P<text>.*)$")
PART_HEADINGS = {"INTRODUCTION": "introduction", "PROPOSAL": "proposal"}


def has_markers(lines: list[Line]) -> bool:
    return any(MARKER.match(line.text) for line in lines)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Cut at separators and at each `Proposal … - Summary:` line."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if SEPARATOR.match(line.text):
            blocks.append([])
        elif SUMMARY.match(line.text) and any(MARKER.match(x.text) for x in blocks[-1]):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return [b for b in blocks if any(not line.blank for line in b)]


def _paragraphs(lines: list[Line]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(inlines(line.text), line.span) for line in lines if not line.blank)


def read_contributions(lines: list[Line], diagnostics: Diagnostics) -> tuple[Contribution, ...]:
    abstract: list[Line] = []
    trailing: list[Block] = []
    proposals: list[Proposal] = []
    for block in _blocks(lines):
        markers = [k for k, line in enumerate(block) if MARKER.match(line.text)]
        if not markers:
            if proposals:
                for line in block:
                    if not line.blank:
                        diagnostics.warning(
                            "outside-proposal", line.span,
                            "text after the last proposal that belongs to none; kept at the end of the contribution",
                        )
                        trailing.append(paragraph_or_row(line))
            else:
                abstract.extend(block)
            continue
        for n, k in enumerate(markers):
            start = markers[n - 1] + 1 if n else 0
            end = markers[n + 1] if n + 1 < len(markers) else len(block)
            before = block[start:k]
            if n:  # a marker with no separator before it: its preamble starts after the Reasons line
                before = []
            proposal, rest = _read_proposal(before, block[k], block[k + 1 : end], abstract, diagnostics)
            proposals.append(proposal)
            for line in rest:
                diagnostics.warning(
                    "after-reasons", line.span,
                    f"text after the Reasons of {proposal.code}; kept at the end of the contribution",
                )
                trailing.append(paragraph_or_row(line))
    _default_bodies(proposals, diagnostics)
    by_code: dict[str, list[Proposal]] = {}
    for p in proposals:
        by_code.setdefault(p.code.contribution, []).append(p)
    contributions = []
    for n, (code, group) in enumerate(by_code.items()):
        contributions.append(
            Contribution(
                code, group[0].code.source, _paragraphs(abstract) if n == 0 else (), tuple(group),
                tuple(trailing) if n == 0 else (), group[0].span,
            )
        )
    return tuple(contributions)


def _read_proposal(
    before: list[Line], marker: Line, after: list[Line], abstract: list[Line], diagnostics: Diagnostics
) -> tuple[Proposal, list[Line]]:
    m = MARKER.match(marker.text)
    assert m
    code = ProposalCode(m["source"], m["document"], int(m["number"]), m["suffix"])
    parts: dict[str, list[Line]] = {"summary": [], "introduction": [], "proposal": []}
    part: str | None = None
    summary_heading: str | None = None
    text_start: int | None = None
    for k, line in enumerate(before):
        word = match_text(plain(line.text)).strip()
        if (s := SUMMARY.match(word)) and summary_heading is not None:
            diagnostics.warning(
                "second-summary", line.span,
                f"a second Summary line before the marker of {code}; kept as part of its summary. "
                "Separate proposals with a `* * *` line",
            )
            parts["summary"].append(line)
        elif s:
            part = "summary"
            cut = line.text.index("Summary:") + len("Summary:")
            summary_heading = line.text[:cut].strip()
            if s["text"]:
                parts["summary"].append(Line(line.span, line.text[cut:].strip()))
        elif word.rstrip(":") in PART_HEADINGS:
            part = PART_HEADINGS[word.rstrip(":")]
        elif word.rstrip(":") == "Abstract":
            part = "abstract"
        elif is_text_heading(line) and part in ("proposal", "introduction", None):
            text_start = k
            break
        elif line.blank:
            if part == "summary" and parts["summary"]:
                part = "introduction"
        elif part == "abstract" or part is None:
            abstract.append(line)
        else:
            parts[part].append(line)
    text_lines = (before[text_start:] if text_start is not None else []) + after
    reasons = None
    rest: list[Line] = []
    for k, line in enumerate(text_lines):
        if r := REASONS.match(line.text):
            reasons = inlines(r["text"])
            rest = [x for x in text_lines[k + 1 :] if not x.blank]
            text_lines = text_lines[:k]
            break
    text = read_text(text_lines, diagnostics) if any(not x.blank for x in text_lines) else None
    action = m["action"]
    target, target_title = _target(text)
    if action != "ADD" and target is None and target_title is None:
        diagnostics.warning(
            "no-target", marker.span,
            f"{action} {code}: no resolution heading found in the proposed text, so its target is unknown",
        )
    return (
        Proposal(
            code, action, summary_heading, _paragraphs(parts["summary"]),  # type: ignore[arg-type]
            _paragraphs(parts["introduction"]),
            _paragraphs(parts["proposal"]), text, reasons, target, target_title, marker.span,
        ),
        rest,
    )


def _target(text: ResolutionText | None) -> tuple[Target | None, str | None]:
    if text is None:
        return None, None
    if text.kind == "fragment":
        words = " ".join(match_text(plain_text(b.text)) for b in text.preamble if isinstance(b, Paragraph))
        return None, " ".join(words.split()) or None
    if text.kind == "draft":
        return None, match_text(text.heading)
    part = None
    if text.sections and not text.formula and all(s.kind == "annex" for s in text.sections):
        part = text.sections[0].anchor.replace("-", " ").capitalize()
    body = text.body
    if body is None and text.revision:
        candidates = bodies_meeting(text.revision.venue, text.revision.year)
        body = candidates[0] if len(candidates) == 1 else None
    if body is None or text.number is None:
        return None, None
    return Target(text.kind, body, text.number, part), None  # type: ignore[arg-type]


def _default_bodies(proposals: list[Proposal], diagnostics: Diagnostics) -> None:
    """Report proposals whose target body could not be told."""
    known = Counter(p.target.body for p in proposals if p.target)
    for p in proposals:
        if p.text and p.text.number and p.target is None:
            guess = known.most_common(1)[0][0] if known else None
            diagnostics.warning(
                "target-body-unknown", p.span,
                f"{p.code}: the body of Resolution {p.text.number} is not named by an enacting formula or a "
                f"known (venue, year){'; the other proposals of this file target ' + guess if guess else ''}. "
                "Add the enacting formula to the proposed text",
            )
