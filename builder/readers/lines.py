"""Word artefacts out, footnotes apart: a source file becomes clean numbered lines.

Bookmarks (`[bookmark: _Toc…]`) are dropped. `[footnoteRef:K]N` becomes a reference
marker in the text and the matching `[K: N<TAB>text]` later on the line becomes a
`Footnote`. Image placeholders (`[image: ]`) are dropped with a diagnostic, since the
export carries no image. No-break spaces and hyphens are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Diagnostics
from ..ir import Footnote, FootnoteRef, Inline, Span, plain_text
from .citations import find_citations

REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
"""Private-use characters that bracket a footnote key inside cleaned text."""

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_IMAGE = re.compile(r"\[image: [^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\]")
_DISPLAYED_NUMBER = re.compile(r"^\s*(\d+)(?=\s|$)")
_REF = re.compile(f"{REF_OPEN}(\\d+){REF_CLOSE}")
_CALL = re.compile(f"{_REF.pattern}(\\d*)")
"""A footnote call with the number Word prints after it."""


@dataclass(frozen=True)
class Line:
    span: Span
    text: str
    """The line without artefacts, trimmed; footnote references bracketed by REF_OPEN/REF_CLOSE."""

    @property
    def blank(self) -> bool:
        return not self.text


def _cut_footnote(text: str, key: str) -> tuple[str, str] | None:
    """Remove the body `[key: …]` (brackets balanced) from text; return (text, body)."""
    start = text.find(f"[{key}: ")
    if start < 0:
        start = text.find(f"[{key}:")
        if start < 0:
            return None
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                body = text[start + len(key) + 2 : i]
                return text[:start] + text[i + 1 :], body
    return None


def clean_lines(path: str, source: str, diagnostics: Diagnostics) -> tuple[list[Line], list[Footnote]]:
    lines: list[Line] = []
    footnotes: list[Footnote] = []
    displayed: dict[str, str] = {}
    pending: dict[str, Span] = {}
    if REF_OPEN in source or REF_CLOSE in source:
        source = source.replace(REF_OPEN, "").replace(REF_CLOSE, "")
    for number, raw in enumerate(source.splitlines(), start=1):
        span = Span(path, number)
        if "[" not in raw:  # most lines: no artefact, no footnote call, no footnote text
            lines.append(Line(span, raw.strip()))
            continue
        text = _BOOKMARK.sub("", raw)
        if _IMAGE.search(text):
            text = _IMAGE.sub("", text)
            diagnostics.info("image-omitted", span, "an image placeholder was dropped: the text export carries no image")
        for key in _FOOTNOTE_REF.findall(text):
            pending[key] = span
        text = _FOOTNOTE_REF.sub(lambda m: f"{REF_OPEN}{m[1]}{REF_CLOSE}", text)
        for key in list(pending):
            cut = _cut_footnote(text, key)
            if cut is None:
                continue
            text, body = cut
            if m := _DISPLAYED_NUMBER.match(body):
                displayed[key] = m[1]
            footnotes.append(Footnote(key, (body,), span))
            del pending[key]
        lines.append(Line(span, text.strip()))
    for key, span in pending.items():
        diagnostics.warning(
            "footnote-missing", span,
            f"footnote {key} is referenced but its text [{key}: …] was not found; the reference is dropped. "
            "Check the export",
        )
    return _drop_displayed_numbers(lines, footnotes, displayed, set(pending))


def _drop_displayed_numbers(
    lines: list[Line], footnotes: list[Footnote], displayed: dict[str, str], dangling: set[str]
) -> tuple[list[Line], list[Footnote]]:
    """Word prints a footnote's number after the call (`[footnoteRef:6]1`) and before its text
    (`[6: 1<TAB>…]`). Drop it in both places, but only where it is the same number in both:
    a footnote text may well start with a number of its own."""
    calling = "".join(line.text for line in lines if REF_OPEN in line.text)
    shown = {key for key, number in displayed.items() if f"{REF_OPEN}{key}{REF_CLOSE}{number}" in calling}

    def fix(m: re.Match[str]) -> str:
        key = m[1]
        if key in dangling:
            return ""
        number = displayed.get(key, "") if key in shown else ""
        rest = m[2]
        return f"{REF_OPEN}{key}{REF_CLOSE}{rest[len(number):] if rest.startswith(number) else rest}"

    lines = [Line(l.span, _CALL.sub(fix, l.text)) if REF_OPEN in l.text else l for l in lines]
    footnotes = [
        Footnote(f.key, inlines((_DISPLAYED_NUMBER.sub("", text, count=1) if f.key in shown else text).strip()), f.span)
        for f in footnotes
        for text in (plain_text(f.text),)
    ]
    return lines, footnotes


def inlines(text: str) -> tuple[Inline, ...]:
    """Split cleaned text into plain strings, footnote references and citations."""
    if REF_OPEN not in text:
        return find_citations(text)
    parts: list[Inline] = []
    for i, piece in enumerate(_REF.split(text)):
        if i % 2:
            parts.append(FootnoteRef(piece))
        elif piece:
            parts.extend(find_citations(piece))
    return tuple(parts)


def plain(text: str) -> str:
    """Cleaned text without its footnote references, for matching."""
    return _REF.sub("", text) if REF_OPEN in text else text
