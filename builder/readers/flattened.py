"""Recover the changes that Word's flattened tracked changes leave in a MOD proposal.

Labels: the printed labels of one list of sibling clauses are aligned so that the old labels
and the new labels each run 1, 2, 3… (or a), b), c)…, i), ii)…) without gaps. A printed
label is read as unchanged (`3`), deleted (old only), inserted (new only), or renumbered:
two labels run together, the deleted one first (`46`: 4 became 6; `cf)`: c) became f)).
Of the readings that make both sequences complete, the one with the fewest deletions and
insertions wins; between readings that differ only in whether a deletion or an insertion
comes first, the deletion comes first, as Word exports it (the first `3` of `3, 3` is the
deleted one). Other ties are reported, never settled silently.

Headings: `recognizingconsidering` is two headings run together. Which one is new is decided
so that no heading repeats among the old headings nor among the new ones; if that does not
decide, the deleted one comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..conventions import REVISION, is_meeting, match_text, split_venues
from ..ir import LabelChange
from .labels import INSERTED, SUFFIXED, core, letter_value, roman_value
from .tracked import mark

Status = Literal["unchanged", "inserted", "deleted", "renumbered"]


def label_value(label: str, kind: str) -> int | None:
    """The position of a printed label in its sequence (`c)` → 3, `5.` → 5, `(iv)` → 4), or None."""
    return _value(core(label), kind)


def _value(token: str, kind: str) -> int | None:
    """The position of a label in its sequence (`c` → 3, `aa` → 27, `12` → 12, `iv` → 4, `5.3` → 3)."""
    if kind == "number":
        return int(token) if token.isdigit() and not token.startswith("0") else None
    if kind == "letter":
        return letter_value(token)
    if kind == "roman":
        return roman_value(token)
    if kind == "dotted":
        m = re.fullmatch(rf"\d+{INSERTED}?(?:\.\d+{INSERTED}?)*\.([1-9]\d*)", token)  # `2bis.1` → 1
        return int(m[1]) if m else None
    return None


@dataclass(frozen=True)
class _Reading:
    status: Status
    old: str | None
    new: str | None
    old_value: int | None
    new_value: int | None
    printed: tuple[tuple[str, str], ...]
    cost: int


def _readings(label: str, kind: str) -> list[_Reading]:
    """Every way to read one printed label."""
    token = core(label)
    prefix = label[: label.index(token)]
    suffix = label[len(prefix) + len(token) :]

    def printed(*pieces: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(p for p in (("", prefix), *pieces, ("", suffix)) if p[1])

    out: list[_Reading] = []
    if SUFFIXED.fullmatch(token):  # `2bis` takes no place in the sequence
        return [_Reading("unchanged", label, label, None, None, (("", label),), 0)]
    value = _value(token, kind)
    if value is not None:
        out.append(_Reading("unchanged", label, label, value, value, (("", label),), 0))
        out.append(_Reading("deleted", label, None, value, None, printed(("del", token)), 1))
        out.append(_Reading("inserted", None, label, None, value, printed(("ins", token)), 1))
    for i in range(1, len(token)):
        first, second = token[:i], token[i:]
        a, b = _value(first, kind), _value(second, kind)
        if a is None or b is None:
            continue
        out.append(_Reading("renumbered", prefix + first + suffix, prefix + second + suffix, a, b,
                            printed(("del", first), ("ins", second)), 0))
        out.append(_Reading("renumbered", prefix + second + suffix, prefix + first + suffix, b, a,
                            printed(("ins", first), ("del", second)), 2))
    return out


def align(labels: list[str], kind: str) -> tuple[list[LabelChange] | None, bool]:
    """Read a list of sibling labels of one kind: (changes, ambiguous). None when no reading
    makes both the old and the new labels run without gaps."""
    if [label_value(label, kind) for label in labels] == list(range(1, len(labels) + 1)):
        # The common case, nothing renumbered: 1, 2, 3… read as they are (a run-together label
        # such as `12` in 1…12 is twelve, since the sequence would otherwise have a gap).
        return [LabelChange(old=label, new=label, status="unchanged", printed=(("", label),)) for label in labels], False
    # state (next old value, next new value) → best (cost, order key, readings) reaching it
    states: dict[tuple[int, int], list[tuple[int, tuple[int, ...], tuple[_Reading, ...]]]] = {(1, 1): [(0, (), ())]}
    for label in labels:
        following: dict[tuple[int, int], list[tuple[int, tuple[int, ...], tuple[_Reading, ...]]]] = {}
        readings = _readings(label, kind)
        for (o, n), paths in states.items():
            for r in readings:
                if r.old_value is not None and r.old_value != o:
                    continue
                if r.new_value is not None and r.new_value != n:
                    continue
                state = (o + (r.old_value is not None), n + (r.new_value is not None))
                order = 0 if r.status in ("deleted", "unchanged") else 1  # deletion first
                for cost, key, path in paths:
                    following.setdefault(state, []).append((cost + r.cost, key + (order,), path + (r,)))
        states = {s: sorted(p, key=lambda x: (x[0], x[1]))[:3] for s, p in following.items()}
        if not states:
            return None, False
    finals = sorted((p for paths in states.values() for p in paths), key=lambda x: (x[0], x[1]))
    best = finals[0]

    def pairs(path: tuple[_Reading, ...]) -> set[tuple[str | None, str | None]]:
        return {(r.old, r.new) for r in path}

    # Readings that differ only in the order of a deletion and an insertion are the same reading.
    rivals = [p for p in finals[1:] if p[0] == best[0] and pairs(p[2]) != pairs(best[2])]
    changes = [LabelChange(old=r.old, new=r.new, status=r.status, printed=r.printed) for r in best[2]]
    return changes, bool(rivals)


def split_heading(word: str, lexicon: frozenset[str]) -> tuple[str, str] | None:
    """`recognizingconsidering` → (`recognizing`, `considering`), as printed (first, second)."""
    for i in range(3, len(word) - 2):
        if word[:i] in lexicon and word[i:] in lexicon:
            return word[:i], word[i:]
    return None


def orient_headings(pairs: list[tuple[str, str] | None], plain: list[str]) -> list[bool]:
    """For each run-together heading (first, second), whether the first printed is the old one.

    `plain` are the headings that did not change. The choice makes no heading repeat among the
    new headings, then among the old ones; failing that, the deleted one is first.
    """
    flattened = [k for k, p in enumerate(pairs) if p]
    best: tuple | None = None
    for mask in range(1 << len(flattened)):
        choice = [True] * len(pairs)
        for bit, k in enumerate(flattened):
            choice[k] = not (mask >> bit) & 1
        new = plain + [p[1] if first_old else p[0] for p, first_old in zip(pairs, choice) if p]
        old = plain + [p[0] if first_old else p[1] for p, first_old in zip(pairs, choice) if p]
        # fewest repeats among new, then old headings; then the deleted heading first, earliest first
        score = (len(new) - len(set(new)), len(old) - len(set(old)), [not c for c in choice], choice)
        if best is None or score[:3] < best[:3]:
            best = score
    return best[3] if best else [True] * len(pairs)


def unflatten(text: str) -> str | None:
    """Mark the run-together revisions of a flattened line as a deletion and an insertion, where
    both halves are real meetings: `(Rev. Hammamet, 2016New Delhi, 2024)`, `Buenos AiresDubai,
    20142017`, `Busan, 2014dubai, 2018`. The earlier meeting is the deleted one. Returns the
    marked line (builder.readers.tracked), or None when nothing was found."""
    if not _FOUR_DIGITS.search(text):
        return None
    probe = match_text(text)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    found = list(REVISION.finditer(probe))
    for m in found:
        venue_at = _venue_start(m)
        venue = probe[venue_at : m.end("venue")].strip()
        if m["year2"]:  # `Buenos AiresDubai, 20142017`: two venues (or one) and two years
            y1, y2 = int(m["year"]), int(m["year2"])
            venues = split_venues(venue)
            if venues is None:
                continue
            v1, v2 = venues
            # Venues and years may each be printed deletion first or insertion first.
            straight = is_meeting(v1, y1) and is_meeting(v2, y2)
            crossed = v1 != v2 and is_meeting(v1, y2) and is_meeting(v2, y1)
            if straight == crossed:  # no reading, or two: leave the text as printed
                continue
            years = ("del", "ins") if y1 < y2 else ("ins", "del")
            old_venue_first = (years[0] == "del") == straight
            v_end = venue_at + len(venue)
            if v1 != v2:
                ops = ("del", "ins") if old_venue_first else ("ins", "del")
                split = venue_at + len(v1)
                edits.append((venue_at, v_end, mark(ops[0], text[venue_at:split]) + mark(ops[1], text[split:v_end])))
            edits.append((m.start("year"), m.end("year2"), mark(years[0], m["year"]) + mark(years[1], m["year2"])))
    for a, b in zip(found, found[1:]):  # `Hammamet, 2016New Delhi, 2024`: two revisions back to back
        if a.end() != b.start() or a["year2"] or b["year2"] or b["rev"]:
            continue
        a_at = _venue_start(a)
        va, vb = " ".join(a["venue"].split()), " ".join(b["venue"].split())
        ya, yb = int(a["year"]), int(b["year"])
        if not (is_meeting(va, ya) and is_meeting(vb, yb)) or ya == yb:
            continue
        first = "del" if ya < yb else "ins"
        second = "ins" if first == "del" else "del"
        edits.append((a_at, b.end(), mark(first, text[a_at : a.end()]) + mark(second, text[b.start() : b.end()])))
    if not edits:
        return None
    edits.sort()
    out, at = [], 0
    for start, end, replacement in edits:
        if start < at:
            continue
        out.append(text[at:start] + replacement)
        at = end
    return "".join(out) + text[at:]


_FOUR_DIGITS = re.compile(r"\d{4}")


def _venue_start(m: re.Match[str]) -> int:
    """Where a revision's venue starts, after the spaces its group may take in."""
    return m.start("venue") + len(m["venue"]) - len(m["venue"].lstrip())
