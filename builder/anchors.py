"""The public anchor scheme (REFERENCE.md, "URLs and anchors").

A clause anchor is its section's anchor followed by its label path:
`recalling-a`, `resolves-5-1`, `resolves-5-ii`. Rules, applied in order:

1. A section anchor is its heading in lower-case ASCII, words joined by hyphens, with
   the three Bureau directors shortened: "the Director of the Telecommunication
   Standardization Bureau" gives `director-tsb` (`bdt`, `br` for the other two).
   An annex is `annex`, or `annex-1` for Annex 1; a part is `section-1bis`, `part-a`,
   `appendix-i`, and an annex's part `annex-a-part-1`.
2. A label contributes its letters and digits (`a)` → `a`, `5.1` → `5-1`).
3. Bullets (`–`, `•`) and unlabelled paragraphs are numbered by position among their
   siblings as `item-N`: `instructs-the-secretary-general-6-item-2`.
4. A second use of the same anchor on a page gets `--2`, a third `--3`: a double hyphen
   never arises from rules 1 to 3, so it cannot collide with a real label.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .conventions import match_text

_SHORT_FORMS = (
    (re.compile(r"\bdirector of the telecommunication standardization bureau\b"), "director tsb"),
    (re.compile(r"\bdirector of the telecommunication development bureau\b"), "director bdt"),
    (re.compile(r"\bdirector of the radiocommunication bureau\b"), "director br"),
)


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by single hyphens."""
    text = unicodedata.normalize("NFKD", match_text(text)).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def section_slug(heading: str) -> str:
    text = " ".join(match_text(heading).lower().split())
    for pattern, short in _SHORT_FORMS:
        text = pattern.sub(short, text)
    return slug(text) or "section"


class AnchorSet:
    """Hands out anchors for one page, making repeats unique by rule 4."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def claim(self, anchor: str) -> str:
        count = self._seen.get(anchor, 0) + 1
        self._seen[anchor] = count
        return anchor if count == 1 else f"{anchor}--{count}"
