"""Anchors are citations: every anchor the corpus publishes is pinned in a golden file, so a
change that renames one shows up as a diff to review (`pytest --update-golden`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.dump import dump
from test_corpus import anchor_list

GOLDEN = Path(__file__).parent / "fixtures" / "corpus-anchors.json"


def test_published_anchors_do_not_change(corpus_build, update_golden: bool) -> None:
    actual = {d["url"]: anchor_list(d) for d in dump(corpus_build.site)["documents"] if d["sections"]}
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(actual, indent=1) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{GOLDEN.name} did not exist and was written: review it and run again")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    removed = {url: sorted(set(a) - set(actual.get(url, []))) for url, a in expected.items()}
    assert not {url: a for url, a in removed.items() if a}, "published anchors disappeared"
    assert actual == expected
