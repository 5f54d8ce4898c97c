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


PREVIOUS = {"Kigali, 2022": "Buenos Aires, 2017", "New Delhi, 2024": "Geneva, 2022"}
"""The meeting before the one that last revised a standalone corpus resolution (WTDC, WTSA)."""


def older(text: str) -> str | None:
    """An earlier revision of a standalone resolution: the meeting in its heading and enacting
    formula the previous one (and gone from its history line), the words of its first clause
    changed; None for a file that is not one."""
    heading = HEADING.search(text)
    if MARKER.search(text) or not heading:
        return None
    flexible = {m: re.compile(re.escape(m).replace("\\ ", "[ \u00a0]")) for m in PREVIOUS}
    line = text[heading.start() : text.find("\n", heading.start())]
    meeting = next((m for m, pattern in flexible.items() if pattern.search(line)), None)
    if meeting is None:
        return None
    history = re.compile(r";\s*" + flexible[meeting].pattern)
    lines = [
        flexible[meeting].sub(PREVIOUS[meeting], x) if HEADING.match(x) or x.startswith("The World")
        else history.sub("", x) if x.startswith("(") else x
        for x in text.split("\n")
    ]
    return re.sub(r"(?m)^(a\)\t)", r"\1as it then stood, ", "\n".join(lines), count=1)


def generate(documents: int, out: Path, revisions: bool = False) -> int:
    """Write copies of the corpus files into `out` until they hold `documents` documents; with
    `revisions`, every other copy of a standalone resolution has an earlier revision beside it."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [(p, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    written = copy = 0
    while written < documents:
        for path, text in sources:
            if written >= documents:
                break
            (out / f"{copy:05d}-{path.name}").write_text(renumber(text, copy), encoding="utf-8")
            written += documents_in(text)
            if revisions and copy % 2 == 0 and written < documents and (earlier := older(text)):
                (out / f"{copy:05d}-earlier-{path.name}").write_text(renumber(earlier, copy), encoding="utf-8")
                written += 1
        copy += 1
    return written
