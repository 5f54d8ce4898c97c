"""Every revision of a resolution is published: the latest at the canonical address, each at its
own; citations of a revision lead to it; consecutive revisions are compared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder.dump import dump
from builder.pipeline import build, corpus_files
from conftest import CORPUS, ROOT

REVISIONS = ROOT / "tests" / "fixtures" / "revisions"


@pytest.fixture(scope="module")
def revised():
    return build(corpus_files(CORPUS) + sorted(REVISIONS.glob("*.txt")), ROOT)


def test_the_fixture_is_what_its_edits_make(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(REVISIONS / "make.py"), str(tmp_path)], check=True)
    name = "wtdc-res-71-buenos-aires-2017.txt"
    assert (tmp_path / name).read_bytes() == (REVISIONS / name).read_bytes()


def test_both_revisions_are_published(revised) -> None:
    pages = revised.pages
    assert "RESOLUTION 71 (Rev. Kigali, 2022)" not in pages["wtdc/res-71.md"]  # the heading is the page's title
    assert "# WTDC Resolution 71 (Rev. Kigali, 2022)" in pages["wtdc/res-71.md"]
    assert "# WTDC Resolution 71 (Rev. Buenos Aires, 2017)" in pages["wtdc/res-71/buenos-aires-2017.md"]
    assert "# WTDC Resolution 71 (Rev. Kigali, 2022)" in pages["wtdc/res-71/kigali-2022.md"]
    assert not [d for d in revised.diagnostics if d.code == "duplicate-resolution"]


def test_history_marks_the_text_shown_and_links_the_comparison(revised) -> None:
    canonical = revised.pages["wtdc/res-71.md"]
    assert '<a href="buenos-aires-2017/">Buenos Aires, 2017</a>' in canonical
    assert "Kigali, 2022 (this text)" in canonical
    assert '(<a href="compare/buenos-aires-2017..kigali-2022/">compare with the previous revision</a>)' in canonical
    older = revised.pages["wtdc/res-71/buenos-aires-2017.md"]
    assert "Buenos Aires, 2017 (this text)" in older and '<a href="../kigali-2022/">Kigali, 2022</a>' in older


def test_the_comparison_pairs_clauses_by_content(revised) -> None:
    comparison = next(c for c in revised.site.comparisons if c.id == "wtdc-res-71")
    changed = [(d.status, d.old and d.old.label, d.new and d.new.label) for d in comparison.diff.clauses
               if d.status != "unchanged" or d.relabelled]
    assert changed == [("inserted", None, "c)"), ("unchanged", "c)", "d)"), ("unchanged", "d)", "e)"), ("changed", "d)", "d)")]
    page = revised.pages["wtdc/res-71/compare/buenos-aires-2017..kigali-2022.md"]
    assert "also provide <ins>professional </ins>expertise<ins> and support</ins> to" in page
    assert "1 changed · 1 inserted · 59 unchanged" in page


def test_citations_of_a_revision_lead_to_it(revised) -> None:
    citing = revised.pages["wtdc/res-950.md"]
    assert 'href="../res-71/buenos-aires-2017/#recalling-c"' in citing
    assert 'href="../res-71/">Resolution 71 (Rev. Kigali, 2022) of this conference</a>' in citing
    cited = revised.pages["wtdc/res-71.md"]
    assert "(cites Rev. Buenos Aires, 2017)" in cited and "(cites Rev. Kigali, 2022)" in cited


def test_revision_anchors_are_their_own(revised) -> None:
    docs = {d["id"]: d for d in dump(revised.site)["documents"]}
    older = docs["wtdc-res-71@buenos-aires-2017"]
    recalling = next(s for s in older["sections"] if s["anchor"] == "recalling")
    assert [c["anchor"] for c in recalling["clauses"]] == [f"recalling-{x}" for x in "abcd"]
    assert recalling["clauses"][2]["text"].startswith("Resolution 209")  # its c), not the 2022 c)
    assert not docs["wtdc-res-71@buenos-aires-2017"]["latest"] and docs["wtdc-res-71@kigali-2022"]["latest"]


def test_the_same_revision_twice_names_both_files(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text((CORPUS / "wtdc-res-71.txt").read_text(encoding="utf-8"), encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(a.read_text(encoding="utf-8").replace("also provide professional", "also provide"), encoding="utf-8")
    result = build([a, b], tmp_path)
    found = [str(d) for d in result.diagnostics if d.code == "duplicate-resolution"]
    assert len(found) == 1 and found[0].startswith("b.txt:") and "a.txt" in found[0] and "read first" in found[0]
    assert any(u.source_file == "b.txt" for u in result.site.unplaced)


def test_a_revision_out_of_order_with_history_is_reported(tmp_path: Path) -> None:
    head = "RESOLUTION 902 (Rev. {rev})\nA title\n({history})\nThe World Telecommunication Development Conference ({meeting}),\nrecalling\na)\tx;\n"
    (tmp_path / "a.txt").write_text(head.format(rev="Kigali, 2022", history="Dubai, 2014; Buenos Aires, 2017; Baku, 2025",
                                                meeting="Kigali, 2022"), encoding="utf-8")
    result = build([tmp_path / "a.txt"], tmp_path)
    found = [str(d) for d in result.diagnostics if d.code == "revision-out-of-order"]
    assert len(found) == 1 and found[0].startswith("a.txt:1: warning:") and "2025" in found[0]
    assert "wtdc/res-902/kigali-2022.md" in result.pages  # still published
