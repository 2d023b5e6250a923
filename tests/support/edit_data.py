"""Change one field of a data file as a communicator would, whatever the dataset writes there."""

from __future__ import annotations

import re
from pathlib import Path


def set_field(path: Path, key: str, value: str, occurrence: int = 0) -> int:
    """Write `key: value` (value as YAML) in place of the occurrence-th `key:` of the file, with every line
    that belonged to the old value (indented further than the key); returns the line of the new value."""
    lines = path.read_text("utf-8").splitlines()
    pattern = re.compile(rf"^(\s*(?:- )?){re.escape(key)}:(\s|$)")
    found = [n for n, line in enumerate(lines) if pattern.match(line)]
    assert len(found) > occurrence, f"{key}: is not in {path} {occurrence + 1} times"
    start = found[occurrence]
    prefix = pattern.match(lines[start]).group(1)
    indent = len(prefix)
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        if not lines[end].strip() and (end + 1 >= len(lines) or
                                       len(lines[end + 1]) - len(lines[end + 1].lstrip()) <= indent):
            break
        end += 1
    lines[start:end] = [f"{prefix}{key}: {value}"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return start + 1
