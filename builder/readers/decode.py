"""Bytes of a corpus file → text, whatever Word's "Save as plain text" produced.

UTF-8 (with or without a byte-order mark) is read as is; UTF-16 and UTF-32 with a byte-order
mark are read as such; anything else that is not valid UTF-8 is read as Windows-1252 (what
Word writes for "Western European (Windows)") with a warning. A file with NUL bytes and no
UTF-16/32 mark is not text: it is reported and skipped.
"""

from __future__ import annotations

import codecs

from ..diagnostics import Diagnostics
from ..ir import Span

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: str, data: bytes, diagnostics: Diagnostics) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                diagnostics.error("bad-encoding", Span(path, 1), f"the file starts as {encoding} but is not ({e.reason}); "
                                  "export it again as UTF-8")
                return None
    if b"\0" in data:
        diagnostics.error("binary-file", Span(path, 1), "this is not a text file (it holds NUL bytes); "
                          "export the document as plain text (UTF-8) and put that in the corpus")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1  # as lines.source_lines counts
        diagnostics.warning(
            "not-utf8", Span(path, line),
            f"the file is not UTF-8 (byte {data[e.start]:#04x}); read as Windows-1252. Export it again as UTF-8",
        )
        return data.decode("cp1252", errors="replace")
