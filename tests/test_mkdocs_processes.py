"""A build forked from the fork server runs as `python -m <engine>` would (macros/cli/mkdocs_processes.py): in its
folder, with exactly the environment it was given, its output and errors in its log, and its exit status."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

import pytest

from macros.cli import mkdocs_processes
from tests.support.project import ROOT

ENGINE = "tests.support.fake_engine"   # prints what it was given, then exits with its first argument


def _finished(process, seconds: float = 30):
    ends = time.monotonic() + seconds
    while process.poll() is None:
        assert time.monotonic() < ends, "the process did not end"
        time.sleep(0.02)
    return process


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "new-python"])
def test_a_build_process_runs_as_python_dash_m_with_only_its_own_environment(tmp_path, monkeypatch, forked):
    if forked and sys.platform != "linux":
        pytest.skip("the fork server is used on Linux only")
    monkeypatch.setenv("MV_NOT_GIVEN", "the command line's own")
    launcher = mkdocs_processes.Launcher.started() if forked else mkdocs_processes.Launcher()
    assert (launcher.context is not None) == forked
    log = tmp_path / "build.log"
    # A new Python finds the engine by PYTHONPATH; a fork by the import path of this process, as the kit's own
    env = {"MV_GIVEN": "ja", "PYTHONUTF8": "1", "PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
    process = _finished(launcher.start(ENGINE, ["3", "--strict"], tmp_path, env, log))
    assert process.returncode == 3
    said = log.read_text("utf-8").splitlines()
    assert "on stderr" in said
    said.remove("on stderr")     # written unbuffered, so anywhere among the lines of stdout
    assert said[:4] == [f"folder {tmp_path}", "arguments ['3', '--strict']", "given ja not given None",
                        "utf-8 1 åäö"]
    assert said[4] == f"kit {forked}", "a fork has the kit's modules already; a new Python has not"


def test_an_engine_that_fails_to_start_says_why_in_its_log(tmp_path):
    log = tmp_path / "build.log"
    process = _finished(mkdocs_processes.Launcher.started().start("no_such_engine", ["build"], tmp_path, {}, log))
    assert process.returncode == 1
    assert "no_such_engine" in log.read_text("utf-8")


@pytest.mark.parametrize("before", [None, "0"])
def test_starting_the_server_leaves_the_command_lines_environment_as_it_was(monkeypatch, before):
    if before is None:
        monkeypatch.delenv("PYTHONUTF8", raising=False)
    else:
        monkeypatch.setenv("PYTHONUTF8", before)
    mkdocs_processes.Launcher.started()
    assert os.environ.get("PYTHONUTF8") == before


def test_when_the_server_is_stopped_its_builds_cpu_time_counts_as_the_command_lines(tmp_path):
    if sys.platform != "linux":
        pytest.skip("the fork server is used on Linux only")
    launcher = mkdocs_processes.Launcher.started()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = _finished(launcher.start(ENGINE, ["0", "--busy"], tmp_path, {}, tmp_path / "build.log"))
    assert process.returncode == 0
    launcher.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime >= 0.3
    launcher.stop()      # again: nothing left to stop


SCRIPT = """import sys, time
from pathlib import Path
runs = Path(sys.argv[1]) / "runs"
runs.write_text(runs.read_text() + "run\\n" if runs.exists() else "run\\n")   # no main guard, on purpose
from macros.cli.mkdocs_processes import Launcher
launcher = Launcher.started()
process = launcher.start("tests.support.fake_engine", ["0"], Path(sys.argv[1]), {}, Path(sys.argv[1]) / "log")
while process.poll() is None:
    time.sleep(0.02)
launcher.stop()
"""


def test_a_fork_does_not_run_the_command_lines_own_script_again(tmp_path):
    if sys.platform != "linux":
        pytest.skip("the fork server is used on Linux only")
    (tmp_path / "command.py").write_text(SCRIPT, "utf-8")
    subprocess.run([sys.executable, str(tmp_path / "command.py"), str(tmp_path)], check=True,
                   timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (tmp_path / "runs").read_text("utf-8") == "run\n", "the script ran once, in the command line only"
    assert "folder" in (tmp_path / "log").read_text("utf-8")


def test_a_real_mkdocs_build_process_forks_and_starts_as_python_dash_m_does(tmp_path):
    if sys.platform != "linux":
        pytest.skip("the fork server is used on Linux only")
    launcher = mkdocs_processes.Launcher.started("mkdocs")
    assert launcher.context is not None
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONUTF8": "1"}
    process = _finished(launcher.start("mkdocs", ["--version"], ROOT, env, tmp_path / "build.log"))
    said = (tmp_path / "build.log").read_text("utf-8")
    assert process.returncode == 0 and said.startswith("python -m mkdocs, version "), said
    assert "Warning" not in said
    launcher.stop()


def test_another_engine_starts_as_a_new_python_since_it_replaces_mkdocs_own_modules():
    launcher = mkdocs_processes.Launcher.started("properdocs")
    assert launcher.context is None


def test_a_build_given_up_half_way_leaves_no_process_log_or_output_behind(tmp_path):
    from macros.cli import build

    launcher = mkdocs_processes.Launcher.started()
    staging = tmp_path / "site.new-1"
    (staging / "sub").mkdir(parents=True)
    site = build.SiteBuild("mkdocs.yml", tmp_path / "site", staging, log=tmp_path / "build.log",
                           problems_file=tmp_path / "problems.jsonl")
    site.problems_file.write_text("", "utf-8")
    site.process = launcher.start(ENGINE, ["0", "--sleep"], tmp_path, {"PYTHONPATH": str(ROOT)}, site.log)
    started = time.monotonic()
    build._tidy([site], launcher)
    assert time.monotonic() - started < 20, "the running build was stopped, not waited for"
    assert site.process.poll() is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == []
