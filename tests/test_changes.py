"""MOD proposals: old and new labels recovered from the flattened tracked changes, clause
statuses, replaced headings, and the marks on the resolutions they amend."""

from __future__ import annotations

import re

import pytest

from builder.diagnostics import Diagnostics
from builder.dump import dump
from builder.link import link
from builder.readers import read_source
from builder.readers.flattened import align
from builder.render import render


def section(corpus_build, doc_id: str, anchor: str) -> dict:
    doc = next(d for d in dump(corpus_build.site)["documents"] if d["id"] == doc_id)
    return next(s for s in doc["sections"] if s["anchor"] == anchor)


def changes(sec: dict) -> list[tuple]:
    return [(c["old_label"], c["label"], c["status"]) for c in sec["clauses"]]


def test_iap_39a13_1_on_wtsa_68(corpus_build) -> None:
    considering = section(corpus_build, "IAP/39A13/1", "considering")
    assert considering["old_heading"] == "recognizing"
    got = changes(considering)
    for expected in [("c)", "f)", "renumbered"), ("d)", "h)", "renumbered"), ("e)", "i)", "renumbered"),
                     ("f)", "j)", "renumbered"), (None, "c)", "inserted"), (None, "g)", "inserted")]:
        assert expected in got
    assert section(corpus_build, "IAP/39A13/1", "recognizing")["old_heading"] == "considering"
    noting = changes(section(corpus_build, "IAP/39A13/1", "noting"))
    assert noting == [("a)", "a)", "unchanged"), ("b)", None, "deleted"), ("c)", "b)", "renumbered"),
                      (None, "c)", "inserted"), (None, "d)", "inserted"), ("d)", "e)", "renumbered"),
                      ("e)", "f)", "renumbered")]
    resolves = changes(section(corpus_build, "IAP/39A13/1", "resolves-to-instruct-the-director-tsb"))
    assert resolves == [
        ("1", "1", "unchanged"), ("2", "2", "unchanged"), ("3", None, "deleted"), (None, "3", "inserted"),
        (None, "4", "inserted"), (None, "5", "inserted"), ("4", "6", "renumbered"), (None, "7", "inserted"),
        ("5", "8", "renumbered"), (None, "9", "inserted"), ("6", "10", "renumbered"), ("7", "11", "renumbered"),
        ("8", "12", "renumbered"),
    ]


def test_acp_64a1_3_on_pp_11(corpus_build) -> None:
    considering = changes(section(corpus_build, "ACP/64A1/3", "considering"))
    assert considering[5:] == [(None, "f)", "inserted"), ("f)", "g)", "renumbered"), ("g)", "h)", "renumbered")]
    sg = changes(section(corpus_build, "ACP/64A1/3", "instructs-the-secretary-general"))
    assert sg[6:] == [(None, "7", "inserted")] + [(str(n), str(n + 1), "renumbered") for n in range(7, 13)]


def test_acp_64a1_10_on_pp_101(corpus_build) -> None:
    recalling = changes(section(corpus_build, "ACP/64A1/10", "recalling"))
    letters = "abcdefghijklmnopq"
    assert recalling[2] == (None, "c)", "inserted")
    assert recalling[3:8] == [(f"{letters[k]})", f"{letters[k + 1]})", "renumbered") for k in range(2, 7)]


def test_every_mod_proposal_has_clause_statuses(corpus_build) -> None:
    for doc in dump(corpus_build.site)["documents"]:
        if doc.get("action") != "MOD":
            continue
        assert doc["old_revision"] and doc["new_revision"], doc["id"]
        statuses = []

        def walk(clauses):
            for c in clauses:
                if (c["label"] or c["old_label"]) not in (None, "–", "-", "·", "+", "•"):  # bullets have no sequence
                    statuses.append(c["status"])
                walk(c["clauses"])

        for s in doc["sections"]:
            walk(s["clauses"])
        assert statuses and None not in statuses, doc["id"]


def test_formula_meetings(corpus_build) -> None:
    proposal = next(p for p in corpus_build.site.proposals if p.id == "IAP/39A13/1").proposal
    assert [str(r) for r in proposal.text.meetings] == ["Hammamet, 2016", "New Delhi, 2024"]


@pytest.mark.parametrize(("labels", "kind", "expected", "ambiguous"), [
    (["1", "2", "3"], "number", [("1", "1"), ("2", "2"), ("3", "3")], False),
    (["1", "2", "3", "3", "4"], "number", [("1", "1"), ("2", "2"), ("3", None), (None, "3"), ("4", "4")], False),
    (["1", "1213"], "number", None, False),
    (["a)", "b)", "bc)"], "letter", [("a)", "a)"), (None, "b)"), ("b)", "c)")], False),
    (["i)", "ii)", "iii)"], "roman", [("i)", "i)"), ("ii)", "ii)"), ("iii)", "iii)")], False),
])
def test_align(labels, kind, expected, ambiguous) -> None:
    found, is_ambiguous = align(labels, kind)
    assert (None if found is None else [(c.old, c.new) for c in found]) == expected
    assert is_ambiguous == ambiguous


BASE = """RESOLUTION 900 (Rev. Kigali, 2022)
A base text
The World Telecommunication Development Conference (Kigali, 2022),
recognizing
a)\tfirst;
b)\tover 520 Sector Members;
resolves
1\tone;
2\ttwo;
"""
MOD = """MOD\tAFCP/1A1/1
RESOLUTION 900 (Rev. Kigali, 2022Baku, 2025)
A base text
The World Telecommunication Development Conference (Kigali, 2022Baku, 2025),
recognizingconsidering
a)\tfirst;
b)\tover 520700 Sector Members and academia;
resolves
1\tone;
2\ta new two;
23\ttwo;
"""


def test_marks_on_a_resolution_whose_text_is_in_the_collection() -> None:
    diagnostics = Diagnostics()
    site = link([read_source("base.txt", BASE, diagnostics), read_source("mod.txt", MOD, diagnostics)], diagnostics)
    page = next(r for r in site.resolutions if r.id == "wtdc-res-900")
    # with its base in the collection, b)'s words are known to change too
    assert set(page.annotations.marks) == {"recognizing", "recognizing-b", "resolves-2"}
    assert "renumbered" in page.annotations.marks["resolves-2"][0].what
    assert "changed" in page.annotations.marks["recognizing-b"][0].what
    markdown = render(site).pages["wtdc/res-900.md"]
    assert '<a class="change-mark" href="../../proposals/afcp-1a1-1/#resolves-3">' in markdown
    assert 'id="changes-proposed">Changes proposed<' in markdown and '<a href="../../proposals/afcp-1a1-1/#resolves-2">' in markdown
    proposal = render(site).pages["proposals/afcp-1a1-1.md"]
    assert "<del>2</del><ins>3</ins>" in proposal and 'class="clause clause-inserted" id="resolves-2"' in proposal


def test_redline_against_the_text_being_amended() -> None:
    diagnostics = Diagnostics()
    site = link([read_source("base.txt", BASE, diagnostics), read_source("mod.txt", MOD, diagnostics)], diagnostics)
    proposal = next(p for p in site.proposals if p.id == "AFCP/1A1/1")
    redline = proposal.annotations.redlines["considering-b"]
    assert redline.shows == "insertions" and "Rev. Kigali, 2022" in redline.against
    # word by word, punctuation with its word; a run-together word shows what it has beyond the old one
    assert redline.parts == (("", "over 520"), ("ins", "700"), ("", " Sector Members"), ("ins", " and academia;"))
    markdown = render(site).pages["proposals/afcp-1a1-1.md"]
    assert "over 520<ins>700</ins> Sector Members<ins> and academia;</ins>" in markdown


ADOPTED = """RESOLUTION 900 (Rev. Baku, 2025)
A base text
The World Telecommunication Development Conference (Baku, 2025),
considering
a)\tfirst;
b)\tthat annually the Union reports to the Council on its work;
c)\tover 700 Sector Members and academia;
"""
MOD_NEED = """MOD\tAFCP/2A1/1
RESOLUTION 900 (Rev. Kigali, 2022Baku, 2025)
A base text
The World Telecommunication Development Conference (Kigali, 2022Baku, 2025),
considering
a)\tfirst;
b)\tthe need for a global framework for emergency telecommunications;
bc)\tover 520700 Sector Members and academia;
"""


def test_comparison_pairs_clauses_by_content_not_label() -> None:
    """Against the adopted text, the proposal's b) ("the need for…") is a different clause from
    the adopted b) ("that annually…"): nothing is compared; its c) is compared with the adopted c)."""
    diagnostics = Diagnostics()
    site = link([read_source("adopted.txt", ADOPTED, diagnostics), read_source("mod.txt", MOD_NEED, diagnostics)], diagnostics)
    proposal = next(p for p in site.proposals if p.id == "AFCP/2A1/1")
    redlines = proposal.annotations.redlines
    assert "considering-b" not in redlines
    assert redlines["considering-c"].shows == "deletions"
    assert redlines["considering-c"].parts == (("", "over "), ("del", "520"), ("", "700 Sector Members and academia;"))


TRAILING = """MOD\tAFCP/3A1/1
RESOLUTION 900 (Rev. Kigali, 2022Baku, 2025)
A base text
The World Telecommunication Development Conference (Kigali, 2022Baku, 2025),
recognizing
a)\tfirst;
b)\tover 520700 Sector Members;
c)\ta trailing new clause;
resolves
1\tone;
2\ttwo;
"""


def test_with_its_base_a_trailing_clause_is_inserted_and_changed_words_are_changed() -> None:
    """Labels a)–c) over a base a)–b) run on without a gap, so only the base can tell that c) is new."""
    diagnostics = Diagnostics()
    site = link([read_source("base.txt", BASE, diagnostics), read_source("mod.txt", TRAILING, diagnostics)], diagnostics)
    doc = next(d for d in dump(site)["documents"] if d["id"] == "AFCP/3A1/1")
    recognizing = next(s for s in doc["sections"] if s["anchor"] == "recognizing")
    assert [(c["label"], c["status"]) for c in recognizing["clauses"]] == [("a)", "unchanged"), ("b)", "changed"), ("c)", "inserted")]
    proposal = render(site).pages["proposals/afcp-3a1-1.md"]
    assert 'class="clause clause-inserted" id="recognizing-c"' in proposal
    assert "Compared with nothing" not in proposal
    # search leaves the words the base has to the resolution's page: a) is repeated, b) and c) are the proposal's
    page = next(p for p in site.proposals if p.id == "AFCP/3A1/1")
    assert "recognizing-a" in page.annotations.repeated and not {"recognizing-b", "recognizing-c"} & page.annotations.repeated
    skipped = re.findall(r'id="([\w-]+)">\n<p data-pagefind-ignore="all">', proposal)
    assert "recognizing-a" in skipped and "recognizing-b" not in skipped and "recognizing-c" not in skipped


def test_without_its_base_the_page_says_which_revision_is_needed() -> None:
    diagnostics = Diagnostics()
    site = link([read_source("mod.txt", TRAILING, diagnostics)], diagnostics)
    proposal = render(site).pages["proposals/afcp-3a1-1.md"]
    assert "Compared with nothing" in proposal and "WTDC Resolution 900 (Rev. Kigali, 2022)" in proposal
    doc = next(d for d in dump(site)["documents"] if d["id"] == "AFCP/3A1/1")
    assert [c["status"] for c in doc["sections"][0]["clauses"]] == ["unchanged", "unchanged", "unchanged"]
    assert "<p data-pagefind-ignore" not in proposal  # without its base, nothing is known to repeat it


def test_what_the_conference_adopted() -> None:
    adopted = ADOPTED.replace("c)\tover 700 Sector Members and academia;", "c)\tover 700 Sector Members;")
    diagnostics = Diagnostics()
    site = link([read_source("adopted.txt", adopted, diagnostics), read_source("mod.txt", MOD_NEED, diagnostics)], diagnostics)
    proposal = next(p for p in site.proposals if p.id == "AFCP/2A1/1")
    assert proposal.outcome is not None
    rows = [(r.where if r.anchor else None, r.change, r.verdict, r.adopted_where) for r in proposal.outcome.rows]
    assert rows == [
        ("considering a)", None, "as adopted", "considering a)"),
        (None, None, "added by the conference", "considering b)"),
        ("considering b)", "inserted", "not adopted", None),
        ("considering c)", "b) renumbered c)", "adopted with changes", "considering c)"),
    ]
    page = render(site).pages["proposals/afcp-2a1-1.md"]
    assert 'id="adopted">What the conference adopted<' in page and "<td>inserted</td><td>not adopted</td>" in page
    # `520700` against the adopted `700`: 520 deleted, 700 inserted, as inferred; then the adopted words
    assert 'over <del class="inferred"' in page
    assert ('<a href="../../wtdc/res-900/baku-2025/#considering-c">adopted with changes</a>: over 700 Sector '
            "<del>Members and academia;</del><ins>Members;</ins>") in page


def test_a_bis_label_takes_no_place_in_the_sequence() -> None:
    found, ambiguous = align(["1", "2", "2bis", "3", "4"], "number")
    assert found is not None and not ambiguous
    assert [(c.old, c.new, c.status) for c in found][:4] == [
        ("1", "1", "unchanged"), ("2", "2", "unchanged"), ("2bis", "2bis", "unchanged"), ("3", "3", "unchanged"),
    ]
