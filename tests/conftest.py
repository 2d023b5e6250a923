"""Shared fixtures: copies of the data to break, and the sites built once per test session."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.support.project import ROOT, build_site

# Validation's "today" in tests, so that results never depend on the day the tests run.
TODAY = date(2026, 11, 22)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of Katrineholm's data folder."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


DATASETS = {"katrineholm": "data", "umea": "examples/umea"}
# Where the session builds say the source lives (the workflows set it from the GitHub repository).
REPO_URL = "https://github.com/kommun/motverka"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: Playwright's sync API cannot run twice at once."""
    from tests.support.browser import launch_browser

    with launch_browser() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build a dataset's sites once per session, on first use: built("umea") -> folder with site/, site-staff/."""
    cache: dict[str, Path] = {}

    def get(dataset: str = "katrineholm") -> Path:
        if dataset not in cache:
            out = tmp_path_factory.mktemp(dataset)
            build_site(ROOT, out, data=DATASETS[dataset], env={"REPO_URL": REPO_URL})
            cache[dataset] = out
        return cache[dataset]

    return get


@pytest.fixture(scope="session")
def public_site(built) -> Path:
    """Katrineholm's public site, built with the real configuration into a temporary folder."""
    return built("katrineholm") / "site"


@pytest.fixture(scope="session")
def staff_site(built) -> Path:
    return built("katrineholm") / "site-staff"
