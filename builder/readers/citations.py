"""Recognise citations in running text: resolutions and decisions of the conferences and
assemblies, Council resolutions, the Constitution, the Convention, the Radio Regulations and
United Nations texts.

Only the words are read here (pure, per line); which page a citation leads to is the link
stage's business (builder/link/citations.py). Forms recognised:

- `Resolution 123 (Rev. Bucharest, 2022) of the Plenipotentiary Conference`, `… of WTDC`,
  `… (WTSA)`, `… of this assembly`, `PP Resolution 71`, `Resolution ITU-R 15-6 (…) of the
  Radiocommunication Assembly (RA)`, `Resolution 209 (Dubai, 2018)`, lists
  (`Resolutions 44 and 54 (Rev. New Delhi, 2024) of this assembly`), and clause-level
  citations (`resolves 2 of Resolution 58 (Rev. Busan, 2014)`, `recognizing g) thereof`);
- `Council Resolution 1292 (2008)`, `Resolution 1386 adopted by the ITU Council`,
  `Decision 517, adopted by the ITU Council`, and a bare four-digit `Resolution 1344`;
- `No. 126 of the ITU Constitution`, `Nos. 241A, 248B and 483A of the Convention`,
  `Article 19 of the ITU Convention`, `Articles 15 and 16 of the Radio Regulations`;
- `A/RES/70/1`, `A/72/492`, `Resolution 68/50`, `UNGA Resolution 68/198`, `resolution 72/266 B`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..conventions import match_text, parse_revisions
from ..ir import BodyId, Citation, Inline, Reference
from .headings import LEXICON

_NUM = r"\d+[A-Z]?(?:-\d+)?(?![\d/])"
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_BODY_NAMES: dict[BodyId, str] = {
    "pp": r"(?:the\s+)?Plenipotentiary\s+Conference(?:\s+\(PP\))?|PP",
    "wtsa": r"(?:the\s+)?World\s+Telecommunications?\s+Standardization\s+Assembly(?:\s+\(WTSA\))?|WTSA",
    "wtdc": r"(?:the\s+)?World\s+Telecommunications?\s+Development\s+Conference(?:\s+\(WTDC\))?|WTDC",
    "ra": r"(?:the\s+)?Radiocommunication\s+Assembly(?:\s+\(RA\))?|RA",
}
_BODY = "|".join(f"(?P<{body}>{pattern})" for body, pattern in _BODY_NAMES.items())
_COUNCIL = r"(?P<council>(?:the\s+)?(?:ITU\s+)?Council)"
_RELATIVE = r"(?P<relative>this\s+(?:[Cc]onference|[Aa]ssembly))"
_OTHER = (
    r"(?P<other>the\s+(?:World|Regional|International|United|fifth|sixth)\b[^,;()]{0,80}"
    r"(?:Conference|Assembly|Forum|Summit|Telecommunications))"
)

RESOLUTION = re.compile(
    rf"(?:\b(?P<prefix>PP|WTSA|WTDC|RA|ITU\s+Council|Council)\s+)?"
    rf"\b(?P<kind>[Rr]esolutions?|[Dd]ecisions?)\s+(?P<itur>ITU-R\s+)?"
    rf"(?P<numbers>{_NUM}(?:{_SEP}{_NUM})*)"
    rf"(?:\s*\((?P<revision>[^()]*?\d{{4}}[^()]*)\))?"
    rf"(?:(?:,?\s+(?:of|adopted\s+by)\s+|\s*\()(?:{_BODY}|{_COUNCIL}|{_RELATIVE}|{_OTHER})\)?)?"
)
INSTRUMENT = re.compile(
    rf"\b(?P<provision>Nos?\.|Articles?)\s*(?P<numbers>\d+[A-Z]?(?:{_SEP}\d+[A-Z]?)*)"
    r"(?:,\s+paragraph\s+\d+(?:\s+[a-z]\))?)?,?\s*(?:\([^()]*\)\s*)?"
    r"\s+of\s+the\s+(?:ITU\s+)?(?P<instrument>Constitution|Convention|Radio\s+Regulations)\b"
)
UN = re.compile(
    r"\bA/RES/\d+/\d+|\bA/\d{2}/\d+"
    r"|(?:\b(?:United\s+Nations\s+General\s+Assembly(?:\s+\(UNGA\))?|UN\s+General\s+Assembly|UNGA|General\s+Assembly"
    r"|ECOSOC)\s+)?\b[Rr]esolutions?\s+(?P<un>\d{2,4}/\d+(?:\s+[A-Z]\b)?)"
    r"(?:\s+of\s+the\s+(?:United\s+Nations\s+General\s+Assembly|UNGA|UN\s+General\s+Assembly))?"
)
_LABEL = r"(?:[a-z]{1,3}\)|\d+(?:\.\d+)*(?:\s*[ivx]+\))?)"
_SECTION = r"(?:" + "|".join(sorted(LEXICON, key=len, reverse=True)) + r")\b(?:[ \-][\w\-]+){0,10}?"
CLAUSE_BEFORE = re.compile(rf"(?P<section>{_SECTION})\s+(?P<label>{_LABEL})\s+of\s+$")
_LEXICON_WORD = re.compile(r"\b(?:" + "|".join(LEXICON) + r")\b")
ANNEX_BEFORE = re.compile(r"\b(?P<section>Annex(?:\s+(?:\d+|[A-Z]))?)(?P<label>)\s+(?:to|of)\s+(?:the\s+)?$")
THEREOF = re.compile(rf"\b(?P<section>{_SECTION})\s+(?P<label>{_LABEL})\s+thereof\b")
_INSTRUMENTS = {"Constitution": "constitution", "Convention": "convention", "Radio Regulations": "radio-regulations"}


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    pieces: tuple[Inline, ...]


def find_citations(text: str) -> tuple[Inline, ...]:
    """Split a plain string into text and `Citation`s."""
    probe = match_text(text)  # same length as text: spans carry over
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in UN.finditer(probe):
        number = m["un"] or m[0]
        found.append(_Found(m.start(), m.end(), (Citation(text[m.start() : m.end()], Reference("un", number)),)))
        taken.append(m.span())
    for m in INSTRUMENT.finditer(probe):
        if free(*m.span()):
            found.append(_instrument(text, m))
            taken.append(m.span())
    cited: list[tuple[int, Reference]] = []  # where each resolution citation ends, for `thereof`
    for m in RESOLUTION.finditer(probe):
        if not free(*m.span()):
            continue
        clause = _clause_before(probe, m.start())
        start = m.start() - len(clause[0]) if clause else m.start()
        hit = _resolution(text, m, start, clause)
        found.append(hit)
        taken.append((start, m.end()))
        cited += [(hit.end, p.ref) for p in hit.pieces if isinstance(p, Citation)]
    for t in THEREOF.finditer(probe):
        before = [ref for end, ref in cited if end <= t.start()]
        if before and free(*t.span()):
            last = before[-1]
            ref = replace(last, section=" ".join(t["section"].split()), label=" ".join(t["label"].split()))
            found.append(_Found(t.start(), t.end(), (Citation(text[t.start() : t.end()], ref),)))
            taken.append(t.span())
    if not found:
        return (text,)
    pieces: list[Inline] = []
    at = 0
    for hit in sorted(found, key=lambda f: f.start):
        if hit.start > at:
            pieces.append(text[at : hit.start])
        pieces.extend(hit.pieces)
        at = hit.end
    if at < len(text):
        pieces.append(text[at:])
    return tuple(pieces)


def _clause_before(probe: str, start: int) -> re.Match[str] | None:
    """`resolves 2 of ` or `Annex 1 to ` just before a citation makes it clause-level; the
    nearest section word wins."""
    window = probe[max(0, start - 160) : start]
    if m := ANNEX_BEFORE.search(window):
        return m
    for word in reversed(list(_LEXICON_WORD.finditer(window))):
        if m := CLAUSE_BEFORE.match(window, word.start()):
            return m
    return None


def _numbers(numbers: str) -> list[tuple[int, int]]:
    """Spans of the numbers of `44 and 54`, `71, 72 and 151`, relative to the list."""
    return [m.span() for m in re.finditer(r"\d+[A-Z]?(?:-\d+)?", numbers)]


def _instrument(text: str, m: re.Match[str]) -> _Found:
    instrument = _INSTRUMENTS[" ".join(m["instrument"].split())]
    provision = "No." if m["provision"].startswith("No") else "Article"
    refs = [Reference(instrument, text[m.start("numbers") + a : m.start("numbers") + b], provision=provision)  # type: ignore[arg-type]
            for a, b in _numbers(m["numbers"])]
    return _split(text, m.start(), m.end(), m.start("numbers"), _numbers(m["numbers"]), refs)


def _resolution(text: str, m: re.Match[str], start: int, clause: re.Match[str] | None) -> _Found:
    body: BodyId | None = next((b for b in _BODY_NAMES if m[b]), None)  # type: ignore[misc]
    prefix = " ".join((m["prefix"] or "").split())
    council = bool(m["council"]) or prefix in ("Council", "ITU Council")
    if prefix.lower() in _BODY_NAMES:
        body = prefix.lower()  # type: ignore[assignment]
    if m["itur"]:
        body = "ra"
    decision = m["kind"].lower().startswith("decision")
    spans = _numbers(m["numbers"])
    numbers = [m["numbers"][a:b] for a, b in spans]
    if not council and not body and all(len(n) == 4 and n.isdigit() and int(n) >= 1000 for n in numbers):
        council = True  # conference resolutions run to a few hundred; Council's are numbered from 1000
    kind = ("council-decision" if decision else "council-resolution") if council else ("decision" if decision else "resolution")
    revisions = tuple(parse_revisions(m["revision"] or ""))
    section = " ".join(clause["section"].split()) if clause else None
    label = " ".join(clause["label"].split()) or None if clause else None
    refs = [
        Reference(
            kind, n.split("-")[0] if body == "ra" else n, None if council else body,  # type: ignore[arg-type]
            " ".join(m["other"].split()) if m["other"] else None, bool(m["relative"]), revisions, section, label,
        )
        for n in numbers
    ]
    if len(refs) == 1:
        return _Found(start, m.end(), (Citation(text[start : m.end()], refs[0]),))
    return _split(text, start, m.end(), m.start("numbers"), spans, refs)


def _split(
    text: str, start: int, end: int, list_start: int, spans: list[tuple[int, int]], refs: list[Reference]
) -> _Found:
    """A list cites several texts: the first citation runs from the keyword to the first number
    (`Resolutions 44`), each later one is its number; the rest is plain text."""
    pieces: list[Inline] = []
    at = start
    for n, ((a, b), ref) in enumerate(zip(spans, refs)):
        a, b = list_start + a, list_start + b
        if n and a > at:
            pieces.append(text[at:a])
        pieces.append(Citation(text[start if n == 0 else a : b], ref))
        at = b
    if at < end:
        pieces.append(text[at:end])
    return _Found(start, end, tuple(pieces))
