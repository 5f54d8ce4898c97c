"""Word artefacts out, footnotes apart: a source file becomes clean numbered lines.

Bookmarks (`[bookmark: _Toc…]`) are dropped. `[footnoteRef:K]N` becomes a reference
marker in the text and the matching `[K: N<TAB>text]` later on the line becomes a
`Footnote`. Image placeholders (`[image: ]`) are dropped with a diagnostic, since the
export carries no image. No-break spaces and hyphens are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostics
from ..ir import Change, Citation, Footnote, FootnoteRef, Inline, Span, plain_text
from .citations import find_citations
from .tracked import MARKERS, has_marks, pieces

REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
"""Private-use characters that bracket a footnote key inside cleaned text."""

_BOOKMARK = re.compile(r"\[bookmark: [^\[\]]*\]")
_IMAGE = re.compile(r"\[image: [^\[\]]*\]")
"""Neither runs past the next `[`: a line of `[bookmark: ` repeated is read in linear time."""
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\]")
_BODY_START = re.compile(r"\[(\d+):( ?)")
_BRACKET = re.compile(r"[\[\]]")
_DISPLAYED_NUMBER = re.compile(r"^\s*(\d+)(?=\s|$)")
REF = re.compile(f"{REF_OPEN}([^{REF_CLOSE}]+){REF_CLOSE}")
"""A footnote call: its key between the brackets."""
_CALL = re.compile(f"{REF.pattern}(\\d*)")
"""A footnote call with the number Word prints after it."""


@dataclass(frozen=True)
class Line:
    span: Span
    text: str
    """The line without artefacts, trimmed; footnote references bracketed by REF_OPEN/REF_CLOSE.
    With tracked changes, the proposed text (the text being amended if all of it is deleted):
    what the line is classified by."""
    marked: str | None = None
    """With tracked changes, the line with them bracketed (builder.readers.tracked)."""
    style: str | None = None
    """The paragraph style a Word document names (`Call`, `ResNo`), if any."""
    row: bool = False
    """A table row from a Word document: its cells separated by tabs."""

    @property
    def blank(self) -> bool:
        return not self.text and not self.marked

    @property
    def content(self) -> str:
        """What the line shows: the marked text if any, else the text."""
        return self.marked or self.text


def _brackets(text: str) -> dict[int, int]:
    """Where each `[` of the line closes (brackets balanced), for those that do: one pass."""
    opened: list[int] = []
    closes: dict[int, int] = {}
    for m in _BRACKET.finditer(text):
        if m[0] == "[":
            opened.append(m.start())
        elif opened:
            closes[opened.pop()] = m.start()
    return closes


def _cut_footnotes(text: str, pending: dict[str, Span]) -> tuple[str, list[tuple[str, str]]]:
    """Remove the bodies `[key: …]` of pending footnotes from a line: (the line, [(key, body)]).
    A key's body is its first `[key: ` (else `[key:`) whose bracket closes; a body inside
    another stays in it. Linear in the line, however many calls and brackets it holds."""
    first: dict[str, int] = {}
    spaced: dict[str, int] = {}
    for m in _BODY_START.finditer(text):
        if m[1] in pending:
            first.setdefault(m[1], m.start())
            if m[2]:
                spaced.setdefault(m[1], m.start())
    starts = first | spaced
    if not starts:
        return text, []
    closes = _brackets(text)
    kept: list[str] = []
    bodies: list[tuple[str, str]] = []
    at = 0
    for start, key in sorted((start, key) for key, start in starts.items()):
        end = closes.get(start)
        if end is None or start < at:
            continue
        kept.append(text[at:start])
        bodies.append((key, text[start + len(key) + 2 : end]))
        at = end + 1
    return "".join(kept) + text[at:], bodies


def clean_lines(path: str, source: str, diagnostics: Diagnostics) -> tuple[list[Line], list[Footnote]]:
    lines: list[Line] = []
    footnotes: list[Footnote] = []
    displayed: dict[str, str] = {}
    pending: dict[str, Span] = {}
    source = strip_private(source)
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
        text, bodies = _cut_footnotes(text, pending)
        for key, body in bodies:
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
    after: dict[str, set[str]] = {}  # the digits printed after each call of a key
    for line in lines:
        if REF_OPEN in line.text:
            for m in _CALL.finditer(line.text):
                after.setdefault(m[1], set()).add(m[2])
    shown = {key for key, number in displayed.items() if any(d.startswith(number) for d in after.get(key, ()))}

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


def strip_private(source: str) -> str:
    """Source text without the private-use characters the readers use as brackets."""
    for c in REF_OPEN + REF_CLOSE + MARKERS:
        if c in source:
            source = source.replace(c, "")
    return source


def inlines(text: str) -> tuple[Inline, ...]:
    """Split cleaned text into plain strings, footnote references, citations and tracked changes."""
    if has_marks(text):
        return _tracked_inlines(text)
    if REF_OPEN not in text:
        return find_citations(text)
    parts: list[Inline] = []
    for i, piece in enumerate(REF.split(text)):
        if i % 2:
            parts.append(FootnoteRef(piece))
        elif piece:
            parts.extend(find_citations(piece))
    return tuple(parts)


def plain(text: str) -> str:
    """Cleaned text without its footnote references, for matching."""
    return REF.sub("", text) if REF_OPEN in text else text


def _tracked_inlines(marked: str) -> tuple[Inline, ...]:
    """Inlines of a line with tracked changes. Citations are found in the proposed text, so
    `Resolution 30 (Rev. [Buenos Aires→Dubai], …)` cites the revision proposed; the changes that
    fall inside a citation become its printed pieces."""
    out: list[Inline] = []
    run: list[tuple[str, str]] = []
    for op, text in pieces(marked):
        for i, part in enumerate(REF.split(text)):
            if i % 2:
                out.extend(_citing(run))
                run = []
                out.append(FootnoteRef(part, op))
            elif part:
                run.append((op, part))
    out.extend(_citing(run))
    return tuple(out)


def _citing(run: list[tuple[str, str]]) -> list[Inline]:
    """Pieces of one stretch of text between footnote references → inlines."""
    if not run:
        return []
    proposed = "".join(text for op, text in run if op != "del")
    found = find_citations(proposed) if proposed else ("",)
    starts, at = [], 0  # the found pieces lie end to end: each starts where the last ended
    for piece in found:
        starts.append(at)
        at += len(piece if isinstance(piece, str) else piece.text)  # type: ignore[union-attr]
    ends = starts[1:] + [at]
    owned: list[list[tuple[str, str]]] = [[] for _ in found]

    def owner(position: int) -> int:
        """The found piece a deletion at this position of the proposed text belongs to: the one
        it stands inside, else a plain string it ends or starts."""
        k = bisect_right(starts, position) - 1
        if k >= 0 and starts[k] < position < ends[k]:
            return k
        ending = bisect_left(ends, position)
        if ending < len(found) and ends[ending] == position and isinstance(found[ending], str):
            return ending
        starting = bisect_left(starts, position)
        return starting if starting < len(found) and starts[starting] == position else len(found) - 1

    at = 0
    for op, text in run:
        if op == "del":
            owned[owner(at)].append((op, text))
            continue
        k = max(bisect_right(starts, at) - 1, 0)
        while k < len(found) and starts[k] < at + len(text):
            lo, hi = max(starts[k], at), min(ends[k], at + len(text))
            if lo < hi:
                owned[k].append((op, text[lo - at : hi - at]))
            k += 1
        at += len(text)
    out: list[Inline] = []
    for piece, parts in zip(found, owned):
        if isinstance(piece, Citation):
            changed = any(op for op, _ in parts)
            out.append(replace(piece, printed=tuple(parts)) if changed else piece)
        else:
            out.extend(text if not op else Change(op, text) for op, text in parts)  # type: ignore[arg-type]
    return out
