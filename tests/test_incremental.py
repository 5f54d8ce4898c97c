"""Rebuilds: only changed pages are rewritten, and two builds give the same bytes."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

from builder.exports import exports
from builder.pipeline import Memory, build, corpus_files, write_pages
from builder.readers import source_name
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_only_changed_pages_are_rewritten(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "pages"
    first = build(corpus_files(corpus), tmp_path)
    assert write_pages(first.pages, out) == len(first.pages)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    for p in stamps:
        os.utime(p, ns=(1, 1))  # make any rewrite visible
    edited = corpus / "wtsa-res-74.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("to support initiatives", "to support all initiatives"),
                      encoding="utf-8")
    second = build(corpus_files(corpus), tmp_path)
    written = write_pages(second.pages, out)
    changed = {p.relative_to(out).as_posix() for p in out.rglob("*.md") if p.stat().st_mtime_ns != 1}
    assert changed == {"wtsa/res-74.md", "wtsa/res-74/new-delhi-2024.md"} and written == 2  # the text and its revision
    assert "to support all initiatives" in (out / "wtsa/res-74.md").read_text(encoding="utf-8")


def test_a_rebuild_gives_what_a_fresh_build_gives(tmp_path: Path) -> None:
    """Rebuilds reuse what was read and rendered before (builder.pipeline, builder.render): an
    edit that changes other pages (a citation gone: the cited page loses a "cited by" entry)
    must change them as a build from scratch would."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    memory = Memory()
    first = build(corpus_files(corpus), tmp_path, memory=memory)
    exported = dict(exports(first.site, sources(corpus), memory.exports))
    edited = corpus / "wtsa-res-74.txt"
    text = edited.read_text(encoding="utf-8")
    assert "Resolution\u00a0123 (Rev" in text
    edited.write_text(text.replace("Resolution\u00a0123 (Rev", "Resolutiom\u00a0123 (Rev"), encoding="utf-8")
    rebuilt = build(corpus_files(corpus), tmp_path, memory=memory)
    assert len(memory.files) == len(corpus_files(corpus))  # the edited file's earlier reading let go
    fresh = build(corpus_files(corpus), tmp_path)
    assert rebuilt.pages == fresh.pages and rebuilt.nav == fresh.nav
    changed = {src for src in fresh.pages if fresh.pages[src] != first.pages.get(src)}
    assert "wtsa/res-74.md" in changed and "pp/res-123.md" in changed
    re_exported = dict(exports(rebuilt.site, sources(corpus), memory.exports))
    assert re_exported == dict(exports(fresh.site, sources(corpus)))  # kept exports: as a fresh build's
    moved = {path for path, data in re_exported.items() if exported.get(path) != data}
    assert {"wtsa/res-74.json.gz", "pp/res-123.json.gz", "sources/corpus/wtsa-res-74.txt.gz"} <= moved


def sources(corpus: Path) -> dict[str, Path]:
    return {source_name(p, corpus.parent): p for p in corpus_files(corpus)}


def test_two_builds_give_the_same_markdown() -> None:
    first = build(corpus_files(CORPUS), ROOT)
    second = build(corpus_files(CORPUS), ROOT)  # no memory: read and render everything again
    assert first.pages == second.pages and first.nav == second.nav


def test_two_site_builds_give_the_same_bytes(built_site: Path, tmp_path: Path) -> None:
    """Everything, the gzip-compressed exports included, but the sitemap, where MkDocs stamps the build date (`<lastmod>`, and the
    gzip header of sitemap.xml.gz), and Pagefind's filter files and the two files that name
    them, which it writes in no fixed order (its page fragments and index chunks are the same;
    Pagefind/pagefind#638: fragments were made stable upstream in 1.3, the filter indexes not)."""
    again = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(again)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    def unordered(path: Path) -> bool:  # in the first part of the index or another (`pagefind/part-2/filter/…`)
        return path.parts[0] == "pagefind" and ("filter" in path.parts or path.suffix == ".pf_meta"
                                                  or path.name == "pagefind-entry.json")

    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file() and not unordered(p.relative_to(built_site)))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file() and not unordered(p.relative_to(again)))
    assert any(f.parts[0] == "pagefind" for f in files)
    assert any(f.name.endswith(".json.gz") for f in files) and Path("data/itu-resolutions.json.gz") in files  # the exports
    stamped = {Path("sitemap.xml"), Path("sitemap.xml.gz")}
    differ = [f for f in files if f not in stamped and not filecmp.cmp(built_site / f, again / f, shallow=False)]
    assert differ == []


CITED = ("RESOLUTION 9001 (Kigali, 2022)\nA text cited\nThe World Telecommunication Development Conference (Kigali, 2022),\n"
         "resolves\n1\tto do one thing;\n2\tto do another thing.\n")
CITING = ("RESOLUTION 9002 (Kigali, 2022)\nA text citing\nThe World Telecommunication Development Conference (Kigali, 2022),\n"
          "resolves\n1\tto apply resolves 2 of Resolution 9001 (Kigali, 2022);\n")


def test_rebuilds_after_each_edit_give_what_fresh_builds_give(tmp_path: Path) -> None:
    """What `mkdocs serve` keeps (pipeline.Memory) is given back only where nothing it depends
    on changed, in any file: after each edit of a series, the rebuild's pages, navigation,
    diagnostics and exports are a fresh build's. The edits: a word; the clause another text
    cites removed (the citing text, unchanged, links to the resolution now, with a warning);
    the cited resolution renumbered (it cites a page without text); the file removed; the file
    back as it was. Among 150 generated documents, with earlier revisions."""
    corpus = tmp_path / "corpus"
    generate(150, corpus, revisions=True)
    cited, citing = corpus / "wtdc-res-9001.txt", corpus / "wtdc-res-9002.txt"
    cited.write_text(CITED, encoding="utf-8")
    citing.write_text(CITING, encoding="utf-8")
    memory = Memory()
    first = build(corpus_files(corpus), tmp_path, memory=memory)
    dict(exports(first.site, sources(corpus), memory.exports))
    word = next(p for p in sorted(corpus.glob("*.txt")) if "to support initiatives" in p.read_text(encoding="utf-8"))
    edits = [
        ("a word", lambda: word.write_text(word.read_text(encoding="utf-8").replace(
            "to support initiatives", "to support zanzibar initiatives"), encoding="utf-8")),
        ("a cited clause removed", lambda: cited.write_text(CITED.replace("2\tto do another thing.\n", ""), encoding="utf-8")),
        ("the cited text renumbered", lambda: cited.write_text(CITED.replace("9001", "9901"), encoding="utf-8")),
        ("its file removed", cited.unlink),
        ("its file back", lambda: cited.write_text(CITED, encoding="utf-8")),
    ]
    for name, edit in edits:
        edit()
        paths = corpus_files(corpus)
        rebuilt, fresh = build(paths, tmp_path, memory=memory), build(paths, tmp_path)
        assert rebuilt.pages == fresh.pages and rebuilt.nav == fresh.nav, name
        assert rebuilt.written == fresh.written and rebuilt.meta == fresh.meta, name
        assert list(map(str, rebuilt.diagnostics)) == list(map(str, fresh.diagnostics)), name
        assert dict(exports(rebuilt.site, sources(corpus), memory.exports)) == dict(exports(fresh.site, sources(corpus))), name
        if name == "a cited clause removed":
            assert any(d.code == "citation-clause-missing" for d in rebuilt.diagnostics)
    assert any("zanzibar" in markdown for markdown in rebuilt.pages.values())


def test_an_edited_template_has_every_page_rendered_again(monkeypatch) -> None:
    """Under `mkdocs serve` an unchanged page keeps its last render, unless a template changed
    (`make serve` rebuilds on an edit to `templates/`)."""
    import builder.parallel
    import builder.render as render
    monkeypatch.setattr(builder.parallel, "cores", lambda: 1)  # rendered here, where they are counted
    rendered: list[str] = []
    real = render.Renderer._render

    def counted(self, template, src, **context):
        rendered.append(src)
        return real(self, template, src, **context)

    monkeypatch.setattr(render.Renderer, "_render", counted)
    memory = Memory()
    first = build(corpus_files(CORPUS), ROOT, memory=memory)
    build(corpus_files(CORPUS), ROOT, memory=memory)
    assert len(rendered) == len(first.pages)  # the second build rendered nothing again
    monkeypatch.setattr(render, "templates_stamp", lambda: (("resolution.md.j2", 1),))
    again = build(corpus_files(CORPUS), ROOT, memory=memory)
    assert len(rendered) == 2 * len(first.pages) and again.pages == first.pages


SHARED_NOTE = ("RESOLUTION 9001 (Kigali, 2022)\nFirst text\nThe World Telecommunication Development Conference (Kigali, 2022),\n"
               "resolves\n1\tto do one thing{call};\n"
               "RESOLUTION 9002 (Kigali, 2022)\nSecond text\nThe World Telecommunication Development Conference (Kigali, 2022),\n"
               "resolves\n1\tto do {word} thing[footnoteRef:1]; [1: 1\tSee No. 5.266 for details.]\n")


def test_a_note_reported_once_for_two_pages_stays_once_after_edits(tmp_path: Path) -> None:
    """A footnote two texts call is relinked with each page, and what it names without an
    instrument reported once: still once, after the first text stops calling it, or after the
    second is edited and the first kept as it was (a reviewer's two cases)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for edits in ([("[footnoteRef:1]", "another"), ("", "another")], [("[footnoteRef:1]", "another"), ("[footnoteRef:1]", "a second")]):
        memory = Memory()
        for call, word in edits:
            (corpus / "wtdc-res-9001.txt").write_text(SHARED_NOTE.format(call=call, word=word), encoding="utf-8")
            rebuilt, fresh = build(corpus_files(corpus), tmp_path, memory=memory), build(corpus_files(corpus), tmp_path)
            assert list(map(str, rebuilt.diagnostics)) == list(map(str, fresh.diagnostics)), (call, word)
            assert sum(d.code == "citation-no-instrument" for d in fresh.diagnostics) == 1
