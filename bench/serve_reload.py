"""Live reload: from saving a data file to the reloaded page showing the change, under `make serve`.

Runs the Makefile's serve command (`mkdocs serve --livereload -f mkdocs.yml`, MOTVERKA_DATA = a temporary
copy of the data) on a free port of 127.0.0.1 in a copy of the project, opens the support-lines page in
headless Chromium, renames a support line in the data file and polls the page until the new name shows.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support.browser import launch_browser

from .workspace import clean_env, free_port

PAGE = "kontakta-kommunen/"
LIMIT = 60.0


def _wait_until_up(url: str, process: subprocess.Popen, limit: float = 180.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {process.returncode}); its output is in the -serve.log beside the copy")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("mkdocs serve did not start")


def _target_name(data: Path) -> str:
    """The Swedish name of the municipality's second contact: a communicator's everyday edit (the support
    lines themselves are national, in national/, and not edited per municipality)."""
    import yaml

    contacts = yaml.safe_load((data / "contacts.yml").read_text("utf-8"))["contacts"]
    name = contacts[1]["name"]
    return name["sv"] if isinstance(name, dict) else name


def _rename(text: str, current: str, renamed: str) -> str:
    """Rename on the record's own name: line, not in a comment that happens to mention the same words."""
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "name:" in line and current in line)
    lines[at] = lines[at].replace(current, renamed, 1)
    return "".join(lines)


def _shows(page, text: str) -> bool:
    try:
        return bool(page.evaluate("t => !!document.body && document.body.innerText.includes(t)", text))
    except Exception:       # the page is reloading: its execution context is gone for a moment
        return False


def measure(project: Path, edits: int = 3) -> list[float]:
    """Seconds from each saved edit to the page showing it."""
    data = project.parent / f"{project.name}-serve-data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(project / "data", data)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"]
    log = (project.parent / f"{project.name}-serve.log").open("w")     # a pipe nobody reads would fill up
    process = subprocess.Popen(command, cwd=project, env=clean_env(MOTVERKA_DATA=str(data)), text=True,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    results = []
    try:
        _wait_until_up(base + PAGE, process)
        name = _target_name(data)
        source = data / "contacts.yml"
        with launch_browser() as browser:
            page = browser.new_page()
            page.goto(base + PAGE, wait_until="load")
            current = name
            for number in range(1, edits + 1):
                time.sleep(1.5)         # let the server settle between edits
                renamed = f"{name} (ändrad {number})"
                source.write_text(_rename(source.read_text("utf-8"), current, renamed), "utf-8")
                start = time.perf_counter()
                while not _shows(page, renamed):
                    if time.perf_counter() - start > LIMIT:
                        raise RuntimeError(f"the change did not show within {LIMIT:.0f} s")
                    time.sleep(0.05)
                results.append(time.perf_counter() - start)
                current = renamed
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
        shutil.rmtree(data, ignore_errors=True)
    return results
