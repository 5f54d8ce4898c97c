"""Search as a reader meets it, timed in headless Chromium (Debian's, driven by Playwright): the
online site's Pagefind over HTTP on localhost, and the offline bundle's (the same index, loaded as
scripts) from file://."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
RESULT = ".md-search-result__item a"


def available() -> bool:
    return Path(CHROMIUM).exists()


def _first_result(page, query: str, site: Path) -> tuple[float, int]:
    """Seconds from the first keystroke of the query, typed at once on a freshly loaded page, to
    the first result shown; and the bytes of the search files the query loaded (their sizes in
    the site: the test server sends files as they are, and file:// reads them; asking Playwright
    for a file:// response's body in its event handler can hang)."""
    loaded: list[str] = []
    page.on("requestfinished", lambda r: loaded.append(r.url) if "/pagefind/" in r.url else None)
    page.locator(".md-search__input").first.click()
    started = time.perf_counter()
    page.keyboard.type(query)
    page.locator(RESULT).first.wait_for(timeout=120_000)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    paths = [unquote(urlparse(url).path) for url in loaded]  # file:// paths are the files; http ones under the site
    files = [Path(p) if page.url.startswith("file:") else site / p.lstrip("/") for p in paths]
    return seconds, sum(f.stat().st_size for f in files)


def online(site: Path, query: str) -> dict:
    """Time to first results and the bytes the query made the browser download from the site."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/wtsa/")
            page.wait_for_load_state("networkidle")
            seconds, size = _first_result(page, query, site)
            browser.close()
        return {"search_first_result_s": round(seconds, 2), "search_query_bytes": size}
    finally:
        httpd.shutdown()


def offline(site: Path, query: str) -> dict:
    """Time to first results and bytes loaded in the offline bundle, opened from file://."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto((site / "wtsa" / "index.html").as_uri())
        page.wait_for_load_state("networkidle")
        seconds, size = _first_result(page, query, site)
        browser.close()
    return {"offline_search_first_result_s": round(seconds, 2), "offline_search_query_bytes": size,
            "offline_search_index_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())}
