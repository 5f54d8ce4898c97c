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
        return f"{self.span}: {self.severity}: {self.message} [{self.code}]"


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
