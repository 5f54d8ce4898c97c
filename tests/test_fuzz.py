"""Fuzzing the text reader with the real texts: the corpus and the PP-18 Final Acts, mutated as a
careless export or a hostile contributor would (lines deleted, duplicated, swapped; the file cut
at any byte; control and bidirectional characters, footnote markers with no partner, markup
dropped in anywhere). On every mutant: no exception, every word on a page or in a diagnostic, no
markup from the input on any page, and reading time within the bad-input suite's bound a byte.

`make test` runs 200 examples (about 15 s). A deeper run, before a release or after a change
to a reader: `FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz.py` (about 5 min);
Hypothesis keeps any failure it finds in `.hypothesis/` and replays it first next time."""

from __future__ import annotations

import os
import re
from functools import cache
from html import unescape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.diagnostics import Diagnostics
from builder.link import link
from builder.readers import read_source
from builder.readers.decode import decode
from builder.render import render
from conftest import ROOT
from site_text import LiveMarkup
from test_bad_input import FIXED_BYTES, GOOD, TIMES_REAL_TEXT, best_of_three, thread_seconds
from test_escape import mkdocs_markdown

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT.parent / "shared" / "collections" / "pp-18").glob("*.txt"))
WORD = re.compile(r"[^\W\d_]{2,}")
NOT_LETTERS = re.compile(r"[\W\d_]+")
"""A word is found wherever its letters run on in a page or a diagnostic: a text export's
run-together revision (`DubaiHammamet`) is shown as the two words it was."""
DROPPED = re.compile(r"\[bookmark: [^\[\]]*\]|\[image: [^\[\]]*\]|\[footnoteRef:\d+\]")
"""Word's artefacts, dropped by design: bookmark names, image placeholders, footnote calls."""
LABEL = re.compile(r"^[ \t]*\(?[^\W_]{1,8}[).]?\t", re.M)
STRUCTURE = {"introduction", "proposal", "abstract", "foreword", "reasons", "summary"}
"""Part headings: they carry no text of their own, and an empty part is not shown."""
INSERTED = st.sampled_from([
    "\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\ufeff",
    "\u202e", "\u2066", "\u200f", "\ud7ff", "\ue000", "\ue002", "\ue003", "\ue004",
    "[footnoteRef:7]7", "[footnoteRef:1]", "[7: 7\tstray note text]", "[1: ", "[", "]", "[bookmark: _Toc1",
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))", "{: onclick=alert(1) }",
    "{{ 7*7 }}", "{% raw %}", "\n    indented code\n", "\n# heading\n", "\n* item\n", "\n| a | b |\n", "`", "\\",
    "\nRESOLUTION 1 (Rev. Dubai, 2018)\n", "\nMOD\tXYZ/1A1/1\n", "\n1\t", "\na)\t", "\t", "\r", "\r\n",
])


@cache
def _source(path: str) -> bytes:
    return open(path, "rb").read()


class Mutant:
    """A real text's bytes after mutations; shown (when a test fails) as what was done to which file."""

    def __init__(self, data: bytes, how: tuple[str, ...]) -> None:
        self.data, self.how = data, how

    def __repr__(self) -> str:
        return f"Mutant({'; '.join(self.how)})"


@st.composite
def mutants(draw: st.DrawFn) -> Mutant:
    """A real text with a few mutations, as the bytes of a file."""
    path = draw(st.sampled_from(SOURCES))
    lines = _source(str(path)).decode("utf-8").split("\n")
    how = [path.name]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "insert"]))
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(j, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            at, piece = draw(st.integers(0, len(lines[i]))), draw(INSERTED)
            lines[i] = lines[i][:at] + piece + lines[i][at:]
            kind = f"insert {piece!r} at {at} of"
        how.append(f"{kind} line {i + 1}" + (f" to {j + 1}" if kind in ("duplicate", "swap") else ""))
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data, how = data[:cut], how + [f"cut at byte {cut:,}"]
    return Mutant(data, tuple(how))


@cache
def _seconds_a_byte() -> float:
    """Real text's reading time a byte, on this machine now."""
    return thread_seconds(lambda: [read_source("real.txt", GOOD, Diagnostics()) for _ in range(10)]) / (10 * len(GOOD.encode()))


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def _source_words(text: str) -> set[str]:
    """The words of a source that must reach a page: not Word's artefacts, nor a clause's label
    (`fg)` in a text export is `f)` deleted and `g)` inserted, shown as two labels)."""
    return _words(LABEL.sub("", DROPPED.sub(" ", text)))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutants())
def test_a_mutated_real_text_is_read_whole_without_markup_in_linear_time(mutant: Mutant) -> None:
    data = mutant.data
    diagnostics = Diagnostics()
    text = decode("mutant.txt", data, diagnostics)
    if text is None:  # refused as a whole (NUL bytes: not text), and said so
        assert [d.code for d in diagnostics] == ["binary-file"]
        return
    source = read_source("mutant.txt", text, diagnostics)
    pages = render(link([source], diagnostics)).pages
    markdown = mkdocs_markdown()
    shown: list[str] = [d.message for d in diagnostics]
    for page in pages.values():
        live = LiveMarkup()
        live.feed(markdown.reset().convert(page))
        assert not live.handlers and not [s for s in live.scripts if "alert" in s], live.handlers
        shown.append(unescape(" ".join(live.text)))
    letters = "|".join(NOT_LETTERS.sub("", text).casefold() for text in shown)
    lost = {word for word in _source_words(text) - STRUCTURE if word not in letters}
    assert not lost, sorted(lost)[:20]
    size = len(data) + FIXED_BYTES
    slower = best_of_three(lambda: thread_seconds(read_source, "mutant.txt", text, Diagnostics()) / (_seconds_a_byte() * size),
                           TIMES_REAL_TEXT)
    assert slower <= TIMES_REAL_TEXT, f"{slower:.1f} times as long a byte as real text"
