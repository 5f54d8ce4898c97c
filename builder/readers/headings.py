"""Recognise section headings (`recalling`, `resolves to instruct …`) by shape, with a lexicon as a hint.

A heading is a line without a label that starts in lower case and does not end like a
sentence (`;`, `.`, `:`). It is one when it starts with a word from the lexicon of ITU
preamble and operative verbs (or one of the set phrases), whatever follows. The list is open:
a short line whose verb, after `further` or `also`, has the shape of a third person
(`entrusts`) or a participle (`acknowledging`) is a heading too, and the reader notes its verb
(`verb_not_in_lexicon`) so that a reviewer can add it. Flattened tracked changes run two heading
words together (`recognizingconsidering`); that counts too.
"""

from __future__ import annotations

import re

from ..conventions import match_text

LEXICON = frozenset(
    """
    accepts acknowledges acknowledging adopting adopts affirming agreeing agrees also appeals
    appreciating approves approving authorizes authorises aware bearing believing calls
    cognizant commends committed concerned confirms conscious considering considers continues
    convinced decides declares deeply desiring determined emphasizing emphasising emphasizes
    encourages endorses endorsing expressing expresses further guided having highlighting
    instructs invites keeping mindful noting notes observing reaffirming reaffirms realizing
    recalling recognizing recognising recognizes recommends referring regretting reiterating
    requests requesting resolves resolve stressing supporting takes taking underlining
    underscoring urges welcomes welcoming
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


QUALIFIERS = frozenset(("further", "also", "moreover", "furthermore", "finally"))
"""Words before a heading's verb: `further authorizes`, `also invites`."""
_NOT_VERBS = frozenset(
    "including during concerning regarding according following pending notwithstanding excluding this".split()
)
"""Words shaped like a verb that do not start a heading (`including the following`)."""
_VERB_SHAPE = re.compile(r"[a-z]{2,}(?:[^su\W]s|ing)(?<!sis)(?<!ics)")
"""The shape of a third person (`authorizes`, not `various`, `analysis`, `statistics`) or a
participle (`acknowledging`); plural nouns have it too, hence the other conditions."""


def _shape(text: str) -> str | None:
    """The (cleaned) text when it has a heading's shape: lower case first, no tab, no sentence end."""
    text = match_text(text).strip()
    if not text or not text[0].islower() or "\t" in text or len(text) > 300 or text.endswith((";", ".", ":")):
        return None
    return text


def verb(text: str) -> str:
    """A heading's verb: its first word after the qualifiers (`further authorizes` → `authorizes`)."""
    words = [w.strip(",") for w in text.split()]
    return next((w for w in words if w not in QUALIFIERS), words[-1] if words else "")


def _by_shape(text: str) -> bool:
    """A short verb phrase, optionally with an addressee and a qualifier (`urges Member States,
    within available resources,`); not a sentence (`that`, digits)."""
    words = text.split()
    first = verb(text)
    return (
        len(words) <= 12
        and first not in _NOT_VERBS
        and _VERB_SHAPE.fullmatch(first) is not None
        and " that " not in f" {text} "
        and not any(c.isdigit() for c in text)
    )


def is_heading(text: str, shape: bool = True) -> bool:
    """A section heading, by the lexicon or (with `shape`) by its shape alone."""
    text = _shape(text)  # type: ignore[assignment]
    return bool(text) and (starts_with_verb(text) or (shape and _by_shape(text)))


def verb_not_in_lexicon(text: str) -> str | None:
    """The verb of a heading that the lexicon does not know (`entrusts`), for a reviewer to add."""
    text = _shape(text)  # type: ignore[assignment]
    if not text or text.startswith(PHRASES):
        return None
    word = verb(text)
    return None if word in LEXICON or _CONCATENATED.match(word) else word


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
