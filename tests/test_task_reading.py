"""A delegate's tasks (issue 24): open a clause address from an email, take a clause's address
from the address bar, print a redline, take the site away offline. Each runs in headless
Chromium on the corpus's site and a generated collection's, served and as the offline bundle, on
a laptop in the light scheme and a phone in the dark one (the `delegate` fixture)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from browsing import build_and_serve, copied, watched
from conftest import CORPUS

EMAILED = [("wtsa/res-74/", "considering-b"), ("wtdc/res-71/", "resolves-5-ii"), ("proposals/iap-39a13-1/", "considering-f")]
"""Clause addresses a delegate is sent: a resolution's, a sub-clause's, a proposal's."""


def in_view_below_the_header(page, anchor: str) -> dict:
    """The clause's box, checked to start below Material's sticky header and inside the window."""
    box = page.locator(f"[id='{anchor}']").bounding_box()
    header = page.locator(".md-header").bounding_box()
    height = page.viewport_size["height"]
    assert box and header and header["y"] + header["height"] - 1 <= box["y"] < height - 40, (anchor, box, header)
    return box


def scroll(page, pixels: int) -> None:
    """Scroll as a reader does (a wheel, or a finger on a phone), and check the page moved."""
    before = page.evaluate("scrollY")
    page.mouse.wheel(0, pixels)
    page.wait_for_function("y => Math.abs(scrollY - y) > 10", arg=before)
    page.wait_for_timeout(500)  # what the theme does on scroll has run


def test_open_a_clause_address_from_an_email(delegate) -> None:
    """The clause is shown below the header, highlighted, and stays there once the page has
    settled; scrolling a little leaves its address in the address bar."""
    for url, anchor in EMAILED:
        address = delegate.site.url(url, anchor)
        delegate.goto(address)
        delegate.wait_for_load_state("load")
        landed = in_view_below_the_header(delegate, anchor)
        clause = delegate.locator(f"[id='{anchor}']")
        assert clause.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
        delegate.wait_for_timeout(1000)
        settled = in_view_below_the_header(delegate, anchor)
        assert abs(settled["y"] - landed["y"]) < 2, (landed, settled)
        scroll(delegate, 120)
        assert delegate.url == address


def test_open_a_deleted_clause_address_while_reading_the_text_as_proposed(delegate) -> None:
    """The text as proposed leaves deleted clauses out: an address of one shows the changes, and
    the reader's choice of view is kept for the next page."""
    delegate.goto(delegate.site.url("proposals/iap-39a13-1/"))
    delegate.locator("[data-redline-view='clean']").click()
    delegate.goto(delegate.site.url(""))
    delegate.goto(delegate.site.url("proposals/iap-39a13-1/", "noting-deleted-b"))  # a page of its own, from the email
    delegate.wait_for_load_state("load")
    in_view_below_the_header(delegate, "noting-deleted-b")
    assert delegate.locator("[data-redline-view='changes']").get_attribute("aria-pressed") == "true"
    delegate.goto(delegate.site.url("proposals/acp-64a1-3/"))
    assert delegate.locator("[data-redline-view='clean']").get_attribute("aria-pressed") == "true"


def test_click_the_pilcrow_and_copy_the_address_bar(delegate) -> None:
    """Hover a clause (tap it on a phone), click its ¶, scroll on reading: the address bar still
    holds the clause's address, not its section's."""
    for url, anchor in EMAILED:
        delegate.goto(delegate.site.url(url))
        clause = delegate.locator(f"[id='{anchor}']")
        pilcrow = delegate.locator(f"[id='{anchor}'] > p > a.clause-permalink")
        if delegate.viewport_size["width"] < 600:  # a phone: no hover
            clause.locator(":scope > p > .clause-label").tap()
            pilcrow.tap()
        else:
            clause.hover()
            pilcrow.click()
        delegate.wait_for_url(re.compile(re.escape("#" + anchor) + "$"))
        in_view_below_the_header(delegate, anchor)
        scroll(delegate, 200)
        scroll(delegate, -80)
        delegate.wait_for_timeout(1000)
        assert delegate.url == delegate.site.url(url, anchor)


def _luminance(rgb: str) -> float:
    """The relative luminance (WCAG) of a computed `rgb(…)` colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _printout_top(page) -> list[str]:
    """The first lines of the article as printed (innerText leaves out what print hides)."""
    return [line.strip() for line in page.locator("article").first.inner_text().splitlines() if line.strip()][:3]


@pytest.mark.parametrize("url", ["proposals/acp-64a1-3/", "proposals/iap-39a13-1/"])
def test_print_a_redline_from_the_dark_scheme(delegate, url: str) -> None:
    """On paper (white, whatever the scheme) insertions and deletions are dark enough to read and
    keep their underline and strike-through (a black-and-white printer loses the colours); the
    printout starts with the citation, the permanent address, the view printed and the day."""
    delegate.emulate_media(color_scheme="dark")
    delegate.goto(delegate.site.url(url))
    assert delegate.locator("body").get_attribute("data-md-color-scheme") == "slate"
    citation = delegate.locator(".cite-as .cite-title").inner_text().strip()
    delegate.emulate_media(media="print", color_scheme="dark")
    paper = delegate.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _luminance(paper) > 0.9, paper
    for tag, mark in (("ins", "underline"), ("del", "line-through")):
        style = delegate.locator(f"article {tag}").first.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine]")
        contrast = (_luminance(paper) + 0.05) / (_luminance(style[0]) + 0.05)
        assert contrast >= 4.5 and mark in style[1], (tag, style, contrast)
    today = datetime.date.today().isoformat()
    assert _printout_top(delegate) == [citation, delegate.site.url(url), f"View: changes shown · Printed {today}"]
    assert len(delegate.pdf(format="A4")) > 10_000

    delegate.emulate_media(media="screen", color_scheme="dark")
    assert delegate.locator(".print-header").is_hidden()  # on paper only
    clean = delegate.locator("[data-redline-view='clean']")
    view = clean.inner_text().strip().lower()  # "text as proposed, as exported" from a text export
    assert view.startswith("text as proposed")
    clean.click()
    delegate.emulate_media(media="print", color_scheme="dark")
    assert _printout_top(delegate)[2] == f"View: {view} · Printed {today}"
    assert delegate.locator("article del").first.is_hidden()


def _offline_paragraphs(page) -> list[str]:
    """What the home page and About say under "Offline copy"."""
    said = []
    for url in ("", "about/"):
        page.goto(page.site.url(url))
        said.append(page.locator("h2#offline + p").inner_text())
        assert page.locator("h2#offline + p a").count() == (1 if "download" in said[-1] else 0)
    return said


def test_find_how_to_take_the_site_offline(delegate) -> None:
    """Without a published copy (a build on a laptop), the home page and About say how to make
    one rather than link nothing; the bundle's own pages say that they are the offline copy."""
    for said in _offline_paragraphs(delegate):
        if delegate.site.offline:
            assert said.startswith("This is the offline copy of the site"), said
        else:
            assert "make offline" in said and "dist/itu-resolutions-offline.zip" in said, said


def test_download_the_published_offline_copy(browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site built as the Pages workflow builds it, with the published copy's address, size, date
    and SHA-256: the home page and About link it with them."""
    url = "https://github.com/itu/resolutions/releases/download/offline/itu-resolutions-offline.zip"
    sha256 = "0123456789abcdef" * 4
    for variable, value in {"OFFLINE_URL": url, "OFFLINE_BYTES": "48213977", "OFFLINE_DATE": "2026-12-05",
                            "OFFLINE_SHA256": sha256}.items():
        monkeypatch.setenv(variable, value)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    site, httpd = build_and_serve(copied(corpus, CORPUS / "wtdc-res-71.txt"), tmp_path / "site")
    try:
        context, page = watched(browser, site, viewport={"width": 390, "height": 844}, is_mobile=True)
        for said in _offline_paragraphs(page):
            assert page.locator("h2#offline + p a", has_text="download the offline copy").get_attribute("href") == url
            assert "(itu-resolutions-offline.zip, 48.2 MB, built 2026-12-05)" in said, said
            assert f"SHA-256 is {sha256}." in said, said
            box = page.locator("h2#offline + p code", has_text=sha256).bounding_box()
            assert box and box["x"] + box["width"] <= 390, box  # the hash wraps on a phone
        assert page.errors == [] and page.external == []
        context.close()
    finally:
        httpd.shutdown()
