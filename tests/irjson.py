"""IR → plain JSON data, for golden files (every field, footnote references as objects)."""

from __future__ import annotations

import dataclasses
from typing import Any

from builder.ir import FootnoteRef


def to_data(value: Any) -> Any:
    if isinstance(value, FootnoteRef):
        return {"footnote": value.key, **({"op": value.op} if value.op else {})}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {"node": type(value).__name__}
        for f in dataclasses.fields(value):
            data[f.name] = to_data(getattr(value, f.name))
        return data
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    return value
