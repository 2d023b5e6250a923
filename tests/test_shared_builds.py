"""The test workers share a build: the first to ask makes it, the others wait and reuse it (tests/support/shared.py)."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.support.shared import once


def _factory(base: Path) -> SimpleNamespace:
    return SimpleNamespace(getbasetemp=lambda: base)


@pytest.fixture(autouse=True)
def alone(monkeypatch):
    """As outside xdist, so that the shared folder is this test's own (tmp_path), not its worker's session's."""
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)


def _slow_build(base: str, log: str) -> None:
    def make(folder: Path) -> None:
        with open(log, "a", encoding="utf-8") as file:
            file.write("built\n")
        time.sleep(0.5)   # long enough for the other worker to ask meanwhile
        folder.mkdir()
        (folder / "index.html").write_text("<h1>Klar</h1>", "utf-8")

    folder = once(_factory(Path(base)), "site", make)
    assert (folder / "index.html").read_text("utf-8") == "<h1>Klar</h1>"


def test_two_workers_asking_at_once_get_one_build(tmp_path):
    log = tmp_path / "log.txt"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_slow_build, args=(str(tmp_path), str(log))) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert log.read_text("utf-8") == "built\n"


def test_a_failed_build_fails_the_later_askers_with_its_message_without_building_again(tmp_path):
    tries = []

    def make(folder: Path) -> None:
        tries.append(folder)
        raise AssertionError("the build failed: docs/index.md:3: Länken leder ingenstans.")

    for _ in range(2):
        with pytest.raises(AssertionError, match="Länken leder ingenstans"):
            once(_factory(tmp_path), "site", make)
    assert len(tries) == 1
