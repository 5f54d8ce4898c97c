"""The comparison engine: clauses paired by content first, then compared word by word."""

from __future__ import annotations

import time

from builder.diagnostics import Diagnostics
from builder.link.compare import compare, word_diff
from builder.readers import read_source

HEAD = "RESOLUTION 900 (Rev. {rev})\nA title\nThe World Telecommunication Development Conference ({meeting}),\n"


def text(rev: str, body: str):
    meeting = rev.removeprefix("Rev. ")
    source = read_source("t.txt", HEAD.format(rev=rev, meeting=meeting) + body, Diagnostics())
    return source.resolutions[0]


OLD = text("Rev. Kigali, 2022", """recognizing
a)\tthat annually the Union reports to the Council on its work;
b)\tthat the Union has 193 Member States;
c)\tthat over 520 Sector Members take part in its work;
resolves
1\tto continue the work of the study groups;
2\tto report to the next conference;
""")
NEW = text("Baku, 2025", """considering
a)\tthat annually the Union reports to the Council on its work;
b)\tthe need for a global framework for emergency telecommunications;
c)\tthat the Union has 193 Member States;
d)\tthat over 700 Sector Members and academia take part in its work;
resolves
1\tto report to the next conference;
2\tto continue the work of the study groups;
""")


def test_an_inserted_clause_is_one_insertion_not_a_cascade() -> None:
    diff = compare(OLD, NEW)
    statuses = [(d.status, d.old and d.old.label, d.new and d.new.label) for d in diff.clauses]
    assert statuses[:4] == [
        ("unchanged", "a)", "a)"), ("inserted", None, "b)"), ("unchanged", "b)", "c)"), ("changed", "c)", "d)"),
    ]
    assert ("recognizing", "considering") in diff.headings
    changed = diff.clauses[3]
    assert changed.relabelled
    assert changed.words == (("", "that over "), ("del", "520"), ("ins", "700"), ("", " Sector Members"),
                             ("ins", " and academia"), ("", " take part in its work;"))


def test_a_moved_clause_is_moved_and_different_clauses_are_not_paired() -> None:
    diff = compare(OLD, NEW)
    resolves = [(d.status, d.old and d.old.label, d.new and d.new.label) for d in diff.clauses[4:]]
    assert resolves == [("moved", "2", "1"), ("unchanged", "1", "2")]
    inserted = next(d for d in diff.clauses if d.new and d.new.text.startswith("the need for"))
    assert inserted.status == "inserted"  # never diffed against the adopted c), a different clause


def test_words_not_characters() -> None:
    parts = word_diff("the need for a global framework;", "that annually the need reports;")
    assert parts == (("ins", "that annually "), ("", "the need "), ("del", "for a global framework;"), ("ins", "reports;"))
    assert word_diff("over 520 Sector Members;", "over 700 Sector Members;") == (
        ("", "over "), ("del", "520"), ("ins", "700"), ("", " Sector Members;"))
    assert word_diff("to act;", "to act now;") == (("", "to "), ("del", "act;"), ("ins", "act now;"))


def test_two_100_clause_texts_compare_in_under_50_ms() -> None:
    def big(rev: str, shift: int) -> str:
        lines = [f"{n}\tthat the Union should continue to work on matter {n + shift} of the plan, with care;" for n in range(1, 101)]
        return text(rev, "resolves\n" + "\n".join(lines) + "\n")

    old, new = big("Rev. Kigali, 2022", 0), big("Baku, 2025", 1)
    compare(old, new)
    started = time.perf_counter()
    diff = compare(old, new)
    assert time.perf_counter() - started < 0.05
    assert len(diff.clauses) >= 100
