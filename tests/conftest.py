"""Shared fixtures: copies of the data to break, and the sites built once per test session.

DATASETS names every municipality's data the tests build and check. A test that asks for `dataset` (or for
the fixtures `dataset_site`, `dataset_staff_site`, `dataset_data`, which follow it) runs once for each of
them; `public_site` and `staff_site` are Katrineholm's, for tests about the kit's code or Katrineholm's own
content."""

from __future__ import annotations

import functools
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from macros.cli.build import Dataset
from macros.contract.load import load_site_data
from macros.contract.models import NATIONAL_FILE, SiteData
from tests.support.project import NO_PDF, ROOT, build_site
from tests.support.shared import once, session_folder

# Validation's "today" in tests, so that results never depend on the day the tests run.
TODAY = date(2026, 12, 5)

# Every dataset the tests build and check: name -> folder as `make site DATA=…` takes it. "minimal" is a
# fictional municipality (Minby) with every optional field and record left out (tests/fixtures/minimal).
DATASETS = {"katrineholm": "data", "umea": "examples/umea", "minimal": "tests/fixtures/minimal"}
# Where the session builds say the source lives (the workflows set it from the GitHub repository).
REPO_URL = "https://github.com/kommun/motverka"
# Where the publishing builds say the site is published (SITE_URL; tests/test_site_address.py).
PUBLISHED_AT = "https://motverka.example.se/"


def data_dir(dataset: str, root: Path = ROOT) -> Path:
    """The data folder of a dataset, as the build resolves it (data/, examples/umea/data/…)."""
    return Dataset.resolve(DATASETS[dataset], root).data_dir


@functools.cache
def _site_data(folder: Path) -> SiteData:
    return load_site_data(folder, today=TODAY)


def site_data(dataset: str, root: Path = ROOT) -> SiteData:
    """A dataset's validated data, loaded once (treat it as read-only)."""
    return _site_data(data_dir(dataset, root))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of Katrineholm's data folder, with a copy of the national registry beside it
    (tmp/national/support_lines.yml: load it with `registry=registry_of(data_copy)`)."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    (tmp_path / "national").mkdir()
    shutil.copyfile(ROOT / NATIONAL_FILE, registry_of(target))
    return target


def registry_of(data: Path) -> Path:
    """The copy of the national registry that `data_copy` puts beside a copied data folder."""
    return data.parent / NATIONAL_FILE


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: Playwright's sync API cannot run twice at once."""
    from tests.support.browser import launch_browser

    with launch_browser() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build a dataset's sites once per session (for all workers: tests/support/shared.py), on first use:
    built("umea") -> folder with site/, site-staff/.
    Built as `make site` without SITE_URL (no address: no sitemap, no canonical links) unless `site_url` is
    given, as the publishing workflow does. A build with an address is of the public site only and without the
    PDF: its tests read the public pages, sitemaps and robots.txt; the PDFs are read from the builds without one."""
    def get(dataset: str = "katrineholm", site_url: str | None = None) -> Path:
        name = dataset + ("-at-" + re.sub(r"\W+", "-", site_url) if site_url else "")
        env = {"REPO_URL": REPO_URL, "SITE_URL": site_url or "", **(NO_PDF if site_url else {})}
        return once(tmp_path_factory, name, lambda out: build_site(ROOT, out, data=DATASETS[dataset], env=env,
                                                                   public_only=bool(site_url)))

    return get


def pytest_generate_tests(metafunc):
    """`dataset`: each dataset of DATASETS in turn, so that a test that uses it (or a fixture below) runs once
    per municipality. Module-scoped, so that pytest keeps each module's tests together; a test that
    parametrizes `dataset` itself keeps its own values."""
    own = any("dataset" in [name.strip() for name in (marker.args[0].split(",") if isinstance(marker.args[0], str)
                                                       else marker.args[0])]
              for marker in metafunc.definition.iter_markers("parametrize"))
    if "dataset" in metafunc.fixturenames and not own:
        metafunc.parametrize("dataset", list(DATASETS), scope="module")


def pytest_collection_modifyitems(config, items):
    """In a pytest-xdist worker: tell the controller which tests share a worker (tests/support/workers.py)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        from tests.support import workers

        workers.write(items, session_folder(config._tmp_path_factory))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup`: our groups (tests/support/workers.py), not xdist's own marks."""
    if config.getvalue("dist") == "loadgroup":
        from tests.support.workers import GroupScheduling

        return GroupScheduling(config, log, session_folder(config._tmp_path_factory))
    return None


@pytest.fixture(scope="module")
def dataset_data(dataset) -> SiteData:
    return site_data(dataset)


@pytest.fixture(scope="module")
def dataset_site(built, dataset) -> Path:
    """The dataset's public site (built once per session by `built`)."""
    return built(dataset) / "site"


@pytest.fixture(scope="module")
def dataset_published_site(built, dataset) -> Path:
    """The dataset's public site built with a public address (SITE_URL), as the publishing workflow builds it."""
    return built(dataset, PUBLISHED_AT) / "site"


@pytest.fixture(scope="module")
def dataset_staff_site(built, dataset) -> Path:
    """The dataset's staff site (built once per session by `built`)."""
    return built(dataset) / "site-staff"


@pytest.fixture(scope="session")
def public_site(built) -> Path:
    """Katrineholm's public site, built with the real configuration into a temporary folder."""
    return built("katrineholm") / "site"


@pytest.fixture(scope="session")
def staff_site(built) -> Path:
    """Katrineholm's staff site."""
    return built("katrineholm") / "site-staff"
