"""Issue 26, the shape of real texts as a page shows them: a history line that calls a footnote,
a cover page and a foreword before the heading (reader fixture front-matter), a table in a
numbered list (tables-in-lists)."""

from __future__ import annotations

import re

from builder.pipeline import build
from conftest import ROOT

READERS = ROOT / "tests" / "fixtures" / "readers"


def test_the_history_lines_footnote_is_on_the_page_beside_it() -> None:
    result = build([READERS / "front-matter.txt"], ROOT)
    page = result.pages["wtsa/res-2.md"]
    history = next(line for line in page.splitlines() if 'class="resolution-history"' in line)
    assert re.search(r"Geneva, 2022\)<sup id=\"fnref:fn1\"><a class=\"footnote-ref\" href=\"#fn:fn1\">1</a></sup>", history)
    assert "The resolution was also revised at meetings not listed here." in page
    cover, foreword = page.index("INTERNATIONAL TELECOMMUNICATION UNION"), page.index('id="foreword">Foreword<')
    assert cover < foreword < page.index("fifth plenary meeting") < page.index('class="resolution-history"')
    assert "considering-item" not in page
    assert not [str(d) for d in result.diagnostics if d.severity != "info"]


def test_a_table_in_a_list_leaves_the_list_open() -> None:
    """`1.2` after the table of `1.1` is still under `1`, and the table's rows that start with a
    number stay rows."""
    result = build([READERS / "tables-in-lists.txt"], ROOT)
    page = result.pages["wtdc/res-7.md"]
    assert "resolves-1-2" in page and "resolves-1--2" not in page
    assert not [str(d) for d in result.diagnostics if d.severity != "info"]
