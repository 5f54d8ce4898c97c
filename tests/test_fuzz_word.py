"""The Word reader on drawn bodies (tests/fuzz_word.py): it raises nothing, every word that
shows reaches its lines, its notes or a diagnostic, and no hidden word reaches them."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from builder.diagnostics import Diagnostics
from builder.ir import FootnoteRef
from builder.readers.lines import REF
from builder.readers.tracked import accept, reject
from builder.readers.word import read_word
from fuzz_word import Drawn, pack, word_bodies

PRIVATE = {chr(c) for c in range(0xE000, 0xE005)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
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
