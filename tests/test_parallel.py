"""Work shared among worker processes (builder/parallel.py) gives what the same work done in the
builder's own process gives, in the same order. The checks that need workers run in a fresh
interpreter: in the test session other tests' threads (servers, browsers) may still run, and
then the work stays in-process, as it must."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from builder import parallel
from conftest import ROOT

needs_cores = pytest.mark.skipif(parallel.cores() < 2, reason="one core: nothing is shared")


def in_fresh_python(code: str, tmp_path: Path) -> None:
    script = tmp_path / "check.py"
    script.write_text(code, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}"})
    assert run.returncode == 0, run.stderr[-3000:]


@needs_cores
def test_each_runs_in_workers_in_order_sharing_what_the_job_holds(tmp_path: Path) -> None:
    in_fresh_python("""
import os, threading
from builder import parallel
held = threading.Lock()  # a job may hold what cannot be pickled: a fork shares it
results = list(parallel.each(lambda n: (n * n, os.getpid(), held is not None), range(200)))
assert [r[0] for r in results] == [n * n for n in range(200)] and all(r[2] for r in results)
assert os.getpid() not in {r[1] for r in results}, "not run in workers"
""", tmp_path)


@needs_cores
def test_each_batch_has_workers_of_its_own(tmp_path: Path) -> None:
    """A worker copies what it reads of the builder's memory: each batch of BATCH items gets
    new workers, so that what they copy stays proportional to a batch."""
    in_fresh_python("""
import os
from builder import parallel
parallel.BATCH = 50
results = list(parallel.each(lambda n: (n, os.getpid()), range(200)))
assert [n for n, _ in results] == list(range(200))
workers = [{pid for _, pid in results[k:k + 50]} for k in range(0, 200, 50)]
assert all(not (a & b) for i, a in enumerate(workers) for b in workers[i + 1:]), "a worker outlived its batch"
""", tmp_path)


def test_each_stays_in_this_process_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for pid in parallel.each(lambda n: os.getpid(), range(200))} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


@needs_cores
def test_a_build_in_workers_is_the_build_in_one_process(tmp_path: Path) -> None:
    in_fresh_python(f"""
import threading
from pathlib import Path
from builder import parallel
from builder.exports import exports
from builder.pipeline import build, corpus_files
from builder.readers import source_name
from generate import generate

tmp = Path({str(tmp_path)!r})
generate(60, tmp / "corpus")
files = corpus_files(tmp / "corpus")
assert threading.active_count() == 1  # nothing keeps the work in this process: pages and exports go to workers

def built():
    result = build(files, tmp)
    data = list(exports(result.site, {{source_name(p, tmp): p for p in files}}))
    return result.pages, result.nav, result.written, result.meta, [str(d) for d in result.diagnostics], data

shared = built()
parallel.cores = lambda: 1
assert built() == shared
""", tmp_path)
