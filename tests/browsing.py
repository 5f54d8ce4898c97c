"""The site in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): the sites a
browser test opens (the corpus and a generated collection, each served over HTTP and as the
offline bundle unzipped and opened from file://), the browser, and pages that record every request
outside the site and every console error. A pytest plugin (conftest.py), so that every browser
test module shares one built site of each kind."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "tests" / "screenshots"
GENERATED_DOCUMENTS = 200
"""The size of the generated collection the delegate's tasks also run on."""
GENERATED_PART_MB = 4
"""Its search index is made in parts of this size (mkdocs.yml `search_part_mb`), as a large
collection's is: several parts, which every search merges."""


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get", pytrace=False)
        pytest.skip("chromium is not installed (apt-get install chromium)")


class Site:
    """Where a site is and how its pages are addressed (directory URLs, or .html files offline)."""

    def __init__(self, base: str, offline: bool, folder: Path | None = None) -> None:
        self.base, self.offline, self.folder = base, offline, folder

    def url(self, page: str, anchor: str = "") -> str:
        """`page` as the site's directory URL (`wtsa/res-68/`), or a file both serve
        (`proposals/acp-64a1/index.html`: a folder's own page)."""
        if self.offline and not page.endswith(".html"):
            page = (page.rstrip("/") + ".html") if page else "index.html"
        return self.base + page + (f"#{anchor}" if anchor else "")

    def __repr__(self) -> str:
        return f"Site({self.base!r})"


def mkdocs_build(out: Path, corpus: Path | None = None, offline: bool = False, part_mb: int | None = None) -> None:
    """`mkdocs build --strict` as `make site` (or, `offline`, `make offline`) runs it, of the
    corpus or another folder (as `ITU_CORPUS=… make site`), its search index in parts of
    `part_mb` if given (as `ITU_SEARCH_PART_MB=… make site`)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if corpus is not None:
        env["ITU_CORPUS"] = str(corpus)
    if part_mb is not None:
        env["ITU_SEARCH_PART_MB"] = str(part_mb)
    config = ["--config-file", "mkdocs.offline.yml"] if offline else []
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *config, "--site-dir", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def serve(folder: Path):
    """A built site served on localhost: (Site, server)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Site(f"http://127.0.0.1:{httpd.server_address[1]}/", offline=False, folder=folder), httpd


def build_and_serve(corpus: Path, out: Path, part_mb: int | None = None):
    """`mkdocs build --strict` of a corpus folder (as `ITU_CORPUS=… make site`), served on localhost."""
    mkdocs_build(out, corpus, part_mb=part_mb)
    return serve(out)


@contextmanager
def site_of_one_file(text: str, folder: Path):
    """A site built from a corpus of one text export (`text`), served while the block runs."""
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "document.txt").write_text(text, encoding="utf-8")
    site, httpd = build_and_serve(corpus, folder / "site")
    try:
        yield site
    finally:
        httpd.shutdown()


def unzipped_bundle(work: Path, corpus: Path | None = None, part_mb: int | None = None) -> Site:
    """The offline bundle as `make offline` makes it, unzipped somewhere else, opened from file://."""
    mkdocs_build(work / "site", corpus, offline=True, part_mb=part_mb)
    archive = work / "itu-resolutions-offline.zip"
    subprocess.run([sys.executable, "-m", "builder.bundle", str(work / "site"), str(archive)], cwd=ROOT, check=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(work / "usb-stick")
    return Site((work / "usb-stick" / "itu-resolutions-offline").as_uri() + "/", offline=True)


def copied(folder: Path, *sources: Path) -> Path:
    """A corpus folder holding copies of the given files."""
    for path in sources:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def served(built_site: Path):
    site, httpd = serve(built_site)
    yield site
    httpd.shutdown()


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Site:
    need_chromium()
    return unzipped_bundle(tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="session")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's generated corpus (bench/generate.py) of GENERATED_DOCUMENTS documents: PP's
    list of resolutions is split into list pages at this size."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    corpus = tmp_path_factory.mktemp("generated-corpus")
    generate(GENERATED_DOCUMENTS, corpus)
    return corpus


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory: pytest.TempPathFactory, generated_corpus: Path):
    """The generated collection, built and served (its index in parts)."""
    need_chromium()
    site, httpd = build_and_serve(generated_corpus, tmp_path_factory.mktemp("generated-site"), GENERATED_PART_MB)
    yield site
    httpd.shutdown()


@pytest.fixture(scope="session")
def generated_offline(tmp_path_factory: pytest.TempPathFactory, generated_corpus: Path) -> Site:
    """The generated collection as the offline bundle, from file:// (its index in parts)."""
    need_chromium()
    return unzipped_bundle(tmp_path_factory.mktemp("generated-offline"), generated_corpus, GENERATED_PART_MB)


@pytest.fixture(scope="session")
def pp18_site(tmp_path_factory: pytest.TempPathFactory):
    """The corpus with the PP-18 Final Acts beside it (`ITU_CORPUS` naming both folders, the
    collection read where it is), built without --strict (their PDF-derived text has warnings)."""
    collection = ROOT.parent / "shared" / "collections" / "pp-18"
    if not collection.is_dir():
        pytest.skip("the PP-18 collection is not here")
    out = tmp_path_factory.mktemp("pp18-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ITU_CORPUS": os.pathsep.join(map(str, (ROOT / "corpus", collection)))}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    site, httpd = serve(out)
    yield site
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture(params=["served", "offline"])
def site(request) -> Site:
    """The corpus's site, served and offline."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["served", "offline", "generated_site", "generated_offline"])
def any_site(request) -> Site:
    """The corpus's site and the generated collection's, each served and offline: a delegate's
    task holds on all four."""
    return request.getfixturevalue(request.param)


DESKTOP_LIGHT = {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}
PHONE_DARK = {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark", "has_touch": True, "is_mobile": True}
VIEWERS = {"desktop-light": DESKTOP_LIGHT, "phone-dark": PHONE_DARK}
"""How delegates read: a laptop in the light scheme, a phone in the dark one (each width and each
scheme once)."""


@pytest.fixture(params=sorted(VIEWERS))
def viewer(request) -> dict:
    """Browser context options of one of VIEWERS."""
    return VIEWERS[request.param]


def watched(browser, site: Site, **options):
    """A page that may only load from the site; anything else is blocked and recorded, and so
    are console errors. `options` for the browser context (a phone's viewport, a colour scheme)."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    page = context.new_page()
    page.external = []
    page.errors = []

    def route(route):
        if route.request.url.startswith(site.base):
            route.continue_()
        else:
            page.external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.site = site
    return context, page


@pytest.fixture
def page(browser, site: Site):
    context, page = watched(browser, site)
    yield page
    assert page.external == [], "requests outside the site"
    assert page.errors == [], "console errors"
    context.close()


@pytest.fixture
def delegate(browser, any_site: Site, viewer: dict):
    """A delegate's browser tab on any of the four sites, at one of VIEWERS; fails the test on a
    request outside the site or a console error."""
    context, page = watched(browser, any_site, **viewer)
    yield page
    assert page.external == [], "requests outside the site"
    assert page.errors == [], "console errors"
    context.close()


def search(page, query: str, start: str = "") -> list[str]:
    """Open the search with its keyboard shortcut on a page, type a query, and return the
    results' links once they are shown."""
    page.goto(page.site.url(start))
    page.locator("article").first.click(position={"x": 1, "y": 1})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(query, delay=10)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && "
        "document.querySelectorAll('.md-search-result__item').length > 0", arg=query)
    page.wait_for_timeout(300)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
