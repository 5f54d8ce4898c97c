"""The private-use characters the readers mark a line with: the one place that owns them.

A footnote call is REF_OPEN key REF_CLOSE; words a tracked change inserts or deletes are
INS words END or DEL words END (builder/readers/tracked.py reads them). No source may hold them:
a reader replaces any it finds in the source (builder/readers/lines.py `replace_private`).
"""

from __future__ import annotations

REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
"""Bracket a footnote key inside cleaned text."""
INS, DEL, END = "\ue002", "\ue003", "\ue004"
"""Bracket words inserted or deleted; brackets never nest."""
MARKERS = INS + DEL + END
PRIVATE = REF_OPEN + REF_CLOSE + MARKERS
"""Every mark a reader puts in a line."""
