"""Which browser the tests drive (tests/support/browser.py): Chromium's headless shell when it is there, the full
browser otherwise; Lighthouse (make bench) always the full browser, with the flag that makes it headless. And
`make test` installs the shell where apt has it, without ever failing for it (tools/ensure-system-packages.sh)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import browser


def _stub(folder: Path, name: str, body: str = "exit 0") -> Path:
    """An executable shell script `name` in folder, doing body."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", "utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def path_with(tmp_path, monkeypatch):
    """path_with(*names) -> a folder holding those programs, and the only one on PATH."""
    def make(*names):
        folder = tmp_path / "bin"
        for name in names:
            _stub(folder, name)
        monkeypatch.setenv("PATH", str(folder))
        monkeypatch.delenv("CHROME_PATH", raising=False)
        monkeypatch.delenv("CHROMIUM_PATH", raising=False)
        return folder
    return make


def test_the_tests_prefer_the_headless_shell_and_lighthouse_never_gets_it(path_with):
    folder = path_with("chromium", "chromium-headless-shell")
    assert browser.find_browser() == str(folder / "chromium-headless-shell")
    assert browser.find_browser(shell=False) == str(folder / "chromium")


def test_without_the_shell_the_full_browser_serves(path_with):
    folder = path_with("chromium")
    assert browser.find_browser() == str(folder / "chromium")


def test_a_browser_named_in_the_environment_goes_first_but_lighthouse_skips_a_shell(path_with, monkeypatch):
    folder = path_with("google-chrome")
    named = str(_stub(folder.parent / "elsewhere", "chrome-headless-shell"))
    monkeypatch.setenv("CHROME_PATH", named)
    assert browser.find_browser() == named
    assert browser.find_browser(shell=False) == str(folder / "google-chrome")


def test_a_full_browser_is_told_to_be_headless_and_the_shell_is_not():
    assert "--headless=new" in browser.flags_for("/usr/bin/chromium")
    assert "--headless=new" not in browser.flags_for("/usr/lib/chromium/chromium-headless-shell")
    assert set(browser.FLAGS) <= set(browser.flags_for("/usr/bin/chromium"))



@pytest.mark.parametrize("installs", [True, False], ids=["installed", "cannot-install"])
def test_make_test_installs_the_shell_where_apt_has_it_and_never_fails_for_it(tmp_path, installs):
    """Everything else present; apt knows the shell. Installing it is tried, and failing is no failure."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for tool in ("grep", "id", "env"):
        (bin_ / tool).symlink_to(shutil.which(tool))
    _stub(bin_, "ldconfig", "echo 'libpangoft2-1.0.so.0 (libc6,x86-64) => /x'")
    _stub(bin_, "fc-list", "echo 'Liberation Sans'; echo 'Noto Color Emoji'")
    for present in ("chromium", "pdfinfo", "npm", "java"):
        _stub(bin_, present)
    _stub(bin_, "apt-cache")
    _stub(bin_, "apt-get", f'echo "$@" >> "{tmp_path}/apt.log"; exit {0 if installs else 100}')
    _stub(bin_, "sudo", 'shift; exec "$@"')   # as `sudo -n`: without a password
    script = Path(__file__).resolve().parents[1] / "tools" / "ensure-system-packages.sh"
    result = subprocess.run(["/bin/bash", str(script), "test"], capture_output=True, text=True,
                            env={"PATH": str(bin_), "HOME": str(tmp_path)}, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "chromium-headless-shell" in (tmp_path / "apt.log").read_text("utf-8")
    assert ("Det gick inte" in result.stdout) != installs, result.stdout
