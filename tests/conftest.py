"""Shared fixtures: the whole corpus read once, the real site built once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builder.pipeline import corpus_files

ROOT = Path(__file__).resolve().parents[1]
pytest_plugins = ["browsing"]
"""The browser tests' sites, browser and pages (tests/browsing.py)."""
CORPUS = ROOT / "corpus"
_FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_CORPORA = {
    "word": sorted((_FIXTURES / "word").glob("*.docx")) + sorted((_FIXTURES / "word" / "corpus").glob("*.docx")),
    "revisions": corpus_files(CORPUS) + sorted((_FIXTURES / "revisions").glob("*.txt")),
    "competing": sorted((_FIXTURES / "competing").glob("*.docx")) + sorted((_FIXTURES / "competing").glob("*.txt")),
    "bodies": sorted((_FIXTURES / "bodies").glob("*.txt")),
}
"""The fixture corpora beside the real one: Word documents (exact insertions and deletions),
earlier revisions, competing proposals, other bodies' texts (WRC, RA, Council)."""


PP18 = ROOT.parent / "shared" / "collections" / "pp-18"
"""The PP-18 Final Acts, read where they are (never copied into the repository)."""


@pytest.fixture(scope="session")
def with_pp18():
    """The corpus built with the PP-18 Final Acts beside it; skipped where `../shared/` lacks them."""
    if not PP18.is_dir():
        pytest.skip("the PP-18 collection is not here (../shared/collections/pp-18)")
    from builder.pipeline import build, naming_roots
    folders = [CORPUS, PP18]
    return build(corpus_files(*folders), naming_roots(folders, ROOT))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true",
        help="rewrite the expected outputs of fixture tests from the current code (then review the diff)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def site_official_patterns() -> dict:
    """The official documents' address patterns mkdocs.yml sets, as the plugin hands them to the builder."""
    from mkdocs.config import load_config

    from builder.link.official import official_patterns

    return official_patterns(load_config(str(ROOT / "mkdocs.yml")).plugins["itu-resolutions"].config.official_documents)


@pytest.fixture(scope="session")
def corpus_build():
    """The corpus built as `make site` builds it (with mkdocs.yml's official-document patterns)."""
    from builder.pipeline import build, corpus_files

    return build(corpus_files(CORPUS), ROOT, official=site_official_patterns())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict` of the real corpus, as `make site` runs it; fails on any warning."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []
    # the notes are one line, counted by code (`make check` lists them): they cannot drown a warning
    assert ": info: " not in run.stderr and re.search(r"INFO +- +\d+ notes: citation-not-covered \d+", run.stderr), run.stderr
    return out
