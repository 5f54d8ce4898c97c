"""What readers take away, published beside the pages: every resolution, revision and proposal
text as Akoma Ntoso XML (builder/akn.py), every document as JSON (the dump's object,
builder/dump.py; its shape is schemas/itu-resolutions.schema.json), the whole collection as one
JSON file, and every source file as it was read.

Every file is published gzip-compressed (`wtsa/res-68.json.gz`), a Word document as it is (a
`.docx` is a zip already): at 10,000 documents the exports come to about 1 GB uncompressed, the
whole of GitHub Pages' budget, which serves files as they are. They are made one at a time and
written beside the site (`site-data/` for `site/`), never all held in memory; the plugin (builder/plugin.py) adds
them to the site's files, so that MkDocs copies them and checks the pages' links to them."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from zlib_ng import gzip_ng, zlib_ng

from . import collector, parallel
from .akn import Writer
from .dump import pages
from .link import Site

R = TypeVar("R")

COLLECTION = "data/itu-resolutions.json.gz"
LEVEL = 6
"""gzip's default level: level 9 takes longer for files a few per cent smaller (README, Performance).
Compressed with zlib-ng (REFERENCE.md, "Data"): at this level twice as fast as zlib on the exports,
for files no larger."""
CHUNK = 64
"""About how many documents one chunk of the collection holds (`_chunk_ends`): a
compressor looks back 32 KB, so a chunk of some hundred kilobytes compresses as well as the whole."""
AS_IS = (".docx",)
"""Source files published uncompressed: a Word document is a zip already."""


def json_src(src: str) -> str:
    """`wtsa/res-68.md` → `wtsa/res-68.json.gz`, beside the page (`proposals/acp-64a1/index.json.gz`)."""
    return src.removesuffix(".md") + ".json.gz"


def akn_src(src: str) -> str:
    """`wtsa/res-68.md` → `wtsa/res-68.xml.gz`, beside the page."""
    return src.removesuffix(".md") + ".xml.gz"


def source_src(source_file: str) -> str:
    """A source file as the pages name it (`corpus/wtdc-res-71.txt`) → `sources/corpus/wtdc-res-71.txt.gz`
    (a Word document keeps its name: `sources/corpus/acp-64a1.docx`)."""
    name = "sources/" + source_file.lstrip("/")
    return name if name.lower().endswith(AS_IS) else name + ".gz"


def gzipped(data: bytes) -> bytes:
    """Deterministic gzip: no modification time, no file name and no system in the header, so
    that two builds give the same bytes."""
    return gzip_ng.compress(data, compresslevel=LEVEL, mtime=0)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class Exported:
    """What `mkdocs serve` keeps of the exports from one rebuild to the next (pipeline.Memory). A
    document's JSON and Akoma Ntoso are made from its page alone (and, for Akoma Ntoso, what it
    looks up of the collection's works and references), so a page equal to last time's exports the same bytes:
    only the pages an edit changed are exported again, and only an edited source compressed again."""

    json: dict[str, tuple[Any, bytes, bytes]] = field(default_factory=dict)
    """Page source → (page, JSON, compressed)."""
    akn: dict[str, tuple[Any, bytes | None, dict[str, tuple[str | None, bool]]]] = field(default_factory=dict)
    """Page source → (page, compressed XML or None, what writing it looked up of the collection:
    akn.Writer.looked_up). A text added or removed changes only the documents that cite it."""
    sources: dict[tuple[Path, int, int], bytes] = field(default_factory=dict)
    """Source file (path, modification time, size) → its bytes as published."""
    collection: dict[tuple[bytes, ...], bytes] = field(default_factory=dict)
    """A chunk of the collection (what comes before its documents, their JSON, what comes after)
    → its deflate data (`_Collection`)."""


def exports(site: Site, sources: dict[str, Path], kept: Exported | None = None) -> Iterator[tuple[str, bytes]]:
    """The files to publish, one at a time, each by its path in the site with its bytes as
    published; `sources`: each source file by the name pages give it; `kept`: what the last
    `mkdocs serve` rebuild exported, reused where its page is unchanged (and updated)."""
    kept = kept if kept is not None else Exported()
    with collector.paused():
        yield from _json_files(site, kept)
        yield from _akn_files(site, kept)
    published: dict[tuple[Path, int, int], bytes] = {}
    for name, path in sources.items():
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        src = source_src(name)
        if key not in kept.sources:
            data = path.read_bytes()
            kept.sources[key] = gzipped(data) if src.endswith(".gz") else data
        published[key] = kept.sources[key]
        yield src, published[key]
    kept.sources = published


def _unchanged(kept: tuple | None, page: Any) -> bool:
    return kept is not None and (kept[0] is page or kept[0] == page)


def _made_again(make: Callable[[int], R], last: Callable[[int], R | None], count: int) -> Iterator[R]:
    """`make(n)` for each n below `count`, in order, but `last(n)` where it is not None (what the
    last `mkdocs serve` rebuild made of an unchanged page): looked up here, so that only the
    pages to make again go to the workers, and kept bytes are not sent back and forth."""
    found = [last(n) for n in range(count)]
    made = parallel.each(make, [n for n, result in enumerate(found) if result is None])
    for result in found:
        yield next(made) if result is None else result


def _json_files(site: Site, kept: Exported) -> Iterator[tuple[str, bytes]]:
    """Each document's JSON, then the collection, compressed a chunk at a time as they go by
    (each document serialised once; only the compressed collection is held). Made in worker
    processes where there are cores (builder/parallel.py): each document's from its page alone."""
    documents = list(pages(site))

    def make(n: int) -> tuple[bytes, bytes]:
        page, document = documents[n]
        data = _json(document(page))
        return data, gzipped(data)

    def last(n: int) -> tuple[bytes, bytes] | None:
        page = documents[n][0]
        was = kept.json.get(page.src)
        return (was[1], was[2]) if _unchanged(was, page) else None  # type: ignore[index]

    made: dict[str, tuple[Any, bytes, bytes]] = {}
    collection = _Collection(kept.collection)
    chunk: list[bytes] = []
    for n, (data, compressed) in enumerate(_made_again(make, last, len(documents))):
        page = documents[n][0]
        made[page.src] = (page, data, compressed)
        chunk.append(data)
        if n == len(documents) - 1 or _chunk_ends(page.src):
            collection.add(chunk, last=n == len(documents) - 1)
            chunk = []
        yield json_src(page.src), compressed
    kept.json, kept.collection = made, collection.made
    yield COLLECTION, collection.gzipped()


class _Collection:
    """The collection's JSON as one gzip stream (RFC 1952) made of chunks compressed apart: each
    chunk's deflate data ends with a full flush, which leaves nothing for the next to refer back
    to, so that chunks compressed one by one, or kept from the last `mkdocs serve` rebuild, join
    into one valid stream. (A file of several gzip members would do for `gunzip`, but not for
    readers that decode one member: zlib's, Rust's flate2, a browser's DecompressionStream.)"""

    def __init__(self, kept: dict[tuple[bytes, ...], bytes]) -> None:
        self.kept = kept
        self.made: dict[tuple[bytes, ...], bytes] = {}
        self.pieces: list[bytes] = []
        self.crc = self.size = 0

    def add(self, documents: list[bytes], last: bool) -> None:
        key = (b"," if self.pieces else b'{"documents":[', *documents, b"]}" if last else b"")
        text = key[0] + b",".join(documents) + key[-1]
        deflated = self.kept.get(key)
        if deflated is None:
            compressor = zlib_ng.compressobj(LEVEL, zlib_ng.DEFLATED, -zlib_ng.MAX_WBITS)
            deflated = compressor.compress(text) + compressor.flush(zlib_ng.Z_FULL_FLUSH)
        self.made[key] = deflated
        self.pieces.append(deflated)
        self.crc, self.size = zlib.crc32(text, self.crc), self.size + len(text)

    def gzipped(self) -> bytes:
        if not self.pieces:
            return gzipped(b'{"documents":[]}')
        end = zlib_ng.compressobj(LEVEL, zlib_ng.DEFLATED, -zlib_ng.MAX_WBITS).flush(zlib_ng.Z_FINISH)  # the last block
        header = gzipped(b"")[:10]  # gzip's header as every export has it: no name, no time
        return b"".join([header, *self.pieces, end, struct.pack("<II", self.crc, self.size & 0xFFFFFFFF)])


def _chunk_ends(src: str) -> bool:
    """Whether a document ends a chunk of the collection (`_Collection`), chunks of about `CHUNK`
    documents, so that a `mkdocs serve` rebuild compresses again only the chunks whose documents
    changed. Where a chunk ends is decided by the document that ends it, not by a count, so
    that a document added or removed changes its own chunk alone."""
    return zlib.crc32(src.encode("utf-8")) % CHUNK == 0


def _akn_files(site: Site, kept: Exported) -> Iterator[tuple[str, bytes]]:
    """Each resolution's, revision's and proposal's text as Akoma Ntoso, made in worker processes
    where there are cores; the latest revision's is its resolution's, written once."""
    writer = Writer(site)
    texts: list[tuple[Any, Callable[[Any], bytes | None]]] = [
        *((r, writer.resolution) for r in site.resolutions),
        *((v, writer.revision) for v in site.revisions if not v.latest),
        *((p, writer.proposal) for p in site.proposals),
    ]

    def make(n: int) -> tuple[bytes | None, dict[str, tuple[str | None, bool]]]:
        page, write = texts[n]
        writer.looked_up = {}
        xml = write(page)
        return None if xml is None else gzipped(xml), writer.looked_up

    def last(n: int) -> tuple[bytes | None, dict[str, tuple[str | None, bool]]] | None:
        page = texts[n][0]
        was = kept.akn.get(page.src)
        if _unchanged(was, page) and all(writer.known(rid) == found for rid, found in was[2].items()):  # type: ignore[index]
            return was[1], was[2]  # type: ignore[index]
        return None

    latest = {v.canonical_src: v.src for v in site.revisions if v.latest}
    made: dict[str, tuple[Any, bytes | None, dict[str, tuple[str | None, bool]]]] = {}
    for n, (data, looked_up) in enumerate(_made_again(make, last, len(texts))):
        page = texts[n][0]
        made[page.src] = (page, data, looked_up)
        if data is not None:
            yield akn_src(page.src), data
            if page.src in latest:
                yield akn_src(latest[page.src]), data
    kept.akn = made
