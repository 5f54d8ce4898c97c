"""Scale the real corpus to N documents: copies of the corpus files with the resolutions they
hold or amend renumbered (and every citation of those numbers in the copy with them), and
contribution codes renumbered, so that targets and citations stay consistent within a copy.

A document is a page-making text: a resolution, a proposal or a contribution."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADING = re.compile(r"^\s*(?:\[bookmark:[^\]\n]*\])*\s*RESOLUTION\s+(\d+)\b", re.IGNORECASE | re.MULTILINE)
CITED_NUMBERS = re.compile(
    r"(\bresolutions?\s+)(\d+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d+)*)(?![\d/])", re.IGNORECASE
)
"""`Resolution 71`, `Resolutions 44 and 54`, and the headings `RESOLUTION 71 (Rev. …)`."""
CODE = re.compile(r"\b([A-Z]{2,5})/(\d+)((?:A\d+)?/\d+)")
MARKER = re.compile(r"^\s*(?:ADD|MOD|SUP|NOC|\(MOD\))\*?\t", re.MULTILINE)


def documents_in(text: str) -> int:
    """Resolutions, proposals and contributions a file gives pages to."""
    proposals = len(MARKER.findall(text))
    return proposals + 1 if proposals else max(1, len(HEADING.findall(text)))


def renumber(text: str, copy: int) -> str:
    if copy == 0:
        return text
    own = {int(n) for n in HEADING.findall(text)}
    shift = lambda n: str(n + 1000 * copy) if n in own else str(n)  # noqa: E731

    def numbers(m: re.Match[str]) -> str:
        return m[1] + re.sub(r"\d+", lambda d: shift(int(d[0])), m[2])

    text = CITED_NUMBERS.sub(numbers, text)
    return CODE.sub(lambda m: f"{m[1]}/{int(m[2]) + 1000 * copy}{m[3]}", text)


def generate(documents: int, out: Path) -> int:
    """Write copies of the corpus files into `out` until they hold `documents` documents."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [(p, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    written = copy = 0
    while written < documents:
        for path, text in sources:
            if written >= documents:
                break
            (out / f"{copy:05d}-{path.name}").write_text(renumber(text, copy), encoding="utf-8")
            written += documents_in(text)
        copy += 1
    return written
