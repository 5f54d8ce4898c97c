"""A Python-Markdown extension (listed in mkdocs.yml): the HTML blocks the builder writes
(builder/render/blocks.py, between `HTML_START` and `HTML_END` lines) go to Markdown's store of
raw HTML as they are, unparsed. Left to Markdown, each would be parsed with Python's HTML parser
twice (Markdown's raw HTML reader and MkDocs' anchor collector), most of MkDocs' time.

Their links and anchors are known to the builder, which hands them to MkDocs' validation
(builder/plugin.py)."""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

HTML_START = "<!-- itu-html -->"
HTML_END = "<!-- /itu-html -->"
"""Lines around a run of HTML blocks. Source text cannot make them: it is escaped (`<` → `&lt;`)."""


class StoreHtml(Preprocessor):
    """Runs with nothing but blank lines between them are stored as one: each stored run is a
    paragraph that Markdown's tree and inline processors go through."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        ended: list[str] = []  # the runs that ended, stored once a line other than a blank or a run follows
        for line in lines:
            if block is not None:
                if line == HTML_END:
                    ended += block
                    block = None
                else:
                    block.append(line)
            elif line == HTML_START:
                block = []
            elif ended and not line:
                continue
            else:
                self._store(ended, out)
                out.append(line)
        self._store(ended, out)
        if block is not None:  # not ended: shown as written, as Markdown would
            out += [HTML_START, *block]
        return out

    def _store(self, runs: list[str], out: list[str]) -> None:
        if runs:
            # a blank line after it even at the end, or Markdown makes its paragraph "placeholder\n",
            # which the raw HTML postprocessor does not unwrap
            out += ["", self.md.htmlStash.store("\n".join(runs)), "", ""]
            runs.clear()


class HtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after whitespace is normalised (30), before raw HTML is parsed (MkDocs 21, Markdown 20)
        md.preprocessors.register(StoreHtml(md), "itu_html_blocks", 25)


def makeExtension(**kwargs) -> HtmlBlocks:  # noqa: N802 (Python-Markdown's name)
    return HtmlBlocks(**kwargs)
