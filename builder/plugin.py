"""The MkDocs plugin (`itu-resolutions` under `plugins:` in mkdocs.yml): run the builder before
every build (and every `mkdocs serve` rebuild).

The generated pages never touch `docs/`: they are written beside the site, to `site-pages/` for
`site/`, and the exports (builder/exports.py) to `site-data/` (only the files whose content
changed, so that `mkdocs serve --dirty` rebuilds or copies only them), and added to MkDocs' file
list from there; the navigation is set from the linked site. Errors and warnings are logged
through MkDocs, so `mkdocs build --strict` fails on them as on its own; notes are counted in one
line. The options: `corpus`, the folders read (beside mkdocs.yml; `$ITU_CORPUS`, several as PATH
lists them, replaces them), `official_documents`, the address patterns of conferences'
official documents (builder/link/official.py), and `search_part_mb`, about how much HTML one
Pagefind process indexes (builder/search.py). What the plugin keeps between the events of a
build, and between `mkdocs serve` rebuilds, is on its instance.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import re
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from builder import collector
from builder.bundle import OFFLINE_COPY, OfflineCopy
from builder.diagnostics import notes_line
from builder.exports import exports
from builder.link.official import OfficialConfigError, OfficialPatterns, official_patterns
from builder.pipeline import Memory, build, corpus_files, corpus_folders, naming_roots, write_exports, write_pages
from builder.progress import Progress
from builder.readers import source_name
from builder.render import offline_copy
from builder.render.blocks import Heading, Written
from builder.render.titles import PageMeta
from builder.search import PART_MB, BackgroundIndex, index_site

log = logging.getLogger("mkdocs.builder")
_INDENT = re.compile(r"\n[ \t\n]+")  # ASCII only: a no-break space is text
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.S)


def table_of_contents(found: TableOfContents, headings: tuple[Heading, ...]) -> TableOfContents:
    """A page's table of contents: the headings MkDocs found in its Markdown (its title, whose
    id MkDocs makes), each heading the builder wrote as HTML under the last that is higher,
    in order, as Markdown's toc extension nests them. A page writes all its headings but its
    title one way or the other (tests/test_plugin.py)."""
    top = list(found)
    assert all(not item.children for item in top), "a page mixes Markdown headings with the builder's"
    parents: list[AnchorLink] = top[-1:]
    for level, ident, name in headings:
        item = AnchorLink(name, ident, level)
        while parents and parents[-1].level >= level:
            parents.pop()
        (parents[-1].children if parents else top).append(item)
        parents.append(item)
    if top:
        top[0].active = True  # type: ignore[attr-defined]  # as get_toc marks it
    return TableOfContents(top)


def _let_go() -> None:
    """Give the memory freed so far back to the system. CPython returns freed blocks to the C
    allocator, and glibc's keeps them for the process: after the builder at 2,000 documents, 245
    of 530 MB. Elsewhere than Linux with glibc it stays with the process, as before."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # a C library without it (musl)
            pass


def _set_aside() -> None:
    """Under `mkdocs serve`, after each rebuild's builder: what it keeps for the next rebuild,
    millions of objects, out of the cyclic garbage collector's sight, which would otherwise go
    through them all now and then (1.8 s of a rebuild at 2,000 documents). Collected first: what
    was set aside before is not gone through again, only what came since. The price: what is set
    aside and later becomes garbage within a reference cycle is never freed (a review counted 20
    small objects a rebuild, of `importlib.metadata`'s, as MkDocs loads its configuration)."""
    gc.collect()
    gc.freeze()


class _Compiled(BytecodeCache):
    """Under `mkdocs serve`, the theme's templates compiled once, not again for each rebuild
    (MkDocs makes the theme's Jinja environment anew each time): by name and source, so that
    an edited template is compiled again."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], CodeType | None] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self.code.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[(bucket.key, bucket.checksum)] = bucket.code


class ResolutionsConfig(base.Config):
    corpus = c.ListOfItems(c.Type(str), default=["corpus"])
    """Folders read, beside mkdocs.yml: the corpus and any collections."""
    official_documents = c.Type(dict, default={})
    """Conference → address patterns of its official documents (REFERENCE.md, "Official documents")."""
    search_part_mb = c.Type(int, default=PART_MB)
    """About how much HTML, in MB, one Pagefind process indexes (builder/search.py `PART_MB`)."""


class ResolutionsPlugin(BasePlugin[ResolutionsConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.memory: Memory | None = None
        """Under `mkdocs serve`, what one rebuild keeps for the next (only what changed is read and rendered)."""
        self.pages: list[str] = []
        """The generated pages' sources: MkDocs reads them from `generated`."""
        self.written: dict[str, Written] = {}
        self.meta: dict[str, PageMeta] = {}
        self.exports: list[str] = []
        self.generated = Path()
        self.data = Path()
        self.published: set[str] = set()
        """The site's files made from the builder's pages and exports in the last build."""
        self.stale: set[str] = set()
        self.indexing: BackgroundIndex | None = None
        """Under `mkdocs serve`, Pagefind's indexing after each rebuild, in the background."""
        self.compiled = _Compiled()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Called once; a plugin that has it is kept across `mkdocs serve` rebuilds, with its memory."""
        self.serving = command == "serve"
        self.memory = Memory() if self.serving else None
        self.indexing = BackgroundIndex(log.info) if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:  # checked before anything is read: a mistake in mkdocs.yml stops the build with what and where
            official = official_patterns(self.config.official_documents)
        except OfficialConfigError as e:
            raise PluginError(f"plugins.itu-resolutions.{e}") from None
        part_mb = self.config.search_part_mb
        if isinstance(part_mb, bool) or part_mb < 1:
            raise PluginError(f"plugins.itu-resolutions.search_part_mb: a number of megabytes, 1 or more, not {part_mb!r}")
        root = Path(config.config_file_path).parent
        setting = os.environ.get("ITU_CORPUS") or os.pathsep.join(str(root / folder) for folder in self.config.corpus)
        folders = corpus_folders(setting, root)
        config.nav = self._build(corpus_files(*folders), naming_roots(folders, root), config, official)
        if self.serving:
            _set_aside()
        else:
            _let_go()  # a one-off build keeps nothing of the builder's: its memory is MkDocs' to use
        for folder in folders:  # `mkdocs serve` rebuilds on an edit to the corpus or a collection, wherever it is
            if str(folder) not in config.watch:
                config.watch.append(str(folder))
        return config

    def _build(self, paths: list[Path], roots: tuple[Path, ...], config: MkDocsConfig, official: dict[str, OfficialPatterns]) -> list[Any]:
        """Build, write the pages and the exports beside the site; the navigation. With the cyclic
        collector paused through the writing too (builder/collector.py): a collection then would
        go through the whole site, most of the writing's time at 10,000 documents."""
        progress, memory = Progress(), self.memory
        with collector.paused():
            result = build(paths, roots, progress, directory_urls=config.use_directory_urls, official=official, memory=memory)
            for d in result.diagnostics:  # notes are counted: a real collection has thousands, which would drown the warnings
                if d.severity != "info":
                    {"error": log.error, "warning": log.warning}[d.severity](str(d))
            if notes := notes_line(list(result.diagnostics)):
                log.info(notes)
            site_dir = Path(config.site_dir)
            self.generated = site_dir.with_name(site_dir.name + "-pages")  # beside the site: one per build target
            self.data = site_dir.with_name(site_dir.name + "-data")
            write_pages(result.pages, self.generated, progress, memory.pages_written if memory else None)
            self.pages, self.written, self.meta = list(result.pages), dict(result.written), dict(result.meta)
            result.pages.clear()  # on disk now: their room (0.4 GB at 10,000 documents) is the exports'
            made = exports(result.site, {source_name(p, roots): p for p in paths}, memory.exports if memory else None)
            self.exports = write_exports(made, self.data, memory.exports_written if memory else None)
            return result.nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.serving:
            env.bytecode_cache = self.compiled
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        made = [File(src, str(self.generated), config.site_dir, config.use_directory_urls) for src in self.pages]
        made += [File.generated(config, src, abs_src_path=str(self.data / src)) for src in self.exports]  # JSON, AKN, sources
        for file in made:
            files.append(file)
        published = {file.dest_uri for file in made}
        self.stale, self.published = self.published - published, published
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give a generated page its title and description (builder/render/titles.py): its heading
        is written as HTML, which MkDocs does not read for a title. Escaped here, once, as HTML:
        MkDocs' theme templates print `page.meta` values unescaped (in `<title>`, the header, the
        description's attribute, overrides/main.html's Open Graph tags), and a title is source text.
        Where a page (the home page, About) holds OFFLINE_COPY, say where to get the offline copy,
        from the values the Pages workflow gives mkdocs.yml's `extra.offline_copy`."""
        meta = self.meta.get(page.file.src_uri)
        if meta is not None:
            page.meta["title"] = escape(meta.title)
            if meta.description:
                page.meta["description"] = escape(meta.description)
        if OFFLINE_COPY not in markdown:
            return markdown
        return markdown.replace(OFFLINE_COPY, offline_copy(OfflineCopy.from_config(config.extra, config.site_url)))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The HTML the builder wrote (clauses, footnotes, headings) is not parsed by MkDocs
        (builder/markdown_blocks.py): hand its ids and links to MkDocs' validation, a missing page
        here and a missing anchor after the build, by `validation.links` like its own, and its
        headings to the table of contents."""
        written = self.written.get(page.file.src_uri)
        if written is None:
            return html
        if written.headings:
            page.toc = table_of_contents(page.toc, written.headings)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(written.ids)
        for to_src, anchor in written.links:
            target = files.get_file_from_path(to_src)
            if target is None:
                log.log(
                    config.validation.links.not_found,
                    f"Doc file '{page.file.src_uri}' contains a link to '{to_src}', which is not found among documentation files.",
                )
            elif anchor and page.links_to_anchors is not None:
                page.links_to_anchors.setdefault(target, {}).setdefault(anchor, f"{to_src}#{anchor}")
        # MkDocs keeps every page's Markdown and HTML until the last page is written; a generated
        # page's Markdown is not read again (its title is its rendered h1), and at 10,000 documents
        # it is a gigabyte. Empty, not None, which would lose the title.
        page.markdown = ""
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Leave out the indentation and blank lines of Material's templates (a sixth of a page's
        bytes, which the site's size at 10,000 documents must answer for): a browser shows a run of
        spaces and line breaks as the one line break before them, so nothing on the page changes;
        text in `<pre>` keeps them."""
        parts = _PRE.split(output)
        parts[::2] = [_INDENT.sub("\n", part) for part in parts[::2]]
        if not self.serving:
            page.content = None  # written once this returns; MkDocs would hold every page's until the build ends
        return "".join(parts)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Remove what the last build published and this one does not (`mkdocs serve --dirty`
        leaves it: a removed text's pages would still be served), then index the built site with
        Pagefind (`extra.pagefind`: `fetch` online, `scripts` for the offline bundle, which
        file:// cannot fetch); under `mkdocs serve`, in the background (search.BackgroundIndex)."""
        for uri in self.stale:
            (Path(config.site_dir) / uri).unlink(missing_ok=True)
        transport = config.extra.get("pagefind")
        if not transport:
            return
        site, scripts, part_mb = Path(config.site_dir), transport == "scripts", self.config.search_part_mb
        if self.indexing is not None:  # under `mkdocs serve`: the page shows now, search a little later
            self.indexing.ask(site, directory_urls=config.use_directory_urls, scripts=scripts, part_mb=part_mb)
            return
        _let_go()  # every page is written: what MkDocs held of them is Pagefind's to use
        pages = index_site(site, directory_urls=config.use_directory_urls, scripts=scripts, part_mb=part_mb)
        log.info(f"Pagefind indexed {pages} pages")
