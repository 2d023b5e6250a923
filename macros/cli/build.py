"""`make site`: validate the data, build every output somewhere else, and swap it in only if all succeeded.

The last good site/ and site-staff/ stay exactly as they were when anything fails: bad data, a page that
is not UTF-8, a broken macro call, a broken link. MkDocs runs as a subprocess per site (both at once: the
machine has two cores). Every warning and error in its output becomes one Swedish line naming the file and
line (and a GitHub annotation in Actions): the kit's own messages as they are, MkDocs' and mkdocs-macros'
translated, and anything else quoted in a Swedish sentence. The raw output is shown only with --verbose.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from macros.build_state import ROOT, today
from macros.contract import site_address
from macros.contract.load import DataError, DataErrors, load_site_data
from macros.guards import audience
from macros.guards.audience import names_staff_page, line_with, source_name
from macros.text.messages import TEMPLATE_PROBLEM_UNKNOWN, TEMPLATE_PROBLEMS, say, ui

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
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


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
    if not dataset.data_dir.is_dir():
        _report([Problem(message=say("folder_missing", folder=_display(dataset.data_dir),
                                     known=", ".join(known_datasets()) or "data"))], stream)
        print("\n" + ui("check_failed", count=1, command=command), file=stream)
        return 1
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
        for error in errors:
            print(error, file=stream)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(error.annotation(), file=stream)
        print("\n" + ui("check_failed", count=len(errors), command=command), file=stream)
        return 1
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
    return 0


# --- Translating MkDocs' and mkdocs-macros' words ----------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One problem found by a build, as a communicator reads it: `docs/page.md:12: what is wrong. The fix.`"""

    file: str = ""
    line: int = 0
    message: str = ""
    sep: str = ": "  # " › " for a data error's path inside its file

    def __str__(self) -> str:
        return f"{self.file}:{self.line}{self.sep}{self.message}" if self.file else self.message

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, formatted as the data errors are."""
        if self.file:
            return DataError(self.file, self.line, message=self.message).annotation()
        return "::error::" + self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _report(problems: list[Problem], stream) -> None:
    for problem in problems:
        print(problem, file=stream)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(problem.annotation(), file=stream)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<text>.*)$")
# The kit's own messages (macros/engine/hooks.py, page_macros.py, page_meta.py) already say file, line and fix.
# The kit's own messages; also files beside the pages that safe_html.file_problems checks (HTML, SVG, CSS,
# scripts), and staff pages in personal/.
_OWN = re.compile(r"^(?P<file>[\w./-]+\.(?:md|ya?ml|toml|html?|xhtml|shtml|svgz?|xml|xslt?|css|[mc]?js|wasm|swf)|"
                  r"(?:docs|personal)/[\w./-]*):(?P<line>\d+)(?P<sep>: | › )(?P<message>.+)$")
_OWN_PDF = "PDF:en"

_DID_YOU_MEAN = r"(?: Did you mean '(?P<suggest>[^']*)'\?)?"
_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but the target "
                   r"(?:'[^']*' )?is not found among documentation files\." + _DID_YOU_MEAN)
_ANCHOR_SAME = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>#[^']+)', but there is no "
                          r"such anchor on this page")
_ANCHOR_OTHER = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but the doc "
                           r"'(?P<doc>[^']+)' does not contain an anchor")
_ABSOLUTE = re.compile(r"Doc file '(?P<page>[^']+)' contains an absolute link '(?P<target>[^']+)', it was left "
                       r"as is\." + _DID_YOU_MEAN)
_UNRECOGNIZED = re.compile(r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<target>[^']+)'"
                           r", it was left as is\.")
_NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included in the "
                         r"\"nav\" configuration:(?P<pages>(?:\n\s*- .+)+)")
_NAV_MISSING = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is "
                          r"not found in the documentation files\.")
_CONFIG_VALUE = re.compile(r"^Config value '(?P<key>[^']+)': (?P<problem>.+)", re.S)
_CONFIG_YAML = re.compile(r"^MkDocs encountered an error parsing the configuration file: ")
_YAML_MARK = re.compile(r'in "(?P<file>[^"]+)", line (?P<line>\d+)')
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)

_MACRO_REPORT = "[macros] - ERROR # _Macro"
_MACRO_FILE = re.compile(r"_File_: `(?P<page>[^`]+)`")
_MACRO_KIND = re.compile(r"^_(?!File_)(?P<kind>\w+)_: (?P<problem>.*)$", re.MULTILINE)
_MACRO_SYNTAX = re.compile(r"_Line (?P<line>\d+) in Markdown file:_ \*\*(?P<problem>.*?)\*\*")
_TEMPLATE_LINE = re.compile(r'File "<template>", line (?P<line>\d+)')
_UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'(?P<owner>[^']+)' has no attribute '(?P<name>[^']+)'$")
_TOO_MANY = re.compile(r"(?P<macro>\w+)\(\) takes (?:from \d+ to )?(?P<most>\d+) positional arguments? but "
                       r"(?P<given>\d+) (?:was|were) given")
_MISSING = re.compile(r"(?P<macro>\w+)\(\) missing \d+ required (?:positional |keyword-only )?arguments?: "
                      r"(?P<names>.+)$")
_UNEXPECTED = re.compile(r"(?P<macro>\w+)\(\) got an unexpected keyword argument '(?P<name>[^']+)'")
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _records(output: str) -> list[tuple[str, str]]:
    """MkDocs' output as (level, text) records: a log line with the lines that belong to it, a Python
    traceback ("TRACEBACK"), a fatal `Error: …` ("FATAL") or the closing `Aborted with …` ("ABORTED")."""
    records: list[tuple[str, list[str]]] = []
    attach = False      # whether unprefixed lines still belong to the last record
    fences = None       # inside a mkdocs-macros error report: ``` lines seen so far (it has two)
    for line in _ANSI.sub("", output).splitlines():
        if fences is not None and fences < 2:
            records[-1][1].append(line)
            fences += line.strip().startswith("```")
            continue
        fences = None
        if match := _RECORD.match(line):
            records.append((match["level"], [match["text"]]))
            attach = True
            if match["text"].startswith(_MACRO_REPORT):
                fences = 0
        elif line.startswith("Traceback (most recent call last):"):
            records.append(("TRACEBACK", [line]))
            attach = True
        elif line.startswith("Error: "):
            records.append(("FATAL", [line.removeprefix("Error: ")]))
            attach = True
        elif line.startswith("Aborted with"):
            records.append(("ABORTED", [line]))
            attach = False
        elif not line.strip():
            attach = False
        elif attach and records:
            records[-1][1].append(line)
    return [(level, "\n".join(lines)) for level, lines in records]


def _quote(text: str) -> str:
    """The original words for a fallback message: the first line (with its list, if it ends in a colon)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    shown = " ".join(lines) if lines and lines[0].endswith(":") else (lines[0] if lines else "")
    shown = shown.removesuffix(".")  # the message puts its own full stop after the quote
    return shown if len(shown) <= 300 else shown[:297] + "…"


def _unexplained(text: str) -> Problem:
    return Problem(message=say("build_other", problem=_quote(text)))


class _Reader:
    """Translates one site's MkDocs output, looking up lines in the pages and configuration files."""

    def __init__(self, docs: Path, config: str):
        self.docs = docs
        self.root = docs.parent
        self.configs = list(dict.fromkeys([config, "mkdocs.yml"]))

    # -- the files ------------------------------------------------------------------------------------------

    def source(self, page: str) -> str:
        try:
            return (self.root / source_name(page)).read_text("utf-8-sig")  # as MkDocs reads it
        except (OSError, UnicodeDecodeError):
            return ""

    def offset(self, page: str) -> int:
        """Lines before the Markdown that mkdocs-macros renders: the front matter, and blank lines after it."""
        from mkdocs.utils.meta import get_data

        source = self.source(page)
        markdown, _ = get_data(source)
        return source[: len(source) - len(markdown)].count("\n")

    def line_of(self, page: str, target: str) -> int:
        return line_with(self.source(page), [f"({target}", f"]: {target}", target])

    def name_line(self, page: str, name: str, attribute: bool = False) -> int | None:
        """The line of a name used inside {{ … }} or {% … %} (after a dot for an attribute), as a whole word."""
        source = self.source(page)
        before = r"\." if attribute else r"(?<![\w.\"'])"
        pattern = re.compile(before + re.escape(name) + r"(?![\w\"'])")
        for code in _TEMPLATE_CODE.finditer(source):
            if hit := pattern.search(code.group()):
                return source.count("\n", 0, code.start() + hit.start()) + 1
        return None

    def owner(self, page: str, line: int, name: str) -> str | None:
        """What stands before `.name` on the page's line, inside {{ … }}: `municipality` in municipality.nmae."""
        lines = self.source(page).splitlines()
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        for code in _TEMPLATE_CODE.finditer(text):
            if found := re.search(r"(?P<owner>[A-Za-z_][\w.]*)\." + re.escape(name) + r"(?!\w)", code.group()):
                return found["owner"]
        return None

    def config_line(self, needle: str, key: bool = False) -> tuple[str, int]:
        for config in self.configs:
            try:
                lines = (self.root / config).read_text("utf-8").splitlines()
            except OSError:
                continue
            for number, line in enumerate(lines, 1):
                if (line.startswith(f"{needle}:") if key else needle in line):
                    return config, number
        return self.configs[0], 1

    # -- the records ----------------------------------------------------------------------------------------

    def problems(self, output: str) -> list[Problem]:
        records = _records(output)
        # A page whose macros failed has mkdocs-macros' report instead of its text, so links to its headings
        # fail too: those follow from the macro error and are not reported separately.
        failed_pages = {file["page"] for _, text in records if text.startswith(_MACRO_REPORT)
                        for file in [_MACRO_FILE.search(text)] if file}
        found: list[Problem] = []
        for level, text in records:
            anchor = _ANCHOR_OTHER.search(text) or _ANCHOR_SAME.search(text)
            if anchor and (anchor["doc"] if "doc" in anchor.re.groupindex else anchor["page"]) in failed_pages:
                continue
            if level in ("WARNING", "ERROR", "CRITICAL"):
                found += self.logged(text)
            elif level == "FATAL":
                found.append(self.fatal(text))
            elif level == "TRACEBACK":
                found.append(self.traceback(text))
        return found

    def logged(self, text: str) -> list[Problem]:
        first = text.split("\n", 1)[0].removeprefix("plugins.motverka: ")
        if first.startswith(_MACRO_REPORT):
            return [self.macro(text)]
        if own := _OWN.match(first):
            return [Problem(own["file"], int(own["line"]), own["message"], own["sep"])]
        if first.startswith(_OWN_PDF):
            return [Problem(message=first)]
        if match := _LINK.search(text):
            page, target = match["page"], match["target"]
            if self.configs[0] == "mkdocs.yml" and names_staff_page(target):
                return []   # the public build's own message says it: a link to the staff site (link_problems)
            path = target.split("#", 1)[0].split("?", 1)[0]
            if _IMAGE.search(path):
                message = say("image_missing", target=target, name=path.rsplit("/", 1)[-1])
            else:
                message = say("link_broken", target=target)
            return [Problem(source_name(page), self.line_of(page, target), message)]
        for pattern in (_ANCHOR_SAME, _ANCHOR_OTHER):
            if match := pattern.search(text):
                page, target = match["page"], match["target"]
                return [Problem(source_name(page), self.line_of(page, target), say("anchor_broken", target=target))]
        if match := _ABSOLUTE.search(text):
            page, target = match["page"], match["target"]
            suggestion = f"({match['suggest'] or 'stodlinjer.md'})"
            return [Problem(source_name(page), self.line_of(page, target),
                            say("link_absolute", target=target, suggestion=suggestion))]
        if match := _UNRECOGNIZED.search(text):
            page, target = match["page"], match["target"]
            return [Problem(source_name(page), self.line_of(page, target), say("link_unrecognized", target=target))]
        if match := _NOT_IN_NAV.search(text):
            return [self.not_in_nav(page) for page in
                    dict.fromkeys(self.main_language(p.strip()[2:].strip()) for p in
                                  match["pages"].strip().splitlines())]
        if match := _NAV_MISSING.search(text):
            config, line = self.config_line(match["target"])
            if (self.docs / match["target"]).is_file():  # a language build without the page's translation
                from macros.contract.pages import Pages, menu_problems
                return [Problem(p.file, p.line, p.message()) for p in menu_problems(Pages(self.root))
                        if p.code == "page_translation_missing" and p.values["page"] == match["target"]]
            return [Problem(config, line, say("nav_missing_page", target=match["target"]))]
        if match := _CONFIG_VALUE.search(first):
            key = match["key"].split(".", 1)[0]
            config, line = self.config_line(key, key=True)
            return [Problem(config, line, say("config_invalid", key=match["key"], problem=_quote(match["problem"])))]
        return [_unexplained(text)]

    def main_language(self, page: str) -> str:
        """stodlinjer.md for stodlinjer.en.md: the menu lists the Swedish page and the translation follows it."""
        match = re.match(r"^(?P<stem>.+)\.[a-z]{2}\.md$", page)
        return f"{match['stem']}.md" if match and (self.docs / f"{match['stem']}.md").exists() else page

    def not_in_nav(self, page: str) -> Problem:
        key, config = ("staff_nav", "mkdocs.staff.yml") if page.startswith("personal/") else ("nav", "mkdocs.yml")
        return Problem(source_name(page), 1, say("page_not_in_nav", key=key, config=config, page=page))

    def fatal(self, text: str) -> Problem:
        if _CONFIG_YAML.match(text):
            marks = list(_YAML_MARK.finditer(text))
            if marks:
                return self.config_syntax(marks[-1]["file"], int(marks[-1]["line"]), text)
        if match := _CONFIG_VALUE.search(text):
            config, line = self.config_line(match["key"].split(".", 1)[0], key=True)
            return Problem(config, line, say("config_invalid", key=match["key"], problem=_quote(match["problem"])))
        return _unexplained(text)

    def config_syntax(self, file: str, line: int, text: str) -> Problem:
        """A YAML error in mkdocs.yml or mkdocs.staff.yml, in the words used for the data files."""
        import yaml

        from macros.contract.yaml_source import syntax_problem

        path = Path(file) if Path(file).is_absolute() else self.root / file
        shown = _display(path, self.root)
        try:
            source = path.read_text("utf-8")
            yaml.compose(source, Loader=yaml.SafeLoader)  # the syntax only: the files use !ENV and other tags
        except yaml.YAMLError as error:
            problem = syntax_problem(error, source)
            return Problem(shown, problem.line, say(problem.code, **problem.values))
        except OSError:
            pass
        return _unexplained(text)

    def traceback(self, text: str) -> Problem:
        lines = [line for line in text.splitlines()[1:] if line.strip() and not line[0].isspace()]
        lines = [line for line in lines if not line.startswith(("During handling", "The above exception"))]
        return _unexplained(lines[-1] if lines else text)

    # -- mkdocs-macros' reports -----------------------------------------------------------------------------

    def macro(self, text: str) -> Problem:
        file = _MACRO_FILE.search(text)
        if not file:
            return _unexplained(text)
        page = file["page"]
        where = source_name(page)
        offset = self.offset(page)
        if syntax := _MACRO_SYNTAX.search(text):
            return Problem(where, int(syntax["line"]) + offset, say("macro_syntax", problem=_template_words(
                syntax["problem"])))
        kind = _MACRO_KIND.search(text)
        if not kind:
            return _unexplained(text)
        problem = kind["problem"].strip()
        frames = _TEMPLATE_LINE.findall(text)
        line = int(frames[-1]) + offset if frames else None
        if match := _UNDEFINED.match(problem):
            name = match["name"]
            from macros.contract.pages import did_you_mean, page_vocabulary
            signatures, variables, _ = page_vocabulary()
            return Problem(where, line or self.name_line(page, name) or 1, say(
                "macro_undefined", name=name, suggestion=did_you_mean(name, set(signatures) | variables)))
        if match := _NO_ATTRIBUTE.match(problem):
            name = match["name"]
            line = line or self.name_line(page, name, attribute=True) or 1
            owner = self.owner(page, line, name)
            if owner:
                code = "macro_none_attribute" if match["owner"] == "None" else "macro_no_attribute"
                return Problem(where, line, say(code, owner=owner, name=name))
        examples = _macro_examples()
        for pattern, code in ((_TOO_MANY, "macro_too_many_values"), (_MISSING, "macro_missing_values"),
                              (_UNEXPECTED, "macro_unknown_value")):
            match = pattern.search(problem)
            if match and match["macro"] in examples:
                macro = match["macro"]
                line = line or self.name_line(page, macro) or 1
                values = {"macro": macro, "example": examples[macro]}
                if code == "macro_too_many_values":
                    values |= {"most": match["most"], "given": match["given"]}
                elif code == "macro_missing_values":
                    values["names"] = match["names"].replace("'", "").replace(" and ", " och ")
                else:
                    values["name"] = match["name"]
                return Problem(where, line, say(code, **values))
        return Problem(where, line or 1, say("macro_failed", problem=f"{kind['kind']}: {problem}"))


def _template_words(problem: str) -> str:
    """Jinja's syntax error in Swedish (macros/text/messages.py › TEMPLATE_PROBLEMS)."""
    for pattern, words in TEMPLATE_PROBLEMS:
        if match := re.search(pattern, problem):
            for name, value in match.groupdict().items():
                words = words.replace("{" + name + "}", value or "")
            return words
    return TEMPLATE_PROBLEM_UNKNOWN.replace("{problem}", problem)


def _macro_examples() -> dict[str, str]:
    from macros.cli.guides import macro_examples

    return macro_examples()


def translate(output: str, docs: Path, config: str = "mkdocs.yml") -> list[Problem]:
    """The problems in one MkDocs run's output, in Swedish, each naming its file and line where it has one.
    Nothing is lost: what has no translation yet is quoted in a Swedish sentence."""
    return list(dict.fromkeys(_Reader(docs, config).problems(output)))


def published_an_error(output: str) -> bool:
    """Whether mkdocs-macros wrote an error report into a page (it does so, and strict mode then fails the
    build; a build that somehow passed with one must still never be published)."""
    return "# _Macro Rendering Error_" in output or "# _Macro Syntax Error_" in output


def encoding_problems(docs: Path) -> list[Problem]:
    """Pages that are not UTF-8 (MkDocs would stop on the first with a Python traceback)."""
    found = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            found.append(Problem(_display(path, docs.parent), raw[: error.start].count(b"\n") + 1,
                                 say("invalid_utf8", byte=f"0x{raw[error.start]:02X}")))
    return found


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


def _start(build: SiteBuild, dataset: Dataset, env: dict, engine: str = ENGINES[0]) -> None:
    if build.staging.exists():
        shutil.rmtree(build.staging)
    command = [sys.executable, "-m", engine, "build", "--strict", "--config-file", str(ROOT / build.config),
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


NOT_BUILT = "Webbplatsen byggdes inte. Den senast byggda webbplatsen är orörd."


def _config(path: Path) -> dict:
    """A site's mkdocs.yml as MkDocs reads it (!ENV, INHERIT), for the settings the checks here need."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open(encoding="utf-8") as file:
            found = yaml_load(file)
    except Exception:   # noqa: BLE001  MkDocs itself reports a broken configuration, in Swedish (fatal)
        return {}
    return found if isinstance(found, dict) else {}


def _own(message: str) -> Problem:
    """One of the kit's own `file:line: message` lines as a Problem."""
    match = _OWN.match(message)
    return Problem(match["file"], int(match["line"]), match["message"], match["sep"]) if match else Problem(
        message=message)


def _public_output_problems(dataset: Dataset, builds: list[SiteBuild]) -> list[Problem]:
    """The second line of defence, over the new public site before it is swapped in: staff text and staff
    contact details in any public file (macros/guards/leak_guard.py), and files of docs/ that no public page links."""
    from macros.guards import leak_guard
    from macros.settings import read_site_settings

    public = next((b for b in builds if b.config == "mkdocs.yml"), None)
    if public is None or not public.staging.is_dir():
        return []
    data = load_site_data(dataset.data_dir, today=today(), display_root=ROOT)
    docs = ROOT / "docs"
    staff = leak_guard.StaffDetails.of(ROOT, docs, dataset.data_dir, data)
    found = leak_guard.messages(leak_guard.leaks(public.staging, staff),
                                leak_guard.public_sources(ROOT, docs, dataset.data_dir))
    allowed = set(read_site_settings(ROOT / "mkdocs.yml", ROOT).settings.public_files)
    found += leak_guard.unlinked_files(public.staging, docs, ROOT, allowed)
    return [Problem(file, line, message) for file, line, message in found]


def build_sites(dataset: Dataset, sites=SITES, stream=sys.stdout, verbose: bool = False,
                engine: str = ENGINES[0]) -> int:
    if engine not in ENGINES or importlib.util.find_spec(engine) is None:
        print(ENGINE_MISSING.format(engine=engine, python=sys.executable, engines=", ".join(ENGINES)), file=stream)
        return 1
    if check(dataset, stream=stream, command="make site", settings=False, pages=False) != 0:
        print(NOT_BUILT, file=stream)
        return 1
    # Nothing that puts staff pages into the public build's tree (docs/personal/, a symbolic link) is built.
    if misplaced := [_own(message) for message in audience.folder_problems(ROOT / "docs", ROOT)]:
        _report(misplaced, stream)
        print(f"\n{NOT_BUILT} {ui('build_fix_above', count=len(misplaced))}", file=stream)
        return 1
    if unreadable := encoding_problems(ROOT / "docs") + encoding_problems(ROOT / audience.STAFF_FOLDER):
        _report(unreadable, stream)
        print(f"\n{NOT_BUILT} {ui('build_fix_above', count=len(unreadable))}", file=stream)
        return 1
    sites = [(config, name) for config, name in sites if (ROOT / config).exists()]
    env = {**os.environ, "MOTVERKA_DATA": str(dataset.data_dir), "NO_MKDOCS_2_WARNING": "1",
           "PYTHONUTF8": "1"}
    builds = [SiteBuild(config, dataset.out_dir / name, dataset.out_dir / f"{name}.new-{os.getpid()}")
              for config, name in sites]
    for build in builds:
        _start(build, dataset, env, engine)
    # Meanwhile, staff text copied into public sources: only this process may read staff pages and staff data.
    public_config = _config(ROOT / "mkdocs.yml")
    copied = [_own(message) for message in audience.source_problems(
        ROOT, ROOT / "docs", dataset.data_dir, audience.site_assets(public_config))]
    # And the pages' own check (macros/contract/pages.py): its messages are the translated MkDocs ones, said once.
    from macros.contract.pages import page_problems
    pages = [Problem(p.file, p.line, p.message()) for p in page_problems(ROOT, today(), load_site_data(
        dataset.data_dir, today=today(), display_root=ROOT))]
    for build in builds:
        build.output, _ = build.process.communicate()
        build.seconds = time.monotonic() - build.seconds
    if verbose:
        for build in builds:
            print(build.output, file=stream)
    failed = [b for b in builds if not b.ok or published_an_error(b.output)]
    if not failed:   # the second line of defence; what the source check already named is not said twice
        named = {(p.file, p.line) for p in copied}
        copied += [p for p in _public_output_problems(dataset, builds)
                   if (p.file, p.line) not in named]
    if failed or copied or pages:
        problems: list[Problem] = copied + pages
        for build in failed:
            found = translate(build.output, ROOT / "docs", build.config)
            if not found:  # it failed without a word we recognise: still say so, with its last line
                lines = [line for line in build.output.splitlines() if line.strip()]
                found = [_unexplained(lines[-1] if lines else f"{build.config}: exit status "
                                      f"{build.process.returncode}")]
            problems += found
        problems = sorted(dict.fromkeys(problems), key=lambda p: (not p.file, p.file, p.line))
        _report(problems, stream)
        for build in builds:
            if build.staging.exists():
                shutil.rmtree(build.staging)
        print(f"\nWebbplatsen byggdes inte ({', '.join(b.config for b in failed or builds[:1])}). Den senast byggda "
              f"webbplatsen är orörd. {ui('build_fix_above', count=len(problems))}", file=stream)
        return 1
    for build in builds:
        _swap(build)
        print(f"{_display(build.target)}/ byggd på {build.seconds:.1f} s ({build.config}).", file=stream)
    _say_address(dataset, stream)
    return 0


def _say_address(dataset: Dataset, stream) -> None:
    """Once per build, not per site or language: a build without an address, or with one on this computer,
    is not one to publish (macros/contract/site_address.py)."""
    data = load_site_data(dataset.data_dir, today=today(), display_root=ROOT)
    address = site_address.resolve(data.municipality.site_url)
    if address is None:
        print(say("site_address_missing"), file=stream)
    elif site_address.is_loopback(address):
        print(say("site_address_local", value=address), file=stream)
