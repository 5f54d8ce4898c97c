"""Render: the linked site → Markdown pages (through `templates/*.md.j2`) and the navigation.

Renderers read the IR and the link stage's pages; they look nothing up and parse nothing.
Escaping is decided once, in the environment: every `{{ value }}` is Markdown-escaped
unless it is `Markup` (see builder.render.escape).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..conventions import ACTIONS, BODIES, MODIFYING, source
from ..anchors import slug
from ..exports import akn_src, json_src, source_src
from ..ir import Clause
from ..link import REFERENCES_SRC, ProposalPage, ResolutionPage, Site
from ..link.citations import REFERENCE_KINDS
from .blocks import BlockWriter
from .escape import attribute, markdown_text

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
ACTION_ORDER = ("ADD", "ADD*", "MOD", "(MOD)", "NOC", "SUP", "SUP*")


@cache
def environment() -> Environment:
    """One environment per process: templates are compiled once."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=markdown_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["attribute"] = attribute
    env.filters["slug"] = lambda text: Markup(slug(str(text)))
    env.globals.update(
        BODIES=BODIES, ACTIONS=ACTIONS, MODIFYING=MODIFYING, ACTION_ORDER=ACTION_ORDER, REFERENCE_KINDS=REFERENCE_KINDS, source=source,
        citation_examples=citation_examples, akn_src=akn_src, json_src=json_src, source_src=source_src,
    )
    return env


def _href(from_src: str):
    """Relative link from one page's Markdown source to another's, as MkDocs resolves them."""
    here = from_src.split("/")[:-1]

    def href(to_src: str, anchor: str | None = None) -> Markup:
        return Markup(f"{relative(to_src, here)}#{anchor}" if anchor else relative(to_src, here))

    return href


def relative(to_src: str, from_dir: list[str]) -> str:
    """`posixpath.relpath(to_src, "/".join(from_dir))` for the builder's own paths (relative,
    normalised): the same answer without touching the file system, which is most of relpath's cost."""
    to = to_src.split("/")
    common = 0
    for a, b in zip(to, from_dir):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_dir) - common) + to[common:])


_last: dict[str, tuple[str, Any, str]] = {}
"""The last render in this process, by page source: (template, page object, Markdown). The
per-page templates read nothing but their page, so a page equal to last time's renders the
same; `mkdocs serve` then re-renders only the pages an edit changed."""


class Renderer:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.env = environment()

    def _render(self, template: str, src: str, **context: Any) -> str:
        href = _href(src)
        return self.env.get_template(template).render(href=href, md=BlockWriter(href), site=self.site, **context)

    def pages(self) -> dict[str, str]:
        site = self.site
        jobs: list[tuple[str, str, dict[str, Any]]] = [
            ("home.md.j2", "index.md", {}),
            ("proposals_index.md.j2", "proposals/index.md", {}),
            ("proposals_by_source.md.j2", "proposals/by-source.md", {}),
            ("proposals_by_action.md.j2", "proposals/by-action.md", {}),
        ]
        if site.references:
            jobs.append(("references.md.j2", REFERENCES_SRC, {}))
        for body in self.bodies():
            resolutions = [r for r in site.resolutions if r.body == body]
            jobs.append(("body_index.md.j2", f"{body}/index.md", {"body": BODIES[body], "resolutions": resolutions}))
        jobs += [("resolution.md.j2", r.src, {"page": r}) for r in site.resolutions]
        jobs += [("revision.md.j2", v.src, {"page": v}) for v in site.revisions]
        jobs += [("comparison.md.j2", c.src, {"page": c}) for c in site.comparisons]
        jobs += [("proposals_compared.md.j2", c.src, {"page": c}) for c in site.compared]
        jobs += [("contribution.md.j2", c.src, {"page": c}) for c in site.contributions]
        jobs += [("proposal.md.j2", p.src, {"page": p}) for p in site.proposals]
        jobs += [("unplaced.md.j2", u.src, {"page": u}) for u in site.unplaced]
        out: dict[str, str] = {}
        kept: dict[str, tuple[str, Any, str]] = {}
        for template, src, context in jobs:
            assert src not in out, f"two pages at {src}"  # the link stage gives every page its own address
            page = context.get("page")
            last = _last.get(src)
            if page is not None and last is not None and last[0] == template and last[1] == page:
                out[src] = last[2]
            else:
                out[src] = self._render(template, src, **context)
            if page is not None:
                kept[src] = (template, page, out[src])
        _last.clear()
        _last.update(kept)
        return out

    def bodies(self) -> list[str]:
        present = {r.body for r in self.site.resolutions}
        return [b for b in BODIES if b in present]

    def nav(self) -> list[Any]:
        """The navigation, in MkDocs' `nav` form; hand-written pages (about.md) go last."""
        site = self.site
        nav: list[Any] = [{"Home": "index.md"}]
        for body in self.bodies():
            pages = [{nav_title(r): r.src} for r in site.resolutions if r.body == body]
            numbers = [r.number for r in site.resolutions if r.body == body]
            keys = [_leading_number(n) for n in numbers]
            nav.append({BODIES[body].short: [f"{body}/index.md", *_grouped(pages, keys)]})
        proposals: list[Any] = [
            "proposals/index.md",
            {"By source": "proposals/by-source.md"},
            {"By action": "proposals/by-action.md"},
        ]
        contributions = [{c.id: [c.src] + [{nav_title(p): p.src} for p in c.proposals]} for c in site.contributions]
        if len(contributions) > NAV_GROUP:  # by source, as the by-source index does, then by document number
            by_source: dict[str, list[tuple[int, Any]]] = {}
            for c, entry in zip(site.contributions, contributions):
                key = _leading_number(c.contribution.code.split("/", 1)[1])
                by_source.setdefault(source(c.contribution.source).group, []).append((key, entry))
            contributions = [
                {group: _grouped([e for _, e in sorted(items, key=lambda x: x[0])],
                                 sorted(k for k, _ in items), "Documents {}–{}")}
                for group, items in sorted(by_source.items())
            ]
        nav.append({"Proposals": proposals + contributions})
        if site.references:
            nav.append({"Other texts": REFERENCES_SRC})
        if site.unplaced:
            nav.append({"Unplaced texts": [{u.source_file: u.src} for u in site.unplaced]})
        nav.append({"About": "about.md"})
        nav.append({"Data": "data.md"})
        return nav


def citation_examples(site: Site, count: int = 2) -> list[tuple[str, ResolutionPage, Clause]]:
    """Real clauses to show how citing works: per resolution with text, its first clause and its
    sub-clause with the shortest anchor, described as a delegate would say them
    (`resolves 5 i) of WTDC Resolution 71`)."""
    examples: list[tuple[str, ResolutionPage, Clause]] = []
    for page in [r for r in site.resolutions if r.text][:count]:
        assert page.text
        first = nested = None
        for section in page.text.sections:
            for clause in (b for b in section.blocks if isinstance(b, Clause)):
                first = first or (section.heading, clause)
                child = next((c for c in clause.children if c.label), None)
                if child and clause.label and (nested is None or len(child.anchor) < len(nested[1].anchor)):
                    nested = (f"{section.heading} {clause.label} {child.label}", child)
        if first:
            examples.append((f"{first[0]} {first[1].label or ''}".strip(), page, first[1]))
        if nested:
            examples.append((nested[0], page, nested[1]))
    return examples


NAV_GROUP = 100
"""At most this many pages side by side in the navigation: every page carries its section's
navigation, so a longer list would make every page grow with the collection."""


def _leading_number(text: str) -> int:
    digits = re.match(r"\D*(\d+)", text)
    return int(digits[1]) if digits else 0


def _grouped(entries: list[Any], keys: list[int], label: str = "{}–{}") -> list[Any]:
    """Entries (in number order) grouped by ranges of their numbers: the widest ranges (`100–199`,
    `1000–1999`, …) that hold at most NAV_GROUP entries each; the ranges grouped again the same
    way while there are more than NAV_GROUP of them."""
    if len(entries) <= NAV_GROUP:
        return entries
    width = 1
    while max(Counter(k // (width * 10) for k in keys).values()) <= NAV_GROUP:
        width *= 10
    if width == 1:  # one number for more than NAV_GROUP entries: runs of NAV_GROUP
        return [{f"{keys[n]} ({n + 1}–{min(n + NAV_GROUP, len(entries))})": entries[n : n + NAV_GROUP]}
                for n in range(0, len(entries), NAV_GROUP)]
    buckets: dict[int, list[Any]] = {}
    for entry, key in zip(entries, keys):
        buckets.setdefault(key // width, []).append(entry)
    groups = [{label.format(b * width or 1, b * width + width - 1): group} for b, group in buckets.items()]
    return _grouped(groups, [b * width for b in buckets], label) if len(groups) > NAV_GROUP else groups


def nav_title(page: ResolutionPage | ProposalPage, width: int = 48) -> str:
    if isinstance(page, ProposalPage):
        return f"{page.proposal.action} {page.id}"
    title = page.titles[0] if page.titles else ""
    if len(title) > width:
        title = title[: width - 1].rsplit(" ", 1)[0] + "…"
    number = f"Dec. {page.number}" if page.kind == "decision" else page.number
    return f"{number} · {title}" if title else f"{page.kind.capitalize()} {page.number}"


def render(site: Site) -> tuple[dict[str, str], list[Any]]:
    """All generated pages (docs-relative path → Markdown) and the navigation."""
    renderer = Renderer(site)
    return renderer.pages(), renderer.nav()
