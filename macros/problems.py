"""The one problem type: every check (data, pages, settings, audience, PDF, links) reports what it finds as data.

A problem says where (file, line, and inside a data file the path to the value), what (a code in the
catalogue, macros/text/messages.py) and the values its message needs. It becomes Swedish text in one place,
`Problem.message()`, so that the same problem reads the same in `make check`, `make site`, `make serve` and
in GitHub's annotations. A build process hands its problems to the command line as a JSON file
(`write_problems` / `read_problems`), never as log lines to be parsed back: inside MkDocs, `report()`
appends each problem to the file named by the environment variable MOTVERKA_PROBLEMS (the command line sets
it) and logs it as well, so that `mkdocs build --strict` fails on it and `make serve` shows it.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

PROBLEMS_FILE = "MOTVERKA_PROBLEMS"   # the environment variable naming the file report() appends to
LOGGER = "mkdocs.plugins.motverka"    # the kit's logger inside MkDocs (for the strict build and make serve)


@dataclass(frozen=True)
class Problem:
    code: str                   # a key of the catalogue in macros/text/messages.py
    file: str = ""              # as the communicator sees it: data/contacts.yml, docs/index.md, personal/…
    line: int = 0               # 1-based; 0 when the problem is about the whole file or no file
    values: dict = field(default_factory=dict, hash=False)  # compared, not hashed (a dict)
    path: tuple = ()            # inside a data file: ("contacts", 2, "phone")
    label: tuple | None = None  # (position in path, the record's name), e.g. (1, "Växeln")

    def message(self) -> str:
        """What is wrong and how to fix it, in Swedish."""
        from macros.text.messages import say

        return say(self.code, **self.values)

    def where(self) -> str:
        """The path inside the file, with records numbered from 1 and named: contacts › nr 2 (Växeln) › phone."""
        parts = []
        for position, part in enumerate(self.path):
            if isinstance(part, int):
                name = f" ({self.label[1]})" if self.label and self.label[0] == position else ""
                parts.append(f"nr {part + 1}{name}")
            else:
                parts.append(str(part))
        return " › ".join(parts)

    def __str__(self) -> str:
        if not self.file:
            return self.message()
        where = self.where()
        return f"{self.file}:{self.line}" + (f" › {where}" if where else "") + f": {self.message()}"

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shows on the changed line in a pull request)."""
        message = self.message().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        if not self.file:
            return f"::error::{message}"
        where = self.where().replace(",", "%2C").replace("::", "%3A%3A")
        return f"::error file={self.file},line={self.line},title={where or self.file}::{message}"

    def to_json(self) -> dict:
        return {"code": self.code, "file": self.file, "line": self.line, "values": _plain(self.values),
                "path": list(self.path), "label": list(self.label) if self.label else None}

    @classmethod
    def from_json(cls, data: dict) -> Problem:
        label = data.get("label")
        return cls(data["code"], data.get("file", ""), data.get("line", 0), data.get("values", {}),
                   tuple(data.get("path", ())), tuple(label) if label else None)


def shown_path(path: Path, root: Path) -> str:
    """A file as a problem names it: relative to the project (docs/index.md), else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _plain(values: dict) -> dict:
    """Values as JSON can carry them: numbers and text stay, anything else becomes its text."""
    return {k: v if isinstance(v, (int, float, str, bool, type(None))) else str(v) for k, v in values.items()}


class DataErrors(Exception):
    """Every problem found in the data files at once (macros/contract/load.py raises it)."""

    def __init__(self, errors: list[Problem]):
        super().__init__(f"{len(errors)} fel i datafilerna")
        self.errors = sorted(errors, key=lambda e: (e.file, e.line))


def write_problems(path: Path, problems: list[Problem]) -> None:
    path.write_text(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=1), "utf-8")


def read_problems(path: Path) -> list[Problem]:
    """The problems in a file written by write_problems (one JSON list) or by report() (one per line)."""
    if not path.exists():
        return []
    text = path.read_text("utf-8")
    items = json.loads(text) if text.lstrip().startswith("[") else [
        json.loads(line) for line in text.splitlines() if line.strip()]
    return [Problem.from_json(item) for item in items]


def report(problem: Problem, level: int = logging.ERROR) -> None:
    """Inside the MkDocs process: hand a problem to the command line (the file MOTVERKA_PROBLEMS names, one per
    site, one JSON object per line, appended by every language build) and log it in Swedish, so that a strict
    build fails and `make serve` shows it. The command line reads the file, not the log."""
    if path := os.environ.get(PROBLEMS_FILE):
        with open(path, "a", encoding="utf-8") as file:
            file.write(json.dumps(problem.to_json(), ensure_ascii=False) + "\n")
    logging.getLogger(LOGGER).log(level, str(problem))
