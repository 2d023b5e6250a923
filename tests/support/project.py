"""Build the project (or a temporary copy of it) the way `make site` does, for tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a copy of the project needs in order to build (not outputs, not .venv).
PROJECT_PARTS = ["mkdocs.yml", "mkdocs.staff.yml", "pyproject.toml", "macros", "docs", "personal", "overrides", "data",
                 "national", "examples", "schemas", "editor"]


# The environment of a build whose tests look neither at the PDF nor at its link and size on the pages: it
# builds everything but the PDF (macros/outputs/pdf/document.py › skipped). The session's builds of each dataset
# make the PDFs that tests/test_pdf*.py read.
NO_PDF = {"MOTVERKA_SKIP_PDF": "1"}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("site", "site-staff", "__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    # The staff site carries the form editor from the npm packages: shared with the copy, never copied (~35 MB).
    if (ROOT / "node_modules").is_dir() and not (target / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def run_build(project: Path, out: Path | None = None, data: str = "data", env: dict | None = None,
              verbose: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "macros", "--data", data, "build"]
    if out is not None:
        command += ["--out", str(out)]
    if verbose:
        command.append("--verbose")
    return _run(command, project, env)


def _run(command: list[str], project: Path, env: dict | None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("MOTVERKA_DATA", "GITHUB_ACTIONS")}
    environment.update({"MOTVERKA_TODAY": "2026-12-05", **(env or {})})
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=600)


def build_site(project: Path, out: Path, data: str = "data", env: dict | None = None,
               public_only: bool = False) -> Path:
    """`make site` into out/ (site/ and site-staff/). public_only: only site/, the way `make preview` builds it
    (macros/cli/preview.py), for tests that never read the staff site."""
    result = run_build(project, out, data, env) if not public_only else _run(
        [sys.executable, "-c", _PUBLIC_ONLY, data, str(out)], project, env)
    if result.returncode != 0:
        raise AssertionError(f"the build failed:\n{result.stdout}\n{result.stderr}")
    return out


_PUBLIC_ONLY = """import sys
from pathlib import Path
from macros.cli.build import SITES, Dataset, build_sites
dataset = Dataset.resolve(sys.argv[1])
sys.exit(build_sites(Dataset(dataset.data_dir, Path(sys.argv[2]).resolve()), sites=SITES[:1]))
"""
