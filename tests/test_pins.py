"""Each Python package is pinned in one place, and the lock file is out of Dependabot's reach.

The requirements files pin what they name; constraints.lock pins what those pull in (`make lock`). Dependabot
moves a pin in a requirements file: if the lock file pinned the same package at the old version, pip would
refuse the pair ("ResolutionImpossible") and the pull request could never go green. And Dependabot reads every
*.txt and *.in file as a requirements file, so the lock file has neither suffix (.github/dependabot.yml).
"""

from __future__ import annotations

from tests.support.project import ROOT
from tools.transitive_pins import normalise, pinned

LOCK = ROOT / "constraints.lock"
REQUIREMENTS = [ROOT / "requirements-dev.txt", ROOT / "requirements-properdocs.txt", ROOT / "bench/requirements.txt"]


def doubly_pinned(lock_text: str) -> list[str]:
    direct = set().union(*(pinned(path) for path in REQUIREMENTS))
    locked = {normalise(line.split("==", 1)[0]) for line in lock_text.splitlines()
              if line.strip() and not line.startswith("#")}
    return sorted(direct & locked)


def test_no_package_is_pinned_both_in_a_requirements_file_and_in_the_lock_file():
    assert doubly_pinned(LOCK.read_text("utf-8")) == []


def test_the_rule_rejects_a_lock_file_that_pins_a_requirement_again():
    assert doubly_pinned(LOCK.read_text("utf-8") + "PyYAML==6.0.3\nmkdocs_material==9.8.1\n") == [
        "mkdocs-material", "pyyaml"]


def test_the_lock_file_is_not_a_file_dependabot_takes_for_requirements():
    assert LOCK.exists() and LOCK.suffix not in {".txt", ".in"}
    assert not (ROOT / "constraints.txt").exists()


def test_the_requirements_files_follow_their_includes():
    assert {"mkdocs", "pytest", "properdocs"} <= set().union(*(pinned(path) for path in REQUIREMENTS))
