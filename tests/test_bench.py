"""The benchmark corpus: copies of the real corpus that stay consistent, so that scaling it
scales the site (distinct resolutions, proposals targeting them), not one page's lists."""

from __future__ import annotations

import sys
from pathlib import Path

from builder.pipeline import build, corpus_files
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


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


def test_navigation_lists_index_pages_only_and_lists_are_split(tmp_path: Path) -> None:
    """At any size, the navigation every page carries is the same few index pages, and a body's
    list of resolutions is split into pages of at most LIST_SIZE, each reached from the body's index."""
    from builder.render import LIST_SIZE

    generate(600, tmp_path / "corpus")
    built = build(corpus_files(tmp_path / "corpus"), tmp_path)

    def sources(nav) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, dict):
            return [s for value in nav.values() for s in sources(value)]
        return [s for item in nav for s in sources(item)]

    in_nav = sources(built.nav)
    documents = {r.src for r in built.site.resolutions} | {p.src for p in built.site.proposals}
    assert not documents & set(in_nav)
    lists = [s for s in in_nav if "/list-" in s]
    assert lists and len(in_nav) < 40
    for body in {r.body for r in built.site.resolutions}:
        resolutions = [r for r in built.site.resolutions if r.body == body]
        parts = [s for s in lists if s.startswith(f"{body}/")]
        if len(resolutions) <= LIST_SIZE:
            assert not parts
            continue
        listed = [line for s in parts for line in built.pages[s].splitlines() if line.startswith("| [Res.") or line.startswith("| [Dec.")]
        assert len(listed) == len(resolutions) and all(built.pages[s].count("\n| [") <= LIST_SIZE for s in parts)
        assert all(f"(list-{s.split('/list-')[1]})" in built.pages[f"{body}/index.md"] for s in parts)
        for r in resolutions:  # each says where it is: its body and its list page
            crumbs = built.pages[r.src].split("\n# ", 1)[0]
            assert '<nav class="crumbs"' in crumbs and "(index.md)" in crumbs and "(list-" in crumbs, r.src
