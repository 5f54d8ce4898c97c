"""Property tests: on any input the readers never raise, and every word reaches a page."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builder.diagnostics import Diagnostics
from builder.link import link
from builder.readers import read_source
from builder.readers.labels import roman
from builder.render import render
from test_bad_input import TIMES_REAL_TEXT, best_of_three, slowness, thread_seconds
from test_escape import mkdocs_markdown

WORD = re.compile(r"[^\W_]+")
STRUCTURE = {"introduction", "proposal", "abstract", "foreword", "reasons", "summary"}
"""Part headings: they carry no text of their own, and an empty part is not shown."""
words = st.lists(st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=6).map(" ".join)
# Free text: anything printable but the `[` that opens Word artefacts (dropped by design).
free = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="[\ue000\ue001"), max_size=60)
label = st.sampled_from([
    "a)", "b)", "cf)", "1", "46", "5.1", "5.1.2", "5.15.2", "1.", "i)", "ii)", "viii)", "xxxix)", "aa)", "(a)", "(iv)",
    "a.", "A)", "4bis", "–", "-", "•",
])
line = st.one_of(
    free,
    st.tuples(label, words).map("\t".join),
    st.sampled_from(["recalling", "considering also", "resolves", "instructs the Secretary-General",
                     "authorizes the Council", "entrusts the Director, within available resources,", "including the following",
                     "recognizingconsidering", "within available resources,", "FOREWORD", "ANNEX 1 TO RESOLUTION 9",
                     "* * * * *", "INTRODUCTION", "PROPOSAL", "\tAbstract:"]),
    st.builds("RESOLUTION {} (Rev. Kigali, 20{})".format, st.integers(1, 300), st.integers(10, 30)),
    st.just("The World Telecommunication Development Conference (Kigali, 2022),"),
    st.builds("{}\t{}/{}A1/{}".format, st.sampled_from(["MOD", "ADD", "SUP", "NOC"]),
              st.sampled_from(["ACP", "EUR"]), st.integers(1, 99), st.integers(1, 9)),
    st.builds("Proposal ACP/1A1/{} - Summary: {}".format, st.integers(1, 9), words),
    st.builds("Reasons:\t{}".format, words),
    st.tuples(words, words, words).map("\t".join),
)
documents = st.lists(line, max_size=30).map("\n".join)


def pages_of(source: str) -> tuple[dict[str, str], Diagnostics]:
    diagnostics = Diagnostics()
    site = link([read_source("generated.txt", source, diagnostics)], diagnostics)
    return render(site).pages, diagnostics


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("RESOLUTION 0(G)\nThe World Telecommunication Development Conference (Kigali, 2022),")  # parentheses naming no meeting
@example("RESOLUTION 68 (Rev.\u00a0Hammamet, 2016New Delhi, 2024)")  # an old revision run together with the new (test_fuzz)
def test_readers_never_raise_and_every_word_reaches_a_page(source: str) -> None:
    pages, _ = pages_of(source)
    html = " ".join(mkdocs_markdown().convert(page) for page in pages.values())  # as MkDocs publishes them
    rendered = unescape(re.sub(r"</?(?:del|ins)[^>]*>", "", html)).casefold()  # the redline of run-together changes
    found = set(WORD.findall(rendered))
    lost = {w for w in WORD.findall(source.casefold()) if w not in found} - STRUCTURE
    assert not lost, lost


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_reads_without_exception(source: str) -> None:
    pages_of(source)


# Word documents: the same lines, with words inserted and deleted anywhere (labels and headings too).
tracked_words = st.lists(
    st.tuples(st.sampled_from(["", "", "ins", "del"]), st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)),
    min_size=1, max_size=6,
).map(lambda ws: " ".join(f"[+{w}+]" if op == "ins" else f"[-{w}-]" if op == "del" else w for op, w in ws))
tracked_line = st.one_of(
    line.filter(lambda text: "[" not in text and "|" not in text[:1] and "@" not in text[:1]),
    st.tuples(label, tracked_words).map("\t".join),
    st.tuples(st.sampled_from(["[-c-][+f+])", "[+d)+]", "[-4-][+6+]", "[-b)-]"]), tracked_words).map("\t".join),
    st.sampled_from(["[-recognizing-][+considering+]", "RESOLUTION 11 (Rev. [-Busan, 2014-][+Dubai, 2018+])",
                     "[-a)\tthat a clause is deleted;-]", "[+b)\tthat a clause is inserted;+]"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(tracked_line, max_size=20).map("\n".join))
def test_word_documents_never_raise_and_every_word_reaches_a_page(tmp_path, spec: str) -> None:
    from builder.pipeline import build
    from fixtures.word import make

    make.build(spec, tmp_path / "generated.docx")
    pages = build([tmp_path / "generated.docx"], tmp_path).pages
    rendered = re.sub(r"\\(.)", r"\1", " ".join(pages.values()))
    rendered = re.sub(r"</?(?:del|ins)[^>]*>", " ", rendered).casefold()  # the spec's marks part words too
    found = set(WORD.findall(rendered))
    source = re.sub(r"\[[+-]|[+-]\]", " ", spec).casefold()
    lost = {w for w in WORD.findall(source) if w not in found} - STRUCTURE
    assert not lost, lost


PARENTS = [[], ["1\tto do X:"], ["1\tto do X:", "a)\tin parts:"], ["1\tto do X:", "1.1\tin steps:", "a)\tin parts:"]]
"""The clauses that open each depth: none (top level), a number, a letter in it, a letter in a dotted number."""


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 39), st.integers(0, 3), st.sampled_from(["{})", "({})", "{}."]), st.booleans())
def test_any_roman_numeral_is_read_as_that_label_at_any_depth(n: int, depth: int, form: str, first: bool) -> None:
    """`viii)`, `(xxiv)`, `xxxix.` … as the first of its list or after the one before it."""
    numeral = form.format(roman(n))
    before = [] if first or n == 1 else [f"{form.format(roman(n - 1))}\tthe one before;"]
    source = "\n".join([
        "RESOLUTION 9 (Rev. Kigali, 2022)", "Title", "The World Telecommunication Development Conference (Kigali, 2022),",
        "resolves", *PARENTS[depth], *before, f"{numeral}\tthe clause;", *(["2\tthe next clause at the top;"] if depth else []),
    ])
    diagnostics = Diagnostics()
    text = read_source("generated.txt", source, diagnostics).resolutions[0]
    clauses = text.sections[0].blocks
    for _ in range(depth):
        clauses = clauses[-2 if _ == 0 else -1].children
    assert clauses[-1].label == numeral and clauses[-1].anchor.endswith(f"-{roman(n)}")
    assert not depth or text.sections[0].blocks[-1].label == "2"  # the clause after it is not dragged down
    assert not [d for d in diagnostics if d.severity != "info"], [str(d) for d in diagnostics]


HEAD = "RESOLUTION 1 (Rev. Dubai, 2018)\nTitle\nresolves\n1\t"
attack = st.sampled_from([
    "Resolution 1 (Rev. ", "Resolutions 1, 2 and ", "Res. 68 ", "resolves 1 of ", " thereof ", "of the ", "No. 1 ",
    "Nos. 1 and 2 ", "Article 1 ", "in Article 1 ", "Convention on the Rights ", "Constitution ", "the ITRs ",
    "UNGA Resolution 68/1 ", "A/RES/70/", "Council ", "(", ")", "(Rev. ", "Dubai, 2018", "2018", ", ", " and ",
    "\u00a0", "\u2011", "a) ", "ii) ", "1.1 ", "5.15.2 ", "\t", "\n", "\n1\t", "\na)\t", "\nresolves\n",
    "[footnoteRef:1]1", "[1: 1\t", "]", "[", "[bookmark: ", "[image: ", "\nMOD\tACP/1A1/1\n",
    "\nRESOLUTION 5 (Rev. Kigali, 2022)\n", "* * *", "x ", "the World Conference ", "of WTDC ", "(WTSA)",
])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(attack, min_size=1, max_size=12).map("".join), st.integers(1, 10_000))
@example("\n1\t", 33_333)  # the most lines and clauses 200 KB can hold: a loop over lines shows here
@example("Resolution 1 (Rev. ", 5_263)  # the most citations: a loop over citations shows here
def test_any_text_is_read_in_time_linear_in_its_size(piece: str, times: int) -> None:
    """A few pieces repeated up to 200 KB, the shape of an attack on a pattern or a loop, read
    within the bad-input suite's bound a byte; and twice the text takes at most three times as
    long to read, where a linear reader takes twice as long and a quadratic one four times.
    Measured side by side, the best of up to three rounds, so that a busy machine slows both; a
    millisecond added to each for the timer's jitter on tiny texts."""
    count = min(times, 100_000 // len(piece))
    text = HEAD + piece * 2 * count

    def growth() -> float:
        once, twice = (
            thread_seconds(read_source, "attack.txt", t, Diagnostics()) for t in (HEAD + piece * count, text)
        )
        return (twice + 0.001) / (once + 0.001)

    read_source("warm.txt", HEAD + piece, Diagnostics())  # a first use's one-off costs (compiling a pattern) aside
    slower = slowness(read_source, "attack.txt", text, Diagnostics(), size=len(text.encode()))
    assert slower <= TIMES_REAL_TEXT, f"{slower:.1f} times as long a byte as real text, for {len(text):,} characters"
    best = best_of_three(growth, 3)
    assert best <= 3, f"{best:.1f} times as long for twice the {count:,} pieces"


_REVISION_SPEC = re.compile(
    r"(?P<rev>rev\.\s*\(?\s*)?(?P<venue>[^\d(),;]+?),\s*(?P<year>\d{4})(?P<year2>\d{4})?(?!\d)", re.IGNORECASE
)
"""conventions.REVISION as first written: it tries a match at every letter of a sentence."""


@given(st.lists(st.sampled_from([
    "a", "B ", " ", ",", ", ", ";", "(", ")", "1", "2018", "20142017", "Rev.", "rev. (", "REV.(", "Dubai", "Buenos Aires",
    ", 2018", "\u00a0", "x",
]), max_size=16).map("".join))
@example("the words Rev. (Dubai, 2018)")  # a match that starts at `Rev.`, inside a run of words
def test_revisions_match_where_the_first_pattern_matched(text: str) -> None:
    """conventions.REVISION starts only where a venue can: it finds the very matches the first pattern did."""
    from builder.conventions import REVISION

    def found(pattern: re.Pattern[str]) -> list:
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert found(REVISION) == found(_REVISION_SPEC)
