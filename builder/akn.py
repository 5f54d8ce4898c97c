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
from collections.abc import Iterable
from functools import cache
from typing import Any

from lxml import etree

from .conventions import BODIES
from .ir import Block, Change, Citation, Clause, Footnote, FootnoteRef, Inline, Paragraph, Redline, ResolutionText, Revision, Section
from .link import ProposalPage, ResolutionPage, Site
from .link.model import RevisionPage, revision_slug

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
OPERATIVE = re.compile(r"^(?:further |also |and )?[a-z]+(?<!ing)s\b")
"""An operative heading starts with a verb in the third person (`resolves`, `further invites`);
preamble headings are participles or adjectives (`considering`, `bearing in mind`, `aware`)."""
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """What XML 1.0 can hold: a character it cannot (a stray control character) becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def _sub(parent: Any, tag: str, **attributes: str) -> Any:
    """A new last child of `parent`, in the AKN namespace. The tree is built from its root down
    (lxml's SubElement): made apart and then joined, elements cost 1.4 times as much."""
    return etree.SubElement(parent, _name(tag), attributes)


@cache
def _name(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _add(parent: Any, words: str) -> None:
    """Words after what `parent` holds: its text, or its last child's tail."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + words
    else:
        parent.text = (parent.text or "") + words


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
        content = _Content(self, {n.key: n for n in footnotes})
        expression = f"{work}/eng@{revision_slug(revision, text.body) if revision else ''}"
        # the schema wants a full date; ITU texts give the meeting's year: 1 January of it, named so
        date = f"{revision.year:04d}-01-01" if revision else "0001-01-01"
        root = etree.Element(_name("akomaNtoso"), nsmap={None: NS})
        statement = _sub(root, "statement", name=name, contains="singleVersion" if revision and revision.rev else "originalVersion")
        _meta(statement, work, expression, date, actor, text, proposal)
        preface = _sub(statement, "preface")
        _sub(_sub(preface, "p"), "docTitle").text = _text(text.heading)
        if proposal is not None:
            _proposed(_sub(preface, "p"), proposal, target)
        title = _sub(_sub(preface, "longTitle"), "p")
        if text.title:
            content.inlines(title, text.title, "title")
        else:
            _add(title, _text(text.heading))
        if text.history:
            _sub(preface, "p", **{"class": "history"}).text = _text(text.history)
        if text.foreword:
            foreword = _sub(preface, "container", name="foreword", eId="foreword")
            for paragraph in text.foreword:
                content.inlines(_sub(foreword, "p"), paragraph.text, "foreword")
        preamble = _sub(statement, "preamble")
        if text.formula:
            _sub(_sub(preamble, "formula", name="enactingFormula"), "p").text = _text(text.formula)
        content.blocks_in_preamble(preamble, text.preamble, "preamble")
        main = _sub(statement, "mainBody")
        operative = False
        for section in text.sections:
            operative = operative or section.kind != "section" or bool(OPERATIVE.match(section.heading))
            content.section(main if operative else preamble, section, operative)
        if not len(preamble):
            statement.remove(preamble)
        if not len(main):
            _sub(main, "p")
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _proposed(line: Any, proposal: ProposalPage, target: str | None) -> None:
    """What a proposal does, by whom, to what: `MOD ACP/64A1/3 ACP Resolution 68`."""
    code = proposal.proposal.code
    _sub(line, "docType").text = _text(proposal.proposal.action)
    _add(line, " ")
    _sub(line, "docNumber").text = _text(code.printed)
    _add(line, " ")
    _sub(line, "docProponent").text = _text(code.source)
    if target:
        _add(line, " ")
        _sub(line, "ref", href=target).text = _text(proposal.target_label or "")


def _first_year(page: ResolutionPage) -> int | None:
    years = [e.revision.year for e in page.history] + [r.year for r in page.revisions]
    return min(years) if years else None


def _meta(statement: Any, work: str, expression: str, date: str, actor: str, text: ResolutionText, proposal: ProposalPage | None) -> None:
    number = work.rsplit("/", 1)[1]
    known = "year of the meeting" if not date.startswith("0001") else "unknown"
    title = proposal.label if proposal else text.heading
    meta = _sub(statement, "meta")
    identification = _sub(meta, "identification", source="#site")
    for level, this, uri, rest in (
        ("FRBRWork", f"{work}/!main", work, (
            ("FRBRalias", {"value": _text(title), "name": "title"}), ("FRBRdate", {"date": date, "name": f"adoption ({known})"}),
            ("FRBRauthor", {"href": f"#{actor}"}), ("FRBRcountry", {"value": "un"}), ("FRBRsubtype", {"value": "deliberation"}),
            ("FRBRnumber", {"value": number, "showAs": _text(proposal.id if proposal else text.number or number)}),
        )),
        ("FRBRExpression", f"{expression}/!main", expression, (
            ("FRBRdate", {"date": date, "name": f"revision ({known})"}), ("FRBRauthor", {"href": f"#{actor}"}),
            ("FRBRlanguage", {"language": "eng"}),
        )),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn.xml", (
            ("FRBRdate", {"date": date, "name": "generation"}), ("FRBRauthor", {"href": "#site"}), ("FRBRformat", {"value": "xml"}),
        )),
    ):
        element = _sub(identification, level)
        _sub(element, "FRBRthis", value=this)
        _sub(element, "FRBRuri", value=uri)
        for tag, attributes in rest:
            _sub(element, tag, **attributes)
    references = _sub(meta, "references", source="#site")
    _sub(references, "TLCOrganization", eId=actor, href=f"/akn/ontology/organization/un/{actor}",
         showAs=BODIES[actor[4:]].name if actor[4:] in BODIES else "International Telecommunication Union")
    _sub(references, "TLCOrganization", eId="site", href="/akn/ontology/organization/un/itu-resolutions-site",
         showAs="ITU resolutions (this site)")


class _Content:
    """Blocks and running text of one document, with the eIds it has given out."""

    def __init__(self, writer: Writer, notes: dict[str, Footnote]) -> None:
        self.writer, self.notes = writer, notes
        self.used: dict[str, int] = {}

    def _id(self, base: str) -> str:
        """`{base}_{n}`: the n-th such id in the document."""
        self.used[base] = self.used.get(base, 0) + 1
        return f"{base}_{self.used[base]}"

    def redline(self, parent: Any, pieces: Redline, owner: str) -> None:
        """Words in (op, words) pieces: `<ins>`/`<del>` where op says, plain text elsewhere."""
        for op, words in pieces:
            if op:
                _sub(parent, op, eId=self._id(f"{owner}__{op}")).text = _text(words)
            else:
                _add(parent, _text(words))

    def inlines(self, parent: Any, text: Iterable[Inline], owner: str) -> None:
        for piece in text:
            if isinstance(piece, str):
                _add(parent, _text(piece))
            elif isinstance(piece, Change) and piece.inferred:  # not the source's: its words as they are
                _add(parent, _text(piece.text))
            elif isinstance(piece, Change):
                _sub(parent, piece.op, eId=self._id(f"{owner}__{piece.op}")).text = _text(piece.text)
            elif isinstance(piece, Citation):
                href = self._href(piece)
                cited = _sub(parent, "ref", href=href) if href else _sub(parent, "span")
                if piece.printed:
                    self.redline(cited, piece.printed, owner)
                else:
                    _add(cited, _text(piece.text))
            elif isinstance(piece, FootnoteRef):
                self._note(parent, piece, owner)

    def _note(self, parent: Any, piece: FootnoteRef, owner: str) -> None:
        """The footnote's text where it is called; the words of a note first, then its id, then
        the id of the insertion or deletion around it (the order its numbers have always had)."""
        changed = _sub(parent, piece.op) if piece.op else None
        element = _sub(changed if changed is not None else parent, "authorialNote")
        words, note = _sub(element, "p"), self.notes.get(piece.key)
        if note:
            self.inlines(words, note.text, owner)
        for key, value in (("marker", piece.key), ("eId", self._id(f"{owner}__authorialNote")), ("placement", "bottom")):
            element.set(key, value)
        if changed is not None:
            changed.set("eId", self._id(f"{owner}__{piece.op}"))

    def _href(self, citation: Citation) -> str | None:
        target = citation.target
        if target is None:
            return None
        work, referenced = self.writer.look_up(target.id)
        if work is None:  # a provision or text outside the collection: its entry on the references page
            return f"/references/#{target.id}" if referenced else None
        return f"{work}~{target.anchor}" if target.anchor else work

    def _label(self, parent: Any, clause: Clause, owner: str) -> None:
        if clause.change and clause.change.printed and any(op for op, _ in clause.change.printed):
            self.redline(_sub(parent, "num"), clause.change.printed, owner)
        elif clause.label:
            _sub(parent, "num").text = _text(clause.label)

    def blocks_in_preamble(self, parent: Any, blocks: Iterable[Block], owner: str) -> None:
        """Clauses as a blockList (consecutive ones together), prose as paragraphs, tables as tables."""
        items = None
        for block in blocks:
            if isinstance(block, Clause):
                if items is None:
                    items = _sub(parent, "blockList")
                self._item(items, block)
                continue
            if items is not None:
                items.set("eId", self._id(f"{owner}__list"))
                items = None
            self._prose(parent, block, owner)
        if items is not None:
            items.set("eId", self._id(f"{owner}__list"))

    def _item(self, parent: Any, clause: Clause) -> None:
        """A clause of a preamble; its own list first, for the numbers of the ids it shares."""
        item = _sub(parent, "item", eId=clause.anchor)
        if clause.children:
            self.blocks_in_preamble(item, clause.children, clause.anchor)
        nested = list(item)
        self._label(item, clause, clause.anchor)
        self.inlines(_sub(item, "p"), clause.text, clause.anchor)
        for element in nested:
            item.append(element)  # moved after the label and words

    def _prose(self, parent: Any, block: Block, owner: str) -> None:
        if isinstance(block, Paragraph):
            self.inlines(_sub(parent, "p"), block.text, owner)
            return
        table = _sub(parent, "table")
        for row in block.rows:
            line = _sub(table, "tr")
            for cell in row:
                self.inlines(_sub(_sub(line, "td"), "p"), cell, owner)
        table.set("eId", self._id(f"{owner}__table"))

    def section(self, parent: Any, section: Section, operative: bool) -> None:
        name = re.sub(r"[^a-z0-9]+", "_", section.heading.lower()).strip("_") or "section"
        element = _sub(parent, "hcontainer" if operative else "container", name=name, eId=section.anchor)
        heading = _sub(element, "heading") if operative else _sub(_sub(element, "p"), "i")
        if section.printed_heading:
            self.redline(heading, section.printed_heading, section.anchor)
        else:
            _add(heading, _text(section.heading))
        if not operative:
            self.blocks_in_preamble(element, section.blocks, section.anchor)
            return
        for block in section.blocks:
            self._hier(element, block, section.anchor)

    def _hier(self, parent: Any, block: Block, owner: str) -> None:
        if not isinstance(block, Clause):
            prose = _sub(parent, "hcontainer", name="text")
            self._prose(_sub(prose, "content"), block, owner)
            prose.set("eId", self._id(f"{owner}__text"))
            return
        paragraph = _sub(parent, "paragraph", eId=block.anchor)
        self._label(paragraph, block, block.anchor)
        self.inlines(_sub(_sub(paragraph, "intro" if block.children else "content"), "p"), block.text, block.anchor)
        for child in block.children:
            self._hier(paragraph, child, block.anchor)
