"""Files the kit writes from its own code (schemas, guides, the editor's configuration), checked for drift.

`make schemas`, `make guides` and `make editor` write them; their `--check` (run by the tests) only compares."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def write_generated(files: dict[Path, Callable[[], str]], check_only: bool = False) -> list[Path]:
    """The files whose text differs from what their function makes now; written anew unless check_only."""
    stale = []
    for path, make in files.items():
        text = make()
        if not path.exists() or path.read_text("utf-8") != text:
            stale.append(path)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf-8")
    return stale
