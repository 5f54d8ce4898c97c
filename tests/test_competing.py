"""Competing proposals side by side: three MOD proposals of PP Resolution 11 against its base
(tests/fixtures/competing, made from ACP/64A1/3 of the corpus)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builder.diagnostics import Diagnostics
from builder.pipeline import build, corpus_files
from builder.readers import read_file
from conftest import CORPUS, ROOT
from irjson import to_data

COMPETING = ROOT / "tests" / "fixtures" / "competing"


@pytest.fixture(scope="module")
def competing():
    return build(corpus_files(CORPUS) + corpus_files(COMPETING), ROOT)


def test_the_fixtures_are_what_make_py_makes(tmp_path: Path) -> None:
    work = tmp_path
    subprocess.run([sys.executable, str(COMPETING / "make.py"), str(work)], check=True)
    for name in ("pp-res-11-busan-2014.txt", "eur-12a1.spec", "iap-12a1.spec"):
        assert (work / name).read_text(encoding="utf-8") == (COMPETING / name).read_text(encoding="utf-8"), name
    for name in ("eur-12a1.docx", "iap-12a1.docx"):
        fresh, committed = read_file(work / name, Diagnostics(), work), read_file(COMPETING / name, Diagnostics(), COMPETING)
        assert json.dumps(to_data(fresh)) == json.dumps(to_data(committed)), name


def test_three_proposals_side_by_side(competing) -> None:
    assert not [str(d) for d in competing.diagnostics if d.severity != "info"]
    page = next(c for c in competing.site.compared if c.id == "pp-res-11")
    assert sorted(p.id for p in page.proposals) == ["ACP/64A1/3", "EUR/12A1/1", "IAP/12A1/1"]
    assert page.base == "Rev. Busan, 2014" and page.base_src == "pp/res-11/busan-2014.md"
    column = {p.id: k for k, p in enumerate(page.proposals)}
    touched = {(r.section, r.label): r for r in page.rows if r.touched}
    c = touched[("considering", "c)")].cells
    assert c[column["EUR/12A1/1"]].words[1:3] == (("del", "has been"), ("ins", "is"))
    assert ("del", " strategies and ") in c[column["IAP/12A1/1"]].words
    assert c[column["ACP/64A1/3"]].status == "unchanged"
    noting_e = touched[("noting", "e)")].cells
    assert noting_e[column["EUR/12A1/1"]].status == "deleted" and noting_e[column["IAP/12A1/1"]].status == "unchanged"
    new = [r for r in page.rows if r.label is None]
    assert {(r.section, r.cells[column["ACP/64A1/3"]].label) for r in new} == {
        ("considering", "f)"), ("instructs the Secretary-General", "7")}
    untouched = [r for r in page.rows if not r.touched]
    assert len(untouched) > 40  # folded


def test_linked_from_the_resolution_and_each_proposal(competing) -> None:
    assert '<a href="proposals-compared/">The competing proposals side by side</a>' in competing.pages["pp/res-11.md"]
    for src in ("proposals/acp-64a1-3.md", "proposals/eur-12a1-1.md", "proposals/iap-12a1-1.md"):
        assert 'href="../../pp/res-11/proposals-compared/"' in competing.pages[src], src
    page = competing.pages["pp/res-11/proposals-compared.md"]
    assert "has been</del><ins>is</ins>" in page and "Unchanged by every proposal:" in page


def test_proposals_are_never_compared_with_a_later_revision(tmp_path: Path) -> None:
    """Issue 27, the right base: with the revision they amend (Busan, 2014) not held but a later
    one (a revision made here, which changes considering c)), the columns show each proposal's
    own changes, not the later revision's words as the proposals' deletions."""
    later = (COMPETING / "pp-res-11-busan-2014.txt").read_text(encoding="utf-8")
    later = later.replace("(Rev. Busan, 2014)", "(Rev. Bucharest, 2022)").replace("(Busan, 2014)", "(Bucharest, 2022)")
    later = later.replace("has been evident for many years", "remains evident today")
    (tmp_path / "pp-res-11-bucharest-2022.txt").write_text(later, encoding="utf-8")
    built = build(corpus_files(CORPUS) + [COMPETING / "eur-12a1.docx", COMPETING / "iap-12a1.docx"] + corpus_files(tmp_path), ROOT)
    page = next(c for c in built.site.compared if c.id == "pp-res-11")
    assert page.base_src is None and "Rev. Busan, 2014" in page.base and "not in the collection" in page.base
    column = {p.id: k for k, p in enumerate(page.proposals)}
    c = next(r for r in page.rows if (r.section, r.label) == ("considering", "c)")).cells
    assert c[column["EUR/12A1/1"]].words[1:3] == (("del", "has been"), ("ins", "is"))  # as the proposal records it
    assert not any("remains evident today" in words for cell in c if cell for _, words in cell.words)
    assert c[column["IAP/12A1/1"]].status != "unchanged"
