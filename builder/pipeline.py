"""read → link → render, for a whole corpus folder or a list of files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import collector, parallel
from .diagnostics import Diagnostic, Diagnostics
from .exports import Exported
from .ir import SourceFile
from .link import Site, link
from .link.official import OfficialPatterns
from .link.recall import Recall
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
    """What `mkdocs serve` keeps from one rebuild to the next, on the plugin (builder/plugin.py),
    so that a rebuild does again only what an edit changes: the files read, by path,
    modification time and size; what the link stage made of each page (builder/link/recall.py);
    the pages rendered (builder/render `Renderer.last`); the files exported (builder/exports.py
    `Exported`); and what was written of them. A one-off build keeps none."""

    files: dict[tuple[Path, int, int], tuple[SourceFile, list[Diagnostic]]] = field(default_factory=dict)
    link: Recall = field(default_factory=Recall)
    pages: dict[str, Any] = field(default_factory=dict)
    exports: Exported = field(default_factory=Exported)
    pages_written: dict[str, str] = field(default_factory=dict)
    exports_written: dict[str, bytes] = field(default_factory=dict)
    """What was written of the pages and the exports, by path, so that a rebuild compares with
    it rather than read every file back."""


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
    with collector.paused():
        site = link(read_all(paths, diagnostics, root, progress, memory), diagnostics, official, memory.link if memory else None)
        rendered = render(site, directory_urls, memory.pages if memory else None)
    return Build(site, rendered.pages, rendered.nav, rendered.written, rendered.meta, diagnostics)


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write `data` to `target` unless it holds those bytes already: an unchanged file keeps its
    modification time, which `mkdocs serve --dirty` goes by."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def write_pages(pages: dict[str, str], out: Path, progress: Progress = QUIET, written: dict[str, Any] | None = None) -> int:
    """Write the generated pages under `out`, touching only those whose content changed (the
    others keep their bytes and modification time), and remove pages no longer generated
    (`written`: what the last `mkdocs serve` rebuild wrote, updated). Returns how many files
    were written."""
    known, count = bool(written), 0
    for n, (src, content) in enumerate(pages.items(), start=1):
        count += _write(out, src, content, written)
        progress.update("pages written", n, len(pages))
    _remove_others(out, set(pages), written if known else None, "*.md")
    return count


def write_exports(files: Iterable[tuple[str, bytes]], out: Path, written: dict[str, Any] | None = None) -> list[str]:
    """Write the files under `out`, touching only those whose bytes changed (MkDocs copies a file
    newer than its copy in the site, so `mkdocs serve --dirty` copies only those), and remove
    files no longer published (`written` as for write_pages). Returns their paths in the site."""
    known, published = bool(written), []
    for src, data in files:
        _write(out, src, data, written)
        published.append(src)
    _remove_others(out, set(published), written if known else None, "*")
    return published


def _write(out: Path, src: str, content: str | bytes, written: dict[str, Any] | None) -> bool:
    """Write a page's Markdown or an export's bytes unless unchanged: compared with what was
    written last where that is known (the very object, most often, kept by the memories of
    rendering and exports, so that this holds no copy), else with the file."""
    last = written.get(src) if written is not None else None
    if last is not None and (last is content or last == content):
        return False
    changed = write_if_changed(out / src, content.encode("utf-8") if isinstance(content, str) else content)
    if written is not None:
        written[src] = content
    return changed


def _remove_others(out: Path, kept: set[str], written: dict[str, Any] | None, pattern: str) -> None:
    """Remove the files under `out` that are not `kept`: of those written last time, where that
    is known, else of all those the folder holds."""
    if written is not None:
        for src in [src for src in written if src not in kept]:
            (out / src).unlink(missing_ok=True)
            del written[src]
        return
    for stale in [p for p in out.rglob(pattern) if p.is_file() and p.relative_to(out).as_posix() not in kept]:
        stale.unlink()
