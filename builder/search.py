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
import math
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .conventions import BODIES

DOCUMENTS = tuple(
    f"{body}/{kind}-*{below}" for body in BODIES for kind in ("res", "dec") for below in (
        "",  # resolutions and decisions, of every body
        "/*-[0-9][0-9][0-9][0-9]",  # their revisions (`hammamet-2016`)
        "/wrc-[0-9]*", "/warc-[0-9]*", "/c-[0-9]*",  # named by the meeting (`wrc-97`, `c-1997`)
        "/c[0-9][0-9]",  # a Council session (`c16`)
    )
) + (
    "proposals/*[0-9]*",  # proposals and contributions
    "unplaced/*",
)
"""The pages of documents by their URLs (REFERENCE.md, "URLs and anchors"), as `Path.glob`
patterns without the ending: a page is `x/index.html`, or in the offline bundle (no directory
URLs) `x.html` unless its source is itself an index (a contribution's `proposals/acp-64a1/`)."""
EXCLUDE = (
    ".clause-permalink", ".headerlink", "del", ".change-badge", ".change-mark", ".redline-switch",
    ".revision-history", ".resolution-meta", ".redline", ".footnote-backref", ".cite-as", ".exports",
)
BUNDLE = "pagefind"
"""The index's folder in the site."""
PART_MB = 100
"""About how much HTML, in MB, one Pagefind process indexes. Its indexer holds about eight times
the bytes of the pages it is given (1.3 GB for the 158 MB of 2,000 documents), all until it
writes: a larger site is indexed in parts, one process after another, and the browser merges
them (Pagefind's `mergeIndex`), loading from each only what a query needs."""
PARTS = "parts.json"
"""The list of the parts after the first (`part-2/`, …), which the search box merges."""
_PART_FILES = ("pagefind-entry.json", "*.pf_meta", "index", "fragment", "filter")
"""What a merged part needs: the first part's module and WebAssembly serve them all."""
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


def _pages(site: Path, directory_urls: bool) -> list[Path]:
    """The documents' pages, by their paths in the site."""
    endings = ("/index.html",) if directory_urls else ("/index.html", ".html")
    return sorted({path.relative_to(site) for glob in DOCUMENTS for ending in endings for path in site.glob(glob + ending)})


async def _index_part(site: Path, pages: list[Path], folder: Path) -> int:
    """Index the pages into `folder`. Pagefind is given a folder of links to them, laid out as
    in the site (its URLs are their paths there): its Python API waits a tenth of a second for
    each page handed to it one by one."""
    config = IndexConfig(
        root_selector="article", exclude_selectors=list(EXCLUDE), force_language="en", output_path=str(folder),
    )
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site.parent) as tree:
        for page in pages:
            (Path(tree) / page).parent.mkdir(parents=True, exist_ok=True)
            _link(site / page, Path(tree) / page)
        async with _WrittenIndex(config, folder) as index:  # writes the part on leaving
            return int((await index.add_directory(path=tree, glob="**/*.html"))["page_count"])


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)


async def _index(site: Path, directory_urls: bool, bundle: Path, part_mb: int) -> int:
    """Index the pages in parts of about `part_mb` of HTML each, the pages dealt out in turn
    (every part a sample of the whole, so that each ranks by nearly the same statistics): the
    first part in `bundle`, the others in `bundle/part-N/`. Returns how many pages Pagefind
    indexed."""
    pages = _pages(site, directory_urls)
    size = sum((site / page).stat().st_size for page in pages)
    count = max(1, min(len(pages), math.ceil(size / (part_mb * 1_000_000))))  # no part without pages
    for old in bundle.glob("part-*"):  # an earlier build's (`mkdocs build --dirty`)
        shutil.rmtree(old)
    indexed = 0
    for k in range(count):
        folder = bundle / f"part-{k + 1}" if k else bundle
        indexed += await _index_part(site, pages[k::count], folder)
        if k:
            for path in folder.iterdir():
                if not any(path.match(keep) for keep in _PART_FILES):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
    (bundle / PARTS).write_text(json.dumps([f"part-{k + 1}/" for k in range(1, count)]), encoding="utf-8")
    return indexed


def index_site(
    site: Path, *, directory_urls: bool = True, scripts: bool = False, bundle: str = BUNDLE, part_mb: int = PART_MB,
) -> int:
    """Write `site/pagefind/` (as scripts for file:// if `scripts`; in `bundle` instead if given);
    returns how many pages were indexed."""
    pages = asyncio.run(_index(site, directory_urls, site / bundle, part_mb))
    if scripts:
        as_scripts(site / bundle)
    return pages


class BackgroundIndex:
    """Under `mkdocs serve`, the site indexed after each rebuild in a thread of its own, so that an
    edit shows as soon as MkDocs has written its page (at 2,000 documents Pagefind takes longer
    than the rest of a rebuild); search catches up when the index is written, beside the site's
    and then put in its place at once. An index asked for while one is being made is made when
    that one ends, of the site as it is then. It runs at a lower priority than the rebuilds
    (`_behind`), so that an edit made while it runs still shows at once."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log = log
        self.lock = threading.Lock()
        self.asked: tuple[Path, bool, bool, int] | None = None
        self.running = False

    def ask(self, site: Path, *, directory_urls: bool, scripts: bool, part_mb: int = PART_MB) -> None:
        with self.lock:
            self.asked = (site, directory_urls, scripts, part_mb)
            if not self.running:
                self.running = True
                threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        _behind()
        while True:
            with self.lock:
                if self.asked is None:
                    self.running = False
                    return
                (site, directory_urls, scripts, part_mb), self.asked = self.asked, None
            try:
                self.log(f"Pagefind indexed {_index_beside(site, directory_urls, scripts, part_mb)} pages")
            except OSError as e:  # a clean rebuild emptied the site meanwhile: the next one indexes it
                self.log(f"Pagefind's index was not replaced ({e}); the next rebuild makes it")


def _behind() -> None:
    """Lower this thread's priority, and so that of the Pagefind processes it starts, which
    inherit it: on 2 cores, Pagefind indexing 2,000 documents takes both for some seconds after
    each rebuild, and an edit saved meanwhile waited for them. Linux sets a priority for each
    thread; elsewhere nothing changes."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:
            pass


def _index_beside(site: Path, directory_urls: bool, scripts: bool, part_mb: int) -> int:
    """Index the site beside its index, then put the new one in the old one's place."""
    fresh, old, live = site / f"{BUNDLE}-next", site / f"{BUNDLE}-old", site / BUNDLE
    shutil.rmtree(fresh, ignore_errors=True)
    pages = index_site(site, directory_urls=directory_urls, scripts=scripts, bundle=fresh.name, part_mb=part_mb)
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
