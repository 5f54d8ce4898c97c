"""The Pagefind index of the built site: every clause once, as an anchor a result can land on;
deleted words and the pages' repeated parts left out."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

from builder.conventions import BODIES
from builder.dump import dump
from conftest import ROOT
from test_corpus import anchor_list


def fragments(site: Path, bundle: str = "pagefind") -> dict[str, dict]:
    """Pagefind's per-page fragments, of every part, by page URL (without the leading slash)."""
    out = {}
    for path in (site / bundle).rglob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        out[fragment["url"].lstrip("/")] = fragment
    return out


def test_the_index_holds_every_clause_once(built_site: Path, corpus_build) -> None:
    indexed = fragments(built_site)
    for doc in dump(corpus_build.site)["documents"]:
        if not doc["sections"] or (doc["kind"] == "revision" and doc["latest"]):
            continue  # the latest revision's page repeats its resolution's, which is indexed
        ids = [a["id"] for a in indexed[doc["url"]]["anchors"]]
        for anchor in anchor_list(doc):
            assert ids.count(anchor) == 1, (doc["url"], anchor)


def test_pages_that_list_or_repeat_are_not_indexed(built_site: Path) -> None:
    indexed = fragments(built_site)
    for url in ("", "references/", "references/constitution/", "wtsa/", "proposals/", "proposals/by-source/",
                "proposals/by-action/", "proposals/by-source/acp/", "proposals/by-source/acp/pp-dubai-2018/",
                "proposals/by-action/mod/pp-dubai-2018/"):
        assert url not in indexed, url
    latest = indexed["wtsa/res-74/new-delhi-2024/"]
    assert latest["content"].startswith("WTSA Resolution 74 (Rev. New Delhi, 2024).")
    assert "recalling" not in latest["content"] and len(latest["anchors"]) < 5  # title and footnotes only
    assert "Cited by" not in indexed["wtdc/res-71/"]["content"]
    assert "Cite as" not in indexed["wtdc/res-71/"]["content"] and "Akoma Ntoso" not in indexed["wtdc/res-71/"]["content"]


def test_the_index_holds_the_text_as_proposed(built_site: Path) -> None:
    iap = fragments(built_site)["proposals/iap-39a13-1/"]
    assert "RESOLUTION 68 (Rev. New Delhi, 2024)" in iap["content"]
    assert "2016New" not in iap["content"] and "Link to this clause" not in iap["content"]
    assert iap["meta"]["title"].startswith("MOD IAP/39A13/1")


def test_a_large_site_is_indexed_in_parts_that_hold_what_one_index_holds(built_site: Path) -> None:
    """Pagefind holds about eight times the HTML it indexes until it writes: a large site is
    indexed in parts of `part_mb` (here 1 MB, so that the corpus makes several), one process after
    another. Every page is in one part, as one index has it; the parts after the first hold only
    their index (the first part's module reads them all), and parts.json lists them."""
    from concurrent.futures import ThreadPoolExecutor

    from builder.search import PARTS, index_site

    bundle = "pagefind-in-parts"
    try:
        with ThreadPoolExecutor(1) as thread:  # a browser test's Playwright may hold this thread's event loop
            assert thread.submit(index_site, built_site, bundle=bundle, part_mb=1).result() == len(fragments(built_site))
        parts = json.loads((built_site / bundle / PARTS).read_text())
        assert len(parts) >= 2 and parts == [f"part-{k}/" for k in range(2, len(parts) + 2)]
        for part in parts:
            assert {p.name.split(".")[-1] for p in (built_site / bundle / part).iterdir()} == {
                "json", "pf_meta", "index", "fragment", "filter"}
        pages = [len(list((built_site / bundle / part / "fragment").iterdir())) for part in ["", *parts]]
        assert max(pages) - min(pages) <= 1  # dealt out in turn
        assert fragments(built_site, bundle) == fragments(built_site)
        assert json.loads((built_site / "pagefind" / PARTS).read_text()) == []  # the corpus is one part
    finally:
        shutil.rmtree(built_site / bundle, ignore_errors=True)


def test_the_index_is_written_into_the_site_only(built_site: Path) -> None:
    from conftest import ROOT

    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert not (ROOT / "pagefind").exists()


def test_the_offline_bundle_holds_the_same_index_as_scripts(built_site: Path, tmp_path: Path) -> None:
    """file:// can neither fetch nor import: each index file becomes a script carrying its bytes,
    and Pagefind's module a classic script (the browser tests search with it from file://)."""
    import base64
    import re
    import shutil

    from builder.search import CLASSIC, as_scripts

    bundle = shutil.copytree(built_site / "pagefind", tmp_path / "pagefind")
    files = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*")
             if p.is_file() and p.suffix not in (".js", ".css")}
    as_scripts(bundle)
    left = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert left == {name + ".js" for name in files} | {CLASSIC}
    for name, data in files.items():
        call = re.fullmatch(r'ituPagefindFile\("([^"]+)", "([A-Za-z0-9+/=]*)"\);\n', (bundle / (name + ".js")).read_text())
        assert call and call[1] == name and base64.b64decode(call[2]) == data, name
    classic = (bundle / CLASSIC).read_text()
    assert "import.meta" not in classic and not re.search(r"\bexport\s*\{", classic)
    assert classic.startswith("window.ituPagefind = (function (fetch) {")


def test_every_document_can_be_filtered_and_the_filters_add_no_words(built_site: Path) -> None:
    for url, fragment in fragments(built_site).items():
        filters = fragment["filters"]
        if url.startswith("unplaced/"):
            continue  # a text the builder could not place: no kind to give it
        assert filters["kind"] in (["resolution"], ["decision"], ["proposal"], ["contribution"]), url
        if filters["kind"] == ["proposal"]:
            assert filters["action"] and filters["source"], url
        else:
            assert filters.get("body"), url
        # the values live in attributes: the words of the page are not run together with them
        assert " ".join(v[0] for v in filters.values()) not in fragment["content"]
        assert "".join(v[0] for v in filters.values())[:12] not in fragment["content"].replace(" ", "")


def search_js_bodies() -> list[tuple[str, str, str]]:
    """search.js's BODIES: (id, the value of its `body` filter, the pattern of how a query names it)."""
    script = (ROOT / "docs" / "javascripts" / "search.js").read_text(encoding="utf-8")
    table = script[script.index("var BODIES = ["):].split("];", 1)[0]
    return re.findall(r'\["(\w+)", "([^"]+)", /(.+?)/\],', table)


def test_a_typed_citation_knows_every_body_by_its_filter_and_its_names() -> None:
    """A typed citation ("Council Resolution 1332") is looked up with the `body` filter, which
    matches its value exactly: search.js must give each body the value the templates write
    (Body.short: `Council`, not the id in capitals), or the look-up finds nothing and Pagefind's
    own order decides what Enter opens. And it must read each body's name in a query."""
    table = search_js_bodies()
    assert sorted(row[0] for row in table) == sorted(BODIES)
    for body_id, value, pattern in table:
        body = BODIES[body_id]
        assert value == body.short, body_id
        assert re.search(pattern, body.short.lower()) and re.search(pattern, body.name.lower()), body_id
