"""Scale the real corpus to N documents: copies of the corpus files with the resolutions they
hold or amend renumbered (and every citation of those numbers in the copy with them), and
contribution codes renumbered, so that targets and citations stay consistent within a copy.
Each copy also holds the project's own texts of the bodies the real corpus has none of (WRC, RA,
the Council: tests/fixtures/bodies/), renumbered the same way, so that the bench builds them too.

A document is a page-making text: a resolution, a proposal or a contribution."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BODIES = [ROOT / "tests" / "fixtures" / "bodies" / f for f in ("wrc-res-1.txt", "ra-res-1.txt", "council-res-1332.txt")]
"""Texts of the bodies the real corpus holds none of (PP's fixture is left out: the corpus has PP's)."""
ITU_R = r"(ITU[-\u2011]?R\s+)?"
"""RA's numbers (`ITU-R 1-8`: resolution 1, eighth revision) are their own series: `Resolution ITU-R 1`
is not `Resolution 1`. The group is empty for every other body."""
HEADING = re.compile(
    rf"^\s*(?:\[bookmark:[^\]\n]*\])*\s*RESOLUTION\s+{ITU_R}(\d+)\b", re.IGNORECASE | re.MULTILINE
)
CITED_NUMBERS = re.compile(
    rf"(\bresolutions?\s+{ITU_R})(\d+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d+)*)(?![\d/])", re.IGNORECASE
)
"""`Resolution 71`, `Resolutions 44 and 54`, `Resolution ITU-R 2`, and the headings
`RESOLUTION 71 (Rev. …)`, `RESOLUTION 1 (REV.WRC-97)`, `RESOLUTION ITU-R 1-8` (the `-8` kept)."""
CODE = re.compile(r"\b([A-Z]{2,5})/(\d+)((?:A\d+)?/\d+)")
MARKER = re.compile(r"^\s*(?:ADD|MOD|SUP|NOC|\(MOD\))\*?\t", re.MULTILINE)


def documents_in(text: str) -> int:
    """Resolutions, proposals and contributions a file gives pages to."""
    proposals = len(MARKER.findall(text))
    return proposals + 1 if proposals else max(1, len(HEADING.findall(text)))


def renumber(text: str, copy: int) -> str:
    """The text of copy `copy`: its own resolutions, and citations of them, numbered 1000 × copy
    higher, within their series (RA's or the others'), so that copies never share a page."""
    if copy == 0:
        return text
    own = {(bool(ra), int(n)) for ra, n in HEADING.findall(text)}

    def shifted(ra: bool, number: str) -> str:
        return str(int(number) + 1000 * copy) if (ra, int(number)) in own else number

    def numbers(m: re.Match[str]) -> str:
        return m[1] + re.sub(r"\d+", lambda d: shifted(bool(m[2]), d[0]), m[3])

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


def generate(documents: int, out: Path, revisions: bool = False, collections: tuple[Path, ...] = ()) -> int:
    """Write copies of the other bodies' texts and the corpus files into `out` until they hold
    `documents` documents; with `revisions`, every other copy of a standalone resolution has an
    earlier revision beside it; with `collections`, each copy holds their texts too, renumbered
    as the copy's proposals are (each copy of ACP/64A1 amends its copy of the PP-18 Final Acts)."""
    out.mkdir(parents=True, exist_ok=True)
    held = [p for folder in collections for p in sorted(folder.glob("*.txt"))]
    paths = BODIES + held + sorted((ROOT / "corpus").glob("*.txt"))  # the bodies first: in every copy, even the last
    sources = [(p, p.read_text(encoding="utf-8")) for p in paths]
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
