"""Tracked changes inside a line of text, as the readers pass them on.

A reader that knows where words were inserted or deleted (a Word document; a run-together
revision of a text export) brackets them with the private-use characters of
builder/readers/markers.py: INS…END, DEL…END. Brackets never nest. The proposed text ("accept all changes") and the text being amended
("reject all changes") are the two views of a marked line; lines are classified by the first.
"""

from __future__ import annotations

import re

from .markers import DEL, END, INS
_PIECE = re.compile(f"([{INS}{DEL}])([^{END}]*){END}")
_OPS = {INS: "ins", DEL: "del"}
_OPEN = {"ins": INS, "del": DEL}


def has_marks(text: str) -> bool:
    return INS in text or DEL in text


def mark(op: str, text: str) -> str:
    """`text` as one marked piece (op `ins` or `del`), or as itself (op ``)."""
    return f"{_OPEN[op]}{text}{END}" if op and text else text


def mark_all(op: str, marked: str) -> str:
    """Every unmarked piece of `marked` marked `op` (the text of an inserted or deleted clause)."""
    return "".join(mark(piece_op or op, text) for piece_op, text in pieces(marked))


def pieces(marked: str) -> list[tuple[str, str]]:
    """(op, text) pieces in order; op is ``, `ins` or `del`."""
    out: list[tuple[str, str]] = []
    at = 0
    for m in _PIECE.finditer(marked):
        if m.start() > at:
            out.append(("", marked[at : m.start()]))
        if m[2]:
            out.append((_OPS[m[1]], m[2]))
        at = m.end()
    if at < len(marked):
        out.append(("", marked[at:]))
    return out


def accept(marked: str) -> str:
    """The proposed text: insertions kept, deletions gone."""
    return "".join(text for op, text in pieces(marked) if op != "del")


def reject(marked: str) -> str:
    """The text being amended: deletions kept, insertions gone."""
    return "".join(text for op, text in pieces(marked) if op != "ins")


def cut(marked: str, new_length: int, old_length: int) -> str:
    """`marked` without the first `new_length` characters of its proposed view and the first
    `old_length` of its old view (a label and its tab, which the two views may print differently;
    unchanged characters go while either view still has label left)."""
    out: list[str] = []
    need_new, need_old = new_length, old_length
    for op, text in pieces(marked):
        need = need_new if op == "ins" else need_old if op == "del" else max(need_new, need_old)
        k = min(len(text), max(need, 0))
        need_new -= k if op != "del" else 0
        need_old -= k if op != "ins" else 0
        out.append(mark(op, text[k:]))
    return "".join(out)
