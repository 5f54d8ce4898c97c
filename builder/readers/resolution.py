"""Read the text of one resolution (standalone, or as proposed in a proposal) into the IR.

Shape: [FOREWORD …] heading, title (one or more lines), [history line], [enacting
formula], then sections (a heading from the lexicon, then clauses), then annexes.
Clauses nest where the text nests: the first label kind met in a section is its top
level (`a)` or `1`); other kinds nest under the last top-level clause (`5.1`, `i)`);
bullets nest under the deepest open clause. Every line becomes something: text that
fits nowhere is kept as a paragraph and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..anchors import AnchorSet, section_slug, slug
from ..conventions import REVISION, WORDS_BEFORE_REV, bodies_meeting, body_of_formula, match_text, parse_revisions
from ..diagnostics import Diagnostics, quote
from ..ir import Block, Clause, Inline, LabelChange, Paragraph, ResolutionText, Revision, Section, Span, Table, label_pieces
from . import headings, labels
from .changes import align, label_value, orient_headings, split_heading, unflatten
from .lines import Line, inlines, plain
from .tracked import accept, cut, mark_all, pieces, reject

HEADING = re.compile(
    r"^(?P<kind>RESOLUTION|DECISION)\s+(?P<number>\d+[A-Z]?(?:-\d+)?)\s*(?:\((?P<revision>.*)\))?\s*$",
    re.IGNORECASE,
)
DRAFT = re.compile(r"^draft\s+new\s+(?P<kind>resolution|decision)\b", re.IGNORECASE)
FORMULA_SHAPE = re.compile(r"^The [A-Z][^()]* \([^()]*\d{4}\),?$")
"""An enacting formula, whatever its body: `The World Radiocommunication Conference (Dubai, 2023),`."""
HISTORY = re.compile(r"^\([^()]*\d{4}(?:\s*;[^()]*\d{4})*\)[.,]?$")
ANNEX = re.compile(
    r"^(?:ANNEX|Annex)(?:\s+(?P<n>\d+|[A-Z])\b)?(?:\s+(?:TO|to)\s+(?:RESOLUTION|Resolution|DECISION|Decision)\b.*)?$"
)


_GLUE = re.compile(r"\brev\.|[^\w]+", re.IGNORECASE)
"""What may stand between revisions in a heading's parentheses: `Rev.`, spaces, punctuation."""


def _not_revision(inside: str) -> str:
    """The words of a heading's parentheses that are no revision (`Extra` in `(Rev. Kigali, 2022
    Extra)`), as printed; `` where there are none."""
    rest = REVISION.sub(_words_before_rev, match_text(inside))
    return rest.strip(" ,;()") if _GLUE.sub("", rest) else ""


def _words_before_rev(m: re.Match[str]) -> str:
    """A revision as `_not_revision` leaves it: gone, but for words before a `Rev.` in its venue."""
    before = WORDS_BEFORE_REV.match(m["venue"])
    return f" {before[1]} " if before else " "


def is_text_heading(line: Line) -> bool:
    text = match_text(plain(line.text))
    return bool(HEADING.match(text) or DRAFT.match(text))


def table_cells(text: str, in_table: bool = False, row: bool = False) -> tuple[tuple[Inline, ...], ...] | None:
    """Three or more tab-separated cells make a table row; two do right after another row; a
    Word table's row is one whatever its cells."""
    cells = [c.strip() for c in text.split("\t")]
    if sum(1 for c in cells if c) < (1 if row else 2 if in_table else 3):
        return None
    return tuple(inlines(c) if c else () for c in cells)


@dataclass
class _Node:
    label: str | None
    kind: str | None
    line: Line
    children: list["_Node"] = field(default_factory=list)
    change: LabelChange | None = None


@dataclass
class _TableNode:
    rows: list[tuple[tuple[Inline, ...], ...]]
    span: Span
    last_line: int


MAX_COLUMNS = 63
"""The most columns a Word table can have."""
MAX_DEPTH = 32
"""Clauses nest at most this deep (ITU texts use four or five levels): every later stage walks
the tree recursively, and a document nested a thousand levels deep must not exhaust the stack."""


def _short(label: str) -> str:
    """A label as a diagnostic quotes it: a label of a hundred levels is cut."""
    return label if len(label) <= 24 else f"{label[:20]}…"


def _opens(clause: _Node) -> bool:
    """A clause that ends in `:` or in no punctuation at all (`1.1<TAB>Vision`) introduces the
    unlabelled paragraphs after it; one that ends like a sentence does not."""
    return not plain(clause.line.text).rstrip().endswith((";", ",", ".", ")", "”", '"'))


@dataclass
class _SectionBuilder:
    heading: str
    span: Span
    kind: str
    marked: str | None = None
    """The heading with its tracked changes, from a Word document or an unflattened line."""
    nodes: list = field(default_factory=list)
    stack: list[_Node] = field(default_factory=list)
    """The open labelled clauses, outermost first: the last top-level one, the last one nested in it, …"""
    last: _Node | None = None
    """The last clause added at any level, labelled or not: bullets that follow belong to it."""
    top: labels.Level | None = None
    """The level of the section's first labelled clause: its top level."""
    flattened: bool = False
    """The text's labels may run two together (`5.15.2`: 5.1 became 5.2), from flattened tracked changes."""
    unplaced: list[tuple[_Node, str | None]] = field(default_factory=list)
    """Dotted numbers that continue no open clause (`5.1.2` after `6`), with the open clause whose number they contradict."""
    too_deep: list[_Node] = field(default_factory=list)
    """Clauses that would nest deeper than MAX_DEPTH: kept at that depth."""
    too_wide: list[tuple[Span, int]] = field(default_factory=list)
    """A Word document's table rows of more cells than Word's tables can have (MAX_COLUMNS), with
    their count. (A text export's line may hold a whole table run together: no limit there.)"""

    def _open_table(self, line: Line) -> _TableNode | None:
        last = self.nodes[-1] if self.nodes else None
        return last if isinstance(last, _TableNode) and last.last_line >= line.span.line - 2 else None

    def row(self, line: Line) -> tuple[tuple[Inline, ...], ...] | None:
        return table_cells(line.content, self._open_table(line) is not None, line.row)

    def add_row(self, line: Line, cells: tuple[tuple[Inline, ...], ...]) -> None:
        if line.row and len(cells) > MAX_COLUMNS:
            self.too_wide.append((line.span, len(cells)))
        if last := self._open_table(line):
            last.rows.append(cells)
            last.last_line = line.span.line
        else:
            self.nodes.append(_TableNode([cells], line.span, line.span.line))
        self.stack.clear()
        self.last = None

    def add(self, label: str | None, text: Line, next_label: str | None, change: LabelChange | None = None) -> None:
        """Add a clause: its label, its text (without the label), the next line's label."""
        node = _Node(label, labels.kind(label) if label else None, text, change=change)
        if node.kind == "bullet":
            (self.last.children if self.last else self.nodes).append(node)
            return
        self.last = node
        if node.kind is None:
            if self.stack and _opens(self.stack[-1]):
                self.stack[-1].children.append(node)
            else:
                self.nodes.append(node)
                self.stack.clear()
            return
        if node.kind == "roman" and self._continues_letters(node, next_label):
            node.kind = "letter"
        depth = self._depth(node)
        if depth >= MAX_DEPTH:
            depth = MAX_DEPTH - 1
            self.too_deep.append(node)
        (self.stack[depth - 1].children if depth else self.nodes).append(node)
        self.stack[depth:] = [node]

    def _depth(self, node: _Node) -> int:
        """Where a labelled clause goes among the open ones: beside the open clause of its level
        (`b)` beside `a)`, closing what was nested in `a)`), else one level below the deepest
        (`i)` in `a)`); a dotted number goes below the clause its number continues (`5.1.2`
        under `5.1`). A section's first level stays its top level when the clauses above close."""
        here = labels.level(node.label or "", node.kind)  # type: ignore[arg-type]
        if node.kind == "dotted":
            number = labels.core(node.label or "")
            if (depth := self._under(number)) is not None:
                return depth
            if self.flattened and (now := labels.run_together_dotted(number)):  # `5.15.2`: 5.1 became 5.2
                number, here = now, labels.level(now, "dotted")
                if (depth := self._under(now)) is not None:
                    return depth
            rival = next((n for n in self.stack if n.kind in ("number", "dotted")
                          and (core := labels.core(n.label or "")).count(".") < number.count(".")
                          and not number.startswith(core + ".")), None)
            if rival:  # an open clause above it has another number (`9.1.2` after `5`)
                self.unplaced.append((node, rival.label))
        for depth in range(len(self.stack) - 1, -1, -1):
            if labels.level(self.stack[depth].label or "", self.stack[depth].kind) == here:  # type: ignore[arg-type]
                return depth
        if self.top is None or here == self.top:
            self.top = here
            return 0
        return len(self.stack)

    def _under(self, number: str) -> int | None:
        """The depth below the open clause numbered as the dotted number's parent (`5.1` for `5.1.2`)."""
        parent = number.rsplit(".", 1)[0]
        for depth in range(len(self.stack) - 1, -1, -1):
            if labels.core(self.stack[depth].label or "") == parent:
                return depth + 1
        return None

    def _continues_letters(self, node: _Node, next_label: str | None) -> bool:
        """`i)` after `h)` is the letter i, unless `ii)` follows; likewise `v)`, `x)`, `ii)` after `hh)`,
        at any depth."""
        before = labels.previous_letter(node.label or "")
        return (
            before is not None
            and any(open_.label == before and open_.kind == "letter" for open_ in self.stack)
            and next_label != labels.next_roman(node.label or "")
        )

    def build(self, anchors: AnchorSet, old: tuple[str, tuple[tuple[str, str], ...]] | None = None) -> Section:
        if self.kind == "annex":
            m = ANNEX.match(match_text(self.heading))
            anchor = anchors.claim(f"annex-{m['n'].lower()}" if m and m["n"] else "annex")
        else:
            anchor = anchors.claim(section_slug(self.heading))
        blocks = _clauses(self.nodes, anchor, anchor, anchors)
        if old is None and self.marked:
            was = " ".join(plain(reject(self.marked)).split())
            old = (was if was and was != self.heading else None, _redline_of(self.marked))  # type: ignore[assignment]
        old_heading, printed = old if old else (None, ())
        return Section(self.heading, anchor, blocks, self.span, self.kind, old_heading, printed)

    def label_lists(self) -> Iterator[tuple[str, list[_Node]]]:
        """Every list of sibling clauses of one label kind (bullets and unlabelled paragraphs
        aside), at every depth: (kind, siblings)."""

        def walk(nodes: list) -> Iterator[tuple[str, list[_Node]]]:
            clauses = [n for n in nodes if isinstance(n, _Node)]
            for kind in dict.fromkeys(n.kind for n in clauses if n.kind not in (None, "bullet")):
                yield kind, [n for n in clauses if n.kind == kind]  # type: ignore[misc]
            for n in clauses:
                yield from walk(n.children)

        return walk(self.nodes)

    def report(self, diagnostics: Diagnostics) -> None:
        """What the section's shape had wrong: rows too wide, clauses too deep or unplaced."""
        for span, cells in self.too_wide:
            diagnostics.warning(
                "table-too-wide", span,
                f"a table row of {cells:,} cells, where Word's tables have at most {MAX_COLUMNS} columns: the "
                "document was not written by Word. Every cell is kept; check the document",
            )
        if self.too_deep:
            diagnostics.warning(
                "clauses-too-deep", self.too_deep[0].line.span,
                f"{len(self.too_deep)} clause(s) under “{self.heading[:60]}” would nest deeper than {MAX_DEPTH} levels "
                f"(first {_short(self.too_deep[0].label or '')}); they are kept, with their labels, at level {MAX_DEPTH}. Check the numbering",
            )
        for node, near in self.unplaced:
            diagnostics.warning(
                "label-unplaced", node.line.span,
                f"the label {_short(node.label or '')} under “{self.heading[:60]}” continues no open clause "
                f"(it follows {near}); kept as printed, placed by its depth. "
                "Check the numbering",
            )

    def check_order(self, diagnostics: Diagnostics) -> None:
        """Labels of one list should run without gaps or repeats (`a)`, `b)`, `c)`); report where not."""
        for kind, siblings in self.label_lists():
            # `4bis` has no place in the sequence: the others still run in order around it
            values = [v for n in siblings if (v := label_value(n.label, kind)) is not None]  # type: ignore[arg-type]
            if any(b != a + 1 for a, b in zip(values, values[1:])):  # type: ignore[operator]
                diagnostics.warning(
                    "labels-out-of-order", siblings[0].line.span,
                    f"the labels {self._printed(siblings)} under “{self.heading[:60]}” do not run "
                    "in order; check the export (anchors follow the labels as printed)",
                )

    def read_changes(self, diagnostics: Diagnostics) -> None:
        """Align the labels of every list of siblings (see builder.readers.changes)."""
        for kind, siblings in self.label_lists():
            found, ambiguous = align([n.label for n in siblings], kind)  # type: ignore[misc]
            where = siblings[0].line.span
            if found is None:
                diagnostics.warning(
                    "labels-unaligned", where,
                    f"the labels {self._printed(siblings)} under “{self.heading[:60]}” cannot be read as "
                    "an old and a new sequence without gaps; their changes are not shown. Check the labels",
                )
                continue
            if ambiguous:
                diagnostics.warning(
                    "labels-ambiguous", where,
                    f"the labels {self._printed(siblings)} under “{self.heading[:60]}” can be read "
                    "in more than one way; the reading with the fewest insertions and deletions is shown",
                )
            for node, change in zip(siblings, found):
                node.change = change
                node.label = change.new or change.old
                if change.status in ("inserted", "deleted"):  # its words go or come with it
                    op = "ins" if change.status == "inserted" else "del"
                    node.line = Line(node.line.span, node.line.text, mark_all(op, node.line.content))

    @staticmethod
    def _printed(siblings: list[_Node], most: int = 12) -> str:
        """The labels as printed, the first few of a long list (a diagnostic stays one readable line)."""
        shown = " ".join(_short(n.label or "") for n in siblings[:most])
        return shown if len(siblings) <= most else f"{shown} … ({len(siblings)} in all)"


def _clauses(nodes: list, prefix: str, section_anchor: str, anchors: AnchorSet) -> tuple[Block, ...]:
    out: list[Block] = []
    item = 0
    for node in nodes:
        if isinstance(node, _TableNode):
            out.append(Table(tuple(node.rows), node.span))
            continue
        deleted = "deleted-" if node.change and node.change.status == "deleted" else ""
        if node.kind in (None, "bullet"):
            item += 1
            base = f"{prefix}-item-{item}"
        elif node.kind == "dotted":
            base = f"{section_anchor}-{deleted}{slug(node.label)}"
        else:
            base = f"{prefix}-{deleted}{slug(node.label)}"
        anchor = anchors.claim(base)
        children = _clauses(node.children, anchor, section_anchor, anchors)
        label = node.change.new if node.change else node.label
        clause = Clause(label, anchor, inlines(node.line.content), node.line.span, children, node.change)
        out.append(clause)
    return tuple(out)


def paragraph_or_row(line: Line) -> Block:
    cells = table_cells(line.content, row=line.row)
    if cells:
        return Table((cells,), line.span)
    return Paragraph(inlines(line.content), line.span)


def tracked_clause(line: Line, split: tuple[str, str] | None) -> tuple[str | None, LabelChange | None, Line]:
    """A line with exact tracked changes → its label, what happens to the clause, and its text
    without the label. A paragraph wholly inserted or deleted is an inserted or deleted clause.
    `split`: `labels.split_label` of the line's text, which is both views where nothing changed."""
    marked = line.content
    if line.marked is None:  # most lines: no change, both views are the text, already split
        new = old = line.text
        new_split = old_split = split
    else:
        new, old = accept(marked).strip(), reject(marked).strip()
        new_split = labels.split_label(new) if new else None
        old_split = labels.split_label(old) if old else None
    new_label, old_label = (new_split[0] if new_split else None), (old_split[0] if old_split else None)
    if not new:
        status, new_label = "deleted", None
    elif not old:
        status, old_label = "inserted", None
    else:  # a label changed, added or removed on a paragraph that stays: the clause is renumbered
        status = "unchanged" if old_label == new_label else "renumbered"
    rest = cut(
        marked.strip(),
        len(new) - len(new_split[1]) if new_split else 0,
        len(old) - len(old_split[1]) if old_split else 0,
    )
    shown = (new_split or old_split or ("", line.text))[1]
    label = new_label or old_label
    if label is None and status not in ("inserted", "deleted"):
        return None, None, Line(line.span, shown, rest)
    change = LabelChange(old_label, new_label, status, _printed_label(old_label, new_label, status))  # type: ignore[arg-type]
    return label, change, Line(line.span, shown, rest)


def _printed_label(old: str | None, new: str | None, status: str) -> tuple[tuple[str, str], ...]:
    """A label's redline. A label removed from a paragraph that stays is deleted whole, `)` and
    all (likewise one added), so that the text as proposed shows no stray `)`; a clause inserted
    or deleted with its words keeps `label_pieces`' form (`a` deleted, then `)`), as a text
    export's does."""
    if status != "renumbered" or (old and new):
        return label_pieces(old, new)
    return (("del", old),) if old else (("ins", new),)  # type: ignore[return-value]


def split_texts(lines: list[Line]) -> list[list[Line]]:
    """A file of several resolutions (Final Acts) → one list of lines per resolution; what
    comes before the second heading (a FOREWORD) goes with the first."""
    starts = [k for k, line in enumerate(lines) if is_text_heading(line)][1:]
    bounds = [0, *starts, len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:])]


def read_text(lines: list[Line], diagnostics: Diagnostics, tracked: bool = False, exact: bool = False) -> ResolutionText:
    """Read one resolution text; `lines` are the text's lines only (no proposal parts).

    `tracked`: the text carries tracked changes (a MOD proposal), so labels and headings are
    read as old and new. `exact`: the lines come from a Word document, whose changes are marked
    (builder.readers.tracked); otherwise they are flattened and recovered from the text
    (builder.readers.changes)."""
    lines = [line for line in lines if not line.blank]
    if tracked and not exact:
        lines = [Line(line.span, accept(u), u) if (u := unflatten(line.text)) else line for line in lines]
    exact_labels = exact and (tracked or any(line.marked for line in lines))
    n, i = len(lines), 0
    first_span = lines[0].span if lines else Span("", 0)
    foreword: list[Paragraph] = []
    if n > 1 and match_text(plain(lines[0].text)).strip().upper() == "FOREWORD" and not is_text_heading(lines[1]):
        i = 1
        while i < n and not is_text_heading(lines[i]):
            foreword.append(Paragraph(inlines(lines[i].content), lines[i].span))
            i += 1
    preamble: list[Block] = []
    while i < n and not is_text_heading(lines[i]):
        preamble.append(paragraph_or_row(lines[i]))
        i += 1
    if i == n:
        return ResolutionText(
            "fragment", None, None, "", None, None, (), None, None, (), tuple(foreword), tuple(preamble), (), first_span
        )

    head = lines[i]
    head_text = match_text(plain(head.text))
    i += 1
    number, revision, old_revision = None, None, None
    if m := HEADING.match(head_text):
        kind = m["kind"].lower()
        number = m["number"].upper()
        revisions = parse_revisions(m["revision"] or "")
        if head.marked and (was := HEADING.match(match_text(plain(reject(head.marked))))):
            old = parse_revisions(was["revision"] or "")
            if old and revisions and old[-1] != revisions[-1]:
                revisions = (old[-1], revisions[-1])
        if revisions:
            revision = revisions[-1]
            if len(revisions) > 1:
                old_revision = revisions[0]
                if old_revision.rev and not revision.rev:  # `(Rev. Busan, 2014Dubai, 2018)`: one "Rev." for both
                    revision = Revision(revision.venue, revision.year, True)
        if len(revisions) > 2:
            diagnostics.warning(
                "revision-unclear", head.span,
                f"the heading names {len(revisions)} revisions; the first is taken as old, the last as new",
            )
        if rest := _not_revision(m["revision"] or ""):
            diagnostics.warning(
                "heading-leftover", head.span,
                f"the heading's parentheses hold “{quote(rest)}” besides its revision: no revision is read from "
                "those words and a resolution's page does not show them. Correct the heading "
                "(`RESOLUTION 71 (Rev. Kigali, 2022)`)",
            )
    else:
        kind = "draft"

    def ends_title(line: Line) -> bool:
        text = plain(line.text)
        return bool(
            HISTORY.match(text)
            or body_of_formula(text)
            or FORMULA_SHAPE.match(text)
            or headings.is_heading(text, shape=False)  # a title's lines may be any words
            or ANNEX.match(match_text(text))
            or labels.split_label(text)
            or table_cells(text)
        )

    title: list[str] = []
    while i < n and not ends_title(lines[i]):
        title.append(lines[i].content)
        i += 1
    history = formula = None
    history_line = formula_line = None
    body = None
    if i < n and HISTORY.match(plain(lines[i].text)):
        history, history_line = plain(lines[i].text), lines[i]
        i += 1
    if i < n and (body := body_of_formula(plain(lines[i].text))):
        formula, formula_line = plain(lines[i].text), lines[i]
        i += 1
    elif i < n and FORMULA_SHAPE.match(plain(lines[i].text)):
        formula, formula_line = plain(lines[i].text), lines[i]
        diagnostics.warning(
            "body-unknown", lines[i].span,
            "this enacting formula names no body the builder knows (builder/conventions.py BODIES)",
        )
        i += 1
    if body is None and revision:
        meeting = bodies_meeting(revision.venue, revision.year)
        body = meeting[0] if len(meeting) == 1 else None

    builders: list[_SectionBuilder] = []
    current: _SectionBuilder | None = None
    body_lines = lines[i:]
    split = [labels.split_label(line.text) for line in body_lines]
    for k, line in enumerate(body_lines):
        text = plain(line.text)
        if ANNEX.match(match_text(text)):
            current = _SectionBuilder(text, line.span, "annex", line.marked, flattened=tracked and not exact)
            builders.append(current)
            continue
        if current is None or current.kind == "section":
            # by its shape alone, a heading follows a line that ends a clause or a heading (`;`, `.`,
            # `,`); after a list's `:` and its unpunctuated items, a line is one more item
            before = plain(body_lines[k - 1].text).rstrip() if k else ""
            by_shape = not k or before.endswith((";", ".", ",")) or headings.is_heading(before, shape=False)
            if headings.is_heading(text, by_shape) or (line.style == "Call" and not split[k] and not line.row):
                current = _SectionBuilder(text, line.span, "section", line.marked, flattened=tracked and not exact)
                builders.append(current)
                if verb := headings.verb_not_in_lexicon(text):
                    diagnostics.info(
                        "heading-not-in-lexicon", line.span,
                        f"“{text[:60]}” is read as a section heading by its shape; its verb “{verb}” is not in the "
                        "lexicon of builder/readers/headings.py: add it there, or correct the line if it is no heading",
                    )
                continue
            if current and not current.nodes and headings.is_continuation(text):
                current.heading = f"{current.heading} {text}"
                continue
        if current is None:
            diagnostics.warning(
                "text-before-sections", line.span,
                "text between the enacting formula and the first section heading; kept as a paragraph. "
                "If it is a heading, add its verb to the lexicon (builder/readers/headings.py)",
            )
            preamble.append(paragraph_or_row(line))
            continue
        next_label = next((x[0] for x in split[k + 1 : k + 2] if x), None)
        if line.row and (cells := current.row(line)):
            current.add_row(line, cells)
        elif exact_labels:
            label, change, text_line = tracked_clause(line, split[k])
            current.add(label, text_line, next_label, change)
        elif split[k]:
            rest = split[k][1]
            width = len(line.text) - len(rest)  # the label and its tab, the same in both views
            current.add(split[k][0], Line(line.span, rest, cut(line.marked, width, width) if line.marked else None), next_label)
        elif cells := current.row(line):
            current.add_row(line, cells)
        else:
            current.add(None, line, next_label)
    for builder in builders:
        builder.report(diagnostics)
    old_headings: list[tuple[str, tuple[tuple[str, str], ...]] | None] = [None] * len(builders)
    if tracked and not exact:
        old_headings = _read_heading_changes(builders)
        for builder in builders:
            builder.read_changes(diagnostics)
    elif not exact_labels:
        for builder in builders:
            builder.check_order(diagnostics)
    anchors = AnchorSet()
    sections = [b.build(anchors, old) for b, old in zip(builders, old_headings)]
    meetings = parse_revisions(formula) if formula else ()
    if formula_line and formula_line.marked:
        was = parse_revisions(plain(reject(formula_line.marked)))
        meetings = tuple(dict.fromkeys(was + meetings))
    return ResolutionText(
        kind, body, number, plain(head.text), revision, old_revision, inlines(" ".join(title)),  # type: ignore[arg-type]
        history, formula, meetings, tuple(foreword), tuple(preamble), tuple(sections), head.span,
        _redline_of(head.marked), _redline_of(history_line and history_line.marked), _redline_of(formula_line and formula_line.marked),
        exact,
    )


def _redline_of(marked: str | None) -> tuple[tuple[str, str], ...]:
    """A marked line (builder.readers.tracked) as redline pieces, or () where there is none."""
    return tuple(pieces(plain(marked))) if marked else ()


def _read_heading_changes(builders: list[_SectionBuilder]) -> list[tuple[str, tuple[tuple[str, str], ...]] | None]:
    """Replace each run-together heading (`recognizingconsidering …`) by its new heading and
    return the old ones with the printed heading in pieces (None where a heading did not change)."""
    pairs: list[tuple[str, str] | None] = []
    for b in builders:
        first = b.heading.split(" ", 1)[0]
        pairs.append(split_heading(first, headings.LEXICON) if b.kind == "section" else None)
    plain_headings = [b.heading for b, p in zip(builders, pairs) if p is None and b.kind == "section"]
    first_is_old = orient_headings(pairs, plain_headings)
    old_headings: list[tuple[str, tuple[tuple[str, str], ...]] | None] = []
    for b, pair, first_old in zip(builders, pairs, first_is_old):
        if pair is None:
            old_headings.append(None)
            continue
        rest = b.heading[len(pair[0]) + len(pair[1]) :]
        old, new = (pair[0], pair[1]) if first_old else (pair[1], pair[0])
        printed = (("del", pair[0]), ("ins", pair[1])) if first_old else (("ins", pair[0]), ("del", pair[1]))
        b.heading = new + rest
        old_headings.append((old + rest, printed + ((("", rest),) if rest else ())))
    return old_headings
