"""Read a Word document (.docx) into the same lines as a text export, with its tracked changes
marked exactly (builder.readers.tracked) instead of flattened.

python-docx's package reader opens the package (the zip, its content types and relationships,
which part is the document, which its footnotes and endnotes); the parts are parsed and walked
with lxml, since python-docx does not expose tracked changes. (`docx.Document` would also parse
every other part into its element classes: a fixed 3 ms a file that the builder does not need.)

One paragraph is one line, as in a text export; a table row is one line of tab-separated cells
(a merged cell is followed by empty ones, a nested table's cells join its cell's text); a text
box's paragraphs follow the paragraph it is anchored in. A diagnostic's "line" is the paragraph's
number in the body. Kept: text, tabs, no-break hyphens, footnote and endnote calls, the displayed
text of fields (nested ones too), symbols (by their code, reported), equations (as plain text,
reported), `w:ins`/`w:del`, and moved text (`w:moveTo`/`w:moveFrom`: an insertion and a
deletion). Dropped: bookmarks, comments, field instructions, proofing marks; pictures with an
info diagnostic. From the core properties, the document's own date (`_provenance`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.pkgreader import PackageReader
from docx.oxml import parse_xml
from lxml import etree

from ..diagnostics import Diagnostics
from ..ir import Footnote, Provenance, Span
from .lines import REF, REF_CLOSE, REF_OPEN, Line, inlines, strip_private
from .tracked import accept, has_marks, mark, reject

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHANGE = {f"{W}ins": "ins", f"{W}moveTo": "ins", f"{W}del": "del", f"{W}moveFrom": "del"}
_INSIDE = {f"{W}{t}" for t in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple", "dir", "bdo")}
_DRAWINGS = {f"{W}drawing", f"{W}pict", f"{W}object", f"{MC}AlternateContent"}
ENDNOTE = "e"
"""Endnote keys are `e` and Word's id, apart from the footnotes' ids."""
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
"""No entity is expanded, no DTD or file or network read (and libxml2 refuses entity
amplification): a second guard, after `_package_refusal` has refused every DOCTYPE."""
MAX_PARTS = 1_000
MAX_UNPACKED = 256_000_000
MAX_RATIO = 500
"""A package is refused before anything is decompressed when it has more members than
MAX_PARTS (Word writes a few dozen), unpacks to more than MAX_UNPACKED bytes in all, or has a
member over a megabyte that unpacks to more than MAX_RATIO times its compressed size (Word's
parts compress 5 to 30 times in the corpus, a document repeating one paragraph a thousand
times about a hundred; a zip bomb's zeros a thousand). Sizes are the ones the zip declares:
Python's zipfile reads no more than a member declares, and fails on its checksum if it held more."""
_DOCTYPE = tuple(mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
"""A package's XML has no DTD (Office Open XML forbids them): any is refused, in any of the
encodings its parts may use."""


def _package_refusal(data: bytes, path: str, diagnostics: Diagnostics) -> tuple[str, str] | None:
    """Why a zip is refused before it is read, as (code, message): too many members, too large
    unpacked, a zip bomb, or XML with a DOCTYPE. Members named outside the package (`../x`, `/x`)
    are reported; they are never written anywhere (nothing of a package is)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return None  # python-docx's reader says what is wrong with it
    members = package.infolist()
    if len(members) > MAX_PARTS:
        return "docx-too-many-parts", (
            f"the package has {len(members):,} members, more than {MAX_PARTS:,}; it is not read. Save the document again in Word")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        return "docx-too-large", (
            f"the package unpacks to {unpacked / 1e6:,.0f} MB, more than {MAX_UNPACKED / 1e6:,.0f} MB; it is not read. "
            "Remove large pictures or embedded files and save it again")
    for m in members:
        if m.file_size > 1_000_000 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            return "docx-zip-bomb", (
                f"the member {m.filename!r} unpacks to {m.file_size / max(m.compress_size, 1):,.0f} times its "
                f"compressed size (more than {MAX_RATIO}): a zip bomb, not a Word document; it is not read")
    outside = [m.filename for m in members if m.filename.startswith(("/", "\\")) or ".." in m.filename.replace("\\", "/").split("/")
               or (len(m.filename) > 1 and m.filename[1] == ":")]
    if outside:
        diagnostics.warning(
            "docx-member-outside", Span(path, 1),
            f"the package names members outside itself ({', '.join(map(repr, outside[:3]))}); they are ignored "
            "(nothing is ever unpacked to disk). Save the document again in Word")
    for m in members:
        if m.filename.endswith((".xml", ".rels")):
            try:
                xml = package.read(m)
            except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError):
                continue  # python-docx's reader reports the damage, if the part is one it reads
            if any(mark in xml for mark in _DOCTYPE):
                return "docx-doctype", (
                    f"the part {m.filename!r} declares a DOCTYPE or entities, which Word never writes "
                    "(they can read files or expand without end); the document is not read. Save it again in Word")
    return None


def refusal(data: bytes) -> tuple[str, str] | None:
    """Why bytes named .docx are not a Word document python-docx can open, as (code, message)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: a .doc, or an encrypted .docx
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "docx-encrypted", "the document is encrypted (password-protected); save it without a password"
        return "doc-binary", "this is an old binary Word document (.doc); open it in Word and save it as .docx"
    if data.lstrip().startswith(b"{\\rtf"):
        return "doc-rtf", "this is an RTF document; open it in Word and save it as .docx"
    if not data.startswith(b"PK"):
        return "docx-not-zip", "the file is not a .docx (not a zip archive); save the document as .docx"
    return None


@dataclass
class _Paragraph:
    """What one paragraph gives: its pieces (op, text) and what was met on the way."""

    pieces: list[tuple[str, str]] = field(default_factory=list)
    images: int = 0
    nested: bool = False
    """An insertion inside a deletion (or the reverse): shown as deleted."""
    in_instruction: list[bool] = field(default_factory=list)
    """For each field open in the paragraph, whether its instruction is being read."""
    boxes: list[etree._Element] = field(default_factory=list)
    """Text boxes anchored in the paragraph (`w:txbxContent`): read as paragraphs after it."""
    equations: int = 0
    symbols: list[str] = field(default_factory=list)

    def add(self, op: str, text: str) -> None:
        if not text:
            return
        if self.pieces and self.pieces[-1][0] == op:
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
        elif tag in (f"{M}oMath", f"{M}oMathPara"):
            out.equations += 1
            out.add(op, "".join(t.text or "" for t in child.iter(f"{M}t")))


def _drawing(element: etree._Element, out: _Paragraph) -> None:
    """A picture, or a text box whose text is kept."""
    boxes = list(element.iter(f"{W}txbxContent"))
    if boxes:
        out.boxes.append(boxes[0])  # Word writes one box twice (DrawingML and VML fallback): one is read
    else:
        out.images += 1


def _run(run: etree._Element, op: str, out: _Paragraph) -> None:
    for child in run:
        tag = child.tag
        if tag == f"{W}fldChar":
            kind = child.get(f"{W}fldCharType")
            if kind == "begin":
                out.in_instruction.append(True)
            elif kind == "separate" and out.in_instruction:
                out.in_instruction[-1] = False
            elif kind == "end" and out.in_instruction:
                out.in_instruction.pop()
        elif any(out.in_instruction):
            continue  # a field's instruction (`PAGEREF _Toc… \h`), and fields inside it: its displayed text follows
        elif tag in (f"{W}t", f"{W}delText"):
            out.add(op, strip_private(child.text or ""))
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.add(op, "\t")
        elif tag == f"{W}sym":
            try:
                code = int(child.get(f"{W}char", "0"), 16)
                char = chr(code - 0xF000 if code >= 0xF000 else code)
            except (ValueError, OverflowError):  # no character code: shown as the replacement character, reported
                char = "\ufffd"
            out.symbols.append(f"{child.get(f'{W}font', '')} {child.get(f'{W}char')} as “{char}”")
            out.add(op, char)
        elif tag in (f"{W}br", f"{W}cr"):
            out.add(op, " ")
        elif tag == f"{W}noBreakHyphen":
            out.add(op, "\u2011")
        elif tag == f"{W}footnoteReference":
            out.add(op, f"{REF_OPEN}{child.get(f'{W}id')}{REF_CLOSE}")
        elif tag == f"{W}endnoteReference":
            out.add(op, f"{REF_OPEN}{ENDNOTE}{child.get(f'{W}id')}{REF_CLOSE}")
        elif tag in _DRAWINGS:
            _drawing(child, out)


def _paragraph(p: etree._Element) -> _Paragraph:
    out = _Paragraph()
    _walk(p, "", out)
    return out


def _style(p: etree._Element) -> str | None:
    """The paragraph's style id. Word derives it from the style's name (`Call`, `ResNo`,
    `enumlev1` in ITU's templates), so the styles part need not be read (it is most of a small
    document's bytes)."""
    style = p.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


class _Reader:
    def __init__(self, path: str, diagnostics: Diagnostics) -> None:
        self.path, self.diagnostics = path, diagnostics
        self.lines: list[Line] = []
        self.number = 0

    def block(self, element: etree._Element) -> None:
        if element.tag == f"{W}p":
            self.paragraph(element)
        elif element.tag == f"{W}tbl":
            for row in element.iterchildren(f"{W}tr"):
                self.row(row)
        elif element.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            for child in element:
                self.block(child)

    def _report(self, found: _Paragraph, span: Span) -> None:
        if found.images:
            self.diagnostics.info("image-omitted", span, "an image was dropped: the site shows text only")
        if found.equations:
            self.diagnostics.info("equation-as-text", span, "an equation is shown as plain text; check it against the document")
        for symbol in found.symbols:
            self.diagnostics.info("symbol-read", span, f"a symbol character (font {symbol}) was read by its code; check it")
        if found.nested:
            self.diagnostics.warning(
                "change-nested", span,
                "a tracked insertion and deletion overlap here (text inserted, then deleted); it is shown as "
                "deleted. Accept or reject the inner change in Word to make the intent explicit",
            )

    def paragraph(self, p: etree._Element) -> None:
        self.number += 1
        span = Span(self.path, self.number)
        found = _paragraph(p)
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
            for child in box:
                self.block(child)

    def row(self, tr: etree._Element) -> None:
        self.number += 1
        span = Span(self.path, self.number)
        cells: list[str] = []
        for tc in tr.iterchildren(f"{W}tc", f"{W}sdt"):
            cell = tc if tc.tag == f"{W}tc" else tc.find(f".//{W}tc")
            if cell is None:
                continue
            cells.append(self._cell(cell, span))
            span_cols = cell.find(f"{W}tcPr/{W}gridSpan")
            cells += [""] * (int(span_cols.get(f"{W}val", "1")) - 1 if span_cols is not None else 0)
        if any(cells):
            self.lines.append(_line(span, "\t".join(cells), None, row=True))


    def _cell(self, tc: etree._Element, span: Span) -> str:
        """A cell's text on one line: its paragraphs, and the cells of a table nested in it."""
        parts = []
        for child in tc:
            if child.tag == f"{W}p":
                found = _paragraph(child)
                self._report(found, span)
                parts.append(found.marked().replace("\t", " "))
            elif child.tag == f"{W}tbl":
                parts += [self._cell(c, span) for r in child.iterchildren(f"{W}tr") for c in r.iterchildren(f"{W}tc")]
        return " ".join(x for x in parts if x)


def _line(span: Span, marked: str, style: str | None, row: bool = False) -> Line:
    if not has_marks(marked):
        return Line(span, marked, None, style, row)
    proposed = accept(marked).strip()
    return Line(span, proposed or reject(marked).strip(), marked, style, row)


def _notes(parts: dict[str, bytes], path: str, lines: list[Line]) -> list[Footnote]:
    """The footnotes and endnotes (shown alike, as footnotes), each with the span of the
    paragraph that calls it."""
    called: dict[str, Span] = {}
    for line in lines:
        for key in REF.findall(line.content):
            called.setdefault(key, line.span)
    notes = []
    for reltype, tag, prefix in ((RT.FOOTNOTES, "footnote", ""), (RT.ENDNOTES, "endnote", ENDNOTE)):
        if reltype not in parts:
            continue
        for n, note in enumerate(etree.fromstring(parts[reltype], _SAFE).iter(f"{W}{tag}"), start=1):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(t for t in (_paragraph(p).marked() for p in note.iter(f"{W}p")) if t)
            key = prefix + note.get(f"{W}id", str(n))
            notes.append(Footnote(key, inlines(text), called.get(key, Span(path, 1))))
    return notes


def read_word(path: str, data: bytes, diagnostics: Diagnostics) -> tuple[list[Line], list[Footnote], Provenance] | None:
    """The lines, footnotes and provenance of a .docx, or None (with an error) when it cannot be read."""
    if problem := refusal(data) or _package_refusal(data, path, diagnostics):
        diagnostics.error(problem[0], Span(path, 1), problem[1])
        return None
    try:
        parts = _parts(data)
        body = etree.fromstring(parts[RT.OFFICE_DOCUMENT], _SAFE).find(f"{W}body")
        if body is None:
            raise ValueError("the document part has no body")
    except zipfile.BadZipFile as e:
        diagnostics.error("docx-damaged", Span(path, 1), f"the package is damaged ({e}); save the document again in Word")
        return None
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as e:
        diagnostics.error(
            "docx-not-word", Span(path, 1),
            f"the file is a zip archive but not a Word document ({e}); save the document as .docx",
        )
        return None
    reader = _Reader(path, diagnostics)
    for element in body:
        reader.block(element)
    return reader.lines, _notes(parts, path, reader.lines), _provenance(parts.get(RT.CORE_PROPERTIES))


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


_DOCUMENT_TYPES = (
    CT.WML_DOCUMENT_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm: read as text; macros never run
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)


def _parts(data: bytes) -> dict[str, bytes]:
    """The document part, the footnotes and endnotes parts it relates to, and the package's core
    properties, by relationship type."""
    package = PackageReader.from_file(io.BytesIO(data))
    main = next((p for p in package.iter_sparts() if p[2] == RT.OFFICE_DOCUMENT), None)
    if main is None or main[1] not in _DOCUMENT_TYPES:
        raise ValueError(f"its main part is {main[1] if main else 'missing'}")
    related = {srel.target_partname: srel.reltype for source, srel in package.iter_srels() if source == main[0] and not srel.is_external}
    found = {RT.OFFICE_DOCUMENT: main[3]}
    for partname, _, reltype, blob in package.iter_sparts():
        if related.get(partname) in (RT.FOOTNOTES, RT.ENDNOTES):
            found[related[partname]] = blob
        elif reltype == RT.CORE_PROPERTIES:
            found[RT.CORE_PROPERTIES] = blob
    return found
