"""Run-together words of a text export, told apart by the text its conference adopted.

A text export runs a tracked change's deleted and inserted words together, in either order
(`2014Dubai,`, `Annex 12`, `AiresDubai`). Where the adopted clause has one half of such a word
at its place and not the other, the word is split there: the half the conference kept is taken
as the proposal's insertion, the other as its deletion. That is a guess (a conference that
rejected the change kept the deleted half), so the pieces are `Change(…, inferred=True)`, shown,
counted and dumped as inferred, never as the source's own changes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..ir import Block, Change, Citation, Clause, FootnoteRef, Inline, Redline, ResolutionText
from .compare import TextDiff, items

_TOKENS = re.compile(r"\s+|\S+")
_WORD = re.compile(r"\w+")
_EDGES = "()[];,.:'\"“”‘’"
Halves = tuple[tuple[str, str], tuple[str, str]]
"""A run-together word's two halves in its order, each (`ins` or `del`, words)."""


def infer_changes(text: ResolutionText, against: TextDiff, adopted: ResolutionText) -> ResolutionText:
    """`text` (a MOD proposal read from a text export) with its run-together words split where
    the clause the conference adopted from it shows where; unchanged where nothing is found.
    `against`: the adopted text against `text` as exported (amendments.flattened_diff)."""
    vocabulary = _Vocabulary(adopted)
    splits: dict[str, dict[int, Halves]] = {}
    for diff in against.clauses:
        if diff.status == "changed" and diff.old and diff.new:
            found = _splits(diff.words, vocabulary)
            if found:
                splits[diff.new.anchor] = found
    if not splits:
        return text

    def update(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(
            replace(b, text=_split(b.text, splits[b.anchor]) if b.anchor in splits else b.text, children=update(b.children))
            if isinstance(b, Clause) else b
            for b in blocks
        )

    return replace(text, sections=tuple(replace(s, blocks=update(s.blocks)) for s in text.sections))


def deletions(text: tuple[Inline, ...]) -> list[tuple[int, int]]:
    """Where a clause as exported (`amendments._proposed`) has words its text as proposed leaves
    out: the deletions the reader or this module told apart, as (start, end) offsets."""
    out: list[tuple[int, int]] = []
    at = 0
    for piece in text:
        parts = piece.printed if isinstance(piece, Citation) and piece.printed else (
            ((piece.op, piece.text),) if isinstance(piece, Change) else (("", _shown(piece)),))
        for op, words in parts:
            if op == "del" and words:
                out.append((at, at + len(words)))
            at += len(words)
    return out


def _shown(piece: Inline) -> str:
    if isinstance(piece, str):
        return piece
    if isinstance(piece, FootnoteRef):
        return ""
    if isinstance(piece, Citation) and piece.printed:
        return "".join(words for _, words in piece.printed)
    return piece.text


class _Vocabulary:
    """The words of the adopted text, read on the first question (most clauses ask none)."""

    def __init__(self, text: ResolutionText) -> None:
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = {w.casefold() for item in items(self.text) for w in _WORD.findall(item.text)}
        return word in self.words


def _splits(words: Redline, vocabulary: _Vocabulary) -> dict[int, Halves]:
    """Offset of a run-together word in the exported clause → its halves, for each word the
    adopted clause replaces by one of its halves. `words`: the exported clause against the
    adopted one, word by word (a replacement is a `del` of adopted words, then an `ins`)."""
    found: dict[int, Halves] = {}
    at = 0
    for k, (op, piece) in enumerate(words):
        if op == "ins" and k and words[k - 1][0] == "del":
            kept = [t for t in _TOKENS.findall(words[k - 1][1]) if not t.isspace()]
            near = {_core(t) for t in kept}
            kept = [t for t in kept if _whole(_core(t))]
            start = at
            for token in _TOKENS.findall(piece):
                halves = _halves(token, kept, near, vocabulary) if kept and not token.isspace() else None
                if halves:
                    found[start] = halves
                start += len(token)
        if op != "del":
            at += len(piece)
    return found


def _halves(word: str, adopted: list[str], near: set[str], vocabulary: _Vocabulary) -> Halves | None:
    """The two halves of `word` as (op, text) in its order, the one the adopted words have
    inserted: where `word` is one of the `adopted` words (each a word of its own) run together
    with another word that the adopted words beside it (`near`) lack (`Linesand` against `Lines
    and` is a lost space, not a change)."""
    for kept in adopted:
        if kept == word:
            continue
        if word.endswith(kept) and _other(word[: -len(kept)], kept[0], word, near, vocabulary):
            return ("del", word[: -len(kept)]), ("ins", kept)
        if word.startswith(kept) and _other(word[len(kept) :], kept[-1], word, near, vocabulary):
            return ("ins", kept), ("del", word[len(kept) :])
    return None


def _core(token: str) -> str:
    return token.strip(_EDGES).casefold()


def _whole(core: str) -> bool:
    """A word that stands on its own: a number, or two letters or more (not the `s` of a plural
    or the `d)` of a list)."""
    return core.isdigit() or (len(core) >= 2 and bool(_WORD.search(core)))


def _other(half: str, beside: str, word: str, near: set[str], vocabulary: _Vocabulary) -> bool:
    """The other half is a word of its own that the adopted text uses, or a number; digits run
    into digits only in a number (`12`, `20142017`; not the footnote call of `WTDC-174`)."""
    core = _core(half)
    if not _whole(core) or core in near:
        return False
    if core.isdigit():
        return not beside.isdigit() or _core(word).isdigit()
    return core in vocabulary


def _split(text: tuple[Inline, ...], splits: dict[int, Halves]) -> tuple[Inline, ...]:
    """The clause's running text with each run-together word at an offset of `splits` made an
    inferred deletion and insertion; a word inside a citation or a tracked change is left."""
    out: list[Inline] = []
    at = 0
    for piece in text:
        size = len(_shown(piece))
        if not isinstance(piece, str):
            out.append(piece)
            at += size
            continue
        rest, start = piece, at
        for offset in sorted(o for o in splits if at <= o < at + size):
            halves = splits[offset]
            word = "".join(words for _, words in halves)
            cut = offset - start
            if rest[cut : cut + len(word)] != word:
                continue
            out += [s for s in (rest[:cut],) if s]
            out += [Change(op, words, inferred=True) for op, words in halves]  # type: ignore[arg-type]
            rest, start = rest[cut + len(word) :], offset + len(word)
        out += [s for s in (rest,) if s]
        at += size
    return tuple(out)
