"""Throw-away copies of the project, so that `make bench` runs `make site` exactly as a developer would,
without touching site/ or the checkout others are working in. Copies live under bench/out/ (gitignored)."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

# Outputs, tooling and the bench itself are not part of what `make site` reads. .git is copied (small) so
# that a git-based plugin sees the same history as in the checkout.
_SKIP_TOP = {".venv", "bench", "node_modules", ".pytest_cache", ".cache", "site", "site-staff"}


def _skip(folder: str, names: list[str]) -> set[str]:
    """Built outputs (site/, site-staff/, their .new/.old stagings) and caches, wherever they are."""
    return {n for n in names if n == "__pycache__" or (
        (n in ("site", "site-staff") or n.startswith(("site.", "site-staff."))) and os.path.isdir(os.path.join(folder, n)))}


def copy_project(target: Path) -> Path:
    """A fresh copy of the checkout as it is now (uncommitted work included), sharing .venv by a symlink."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name in _SKIP_TOP or entry.name.startswith(("site.", "site-staff.")):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=_skip, symlinks=True)
        else:
            shutil.copy2(entry, target / entry.name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    # Installed npm packages are shared too: since the form editor (issue 18) make site needs them, and a copy
    # without them spent its timed build in `npm ci` (3-6 s), which measured the network, not the build.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def clean_env(**extra: str) -> dict:
    """The environment of a developer's shell: no make or test variables leaking in from `make bench`."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MOTVERKA_DATA", "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "GITHUB_ACTIONS", "SITE_URL")}
    env.update({"NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1", **extra})
    return env


@dataclass
class Timed:
    seconds: float          # wall clock: what a developer waits
    cpu: float              # user + system time of every process it ran: less sensitive to a busy machine
    output: str


class BuildFailed(RuntimeError):
    pass


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command: list[str], cwd: Path, env: dict, timeout: int = 900) -> Timed:
    cpu, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise BuildFailed(f"`{' '.join(command)}` failed in {cwd}:\n{output[-4000:]}")
    return Timed(seconds, cpu, output)


def make_site(project: Path, **env: str) -> Timed:
    """`make site` in a copy: everything it builds today (both sites, PDFs, open data), timed end to end."""
    return run_timed(["make", "--no-print-directory", "site"], project, clean_env(**env))


def free_port() -> int:
    """A free port on 127.0.0.1, known before the build so that SITE_URL (canonical URLs) can name it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
