"""The indexes cut into pages of bounded size: a body's list by ranges of numbers, proposals by
source or action, conference and pages of PROPOSALS_PER_PAGE; what links to a split page of
references says which old anchors lead to it. No page grows with the collection."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..anchors import slug
from ..conventions import BODIES
from ..link import ProposalPage, ReferencePage, ResolutionPage
from ..link.model import Conference
from ..link.references import series

LIST_SIZE = 100
"""At most this many resolutions on one list page (a body's index, or one range of it)."""


def leading_number(text: str) -> int:
    digits = re.match(r"\D*(\d+)", text)
    return int(digits[1]) if digits else 0


def number_ranges(items: list[Any], keys: list[int], size: int = LIST_SIZE) -> list[tuple[int, int, list[Any]]]:
    """Items (in number order) in the widest decimal ranges of their numbers (`100–199`,
    `1000–1999`, …) that hold at most `size` each: (first, last, items)."""
    width = 1
    while max(Counter(k // (width * 10) for k in keys).values()) <= size and width <= max(keys):
        width *= 10
    if width == 1 and max(Counter(keys).values()) > size:  # unnumbered texts: runs of `size`
        return [(n + 1, min(n + size, len(items)), items[n : n + size]) for n in range(0, len(items), size)]
    buckets: dict[int, list[Any]] = {}
    for item, key in zip(items, keys):
        buckets.setdefault(key // width, []).append(item)
    return [(b * width or 1, b * width + width - 1, part) for b, part in buckets.items()]


@dataclass(frozen=True)
class ListPart:
    """One page of a body's list of resolutions: those numbered in one range."""

    src: str
    first: int
    last: int
    resolutions: tuple[ResolutionPage, ...]

    @property
    def title(self) -> str:
        return f"Nos. {self.first}–{self.last}"


PROPOSALS_PER_PAGE = 200
"""At most this many proposals on one page of a source's or an action's list for one conference."""


@dataclass(frozen=True)
class ProposalList:
    """One page of the proposals of a source (or an action) for one conference."""

    src: str
    conference: str
    page: int
    pages: int
    proposals: tuple[ProposalPage, ...]

    @property
    def title(self) -> str:
        return self.conference + (f", page {self.page} of {self.pages}" if self.pages > 1 else "")


@dataclass(frozen=True)
class ProposalGroup:
    """The proposals of one source or one action: its page, and its lists by conference."""

    src: str
    index: tuple[str, str]
    """The index listing it: ("By source", its src)."""
    anchor: str
    """Its section on that index, as before the split (`proposals/by-source/#acp`)."""
    title: str
    name: str
    parts: tuple[ProposalList, ...]

    @property
    def count(self) -> int:
        return sum(len(part.proposals) for part in self.parts)


def _conference_order(conference: Conference | None) -> tuple:
    if conference is None:
        return (len(BODIES), 0)
    return (list(BODIES).index(conference.body), conference.revision.year if conference.revision else 0)


def proposal_group(index: tuple[str, str], anchor: str, title: str, name: str, proposals: list[ProposalPage]) -> ProposalGroup:
    """A source's or an action's proposals, by conference, in pages of at most PROPOSALS_PER_PAGE."""
    folder = f"{index[1].removesuffix('.md')}/{anchor}"
    by_conference: dict[str, list[ProposalPage]] = {}
    for p in sorted(proposals, key=lambda p: _conference_order(p.conference)):  # stable: in order within one
        by_conference.setdefault(p.conference.label if p.conference else "Conference not named", []).append(p)
    parts = []
    for label, group in by_conference.items():
        pages = -(-len(group) // PROPOSALS_PER_PAGE)
        for n in range(pages):
            src = f"{folder}/{slug(label)}{f'-page-{n + 1}' if n else ''}.md"
            parts.append(ProposalList(src, label, n + 1, pages, tuple(group[n * PROPOSALS_PER_PAGE : (n + 1) * PROPOSALS_PER_PAGE])))
    return ProposalGroup(f"{folder}.md", index, anchor, title, name, tuple(parts))


def moved_keys(page: ReferencePage) -> dict[str, str]:
    """The attributes with which a link to a page of references says which old anchors of the
    references page (`#cs-no-126`) now lead to it: docs/javascripts/moved-anchors.js follows them."""
    keys = {"data-moved": " ".join(sorted({series(e.key)[0] for e in page.entries}))}
    if page.in_range:
        keys |= {"data-first": str(page.first), "data-last": str(page.last)}
    return keys
