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


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """Katrineholm's public site, built once with the real configuration into a temporary folder."""
    out = tmp_path_factory.mktemp("katrineholm")
    build_site(ROOT, out, data="data")
    return out / "site"
