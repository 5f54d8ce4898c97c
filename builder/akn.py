"""Akoma Ntoso 3.0 writer (a writer of the publish stage, like pandoc's): a resolution's text, a
revision's or a proposal's as an AKN4UN `<statement>`, built with lxml. The rules, which REFERENCE.md
documents ("Data"):

- FRBR IRIs, AKN4UN style (jurisdiction `un`, the ITU body as actor): the work is
  `/akn/un/statement/deliberation/itu-wtsa/2004/68`, its year the first meeting the collection
  knows the text from; an expression is a revision, `…/eng@new-delhi-2024`; a proposal is a draft,
  `/akn/un/statement/deliberation/itu-pp/2026/acp-64a1-3`.
- A clause's `eId` is its public anchor (`resolves-5-ii`: the page's `#resolves-5-ii`), a
  section's its section anchor; what has no anchor of its own takes its container's with a
  suffix (`resolves__list_1`, `considering-f__ins_1`).
- Preamble sections (`considering`, `noting`…) are `<container>`s in `<preamble>`, their clauses a
  `<blockList>`; operative sections (from the first heading that is a verb in the third person:
  `resolves`, `instructs…`) and annexes are `<hcontainer>`s in `<mainBody>`, their clauses
  `<paragraph>`s. Citations are `<ref href>`, footnotes `<authorialNote>`, a proposal's
  insertions and deletions `<ins>`/`<del>` where the source records them (never guessed).

Source text is only ever element text or attribute values, which lxml escapes."""

from __future__ import annotations

import re
from typing import Any, Iterable

from lxml import etree
from lxml.builder import ElementMaker

from .conventions import BODIES
from .ir import Block, Change, Citation, Clause, Footnote, FootnoteRef, Inline, Paragraph, Redline, Revision, ResolutionText, Section
from .link import ProposalPage, ResolutionPage, Site
from .link.model import RevisionPage, revision_slug

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = ElementMaker(namespace=NS, nsmap={None: NS})
OPERATIVE = re.compile(r"^(?:further |also |and )?[a-z]+(?<!ing)s\b")
"""An operative heading starts with a verb in the third person (`resolves`, `further invites`);
preamble headings are participles or adjectives (`considering`, `bearing in mind`, `aware`)."""
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """What XML 1.0 can hold: a character it cannot (a stray control character) becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def work_iri(actor: str, year: int | None, number: str) -> str:
    """`/akn/un/statement/deliberation/itu-wtsa/2004/68`; `unknown` where no meeting is known."""
    return f"/akn/un/statement/deliberation/{actor}/{year or 'unknown'}/{number.lower()}"


class Writer:
    """One per site: it knows every resolution's work IRI, which references point to."""

    def __init__(self, site: Site) -> None:
        self.works = {r.id: work_iri(f"itu-{r.body}", _first_year(r), r.number) for r in site.resolutions}
        self.references = {e.key for e in site.references}
        self.looked_up: dict[str, tuple[str | None, bool]] = {}
        """What the documents written since it was emptied looked up (`known`): a document
        written again gives the same bytes if its page and these are unchanged (builder/exports.py)."""

    def known(self, rid: str) -> tuple[str | None, bool]:
        """A text's work IRI (None: not in the collection) and whether the references list it."""
        return self.works.get(rid), rid in self.references

    def look_up(self, rid: str) -> tuple[str | None, bool]:
        """`known`, noted in `looked_up`."""
        self.looked_up[rid] = found = self.known(rid)
        return found

    def _work(self, rid: str) -> str:
        """A held text's work IRI: every resolution of the site has one."""
        work = self.look_up(rid)[0]
        assert work is not None, rid
        return work

    # documents

    def resolution(self, page: ResolutionPage) -> bytes | None:
        if page.text is None:
            return None
        return self._statement(page.text, page.footnotes, f"itu-{page.body}", self._work(page.id), page.text.revision, "resolution")

    def revision(self, page: RevisionPage) -> bytes:
        body = page.id.split("-")[0]
        return self._statement(page.text, page.footnotes, f"itu-{body}", self._work(page.id), page.revision, "resolution")

    def proposal(self, page: ProposalPage) -> bytes | None:
        text = page.proposal.text
        if text is None:
            return None
        meeting = page.conference.revision if page.conference else None
        actor = f"itu-{page.conference.body}" if page.conference else "itu"
        work = work_iri(actor, meeting.year if meeting else None, page.id.replace("/", "-"))
        target = self.look_up(page.target_id)[0] if page.target_id else None
        return self._statement(text, page.footnotes, actor, work, text.revision or meeting, "resolutionDraft", proposal=page, target=target)

    # the statement

    def _statement(self, text: ResolutionText, footnotes: tuple[Footnote, ...], actor: str, work: str,
                   revision: Revision | None, name: str, proposal: ProposalPage | None = None, target: str | None = None) -> bytes:
        notes = {n.key: n for n in footnotes}
        content = _Content(self, notes)
        expression = f"{work}/eng@{revision_slug(revision, text.body) if revision else ''}"
        # the schema wants a full date; ITU texts give the meeting's year: 1 January of it, named so
        date = f"{revision.year:04d}-01-01" if revision else "0001-01-01"
        preface = [E.p(E.docTitle(_text(text.heading)))]
        if proposal is not None:
            code = proposal.proposal.code
            preface.append(E.p(E.docType(_text(proposal.proposal.action)), " ", E.docNumber(_text(code.printed)),
                               " ", E.docProponent(_text(code.source)),
                               *([" ", E.ref(_text(proposal.target_label or ""), href=target)] if target else [])))
        preface.append(E.longTitle(E.p(*content.inlines(text.title, "title") if text.title else [_text(text.heading)])))
        if text.history:
            preface.append(E.p(_text(text.history), **{"class": "history"}))
        if text.foreword:
            preface.append(E.container(*[E.p(*content.inlines(p.text, "foreword")) for p in text.foreword],
                                       name="foreword", eId="foreword"))
        preamble: list[Any] = []
        if text.formula:
            preamble.append(E.formula(E.p(_text(text.formula)), name="enactingFormula"))
        preamble += content.blocks_in_preamble(text.preamble, "preamble")
        main: list[Any] = []
        operative = False
        for section in text.sections:
            operative = operative or section.kind != "section" or bool(OPERATIVE.match(section.heading))
            (main if operative else preamble).append(content.section(section, operative))
        statement = E.statement(
            _meta(work, expression, date, actor, text, proposal),
            E.preface(*preface),
            *([E.preamble(*preamble)] if preamble else []),
            E.mainBody(*(main or [E.p()])),
            name=name, contains="singleVersion" if revision and revision.rev else "originalVersion",
        )
        return etree.tostring(E.akomaNtoso(statement), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _first_year(page: ResolutionPage) -> int | None:
    years = [e.revision.year for e in page.history] + [r.year for r in page.revisions]
    return min(years) if years else None


def _meta(work: str, expression: str, date: str, actor: str, text: ResolutionText, proposal: ProposalPage | None) -> Any:
    number = work.rsplit("/", 1)[1]
    known = "year of the meeting" if not date.startswith("0001") else "unknown"
    title = proposal.label if proposal else text.heading
    return E.meta(
        E.identification(
            E.FRBRWork(
                E.FRBRthis(value=f"{work}/!main"), E.FRBRuri(value=work), E.FRBRalias(value=_text(title), name="title"),
                E.FRBRdate(date=date, name=f"adoption ({known})"), E.FRBRauthor(href=f"#{actor}"), E.FRBRcountry(value="un"),
                E.FRBRsubtype(value="deliberation"), E.FRBRnumber(value=number, showAs=_text(proposal.id if proposal else text.number or number)),
            ),
            E.FRBRExpression(
                E.FRBRthis(value=f"{expression}/!main"), E.FRBRuri(value=expression),
                E.FRBRdate(date=date, name=f"revision ({known})"), E.FRBRauthor(href=f"#{actor}"),
                E.FRBRlanguage(language="eng"),
            ),
            E.FRBRManifestation(
                E.FRBRthis(value=f"{expression}/!main.xml"), E.FRBRuri(value=f"{expression}.akn.xml"),
                E.FRBRdate(date=date, name="generation"), E.FRBRauthor(href="#site"), E.FRBRformat(value="xml"),
            ),
            source="#site",
        ),
        E.references(
            E.TLCOrganization(eId=actor, href=f"/akn/ontology/organization/un/{actor}",
                              showAs=BODIES[actor[4:]].name if actor[4:] in BODIES else "International Telecommunication Union"),
            E.TLCOrganization(eId="site", href="/akn/ontology/organization/un/itu-resolutions-site", showAs="ITU resolutions (this site)"),
            source="#site",
        ),
    )


class _Content:
    """Blocks and running text of one document, with the eIds it has given out."""

    def __init__(self, writer: Writer, notes: dict[str, Footnote]) -> None:
        self.writer, self.notes = writer, notes
        self.used: dict[str, int] = {}

    def _id(self, base: str) -> str:
        """`{base}_{n}`: the n-th such id in the document."""
        self.used[base] = self.used.get(base, 0) + 1
        return f"{base}_{self.used[base]}"

    def redline(self, pieces: Redline, owner: str) -> list[Any]:
        """Words in (op, words) pieces: `<ins>`/`<del>` where op says, plain text elsewhere."""
        return [E(op, _text(w), eId=self._id(f"{owner}__{op}")) if op else _text(w) for op, w in pieces]

    def inlines(self, text: Iterable[Inline], owner: str) -> list[Any]:
        out: list[Any] = []
        for piece in text:
            if isinstance(piece, str):
                out.append(_text(piece))
            elif isinstance(piece, Change) and piece.inferred:  # not the source's: its words as they are
                out.append(_text(piece.text))
            elif isinstance(piece, Change):
                out.append(E(piece.op, _text(piece.text), eId=self._id(f"{owner}__{piece.op}")))
            elif isinstance(piece, Citation):
                words = self.redline(piece.printed, owner) if piece.printed else [_text(piece.text)]
                href = self._href(piece)
                out.append(E.ref(*words, href=href) if href else E.span(*words))
            elif isinstance(piece, FootnoteRef):
                note = self.notes.get(piece.key)
                element = E.authorialNote(E.p(*self.inlines(note.text, owner) if note else ""), marker=piece.key,
                                          eId=self._id(f"{owner}__authorialNote"), placement="bottom")
                out.append(E(piece.op, element, eId=self._id(f"{owner}__{piece.op}")) if piece.op else element)
        return out

    def _href(self, citation: Citation) -> str | None:
        target = citation.target
        if target is None:
            return None
        work, referenced = self.writer.look_up(target.id)
        if work is None:  # a provision or text outside the collection: its entry on the references page
            return f"/references/#{target.id}" if referenced else None
        return f"{work}~{target.anchor}" if target.anchor else work

    def _label(self, clause: Clause, owner: str) -> list[Any]:
        if clause.change and clause.change.printed and any(op for op, _ in clause.change.printed):
            return [E.num(*self.redline(clause.change.printed, owner))]
        return [E.num(_text(clause.label))] if clause.label else []

    def blocks_in_preamble(self, blocks: Iterable[Block], owner: str) -> list[Any]:
        """Clauses as a blockList (consecutive ones together), prose as paragraphs, tables as tables."""
        out: list[Any] = []
        items: list[Any] = []
        for block in blocks:
            if isinstance(block, Clause):
                items.append(self._item(block))
                continue
            if items:
                out.append(E.blockList(*items, eId=self._id(f"{owner}__list")))
                items = []
            out.append(self._prose(block, owner))
        if items:
            out.append(E.blockList(*items, eId=self._id(f"{owner}__list")))
        return out

    def _item(self, clause: Clause) -> Any:
        nested = self.blocks_in_preamble(clause.children, clause.anchor) if clause.children else []
        return E.item(*self._label(clause, clause.anchor), E.p(*self.inlines(clause.text, clause.anchor)), *nested, eId=clause.anchor)

    def _prose(self, block: Block, owner: str) -> Any:
        if isinstance(block, Paragraph):
            return E.p(*self.inlines(block.text, owner))
        return E.table(*[E.tr(*[E.td(E.p(*self.inlines(cell, owner))) for cell in row]) for row in block.rows],
                       eId=self._id(f"{owner}__table"))

    def section(self, section: Section, operative: bool) -> Any:
        heading = self.redline(section.printed_heading, section.anchor) if section.printed_heading else [_text(section.heading)]
        name = re.sub(r"[^a-z0-9]+", "_", section.heading.lower()).strip("_") or "section"
        if not operative:
            return E.container(E.p(E.i(*heading)), *self.blocks_in_preamble(section.blocks, section.anchor),
                               name=name, eId=section.anchor)
        return E.hcontainer(E.heading(*heading), *[self._hier(b, section.anchor) for b in section.blocks],
                            name=name, eId=section.anchor)

    def _hier(self, block: Block, owner: str) -> Any:
        if not isinstance(block, Clause):
            return E.hcontainer(E.content(self._prose(block, owner)), name="text", eId=self._id(f"{owner}__text"))
        label = self._label(block, block.anchor)
        words = E.p(*self.inlines(block.text, block.anchor))
        if not block.children:
            return E.paragraph(*label, E.content(words), eId=block.anchor)
        return E.paragraph(*label, E.intro(words), *[self._hier(c, block.anchor) for c in block.children], eId=block.anchor)
