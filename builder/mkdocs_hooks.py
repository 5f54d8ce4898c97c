"""MkDocs hooks: run the builder before every build (and every `mkdocs serve` rebuild).

The generated pages never touch `docs/`: they are written beside the site, to `site-pages/` for
`site/`, and the exports (builder/exports.py) to `site-data/` (only the files whose content
changed, so that `mkdocs serve --dirty` rebuilds or copies only them), and added to MkDocs' file
list from there; the navigation is set from the linked site. Diagnostics are
logged through MkDocs, so `mkdocs build --strict` fails on corpus warnings as it does on
its own. The corpus is `corpus/` beside mkdocs.yml, or the folder in $ITU_CORPUS.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from builder.exports import exports
from builder.pipeline import build, corpus_files, write_exports, write_pages
from builder.progress import Progress
from builder.readers import source_name
from builder.search import index_site

log = logging.getLogger("mkdocs.builder")
_pages: dict[str, str] = {}
_exports: list[str] = []
_generated: list[Path] = []
_data: list[Path] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    corpus = Path(os.environ.get("ITU_CORPUS", root / "corpus"))
    progress = Progress()
    paths = corpus_files(corpus)
    result = build(paths, root, progress)
    for d in result.diagnostics:
        {"error": log.error, "warning": log.warning, "info": log.info}[d.severity](str(d))
    site_dir = Path(config.site_dir)
    generated = site_dir.with_name(site_dir.name + "-pages")  # beside the site: one per build target
    data = site_dir.with_name(site_dir.name + "-data")
    write_pages(result.pages, generated, progress)
    _pages.clear()
    _pages.update(result.pages)
    _exports[:] = write_exports(exports(result.site, {source_name(p, root): p for p in paths}), data)
    _generated[:] = [generated]
    _data[:] = [data]
    config.nav = result.nav
    if str(corpus) not in config.watch:
        config.watch.append(str(corpus))  # `mkdocs serve` rebuilds on an edit to the corpus, wherever it is
    return config


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built site with Pagefind (`extra.pagefind`: `fetch` online, `scripts` for the
    offline bundle, which file:// cannot fetch)."""
    transport = config.extra.get("pagefind")
    if not transport:
        return
    pages = index_site(Path(config.site_dir), directory_urls=config.use_directory_urls, scripts=transport == "scripts")
    log.info(f"Pagefind indexed {pages} pages")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src in _pages:
        files.append(File(src, str(_generated[0]), config.site_dir, config.use_directory_urls))
    for src in _exports:  # JSON, Akoma Ntoso and source files (builder/exports.py)
        files.append(File.generated(config, src, abs_src_path=str(_data[0] / src)))
    return files
