"""The Word reader: exact tracked changes from the fixtures in tests/fixtures/word/ (built from
their specs by make.py), and the five corpus documents as .docx giving the pages their text
exports give."""

from __future__ import annotations

import re

import json
from pathlib import Path

import pytest

from builder.conventions import BODIES
from builder.diagnostics import Diagnostics
from builder.dump import dump
from builder.ir import Change, Clause, Table, plain_text
from builder.pipeline import build, corpus_files
from builder.readers import read_file
from builder.readers.word import read_word
from conftest import CORPUS, ROOT, site_official_patterns
from fixtures.word import make
from fixtures.word.raw import p, package, r
from irjson import to_data

WORD = ROOT / "tests" / "fixtures" / "word"


@pytest.fixture(scope="module")
def mod():
    diagnostics = Diagnostics()
    source = read_file(WORD / "mod-words.docx", diagnostics, ROOT)
    return source.contributions[0].proposals[0], diagnostics


def clause(text, anchor: str) -> Clause:
    def walk(blocks):
        for b in blocks:
            if isinstance(b, Clause):
                if b.anchor == anchor:
                    return b
                if found := walk(b.children):
                    return found
        return None

    return next(c for s in text.sections if (c := walk(s.blocks)))


def changes(c: Clause) -> list[tuple[str, str]]:
    return [(p.op, p.text) for p in c.text if isinstance(p, Change)]


@pytest.mark.parametrize("spec", sorted(WORD.rglob("*.spec")), ids=lambda p: p.stem)
def test_committed_fixtures_are_what_their_specs_make(spec: Path, tmp_path: Path) -> None:
    built = tmp_path / spec.with_suffix(".docx").name
    make.build(spec.read_text(encoding="utf-8"), built)
    fresh, committed = Diagnostics(), Diagnostics()
    a = to_data(read_file(built, fresh, tmp_path))
    b = to_data(read_file(spec.with_suffix(".docx"), committed, spec.parent))
    assert json.dumps(a) == json.dumps(b), "run `python tests/fixtures/word/make.py` and commit its output"


def test_words_inserted_and_deleted_inside_running_text(mod) -> None:
    proposal, _ = mod
    b = clause(proposal.text, "considering-b")
    assert changes(b) == [("del", "520"), ("ins", "700")]
    assert plain_text(b.text) == "that ITU‑T comprises 193 Member States and over 700 Sector Members;"


def test_heading_revision_formula_and_history(mod) -> None:
    text = mod[0].text
    assert str(text.old_revision) == "Rev. Hammamet, 2016" and str(text.revision) == "Rev. New Delhi, 2024"
    assert text.heading == "RESOLUTION 68 (Rev. New Delhi, 2024)"
    assert ("del", "Hammamet, 2016") in text.printed_heading and ("ins", "New Delhi, 2024") in text.printed_heading
    assert ("ins", "New Delhi, 2024") in text.printed_formula
    assert ("ins", "; New Delhi, 2024") in text.printed_history
    assert mod[0].target.number == "68" and mod[0].target.body == "wtsa"


def test_clauses_inserted_deleted_renumbered_and_a_replaced_heading(mod) -> None:
    text = mod[0].text
    considering, noting = text.sections[0], text.sections[1]
    assert (considering.heading, considering.old_heading) == ("considering", "recognizing")
    assert considering.printed_heading == (("del", "recognizing"), ("ins", "considering"))
    c = clause(text, "considering-c")
    assert (c.change.old, c.change.new, c.change.status) == (None, "c)", "inserted")
    assert changes(c) == [("ins", "that the engagement of industry has become an important strategic objective;")]
    d = clause(text, "considering-d")
    assert (d.change.old, d.change.new, d.change.status) == ("c)", "d)", "renumbered")
    assert d.change.printed == (("del", "c"), ("ins", "d"), ("", ")"))
    gone = clause(text, "noting-deleted-a")
    assert (gone.change.old, gone.change.status) == ("a)", "deleted") and plain_text(gone.text) == ""
    assert changes(gone) == [("del", "that standards should respond appropriately to the needs of industry;")]
    a = clause(text, "noting-a")
    assert (a.change.old, a.change.new) == ("b)", "a)")
    assert ("del", "representatives of industry") in changes(a) and ("ins", ", represented widely") in changes(a)
    assert any(isinstance(b, Table) for b in clause(text, "noting-a").children)  # a table does not end the list


def test_citations_follow_the_proposed_revision(mod) -> None:
    d = clause(mod[0].text, "considering-d")
    citation = next(p for p in d.text if hasattr(p, "ref"))
    assert citation.text == "Resolution 123 (Rev. Bucharest, 2022)"
    assert citation.printed == (("", "Resolution 123 (Rev. "), ("del", "Busan, 2014"), ("ins", "Bucharest, 2022"), ("", ")"))
    assert ("del", "Dubai, 2012") in changes(d)


def test_footnotes_fields_comments_images(mod) -> None:
    proposal, diagnostics = mod
    source = read_file(WORD / "mod-words.docx", Diagnostics(), ROOT)
    note = source.footnotes[0]
    assert plain_text(note.text) == "Footnote text with a new word." and Change("ins", "new") in note.text
    one = clause(proposal.text, "resolves-to-instruct-the-director-tsb-1")
    assert plain_text(one.text) == "to continue to organize meetings for industry executives, see page 3;"
    assert [d.code for d in diagnostics if d.severity != "info"] == []
    assert [(d.code, d.span.line) for d in diagnostics] == [("image-omitted", 19)]


def test_a_contribution_with_an_abstract_add_noc_sup_and_a_moved_paragraph() -> None:
    diagnostics = Diagnostics()
    source = read_file(WORD / "contribution.docx", diagnostics, ROOT)
    contribution = source.contributions[0]
    assert plain_text(contribution.abstract[0].text).startswith("The European proposals")
    actions = [(p.action, str(p.code)) for p in contribution.proposals]
    assert actions == [("ADD", "EUR/7A2/1"), ("NOC", "EUR/7A2/2"), ("SUP", "EUR/7A2/3"), ("MOD", "EUR/7A2/4")]
    headings = [s.heading for s in contribution.proposals[0].text.sections]
    assert headings == ["considering", "acknowledges with satisfaction", "resolves"]  # the `Call` style decides
    sup = contribution.proposals[2]
    assert sup.target.number == "185" and sup.text.sections == ()
    moved = contribution.proposals[3].text
    assert clause(moved, "recognizing-a").change.status == "inserted"
    assert clause(moved, "recognizing-deleted-b").change.status == "deleted"
    assert changes(clause(moved, "resolves-1")) == [("del", "the"), ("ins", "its")]
    assert [d for d in diagnostics if d.severity != "info"] == []


@pytest.fixture(scope="module")
def word_corpus():
    return build(sorted((WORD / "corpus").glob("*.docx")), ROOT, official=site_official_patterns())


PROVENANCE = re.compile(r'<div class="provenance".*?</div>\n', re.S)
"""What a page says it was read from (templates/_macros.md.j2 `provenance`)."""
EXPORT_NOTICE = re.compile(r'<div class="admonition warning">\n<p class="admonition-title">Read from a text export.*?</div>\n'
                           r'<p class="exported-view-note">.*?</p>\n', re.S)
"""The notice a MOD proposal read from a text export carries (templates/proposal.md.j2)."""
TITLES = re.compile(r'^<p class="page-subtitle">.*\n|^(<tr><td><a href="[^"]*">Res\.&nbsp;\w+</a></td><td>)[^<]*|^Other titles given to it: .*\n', re.M)
"""Where a resolution without its text shows a title: its subtitle, its row in its body's index."""


def test_the_corpus_as_word_documents_gives_the_same_pages(corpus_build, word_corpus) -> None:
    """Converted with the changes the text reader recovers, the .docx carry the same information:
    every generated page is the same, but for the source file's name, what it says the file is,
    the text export's notice on MOD proposals, and the titles of resolutions without their text,
    which a text export of a MOD cannot give (its deleted and inserted words run together) and a
    Word document can."""
    def same_name(markdown: str) -> str:
        linked = markdown.replace(">source file</a>", ">source file (gzip)</a>").replace('.docx"', '.txt.gz"')  # a .docx is published as it is
        return linked.replace("tests/fixtures/word/corpus/", "corpus/").replace(".docx", ".txt")

    def untitled(markdown: str) -> str:
        return TITLES.sub(lambda m: m[1] or "", markdown)

    def unexported(markdown: str) -> str:
        return EXPORT_NOTICE.sub("", markdown).replace("Text as proposed, as exported", "Text as proposed")

    def unsaid(markdown: str) -> str:
        return PROVENANCE.sub("", markdown)

    assert set(word_corpus.pages) == set(corpus_build.pages)
    exported = {p.src for p in corpus_build.site.proposals if p.proposal.action == "MOD" and not p.proposal.text.exact}
    assert exported and all(EXPORT_NOTICE.search(corpus_build.pages[src]) for src in exported)
    assert not any(EXPORT_NOTICE.search(page) for page in word_corpus.pages.values())
    untexted = {r.src for r in corpus_build.site.resolutions if r.text is None} | {f"{body}/index.md" for body in BODIES}
    titled = lambda src: untitled if src in untexted else str  # noqa: E731
    differing = [
        src for src, page in corpus_build.pages.items()
        if titled(src)(unsaid(same_name(word_corpus.pages[src]))) != titled(src)(unsaid(unexported(page)))
    ]
    assert differing == []
    clean = {plain_text(p.proposal.text.title) for p in word_corpus.site.proposals if p.proposal.text}
    untexted = [r for r in word_corpus.site.resolutions if r.text is None and r.amended_by]
    assert untexted and all(r.titles[0] in clean for r in untexted if r.titles)
    for src, page in word_corpus.pages.items():
        said = PROVENANCE.findall(page)
        assert len(said) == (1 if said else 0), src
        assert not said or ("a Word document" in said[0] and "text export" not in said[0]), src
        assert not said or "text export" in PROVENANCE.findall(corpus_build.pages[src])[0], src
    assert sum(bool(PROVENANCE.search(page)) for page in word_corpus.pages.values()) > 30
    codes = lambda b: sorted((d.code, d.span.line) for d in b.diagnostics)  # noqa: E731
    assert codes(word_corpus) == codes(corpus_build)


def test_the_dump_reports_the_changes() -> None:
    result = build([WORD / "mod-words.docx"], ROOT)
    proposal = next(d for d in dump(result.site)["documents"] if d["id"] == "IAP/9A1/1")
    b = next(c for c in proposal["sections"][0]["clauses"] if c["anchor"] == "considering-b")
    assert b["text"].endswith("over 700 Sector Members;")
    assert ["del", "520"] in b["changes"] and ["ins", "700"] in b["changes"]
    assert proposal["heading_changes"][1] == ["del", "Hammamet, 2016"]
    a = next(c for c in proposal["sections"][0]["clauses"] if c["anchor"] == "considering-a")
    assert a["changes"] is None  # no tracked change in its text


def test_text_export_revisions_read_as_redlines(corpus_build) -> None:
    """IAP/39A13/1 as exported: its heading, formula and cited revisions are two revisions run
    together, shown as a deletion and an insertion."""
    page = corpus_build.pages["proposals/iap-39a13-1.md"]
    deleted, inserted = "<del>Hammamet, 2016</del>", "<ins>New Delhi, 2024</ins>"
    assert f'<p class="resolution-heading">RESOLUTION 68 (Rev.\u00a0{deleted}{inserted})</p>' in page
    assert f"Assembly ({deleted}{inserted})," in page
    assert ">Resolution\u00a0123 (Rev.\u00a0<del>Busan, 2014</del><ins>Bucharest, 2022</ins>) of the Plenipotentiary Conference</a>" in page
    assert "2016New Delhi" not in page and "2014Bucharest" not in page


def test_resolution_pages_name_the_words_changed() -> None:
    result = build([WORD / "mod-words.docx", CORPUS / "iap-39a13.txt"], ROOT)
    page = result.pages["wtsa/res-68.md"]
    row = next(row for row in page.split("<tr>") if '#considering-b">' in row)  # the Changes proposed table
    assert "<td>b) amended</td>" in row and "<del>520</del><ins>700</ins>" in row


def test_corpus_files_reads_word_documents_first(tmp_path: Path) -> None:
    for name in ("a.txt", "b.docx", "c.doc", "d.rtf", "~$b.docx", "e.pdf"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in corpus_files(tmp_path)] == ["b.docx", "c.doc", "d.rtf", "a.txt"]


def test_no_guessed_comparison_beside_exact_changes(tmp_path: Path) -> None:
    """With the text being amended in the collection, a flattened proposal is compared with it;
    a Word document's own changes are shown as they are, with no comparison beside them."""
    base = tmp_path / "wtsa-res-68-hammamet.txt"
    base.write_text(
        "RESOLUTION 68 (Rev. Hammamet, 2016)\nEvolving role of industry\n"
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),\nrecognizing\n"
        "a)\tthat Resolution 122 (Rev. Guadalajara, 2010) called for a symposium;\n"
        "b)\tthat ITU-T comprises 193 Member States and over 520 Sector Members;\n",
        encoding="utf-8",
    )
    result = build([WORD / "mod-words.docx", base], tmp_path)
    proposal = result.pages["proposals/iap-9a1-1.md"]
    assert 'class="redline"' not in proposal
    assert "over <del>520</del><ins>700</ins> Sector" in proposal
    resolution = result.pages["wtsa/res-68.md"]
    assert '<a class="change-mark" href="../../proposals/iap-9a1-1/#considering-b">' in resolution


def raw_docx(body: str, tmp: Path, endnotes: str = "", footnotes: str = "") -> Path:
    """A .docx whose body is the given WordprocessingML (for what the specs cannot say)."""
    out = tmp / "raw.docx"
    out.write_bytes(package(body, footnotes, endnotes))
    return out


HEAD = p(r("RESOLUTION 901 (Kigali, 2022)")) + p(r("Title")) + p(r("The World Telecommunication Development Conference (Kigali, 2022),")) + p(r("recalling"))


def test_what_only_raw_wordprocessingml_holds(tmp_path: Path) -> None:
    """Symbols, equations, positional tabs, text boxes, nested fields, nested and merged table
    cells, endnotes: read once each, nothing dropped silently."""
    body = HEAD + p(
        r("a)"), "<w:r><w:ptab/></w:r>", r("at 20"), '<w:r><w:sym w:font="Symbol" w:char="F0B0"/></w:r>', r("C, "),
        '<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>', r(" and "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF x</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:instrText> = "1" "yes"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("yes")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r(";"),
        '<w:r><w:endnoteReference w:id="2"/></w:r>',
        '<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>' + p(r("Boxed words.")) +
        '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + p(r("Boxed words.")) +
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
    ) + (
        "<w:tbl><w:tr><w:tc>" + p(r("H")) + "</w:tc><w:tc>" + p(r("Y")) + "</w:tc><w:tc>" + p(r("Z")) + "</w:tc></w:tr>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + p(r("span")) + "</w:tc><w:tc>" + p(r("z")) + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p(r("A")) + "<w:tbl><w:tr><w:tc>" + p(r("I1")) + "</w:tc><w:tc>" + p(r("I2")) + "</w:tc></w:tr></w:tbl>"
        "</w:tc><w:tc>" + p(r("B")) + "</w:tc><w:tc/></w:tr></w:tbl>"
    )
    notes = '<w:endnote w:id="2">' + p(r("An endnote.")) + "</w:endnote>"
    diagnostics = Diagnostics()
    source = read_file(raw_docx(body, tmp_path, notes), diagnostics, tmp_path)
    text = source.resolutions[0]
    a = text.sections[0].blocks[0]
    assert plain_text(a.text) == "at 20°C, x=1 and yes;"
    assert [plain_text(n.text) for n in source.footnotes] == ["An endnote."] and a.text[-1].key == "e2"
    assert plain_text(text.sections[0].blocks[1].text) == "Boxed words."
    table = next(b for b in text.sections[0].blocks if isinstance(b, Table))
    assert [[plain_text(c) for c in row] for row in table.rows] == [["H", "Y", "Z"], ["span", "", "z"], ["A I1 I2", "B", ""]]
    assert {"symbol-read", "equation-as-text", "text-box"} <= {d.code for d in diagnostics}


def test_a_label_removed_keeps_its_clause(tmp_path: Path) -> None:
    """Deleting only a clause's number (the last of a list of one) renumbers it; its words stay."""
    body = (p(r("MOD\tARB/2A1/1")) + HEAD.replace("901 (Kigali, 2022)", "902 (Kigali, 2022)") .replace(p(r("recalling")), p(r("resolves")))
            + p('<w:del w:id="1" w:author="a"><w:r><w:delText>1</w:delText></w:r><w:r><w:tab/></w:r></w:del>', r("to act;")))
    source = read_file(raw_docx(body, tmp_path), Diagnostics(), tmp_path)
    clause = source.contributions[0].proposals[0].text.sections[0].blocks[0]
    assert (clause.change.old, clause.change.new, clause.change.status) == ("1", None, "renumbered")
    assert plain_text(clause.text) == "to act;" and not changes(clause)


def test_a_deleted_footnote_call_is_shown_deleted(tmp_path: Path) -> None:
    spec = (WORD / "mod-words.spec").read_text(encoding="utf-8")
    make.build(spec.replace("over [-520-][+700+] Sector Members;", "over 700 Sector Members[-[^A deleted note.^]-];"), tmp_path / "m.docx")
    result = build([tmp_path / "m.docx"], tmp_path)
    page = result.pages["proposals/iap-9a1-1.md"]
    assert re.search(r'over 700 Sector Members<del><sup id="fnref:fn2"><a class="footnote-ref" href="#fn:fn2">\d</a></sup></del>;', page)
    assert '<li id="fn:fn2">\n<p>A deleted note.' in page
    proposal = next(p for p in result.site.proposals if p.id == "IAP/9A1/1")
    assert any(c.anchor == "considering-b" and c.status == "amended" for c in proposal.changes)


def test_a_symbol_without_a_character_code_is_reported_not_raised(tmp_path: Path) -> None:
    body = HEAD + p(r("a)\tat 20"), '<w:r><w:sym w:font="Symbol" w:char="zz"/></w:r>', r("C;"))
    diagnostics = Diagnostics()
    source = read_file(raw_docx(body, tmp_path), diagnostics, tmp_path)
    assert plain_text(source.resolutions[0].sections[0].blocks[0].text) == "at 20\ufffdC;"
    assert any(d.code == "symbol-invalid" and "zz" in d.message for d in diagnostics)


def word_lines(body: str, footnotes: str = "", endnotes: str = "") -> tuple[list[str], dict[str, str], list[tuple[str, int, str]]]:
    """A raw body read by the Word reader: its lines (as proposed), its notes' texts, and its
    diagnostics (code, line, message)."""
    diagnostics = Diagnostics()
    read = read_word("raw.docx", package(body, footnotes, endnotes), diagnostics)
    assert read is not None, [str(d) for d in diagnostics]
    lines, notes, _ = read
    return ([line.text for line in lines], {n.key: plain_text(n.text) for n in notes},
            [(d.code, d.span.line, d.message) for d in diagnostics])


def alternate(choice: str, fallback: str) -> str:
    return f"<mc:AlternateContent><mc:Choice Requires=\"wps\">{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"


def test_alternate_content_reads_its_first_choice_else_its_fallback() -> None:
    """At block, paragraph and run level; a Fallback alone is read too."""
    body = (alternate(p(r("block chosen")), p(r("block fallback")))
            + p(r("runs "), alternate(r("chosen"), r("fallback")), r(" end"))
            + p("<mc:AlternateContent><mc:Fallback>" + r("only fallback") + "</mc:Fallback></mc:AlternateContent>")
            + p("<w:r>" + alternate('<w:t>in run</w:t>', '<w:t>not in run</w:t>') + "</w:r>"))
    lines, _, _ = word_lines(body)
    assert lines == ["block chosen", "runs chosen end", "only fallback", "in run"]


def sdt(inner: str) -> str:
    return f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def custom(inner: str) -> str:
    return f'<w:customXml w:element="e"><w:customXmlPr/>{inner}</w:customXml>'


def cell(text: str) -> str:
    return f"<w:tc>{p(r(text))}</w:tc>"


def test_content_controls_and_custom_xml_are_read_through_at_every_level() -> None:
    """Around rows, around several cells, inside a cell, around runs, nested in each other:
    every cell and every word is read (before, a row's content control kept its first cell)."""
    table = ("<w:tbl>"
             + sdt("<w:tr>" + cell("a1") + sdt(cell("a2") + cell("a3")) + "</w:tr>" + "<w:tr>" + cell("b1") + cell("b2") + "</w:tr>")
             + custom("<w:tr>" + custom(cell("c1")) + sdt(custom(sdt(cell("c2")))) + "</w:tr>")
             + "<w:tr><w:tc>" + sdt(p(r("d1"))) + custom(p(r("d1 more"))) + "</w:tc>"
             + "<w:tc>" + p(sdt(r("d2")), '<w:smartTag w:element="place">' + custom(r(" tagged")) + "</w:smartTag>") + "</w:tc></w:tr>"
             + "</w:tbl>")
    lines, _, _ = word_lines(sdt(custom(p(r("before")))) + table)
    assert lines == ["before", "a1\ta2\ta3", "b1\tb2", "c1\tc2", "d1 d1 more\td2 tagged"]


def box(*paragraphs: str) -> str:
    inner = "".join(paragraphs)
    return ("<w:r>" + alternate(f"<w:drawing><w:txbxContent>{inner}</w:txbxContent></w:drawing>",
                                f"<w:pict><w:txbxContent>{inner}</w:txbxContent></w:pict>") + "</w:r>")


def test_text_boxes_in_cells_and_notes_are_read_once() -> None:
    body = ("<w:tbl><w:tr><w:tc>" + p(r("cell"), box(p(r("boxed in cell")))) + "</w:tc>" + cell("next") + "</w:tr></w:tbl>"
            + p(r("body"), '<w:r><w:footnoteReference w:id="1"/></w:r>', box(p(r("boxed in body")))))
    notes = '<w:footnote w:id="1">' + p(r("note"), box(p(r("boxed in note")))) + "</w:footnote>"
    lines, texts, diagnostics = word_lines(body, notes)
    assert lines[0] == "cell boxed in cell\tnext" and lines[2] == "boxed in body"
    assert texts == {"1": "note boxed in note"}
    assert [(code, line) for code, line, _ in diagnostics] == [("text-box", 1), ("text-box", 2), ("text-box", 2)]


def test_ruby_keeps_its_base_and_hidden_text_is_left_out_and_reported() -> None:
    ruby = ('<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>kan</w:t></w:r></w:rt>'
            '<w:rubyBase><w:r><w:t>漢</w:t></w:r></w:rubyBase></w:ruby></w:r>')
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="0"/><w:specVanish/></w:rPr><w:t> shown</w:t></w:r>'
    deleted = '<w:del w:id="1" w:author="a"><w:r><w:rPr><w:vanish/></w:rPr><w:delText>gone</w:delText></w:r></w:del>'
    field = ('<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF x</w:instrText></w:r>'
             '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>' + r(" field")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    lines, _, diagnostics = word_lines(p(ruby, r(" ji")) + p(r("open"), hidden, shown, deleted, field))
    assert lines == ["漢 ji", "open shown field"]
    codes = {(code, line): message for code, line, message in diagnostics}
    assert "kan" in codes["ruby-omitted", 1] and "secretgone" in codes["hidden-text", 2]


def test_notes_twice_numbered_called_but_missing_or_never_called_are_reported() -> None:
    body = p(r("one"), '<w:r><w:footnoteReference w:id="1"/></w:r>', r(" two"), '<w:r><w:footnoteReference w:id="7"/></w:r>',
             r(" three"), '<w:r><w:endnoteReference w:id="1"/></w:r>')
    notes = ('<w:footnote w:id="1">' + p(r("first text")) + '</w:footnote><w:footnote w:id="1">' + p(r("second text"))
             + '</w:footnote><w:footnote w:id="2">' + p(r("never called")) + "</w:footnote>")
    lines, texts, diagnostics = word_lines(body, notes, '<w:endnote w:id="1">' + p(r("an endnote")) + "</w:endnote>")
    assert texts == {"1": "first text second text", "e1": "an endnote"}
    codes = {code: (line, message) for code, line, message in diagnostics}
    assert codes["footnote-duplicate"][0] == 1 and codes["footnote-missing"][0] == 1 and "note 7" in codes["footnote-missing"][1]
    assert "never called" in codes["footnote-unused"][1] and "word/footnotes.xml" in codes["footnote-unused"][1]


def test_a_document_cannot_forge_the_readers_marks() -> None:
    """Marks in text, in equations, in a note call's id, or made by a symbol: none reaches a line."""
    marks = "".join(chr(c) for c in range(0xE000, 0xE005))
    body = p(r(f"a{marks}b"), f"<m:oMath><m:r><m:t>x{marks}</m:t></m:r></m:oMath>",
             f'<w:r><w:footnoteReference w:id="1{marks}"/></w:r>', '<w:r><w:footnoteReference w:id=""/></w:r>',
             *(f'<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r>' for code in ("E000", "E004", "1D001", "F01B")))
    lines, texts, diagnostics = word_lines(body, '<w:footnote w:id="1">' + p(r("the note")) + "</w:footnote>")
    lost = "\ufffd" * 5
    assert lines == [f"a{lost}bx{lost}\ue0001\ue001\ue000?\ue001" + "\ufffd" * 4] and texts == {"1": "the note"}  # two calls: 1 and ?
    assert [code for code, _, _ in diagnostics].count("symbol-invalid") == 4
    assert [message[:2] for code, _, message in diagnostics if code == "private-character"] == ["10"]
    assert any(code == "footnote-missing" and "note ?" in message for code, _, message in diagnostics)


def test_content_embedded_from_another_file_is_reported() -> None:
    """`w:altChunk` imports another part (HTML, RTF, a document) that is not read: a warning
    where it stands, in the body or in a cell, instead of words vanishing."""
    chunk = '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/>'
    lines, _, diagnostics = word_lines(p(r("before")) + chunk + "<w:tbl><w:tr><w:tc>" + chunk + p(r("cell")) + "</w:tc></w:tr></w:tbl>")
    assert lines == ["before", "cell"]
    assert [(code, line) for code, line, _ in diagnostics] == [("altchunk-omitted", 1), ("altchunk-omitted", 2)]


def test_a_label_wholly_deleted_leaves_no_stray_parenthesis(tmp_path: Path) -> None:
    """`b)` deleted whole, its paragraph kept: the label is one deletion, so the text as proposed
    (deletions hidden) shows no `)`."""
    body = (p(r("MOD\tARB/2A1/1")) + HEAD.replace("901 (Kigali, 2022)", "902 (Kigali, 2022)") + p(r("a)\tfirst;"))
            + p('<w:del w:id="1" w:author="a"><w:r><w:delText>b)</w:delText></w:r></w:del>', r("\tto act;")))
    result = build([raw_docx(body, tmp_path)], tmp_path)
    clause = result.site.proposals[0].proposal.text.sections[0].blocks[1]
    assert (clause.change.old, clause.change.new, clause.change.printed) == ("b)", None, (("del", "b)"),))
    assert '<span class="clause-label"><del>b)</del></span> to act;' in result.pages["proposals/arb-2a1-1.md"]


def test_the_readers_private_marks_in_a_runs_text_are_replaced_and_reported() -> None:
    """U+E003 … U+E004 typed into a run would bracket a deletion: they show as U+FFFD instead."""
    lines, _, diagnostics = word_lines(p(r("keep \ue003these words\ue004 as they are")))
    assert lines == ["keep \ufffdthese words\ufffd as they are"]
    assert [(code, line) for code, line, _ in diagnostics] == [("private-character", 1)]


def test_symbol_font_characters_are_read_through_the_symbol_table() -> None:
    """`w:sym` in the Symbol font shows the glyph Adobe's Symbol encoding gives its code (shifted
    by F000 or not), never the code's own character (F0E3 is ©, not ã); other fonts' codes,
    and a Symbol code its table lacks, are read by the code and reported as before."""
    codes = ("F0E3", "F02D", "F0B0", "F0B1", "F0B4", "F0B8", "F0A3", "F0B3", "F0AE", "F0D7", "F061", "F057", "F0D2", "F0E6", "61")
    symbols = "".join(f'<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r>' for code in codes)
    others = '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:sym w:font="SYMBOL" w:char="F060"/></w:r>'
    lines, _, diagnostics = word_lines(p(symbols) + p(others))
    assert lines == ["©−°±×÷≤≥→⋅αΩ®⎛α", "ü`"]
    messages = [message for code, line, message in diagnostics if code == "symbol-read"]
    assert len(messages) == len(codes) + 2 and all("font's table" in m for m in messages[:len(codes)])
    assert all("by its code" in m for m in messages[len(codes):]) and "Wingdings 'F0FC'" in messages[-2]
