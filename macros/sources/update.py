"""Move the verified date of machine-confirmed records forward, editing the YAML text line by line.

Only the `verified:` line's value changes (its indentation and any trailing comment stay), and
`verified_by: källbevakningen` is set on the line after it (or replaces an existing verified_by value), so
comments, quoting and the order of fields survive. A YAML round trip would lose the comments.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from macros.sources.records import SourceRecord

MACHINE = "källbevakningen"
_KEY_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>verified|verified_by):(?P<space>\s*)(?P<value>[^#]*?)"
                       r"(?P<comment>\s+#.*)?$")


def _set(line: str, key: str, value: str) -> str | None:
    match = _KEY_LINE.match(line)
    if not match or match["key"] != key or not match["value"]:
        return None  # a flow mapping ({verified: …}) or something unexpected: leave it to a human
    return f"{match['indent']}{key}: {value}{match['comment'] or ''}"


def update_verified(records: list[SourceRecord], today: date) -> list[SourceRecord]:
    """Set verified to today and verified_by to the watch on each record; the records that could not be
    edited (their verified line is not a plain `verified: …` line) come back."""
    by_file: dict[Path, list[SourceRecord]] = defaultdict(list)
    for record in records:
        by_file[record.file].append(record)
    skipped = []
    for file, file_records in by_file.items():
        text = file.read_text("utf-8")
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.splitlines()
        inserts: dict[int, str] = {}
        for record in file_records:
            number = record.verified_line
            changed = _set(lines[number - 1], "verified", today.isoformat()) if number else None
            if changed is None:
                skipped.append(record)
                continue
            lines[number - 1] = changed
            if record.verified_by_line:
                by = _set(lines[record.verified_by_line - 1], "verified_by", MACHINE)
                if by is not None:
                    lines[record.verified_by_line - 1] = by
                continue  # never a second verified_by
            indent = _KEY_LINE.match(changed)["indent"]
            inserts[number] = " " * len(indent) + f"verified_by: {MACHINE}"
        for number in sorted(inserts, reverse=True):
            lines.insert(number, inserts[number])
        file.write_text(newline.join(lines) + (newline if text.endswith(("\n", "\r")) else ""), "utf-8")
    return skipped
