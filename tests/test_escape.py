"""Source text is data: whatever it looks like, it renders as the same text, never as markup."""

from __future__ import annotations

import re
from html import unescape

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from markdown_it import MarkdownIt

from builder.diagnostics import Diagnostics
from builder.link import link
from builder.readers import read_source
from builder.render import render
from builder.render import html_block
from builder.render.escape import markdown_text
from conftest import ROOT
from site_text import LiveMarkup

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "# not a heading",
    "* not a list",
    "- not a list either",
    "+ nor this",
    "1. not an ordered list",
    "2) nor this",
    "_not emphasis_ and *not emphasis* and **not strong**",
    "a | table | row",
    "[x](javascript:alert(1))",
    "![image](http://example.com/x.png)",
    "---",
    "> not a quote",
    "    not code",
    "`not code`",
    "{{ jinja_variable }} and {% if true %}block{% endif %}",
    "{: #injected-id .injected-class }",
    "text [^1] with a footnote reference",
    "[^1]: a footnote definition",
    "!!! note \"not an admonition\"",
    "../../etc/passwd and ACP/64A1/../../x",
    "&lt; is an entity, &amp; too, and & alone",
    "<div markdown>inner</div>",
    "back\\slash \\* escaped",
    "*[HTML]: an abbreviation",
    "http://example.com/not-a-link",
]


def mkdocs_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml configures, as MkDocs runs it."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: "")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    extensions, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.mark.parametrize("source", HOSTILE)
def test_escaped_text_renders_as_itself_in_python_markdown(source: str) -> None:
    html = mkdocs_markdown().convert(markdown_text(source))
    assert text_of(html) == " ".join(source.split())
    assert re.fullmatch(r"<p>[^<]*</p>", html), html  # one paragraph, no element made from the text


@pytest.mark.parametrize("source", HOSTILE)
def test_escaped_text_renders_as_itself_in_a_templates_html(source: str) -> None:
    """The same escape in the HTML a template writes (`{% filter html_block %}`), kept from Markdown."""
    html = mkdocs_markdown().convert(html_block(Markup("<p>") + markdown_text(source) + Markup("</p>")))
    assert text_of(html) == " ".join(source.split())
    assert re.fullmatch(r"<p>[^<]*</p>", html), html


TEXT = st.text(st.sampled_from(list("\\`*_{}[]#!|&<>-+.()=~:;'\"/1 \t\n")) | st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_escaped_text_reads_as_itself_in_markdown_and_in_html(source: str) -> None:
    """Whatever a value holds, `{{ value }}` shows it as written (white space made single
    spaces), in a Markdown paragraph and in a template's HTML alike, and makes no element."""
    expected = " ".join(source.split())
    for page in (markdown_text(source), html_block(Markup("<p>") + markdown_text(source) + Markup("</p>"))):
        html = mkdocs_markdown().convert(page)
        assert text_of(html) == expected, (page, html)
        assert re.fullmatch(r"(<p>[^<]*</p>)?", html), html


@pytest.mark.parametrize("source", HOSTILE)
def test_escaped_text_is_plain_text_for_markdown_it(source: str) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown_text(source))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {child.type for child in tokens[1].children or []} <= {"text", "softbreak"}
    assert "".join(child.content for child in tokens[1].children or []) == " ".join(source.split())


def test_hostile_corpus_renders_as_text(tmp_path) -> None:
    """A whole document made of markup-like text goes through read → link → render → Markdown."""
    lines = ["RESOLUTION 900 (Kigali, 2022)", "A <b>title</b> with *stars*",
             "The World Telecommunication Development Conference (Kigali, 2022),", "recalling"]
    lines += [f"{chr(ord('a') + i)})\t{text}" for i, text in enumerate(HOSTILE)]
    diagnostics = Diagnostics()
    source = read_source("hostile.txt", "\n".join(lines) + "\n", diagnostics)
    pages = render(link([source], diagnostics)).pages
    page = pages["wtdc/res-900.md"]
    html = mkdocs_markdown().convert(page)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert 'id="injected-id"' not in html and "<em>" not in html and "<strong>" not in html
    assert 'href="javascript' not in html and "<h1 id=\"not" not in html
    body = text_of(html)
    for text in HOSTILE:
        assert " ".join(text.split()) in body, text
    tokens = MarkdownIt("commonmark").parse(page)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all("not a heading" not in h for h in headings)


def test_file_names_show_as_written(tmp_path) -> None:
    """File names are shown in <code>, escaped as text (not in backticks, which would show escapes)."""
    diagnostics = Diagnostics()
    text = "RESOLUTION 5 (Kigali, 2022)\nTitle\nThe World Telecommunication Development Conference (Kigali, 2022),\n"
    source = read_source("corpus/wtdc_res_5 & <b>.txt", text + "recalling\na)\tx;\n", diagnostics)
    pages = render(link([source], diagnostics)).pages
    html = mkdocs_markdown().convert(pages["wtdc/res-5.md"])
    assert "corpus/wtdc_res_5 & <b>.txt" in [unescape(code) for code in re.findall(r"<code>([^<]*)</code>", html)]


def test_hostile_tracked_changes_in_a_word_document_render_as_text(tmp_path) -> None:
    """Inserted and deleted words from a .docx are source text too: only our <ins>/<del> are markup."""
    from builder.pipeline import build
    from fixtures.word import make

    spec = ["MOD\tARB/9A9/1", "RESOLUTION 900 (Rev. [-Hyderabad, 2010-][+Kigali, 2022+])", "Title",
            "The World Telecommunication Development Conference (Kigali, 2022),", "recalling"]
    hostile = [text for text in HOSTILE if "[image]" not in text]  # `[image]` is the spec's own mark for a picture
    spec += [f"{chr(ord('a') + i)})\tx [+y {text}+] z [-w {text}-]" for i, text in enumerate(hostile)]
    make.build("\n".join(spec) + "\n", tmp_path / "hostile.docx")
    page = build([tmp_path / "hostile.docx"], tmp_path).pages["proposals/arb-9a9-1.md"]
    html = mkdocs_markdown().convert(page)
    html = html[html.index('id="text"') :]  # the text as proposed (the page's own list above uses <strong>)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert 'id="injected-id"' not in html and "<em>" not in html and "<strong>" not in html
    assert 'href="javascript' not in html
    assert html.count("<ins>") == len(hostile) + 1 and html.count("<del>") == len(hostile) + 1
    body = text_of(html)
    for text in hostile:
        assert f"x y {' '.join(text.split())} z w {' '.join(text.split())}" in body, text


CONTROLS = "bell \x07, escape \x1b[31mred\x1b[0m, override \u202edesrever"
"""Control characters a line can hold (a carriage return ends it)."""


def test_diagnostics_in_the_terminal_show_control_characters_as_escapes(tmp_path) -> None:
    """A file name and a quoted line holding ANSI escape sequences, a carriage return or a
    bidirectional override reach the terminal as visible escapes, one line per diagnostic."""
    import subprocess
    import sys

    name = "evil\x1b]0;title\x07\r.txt"
    heading = "RESOLUTION 5 (Kigali, 2022)\nTitle\nThe World Telecommunication Development Conference (Kigali, 2022),\n"
    cited = "Resolution 99 (Rev. \x1b[31mNowhere\x1b[0m \u202e, 2022)"  # quoted by the diagnostic: no such meeting
    (tmp_path / name).write_text(f"{heading}recalling\na)\t{cited} of the \x07 Conference;\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "builder", "check", str(tmp_path / name)], capture_output=True,
                         text=True, cwd=ROOT)
    lines = [line for line in run.stderr.splitlines() if "[citation-unresolved]" in line]
    assert len(lines) == 1, run.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", run.stderr)
    assert "evil\\x1b]0;title\\x07\\x0d.txt:5: warning: " in lines[0]
    assert "Resolution 99 (Rev. \\x1b[31mNowhere\\x1b[0m \\u202e, 2022)" in lines[0]


def test_json_exports_keep_hostile_and_control_text_as_data() -> None:
    """The JSON published beside a page holds the words as they are, escaped by the JSON writer."""
    import gzip
    import json

    from builder.exports import exports

    lines = ["RESOLUTION 900 (Kigali, 2022)", "Title", "The World Telecommunication Development Conference (Kigali, 2022),",
             "recalling"] + [f"{chr(ord('a') + i)})\t{text}" for i, text in enumerate(HOSTILE[:25])] + [f"z)\t{CONTROLS}"]
    diagnostics = Diagnostics()
    site = link([read_source("hostile.txt", "\n".join(lines) + "\n", diagnostics)], diagnostics)
    raw = gzip.decompress(dict(exports(site, {}))["wtdc/res-900.json.gz"])
    assert not re.search(rb"[\x00-\x1f]", raw)  # every control character escaped (\u001b)
    words = json.dumps(json.loads(raw), ensure_ascii=False)
    for text in [*HOSTILE[:25], CONTROLS]:
        assert json.dumps(" ".join(text.split()), ensure_ascii=False)[1:-1] in words, text


def test_hostile_file_names_reach_the_pages_as_text_and_working_links(tmp_path) -> None:
    """A contributor chooses a file's name: whatever it holds (a Markdown link, an attribute
    list, HTML, Jinja, quotes, `%`, `#`, `?`, a newline, any script), the strict build passes,
    no page gains a handler, script or script link from it, its name shows as written (white
    space made single spaces), and the page's link to the published source opens that file."""
    import gzip
    import sys
    from urllib.parse import unquote, urlsplit

    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from browsing import mkdocs_build
    from hostile import NAMES, named

    sources = named(tmp_path / "corpus")
    mkdocs_build(tmp_path / "site", tmp_path / "corpus")
    shown, linked = set(), set()
    for page in (tmp_path / "site").rglob("*.html"):
        found = LiveMarkup()
        found.feed(page.read_text(encoding="utf-8"))
        assert not found.handlers, (page, found.handlers)
        assert not [s for s in found.scripts if "alert" in s], page
        text = " ".join(" ".join(found.text).split())
        shown |= {name for name in NAMES if " ".join(name.split()) in text}
        for href in found.sources:
            target = (page.parent / unquote(urlsplit(href).path)).resolve()
            assert target.is_file(), (page, href)
            linked.add(gzip.decompress(target.read_bytes()))
    assert shown == set(NAMES)
    assert linked == {path.read_bytes() for path in sources}


def test_an_unplaced_text_is_listed_in_the_navigation_by_its_escaped_file_name() -> None:
    """MkDocs and Material print navigation titles as they are: a file name becomes one escaped."""
    diagnostics = Diagnostics()
    source = read_source("corpus/<script>alert(1)</script> & x.txt", "no heading here\n", diagnostics)
    nav = render(link([source], diagnostics)).nav
    unplaced = next(entry["Unplaced texts"] for entry in nav if "Unplaced texts" in entry)
    assert [list(entry) for entry in unplaced] == [["corpus/&lt;script&gt;alert(1)&lt;/script&gt; &amp; x.txt"]]
