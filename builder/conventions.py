"""ITU conventions (DESIGN.md §3): bodies, their enacting formulas and meetings, proposal sources."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .ir import BodyId, Revision


@dataclass(frozen=True)
class Body:
    id: BodyId
    name: str
    short: str
    formula: str
    """How its enacting formula starts."""
    meetings: tuple[tuple[str, int], ...]


BODIES: dict[str, Body] = {
    b.id: b
    for b in (
        Body(
            "pp", "Plenipotentiary Conference", "PP",
            "The Plenipotentiary Conference",
            (("Kyoto", 1994), ("Minneapolis", 1998), ("Marrakesh", 2002), ("Antalya", 2006),
             ("Guadalajara", 2010), ("Busan", 2014), ("Dubai", 2018), ("Bucharest", 2022),
             ("Doha", 2026)),
        ),
        Body(
            "wtsa", "World Telecommunication Standardization Assembly", "WTSA",
            "The World Telecommunication Standardization Assembly",
            (("Helsinki", 1993), ("Geneva", 1996), ("Montreal", 2000), ("Florianópolis", 2004),
             ("Johannesburg", 2008), ("Dubai", 2012), ("Hammamet", 2016), ("Geneva", 2022),
             ("New Delhi", 2024)),
        ),
        Body(
            "wtdc", "World Telecommunication Development Conference", "WTDC",
            "The World Telecommunication Development Conference",
            (("Buenos Aires", 1994), ("Valletta", 1998), ("Istanbul", 2002), ("Doha", 2006),
             ("Hyderabad", 2010), ("Dubai", 2014), ("Buenos Aires", 2017), ("Kigali", 2022),
             ("Baku", 2025)),
        ),
        Body(
            "ra", "Radiocommunication Assembly", "RA",
            "The Radiocommunication Assembly",
            (("Geneva", 2015), ("Sharm el-Sheikh", 2019), ("Dubai", 2023)),
        ),
    )
}


@dataclass(frozen=True)
class OtherConference:
    """A conference whose texts the collection does not hold, which its texts cite."""

    acronym: str
    name: str
    names: str
    """A pattern of the names citations give it besides its acronym."""


OTHER_CONFERENCES = (
    OtherConference("WRC", "World Radiocommunication Conference", r"World\s+Radiocommunication\s+Conference"),
    OtherConference("WCIT", "World Conference on International Telecommunications",
                    r"World\s+Conference\s+on\s+International\s+Telecommunications"),
    OtherConference("WTSC", "World Telecommunication Standardization Conference",
                    r"World\s+Telecommunications?\s+Standardization\s+Conference"),
    OtherConference("WARC", "World Administrative Radio Conference", r"World\s+Administrative\s+Radio\s+Conference"),
    OtherConference("WATTC", "World Administrative Telegraph and Telephone Conference",
                    r"World\s+Administrative\s+Telegraph\s+and\s+Telephone\s+Conference"),
    OtherConference("RRC", "Regional Radiocommunication Conference", r"Regional\s+Radiocommunication\s+Conference"),
    OtherConference("WTPF", "World Telecommunication/ICT Policy Forum", r"World\s+Telecommunication/\w+"),
    OtherConference("WSIS", "World Summit on the Information Society", r"World\s+Summit\s+on\s+the\s+Information"),
)
"""WTSA's predecessor, the radiocommunication conferences, WCIT, …: the reader knows their
acronyms (`Resolution 76 (Rev. WRC-15)`), the references page lists their texts."""


@dataclass(frozen=True)
class Source:
    """Who submits proposals: a regional group (`ACP` is APT), or one administration."""

    code: str
    group: str
    name: str


SOURCES: dict[str, Source] = {
    s.code: s
    for s in (
        Source("ACP", "APT", "Asia-Pacific Telecommunity"),
        Source("EUR", "CEPT", "European Conference of Postal and Telecommunications Administrations"),
        Source("IAP", "CITEL", "Inter-American Telecommunication Commission"),
        Source("AFCP", "ATU", "African Telecommunications Union"),
        Source("ARB", "Arab States", "Arab States"),
        Source("RCC", "RCC", "Regional Commonwealth in the field of Communications"),
    )
}


def source(code: str) -> Source:
    """The source of a proposal code; a code that is no regional group is one administration's."""
    return SOURCES.get(code) or Source(code, code, f"Administration {code}")


MODIFYING = ("MOD", "(MOD)")
"""The actions whose text amends a resolution's: its words are compared with the text amended."""

ACTIONS: dict[str, str] = {
    "ADD": "new text",
    "MOD": "modification",
    "(MOD)": "editorial modification",
    "SUP": "suppression",
    "NOC": "no change",
    "ADD*": "moved text (added)",
    "SUP*": "moved text (suppressed)",
}

_VENUES = {venue.lower(): venue for body in BODIES.values() for venue, _ in body.meetings}


def match_text(text: str) -> str:
    """The form used for matching: no-break spaces and hyphens as plain ones (the text keeps them)."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def body_of_formula(line: str) -> BodyId | None:
    line = match_text(line)
    for body in BODIES.values():
        if line.startswith(body.formula):
            return body.id
    return None


def bodies_meeting(venue: str, year: int) -> list[BodyId]:
    """The bodies that met at (venue, year): the only way to read a bare `Resolution 209 (Dubai, 2018)`."""
    return [b.id for b in BODIES.values() if (venue, year) in b.meetings]


REVISION = re.compile(
    r"(?P<rev>rev\.\s*\(?\s*)?(?P<venue>[^\d(),;]+?),\s*(?P<year>\d{4})(?P<year2>\d{4})?(?!\d)", re.IGNORECASE
)
"""`[Rev. ]Venue, YYYY` (`Rev. (Venue` too: a stray parenthesis typed by hand); with flattened tracked changes the venue may be two run together
(`Buenos AiresDubai`) and the year two (`20142017`)."""
_VENUE_NAMES = sorted(_VENUES, key=len, reverse=True)
WORDS_BEFORE_REV = re.compile(r"^(.*?)\brev\.\s*\(?\s*", re.IGNORECASE)
"""Words a venue starts with before a `Rev.` (`Extra words Rev. Kigali`): not the venue's."""


def is_meeting(venue: str, year: int) -> bool:
    """Whether any body met at (venue, year), the venue spelled in any case."""
    return bool(bodies_meeting(_VENUES.get(venue.lower(), venue), year))


def split_venues(raw: str) -> tuple[str, str] | None:
    """`Buenos AiresDubai` → (`Buenos Aires`, `Dubai`) as printed: two venues run together by a
    flattened change; `Geneva` → (`Geneva`, `Geneva`); None where it is no venue the table knows."""
    key = raw.lower()
    if key in _VENUES:
        return raw, raw
    for first in _VENUE_NAMES:
        if key.startswith(first) and key[len(first) :].strip() in _VENUES:
            return raw[: len(first)], raw[len(first) :]
    return None


def _venues(raw: str) -> list[str]:
    """The venues of `raw` as the meetings table spells them (one, or two run together)."""
    split = split_venues(raw)
    if split is None:
        return [raw]
    first, second = (_VENUES[v.strip().lower()] for v in split)
    return [first] if split[0] == split[1] else [first, second]


@lru_cache(maxsize=1 << 12)
def parse_revisions(text: str) -> tuple[Revision, ...]:
    """Every `[Rev.] Venue, YYYY` in `text`, in order; venues spelled as in the meetings table.
    (Cached: the same few dozen revisions are cited thousands of times.)

    Flattened tracked changes run two together: `Busan, 2014DUBAI, 2018` gives both; so do
    `DubaiHammamet, 20122016` and `Geneva, 20122015`, where only the pairs that are real
    meetings are kept, earlier year first.
    """
    found = []
    for m in REVISION.finditer(match_text(text)):
        venue = m["venue"]
        if before := WORDS_BEFORE_REV.match(venue):
            venue = venue[before.end():]
        rev = bool(m["rev"] or before)
        venues = _venues(" ".join(venue.split()))
        years = [int(y) for y in (m["year"], m["year2"]) if y]
        if len(venues) == 1 and len(years) == 1:
            found.append(Revision(venues[0], years[0], rev))
            continue
        pairs = [(v, y) for y in years for v in venues]
        real = [(v, y) for v, y in pairs if is_meeting(v, y)]
        found.extend(Revision(v, y, rev) for v, y in sorted(real or pairs, key=lambda p: p[1]))
    return tuple(found)
