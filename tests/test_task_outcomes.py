"""A delegate's task, the night before a committee: from their contribution's page, see what the
conference did with each proposal; open one, read its outcome in one line and clause by clause,
follow a clause to the adopted text; open the conference's page and find the texts it adopted
and the proposals made to it. On a small collection built here (a laptop in the light scheme, a
phone in the dark one), and on the corpus with the PP-18 Final Acts where `../shared/` holds them."""

from __future__ import annotations

import pytest
from browsing import VIEWERS, build_and_serve, watched
from playwright.sync_api import expect
from test_outcomes import ADOPTED, MOD, NEW, SUP


@pytest.fixture(scope="module")
def decided_site(tmp_path_factory: pytest.TempPathFactory):
    """`make site` (strict) of a collection holding a conference's texts and a contribution to it."""
    work = tmp_path_factory.mktemp("decided")
    corpus = work / "corpus"
    corpus.mkdir()
    for name, text in (("wtdc-res-900.txt", ADOPTED), ("wtdc-res-901.txt", NEW), ("afcp-7a1.txt", MOD + SUP)):
        (corpus / name).write_text(text, encoding="utf-8")
    site, httpd = build_and_serve(corpus, work / "site")
    yield site
    httpd.shutdown()


@pytest.mark.parametrize("viewer", sorted(VIEWERS))
def test_a_delegate_reads_what_the_conference_did_with_their_proposals(browser, decided_site, viewer: str) -> None:
    context, page = watched(browser, decided_site, **VIEWERS[viewer])
    page.goto(decided_site.url("proposals/afcp-7a1/"))
    expect(page.locator("article .contribution-outcome")).to_contain_text(
        "WTDC (Baku, 2025) decided 1 of its 2 proposals")
    table = page.locator("article table").first
    expect(table.locator("th", has_text="Outcome")).to_be_visible()
    expect(table).to_contain_text("not known")  # the SUP: not in the Final Acts, which cannot say why

    table.get_by_role("link", name="1 of 1 adopted").click()
    page.wait_for_url("**/proposals/afcp-7a1-1/#adopted")
    assert page.title().startswith("Proposal AFCP/7A1/1: MOD of WTDC Resolution 900")
    outcome = page.locator("article .proposal-outcome")
    expect(outcome).to_contain_text("WTDC (Baku, 2025) adopted 1 of its 1 change; 1 more inferred from the adopted text.")
    row = page.locator("#adopted ~ div table tr", has_text="considering b)")
    expect(row).to_contain_text("inferred")
    expect(row).to_contain_text("as adopted")

    # the inferred change is drawn apart from a source's change, and says so
    inferred = page.locator("#considering-b del.inferred")
    inferred.scroll_into_view_if_needed()
    expect(inferred).to_have_text("1")
    assert "dotted" in inferred.evaluate("e => getComputedStyle(e).textDecorationStyle")
    expect(page.locator("#considering-b .change-inferred")).to_be_visible()

    # a clause the conference changed leads to the adopted clause
    page.locator("#adopted ~ div table").get_by_role("link", name="changed in the adopted text").first.click()
    page.wait_for_url("**/wtdc/res-900/baku-2025/#considering-c")
    expect(page.locator("#considering-c")).to_be_in_viewport()

    # the conference's page, from the adopted text
    page.locator("article .admonition").get_by_role("link", name="WTDC (Baku, 2025)").click()
    page.wait_for_url("**/wtdc/baku-2025/")
    assert page.title().startswith("World Telecommunication Development Conference (Baku, 2025)")
    expect(page.locator("#new ~ div table").first).to_contain_text("WTDC Resolution 901")
    by_text = page.locator("#by-text ~ div table").first
    expect(by_text.get_by_role("link", name="AFCP/7A1/1")).to_be_visible()
    expect(by_text).to_contain_text("1 of 1 adopted")
    assert page.errors == [] and page.external == []
    context.close()


def test_pp18_outcomes_of_acp_64a1(browser, pp18_site) -> None:
    """ACP/64A1's 25 proposals with their outcomes at PP-18, and PP-18's page listing them."""
    context, page = watched(browser, pp18_site)
    page.goto(pp18_site.url("proposals/acp-64a1/"))
    rows = page.locator("article table").first.locator("tbody tr")
    expect(rows).to_have_count(25)
    expect(page.locator("article table").first.locator("tbody .outcome")).to_have_count(25)
    page.goto(pp18_site.url("proposals/acp-64a1-8/"))
    expect(page.locator("article .proposal-outcome")).to_contain_text("PP (Dubai, 2018) adopted")
    page.locator("article").get_by_role("link", name="Plenipotentiary Conference (Dubai, 2018)").click()
    page.wait_for_url("**/pp/dubai-2018/")
    expect(page.locator("#by-text ~ div table").first.get_by_role("link", name="ACP/64A1/8")).to_be_visible()
    expect(page.locator("#revised ~ div table").first.get_by_role("link", name="PP Resolution 71 (Rev. Dubai, 2018)")).to_be_visible()
    assert page.errors == [] and page.external == []
    context.close()
