"""The data published beside the pages (builder/exports.py): every document as JSON in the shape
its JSON Schema gives (schemas/itu-resolutions.schema.json), the collection as one file, the
source files unchanged, every file gzip-compressed but Word documents, and every page linking its own."""

from __future__ import annotations

import gzip
import json
import os
import re
import zlib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from builder.dump import dump
from builder.exports import COLLECTION, exports, json_src, source_src
from builder.pipeline import build, write_exports
from builder.readers import source_name
from conftest import CORPUS, FIXTURE_CORPORA, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "itu-resolutions.schema.json").read_text(encoding="utf-8"))


def errors(value) -> list[str]:
    Draft202012Validator.check_schema(SCHEMA)
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in Draft202012Validator(SCHEMA).iter_errors(value)]


def unzipped(path: Path) -> bytes:
    """A published file as a reader gets it: gzip-compressed, with no name, time or system in its
    header, so that every build on every system gives the same bytes."""
    data = path.read_bytes()
    assert data[:4] == b"\x1f\x8b\x08\x00" and data[4:8] == b"\x00\x00\x00\x00", path  # no flags, mtime 0
    assert data[9] == 0xFF, path  # the system: unknown
    return gzip.decompress(data)


def test_the_collection_file_and_every_document_file_validate(built_site: Path, corpus_build) -> None:
    collection = json.loads(unzipped(built_site / COLLECTION))
    assert collection == json.loads(json.dumps(dump(corpus_build.site)))
    one_member = zlib.decompressobj(31)  # as readers that decode one gzip member read it (a browser's DecompressionStream)
    assert json.loads(one_member.decompress((built_site / COLLECTION).read_bytes())) == collection and one_member.eof
    assert errors(collection) == []
    kinds = set()
    for document in collection["documents"]:
        path = built_site / (document["url"].rstrip("/") + ".json.gz")
        if not path.exists():  # a contribution's page is a folder index (`proposals/acp-64a1/`)
            path = built_site / document["url"] / "index.json.gz"
        assert json.loads(unzipped(path)) == document
        assert errors(document) == [], document["id"]
        kinds.add(document["kind"])
    assert kinds == {"resolution", "decision", "revision", "contribution", "proposal"}


@pytest.mark.parametrize("corpus", FIXTURE_CORPORA.values(), ids=FIXTURE_CORPORA.keys())
def test_the_fixture_corpora_validate(corpus: list[Path]) -> None:
    """Word documents (exact insertions and deletions), earlier revisions, competing proposals."""
    collection = json.loads(json.dumps(dump(build(corpus, ROOT).site)))
    assert collection["documents"] and errors(collection) == []


def test_the_schema_rejects_what_the_dump_never_writes() -> None:
    """Not a schema that accepts anything: a clause without its anchor, an unknown kind."""
    good = {"documents": [{"id": "x", "kind": "contribution", "source": "ACP", "url": "proposals/x/", "title": "x",
                           "file": "f", "read_from": {"file": "f", "format": "text", "date": None, "dated": None},
                           "official_document": None, "abstract": [], "proposals": [], "citations": [], "sections": []}]}
    assert errors(good) == []
    assert errors({"documents": [{**good["documents"][0], "kind": "treaty"}]})
    assert errors({"documents": [{**good["documents"][0], "colour": "red"}]})
    assert errors({"documents": [{**good["documents"][0], "url": "../x"}]})
    assert errors({"documents": [{**good["documents"][0], "read_from": {"file": "f", "format": "pdf", "date": None, "dated": None}}]})
    assert errors({"documents": [{**good["documents"][0], "official_document": {"label": "x", "url": "javascript:alert(1)"}}]})


def test_every_page_links_its_data_and_its_source_file(built_site: Path, corpus_build) -> None:
    for page in corpus_build.site.proposals[:3] + corpus_build.site.resolutions[:3]:
        html = (built_site / page.src.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        name = Path(json_src(page.src)).name
        assert f'href="../{name}">JSON (gzip)</a>' in html, page.src
    html = (built_site / "wtdc" / "res-71" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/corpus/wtdc-res-71.txt.gz">source file (gzip)</a>' in html
    assert unzipped(built_site / "sources" / "corpus" / "wtdc-res-71.txt.gz") == (CORPUS / "wtdc-res-71.txt").read_bytes()
    assert "Loading it in Python" in (built_site / "data" / "index.html").read_text(encoding="utf-8")


def test_every_link_of_the_pages_to_their_data_resolves(built_site: Path) -> None:
    """The Data line's links, on every page (MkDocs' --strict checks them too)."""
    linked = 0
    for html in built_site.rglob("index.html"):
        line = re.search(r'<p class="exports">(.*?)</p>', html.read_text(encoding="utf-8"))
        for href in re.findall(r'href="([^"#]+)"', line[1] if line else ""):
            target = (html.parent / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (html, href)
            linked += href.endswith(".gz")
    assert linked > 100


def test_every_export_is_gzip_but_word_documents(built_site: Path) -> None:
    published = [p for p in built_site.rglob("*") if p.is_file() and p.name.endswith((".json.gz", ".xml.gz", ".txt.gz"))
                 and p.name != "sitemap.xml.gz"]  # MkDocs' own, with its build time
    assert len(published) > 100
    for path in published:
        unzipped(path)
    for uncompressed in ["data/itu-resolutions.json", "wtdc/res-71.json", "wtdc/res-71.xml", "sources/corpus/wtdc-res-71.txt"]:
        assert not (built_site / uncompressed).exists()


def test_a_word_document_is_published_as_it_is(tmp_path: Path) -> None:
    """A .docx is a zip already: the same bytes, the same name."""
    document = FIXTURE_CORPORA["word"][0]
    name = source_name(document, ROOT)
    assert source_src(name) == f"sources/{name}"
    written = write_exports(exports(build([document], ROOT).site, {name: document}), tmp_path)
    assert f"sources/{name}" in written
    assert (tmp_path / "sources" / name).read_bytes() == document.read_bytes()


def test_exports_are_rewritten_only_where_their_bytes_change(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` copies the exports whose file is newer than the site's copy."""
    site = build(FIXTURE_CORPORA["competing"], ROOT).site
    written = write_exports(exports(site, {}), tmp_path)
    assert COLLECTION in written and all((tmp_path / src).is_file() for src in written)
    stale = tmp_path / "wtsa" / "res-9999.json.gz"  # published no more
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"")
    for path in tmp_path.rglob("*.gz"):
        os.utime(path, ns=(1, 1))
    assert write_exports(exports(site, {}), tmp_path) == written
    assert [p for p in tmp_path.rglob("*") if p.is_file() and p.stat().st_mtime_ns != 1] == []
    assert not stale.exists()


def test_the_cyclic_collector_is_off_while_documents_are_exported() -> None:
    """The collector would go through the whole site again and again, and in each worker process
    copy what it went through (builder/collector.py): it is off while each document's JSON and
    Akoma Ntoso are made, and on again once they are."""
    import gc

    site = build(FIXTURE_CORPORA["competing"], ROOT).site
    assert gc.isenabled()
    seen = {src: gc.isenabled() for src, _ in exports(site, {})}
    documents = [src for src in seen if src.endswith((".json.gz", ".xml.gz"))]
    assert documents and not any(seen[src] for src in documents)
    assert gc.isenabled()
