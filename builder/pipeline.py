"""read → link → render, for a whole corpus folder or a list of files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostics
from .ir import SourceFile
from .link import Site, link
from .readers import read_file
from .render import render


@dataclass(frozen=True)
class Build:
    site: Site
    pages: dict[str, str]
    """docs-relative path → generated Markdown."""
    nav: list[Any]
    diagnostics: Diagnostics


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def read_all(paths: list[Path], diagnostics: Diagnostics, root: Path | None = None) -> list[SourceFile]:
    return [read_file(path, diagnostics, root) for path in paths]


def build(paths: list[Path], root: Path | None = None) -> Build:
    diagnostics = Diagnostics()
    site = link(read_all(paths, diagnostics, root), diagnostics)
    pages, nav = render(site)
    return Build(site, pages, nav, diagnostics)
