"""What readers take away, published beside the pages: every resolution, revision and proposal
text as Akoma Ntoso XML (builder/akn.py), every document as JSON (the dump's object,
builder/dump.py; its shape is schemas/itu-resolutions.schema.json), the whole collection as one
JSON file, and every source file as it was read. The MkDocs hook adds them to the site's
files, so that MkDocs copies them and checks the pages' links to them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .akn import Writer
from .dump import documents
from .link import Site

COLLECTION = "data/itu-resolutions.json"


def json_src(src: str) -> str:
    """`wtsa/res-68.md` → `wtsa/res-68.json`, beside the page (`proposals/acp-64a1/index.json`)."""
    return src.removesuffix(".md") + ".json"


def akn_src(src: str) -> str:
    """`wtsa/res-68.md` → `wtsa/res-68.xml`, beside the page."""
    return src.removesuffix(".md") + ".xml"


def source_src(source_file: str) -> str:
    """A source file as the pages name it (`corpus/wtdc-res-71.txt`) → `sources/corpus/wtdc-res-71.txt`."""
    return "sources/" + source_file.lstrip("/")


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def exports(site: Site, sources: dict[str, Path]) -> dict[str, bytes]:
    """The files to publish, by path in the site; `sources`: each source file by the name pages give it."""
    out: dict[str, bytes] = {}
    for src, document in documents(site):
        out[json_src(src)] = _json(document)
    out[COLLECTION] = b'{"documents":[' + b",".join(out.values()) + b"]}"  # each document serialised once
    writer = Writer(site)
    for page, write in [(r, writer.resolution) for r in site.resolutions] + [(p, writer.proposal) for p in site.proposals]:
        if (xml := write(page)) is not None:
            out[akn_src(page.src)] = xml
    for v in site.revisions:  # the latest is its resolution's text, already written
        out[akn_src(v.src)] = out[akn_src(v.canonical_src)] if v.latest else writer.revision(v)
    for name, path in sources.items():
        out[source_src(name)] = path.read_bytes()
    return out
