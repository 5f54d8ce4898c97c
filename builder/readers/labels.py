"""Clause labels, each before a tab: letters (`a)`, `aa)` past `z)`, `A)`), roman numerals
of any length (`viii)`, `xxxix)`), numbers (`12`, `1.`, `5bis`), dotted numbers at any depth
(`5.1`, `5.1.2`), the same letters and numerals with a period (`a.`, `iv.`) or in parentheses
(`(a)`, `(iv)`, `(1)`), and bullets (`–`, `-`, `−`, `·`, `+`, `•`).

A label's *level* is what nesting goes by: its kind, whether it is in parentheses (`a)` and
`(a)` lists are different levels in texts that use both), its case, and for dotted numbers
their depth.
"""

from __future__ import annotations

import re
from typing import Literal

LabelKind = Literal["letter", "number", "dotted", "roman", "bullet"]

INSERTED = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)"
_SUFFIX = rf"\s?{INSERTED}"
SUFFIXED = re.compile(rf"(?:\d[\d.a-z]*\s?|[a-zA-Z]{{1,8}}\)){INSERTED}")
"""`4bis`, `3.4ter`, `c)bis` (`core` of `(c)bis`): a clause inserted after 4, 3.4, c), which
takes no place in the sequence."""
_BASE = re.compile(rf"(?<=[\d)]){_SUFFIX}$")
_LABELLED = re.compile(
    rf"^(?P<label>\((?:[a-z]{{1,8}}|[A-Z]|\d+)\){INSERTED}?|(?:[a-z]{{1,8}}|[A-Z])\){INSERTED}?"
    r"|(?:[a-z]{1,2}|[ivx]{1,8}|[A-Z])\."
    rf"|\d+{INSERTED}?(?:\.\d+{INSERTED}?)+\.?|\d+(?:{_SUFFIX})?\.?|[–\-−·+•])[ \u00a0]*\t\s*(?P<text>.*)$"
)
_ASIDE = re.compile(
    r"^(?:(?:NOTE|Note)(?:\s+\d+)?|(?:Figure|FIGURE|Table|TABLE)\s+[\dA-Z][\w.-]*)\s*[–—:-]"
    r"|^(?:or|and|and/or|OR|AND)[,;:]?$"
)
"""`NOTE – …`, `Note 1 – …`, `Figure 1 – …`, `Table 2 – …`, a lone `or`: a line without a label
that stands in a list without ending it."""
_ROMAN = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")
"""`i` to `xxxix`: lists run no longer, and `l)`, `c)` are letters."""
_LETTER = re.compile(r"^([a-z])\1?$")
"""`a` to `z`, then `aa` to `zz` where a list runs past `z`."""
_ONE_LETTER = re.compile(r"^[a-z]$")
"""What a flattened letter label runs together (`cf)`: c became f); `ivv)` is iv became v."""
_DOTTED = re.compile(r"\d+(?:\.\d+)+")
BULLETS = "–-−·+•"
_DASHES = "–-−"
_ROMAN_VALUES = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def bullet_mark(label: str) -> str:
    """A bullet's kind of mark: a dash (`–`, `-`, `−`, typed any of the three ways in one list)
    or the bullet itself (`•`, `·`, `+`): a list of one under an item of the other is a level below."""
    return "dash" if label in _DASHES else "dot"


def split_label(text: str) -> tuple[str, str] | None:
    """(label, text) when the line starts with a label and a tab, else None."""
    m = _LABELLED.match(text)
    if not m:
        return None
    return m["label"], m["text"]


def is_aside(text: str) -> bool:
    """A note, a caption or a lone `or`/`and` between clauses: it belongs to the clause before
    and leaves its list open (see `_ASIDE`)."""
    return bool(_ASIDE.match(text.strip()))


def core(label: str) -> str:
    """The label without its parentheses or closing period: `(iv)` → `iv`, `1.` → `1`, `5.1.` → `5.1`."""
    return label.removeprefix("(").removesuffix(")").removesuffix(".")


def base(label: str) -> str:
    """The label an inserted clause follows: `c)bis` → `c)`, `3.4ter` → `3.4`, `4 bis` → `4`;
    any other label as it is."""
    return _BASE.sub("", label)


def kind(label: str) -> LabelKind:
    if label in BULLETS:
        return "bullet"
    token = core(base(label))
    if token[:1].isdigit():
        return "dotted" if "." in token else "number"
    if token.isupper():
        return "letter"
    if _ROMAN.match(token) or _runs_together(token, _ROMAN) and not _runs_together(token, _ONE_LETTER):
        return "roman"
    return "letter"


def _runs_together(token: str, pattern: re.Pattern[str]) -> bool:
    """`iiiiv`: two labels of one kind run together by a flattened tracked change (iii → iv)."""
    return any(pattern.match(token[:i]) and pattern.match(token[i:]) for i in range(1, len(token)))


Level = tuple[str, bool, bool, int]


def level(label: str, kind: LabelKind) -> Level:
    """What nesting goes by: (kind, in parentheses, upper case, depth of a dotted number)."""
    token = core(base(label))
    return kind, label.startswith("("), token.isupper(), token.count(".") if kind == "dotted" else 0


def run_together_dotted(token: str) -> str | None:
    """`5.15.2` in a flattened text: `5.1` became `5.2`; the number it has now (`5.2`), where the
    two halves are dotted numbers of one depth under one parent."""
    for i in range(3, len(token) - 2):
        first, second = token[:i], token[i:]
        if (
            _DOTTED.fullmatch(first) and _DOTTED.fullmatch(second)
            and first.rsplit(".", 1)[0] == second.rsplit(".", 1)[0]
        ):
            return second
    return None


def roman(n: int) -> str:
    """1 → `i`, 39 → `xxxix`."""
    out = ""
    for numeral, value in _ROMAN_VALUES:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def roman_value(token: str) -> int | None:
    """`xxxix` → 39; None for what is not a roman numeral written the standard way."""
    if not _ROMAN.match(token):
        return None
    total, at = 0, 0
    for numeral, value in _ROMAN_VALUES:
        while token.startswith(numeral, at):
            total, at = total + value, at + len(numeral)
    return total


def letter_value(token: str) -> int | None:
    """`c` → 3, `z` → 26, `aa` → 27, `bb` → 28, `C` → 3."""
    token = token.lower()
    if not _LETTER.match(token):
        return None
    return ord(token[0]) - ord("a") + 1 + 26 * (len(token) - 1)


def _same_form(label: str, token: str) -> str:
    """`token` dressed as `label` is: (`i)`, `h`) → `h)`; (`(i)`, `h`) → `(h)`."""
    return label.replace(core(label), token, 1)


def previous_letter(label: str) -> str | None:
    """`i)` → `h)`, `ii)` → `hh)`, `(v)` → `(u)`: the letter before, in a letter sequence."""
    value = letter_value(core(label))
    if not value or value == 1:
        return None
    n = value - 1
    return _same_form(label, chr(ord("a") + (n - 1) % 26) * (1 + (n - 1) // 26))


def next_roman(label: str) -> str | None:
    """`i)` → `ii)`, `(iv)` → `(v)`: the label that follows in a roman sequence."""
    value = roman_value(core(label))
    return _same_form(label, roman(value + 1)) if value else None
