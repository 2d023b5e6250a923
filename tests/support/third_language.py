"""A copy of the project with a third language, Arabic (right to left), added the way a municipality would:
pages beside the Swedish ones and one entry in mkdocs.yml (tests/fixtures/arabic/). No code changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.project import ROOT, build_site, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "arabic"
DATA = str(ROOT / "tests" / "fixtures" / "minimal")   # the fictional Minby, read where it lies
# The entry goes at the end of plugins › i18n › languages, which the macros plugin follows in mkdocs.yml.
_AFTER_LANGUAGES = "\n  macros:\n"


def add_language(project: Path, fixture: Path = FIXTURE) -> Path:
    """Add the fixture's pages to docs/ and its language entry to mkdocs.yml."""
    for page in (fixture / "docs").glob("*.md"):
        shutil.copyfile(page, project / "docs" / page.name)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert text.count(_AFTER_LANGUAGES) == 1, "mkdocs.yml changed: say where the language entry goes"
    entry = "".join(f"      {line}\n" for line in (fixture / "language.yml").read_text("utf-8").splitlines()
                    if line and not line.startswith("#"))
    config.write_text(text.replace(_AFTER_LANGUAGES, "\n" + entry.rstrip("\n") + _AFTER_LANGUAGES, 1), "utf-8")
    return project


def build_with_language(workdir: Path) -> Path:
    """Copy the project, add Arabic, build both sites into workdir/out; the output folder."""
    project = add_language(copy_project(workdir / "project"))
    return build_site(project, workdir / "out", data=DATA)
