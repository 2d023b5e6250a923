"""The code stays readable as it grows: no function in macros/ longer than a screen.

A long function is a sign that it does several things; split it into helpers named for what each does.
Catalogues (messages.py's Message list) and templates are data, not functions, so they are not counted.
"""

from __future__ import annotations

import ast

from tests.support.project import ROOT

MAX_LINES = 80


def long_functions(folder=ROOT / "macros", limit: int = MAX_LINES) -> list[str]:
    """`path:line name (N lines)` for every function or method over the limit, decorators not counted."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > limit:
                    found.append(f"{path.relative_to(folder.parent)}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_in_macros_is_longer_than_80_lines():
    assert long_functions() == [], f"split these into helpers of at most {MAX_LINES} lines"


def test_a_long_function_is_found(tmp_path):
    body = "".join(f"        x{n} = {n}\n" for n in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"def short():\n    pass\n\n\nclass A:\n    def long(self):\n{body}", "utf-8")
    assert [line.split(" ", 1)[1] for line in long_functions(tmp_path, MAX_LINES)] == ["long (81 lines)"]
