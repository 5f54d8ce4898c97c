"""Benchmark: `python bench/run.py --documents N` prints one JSON line.

The site is N generated documents (bench/generate.py) and, where `../shared/` holds it, the PP-18
collection beside them, read where it is (collection_documents: its texts; pages and times
include them).

builder_s is read + link + render + writing the Markdown (the builder's own cost); exports_s is
making the JSON, Akoma Ntoso and source files published beside the pages, gzip-compressed (inside
total_s too), and exports_bytes their size as published; mkdocs_s is `mkdocs build` of the same
corpus less the builder's share inside it (Pagefind's indexing included); total_s is both.
builder_ms_per_document is the builder's and the exports' time a document (issue 29: at most 5 at
2,000). With `--twin`, the site's plain twin (bench/twin.py) is built too: twin_total_s its
`mkdocs build` and Pagefind's indexing, twin_ratio total_s over it (issue 29: at most 1.3).
Where Chromium is installed, search is timed too (bench/search.py): the bytes one query loads
and the seconds to its first results, online over HTTP and in the offline bundle from file://.
offline_bundle_bytes is the size of the offline bundle's zip as `make offline` makes it (built
outside total_s), which the home page offers for download. site_peak_rss_mb is the largest
peak memory of any one process of the site's `mkdocs build`, mkdocs_peak_rss_mb and pagefind_peak_rss_mb its two
kinds of process' own (sampled: which one sets it), and together_peak_mb the most all of them held at once (what
`make site` needs; issue 29: at most 3 GB at 10,000), counting memory that forked workers share with the
builder once (the sum of their proportional set sizes); peak_rss_mb the largest of any process the bench ran. nav_bytes is
the most navigation (tabs and primary sidebar) a page carries, over a sample of pages.

`--revisions`, `--docx` and `--outcomes` time one part of the builder instead (their docstrings
below); `--outcomes` needs `../shared/collections/pp-18`."""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import search  # noqa: E402
from generate import ROOT, generate  # noqa: E402
from twin import build_twin, twin_site  # noqa: E402

from builder import collector  # noqa: E402
from builder.bundle import bundle  # noqa: E402
from builder.exports import exports  # noqa: E402
from builder.ir import Clause  # noqa: E402
from builder.pipeline import build, corpus_files, naming_roots, write_pages  # noqa: E402
from builder.readers import source_name  # noqa: E402


PP18 = ROOT.parent / "shared" / "collections" / "pp-18"
"""The PP-18 Final Acts, built beside the generated corpus where they are (never copied)."""
TARGETS = {
    "builder_ms_per_document": "<= 5 at 2,000", "twin_ratio": "<= 1.3 at 2,000", "together_peak_mb": "<= 3072 at 10,000",
    "total_s": "<= 300 at 10,000", "site_bytes": "<= 800,000,000 at 10,000", "search_query_bytes": "<= 270,000 at 10,000",
}
"""Issue 29's targets, printed beside the figures (bench/serve.py prints its own)."""
QUERY = "Resolution 68"
"""What the search timings type: a citation delegates search for."""


def clauses(site) -> int:
    def count(blocks) -> int:
        return sum(1 + count(b.children) for b in blocks if isinstance(b, Clause))

    texts = [r.text for r in site.resolutions if r.text] + [p.proposal.text for p in site.proposals if p.proposal.text]
    return sum(count(s.blocks) for t in texts for s in t.sections)


def navigation_bytes(page: Path) -> int:
    """The bytes of navigation a page carries: the header's tabs and the primary sidebar."""
    html = page.read_text(encoding="utf-8")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S)
    start = html.find('<div class="md-sidebar md-sidebar--primary"')
    end = html.find('<div class="md-sidebar md-sidebar--secondary"')
    sidebar = html[start:end] if 0 <= start < end else ""
    return len((tabs[0] if tabs else "").encode()) + len(sidebar.encode())


def peak_rss(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, int]:
    """Run a command; the peak memory (KB) of each of its processes by name, the command's own as
    `mkdocs`, and the most all held at once as `together` (proportional set sizes: a page that
    forked processes share counts once), sampled from /proc every 0.2 s (Linux)."""
    process = subprocess.Popen(command, cwd=cwd, env=env)
    peaks: dict[str, int] = {}

    def rss(pid: int) -> tuple[str, int, int, list[int]]:
        status = Path(f"/proc/{pid}/status").read_text()
        name = re.search(r"^Name:\s*(\S+)", status, re.M)[1]
        kb = int(found[1]) if (found := re.search(r"^VmRSS:\s*(\d+)", status, re.M)) else 0
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        try:
            pss = int(re.search(r"^Pss:\s*(\d+)", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.M)[1])
        except (OSError, TypeError):  # a kernel without smaps_rollup (before 4.14): shared pages count twice
            pss = kb
        return name, kb, pss, [int(c) for c in children]

    while process.poll() is None:
        todo, together = [process.pid], 0
        while todo:
            try:
                name, kb, pss, children = rss(todo.pop())
            except (OSError, TypeError):
                continue  # ended between two reads
            name = "mkdocs" if name.startswith("python") else name
            peaks[name] = max(peaks.get(name, 0), kb)
            together += pss
            todo += children
        peaks["together"] = max(peaks.get("together", 0), together)
        time.sleep(0.2)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return peaks


def word_against_text(rounds: int = 5) -> dict:
    """Reading each corpus document as .docx (tests/fixtures/word/corpus) against reading its
    text export, in this one process: the best of `rounds` readings of each, per document."""
    from builder.diagnostics import Diagnostics
    from builder.readers import read_file

    def best(path: Path) -> float:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            read_file(path, Diagnostics(), ROOT)
            times.append(time.perf_counter() - started)
        return min(times)

    pairs = [(t, ROOT / "tests" / "fixtures" / "word" / "corpus" / f"{t.stem}.docx") for t in sorted((ROOT / "corpus").glob("*.txt"))]
    per = {t.stem: (best(t), best(w)) for t, w in pairs}
    text_s, word_s = sum(a for a, _ in per.values()), sum(b for _, b in per.values())
    return {
        "documents": len(per),
        "text_read_ms": round(1000 * text_s, 1),
        "docx_read_ms": round(1000 * word_s, 1),
        "docx_over_text": round(word_s / text_s, 2),
        "worst_document": max(((round(b / a, 2), stem) for stem, (a, b) in per.items())),
    }


def with_revisions(documents: int) -> dict:
    """The builder's time per document on N documents without and with earlier revisions of part
    of the resolutions (bench/generate.py), in this one process, the order alternated."""
    times: dict[bool, list[float]] = {False: [], True: []}
    counts: dict[bool, int] = {}
    comparisons = 0
    with tempfile.TemporaryDirectory() as tmp:
        for revisions in (False, True):
            counts[revisions] = generate(documents, Path(tmp) / str(revisions), revisions=revisions)
        for revisions in (False, True, True, False):
            corpus = Path(tmp) / str(revisions)
            started = time.perf_counter()
            result = build(corpus_files(corpus), corpus)
            times[revisions].append(time.perf_counter() - started)
            comparisons = max(comparisons, len(result.site.comparisons))
    per = {r: 1000 * min(t) / counts[r] for r, t in times.items()}
    return {
        "documents": counts,
        "revision_comparisons": comparisons,
        "ms_per_document_without": round(per[False], 2),
        "ms_per_document_with": round(per[True], 2),
        "growth": round(per[True] / per[False], 3),
    }


def with_outcomes(documents: int) -> dict:
    """The builder's time on N documents holding copies of the PP-18 Final Acts beside copies of
    the corpus (so that each copy of ACP/64A1 has its outcomes), with and without what outcomes
    add (the outcomes, the inferred changes, the conference pages), in this one process, the
    order alternated."""
    if not PP18.is_dir():
        return {"skipped": "the PP-18 collection is not in ../shared/collections/pp-18"}
    from builder.link import site as linking

    kept = (linking.outcome, linking.infer_changes, linking.conference_pages)
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as tmp:
        count = generate(documents, Path(tmp) / "corpus", collections=(PP18,))
        for on in (True, False, False, True):
            linking.outcome, linking.infer_changes, linking.conference_pages = kept if on else (
                lambda *_, **__: None, lambda text, *_: text, lambda site: site)
            started = time.perf_counter()
            result = build(corpus_files(Path(tmp) / "corpus"), Path(tmp))
            times[on].append(time.perf_counter() - started)
            if on:
                decided = sum(1 for p in result.site.proposals if p.outcome and p.outcome.state == "decided")
                conferences = len(result.site.conferences)
    linking.outcome, linking.infer_changes, linking.conference_pages = kept
    best = {on: min(t) for on, t in times.items()}
    return {
        "documents": count, "decided_proposals": decided, "conference_pages": conferences,
        "builder_s_without": round(best[False], 2), "builder_s_with": round(best[True], 2),
        "outcomes_share": round((best[True] - best[False]) / best[True], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--docx", action="store_true", help="time the Word reader against the text reader instead")
    parser.add_argument("--revisions", action="store_true",
                        help="time the builder on N documents without and with earlier revisions instead")
    parser.add_argument("--twin", action="store_true",
                        help="also build the site's plain twin (bench/twin.py) and print the ratio of their times")
    parser.add_argument("--outcomes", action="store_true",
                        help="time the builder on N documents holding the PP-18 Final Acts, with and without outcomes, instead")
    args = parser.parse_args()
    if args.outcomes:
        print(json.dumps(with_outcomes(args.documents)))
        return
    if args.docx:
        print(json.dumps(word_against_text()))
        return
    if args.revisions:
        print(json.dumps(with_revisions(args.documents), default=str))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        documents = generate(args.documents, work / "corpus")
        folders = [work / "corpus", *([PP18] if PP18.is_dir() else [])]
        paths, roots = corpus_files(*folders), naming_roots(folders, work)
        collection = sum(1 for p in paths if p.is_relative_to(PP18))
        with collector.paused():  # as the plugin runs them (builder/plugin.py)
            started = time.perf_counter()
            result = build(paths, roots)
            write_pages(result.pages, work / "docs")
            builder_s = time.perf_counter() - started
            started = time.perf_counter()
            exports_bytes = sum(len(data) for _, data in exports(result.site, {source_name(p, roots): p for p in paths}))
            exports_s = time.perf_counter() - started
        env = {**os.environ, "ITU_CORPUS": os.pathsep.join(map(str, folders)), "NO_MKDOCS_2_WARNING": "1"}
        started = time.perf_counter()
        peaks = peak_rss([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(work / "site")], ROOT, env)
        total_s = time.perf_counter() - started
        site_peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # `mkdocs build` alone: no other child yet
        pages = sorted((work / "site").rglob("*.html"))
        sizes = [p.stat().st_size for p in pages]
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", "mkdocs.offline.yml",
                        "--site-dir", str(work / "offline")], cwd=ROOT, env=env, check=True)
        bundle(work / "offline", work / "itu-resolutions-offline.zip")
        twinned: dict = {}
        if args.twin:
            twin_site(result.pages, result.nav, work / "twin")
            twinned = build_twin(work / "twin")
            twinned["twin_ratio"] = round(total_s / twinned["twin_total_s"], 2)
        searched: dict = {}
        if search.available():
            searched.update(search.online(work / "site", QUERY))
            searched.update(search.offline(work / "offline", QUERY))
        print(json.dumps({
            "documents": documents,
            "collection_documents": collection,
            "pages": len(result.pages),
            "clauses": clauses(result.site),
            "builder_s": round(builder_s, 2),
            "mkdocs_s": round(total_s - builder_s, 2),
            "total_s": round(total_s, 2),
            "exports_s": round(exports_s, 2),
            "builder_ms_per_document": round(1000 * (builder_s + exports_s) / (documents + collection), 2),
            "exports_bytes": exports_bytes,
            "site_bytes": sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file()),
            "offline_bundle_bytes": (work / "itu-resolutions-offline.zip").stat().st_size,
            "search_index_bytes": sum(p.stat().st_size for p in (work / "site" / "pagefind").rglob("*") if p.is_file()),
            "median_page_bytes": int(statistics.median(sizes)),
            "nav_bytes": max(navigation_bytes(p) for p in pages[:: max(1, len(pages) // 200)]),
            "max_page_bytes": max(sizes),
            "site_peak_rss_mb": round(site_peak_kb / 1024, 1),
            **{f"{name}_peak_rss_mb": round(kb / 1024, 1) for name, kb in peaks.items() if name != "together"},
            "together_peak_mb": round(peaks["together"] / 1024, 1),
            "peak_rss_mb": round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                     resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024, 1),
            **twinned,
            **searched,
            "targets": TARGETS,
        }))


if __name__ == "__main__":
    main()
