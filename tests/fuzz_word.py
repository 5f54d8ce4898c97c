"""Hypothesis strategies for fuzzing the Word reader (not a test file: tests use them).

`word_bodies()` draws a `w:body` and its footnotes from random nestings of what a Word
document may hold, and what a stranger's may: paragraphs and runs; tracked changes
(`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`); content controls, custom XML and smart tags
around blocks, rows, cells and runs; tables with column spans, huge and invalid ones too;
`mc:AlternateContent` with and without a Choice; text boxes in paragraphs, cells, notes and
other boxes; ruby; hidden runs; symbols with hostile codes; Markdown, HTML and Jinja as text; footnote calls of notes that
exist, do not, or exist twice; paragraphs numbered (`w:numPr`) by lists a drawn numbering part
defines or not, at levels in and out of 0 to 8, with formats, level texts, starts and
overrides ordinary and hostile. Each piece of text is a distinct word (`w12xab`), written
between spaces, and sorted by what the reader must do with it: `visible` words reach the
lines, the notes or a diagnostic; `absent` words (hidden text, ruby text over its base, the
branch of AlternateContent not read) reach no line and no note. The words of a note called
nowhere are neither: a diagnostic quotes them, shortened. `pack` makes the .docx bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from fixtures.word.raw import p, package

SPANS = ("2", "63", "64", "3000000", "99999999999999999999", "x", "-1", "0", "+2", "")
"""Column spans: ordinary, the most a table has, more, and no number at all."""
SYMBOLS = ("F0B0", "41", "D800", "DFFF", "E000", "E003", "F003", "1D004", "110000", "zz", "-41", "")
"""Symbol codes: a degree sign, a letter, surrogates, the reader's marks, control characters,
beyond Unicode, no number."""
MARKUP = ("<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))", "{: onclick=alert(1) }",
          "{{ 7*7 }}", "# not a heading", "| a | b |", "<div markdown>inner</div>", "`code`", "\\*")
"""Source text that would be markup if it were not escaped on its way to a page."""
FORMATS = ("decimal", "lowerLetter", "upperRoman", "bullet", "none", "ordinal", "")
LEVEL_TEXTS = ("%1)", "%1.%2", "(%3)", "%1.%2.%3.%4.%5.%6.%7.%8.%9", "", "–", "\uf0b7", "\ue003%1\ue004", "%1" * 40, "x" * 61)
STARTS = ("1", "0", "25", "1000000", "1000001", "99999999999999999999", "-1", "x", "")
LEVELS = ("0", "1", "2", "8", "9", "-1", "x", "")
LIST_IDS = ("1", "2", "3", "0", "9", "")
"""Lists: 1 and 2 share an abstract definition (2 restarts it), 3 has none, 9 is not defined."""
NOTE_IDS = ("1", "2", "3")
MISSING_IDS = ("9", "")
_CONTAINERS = (
    ('<w:sdt><w:sdtPr><w:alias w:val="c"/></w:sdtPr><w:sdtContent>', "</w:sdtContent></w:sdt>"),
    ('<w:customXml w:element="e"><w:customXmlPr/>', "</w:customXml>"),
)
_CHANGES = ("ins", "del", "moveTo", "moveFrom")


@dataclass
class Drawn:
    """A body and its footnotes, and the words the reader must show or must not."""

    body: str
    footnotes: str
    visible: set[str] = field(default_factory=set)
    absent: set[str] = field(default_factory=set)
    numbering: str = ""
    """The numbering part's lists (`w:abstractNum`, `w:num`), or none."""


class _Writer:
    """Draws one body, counting its words and the notes called where they show."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.count = 0
        self.visible: set[str] = set()
        self.absent: set[str] = set()
        self.called: set[str] = set()

    def word(self, shown: bool) -> str:
        self.count += 1
        word = f"w{self.count}x{self.draw(st.text('abcdefghijklmnopqrstuvyz', min_size=1, max_size=3))}"
        (self.visible if shown else self.absent).add(word)
        return word

    def choose(self, options: int) -> int:
        return self.draw(st.integers(0, options - 1))

    def text_run(self, shown: bool) -> str:
        """A run of one word: plain, hidden (`w:vanish`), or with a vanish that hides nothing."""
        hidden = self.choose(4)
        properties = ("", "<w:rPr><w:vanish/></w:rPr>", '<w:rPr><w:vanish w:val="0"/></w:rPr>', "<w:rPr><w:specVanish/></w:rPr>")[hidden]
        return f'<w:r>{properties}<w:t xml:space="preserve"> {self.word(shown and hidden != 1)} </w:t></w:r>'

    def run(self, shown: bool, depth: int, calls: bool) -> str:
        """One run: text (maybe markup), a symbol, a note call, ruby, a text box, or AlternateContent inside it.
        No calls in a note's own text (`calls` false): Word has no notes in notes."""
        kind = self.choose(8)
        if kind == 6:
            return f'<w:r><w:t xml:space="preserve">{escape(self.draw(st.sampled_from(MARKUP)))} {self.word(shown)} </w:t></w:r>'
        if kind == 1:
            return f'<w:r><w:sym w:font="Symbol" w:char="{self.draw(st.sampled_from(SYMBOLS))}"/></w:r>'
        if kind == 2 and calls:
            key = self.draw(st.sampled_from(NOTE_IDS + MISSING_IDS))
            if shown:
                self.called.add(key)
            return f'<w:r><w:footnoteReference w:id="{key}"/></w:r>'
        if kind == 3:
            return (f'<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t xml:space="preserve"> {self.word(False)} </w:t></w:r></w:rt>'
                    f'<w:rubyBase>{self.text_run(shown)}</w:rubyBase></w:ruby></w:r>')
        if kind == 4 and depth > 0:  # a text box, in a run that may be hidden
            hidden = self.draw(st.booleans())
            choice, fallback = self.blocks(shown and not hidden, depth - 1, calls), self.blocks(False, depth - 1, calls)
            return ("<w:r>" + ("<w:rPr><w:vanish/></w:rPr>" if hidden else "") + "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>" + choice
                    + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" + fallback
                    + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
        if kind == 5:
            return (f'<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t xml:space="preserve"> {self.word(shown)} </w:t></mc:Choice>'
                    f'<mc:Fallback><w:t xml:space="preserve"> {self.word(False)} </w:t></mc:Fallback></mc:AlternateContent></w:r>')
        return self.text_run(shown)

    def inlines(self, shown: bool, depth: int, calls: bool) -> str:
        """A paragraph's content: runs, tracked changes, containers, AlternateContent, nested."""
        out = []
        for _ in range(self.draw(st.integers(1, 4))):
            kind = self.choose(5) if depth > 0 else 0
            if kind == 1:
                tag = self.draw(st.sampled_from(_CHANGES))
                out.append(f'<w:{tag} w:id="1" w:author="a">{self.inlines(shown, depth - 1, calls)}</w:{tag}>')
            elif kind == 2:
                opening, closing = self.draw(st.sampled_from(_CONTAINERS + (('<w:smartTag w:element="s">', "</w:smartTag>"),)))
                out.append(opening + self.inlines(shown, depth - 1, calls) + closing)
            elif kind == 3:
                has_choice = self.draw(st.booleans())
                choice = f'<mc:Choice Requires="w14">{self.inlines(shown, depth - 1, calls)}</mc:Choice>' if has_choice else ""
                fallback = self.inlines(shown and not has_choice, depth - 1, calls)
                out.append(f"<mc:AlternateContent>{choice}<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>")
            else:
                out.append(self.run(shown, depth, calls))
        return "".join(out)

    def cell(self, shown: bool, depth: int, calls: bool) -> str:
        span = self.draw(st.sampled_from(("",) * 4 + SPANS))
        properties = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else ""
        return self.wrapped(f"<w:tc>{properties}{self.blocks(shown, depth - 1, calls)}</w:tc>")

    def table(self, shown: bool, depth: int, calls: bool) -> str:
        rows = [self.wrapped("<w:tr>" + "".join(self.cell(shown, depth, calls) for _ in range(self.draw(st.integers(1, 3)))) + "</w:tr>")
                for _ in range(self.draw(st.integers(1, 3)))]
        return "<w:tbl>" + "".join(rows) + "</w:tbl>"

    def wrapped(self, xml: str) -> str:
        """The XML as it is, or inside one or two containers (content controls, custom XML)."""
        for _ in range(self.draw(st.integers(0, 2))):
            opening, closing = self.draw(st.sampled_from(_CONTAINERS))
            xml = opening + xml + closing
        return xml

    def blocks(self, shown: bool, depth: int, calls: bool) -> str:
        """Paragraphs and tables (below depth 0, a paragraph of runs), each maybe wrapped, or
        AlternateContent holding blocks."""
        out = []
        for _ in range(self.draw(st.integers(1, 3))):
            kind = self.choose(4) if depth > 0 else 0
            if kind == 1:
                out.append(self.table(shown, depth, calls))
            elif kind == 2:
                out.append("<mc:AlternateContent><mc:Choice Requires=\"w14\">" + self.blocks(shown, depth - 1, calls)
                           + "</mc:Choice><mc:Fallback>" + self.blocks(False, depth - 1, calls) + "</mc:Fallback></mc:AlternateContent>")
            else:
                out.append(self.wrapped(self.paragraph(self.inlines(shown, depth, calls))))
        return "".join(out)

    def paragraph(self, inner: str) -> str:
        """A paragraph, numbered or not: by a list and a level from LIST_IDS and LEVELS (either
        may be missing; mostly lists 1 and 2 at levels 0 and 1), its mark maybe inserted or deleted, or its numbering tracked as changed."""
        if self.choose(2):
            return p(inner)
        list_id = self.draw(st.sampled_from(("1", "2") * 3 + LIST_IDS))  # mostly lists that number
        level = self.draw(st.sampled_from(("0", "1") * 3 + LEVELS))
        numpr = ("<w:numPr>" + (f'<w:ilvl w:val="{level}"/>' if level else "") + (f'<w:numId w:val="{list_id}"/>' if list_id else "")
                 + "</w:numPr>")
        mark = self.draw(st.sampled_from(("", '<w:rPr><w:ins w:id="1" w:author="a"/></w:rPr>', '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>',
                                          '<w:rPr><w:vanish/></w:rPr>')))
        change = self.draw(st.sampled_from(("", '<w:pPrChange w:id="2" w:author="a"><w:pPr/></w:pPrChange>',
                                            '<w:pPrChange w:id="2" w:author="a"><w:pPr>' + numpr + "</w:pPr></w:pPrChange>")))
        return f"<w:p><w:pPr>{numpr}{mark}{change}</w:pPr>{inner}</w:p>"

    def numbering(self) -> str:
        """Lists 1 and 2 of one abstract definition (2 restarts a level), list 3 of one that does
        not exist; levels 0, 1 and then any of LEVELS, drawn from FORMATS, LEVEL_TEXTS and STARTS."""
        levels = []
        for n in range(self.draw(st.integers(0, 5))):  # levels 0 and 1 first, then any
            level, form = str(n) if n < 2 else self.draw(st.sampled_from(LEVELS)), self.draw(st.sampled_from(FORMATS))
            text, start = self.draw(st.sampled_from(LEVEL_TEXTS)), self.draw(st.sampled_from(STARTS))
            levels.append(f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{form}"/>'
                          f'<w:lvlText w:val="{escape(text)}"/>' + ('<w:lvlRestart w:val="0"/>' if self.choose(4) == 0 else "") + "</w:lvl>")
        override = f'<w:lvlOverride w:ilvl="{self.draw(st.sampled_from(LEVELS))}"><w:startOverride w:val="{self.draw(st.sampled_from(STARTS))}"/></w:lvlOverride>'
        return (f'<w:abstractNum w:abstractNumId="7">{"".join(levels)}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
                f'<w:num w:numId="2"><w:abstractNumId w:val="7"/>{override}</w:num><w:num w:numId="3"><w:abstractNumId w:val="404"/></w:num>')


@st.composite
def word_bodies(draw: st.DrawFn, depth: int = 3) -> Drawn:
    writer = _Writer(draw)
    body = writer.blocks(True, depth, True)
    notes = []
    for key in draw(st.lists(st.sampled_from(NOTE_IDS), max_size=4)):
        before = set(writer.visible)
        notes.append(f'<w:footnote w:id="{key}">{writer.blocks(True, 1, False)}</w:footnote>')
        if key not in writer.called:  # a note called nowhere: its words are quoted, shortened
            writer.visible = before
    separator = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    numbering = writer.numbering() if draw(st.booleans()) else ""
    return Drawn(body, separator + "".join(notes) if notes else "", writer.visible, writer.absent, numbering)


def pack(drawn: Drawn) -> bytes:
    """The .docx of a drawn body, its footnotes and its numbering part."""
    return package(drawn.body, drawn.footnotes, numbering=drawn.numbering)
