"""The readers stay easy to extend: no function in builder/readers/ over 60 lines or over a
cyclomatic complexity of 20 (issue 26). A new construct is a new rule
(builder/readers/text_rules.py), not one more branch in a long function. No function of the
builder at all over 80 lines or a complexity of 25 (issue 28).

Lines are counted from `def` to the function's last line (its docstring and comments count),
nested functions on their own as well as in the function around them; complexity is ruff's
mccabe (`ruff check --select C901 builder/readers`, bound in pyproject.toml)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READERS = ROOT / "builder" / "readers"
MAX_LINES = 60
MAX_COMPLEXITY = 20
BUILDER = ROOT / "builder"
BUILDER_LINES = 80
BUILDER_COMPLEXITY = 25


def _functions(folder: Path = READERS) -> Iterator[tuple[Path, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path, node


def test_reader_functions_are_short() -> None:
    long = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines"  # type: ignore[operator]
        for path, node in _functions()
        if node.end_lineno - node.lineno + 1 > MAX_LINES  # type: ignore[operator]
    ]
    assert not long, f"over {MAX_LINES} lines; split into named steps:\n" + "\n".join(long)


def test_reader_functions_are_simple() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "C901", "--output-format", "concise",
         "--config", f"lint.mccabe.max-complexity={MAX_COMPLEXITY}", "builder/readers"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, f"over complexity {MAX_COMPLEXITY}; split into named steps:\n{run.stdout}{run.stderr}"


def test_the_shape_is_measured() -> None:
    """The two checks above see the readers: they would fail on a function over either bound."""
    sizes = {node.name: node.end_lineno - node.lineno + 1 for _, node in _functions()}  # type: ignore[operator]
    assert len(sizes) > 100 and "read_text" in sizes and "find_citations" in sizes
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "C901", "--output-format", "concise",
         "--config", "lint.mccabe.max-complexity=1", "builder/readers"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 1 and "C901" in run.stdout, run.stdout + run.stderr


def test_builder_functions_are_short_and_simple() -> None:
    long = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines"  # type: ignore[operator]
        for path, node in _functions(BUILDER)
        if node.end_lineno - node.lineno + 1 > BUILDER_LINES  # type: ignore[operator]
    ]
    assert not long, f"over {BUILDER_LINES} lines; split into named steps:\n" + "\n".join(long)
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "C901", "--output-format", "concise",
         "--config", f"lint.mccabe.max-complexity={BUILDER_COMPLEXITY}", "builder"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, f"over complexity {BUILDER_COMPLEXITY}; split into named steps:\n{run.stdout}{run.stderr}"
