"""Work that is the same for each of many items, shared among worker processes where the machine
has cores for it: reading the files (per file and pure) and making the exports (per page).

The workers are forked from the builder's process, so they share what it holds (the site, with no
copy sent to them); only the items and the results cross between processes. A fork is safe only
where no other thread runs (`mkdocs serve` has its server's, and the search index's), so there,
as on a single core or a system without fork, the work is done here, item after item: the
results are the same."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_job: Callable[[Any], Any] | None = None
"""A worker process's job, set in the worker as it starts (never in the builder's own process)."""


def cores() -> int:
    """The cores this process may run on (at most 8: past that, sending results back dominates)."""
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(available, 8)


def each(job: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
    """`job(item)` for each item, in order. `job` may hold anything (a fork shares it); each item
    and each result must pickle."""
    workers = cores()
    if workers < 2 or len(items) < 4 * workers or "fork" not in get_all_start_methods() or threading.active_count() > 1:
        yield from map(job, items)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_start, initargs=(job,)) as pool:
        yield from pool.map(_run, items, chunksize=max(1, len(items) // (workers * 8)))


def _start(job: Callable[[Any], Any]) -> None:
    global _job
    _job = job


def _run(item: Any) -> Any:
    assert _job is not None
    return _job(item)
