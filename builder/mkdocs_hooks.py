"""MkDocs hooks: run the builder before every build (and every `mkdocs serve` rebuild).

The generated pages never touch `docs/`: they are added to MkDocs' file list in memory
(`File.generated`), and the navigation is set from the linked site. Diagnostics are
logged through MkDocs, so `mkdocs build --strict` fails on corpus warnings as it does on
its own. The corpus is `corpus/` beside mkdocs.yml, or the folder in $ITU_CORPUS.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from builder.pipeline import build, corpus_files

log = logging.getLogger("mkdocs.builder")
_pages: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    corpus = Path(os.environ.get("ITU_CORPUS", root / "corpus"))
    result = build(corpus_files(corpus), root)
    for d in result.diagnostics:
        {"error": log.error, "warning": log.warning, "info": log.info}[d.severity](str(d))
    _pages.clear()
    _pages.update(result.pages)
    config.nav = result.nav
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src, content in _pages.items():
        files.append(File.generated(config, src, content=content))
    return files
