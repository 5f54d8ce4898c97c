"""Clause labels: `a)`, `12`, `5.1`, `1.`, `i)`, bullets (`–`, `-`, `·`, `+`, `•`), each before a tab."""

from __future__ import annotations

import re
from typing import Literal

LabelKind = Literal["letter", "number", "dotted", "roman", "bullet"]

_LABELLED = re.compile(
    r"^(?P<label>[a-z]{1,3}\)|\d+(?:\.\d+)+\.?|\d+\.?|[–\-·+•])[ \u00a0]*\t\s*(?P<text>.*)$"
)
_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})\)$")
BULLETS = "–-·+•"


def split_label(text: str) -> tuple[str, str] | None:
    """(label, text) when the line starts with a label and a tab, else None."""
    m = _LABELLED.match(text)
    if not m:
        return None
    return m["label"], m["text"]


def kind(label: str) -> LabelKind:
    if label in BULLETS:
        return "bullet"
    if label.endswith(")"):
        return "roman" if _ROMAN.match(label) and label != ")" else "letter"
    if "." in label.rstrip("."):
        return "dotted"
    return "number"


def previous_letter(label: str) -> str | None:
    """`i)` → `h)`: the letter that must precede a one-letter label in a letter sequence."""
    if len(label) == 2 and label[0] > "a":
        return chr(ord(label[0]) - 1) + ")"
    return None


_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def next_roman(label: str) -> str | None:
    """`i)` → `ii)`: the label that follows in a roman sequence."""
    numeral = label.removesuffix(")")
    if numeral in _ROMANS[:-1]:
        return _ROMANS[_ROMANS.index(numeral) + 1] + ")"
    return None
