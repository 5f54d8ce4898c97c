"""The site in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright), twice: served
over HTTP, and as the offline bundle unzipped and opened from file:// with every request that
is not a file blocked."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

from browsing import SCREENSHOTS, Site, build_and_serve, copied, search, site_of_one_file, watched
from conftest import ROOT


def test_screenshots(page) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    kind = "offline" if page.site.offline else "served"
    for url, name in [("", "home"), ("wtdc/res-71/", "resolution"), ("proposals/acp-64a1-3/", "proposal"),
                      ("pp/res-11/", "targeted-resolution"), ("wtsa/res-68/", "changes-proposed")]:
        page.goto(page.site.url(url))
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SCREENSHOTS / f"{kind}-{name}.png"))


@pytest.mark.parametrize(("query", "first", "anchor"), [
    ("ACP/64A1/3", "proposals/acp-64a1-3/", ""),
    ("Resolution 68", "wtsa/res-68/", ""),
    ("Res 68", "wtsa/res-68/", ""),
    ("resolves 3", None, "resolves-3"),
    ("considering f)", None, "considering-f"),
    ("\"Industry Advisory Panel\"", "proposals/eur-44a24-1/", "resolves-to-instruct-the-secretary-general-and-the-directors-of-the-bureaux-3"),
    ("ITU\u2011T", "wtsa/res-74/", "foreword"),
])
def test_search_the_way_delegates_search(page, query: str, first: str | None, anchor: str) -> None:
    """The first result, online and from file:// alike (the same Pagefind index, loaded as
    scripts offline); `None`: any page, at that clause."""
    hrefs = search(page, query)
    if first is None:
        assert hrefs[0].endswith("#" + anchor), hrefs[:3]
    else:
        assert hrefs[0] == page.site.url(first, anchor), hrefs[:3]


def test_clause_permalink_lands_on_the_clause_highlighted(page) -> None:
    page.goto(page.site.url("wtdc/res-71/", "resolves-5-ii"))
    clause = page.locator("#resolves-5-ii")
    clause.wait_for()
    box = clause.bounding_box()
    assert box and 0 <= box["y"] < 900
    assert clause.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_permalink_shows_on_hover(page) -> None:
    page.goto(page.site.url("wtsa/res-74/"))
    link = page.locator("#recalling-b > p > a.clause-permalink")
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 0
    page.locator("#recalling-b").hover()
    page.wait_for_timeout(300)
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 1
    assert link.get_attribute("href") == "#recalling-b"


def test_amended_by_round_trip(page) -> None:
    page.goto(page.site.url("pp/res-11/"))
    with page.expect_navigation():
        page.locator("#amended-by ~ div table a", has_text="ACP/64A1/3").first.evaluate("e => e.click()")
    assert "acp-64a1-3" in page.url
    with page.expect_navigation():
        page.locator("article a", has_text="PP Resolution 11").first.evaluate("e => e.click()")
    assert "pp/res-11" in page.url


def test_citation_link_leads_to_the_cited_resolution(page) -> None:
    page.goto(page.site.url("wtsa/res-74/"))
    with page.expect_navigation():
        page.locator("#recalling-b a.citation").first.evaluate("e => e.click()")  # the link itself, wherever it is
    assert "pp/res-123" in page.url
    assert page.locator("#cited-by ~ ul a", has_text="WTSA Resolution 74").count() >= 1


def test_old_anchors_of_the_split_indexes_still_lead_to_their_place(page) -> None:
    """`references/#cs-no-126` from before the references were split goes on to the entry's page;
    a kind's section and a source's stay where they are, on the index."""
    page.goto(page.site.url("references/", "cs-no-126"))
    page.wait_for_url(re.compile(r"/references/constitution(/|\.html)#cs-no-126$"))
    assert page.locator("#cs-no-126").count() == 1
    assert page.locator("#cs-no-126 ~ ul a", has_text="WTDC Resolution 71").count() >= 1
    page.goto(page.site.url("references/", "itrs"))
    page.wait_for_url(re.compile(r"/references/itrs(/|\.html)#itrs$"))
    page.goto(page.site.url("references/", "constitution"))
    page.wait_for_timeout(300)
    assert page.url.endswith("#constitution") and page.locator("h2#constitution").count() == 1
    page.goto(page.site.url("proposals/by-source/", "acp"))
    with page.expect_navigation():
        page.locator("#acp + p a", has_text="PP (Dubai, 2018)").first.click()
    assert page.locator("article a", has_text="ACP/64A1/3").count() == 1


def test_old_addresses_of_council_texts_land_on_their_pages(page) -> None:
    """Before issue 26 a Council resolution was an entry of the references
    (`references/council-resolution/#council-res-1292`, before that `references/#council-res-1292`):
    both addresses now end on the Council's page of the resolution."""
    for old in (page.site.url("references/council-resolution/", "council-res-1292"), page.site.url("references/", "council-res-1292")):
        page.goto(old)
        page.wait_for_url(re.compile(r"/council/res-1292(/|\.html)$"))
        assert page.locator("h1", has_text="1292").count() == 1
    page.goto(page.site.url("references/council-decision/", "council-dec-517"))
    page.wait_for_url(re.compile(r"/council/dec-517(/|\.html)$"))


def test_resolution_prints_cleanly(page) -> None:
    page.goto(page.site.url("wtdc/res-71/"))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    assert page.locator("#recalling-a .clause-permalink").evaluate("e => getComputedStyle(e).display") == "none"
    assert len(page.pdf(format="A4")) > 10_000


@pytest.fixture(scope="module")
def word_site(tmp_path_factory: pytest.TempPathFactory):
    """The site built from Word documents only (tests/fixtures/word: the fixtures and the corpus as
    .docx), as `ITU_CORPUS=tests/fixtures/word make site` builds it, served."""
    site, httpd = build_and_serve(ROOT / "tests" / "fixtures" / "word", tmp_path_factory.mktemp("word-site"))
    yield site
    httpd.shutdown()


def test_word_redline_and_the_switch(browser, word_site: Site) -> None:
    """A MOD read from a .docx shows its exact words as <ins>/<del>; "Text as proposed" hides the
    deletions, and the choice holds on the next proposal page until switched back."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(word_site.url("proposals/iap-9a1-1/", "considering-b"))
    b = page.locator("#considering-b")
    assert b.locator("del").inner_text() == "520" and b.locator("ins").inner_text() == "700"
    assert page.locator(".resolution-heading del").inner_text() == "Hammamet, 2016"
    assert page.locator(".resolution-formula ins").inner_text() == "New Delhi, 2024"
    assert page.locator("#considering-d a.citation del").inner_text() == "Busan, 2014"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "word-changes-shown.png"))
    style = lambda sel, prop: page.locator(sel).first.evaluate(f"e => getComputedStyle(e).{prop}")  # noqa: E731
    assert style("#considering-b del", "display") != "none"
    assert "line-through" in style("#considering-b del", "textDecorationLine")
    assert "underline" in style("#considering-b ins", "textDecorationLine")

    clean = page.get_by_role("button", name="Text as proposed")
    clean.focus()
    page.keyboard.press("Enter")
    assert clean.get_attribute("aria-pressed") == "true"
    assert page.locator(".redline-switch-status").inner_text() == "Showing the text as proposed"
    assert style("#considering-b del", "display") == "none"
    assert "underline" not in style("#considering-b ins", "textDecorationLine")
    assert style("#noting-deleted-a", "display") == "none"
    assert "over 700 Sector Members" in b.inner_text() and "520" not in b.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "word-text-as-proposed.png"))

    page.goto(word_site.url("proposals/eur-7a2-4/"))
    assert page.locator("html").get_attribute("data-redline") == "clean"
    assert style("#resolves-1 del", "display") == "none"
    page.get_by_role("button", name="Changes shown").click()
    assert style("#resolves-1 del", "display") != "none"
    assert errors == []
    found = page.evaluate("""async (words) => {  // the text as proposed is indexed, not the deletions
        const pagefind = await import("/pagefind/pagefind.js");
        const urls = {};
        for (const w of words) {
            const search = await pagefind.search(w);
            urls[w] = (await Promise.all(search.results.map(r => r.data()))).map(d => d.url);
        }
        return urls;
    }""", ["520", "700"])
    assert "/proposals/iap-9a1-1/" in found["700"] and "/proposals/iap-9a1-1/" not in found["520"]
    context.close()


def test_word_changes_on_the_resolution_page(browser, word_site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(word_site.url("wtsa/res-68/"))
    row = page.locator('article tr:has(a[href*="iap-9a1-1"])', has_text="b) amended").first
    assert row.locator("del").inner_text() == "520" and row.locator("ins").inner_text() == "700"
    context.close()


def test_text_export_redline_and_switch(page) -> None:
    """IAP/39A13/1 from its text export: the run-together revisions read as a deletion and an
    insertion, and "Text as proposed" hides the deletions, served and offline alike."""
    page.goto(page.site.url("proposals/iap-39a13-1/"))
    heading = page.locator(".resolution-heading")
    assert heading.locator("del").inner_text() == "Hammamet, 2016"
    assert heading.locator("ins").inner_text() == "New Delhi, 2024"
    page.get_by_role("button", name="Text as proposed").click()
    assert heading.inner_text().strip() == "RESOLUTION 68 (Rev.\u00a0New Delhi, 2024)"
    page.reload()
    assert page.locator("html").get_attribute("data-redline") == "clean"
    page.get_by_role("button", name="Changes shown").click()
    assert "Hammamet, 2016" in heading.inner_text()


def test_resolution_pages_show_changes_whatever_the_switch(browser, word_site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(word_site.url("proposals/iap-9a1-1/"))
    page.get_by_role("button", name="Text as proposed").click()
    page.goto(word_site.url("wtsa/res-68/"))
    row = page.locator('article tr:has(a[href*="iap-9a1-1"])', has_text="b) amended").first
    assert row.locator("del").evaluate("e => getComputedStyle(e).display") != "none"
    context.close()


@pytest.fixture(scope="module")
def revisions_site(tmp_path_factory: pytest.TempPathFactory):
    """The corpus with an earlier revision of WTDC Resolution 71 and a text citing both
    (tests/fixtures/revisions), built and served."""
    corpus = copied(tmp_path_factory.mktemp("revisions-corpus"), *sorted((ROOT / "corpus").glob("*.txt")),
                    *sorted((ROOT / "tests" / "fixtures" / "revisions").glob("*.txt")))
    site, httpd = build_and_serve(corpus, tmp_path_factory.mktemp("revisions-site"))
    yield site
    httpd.shutdown()


def test_revisions_history_comparison_and_revision_citations(browser, revisions_site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(revisions_site.url("wtdc/res-71/"))
    history = page.locator(".revision-history")
    assert "Kigali, 2022 (this text)" in history.inner_text()
    with page.expect_navigation():
        history.get_by_role("link", name="Buenos Aires, 2017").click()
    assert page.url.endswith("wtdc/res-71/buenos-aires-2017/")
    assert "An earlier revision" in page.locator("article").inner_text()
    with page.expect_navigation():
        page.locator(".revision-history").get_by_role("link", name="compare with the previous revision").click()
    assert "compare/buenos-aires-2017..kigali-2022" in page.url
    inserted = page.locator(".compare-inserted")
    assert inserted.count() == 1 and "Resolution 169" in inserted.inner_text()
    assert page.locator(".compare-changed ins").first.inner_text() == "professional "
    folded = page.locator("details.compare-unchanged").first
    assert not folded.evaluate("e => e.open")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "revision-comparison.png"), full_page=False)

    page.goto(revisions_site.url("wtdc/res-950/"))
    with page.expect_navigation():
        page.locator("#recalling-a a.citation").first.evaluate("e => e.click()")
    assert page.url.endswith("wtdc/res-71/buenos-aires-2017/#recalling-c")
    assert page.locator("#recalling-c").inner_text().split(None, 1)[1].startswith("Resolution 209")
    assert errors == []
    context.close()


@pytest.fixture(scope="module")
def competing_site(tmp_path_factory: pytest.TempPathFactory):
    """The corpus with two more proposals competing with ACP/64A1/3 and their base (tests/fixtures/competing)."""
    folder = ROOT / "tests" / "fixtures" / "competing"
    corpus = copied(tmp_path_factory.mktemp("competing-corpus"), *sorted((ROOT / "corpus").glob("*.txt")),
                    *sorted(folder.glob("*.txt")), *sorted(folder.glob("*.docx")))
    site, httpd = build_and_serve(corpus, tmp_path_factory.mktemp("competing-site"))
    yield site
    httpd.shutdown()


def test_proposals_compared_side_by_side(browser, competing_site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(competing_site.url("pp/res-11/"))
    with page.expect_navigation():
        page.get_by_role("link", name="The competing proposals side by side").click()
    assert page.url.endswith("pp/res-11/proposals-compared/")
    headers = page.locator(".proposals-compared table").first.locator("th").all_inner_texts()
    assert len(headers) == 4 and {"EUR/12A1/1 (CEPT)", "IAP/12A1/1 (CITEL)", "ACP/64A1/3 (APT)"} <= set(headers)
    row = page.locator(".proposals-compared tr", has_text="has been").first
    assert row.locator("del").first.inner_text() == "has been" and row.locator("ins").first.inner_text() == "is"
    table = page.locator(".proposals-compared table").first
    assert table.evaluate("e => e.scrollWidth <= e.parentElement.clientWidth + 1")  # fits a laptop screen
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "proposals-compared.png"))
    page.emulate_media(media="print")
    assert table.evaluate("e => getComputedStyle(e).display") != "none"
    assert len(page.pdf(format="A4")) > 10_000
    context.close()


def test_search_result_lands_on_the_clause_in_view(page) -> None:
    search(page, "considering f)", start="wtdc/res-71/")
    first = page.locator(".md-search-result__item a").first
    assert "MOD ACP/64A1/3 · considering f)" in first.inner_text()
    assert first.locator("mark").count() >= 1  # the words found are highlighted
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == page.site.url("proposals/acp-64a1-3/", "considering-f")
    box = page.locator("#considering-f").bounding_box()
    assert box and 0 <= box["y"] < 900


def test_search_on_a_phone_in_the_dark(browser, site: Site) -> None:
    """The search box opens from the header's icon on a narrow screen, its results fit the
    screen, and the dark scheme colours them for reading."""
    context, page = watched(browser, site, viewport={"width": 390, "height": 844}, color_scheme="dark", has_touch=True)
    page.goto(site.url("wtdc/res-71/"))
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("Resolution 68", delay=10)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    box = first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    luminance = """e => { const c = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number);
                           return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255; }"""
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert first.locator("h1").evaluate(luminance) > 0.6  # light text on the dark scheme's background
    page.screenshot(path=str(SCREENSHOTS / f"search-phone-dark-{'offline' if site.offline else 'served'}.png"))
    assert page.errors == [] and page.external == []
    context.close()


def test_search_filters_narrow_the_results(page) -> None:
    search(page, "resolves", start="wtdc/res-71/")
    before = page.locator(".md-search-result__meta").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"search-results-{'offline' if page.site.offline else 'served'}.png"))
    page.locator(".itu-search-filters select[name=body]").select_option("WTDC")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t", arg=before)
    page.wait_for_timeout(200)
    after = page.locator(".md-search-result__meta").inner_text()
    assert int(after.split()[0]) < int(before.split()[0])
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("/wtdc/" in h or "/proposals/" in h for h in hrefs)


def test_pagefind_works_under_a_path_prefix(browser, built_site: Path, tmp_path: Path) -> None:
    """PR previews live at pr-preview/pr-N/: the bundle is found relative to the page."""
    shutil.copytree(built_site, tmp_path / "pr-preview" / "pr-7")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/pr-preview/pr-7/"
        page.site = Site(base, offline=False)
        assert search(page, "ACP/64A1/3", start="wtsa/res-74/")[0] == base + "proposals/acp-64a1-3/"
        context.close()
    finally:
        httpd.shutdown()


@pytest.mark.parametrize(("url", "anchor", "permanent", "citation"), [
    ("wtdc/res-71/", "resolves-5-ii", "wtdc/res-71/kigali-2022/",
     "Resolution 71 (Rev. Kigali, 2022) of the World Telecommunication Development Conference, resolves 5 ii)"),
    ("proposals/acp-64a1-3/", "considering-f", "proposals/acp-64a1-3/",
     "Proposal ACP/64A1/3 (MOD of Resolution 11), considering f)"),
])
def test_copy_a_clause_citation_with_the_keyboard(browser, site: Site, url, anchor, permanent, citation) -> None:
    """The copy control beside the permalink: a menu of three forms, used with the keyboard; the
    clipboard read back; the permanent link is the revision's page (this copy's, or the public
    site's where pages carry a canonical link)."""
    context, page = watched(browser, site)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site.url(url))
    button = page.locator(f"#{anchor} > p .cite-copy-button")
    assert button.get_attribute("aria-label") == "Copy the citation of " + citation.split(", ")[-1]
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.format") == "text"
    page.keyboard.press("Enter")
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == f"{citation} <{site.url(permanent, anchor)}>"
    page.wait_for_function("document.querySelector('.cite-status').textContent.startsWith('Citation copied')")
    assert page.evaluate(f"document.activeElement === document.querySelector('#{anchor} > p .cite-copy-button')")

    own = url if not site.offline else url.rstrip("/") + ".html"
    page.evaluate(f"""document.head.insertAdjacentHTML("beforeend",
        '<link rel="canonical" href="https://itu.example/site/{own}">')""")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    public = f"https://itu.example/site/{permanent}#{anchor}"
    assert page.evaluate("navigator.clipboard.readText()") == f"[{citation}]({public})"
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == f'<a href="{public}">{citation}</a>'
    page.keyboard.press("Enter")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"copy-citation-{'offline' if site.offline else 'served'}.png"))
    page.keyboard.press("Escape")
    assert page.locator(".cite-copy-menu").is_hidden()
    assert page.errors == [] and page.external == []
    context.close()


def test_any_resolution_in_three_steps_with_the_keyboard(browser, generated_site: Site) -> None:
    """From any page, Tab and Enter alone reach a resolution in three steps (its body's tab, its
    list page, the resolution), which then says where it is; the navigation stays small."""
    context, page = watched(browser, generated_site)
    page.goto(generated_site.url("proposals/acp-64a1-3/"))

    def follow(name: str) -> None:
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == name:
                break
        else:
            raise AssertionError(f"Tab never reached {name!r} on {page.url}")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    follow("PP")
    lists = [t for t in page.locator("article a").all_text_contents() if t.startswith("Nos.")]
    assert len(lists) > 1, "PP's list is split at this size"
    follow(lists[1])
    resolution = next(t for t in page.locator("article a").all_text_contents() if t.startswith("Res."))
    follow(resolution)
    assert page.url.startswith(generated_site.url("pp/res-"))
    assert page.locator("nav.crumbs").inner_text() == f"PP › {lists[1]}"
    sidebar = page.locator(".md-sidebar--primary").evaluate("e => e.outerHTML.length")
    assert sidebar < 15_000
    assert page.errors == [] and page.external == []
    context.close()


def test_the_navigation_on_a_phone_in_the_dark(browser, generated_site: Site) -> None:
    """On a phone in the dark scheme the drawer lists the bodies and the indexes, and a page that
    lists proposals fits the screen's width."""
    context, page = watched(browser, generated_site, viewport={"width": 390, "height": 844}, color_scheme="dark", has_touch=True)
    page.goto(generated_site.url("pp/"))
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-nav--primary").first
    drawer.get_by_text("WTDC", exact=True).wait_for()
    assert {"Home", "PP", "WTSA", "WTDC", "Proposals"} <= {t.strip() for t in drawer.locator(".md-nav__link").all_text_contents()}
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.screenshot(path=str(SCREENSHOTS / "navigation-phone-dark.png"))
    for url in ("pp/", "proposals/by-source/acp/"):
        page.goto(generated_site.url(url))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    assert page.errors == [] and page.external == []
    context.close()


HOSTILE_PROPOSAL = (
    "ADD\tHST/9A1/1\n"
    'DRAFT NEW RESOLUTION [HST-1] <img src=x onerror="window.__xss=1"> *starred* _under_ `ticked` & co\n'
    "A title\nThe World Telecommunication Development Conference (Kigali, 2022),\nresolves\n"
    "1\tthat <script>window.__xss=2</script> hostile <img src=y onerror=\"window.__xss=3\"> words stay text;\n"
)


def test_source_text_stays_text_on_the_page_in_search_and_in_copied_citations(browser, tmp_path: Path) -> None:
    """Markup in a document (its title, in the citation; its words, in search excerpts) runs
    nowhere: not on the page, not in the search results, not where a copied citation is pasted
    (its Markdown and HTML forms render back to the same text)."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    with site_of_one_file(HOSTILE_PROPOSAL, tmp_path) as site:
        context, page = watched(browser, site)
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(site.url("proposals/hst-9a1-1/"))
        injected = "() => [window.__xss, document.querySelectorAll('img[src=x], img[src=y]').length]"
        assert page.evaluate(injected) == [None, 0]
        assert "that <script>window.__xss=2</script> hostile" in page.locator("#resolves-1").inner_text()
        title = page.locator(".cite-title").inner_text()
        assert '<img src=x onerror="window.__xss=1"> *starred* _under_ `ticked` & co' in title
        citation = f"{title}, resolves 1"

        copied = {}
        for steps, form in ((0, "text"), (1, "markdown"), (2, "html")):
            page.locator("#resolves-1 > p .cite-copy-button").click()
            for _ in range(steps):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")
            copied[form] = page.evaluate("navigator.clipboard.readText()")
        assert copied["text"].startswith(citation + " <")

        class Text(HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.text, self.tags = "", []

            def handle_starttag(self, tag, attrs) -> None:
                self.tags.append(tag)

            def handle_data(self, data) -> None:
                self.text += data

        for form, html in (("markdown", MarkdownIt("commonmark").render(copied["markdown"])), ("html", copied["html"])):
            parsed = Text()
            parsed.feed(html)
            parsed.close()
            assert parsed.tags in (["p", "a"], ["a"]) and parsed.text.strip() == citation, (form, html)

        results = search(page, "hostile words", start="proposals/hst-9a1-1/")
        assert results and results[0].startswith(site.url("proposals/hst-9a1-1/"))
        assert "<script>window.__xss=2</script> hostile" in page.locator(".md-search-result").inner_text()
        assert page.evaluate(injected) == [None, 0]
        assert page.errors == [] and page.external == []
        context.close()
