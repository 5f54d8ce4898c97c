"""Issue 27, collections: one build reads the corpus and any number of collections (`ITU_CORPUS`
naming several folders, as PATH does), each file named from its project or its collection's
folder, never by where it lies on the machine. The PP-18 Final Acts are read from `../shared/`
where they are, never copied into the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.pipeline import build, corpus_files, corpus_folders, naming_roots
from builder.readers import source_name
from conftest import PP18, ROOT

def test_itu_corpus_names_several_folders(tmp_path: Path) -> None:
    collection = tmp_path / "collections" / "pp-18"
    folders = corpus_folders(os.pathsep.join(("corpus", str(collection))), ROOT)
    assert folders == [Path("corpus").resolve(), collection.resolve()]
    assert corpus_folders(None, ROOT) == [(ROOT / "corpus").resolve()]
    assert corpus_folders(f"corpus{os.pathsep}", ROOT) == [Path("corpus").resolve()]  # an empty entry is none


def test_a_collection_outside_the_project_is_named_by_its_folder(tmp_path: Path) -> None:
    collection = tmp_path / "collections" / "pp-18"
    roots = naming_roots([ROOT / "corpus", collection], ROOT)
    assert source_name(ROOT / "corpus" / "acp-64a1.txt", roots) == "corpus/acp-64a1.txt"
    assert source_name(collection / "pp-res-71.txt", roots) == "pp-18/pp-res-71.txt"


def test_every_pp18_text_has_its_page_revision_and_citations(with_pp18) -> None:
    """Resolution 71 with its real title (its page was a stub titled from run-together words of a
    proposal), every text of the Final Acts with its revision page, and texts citing each other."""
    site = with_pp18.site
    held = [r for r in site.resolutions if r.text and r.text.body == "pp" and r.text.revision
            and (r.text.revision.venue, r.text.revision.year) == ("Dubai", 2018)]
    assert len(held) == 63, len(held)
    assert with_pp18.meta["pp/res-71.md"].title.startswith("PP Resolution 71 (Rev. Dubai, 2018): Strategic plan for the Union")
    assert all(f"{r.src.removesuffix('.md')}/dubai-2018.md" in with_pp18.pages for r in held)
    assert sum(1 for r in held if any(c.page_id.startswith("pp-") for c in r.cited_by)) >= 30
    assert "pp-18/pp-res-71.txt" in with_pp18.pages["pp/res-71.md"]
    assert str(PP18) not in "".join(with_pp18.pages.values())  # no path of this machine on a page
    assert not [d for d in with_pp18.diagnostics if d.severity == "error"]
