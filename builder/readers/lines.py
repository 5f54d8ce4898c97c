"""Word artefacts out, footnotes apart: a source file becomes clean numbered lines.

Bookmarks (`[bookmark: _Toc…]`) are dropped. `[footnoteRef:K]N` becomes a reference
marker in the text and the matching `[K: N<TAB>text]` later on the line (or a later line)
becomes a `Footnote`; a key whose text is given twice gets a second footnote (`K-2`).
Image placeholders (`[image: ]`) are dropped with a diagnostic, since the export carries no
image. No-break spaces and hyphens are kept. Only `\n`, `\r\n` and `\r` end a line; the
private-use characters the readers mark with are replaced and reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostics, quote
from ..ir import Change, Citation, Footnote, FootnoteRef, Inline, Span, plain_text
from .citations import find_bare_provisions, find_citations, titled
from .markers import PRIVATE, REF_CLOSE, REF_OPEN
from .tracked import has_marks, pieces

_BOOKMARK = re.compile(r"\[bookmark: [^\[\]]*\]")
_IMAGE = re.compile(r"\[image: [^\[\]]*\]")
"""Neither runs past the next `[`: a line of `[bookmark: ` repeated is read in linear time."""
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\]")
_EVENT = re.compile(r"\[footnoteRef:(\d+)\]|\[(\d+):( ?)")
"""A footnote call (its key), or what may start a footnote's text (its key, and a space or not)."""
_BRACKET = re.compile(r"[\[\]]")
_DISPLAYED_NUMBER = re.compile(r"^\s*(\d+)(?=\s|$)")
REF = re.compile(f"{REF_OPEN}([^{REF_CLOSE}]+){REF_CLOSE}")
"""A footnote call: its key between the brackets."""
_CALL = re.compile(f"{REF.pattern}(\\d*)")
"""A footnote call with the number Word prints after it."""
_PRIVATE = re.compile(f"[{PRIVATE}]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INLINE_BREAK = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


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


def _nth(key: str, n: int) -> str:
    """The key of a footnote's n-th text: `3`, then `3-2`, `3-3` where an export reuses the key
    (a text export's keys are digits, so these are no other footnote's)."""
    return key if n == 1 else f"{key}-{n}"


@dataclass
class _Notes:
    """A text export's footnotes as its lines are read. A call links to the next text of its
    key (on its line or a later one); a call after the last text of its key, to that text."""

    diagnostics: Diagnostics
    footnotes: list[Footnote] = field(default_factory=list)
    texts: dict[str, list[Span]] = field(default_factory=dict)
    """Each key's texts so far, by line."""
    waiting: dict[str, Span] = field(default_factory=dict)
    """Keys called since their last text, with the first such call."""
    displayed: dict[str, str] = field(default_factory=dict)
    """The number Word prints at the start of a footnote's text, by footnote key."""

    def call(self, key: str, span: Span) -> str:
        """The footnote key of a call: its key's next text."""
        self.waiting.setdefault(key, span)
        return _nth(key, len(self.texts.get(key, ())) + 1)

    def add(self, key: str, body: str, span: Span) -> None:
        spans = self.texts.setdefault(key, [])
        spans.append(span)
        note = _nth(key, len(spans))
        if len(spans) > 1:
            self.diagnostics.warning(
                "footnote-duplicate", span,
                f"a second text of footnote {key} (the first is on line {spans[0].line}): “{quote(_DISPLAYED_NUMBER.sub('', body))}”. Both "
                f"are kept: the calls after the first text link to this one, shown as a footnote of its own. "
                "Give each footnote its own number in the document",
            )
        if m := _DISPLAYED_NUMBER.match(body):
            self.displayed[note] = m[1]
        self.footnotes.append(Footnote(note, (_FOOTNOTE_REF.sub(_marked_call, body),), span))
        self.waiting.pop(key, None)

    def finish(self) -> dict[str, str]:
        """Each call's final key, where it differs from the one given: a call after the last text of
        its key links to that text; a call of a key with no text at all is dropped (``)."""
        final: dict[str, str] = {}
        for key, span in self.waiting.items():
            if spans := self.texts.get(key):
                final[_nth(key, len(spans) + 1)] = _nth(key, len(spans))
                self.diagnostics.warning(
                    "footnote-called-again", span,
                    f"footnote {key} is called after its text (line {spans[-1].line}) and no text follows; the call "
                    "links to that text. Word calls each footnote once: check for a duplicated line",
                )
            else:
                final[key] = ""
                self.diagnostics.warning(
                    "footnote-missing", span,
                    f"footnote {key} is referenced but its text [{key}: …] was not found; the reference is dropped. "
                    "Check the export",
                )
        return final


def _marked_call(m: re.Match[str]) -> str:
    return f"{REF_OPEN}{m[1]}{REF_CLOSE}"


def _cut_footnotes(text: str, span: Span, notes: _Notes) -> str:
    """The line with its footnote calls bracketed and the texts `[key: …]` of called footnotes
    cut out into `notes`. A text is a `[key: ` (or `[key:` where no `[key: ` follows) whose
    bracket closes, after a call of its key or on the line of one; a text inside another stays
    in it, calls and all. Linear in the line, however many calls and brackets it holds."""
    events = list(_EVENT.finditer(text))
    called = {m[1] for m in events if m[1]}
    spaced = {m[2]: m.start() for m in events if m[3]}  # each key's last `[key: `
    closes = _brackets(text)
    kept: list[str] = []
    at = 0
    for m in events:
        if m.start() < at:
            continue
        if m[1]:
            kept.append(text[at : m.start()] + f"{REF_OPEN}{notes.call(m[1], span)}{REF_CLOSE}")
            at = m.end()
            continue
        key, end = m[2], closes.get(m.start())
        if end is None or (key not in notes.waiting and key not in called) or (not m[3] and spaced.get(key, -1) > m.start()):
            continue
        kept.append(text[at : m.start()])
        notes.add(key, text[m.end() - len(m[3]) : end], span)
        at = end + 1
    return "".join(kept) + text[at:]


def clean_lines(path: str, source: str, diagnostics: Diagnostics) -> tuple[list[Line], list[Footnote]]:
    lines: list[Line] = []
    notes = _Notes(diagnostics)
    private = _PRIVATE.search(source) is not None
    for number, raw in enumerate(source_lines(source), start=1):
        span = Span(path, number)
        if private:
            raw = _own_marks_replaced(raw, span, diagnostics)
        if "[" not in raw:  # most lines: no artefact, no footnote call, no footnote text
            lines.append(Line(span, raw.strip()))
            continue
        text = _BOOKMARK.sub("", raw)
        if _IMAGE.search(text):
            text = _IMAGE.sub("", text)
            diagnostics.info("image-omitted", span, "an image placeholder was dropped: the text export carries no image")
        lines.append(Line(span, _cut_footnotes(text, span, notes).strip()))
    final = notes.finish()
    return _drop_displayed_numbers(lines, notes.footnotes, notes.displayed, final)


def _drop_displayed_numbers(
    lines: list[Line], footnotes: list[Footnote], displayed: dict[str, str], final: dict[str, str]
) -> tuple[list[Line], list[Footnote]]:
    """Word prints a footnote's number after the call (`[footnoteRef:6]1`) and before its text
    (`[6: 1<TAB>…]`). Drop it in both places, but only where it is the same number in both:
    a footnote text may well start with a number of its own. `final`: the calls' keys that
    change (`_Notes.finish`)."""
    after: dict[str, set[str]] = {}  # the digits printed after each call of a key
    for line in lines:
        if REF_OPEN in line.text:
            for m in _CALL.finditer(line.text):
                after.setdefault(final.get(m[1], m[1]), set()).add(m[2])
    shown = {key for key, number in displayed.items() if any(d.startswith(number) for d in after.get(key, ()))}

    def fix(m: re.Match[str]) -> str:
        key = final.get(m[1], m[1])
        if not key:
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


def source_lines(source: str) -> list[str]:
    """A source's lines as its editor counts them, so that diagnostics name the right line: only
    `\\n`, `\\r\\n` and `\\r` end one. A form feed (Word's page break), a vertical tab, U+001C–U+001E,
    U+0085, U+2028 and U+2029, which `str.splitlines` also splits on, are spaces inside the line."""
    lines = _LINE_BREAK.split(_INLINE_BREAK.sub(" ", source))
    if lines[-1] == "":
        lines.pop()
    return lines


def replace_private(text: str) -> tuple[str, int]:
    """`text` with each private-use character the readers bracket footnote calls and tracked
    changes with (builder/readers/markers.py PRIVATE) as U+FFFD, and how many: no source can
    forge a call or a change."""
    return _PRIVATE.subn("\ufffd", text)


def _own_marks_replaced(raw: str, span: Span, diagnostics: Diagnostics) -> str:
    """A text export's line with the readers' own marks replaced, reported."""
    text, count = replace_private(raw)
    report_private(count, span, diagnostics)
    return text


def report_private(count: int, span: Span, diagnostics: Diagnostics) -> None:
    """Say that `count` of the readers' own marks were found in a line (a paragraph) and replaced."""
    if count:
        diagnostics.warning(
            "private-character", span,
            f"{count} private-use character{'s' if count > 1 else ''} (U+E000 to U+E004), which the builder uses to mark "
            "footnote calls and tracked changes, shown as \ufffd. Remove them from the document",
        )


def inlines(text: str) -> tuple[Inline, ...]:
    """Split cleaned text into plain strings, footnote references, citations (with the titles
    the words after them give, and the provisions named without their instrument) and tracked
    changes."""
    pieces = _inlines(text)
    if any(isinstance(piece, Citation) for piece in pieces):
        pieces = titled(pieces)
    out: list[Inline] = []
    for piece in pieces:
        out.extend(find_bare_provisions(piece) if isinstance(piece, str) else (piece,))
    return pieces if len(out) == len(pieces) else tuple(out)


def _inlines(text: str) -> tuple[Inline, ...]:
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
