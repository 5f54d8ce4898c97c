"""Render: the linked site → Markdown pages (through `templates/*.md.j2`) and the navigation.

Renderers read the IR and the link stage's pages; they look nothing up and parse nothing.
Escaping is decided once, in the environment: every `{{ value }}` is Markdown-escaped
unless it is `Markup` (see builder.render.escape).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..conventions import ACTIONS, BODIES, MODIFYING, meeting_name, revision_label, revision_named, source
from .. import parallel
from ..anchors import slug
from ..bundle import OfflineCopy
from ..exports import akn_src, json_src, source_src
from ..ir import Clause
from ..link import REFERENCES_SRC, ContributionPage, ProposalPage, ReferencePage, ResolutionPage, Site
from ..link.citations import REFERENCE_KINDS
from ..link.model import ConferencePage
from ..link.references import kind_src
from .blocks import BlockWriter, Written, html_run
from .escape import attribute, attribute_text, markdown_text
from .titles import PageMeta, document_meta
from .lists import LIST_SIZE, ListPart, ProposalGroup, leading_number, moved_keys, number_ranges, proposal_group

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
ACTION_ORDER = ("ADD", "ADD*", "MOD", "(MOD)", "NOC", "SUP", "SUP*")
ACTION_SLUGS = {"ADD": "add", "ADD*": "add-moved", "MOD": "mod", "(MOD)": "mod-editorial", "NOC": "noc", "SUP": "sup", "SUP*": "sup-moved"}
"""Each action's address (`proposals/by-action/mod-editorial/`): slugs alone would give ADD and ADD* one."""


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
    env.filters["html_block"] = html_block
    env.globals.update(
        BODIES=BODIES, ACTIONS=ACTIONS, MODIFYING=MODIFYING, ACTION_ORDER=ACTION_ORDER, REFERENCE_KINDS=REFERENCE_KINDS, source=source,
        akn_src=akn_src, json_src=json_src, source_src=source_src,
        moved_keys=moved_keys, kind_src=kind_src, revision_label=revision_label, revision_named=revision_named, meeting=meeting,
    )
    return env


def html_block(html: str) -> Markup:
    """`{% filter html_block %}`: what a template writes as HTML, kept from Markdown
    (builder/markdown_blocks.py): its links are `link(src, anchor)`, which MkDocs validates
    from what the page's `md` recorded, and its values are escaped as everywhere."""
    html = html.strip()
    return html_run([html] if html else [])


def meeting(body: str, revision) -> str:
    """A revision as its body names the meeting (`WRC-97`, `C16`), else `Geneva, 1997`."""
    return meeting_name(body, revision) or f"{revision.venue}, {revision.year}"  # type: ignore[arg-type]


def _href(from_src: str):
    """Relative link from one page's Markdown source to another's, as MkDocs resolves them."""
    here = from_src.split("/")[:-1]

    def href(to_src: str, anchor: str | None = None) -> Markup:
        path = quote(relative(to_src, here))
        return Markup(f"{path}#{anchor}" if anchor else path)

    return href


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page's Markdown source, from the site's root: `wtsa/res-68.md` →
    `wtsa/res-68/` (or `wtsa/res-68.html` without directory URLs), `proposals/acp-64a1/index.md`
    → `proposals/acp-64a1/` (`proposals/acp-64a1/index.html`); a file that is not a page
    (`wtsa/res-68.json.gz`) keeps its path."""
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def _url(from_src: str, directory_urls: bool):
    """Relative URL from one published page to another: what MkDocs makes of `_href`'s links."""
    here = page_url(from_src, directory_urls).split("/")[:-1]

    def url(to_src: str, anchor: str | None = None) -> str:
        path = quote(relative(page_url(to_src, directory_urls), here)) or "./"
        return f"{path}#{anchor}" if anchor else path

    return url


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


class Renderer:
    def __init__(self, site: Site, directory_urls: bool = True, last: dict[str, Any] | None = None) -> None:
        self.site = site
        self.last: dict[str, Any] = last if last is not None else {}
        """The last render of this `mkdocs serve` (pipeline.Memory), by page source: (template,
        (context, directory URLs), Markdown, what its HTML blocks hold). A template reads nothing
        but its context (the page, a list, where it is, what the home page counts), so a context
        equal to last time's renders the same, and only the pages an edit changed are rendered
        again; every page is, where a template changed (`templates_stamp`). The link stage gives
        back an unchanged page as the very object it gave before (builder/link/recall.py), so
        most contexts compare by identity."""
        self.directory_urls = directory_urls
        self.env = environment()
        self.written: dict[str, Written] = {}
        """The links and ids each page's HTML blocks hold, by page source, for MkDocs to validate."""
        self.meta: dict[str, PageMeta] = {}
        """Each page's title and description (builder/render/titles.py); none for the home page."""

    def _render(self, template: str, src: str, **context: Any) -> tuple[str, Written]:
        href = _href(src)
        page = context.get("page")
        md = BlockWriter(src, _url(src, self.directory_urls), getattr(page, "footnotes", ()))
        markdown = self.env.get_template(template).render(href=href, link=md.link, here=md.here, md=md, **context)
        return markdown, Written(tuple(md.links), tuple(md.ids), tuple(md.headings))

    def pages(self) -> dict[str, str]:
        site = self.site
        proposals = len(site.proposals)
        jobs: list[tuple[str, str, dict[str, Any]]] = [
            ("home.md.j2", "index.md", {"holdings": holdings(site), "examples": citation_examples(site)}),
            ("proposals_index.md.j2", "proposals/index.md", {"contributions": site.contributions, "proposals": proposals,
                                                             "title": "Proposals to amend ITU resolutions"}),
            ("proposals_by_source.md.j2", BY_SOURCE, {"groups": self.by_source, "proposals": proposals, "title": "Proposals by source"}),
            ("proposals_by_action.md.j2", BY_ACTION, {"groups": self.by_action, "proposals": proposals, "title": "Proposals by action"}),
        ]
        for group in (*self.by_source, *self.by_action):
            jobs.append(("proposals_group.md.j2", group.src, {"group": group, "crumbs": _PROPOSALS[:1] + (group.index,),
                                                              "title": f"{group.title} proposals"}))
            crumbs = _PROPOSALS[:1] + (group.index, (group.title, group.src))
            jobs += [("proposals_list.md.j2", part.src, {"group": group, "part": part, "crumbs": crumbs,
                                                         "title": f"{group.title} proposals for {part.title}"}) for part in group.parts]
        if site.references:
            jobs.append(("references.md.j2", REFERENCES_SRC, {"kinds": self.reference_kinds, "title": "Other texts cited"}))
        for kind, parts in self.reference_kinds.items():
            if parts[0].in_range:  # split by numbers: the kind's own index of its ranges
                jobs.append(("references_kind.md.j2", kind_src(kind, True), {"kind": kind, "parts": parts, "crumbs": _REFERENCES,
                                                                              "title": f"{REFERENCE_KINDS[kind]}: cited by the collection"}))
        jobs += [("references_page.md.j2", part.src, {"page": part}) for part in site.reference_pages]
        for body, resolutions in self.by_body.items():
            lists, named = self.lists[body], BODIES[body]
            jobs.append(("body_index.md.j2", f"{body}/index.md", {"body": named, "resolutions": resolutions, "lists": lists,
                                                                   "conferences": [c for c in site.conferences if c.conference.body == body],
                                                                   "title": f"{named.short} resolutions and decisions: {named.name}"}))
            jobs += [("body_list.md.j2", part.src, {"body": named, "part": part, "crumbs": _body_crumb(body),
                                                    "title": f"{named.short} resolutions and decisions {part.title}"}) for part in lists]
        jobs += [("resolution.md.j2", r.src, {"page": r}) for r in site.resolutions]
        jobs += [("revision.md.j2", v.src, {"page": v}) for v in site.revisions]
        jobs += [("comparison.md.j2", c.src, {"page": c}) for c in site.comparisons]
        jobs += [("proposals_compared.md.j2", c.src, {"page": c}) for c in site.compared]
        jobs += [("contribution.md.j2", c.src, {"page": c}) for c in site.contributions]
        jobs += [("proposal.md.j2", p.src, {"page": p}) for p in site.proposals]
        jobs += [("conference.md.j2", c.src, {"page": c}) for c in site.conferences]
        jobs += [("conference_list.md.j2", part.src, {
            "conference": c, "part": part, "title": f"{c.title}: proposals, page {part.page} of {len(c.lists)}",
            "crumbs": (_body_crumb(c.conference.body) if c.conference.body in self.by_body else ()) + ((c.conference.label, c.src),),
        }) for c in site.conferences for part in c.lists[1:]]
        jobs += [("unplaced.md.j2", u.src, {"page": u}) for u in site.unplaced]
        out: dict[str, str] = {}
        stamp = templates_stamp()
        kept: dict[str, tuple[str, tuple]] = {}
        todo: list[tuple[str, str, dict[str, Any]]] = []
        for template, src, context in jobs:
            assert src not in out, f"two pages at {src}"  # the link stage gives every page its own address
            page = context.get("page")
            if page is not None:
                context["crumbs"] = self.crumbs(page)
            meta = document_meta(page) if page is not None else PageMeta(context["title"]) if "title" in context else None
            if meta:
                self.meta[src] = meta
            key = (tuple(context.items()), self.directory_urls)
            last = self.last.get(src) if self.last.get(_STAMP) == stamp else None
            if last is not None and last[0] == template and last[1] == key:
                out[src], self.written[src] = last[2], last[3]
            else:
                out[src] = ""  # in its place among the pages, rendered below
                todo.append((template, src, context))
            kept[src] = (template, key)
        # each page from its own context: in worker processes where there are cores (builder/parallel.py),
        # each of which would otherwise compile the templates again
        for template in self.env.list_templates() if todo else ():
            self.env.get_template(template)
        rendered = parallel.each(lambda n: self._render(todo[n][0], todo[n][1], **todo[n][2]), range(len(todo)))
        for (_, src, _), (markdown, written) in zip(todo, rendered):
            out[src], self.written[src] = markdown, written
        self.last.clear()
        self.last.update({src: (template, key, out[src], self.written[src]) for src, (template, key) in kept.items()})
        self.last[_STAMP] = stamp
        return out

    @cached_property
    def by_body(self) -> dict[str, list[ResolutionPage]]:
        """The resolutions of each body present, in the order of BODIES."""
        grouped: dict[str, list[ResolutionPage]] = {}
        for r in self.site.resolutions:
            grouped.setdefault(r.body, []).append(r)
        return {b: grouped[b] for b in BODIES if b in grouped}

    @cached_property
    def lists(self) -> dict[str, list[ListPart]]:
        """Each body's list pages: none where its index lists every resolution (at most
        LIST_SIZE), else one per range of numbers (`100–199`)."""
        return {
            body: [] if len(resolutions) <= LIST_SIZE else [
                ListPart(f"{body}/list-{a}-{b}.md", a, b, tuple(part))
                for a, b, part in number_ranges(resolutions, [leading_number(r.number) for r in resolutions])
            ]
            for body, resolutions in self.by_body.items()
        }

    @cached_property
    def reference_kinds(self) -> dict[str, list[ReferencePage]]:
        """The pages of each kind of reference, in the order of REFERENCE_KINDS."""
        kinds: dict[str, list[ReferencePage]] = {}
        for page in self.site.reference_pages:
            kinds.setdefault(page.kind, []).append(page)
        return kinds

    @cached_property
    def by_source(self) -> list[ProposalGroup]:
        """The proposals of each source (`proposals/by-source/acp/`), by code."""
        by_code: dict[str, list[ProposalPage]] = {}
        for p in self.site.proposals:
            by_code.setdefault(p.proposal.code.source, []).append(p)
        return [
            proposal_group(("By source", BY_SOURCE), slug(code), source(code).group, f"{source(code).group}: {source(code).name}", by_code[code])
            for code in sorted(by_code)
        ]

    @cached_property
    def by_action(self) -> list[ProposalGroup]:
        """The proposals of each action (`proposals/by-action/mod/`), in ACTION_ORDER."""
        groups = [
            proposal_group(("By action", BY_ACTION), ACTION_SLUGS[action], action, f"{action}: {ACTIONS[action]}",
                   [p for p in self.site.proposals if p.proposal.action == action])
            for action in ACTION_ORDER
        ]
        return [g for g in groups if g.parts]

    @cached_property
    def _source_of(self) -> dict[str, ProposalGroup]:
        return {p.src: group for group in self.by_source for part in group.parts for p in part.proposals}

    @cached_property
    def _list_of(self) -> dict[str, ListPart]:
        return {r.src: part for parts in self.lists.values() for part in parts for r in part.resolutions}

    def crumbs(self, page: Any) -> tuple[tuple[str, str], ...]:
        """Where a page is, as (title, src) from the top: the navigation lists index pages only
        (its size must not grow with the collection), so each page says where it belongs."""
        if isinstance(page, ResolutionPage):
            part = self._list_of.get(page.src)
            return _body_crumb(page.body) + (((part.title, part.src),) if part else ())
        if isinstance(page, ProposalPage):
            group = self._source_of[page.src]
            return _PROPOSALS + ((group.title, group.src), (page.contribution_id, page.contribution_src))
        if isinstance(page, ConferencePage):
            return _body_crumb(page.conference.body) if page.conference.body in self.by_body else ()
        if isinstance(page, ContributionPage):
            group = self._source_of.get(page.proposals[0].src) if page.proposals else None
            return _PROPOSALS + (((group.title, group.src),) if group else ())
        if isinstance(page, ReferencePage):
            return _REFERENCES + (((REFERENCE_KINDS[page.kind], kind_src(page.kind, True)),) if page.in_range else ())
        resolution = self._resolutions.get(getattr(page, "id", None))  # a revision, comparison or proposals compared
        return self.crumbs(resolution) + ((resolution.label, resolution.src),) if resolution else ()

    @cached_property
    def _resolutions(self) -> dict[str, ResolutionPage]:
        return {r.id: r for r in self.site.resolutions}

    def nav(self) -> list[Any]:
        """The navigation, in MkDocs' `nav` form: index pages only, so that the navigation every
        page carries stays the same size whatever the collection's; documents are reached from
        them (and say where they are: `crumbs`). Hand-written pages (about.md) go last."""
        site = self.site
        nav: list[Any] = [{"Home": "index.md"}]
        for body in self.by_body:  # its list pages, as many as the body's resolutions need, are reached from it
            nav.append({BODIES[body].short: f"{body}/index.md"})
        nav.append({"Proposals": [
            "proposals/index.md",
            {"By source": BY_SOURCE},
            {"By action": BY_ACTION},
        ]})
        if site.references:  # its kinds are a fixed few; their range pages are reached from them
            kinds = [  # not a kind whose entries all moved to their bodies' pages: only its old addresses are there
                {REFERENCE_KINDS[k]: kind_src(k, parts[0].in_range)} for k, parts in self.reference_kinds.items()
                if not all(e.moved_to for p in parts for e in p.entries)
            ]
            nav.append({"Other texts": [REFERENCES_SRC, *kinds]})
        if site.unplaced:
            # MkDocs and Material print nav titles as they are: a file name is escaped here
            nav.append({"Unplaced texts": [{attribute_text(u.source_file): u.src} for u in site.unplaced]})
        nav.append({"About": "about.md"})
        nav.append({"Data": "data.md"})
        return nav


_STAMP = "templates/"
"""Where the last render keeps the templates' stamp (no page's source ends so)."""


def templates_stamp() -> tuple[tuple[str, int], ...]:
    """Each template by name and modification time: under `mkdocs serve`, an edited template (or
    the macros every page imports) has every page rendered again."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in TEMPLATES.glob("*.j2")))


BY_SOURCE = "proposals/by-source.md"
BY_ACTION = "proposals/by-action.md"
_PROPOSALS = (("Proposals", "proposals/index.md"), ("By source", BY_SOURCE))
_REFERENCES = (("Other texts", REFERENCES_SRC),)
def _body_crumb(body: str) -> tuple[tuple[str, str], ...]:
    return ((BODIES[body].short, f"{body}/index.md"),)


@dataclass(frozen=True)
class Holding:
    """What the collection holds of one body's texts (the home page's table)."""

    body: Any
    resolutions: int
    with_text: int
    amended: int
    cited: int


@dataclass(frozen=True)
class Holdings:
    bodies: tuple[Holding, ...]
    proposals: int
    contributions: int
    actions: tuple[tuple[str, int], ...]
    """How many proposals of each action, in ACTION_ORDER, those with none left out."""
    references: bool


def holdings(site: Site) -> Holdings:
    """What the home page counts of the whole collection."""
    bodies = []
    for body in BODIES.values():
        rs = [r for r in site.resolutions if r.body == body.id]
        if rs:
            bodies.append(Holding(body, len(rs), sum(1 for r in rs if r.text), sum(1 for r in rs if r.amended_by),
                                  sum(1 for r in rs if r.cited_by)))
    actions = Counter(p.proposal.action for p in site.proposals)
    return Holdings(tuple(bodies), len(site.proposals), len(site.contributions),
                    tuple((a, actions[a]) for a in ACTION_ORDER if actions[a]), bool(site.references))


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
                child = next((c for c in clause.children if isinstance(c, Clause) and c.label), None)
                if child and clause.label and (nested is None or len(child.anchor) < len(nested[1].anchor)):
                    nested = (f"{section.heading} {clause.label} {child.label}", child)
        if first:
            examples.append((f"{first[0]} {first[1].label or ''}".strip(), page, first[1]))
        if nested:
            examples.append((nested[0], page, nested[1]))
    return examples


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    """docs-relative path → generated Markdown."""
    nav: list[Any]
    written: dict[str, Written]
    """What each page's HTML blocks hold, which MkDocs does not parse: the plugin has MkDocs check them."""
    meta: dict[str, PageMeta]
    """Each page's title and description, which the plugin gives MkDocs (its pages' HTML hides their headings)."""


def offline_copy(offline: OfflineCopy) -> str:
    """What a page holding OFFLINE_COPY says of the offline copy (templates/offline_copy.md.j2):
    filled in by the plugin, which has the workflow's values (mkdocs.yml `extra`)."""
    return environment().get_template("offline_copy.md.j2").render(offline=offline)


def render(site: Site, directory_urls: bool = True, last: dict[str, Any] | None = None) -> Rendered:
    """All generated pages, the navigation, and the links and ids pages write as HTML, for a site
    published with directory URLs (`wtsa/res-68/`) or without (`wtsa/res-68.html`); `last`: the
    last render of this `mkdocs serve` (`Renderer.last`), updated."""
    renderer = Renderer(site, directory_urls, last)
    pages = renderer.pages()
    return Rendered(pages, renderer.nav(), renderer.written, renderer.meta)
