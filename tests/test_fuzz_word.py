"""The Word reader on drawn bodies (tests/fuzz_word.py): it raises nothing, every word that
shows reaches its lines, its notes or a diagnostic, and no hidden word reaches them; through
the whole builder, every such word reaches a page or a diagnostic, no page has live markup from
the text, and reading time is linear in the unpacked size."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from html import unescape
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.diagnostics import Diagnostics
from builder.ir import FootnoteRef
from builder.readers.lines import REF
from builder.readers.tracked import accept, reject
from builder.pipeline import build
from builder.readers.word import read_word
from fixtures.word.raw import p, package, r
from fuzz_word import Drawn, pack, word_bodies
from site_text import LiveMarkup
from test_bad_input import TIMES_REAL_TEXT, slowness
from test_escape import mkdocs_markdown

PRIVATE = {chr(c) for c in range(0xE000, 0xE005)}
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200")) // 5
"""A fifth of the text fuzz's examples (tests/test_fuzz.py): a drawn document costs more."""


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(word_bodies())
def test_every_word_that_shows_is_read_or_reported_and_no_hidden_word_is(drawn: Drawn) -> None:
    diagnostics = Diagnostics()
    read = read_word("fuzz.docx", pack(drawn), diagnostics)
    assert read is not None, [str(d) for d in diagnostics]
    lines, notes, _ = read
    notes_text = ["".join(p if isinstance(p, str) else "" if isinstance(p, FootnoteRef) else p.text for p in n.text) for n in notes]
    shown = "\n".join([line.content for line in lines] + notes_text)
    said = "\n".join(d.message for d in diagnostics)
    assert sorted(w for w in drawn.visible if w not in shown and w not in said) == []
    assert sorted(w for w in drawn.absent if w in shown) == []
    for line in lines:  # the reader's marks are its own, balanced
        for view in (accept(line.content), reject(line.content)):
            assert not PRIVATE & set(REF.sub("", view)), line


HEADS = {
    "no heading": "",
    "a resolution": p(r("RESOLUTION 901 (Rev. Dubai, 2018)")) + p(r("Title")) + p(r("The Plenipotentiary Conference (Dubai, 2018),"))
    + p(r("resolves")),
    "a proposal": p(r("MOD\tFUZ/1A1/1")) + p(r("RESOLUTION 901 (Rev. Dubai, 2018)")) + p(r("Title")) + p(r("resolves")),
}
"""What the drawn body follows: nothing (an unplaced text), a resolution's heading, a proposal's."""


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(word_bodies(), st.sampled_from(sorted(HEADS)))
def test_a_drawn_document_reaches_its_pages_whole_without_markup_in_linear_time(drawn: Drawn, head: str) -> None:
    """Through the whole builder (read, link, render) and Python-Markdown as MkDocs runs it: every
    word that shows is on a page or in a diagnostic, no page has live markup from the text, and
    reading takes no longer a byte (unpacked) than the bad-input suite allows."""
    data = package(HEADS[head] + drawn.body, drawn.footnotes, numbering=drawn.numbering)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fuzz.docx").write_bytes(data)
        result = build([Path(folder) / "fuzz.docx"], Path(folder))
    markdown = mkdocs_markdown()
    shown = [d.message for d in result.diagnostics]
    for page in result.pages.values():
        live = LiveMarkup()
        live.feed(markdown.reset().convert(page))
        assert not live.handlers and not [s for s in live.scripts if "alert" in s], live.handlers
        shown.append(unescape(" ".join(live.text)))
    text = "\n".join(shown)
    assert sorted(w for w in drawn.visible if w not in text) == []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        unpacked = sum(m.file_size for m in zf.infolist())
    slower = slowness(read_word, "fuzz.docx", data, Diagnostics(), size=unpacked)
    assert slower <= TIMES_REAL_TEXT, f"{slower:.1f} times as long a byte as real text"
