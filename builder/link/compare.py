"""The one comparison engine: two texts of a resolution (two revisions, a proposal and its base,
competing proposals against one base), clause by clause and word by word.

Clauses are paired by content first and by place second. Clauses whose words are the same are
paired in order (a longest common subsequence of the two lists), so an inserted clause that
renumbers everything after it is one insertion. Between two such anchors, the clauses left are
paired by how many words they share (at least half, counted as Dice's coefficient over their
words), the same section and label breaking ties. What is left is inserted or deleted; a
deleted clause whose words come back elsewhere as an inserted one is moved. Paired clauses are
compared word by word, never by character, each word keeping its punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, TypeVar

from ..ir import Block, Clause, Redline, ResolutionText, plain_text

Status = Literal["unchanged", "changed", "inserted", "deleted", "moved"]
T = TypeVar("T")
SIMILAR = 0.5
"""Two clauses sharing at least this share of their words (Dice) are one clause, changed."""
MOVED = 0.8
"""A deleted and an inserted clause sharing at least this share of their words are one clause, moved."""

_TOKENS = re.compile(r"\s+|\S+")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Item:
    """A clause in reading order, with where it stands."""

    section: str
    """The heading of its section."""
    label: str | None
    anchor: str
    text: str
    clause: Clause


@dataclass(frozen=True)
class ClauseDiff:
    status: Status
    old: Item | None
    new: Item | None
    words: Redline
    """The new clause's words against the old one's (all `ins` or all `del` for an insertion or a
    deletion, one unmarked piece when unchanged)."""

    @property
    def relabelled(self) -> bool:
        """Paired, but under another label or section: renumbered or moved."""
        return bool(self.old and self.new and (self.old.label, self.old.section) != (self.new.label, self.new.section))


@dataclass(frozen=True)
class TextDiff:
    clauses: tuple[ClauseDiff, ...]
    """In the new text's order; a deletion where the deleted clause stood."""
    headings: tuple[tuple[str, str], ...]
    """Section headings replaced: (old, new)."""


def items(text: ResolutionText) -> list[Item]:
    """Every clause of a text, nested ones after their parent, in reading order."""

    def walk(blocks: Iterable[Block], section: str) -> Iterator[Item]:
        for block in blocks:
            if isinstance(block, Clause):
                yield Item(section, block.label, block.anchor, plain_text(block.text), block)
                yield from walk(block.children, section)

    return [item for s in text.sections for item in walk(s.blocks, s.heading)]


def word_diff(old: str, new: str) -> Redline:
    """`new` against `old` word by word: (``, same), (`del`, old words), (`ins`, new words)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out: list[tuple[str, str]] = []

    def add(op: str, words: str) -> None:
        if not words:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + words)
        else:
            out.append((op, words))

    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            add("", "".join(b[j1:j2]))
            continue
        add("del", "".join(a[i1:i2]))
        add("ins", "".join(b[j1:j2]))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Bag:
    """A clause's words, counted, and how many there are."""

    words: Counter[str]
    size: int


def word_bag(text: str) -> Bag:
    words = Counter(w.casefold() for w in _WORDS.findall(text))
    return Bag(words, sum(words.values()))


def similarity(a: Bag, b: Bag, at_least: float = 0.0) -> float:
    """The share of words two clauses have in common (Dice's coefficient of their word bags);
    0.0 without counting where even the smaller bag wholly shared would fall below `at_least`:
    a long stretch pairs every old clause with every new one."""
    total = a.size + b.size
    if not total:
        return 1.0
    if 2 * min(a.size, b.size) < at_least * total:
        return 0.0
    small, large = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return 2 * sum(min(n, large[w]) for w, n in small.items() if w in large) / total


def compare(old: ResolutionText, new: ResolutionText) -> TextDiff:
    return compare_items(items(old), items(new), old, new)


def compare_items(a: list[Item], b: list[Item], old: ResolutionText | None = None, new: ResolutionText | None = None) -> TextDiff:
    pairs: dict[int, int] = {}  # new index → old index
    anchors = SequenceMatcher(None, [x.text for x in a], [y.text for y in b], autojunk=False).get_matching_blocks()
    ia = ib = 0
    for block in anchors:
        _pair_gap(a, b, range(ia, block.a), range(ib, block.b), pairs)
        for k in range(block.size):
            pairs[block.b + k] = block.a + k
        ia, ib = block.a + block.size, block.b + block.size
    paired_old = set(pairs.values())
    deleted = [i for i in range(len(a)) if i not in paired_old]
    inserted = [j for j in range(len(b)) if j not in pairs]
    moved: dict[int, int] = {}  # new index → old index, for clauses that went elsewhere
    bags = {i: word_bag(a[i].text) for i in deleted}
    for j in inserted:
        bag = word_bag(b[j].text)
        best = max(((similarity(bags[i], bag, MOVED), i) for i in deleted if i not in moved.values()), default=(0.0, -1))
        if best[0] >= MOVED:
            moved[j] = best[1]
    gone = set(moved.values())
    out: list[ClauseDiff] = []
    next_old = 0
    upcoming = [len(a)] * (len(b) + 1)  # for each new clause, the old index of the next pair from it on
    for j in range(len(b) - 1, -1, -1):
        upcoming[j] = pairs[j] if j in pairs else upcoming[j + 1]
    for j, y in enumerate(b):
        i = pairs.get(j)
        for k in range(next_old, upcoming[j]):  # deletions of this stretch first, as Word shows them
            if k not in paired_old and k not in gone:
                out.append(ClauseDiff("deleted", a[k], None, (("del", a[k].text),)))
        next_old = max(next_old, upcoming[j])
        if i is not None:
            next_old = max(next_old, i + 1)
            x = a[i]
            words = word_diff(x.text, y.text) if x.text != y.text else (("", y.text),)
            out.append(ClauseDiff("unchanged" if x.text == y.text else "changed", x, y, words))
        elif j in moved:
            x = a[moved[j]]
            out.append(ClauseDiff("moved", x, y, word_diff(x.text, y.text) if x.text != y.text else (("", y.text),)))
        else:
            out.append(ClauseDiff("inserted", None, y, (("ins", y.text),)))
    for k in range(next_old, len(a)):
        if k not in paired_old and k not in gone:
            out.append(ClauseDiff("deleted", a[k], None, (("del", a[k].text),)))
    return TextDiff(tuple(out), _headings(out, old, new))


def _pair_gap(a: list[Item], b: list[Item], olds: range, news: range, pairs: dict[int, int]) -> None:
    """Pair the clauses of one stretch between anchors by shared words, best first; ties go to
    the same section and label, then to the nearer place."""
    if not olds or not news:
        return
    bags_a = {i: word_bag(a[i].text) for i in olds}
    candidates = []
    for j in news:
        bag = word_bag(b[j].text)
        for i in olds:
            score = similarity(bags_a[i], bag, SIMILAR)
            if score >= SIMILAR:
                same_place = (a[i].section, a[i].label) == (b[j].section, b[j].label)
                candidates.append((-score, not same_place, abs((i - olds.start) - (j - news.start)), i, j))
    taken_a: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for *_, i, j in sorted(candidates):
        if i in taken_a or j in pairs:
            continue
        # keep the pairs in order: a pair that crosses one already chosen is a move, not a change
        if any((i < ci) != (j < cj) for ci, cj in chosen):
            continue
        pairs[j] = i
        taken_a.add(i)
        chosen.append((i, j))


def _headings(diffs: list[ClauseDiff], old: ResolutionText | None, new: ResolutionText | None) -> tuple[tuple[str, str], ...]:
    """A new section heading that is not in the old text replaces the old heading most of its
    paired clauses come from, if that heading is gone from the new text."""
    if old is None or new is None:
        return ()
    old_headings = {s.heading for s in old.sections}
    new_headings = {s.heading for s in new.sections}
    found: list[tuple[str, str]] = []
    for heading in (s.heading for s in new.sections if s.heading not in old_headings):
        origins = Counter(d.old.section for d in diffs if d.old and d.new and d.new.section == heading)
        if origins:
            origin = origins.most_common(1)[0][0]
            if origin not in new_headings:
                found.append((origin, heading))
    return tuple(found)


def runs(items: Iterable[T], section: Callable[[T], str], shown: Callable[[T], bool]) -> list[tuple[str, list[tuple[bool, list[T]]]]]:
    """Items by section, in order, each section's in runs: consecutive items shown, or
    consecutive items folded away (a comparison's unchanged clauses, the clauses no proposal
    touches): what the comparison pages print, grouped here so that their templates only show."""
    out: list[tuple[str, list[tuple[bool, list[T]]]]] = []
    for item in items:
        here, show = section(item), shown(item)
        if not out or out[-1][0] != here:
            out.append((here, []))
        groups = out[-1][1]
        if groups and groups[-1][0] == show:
            groups[-1][1].append(item)
        else:
            groups.append((show, [item]))
    return out
