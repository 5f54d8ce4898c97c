"""The built site (`mkdocs build --strict` of the real corpus): pages, anchors, backlinks, text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.dump import url
from builder.link.references import series
from conftest import CORPUS, ROOT
from site_text import fragments, html_of, ids, normalize, page_text

PAGES = [
    "", "pp/", "wtsa/", "wtdc/", "proposals/", "proposals/by-source/", "proposals/by-action/", "about/",
    "references/", "references/constitution/", "proposals/by-source/acp/", "proposals/by-source/acp/pp-dubai-2018/",
    "proposals/by-action/mod/", "proposals/by-action/mod/pp-dubai-2018/",
    "wtdc/res-71/", "wtsa/res-74/", "wtsa/res-68/", "pp/res-11/", "pp/res-185/", "pp/res-71/",
    "proposals/acp-64a1/", "proposals/iap-39a13/", "proposals/eur-44a24/",
    "proposals/acp-64a1-1/", "proposals/acp-64a1-9/", "proposals/acp-64a1-25/", "proposals/eur-44a24-1/",
    "proposals/iap-39a13-1/",
]


@pytest.mark.parametrize("page", PAGES)
def test_page_exists(built_site: Path, page: str) -> None:
    assert (built_site / page / "index.html").is_file()


def test_every_document_has_a_page(built_site: Path, corpus_build) -> None:
    site = corpus_build.site
    for page in (*site.resolutions, *site.proposals, *site.contributions):
        assert (built_site / url(page.src) / "index.html").is_file(), page.id
    assert len(site.proposals) == 27


def test_every_clause_anchor_is_in_the_html(built_site: Path, corpus_build) -> None:
    from test_corpus import anchors, documents

    for doc in documents(corpus_build).values():
        if doc["sections"]:
            missing = anchors(doc) - ids(html_of(built_site, doc["url"]))
            assert not missing, (doc["id"], sorted(missing)[:5])


def test_clause_has_permalink(built_site: Path) -> None:
    html = html_of(built_site, "wtdc/res-71/")
    clause = re.search(r'<div class="clause" id="resolves-5-ii">.*?</div>', html, re.S)
    assert clause and 'href="#resolves-5-ii"' in clause[0] and "clause-permalink" in clause[0]


def test_amended_by_links_both_ways(built_site: Path) -> None:
    res11 = html_of(built_site, "pp/res-11/")
    assert 'id="amended-by"' in res11
    assert 'href="../../proposals/acp-64a1-3/"' in res11
    proposal = html_of(built_site, "proposals/acp-64a1-3/")
    assert 'href="../../pp/res-11/"' in proposal
    res71 = html_of(built_site, "pp/res-71/")
    assert 'href="../../proposals/acp-64a1-8/"' in res71 and 'href="../../proposals/acp-64a1-9/"' in res71


def test_targeted_resolution_without_text(built_site: Path) -> None:
    text = page_text(html_of(built_site, "pp/res-185/"))
    assert "not in the collection" in text
    assert "global flight tracking for civil aviation" in text
    assert "acp/64a1/20" in text


def test_footnotes_are_real_footnotes(built_site: Path) -> None:
    html = html_of(built_site, "wtsa/res-74/")
    assert 'class="footnote"' in html
    assert re.search(r'<sup id="fnref:fn1"><a class="footnote-ref" href="#fn:fn1"', html)


def test_no_text_is_lost(built_site: Path, corpus_build) -> None:
    """Every line of every source file (each tab-separated cell, each footnote) is on a page
    generated from that file."""
    site = corpus_build.site
    for source in sorted(CORPUS.glob("*.txt")):
        name = str(source.relative_to(ROOT))
        pages = [p for p in (*site.resolutions, *site.proposals, *site.contributions) if p.source_file == name]
        text = " ".join(page_text(html_of(built_site, url(p.src))) for p in pages)
        missing = [(n, f) for n, f in fragments(source.read_text(encoding="utf-8")) if normalize(f) not in text]
        assert not missing, f"{name}: {missing[:3]}"


def test_no_request_to_another_host(built_site: Path) -> None:
    external = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""", re.I)
    for html in built_site.rglob("*.html"):
        content = html.read_text(encoding="utf-8")
        assert not external.search(content), html
        assert "fonts.googleapis" not in content and "fonts.gstatic" not in content, html


def test_navigation_is_small_and_pages_say_where_they_are(built_site: Path) -> None:
    for address in ("wtdc/res-71/", "proposals/acp-64a1-3/", "proposals/acp-64a1/", "wtsa/", "proposals/by-source/"):
        html = html_of(built_site, address)
        nav = html[html.index('class="md-nav md-nav--primary') : html.index("md-sidebar--secondary")]
        assert len(nav.encode()) < 15_000, address  # index pages only, whatever the collection's size
        assert "acp-64a1-12/" not in nav and "res-71/" not in nav, address
    crumbs = re.search(r'<nav[^>]*class="crumbs"[^>]*>(.*?)</nav>', html_of(built_site, "proposals/acp-64a1-3/"), re.S)
    assert crumbs and 'href="../"' in crumbs[1] and 'href="../by-source/"' in crumbs[1] and 'href="../acp-64a1/"' in crumbs[1]
    assert '>APT</a>' in crumbs[1] and 'href="../by-source/acp/"' in crumbs[1]
    crumbs = re.search(r'<nav[^>]*class="crumbs"[^>]*>(.*?)</nav>', html_of(built_site, "wtdc/res-71/"), re.S)
    assert crumbs and 'href="../"' in crumbs[1] and ">WTDC<" in crumbs[1]


def test_citations_are_links(built_site: Path) -> None:
    html = html_of(built_site, "wtsa/res-74/")
    clause = re.search(r'<div class="clause" id="recalling-b">.*?</div>', html, re.S)
    assert clause and 'href="../../pp/res-123/"' in clause[0] and 'class="citation citation-resolution"' in clause[0]
    clause = re.search(r'<div class="clause" id="recalling-c">.*?</div>', html, re.S)
    assert clause and 'href="../res-44/"' in clause[0] and 'href="../res-54/"' in clause[0]
    wtdc = html_of(built_site, "wtdc/res-71/")
    assert 'href="../../references/constitution/#cs-no-126"' in wtdc  # the entry's own page


def test_every_resolution_page_shows_its_cited_by(built_site: Path, corpus_build) -> None:
    for page in corpus_build.site.resolutions:
        html = html_of(built_site, url(page.src))
        assert 'id="cited-by"' in html, page.id
        section = html[html.index('id="cited-by"') :]
        for entry in page.cited_by:
            assert f'#{entry.anchor}"' in section or entry.anchor is None, (page.id, entry)
        if not page.cited_by:
            assert "No document of the collection cites this" in section


def test_cited_only_resolution_has_a_page(built_site: Path) -> None:
    text = page_text(html_of(built_site, "wtdc/res-59/"))
    assert "not in the collection" in text and "texts of the collection cite it" in text
    assert "strengthening coordination and cooperation among the three itu sectors" in text
    assert 'href="../../wtsa/res-74/#recalling-d"' in html_of(built_site, "wtdc/res-59/")


def test_references_pages_list_where_each_provision_is_cited(built_site: Path, corpus_build) -> None:
    html = html_of(built_site, "references/constitution/")
    entry = html[html.index('id="cs-no-126"') :]
    assert 'href="../../wtdc/res-71/#recalling-a"' in entry[:2000]
    assert 'id="cv-no-241a"' in html_of(built_site, "references/convention/")
    assert "Council Resolution 1292" in html_of(built_site, "council/res-1292/")  # the Council's own page (issue 26)
    for page in corpus_build.site.reference_pages:  # each entry on its page, under its old anchor
        assert {e.key for e in page.entries} <= ids(html_of(built_site, url(page.src)))


def test_references_index_keeps_its_old_anchors(built_site: Path, corpus_build) -> None:
    """Each kind keeps its section (`references/#constitution`); each entry's old anchor
    (`references/#cs-no-126`) is led on by the link to its page (docs/javascripts/moved-anchors.js;
    the browser tests follow it)."""
    html = html_of(built_site, "references/")
    links = re.findall(r'<a data-moved="([^"]*)" href="([^"]*)"', html)
    assert {"constitution", "convention", "un"} <= ids(html)
    for page in corpus_build.site.reference_pages:
        prefixes = next(p for p, href in links if href == url(page.src).removeprefix("references/"))
        assert all(series(e.key)[0] in prefixes.split() for e in page.entries)


OLD_COUNCIL_ADDRESSES = {  # what the references held before issue 26 made the Council a body
    "references/council-resolution/": [f"council-res-{n}" for n in (1143, 1253, 1292, 1305, 1306, 1327, 1332, 1336, 1344)],
    "references/council-decision/": ["council-dec-517"],
}


def test_old_addresses_of_council_texts_lead_to_their_pages(built_site: Path) -> None:
    """Each old entry keeps its page and anchor, with a link to the text's own page marked for
    docs/javascripts/moved-anchors.js, which follows it (the browser tests check it does)."""
    for page, keys in OLD_COUNCIL_ADDRESSES.items():
        html = html_of(built_site, page)
        for key in keys:
            assert key in ids(html), (page, key)
            link = re.search(rf'<a [^>]*data-moved-to="{key}"[^>]*>', html)
            new = "council/" + key.removeprefix("council-")
            assert link and f'href="../../{new}/"' in link[0], (page, key)
            assert (built_site / new / "index.html").is_file()
    assert '<a data-moved="council-res" href="council-resolution/">' in html_of(built_site, "references/")  # `references/#council-res-1292`


def test_proposals_by_source_and_action_keep_their_old_anchors(built_site: Path) -> None:
    by_source = html_of(built_site, "proposals/by-source/")
    assert {"acp", "eur", "iap"} <= ids(by_source) and 'href="acp/pp-dubai-2018/"' in by_source
    assert {"add", "mod", "noc", "sup"} <= ids(html_of(built_site, "proposals/by-action/"))
    page = html_of(built_site, "proposals/by-source/acp/pp-dubai-2018/")
    assert 'href="../../../acp-64a1-3/"' in page


def test_body_index_has_most_cited(built_site: Path) -> None:
    html = html_of(built_site, "pp/")
    assert 'id="most-cited"' in html and 'id="targeted-or-cited-only"' in html


def test_pages_say_how_to_cite_them(corpus_build) -> None:
    """As ITU writes a citation; the resolution's permanent link is its revision's page."""
    site = corpus_build.site
    res = next(r for r in site.resolutions if r.id == "wtdc-res-71")
    assert res.citation == "Resolution 71 (Rev. Kigali, 2022) of the World Telecommunication Development Conference"
    assert res.permanent_src == "wtdc/res-71/kigali-2022.md"
    proposals = {p.id: p for p in site.proposals}
    assert proposals["ACP/64A1/3"].citation == "Proposal ACP/64A1/3 (MOD of Resolution 11)"
    assert proposals["ACP/64A1/9"].citation == "Proposal ACP/64A1/9 (MOD of Resolution 71, Annex 1)"
    assert proposals["EUR/44A24/1"].citation == "Proposal EUR/44A24/1 (ADD of Draft New Resolution [EUR-1])"
    revision = next(r for r in site.revisions if r.id == "wtsa-res-74")
    assert revision.citation == "Resolution 74 (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly"
