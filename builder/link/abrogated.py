"""The texts a conference abrogated, where the collection holds its list of them (the reader
finds the lists: builder/readers/abrogated.py). Only such a list says a text was suppressed; a
text merely missing from a conference's Final Acts may have been left unchanged. The page says
where the list was found.
"""

from __future__ import annotations

from ..conventions import text_label
from .model import Abrogation, Conference, RevisionPage, resolution_id


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
        for listed in v.text.abrogated:
            named = Conference(listed.body, listed.revision)
            conference = next((c for c in held if same_meeting(named, c)), named)
            where = f"{v.label} ({v.revision}), {listed.where}"
            for kind, number in listed.texts:
                rid = resolution_id(kind, listed.body, number)
                found[rid] = Abrogation(conference, rid, text_label(listed.body, kind, number), v.src, listed.anchor, where)
    return found
