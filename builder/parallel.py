"""Work that is the same for each of many items, shared among worker processes where the machine
has cores for it: reading the files (per file and pure), rendering the pages and making the
exports (per page), in batches (`BATCH`).

The workers are forked from the builder's process, so they share what it holds (the site, with no
copy sent to them); only the items and the results cross between processes. A fork is safe only
where no other thread runs (`mkdocs serve` has its server's, and the search index's), so there,
as on a single core or a system without fork, the work is done here, item after item: the
results are the same."""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

BATCH = 2000
"""The most items one set of workers does. A worker shares the builder's memory only until it
writes to it, and reading an object writes its reference count: a worker that did a large part
of the work would end up with its own copy of most of the builder's memory (at 10,000 documents,
a gigabyte more in each). New workers for each batch keep what each copies proportional to a
batch, whatever the collection's size; but each set of workers copies again what every item
reads. Measured at 10,000 documents (`make site`, all processes' memory at its peak, and the
builder's time): batches of 1,000, 2,243 MB and 88 s; of 3,000, 2,735 MB and 82 s."""

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
    size = math.ceil(len(items) / math.ceil(len(items) / BATCH))  # batches of at most BATCH, as even as can be
    for start in range(0, len(items), size):  # new workers for each batch
        batch = items[start:start + size]
        with ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_start, initargs=(job,)) as pool:
            yield from pool.map(_run, batch, chunksize=max(1, len(batch) // (workers * 8)))


def _start(job: Callable[[Any], Any]) -> None:
    global _job
    _job = job


def _run(item: Any) -> Any:
    assert _job is not None
    return _job(item)
