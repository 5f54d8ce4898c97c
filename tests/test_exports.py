"""The data published beside the pages (builder/exports.py): every document as JSON in the shape
its JSON Schema gives (schemas/itu-resolutions.schema.json), the collection as one file, the
source files unchanged, and every page linking its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from builder.dump import dump
from builder.exports import COLLECTION, json_src
from builder.pipeline import build
from conftest import CORPUS, FIXTURE_CORPORA, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "itu-resolutions.schema.json").read_text(encoding="utf-8"))


def errors(value) -> list[str]:
    Draft202012Validator.check_schema(SCHEMA)
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in Draft202012Validator(SCHEMA).iter_errors(value)]


def test_the_collection_file_and_every_document_file_validate(built_site: Path, corpus_build) -> None:
    collection = json.loads((built_site / COLLECTION).read_text(encoding="utf-8"))
    assert collection == json.loads(json.dumps(dump(corpus_build.site)))
    assert errors(collection) == []
    kinds = set()
    for document in collection["documents"]:
        path = built_site / (document["url"].rstrip("/") + ".json")
        if not path.exists():  # a contribution's page is a folder index (`proposals/acp-64a1/`)
            path = built_site / document["url"] / "index.json"
        assert json.loads(path.read_text(encoding="utf-8")) == document
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
                           "file": "f", "abstract": [], "proposals": [], "citations": [], "sections": []}]}
    assert errors(good) == []
    assert errors({"documents": [{**good["documents"][0], "kind": "treaty"}]})
    assert errors({"documents": [{**good["documents"][0], "colour": "red"}]})
    assert errors({"documents": [{**good["documents"][0], "url": "../x"}]})


def test_every_page_links_its_data_and_its_source_file(built_site: Path, corpus_build) -> None:
    for page in corpus_build.site.proposals[:3] + corpus_build.site.resolutions[:3]:
        html = (built_site / page.src.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        name = Path(json_src(page.src)).name
        assert f'href="../{name}">JSON</a>' in html, page.src
    html = (built_site / "wtdc" / "res-71" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/corpus/wtdc-res-71.txt">source file</a>' in html
    assert (built_site / "sources" / "corpus" / "wtdc-res-71.txt").read_bytes() == (CORPUS / "wtdc-res-71.txt").read_bytes()
    assert "Loading it in Python" in (built_site / "data" / "index.html").read_text(encoding="utf-8")
