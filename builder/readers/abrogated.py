"""The lists of the texts a conference abrogated: the Final Acts end with `LIST OF RESOLUTIONS
ABROGATED BY THE PLENIPOTENTIARY CONFERENCE (DUBAI, 2018)` and the headings of those texts, one
after the other. A list is found in the words of any clause, wherever the lines put it (a PDF's
conversion may merge it into the last clause of the text before it), up to the next list or the
next part of the Final Acts. Which texts those are, the link stage finds (builder/link/abrogated.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..conventions import BODIES
from ..ir import AbrogatedList, Block, Clause, Revision, Section, plain_text

_LIST = re.compile(r"\b(?:LIST\s+OF\s+)?(?:RESOLUTIONS?|DECISIONS?)\s+ABROGATED\s+BY\s+THE\s+([A-Z][A-Z ]+?)\s*\(([^,()]+),\s*(\d{4})\)")
"""The heading of a list, in capitals as Final Acts print it (prose that mentions texts
`abrogated by the Plenipotentiary Conference` is not a list)."""
_ENTRY = re.compile(r"\b(RESOLUTION|DECISION)\s+(\d+[A-Za-z]*)\s*\((?:REV\.\s*)?(?:[^,()]+,\s*\d{4}|[A-Z]+-\d{2,4})\)")
"""One text of a list, by its heading in capitals: `RESOLUTION 185 (BUSAN, 2014)`, `RESOLUTION 72
(REV. BUSAN, 2014)`, `RESOLUTION 27 (REV.WRC-19)`; a citation in running text is not one."""
_END = re.compile(r"\bPART\s+[IVX]+\b|\bANNEX\b")
"""What ends a list that nothing else ends: the next part of the Final Acts."""
_BODIES = {b.name.casefold(): b.id for b in BODIES.values()}


def abrogated_lists(sections: Iterable[Section]) -> tuple[AbrogatedList, ...]:
    """Every list of abrogated texts in the clauses of a text's sections, in reading order."""
    return tuple(found for section in sections for where, clause in _clauses(section.blocks, section.heading)
                 for found in _lists(clause, where))


def _clauses(blocks: Iterable[Block], section: str) -> Iterator[tuple[str, Clause]]:
    for block in blocks:
        if isinstance(block, Clause):
            yield f"{section} {block.label or ''}".strip(), block
            yield from _clauses(block.children, section)


def _lists(clause: Clause, where: str) -> Iterator[AbrogatedList]:
    words = plain_text(clause.text)
    if "ABROGATED" not in words:
        return
    lists = list(_LIST.finditer(words))
    for k, m in enumerate(lists):
        body = _BODIES.get(" ".join(m[1].split()).casefold())
        if body is None:
            continue
        end = lists[k + 1].start() if k + 1 < len(lists) else len(words)
        stop = _END.search(words, m.end(), end)
        end = stop.start() if stop else end
        texts = tuple((entry[1].lower(), entry[2]) for entry in _ENTRY.finditer(words, m.end(), end))
        yield AbrogatedList(body, Revision(m[2].strip().title(), int(m[3])), texts, clause.anchor, where)  # type: ignore[arg-type]
