"""Akoma Ntoso exports (builder/akn.py): every file valid against the OASIS Akoma Ntoso 3.0 schema
(vendored in schemas/akn/), a clause's eId its public anchor, a proposal's insertions and
deletions where the source records them, source text never markup."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from builder.diagnostics import Diagnostics
from builder.dump import dump
from builder.exports import akn_src, exports
from builder.link import link
from builder.pipeline import build
from builder.readers import read_source
from conftest import FIXTURE_CORPORA, ROOT
from test_escape import HOSTILE

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
FIXTURES = ROOT / "tests" / "fixtures"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "akn" / "akomantoso30.xsd")))


def invalid(xml: bytes) -> list[str]:
    document = etree.fromstring(xml)
    return [] if schema().validate(document) else [f"{e.line}: {e.message}" for e in schema().error_log]


def published(site, src: str) -> bytes:
    """One exported file, uncompressed."""
    return gzip.decompress(dict(exports(site, {}))[src])


def test_every_published_file_of_the_corpus_is_valid(built_site: Path, corpus_build) -> None:
    site = corpus_build.site
    expected = [r.src for r in site.resolutions if r.text] + [v.src for v in site.revisions] \
        + [p.src for p in site.proposals if p.proposal.text]
    files = [built_site / akn_src(src) for src in expected]
    assert len(files) > 25 and all(f.is_file() for f in files)
    for path in files:
        assert invalid(gzip.decompress(path.read_bytes())) == [], path


@pytest.mark.parametrize("corpus", FIXTURE_CORPORA.values(), ids=FIXTURE_CORPORA.keys())
def test_every_file_of_the_fixture_corpora_is_valid(corpus: list[Path]) -> None:
    files = {path: gzip.decompress(data) for path, data in exports(build(corpus, ROOT).site, {}) if path.endswith(".xml.gz")}
    assert files
    for path, xml in files.items():
        assert invalid(xml) == [], path


def test_a_clause_eid_is_its_anchor(built_site: Path, corpus_build) -> None:
    """Every clause of every exported text is there, its eId the anchor of its page's clause."""
    def anchors(clauses):
        for c in clauses:
            yield c["anchor"]
            yield from anchors(c["clauses"])

    checked = 0
    for document in dump(corpus_build.site)["documents"]:
        path = built_site / (document["url"].rstrip("/") + ".xml.gz")
        if not path.exists():
            continue
        tree = etree.fromstring(gzip.decompress(path.read_bytes()))
        clauses = set(tree.xpath("//a:item/@eId | //a:paragraph/@eId", namespaces=NS))
        sections = set(tree.xpath("//a:container/@eId | //a:hcontainer[@name != 'text']/@eId", namespaces=NS))
        expected = {a for s in document["sections"] for a in anchors(s["clauses"])}
        assert clauses == expected, document["id"]
        assert {s["anchor"] for s in document["sections"]} <= sections | {"foreword"}, document["id"]
        checked += 1
    assert checked > 25


def test_word_insertions_and_deletions_are_ins_and_del() -> None:
    site = build([FIXTURES / "word" / "mod-words.docx"], ROOT).site
    page = next(p for p in site.proposals)
    tree = etree.fromstring(published(site, akn_src(page.src)))
    clause = tree.xpath("//*[@eId='considering-b']", namespaces=NS)[0]
    assert [e.text for e in clause.xpath(".//a:del", namespaces=NS)] == ["520"]
    assert [e.text for e in clause.xpath(".//a:ins", namespaces=NS)] == ["700"]


def test_hostile_text_stays_text() -> None:
    lines = ["RESOLUTION 900 (Kigali, 2022)", "A <b>title</b> with *stars*",
             "The World Telecommunication Development Conference (Kigali, 2022),", "recalling"]
    hostile = HOSTILE[:26]  # labels a) to z)
    lines += [f"{chr(ord('a') + i)})\t{text}" for i, text in enumerate(hostile)]
    lines += ["resolves", "1\tcontrol \x01 and \x1b[31m escape characters"]
    diagnostics = Diagnostics()
    site = link([read_source("hostile.txt", "\n".join(lines) + "\n", diagnostics)], diagnostics)
    xml = published(site, "wtdc/res-900.xml.gz")
    assert invalid(xml) == []
    tree = etree.fromstring(xml)
    assert not tree.xpath("//a:b | //*[local-name()='script'] | //*[local-name()='img']", namespaces=NS)
    items = tree.xpath("//a:item/a:p", namespaces=NS)
    assert ["".join(p.itertext()) for p in items] == [" ".join(text.split()) for text in hostile]
    assert "".join(tree.xpath("//*[@eId='resolves-1']//a:p", namespaces=NS)[0].itertext()) == \
        "control \ufffd and \ufffd[31m escape characters"
