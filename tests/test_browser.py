"""The built site in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "tests" / "screenshots"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs it with apt-get", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(built_site: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A page that may only talk to the local server; anything else is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external = []
    page.errors = []

    def route(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            page.external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.base = server
    yield page
    context.close()


def test_pages_load_without_errors_or_external_requests(page) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    for url, name in [("", "home"), ("wtdc/res-71/", "resolution"), ("proposals/acp-64a1-3/", "proposal"),
                      ("pp/res-11/", "targeted-resolution")]:
        page.goto(page.base + url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
    assert page.external == []
    assert page.errors == []


def test_clause_permalink_lands_on_the_clause_highlighted(page) -> None:
    page.goto(page.base + "wtdc/res-71/#resolves-5-ii")
    clause = page.locator("#resolves-5-ii")
    clause.wait_for()
    box = clause.bounding_box()
    assert box and 0 <= box["y"] < 900
    assert clause.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_permalink_shows_on_hover(page) -> None:
    page.goto(page.base + "wtsa/res-74/")
    link = page.locator("#recalling-b > p > a.clause-permalink")
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 0
    page.locator("#recalling-b").hover()
    page.wait_for_timeout(300)
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 1
    assert link.get_attribute("href") == "#recalling-b"


def test_amended_by_round_trip(page) -> None:
    page.goto(page.base + "pp/res-11/")
    page.locator("#amended-by ~ div table a", has_text="ACP/64A1/3").first.click()
    page.wait_for_url("**/proposals/acp-64a1-3/")
    page.locator("article a", has_text="PP Resolution 11").first.click()
    page.wait_for_url("**/pp/res-11/")


def test_search_finds_a_clause_phrase(page) -> None:
    page.goto(page.base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("Industry Advisory Panel")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("proposals/eur-44a24-1/" in h for h in hrefs), hrefs
