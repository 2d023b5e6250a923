"""What `make` says to a communicator: Swedish only, one line per problem and a closing line, no English from make
itself (unless VERBOSE=1), and a word about what is being installed on the first run."""

from __future__ import annotations

import os
import subprocess

from tests.support.project import ROOT


def make(*arguments: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "VERBOSE",
                                                                    "GITHUB_ACTIONS")}
    return subprocess.run(["make", *arguments], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=120)


def test_a_failed_check_ends_in_swedish_without_makes_own_english_line():
    result = make("check", "DATA=exampels/umea")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Mappen" in output and output.rstrip().endswith("1 fel. Rätta det och kör `make check` igen."), output
    assert "make:" not in output and "Error" not in output, output


def test_verbose_keeps_makes_own_words():
    result = make("check", "DATA=exampels/umea", "VERBOSE=1")
    assert result.returncode != 0
    assert "make: *** [Makefile:" in result.stderr


def test_help_is_in_swedish():
    result = make("help")
    assert result.returncode == 0
    assert "kontrollera datafilerna och sidorna" in result.stdout
    assert "bygg en förhandsversion" in result.stdout
    for english in ("list the commands", "validate the data", "build everything", "preview the"):
        assert english not in result.stdout


def test_the_first_run_says_what_it_installs(tmp_path):
    # A Python that cannot make an environment: the first step says what it does, then stops quietly.
    result = make("check", f"VENV={tmp_path / 'venv'}", "PYTHON=false")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Förbereder en egen Python-miljö" in output and "bara första gången" in output, output
    assert "make:" not in output, output


def test_serve_starts_only_from_files_that_pass_the_check_and_says_why_in_swedish():
    result = make("serve", "DATA=exampels/umea")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.rstrip().endswith("1 fel. Rätta det och kör `make check` igen."), output
    assert "make:" not in output and "Serving" not in output, output
