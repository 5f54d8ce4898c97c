"""Words that look like a citation but that the reader left as text (`Recommendation ITU-T
D.50`, `in Article 17 of the Financial Regulations`, `Resolutions 1-5`) are reported, once per
line, with why: no citation is skipped silently.

Only the proposed text is read (what a proposal deletes cites nothing). A provision named
without its instrument (`No. 5.266`) is read as such (`Reference.bare`) and is the link stage's
to report, since only a text's body says whose provision it is (builder/link/citations.py)."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostics
from ..ir import Change, Inline, SourceFile, Span
from ..walk import Walker

_SHAPED = re.compile(
    r"\b(?P<kind>[Rr]esolutions?|[Dd]ecisions?|Res\.|Recommendations?|Rec\.|Opinions?|[Aa]rticles?|Nos?\.)"
    r"\s*(?P<sector>ITU-?[RTD]\s+)?(?P<number>(?:[A-Z]{1,2}\.)?\d+[A-Z]?(?:[.\-–/]\d+)*)"
)
"""Words that look like a citation of a resolution, decision, Recommendation, Opinion, Article or No."""
_SHAPED_WORDS = ("esolution", "ecision", "Res.", "ecommendation", "Rec.", "pinion", "rticle", "No")
_OF = re.compile(r"\s*(?:\([^()]*\))?,?\s+of\s+(?P<what>the\s+[^,;:()]+)")
_RANGE = re.compile(r"\d+\s*[-–]\s*\d+$")

NO_INSTRUMENT = (
    "names no instrument after its number; kept as text: "
    "`of the Constitution`, `of the Convention` or `of the Radio Regulations` right after it would link it"
)


def report_unread(source: SourceFile, diagnostics: Diagnostics) -> None:
    """Report the citation-shaped words every text of a file left as text."""
    reporter = _Reporter(diagnostics)
    for text in source.resolutions:
        reporter.text(text)
    for c in source.contributions:
        reporter.contribution(c)
        for p in c.proposals:
            reporter.proposal(p)
    reporter.footnotes(source.footnotes)


class _Reporter(Walker):
    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.reported: set[tuple[Span, str]] = set()

    def inlines(self, text: tuple[Inline, ...], span: Span, anchor: str | None, where: str) -> tuple[Inline, ...]:
        """The run unchanged, its citation-shaped words between citations reported."""
        run: list[str] = []
        for piece in (*text, None):
            if isinstance(piece, str) or (isinstance(piece, Change) and piece.op == "ins"):
                run.append(piece if isinstance(piece, str) else piece.text)
            elif not isinstance(piece, Change):
                self.report("".join(run), span)
                run = []
        return text

    def report(self, words: str, span: Span) -> None:
        if not any(w in words for w in _SHAPED_WORDS):
            return
        for m in _SHAPED.finditer(words):
            if (span, m[0]) not in self.reported:
                self.reported.add((span, m[0]))
                code, why = _unread(m, words[m.end():])
                report = self.diagnostics.warning if code == "citation-unread" else self.diagnostics.info
                report(code, span, f"“{m[0]}” {why}")


def _unread(m: re.Match[str], after: str) -> tuple[str, str]:
    """(code, why) for citation-shaped words the reader left as text; `after` is what follows them."""
    kind = m["kind"].lower()
    if kind.startswith("rec"):
        sector = f"an ITU-{m['sector'].strip()[-1]} " if m["sector"] else "a "
        return "citation-not-covered", f"cites {sector}Recommendation, which the collection does not cover; kept as text"
    if kind.startswith("opinion"):
        return "citation-not-covered", "cites an Opinion, which the collection does not cover; kept as text"
    if kind.startswith(("article", "no")):
        if of := _OF.match(after):
            what = " ".join(of["what"].split())
            what = what if len(what) <= 70 else what[:69] + "…"
            return "citation-not-covered", f"cites {what}, which the collection does not cover; kept as text"
        return "citation-no-instrument", NO_INSTRUMENT
    if _RANGE.search(m["number"]):
        return "citation-range", "is a range, which is not linked; kept as text: name each number to link them"
    return "citation-unread", (
        "looks like a citation but is in no form the reader knows (builder/readers/citations.py lists them); kept as text"
    )
