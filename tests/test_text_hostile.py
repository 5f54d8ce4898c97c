"""A text export that breaks the export's own rules (issue 25): footnote keys reused, the readers'
private-use marks in the source, line breaks other than `\\n`, `\\r\\n` and `\\r`, words a
heading's pattern leaves over, and `dump` on files it cannot read. Each fixture is built here;
every word of the input is on a page or in a diagnostic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.__main__ import main
from builder.diagnostics import Diagnostics
from builder.ir import Change, FootnoteRef, plain_text
from builder.pipeline import build
from builder.readers import read_file, read_source

RESOLUTION = "RESOLUTION 5 (Kigali, 2022)\nA title\nThe World Telecommunication Development Conference (Kigali, 2022),\nrecalling\n"
"""Four lines: the clauses below start on line 5."""


def _read(body: str, head: str = RESOLUTION):
    diagnostics = Diagnostics()
    return read_source("t.txt", head + body, diagnostics), diagnostics


def _codes(diagnostics: Diagnostics) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in diagnostics]


def _calls(block) -> list[str]:
    return [piece.key for piece in block.text if isinstance(piece, FootnoteRef)]


def _built(tmp_path: Path, text: str, name: str = "t.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return build([tmp_path / name], tmp_path)


def test_a_footnote_key_given_twice_keeps_both_texts(tmp_path: Path) -> None:
    body = "a)\tone[footnoteRef:1]1 [1: 1\tThe first note.]\nb)\ttwo[footnoteRef:1]1 [1: 1\tThe second note.]\n"
    source, diagnostics = _read(body)
    a, b = source.resolutions[0].sections[0].blocks
    assert _calls(a) == ["1"] and _calls(b) == ["1-2"]
    assert {n.key: plain_text(n.text) for n in source.footnotes} == {"1": "The first note.", "1-2": "The second note."}
    assert _codes(diagnostics) == [("footnote-duplicate", 6)]
    assert "first is on line 5" in diagnostics[0].message and "The second note." in diagnostics[0].message
    page = _built(tmp_path, RESOLUTION + body).pages["wtdc/res-5.md"]
    assert "The first note." in page and "The second note." in page


def test_two_texts_of_one_key_on_one_line() -> None:
    source, diagnostics = _read("a)\tone[footnoteRef:1]1 [1: 1\tFirst.] two[footnoteRef:1]1 [1: 1\tSecond.]\n")
    a = source.resolutions[0].sections[0].blocks[0]
    assert _calls(a) == ["1", "1-2"] and plain_text(a.text).split() == ["one", "two"]
    assert [plain_text(n.text) for n in source.footnotes] == ["First.", "Second."]
    assert _codes(diagnostics) == [("footnote-duplicate", 5)]


def test_a_call_after_its_text_links_to_it(tmp_path: Path) -> None:
    """A duplicated line, or a call repeated: every call of the key keeps its link."""
    body = "a)\tone[footnoteRef:1]1 [1: 1\tThe note.]\nb)\tagain[footnoteRef:1]1;\n"
    source, diagnostics = _read(body)
    a, b = source.resolutions[0].sections[0].blocks
    assert _calls(a) == _calls(b) == ["1"] and plain_text(b.text) == "again;"
    assert [n.key for n in source.footnotes] == ["1"]
    assert _codes(diagnostics) == [("footnote-called-again", 6)]
    result = _built(tmp_path, RESOLUTION + body)
    assert "footnote-not-shown" not in {d.code for d in result.diagnostics}
    assert result.pages["wtdc/res-5.md"].count('href="#fn:fn1"') == 2


def test_a_call_without_text_is_still_reported() -> None:
    source, diagnostics = _read("a)\tone[footnoteRef:7]7;\n")
    assert plain_text(source.resolutions[0].sections[0].blocks[0].text) == "one;"
    assert _codes(diagnostics) == [("footnote-missing", 5)]


def test_a_footnote_shown_nowhere_is_quoted_whole_words(tmp_path: Path) -> None:
    note = "A note " + "of many words " * 12 + "ending here."
    result = _built(tmp_path, RESOLUTION.replace("recalling\n", f"recalling[footnoteRef:1]1 [1: 1\t{note}]\n") + "a)\tx;\n")
    [d] = [d for d in result.diagnostics if d.code == "footnote-not-shown"]
    assert "a heading?" not in d.message and "section heading" in d.message
    quoted = d.message.split("“")[1].split("”")[0]
    assert quoted.endswith("…") and note.startswith(quoted[:-1] + " ") and 60 < len(quoted) <= 81


def test_the_readers_own_marks_in_a_source_are_replaced_and_reported() -> None:
    """U+E003 … U+E004 bracket a deletion inside the readers: from a source they are text."""
    mod = "MOD\tACP/1A1/1\nRESOLUTION 11 (Rev. Busan, 2014Dubai, 2018)\nTitle\nresolves\n"
    source, diagnostics = _read("1\tkeep \ue003these words\ue004 and \ue000 this;\n", mod)
    clause = source.contributions[0].proposals[0].text.sections[0].blocks[0]
    assert plain_text(clause.text) == "keep \ufffdthese words\ufffd and \ufffd this;"
    assert not [p for p in clause.text if isinstance(p, (Change, FootnoteRef))]
    assert _codes(diagnostics) == [("private-character", 5)] and "3 private-use characters" in diagnostics[0].message


@pytest.mark.parametrize("breaks", ["\x0c", "\x0b", "\u2028", "\x0c\x0b\u2028\u2029\x85\x1c\x1d\x1e"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_only_newlines_count_lines(breaks: str, newline: str) -> None:
    """A form feed, vertical tab or Unicode line separator on line 3 ends no line: a diagnostic
    about line 10 names line 10, and the characters are spaces."""
    head, title, formula, recalling = RESOLUTION.splitlines()
    lines = [head, title, f"on two{breaks}lines", formula, recalling, "a)\tone;", "b)\ttwo;", "c)\tthree;", "d)\tfour;", "e)\tfive \ue000;"]
    source, diagnostics = _read(newline.join(lines) + newline, head="")
    assert _codes(diagnostics) == [("private-character", 10)]
    text = source.resolutions[0]
    assert plain_text(text.title) == f"A title on two{' ' * len(breaks)}lines" and len(text.sections[0].blocks) == 5


def test_a_windows_1252_file_with_carriage_returns_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes((RESOLUTION + "a)\tone;\nb)\tthe Union\x92s;\n").replace("\n", "\r").encode("latin-1"))
    diagnostics = Diagnostics()
    read_file(tmp_path / "old.txt", diagnostics, tmp_path)
    assert ("not-utf8", 6) in _codes(diagnostics)


@pytest.mark.parametrize("heading, leftover", [
    ("RESOLUTION 901 (Rev. Kigali, 2022 Extra words)", "Extra words"),
    ("RESOLUTION 901 (Rev. Kigali, 2022; see the note)", "see the note"),
    ("RESOLUTION 901 (Rev. Kigali, 2022) (corr.)", "corr."),
    ("RESOLUTION 901 (draft)", "draft"),
    ("RESOLUTION 901 (Extra words Rev. Kigali, 2022)", "Extra words"),
])
def test_words_a_heading_leaves_over_are_reported(heading: str, leftover: str) -> None:
    source, diagnostics = _read("a)\tx;\n", RESOLUTION.replace("RESOLUTION 5 (Kigali, 2022)", heading))
    assert _codes(diagnostics) == [("heading-leftover", 1)] and f"“{leftover}”" in diagnostics[0].message
    revision = source.resolutions[0].revision
    assert revision is None or revision.venue == "Kigali"  # the words are not the venue's


@pytest.mark.parametrize("heading", [
    "RESOLUTION 901 (Rev. Kigali, 2022)", "RESOLUTION 901 (KIGALI, 2022)", "RESOLUTION 901",
    "RESOLUTION 901 (Rev. Kigali, 2022.)", "RESOLUTION 71 (Rev. Busan, 2014Dubai, 2018)", "RESOLUTION 200 (Busan, 2014rev. dubai, 2018)",
])
def test_a_heading_of_revisions_alone_reads_cleanly(heading: str) -> None:
    _, diagnostics = _read("a)\tx;\n", RESOLUTION.replace("RESOLUTION 5 (Kigali, 2022)", heading))
    assert "heading-leftover" not in {d.code for d in diagnostics}


def test_dump_reports_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of refused documents: no document, the diagnostics on standard error, exit 1."""
    (tmp_path / "renamed.docx").write_bytes(b"Resolution 71, saved with the wrong extension")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    assert main(["dump", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == {"documents": []}
    assert "renamed.docx:1: error:" in err and "[docx-not-zip]" in err and "[binary-file]" in err and "2 errors" in err


def test_dump_fails_on_warnings_when_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t.txt").write_text(RESOLUTION + "a)\tone[footnoteRef:7]7;\n", encoding="utf-8")
    assert main(["dump", str(tmp_path)]) == 0
    assert main(["dump", "--strict", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "t.txt:5: warning:" in err and "[footnote-missing]" in err


@pytest.mark.parametrize("command", ["check", "dump"])
def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit:
        main([command, str(tmp_path / "missing")])
    assert exit.value.code == 2 and "no such file or folder" in capsys.readouterr().err
