"""No test module imports from another test module: shared helpers live in tests/helpers/
or in a kit beside the tests (a module whose name does not start with `test_`)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.append(base)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_no_test_module_imports_from_another() -> None:
    found = [f"{path.relative_to(TESTS)} imports {name}"
             for path in sorted(TESTS.rglob("*.py"))
             for name in _imported_modules(path)
             if (name.startswith(("tests.", ".")) and name.rsplit(".", 1)[-1].startswith("test_"))]
    assert found == []
