"""The benchmark corpus: copies of the real corpus that stay consistent, so that scaling it
scales the site (distinct resolutions, proposals targeting them), not one page's lists."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from builder.pipeline import build, corpus_files
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import BODIES, documents_in, generate, renumber  # noqa: E402


def test_copies_make_distinct_pages(tmp_path: Path) -> None:
    one = build(corpus_files(CORPUS), ROOT)
    documents = generate(2 * len(one.site.proposals) + 100, tmp_path / "corpus")
    copies = build(corpus_files(tmp_path / "corpus"), tmp_path)
    assert documents >= 2 * len(one.site.proposals)
    codes = {d.code for d in copies.diagnostics}
    assert not codes & {"duplicate-resolution", "duplicate-proposal", "split-contribution"}, codes
    assert not copies.site.unplaced
    with_text = [r.id for r in copies.site.resolutions if r.text]
    assert len(with_text) >= 2 * len([r for r in one.site.resolutions if r.text])
    assert "wtdc-res-1071" in with_text and "wtsa-res-1074" in with_text
    # each copy's proposals amend that copy's resolutions, as the original's amend the original's
    targets = {p.target_id for p in copies.site.proposals if p.target_id}
    assert len(targets) >= 2 * len({p.target_id for p in one.site.proposals if p.target_id})
    # every copy holds a WRC, an RA and a Council text of its own, read for its body and placed
    made = len(list((tmp_path / "corpus").glob("*-wrc-res-1.txt")))
    for body in ("wrc", "ra", "council"):
        assert len([r for r in copies.site.resolutions if r.body == body and r.text]) == made >= 3, body
    assert {"wrc-res-1001", "ra-res-1001", "council-res-2332"} <= set(with_text)
    assert not [d for d in copies.diagnostics if d.severity != "info" and any(p.name in str(d.span) for p in BODIES)]


def test_other_bodies_copies_keep_their_series() -> None:
    """RA numbers its resolutions in a series of its own (`ITU-R 1-8`: resolution 1, eighth
    revision): a copy shifts a text's own number only where it is named in that text's series, as
    the corpus's `Resolution ITU-R 48` must stay RA's 48 where the copy shifts PP Resolution 48."""
    ra = "RESOLUTION ITU-R 1-8\nsee Resolution ITU-R 1 and Resolution 1 (Rev.WRC-97)\n"
    assert renumber(ra, 2) == "RESOLUTION ITU-R 2001-8\nsee Resolution ITU-R 2001 and Resolution 1 (Rev.WRC-97)\n"
    wrc = "RESOLUTION 27 (REV.WRC-19)\nsee Resolution 27 (Rev.WRC-19) and Resolution ITU-R 27\n"
    assert renumber(wrc, 1) == "RESOLUTION 1027 (REV.WRC-19)\nsee Resolution 1027 (Rev.WRC-19) and Resolution ITU-R 27\n"
    assert [documents_in(path.read_text(encoding="utf-8")) for path in BODIES] == [1, 1, 1]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """The site of 600 generated documents, built once (Markdown and navigation, no MkDocs)."""
    folder = tmp_path_factory.mktemp("generated")
    generate(600, folder / "corpus")
    return build(corpus_files(folder / "corpus"), folder)


def test_navigation_lists_index_pages_only_and_lists_are_split(generated) -> None:
    """At any size, the navigation every page carries is the same few index pages, and a body's
    list of resolutions is split into pages of at most LIST_SIZE, each reached from the body's
    index (and not from the navigation, where their number would grow with the body's)."""
    from builder.render import LIST_SIZE

    built = generated

    def sources(nav) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, dict):
            return [s for value in nav.values() for s in sources(value)]
        return [s for item in nav for s in sources(item)]

    in_nav = sources(built.nav)
    documents = {r.src for r in built.site.resolutions} | {p.src for p in built.site.proposals}
    assert not documents & set(in_nav)
    assert not [s for s in in_nav if "/list-" in s] and len(in_nav) < 25  # a body's list pages grow with it
    lists = [s for s in built.pages if "/list-" in s]
    assert lists
    for body in {r.body for r in built.site.resolutions}:
        resolutions = [r for r in built.site.resolutions if r.body == body]
        parts = [s for s in lists if s.startswith(f"{body}/")]
        if len(resolutions) <= LIST_SIZE:
            assert not parts
            continue
        listed = [row for s in parts for row in re.findall(r"<tr><td><a [^>]*>(?:Res|Dec)\.", built.pages[s])]
        assert len(listed) == len(resolutions) and all(built.pages[s].count("<tr><td>") <= LIST_SIZE for s in parts)
        assert all(f"(list-{s.split('/list-')[1]})" in built.pages[f"{body}/index.md"] for s in parts)
        for r in resolutions:  # each says where it is: its body and its list page
            crumbs = built.pages[r.src].split("\n# ", 1)[0]
            assert '<nav class="crumbs"' in crumbs and 'href="../"' in crumbs and 'href="../list-' in crumbs, r.src


def _split_pages(pages: dict[str, str]) -> dict[str, str]:
    """The pages that list references and proposals by source or action, but not their indexes."""
    return {src: md for src, md in pages.items() if src.startswith(("references/", "proposals/by-source/", "proposals/by-action/"))}


def test_split_indexes_list_everything_once(generated) -> None:
    """Every reference entry is on one page of references, under its key; every proposal on one
    page by source and one by action; each index links all its parts."""
    site, pages = generated.site, generated.pages
    anchors = Counter(a for src in pages if src.startswith("references/") for a in re.findall(r"\{: #([^ ]+) \}", pages[src]))
    assert all(anchors[e.key] == 1 and f"{{: #{e.key} }}" in pages[e.src] for e in site.references)
    assert len({p.src for p in site.reference_pages}) > len({p.kind for p in site.reference_pages})  # some kind is split
    for index, folder in (("proposals/by-source.md", "proposals/by-source/"), ("proposals/by-action.md", "proposals/by-action/")):
        lists = {src: md for src, md in pages.items() if src.startswith(folder) and src.count("/") == 3}
        listed = Counter(link for md in lists.values() for link in re.findall(r'<tr><td><span[^<]*</span></td><td><a href="\.\./\.\./\.\./([^"]+)/">', md))
        assert sorted(listed) == sorted(p.src.removeprefix("proposals/").removesuffix(".md") for p in site.proposals) and set(listed.values()) == {1}
        assert all(f"({src.removeprefix('proposals/')})" in pages[index] for src in lists)


def test_split_pages_are_bounded(generated, tmp_path: Path, monkeypatch) -> None:
    """Each page of references holds at most REFERENCES_PER_PAGE entries and citing clauses unless
    it holds one number only, each page of proposals at most PROPOSALS_PER_PAGE; so with small
    limits, the largest page at 300 documents is about that at 150, while their total grows with
    the collection (which about doubles: the generator stops at the first file past N)."""
    import builder.link.references as references
    import builder.render.lists as lists
    from builder.link.references import series, weight

    def check(site, pages) -> int:
        for page in site.reference_pages:
            if len({series(e.key)[1] for e in page.entries}) > 1:
                assert sum(weight(e) for e in page.entries) <= references.REFERENCES_PER_PAGE, page.src
        for src, md in _split_pages(pages).items():
            assert md.count("\n| <span") <= lists.PROPOSALS_PER_PAGE, src
        return max(len(md) for md in _split_pages(pages).values())

    assert check(generated.site, generated.pages) < 200_000  # the limit is 1 MB, at 10,000 documents
    monkeypatch.setattr(references, "REFERENCES_PER_PAGE", 60)
    monkeypatch.setattr(lists, "PROPOSALS_PER_PAGE", 20)
    made, largest, total = [], [], []
    for documents in (150, 300):
        made.append(generate(documents, tmp_path / str(documents)))
        built = build(corpus_files(tmp_path / str(documents)), tmp_path)
        bounded = {p.src for p in built.site.reference_pages if len({series(e.key)[1] for e in p.entries}) == 1}
        largest.append(check(built.site, {s: md for s, md in built.pages.items() if s not in bounded}))
        total.append(sum(len(md) for md in _split_pages(built.pages).values()))
    assert total[1] / total[0] > 0.9 * made[1] / made[0] and largest[1] < 1.3 * largest[0]
