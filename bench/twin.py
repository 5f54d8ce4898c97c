"""The plain twin of a built site: the same pages at the same paths, with the same words, as plain
Markdown paragraphs (no builder, no HTML blocks), built by the same MkDocs and Material with the
same theme, features and navigation, and indexed by the same Pagefind. What the twin costs is
what MkDocs, Material and Pagefind cost for those words alone; the site's time over the twin's is
what the builder's pages add (issue 29: at most 1.3 times).

`twin_site(pages, nav, out)` writes the twin's `docs/` and `mkdocs.yml` under `out`;
`build_twin(out)` builds and indexes it and returns the seconds each took."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from builder.search import index_site
from generate import ROOT

_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{:?[^{}]*\}")
_MARKUP = re.compile(r"[*_`#|\\<>\[\]]")


def words(markdown: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a generated page: its first heading, and each other line's words."""
    title, paragraphs = "", []
    for line in markdown.splitlines():
        text = _MARKUP.sub(" ", html.unescape(_TAG.sub(" ", _ATTRS.sub(" ", _LINK.sub(r"\1", line)))))
        text = " ".join(text.split())
        if not text:
            continue
        if not title and line.startswith("# "):
            title = text
        else:
            paragraphs.append(text)
    return title, paragraphs


def twin_site(pages: dict[str, str], nav: Any, out: Path) -> None:
    """Write the twin of the builder's `pages` (Markdown by source path) and its `nav` under `out`."""
    docs = out / "docs"
    for src, markdown in pages.items():
        title, paragraphs = words(markdown)
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title or src}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    twin = {
        "site_name": config["site_name"],
        "docs_dir": "docs",
        "theme": {**config["theme"], "custom_dir": str(ROOT / config["theme"]["custom_dir"])},
        "plugins": [],  # not MkDocs' default search: the site's search is Pagefind's, run below
        "extra": {"pagefind": config["extra"]["pagefind"]},
        "nav": nav,
        "not_in_nav": config["not_in_nav"],
        "markdown_extensions": [e for e in config["markdown_extensions"] if not str(e).startswith("builder.")],
    }
    (out / "mkdocs.yml").write_text(yaml.safe_dump(twin, sort_keys=False), encoding="utf-8")


def build_twin(out: Path) -> dict[str, float]:
    """Build the twin with MkDocs, then index it with Pagefind as the site is; the seconds of each."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out / "site")],
                   cwd=out, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    mkdocs_s = time.perf_counter() - started
    started = time.perf_counter()
    index_site(out / "site")
    pagefind_s = time.perf_counter() - started
    return {"twin_mkdocs_s": round(mkdocs_s, 2), "twin_pagefind_s": round(pagefind_s, 2),
            "twin_total_s": round(mkdocs_s + pagefind_s, 2)}
