"""Builds shared by every worker of one test session.

`make test` runs the tests in parallel worker processes (pytest-xdist). A session fixture runs once per
worker, but a build of a whole site is too slow to make twice: `once` makes it in a folder that all the
workers of this session share, under a file lock, so that the first worker to ask builds and the others wait
for it and reuse it. Without xdist it is a plain cache in the session's temporary folder. Nothing outlives
the session: every `make test` builds from the sources as they are.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable


def session_folder(tmp_path_factory) -> Path:
    """The temporary folder of this session, the same for all of its workers."""
    base = tmp_path_factory.getbasetemp()
    # Each xdist worker has its own basetemp inside the session's (…/pytest-N/popen-gw0).
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def _locked(path: Path):
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def once(tmp_path_factory, name: str, make: Callable[[Path], object]) -> Path:
    """The folder `make(folder)` fills, made once per session however many workers ask for it.

    If `make` fails, the workers that ask later fail with the same message instead of trying again."""
    root = session_folder(tmp_path_factory) / "shared"
    root.mkdir(exist_ok=True)
    folder, done, failed = root / name, root / f"{name}.done", root / f"{name}.failed"
    with _locked(root / f"{name}.lock"):
        if failed.exists():
            raise AssertionError(f"{name} failed in another worker:\n{failed.read_text('utf-8')}")
        if not done.exists():
            if folder.exists():
                shutil.rmtree(folder)
            try:
                make(folder)
            except Exception as problem:
                failed.write_text(f"{type(problem).__name__}: {problem}", "utf-8")
                raise
            done.touch()
    return folder
