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
from ..conventions import MODIFYING, match_text
from ..diagnostics import Diagnostics
from ..ir import Block, Contribution, Paragraph, Proposal, ProposalCode, ResolutionText, Target, plain_text
from .lines import Line, inlines, plain
from .resolution import read_text
from .sections import paragraph_or_row
from .text_rules import ANNEX, is_text_heading

MARKER = re.compile(
    r"^(?P<action>ADD\*?|SUP\*?|MOD|\(MOD\)|NOC)\t+"
    r"(?P<source>[A-Z]{2,5})/(?P<document>\d+(?:A\d+)?)/(?P<number>\d+)(?:#(?P<suffix>\S+))?\s*$"
)
SEPARATOR = re.compile(r"^\*(?:\s*\*){2,}$")
SUMMARY = re.compile(r"^Proposal\s+\S+\s*-\s*Summary:\s*(?P<text>.*)$")
REASONS = re.compile(r"^Reasons:\s*(?P<text>.*)$")
PART_HEADINGS = {"INTRODUCTION": "introduction", "PROPOSAL": "proposal", "Abstract": "abstract"}


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
    return tuple(Paragraph(inlines(line.content), line.span) for line in lines if not line.blank)


def read_contributions(lines: list[Line], diagnostics: Diagnostics, exact: bool = False) -> tuple[Contribution, ...]:
    """`exact`: the lines come from a Word document, with their tracked changes marked."""
    abstract: list[Line] = []
    trailing: list[Block] = []
    proposals: list[Proposal] = []
    for block in _blocks(lines):
        markers = [k for k, line in enumerate(block) if MARKER.match(line.text)]
        if not markers:
            if not proposals:  # front matter before the first proposal
                abstract.extend(line for line in block if match_text(line.text).strip().rstrip(":") != "Abstract")
                continue
            for line in block:
                if not line.blank:
                    diagnostics.warning(
                        "outside-proposal", line.span,
                        "text between proposals that belongs to none; kept at the end of the contribution",
                    )
                    trailing.append(paragraph_or_row(line))
            continue
        for n, k in enumerate(markers):
            # With no separator between two markers, the first proposal runs up to the second marker.
            before = block[:k] if n == 0 else []
            end = markers[n + 1] if n + 1 < len(markers) else len(block)
            proposals.append(_read_proposal(before, block[k], block[k + 1 : end], abstract, diagnostics, exact))
    by_code: dict[str, list[Proposal]] = {}
    for p in proposals:
        by_code.setdefault(p.code.contribution, []).append(p)
    return tuple(
        Contribution(
            code=code, source=group[0].code.source, abstract=_paragraphs(abstract) if n == 0 else (),
            proposals=tuple(group), trailing=tuple(trailing) if n == 0 else (), span=group[0].span,
        )
        for n, (code, group) in enumerate(by_code.items())
    )


def _read_proposal(
    before: list[Line], marker: Line, after: list[Line], abstract: list[Line], diagnostics: Diagnostics, exact: bool
) -> Proposal:
    m = MARKER.match(marker.text)
    assert m
    code = ProposalCode(source=m["source"], document=m["document"], number=int(m["number"]), suffix=m["suffix"])
    parts, summary_heading, text_start = _parts_before(before, abstract, code, diagnostics)
    text_lines, reasons = _without_reasons(before[text_start:] + after)
    tracked = m["action"] in MODIFYING
    text = read_text(text_lines, diagnostics, tracked, exact) if any(not x.blank for x in text_lines) else None
    target, target_title = _target(text)
    if target is None and target_title is None and m["action"] != "ADD":
        _report_no_target(code, text, marker, diagnostics)
    return Proposal(
        code=code, action=m["action"], summary_heading=summary_heading, summary=_paragraphs(parts["summary"]),  # type: ignore[arg-type]
        introduction=_paragraphs(parts["introduction"]), proposal=_paragraphs(parts["proposal"]), text=text,
        reasons=reasons or None, target=target, target_title=target_title, span=marker.span,
    )


def _parts_before(
    before: list[Line], abstract: list[Line], code: ProposalCode, diagnostics: Diagnostics
) -> tuple[dict[str, list[Line]], str | None, int]:
    """The lines before a marker: its Summary, INTRODUCTION and PROPOSAL parts (lines after an
    Abstract heading go to the contribution's abstract), up to a resolution heading, which starts
    the text (ACP/64A1/9). Returns the parts, the Summary line's heading and where the text starts."""
    parts: dict[str, list[Line]] = {"summary": [], "introduction": [], "proposal": [], "abstract": abstract}
    part = "introduction"
    summary_heading: str | None = None
    for k, line in enumerate(before):
        word = match_text(plain(line.text)).strip()
        if (s := SUMMARY.match(word)) and summary_heading is None:
            part = "summary"
            cut = line.text.index("Summary:") + len("Summary:")
            summary_heading = line.text[:cut].strip()
            if s["text"]:
                parts["summary"].append(Line(line.span, line.text[cut:].strip()))
        elif s:
            diagnostics.warning(
                "second-summary", line.span,
                f"a second Summary line before the marker of {code}; kept as part of its summary. "
                "Separate proposals with a `* * *` line",
            )
            parts["summary"].append(line)
        elif word.rstrip(":") in PART_HEADINGS:
            part = PART_HEADINGS[word.rstrip(":")]
        elif is_text_heading(line) and part != "abstract":
            return parts, summary_heading, k  # the resolution heading before the marker (ACP/64A1/9)
        elif line.blank:
            if part == "summary" and parts["summary"]:
                part = "introduction"  # a summary is one paragraph group; what follows introduces
        else:
            parts[part].append(line)
    return parts, summary_heading, len(before)


def _without_reasons(lines: list[Line]) -> tuple[list[Line], tuple[Paragraph, ...]]:
    """The proposed text up to its `Reasons:` line, and the reasons (that line and all after it)."""
    for k, line in enumerate(lines):
        if r := REASONS.match(line.text):
            return lines[:k], _paragraphs([Line(line.span, r["text"], style=line.style), *lines[k + 1 :]])
    return lines, ()


def _report_no_target(code: ProposalCode, text: ResolutionText | None, marker: Line, diagnostics: Diagnostics) -> None:
    if text and text.number:
        diagnostics.warning(
            "target-body-unknown", marker.span,
            f"{code}: the body of Resolution {text.number} is named neither by an enacting formula nor by "
            "a (venue, year) of one body; add the enacting formula to the proposed text",
        )
    else:
        diagnostics.warning(
            "no-target", marker.span,
            f"{code}: no resolution heading in the proposed text, so its target is unknown; "
            "put the heading (`RESOLUTION 11 (Rev. Busan, 2014)`) right after the marker",
        )


def _target(text: ResolutionText | None) -> tuple[Target | None, str | None]:
    """The resolution a proposed text amends (and the part, when it is only an annex), or else
    a description of what it targets (`Draft New Resolution [EUR-1]`, the Constitution)."""
    if text is None:
        return None, None
    if text.kind == "fragment":
        words = " ".join(match_text(plain_text(b.text)) for b in text.preamble if isinstance(b, Paragraph))
        return None, " ".join(words.split()) or None
    if text.kind == "draft":
        return None, match_text(text.heading)
    if text.body is None or text.number is None:
        return None, None
    part = None
    if text.sections and not text.formula and text.sections[0].kind == "annex" and all(s.kind != "section" for s in text.sections):
        annex = ANNEX.match(match_text(text.sections[0].heading))
        part = f"Annex {annex['n']}" if annex and annex["n"] else "Annex"
    return Target(kind=text.kind, body=text.body, number=text.number, part=part), None  # type: ignore[arg-type]
