"""The Pagefind index of the built site: Pagefind loads just the index fragments a query needs,
where Material's search downloads the whole index.

Indexed: the pages of documents (resolutions, their revisions, proposals, contributions,
unplaced texts), each page's article, with its clauses (elements with ids, which Pagefind
returns as anchors, so that a result can land on the clause). Not indexed: the pages that list
or compare documents (indexes, references, comparisons), what pages repeat (permalinks, badges,
backlink lists, revision histories, the "Cite as" and "Data" lines, a MOD proposal's clauses
whose words are those of the text it amends) and deleted words (the text as proposed is what is
searched). Filters and metadata come from `data-pagefind-*` attributes the templates write.

The offline bundle is read from file://, where a page can neither fetch nor import a module, but
can still run a classic `<script>`. So there (`extra.pagefind: scripts`) each file of the bundle
is also written as a script that hands its bytes to the page, and Pagefind's module as a classic
script whose `fetch` loads those scripts (docs/javascripts/search.js): the same index, ranking and
search box as online, each query still loading only the fragments it needs.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .conventions import BODIES

_BODIES = "{" + ",".join(BODIES) + "}"
DOCUMENTS = (
    f"{_BODIES}/{{res,dec}}-*",  # resolutions and decisions, of every body
    f"{_BODIES}/{{res,dec}}-*/*-[0-9][0-9][0-9][0-9]",  # their revisions (`hammamet-2016`)
    f"{_BODIES}/{{res,dec}}-*/{{wrc,warc,c}}-[0-9]*",  # named by the meeting (`wrc-97`, `c-1997`)
    f"{_BODIES}/{{res,dec}}-*/c[0-9][0-9]",  # a Council session (`c16`)
    "proposals/*[0-9]*",  # proposals and contributions
    "unplaced/*",
)
"""The pages of documents by their URLs (REFERENCE.md, "URLs and anchors"), without the ending: a page
is `x/index.html`, or in the offline bundle (no directory URLs) `x.html` unless its source is
itself an index (a contribution's `proposals/acp-64a1/`)."""
EXCLUDE = (
    ".clause-permalink", ".headerlink", "del", ".change-badge", ".change-mark", ".redline-switch",
    ".revision-history", ".resolution-meta", ".redline", ".footnote-backref", ".cite-as", ".exports",
)
BUNDLE = "pagefind"
"""The index's folder in the site."""
MODULE = "pagefind.js"
CLASSIC = "pagefind-classic.js"
"""Pagefind's module rewritten as a classic script, for the offline bundle."""


class _WrittenIndex(PagefindIndex):
    """A Pagefind index whose bundle is all on disk before its service is stopped. Pagefind
    1.5.2 (the latest release) acknowledges a write before its last bytes reach the disk, and
    the Python API then terminates the service: under load a file is cut short, and search
    breaks (Pagefind/pagefind#1271, fixed upstream by flushing each file, not yet released)."""

    def __init__(self, config: IndexConfig, bundle: Path) -> None:
        super().__init__(config)
        self.bundle = bundle

    async def write_files(self, output_path: str | None = None) -> None:
        await super().write_files(output_path)
        await _settled(self.bundle)


async def _settled(folder: Path, quiet: float = 0.5, most: float = 120.0) -> None:
    """Wait until no file of the folder has changed its size for `quiet` seconds."""

    def sizes() -> dict[Path, int]:
        return {p: p.stat().st_size for p in folder.rglob("*") if p.is_file()}

    last, deadline = sizes(), time.monotonic() + most
    while time.monotonic() < deadline:
        await asyncio.sleep(quiet)
        if (now := sizes()) == last:
            return
        last = now


async def _index(site: Path, directory_urls: bool, bundle: Path) -> int:
    config = IndexConfig(
        root_selector="article", exclude_selectors=list(EXCLUDE), force_language="en", output_path=str(bundle),
    )
    endings = ("/index.html",) if directory_urls else ("/index.html", ".html")
    async with _WrittenIndex(config, bundle) as index:  # writes the bundle on leaving
        pages = 0
        for glob in DOCUMENTS:
            for ending in endings:
                pages += int((await index.add_directory(path=str(site), glob=glob + ending))["page_count"])
    return pages


def index_site(site: Path, *, directory_urls: bool = True, scripts: bool = False, bundle: str = BUNDLE) -> int:
    """Write `site/pagefind/` (as scripts for file:// if `scripts`; in `bundle` instead if given);
    returns how many pages were indexed."""
    pages = asyncio.run(_index(site, directory_urls, site / bundle))
    if scripts:
        as_scripts(site / bundle)
    return pages


class BackgroundIndex:
    """Under `mkdocs serve`, the site indexed after each rebuild in a thread of its own, so that an
    edit shows as soon as MkDocs has written its page (at 2,000 documents Pagefind takes longer
    than the rest of a rebuild); search catches up when the index is written, beside the site's
    and then put in its place at once. An index asked for while one is being made is made when
    that one ends, of the site as it is then."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log = log
        self.lock = threading.Lock()
        self.asked: tuple[Path, bool, bool] | None = None
        self.running = False

    def ask(self, site: Path, *, directory_urls: bool, scripts: bool) -> None:
        with self.lock:
            self.asked = (site, directory_urls, scripts)
            if not self.running:
                self.running = True
                threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self.lock:
                if self.asked is None:
                    self.running = False
                    return
                (site, directory_urls, scripts), self.asked = self.asked, None
            try:
                self.log(f"Pagefind indexed {_index_beside(site, directory_urls, scripts)} pages")
            except OSError as e:  # a clean rebuild emptied the site meanwhile: the next one indexes it
                self.log(f"Pagefind's index was not replaced ({e}); the next rebuild makes it")


def _index_beside(site: Path, directory_urls: bool, scripts: bool) -> int:
    """Index the site beside its index, then put the new one in the old one's place."""
    fresh, old, live = site / f"{BUNDLE}-next", site / f"{BUNDLE}-old", site / BUNDLE
    shutil.rmtree(fresh, ignore_errors=True)
    pages = index_site(site, directory_urls=directory_urls, scripts=scripts, bundle=fresh.name)
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        live.rename(old)
    fresh.rename(live)
    shutil.rmtree(old, ignore_errors=True)
    return pages


def as_scripts(bundle: Path) -> None:
    """Rewrite a Pagefind bundle for file://: every index file `f` as `f.js`, which calls
    `ituPagefindFile("f", "<base64>")`, and the module as `pagefind-classic.js`, which sets
    `ituPagefind` and fetches through `ituPagefindFetch`. The rest (the original files, Pagefind's
    own UIs and worker, which file:// cannot run) is removed."""
    module = (bundle / MODULE).read_text(encoding="utf-8")
    exports = re.fullmatch(r"(?s)(.*)export\s*\{([\w\s,]+)\};?\s*", module)
    if exports is None or "import.meta.url" not in module or re.search(r"\bimport\s*[({]|\bexport\b", exports[1]):
        raise RuntimeError(f"{bundle / MODULE}: not the module shape this Pagefind version had; update builder/search.py")
    body = exports[1].replace("import.meta.url", "undefined")  # the offline page passes basePath itself
    (bundle / CLASSIC).write_text(
        f"window.ituPagefind = (function (fetch) {{\n{body}\nreturn {{{exports[2]}}};\n}})(window.ituPagefindFetch);\n",
        encoding="utf-8",
    )
    for path in sorted(bundle.rglob("*")):
        if path.is_dir() or path.name == CLASSIC:
            continue
        if path.suffix not in (".js", ".css"):
            name = path.relative_to(bundle).as_posix()
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            path.with_name(path.name + ".js").write_text(f"ituPagefindFile({json.dumps(name)}, \"{data}\");\n", encoding="ascii")
        path.unlink()
