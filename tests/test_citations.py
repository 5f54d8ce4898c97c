"""Citations: tests/fixtures/citations.tsv lists citing bodies and texts with the targets
their citations must resolve to, then the diagnostics (`!code`) of the citation-shaped words
left as text; the corpus tests check every citation is linked or reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.diagnostics import Diagnostics
from builder.ir import Citation, Footnote, SourceFile, Span
from builder.link.citations import Resolver
from builder.readers.citations import find_citations
from builder.readers.lines import inlines
from builder.readers.unread import report_unread

CASES = [
    (line + "\t").split("\t")[:3]
    for line in (Path(__file__).parent / "fixtures" / "citations.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("citing", "text", "expected"), CASES, ids=[c[1][:50] for c in CASES])
def test_citation_resolves(citing: str, text: str, expected: str) -> None:
    diagnostics = Diagnostics()
    resolver = Resolver({}, diagnostics)
    span = Span("fixture", 1)
    read = inlines(text)
    report_unread(SourceFile("fixture", footnotes=(Footnote("1", read, span),)), diagnostics)
    unread = [f"!{d.code}" for d in diagnostics]
    diagnostics.clear()
    pieces = resolver.provisions(read, citing, span)  # type: ignore[arg-type]
    unread += [f"!{d.code}" for d in diagnostics]
    diagnostics.clear()
    earlier: dict = {}  # one text: a bare number after its full citation means the same resolution
    citations = [p for p in pieces if isinstance(p, Citation)]
    targets = [resolver.resolve(c, citing, span, earlier)[1] or "-" for c in citations]  # type: ignore[arg-type]
    if "-" in targets:
        assert diagnostics, "a citation that stays text is reported"
    assert " ".join(targets + sorted(unread)) == expected


def test_citation_text_is_kept_exactly() -> None:
    text = "recalling Resolutions 44 and 54 (Rev.\u00a0New\u00a0Delhi, 2024) of this assembly, and No.\u00a0126 of the ITU Constitution;"
    pieces = find_citations(text)
    assert "".join(p if isinstance(p, str) else p.text for p in pieces) == text
