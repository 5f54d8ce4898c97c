"""Work shared among worker processes (builder/parallel.py) gives what the same work done in the
builder's own process gives, in the same order."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from builder import parallel
from builder.exports import exports
from builder.pipeline import build, corpus_files
from builder.readers import source_name
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_each_runs_in_workers_in_order_sharing_what_the_job_holds() -> None:
    held = threading.Lock()  # a job may hold what cannot be pickled: a fork shares it
    results = list(parallel.each(lambda n: (n * n, os.getpid(), held is not None), range(200)))
    assert [r[0] for r in results] == [n * n for n in range(200)] and all(r[2] for r in results)
    if parallel.cores() >= 2:
        assert os.getpid() not in {r[1] for r in results}


def test_each_stays_in_this_process_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for pid in parallel.each(lambda n: os.getpid(), range(200))} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(parallel.cores() < 2, reason="one core: nothing is shared")
def test_a_build_in_workers_is_the_build_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(60, tmp_path / "corpus")
    files = corpus_files(tmp_path / "corpus")

    def built() -> tuple:
        result = build(files, tmp_path)
        data = list(exports(result.site, {source_name(p, tmp_path): p for p in files}))
        return result.pages, result.nav, result.written, result.meta, [str(d) for d in result.diagnostics], data

    shared = built()
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert built() == shared
