"""Every page's review metadata (front matter), GOV.UK tech-docs style:

    description: one sentence for search engines and link previews
    last_reviewed_on: 2026-11-22     when someone last checked the whole page
    review_in: 12 months             when it must be checked again

Missing or unusable values fail the build with a Swedish message naming the file and line.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

from macros.contract.dates import add_months
from macros.contract.yaml_source import syntax_problem
from macros.engine.mkdocs_files import FRONT_MATTER
from macros.guards.audience import source_name
from macros.problems import Problem

REQUIRED = {
    "description": "description: En mening om vad sidan handlar om",
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


_ISO_DATE = re.compile(r"^(?P<key>[\w-]+):\s*[\"']?(?P<value>\d{4}-\d{2}-\d{2})[\"']?\s*(?:#.*)?$")


def unreadable(path: str, source: str) -> list[Problem]:
    """Why MkDocs could not read a front matter that is there (it then gives the page no metadata at all,
    without a word): the YAML problem and its line, or that the closing --- is missing. Empty if it reads."""
    source = source.removeprefix("\ufeff").replace("\r\n", "\n")
    if not re.match(r"-{3}[ \t]*\n", source):
        return []
    match = FRONT_MATTER.match(source)
    if not match:
        return [Problem("page_meta_unclosed", source_name(path), 1)]
    block = match.group(1)
    try:
        data = yaml.load(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        problem = syntax_problem(error, block)
        return [Problem("page_meta_syntax", source_name(path), problem.line + 1, problem.values)]
    except ValueError:  # an ISO date that does not exist, such as 2026-02-30
        for number, line in enumerate(block.splitlines(), 2):
            found = _ISO_DATE.match(line)
            if found and not _is_date(found["value"]):
                key = found["key"]
                return [Problem("page_meta_invalid", source_name(path), number, {
                    "field": key, "value": found["value"], "example": REQUIRED.get(key, f"{key}: 2026-11-22")})]
        return [Problem("page_meta_syntax", source_name(path), 2, {"problem": "ett värde går inte att läsa"})]
    if data is not None and not isinstance(data, dict):
        return [Problem("page_meta_syntax", source_name(path), 2,
                        {"problem": "raderna ska vara fält med namn, kolon och värde"})]
    return []


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def problems(page, today: date) -> list[Problem]:
    """Each problem in the page's front matter, with its file and line."""
    path = page.file.src_uri
    try:
        source = open(page.file.abs_src_path, encoding="utf-8").read() if page.file.abs_src_path else ""
    except OSError:
        source = ""
    meta = page.meta or {}
    if not meta and (broken := unreadable(path, source)):
        return broken
    found = []
    for key, example in REQUIRED.items():
        if key not in meta or meta[key] in (None, ""):
            found.append(Problem("page_meta_missing", source_name(path), 1, {"field": key, "example": example}))
    reviewed = meta.get("last_reviewed_on")
    if reviewed not in (None, "") and (not isinstance(reviewed, date) or reviewed > today):
        found.append(Problem("page_meta_invalid", source_name(path), _line_of(source, "last_reviewed_on"), {
            "field": "last_reviewed_on", "value": reviewed, "example": REQUIRED["last_reviewed_on"]}))
    if meta.get("review_in") not in (None, "") and review_months(meta["review_in"]) is None:
        found.append(Problem("page_meta_invalid", source_name(path), _line_of(source, "review_in"), {
            "field": "review_in", "value": meta["review_in"], "example": REQUIRED["review_in"]}))
    return found
