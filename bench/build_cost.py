"""Build cost: `make site` against default Material's `mkdocs build` on the same Markdown, and how the
cost of `make site` grows with the content (bench/grow.py). Every build runs in its own copy of the project."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from .grow import grow
from .workspace import OUT, Timed, copy_project, make_site

_SITE_LINE = re.compile(r"^(?P<dir>\S+)/ byggd på (?P<seconds>[\d.]+) s", re.M)


@dataclass
class SizedBuild:
    label: str
    factor: int                     # content multiplier (1 = the site as it is)
    md_pages: int                   # Markdown pages in docs/ (both sites, all languages)
    html_pages: int                 # HTML pages written (both sites, all languages, 404 pages included)
    public_html_pages: int
    records: int                    # support lines + contacts
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)             # CPU seconds of each run (all processes)
    per_site: dict[str, float] = field(default_factory=dict)   # as make site reports each site

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


def per_site_seconds(output: str) -> dict[str, float]:
    return {Path(m["dir"]).name: float(m["seconds"]) for m in _SITE_LINE.finditer(output)}


def timed_make_site(project: Path, repeats: int = 1, **env: str) -> tuple[list[Timed], Timed]:
    runs = [make_site(project, **env) for _ in range(repeats)]
    return runs, runs[-1]


def sized_build(label: str, factor: int, repeats: int = 1, page_factor: int | None = None,
                staff_pages: bool = True) -> tuple[SizedBuild, Path]:
    """Copy the project, grow it, build it with `make site` (a fresh copy: no caches, as in CI)."""
    project = copy_project(OUT / "work" / label)
    growth = grow(project, factor, page_factor=page_factor, staff_pages=staff_pages)
    runs, last = timed_make_site(project, repeats)
    build = SizedBuild(label, factor, growth.pages,
                       count_html(project / "site") + count_html(project / "site-staff"),
                       count_html(project / "site"), growth.records, [r.seconds for r in runs],
                       [r.cpu for r in runs], per_site_seconds(last.output))
    return build, project
