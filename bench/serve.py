"""How long `mkdocs serve --dirty` takes to show an edit: `python bench/serve.py --documents N`.

Generates the corpus, starts the server, waits for the first build, appends a word to one
clause of one file, and times until the served page shows it; then adds a file and times until its
page is served. Prints one JSON line, with the targets of issue 29 (at 2,000 documents)."""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import ROOT, generate  # noqa: E402


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(args.documents, corpus)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "ITU_CORPUS": str(corpus), "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        page = f"http://127.0.0.1:{port}/wtsa/res-74/"
        try:
            started = time.perf_counter()
            while "recalling" not in fetch(page):
                time.sleep(1)
            first = time.perf_counter() - started
            time.sleep(2)
            edited = corpus / "00000-wtsa-res-74.txt"
            edited.write_text(edited.read_text(encoding="utf-8").replace(
                "to support initiatives", "to support zanzibar initiatives"), encoding="utf-8")
            started = time.perf_counter()
            while "zanzibar" not in fetch(page):
                time.sleep(0.2)
            edit = time.perf_counter() - started
            time.sleep(5)  # the rebuild done, and the index made in the background
            (corpus / "99999-wtdc-res-9901.txt").write_text(
                "RESOLUTION 9901 (Kigali, 2022)\nA text added while serving\nThe World Telecommunication "
                "Development Conference (Kigali, 2022),\nresolves\n1\tto be found;\n", encoding="utf-8")
            started = time.perf_counter()
            while "to be found" not in fetch(f"http://127.0.0.1:{port}/wtdc/res-9901/"):
                time.sleep(0.2)
            print(json.dumps({"documents": args.documents, "first_build_s": round(first, 1),
                              "edit_shown_s": round(edit, 1), "new_file_shown_s": round(time.perf_counter() - started, 1),
                              "targets": {"edit_shown_s": 3, "new_file_shown_s": 5}}))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
