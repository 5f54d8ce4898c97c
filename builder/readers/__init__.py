"""Readers: one source file → IR. Pure and per file; they never look at other documents."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostics
from ..ir import TEXT_EXPORT, Footnote, FootnoteRef, Provenance, ResolutionText, SourceFile, Span
from .decode import decode
from .lines import Line, clean_lines
from .proposals import has_markers, read_contributions
from .resolution import read_text, split_texts
from .unread import report_unread
from .word import read_word


def read_source(path: str, source: str, diagnostics: Diagnostics) -> SourceFile:
    """Read one text export."""
    lines, footnotes = clean_lines(path, source, diagnostics)
    return read_lines(path, lines, footnotes, diagnostics)


def read_lines(
    path: str, lines: list[Line], footnotes: list[Footnote], diagnostics: Diagnostics,
    provenance: Provenance = TEXT_EXPORT,
) -> SourceFile:
    """Read one file's lines, whatever their format. A file with proposal markers is a
    contribution; otherwise resolutions. A Word document's lines carry marked tracked changes."""
    footnotes = _without_calls(footnotes, diagnostics)
    exact = provenance.format == "word"
    if not any(not line.blank for line in lines):
        diagnostics.error("empty-file", Span(path, 1), "the file has no text; remove it or export it again")
        return SourceFile(path, provenance=provenance)
    if has_markers(lines):
        read = SourceFile(path, contributions=read_contributions(lines, diagnostics, exact), footnotes=tuple(footnotes),
                          provenance=provenance)
    else:
        read = SourceFile(path, resolutions=_texts(lines, diagnostics, exact), footnotes=tuple(footnotes), provenance=provenance)
    report_unread(read, diagnostics)
    return read


def _texts(lines: list[Line], diagnostics: Diagnostics, exact: bool) -> tuple[ResolutionText, ...]:
    texts = tuple(read_text(chunk, diagnostics, exact=exact) for chunk in split_texts(lines))
    if texts[0].kind == "fragment":
        diagnostics.error(
            "no-heading", texts[0].span,
            "no resolution heading (`RESOLUTION 71 (Rev. Kigali, 2022)`) and no proposal marker found; "
            "the text is kept but cannot be given a page",
        )
    return texts


def _without_calls(footnotes: list[Footnote], diagnostics: Diagnostics) -> list[Footnote]:
    """A footnote cannot call a footnote (Word has no notes in notes): a call in a note's text,
    to itself or another, is dropped and reported, so no page links a note into a loop."""
    out = []
    for note in footnotes:
        calls = [piece.key for piece in note.text if isinstance(piece, FootnoteRef)]
        if calls:
            diagnostics.warning(
                "footnote-in-footnote", note.span,
                f"the text of footnote {note.key} calls footnote{'s' if len(calls) > 1 else ''} {', '.join(calls)}"
                f"{' (itself)' if note.key in calls else ''}; the call is dropped. Remove it from the document",
            )
            note = Footnote(note.key, tuple(p for p in note.text if not isinstance(p, FootnoteRef)), note.span)
        out.append(note)
    return out


WORD = (".docx", ".doc", ".rtf")
"""Files read as Word documents: .docx, and the formats that must be saved as .docx first
(they get a diagnostic saying so)."""


Roots = Path | tuple[Path, ...] | None
"""The folders corpus files are named from: the project, then each collection's parent folder."""


def source_name(path: Path, root: Roots = None) -> str:
    """How pages and diagnostics name a corpus file: relative to the first of `root` that holds it
    (the project: `corpus/acp-64a1.txt`; a collection outside it by its folder's name:
    `pp-18/pp-res-71.txt`), never by where it lies on this machine where a root holds it."""
    for base in (root,) if isinstance(root, Path) else root or ():
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.as_posix()


def read_file(path: Path, diagnostics: Diagnostics, root: Roots = None) -> SourceFile:
    """Read a corpus file, named by `source_name`."""
    name = source_name(path, root)
    if path.suffix.lower() in WORD:
        read = read_word(name, path.read_bytes(), diagnostics)
        if read is None:
            return SourceFile(name, provenance=Provenance("word"))
        lines, footnotes, provenance = read
        return read_lines(name, lines, footnotes, diagnostics, provenance)
    text = decode(name, path.read_bytes(), diagnostics)
    return SourceFile(name) if text is None else read_source(name, text, diagnostics)
