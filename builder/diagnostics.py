"""Diagnostics are values: collected by every stage, printed once, failed on by `--strict`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .ir import Span

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    code: str
    """A stable, greppable name such as `unclassified-line`."""
    severity: Severity
    message: str
    """What is wrong and what to do about it."""
    span: Span

    def __str__(self) -> str:
        """One line for a terminal or a log, whatever the source text it quotes holds."""
        return inert(f"{self.span}: {self.severity}: {self.message} [{self.code}]")


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
_CONTROLS.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)})


def notes_line(diagnostics: "list[Diagnostic] | tuple[Diagnostic, ...]") -> str | None:
    """The info diagnostics in one line, counted by code (`22 notes: citation-not-covered 12,
    citation-no-instrument 5, …`): a build prints its warnings and errors, and says that notes
    exist; `python -m builder check` lists them."""
    counts: dict[str, int] = {}
    for d in diagnostics:
        if d.severity == "info":
            counts[d.code] = counts.get(d.code, 0) + 1
    if not counts:
        return None
    by_count = sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    total = sum(counts.values())
    return (f"{total} note{'s' if total != 1 else ''}: " + ", ".join(f"{code} {n}" for code, n in by_count)
            + " (make check lists them)")


def inert(text: str) -> str:
    """Text with control characters shown as escapes (`\\x1b`): a file name or a quoted line
    holding an ANSI escape sequence, a carriage return or a bidirectional override cannot
    recolour, rewrite or reorder what a terminal shows, nor add a line to a log."""
    return text.translate(_CONTROLS)


def quote(text: str, most: int = 80) -> str:
    """Source text as a message quotes it: on one line, and past `most` characters cut after a
    word, with `…`."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + "…"


class Diagnostics(list[Diagnostic]):
    """An append-only list with helpers, passed down to the code that finds problems."""

    def error(self, code: str, span: Span, message: str) -> None:
        self.append(Diagnostic(code, "error", message, span))

    def warning(self, code: str, span: Span, message: str) -> None:
        self.append(Diagnostic(code, "warning", message, span))

    def info(self, code: str, span: Span, message: str) -> None:
        self.append(Diagnostic(code, "info", message, span))

    def failed(self, strict: bool) -> bool:
        """Errors always fail; warnings fail in strict mode, as in `mkdocs build --strict`."""
        worst = {d.severity for d in self}
        return "error" in worst or (strict and "warning" in worst)
