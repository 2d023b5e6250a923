"""`make site`: validate the data, build every output somewhere else, and swap it in only if all succeeded.

The last good site/ and site-staff/ stay exactly as they were when anything fails: bad data, a page that
is not UTF-8, a broken macro call, a broken link. MkDocs runs as a process per site and, for a large
multilingual site, per language (all at once, so that both cores work, forked from a server that has
imported MkDocs already: macros/cli/mkdocs_processes.py; macros/outputs/editions.py merges the
languages into one site before anything is checked or swapped in). Every problem becomes one Swedish line
naming the file and line (and a GitHub annotation in Actions), printed here and only here: those the kit's
checks found inside MkDocs come as data in a problems file (macros/problems.py, one per process); what MkDocs
and mkdocs-macros say is recognised in their output (macros/engine/mkdocs_log.py), and anything else quoted
in a Swedish sentence; a problem that several processes found is said once. The raw output is shown only
with --verbose.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from macros.build_state import ROOT, today
from macros.contract import site_address
from macros.contract.load import DataErrors, load_site_data
from macros.contract.models import SiteData
from macros.cli import mkdocs_processes
from macros.engine.mkdocs_files import ConfigReader, theme_folder
from macros.engine.mkdocs_log import published_an_error, translate, unexplained
from macros.outputs import editions
from macros.guards import audience
from macros.text.messages import ui
from macros.problems import PROBLEMS_FILE, Problem, read_problems, shown_path

# (config file, output folder name) for every site the kit builds.
SITES = [("mkdocs.yml", "site"), ("mkdocs.staff.yml", "site-staff")]

# The engines that can build the sites, by the module `python -m` runs: MkDocs, and ProperDocs, a drop-in
# continuation of MkDocs 1.x that reads the same mkdocs.yml (`make site ENGINE=properdocs`, in its own
# virtualenv .venv-properdocs). The first is the default. Everything else here is the same for both.
ENGINES = ("mkdocs", "properdocs")
ENGINE_MISSING = ("Byggmotorn {engine} finns inte i den här Python-miljön ({python}). Motorerna är {engines}. "
                  "`make site ENGINE=properdocs` installerar ProperDocs i en egen miljö, .venv-properdocs, och "
                  "bygger med den.")


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
    return shown_path(path, root)


def known_datasets(root: Path = ROOT) -> list[str]:
    """The data folders there are, as DATA= names them: data, examples/umea."""
    markers = sorted([*root.glob("*/municipality.yml"), *root.glob("examples/*/data/municipality.yml")])
    return [_display(m.parent.parent if m.parent.name == "data" and m.parent.parent != root else m.parent, root)
            for m in markers]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def check(dataset: Dataset, stream=sys.stdout, command: str = "make check", settings: bool = True,
          pages: bool = True) -> int:
    """Validate the settings (mkdocs.yml, mkdocs.staff.yml, pyproject.toml), the data and the pages; print every
    problem (and GitHub annotations in Actions). Exit status. `make site` leaves the settings and the pages to
    the build (settings=False, pages=False), which reports them with what only MkDocs finds."""
    return 0 if _checked(dataset, stream, command, settings, pages) is not None else 1


def _checked(dataset: Dataset, stream, command: str, settings: bool, pages: bool) -> SiteData | None:
    """check(), handing back the validated data (None when there were problems), so that a build reads it once."""
    if not dataset.data_dir.is_dir():
        _report([Problem("folder_missing", values={"folder": _display(dataset.data_dir),
                                                   "known": ", ".join(known_datasets()) or "data"})], stream)
        print("\n" + ui("check_failed", count=1, command=command), file=stream)
        return None
    from macros.settings import problems as setting_problems

    errors, data = list(setting_problems(ROOT)) if settings else [], None
    try:
        data = load_site_data(dataset.data_dir, today=today(), display_root=ROOT)
    except DataErrors as problem:
        errors += list(problem.errors)
    if pages or (errors and data is None):   # the pages too, with or without the data's ids
        from macros.contract.pages import page_problems
        errors += page_problems(ROOT, today(), data)
    if errors:
        _report(errors, stream)
        print("\n" + ui("check_failed", count=len(errors), command=command), file=stream)
        return None
    counts = ", ".join(_count(len(records), one, many) for records, one, many in (
        (data.support_lines, "stödlinje", "stödlinjer"), (data.contacts, "kontakt", "kontakter"),
        (data.focus_areas, "fokusområde", "fokusområden")))
    print(f"Datafilerna i {_display(dataset.data_dir)} är i ordning: {counts}.", file=stream)
    if pages:
        print(ui("check_pages_ok"), file=stream)
    from macros.build_state import limits
    from macros.contract.featuring import summary
    for line in summary(data, dataset.data_dir, today(), limits().freshness_months,
                        _display(dataset.data_dir / "support_lines.yml")):
        print(line, file=stream)
    return data


# --- Saying the problems -----------------------------------------------------------------------------------

def _report(problems: list[Problem], stream) -> None:
    """Every problem in Swedish (macros/problems.py › Problem.message), and as a GitHub annotation in Actions."""
    for problem in problems:
        print(problem, file=stream)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(problem.annotation(), file=stream)


def encoding_problems(docs: Path) -> list[Problem]:
    """Pages that are not UTF-8 (MkDocs would stop on the first with a Python traceback)."""
    found = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            found.append(Problem("invalid_utf8", _display(path, docs.parent), raw[: error.start].count(b"\n") + 1,
                                 {"byte": f"0x{raw[error.start]:02X}"}))
    return found


# --- Building ----------------------------------------------------------------------------------------------

@dataclass
class SiteBuild:
    config: str
    target: Path
    staging: Path
    process: subprocess.Popen | None = None        # or a fork of the server (macros/cli/mkdocs_processes.py)
    output: str = ""
    seconds: float = 0.0
    problems_file: Path | None = None                       # where the kit's checks inside MkDocs write ...
    problems: list[Problem] = field(default_factory=list)   # ... what they found (macros/problems.py)
    language: str | None = None   # the one language edition this process builds (None: all the site's)
    merged_into: "SiteBuild | None" = None   # for another language: the default language's build
    audience: str = "public"      # the site's extra › audience (the merge of its languages needs it)
    log: Path | None = None       # what MkDocs writes, in a file: a pipe that nobody reads yet would stall it
    ended: bool = False           # its process has ended, and `seconds` is how long it took

    @property
    def ok(self) -> bool:
        """Built, with nothing to say: a strict build fails on the kit's problems too (they are logged), and
        one that somehow passed with a problem or a macro error printed into a page is never published."""
        return (self.process is not None and self.process.returncode == 0 and not self.problems
                and not published_an_error(self.output))


def _start(build: SiteBuild, dataset: Dataset, launcher: mkdocs_processes.Launcher,
           engine: str = ENGINES[0]) -> None:
    if build.staging.exists():
        shutil.rmtree(build.staging)
    handle, problems_file = tempfile.mkstemp(prefix="motverka-problems-", suffix=".jsonl")
    os.close(handle)
    build.problems_file = Path(problems_file)
    env = {**os.environ, "MOTVERKA_DATA": str(dataset.data_dir), "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1",
           PROBLEMS_FILE: problems_file}
    env.pop(editions.LANGUAGE, None)
    if build.language:
        env[editions.LANGUAGE] = build.language
    arguments = ["build", "--strict", "--config-file", str(ROOT / build.config), "--site-dir", str(build.staging)]
    handle, log = tempfile.mkstemp(prefix="motverka-build-", suffix=".log")
    os.close(handle)
    build.log = Path(log)
    build.seconds = time.monotonic()
    build.process = launcher.start(engine, arguments, ROOT, env, build.log)


def _wait(builds: list[SiteBuild], meanwhile: list[SiteBuild] = ()) -> None:
    """Wait for these MkDocs processes, each one's time taken when it ends (not when its turn to be read comes),
    and that of any of `meanwhile` that ends before them."""
    while True:
        _note_ends([*builds, *meanwhile])
        if all(build.ended for build in builds):
            return
        time.sleep(0.05)


def _note_ends(builds: list[SiteBuild]) -> None:
    for build in builds:
        if not build.ended and build.process.poll() is not None:
            build.seconds, build.ended = time.monotonic() - build.seconds, True


def _built(builds: list[SiteBuild], inputs: GuardInputs) -> list[Problem] | None:
    """Wait for the builds. As soon as the public site's languages are built, the leak guard reads it, while the
    staff site may still be building: its problems, or None if the public site failed."""
    public = [b for b in builds if b.config == "mkdocs.yml"]
    rest = [b for b in builds if b not in public]
    _wait(public, meanwhile=rest)
    for build in public:
        _finish(build)
    guard = None
    if public and all(b.ok for b in public):
        _merge_editions(public)
        guard = _public_output_problems(public, inputs, meanwhile=lambda: _note_ends(rest))
    _wait(rest)
    for build in rest:
        _finish(build)
    if all(b.ok for b in rest):
        _merge_editions(rest)
    return guard


def _finish(build: SiteBuild) -> None:
    """Take what the site's MkDocs said: its output and the problems file the kit wrote."""
    build.output = build.log.read_text("utf-8", errors="replace")
    build.log.unlink(missing_ok=True)
    build.problems = read_problems(build.problems_file)
    build.problems_file.unlink(missing_ok=True)


def _swap(build: SiteBuild) -> Path:
    """Replace the old output with the new one. Returns the old one, to be removed (_remove) only after the new
    one is in place."""
    old = build.target.with_name(build.target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if build.target.exists():
        build.target.rename(old)
    build.staging.rename(build.target)
    return old


def _remove(folders: list[Path]) -> None:
    """Remove old outputs side by side: removing a thousand pages' files is system calls, which threads overlap."""
    threads = [threading.Thread(target=shutil.rmtree, args=(folder, True)) for folder in folders if folder.exists()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for folder in folders:   # what a thread could not remove (errors ignored there) is removed, or said, here
        if folder.exists():
            shutil.rmtree(folder)


def _planned(dataset: Dataset, sites: list[tuple[str, str]], read: ConfigReader) -> list[SiteBuild]:
    """The MkDocs processes to run: one per site, and for a multilingual site with enough pages in its other
    languages one per language (static-i18n would build them one after the other on one core;
    macros/outputs/editions.py › APART_FROM). All run at once, started longest first (_expected_work)."""
    builds = []
    for config, name in sites:
        target, staging = dataset.out_dir / name, dataset.out_dir / f"{name}.new-{os.getpid()}"
        settings = read(ROOT / config)
        default, others = editions.languages(settings)
        if editions.pages_in(ROOT / settings.get("docs_dir", "docs"), others) < max(editions.apart_from(), 1):
            builds.append(SiteBuild(config, target, staging))
            continue
        audience_name = (settings.get("extra") or {}).get("audience") or "public"
        main = SiteBuild(config, target, staging, language=default, audience=audience_name)
        builds += [main] + [SiteBuild(config, target, staging.with_name(f"{staging.name}-{lang}"), language=lang,
                                      merged_into=main) for lang in others]
    return sorted(builds, key=_expected_work, reverse=True)


def _expected_work(build: SiteBuild) -> tuple[bool, int]:
    """What a build has to do, to start the longest first: the one language edition that makes the site's PDF
    (or the whole site) before the others, and then the one with more pages (the staff site renders the
    public Swedish pages and its own)."""
    pages = [path.name for folder in ("docs", audience.STAFF_FOLDER) if (ROOT / folder).is_dir()
             and (folder == "docs" or build.config != "mkdocs.yml") for path in (ROOT / folder).rglob("*.md")]
    if build.merged_into is not None:
        return False, sum(name.endswith(f".{build.language}.md") for name in pages)
    return True, len(pages)


def _merge_editions(builds: list[SiteBuild]) -> None:
    """The other language editions' outputs into their site's (macros/outputs/editions.py), once all succeeded."""
    for main in {id(b.merged_into): b.merged_into for b in builds if b.merged_into is not None}.values():
        others = [b for b in builds if b.merged_into is main]
        editions.merge(main.staging, {b.language: b.staging for b in others}, main.audience)
        for build in others:
            shutil.rmtree(build.staging)


NOT_BUILT = "Webbplatsen byggdes inte. Den senast byggda webbplatsen är orörd."


@dataclass
class GuardInputs:
    """What the leak guard compares the new public site with, read while the builds run (only this process may
    read staff pages and staff data): the staff details, the public sources, the files meant to be public."""

    staff: object
    public: list
    allowed: set[str]
    theme: Path | None     # the installed theme's folder (Material's), whose copied files the guard need not read

    @classmethod
    def of(cls, dataset: Dataset, data: SiteData, read: ConfigReader) -> "GuardInputs":
        from macros.guards import leak_guard
        from macros.settings import read_site_settings

        docs = ROOT / "docs"
        return cls(leak_guard.StaffDetails.of(ROOT, docs, dataset.data_dir, data),
                   leak_guard.public_sources(ROOT, docs, dataset.data_dir),
                   set(read_site_settings(ROOT / "mkdocs.yml", ROOT).settings.public_files),
                   theme_folder(read(ROOT / "mkdocs.yml")))


def _public_output_problems(builds: list[SiteBuild], inputs: GuardInputs, meanwhile=None) -> list[Problem]:
    """The second line of defence, over the new public site before it is swapped in: staff text and staff
    contact details in any public file (macros/guards/leak_guard.py), and files of docs/ that no public page links."""
    from macros.guards import leak_guard

    public = next((b for b in builds if b.config == "mkdocs.yml" and b.merged_into is None), None)
    if public is None or not public.staging.is_dir():
        return []
    unlinked: list[Problem] = []
    found = leak_guard.leaks(public.staging, inputs.staff, meanwhile=meanwhile, alongside=lambda: unlinked.extend(
        leak_guard.unlinked_files(public.staging, ROOT / "docs", ROOT, inputs.allowed)), theme=inputs.theme)
    return leak_guard.messages(found, inputs.public) + unlinked


def build_sites(dataset: Dataset, sites=SITES, stream=sys.stdout, verbose: bool = False,
                engine: str = ENGINES[0]) -> int:
    if engine not in ENGINES or importlib.util.find_spec(engine) is None:
        print(ENGINE_MISSING.format(engine=engine, python=sys.executable, engines=", ".join(ENGINES)), file=stream)
        return 1
    launcher = mkdocs_processes.Launcher.started(engine)   # it imports MkDocs and the kit while the data is checked
    builds: list[SiteBuild] = []
    try:
        return _build_sites(dataset, sites, stream, verbose, engine, launcher, builds)
    finally:
        _tidy(builds, launcher)


def _tidy(builds: list[SiteBuild], launcher: mkdocs_processes.Launcher) -> None:
    """However the build ended (an error of the kit's own, Ctrl-C): no build process runs on, the fork server is
    stopped, and no log, problems file or half-built output is left behind (a staff build's log may quote staff
    pages). After a build that ended normally there is nothing left but the server to stop."""
    for build in builds:
        if build.process is not None and build.process.poll() is None:
            build.process.terminate()
    launcher.stop()
    for build in builds:
        for path in (build.log, build.problems_file):
            if path is not None:
                path.unlink(missing_ok=True)
        shutil.rmtree(build.staging, ignore_errors=True)   # swapped in (renamed) already, if all went well


def _build_sites(dataset: Dataset, sites, stream, verbose: bool, engine: str,
                 launcher: mkdocs_processes.Launcher, builds: list[SiteBuild]) -> int:
    data = _checked(dataset, stream, "make site", settings=False, pages=False)
    if data is None:
        print(NOT_BUILT, file=stream)
        return 1
    # Nothing that puts staff pages into the public build's tree (docs/personal/, a symbolic link) is built.
    if misplaced := audience.folder_problems(ROOT / "docs", ROOT):
        _report(misplaced, stream)
        print(f"\n{NOT_BUILT} {ui('build_fix_above', count=len(misplaced))}", file=stream)
        return 1
    if unreadable := encoding_problems(ROOT / "docs") + encoding_problems(ROOT / audience.STAFF_FOLDER):
        _report(unreadable, stream)
        print(f"\n{NOT_BUILT} {ui('build_fix_above', count=len(unreadable))}", file=stream)
        return 1
    read = ConfigReader()    # each configuration file read once by this build's checks
    builds += _planned(dataset, [(config, name) for config, name in sites if (ROOT / config).exists()], read)
    for build in builds:
        _start(build, dataset, launcher, engine)
    # Meanwhile, staff text copied into public sources: only this process may read staff pages and staff data.
    public_config = read(ROOT / "mkdocs.yml")
    copied = audience.source_problems(ROOT, ROOT / "docs", dataset.data_dir, audience.site_assets(public_config))
    # And the pages' own check (macros/contract/pages.py): its messages are the translated MkDocs ones, said once.
    from macros.contract.pages import page_problems
    pages = page_problems(ROOT, today(), data, read)
    guard = _built(builds, GuardInputs.of(dataset, data, read))
    launcher.stop_soon()    # every build has ended
    for build in builds if verbose else []:
        print(build.output, file=stream)
    failed = [b for b in builds if not b.ok]
    if not failed:   # the second line of defence; what the source check already named is not said twice
        named = {(p.file, p.line) for p in copied}
        copied += [p for p in guard or [] if (p.file, p.line) not in named]
    if failed or copied or pages:
        problems = copied + pages + [problem for build in failed for problem in _build_problems(build)]
        problems = sorted(dict.fromkeys(problems), key=lambda p: (not p.file, p.file, p.line))
        _report(problems, stream)
        for build in builds:
            if build.staging.exists():
                shutil.rmtree(build.staging)
        order = [config for config, _ in SITES]    # named in the order of the sites, not of starting
        configs = ", ".join(sorted(dict.fromkeys(b.config for b in failed or builds[:1]),
                                   key=lambda c: order.index(c) if c in order else len(order)))
        print(f"\nWebbplatsen byggdes inte ({configs}). Den senast byggda webbplatsen är orörd. "
              f"{ui('build_fix_above', count=len(problems))}", file=stream)
        return 1
    sites = [b for b in builds if b.merged_into is None]
    _remove([_swap(build) for build in sites])
    for build in sites:
        seconds = max(b.seconds for b in builds if b.target == build.target)   # its slowest language
        print(f"{_display(build.target)}/ byggd på {seconds:.1f} s ({build.config}).", file=stream)
    _say_address(data, stream)
    return 0


def _build_problems(build: SiteBuild) -> list[Problem]:
    """A failed site's problems in the order MkDocs met them: the kit's own from its problems file, MkDocs'
    and mkdocs-macros' recognised in its output (macros/engine/mkdocs_log.py)."""
    found = translate(build.output, ROOT / "docs", build.config, known=build.problems)
    if not found:  # it failed without a word we recognise: still say so, with its last line
        lines = [line for line in build.output.splitlines() if line.strip()]
        found = [unexplained(lines[-1] if lines else f"{build.config}: exit status {build.process.returncode}")]
    return found


def _say_address(data: SiteData, stream) -> None:
    """Once per build, not per site or language: a build without an address, or with one on this computer,
    is not one to publish (macros/contract/site_address.py)."""
    address = site_address.resolve(data.municipality.site_url)
    if address is None:
        print(Problem("site_address_missing"), file=stream)
    elif site_address.is_loopback(address):
        print(Problem("site_address_local", values={"value": address}), file=stream)
