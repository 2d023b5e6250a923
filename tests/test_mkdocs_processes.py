"""A build forked from the fork server runs as `python -m <engine>` would (macros/cli/mkdocs_processes.py): in its
folder, with exactly the environment it was given, its output and errors in its log, and its exit status."""

from __future__ import annotations

import os
import sys
import time

import pytest

from macros.cli import mkdocs_processes

ENGINE = '''import os, sys
print("folder", os.getcwd())
print("arguments", sys.argv[1:])
print("given", os.environ.get("MV_GIVEN"), "not given", os.environ.get("MV_NOT_GIVEN"))
print("utf-8", sys.flags.utf8_mode, "åäö")
print("kit", "macros.build_state" in sys.modules)
sys.stderr.write("on stderr\\n")
sys.exit(int(sys.argv[1]))
'''


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
    (tmp_path / "fake_engine.py").write_text(ENGINE, "utf-8")
    monkeypatch.setenv("MV_NOT_GIVEN", "the command line's own")
    if forked:
        mkdocs_processes.start_server()
        assert mkdocs_processes._context is not None
    else:
        monkeypatch.setattr(mkdocs_processes, "_context", None)
    log = tmp_path / "build.log"
    env = {"MV_GIVEN": "ja", "PYTHONUTF8": "1", "PATH": os.environ.get("PATH", "")}
    process = _finished(mkdocs_processes.start("fake_engine", ["3", "--strict"], tmp_path, env, log))
    assert process.returncode == 3
    said = log.read_text("utf-8").splitlines()
    assert "on stderr" in said
    said.remove("on stderr")     # written unbuffered, so anywhere among the lines of stdout
    assert said[:4] == [f"folder {tmp_path}", "arguments ['3', '--strict']", "given ja not given None",
                        "utf-8 1 åäö"]
    assert said[4] == f"kit {forked}", "a fork has the kit's modules already; a new Python has not"


def test_an_engine_that_fails_to_start_says_why_in_its_log(tmp_path):
    mkdocs_processes.start_server()
    log = tmp_path / "build.log"
    process = _finished(mkdocs_processes.start("no_such_engine", ["build"], tmp_path, {"PATH": ""}, log))
    assert process.returncode == 1
    assert "no_such_engine" in log.read_text("utf-8")
