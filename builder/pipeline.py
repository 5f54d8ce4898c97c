"""read → link → render, for a whole corpus folder or a list of files."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import parallel
from .diagnostics import Diagnostic, Diagnostics
from .exports import Exported
from .ir import SourceFile
from .link import Site, link
from .link.official import OfficialPatterns
from .progress import QUIET, Progress
from .readers import WORD, Roots, read_file
from .render import render
from .render.blocks import Written
from .render.titles import PageMeta


@dataclass(frozen=True)
class Build:
    site: Site
    pages: dict[str, str]
    """docs-relative path → generated Markdown."""
    nav: list[Any]
    written: dict[str, Written]
    """The links and ids each page writes as HTML (builder/render/blocks.py), for MkDocs to validate."""
    meta: dict[str, PageMeta]
    """Each page's title and description (builder/render/titles.py)."""
    diagnostics: Diagnostics


SUFFIXES = (".txt", *WORD)


def corpus_folders(setting: str | None, root: Path) -> list[Path]:
    """The folders a build reads: `corpus/` beside mkdocs.yml, or those `ITU_CORPUS` names,
    separated as PATH separates them (`corpus:../shared/collections/pp-18`), resolved."""
    named = [Path(p) for p in setting.split(os.pathsep) if p] if setting else [root / "corpus"]
    return [p.resolve() for p in named]


def naming_roots(folders: list[Path], root: Path) -> tuple[Path, ...]:
    """What names the files of `folders` (readers.source_name): the project, then the parent of
    each folder outside it, so a collection's files are named by its folder (`pp-18/…`)."""
    root = root.resolve()
    return (root, *dict.fromkeys(f.parent for f in folders if not f.is_relative_to(root)))


def corpus_files(*folders: Path) -> list[Path]:
    """Text exports and Word documents (Word's lock files `~$…` aside), folder by folder, Word
    documents first in each: where both hold the same text, the one with exact tracked changes is
    read first and published."""
    def of(folder: Path) -> list[Path]:
        found = [p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith("~$")]
        return sorted(found, key=lambda p: (p.suffix.lower() == ".txt", p))

    return [path for folder in folders for path in of(folder)]


@dataclass
class Memory:
    """What `mkdocs serve` keeps from one rebuild to the next, on the plugin (builder/plugin.py):
    the files read, by path, modification time and size, so that only an edited file is read
    again; the pages rendered (builder/render `Renderer.last`), so that only the pages an edit
    changed are rendered again; and the files exported (builder/exports.py `Exported`), likewise.
    A one-off build keeps none."""

    files: dict[tuple[Path, int, int], tuple[SourceFile, list[Diagnostic]]] = field(default_factory=dict)
    pages: dict[str, Any] = field(default_factory=dict)
    exports: Exported = field(default_factory=Exported)


def read_all(
    paths: list[Path], diagnostics: Diagnostics, root: Roots = None, progress: Progress = QUIET, memory: Memory | None = None,
) -> list[SourceFile]:
    known = memory.files if memory else {}
    keys = []
    for path in paths:
        stat = path.stat()
        keys.append((path.resolve(), stat.st_mtime_ns, stat.st_size))
    unread = [(key, path) for key, path in zip(keys, paths) if key not in known]
    reads = parallel.each(partial(_read_one, root=root), [path for _, path in unread])  # per file and pure
    for n, (key, read) in enumerate(zip([key for key, _ in unread], reads), start=1):
        known[key] = read
        progress.update("documents read", n, len(unread))
    files = []
    for key in keys:
        file, found_here = known[key]
        files.append(file)
        diagnostics.extend(found_here)
    if memory:
        memory.files = {key: known[key] for key in keys}  # an edited file's earlier reading, or a removed file's, is let go
    return files


def _read_one(path: Path, root: Roots) -> tuple[SourceFile, list[Diagnostic]]:
    found = Diagnostics()
    return read_file(path, found, root), list(found)


def build(
    paths: list[Path], root: Roots = None, progress: Progress = QUIET, directory_urls: bool = True,
    official: Mapping[str, OfficialPatterns] | None = None, memory: Memory | None = None,
) -> Build:
    """`official`: the address patterns of conferences' official documents (builder/link/official.py);
    `memory`: what an earlier build of this `mkdocs serve` kept, to read and render only what changed."""
    diagnostics = Diagnostics()
    # The IR is millions of small objects that live until the end: the cyclic garbage collector
    # would scan them again and again (a third of the time at 2,000 documents) and free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        site = link(read_all(paths, diagnostics, root, progress, memory), diagnostics, official)
        rendered = render(site, directory_urls, memory.pages if memory else None)
    finally:
        if collecting:
            gc.enable()
    return Build(site, rendered.pages, rendered.nav, rendered.written, rendered.meta, diagnostics)


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write `data` to `target` unless it holds those bytes already: an unchanged file keeps its
    modification time, which `mkdocs serve --dirty` goes by."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def write_pages(pages: dict[str, str], out: Path, progress: Progress = QUIET) -> int:
    """Write the generated pages under `out`, touching only those whose content changed (the
    others keep their bytes and modification time), and remove pages no longer generated.
    Returns how many files were written."""
    written = 0
    for n, (src, content) in enumerate(pages.items(), start=1):
        written += write_if_changed(out / src, content.encode("utf-8"))
        progress.update("pages written", n, len(pages))
    for stale in [p for p in out.rglob("*.md") if p.relative_to(out).as_posix() not in pages]:
        stale.unlink()
    return written


def write_exports(files: Iterable[tuple[str, bytes]], out: Path) -> list[str]:
    """Write the files under `out`, touching only those whose bytes changed (MkDocs copies a file
    newer than its copy in the site, so `mkdocs serve --dirty` copies only those), and remove
    files no longer published. Returns their paths in the site."""
    published = []
    for src, data in files:
        write_if_changed(out / src, data)
        published.append(src)
    kept = set(published)
    for stale in [p for p in out.rglob("*") if p.is_file() and p.relative_to(out).as_posix() not in kept]:
        stale.unlink()
    return published
