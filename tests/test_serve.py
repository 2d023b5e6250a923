"""`make serve`: a few Swedish lines in the terminal, and a data file that breaks shown as a Swedish error page
in the browser (MkDocs alone would leave the reload hanging), which goes away when the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from macros.engine.serve import error_page
from tests.support.project import copy_project

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError as error:
        return f"(no answer: {error})"


def wait_for(condition, seconds: float = 180, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"waited {seconds} s for {what}")


@pytest.fixture
def served(tmp_path: Path):
    """`make serve`'s command in a copy of the project, on a free port; yields (project, url, terminal lines)."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k not in ("MOTVERKA_VERBOSE", "GITHUB_ACTIONS")}
    environment.update(MOTVERKA_DATA=str(project / "data"), MOTVERKA_TODAY="2026-12-05", NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", "mkdocs.yml", "-a",
                                f"127.0.0.1:{port}"], cwd=project, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        yield project, f"http://127.0.0.1:{port}/", lines
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_broken_data_file_shows_a_swedish_page_and_the_preview_recovers(served):
    project, url, lines = served
    wait_for(lambda: any("Förhandsvisningen finns på" in line for line in lines), what="the server")
    assert "Stödlinjer" in fetch(url + "stodlinjer/")
    contacts = project / "data" / "contacts.yml"
    good = contacts.read_text("utf-8")
    contacts.write_text(good.replace("phone: 0150-570 00", "phone: 0150-570", 1), "utf-8")
    wait_for(lambda: "Förhandsvisningen kunde inte byggas" in fetch(url + "stodlinjer/"), what="the error page")
    page = fetch(url + "stodlinjer/")
    assert "data/contacts.yml" in page and "är inget giltigt telefonnummer" in page
    assert any("är inget giltigt telefonnummer" in line for line in lines)
    contacts.write_text(good, "utf-8")
    wait_for(lambda: "Förhandsvisningen kunde inte byggas" not in fetch(url + "stodlinjer/"), what="the recovery")
    assert "<h1" in fetch(url + "stodlinjer/")
    terminal = "".join(lines)
    for english in ("INFO", "Traceback", "Serving on", "Building documentation", "An error happened"):
        assert english not in terminal, terminal
    assert len(lines) <= 12, terminal


def test_the_error_page_reads_right_for_one_problem_and_for_many():
    one = error_page(["data/contacts.yml:12 › contacts › nr 1: \"0150-570\" är inget giltigt telefonnummer."])
    assert 'lang="sv"' in one and "Ett fel stoppade bygget" in one
    assert "<code>data/contacts.yml:12 › contacts › nr 1</code>" in one
    many = error_page(["a", "<b>"])
    assert "2 fel stoppade bygget" in many and "&lt;b&gt;" in many
