"""Issue 26, bodies: WRC, RA and the Council. The conventions the heading and formula rules read
(builder/conventions.py), the Radio Regulations' provisions a WRC text names without their
instrument, and citations of WRC and Council texts linking the bodies' pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.conventions import (
    BODIES, bodies_meeting, body_of_formula, history_revisions, meeting_name, parse_heading, parse_meetings,
    revision_label, unknown_body,
)
from builder.ir import Citation, Revision
from builder.link.model import revision_id, revision_slug, revision_src
from builder.pipeline import build
from builder.readers.citations import find_bare_provisions
from conftest import ROOT


@pytest.mark.parametrize(
    ("line", "kind", "number", "body", "revisions", "sequence"),
    [
        ("RESOLUTION 1 (REV.WRC-97)", "resolution", "1", "wrc", [("Geneva", 1997, True)], None),
        ("RESOLUTION 536 (WRC-97)", "resolution", "536", "wrc", [("Geneva", 1997, False)], None),
        ("RESOLUTION 10 (Rev.WRC-2000)", "resolution", "10", "wrc", [("Istanbul", 2000, True)], None),
        ("RESOLUTION 27 (REV.WRC\u201119)", "resolution", "27", "wrc", [("Sharm el-Sheikh", 2019, True)], None),
        ("RESOLUTION 7 (WARC-92)", "resolution", "7", "wrc", [("Málaga-Torremolinos", 1992, False)], None),
        ("RESOLUTION 1 (REV.WRC-15WRC-19)", "resolution", "1", "wrc",
         [("Geneva", 2015, True), ("Sharm el-Sheikh", 2019, False)], None),  # flattened: old, then new
        ("RESOLUTION ITU-R 1-8", "resolution", "1", "ra", [], 8),
        ("Resolution ITUR 15-6", "resolution", "15", "ra", [], 6),
        ("RESOLUTION 1332 (C11, last amended C16)", "resolution", "1332", "council",
         [("Council", 2011, False), ("Council", 2016, True)], None),
        ("DECISION 482 (C01, last amended C20)", "decision", "482", "council",
         [("Council", 2001, False), ("Council", 2020, True)], None),
        ("RESOLUTION 1111 (C-1997)", "resolution", "1111", "council", [("Council", 1997, False)], None),
        ("RESOLUTION 71 (Rev. Kigali, 2022)", "resolution", "71", None, [("Kigali", 2022, True)], None),
        ("RESOLUTION 208 (DUBAI, 2018)", "resolution", "208", None, [("Dubai", 2018, False)], None),
    ],
)
def test_headings_of_every_body(line, kind, number, body, revisions, sequence) -> None:
    heading = parse_heading(line)
    assert heading is not None
    assert (heading.kind, heading.number, heading.body, heading.sequence) == (kind, number, body, sequence)
    assert heading.revisions == tuple(Revision(*r) for r in revisions)
    assert heading.revision == (Revision(*revisions[-1]) if revisions else None)


def test_no_heading() -> None:
    assert parse_heading("Resolution 1 of this conference recalls") is None
    assert parse_heading("RESOLUTIONS") is None


def test_meetings_by_their_names() -> None:
    assert [(m.body, m.name, m.revision) for m in parse_meetings("Rev. WRC-97; WRC-2000; WTSA-16; C19")] == [
        ("wrc", "WRC-97", Revision("Geneva", 1997, True)),
        ("wrc", "WRC-2000", Revision("Istanbul", 2000)),
        ("wtsa", "WTSA-16", Revision("Hammamet", 2016)),
        ("council", "C19", Revision("Council", 2019)),
    ]
    assert parse_meetings("WRC-99, WARC-88, PP-17") == ()  # meetings no table holds
    assert meeting_name("wrc", Revision("Geneva", 2003)) == "WRC-03"
    assert meeting_name("council", Revision("Council", 1999)) == "C-1999"
    assert meeting_name("pp", Revision("Dubai", 2018)) is None
    assert revision_label("wrc", Revision("Geneva", 1997, True)) == "Rev.WRC-97"
    assert revision_label("wrc", Revision("Istanbul", 2000)) == "WRC-2000"
    assert revision_label("council", Revision("Council", 2016, True)) == "last amended C16"
    assert revision_label("wtsa", Revision("Hammamet", 2016, True)) == "Rev. Hammamet, 2016"


def test_wrc_meetings_do_not_make_venue_citations_ambiguous() -> None:
    """RA and WRC meet at the same venue in the same year; WRC texts are cited by WRC-15, so a bare
    (Geneva, 2015) is still RA's alone."""
    assert bodies_meeting("Geneva", 2015) == ["ra"]
    assert bodies_meeting("Geneva", 1997) == []
    assert bodies_meeting("Dubai", 2018) == ["pp"]


def test_formulas_of_every_body() -> None:
    assert body_of_formula("The World Radiocommunication Conference (Geneva, 1997),") == "wrc"
    assert body_of_formula("The World Administrative Radio Conference (Geneva, 1979),") == "wrc"
    assert body_of_formula("The ITU Radiocommunication Assembly,") == "ra"
    assert body_of_formula("The Radiocommunication Assembly (Geneva, 2015),") == "ra"
    assert body_of_formula("The Council,") == "council"
    assert body_of_formula("The ITU\u00a0Council,") == "council"
    assert body_of_formula("The Council Working Group on Child Online Protection") is None  # a title, not the formula
    assert body_of_formula("The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),") == "pp"


def test_history_of_an_ra_resolution() -> None:
    assert history_revisions("ra", "(1993-2000-2007-2015-2019)")[-2:] == (
        Revision("Geneva", 2015), Revision("Sharm el-Sheikh", 2019))
    assert history_revisions("ra", "(1993)") == (Revision("", 1993),)


def test_unknown_body_lists_the_bodies() -> None:
    said = unknown_body("The Martian Assembly (Mars, 2030),")
    assert "“The Martian Assembly (Mars, 2030),”" in said
    assert all(body.name in said and f"“{body.formula}" in said for body in BODIES.values())
    assert "neither an enacting formula nor the heading" in unknown_body(None)


def test_revision_addresses_name_the_meeting() -> None:
    """`wrc/res-1/wrc-97/`: the meeting's own name; Geneva 1997 alone would not say which body met."""
    assert revision_src("wrc-res-1", Revision("Geneva", 1997, True)) == "wrc/res-1/wrc-97.md"
    assert revision_src("wrc-res-10", Revision("Istanbul", 2000)) == "wrc/res-10/wrc-2000.md"
    assert revision_src("council-res-1332", Revision("Council", 2016, True)) == "council/res-1332/c16.md"
    assert revision_src("wtsa-res-68", Revision("Hammamet", 2016, True)) == "wtsa/res-68/hammamet-2016.md"
    assert revision_slug(Revision("Geneva", 2015)) == "geneva-2015"


def test_bare_provisions_read_as_the_radio_regulations() -> None:
    text = "Nos. 5.149 and 5.340, Article 5, Appendix 30A, Annex 7 to Appendix 30, footnote 5.341; No. 5 of the ITRs"
    cited = [(p.text, p.ref.provision, p.ref.number, p.ref.section) for p in find_bare_provisions(text) if isinstance(p, Citation)]
    assert cited == [
        ("Nos. 5.149", "No.", "5.149", None), ("5.340", "No.", "5.340", None), ("Article 5", "Article", "5", None),
        ("Appendix 30A", "Appendix", "30A", None), ("Annex 7 to Appendix 30", "Appendix", "30", "Annex 7"),
        ("footnote 5.341", "No.", "5.341", None),
    ]  # `No. 5 of the ITRs` names its instrument
    assert "".join(p if isinstance(p, str) else p.text for p in find_bare_provisions(text)) == text


WRC_TEXT = """RESOLUTION 1 (WRC-97)
Allocations in the band
The World Radiocommunication Conference (Geneva, 1997),
considering
a)\tthat No. 5.266 and Nos. 5.149 and 5.340 apply, as Article 5 and Appendix 30A do;
b)\tAnnex 7 to Appendix 30 and footnote 5.341;
resolves
1\tthat Article 21 of the ITU Constitution and Resolution 27 (Rev.WRC-19) apply.
"""
PP_TEXT = """RESOLUTION 900 (Dubai, 2018)
A resolution citing WRC and the Council
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
recalling
a)\tResolution 27 (Rev.WRC-19) of the World Radiocommunication Conference and Council Resolution 1332 (modified 2019);
b)\tNo. 5.341 of the Radio Regulations, and No. 5.266;
resolves
1\tto cite Resolution ITU-R 2.
"""


@pytest.fixture(scope="module")
def bodies_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bodies")
    (folder / "wrc-res-1.txt").write_text(WRC_TEXT, encoding="utf-8")
    (folder / "pp-res-900.txt").write_text(PP_TEXT, encoding="utf-8")
    return build(sorted(folder.glob("*.txt")), ROOT)


def _targets(result, rid: str) -> list[tuple[str, str | None]]:
    page = next(r for r in result.site.resolutions if r.id == rid)
    return [(use.text, use.target) for use in page.citations]


def test_a_wrc_text_cites_the_radio_regulations_by_bare_provisions(bodies_build) -> None:
    assert _targets(bodies_build, "wrc-res-1") == [
        ("No. 5.266", "rr-no-5-266"), ("Nos. 5.149", "rr-no-5-149"), ("5.340", "rr-no-5-340"),
        ("Article 5", "rr-art-5"), ("Appendix 30A", "rr-ap-30a"),
        ("Annex 7 to Appendix 30", "rr-ap-30-annex-7"), ("footnote 5.341", "rr-no-5-341"),
        ("Article 21 of the ITU Constitution", "cs-art-21"), ("Resolution 27 (Rev.WRC-19)", "wrc-res-27"),
    ]
    labels = {e.key: e.label for e in bodies_build.site.references}
    assert labels["rr-ap-30-annex-7"] == "Radio Regulations, Annex 7 to Appendix 30"
    assert labels["rr-no-5-341"] == "Radio Regulations, No. 5.341"


def test_a_pp_text_links_wrc_council_and_ra_pages(bodies_build) -> None:
    assert _targets(bodies_build, "pp-res-900") == [
        ("Resolution 27 (Rev.WRC-19)", "wrc-res-27"),  # the meeting named the body: the words after it stay text
        ("Council Resolution 1332 (modified 2019)", "council-res-1332"),
        ("No. 5.341 of the Radio Regulations", "rr-no-5-341"),
        ("Resolution ITU-R 2", "ra-res-2"),
    ]  # `No. 5.266` in a PP text names no instrument: kept as text, reported
    page = bodies_build.pages["pp/res-900.md"]
    assert 'href="../../wrc/res-27/"' in page and 'href="../../council/res-1332/"' in page
    assert any(d.code == "citation-no-instrument" and "No. 5.266" in d.message for d in bodies_build.diagnostics)
    cited = {r.id: r for r in bodies_build.site.resolutions}
    assert cited["wrc-res-27"].text is None and {c.page_id for c in cited["wrc-res-27"].cited_by} == {"pp-res-900", "wrc-res-1"}
    assert "wrc/index.md" in bodies_build.pages and "council/index.md" in bodies_build.pages
    assert "[World Radiocommunication Conference]" in bodies_build.pages["index.md"]


@pytest.mark.parametrize("text", [
    "Resolution 1 (" + "WRC " * 10000, "Resolution 1 (" + "C11 " * 10000, "Resolution 1 (" + "WRC-15 " * 10000,
])
def test_meetings_in_parentheses_are_read_in_linear_time(text: str) -> None:
    """A parenthesis never closed, full of meeting-like words: each C is tried once (the first
    spelling of the session pattern took seconds on 40 KB, then never ended on `WRC WRC …`)."""
    import time

    from builder.readers.citations import find_citations

    start = time.process_time()
    find_citations(text)
    assert time.process_time() - start < 1  # about 0.02 s


def test_old_references_entries_of_wrc_and_council_texts_lead_to_their_pages(bodies_build) -> None:
    """Before issue 26 their citations linked entries of the references: those keep their pages
    and anchors (the kinds, keys and ranges the old builder made), each a link to the new page,
    marked for docs/javascripts/moved-anchors.js; a kind with nothing else is left out of the navigation."""
    moved = {e.key: (e.src, e.moved_to) for e in bodies_build.site.references if e.moved_to}
    assert moved == {
        "wrc-res-27": ("references/other-conference.md", "wrc/res-27.md"),
        "council-res-1332": ("references/council-resolution.md", "council/res-1332.md"),
    }
    page = bodies_build.pages["references/council-resolution.md"]
    assert "{: #council-res-1332 }" in page
    assert '[Council Resolution 1332](../council/res-1332.md){: data-moved-to="council-res-1332" }' in page
    assert "{: #wrc-res-27 }" in bodies_build.pages["references/other-conference.md"]
    other_texts = next(item["Other texts"] for item in bodies_build.nav if "Other texts" in item)
    assert other_texts == [  # the kinds that only hold old addresses are not offered
        "references.md", {"ITU Constitution": "references/constitution.md"}, {"Radio Regulations": "references/radio-regulations.md"},
    ]


def test_an_old_warc_key_is_kept() -> None:
    """WARC-92 is WRC's meeting now; its texts' old entries were keyed `warc-…`."""
    from dataclasses import replace

    from builder.ir import Reference, Resolved
    from builder.link.citations import _moved

    warc = Citation("Resolution 5 (WARC-92)", Reference("resolution", "5"), Resolved("wrc-res-5", "wrc/res-5.md"))
    assert _moved(warc) == ("warc-res-5", "other-conference", "Resolution 5 of the World Administrative Radio Conference")
    wrc = replace(warc, text="Resolution 76 (Rev. WRC-15)", ref=Reference("resolution", "76"))
    assert _moved(wrc) == ("wrc-res-76", "other-conference", "Resolution 76 of the World Radiocommunication Conference")
    council = replace(warc, text="Decision 517 of the Council", ref=Reference("decision", "517"), target=Resolved("council-dec-517", ""))
    assert _moved(council) == ("council-dec-517", "council-decision", "Council Decision 517")


BODY_TEXTS = ROOT / "tests" / "fixtures" / "bodies"
"""A resolution of WRC, of the RA and of the Council as each body prints them, and a PP text citing
the three (fixtures written for these tests)."""


@pytest.fixture(scope="module")
def other_bodies():
    return build(sorted(BODY_TEXTS.glob("*.txt")), ROOT)


@pytest.mark.parametrize(("rid", "revision", "title"), [
    ("wrc-res-1", "wrc/res-1/wrc-97.md", "WRC Resolution 1 (Rev.WRC-97): Notifying frequency assignments to the Bureau"),
    ("ra-res-1", "ra/res-1/sharm-el-sheikh-2019.md", "Resolution ITU-R 1-8: Working methods of the"),
    ("council-res-1332", "council/res-1332/c16.md", "Council Resolution 1332 (last amended C16): The Union's work"),
])
def test_each_body_is_read_placed_published_with_its_revision_and_cited(other_bodies, rid, revision, title) -> None:
    """`RESOLUTION 1 (REV.WRC-97)`, `RESOLUTION ITU-R 1-8` (its revision from its history line) and
    `RESOLUTION 1332 (C11, last amended C16)` each get their body's page, a revision page named as
    the body names its meetings, a title as delegates cite it, and the PP text's citation."""
    assert not [str(d) for d in other_bodies.diagnostics if d.severity != "info"]
    page = next(r for r in other_bodies.site.resolutions if r.id == rid)
    assert page.text is not None and [e.page_id for e in page.cited_by] >= ["pp-res-900"]
    assert revision in other_bodies.pages
    assert other_bodies.meta[page.src].title.startswith(title)


def test_a_citation_of_another_bodys_revision_is_printed_as_that_body_prints_it(other_bodies) -> None:
    wrc = other_bodies.pages["wrc/res-1.md"]
    assert "(cites Rev.WRC-97)" in wrc and "(cites Rev. Geneva, 1997)" not in wrc
    assert "(cites last amended C16)" in other_bodies.pages["council/res-1332.md"]


def test_every_bodys_pages_and_revisions_are_in_the_search_index(tmp_path) -> None:
    """Search indexes the documents of every body, their revisions named by meetings too
    (`wrc/res-1/wrc-97/`, `council/res-1332/c16/`): one page more of each missing index shows."""
    import gzip
    import json
    import re

    from browsing import mkdocs_build

    mkdocs_build(tmp_path / "site", BODY_TEXTS)
    pagefind = tmp_path / "site" / "pagefind"
    urls = {json.loads(gzip.decompress(f.read_bytes())[12:])["url"] for f in (pagefind / "fragment").glob("*.pf_fragment")}
    for page in ("wrc/res-1/", "wrc/res-1/wrc-97/", "ra/res-1/", "ra/res-1/sharm-el-sheikh-2019/", "council/res-1332/",
                 "council/res-1332/c16/", "pp/res-900/"):
        assert any(re.search(f"(^|/){re.escape(page)}$", url) for url in urls), (page, sorted(urls))
