"""Every page's review metadata (front matter), GOV.UK tech-docs style:

    description: one sentence for search engines and link previews
    last_reviewed_on: 2026-11-22     when someone last checked the whole page
    review_in: 12 months             when it must be checked again

Missing or unusable values fail the build with a Swedish message naming the file and line.
"""

from __future__ import annotations

import re
from datetime import date

from .dates import add_months
from .messages import say

REQUIRED = {
    "description": "description: En mening om vad sidan handlar om.",
    "last_reviewed_on": "last_reviewed_on: 2026-11-22",
    "review_in": "review_in: 12 months",
}
_REVIEW_IN = re.compile(r"^\s*(\d+)\s*(months?|månader|månad|years?|år)\s*$", re.IGNORECASE)


def review_months(value: object) -> int | None:
    match = _REVIEW_IN.match(str(value))
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2).lower()
    return count * 12 if unit in ("year", "years", "år") else count


def review_due(meta: dict) -> date | None:
    reviewed, months = meta.get("last_reviewed_on"), review_months(meta.get("review_in", ""))
    if isinstance(reviewed, date) and months:
        return add_months(reviewed, months)
    return None


def _line_of(source: str, key: str) -> int:
    for number, line in enumerate(source.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def problems(page, today: date) -> list[str]:
    """Swedish messages for each problem in the page's front matter, as `file:line: message`."""
    path = page.file.src_uri
    try:
        source = open(page.file.abs_src_path, encoding="utf-8").read() if page.file.abs_src_path else ""
    except OSError:
        source = ""
    meta = page.meta or {}
    found = []
    for key, example in REQUIRED.items():
        if key not in meta or meta[key] in (None, ""):
            found.append(f"docs/{path}:1: {say('page_meta_missing', field=key, example=example)}")
    reviewed = meta.get("last_reviewed_on")
    if reviewed not in (None, "") and (not isinstance(reviewed, date) or reviewed > today):
        found.append(f"docs/{path}:{_line_of(source, 'last_reviewed_on')}: " + say(
            "page_meta_invalid", field="last_reviewed_on", value=reviewed, example=REQUIRED["last_reviewed_on"]))
    if meta.get("review_in") not in (None, "") and review_months(meta["review_in"]) is None:
        found.append(f"docs/{path}:{_line_of(source, 'review_in')}: " + say(
            "page_meta_invalid", field="review_in", value=meta["review_in"], example=REQUIRED["review_in"]))
    return found
