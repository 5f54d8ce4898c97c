"""Read a Word document (.docx) into the same lines as a text export, with its tracked changes
marked exactly (builder.readers.tracked) instead of flattened.

The package is opened by `word_package` (python-docx's package reader, behind the checks a
stranger's zip needs); the parts are parsed and walked with lxml, since python-docx does not
expose tracked changes. (`docx.Document` would also parse every other part into its element
classes: a fixed 3 ms a file that the builder does not need.)

One paragraph is one line, as in a text export; a table row is one line of tab-separated cells
(a merged cell is followed by empty ones, a nested table's cells join its cell's text); a text
box's paragraphs follow the paragraph it is anchored in (in a table cell or a note, they join
its text). A diagnostic's "line" is the paragraph's number in the body. Content controls
(`w:sdt`), custom XML and smart tags are read through wherever they are (around paragraphs,
rows, cells or runs); of `mc:AlternateContent`, the first `mc:Choice` is read, else the
`mc:Fallback`: one branch always, as Word reads the first it understands, and the branches
hold the same text twice (a text box in DrawingML and again in VML).

Numbered paragraphs (`w:numPr`, directly or through their style) start with the label Word
shows and a tab, as in a text export, computed from the numbering part (`word_numbering`:
`a)`, `1.1`, `(iv)`, bullets; as proposed and as it was, so a renumbering reads as a typed one
does; `numbering-read`, and hostile definitions bounded and reported).
Kept: text, tabs, no-break hyphens, footnote and endnote calls, the displayed text of fields
(nested ones too), the base text of ruby, symbols (the Symbol font through its table, `symbol_font`; other fonts by their code), equations (as plain text),
`w:ins`/`w:del`, and moved text (`w:moveTo`/`w:moveFrom`: an insertion and a deletion).
Reported as they are read: symbols (`symbol-read`), equations (`equation-as-text`), text boxes
(`text-box`), overlapping changes (`change-nested`), deleted paragraph marks
(`paragraph-mark-deleted`), two notes with one number (`footnote-duplicate`: their texts are
joined), a call of a note that does not exist (`footnote-missing`).
Replaced and reported: a symbol whose code is no character, a control character, half of a
UTF-16 pair or one of the readers' private marks, by U+FFFD (`symbol-invalid`); a cell's
column span that is no positive number (`table-span-invalid`) or more than a table's columns
(`table-too-wide`), by 1. Left out and reported: pictures (`image-omitted`), hidden text
(`w:vanish`, also inside a deletion: hidden in both views; `hidden-text`), ruby text over its
base (`ruby-omitted`), content embedded from another file (`altchunk-omitted`), a note called
nowhere (`footnote-unused`), a notes part that is not XML (`docx-damaged`: the body is read).
Left out: bookmarks, comments, field instructions, proofing marks, a paragraph's or a row's
properties (`w:gridBefore`/`w:gridAfter` too). The private-use characters the readers mark
with never come from the document (`replace_private`: U+FFFD, reported in text). From the core properties, the
document's own date (`_provenance`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree

from ..diagnostics import Diagnostics, quote
from ..ir import Footnote, Provenance, Span
from .lines import REF, Line, inlines, plain, replace_private, report_private
from .markers import PRIVATE, REF_CLOSE, REF_OPEN
from .sections import MAX_COLUMNS
from .symbol_font import symbol_character
from .tracked import accept, has_marks, mark, reject
from .word_numbering import Numbering
from .word_package import Refused, check_package, parse, read_parts, refusal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHANGE = {f"{W}ins": "ins", f"{W}moveTo": "ins", f"{W}del": "del", f"{W}moveFrom": "del"}
_THROUGH = {f"{W}{t}" for t in ("sdt", "sdtContent", "customXml", "smartTag")}
"""Containers read through at every level: content controls, custom XML, smart tags."""
_INSIDE = _THROUGH | {f"{W}{t}" for t in ("hyperlink", "fldSimple", "dir", "bdo")}
_ALTERNATE = f"{MC}AlternateContent"
_DRAWINGS = {f"{W}drawing", f"{W}pict", f"{W}object"}
_BLOCKS = {f"{W}p", f"{W}tbl", f"{W}altChunk"}
ENDNOTE = "e"
"""Endnote keys are `e` and Word's id, apart from the footnotes' ids."""


def _branch(alternate: etree._Element) -> list[etree._Element]:
    """The branch of `mc:AlternateContent` that is read: the first `mc:Choice`, else the `mc:Fallback`."""
    return alternate.findall(f"{MC}Choice")[:1] or alternate.findall(f"{MC}Fallback")[:1]


def _through(element: etree._Element, tags: set[str]) -> Iterator[etree._Element]:
    """The children of `element` with one of `tags`, read through containers at any depth."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _THROUGH:
            yield from _through(child, tags)
        elif child.tag == _ALTERNATE:
            for branch in _branch(child):
                yield from _through(branch, tags)


@dataclass
class _Paragraph:
    """What one paragraph gives: its pieces (op, text) and what was met on the way."""

    pieces: list[tuple[str, str]] = field(default_factory=list)
    images: int = 0
    nested: bool = False
    """An insertion inside a deletion (or the reverse): shown as deleted."""
    fields: list[bool] = field(default_factory=list)
    """For each field open in the paragraph, whether its instruction is being read."""
    instructions: int = 0
    """How many of them are: a count, so that each run's check costs the same however many are open."""
    boxes: list[etree._Element] = field(default_factory=list)
    """Text boxes anchored in the paragraph (`w:txbxContent`): read as paragraphs after it."""
    equations: int = 0
    symbols: list[tuple[str, str | None, bool]] = field(default_factory=list)
    """Each symbol as it reads (font, code, character), what is wrong with it, if anything, and
    whether its font's table gave it."""
    hiding: bool = False
    """Whether the run being read is hidden (`w:vanish`): its text goes to `hidden`."""
    hidden: list[str] = field(default_factory=list)
    ruby: list[str] = field(default_factory=list)
    """Ruby text (`w:rt`) over the base text kept."""
    private: int = 0
    """The readers' own private-use marks found in the text, each replaced by U+FFFD."""

    def add(self, op: str, text: str) -> None:
        if not text:
            return
        if self.hiding:
            self.hidden.append(text)
        elif self.pieces and self.pieces[-1][0] == op:
            self.pieces[-1] = (op, self.pieces[-1][1] + text)
        else:
            self.pieces.append((op, text))

    def marked(self) -> str:
        pieces = list(self.pieces)
        if pieces:  # trim the paragraph's ends, as the text export's lines are trimmed
            pieces[0] = (pieces[0][0], pieces[0][1].lstrip())
            pieces[-1] = (pieces[-1][0], pieces[-1][1].rstrip())
        return "".join(mark(op, text) for op, text in pieces)


def _walk(element: etree._Element, op: str, out: _Paragraph) -> None:
    for child in element:
        tag = child.tag
        if tag in _CHANGE:
            inner = _CHANGE[tag]
            if op and inner != op:
                out.nested = True
            _walk(child, "del" if op == "del" or inner == "del" else "ins", out)
        elif tag == f"{W}r":
            _run(child, op, out)
        elif tag in _INSIDE:
            _walk(child, op, out)
        elif tag == _ALTERNATE:
            for branch in _branch(child):
                _walk(branch, op, out)
        elif tag in (f"{M}oMath", f"{M}oMathPara"):
            out.equations += 1
            _text(op, "".join(t.text or "" for t in child.iter(f"{M}t")), out)


def _boxes(element: etree._Element) -> Iterator[etree._Element]:
    """The text boxes of a drawing, in the branch of each `mc:AlternateContent` that is read
    (Word writes one box twice, in DrawingML and in VML), not those inside another box."""
    for child in element:
        if child.tag == f"{W}txbxContent":
            yield child
        elif child.tag == _ALTERNATE:
            for branch in _branch(child):
                yield from _boxes(branch)
        else:
            yield from _boxes(child)


def _drawing(element: etree._Element, out: _Paragraph) -> None:
    """A picture, or text boxes whose text is kept (set aside, in a hidden run)."""
    boxes = list(_boxes(element))
    if out.hiding:
        out.hidden += [" ".join(t.text or "" for t in box.iter(f"{W}t")) for box in boxes]
    elif boxes:
        out.boxes += boxes
    else:
        out.images += 1


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("false", "0", "off")


def _run(run: etree._Element, op: str, out: _Paragraph) -> None:
    """A run's content; a hidden run's text is set aside (its fields are still followed)."""
    hiding, out.hiding = out.hiding, out.hiding or _hidden(run)
    for child in run:
        _content(child, op, out)
    out.hiding = hiding


def _field(kind: str | None, out: _Paragraph) -> None:
    if kind == "begin":
        out.fields.append(True)
        out.instructions += 1
    elif kind == "separate" and out.fields and out.fields[-1]:
        out.fields[-1] = False
        out.instructions -= 1
    elif kind == "end" and out.fields:
        out.instructions -= out.fields.pop()


def _content(child: etree._Element, op: str, out: _Paragraph) -> None:
    tag = child.tag
    if tag == f"{W}fldChar":
        _field(child.get(f"{W}fldCharType"), out)
    elif out.instructions:
        return  # a field's instruction (`PAGEREF _Toc… \h`), and fields inside it: its displayed text follows
    elif tag in (f"{W}t", f"{W}delText"):
        _text(op, child.text or "", out)
    elif tag in (f"{W}tab", f"{W}ptab"):
        out.add(op, "\t")
    elif tag == f"{W}sym":
        font = child.get(f"{W}font", "")
        char, problem, mapped = _symbol(child.get(f"{W}char", ""), font)
        if not out.hiding:
            out.symbols.append((f"{font} {child.get(f'{W}char')!r} as “{char}”", problem, mapped))
        out.add(op, char)
    elif tag in (f"{W}br", f"{W}cr"):
        out.add(op, " ")
    elif tag == f"{W}noBreakHyphen":
        out.add(op, "\u2011")
    elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
        prefix = ENDNOTE if tag == f"{W}endnoteReference" else ""
        out.add(op, f"{REF_OPEN}{prefix}{_key(child.get(f'{W}id'))}{REF_CLOSE}")
    elif tag in _DRAWINGS:
        _drawing(child, out)
    elif tag == _ALTERNATE:
        for branch in _branch(child):
            _run(branch, op, out)
    elif tag == f"{W}ruby":
        for base in child.findall(f"{W}rubyBase"):
            _walk(base, op, out)
        out.ruby += ["".join(t.text or "" for t in rt.iter(f"{W}t")) for rt in child.findall(f"{W}rt")]


def _symbol(code: str, font: str) -> tuple[str, str | None, bool]:
    """The character a `w:sym` stands for, for U+FFFD in its place why it cannot be shown, and
    whether it was read through its font's table. The Symbol font's codes go through its table
    (`symbol_font`: F0E3 is ©, F061 α); other fonts' codes from F000 are taken as their
    characters from 0 (Wingdings' F0FC is ü, where Word shows a tick), and reported as such."""
    try:
        number = int(code, 16) if len(code) <= 8 else -1
        if (char := symbol_character(font, number)) is not None:
            return char, None, True
        char = chr(number - 0xF000 if number >= 0xF000 else number)
    except (ValueError, OverflowError):
        return "\ufffd", "is no character code", False
    if char in PRIVATE:
        return "\ufffd", "is one of the characters the reader marks changes and footnote calls with, never text", False
    kind = unicodedata.category(char)
    if kind in ("Cc", "Cs"):
        return "\ufffd", "is a control character" if kind == "Cc" else "is half of a UTF-16 pair, not a character", False
    return char, None, False


def _text(op: str, text: str, out: _Paragraph) -> None:
    """Text as the document holds it, with any of the readers' own marks replaced (and counted)."""
    text, private = replace_private(text)
    out.private += private
    out.add(op, text)


def _key(note_id: str | None) -> str:
    """A note's id as a footnote key: never empty, never holding a private mark (an id is no
    text: marks in it are dropped)."""
    return "".join(c for c in note_id or "" if c not in PRIVATE).strip() or "?"


def _paragraph(p: etree._Element, labels: tuple[tuple[str, bool] | None, tuple[str, bool] | None] = (None, None)) -> _Paragraph:
    """A paragraph's pieces, after the label Word's numbering gives it (`word_numbering`), if any."""
    out = _Paragraph()
    _label(labels, out)
    _walk(p, "", out)
    return out


def _label(labels: tuple[tuple[str, bool] | None, tuple[str, bool] | None], out: _Paragraph) -> None:
    """A numbered paragraph's label and a tab, as a text export writes it, marked as a typed label
    would be: as proposed and as it was (a renumbering: the old deleted, the new inserted; a
    label only as proposed, inserted; only as it was, deleted). A hidden label is left out."""
    new, old = labels
    out.hidden += [label for label, hidden in {x for x in labels if x is not None} if hidden]
    shown_new = new[0] if new is not None and not new[1] else None
    shown_old = old[0] if old is not None and not old[1] else None
    if shown_new == shown_old:
        if shown_new:
            _text("", shown_new + "\t", out)
    elif shown_new and shown_old:
        _text("del", shown_old, out)
        _text("ins", shown_new, out)
        _text("", "\t", out)
    else:
        _text("ins" if shown_new else "del", (shown_new or shown_old or "") + "\t", out)


def _style(p: etree._Element) -> str | None:
    """The paragraph's style id. Word derives it from the style's name (`Call`, `ResNo`,
    `enumlev1` in ITU's templates), so the styles part need not be read (it is most of a small
    document's bytes)."""
    style = p.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def _quote(marked: str) -> str:
    """Text as a diagnostic quotes it: as proposed, without marks, shortened."""
    return quote(plain(accept(marked)))


class _Reader:
    def __init__(self, path: str, diagnostics: Diagnostics, parts: dict[str, tuple[str, bytes]] | None = None) -> None:
        self.path, self.diagnostics = path, diagnostics
        self.lines: list[Line] = []
        self.number = 0
        self.span = Span(path, 1)
        """The paragraph being read: where the numbering's diagnostics go."""
        self.numbering = Numbering(parts or {}, lambda severity, code, message: getattr(diagnostics, severity)(code, self.span, message))
        self.damaged: set[str] = set()
        """The notes parts that are not XML: calls of their notes are not reported one by one."""

    def read(self, p: etree._Element, span: Span) -> _Paragraph:
        """A paragraph's pieces, its numbering's label first."""
        self.span = span
        return _paragraph(p, self.numbering.labels(p, f"paragraph {span.line}"))

    def block(self, element: etree._Element) -> None:
        if element.tag == f"{W}p":
            self.paragraph(element)
        elif element.tag == f"{W}tbl":
            for row in _through(element, {f"{W}tr"}):
                self.row(row)
        else:
            self._alt_chunk(Span(self.path, max(self.number, 1)))

    def _alt_chunk(self, span: Span) -> None:
        self.diagnostics.warning(
            "altchunk-omitted", span,
            "content embedded from another file (`w:altChunk`) is not read; paste it into the document in Word")

    def _report(self, found: _Paragraph, span: Span) -> None:
        if found.images:
            self.diagnostics.info("image-omitted", span, "an image was dropped: the site shows text only")
        if found.equations:
            self.diagnostics.info("equation-as-text", span, "an equation is shown as plain text; check it against the document")
        for symbol, problem, mapped in found.symbols:
            if problem:
                self.diagnostics.warning("symbol-invalid", span, f"a symbol character (font {symbol}) {problem}; check the document")
            elif mapped:
                self.diagnostics.info("symbol-read", span, f"a symbol character (font {symbol}) was read through the font's table")
            else:
                self.diagnostics.info("symbol-read", span, f"a symbol character (font {symbol}) was read by its code; check it")
        report_private(found.private, span, self.diagnostics)
        if found.hidden:
            self.diagnostics.info("hidden-text", span, f"hidden text “{_quote(''.join(found.hidden))}” is left out, as Word prints it")
        if found.ruby:
            self.diagnostics.info("ruby-omitted", span, f"ruby text “{_quote(' '.join(found.ruby))}” is left out; the text under it is kept")
        if found.nested:
            self.diagnostics.warning(
                "change-nested", span,
                "a tracked insertion and deletion overlap here (text inserted, then deleted); it is shown as "
                "deleted. Accept or reject the inner change in Word to make the intent explicit",
            )

    def paragraph(self, p: etree._Element) -> None:
        self.number += 1
        span = Span(self.path, self.number)
        found = self.read(p, span)
        self._report(found, span)
        marked = found.marked()
        mark_deleted = p.find(f"{W}pPr/{W}rPr/{W}del") is not None or p.find(f"{W}pPr/{W}rPr/{W}moveFrom") is not None
        if mark_deleted and accept(marked).strip() and p.getnext() is not None:
            self.diagnostics.warning(
                "paragraph-mark-deleted", span,
                "the paragraph mark is deleted: as proposed, this paragraph runs on into the next one. "
                "Both are shown as separate paragraphs; accept or reject the change in Word to be exact",
            )
        self.lines.append(_line(span, marked, _style(p)))
        if found.boxes:
            self.diagnostics.info("text-box", span, "a text box is read as paragraphs after the one it is anchored in")
        for box in found.boxes:
            for child in _through(box, _BLOCKS):
                self.block(child)

    def row(self, tr: etree._Element) -> None:
        self.number += 1
        span = Span(self.path, self.number)
        cells: list[str] = []
        for tc in _through(tr, {f"{W}tc"}):
            cells.append(self.inline(tc, span).replace("\t", " "))
            cells += [""] * (self._columns(tc, span) - 1)
        if any(cells):
            self.lines.append(_line(span, "\t".join(cells), None, row=True))

    def _columns(self, tc: etree._Element, span: Span) -> int:
        """How many grid columns a cell spans (`w:gridSpan`): a count from the file, bounded
        before any cell is made of it; one that is no positive number, or more than a table's
        columns, is reported and read as 1."""
        found = tc.find(f"{W}tcPr/{W}gridSpan")
        value = "1" if found is None else (found.get(f"{W}val") or "").strip().lstrip("+")
        digits = value.lstrip("0")
        if not (value.isascii() and value.isdigit() and digits):
            self.diagnostics.warning(
                "table-span-invalid", span,
                f"a table cell's column span {value[:20]!r} is not a positive number; it is read as one column. Check the table")
            return 1
        if len(digits) > 2 or int(digits) > MAX_COLUMNS:
            self.diagnostics.warning(
                "table-too-wide", span,
                f"a table cell spans {digits[:12]}{'…' if len(digits) > 12 else ''} columns, where Word's tables have at most "
                f"{MAX_COLUMNS}; it is read as one column. Check the table")
            return 1
        return int(digits)

    def inline(self, container: etree._Element, span: Span) -> str:
        """A cell's or a note's text on one line: its paragraphs, the text boxes anchored in
        them, and the cells of the tables nested in it, each read once."""
        parts = []
        for child in _through(container, _BLOCKS):
            if child.tag == f"{W}p":
                found = self.read(child, span)
                self._report(found, span)
                parts.append(found.marked())
                if found.boxes:
                    self.diagnostics.info("text-box", span, "a text box is read after the paragraph it is anchored in, on its line")
                parts += [self.inline(box, span) for box in found.boxes]
            elif child.tag == f"{W}tbl":
                parts += [self.inline(tc, span) for tr in _through(child, {f"{W}tr"}) for tc in _through(tr, {f"{W}tc"})]
            else:
                self._alt_chunk(span)
        return " ".join(x for x in parts if x)

    def notes(self, parts: dict[str, tuple[str, bytes]]) -> list[Footnote]:
        """The footnotes and endnotes (shown alike, as footnotes), each with the span of the
        paragraph that first calls it. Two notes with one number are joined; a note called
        nowhere is left out; a call of no note is reported: each with a warning."""
        called: dict[str, Span] = {}
        for line in self.lines:
            for key in REF.findall(line.content):
                called.setdefault(key, line.span)
        texts: dict[str, list[str]] = {}
        parts_of: dict[str, str] = {}
        for reltype, tag, prefix in ((RT.FOOTNOTES, "footnote", ""), (RT.ENDNOTES, "endnote", ENDNOTE)):
            for key, text, name in self._part_notes(parts, reltype, tag, prefix, called):
                texts.setdefault(key, []).append(text)
                parts_of[key] = name
        for key, span in called.items():
            if key not in texts and (RT.ENDNOTES if key.startswith(ENDNOTE) else RT.FOOTNOTES) not in self.damaged:
                self.diagnostics.warning(
                    "footnote-missing", span,
                    f"note {key} is called here but the document has no such note; the call is shown unlinked. Check the document")
        return [note for key, found in texts.items() if (note := self._note(key, found, called, parts_of[key]))]

    def _part_notes(self, parts: dict[str, tuple[str, bytes]], reltype: str, tag: str, prefix: str,
                    called: dict[str, Span]) -> Iterator[tuple[str, str, str]]:
        """(key, text, part name) of each note of a notes part, separators aside."""
        if reltype not in parts:
            return
        name, blob = parts[reltype]
        try:
            root = parse(blob)
        except etree.XMLSyntaxError as e:
            self.damaged.add(reltype)
            self.diagnostics.warning(
                "docx-damaged", Span(self.path, 1),
                f"the part {name!r} is not well-formed XML ({e}); its notes are left out and their calls shown unlinked. "
                "Save the document again in Word")
            return
        for n, note in enumerate(root.iter(f"{W}{tag}"), start=1):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            key = prefix + _key(note.get(f"{W}id", str(n)))
            yield key, self.inline(note, called.get(key, Span(self.path, 1))), name

    def _note(self, key: str, texts: list[str], called: dict[str, Span], part: str) -> Footnote | None:
        text = " ".join(t for t in texts if t)
        if key not in called:
            self.diagnostics.warning(
                "footnote-unused", Span(self.path, 1),
                f"note {key} of {part!r} is called nowhere in the document, so its text “{_quote(text)}” is on no page; "
                "call it or delete it in Word")
            return None
        if len(texts) > 1:
            self.diagnostics.warning(
                "footnote-duplicate", called[key],
                f"the document has {len(texts)} notes numbered {key} (Word never writes two); their texts are joined "
                "into the one note. Renumber them in Word")
        return Footnote(key, inlines(text), called[key])


def _line(span: Span, marked: str, style: str | None, row: bool = False) -> Line:
    if not has_marks(marked):
        return Line(span, marked, None, style, row)
    proposed = accept(marked).strip()
    return Line(span, proposed or reject(marked).strip(), marked, style, row)


def read_word(path: str, data: bytes, diagnostics: Diagnostics) -> tuple[list[Line], list[Footnote], Provenance] | None:
    """The lines, footnotes and provenance of a .docx, or None (with an error) when it cannot be read."""
    try:
        if problem := refusal(data):
            raise Refused(*problem)
        check_package(data, path, diagnostics)
        parts = read_parts(data)
        body = _body(*parts[RT.OFFICE_DOCUMENT])
    except Refused as e:
        diagnostics.error(e.code, Span(path, 1), e.message)
        return None
    reader = _Reader(path, diagnostics, parts)
    for element in _through(body, _BLOCKS):
        reader.block(element)
    core = parts.get(RT.CORE_PROPERTIES)
    return reader.lines, reader.notes(parts), _provenance(core[1] if core else None)


def _body(name: str, blob: bytes) -> etree._Element:
    try:
        body = parse(blob).find(f"{W}body")
    except etree.XMLSyntaxError as e:
        raise Refused("docx-damaged", f"the part {name!r} is not well-formed XML ({e}); save the document again in Word") from e
    if body is None:
        raise Refused("docx-not-word", f"the file is a zip archive but not a Word document ({name!r} has no body); save it as .docx")
    return body


def _provenance(core: bytes | None) -> Provenance:
    """A Word document with its own date: last modified, else created, as its core properties
    record them (python-docx's `core_properties`); a date that cannot be read is no date. Who
    last modified it is personal data, and no reader's business: it is not kept."""
    try:
        props = parse_xml(core) if core else None
    except etree.XMLSyntaxError:
        props = None
    for dated in ("modified", "created"):
        try:
            when = getattr(props, f"{dated}_datetime", None)
        except (ValueError, TypeError):  # an empty date element
            when = None
        if when is not None:
            return Provenance("word", when.date().isoformat(), dated)
    return Provenance("word")
