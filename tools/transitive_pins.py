"""`make lock`: keep from `pip freeze` only the packages that no requirements file pins itself.

The lock file (constraints.lock) pins what the requirements files pull in; the requirements files pin what
they name. Each package is pinned in one place only, so that a Dependabot pull request that moves a pin in
requirements.txt does not contradict the lock file (pip would refuse: "ResolutionImpossible").

    pip freeze | python tools/transitive_pins.py requirements-dev.txt requirements-properdocs.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalise(name: str) -> str:
    """A package name as PyPI compares them (PEP 503): PyYAML, pyyaml and py_yaml are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path, seen: set[Path] | None = None) -> set[str]:
    """The packages a requirements file names, following its `-r other.txt` lines."""
    seen = set() if seen is None else seen
    if path.resolve() in seen:
        return set()
    seen.add(path.resolve())
    names: set[str] = set()
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith(("-r ", "--requirement ")):
            names |= pinned(path.parent / line.split(maxsplit=1)[1], seen)
        elif line and not line.startswith("-") and (match := _NAME.match(line)):
            names.add(normalise(match.group(1)))
    return names


def transitive(freeze: str, requirement_files: list[Path]) -> list[str]:
    direct = set().union(*(pinned(path) for path in requirement_files))
    return [line for line in freeze.splitlines()
            if (match := _NAME.match(line)) and normalise(match.group(1)) not in direct]


if __name__ == "__main__":
    print("\n".join(transitive(sys.stdin.read(), [Path(arg) for arg in sys.argv[1:]])))
