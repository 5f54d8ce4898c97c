"""The pages of the references (texts outside the collection): one per kind of text
(`references/constitution/`), and where a kind cites more than one page should hold, one per
decimal range of its numbers (`references/un/70-79/`), so that no page grows
with the collection; `references/` lists them. Citations link to an entry on its page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import ReferenceEntry, ReferencePage, numbers

REFERENCES_SRC = "references.md"
REFERENCES_PER_PAGE = 1000
"""At most this many entries and citing clauses on one page (an entry that alone has more gets a
page of its own, which grows only with what cites it, as a resolution's "cited by" list)."""


def series(key: str) -> tuple[str, int]:
    """(prefix, number) of an entry's key, split at its first number: `cs-no-126` → (`cs-no`, 126),
    `un-70-1` → (`un`, 70), `itrs` → (`itrs`, 0). docs/javascripts/moved-anchors.js reads an old
    anchor the same way to find its page."""
    m = re.match(r"(.*?)-(\d+)", key)
    return (m[1], int(m[2])) if m else (key, 0)


def weight(entry: ReferenceEntry) -> int:
    """What an entry adds to its page: its heading and one line per citing clause."""
    return 1 + len(entry.cited_by)


def decimal_ranges(weights: dict[int, int], budget: int) -> list[tuple[int, int]]:
    """Ranges of numbers (`100–199`, `1000–1099`) that together hold every number given, each of
    at most `budget` weight: a decimal range too heavy is cut into its ten, down to single numbers,
    and neighbours that fit together are joined again (`1000–1299`)."""
    numbers = sorted(weights)

    def cut(first: int, width: int) -> list[tuple[int, int, int]]:
        inside = [n for n in numbers if first <= n < first + width]
        total = sum(weights[n] for n in inside)
        if not inside:
            return []
        if total <= budget or width == 1:
            return [(first, first + width - 1, total)]
        return [r for k in range(10) for r in cut(first + k * width // 10, width // 10)]

    width = 10
    while width <= numbers[-1]:
        width *= 10
    joined: list[tuple[int, int, int]] = []
    for first, last, total in cut(0, width):
        if joined and joined[-1][2] + total <= budget:
            joined[-1] = (joined[-1][0], last, joined[-1][2] + total)
        else:
            joined.append((first, last, total))
    return [(first, last) for first, last, _ in joined]


def kind_src(kind: str, split: bool) -> str:
    """`references/constitution.md`, or for a kind split by numbers its index `references/un/index.md`."""
    return f"references/{kind}/index.md" if split else f"references/{kind}.md"


def reference_pages(entries: tuple[ReferenceEntry, ...], kinds: list[str]) -> tuple[tuple[ReferenceEntry, ...], tuple[ReferencePage, ...]]:
    """The entries, each with the page it is on, and the pages, in the order of `kinds`."""
    placed: dict[str, str] = {}
    pages: list[tuple[str, str, int | None, int | None]] = []
    for kind in kinds:
        group = [e for e in entries if e.kind == kind]
        weights: dict[int, int] = {}
        for e in group:
            number = series(e.key)[1]
            weights[number] = weights.get(number, 0) + weight(e)
        if not group:
            continue
        if sum(weights.values()) <= REFERENCES_PER_PAGE:
            pages.append((kind_src(kind, False), kind, None, None))
            placed.update((e.key, pages[-1][0]) for e in group)
            continue
        for first, last in decimal_ranges(weights, REFERENCES_PER_PAGE):
            pages.append((f"references/{kind}/{numbers(first, last)}.md", kind, first, last))
            placed.update((e.key, pages[-1][0]) for e in group if first <= series(e.key)[1] <= last)
    entries = tuple(replace(e, src=placed[e.key]) for e in entries)
    held: dict[str, list[ReferenceEntry]] = {}
    for e in entries:
        held.setdefault(e.src, []).append(e)
    return entries, tuple(ReferencePage(src, kind, first, last, tuple(held[src])) for src, kind, first, last in pages)
