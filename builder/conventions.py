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
    formulas: tuple[str, ...] = ()
    """Other ways its enacting formula starts (`The ITU Radiocommunication Assembly`); one that
    ends in `,` is the whole formula (`The Council,`: a title may start `The Council …`)."""
    meeting_names: tuple[str, ...] = ()
    """The names it prints for its meetings, one for each of `meetings` (`WRC-97`), where it
    cites its texts by them (`Resolution 1 (Rev.WRC-97)`) rather than by (venue, year)."""
    numbered: str = ""
    """What the body prints before a text's number (`ITU-R ` of `Resolution ITU-R 1-8`), where it
    names its texts so rather than by its short name (`WTDC Resolution 71`)."""
    sessions: str | None = None
    """A pattern of the sessions of a body that meets every year (the Council's `C16`, `C-1997`):
    their year is the revision's, their venue the body's `short`."""

    @property
    def by_venue(self) -> bool:
        """Whether citations name its revisions by (venue, year) alone: not WRC's (Geneva 2015
        is RA's as well), not the Council's."""
        return not self.meeting_names and self.sessions is None


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
            formulas=("The ITU Radiocommunication Assembly",), numbered="ITU-R ",
        ),
        Body(
            "wrc", "World Radiocommunication Conference", "WRC",
            "The World Radiocommunication Conference",
            (("Geneva", 1979), ("Málaga-Torremolinos", 1992), ("Geneva", 1995), ("Geneva", 1997), ("Istanbul", 2000),
             ("Geneva", 2003), ("Geneva", 2007), ("Geneva", 2012), ("Geneva", 2015), ("Sharm el-Sheikh", 2019),
             ("Dubai", 2023), ("", 2027)),
            formulas=("The World Administrative Radio Conference",),
            meeting_names=("WARC-79", "WARC-92", "WRC-95", "WRC-97", "WRC-2000", "WRC-03", "WRC-07", "WRC-12",
                           "WRC-15", "WRC-19", "WRC-23", "WRC-27"),
        ),
        Body(
            "council", "ITU Council", "Council",
            "The ITU Council,",
            (),
            formulas=("The Council,",),
            sessions=r"C-?(?P<year>\d{4}|\d{2})",
        ),
    )
}
"""The bodies whose texts the collection may hold, in the order indexes list them. WRC includes
the World Administrative Radio Conferences before 1993 whose resolutions it keeps numbering
(WARC-79, WARC-92); the venue of WRC-27 is not yet set."""


@dataclass(frozen=True)
class OtherConference:
    """A conference whose texts the collection does not hold, which its texts cite."""

    acronym: str
    name: str
    names: str
    """A pattern of the names citations give it besides its acronym."""


OTHER_CONFERENCES = (
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
"""WTSA's predecessor, the radiocommunication conferences other than WRC, WCIT, …: the reader
knows their acronyms (`Resolution 1 of WCIT-12`), the references page lists their texts. A
WARC whose meeting WRC's table holds (WARC-79, WARC-92) is WRC's (`parse_meetings`)."""


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

_VENUES = {venue.lower(): venue for body in BODIES.values() if body.by_venue for venue, _ in body.meetings}


def match_text(text: str) -> str:
    """The form used for matching: no-break spaces and hyphens as plain ones (the text keeps them)."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def body_of_formula(line: str) -> BodyId | None:
    """The body whose enacting formula the line is: `The World Radiocommunication Conference (Geneva,
    1997),` → `wrc`, `The ITU Radiocommunication Assembly,` → `ra`, `The Council,` → `council`."""
    line = match_text(line)
    for body in BODIES.values():
        for formula in (body.formula, *body.formulas):
            if line.rstrip() == formula if formula.endswith(",") else line.startswith(formula):
                return body.id
    return None


def known_bodies() -> str:
    """The bodies the builder knows, each with how its enacting formula starts, for a diagnostic
    that could not tell a text's body: `the Plenipotentiary Conference (pp: “The Plenipotentiary
    Conference …”), …`."""
    return "; ".join(
        f"{b.name} ({b.id}: {' or '.join(f'“{f}”' if f.endswith(',') else f'“{f} …”' for f in (b.formula, *b.formulas))})"
        for b in BODIES.values()
    )


def unknown_body(seen: str | None) -> str:
    """The words of a diagnostic for a text whose body is unknown: what the reader saw, and the
    bodies it knows (builder/conventions.py BODIES)."""
    saw = (f"the enacting formula “{seen[:120]}” names no body the builder knows" if seen
           else "neither an enacting formula nor the heading names the body")
    return f"{saw}; the bodies it knows, by how their formulas start: {known_bodies()} (builder/conventions.py BODIES)"


def bodies_meeting(venue: str, year: int) -> list[BodyId]:
    """The bodies that met at (venue, year): the only way to read a bare `Resolution 209 (Dubai, 2018)`.
    Only bodies cited that way count: Geneva 2015 is RA's, not WRC-15's."""
    return [b.id for b in BODIES.values() if b.by_venue and (venue, year) in b.meetings]


REVISION = re.compile(
    r"(?:(?<![^\d(),;])|(?=rev\.))"
    r"(?P<rev>rev\.\s*\(?\s*)?(?P<venue>[^\d(),;]+?),\s*(?P<year>\d{4})(?P<year2>\d{4})?(?!\d)", re.IGNORECASE
)
"""`[Rev. ]Venue, YYYY` (`Rev. (Venue` too: a stray parenthesis typed by hand); with flattened tracked changes the venue may be two run together
(`Buenos AiresDubai`) and the year two (`20142017`). A match starts only where the venue can:
after a digit, a parenthesis, a comma or a semicolon, or at a `Rev.`; the leftmost match is always
there, and trying every letter of a long sentence cost each line its length squared (a sixth of
the builder's time at 2,000 documents; tests/test_properties.py checks the matches are the same)."""
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


@dataclass(frozen=True)
class Meeting:
    """A meeting a text names by its own name rather than its (venue, year): `WRC-97`, `C16`."""

    body: BodyId
    name: str
    """As its body prints it: `WRC-97`, `WRC-2000`, `WARC-92`, `C16`, `C-1997`."""
    revision: Revision
    """Its (venue, year) (the Council's venue is `Council`, WRC-27's is empty until set); `rev`
    where the text says `Rev.`, `last amended` or `modified` before it."""


MEETING = re.compile(
    r"(?P<rev>\brev\.\s*|\blast\s+amended\s+|\bmodified\s+)?"
    r"(?:(?<![A-Za-z])(?P<acronym>WARC|WRC|PP|WTSA|WTDC|RA)[\s-]?(?P<year>\d{4}|\d{2})"
    r"|(?<![\w-])C-?(?P<session>\d{4}|\d{2}))(?!\d)",
    re.IGNORECASE,
)
"""A meeting named by its name (`REV.WRC-97`, `WRC-2000`, `WARC-92`, `C11`, `last amended C16`,
`C-1997`), with the `Rev.` or `last amended` before it. Two may run together where a flattened
tracked change left both (`WRC-15WRC-19`)."""
_ACRONYMS: dict[str, BodyId] = {"WARC": "wrc", "WRC": "wrc", "PP": "pp", "WTSA": "wtsa", "WTDC": "wtdc", "RA": "ra"}


def _full_year(digits: str) -> int:
    """`97` → 1997, `03` → 2003, `2000` → 2000."""
    year = int(digits)
    return year if len(digits) == 4 else year + (1900 if year >= 50 else 2000)


def session_name(year: int) -> str:
    """The Council's name for its session of a year: `C16` from 2001, `C-1997` before."""
    return f"C{year % 100:02d}" if year > 2000 else f"C-{year}"


def meeting_of(body: BodyId, year: int) -> Revision | None:
    """The meeting `body` held in `year`, as a revision (venue, year); None where its table has
    none that year. Every body meets at most once a year; the Council's session is `Council, year`."""
    b = BODIES[body]
    if b.sessions is not None:
        return Revision(b.short, year)
    venues = [venue for venue, y in b.meetings if y == year]
    return Revision(venues[0], year) if len(venues) == 1 else None


def parse_meetings(text: str) -> tuple[Meeting, ...]:
    """Every meeting `text` names by its name, in order; meetings no table holds are left out.

    `REV.WRC-97` → WRC-97 (Geneva, 1997, Rev.); `WRC-2000` → Istanbul 2000; `WARC-92` →
    Málaga-Torremolinos 1992; `C11, last amended C16` → the Council's 2011 and 2016 sessions (the
    second Rev.); `WTSA-16` → WTSA (Hammamet, 2016)."""
    found = []
    for m in MEETING.finditer(match_text(text)):
        body: BodyId = _ACRONYMS[m["acronym"].upper()] if m["acronym"] else "council"
        year = _full_year(m["year"] or m["session"])
        revision = meeting_of(body, year)
        if revision is None:
            continue
        rev = Revision(revision.venue, revision.year, bool(m["rev"]))
        found.append(Meeting(body, meeting_name(body, revision) or m[0], rev))
    return tuple(found)


def meeting_name(body: BodyId, revision: Revision) -> str | None:
    """The name `body` prints for the meeting of `revision`: `WRC-97` for WRC's (Geneva, 1997),
    `C16` for the Council's 2016 session; None for a body that names its meetings by (venue,
    year), or a meeting its table lacks."""
    b = BODIES.get(body)
    if b is None:
        return None
    if b.sessions is not None:
        return session_name(revision.year)
    for (venue, year), name in zip(b.meetings, b.meeting_names):
        if year == revision.year and (venue == revision.venue or not venue):
            return name
    return None


PART_WORDS = ("Section", "Part", "Appendix", "Attachment")
"""The words that head a part of a text (`SECTION 1bis – …`, `PART A`, `Appendix I (to Resolution
1)`, `ATTACHMENT 2`): the reader's part rule and the citations of parts."""
PART_WORD = "|".join(w for word in PART_WORDS for w in (word, word.upper()))
"""One of PART_WORDS as printed or in capitals, for a pattern."""


def text_label(body: BodyId, kind: str, number: str) -> str:
    """A text as lists and titles name it: `WTDC Resolution 71`, `Council Decision 482`; as RA
    names its own, `Resolution ITU-R 1`."""
    b = BODIES[body]
    return f"{kind.capitalize()} {b.numbered}{number}" if b.numbered else f"{b.short} {kind.capitalize()} {number}"


def revision_named(body: BodyId | None, revision: Revision | None, sequence: int | None = None) -> str:
    """What follows a text's label or number: its revision (` (Rev. Kigali, 2022)`), or the
    revision's number where its body numbers them (`-8` of `Resolution ITU-R 1-8`); `` for none."""
    if sequence is not None:
        return f"-{sequence}"
    return f" ({revision_label(body, revision)})" if revision else ""


def revision_label(body: BodyId | None, revision: Revision) -> str:
    """A revision as its body prints it in a heading or a citation: `Rev.WRC-97`, `WRC-97`,
    `last amended C16`, `C11`; `Rev. Kigali, 2022` for the bodies that name the venue."""
    name = meeting_name(body, revision) if body else None
    if name is None:
        return str(revision)
    if BODIES[body].sessions is not None:  # type: ignore[index]
        return f"last amended {name}" if revision.rev else name
    return f"Rev.{name}" if revision.rev else name


HEADING = re.compile(
    r"^(?P<kind>RESOLUTION|DECISION)\s+(?:(?P<itur>ITU-?R)\s+)?(?P<number>\d+[A-Z]?)(?:-(?P<sequence>\d+))?"
    r"\s*(?:\((?P<inside>.*)\))?\s*$",
    re.IGNORECASE,
)
"""A resolution's heading line, with the forms of every body: `RESOLUTION 71 (Rev. Kigali, 2022)`,
`RESOLUTION 1 (REV.WRC-97)`, `RESOLUTION ITU-R 1-8`, `DECISION 482 (C01, last amended C20)`."""


@dataclass(frozen=True)
class Heading:
    """What a heading line says (`parse_heading`)."""

    kind: str
    """`resolution` or `decision`."""
    number: str
    """`1`, `536`, `1332`; `1` of `ITU-R 1-8`; `15-6` where a body other than RA's numbers so."""
    body: BodyId | None
    """The body the heading itself shows: `ra` (ITU-R), `wrc` (a WRC or WARC meeting), `council`
    (a session, `C16`); None where only the formula or a (venue, year) can tell (PP, WTSA, WTDC)."""
    revisions: tuple[Revision, ...]
    """The meetings its parentheses name, in order: named meetings (`REV.WRC-97`, `C11, last
    amended C16`) or else (venue, year) (`Rev. Kigali, 2022`)."""
    sequence: int | None = None
    """RA's revision number: 8 of `ITU-R 1-8`."""
    inside: str = ""
    """Its parentheses' words as printed."""

    @property
    def revision(self) -> Revision | None:
        """The (new) revision: the last meeting named."""
        return self.revisions[-1] if self.revisions else None


def parse_heading(line: str) -> Heading | None:
    """A resolution heading line read for any body; None where the line is no heading.

    `RESOLUTION 1 (REV.WRC-97)` → resolution 1 of `wrc`, revision (Geneva, 1997, Rev.);
    `RESOLUTION 536 (WRC-97)` → not Rev.; `RESOLUTION ITU-R 1-8` → resolution 1 of `ra`,
    sequence 8, no revision; `DECISION 482 (C01, last amended C20)` → decision 482 of `council`,
    revisions C01 and C20 (Rev.); `RESOLUTION 71 (Rev. Kigali, 2022)` → resolution 71, body None,
    revision (Kigali, 2022, Rev.)."""
    m = HEADING.match(match_text(line).strip())
    if m is None:
        return None
    inside = m["inside"] or ""
    meetings = parse_meetings(inside)
    bodies = {meeting.body for meeting in meetings}
    body: BodyId | None = "ra" if m["itur"] else bodies.pop() if len(bodies) == 1 else None
    revisions = tuple(meeting.revision for meeting in meetings) if meetings else parse_revisions(inside)
    if m["itur"]:
        return Heading(m["kind"].lower(), m["number"].upper(), body, revisions,
                       int(m["sequence"]) if m["sequence"] else None, inside)
    number = m["number"] + (f"-{m['sequence']}" if m["sequence"] else "")
    return Heading(m["kind"].lower(), number.upper(), body, revisions, None, inside)


_YEARS = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def history_revisions(body: BodyId, history: str) -> tuple[Revision, ...]:
    """The meetings of a history line that names years alone, as RA's does (`(1993-1995-2000-2003-
    2007-2012-2015-2019)`): each year the body's meeting of that year in the table, or (``,
    year) where the table has none. The last is the text's revision; RA's formula (`The ITU
    Radiocommunication Assembly,`) names no meeting."""
    return tuple(meeting_of(body, int(y)) or Revision("", int(y)) for y in _YEARS.findall(history))
