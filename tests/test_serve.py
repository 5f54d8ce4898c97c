"""`mkdocs serve` as an editor uses it: the plugin keeps what it read and rendered on its
instance between rebuilds, and an edit, a new file and a removed file each show on the served
site as a fresh build would show them; the search index follows, made in the background."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import CORPUS, ROOT


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except OSError:
        return 0, ""


def until(check, seconds: float = 120) -> None:
    stop = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < stop, "the served site did not change in time"
        time.sleep(0.5)


def test_an_edit_a_new_file_and_a_removed_one_show_under_serve(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ITU_CORPUS": str(corpus), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    site = f"http://127.0.0.1:{port}/"
    try:
        until(lambda: "recalling" in fetch(site + "wtsa/res-74/")[1])
        until(lambda: fetch(site + "pagefind/pagefind-entry.json")[0] == 200)  # indexed in the background
        index = fetch(site + "pagefind/pagefind-entry.json")[1]
        time.sleep(2)  # the watcher starts after the first build
        edited = corpus / "wtsa-res-74.txt"
        edited.write_text(edited.read_text(encoding="utf-8").replace(
            "to support initiatives", "to support zanzibar initiatives"), encoding="utf-8")
        until(lambda: "zanzibar" in fetch(site + "wtsa/res-74/")[1])
        until(lambda: fetch(site + "pagefind/pagefind-entry.json")[1] not in ("", index))  # search catches up

        added = corpus / "wtdc-res-901.txt"
        added.write_text("RESOLUTION 901 (Kigali, 2022)\nA text added while serving\nThe World Telecommunication "
                         "Development Conference (Kigali, 2022),\nresolves\n1\tto be found;\n", encoding="utf-8")
        until(lambda: "to be found" in fetch(site + "wtdc/res-901/")[1])
        assert 'href="res-901/"' in fetch(site + "wtdc/")[1]  # the body's index lists it

        (corpus / "wtdc-res-71.txt").unlink()
        # its page stays, for the texts that cite it, but without its text
        until(lambda: "text not in the collection" in fetch(site + "wtdc/res-71/")[1])
        assert fetch(site + "wtdc/res-71/kigali-2022/")[0] == 404  # its revision's page is gone
        assert "zanzibar" in fetch(site + "wtsa/res-74/")[1]  # and nothing read before is lost
    finally:
        server.terminate()
        server.wait()
