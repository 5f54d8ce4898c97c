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

import gzip
import io
import json
from pathlib import Path
from typing import Any, Iterator

from .akn import Writer
from .dump import documents
from .link import Site

COLLECTION = "data/itu-resolutions.json.gz"
LEVEL = 6
"""gzip's default level: level 9 takes longer for files a few per cent smaller (README, Performance)."""
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
    """Deterministic gzip: no modification time and no file name in the header, so that two
    builds give the same bytes."""
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def exports(site: Site, sources: dict[str, Path]) -> Iterator[tuple[str, bytes]]:
    """The files to publish, one at a time, each by its path in the site with its bytes as
    published; `sources`: each source file by the name pages give it."""
    yield from _json_files(site)
    yield from _akn_files(site)
    for name, path in sources.items():
        data = path.read_bytes()
        published = source_src(name)
        yield published, data if published.endswith(AS_IS) else gzipped(data)


def _json_files(site: Site) -> Iterator[tuple[str, bytes]]:
    """Each document's JSON, then the collection, compressed document by document as they go by
    (each document serialised once; only the compressed collection is held)."""
    collection = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=LEVEL, fileobj=collection, mtime=0) as stream:
        stream.write(b'{"documents":[')
        for n, (src, document) in enumerate(documents(site)):
            data = _json(document)
            stream.write(b"," + data if n else data)
            yield json_src(src), gzipped(data)
        stream.write(b"]}")
    yield COLLECTION, collection.getvalue()


def _akn_files(site: Site) -> Iterator[tuple[str, bytes]]:
    writer = Writer(site)
    latest = {v.canonical_src: v.src for v in site.revisions if v.latest}  # its resolution's text: written once
    for r in site.resolutions:
        if (xml := writer.resolution(r)) is not None:
            data = gzipped(xml)
            yield akn_src(r.src), data
            if r.src in latest:
                yield akn_src(latest[r.src]), data
    for v in site.revisions:
        if not v.latest:
            yield akn_src(v.src), gzipped(writer.revision(v))
    for p in site.proposals:
        if (xml := writer.proposal(p)) is not None:
            yield akn_src(p.src), gzipped(xml)
