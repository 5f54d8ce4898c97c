"""Issue 26, parts: a procedural resolution in parts (`SECTION 1bis – Documentation`, `PART A`,
`Appendix I (to Resolution 1)`, an annex's `Part 1 – Questions`), as a delegate reads and cites
it. The reader fixture tests/fixtures/readers/parts.txt holds the text and its expected IR."""

from __future__ import annotations

import re

import pytest
from browsing import build_and_serve, copied, watched
from conftest import ROOT
from site_text import html_of

PARTS = ROOT / "tests" / "fixtures" / "readers" / "parts.txt"


@pytest.fixture(scope="module")
def parts_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("parts")
    (work / "corpus").mkdir()
    site, httpd = build_and_serve(copied(work / "corpus", PARTS), work / "site")
    yield site, work / "site"
    httpd.shutdown()


def test_each_part_is_a_heading_of_the_page_and_of_its_contents(parts_site) -> None:
    """Each part is a heading with the part's anchor, listed in the page's contents; an annex's
    parts are a level below the annex."""
    _, folder = parts_site
    html = html_of(folder, "wtsa/res-1/")
    headings = re.findall(r'<h([23]) class="part-heading" id="([^"]+)"', html)
    assert headings == [
        ("2", "section-1"), ("2", "section-1bis"), ("2", "part-a"), ("2", "part-b"), ("2", "appendix-i"),
        ("2", "attachment-2"), ("3", "annex-a-part-1"), ("3", "annex-a-part-2"), ("2", "appendix-ii"),
    ]
    toc = html[html.index('data-md-component="toc"'):]
    for anchor in ("section-1bis", "annex-a-part-1"):
        assert f'href="#{anchor}"' in toc


def test_cite_a_clause_of_a_part_from_the_address_bar(browser, parts_site) -> None:
    """The delegate clicks the ¶ of 1.2.3 in Section 1bis: the address says the part and the
    clause, and opening it again shows that clause, not 1.2.3 elsewhere in the text."""
    site, _ = parts_site
    context, page = watched(browser, site)
    page.goto(site.url("wtsa/res-1/"))
    clause = page.locator("[id='section-1bis-1-2-3']")
    clause.hover()
    page.locator("[id='section-1bis-1-2-3'] > p > a.clause-permalink").click()
    page.wait_for_url(re.compile(r"#section-1bis-1-2-3$"))
    assert "A document withdrawn keeps its number." in clause.inner_text()
    page.goto(site.url("wtsa/res-1/", "part-b-1-1"))
    assert "Each study group has a chairman." in page.locator("[id='part-b-1-1']").inner_text()
    assert page.external == [] and page.errors == []
    context.close()
