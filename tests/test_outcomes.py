"""Issue 27, outcomes: what a conference did with each proposal made to it, against the text it
adopted where the collection holds it; run-together words of a text export told apart by that
text, as inferred; a page per conference. On small texts here, and on the PP-18 Final Acts with
the 25 proposals of ACP/64A1 where `../shared/` holds them."""

from __future__ import annotations

import re

import pytest
from conftest import PP18, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.diagnostics import Diagnostics
from builder.dump import dump
from builder.ir import Change, Clause
from builder.link import link
from builder.readers import read_source
from builder.render import render

ADOPTED = """RESOLUTION 900 (Rev. Baku, 2025)
A base text
The World Telecommunication Development Conference (Baku, 2025),
considering
a)\tfirst;
b)\tthat Annex 2 to this resolution holds the plan;
c)\tthat the Union works with Resolution 5 (Rev. Baku, 2025);
d)\tthat annually the Union reports to the Council on its work;
e)\tthe WSIS Action Lines and the 2030 Agenda;
resolves
1\tto act now;
2\ta clause the conference added;
"""
NEW = """RESOLUTION 901 (Baku, 2025)
A new text
The World Telecommunication Development Conference (Baku, 2025),
resolves
1\tto begin;
"""
MOD = """MOD\tAFCP/7A1/1
RESOLUTION 900 (Rev. Kigali, 2022Baku, 2025)
A base text
The World Telecommunication Development Conference (Kigali, 2022Baku, 2025),
recognizingconsidering
a)\tfirst;
b)\tthat Annex 12 to this resolution holds the plan;
c)\tthat the Union works with Resolution 5 (Rev. Kigali, 2022);
d)\ta clause the conference did not take;
e)\tthe WSIS Action Linesand the 2030 Agenda;
resolves
1\tto act now;
"""
SUP = """SUP\tAFCP/7A1/2
RESOLUTION 902 (Kigali, 2022)
A text to suppress
"""
LATER = """ADD\tAFCP/8A1/1
DRAFT NEW RESOLUTION [AFCP-1] (Doha, 2029)
Something new
The World Telecommunication Development Conference (Doha, 2029),
resolves
1\tto begin later;
"""


@pytest.fixture(scope="module")
def decided():
    diagnostics = Diagnostics()
    files = [
        read_source("adopted.txt", ADOPTED, diagnostics), read_source("new.txt", NEW, diagnostics),
        read_source("afcp-7a1.txt", MOD + SUP, diagnostics), read_source("afcp-8a1.txt", LATER, diagnostics),
    ]
    site = link(files, diagnostics)
    return site, render(site)


def clause(site, pid: str, anchor: str) -> Clause:
    page = next(p for p in site.proposals if p.id == pid)
    assert page.proposal.text is not None

    def walk(blocks):
        for b in blocks:
            if isinstance(b, Clause):
                yield b
                yield from walk(b.children)

    return next(c for s in page.proposal.text.sections for c in walk(s.blocks) if c.anchor == anchor)


def test_run_together_words_are_split_against_the_adopted_text_as_inferred(decided) -> None:
    site, rendered = decided
    b = clause(site, "AFCP/7A1/1", "considering-b")
    inferred = [(p.op, p.text) for p in b.text if isinstance(p, Change)]
    assert inferred == [("del", "1"), ("ins", "2")]  # `Annex 12`, the adopted text keeps 2
    assert all(p.inferred for p in b.text if isinstance(p, Change))
    # a lost space (`Linesand`, both halves adopted) is not a change
    e = clause(site, "AFCP/7A1/1", "considering-e")
    assert not [p for p in e.text if isinstance(p, Change)]
    page = rendered.pages["proposals/afcp-7a1-1.md"]
    assert 'Annex <del class="inferred" title="Deletion inferred from the adopted text, not marked in the source">1</del>' in page
    assert "changes inferred from the adopted text</span>" in page
    assert "those changes are inferred, not read" in page  # the text export's notice says so
    doc = next(d for d in dump(site)["documents"] if d["id"] == "AFCP/7A1/1")
    dumped = next(c for c in doc["sections"][0]["clauses"] if c["anchor"] == "considering-b")
    assert dumped["changes"] is None  # the source marks no change there
    assert dumped["inferred_changes"] == [["", "that Annex "], ["del", "1"], ["ins", "2"], ["", " to this resolution holds the plan;"]]
    assert dumped["text"] == "that Annex 12 to this resolution holds the plan;"  # the words as exported


def test_each_change_its_outcome_and_one_line(decided) -> None:
    site, rendered = decided
    page = next(p for p in site.proposals if p.id == "AFCP/7A1/1")
    o = page.outcome
    assert o is not None and o.state == "decided" and o.adopted_src == "wtdc/res-900/baku-2025.md"
    rows = {r.where: r for r in o.rows if r.anchor}  # the clauses as proposed
    assert rows["considering b)"].inferred and rows["considering b)"].verdict == "as adopted"  # not a verdict: assumed
    c = rows["considering c)"]  # a change its source does not mark: the words differ, nothing more is known
    assert c.change is None and c.verdict == "changed in the adopted text"
    assert ("del", "Kigali,") in c.words and ("ins", "Baku,") in c.words
    heading = rows["considering"]
    assert heading.change == "heading “recognizing” replaced" and heading.verdict == "adopted as proposed"
    assert rows["considering a)"].change is None and rows["considering a)"].verdict == "as adopted"
    assert rows["considering d)"].verdict == "not in the adopted text"
    assert [(r.adopted_where, r.verdict) for r in o.rows if r.anchor is None] == [
        ("considering d)", "added by the conference"), ("resolves 2", "added by the conference")]
    assert o.summary == "WTDC (Baku, 2025) adopted 1 of its 1 change; 1 more inferred from the adopted text."
    markdown = rendered.pages["proposals/afcp-7a1-1.md"]
    assert f"<strong>Outcome:</strong> {o.summary}" in markdown
    assert '<a href="../../wtdc/res-900/baku-2025/#considering-c">changed in the adopted text</a>' in markdown
    # a clause the conference added is named: the row has no proposed clause to name it
    assert ('<tr><td>(not proposed)</td><td></td><td><a href="../../wtdc/res-900/baku-2025/#resolves-2">added by the conference</a>:'
            " resolves 2</td></tr>") in markdown


def test_what_cannot_be_known_is_said(decided) -> None:
    site, _ = decided
    by_id = {p.id: p for p in site.proposals}
    sup = by_id["AFCP/7A1/2"].outcome
    assert sup is not None and sup.state == "not known"  # not in the Final Acts: suppressed, or left alone
    assert "may have suppressed it or left it unchanged" in sup.summary and "suppressed." not in sup.short
    later = by_id["AFCP/8A1/1"].outcome
    assert later is not None and later.state == "pending" and "holds no text WTDC (Doha, 2029) adopted" in later.summary


def test_a_page_per_conference(decided) -> None:
    site, rendered = decided
    conference = next(c for c in site.conferences if c.src == "wtdc/baku-2025.md")
    assert [v.id for v in conference.new] == ["wtdc-res-901"] and [v.id for v in conference.revised] == ["wtdc-res-900"]
    assert [t.label for part in conference.lists for t in part.rows] == ["WTDC Resolution 900", "WTDC Resolution 902"]
    page = rendered.pages["wtdc/baku-2025.md"]
    assert page.count("# World Telecommunication Development Conference (Baku, 2025)") == 1
    assert '<a href="../../proposals/afcp-7a1-1/">AFCP/7A1/1</a>' in page and "1 of 1 adopted" in page
    assert '<a href="../res-900/baku-2025/">Rev. Baku, 2025</a>' in page
    # linked from the body's index, the texts it adopted and the proposals made to it
    assert "[WTDC (Baku, 2025)](baku-2025.md)" in rendered.pages["wtdc/index.md"]
    assert '<a href="../../baku-2025/">WTDC (Baku, 2025)</a>' in rendered.pages["wtdc/res-900/baku-2025.md"]
    assert 'href="../../wtdc/baku-2025/"' in rendered.pages["proposals/afcp-7a1-1.md"]
    # the contribution tables its proposals with their outcomes
    table = rendered.pages["proposals/afcp-7a1/index.md"]
    assert "<tr><th>Action</th><th>Proposal</th><th>Target</th><th>Outcome</th><th>Summary</th></tr>" in table
    assert "WTDC (Baku, 2025) decided 1 of its 2 proposals: 1 of the 1 change they mark adopted." in table
    assert "not known" in table
    assert '<a href="../afcp-7a1-1/#adopted">1 of 1 adopted</a>' in table


def test_a_word_document_s_change_not_adopted() -> None:
    """A Word document says which words a change replaces: an adopted clause that keeps them did
    not adopt the change."""
    from builder.ir import Span
    from builder.link.compare import ClauseDiff, Item
    from builder.link.model import ClauseChange
    from builder.link.outcomes import _verdict
    old = Clause("a)", "considering-a", ("the ", Change("del", "old"), Change("ins", "new"), " words;"), Span("p.docx", 1))
    kept = Clause("a)", "considering-a", ("the old words;",), Span("p.docx", 1))
    diff = ClauseDiff("changed", Item("considering", "a)", "considering-a", "the new words;", old),
                      Item("considering", "a)", "considering-a", "the old words;", kept), ())
    change = ClauseChange("considering", None, "a)", "a)", "amended", "considering-a", "considering-a")
    assert _verdict(diff, change, exact=True) == "not adopted"
    assert _verdict(diff, change, exact=False) == "adopted with changes"  # a text export cannot tell


def test_acp_64a1_outcomes_at_pp18(with_pp18) -> None:
    site = with_pp18.site
    acp = [p for p in site.proposals if p.contribution_id == "ACP/64A1"]
    assert len(acp) == 25
    held = {v.id for v in site.revisions if (v.revision.venue, v.revision.year) == ("Dubai", 2018)}
    mods = [p for p in acp if p.proposal.action == "MOD" and p.target_id in held]
    assert len(mods) == 21
    for p in mods:
        assert p.outcome and p.outcome.state == "decided" and p.outcome.rows, p.id
        assert p.outcome.summary.startswith("PP (Dubai, 2018) adopted "), p.id
    sup = next(p for p in acp if p.proposal.action == "SUP")
    # Resolution 185 is not among the texts of the Final Acts, but on their list of texts abrogated
    assert sup.outcome and sup.outcome.state == "decided" and sup.outcome.short == "suppressed"
    assert sup.outcome.adopted_src == "pp/res-213/dubai-2018.md"  # where the PDF's conversion left the list
    new = next(p for p in acp if p.proposal.action == "ADD")  # Draft New Resolution [ACP-1]: which text it became is a guess
    assert new.outcome and new.outcome.state == "not known"
    assert "Perhaps it became Resolution 205 (Dubai, 2018)" in new.outcome.summary and "a guess from the words" in new.outcome.summary
    table = with_pp18.pages["proposals/acp-64a1/index.md"]
    rows = re.findall(r"^<tr><td><span class=\"action-badge.*$", table, re.MULTILINE)
    assert len(rows) == 25 and all("outcome outcome-" in r for r in rows)
    conference = with_pp18.pages["pp/dubai-2018.md"]
    assert len(set(re.findall(r'href="\.\./\.\./proposals/acp-64a1-[\w-]+/"', conference))) == 25
    assert "## Texts revised" in conference and "## Texts adopted" in conference
    assert '<a href="../res-71/dubai-2018/">PP Resolution 71 (Rev. Dubai, 2018)</a>' in conference
    # inferred changes are few and never the source's: each is in the dump as inferred
    docs = {d["id"]: d for d in dump(site)["documents"]}
    inferred = [c for p in mods for s in docs[p.id]["sections"] for c in s["clauses"] if c["inferred_changes"]]
    assert 0 < len(inferred) < 30
    assert all(c["changes"] is None or c["changes"] != c["inferred_changes"] for c in inferred)
    from test_exports import errors as schema_errors
    assert schema_errors({"documents": [docs[p.id] for p in acp]}) == []


def test_proposals_compared_end_with_the_text_as_adopted() -> None:
    """Three proposals on PP Resolution 11 (tests/fixtures/competing: two of them Word documents)
    against the text they amend, Rev. Busan, 2014, and PP-18's text as the last column."""
    if not PP18.is_dir():
        pytest.skip("the PP-18 collection is not here (../shared/collections/pp-18)")
    from builder.pipeline import build, corpus_files, naming_roots
    folders = [ROOT / "corpus", ROOT / "tests" / "fixtures" / "competing", PP18]
    built = build(corpus_files(*folders), naming_roots(folders, ROOT))
    page = next(c for c in built.site.compared if c.id == "pp-res-11")
    assert (page.base, page.adopted, page.adopted_src) == ("Rev. Busan, 2014", "Rev. Dubai, 2018", "pp/res-11/dubai-2018.md")
    assert all(len(r.cells) == 3 for r in page.rows)  # the adopted text is a column, not a proposal
    touched = [r for r in page.rows if r.touched]
    assert touched and any(r.adopted and r.adopted.status == "changed" for r in touched)
    markdown = built.pages["pp/res-11/proposals-compared.md"]
    assert "[As adopted (Rev. Dubai, 2018)](dubai-2018.md)" in markdown
    for p in page.proposals:  # the Word documents' changes are exact: each has its outcome
        assert p.outcome and p.outcome.state == "decided" and p.outcome.changes, p.id


def test_a_conference_s_proposals_by_text_a_page_at_a_time(monkeypatch) -> None:
    """Its page's size does not grow with the collection: past PROPOSALS_PER_PAGE proposals, the
    list goes on on pages of its own, each text's proposals together."""
    from builder.link import conferences
    monkeypatch.setattr(conferences, "PROPOSALS_PER_PAGE", 1)
    diagnostics = Diagnostics()
    site = link([read_source("adopted.txt", ADOPTED, diagnostics), read_source("afcp-7a1.txt", MOD + SUP, diagnostics)], diagnostics)
    conference = next(c for c in site.conferences if c.src == "wtdc/baku-2025.md")
    assert [part.src for part in conference.lists] == ["wtdc/baku-2025.md", "wtdc/baku-2025/proposals-2.md"]
    pages = render(site).pages
    assert "Pages: **1** · [2](baku-2025/proposals-2.md)" in pages["wtdc/baku-2025.md"]
    second = pages["wtdc/baku-2025/proposals-2.md"]
    assert "[1](../baku-2025.md#by-text) · **2**" in second and '<a href="../../../proposals/afcp-7a1-2/">AFCP/7A1/2</a>' in second


def test_a_meeting_named_like_a_page_of_texts_gets_its_own_address() -> None:
    """A venue `Res` would put the meeting's page at `wtdc/res-2018/`, PP Resolution 2018's."""
    text = ADOPTED.replace("RESOLUTION 900 (Rev. Baku, 2025)", "RESOLUTION 2018 (Res, 2018)").replace("(Baku, 2025),", "(Res, 2018),")
    diagnostics = Diagnostics()
    site = link([read_source("odd.txt", text, diagnostics)], diagnostics)
    pages = render(site).pages
    assert "wtdc/res-2018.md" in pages and "wtdc/meeting-res-2018.md" in pages
    assert "# WTDC Resolution 2018" in pages["wtdc/res-2018.md"]


def test_the_dump_with_outcomes_and_inferred_changes_follows_its_schema(decided) -> None:
    from test_exports import errors as schema_errors
    site, _ = decided
    data = dump(site)
    assert schema_errors(data) == []
    doc = next(d for d in data["documents"] if d["id"] == "AFCP/7A1/1")
    assert doc["outcome"]["state"] == "decided" and doc["outcome"]["adopted"]["url"] == "wtdc/res-900/baku-2025/"
    assert any(c["inferred"] for c in doc["outcome"]["clauses"])


LISTED = NEW.replace("1\tto begin;", "1\tto begin;\n-\tLIST OF RESOLUTIONS ABROGATED BY THE WORLD TELECOMMUNICATION DEVELOPMENT "
                     "CONFERENCE (BAKU, 2025) RESOLUTION 902 (KIGALI, 2022) A text to suppress RESOLUTION 77 (REV. DUBAI, 2014) Another PART II")
SUP_TWO = SUP + SUP.replace("AFCP/7A1/2", "AFCP/7A1/3").replace("902", "903")


def test_suppressed_only_where_the_conference_s_list_says_so() -> None:
    """The list of texts a conference abrogated, even run into the last clause of another text
    (as a PDF's conversion leaves it), says a SUP was adopted; a text it does not name stays not known."""
    diagnostics = Diagnostics()
    site = link([read_source("adopted.txt", ADOPTED, diagnostics), read_source("new.txt", LISTED, diagnostics),
                 read_source("afcp-7a1.txt", MOD + SUP_TWO, diagnostics)], diagnostics)
    by_id = {p.id: p for p in site.proposals}
    listed, other = by_id["AFCP/7A1/2"].outcome, by_id["AFCP/7A1/3"].outcome
    assert listed and listed.state == "decided" and listed.short == "suppressed"
    assert listed.summary == "Suppressed: WTDC (Baku, 2025) lists WTDC Resolution 902 among the texts it abrogated."
    assert (listed.adopted_src, listed.adopted_anchor) == ("wtdc/res-901/baku-2025.md", "resolves-1-item-1")
    assert other and other.state == "not known"
    assert sorted(a.text_id for a in site.abrogations) == ["wtdc-res-77", "wtdc-res-902"]
    pages = render(site).pages
    assert "- [WTDC Resolution 902](res-902.md), listed in [WTDC Resolution 901 (Baku, 2025), resolves -]" in pages["wtdc/baku-2025.md"]
    assert "- WTDC Resolution 77, listed in" in pages["wtdc/baku-2025.md"]  # no page of its own: named, not linked
    assert 'abrogated by <a href="../baku-2025/">WTDC (Baku, 2025)</a>' in pages["wtdc/res-902.md"]
    assert ('See <a href="../../wtdc/res-901/baku-2025/#resolves-1-item-1">the list, in WTDC Resolution 901 (Baku, 2025), resolves -</a>'
            in pages["proposals/afcp-7a1-2.md"])


def test_a_sup_is_judged_by_its_conference_not_by_the_meeting_its_text_names() -> None:
    """A SUP's text is the text as it stands (`RESOLUTION 902 (Kigali, 2022)`): with that text
    held, the outcome is still the conference's (Baku, 2025), which holds no revision of it."""
    held = "RESOLUTION 902 (Kigali, 2022)\nA text to suppress\nThe World Telecommunication Development Conference (Kigali, 2022),\nresolves\n1\tto stay;\n"
    diagnostics = Diagnostics()
    site = link([read_source("adopted.txt", ADOPTED, diagnostics), read_source("kigali.txt", held, diagnostics),
                 read_source("afcp-7a1.txt", MOD + SUP, diagnostics)], diagnostics)
    sup = next(p for p in site.proposals if p.id == "AFCP/7A1/2")
    assert sup.conference and sup.conference.label == "WTDC (Baku, 2025)"
    assert sup.outcome and sup.outcome.state == "not known" and "revised" not in sup.outcome.summary


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "520", "700", "520700", "the", "this", "thethis"]), max_size=12),
       st.lists(st.sampled_from(["a", "b", "700", "the", "this"]), max_size=12), st.data())
def test_an_outcome_s_words_are_the_proposed_and_the_adopted_words(exported, adopted, data) -> None:
    """The adopted clause against the clause as exported, turned round without comparing again,
    is the clause as proposed (the exported words less its deletions) against the adopted one."""
    from builder.link.compare import word_diff
    from builder.link.outcomes import _round
    text_exported, text_adopted = " ".join(exported), " ".join(adopted)
    bounds = sorted(set(data.draw(st.lists(st.integers(0, len(text_exported)), max_size=4))))
    cut = list(zip(bounds[::2], bounds[1::2]))
    proposed = "".join(text_exported[a:b] for a, b in zip([0] + [e for _, e in cut], [s for s, _ in cut] + [len(text_exported)]))
    words = _round(word_diff(text_adopted, text_exported), cut)
    assert "".join(w for op, w in words if op != "ins") == proposed
    assert "".join(w for op, w in words if op != "del") == text_adopted
