"""Provenance: what each page's text was read from (a Word document with its tracked changes and
its own date, or a text export), in the IR, the pages and the JSON; and the links to a
contribution's official document, made only from the address patterns mkdocs.yml sets."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from builder.diagnostics import Diagnostics
from builder.dump import dump
from builder.ir import Provenance, Revision
from builder.link.model import Conference
from builder.link.official import OfficialConfigError, official_document, official_patterns
from builder.pipeline import build
from builder.readers import read_file
from browsing import mkdocs_build
from conftest import CORPUS, ROOT, site_official_patterns
from fixtures.word import make
from site_text import html_of, page_text
from test_exports import errors

WORD = ROOT / "tests" / "fixtures" / "word"
CORE = "docProps/core.xml"
PP_18 = Conference("pp", Revision("Dubai", 2018))
PATTERNS = {"pp-dubai-2018": {"name": "PP-18", "document": "https://docs.example.org/pp18/{document:04d}",
                              "addendum": "https://docs.example.org/pp18/{document:04d}/add{addendum}"}}


def word_document(folder: Path, core: str | None = None) -> Path:
    """A Word document made from a fixture's spec; `core`: its core-properties part replaced by
    this XML's, or (`""`) left out."""
    path = folder / "mod.docx"
    make.build((WORD / "mod-words.spec").read_text(encoding="utf-8"), path)
    if core is not None:
        data = io.BytesIO()
        with zipfile.ZipFile(path) as original, zipfile.ZipFile(data, "w") as copy:
            for member in original.infolist():
                part = original.read(member)
                if member.filename == "_rels/.rels" and not core:  # the package no longer relates a part it lacks
                    part = re.sub(rb"<Relationship [^>]*docProps/core\.xml[^>]*/>", b"", part)
                if member.filename != CORE:
                    copy.writestr(member, part)
                elif core:
                    copy.writestr(member, core)
        path.write_bytes(data.getvalue())
    return path


def core_xml(**dates: str) -> str:
    """A core-properties part recording the given dates (`modified="2018-05-12T23:30:00Z"`)."""
    elements = "".join(f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{value}</dcterms:{name}>' for name, value in dates.items())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><cp:lastModifiedBy>A. Delegate</cp:lastModifiedBy>{elements}'
        "</cp:coreProperties>"
    )


def provenance(path: Path) -> Provenance:
    return read_file(path, Diagnostics(), path.parent).provenance


def test_a_word_document_is_dated_by_its_core_properties_not_by_the_file_system(tmp_path: Path) -> None:
    path = word_document(tmp_path)
    document = docx.Document(str(path))
    document.core_properties.created = document.core_properties.created.replace(year=2018, month=3, day=1)
    document.core_properties.modified = document.core_properties.modified.replace(year=2018, month=5, day=12)
    document.save(str(path))
    os.utime(path, (0, 0))  # the file's own time says 1970: not the document's date
    found = provenance(path)
    assert found == Provenance("word", "2018-05-12", "modified")
    assert found.day == "12 May 2018"
    assert "Delegate" not in repr(found)  # who last modified it is not kept


@pytest.mark.parametrize(("core", "expected"), [
    (core_xml(created="2017-11-30T08:00:00Z"), Provenance("word", "2017-11-30", "created")),
    (core_xml(modified="", created="2017-11-30T08:00:00Z"), Provenance("word", "2017-11-30", "created")),
    (core_xml(modified="not a date"), Provenance("word")),
    (core_xml(), Provenance("word")),
    ("<not xml", Provenance("word")),
    ("", Provenance("word")),
], ids=["created-only", "modified-empty", "modified-unreadable", "no-dates", "damaged-part", "no-part"])
def test_a_word_documents_date_is_what_it_records_or_none(tmp_path: Path, core: str, expected: Provenance) -> None:
    diagnostics = Diagnostics()
    read = read_file(word_document(tmp_path, core), diagnostics, tmp_path)
    assert read.contributions and not [d for d in diagnostics if d.severity == "error"]  # the text is read all the same
    assert read.provenance == expected


def test_a_text_export_has_no_date_whatever_the_file_system_says(tmp_path: Path) -> None:
    path = tmp_path / "wtdc-res-71.txt"
    path.write_bytes((CORPUS / "wtdc-res-71.txt").read_bytes())
    os.utime(path, (1_526_083_200, 1_526_083_200))  # 12 May 2018
    assert provenance(path) == Provenance("text")


def test_patterns_are_checked_with_what_and_where() -> None:
    assert official_patterns(None) == {}
    checked = official_patterns(PATTERNS)
    assert checked["pp-dubai-2018"].name == "PP-18"
    bad = {
        "unknown placeholder {number}": {"pp-dubai-2018": {"document": "https://x.org/{number}"}},
        "unknown placeholder {addendum}": {"pp-dubai-2018": {"document": "https://x.org/{document}-{addendum}"}},
        "unknown placeholder {}": {"pp-dubai-2018": {"document": "https://x.org/{}"}},
        "unknown placeholder {document.real}": {"pp-dubai-2018": {"document": "https://x.org/{document.real}"}},
        "not a valid pattern": {"pp-dubai-2018": {"document": "https://x.org/{document:s}"}},
        "not a valid pattern ": {"pp-dubai-2018": {"document": "https://x.org/{document"}},
        "not an https:// address": {"pp-dubai-2018": {"document": "http://x.org/{document}"}},
        "not an https:// address ": {"pp-dubai-2018": {"addendum": "javascript:alert({document})"}},
        "no such conference": {"pp-dubay-2018": {"document": "https://x.org/{document}"}},
        "give `document` and/or `addendum`": {"pp-dubai-2018": "https://x.org/{document}"},
        "give `document` and/or `addendum` ": {"pp-dubai-2018": {"documents": "https://x.org/{document}"}},
        "must map conferences": ["https://x.org/{document}"],
        "must be a string": {"pp-dubai-2018": {"document": 64}},
    }
    for message, config in bad.items():
        with pytest.raises(OfficialConfigError, match=re.escape(message.strip())):
            official_patterns(config)


def test_an_official_document_only_where_a_pattern_says_how() -> None:
    patterns = official_patterns(PATTERNS)
    addendum = official_document("64A1", PP_18, patterns)
    assert addendum and addendum.url == "https://docs.example.org/pp18/0064/add1"
    assert addendum.label == "PP-18 Document 64 Addendum 1" and addendum.host == "docs.example.org"
    document = official_document("64", PP_18, patterns)
    assert document and document.url == "https://docs.example.org/pp18/0064" and document.label == "PP-18 Document 64"
    assert official_document("64A1", Conference("pp", Revision("Bucharest", 2022)), patterns) is None  # no pattern set
    assert official_document("64A1", Conference("pp", None), patterns) is None
    assert official_document("64A1", None, patterns) is None
    assert official_document("64R1", PP_18, patterns) is None  # not a number the site knows how to address
    only_documents = official_patterns({"pp-dubai-2018": {"document": "https://x.org/{document}"}})
    assert official_document("64A1", PP_18, only_documents) is None  # an addendum never links the document it adds to
    unnamed = official_document("64", PP_18, only_documents)
    assert unnamed and unnamed.label == "PP (Dubai, 2018) Document 64"


def test_the_build_stops_with_a_clear_message_on_a_bad_pattern(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nsite_dir: {tmp_path / 'site'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"watch:\n  - {ROOT / 'corpus'}\n"
        f"plugins:\n  - itu-resolutions:\n      corpus:\n        - {ROOT / 'corpus'}\n"
        "      official_documents:\n        wtsa-new-delhi-2024:\n          document: https://www.itu.int/md/{doc}/en\n",
        encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)], cwd=ROOT,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert run.returncode != 0
    assert "plugins.itu-resolutions.official_documents.wtsa-new-delhi-2024.document: unknown placeholder {doc}" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "site").exists()


def test_the_json_says_what_each_text_was_read_from(corpus_build) -> None:
    word = build([WORD / "corpus" / "iap-39a13.docx"], ROOT, official=site_official_patterns())
    recorded = docx.Document(str(WORD / "corpus" / "iap-39a13.docx")).core_properties.modified.date().isoformat()
    read = [d for d in dump(word.site)["documents"] if d["kind"] in ("proposal", "contribution")]
    assert len(read) > 1
    for document in read:
        assert document["read_from"] == {"file": "tests/fixtures/word/corpus/iap-39a13.docx", "format": "word",
                                         "date": recorded, "dated": "modified"}, document["id"]
    documents = {d["id"]: d for d in dump(corpus_build.site)["documents"]}
    assert documents["wtdc-res-71"]["read_from"] == {"file": "corpus/wtdc-res-71.txt", "format": "text", "date": None, "dated": None}
    assert documents["pp-res-185"]["read_from"] is None  # targeted only: no text was read
    assert documents["ACP/64A1/3"]["official_document"] == {
        "label": "PP-18 Document 64 Addendum 1", "url": "https://www.itu.int/md/S18-PP-C-0064!A1/en"}
    assert documents["ACP/64A1"]["official_document"] == documents["ACP/64A1/3"]["official_document"]
    assert documents["EUR/44A24/1"]["official_document"] is None  # PP-22: no pattern set
    assert errors(dump(word.site)) == [] and errors(dump(corpus_build.site)) == []


def test_a_hostile_name_or_pattern_is_shown_as_text(tmp_path: Path) -> None:
    patterns = official_patterns({"pp-dubai-2018": {
        "name": "<img src=x onerror=alert(1)> *PP*", "addendum": 'https://x.org/{document}?a="b"&c=<d>'}})
    built = build([CORPUS / "acp-64a1.txt"], ROOT, official=patterns)
    page = built.pages["proposals/acp-64a1-3.md"]
    assert 'href="https://x.org/64?a=&quot;b&quot;&amp;c=&lt;d&gt;"' in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt; &#42;PP&#42; Document 64 Addendum 1" in page


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict` of a corpus holding a Word document and text exports."""
    corpus = tmp_path_factory.mktemp("mixed-corpus")
    for source in (WORD / "corpus" / "iap-39a13.docx", CORPUS / "acp-64a1.txt", CORPUS / "eur-44a24.txt", CORPUS / "wtdc-res-71.txt"):
        (corpus / source.name).write_bytes(source.read_bytes())
    out = tmp_path_factory.mktemp("mixed-site")
    mkdocs_build(out, corpus)
    return out


def provenance_of(site: Path, url: str) -> tuple[str, list[str]]:
    """What a page says it was read from, as a reader sees it, and the links it gives."""
    html = html_of(site, url)
    block = re.search(r'<div class="provenance"[^>]*>(.*?)</div>', html, re.S)
    assert block, url
    return page_text(f"<article>{block[1]}</article>"), re.findall(r"<a [^>]*>", block[1])


def test_pages_say_whether_they_were_read_from_a_word_document_or_a_text_export(mixed_site: Path) -> None:
    recorded = docx.Document(str(WORD / "corpus" / "iap-39a13.docx")).core_properties.modified
    day = f"{recorded.day} {recorded:%B %Y}"
    for url in ("proposals/iap-39a13-1/", "proposals/iap-39a13/"):
        said, links = provenance_of(mixed_site, url)
        assert "iap-39a13.docx" in said and "a word document, read with its tracked changes" in said, url
        assert f"last modified {day}".lower() in said, url
        published = mixed_site / url / re.search(r'href="([^"]+)"', links[0])[1]  # the source file, linked
        assert published.read_bytes() == (WORD / "corpus" / "iap-39a13.docx").read_bytes(), url
    for url in ("proposals/acp-64a1-3/", "proposals/acp-64a1/", "proposals/eur-44a24-1/", "wtdc/res-71/", "wtdc/res-71/kigali-2022/"):
        said, _ = provenance_of(mixed_site, url)
        assert "a text export of a word document" in said and "no record of which were deleted or inserted" in said, url
        assert "modified" not in said and "created" not in said, url
    said, links = provenance_of(mixed_site, "proposals/iap-39a13-1/")
    assert "line" not in said and "paragraph 3" in said  # a Word document has paragraphs
    assert 'href="https://www.itu.int/md/T22-WTSA.24-C-0039!A13/en"' in links[1]
    assert "official document: wtsa-24 document 39 addendum 13 (www.itu.int)" in said
    said, links = provenance_of(mixed_site, "proposals/acp-64a1/")
    assert 'href="https://www.itu.int/md/S18-PP-C-0064!A1/en"' in links[1] and "pp-18 document 64 addendum 1" in said
    said, links = provenance_of(mixed_site, "proposals/eur-44a24-1/")
    assert len(links) == 1 and "official document" not in said  # PP-22: no pattern set, no link invented
    assert "provenance" not in html_of(mixed_site, "pp/res-185/")  # targeted only: nothing was read
