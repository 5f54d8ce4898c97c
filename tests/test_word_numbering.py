"""Word documents from other hands (issue 26): paragraphs numbered by Word's automatic numbering
read with the labels Word shows (builder/readers/word_numbering.py), hostile numbering
definitions bounded and reported, and a document of another hand with numbering, hidden text
and Symbol-font characters read as its text typed by hand."""

from __future__ import annotations

import json
import time
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from builder.diagnostics import Diagnostics
from builder.ir import Clause, plain_text
from builder.readers import read_file
from builder.readers.tracked import accept, mark, reject
from builder.readers.word import read_word
from builder.readers.word_numbering import LETTER_ROUND, Numbering, letters, roman
from fixtures.word.raw import NS, p, package, r
from irjson import to_data


def lvl(ilvl: int | str, form: str = "decimal", text: str = "%1", start: int | str | None = 1, extra: str = "") -> str:
    begin = "" if start is None else f'<w:start w:val="{start}"/>'
    return f'<w:lvl w:ilvl="{ilvl}">{begin}<w:numFmt w:val="{form}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'


def abstract(key: int | str, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{key}">{extra}{"".join(levels)}</w:abstractNum>'


def num(key: int | str, of: int | str, overrides: str = "") -> str:
    return f'<w:num w:numId="{key}"><w:abstractNumId w:val="{of}"/>{overrides}</w:num>'


def restart(ilvl: int, start: int | str) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def numbered(text: str, list_id: int | str, ilvl: int | str | None = 0, style: str = "", mark: str = "", change: str = "") -> str:
    """A paragraph numbered by list `list_id` at level `ilvl` (None: no level given)."""
    level = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
    numpr = "" if list_id is None else f'<w:numPr>{level}<w:numId w:val="{list_id}"/></w:numPr>'
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{pstyle}{numpr}{mark}{change}</w:pPr>{r(text) if text else ''}</w:p>"


LISTS = (
    abstract(1, lvl(0, "lowerLetter", "%1)"))
    + abstract(2, lvl(0, "decimal", "%1"), lvl(1, "decimal", "%1.%2"), lvl(2, "lowerRoman", "%3)"))
    + abstract(3, lvl(0, "bullet", "–", start=None))
    + num(1, 1) + num(2, 2) + num(3, 3)
)
"""ITU's lists: `a)` under considering, `1`, `1.1` and `i)` under resolves, dashes."""


def read(body: str, numbering: str | bytes = LISTS, styles: str | bytes = "") -> tuple[list[str], list[tuple[str, int, str]]]:
    """The lines (content, marks and all) and diagnostics of a raw body with numbering definitions."""
    diagnostics = Diagnostics()
    result = read_word("n.docx", package(body, numbering=numbering, styles=styles), diagnostics)
    assert result is not None, [str(d) for d in diagnostics]
    return [line.content for line in result[0]], [(d.code, d.span.line, d.message) for d in diagnostics]


def package_part(numbering: str) -> bytes:
    return f'<w:numbering {NS}>{numbering}</w:numbering>'.encode()


def codes(diagnostics: list[tuple[str, int, str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for code, line, _ in diagnostics:
        out.setdefault(code, []).append(line)
    return out


HEAD = (p(r("MOD\tOTH/26A1/1")) + p(r("RESOLUTION 901 (Rev. Kigali, 2022)")) + p(r("Title of the resolution"))
        + p(r("The World Telecommunication Development Conference (Kigali, 2022),")))


def mod(paragraphs: list[tuple[str, int | None, int]]) -> tuple[str, str]:
    """A MOD proposal as (auto-numbered body, the same typed by hand): (text, list of LISTS,
    level), list None for an unnumbered paragraph; the hand types the labels Word shows."""
    counters: dict[tuple[int, int], int] = {}
    auto, hand = HEAD, HEAD
    for text, list_id, level in paragraphs:
        if list_id is None:
            auto, hand = auto + p(r(text)), hand + p(r(text))
            continue
        counters[list_id, level] = n = counters.get((list_id, level), 0) + 1
        if level == 0:
            counters.pop((list_id, 1), None)
        label = {1: f"{'abcdefghij'[n - 1]})", 2: str(n), 3: "–"}[list_id] if level == 0 else f"{counters[list_id, 0]}.{n}"
        auto += numbered(text, list_id, level)
        hand += p(r(f"{label}\t{text}"))
    return auto, hand


def test_auto_numbered_clauses_read_as_the_same_text_typed_by_hand(tmp_path: Path) -> None:
    """`a)`, `b)` under considering, `1`, `2` and a nested `1.1` under resolves, dashes under
    instructs: the same clauses, labels and anchors as the labels typed, and one info saying the
    numbers were computed."""
    auto, hand = mod([
        ("considering", None, 0), ("that one;", 1, 0), ("that two,", 1, 0),
        ("resolves", None, 0), ("to act;", 2, 0), ("in part;", 2, 1), ("in whole;", 2, 1), ("to report,", 2, 0),
        ("instructs the Director", None, 0), ("to help;", 3, 0), ("to tell.", 3, 0),
    ])
    read = {}
    for name, body in (("auto", auto), ("hand", hand)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "m.docx").write_bytes(package(body, numbering=LISTS))
        diagnostics = Diagnostics()
        source = read_file(tmp_path / name / "m.docx", diagnostics, tmp_path / name)
        read[name] = (to_data(source.contributions), [d.code for d in diagnostics])
    assert json.dumps(read["auto"][0]) == json.dumps(read["hand"][0])
    assert read["auto"][1] == read["hand"][1] + ["numbering-read"]
    text = to_data(read_file(tmp_path / "auto" / "m.docx", Diagnostics(), tmp_path / "auto").contributions)
    anchors = json.dumps(text)
    for anchor in ("considering-a", "considering-b", "resolves-1", "resolves-1-1", "resolves-1-2", "resolves-2"):
        assert f'"{anchor}"' in anchors, anchor


def test_formats_level_texts_and_nesting() -> None:
    lists = (abstract(5, lvl(0, "upperRoman", "%1."), lvl(1, "upperLetter", "(%2)"), lvl(2, "decimalZero", "%1.%2.%3"),
                      lvl(3, "lowerRoman", "%4.", extra='<w:isLgl/>'), lvl(4, "none", "%5"))
             + abstract(6, lvl(0, "lowerLetter", "%1)", start=25), lvl(1, "lowerRoman", "(%2)", start=3))
             + num(5, 5) + num(6, 6))
    body = (numbered("I", 5, 0) + numbered("IA", 5, 1) + numbered("IA01", 5, 2) + numbered("IB", 5, 1) + numbered("II", 5, 0)
            + numbered("IIA", 5, 1) + numbered("legal", 5, 3) + numbered("none", 5, 4)
            + numbered("y", 6) + numbered("z", 6) + numbered("aa", 6) + numbered("iii", 6, 1) + numbered("iv", 6, 1) + numbered("bb", 6))
    lines, _ = read(body, lists)
    assert lines == ["I.\tI", "(A)\tIA", "I.A.01\tIA01", "(B)\tIB", "II.\tII", "(A)\tIIA", "1.\tlegal", "none",
                     "y)\ty", "z)\tz", "aa)\taa", "(iii)\tiii", "(iv)\tiv", "bb)\tbb"]


def test_letters_and_roman_numerals_as_word_writes_them() -> None:
    assert [letters(n) for n in (1, 26, 27, 52, 53, LETTER_ROUND, LETTER_ROUND + 1)] == ["a", "z", "aa", "zz", "aaa", "z" * 30, "a"]
    assert letters(3, upper=True) == "C" and letters(0) == "0"
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 3999)] == [
        "i", "iv", "ix", "xiv", "xl", "xc", "cd", "mcmxciv", "mmmcmxcix"]
    assert roman(4000) == "4000" and roman(0) == "0" and roman(12, upper=True) == "XII"


def test_lists_restart_continue_and_count_apart() -> None:
    """A list goes on across unnumbered paragraphs; a `w:num` restarting the level (Word's
    "Restart at 1") counts apart; another abstract definition counts apart; a deeper level
    restarts when a higher one advances, unless `w:lvlRestart` is 0; a level never used shows
    one less than its start."""
    lists = LISTS + num(4, 1, restart(0, 1)) + num(5, 1, restart(0, 5)) + abstract(
        7, lvl(0, text="%1."), lvl(1, text="%1.%2", extra='<w:lvlRestart w:val="0"/>'), lvl(2, text="%1.%2.%3")) + num(7, 7)
    body = (numbered("a", 1) + numbered("b", 1) + p(r("between")) + numbered("c", 1)
            + numbered("a again", 4) + numbered("b again", 4) + numbered("e", 5)
            + numbered("d", 1) + numbered("one", 2)
            + numbered("x", 7) + numbered("x.1", 7, 1) + numbered("y", 7) + numbered("y.2", 7, 1) + numbered("skipped", 7, 2))
    lines, _ = read(body, lists)
    assert lines == ["a)\ta", "b)\tb", "between", "c)\tc", "a)\ta again", "b)\tb again", "e)\te", "d)\td", "1\tone",
                     "1.\tx", "1.1\tx.1", "2.\ty", "2.2\ty.2", "2.2.1\tskipped"]
    lines, _ = read(numbered("first at level 1", 2, 1) + numbered("then", 2, 0) + numbered("below", 2, 1))
    assert lines == ["0.1\tfirst at level 1", "1\tthen", "1.1\tbelow"]


def test_bullets_are_the_readers_bullets() -> None:
    """A dash stays a dash; Symbol's bullet (F0B7) reads through its table as •; a Wingdings or
    Courier New `o` bullet, which no reader knows, is •; an empty bullet shows nothing."""
    symbol = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
    courier = '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr>'
    lists = (abstract(1, lvl(0, "bullet", "\uf0b7", extra=symbol), lvl(1, "bullet", "o", extra=courier),
                      lvl(2, "bullet", "\uf0a7", extra='<w:rPr><w:rFonts w:ascii="Wingdings"/></w:rPr>'), lvl(3, "bullet", ""))
             + abstract(2, lvl(0, "bullet", "–")) + num(1, 1) + num(2, 2))
    lines, _ = read(numbered("dot", 1) + numbered("circle", 1, 1) + numbered("square", 1, 2) + numbered("nothing", 1, 3)
                    + numbered("dash", 2), lists)
    assert lines == ["•\tdot", "•\tcircle", "•\tsquare", "nothing", "–\tdash"]


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListLetter"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="ListLetter"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>'
    '<w:style w:type="character" w:styleId="ListLetter"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
)


def test_numbering_through_paragraph_styles() -> None:
    """A style's list, through the styles it is based on; its level, or the paragraph's own;
    `w:numId` 0 takes the style's list away; styles based on each other in a loop number
    nothing; character styles are not paragraph styles."""
    body = (numbered("a", None, None, style="ListLetter") + numbered("b", None, None, style="Sub") + numbered("unnumbered", 0, None, style="Sub")
            + numbered("c", None, None, style="ListLetter") + numbered("1.1", None, None, style="Heading2")
            + numbered("loop", None, None, style="Loop1") + p(r("normal")))
    lines, diagnostics = read(body, styles=STYLES)
    assert lines == ["a)\ta", "b)\tb", "unnumbered", "c)\tc", "0.1\t1.1", "loop", "normal"]
    assert [code for code, _, _ in diagnostics] == ["numbering-read"]


def test_the_default_paragraph_style_may_number_and_styles_are_read_only_where_they_may() -> None:
    default = '<w:style w:type="paragraph" w:default="1" w:styleId="Numbered"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    lines, _ = read(p(r("first")) + p(r("second"), style="Other"), styles=default)
    assert lines == ["a)\tfirst", "second"]
    lines, diagnostics = read(p(r("plain")), styles=b"not XML, and never parsed: no lists in it")
    assert lines == ["plain"] and diagnostics == []
    broken = b'<w:styles><w:style w:styleId="X"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
    lines, diagnostics = read(p(r("plain"), style="Y") + p(r("plain")), styles=broken)
    assert lines == ["plain", "plain"] and diagnostics == []  # no style used may number: the part is not parsed
    lines, diagnostics = read(p(r("plain"), style="X"), styles=broken)
    assert lines == ["plain"] and codes(diagnostics) == {"docx-damaged": [1]}
    doctype = b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + broken
    diagnostics = Diagnostics()
    assert read_word("n.docx", package(p(r("plain"), style="X"), numbering=LISTS, styles=doctype), diagnostics) is None
    assert [d.code for d in diagnostics] == ["docx-doctype"]  # a part named .xml: refused with the package
    said: list[tuple[str, str]] = []  # a part named otherwise is checked where it is parsed, and not parsed
    numbering = Numbering({RT.NUMBERING: ("word/numbering.xml", package_part(LISTS)), RT.STYLES: ("word/styles.bin", doctype)},
                          lambda severity, code, message: said.append((severity, code)))
    paragraph = etree.fromstring(f"<w:body {NS}>{p(r('plain'), style='X')}</w:body>")[0]
    assert numbering.labels(paragraph, "paragraph 1") == (None, None) and said == [("error", "docx-doctype")]


LONG = "".join(f"{n:x}" for n in range(60_000))
"""A level text of 300 KB that compresses no more than Word's parts do."""


def test_hostile_numbering_is_bounded_and_reported() -> None:
    """A start of 10^18, of a thousand digits or no number starts at 1; a level that is not 0 to
    8 (in a paragraph, a definition or an override) gives no label; a list the part does not
    define, or whose abstract definition is missing, gives none; a level text of 300 KB gives
    none; each reported once, none raising."""
    lists = (abstract(1, lvl(0, "lowerLetter", "%1)", start=10**18), lvl(1, text="%2.", start="x"), lvl(2, text="%3", start="9" * 1000),
                      lvl(9, text="%9"), lvl("-1"), lvl(3, text=LONG), lvl(4, "ordinal", "%5)"))
             + num(1, 1) + num(2, 404) + num(3, 1, restart(0, "-5") + '<w:lvlOverride w:ilvl="12"/>') + num(4, 1, restart(0, 2)))
    body = (numbered("huge", 1) + numbered("x", 1, 1) + numbered("digits", 1, 2) + numbered("level 9", 1, 9) + numbered("minus", 1, "-1")
            + numbered("letters", 1, "x") + numbered("big", 1, "99999999999999999999999") + numbered("long", 1, 3)
            + numbered("ordinal", 1, 4) + numbered("undefined", 77) + numbered("undefined again", 77) + numbered("orphan", 2)
            + numbered("negative", 3) + numbered("two", 4))
    started = time.process_time()
    lines, diagnostics = read(body, lists)
    assert time.process_time() - started < 2
    assert lines == ["a)\thuge", "1.\tx", "1\tdigits", "level 9", "minus", "letters", "big", "long", "1)\tordinal",
                     "undefined", "undefined again", "orphan", "a)\tnegative", "b)\ttwo"]
    found = codes(diagnostics)
    assert found["numbering-invalid"] == [1] * 8 + [4, 5, 6, 7, 12], diagnostics
    assert found["numbering-missing"] == [10] and found["numbering-format"] == [1]
    messages = "\n".join(message for _, _, message in diagnostics)
    assert "'1000000000000000000'" in messages and f"{len(LONG):,} characters" in messages and "'404'" in messages
    assert max(len(message) for _, _, message in diagnostics) < 400


def test_a_numbering_part_that_is_not_xml_or_missing_gives_no_labels() -> None:
    lines, diagnostics = read(numbered("one", 1) + numbered("two", 1), b"<w:numbering>not XML")
    assert lines == ["one", "two"] and codes(diagnostics) == {"docx-damaged": [1]}
    lines, diagnostics = read(numbered("one", 1) + numbered("two", 1), "")
    assert lines == ["one", "two"] and codes(diagnostics) == {"numbering-missing": [1]}


def test_a_label_cannot_forge_the_readers_marks_and_hidden_labels_are_left_out() -> None:
    hidden = '<w:rPr><w:vanish/></w:rPr>'
    lists = abstract(1, lvl(0, text="\ue003%1\ue004)"), lvl(1, text="%2)", extra=hidden)) + num(1, 1)
    lines, diagnostics = read(numbered("marks", 1) + numbered("hidden", 1, 1)
                              + numbered("mark hidden", 1, 0, mark="<w:rPr><w:vanish/></w:rPr>"), lists)
    assert lines == ["\ufffd1\ufffd)\tmarks", "hidden", "mark hidden"]
    found = codes(diagnostics)
    assert found["private-character"] == [1] and found["hidden-text"] == [2, 3]


def test_tracked_numbering_reads_as_a_typed_label_would() -> None:
    """An inserted numbered paragraph's label is inserted and the labels after it renumbered (the
    old deleted, the new inserted), as a hand-numbered MOD shows them; a deleted one's label is
    deleted; numbering added to a paragraph (`w:pPrChange` without it) is an inserted label,
    numbering taken away a deleted one."""
    inserted = '<w:rPr><w:ins w:id="1" w:author="a"/></w:rPr>'
    deleted = '<w:rPr><w:del w:id="2" w:author="a"/></w:rPr>'
    was_plain = '<w:pPrChange w:id="3" w:author="a"><w:pPr/></w:pPrChange>'
    was_numbered = '<w:pPrChange w:id="4" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>'
    body = (numbered("first;", 1) + f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>{inserted}</w:pPr>'
            '<w:ins w:id="5" w:author="a"><w:r><w:t>new;</w:t></w:r></w:ins></w:p>'
            + numbered("second;", 1)
            + f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>{deleted}</w:pPr>'
            '<w:del w:id="6" w:author="a"><w:r><w:delText>gone;</w:delText></w:r></w:del></w:p>'
            + numbered("now numbered;", 1, change=was_plain) + f"<w:p><w:pPr>{was_numbered}</w:pPr>{r('no longer numbered.')}</w:p>")
    lines, _ = read(body)
    proposed = [accept(line).strip() for line in lines]
    original = [reject(line).strip() for line in lines]
    assert proposed == ["a)\tfirst;", "b)\tnew;", "c)\tsecond;", "", "d)\tnow numbered;", "no longer numbered."]
    assert original == ["a)\tfirst;", "", "b)\tsecond;", "c)\tgone;", "now numbered;", "d)\tno longer numbered."]
    assert lines[1] == mark("ins", "b)\tnew;")  # one insertion, as a paragraph inserted whole
    assert lines[2] == mark("del", "b)") + mark("ins", "c)") + "\tsecond;" and lines[3] == mark("del", "c)\tgone;")


def test_a_document_of_another_hand_reads_as_its_text_typed_by_hand(tmp_path: Path) -> None:
    """Numbered by Word, with hidden text and Symbol-font characters: the clauses and anchors of
    the same text typed with its labels, its characters and without the hidden words; the
    hidden words reported, never on the page."""
    degree = '<w:r><w:sym w:font="Symbol" w:char="F0B0"/></w:r>'
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> a hidden aside</w:t></w:r>'
    resolution = (p(r("RESOLUTION 902 (Kigali, 2022)")) + p(r("A title")) + p(r("The World Telecommunication Development Conference (Kigali, 2022),"))
                  + p(r("considering")))
    auto = (resolution + numbered("", 1).replace("</w:pPr>", "</w:pPr>" + r("that it is 20") + degree + r("C;") + hidden)
            + numbered("that it is warm,", 1) + p(r("resolves")) + numbered("to act.", 2))
    hand = (resolution + p(r("a)\tthat it is 20°C;")) + p(r("b)\tthat it is warm,")) + p(r("resolves")) + p(r("1\tto act.")))
    out = {}
    for name, body in (("auto", auto), ("hand", hand)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "r.docx").write_bytes(package(body, numbering=LISTS))
        diagnostics = Diagnostics()
        source = read_file(tmp_path / name / "r.docx", diagnostics, tmp_path / name)
        out[name] = (source.resolutions[0], {d.code: d.message for d in diagnostics})
    assert json.dumps(to_data(out["auto"][0])) == json.dumps(to_data(out["hand"][0]))
    first = out["auto"][0].sections[0].blocks[0]
    assert isinstance(first, Clause) and first.anchor == "considering-a" and plain_text(first.text) == "that it is 20°C;"
    assert "a hidden aside" in out["auto"][1]["hidden-text"] and "numbering-read" in out["auto"][1]
