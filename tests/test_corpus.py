"""The whole real corpus: what must be read, linked and numbered."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import fields, is_dataclass

from builder.dump import dump
from builder.ir import Change, Citation, Contribution, FootnoteRef, Table

from conftest import CORPUS, ROOT


INLINE = (str, Citation, Change, FootnoteRef)


def documents(corpus_build) -> dict[str, dict]:
    return {d["id"]: d for d in dump(corpus_build.site)["documents"]}


def anchor_list(doc: dict) -> list[str]:
    """Every section and clause anchor of a dumped document, in page order."""
    found: list[str] = []

    def walk(clauses):
        for c in clauses:
            found.append(c["anchor"])
            walk(c["clauses"])

    for s in doc["sections"]:
        found.append(s["anchor"])
        walk(s["clauses"])
    return found


def anchors(doc: dict) -> set[str]:
    return set(anchor_list(doc))


def test_corpus_reads_without_warnings(corpus_build) -> None:
    assert [str(d) for d in corpus_build.diagnostics if d.severity != "info"] == []


def test_apt_contribution_has_its_25_proposals(corpus_build) -> None:
    docs = documents(corpus_build)
    acp = docs["ACP/64A1"]
    assert acp["proposals"] == [f"ACP/64A1/{n}" for n in range(1, 26)]
    actions = Counter(docs[p]["action"] for p in acp["proposals"])
    assert actions == {"NOC": 2, "MOD": 21, "SUP": 1, "ADD": 1}


def test_every_document_kind_and_url(corpus_build) -> None:
    docs = documents(corpus_build)
    assert docs["wtsa-res-74"]["url"] == "wtsa/res-74/" and docs["wtsa-res-74"]["in_collection"]
    assert docs["wtdc-res-71"]["url"] == "wtdc/res-71/" and docs["wtdc-res-71"]["in_collection"]
    assert docs["ACP/64A1/3"]["url"] == "proposals/acp-64a1-3/"
    assert docs["ACP/64A1"]["url"] == "proposals/acp-64a1/"
    assert docs["EUR/44A24/1"]["kind"] == "proposal" and docs["EUR/44A24/1"]["action"] == "ADD"
    assert docs["IAP/39A13/1"]["target"] == "wtsa-res-68"
    assert {d["kind"] for d in docs.values()} == {"resolution", "decision", "revision", "proposal", "contribution"}
    assert docs["wtdc-res-71@kigali-2022"]["url"] == "wtdc/res-71/kigali-2022/" and docs["wtdc-res-71@kigali-2022"]["latest"]
    assert docs["pp-dec-5"]["url"] == "pp/dec-5/"


def test_targets(corpus_build) -> None:
    docs = documents(corpus_build)
    assert docs["ACP/64A1/3"]["target"] == "pp-res-11"
    assert docs["ACP/64A1/9"]["target"] == "pp-res-71" and docs["ACP/64A1/9"]["target_part"] == "Annex 1"
    assert docs["ACP/64A1/9"]["code"] == "ACP/64A1/9#48507"
    assert docs["ACP/64A1/20"]["action"] == "SUP" and docs["ACP/64A1/20"]["target"] == "pp-res-185"
    assert docs["ACP/64A1/1"]["target"] is None
    assert docs["ACP/64A1/1"]["target_title"] == "CONSTITUTION OF THE INTERNATIONAL TELECOMMUNICATION UNION"
    assert docs["ACP/64A1/25"]["target_title"] == "Draft New Resolution [ACP-1]"
    assert docs["EUR/44A24/1"]["target_title"] == "Draft New Resolution [EUR-1]"


def test_every_target_has_a_page_with_its_backlinks(corpus_build) -> None:
    docs = documents(corpus_build)
    for doc in docs.values():
        if doc["kind"] == "proposal" and doc["target"]:
            assert doc["id"] in docs[doc["target"]]["amended_by"]
    assert docs["pp-res-185"]["in_collection"] is False
    assert docs["pp-res-185"]["title"] == "Global flight tracking for civil aviation"
    assert docs["pp-res-71"]["amended_by"] == ["ACP/64A1/8", "ACP/64A1/9"]
    assert docs["wtsa-res-68"]["amended_by"] == ["IAP/39A13/1"]


def test_irregular_proposals(corpus_build) -> None:
    docs = documents(corpus_build)
    by_id = {p.id: p.proposal for p in corpus_build.site.proposals}
    assert by_id["ACP/64A1/17"].summary == () and by_id["ACP/64A1/17"].introduction
    assert docs["ACP/64A1/9"]["sections"][0]["anchor"] == "annex-1"
    assert [s["heading"] for s in docs["ACP/64A1/20"]["sections"]] == []
    assert docs["ACP/64A1/20"]["reasons"].startswith("Due to the spectrum allocation")
    assert docs["IAP/39A13/1"]["old_revision"]["text"] == "Rev. Hammamet, 2016"
    assert docs["IAP/39A13/1"]["new_revision"]["text"] == "Rev. New Delhi, 2024"
    contribution = next(c for c in corpus_build.site.contributions if c.id == "IAP/39A13")
    assert contribution.contribution.abstract[0].text[0].startswith("CITEL proposes modifications")


def test_expected_anchors(corpus_build) -> None:
    docs = documents(corpus_build)
    expected = {
        "wtdc-res-71": {
            "recalling-a", "considering-also-b", "noting-further-h", "resolves-5", "resolves-5-i", "resolves-5-iv",
            "resolves-further-item-1", "instructs-the-director-bdt-13",
            "encourages-member-states-sector-members-associates-and-academia-of-the-itu-telecommunication-"
            "development-sector-5",
        },
        "wtsa-res-74": {
            "recalling-g", "taking-into-account-item-1", "instructs-the-director-tsb-2",
            "instructs-the-director-tsb-in-close-collaboration-with-the-director-bdt-within-available-resources-1-ii",
            "further-resolves-that-itu-regional-offices-item-1", "invites-member-states-3",
        },
        "ACP/64A1/3": {"considering-f", "considering-g", "considering-h", "resolves-5-5",
                       "instructs-the-secretary-general-6-item-5", "instructs-the-secretary-general-13"},
        "EUR/44A24/1": {"recalling-i", "resolves-to-instruct-the-secretary-general-and-the-directors-of-the-bureaux-1-item-5"},
        "IAP/39A13/1": {"recognizing-further-b-item-3", "noting-b", "noting-deleted-b",
                        "resolves-to-instruct-the-director-tsb-deleted-3", "resolves-to-instruct-the-director-tsb-3"},
    }
    for doc_id, wanted in expected.items():
        assert wanted <= anchors(docs[doc_id]), doc_id


def test_anchors_are_unique_and_well_formed(corpus_build) -> None:
    import re

    for doc in dump(corpus_build.site)["documents"]:
        seen = anchor_list(doc)
        assert len(seen) == len(set(seen)), doc["id"]
        assert all(re.fullmatch(r"[a-z0-9]+(?:--?[a-z0-9]+)*", a) for a in seen), doc["id"]


def test_nesting(corpus_build) -> None:
    docs = documents(corpus_build)
    resolves = next(s for s in docs["wtdc-res-71"]["sections"] if s["anchor"] == "resolves")
    five = next(c for c in resolves["clauses"] if c["label"] == "5")
    assert [c["label"] for c in five["clauses"]] == ["i)", "ii)", "iii)", "iv)"]
    acp3 = docs["ACP/64A1/3"]
    resolves = next(s for s in acp3["sections"] if s["anchor"] == "resolves")
    assert [c["label"] for c in resolves["clauses"][4]["clauses"]] == ["5.1", "5.2", "5.3", "5.4", "5.5"]


def test_dump_command_prints_json() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "builder", "dump", str(CORPUS / "wtsa-res-74.txt")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    data = json.loads(run.stdout)
    doc = next(d for d in data["documents"] if d["id"] == "wtsa-res-74")
    assert doc["id"] == "wtsa-res-74" and doc["kind"] == "resolution" and doc["url"] == "wtsa/res-74/"
    assert doc["title"].startswith("Enhancing participation of Sector Members")
    section = doc["sections"][0]
    assert set(section) >= {"heading", "anchor", "clauses"}
    assert set(section["clauses"][0]) >= {"label", "anchor", "text", "clauses"}


def test_check_command_exit_codes(tmp_path) -> None:
    ok = subprocess.run([sys.executable, "-m", "builder", "check", str(CORPUS)], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    bad = tmp_path / "bad.txt"
    bad.write_text("no heading here\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "builder", "check", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "bad.txt:1: error:" in failed.stderr


CITATION_SHAPED = re.compile(
    r"\b(?:resolutions?|decisions?|res\.|recommendations?|rec\.|opinions?|articles?|nos?\.)\s*"
    r"(?:ITU-?[RTD]\s+)?(?:[A-Z]{1,2}\.)?\d+", re.IGNORECASE,
)
"""Deliberately broader than the builder's own patterns: any keyword of a citable text before a number."""


def inline_runs(node, span=None):
    """(span, inlines) of every run of running text in the linked IR: text, titles and table cells."""
    if is_dataclass(node):
        span = getattr(node, "span", span)
        for f in fields(node):
            value = getattr(node, f.name)
            if f.name in ("text", "title") and isinstance(value, tuple) and all(isinstance(p, INLINE) for p in value):
                yield span, value
            elif isinstance(node, Contribution) and f.name == "proposals":
                continue  # as read: each is published, linked, on its own page (site.proposals)
            elif isinstance(node, Table) and f.name == "rows":
                for row in value:
                    for cell in row:
                        yield span, cell
            else:
                yield from inline_runs(value, span)
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from inline_runs(item, span)


def test_every_citation_shaped_string_is_linked_or_reported(corpus_build) -> None:
    """Every citation-shaped string of the corpus is a linked citation, or has a diagnostic at its
    file and line that quotes it and says why it stays text."""
    said = {(d.span, d.message) for d in corpus_build.diagnostics if d.code.startswith("citation-")}

    def reported(span, words: str) -> bool:
        return any(at == span and f"“{words}" in message for at, message in said)

    checked, linked, silent = 0, 0, []
    for span, inlines in {(span, run) for span, run in inline_runs(corpus_build.site)}:
        proposed = ""
        for piece in inlines:
            if isinstance(piece, Citation):
                checked += 1
                linked += piece.target is not None
                if piece.target is None and not reported(span, piece.text):
                    silent.append(f"{span}: {piece.text}")
                proposed += "\0"  # a citation ends the words before it
            elif isinstance(piece, str):
                proposed += piece
            elif isinstance(piece, Change) and piece.op == "ins":
                proposed += piece.text
        for m in CITATION_SHAPED.finditer(proposed):
            checked += 1
            if not reported(span, m[0]):
                silent.append(f"{span}: {m[0]}")
    assert silent == []
    assert linked > 300 and checked - linked > 10  # the corpus has both, and the walk found them
    assert all(d.severity == "info" for d in corpus_build.diagnostics if d.code.startswith("citation-"))


def test_citations_resolve_to_the_right_bodies(corpus_build) -> None:
    docs = documents(corpus_build)
    cites = {(c["from"], c["target"]) for c in docs["wtsa-res-74"]["citations"]}
    assert {("recalling-a", "pp-res-71"), ("recalling-c", "wtsa-res-44"), ("recalling-c", "wtsa-res-54"),
            ("recalling-d", "wtdc-res-59"), ("recalling-g", "wtsa-res-68"), ("recognizing-e", "cs-art-1")} <= cites
    wtdc71 = {(c["from"], c["target"]) for c in docs["wtdc-res-71"]["citations"]}
    assert {("recalling-a", "cs-no-126"), ("recalling-b", "cv-art-19"), ("recognizing-also-a", "cv-no-241a"),
            ("recalling-d", "pp-res-209")} <= wtdc71
    targets = {c["target"] for d in docs.values() for c in d.get("citations", [])}
    assert "un-68-50" in targets and "wtsa-res-68" in targets
    assert {"pp-res-71", "wtdc-res-71"} <= targets  # one number, two bodies, two pages


def test_cited_by_inverts_citations(corpus_build) -> None:
    docs = documents(corpus_build)
    for doc in docs.values():
        for c in doc.get("citations", []):
            target = (c["target"] or "").split("#")[0]
            if target in docs:
                assert {"document": doc["id"], "from": c["from"]} in docs[target]["cited_by"], (doc["id"], c)
    assert {"document": "wtsa-res-74", "from": "recalling-b"} in docs["pp-res-123"]["cited_by"]
    assert docs["wtdc-res-59"]["title"] == "strengthening coordination and cooperation among the three ITU Sectors on matters of mutual interest"
    assert docs["wtdc-res-59"]["in_collection"] is False
