"""Readers: one source file → IR. Pure and per file; they never look at other documents."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostics
from ..ir import SourceFile, Span
from .decode import decode
from .lines import clean_lines
from .proposals import has_markers, read_contributions
from .resolution import read_text, split_texts


def read_source(path: str, source: str, diagnostics: Diagnostics) -> SourceFile:
    """Read one file's text. A file with proposal markers is a contribution; otherwise a resolution."""
    lines, footnotes = clean_lines(path, source, diagnostics)
    if not any(not line.blank for line in lines):
        diagnostics.error("empty-file", Span(path, 1), "the file has no text; remove it or export it again")
        return SourceFile(path)
    if has_markers(lines):
        return SourceFile(path, contributions=read_contributions(lines, diagnostics), footnotes=tuple(footnotes))
    texts = tuple(read_text(chunk, diagnostics) for chunk in split_texts(lines))
    if texts[0].kind == "fragment":
        diagnostics.error(
            "no-heading", texts[0].span,
            "no resolution heading (`RESOLUTION 71 (Rev. Kigali, 2022)`) and no proposal marker found; "
            "the text is kept but cannot be given a page",
        )
    return SourceFile(path, resolutions=texts, footnotes=tuple(footnotes))


def read_file(path: Path, diagnostics: Diagnostics, root: Path | None = None) -> SourceFile:
    """Read a corpus file; diagnostics name it relative to `root` (the project) when given."""
    name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    text = decode(name, path.read_bytes(), diagnostics)
    return SourceFile(name) if text is None else read_source(name, text, diagnostics)
