"""MkDocs processes started from a fork server that has already imported MkDocs, its plugins and the kit.

`make site` runs two to four MkDocs processes at once. Each used to start a fresh Python that imported MkDocs,
Material, Python-Markdown, Jinja, pydantic and the kit before its first page: a third of a second of CPU each,
on a machine whose two cores are busy from start to end. A fork server imports them once, in a process of its
own that the command line starts before it reads any data (so no process holds more than it was given: the
server has only code, and each MkDocs process gets its own environment, as from `python -m mkdocs`). Each
build is then a fork of the server: the same `python -m <engine> build …`, run in a process that has its
modules already.

Only on Linux, where forking is safe and cheap, and for MkDocs; elsewhere, for another engine, or if the server
cannot start, a build is a new Python process as before (`subprocess.Popen`). Both give the same handle:
poll(), returncode and terminate(). Each build makes its own Launcher (build_sites); the server is
multiprocessing's, one per command."""

from __future__ import annotations

import multiprocessing
import os
import runpy
import subprocess
import sys
import threading
import types
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from macros.environment import variable_set

# The engine whose builds fork from the server, and the module the server imports for it. Another engine
# (ProperDocs) replaces MkDocs' modules when it starts, which a fork of MkDocs' modules cannot: it starts anew.
FORKED_ENGINE = "mkdocs"
PRELOAD = "macros.engine.preload"


class Launcher:
    """Starts a build's MkDocs processes: forked from the fork server where there is one, else new Pythons."""

    def __init__(self, context=None):
        self.context = context     # multiprocessing's forkserver context, or None
        self._stopping: threading.Thread | None = None

    @classmethod
    def started(cls, engine: str = FORKED_ENGINE) -> "Launcher":
        """With the fork server running (it imports PRELOAD while the caller goes on), where it can run."""
        if sys.platform != "linux" or engine != FORKED_ENGINE:
            return cls()
        try:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([PRELOAD])
            from multiprocessing import forkserver

            with variable_set("PYTHONUTF8", "1"):   # UTF-8 mode, as `make site` starts every build
                forkserver.ensure_running()
            return cls(context)
        except Exception:   # noqa: BLE001  no fork server (a sandbox without sockets …): new Pythons, as before
            return cls()

    def start(self, engine: str, arguments: list[str], cwd: Path, env: dict[str, str], log: Path):
        """`python -m <engine> <arguments>` in `cwd` with `env`, its stdout and stderr appended to `log`."""
        if self.context is not None:
            process = self.context.Process(target=_run, args=(engine, arguments, str(cwd), env, str(log)))
            try:
                with _no_main_module():
                    process.start()
                return _Forked(process)
            except (OSError, EOFError):   # the server has gone: new Pythons do the same, from now on
                self.context = None
        with open(log, "a", encoding="utf-8") as output:
            return subprocess.Popen([sys.executable, "-m", engine, *arguments], cwd=cwd, env=env, stdout=output,
                                    stderr=subprocess.STDOUT)

    def stop_soon(self) -> None:
        """Once every build has ended: stop the fork server in the background (it takes a tenth of a second to
        exit), while the command line swaps the sites in."""
        if self.context is not None and self._stopping is None:
            self._stopping = threading.Thread(target=_stop_server, daemon=True)
            self._stopping.start()

    def stop(self) -> None:
        """Stop the fork server and wait for it: its time, and its builds', then count as this command's, as a
        new Python's would (`make bench` measures CPU that way), and no process is left behind."""
        self.stop_soon()
        if self._stopping is not None:
            self._stopping.join()


@contextmanager
def _no_main_module() -> Iterator[None]:
    """multiprocessing makes a fork run the command line's main script again (as __mp_main__, so that pickled
    functions of it can be found), unless it is a package's __main__ (`python -m macros`). A build needs nothing
    of it, and a script without a main guard (a bench or a profiling script calling build_sites) would run
    again in every build. So the fork is asked for while __main__ is an empty module."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _stop_server() -> None:
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)   # multiprocessing's own, 3.8 on
    if stop is not None:
        stop()


class _Forked:
    """A build forked from the server, with Popen's poll(), returncode and terminate()."""

    def __init__(self, process):
        self._process = process

    def poll(self) -> int | None:
        return self._process.exitcode

    def terminate(self) -> None:
        self._process.terminate()

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode


def _run(engine: str, arguments: list[str], cwd: str, env: dict[str, str], log: str) -> None:
    """In the forked process: become `python -m <engine> …` as a new process would. Its import path is the
    command line's, which found this kit; the engine's hooks import it from there."""
    output = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)   # first: any error from here on is in the log
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.close(output)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = [engine, *arguments]
    sys.modules.pop(f"{engine}.__main__", None)   # run as a script is, not found imported
    runpy.run_module(engine, run_name="__main__", alter_sys=True)
