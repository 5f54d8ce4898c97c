"""A resolution's sections as they are read: clauses nested by their labels, tables, what the
labels say about the text's changes, and the IR `Section` each makes.

The rules of builder.readers.text_rules open a `SectionBuilder` at each section heading or annex
and hand it the lines that follow; builder.readers.resolution builds the sections at the end,
when every label of a list is known (a list's labels are aligned, or checked, as a whole).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..anchors import AnchorSet, section_slug, slug
from ..diagnostics import Diagnostics
from ..ir import Block, Clause, Inline, LabelChange, Paragraph, Section, Span, Table, label_pieces
from . import headings, labels
from .flattened import align, label_value, orient_headings, split_heading
from .lines import Line, inlines, plain
from .tracked import accept, cut, mark_all, pieces, reject


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
MAX_BULLETS = 4
"""Bullet lists nest at most this deep under a clause (ITU texts use two levels)."""
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
class SectionBuilder:
    """One section or annex as its lines are read: its clauses, nested, and what was wrong with them."""

    heading: str
    span: Span
    kind: str
    marked: str | None = None
    """The heading with its tracked changes, from a Word document or an unflattened line."""
    within: str | None = None
    """The anchor of the annex a part belongs to."""
    anchor: str | None = None
    """The anchor an annex or a part asks for, from its number (`annex-1`); a section's comes from its
    heading as finally read (a continuation line or a replaced heading changes it)."""
    nodes: list = field(default_factory=list)
    stack: list[_Node] = field(default_factory=list)
    """The open labelled clauses, outermost first: the last top-level one, the last one nested in it, …
    An unlabelled line closes them, but for one the last introduces (`_opens`) and a note, a
    caption or a lone `or` between clauses (`labels.is_aside`), which are its paragraphs."""
    last: _Node | None = None
    """The last clause added at any level, labelled or not: bullets that follow belong to it."""
    table: _TableNode | None = None
    """The table the last line was a row of, open to more rows."""
    bullets: list[_Node] = field(default_factory=list)
    """The open bullet items under `last`, outermost first: one per level of bullets."""
    top: labels.Level | None = None
    """The level of the section's first labelled clause: its top level."""
    flattened: bool = False
    """The text's labels may run two together (`5.15.2`: 5.1 became 5.2), from flattened tracked changes."""
    unplaced: list[tuple[_Node, str | None]] = field(default_factory=list)
    """Dotted numbers that continue no open clause (`5.1.2` after `6`), with the open clause whose number they contradict."""
    too_deep: list[_Node] = field(default_factory=list)
    """Clauses that would nest deeper than MAX_DEPTH: kept at that depth."""
    bullets_too_deep: list[_Node] = field(default_factory=list)
    """Bullets that would open a level of bullets deeper than MAX_BULLETS: kept beside the deepest."""
    too_wide: list[tuple[Span, int]] = field(default_factory=list)
    """A Word document's table rows of more cells than Word's tables can have (MAX_COLUMNS), with
    their count. (A text export's line may hold a whole table run together: no limit there.)"""

    def _open_table(self, line: Line) -> _TableNode | None:
        """The table the line may continue: the last line's, at most a blank line before."""
        last = self.table
        return last if last and last.last_line >= line.span.line - 2 else None

    def row(self, line: Line) -> tuple[tuple[Inline, ...], ...] | None:
        return table_cells(line.content, self._open_table(line) is not None, line.row)

    def add_row(self, line: Line, cells: tuple[tuple[Inline, ...], ...]) -> None:
        """A table row: the next of the open table, or the first of one in the open clause it
        follows (`1.1 … as below:`, its caption), which stays open (`1.2` after the table is
        still under `1`)."""
        if line.row and len(cells) > MAX_COLUMNS:
            self.too_wide.append((line.span, len(cells)))
        if last := self._open_table(line):
            last.rows.append(cells)
            last.last_line = line.span.line
        else:
            self.table = _TableNode([cells], line.span, line.span.line)
            (self.stack[-1].children if self.stack else self.nodes).append(self.table)
        self.bullets.clear()
        self.last = None

    def continues_table(self, line: Line) -> tuple[tuple[Inline, ...], ...] | None:
        """A line of as many cells as the open table has columns, three or more, is its next row
        even where its first cell looks like a label (`1<TAB>40<TAB>400`)."""
        table = self._open_table(line)
        cells = table_cells(line.content, True, line.row) if table else None
        return cells if table and cells and len(cells) == len(table.rows[-1]) >= 3 else None

    def add(self, label: str | None, text: Line, next_label: str | None, change: LabelChange | None = None) -> None:
        """Add a clause: its label, its text (without the label), the next line's label."""
        node = _Node(label, labels.kind(label) if label else None, text, change=change)
        self.table = None
        if node.kind == "bullet":
            self._add_bullet(node)
            return
        self.last = node
        self.bullets.clear()
        if node.kind is None:
            if self.stack and (_opens(self.stack[-1]) or labels.is_aside(plain(text.text))):
                self.stack[-1].children.append(node)
            else:
                self.nodes.append(node)
                self.stack.clear()
            return
        if node.kind == "roman" and self._continues_letters(node, next_label):
            node.kind = "letter"
        depth = self._inserted_after(node)
        if depth is None:
            depth = self._depth(node)
        if depth >= MAX_DEPTH:
            depth = MAX_DEPTH - 1
            self.too_deep.append(node)
        (self.stack[depth - 1].children if depth else self.nodes).append(node)
        self.stack[depth:] = [node]

    def _add_bullet(self, node: _Node) -> None:
        """A bullet goes in the clause before it, or in the open bullet lists: beside the last
        item where it has the same kind of mark (`labels.bullet_mark`); where it has the other,
        a level below the last item if that item introduces it (`Added value:`) or no open item
        has its mark (`•` items under `– … including:`), else beside the open item of its mark.
        (A same mark after a `:` is no level below: a Word export runs a table's heading into a
        bullet, `… radiocommunications ITU-T objectives:`.) At most MAX_BULLETS levels."""
        open_ = self.bullets
        mark = labels.bullet_mark(node.label or "")
        marks = [labels.bullet_mark(n.label or "") for n in open_]
        if open_ and (marks[-1] == mark or not plain(open_[-1].line.text).rstrip().endswith(":")):
            del open_[len(marks) - marks[::-1].index(mark) - 1 if mark in marks else len(open_):]
        if len(open_) >= MAX_BULLETS:
            self.bullets_too_deep.append(node)
            del open_[MAX_BULLETS - 1:]
        (open_[-1].children if open_ else self.last.children if self.last else self.nodes).append(node)
        open_.append(node)

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

    def _inserted_after(self, node: _Node) -> int | None:
        """`c)bis`, `3.4ter`, `2bis`: beside the open clause it was inserted after (`c)`, `3.4` or
        `3.4bis`, `2`), of that clause's kind; None for any other label, or where none is open."""
        label = node.label or ""
        if (after := labels.base(label)) == label:
            return None
        for depth in range(len(self.stack) - 1, -1, -1):
            if labels.base(self.stack[depth].label or "") == after:
                node.kind = self.stack[depth].kind
                return depth
        return None

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
        anchor = anchors.claim(self.anchor or section_slug(self.heading))
        blocks = _clauses(self.nodes, anchor, anchor, anchors)
        if old is None and self.marked:
            was = " ".join(plain(reject(self.marked)).split())
            old = (was if was and was != self.heading else None, redline_of(self.marked))  # type: ignore[assignment]
        old_heading, printed = old if old else (None, ())
        return Section(
            heading=self.heading, anchor=anchor, blocks=blocks, span=self.span, kind=self.kind,  # type: ignore[arg-type]
            old_heading=old_heading, printed_heading=printed, within=self.within,
        )

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
        if self.bullets_too_deep:
            diagnostics.warning(
                "bullets-too-deep", self.bullets_too_deep[0].line.span,
                f"{len(self.bullets_too_deep)} bullet(s) under “{self.heading[:60]}” would open a list deeper than "
                f"{MAX_BULLETS} levels of bullets (each after an item ending in “:” or of the other mark, – or •); "
                f"they are kept beside the deepest. Check the bullets' marks",
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
        """Align the labels of every list of siblings (see builder.readers.flattened)."""
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
        else:  # `c)bis` → `cbis`, as `4bis` → `4bis`
            base = f"{prefix}-{deleted}{slug(node.label.replace(')', ''))}"
        anchor = anchors.claim(base)
        children = _clauses(node.children, anchor, section_anchor, anchors)
        label = node.change.new if node.change else node.label
        out.append(Clause(
            label=label, anchor=anchor, text=inlines(node.line.content), span=node.line.span, children=children,
            change=node.change,
        ))
    return tuple(out)


def paragraph_or_row(line: Line) -> Block:
    """A line outside any section (a preamble, a proposal's parts): a table row where it has the
    cells of one, else a paragraph."""
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
    change = LabelChange(
        old=old_label, new=new_label, status=status, printed=_printed_label(old_label, new_label, status),  # type: ignore[arg-type]
    )
    return label, change, Line(line.span, shown, rest)


def _printed_label(old: str | None, new: str | None, status: str) -> tuple[tuple[str, str], ...]:
    """A label's redline. A label removed from a paragraph that stays is deleted whole, `)` and
    all (likewise one added), so that the text as proposed shows no stray `)`; a clause inserted
    or deleted with its words keeps `label_pieces`' form (`a` deleted, then `)`), as a text
    export's does."""
    if status != "renumbered" or (old and new):
        return label_pieces(old, new)
    return (("del", old),) if old else (("ins", new),)  # type: ignore[return-value]


def redline_of(marked: str | None) -> tuple[tuple[str, str], ...]:
    """A marked line (builder.readers.tracked) as redline pieces, or () where there is none."""
    return tuple(pieces(plain(marked))) if marked else ()


def read_heading_changes(builders: list[SectionBuilder]) -> list[tuple[str, tuple[tuple[str, str], ...]] | None]:
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
