"""Links to a contribution's official document, on the conference's own site, made from address
patterns set in mkdocs.yml (the plugin's `official_documents:`, REFERENCE.md, "Official documents"): one entry
per conference, none invented where no pattern is set.

    official_documents:
      pp-dubai-2018:                 # the conference: body, venue and year (`conference_key`)
        name: PP-18                  # how links name its documents (default `PP (Dubai, 2018)`)
        document: https://www.itu.int/md/S18-PP-C-{document:04d}/en
        addendum: https://www.itu.int/md/S18-PP-C-{document:04d}!A{addendum}/en

A pattern is a Python format string with two fields, `{document}` and `{addendum}` (numbers, so
`{document:04d}` pads to four digits), read from the proposal code (`ACP/64A1/3`: document 64,
addendum 1); `addendum` is used for an addendum and `document` for a document without one, so
that an addendum never links the document it adds to. A pattern that is not an https address,
or names another field, is a configuration error at build time (`OfficialConfigError`)."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..anchors import slug
from ..conventions import BODIES
from ..ir import Revision
from .model import Conference, OfficialDocument


class OfficialConfigError(ValueError):
    """The plugin's `official_documents` in mkdocs.yml is not what REFERENCE.md describes."""


@dataclass(frozen=True)
class OfficialPatterns:
    """One conference's address patterns."""

    name: str | None
    document: str | None
    addendum: str | None


_FIELDS = {"document": ("document",), "addendum": ("document", "addendum")}
"""The fields each pattern may use."""
_NUMBER = re.compile(r"(\d{1,6})(?:A(\d{1,6}))?", re.IGNORECASE)
"""A contribution's document in a proposal code: `64A1` (Document 64, Addendum 1), `64`."""


def conference_key(conference: Conference | None) -> str | None:
    """`pp-dubai-2018`: a conference as `official_documents` names it (None: no meeting known)."""
    if conference is None or conference.revision is None:
        return None
    return f"{conference.body}-{slug(f'{conference.revision.venue} {conference.revision.year}')}"


def conference_keys() -> set[str]:
    """Every conference a pattern can be set for: each meeting of the table of bodies."""
    return {conference_key(Conference(body.id, Revision(venue, year))) or "" for body in BODIES.values()
            for venue, year in body.meetings}


def _pattern(where: str, value: Any, kind: str) -> str:
    """A pattern checked as a build would use it: formatted with sample numbers, an https address."""
    if not isinstance(value, str):
        raise OfficialConfigError(f"{where}: the pattern must be a string, not {type(value).__name__}")
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError as e:  # an unbalanced brace
        raise OfficialConfigError(f"{where}: {value!r} is not a valid pattern ({e})") from None
    if unknown := [f for f in fields if f not in _FIELDS[kind]]:
        raise OfficialConfigError(
            f"{where}: unknown placeholder {{{unknown[0]}}}; the {kind} pattern may use "
            f"{' and '.join('{%s}' % f for f in _FIELDS[kind])}")
    try:
        sample = value.format(document=64, addendum=1)
    except (ValueError, KeyError, IndexError) as e:  # a format the numbers cannot take (`{document:s}`)
        raise OfficialConfigError(f"{where}: {value!r} is not a valid pattern ({e})") from None
    address = urlsplit(sample)
    if address.scheme != "https" or not address.netloc:
        raise OfficialConfigError(f"{where}: {value!r} is not an https:// address")
    return value


def official_patterns(config: Any) -> dict[str, OfficialPatterns]:
    """The plugin's `official_documents` checked: each known conference's patterns. Raises
    OfficialConfigError, with where and what, for anything else."""
    if config is None:
        return {}
    if not isinstance(config, Mapping):
        raise OfficialConfigError("official_documents must map conferences (`pp-dubai-2018`) to their patterns")
    known = conference_keys()
    patterns = {}
    for key, entry in config.items():
        where = f"official_documents.{key}"
        if key not in known:
            raise OfficialConfigError(
                f"{where}: no such conference; a conference is its body, venue and year, as `pp-dubai-2018` "
                "or `wtsa-new-delhi-2024`")
        if not isinstance(entry, Mapping) or not set(entry) & {"document", "addendum"} or set(entry) - {"name", "document", "addendum"}:
            raise OfficialConfigError(f"{where}: give `document` and/or `addendum` patterns, and optionally a `name`")
        name = entry.get("name")
        if name is not None and not isinstance(name, str):
            raise OfficialConfigError(f"{where}.name: must be a string")
        patterns[key] = OfficialPatterns(
            name, *(_pattern(f"{where}.{kind}", entry[kind], kind) if kind in entry else None for kind in ("document", "addendum"))
        )
    return patterns


def official_document(document: str, conference: Conference | None, patterns: Mapping[str, OfficialPatterns]) -> OfficialDocument | None:
    """The official document of a contribution (`64A1` in `ACP/64A1`) submitted to a conference,
    where a pattern is set for it; None otherwise."""
    found = patterns.get(conference_key(conference) or "")
    numbers = _NUMBER.fullmatch(document)
    if found is None or numbers is None or conference is None:
        return None
    number, addendum = int(numbers[1]), int(numbers[2]) if numbers[2] else None
    pattern = found.addendum if addendum is not None else found.document
    if pattern is None:
        return None
    url = pattern.format(document=number, addendum=addendum)
    label = f"{found.name or conference.label} Document {number}{f' Addendum {addendum}' if addendum is not None else ''}"
    return OfficialDocument(label, url, urlsplit(url).netloc)
