"""A delegate's task: on a proposal's page, find what its text was read from, and the official
conference document it was submitted as; on the corpus and the generated collection, served and
offline, at a laptop in the light scheme and a phone in the dark one.

The official document is on ITU's site: the test checks where its link leads and that it opens
apart from the site, and never follows it (the `delegate` tab blocks and records any request
outside the site)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import expect


def published(page, href: str) -> bool:
    """Whether a link of the site leads to a file the site publishes (served, or on the USB stick)."""
    if href.startswith("file://"):
        return Path(unquote(urlsplit(href).path)).is_file()
    return page.request.get(href).ok


def test_a_delegate_finds_what_a_proposal_was_read_from_and_its_official_document(delegate) -> None:
    delegate.goto(delegate.site.url("proposals/iap-39a13-1/"))
    read_from = delegate.locator("article .provenance")
    read_from.scroll_into_view_if_needed()
    expect(read_from).to_be_visible()
    expect(read_from).to_contain_text("Read from")
    expect(read_from).to_contain_text("a text export of a Word document")
    expect(read_from).to_contain_text("no record of which were deleted or inserted")

    source = read_from.get_by_role("link", name="iap-39a13.txt")
    expect(source).to_be_visible()
    assert published(delegate, source.evaluate("a => a.href")), "the source file is on the site"

    official = read_from.get_by_role("link", name="WTSA-24 Document 39 Addendum 13")
    expect(official).to_be_visible()
    assert official.get_attribute("href") == "https://www.itu.int/md/T22-WTSA.24-C-0039!A13/en"
    assert official.get_attribute("target") == "_blank"  # ITU's site opens beside this one
    assert "noopener" in (official.get_attribute("rel") or "").split()
    expect(read_from).to_contain_text("(www.itu.int)")  # the reader knows the link leaves the site

    first_clause = delegate.locator("article .clause").first
    assert read_from.bounding_box()["y"] < first_clause.bounding_box()["y"], "said before the text, near the top"


def test_a_delegate_finds_a_contributions_official_document_and_none_is_invented(delegate) -> None:
    delegate.goto(delegate.site.url("proposals/acp-64a1-3/"))
    delegate.locator("article li").filter(has_text="Contribution:").get_by_role("link", name="ACP/64A1").click()
    expect(delegate.locator("article h1")).to_contain_text("ACP/64A1")
    official = delegate.locator("article .provenance").get_by_role("link", name="PP-18 Document 64 Addendum 1")
    official.scroll_into_view_if_needed()
    expect(official).to_be_visible()
    assert official.get_attribute("href") == "https://www.itu.int/md/S18-PP-C-0064!A1/en"
    assert official.get_attribute("target") == "_blank"

    delegate.goto(delegate.site.url("proposals/eur-44a24-1/"))  # Bucharest, 2022: mkdocs.yml sets no pattern
    read_from = delegate.locator("article .provenance")
    expect(read_from).to_contain_text("a text export of a Word document")
    expect(read_from).not_to_contain_text("Official document")
    assert read_from.locator("a[href^='http']").count() == 0
