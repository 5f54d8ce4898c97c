"""Reading the built site back: page text, anchor ids, links; and a source file's fragments."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]|\[image: [^\]]*\]|\[footnoteRef:\d+\]")
_FOOTNOTE_BODY = re.compile(r"\[(\d+): ?((?:[^\[\]]|\[[^\[\]]*\])*)\]")
_STRUCTURE = re.compile(r"^(?:Proposal\s+\S+\s*-\s*Summary:|Reasons:|Abstract:|\*(?:\s*\*)+$)")


class _Text(HTMLParser):
    """Collects the article's text, leaving out footnote reference numbers (`<sup id="fnref…">`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += 1
        if self.skip or (tag == "sup" and dict(attrs).get("id", "").startswith("fnref")):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def normalize(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def page_text(html: str) -> str:
    """The normalized text of the page's article (no navigation, no header)."""
    parser = _Text()
    parser.feed(html)
    return normalize("".join(parser.parts))


def ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def fragments(source: str) -> list[tuple[int, str]]:
    """Every piece of text of a source file that must reach a page: each tab-separated cell of
    each line and each footnote's text, without Word artefacts and structural markers."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(source.splitlines(), start=1):
        for m in list(_FOOTNOTE_BODY.finditer(line)):
            body = m[2]
            shown = re.match(r"\s*(\d+)(?=\s|$)", body)  # Word's number, printed after the call too
            if shown and f"[footnoteRef:{m[1]}]{shown[1]}" in line:
                body = body[shown.end():]
                line = line.replace(f"[footnoteRef:{m[1]}]{shown[1]}", "", 1)
            if body.strip():
                out.append((number, body.strip()))
        line = _ARTEFACT.sub("", line)
        line = _FOOTNOTE_BODY.sub("", line).strip()
        line = _STRUCTURE.sub("", line).strip()
        out.extend((number, cell.strip()) for cell in line.split("\t") if cell.strip())
    return out


class LiveMarkup(HTMLParser):
    """What a page's HTML makes live: event handlers, script URLs, scripts; and its links to
    source files, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self.sources: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            live = name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:"))
            if live and "alert" in (value or ""):  # hostile input calls alert(); the theme has handlers of its own
                self.handlers.append(f"<{tag} {name}={value!r}>")
        href = dict(attrs).get("href") or ""
        if "sources/" in href:
            self.sources.append(href)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)
