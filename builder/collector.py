"""The cyclic garbage collector paused while the builder works.

The IR is millions of small objects that live until the build ends: the collector would scan
them again and again (a third of the builder's time at 2,000 documents) and free nothing; a
worker process forked with it running scans every object it inherited, and so copies most of
the builder's memory (builder/parallel.py). The builder's objects hold no cycles that must be
freed before the build ends; what is freed goes by reference counts, the collector running
again after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
