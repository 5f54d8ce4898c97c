"""Recognise section headings (`recalling`, `resolves to instruct …`) by shape and lexicon.

A heading is a line without a label that starts in lower case with a word from the
lexicon of ITU preamble and operative verbs (or with one of the set phrases), and does
not end like a sentence (`;`, `.`, `:`). The list of headings is open: any heading that
begins with a lexicon word is recognised, whatever follows. Flattened tracked changes
run two heading words together (`recognizingconsidering`); that counts too.
"""

from __future__ import annotations

import re

from ..conventions import match_text

LEXICON = frozenset(
    """
    acknowledging adopting affirming agreeing also appeals appreciating approves approving
    aware bearing believing calls cognizant commends committed concerned conscious
    considering considers continues convinced decides declares deeply desiring determined
    emphasizing emphasising emphasizes encourages endorses endorsing expressing expresses
    further guided having highlighting instructs invites keeping mindful noting notes
    observing reaffirming reaffirms realizing recalling recognizing recognising recognizes
    recommends referring regretting reiterating requests requesting resolves resolve
    stressing supporting taking underlining underscoring urges welcoming
    """.split()
)

PHRASES = ("in view of", "with appreciation")

_FIRST_WORD = re.compile(r"[a-z]+")
_CONCATENATED = re.compile(r"^(?:" + "|".join(sorted(LEXICON, key=len, reverse=True)) + r"){2}$")


def starts_with_verb(text: str) -> bool:
    word = _FIRST_WORD.match(text)
    if not word:
        return False
    w = word[0]
    if w in LEXICON or _CONCATENATED.match(w):
        return True
    return text.startswith(PHRASES)


def is_heading(text: str) -> bool:
    text = match_text(text).strip()
    if not text or not text[0].islower() or "\t" in text or len(text) > 300:
        return False
    if text.endswith((";", ".", ":")):
        return False
    return starts_with_verb(text)


def is_continuation(text: str) -> bool:
    """A short lower-case line ending in a comma right after a heading continues it
    (`within available resources,` after `instructs the Director …`): at most five words,
    not the start of a clause (`to …`, `that …`)."""
    text = match_text(text).strip()
    words = text.split()
    return (
        bool(words)
        and text[0].islower()
        and text.endswith(",")
        and len(words) <= 5
        and words[0] not in ("to", "that", "the", "a", "an")
        and "\t" not in text
    )
