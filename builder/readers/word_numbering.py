"""The labels Word shows before numbered paragraphs (`a)`, `1.`, `1.1`, `(iv)`, bullets), computed
from the document's numbering definitions, as a text export writes them: the label and a tab.

A paragraph is numbered by its `w:numPr` (`w:numId`, `w:ilvl`), directly or through its
paragraph style (`w:pPr/w:numPr` of the style or of one it is based on; the default paragraph
style where it names none). The styles part is parsed, once, only where the document has
numbering definitions and its styles hold a `w:numPr` at all (elsewhere a substring search
says so): it is most of a small document's bytes. A `w:numId` of 0 takes a style's numbering
away.

The numbering part (`word/numbering.xml`) maps each `w:num` to a `w:abstractNum`, whose levels
(`w:lvl`, `w:ilvl` 0 to 8) give a start (`w:start`), a format (`w:numFmt`: decimal,
decimalZero, lower and upper letters, lower and upper roman, bullet, none; others are read as
decimal and reported), a text (`w:lvlText`, `%1.%2)`: each `%n` is level n's number in level n's
format, or in decimal where the level is legal, `w:isLgl`) and when the level restarts
(`w:lvlRestart`: after any higher level by default, after level n, or never for 0). A `w:num`
may restart a level (`w:lvlOverride/w:startOverride`) or replace it (`w:lvlOverride/w:lvl`);
an abstract definition may take its levels from another through a numbering style
(`w:numStyleLink` → `w:styleLink`). Counters are kept for each abstract definition, and apart
for each `w:num` that overrides a level (a list Word was told to restart); a level never used
shows one less than its start, as Word shows `1.0.1` when a list skips a level. Letters go
`a` … `z`, `aa` … `zz`, up to 30 letters, then round again (a bound of ours: no list runs so
long); roman numerals up to 3999, decimal beyond. A bullet is the one the readers know (`labels.BULLETS`) where Word's is one of
them (a Symbol-font bullet read through its table), else `•`. A label hidden (`w:vanish` in
the level's or in the paragraph mark's run properties) is left out as hidden text.

Tracked changes: the label is computed twice, as proposed and as it was, each view with its own
counters. As proposed, a paragraph whose mark is deleted (`w:pPr/w:rPr/w:del`, `w:moveFrom`)
is no paragraph of its own and takes no number; as it was, one whose mark is inserted
(`w:ins`, `w:moveTo`) takes none, and the numbering is the old paragraph properties' where
`w:pPrChange` holds them. The two labels are marked as a hand-typed label would be: the same
label is plain, an inserted numbered paragraph's label inserted, a label that changed deleted
and inserted (a renumbering), one that went away deleted.

Hostile input: every count is bounded before anything is built from it. A `w:ilvl` that is not
0 to 8, a `w:start` or `w:startOverride` that is no number from 0 to MAX_START, a
`w:lvlRestart` out of 0 to 9, a `w:lvlText` longer than MAX_TEXT, and a `w:num` whose abstract
definition is missing are reported (`numbering-invalid`: a start is read as 1, a restart as
the default, the rest gives no label); a chain of styles is followed through MAX_BASED of them
at most, so a loop of `w:basedOn` ends; a `w:numId` the part does not define gives no
label (`numbering-missing`); a numbering part that is not XML gives no labels (`docx-damaged`),
a styles part that is not XML no numbering through styles. Each is reported once a document,
and past MAX_PROBLEMS of a kind, one more warning says the rest are not listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..diagnostics import quote
from .labels import BULLETS
from .symbol_font import symbol_character
from .word_package import Refused, check_xml, parse

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
"""Word's lists have levels 0 to 8."""
MAX_START = 1_000_000
"""The largest start value read: a list of a million items is no document's."""
MAX_TEXT = 60
"""The longest level text read (`%1.%2.%3.` is ten characters): a label is written into every
paragraph of its list, so a long one would multiply a small document's size."""
MAX_BASED = 32
"""How many styles a style's numbering is looked for through (`w:basedOn`): Word's own chains
are a few long."""
MAX_PROBLEMS = 20
"""The most problems of one kind reported one by one."""
LETTER_ROUND = 26 * 30
"""Letters run from `a` to thirty `z`s, then start again at `a`: a label stays short however
long a list (a bound of ours)."""
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
          ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
_FORMATS = {"decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none"}
_DELETED_MARK = (f"{W}del", f"{W}moveFrom")
_INSERTED_MARK = (f"{W}ins", f"{W}moveTo")

Report = Callable[[str, str, str], None]
"""(severity, code, message): a diagnostic at the paragraph being read."""


def _val(element: etree._Element | None, name: str = "val") -> str | None:
    return None if element is None else element.get(f"{W}{name}")


def _on(element: etree._Element | None) -> bool:
    """A toggle property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`) that is set."""
    return element is not None and element.get(f"{W}val", "true") not in ("false", "0", "off")


def _number(value: str | None, low: int, high: int) -> int | None:
    """A decimal number from the file between low and high, or None; its length is checked before
    Python converts it (a number of a million digits would take seconds)."""
    value = (value or "").strip()
    if not (0 < len(value) <= 12 and value.lstrip("-+").isascii() and value.lstrip("-+").isdigit()):
        return None
    number = int(value)
    return number if low <= number <= high else None


@dataclass(frozen=True)
class Level:
    """One level of a list as its definition gives it."""

    start: int = 0
    format: str = "decimal"
    text: str | None = None
    """The level text (`%1)`); None where the level shows no label."""
    restart: int | None = None
    """After which level (1 to 9) it restarts, 0 for never; None: after any higher one."""
    legal: bool = False
    hidden: bool = False
    font: str = ""
    """The font of the level's label, for a bullet set in a symbol font."""


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int]
    levels: dict[int, Level]


def letters(n: int, upper: bool = False) -> str:
    """1 → `a`, 26 → `z`, 27 → `aa`, 781 → `a` again (Word's letters); below 1, the number."""
    if n < 1:
        return str(n)
    n = (n - 1) % LETTER_ROUND
    letter = chr(ord("A" if upper else "a") + n % 26)
    return letter * (n // 26 + 1)


def roman(n: int, upper: bool = False) -> str:
    """1 → `i`, 1994 → `mcmxciv`; outside 1 to 3999, the number."""
    if not 1 <= n <= 3999:
        return str(n)
    out = ""
    for numeral, value in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out.upper() if upper else out


def formatted(n: int, form: str) -> str:
    """A level's number in its format (`none` shows nothing; an unknown format, decimal)."""
    if form in ("lowerLetter", "upperLetter"):
        return letters(n, form == "upperLetter")
    if form in ("lowerRoman", "upperRoman"):
        return roman(n, form == "upperRoman")
    if form == "decimalZero":
        return f"{n:02d}"
    if form in ("none", "bullet"):
        return ""
    return str(n)


def bullet(text: str, font: str) -> str:
    """The bullet the readers know for a level's text: the text's own where it is one of them
    (a Symbol-font bullet read through the font's table), else `•`."""
    shown = "".join(symbol_character(font, ord(c)) or c for c in text).strip()
    return shown if shown in BULLETS else "•"


class _Counters:
    """The numbers of every list in one view of the document (as proposed, or as it was)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str | None], list[int | None]] = {}

    def advance(self, key: tuple[str, str | None], level: int, levels: list[Level]) -> list[int | None]:
        values = self.values.setdefault(key, [None] * LEVELS)
        current = values[level]
        values[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            restart = levels[deeper].restart
            if level < (deeper if restart is None else restart):
                values[deeper] = None
        return values


class Numbering:
    """The definitions of a document's lists, read when first needed, and the counters of both
    views; `labels` gives each paragraph's label as proposed and as it was."""

    def __init__(self, parts: dict[str, tuple[str, bytes]], report: Report) -> None:
        self.parts, self.report = parts, report
        self.nums: dict[str, _Num] | None = None
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.levels: dict[str, list[Level]] = {}
        """Each list's nine levels, its overrides applied: made when the list is first used."""
        self.style_levels: dict[tuple[str, str], int] = {}
        """(abstract definition, paragraph style) → the level that style is (`w:lvl/w:pStyle`)."""
        self.styles: dict[str, tuple[str | None, int | None]] | None = None
        self.default_style: str | None = None
        self.default: str | None = None
        self.elements: dict[str, list[int]] | None = None
        self.numbered_styles = False
        """Whether the styles part holds a `numPr` at all."""
        """Where each `styleId` attribute is in the styles part's bytes."""
        """The default paragraph style's id, from the part's bytes."""
        self.may: dict[str | None, bool] = {}
        self.reported: set[tuple[str, str]] = set()
        self.counts: dict[str, int] = {}
        self.views = (_Counters(), _Counters())
        self.used = False
        self.damaged = False
        """Whether the numbering part is not XML: its lists' paragraphs are not reported one by one."""

    def once(self, severity: str, code: str, key: str, message: str) -> None:
        """A diagnostic, once for its code and key; past MAX_PROBLEMS of one code, one more says
        that the rest are not listed (a part may hold a hundred thousand broken levels)."""
        if (code, key) in self.reported:
            return
        self.reported.add((code, key))
        count = self.counts[code] = self.counts.get(code, 0) + 1
        if count <= MAX_PROBLEMS:
            self.report(severity, code, message)
        elif count == MAX_PROBLEMS + 1:
            self.report(severity, code, f"more numbering problems of this kind are not listed ({code}). Check the lists in Word")

    # -- reading the parts

    def _definitions(self) -> dict[str, _Num]:
        if self.nums is not None:
            return self.nums
        self.nums = {}
        if RT.NUMBERING not in self.parts:
            return self.nums
        name, blob = self.parts[RT.NUMBERING]
        try:
            root = parse(blob)
        except etree.XMLSyntaxError as e:
            self.damaged = True
            self.once("warning", "docx-damaged", name, (
                f"the part {name!r} is not well-formed XML ({e}); numbered paragraphs are shown without their numbers. "
                "Save the document again in Word"))
            return self.nums
        links: dict[str, str] = {}
        named: dict[str, str] = {}
        for abstract in root.iterchildren(f"{W}abstractNum"):
            key = (abstract.get(f"{W}abstractNumId") or "").strip()
            self.abstracts[key] = levels = {}
            for lvl in abstract.iterchildren(f"{W}lvl"):
                if (found := self._level(lvl, f"abstract definition {quote(key)!r}")) is not None:
                    levels[found[0]] = found[1]
                    if (style := _val(lvl.find(f"{W}pStyle"))) is not None:
                        self.style_levels.setdefault((key, style), found[0])
            if (link := _val(abstract.find(f"{W}numStyleLink"))) is not None:
                links[key] = link
            if (style := _val(abstract.find(f"{W}styleLink"))) is not None:
                named.setdefault(style, key)
        for key, link in links.items():  # an abstract definition with the levels of a numbering style's
            if (target := named.get(link)) is not None and target != key:
                self.abstracts[key] = self.abstracts[target]
        for num in root.iterchildren(f"{W}num"):
            self._num(num)
        return self.nums

    def _num(self, num: etree._Element) -> None:
        key = (num.get(f"{W}numId") or "").strip()
        abstract = (_val(num.find(f"{W}abstractNumId")) or "").strip()
        starts: dict[int, int] = {}
        levels: dict[int, Level] = {}
        for override in num.iterchildren(f"{W}lvlOverride"):
            where = f"list {quote(key)!r}"
            ilvl = _number(override.get(f"{W}ilvl"), 0, LEVELS - 1)
            if ilvl is None:
                self._invalid(where, f"overrides level {quote(override.get(f'{W}ilvl') or '')!r}, which is not 0 to 8")
                continue
            if (start := override.find(f"{W}startOverride")) is not None:
                starts[ilvl] = self._start(_val(start), where)
            if (lvl := override.find(f"{W}lvl")) is not None and (found := self._level(lvl, where, ilvl)) is not None:
                levels[ilvl] = found[1]
        self.nums[key] = _Num(abstract, starts, levels)  # type: ignore[index]

    def _level(self, lvl: etree._Element, where: str, ilvl: int | None = None) -> tuple[int, Level] | None:
        if ilvl is None:
            ilvl = _number(lvl.get(f"{W}ilvl"), 0, LEVELS - 1)
            if ilvl is None:
                self._invalid(where, f"defines level {quote(lvl.get(f'{W}ilvl') or '')!r}, which is not 0 to 8; it is not read")
                return None
        where = f"{where}, level {ilvl}"
        start = lvl.find(f"{W}start")
        form = _val(lvl.find(f"{W}numFmt")) or "decimal"
        if form not in _FORMATS:
            self.once("info", "numbering-format", form, f"numbers in the format {quote(form)!r} are shown as decimal numbers; check them")
        text = _val(lvl.find(f"{W}lvlText"))
        if text is not None and len(text) > MAX_TEXT:
            self._invalid(where, f"has a number text of {len(text):,} characters (“{quote(text)}”), more than {MAX_TEXT}; no number is shown")
            text = None
        restart = lvl.find(f"{W}lvlRestart")
        restart_at = None if restart is None else _number(_val(restart), 0, LEVELS)
        if restart is not None and restart_at is None:
            self._invalid(where, f"restarts after level {quote(_val(restart) or '')!r}, which is not 0 to 9; it restarts after any higher level")
        fonts = lvl.find(f"{W}rPr/{W}rFonts")
        return ilvl, Level(
            start=0 if start is None else self._start(_val(start), where),
            format=form, text=text, restart=restart_at, legal=_on(lvl.find(f"{W}isLgl")), hidden=_on(lvl.find(f"{W}rPr/{W}vanish")),
            font=(_val(fonts, "ascii") or _val(fonts, "hAnsi") or "") if fonts is not None else "")

    def _start(self, value: str | None, where: str) -> int:
        start = _number(value, 0, MAX_START)
        if start is None:
            self._invalid(where, f"starts at {quote(value or '')!r}, which is no number from 0 to {MAX_START:,}; it starts at 1")
            return 1
        return start

    def _invalid(self, where: str, problem: str) -> None:
        self.once("warning", "numbering-invalid", f"{where} {problem}", f"the numbering of {where} {problem}. Check the list in Word")

    def _may_number(self, style: str | None) -> bool:
        """Whether a paragraph style (None: the default one) may carry numbering: it or a style it
        is based on holds a `w:numPr`. Told from the part's bytes, so that the part is parsed
        only where such a style may number: a template's styles are hundreds of kilobytes (7 ms
        to parse), and its list styles seldom used."""
        if RT.NUMBERING not in self.parts or RT.STYLES not in self.parts:
            return False
        blob = self.parts[RT.STYLES][1]
        if self.default is None:
            self.numbered_styles = b"numPr" in blob
            self.default = _default_style(blob) if self.numbered_styles else ""
        at = style or self.default
        if at in self.may:
            return self.may[at]
        found = False
        for _ in range(MAX_BASED if self.numbered_styles else 0):
            element = self._element(blob, at) if at else None
            if element is None:
                break
            start, end = element
            if blob.find(b"numPr", start, end) != -1:
                found = True
                break
            based = _BASED_ON.search(blob, start, end)
            at = based[1].decode("utf-8", "replace") if based else ""
        self.may[style or self.default] = found
        return found

    def _element(self, blob: bytes, style: str) -> tuple[int, int] | None:
        """Where a paragraph style's element is in the styles part's bytes (its start tag to the
        next `style>`)."""
        if self.elements is None:
            self.elements = _style_ids(blob)
        for at in self.elements.get(style, ()):
            if _paragraph_style(blob, tag := _style_tag(blob, at)):
                end = blob.find(b"style>", at)
                return tag.start(), len(blob) if end == -1 else end  # type: ignore[union-attr]
        return None

    def _styles(self) -> dict[str, tuple[str | None, int | None]]:
        """Each paragraph style's numbering (numId, ilvl), through the styles it is based on."""
        if self.styles is not None:
            return self.styles
        self.styles = {}
        if RT.STYLES not in self.parts or b"numPr" not in self.parts[RT.STYLES][1]:
            return self.styles
        name, blob = self.parts[RT.STYLES]
        try:
            check_xml(blob, name)  # read_parts leaves it to here: most documents never parse it
        except Refused as e:
            self.once("error", e.code, name, f"{e.message.replace('the document is not read', 'its styles are not read')}")
            return self.styles
        try:
            root = parse(blob)
        except etree.XMLSyntaxError as e:
            self.once("warning", "docx-damaged", name, (
                f"the part {name!r} is not well-formed XML ({e}); paragraphs numbered through their style are shown "
                "without their numbers. Save the document again in Word"))
            return self.styles
        own: dict[str, tuple[str | None, str | None, str | None]] = {}
        for style in root.iterchildren(f"{W}style"):
            if style.get(f"{W}type", "paragraph") != "paragraph":
                continue
            key = style.get(f"{W}styleId") or ""
            numpr = style.find(f"{W}pPr/{W}numPr")
            own.setdefault(key, (_val(numpr.find(f"{W}numId")) if numpr is not None else None,
                                 _val(numpr.find(f"{W}ilvl")) if numpr is not None else None,
                                 _val(style.find(f"{W}basedOn"))))
            if _on_attribute(style.get(f"{W}default")):
                self.default_style = self.default_style or key
        for key in own:
            num_id, ilvl, at = None, None, key
            for _ in range(MAX_BASED):  # a loop of basedOn ends, and a chain of a hundred thousand costs no more
                if at not in own or (num_id is not None and ilvl is not None):
                    break
                own_num, own_ilvl, based = own[at]
                num_id = num_id if num_id is not None else own_num
                ilvl = ilvl if ilvl is not None else own_ilvl
                at = based or ""
            if num_id is not None:
                self.styles[key] = (num_id.strip(), _number(ilvl, 0, LEVELS - 1) if ilvl is not None else None)
        return self.styles

    # -- numbering paragraphs

    def _numbered(self, ppr: etree._Element | None, where: str) -> tuple[str, int | None, str | None] | None:
        """(numId, level if given, style) of paragraph properties, or None where they number
        nothing. The styles are consulted only where the paragraph gives no list of its own and
        some style of the document is numbered."""
        numpr = None if ppr is None else ppr.find(f"{W}numPr")
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = _val(numpr.find(f"{W}numId")), _val(numpr.find(f"{W}ilvl"))
        style = None if ppr is None else _val(ppr.find(f"{W}pStyle"))
        if num_id is None and self._may_number(style):
            styles = self._styles()
            style = style or self.default_style
            if style in styles:
                num_id, style_level = styles[style]
                if ilvl is None and style_level is not None:
                    ilvl = str(style_level)
        if num_id is None or num_id.strip() == "0":
            return None
        if ilvl is None:
            return num_id.strip(), None, style
        level = _number(ilvl, 0, LEVELS - 1)
        if level is None:
            self.once("warning", "numbering-invalid", f"ilvl {ilvl}",
                      f"a paragraph is numbered at level {quote(ilvl)!r}, which is not 0 to 8 ({where}); it is shown "
                      "without a number. Check the list in Word")
            return None
        return num_id.strip(), level, style

    def _label(self, view: int, numbered: tuple[str, int | None, str | None]) -> tuple[str, bool] | None:
        """The label of a numbered paragraph in one view (0: as proposed, 1: as it was), and
        whether it is hidden; its list's counters advanced."""
        num_id, level, style = numbered
        if RT.NUMBERING not in self.parts:
            self.once("info", "numbering-missing", "",
                      "paragraphs are numbered but the document has no numbering definitions; they are shown without numbers, "
                      "as Word shows them")
            return None
        nums = self._definitions()
        if self.damaged:
            return None
        num = nums.get(num_id)
        if num is None:
            self.once("info", "numbering-missing", num_id,
                      f"a paragraph is numbered by list {quote(num_id)!r}, which the document does not define; it is shown "
                      "without a number, as Word shows it")
            return None
        defined = self.abstracts.get(num.abstract)
        if defined is None:
            self._invalid(f"list {quote(num_id)!r}", f"refers to the abstract definition {quote(num.abstract)!r}, which does not "
                          "exist; its paragraphs are shown without numbers")
            return None
        if level is None:  # a style's list: the level that names the style, else the first
            level = self.style_levels.get((num.abstract, style or ""), 0)
        if (levels := self.levels.get(num_id)) is None:
            levels = [num.levels.get(n) or defined.get(n) or Level() for n in range(LEVELS)]
            self.levels[num_id] = levels = [replace(lvl, start=num.starts[n]) if n in num.starts else lvl for n, lvl in enumerate(levels)]
        values = self.views[view].advance((num.abstract, num_id if num.starts or num.levels else None), level, levels)
        this = levels[level]
        if this.text is None:
            return None
        if this.format == "bullet":
            label = bullet(this.text, this.font) if this.text.strip() else ""
        else:
            def number(m: re.Match[str]) -> str:
                n = int(m[1]) - 1
                value = values[n]
                shown = max(levels[n].start - 1, 0) if value is None else value
                legal = this.legal and levels[n].format not in ("none", "bullet")
                return formatted(shown, "decimal" if legal else levels[n].format)
            label = _PLACEHOLDER.sub(number, this.text).strip()
        return (label, this.hidden) if label else None

    def labels(self, p: etree._Element, where: str) -> tuple[tuple[str, bool] | None, tuple[str, bool] | None]:
        """A paragraph's label as proposed and as it was (each with whether it is hidden), or None."""
        ppr = p.find(f"{W}pPr")
        if ppr is None and not self._may_number(None):
            return None, None  # the common case: a paragraph without properties, in no numbered default style
        marks = None if ppr is None else ppr.find(f"{W}rPr")
        mark_hidden = marks is not None and _on(marks.find(f"{W}vanish"))
        change = None if ppr is None else ppr.find(f"{W}pPrChange")
        old = ppr if change is None else change.find(f"{W}pPr")
        out: list[tuple[str, bool] | None] = []
        for view, properties, gone in ((0, ppr, _DELETED_MARK), (1, old, _INSERTED_MARK)):
            if marks is not None and any(marks.find(tag) is not None for tag in gone):
                out.append(None)  # no paragraph of its own in this view
                continue
            numbered = self._numbered(properties, where)
            label = self._label(view, numbered) if numbered is not None else None
            out.append(None if label is None else (label[0], label[1] or mark_hidden))
        first = out[0] or out[1]
        if first is not None and not self.used:
            self.used = True
            self.report("info", "numbering-read", (
                f"numbered paragraphs are read with the numbers Word shows, computed from the document's lists (the first: "
                f"“{quote(first[0])}”); check them against the document"))
        return out[0], out[1]


_STYLE_TAG = re.compile(rb"<(?:[\w.-]{1,40}:)?style\s[^<>]{0,1000}")
_DEFAULT = re.compile(rb"default\s*=\s*[\"'](?:1|true|on)[\"']")
_TYPE = re.compile(rb"type\s*=\s*[\"']([^\"'<>]{0,40})[\"']")
_STYLE_ID = re.compile(rb"styleId\s*=\s*[\"']([^\"'<>]{0,200})[\"']")
_BASED_ON = re.compile(rb"<(?:[\w.-]{1,40}:)?basedOn\b[^>]{0,200}?\bval\s*=\s*[\"']([^\"'<>]{0,200})[\"']")


def _style_tag(blob: bytes, at: int) -> re.Match[bytes] | None:
    """The `w:style` start tag around the position `at` of an attribute, if it is one."""
    lt = blob.rfind(b"<", max(0, at - 1000), at)
    tag = _STYLE_TAG.match(blob, lt) if lt != -1 else None
    return tag if tag is not None and tag.end() >= at else None


def _paragraph_style(blob: bytes, tag: re.Match[bytes] | None) -> bool:
    kind = _TYPE.search(tag[0]) if tag is not None else None
    return tag is not None and (kind is None or kind[1] == b"paragraph")


def _style_ids(blob: bytes) -> dict[str, list[int]]:
    """Where each `styleId` attribute of a styles part's bytes is, by id: one search, without
    parsing the part (0.3 ms for a template's 350 KB)."""
    out: dict[str, list[int]] = {}
    for m in _STYLE_ID.finditer(blob):
        out.setdefault(m[1].decode("utf-8", "replace"), []).append(m.start())
    return out


def _default_style(blob: bytes) -> str:
    """The id of a styles part's default paragraph style, found without parsing the part."""
    for m in _DEFAULT.finditer(blob):
        tag = _style_tag(blob, m.start())
        if _paragraph_style(blob, tag) and (key := _STYLE_ID.search(tag[0])):  # type: ignore[index]
            return key[1].decode("utf-8", "replace")
    return ""


def _on_attribute(value: str | None) -> bool:
    return value is not None and value not in ("false", "0", "off")
