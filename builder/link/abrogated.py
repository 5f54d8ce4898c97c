"""The texts a conference abrogated, where the collection holds its list of them: the Final Acts
end with `LIST OF RESOLUTIONS ABROGATED BY THE PLENIPOTENTIARY CONFERENCE (DUBAI, 2018)` and the
headings of those texts, one after the other. Only such a list says a text was suppressed; a text
merely missing from a conference's Final Acts may have been left unchanged.

The list is found in the words of any clause of a text the collection holds, wherever the reader
put it (a PDF's conversion may merge it into the last clause of the text before it), and the
page says where it was found.
"""

from __future__ import annotations

import re

from ..conventions import BODIES, text_label
from ..ir import Revision
from .compare import items
from .model import Abrogation, Conference, RevisionPage, resolution_id

_LIST = re.compile(r"\b(?:LIST\s+OF\s+)?(?:RESOLUTIONS?|DECISIONS?)\s+ABROGATED\s+BY\s+THE\s+([A-Z][A-Z ]+?)\s*\(([^,()]+),\s*(\d{4})\)")
"""The heading of a list, in capitals as Final Acts print it (prose that mentions texts
`abrogated by the Plenipotentiary Conference` is not a list)."""
_ENTRY = re.compile(r"\b(RESOLUTION|DECISION)\s+(\d+[A-Za-z]*)\s*\((?:REV\.\s*)?(?:[^,()]+,\s*\d{4}|[A-Z]+-\d{2,4})\)")
"""One text of a list, by its heading in capitals: `RESOLUTION 185 (BUSAN, 2014)`, `RESOLUTION 72
(REV. BUSAN, 2014)`, `RESOLUTION 27 (REV.WRC-19)`; a citation in running text is not one."""
_END = re.compile(r"\bPART\s+[IVX]+\b|\bANNEX\b")
"""What ends a list that nothing else ends: the next part of the Final Acts."""
_BODIES = {b.name.casefold(): b.id for b in BODIES.values()}


def same_meeting(a: Conference, b: Conference | None) -> bool:
    """The same conference, whatever the case of its venue (lists print it in capitals)."""
    return bool(b and a.revision and b.revision and a.body == b.body and a.revision.year == b.revision.year
                and a.revision.venue.casefold() == b.revision.venue.casefold())


def abrogations(revisions: tuple[RevisionPage, ...]) -> dict[str, Abrogation]:
    """Each text some held list says a conference abrogated, by id (the last list wins); the
    conference spelt as its held texts spell it (a list prints its venue in capitals)."""
    held = sorted({v.conference for v in revisions}, key=lambda c: (c.body, c.revision.year if c.revision else 0,
                                                                     c.revision.venue if c.revision else ""))
    found: dict[str, Abrogation] = {}
    for v in revisions:
        for item in items(v.text):
            if "abrogated" not in item.text.casefold():
                continue
            lists = list(_LIST.finditer(item.text))
            for k, m in enumerate(lists):
                body = _BODIES.get(" ".join(m[1].split()).casefold())
                if body is None:
                    continue
                named = Conference(body, Revision(m[2].strip().title(), int(m[3])))
                conference = next((c for c in held if same_meeting(named, c)), named)
                end = lists[k + 1].start() if k + 1 < len(lists) else len(item.text)
                stop = _END.search(item.text, m.end(), end)
                end = stop.start() if stop else end
                where = f"{v.label} ({v.revision}), {item.section} {item.label or ''}".strip()
                for entry in _ENTRY.finditer(item.text, m.end(), end):
                    rid = resolution_id(entry[1].lower(), body, entry[2])
                    found[rid] = Abrogation(conference, rid, text_label(body, entry[1].lower(), entry[2]), v.src, item.anchor, where)
    return found
