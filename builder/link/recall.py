"""What the link stage made in the last `mkdocs serve` rebuild, given back where its inputs are
unchanged.

The reader's memory (builder/pipeline.py `Memory.files`) gives an unchanged file's IR back as the
very objects it gave before, so an unchanged input is found by identity, without walking it;
what a step looked up of the rest of the collection is compared by the step itself
(`Resolver.looked_up`). At the end, each page equal to the one at its address last time is
given back as that very object (`pages`), so that rendering and the exports find it unchanged
at the cost of a glance, where each compared it whole before. A one-off build starts with
nothing to give back.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .model import Site

T = TypeVar("T")


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b))


class Recall:
    def __init__(self) -> None:
        self.last: dict[tuple[str, Hashable], tuple[tuple, Any]] = {}
        """What the last link made, by step and page: (its inputs, what it made)."""
        self.now: dict[tuple[str, Hashable], tuple[tuple, Any]] = {}

    def get(self, step: str, key: Hashable, inputs: tuple) -> Any | None:
        """What `step` made last time for `key` from the same inputs; None if it made nothing or
        from other inputs."""
        last = self.last.get((step, key))
        if last is None or not _same(last[0], inputs):
            return None
        self.now[(step, key)] = (inputs, last[1])  # this build's inputs: the next compares by identity
        return last[1]

    def put(self, step: str, key: Hashable, inputs: tuple, made: T) -> T:
        self.now[(step, key)] = (inputs, made)
        return made

    def call(self, step: str, key: Hashable, inputs: tuple, make: Callable[[], T]) -> T:
        """What `make()` makes of `inputs`, made again only where they changed."""
        made = self.get(step, key, inputs)
        return made if made is not None else self.put(step, key, inputs, make())

    def kept(self, step: str, key: Hashable, made: T) -> T:
        """`made`, or what the last link made for `key` where it is equal: the very object the
        stages after met last time, so that they find it unchanged by identity."""
        last = self.last.get((step, key))
        return self.put(step, key, (), last[1] if last is not None and (last[1] is made or last[1] == made) else made)

    def pages(self, site: Site) -> Site:
        """The site with each page equal to the one at its address last time as that very one."""
        return replace(site, **{
            f.name: tuple(self.kept("page", (f.name, page.src, getattr(page, "key", None)), page) if hasattr(page, "src") else page
                          for page in getattr(site, f.name))
            for f in fields(site)
        })

    def turn(self) -> None:
        """The link done: what it made is what the next one may give back, and nothing older."""
        self.last, self.now = self.now, {}
