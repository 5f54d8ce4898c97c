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
