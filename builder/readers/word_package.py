"""Open a Word package (.docx: a zip of XML parts) that a stranger may have made to attack the
reader, and hand back the parts the Word reader reads.

Refused before anything is decompressed: more than MAX_PARTS members, more than MAX_UNPACKED
bytes unpacked, a zip bomb (`docx-too-many-parts`, `docx-too-large`, `docx-zip-bomb`).
Refused before any XML is parsed: a member that cannot be opened (encrypted, compressed with a
method Python has not, a header contradicting the directory: `docx-damaged`, naming it), and a
DOCTYPE or entity declaration in any part parsed as XML, whatever the case of its name and its
encoding (`docx-doctype`). Every error reading the zip or its XML is a `Refused` naming the
part, never an exception out of the reader. Members named outside the package are reported
(`docx-member-outside`); nothing of a package is ever written to disk.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.pkgreader import PackageReader
from lxml import etree

from ..diagnostics import Diagnostics
from ..ir import Span

MAX_PARTS = 1_000
MAX_UNPACKED = 256_000_000
MAX_RATIO = 500
"""A package is refused before anything is decompressed when it has more members than
MAX_PARTS (Word writes a few dozen), unpacks to more than MAX_UNPACKED bytes in all, or has a
member over a megabyte that unpacks to more than MAX_RATIO times its compressed size (Word's
parts compress 5 to 30 times in the corpus, a document repeating one paragraph a thousand
times about a hundred; a zip bomb's zeros a thousand). Sizes are the ones the zip declares:
Python's zipfile reads no more than a member declares, and fails on its checksum if it held more."""
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
"""No entity is expanded, no DTD or file or network read (and libxml2 refuses entity
amplification, and elements nested deeper than 256): a second guard, after every DOCTYPE has
been refused."""
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)
"""What Python's zipfile raises on a member it cannot read: damaged (a checksum, a deflate
stream, a header), encrypted (RuntimeError), or compressed in a way it has not
(NotImplementedError)."""
_DECLARED = re.compile(rb"\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([a-z0-9._:-]{1,40})[\"']")
_ASCII_VISIBLE = re.compile(rb"(utf-?8|us-ascii|ascii|utf-?16.*|utf-?32.*|ucs-?[24].*|iso-10646.*)")
"""Encodings in which `<!DOCTYPE` is its ASCII bytes, NULs aside."""


class Refused(Exception):
    """A package that is not read: the error diagnostic's code and message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


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


def check_package(data: bytes, path: str, diagnostics: Diagnostics) -> None:
    """Raise Refused for a zip that is not to be read (too many members, too large unpacked, a
    zip bomb, a member that cannot be opened, XML with a DOCTYPE). Members named outside the
    package (`../x`, `/x`) are reported; they are never written anywhere (nothing of a package is)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OverflowError):
        return  # python-docx's reader says what is wrong with it
    members = package.infolist()
    _check_sizes(members)
    outside = [m.filename for m in members if m.filename.startswith(("/", "\\")) or ".." in m.filename.replace("\\", "/").split("/")
               or (len(m.filename) > 1 and m.filename[1] == ":")]
    if outside:
        diagnostics.warning(
            "docx-member-outside", Span(path, 1),
            f"the package names members outside itself ({', '.join(map(repr, outside[:3]))}); they are ignored "
            "(nothing is ever unpacked to disk). Save the document again in Word")
    for m in members:
        try:
            with package.open(m) as member:  # its headers checked: nothing decompressed but XML
                if m.filename.lower().endswith((".xml", ".rels")):
                    check_xml(member.read(), m.filename)
        except ZIP_ERRORS as e:
            raise Refused("docx-damaged", f"the member {m.filename!r} cannot be read ({e}); save the document again in Word") from e


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_PARTS:
        raise Refused("docx-too-many-parts", (
            f"the package has {len(members):,} members, more than {MAX_PARTS:,}; it is not read. Save the document again in Word"))
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise Refused("docx-too-large", (
            f"the package unpacks to {unpacked / 1e6:,.0f} MB, more than {MAX_UNPACKED / 1e6:,.0f} MB; it is not read. "
            "Remove large pictures or embedded files and save it again"))
    for m in members:
        if m.file_size > 1_000_000 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise Refused("docx-zip-bomb", (
                f"the member {m.filename!r} unpacks to {m.file_size / max(m.compress_size, 1):,.0f} times its "
                f"compressed size (more than {MAX_RATIO}): a zip bomb, not a Word document; it is not read"))


def check_xml(xml: bytes, name: str) -> None:
    """Refuse XML that declares a DOCTYPE or entities (Office Open XML has none: they are how
    external entities and "billion laughs" work), in any encoding libxml2 would read it in.
    With its NULs removed, UTF-16 and UTF-32 (either byte order, BOM or not) read as ASCII
    where markup is; an encoding named in the declaration is decoded as well (UTF-7 may spell
    `<` as `+ADw-`), and one Python does not know is refused, as it cannot be checked."""
    visible = xml.replace(b"\0", b"").lower()
    declared = _DECLARED.match(visible.lstrip(b"\xef\xbb\xbf\xfe\xff"))
    encoding = declared[1].decode() if declared else "utf-8"
    if not _ASCII_VISIBLE.fullmatch(encoding.encode()):
        try:
            visible += xml.decode(encoding, errors="replace").lower().encode("utf-8", errors="replace")
        except LookupError:
            raise Refused("docx-doctype", (
                f"the part {name!r} is in the encoding {encoding!r}, which Word never writes and which cannot be checked "
                "for a DOCTYPE; the document is not read. Save it again in Word")) from None
    if b"<!doctype" in visible or b"<!entity" in visible:
        raise Refused("docx-doctype", (
            f"the part {name!r} declares a DOCTYPE or entities, which Word never writes "
            "(they can read files or expand without end); the document is not read. Save it again in Word"))


_DOCUMENT_TYPES = (
    CT.WML_DOCUMENT_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm: read as text; macros never run
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)


_RELATED = (RT.FOOTNOTES, RT.ENDNOTES, RT.NUMBERING, RT.STYLES)
"""The parts of the document part that are read: its notes, its numbering definitions (for the
labels of numbered paragraphs) and its styles (read only where a style may carry numbering)."""


def read_parts(data: bytes) -> dict[str, tuple[str, bytes]]:
    """The document part, the footnotes, endnotes, numbering and styles parts it relates to, and
    the package's core properties, by relationship type, as (part name, bytes), each checked
    for a DOCTYPE (the styles part, which only a few documents parse, where it is parsed:
    `check_xml` is 1 ms on a template's 350 KB).
    python-docx's package reader reads every related part (pictures too): what fails there is
    a Refused naming the member."""
    try:
        package = PackageReader.from_file(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, RecursionError) as e:
        raise Refused("docx-not-word", f"the file is a zip archive but not a Word document ({e}); save the document as .docx") from e
    except ZIP_ERRORS as e:
        raise Refused("docx-damaged", f"the package is damaged ({_damaged(data) or e}); save the document again in Word") from e
    main = next((p for p in package.iter_sparts() if p[2] == RT.OFFICE_DOCUMENT), None)
    if main is None or main[1] not in _DOCUMENT_TYPES:
        raise Refused("docx-not-word", (
            f"the file is a zip archive but not a Word document (its main part is {main[1] if main else 'missing'}); "
            "save the document as .docx"))
    related = {srel.target_partname: srel.reltype for source, srel in package.iter_srels() if source == main[0] and not srel.is_external}
    found = {RT.OFFICE_DOCUMENT: (main[0].membername, main[3])}
    for partname, _, reltype, blob in package.iter_sparts():
        if related.get(partname) in _RELATED:
            found[related[partname]] = (partname.membername, blob)
        elif reltype == RT.CORE_PROPERTIES:
            found[RT.CORE_PROPERTIES] = (partname.membername, blob)
    for reltype, (name, blob) in found.items():
        if reltype != RT.STYLES:  # checked where it is parsed (word_numbering): most documents never parse it
            check_xml(blob, name)  # whatever its name: parts named `.bin` are parsed too
    return found


def _damaged(data: bytes) -> str | None:
    """Which member of a package cannot be read, and why (on the way to an error only)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for m in package.infolist():
            try:
                package.read(m)
            except ZIP_ERRORS as e:
                return f"its member {m.filename!r}: {e}"
    return None


def parse(blob: bytes) -> etree._Element:
    """A part's XML root, parsed with nothing resolved (after `check_xml`)."""
    return etree.fromstring(blob, _SAFE)
