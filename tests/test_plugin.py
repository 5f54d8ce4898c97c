"""The links the builder writes as HTML reach MkDocs' own validation (builder/plugin.py):
a link to a page that is not there is reported at once, a link to an anchor the target lacks is
reported by MkDocs after the build, as for links written in Markdown."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from builder.plugin import ResolutionsPlugin, table_of_contents
from builder.render import _url, page_url
from builder.render.blocks import Written
from conftest import ROOT


@pytest.fixture
def pages(tmp_path):
    config = MkDocsConfig()
    config.load_dict({"site_name": "test", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site")})
    config.validate()
    files = Files([File(src, str(tmp_path), str(tmp_path / "site"), True) for src in ("a.md", "b.md")])
    a, b = (Page(None, files.get_file_from_path(src), config) for src in ("a.md", "b.md"))
    a.links_to_anchors, b.present_anchor_ids = {}, {"resolves-1"}
    return config, files, a, b


def test_html_links_and_ids_are_validated_like_markdown_ones(pages, caplog) -> None:
    config, files, a, b = pages
    links = (("b.md", "resolves-1"), ("b.md", "resolves-2"), ("b.md", "resolves-9"), ("c.md", None))
    plugin = ResolutionsPlugin()
    plugin.written = {"a.md": Written(links, ()), "b.md": Written((), ("resolves-2",))}
    b.present_anchor_ids = {"resolves-1"}  # from its Markdown; resolves-2 is in its HTML blocks
    with caplog.at_level(logging.INFO):
        for page in (a, b):
            page.markdown = "# title"
            plugin.on_page_content("<p>html</p>", page=page, config=config, files=files)
        a.validate_anchor_links(files=files, log_level=logging.WARNING)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("'a.md'" in w and "'c.md'" in w for w in warnings)
    assert any("resolves-9" in w for w in warnings)
    assert not any("resolves-1" in w or "resolves-2" in w for w in warnings)
    assert len(warnings) == 2


def test_a_link_to_an_anchor_of_the_page_itself_is_validated(pages, caplog) -> None:
    """`here(anchor)` in a template's HTML: an anchor the page does not hold is reported."""
    config, files, a, _ = pages
    a.present_anchor_ids = set()
    plugin = ResolutionsPlugin()
    plugin.written = {"a.md": Written((("a.md", "adopted"), ("a.md", "nowhere")), ("adopted",))}
    a.markdown = "# title"
    with caplog.at_level(logging.INFO):
        plugin.on_page_content("<p>html</p>", page=a, config=config, files=files)
        a.validate_anchor_links(files=files, log_level=logging.WARNING)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "nowhere" in warnings[0]


@pytest.mark.parametrize(("src", "directory", "file"), [
    ("wtsa/res-68.md", "wtsa/res-68/", "wtsa/res-68.html"),
    ("proposals/acp-64a1/index.md", "proposals/acp-64a1/", "proposals/acp-64a1/index.html"),
    ("index.md", "", "index.html"),
])
def test_page_urls_are_the_ones_mkdocs_gives(tmp_path, src, directory, file) -> None:
    for urls, expected in ((True, directory), (False, file)):
        assert File(src, str(tmp_path), str(tmp_path / "site"), urls).url == (expected or "./")
        assert page_url(src, urls) == expected


@pytest.mark.parametrize("directory_urls", [True, False])
def test_html_links_are_the_relative_urls_mkdocs_would_write(tmp_path, directory_urls) -> None:
    srcs = ("index.md", "wtsa/res-68.md", "wtsa/res-68/hammamet-2016.md", "proposals/acp-64a1/index.md", "references.md")
    files = {src: File(src, str(tmp_path), str(tmp_path / "site"), directory_urls) for src in srcs}
    for here in srcs:
        url = _url(here, directory_urls)
        for there in srcs:
            assert url(there, "x") == files[there].url_relative_to(files[here]) + "#x", (here, there)


def test_indentation_and_blank_lines_are_left_out_but_not_in_pre() -> None:
    page = "<div>\n    <p>a\n\n\t  b\n\u00a0c</p>\n\n  <pre><code>x\n\n    y</code></pre>\n  </div>"
    built = SimpleNamespace(content="<p>a</p>")
    assert ResolutionsPlugin().on_post_page(page, page=built, config=None) == (
        "<div>\n<p>a\nb\n\u00a0c</p>\n<pre><code>x\n\n    y</code></pre>\n</div>"  # a no-break space is text
    )
    assert built.content is None  # a one-off build lets the page's HTML go once it is written


def test_the_builder_is_the_plugin_mkdocs_yml_names_and_keeps_no_module_state() -> None:
    """`itu-resolutions` under `plugins:` (an entry point of the package), no `hooks:`; what a
    build keeps between its events is on the plugin instance, not in module globals."""
    import builder.plugin
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert isinstance(config.plugins["itu-resolutions"], ResolutionsPlugin)
    assert not config.hooks
    assert [name for name, value in vars(builder.plugin).items()
            if not name.startswith("__") and isinstance(value, (list, dict, set))] == []


def test_properdocs_builds_the_same_site(built_site, tmp_path) -> None:
    """Continuity: ProperDocs (a fork of MkDocs 1.6) runs the plugin from the same mkdocs.yml and
    writes the same pages, byte for byte but for the generator's name; Pagefind's index is left
    out (it is not byte-stable from one build to the next, whatever builds it)."""
    import os
    import re
    import subprocess
    import sys

    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    ours = {p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    theirs = {p.relative_to(out) for p in out.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    assert ours == theirs
    differing = [str(p) for p in sorted(ours) if p.name != "sitemap.xml.gz"
                 and generator.sub(b"", (built_site / p).read_bytes()) != generator.sub(b"", (out / p).read_bytes())]
    assert differing == []


def test_a_file_that_is_not_a_page_keeps_its_path() -> None:
    for urls in (True, False):
        assert page_url("wtsa/res-68.json.gz", urls) == "wtsa/res-68.json.gz"
        assert _url("wtsa/res-68.md", urls)("sources/corpus/x.txt.gz") == ("../../" if urls else "../") + "sources/corpus/x.txt.gz"


HEADINGS = [(2, "Foreword", "foreword", "", None), (2, "resolves *a* <b> & [c](d)", "resolves", "section-heading", None),
            (3, Markup("<del>1</del><ins>2</ins>"), "resolves-2", "", "Part 2"), (2, "recalling also", None, "", None),
            (4, "deep", "deep", "", None), (2, "Foreword", None, "", None)]
"""Headings as templates write them: (level, text, anchor, classes, name in the table of contents)."""


def test_headings_written_as_html_are_the_ones_markdown_writes_and_lists() -> None:
    """md.heading writes each heading as Markdown's toc extension makes it of the same heading,
    and the plugin's table of contents is the one MkDocs makes of Markdown's."""
    from mkdocs.structure.toc import get_toc

    from builder.render.blocks import BlockWriter
    from builder.render.escape import markdown_text
    from test_escape import mkdocs_markdown

    lines = ["# The title", ""]
    for level, text, anchor, classes, label in HEADINGS:
        attrs = " ".join(filter(None, [f"#{anchor}" if anchor else "", f".{classes}" if classes else "",
                                       f'data-toc-label="{label}"' if label else ""]))
        lines += [f"{'#' * level} {markdown_text(text)}" + (f" {{: {attrs} }}" if attrs else ""), ""]
    markdown = mkdocs_markdown()
    expected = markdown.convert("\n".join(lines))
    writer = BlockWriter("a.md", lambda src, anchor=None: src)
    ours = "".join(str(writer.heading(*h)) for h in HEADINGS)
    title = mkdocs_markdown()
    title.convert("# The title")
    html = mkdocs_markdown().convert(ours)
    assert html == expected[expected.index("</h1>") + 6:]

    def tree(toc) -> list:
        return [(item.title, item.id, item.level, tree(item.children)) for item in toc]

    found = get_toc(title.toc_tokens)
    assert tree(table_of_contents(found, tuple(writer.headings))) == tree(get_toc(markdown.toc_tokens))
