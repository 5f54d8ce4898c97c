"""Recognise citations in running text: resolutions and decisions of the conferences and
assemblies, Council resolutions, the Constitution, the Convention, the Radio Regulations and
United Nations texts.

Only the words are read here (pure, per line); which page a citation leads to is the link
stage's business (builder/link/citations.py). Forms recognised:

- `Resolution 123 (Rev. Bucharest, 2022) of the Plenipotentiary Conference`, `… of WTDC`, `Res. 68`,
  `Resolution No. 5`, `… (WTSA)`, `… of this assembly`, `PP Resolution 71`, `Resolution ITU-R 15-6 (…) of the
  Radiocommunication Assembly (RA)`, `Resolution 209 (Dubai, 2018)`, lists
  (`Resolutions 44 and 54 (Rev. New Delhi, 2024) of this assembly`), and clause-level
  citations (`resolves 2 of Resolution 58 (Rev. Busan, 2014)`, `recognizing g) thereof`);
- `Council Resolution 1292 (2008)`, `Resolution 1386 adopted by the ITU Council`,
  `Decision 517, adopted by the ITU Council`, and a bare four-digit `Resolution 1344`;
- `No. 126 of the ITU Constitution`, `Nos. 241A, 248B and 483A of the Convention`,
  `Article 19 of the ITU Convention`, `Articles 15 and 16 of the Radio Regulations`,
  `No. 13 in Article 1 of the ITU Constitution` (both), `the Preamble (No. 1) of the ITU
  Constitution`, `Article 1 Purposes of the Union of the Constitution` (with the Article's title),
  `article 15 of the radio regulations` (small capitals lost);
- instruments the collection does not hold: `Article 4 of the International Telecommunication
  Regulations` (or `of the ITRs`), `the ITRs` as a whole, `Article 5 of the Financial Regulations`,
  `Article 21 of the Convention on the Rights of Persons with Disabilities`; resolutions of other
  conferences (`Resolution 76 (Rev. WRC-15)`, `… of WCIT-12`);
- `A/RES/70/1`, `A/72/492`, `Resolution 68/50`, `UNGA Resolution 68/198`, `resolution 72/266 B`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..conventions import OTHER_CONFERENCES, PART_WORD, bodies_meeting, match_text, parse_meetings, parse_revisions
from ..ir import BodyId, Citation, Inline, Reference, ReferenceKind, Revision
from .headings import LEXICON

_NUM = r"\d+[A-Z]?(?(itur)(?:-\d+)?|(?(iturp)(?:-\d+)?))(?![\d/]|\s*[-–—]\s*\d)"
"""A resolution number; `15-6` only after ITU-R (Resolution 15, sixth revision); `1-5` is a range, not cited."""
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_BODY_NAMES: dict[BodyId, str] = {
    "pp": r"(?:the\s+)?Plenipotentiary\s+Conference(?:\s+\(PP\))?|(?:the\s+)?PP\b(?:-\d{2})?",
    "wtsa": r"(?:the\s+)?World\s+Telecommunications?\s+Standardization\s+Assembly(?:\s+\(WTSA\))?"
    r"|(?:the\s+)?WTSA\b(?:-\d{2})?",
    "wtdc": r"(?:the\s+)?World\s+Telecommunications?\s+Development\s+Conference(?:\s+\(WTDC\))?"
    r"|(?:the\s+)?WTDC\b(?:-\d{2})?",
    "ra": r"(?:the\s+)?Radiocommunication\s+Assembly(?:\s+\(RA\))?|(?:the\s+)?RA\b(?:-\d{2})?",
    "wrc": r"(?:the\s+)?World\s+Radiocommunication\s+Conference(?:\s+\(WRC(?:-\d{2,4})?\))?"
    r"|(?:the\s+)?WRC\b(?:[\s-]?\d{4}|[\s-]?\d{2})?(?!\d)",
}
_PREFIXES: dict[str, BodyId] = {
    "PP": "pp", "WTSA": "wtsa", "WTDC": "wtdc", "RA": "ra", "WRC": "wrc", "ITU-R": "ra", "ITU-T": "wtsa", "ITU-D": "wtdc",
}
_SECTOR = re.compile(r"ITU-?(?=[RTD]\b)")
"""`ITU-R`, and `ITUR` where a text export lost Word's non-breaking hyphen."""
_BODY = "|".join(f"(?P<{body}>{pattern})" for body, pattern in _BODY_NAMES.items())
_COUNCIL = r"(?P<council>(?:the\s+)?(?:ITU\s+)?Council)\b"
_RELATIVE = r"(?P<relative>this\s+(?:[Cc]onference|[Aa]ssembly))\b"
_OTHER = (
    r"(?P<other>the\s+(?:World|Regional|International|United|fifth|sixth)\b[^,;()]{0,60}?"
    r"(?:Conference|Assembly|Forum|Summit)(?:\s+on\s+(?:International\s+Telecommunications|the\s+Information\s+Society))?"
    rf"|(?:the\s+)?(?:{'|'.join(c.acronym for c in OTHER_CONFERENCES)})\b(?:-\d{{2}})?)"
)

RESOLUTION = re.compile(
    r"(?:\b(?P<prefix>PP|WTSA|WTDC|RA|WRC|(?P<iturp>ITU-?R)|ITU-?[TD]|ITU\s+Council|Council)(?:-\d{4}|-\d{2})?\s+)?"
    rf"\b(?P<kind>[Rr]esolutions?|[Dd]ecisions?|Res\.)\s+(?:No\.\s*)?(?P<itur>ITU-?R\s+)?"
    rf"(?P<numbers>{_NUM}(?:{_SEP}{_NUM})*)"
    r"(?:\s*\((?P<revision>(?:Rev\.\s*\()?[^()]*?\d{4}[^()]*)\)|,\s+(?P<revision2>Rev\.\s+[^,()]+,\s+\d{4})"
    # a Council session (`C11, last amended C16`), spelled so that no C is tried twice: linear
    r"|\s*\((?P<session>[^()C]*(?:(?:C(?!-?\d\d(?!\d))|(?<=[\w-])C(?=-?\d\d(?!\d)))[^()C]*)*(?<![\w-])C-?\d\d(?!\d)[^()]*)\))?"
    rf"(?:(?:,?\s+(?:of|adopted\s+by)\s+|\s*\((?:Rev\.\s*)?)(?:{_BODY}|{_COUNCIL}|{_RELATIVE}|{_OTHER})\)?)?"
)
_PROVISION_NUMBER = r"\d+[A-Z]?(?:\.\d+[A-Z]?)*"
"""`126`, `241A`; the Radio Regulations' dotted numbers, `5.341`, `21.16.1`."""
_PROVISIONS = rf"(?P<provision>Nos?\.|[Aa]rticles?|[Aa]ppendix|[Aa]ppendices)\s*(?P<numbers>{_PROVISION_NUMBER}(?:{_SEP}{_PROVISION_NUMBER})*)"
_ITU_INSTRUMENT = r"(?P<instrument>(?i:Constitution|Radio\s+Regulations)|(?i:Convention)(?!\s+on\b))\b"
"""`the Convention on the Rights of …` is another treaty; `the Constitution on the Radiocommunication
Sector` is the Constitution and a description of the Article."""
INSTRUMENT = re.compile(
    rf"\b{_PROVISIONS}"
    r"(?:\s+in\s+(?P<article>Article\s+(?P<article_number>\d+[A-Z]?)))?"  # `No. 13 in Article 1 of …`: both cited
    r"(?:\s+[A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|the|and|in|for|to)){0,8}?)?"  # the Article's title
    r"(?:,\s+paragraph\s+\d+(?:\s+[a-z]\))?)?,?\s*(?:\([^()]*\)\s*)?"
    rf"\s+of\s+the\s+(?:ITU\s+)?{_ITU_INSTRUMENT}"
)
PART = re.compile(
    rf"\b(?:the\s+)?(?:Preamble|Article\s+\d+[A-Z]?)\s*\({_PROVISIONS}\)\s+of\s+the\s+(?:ITU\s+)?{_ITU_INSTRUMENT}"
)
"""`the Preamble (No. 1) of the ITU Constitution`: the number in parentheses is the provision cited."""
OTHER_INSTRUMENT = re.compile(
    rf"\b{_PROVISIONS}(?:,\s+paragraph\s+\d+)?,?(?:\s*\([^()]*\))?\s+of\s+the\s+"
    r"(?P<name>[A-Z][\w\-]*(?:\s+(?:(?:of|the|on|to|for|with|in)\s+)*(?!(?:Articles?|Nos?)\b)[A-Z][\w\-]*)*)"
)
"""`Article 4 of the International Telecommunication Regulations`, `Article 21 of the Convention on
the Rights of Persons with Disabilities`: an instrument the collection does not hold. Its name
runs over capitalised words and `of`, `the`, `on`…, never `and` (`… Disabilities and the
Sustainable Development Goals`) nor into the next provision (`… and Article 4 of …`)."""
_INSTRUMENT_NOUN = re.compile(
    r"\b(?:Regulations|Convention|Protocol|Agreement|Treaty|Charter|Acts|Rules|Declaration|Covenant|Arrangement|Statute)\b"
)
ITRS = re.compile(
    r"\bthe\s+(?:ITRs?\b|International\s+Telecommunication\s+Regulations\b)(?:\s*\((?:ITRs?|[^()]*\d{4})\))?"
)
"""The International Telecommunication Regulations as a whole: `the ITRs`."""
UN = re.compile(
    r"\bA/RES/\d+/\d+|\bA/\d{2}/\d+"
    r"|(?:\b(?:United\s+Nations\s+General\s+Assembly(?:\s+\(UNGA\))?|UN\s+General\s+Assembly|UNGA|General\s+Assembly"
    r"|ECOSOC)\s+)?\b[Rr]esolutions?\s+(?P<un>\d{2,4}/\d+(?:\s+[A-Z](?![\w\-]|\s+[a-z]))?)"
    r"(?:\s+of\s+the\s+(?:United\s+Nations\s+General\s+Assembly|UNGA|UN\s+General\s+Assembly))?"
)
_LABEL = r"(?:[a-z]{1,3}\)|\d+(?:\.\d+)*(?:\s*[ivx]+\))?)"
_SECTION = r"(?:" + "|".join(sorted(LEXICON, key=len, reverse=True)) + r")\b(?:[ \-][A-Za-z][\w\-]*){0,10}?"
CLAUSE_BEFORE = re.compile(rf"(?P<section>{_SECTION})\s+(?P<label>{_LABEL})\s+of\s+$")
_LEXICON_WORD = re.compile(r"\b(?:" + "|".join(LEXICON) + r")\b")
_LEXICON_BEFORE = re.compile(r"\b(?:" + "|".join(LEXICON) + r")\s+$")
_LONGEST_WORD = max(map(len, LEXICON))
ANNEX_BEFORE = re.compile(
    r"\b(?P<section>Annex(?:\s+(?:\d+|[A-Z]))?"
    rf"|(?:{PART_WORD})\s+(?:\d+(?:bis|ter|quater)?|[IVX]+|[A-Z])\b)"
    r"\s+(?:to|of)\s+(?:the\s+)?$"
)
"""`Annex 1 to `, and a part, `Section 1bis of `, `Appendix I to `, just before a citation."""
_PART_WORDS = ("Annex", *PART_WORD.split("|"))
THEREOF = re.compile(rf"\b(?P<section>{_SECTION})\s+(?P<label>{_LABEL})\s+thereof\b")
_INSTRUMENTS = {"constitution": "constitution", "convention": "convention", "radio regulations": "radio-regulations"}


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    pieces: tuple[Inline, ...]


_ANY = re.compile(
    r"(?:[Rr]esolutions?|[Dd]ecisions?|Res\.|Nos?\.|[Aa]rticles?|[Aa]ppendi(?:x|ces))\s*(?:ITU-?R\s+)?\d|\bA/\d|\bITRs?\b"
    r"|Telecommunication\s+Regulations"
)
"""A test that a line may cite anything at all: most lines do not."""


def _may_cite(probe: str) -> bool:
    """`_ANY`, after a substring test that rules out most lines much faster than any regex."""
    return (
        "esolution" in probe or "ecision" in probe or "Res." in probe or "No" in probe or "rticle" in probe or "A/" in probe
        or "ITR" in probe or "Regulations" in probe or "ppendi" in probe
    ) and _ANY.search(probe) is not None


_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    UN: ("/",),
    PART: ("Preamble", "Article"),
    INSTRUMENT: ("onstitution", "onvention", "egulations", "ONSTITUTION", "ONVENTION", "EGULATIONS"),  # any case
    OTHER_INSTRUMENT: ("rticle", "No", "ppendi"),
    ITRS: ("ITR", "Regulations"),
    RESOLUTION: ("esolution", "ecision", "Res."),
    THEREOF: ("thereof",),
}
"""Words each pattern cannot match without."""


def _matches(pattern: re.Pattern[str], probe: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(probe)`, skipped on a line without any word the pattern needs (a
    substring test is far cheaper than a regex scan)."""
    return pattern.finditer(probe) if any(word in probe for word in _NEEDS[pattern]) else iter(())


def find_citations(text: str) -> tuple[Inline, ...]:
    """Split a plain string into text and `Citation`s."""
    probe = match_text(text)  # same length as text: spans carry over
    if not _may_cite(probe):
        return (text,)
    found: list[_Found] = []
    # 1 where a citation covers the character: checking or marking a span costs its length, and
    # one pattern's matches do not overlap, so a line costs its length per pattern, not its square.
    taken = bytearray(len(probe))
    for m in _matches(UN, probe):
        number = m["un"] or m[0]
        found.append(_Found(m.start(), m.end(), (Citation(text[m.start() : m.end()], Reference("un", number)),)))
        _take(taken, *m.span())
    for pattern, read in ((PART, _instrument), (INSTRUMENT, _instrument), (OTHER_INSTRUMENT, _other_instrument)):
        for m in _matches(pattern, probe):
            if _free(taken, *m.span()) and (hit := read(text, m)):
                found.append(hit)
                _take(taken, *m.span())
    for m in _matches(ITRS, probe):
        if _free(taken, *m.span()):
            found.append(_Found(m.start(), m.end(), (Citation(text[m.start() : m.end()], Reference("itrs", "")),)))
            _take(taken, *m.span())
    ends, cited = _find_resolutions(text, probe, found, taken)
    _find_thereof(text, probe, ends, cited, found, taken)
    return _joined(text, found) if found else (text,)


def _free(taken: bytearray, a: int, b: int) -> bool:
    """No citation found so far covers any of text[a:b]."""
    return taken.find(1, a, b) < 0


def _take(taken: bytearray, a: int, b: int) -> None:
    taken[a:b] = b"\1" * (b - a)


def _find_resolutions(
    text: str, probe: str, found: list[_Found], taken: bytearray
) -> tuple[list[int], list[Reference]]:
    """The citations of resolutions and decisions, clause-level where a clause is named before
    them; returns where each ends and what it cites, in order, for `thereof`."""
    ends: list[int] = []
    cited: list[Reference] = []
    for m in _matches(RESOLUTION, probe):
        if not _free(taken, *m.span()):
            continue
        clause = _clause_before(probe, m.start())
        if clause and not _free(taken, clause[0], m.start()):
            clause = None
        hit = _resolution(text, m, clause)
        found.append(hit)
        _take(taken, hit.start, hit.end)
        for piece in hit.pieces:
            if isinstance(piece, Citation):
                ends.append(hit.end)
                cited.append(piece.ref)
    return ends, cited


def _find_thereof(
    text: str, probe: str, ends: list[int], cited: list[Reference], found: list[_Found], taken: bytearray
) -> None:
    """`recognizing g) thereof`: a clause of the resolution cited last before it."""
    for t in _matches(THEREOF, probe):
        before = bisect_right(ends, t.start())
        if before and _free(taken, *t.span()):
            last = cited[before - 1]
            ref = replace(last, section=" ".join(t["section"].split()), label=" ".join(t["label"].split()))
            found.append(_Found(t.start(), t.end(), (Citation(text[t.start() : t.end()], ref),)))
            _take(taken, *t.span())


def _joined(text: str, found: list[_Found]) -> tuple[Inline, ...]:
    """The text with the citations found in place of their words."""
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


def _clause_before(probe: str, start: int) -> tuple[int, str, str | None] | None:
    """`resolves 2 of ` or `Annex 1 to ` just before a citation makes it clause-level:
    (where it starts, section, label). The nearest section word wins, with the lexicon words
    right before it (`noting further`, `further resolves`, `recognizing also`)."""
    window = probe[max(0, start - 160) : start]
    if not window[-1:].isspace() or not window.rstrip().endswith(("of", "to", "the")):
        return None  # both patterns end in `of `, `to ` or `the `
    offset = start - len(window)
    if any(word in window for word in _PART_WORDS) and (m := ANNEX_BEFORE.search(window)):
        return offset + m.start(), " ".join(m["section"].split()), None
    for word in reversed(list(_LEXICON_WORD.finditer(window))):
        if m := CLAUSE_BEFORE.match(window, word.start()):
            at = m.start()
            # A lexicon word then spaces, ending at `at`, starts no earlier than this: the search
            # need not scan the window from its start each time (the same matches).
            while before := _LEXICON_BEFORE.search(window, max(0, len(window[:at].rstrip()) - _LONGEST_WORD), at):
                at = before.start()
            section = " ".join(window[at : m.end("section")].split())
            return offset + at, section, " ".join(m["label"].split())
    return None


_NUMBER = re.compile(r"\d+[A-Z]?(?:-\d+)?")
_DIGITS = re.compile(r"\d+")


_PROVISION_NUMBERS = re.compile(_PROVISION_NUMBER)


def _spans(m: re.Match[str], numbers: re.Pattern[str] = _NUMBER) -> list[tuple[int, int]]:
    """Spans, in the text, of the numbers of a match's `numbers` group (`44 and 54`, `71, 72 and 151`)."""
    return [n.span() for n in numbers.finditer(m.string, m.start("numbers"), m.end("numbers"))]


def _provision(word: str) -> str:
    """`Nos.` → `No.`, `articles` → `Article`, `Appendices` → `Appendix`."""
    word = word.lower()
    return "No." if word.startswith("no") else "Appendix" if word.startswith("appendi") else "Article"


def _leading(number: str) -> int:
    return int(_DIGITS.match(number)[0])  # type: ignore[index]


def _instrument(text: str, m: re.Match[str]) -> _Found:
    instrument = _INSTRUMENTS[" ".join(m["instrument"].lower().split())]  # `radio regulations`: small capitals lost
    provision = _provision(m["provision"])
    spans = _spans(m, _PROVISION_NUMBERS)
    refs = [Reference(instrument, text[a:b], provision=provision) for a, b in spans]  # type: ignore[arg-type]
    if m.groupdict().get("article"):  # `Nos. 145 and 146 in Article 19`: the Article is linked too
        spans.append(m.span("article"))
        refs.append(Reference(instrument, m["article_number"], provision="Article"))  # type: ignore[arg-type]
    return _pieces(text, m.start(), m.end(), spans, refs)


_NAMED_INSTRUMENTS: dict[str, ReferenceKind] = {
    "international telecommunication regulations": "itrs",
    "financial regulations": "financial-regulations",
}


def _other_instrument(text: str, m: re.Match[str]) -> _Found | None:
    """A provision of an instrument outside the collection; None where the name names none
    (`Article 3 of the Member States …`)."""
    name = " ".join(m["name"].split())
    kind = "itrs" if re.fullmatch(r"ITRs?", name) else _NAMED_INSTRUMENTS.get(name.lower().removeprefix("itu "), "instrument")
    if kind == "instrument" and not _INSTRUMENT_NOUN.search(name):
        return None
    provision = _provision(m["provision"])
    spans = _spans(m, _PROVISION_NUMBERS)
    refs = [
        Reference(kind, text[a:b], other_body=name if kind == "instrument" else None, provision=provision)
        for a, b in spans
    ]
    return _pieces(text, m.start(), m.end(), spans, refs)


def _resolution(text: str, m: re.Match[str], clause: tuple[int, str, str | None] | None) -> _Found:
    body: BodyId | None = next((b for b in _BODY_NAMES if m[b]), None)  # type: ignore[misc]
    other = " ".join(m["other"].split()) if m["other"] else None
    if other and (named := next((b for b, name in _BODY_NAMES.items() if re.search(name, other)), None)):
        body, other = named, None  # `the sixth World Telecommunication Development Conference` is WTDC
    prefix = _SECTOR.sub("ITU-", " ".join((m["prefix"] or "").split()))
    council = bool(m["council"]) or prefix in ("Council", "ITU Council") or bool(m["session"]) or (
        "C" in (m["revision"] or "") and any(x.body == "council" for x in parse_meetings(m["revision"]))
    )
    body = _PREFIXES.get(prefix, body)
    if m["itur"]:
        body = "ra"
    decision = m["kind"].lower().startswith("decision")
    end = m.end()
    spans = _spans(m)
    numbers = [m.string[a:b] for a, b in spans]  # as matched: `15-6` with a plain hyphen
    if _leading(numbers[0]) < 1000:
        # `Resolution 200, 2030 Agenda`: a list of conference resolutions stops at a year.
        keep = next((k for k, n in enumerate(numbers) if _leading(n) >= 1000), len(numbers))
        if keep < len(numbers):
            spans, numbers = spans[:keep], numbers[:keep]
            end = spans[-1][1]
    kind = "decision" if decision else "resolution"
    revisions = parse_revisions(m["revision"] or m["revision2"] or "")
    if _leading(numbers[0]) >= 1000 and not body and not any(bodies_meeting(r.venue, r.year) for r in revisions):
        council = True  # conference resolutions run to a few hundred; Council's are numbered from 1000
        # (unless the revision is a conference's: `Resolution 1071 (Rev. Kigali, 2022)` is WTDC's)
    if council:
        body, other, revisions = "council", None, _sessions(m["revision"] or m["session"] or "")
    elif not revisions and (body in (None, "wrc") or other):
        # `(Rev.WRC-19)`, `of WARC-92`, `WRC-15 Resolution 76`: the meeting names the body
        named = [x for x in parse_meetings(m.string[m.start() : m.start("kind")] + " " + m.string[m.end("numbers") : end])
                 if x.body == "wrc"]
        if named:
            body, other, revisions = "wrc", None, tuple(x.revision for x in named)
    start, section, label = clause if clause else (m.start(), None, None)
    refs = [
        Reference(
            kind, n.split("-")[0] if body == "ra" else n, body,  # type: ignore[arg-type]
            other, bool(m["relative"]), revisions, section, label,
        )
        for n in numbers
    ]
    return _pieces(text, start, end, spans, refs)


_SESSION_YEAR = re.compile(r"(?:19|20)\d\d")
_AMENDED = re.compile(r"\b(?:rev\.|modified|amended|revised)", re.IGNORECASE)


def _sessions(words: str) -> tuple[Revision, ...]:
    """The Council sessions a citation names after its number: `(C16)`, `(last amended C19)`,
    `(2008)`, `(modified 2019)`, `(Rev. 20112016)` (flattened: both years)."""
    named = tuple(x.revision for x in parse_meetings(words) if x.body == "council")
    if named:
        return named
    rev = bool(_AMENDED.search(words))
    return tuple(Revision("Council", int(y), rev) for y in _SESSION_YEAR.findall(words))


def _pieces(text: str, start: int, end: int, spans: list[tuple[int, int]], refs: list[Reference]) -> _Found:
    """One citation covers its whole phrase. A list cites several texts: the first citation
    runs from the keyword to the first number (`Resolutions 44`), each later one is its
    words (`54`, `Article 19`), and the words between and after stay plain text."""
    if len(refs) == 1:
        return _Found(start, end, (Citation(text[start:end], refs[0]),))
    pieces: list[Inline] = []
    at = start
    for n, ((a, b), ref) in enumerate(zip(spans, refs)):
        if n and a > at:
            pieces.append(text[at:a])
        pieces.append(Citation(text[start if n == 0 else a : b], ref))
        at = b
    if at < end:
        pieces.append(text[at:end])
    return _Found(start, end, tuple(pieces))


BARE_PROVISION = re.compile(
    r"\b(?:(?P<annex>Annex\s+\d+[A-Z]?)\s+to\s+)?"
    r"(?P<provision>Nos?\.|[Aa]rticles?|[Aa]ppendix|[Aa]ppendices|[Ff]ootnotes?)\s*"
    rf"(?P<numbers>{_PROVISION_NUMBER}(?:{_SEP}{_PROVISION_NUMBER})*)(?!\.?\w|{_SEP}\d)"  # no number cut short
    r"(?!\s*(?:\([^()]*\)\s*)?,?\s+(?:of|in)\s+(?:the|this|that)\b)"
)
"""A provision named without its instrument: `No. 5.266`, `Nos. 5.149 and 5.340`, `Article 5`,
`Appendix 30A`, `Annex 7 to Appendix 30`, `footnote 5.341`. Not one followed by `of the …`
(another instrument's, read by INSTRUMENT or OTHER_INSTRUMENT or left as text)."""
_BARE_WORDS = ("No.", "Nos.", "rticle", "ppendi", "ootnote")
"""Words BARE_PROVISION cannot match without: a line with none of them is not searched."""


def find_bare_provisions(text: str) -> tuple[Inline, ...]:
    """Split a plain string into text and citations of the provisions named without their
    instrument (BARE_PROVISION), marked `bare`: the Radio Regulations' in a text of the World
    Radiocommunication Conference, text elsewhere. Which, only the link stage knows, from the
    citing text's body (builder/link/citations.py)."""
    probe = match_text(text)
    if not any(word in probe for word in _BARE_WORDS):
        return (text,)
    pieces: list[Inline] = []
    at = 0
    for m in BARE_PROVISION.finditer(probe):
        provision = "No." if m["provision"].lower().startswith("footnote") else _provision(m["provision"])
        spans = _spans(m, _PROVISION_NUMBERS)
        if m["annex"]:  # `Annex 7 to Appendix 30`: one appendix, its annex the part cited
            spans = spans[:1]
        section = " ".join(m["annex"].split()) if m["annex"] else None
        refs = [Reference("radio-regulations", text[a:b], provision=provision, section=section, bare=True) for a, b in spans]
        end = spans[-1][1]
        hit = _pieces(text, m.start(), end, spans, refs)
        if hit.start > at:
            pieces.append(text[at : hit.start])
        pieces.extend(hit.pieces)
        at = hit.end
    if not pieces:
        return (text,)
    if at < len(text):
        pieces.append(text[at:])
    return tuple(pieces)


_TITLE = re.compile(r"^,?\s+on\s+(?:the\s+)?[“\"]?(?P<title>[^;“”\"]+?)[”\"]?\s*(?:[;,.]|$|,\s+which)")
"""The title a citation gives the text it cites: `Resolution 71 (…), on "Strategic plan for …";`."""


def titled(pieces: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The citations given the title the text right after each gives them (`_TITLE`)."""
    out = list(pieces)
    for n, piece in enumerate(pieces[:-1]):
        after = pieces[n + 1]
        if isinstance(piece, Citation) and isinstance(after, str) and (title := _TITLE.match(after)):
            out[n] = replace(piece, title=title["title"])
    return tuple(out)
