"""Counts on a terminal while the builder works; nothing when the output is not a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()

    def update(self, what: str, done: int, total: int) -> None:
        if self.enabled and (done == total or done % 25 == 0):
            self.stream.write(f"\r{what}: {done}/{total}\033[K")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()


QUIET = Progress.__new__(Progress)
QUIET.enabled = False
