"""Reader golden tests: each tests/fixtures/readers/NAME.txt has the IR and diagnostics it
must give in NAME.json. Regenerate with `pytest --update-golden` and review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.diagnostics import Diagnostics
from builder.readers import read_source
from irjson import to_data

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
CASES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_reader_fixture(case: Path, update_golden: bool) -> None:
    diagnostics = Diagnostics()
    source = read_source(case.name, case.read_text(encoding="utf-8"), diagnostics)
    actual = {"source": to_data(source), "diagnostics": [str(d) for d in diagnostics]}
    expected_path = case.with_suffix(".json")
    if update_golden or not expected_path.exists():
        expected_path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{expected_path.name} did not exist and was written: review it and run again")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))
