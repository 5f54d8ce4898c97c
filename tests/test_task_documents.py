"""A delegate's tasks with documents, in headless Chromium, on the corpus and on a generated
collection, served and offline, on a laptop and on a phone: read two tabs' titles, read a
proposal that comes from a text export and find what that means, go from a resolution to a
proposal that amends it and back. (The generated collection's first copy keeps the corpus's
numbers, so the same addresses hold on all four sites.)"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from browsing import Site, site_of_one_file, watched

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def test_two_tabs_say_which_text_each_holds(delegate) -> None:
    """A delegate with WTDC and PP Resolution 71 open in two tabs, and a proposal and its
    contribution in two more, tells them apart by the tab's title alone."""
    titles = {}
    for url in ("wtdc/res-71/", "pp/res-71/", "proposals/iap-39a13-1/", "proposals/acp-64a1/index.html"):
        delegate.goto(delegate.site.url(url))
        titles[url] = delegate.title()
    assert titles["wtdc/res-71/"].startswith("WTDC Resolution 71 (Rev. Kigali, 2022): Strengthening cooperation")
    assert titles["pp/res-71/"].startswith("PP Resolution 71")
    assert titles["proposals/iap-39a13-1/"].startswith("Proposal IAP/39A13/1: MOD of WTSA Resolution 68")
    assert titles["proposals/acp-64a1/index.html"].startswith("Contribution ACP/64A1 (APT)")
    assert len(set(titles.values())) == 4
    # what a link preview shows: the same name
    og = delegate.locator('meta[property="og:title"]').get_attribute("content")
    assert titles["proposals/acp-64a1/index.html"].startswith(og)


def test_a_title_never_runs_deleted_and_inserted_words_together(delegate) -> None:
    """PP Resolution 71's text is not in the collection and its only proposal is a text export,
    whose heading runs the old and the new period together: the page does not take it as a title."""
    delegate.goto(delegate.site.url("pp/res-71/"))
    shown = delegate.title() + " " + delegate.locator("article").inner_text()
    assert "2016-2019 2020-2023" not in delegate.title()
    assert "2016-2019 2020-2023" not in delegate.locator(".page-subtitle").all_inner_texts().__str__()
    assert "PP Resolution 71" in shown


def test_a_text_export_proposal_says_what_its_words_are(delegate) -> None:
    """Reading IAP/39A13/1, which comes from a text export: where its text starts the delegate
    is told that changes inside sentences are not marked, and the clean view says it is the text
    as exported, not the clean text."""
    delegate.goto(delegate.site.url("proposals/iap-39a13-1/", "text"))
    notice = delegate.locator(".admonition", has_text="Read from a text export")
    notice.wait_for()
    assert notice.is_visible()
    assert "Word document" in notice.inner_text() and "run" in notice.inner_text()
    considering = delegate.locator("#considering-f")
    assert considering.locator("xpath=preceding::div[contains(@class, 'admonition')][1]").inner_text().startswith(
        ("Read from a text export", "Compared with nothing"))
    note = delegate.locator(".exported-view-note")
    assert note.is_hidden()
    clean = delegate.get_by_role("button", name="Text as proposed, as exported")
    clean.click()
    assert note.is_visible() and "as exported" in note.inner_text()
    assert "as exported" in delegate.locator(".redline-switch-status").inner_text()
    delegate.get_by_role("button", name="Changes shown").click()  # the choice is kept: leave it as found
    assert note.is_hidden()


def test_from_a_resolution_to_its_proposal_and_back(delegate) -> None:
    """On PP Resolution 11, the delegate finds the proposals that amend it, opens one, and comes
    back with the browser's Back to the list where they left it."""
    delegate.goto(delegate.site.url("pp/res-11/"))
    link = delegate.locator("#amended-by ~ div table a", has_text="ACP/64A1/3").first
    link.scroll_into_view_if_needed()
    with delegate.expect_navigation():
        link.click()
    assert delegate.title().startswith("Proposal ACP/64A1/3: MOD of PP Resolution 11")
    back = delegate.locator("article .page-subtitle a", has_text="PP Resolution 11")
    assert back.get_attribute("href")
    delegate.go_back()
    delegate.wait_for_load_state()
    assert delegate.url.split("#")[0] == delegate.site.url("pp/res-11/")
    assert delegate.locator("#amended-by").is_visible() or delegate.evaluate("window.scrollY") > 0
    delegate.go_forward()
    with delegate.expect_navigation():
        delegate.locator("article .page-subtitle a", has_text="PP Resolution 11").click()
    assert delegate.title().startswith("PP Resolution 11")


def _titles(site_dir: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site_dir)): unescape(TITLE.search(path.read_text(encoding="utf-8"))[1]).strip()
        for path in site_dir.rglob("*.html") if path.name != "404.html"
    }


def test_no_two_texts_share_a_title(built_site: Path) -> None:
    """Every page of the built site has its own title, but for the latest revision's permanent
    address, which holds the same text as its resolution's page; none is a file name's."""
    titles = _titles(built_site)
    latest = {(p.relative_to(built_site).parent.parent / "index.html").as_posix() for p in built_site.glob("*/res-*/*/index.html")}
    seen: dict[str, str] = {}
    for page, title in sorted(titles.items()):
        assert not re.match(r"^(Res|Dec|Index|Iap|Acp|Eur) ", title), (page, title)
        if title in seen and not ({page, seen[title]} & latest):
            raise AssertionError(f"{page} and {seen[title]} share the title {title!r}")
        seen.setdefault(title, page)


HOSTILE_TITLE = (
    "ADD\tHST/9A1/1\n"
    "DRAFT NEW RESOLUTION [HST-1]\n"
    '</title><script>window.__xss=1</script> & "quoted" <b>bold</b>\n'
    "The World Telecommunication Development Conference (Kigali, 2022),\nresolves\n1\tthat it stays text;\n"
)


def test_a_title_made_of_markup_stays_text_in_the_tab(browser, tmp_path: Path) -> None:
    """A document whose title is markup: the tab, the header and the link preview show its
    characters; nothing runs."""
    with site_of_one_file(HOSTILE_TITLE, tmp_path) as site:
        context, page = watched(browser, site)
        page.goto(site.url("proposals/hst-9a1-1/"))
        literal = '</title><script>window.__xss=1</script> & "quoted" <b>bold</b>'
        assert literal in page.title()
        assert literal in page.locator('meta[property="og:title"]').get_attribute("content")
        assert literal in page.locator('meta[name="description"]').get_attribute("content")
        assert page.evaluate("window.__xss") is None
        assert page.errors == [] and page.external == []
        context.close()


def test_titles_on_the_generated_collection(browser, generated_site: Site) -> None:
    """At a few hundred documents, the renumbered copies keep titles of their own."""
    context, page = watched(browser, generated_site)
    titles = set()
    for url in ("wtdc/res-71/", "wtdc/res-1071/", "proposals/iap-39a13-1/", "proposals/iap-1039a13-1/"):
        page.goto(generated_site.url(url))
        titles.add(page.title())
    assert len(titles) == 4
    context.close()


def test_a_proposal_page_lists_what_it_is_one_fact_a_line(corpus_build) -> None:
    """Proposal, source, contribution and target each on a line of their own (a hidden search
    field at a line's end once ran two together: "Proposal: ACP/64A1/3- Source: APT")."""
    for p in corpus_build.site.proposals:
        page = corpus_build.pages[p.src]
        for fact in ("Proposal", "Source", "Contribution", "Target"):
            assert f"\n<li><strong>{fact}:</strong> " in page, (p.src, fact)
