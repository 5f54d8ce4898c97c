"""A delegate's tasks with the search box: type a citation and land on the clause, reach every
matching document, keep the keyboard inside the open search, and find the text that says what was
typed before the texts that only hold its words. On the corpus and the generated collection,
served and offline, at desktop and phone width (the `delegate` fixture); and on the texts of
other bodies, a citation opening the current text unless it names a revision."""

from __future__ import annotations

import re

import pytest
from browsing import (
    ROOT,
    Site,
    build_and_serve,
    need_chromium,
    unzipped_bundle,
    watched,
)

COPY = 3
"""The copy of the corpus the generated collection's citations name: copy k renumbers its
resolutions n → n + 1000k and its contributions' document numbers the same way (bench/generate.py)."""

CITATIONS = [
    # (typed, page, anchor): {n} is a number the generated collection renumbers in its copies
    ("WTSA Res {68} resolves 3", "proposals/iap-{39}a13-1/", "resolves-to-instruct-the-director-tsb-3"),
    ("Resolution {71} (Rev. Kigali, 2022) resolves 5 ii)", "wtdc/res-{71}/", "resolves-5-ii"),
    ("res {74} recognizing c", "wtsa/res-{74}/", "recognizing-c"),
    ("ACP/{64}A1/3 considering f", "proposals/acp-{64}a1-3/", "considering-f"),
    ("resolves 3 of Resolution {68}", "proposals/iap-{39}a13-1/", "resolves-to-instruct-the-director-tsb-3"),
    ("considering f) Resolution {68}", "proposals/iap-{39}a13-1/", "considering-f"),
    ("recognizing c) Resolution {74}", "wtsa/res-{74}/", "recognizing-c"),
]
"""WTSA Resolution 68's text is in the collection only as IAP/39A13/1 proposes it, where its
`resolves` is "resolves to instruct the Director of the Telecommunication Standardization Bureau"."""


def numbered(text: str, request: pytest.FixtureRequest) -> str:
    """The corpus's numbers in `text`, or those of copy COPY in the generated collection."""
    copy = COPY if request.node.callspec.params["any_site"].startswith("generated") else 0
    return re.sub(r"\{(\d+)\}", lambda m: str(int(m[1]) + 1000 * copy), text)


def open_search(page, start: str) -> None:
    page.goto(page.site.url(start))
    page.locator("article").first.click(position={"x": 1, "y": 1})
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")


def search(page, query: str, start: str = "") -> list[str]:
    """Open the search with its keyboard shortcut, type a query, and return the results' links
    once those of the whole query are shown."""
    open_search(page, start)
    page.keyboard.type(query, delay=10)
    page.wait_for_function("q => document.querySelector('[data-itu-search]').dataset.shown === q", arg=query)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def results(page) -> list[str]:
    """Each result's own link (a document, or the clause cited), in order."""
    return page.locator(".md-search-result__item").evaluate_all("els => els.map(e => e.querySelector('a').href)")


def in_view_below_the_header(page, selector: str) -> None:
    page.wait_for_timeout(300)  # the page settles (fonts, the theme's scripts)
    box = page.locator(selector).bounding_box()
    header = page.locator("header.md-header").bounding_box()
    height = page.viewport_size["height"]
    assert box and header, selector
    assert header["y"] + header["height"] <= box["y"] + 1 and box["y"] < height, (box, header, height)


@pytest.mark.parametrize(("typed", "at", "anchor"), CITATIONS)
def test_type_a_citation_and_land_on_the_clause(delegate, request, typed: str, at: str, anchor: str) -> None:
    query, page_url = numbered(typed, request), numbered(at, request)
    hrefs = search(delegate, query, start="about/")
    assert hrefs[0] == delegate.site.url(page_url, anchor), (query, hrefs[:3])
    first = delegate.locator(".md-search-result__item").first
    label = first.locator("h1").inner_text()
    assert " · " in label and label.split(" · ")[1].split(" ")[0] in anchor, label  # it names the clause
    with delegate.expect_navigation():
        delegate.keyboard.press("Enter")
    assert delegate.url == delegate.site.url(page_url, anchor)
    clause = delegate.locator(f"[id='{anchor}']")
    in_view_below_the_header(delegate, f"[id='{anchor}']")
    assert clause.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_a_clicked_citation_lands_on_the_clause_too(delegate, request) -> None:
    query = numbered("recognizing c) Resolution {74}", request)
    search(delegate, query, start="wtdc/res-71/")
    with delegate.expect_navigation():
        delegate.locator(".md-search-result__item a").first.click()
    assert delegate.url == delegate.site.url(numbered("wtsa/res-{74}/", request), "recognizing-c")
    in_view_below_the_header(delegate, "#recognizing-c")


def test_show_more_reaches_every_matching_document(delegate) -> None:
    """"resolves 3" matches more documents than a screen of results: the keyboard reaches the
    "Show more" button until every one is listed, each once, and each lands on a clause."""
    search(delegate, "resolves 3", start="wtdc/res-71/")
    total = int(delegate.locator(".md-search-result__meta").inner_text().split()[0])
    assert total > 12 and len(results(delegate)) < total
    more = delegate.locator(".itu-search-more")
    for _ in range(total):
        if not more.is_visible():
            break
        for _ in range(200):  # Tab round the search's controls to the button
            delegate.keyboard.press("Tab")
            if delegate.evaluate("document.activeElement.classList.contains('itu-search-more')"):
                break
        shown = len(results(delegate))
        delegate.keyboard.press("Enter")
        delegate.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown)
        delegate.wait_for_timeout(100)
    listed = results(delegate)
    assert len(listed) == len(set(listed)) == total
    assert not more.is_visible()
    named = [h.endswith("#resolves-3") for h in listed]
    assert any(named)
    for start in range(0, total, 12):  # in each screen of twelve, those that have the clause named first
        assert named[start:start + 12] == sorted(named[start:start + 12], reverse=True), start


def test_tab_never_leaves_the_open_search(delegate) -> None:
    delegate.goto(delegate.site.url("wtsa/res-74/"))
    link = delegate.locator("article a[href]").first
    link.focus()
    delegate.keyboard.press("/")
    delegate.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    delegate.keyboard.type("resolves", delay=10)
    delegate.wait_for_function("document.querySelector('[data-itu-search]').dataset.shown === 'resolves'")
    inside = "document.activeElement && document.activeElement.closest('[data-itu-search]') !== null"
    seen = set()
    for key in ["Tab"] * 80 + ["Shift+Tab"] * 90:
        delegate.keyboard.press(key)
        assert delegate.evaluate(inside), key
        seen.add(delegate.evaluate("document.activeElement.tagName + '.' + document.activeElement.className"))
    assert any(s.startswith("SELECT") for s in seen) and any("md-search-result__link" in s for s in seen)
    assert any("itu-search-more" in s for s in seen) and any("md-search__input" in s for s in seen)
    delegate.keyboard.press("Escape")
    assert not delegate.locator("#__search").is_checked()
    assert delegate.evaluate("e => document.activeElement === e", link.element_handle())


def test_an_empty_search_box_is_a_stop_on_the_way_through_the_header(delegate) -> None:
    """A keyboard user tabbing through the header passes the search box: with nothing typed,
    Tab goes on to the page and the search closes behind."""
    delegate.goto(delegate.site.url("wtsa/res-74/"))
    delegate.keyboard.press("/")
    delegate.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    inside = "document.activeElement && document.activeElement.closest('[data-itu-search]') !== null"
    for _ in range(5):
        delegate.keyboard.press("Tab")
        if not delegate.evaluate(inside):
            break
    assert not delegate.evaluate(inside)
    assert not delegate.locator("#__search").is_checked()


def every_result(page, query: str) -> list[str]:
    """Every result of a query, in order ("Show more" pressed until none are left)."""
    search(page, query)
    more = page.locator(".itu-search-more")
    while more.is_visible():
        shown = len(results(page))
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown)
    return results(page)


def every_document(page, query: str) -> list[str]:
    """The documents a query matches, in the order of their first result."""
    return list(dict.fromkeys(h.split("#")[0] for h in every_result(page, query)))


@pytest.mark.parametrize(("query", "resolution"), [
    ("ITU Telecom events", "pp/res-11/"),
    ("regional presence", "pp/res-25/"),
    ("Connect 2030 Agenda", "pp/res-200/"),
])
def test_a_resolution_comes_before_the_proposals_that_amend_it(browser, pp18_site: Site, query: str, resolution: str) -> None:
    context, page = watched(browser, pp18_site)
    page.goto(pp18_site.url(resolution))
    amending = page.locator("#amended-by ~ div table a[href*='proposals/acp-64a1-']").evaluate_all(
        "els => els.map(e => e.href.split('#')[0])")
    assert amending, f"{resolution} lists the ACP/64A1 proposals that amend it"
    found = every_document(page, query)
    assert pp18_site.url(resolution) in found
    ranked = [found.index(p) for p in set(amending) if p in found]
    assert ranked, (query, found[:5])
    assert found.index(pp18_site.url(resolution)) < min(ranked), (query, found[:5])
    assert page.errors == [] and page.external == []
    context.close()


def test_the_text_that_says_a_phrase_comes_first(browser, pp18_site: Site) -> None:
    """"Industry Advisory": the texts that say it (WTDC Resolution 71's "Industry Advisory Group",
    EUR/44A24/1's "Industry Advisory Panel") before those that hold the two words apart; of those
    two the resolution first, as adopted texts come before proposals."""
    context, page = watched(browser, pp18_site)
    found = every_document(page, "Industry Advisory")
    assert found[:2] == [pp18_site.url("wtdc/res-71/"), pp18_site.url("proposals/eur-44a24-1/")], found[:4]
    assert len(found) > 2
    assert page.errors == [] and page.external == []
    context.close()


BODY_CITATIONS = [
    # (typed, page, anchor) in tests/fixtures/bodies, where each resolution's latest revision has a
    # page of its own (`council/res-1332/c16/`), indexed by its title alone: Pagefind ranks it first
    ("Council Resolution 1332", "council/res-1332/", ""),
    ("Resolution 1332", "council/res-1332/", ""),
    ("PP Resolution 900", "pp/res-900/", ""),
    ("RA Resolution 1", "ra/res-1/", ""),
    ("Resolution ITU-R 1", "ra/res-1/", ""),
    ("Resolution ITU-R 1-8", "ra/res-1/", ""),  # its current text, whose title names it
    ("WRC Resolution 1", "wrc/res-1/", ""),
    ("Council Resolution 1332 resolves 2", "council/res-1332/", "resolves-2"),
    ("Council Resolution 1332 (C16)", "council/res-1332/c16/", ""),
    ("Resolution 1 (Rev. WRC-97)", "wrc/res-1/wrc-97/", ""),
]


@pytest.fixture(scope="module", params=["served", "offline"])
def bodies_site(request, tmp_path_factory: pytest.TempPathFactory):
    """The texts of other bodies (WRC, RA, the Council, a PP text citing them), served and offline."""
    need_chromium()
    corpus = ROOT / "tests" / "fixtures" / "bodies"
    if request.param == "offline":
        yield unzipped_bundle(tmp_path_factory.mktemp("bodies-offline"), corpus)
        return
    site, httpd = build_and_serve(corpus, tmp_path_factory.mktemp("bodies-site"))
    yield site
    httpd.shutdown()


@pytest.mark.parametrize(("typed", "at", "anchor"), BODY_CITATIONS)
def test_a_typed_citation_opens_the_current_text_unless_it_names_a_revision(
        browser, bodies_site: Site, typed: str, at: str, anchor: str) -> None:
    """Of every body, the Council's too: a citation opens the resolution's page, its current text,
    and only a citation naming a revision opens that revision's page."""
    context, page = watched(browser, bodies_site)
    hrefs = search(page, typed)
    assert hrefs[0] == bodies_site.url(at, anchor), (typed, hrefs[:3])
    assert "itu-search-citation" in page.locator(".md-search-result__item").first.get_attribute("class")  # looked up
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == bodies_site.url(at, anchor)
    assert page.errors == [] and page.external == []
    context.close()


@pytest.fixture(scope="module")
def indexed_whole(generated_site: Site, tmp_path_factory: pytest.TempPathFactory):
    """The generated collection's site with its index made whole, in one part, served."""
    import shutil
    from concurrent.futures import ThreadPoolExecutor

    from browsing import serve
    from builder.search import index_site

    whole = shutil.copytree(generated_site.folder, tmp_path_factory.mktemp("whole") / "site",
                            ignore=shutil.ignore_patterns("pagefind"))
    with ThreadPoolExecutor(1) as thread:  # Playwright's loop runs in this one
        thread.submit(index_site, whole, part_mb=1000).result()
    site, httpd = serve(whole)
    yield site
    httpd.shutdown()


@pytest.mark.parametrize("query", ["resolves 3", "telecommunication development", "Dubai 2018", "conformance"])
def test_an_index_in_parts_finds_what_one_index_finds(browser, generated_site: Site, indexed_whole: Site, query: str) -> None:
    """The generated collection's index is in parts (browsing.GENERATED_PART_MB), as a large
    collection's is: a search finds the same documents and clauses as in the same site indexed
    whole."""
    found = {}
    for site in (generated_site, indexed_whole):
        context, page = watched(browser, site)
        found[site] = [url.removeprefix(site.base) for url in every_result(page, query)]
        assert page.errors == [], page.errors
        context.close()
    assert found[generated_site] and sorted(found[generated_site]) == sorted(found[indexed_whole])
