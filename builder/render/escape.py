"""Source text is data: make any string render as itself in Python-Markdown, or in the raw HTML
blocks the builder writes itself (builder/render/blocks.py).

The Jinja environment runs every `{{ value }}` through `markdown_text` unless the value is
`Markup` (output of our own macros, or an id/URL the builder made). So a template cannot
forget to escape, and source text can never become Markdown, HTML or template markup. The
escape reads as the same text in a Markdown paragraph, heading or table cell and in a raw HTML
block alike (Markdown's characters become character references, not backslash escapes), so a
template writes the same `{{ value }}` in either, and so does a macro used in both.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markupsafe import Markup

# Python-Markdown's escapable characters (with the tables extension's `|`), minus `(`, `)`,
# `.`, `+`, `-`, which only matter at the start of a line (handled below): as character
# references, which Markdown passes through and HTML reads as the characters.
_INLINE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]#!|"})
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_LINE_START = re.compile(r"^( ?)(?:(\d+)([.)])|([-+]))")
_SPECIAL = re.compile(r"[\\`*_{}\[\]#!|&<>\t\r\n\f\v]|  ")


def attribute(value: object) -> Markup:
    """Escape a value for a double-quoted attribute (in raw HTML or an attribute list)."""
    return Markup(attribute_text(str(value)))


def attribute_text(text: str) -> str:
    """`attribute` for a plain string."""
    return html.escape(text, quote=True)


_LINE_BREAKS = re.compile(r"[\r\n\f\v]")


def html_text(text: str) -> str:
    """Source text as the content of an element of a raw HTML block, which MkDocs passes through
    as it is: `&`, `<`, `>` escaped, line breaks made spaces (one source paragraph, one line, so
    that no blank line can end the block)."""
    return _LINE_BREAKS.sub(" ", html.escape(text, quote=False))


def cell_text(text: str) -> str:
    """Source text as the content of an element of a raw HTML block, its whitespace as
    `escape_text` leaves it in Markdown (one space for a run): the HTML Python-Markdown made of it."""
    return html_text(_WHITESPACE.sub(" ", text))


def markdown_text(value: object) -> Markup:
    """Escape a value for a Markdown inline context (paragraph, heading, table cell, list item)
    or the content of an element in raw HTML."""
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup(escape_text(str(value)))


def escape_text(text: str) -> str:
    """`markdown_text` for a plain string, as a plain string: for code that assembles markup
    from many pieces and marks only the whole as `Markup`."""
    if not _SPECIAL.search(text) and not _LINE_START.match(text):
        return text  # the common case: nothing to escape
    text = _WHITESPACE.sub(" ", text)  # one line; never 4 leading spaces (code), as HTML shows it anyway
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").translate(_INLINE)
    return _LINE_START.sub(lambda m: f"{m[1]}{m[2]}&#{ord(m[3])};" if m[2] else f"{m[1]}&#{ord(m[4])};", text)


REDLINE = {"": "{}", "ins": "<ins>{}</ins>", "del": "<del>{}</del>"}
"""A piece of text as HTML, by what it is: kept, inserted or deleted."""


def redline_html(parts: tuple[tuple[str, str], ...], esc: Callable[[str], str]) -> str:
    """Word's redline as HTML: `<ins>` and `<del>`, which screen readers announce and copy
    keeps apart; deletions are left out of the search index (the text as proposed)."""
    return "".join(REDLINE[kind].format(esc(text)) for kind, text in parts)
