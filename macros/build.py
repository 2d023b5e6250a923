"""`make site`: validate the data, build every output somewhere else, and swap it in only if all succeeded.

The last good site/ and site-staff/ stay exactly as they were when anything fails: bad data, a broken
macro call, a broken link. MkDocs runs as a subprocess per site (both at once: the machine has two cores);
its warnings and mkdocs-macros' tracebacks are translated into the catalogue's Swedish messages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .load import DataErrors, load_site_data
from .messages import say
from .site import ROOT, today

# (config file, output folder name) for every site the kit builds.
SITES = [("mkdocs.yml", "site"), ("mkdocs.staff.yml", "site-staff")]


@dataclass(frozen=True)
class Dataset:
    """A municipality's data folder and where its outputs go (site/ beside data/)."""

    data_dir: Path
    out_dir: Path

    @classmethod
    def resolve(cls, name: str | os.PathLike = "data", root: Path = ROOT) -> "Dataset":
        path = Path(name)
        path = path if path.is_absolute() else root / path
        if (path / "municipality.yml").exists() or not (path / "data").is_dir():
            return cls(path, path.parent)
        return cls(path / "data", path)


def _display(path: Path, root: Path = ROOT) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def check(dataset: Dataset, stream=sys.stdout, command: str = "make check") -> int:
    """Validate the data alone; print every error (and GitHub annotations in Actions). Exit status."""
    try:
        data = load_site_data(dataset.data_dir, today=today(), display_root=ROOT)
    except DataErrors as problem:
        for error in problem.errors:
            print(error, file=stream)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(error.annotation(), file=stream)
        print(f"\n{len(problem.errors)} fel. Rätta dem och kör `{command}` igen.", file=stream)
        return 1
    print(f"Datafilerna i {_display(dataset.data_dir)} är i ordning: {len(data.support_lines)} stödlinjer, "
          f"{len(data.contacts)} kontakter, {len(data.focus_areas)} fokusområden.", file=stream)
    return 0


# --- Translating MkDocs' and mkdocs-macros' words ----------------------------------------------------------

_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but the target "
                   r"'?[^']*'? ?is not found among documentation files")
_ANCHOR_SAME = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>#[^']+)', but there is no "
                          r"such anchor on this page")
_ANCHOR_OTHER = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but the doc "
                           r"'[^']+' does not contain an anchor")
_MACRO_FILE = re.compile(r"_File_: `(?P<page>[^`]+)`")
_MACRO_UNDEFINED = re.compile(r"UndefinedError_?: '(?P<name>[^']+)' is undefined")
_MACRO_SYNTAX = re.compile(r"_Line (?P<line>\d+) in Markdown file:_ \*\*(?P<problem>.*?)\*\*")
_MACRO_OTHER = re.compile(r"^_(?P<kind>\w+)_: (?P<problem>.*)$", re.MULTILINE)


def _line_in(page: str, needle: str, docs: Path) -> int:
    try:
        for number, line in enumerate((docs / page).read_text("utf-8").splitlines(), 1):
            if needle in line:
                return number
    except OSError:
        pass
    return 1


def translate(output: str, docs: Path) -> list[str]:
    """The problems in one MkDocs run's output, each as `docs/page.md:line: Swedish message`."""
    problems: list[str] = []
    for line in output.splitlines():
        message = line.split(" - ", 1)[-1].strip()
        if line.startswith(("ERROR", "WARNING")) and "plugins.motverka" in line:
            problems.append(message.split(": ", 1)[-1] if message.startswith("plugins.motverka") else message)
            continue
        for pattern, code in ((_LINK, "link_broken"), (_ANCHOR_SAME, "anchor_broken"),
                              (_ANCHOR_OTHER, "anchor_broken")):
            match = pattern.search(line)
            if match:
                page, target = match["page"], match["target"]
                problems.append(f"docs/{page}:{_line_in(page, target, docs)}: {say(code, target=target)}")
                break
    file = _MACRO_FILE.search(output)
    if file:
        page = file["page"]
        if undefined := _MACRO_UNDEFINED.search(output):
            name = undefined["name"]
            problems.append(f"docs/{page}:{_line_in(page, name, docs)}: {say('macro_undefined', name=name)}")
        elif syntax := _MACRO_SYNTAX.search(output):
            problems.append(f"docs/{page}:{syntax['line']}: {say('macro_syntax', problem=syntax['problem'])}")
        elif other := _MACRO_OTHER.search(output):
            problems.append(f"docs/{page}:1: {say('macro_failed', problem=other['problem'])}")
    return [p.replace("plugins.motverka: ", "") for p in problems]


# --- Building ----------------------------------------------------------------------------------------------

@dataclass
class SiteBuild:
    config: str
    target: Path
    staging: Path
    process: subprocess.Popen | None = None
    output: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.process is not None and self.process.returncode == 0


def _start(build: SiteBuild, dataset: Dataset, env: dict) -> None:
    if build.staging.exists():
        shutil.rmtree(build.staging)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / build.config),
               "--site-dir", str(build.staging)]
    build.seconds = time.monotonic()
    build.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, encoding="utf-8", errors="replace")


def _swap(build: SiteBuild) -> None:
    """Replace the old output with the new one; the old one is removed only after the new is in place."""
    old = build.target.with_name(build.target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if build.target.exists():
        build.target.rename(old)
    build.staging.rename(build.target)
    if old.exists():
        shutil.rmtree(old)


def build_sites(dataset: Dataset, sites=SITES, stream=sys.stdout, verbose: bool = False) -> int:
    if check(dataset, stream=stream, command="make site") != 0:
        print("Webbplatsen byggdes inte. Den senast byggda webbplatsen är orörd.", file=stream)
        return 1
    sites = [(config, name) for config, name in sites if (ROOT / config).exists()]
    env = {**os.environ, "MOTVERKA_DATA": str(dataset.data_dir), "NO_MKDOCS_2_WARNING": "1",
           "PYTHONUTF8": "1"}
    builds = [SiteBuild(config, dataset.out_dir / name, dataset.out_dir / f"{name}.new-{os.getpid()}")
              for config, name in sites]
    for build in builds:
        _start(build, dataset, env)
    for build in builds:
        build.output, _ = build.process.communicate()
        build.seconds = time.monotonic() - build.seconds
    failed = [b for b in builds if not b.ok]
    for build in builds:
        if verbose or (not build.ok and not translate(build.output, ROOT / "docs")):
            print(build.output, file=stream)
    if failed:
        seen = set()
        for build in failed:
            for problem in translate(build.output, ROOT / "docs"):
                if problem not in seen:
                    seen.add(problem)
                    print(problem, file=stream)
        for build in builds:
            if build.staging.exists():
                shutil.rmtree(build.staging)
        print(f"\nWebbplatsen byggdes inte ({', '.join(b.config for b in failed)}). Den senast byggda "
              f"webbplatsen är orörd. Rätta felen ovan och kör `make site` igen.", file=stream)
        return 1
    for build in builds:
        _swap(build)
        print(f"{_display(build.target)}/ byggd på {build.seconds:.1f} s ({build.config}).", file=stream)
    return 0
