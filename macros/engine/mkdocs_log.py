"""What MkDocs and mkdocs-macros themselves report, recognised in their log and turned into problems.

The kit's own checks hand their problems to the command line as data (macros/problems.py); only what MkDocs
(broken links and anchors, pages missing from the menu, configuration) and mkdocs-macros (undefined names,
template syntax, wrong macro calls) say is read from the log, here. Each becomes a Problem with a code of the
catalogue (macros/text/messages.py), with the file and line looked up in the pages and configuration files.
A test can call `translate` on recorded output without a build.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.guards.audience import line_with, names_staff_page, source_name
from macros.problems import Problem
from macros.text.messages import template_words

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<text>.*)$")

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


def unexplained(text: str) -> Problem:
    """Words nobody has translated yet, quoted in a Swedish sentence: nothing MkDocs says is lost."""
    return Problem("build_other", values={"problem": _quote(text)})


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

    def problems(self, output: str, known: list[Problem] = ()) -> list[Problem]:
        """known: the problems the kit's own checks recorded (the problems file). The kit logs them too, for
        `make serve` and the strict build: such a record is replaced by its problem where it stands, never
        read back."""
        own = {str(problem).split("\n", 1)[0]: problem for problem in known}
        records = _records(output)
        # A page whose macros failed has mkdocs-macros' report instead of its text, so links to its headings
        # fail too: those follow from the macro error and are not reported separately.
        failed_pages = {file["page"] for _, text in records if text.startswith(_MACRO_REPORT)
                        for file in [_MACRO_FILE.search(text)] if file}
        found: list[Problem] = []
        for level, text in records:
            if (first := text.split("\n", 1)[0]) in own:
                found.append(own[first])
                continue
            anchor = _ANCHOR_OTHER.search(text) or _ANCHOR_SAME.search(text)
            if anchor and (anchor["doc"] if "doc" in anchor.re.groupindex else anchor["page"]) in failed_pages:
                continue
            if level in ("WARNING", "ERROR", "CRITICAL"):
                found += self.logged(text)
            elif level == "FATAL":
                found.append(self.fatal(text))
            elif level == "TRACEBACK":
                found.append(self.traceback(text))
        return found + list(own.values())   # each once (translate): those not logged come last

    def logged(self, text: str) -> list[Problem]:
        first = text.split("\n", 1)[0].removeprefix("plugins.motverka: ")
        if first.startswith(_MACRO_REPORT):
            return [self.macro(text)]
        if match := _LINK.search(text):
            page, target = match["page"], match["target"]
            if self.configs[0] == "mkdocs.yml" and names_staff_page(target):
                return []   # the public build's own message says it: a link to the staff site (link_problems)
            path = target.split("#", 1)[0].split("?", 1)[0]
            code, values = (("image_missing", {"target": target, "name": path.rsplit("/", 1)[-1]})
                            if _IMAGE.search(path) else ("link_broken", {"target": target}))
            return [Problem(code, source_name(page), self.line_of(page, target), values)]
        for pattern in (_ANCHOR_SAME, _ANCHOR_OTHER):
            if match := pattern.search(text):
                page, target = match["page"], match["target"]
                return [Problem("anchor_broken", source_name(page), self.line_of(page, target), {"target": target})]
        if match := _ABSOLUTE.search(text):
            page, target = match["page"], match["target"]
            suggestion = f"({match['suggest'] or 'stodlinjer.md'})"
            return [Problem("link_absolute", source_name(page), self.line_of(page, target),
                            {"target": target, "suggestion": suggestion})]
        if match := _UNRECOGNIZED.search(text):
            page, target = match["page"], match["target"]
            return [Problem("link_unrecognized", source_name(page), self.line_of(page, target), {"target": target})]
        if match := _NOT_IN_NAV.search(text):
            return [self.not_in_nav(page) for page in
                    dict.fromkeys(self.main_language(p.strip()[2:].strip()) for p in
                                  match["pages"].strip().splitlines())]
        if match := _NAV_MISSING.search(text):
            config, line = self.config_line(match["target"])
            if (self.docs / match["target"]).is_file():  # a language build without the page's translation
                from macros.contract.pages import Pages, menu_problems
                return [p for p in menu_problems(Pages(self.root))
                        if p.code == "page_translation_missing" and p.values["page"] == match["target"]]
            return [Problem("nav_missing_page", config, line, {"target": match["target"]})]
        if match := _CONFIG_VALUE.search(first):
            key = match["key"].split(".", 1)[0]
            config, line = self.config_line(key, key=True)
            return [Problem("config_invalid", config, line, {"key": match["key"], "problem": _quote(match["problem"])})]
        return [unexplained(text)]

    def main_language(self, page: str) -> str:
        """stodlinjer.md for stodlinjer.en.md: the menu lists the Swedish page and the translation follows it."""
        match = re.match(r"^(?P<stem>.+)\.[a-z]{2}\.md$", page)
        return f"{match['stem']}.md" if match and (self.docs / f"{match['stem']}.md").exists() else page

    def not_in_nav(self, page: str) -> Problem:
        key, config = ("staff_nav", "mkdocs.staff.yml") if page.startswith("personal/") else ("nav", "mkdocs.yml")
        return Problem("page_not_in_nav", source_name(page), 1, {"key": key, "config": config, "page": page})

    def fatal(self, text: str) -> Problem:
        if _CONFIG_YAML.match(text):
            marks = list(_YAML_MARK.finditer(text))
            if marks:
                return self.config_syntax(marks[-1]["file"], int(marks[-1]["line"]), text)
        if match := _CONFIG_VALUE.search(text):
            config, line = self.config_line(match["key"].split(".", 1)[0], key=True)
            return Problem("config_invalid", config, line, {"key": match["key"], "problem": _quote(match["problem"])})
        return unexplained(text)

    def config_syntax(self, file: str, line: int, text: str) -> Problem:
        """A YAML error in mkdocs.yml or mkdocs.staff.yml, in the words used for the data files."""
        from dataclasses import replace

        import yaml

        from macros.contract.yaml_source import syntax_problem

        path = Path(file) if Path(file).is_absolute() else self.root / file
        shown = _shown(path, self.root)
        try:
            source = path.read_text("utf-8")
            yaml.compose(source, Loader=yaml.SafeLoader)  # the syntax only: the files use !ENV and other tags
        except yaml.YAMLError as error:
            return replace(syntax_problem(error, source), file=shown)
        except OSError:
            pass
        return unexplained(text)

    def traceback(self, text: str) -> Problem:
        lines = [line for line in text.splitlines()[1:] if line.strip() and not line[0].isspace()]
        lines = [line for line in lines if not line.startswith(("During handling", "The above exception"))]
        return unexplained(lines[-1] if lines else text)

    # -- mkdocs-macros' reports -----------------------------------------------------------------------------

    def macro(self, text: str) -> Problem:
        file = _MACRO_FILE.search(text)
        if not file:
            return unexplained(text)
        page = file["page"]
        where = source_name(page)
        offset = self.offset(page)
        if syntax := _MACRO_SYNTAX.search(text):
            return Problem("macro_syntax", where, int(syntax["line"]) + offset,
                           {"problem": template_words(syntax["problem"])})
        kind = _MACRO_KIND.search(text)
        if not kind:
            return unexplained(text)
        problem = kind["problem"].strip()
        frames = _TEMPLATE_LINE.findall(text)
        line = int(frames[-1]) + offset if frames else None
        if match := _UNDEFINED.match(problem):
            name = match["name"]
            from macros.contract.pages import did_you_mean, page_vocabulary
            signatures, variables, _ = page_vocabulary()
            return Problem("macro_undefined", where, line or self.name_line(page, name) or 1,
                           {"name": name, "suggestion": did_you_mean(name, set(signatures) | variables)})
        if match := _NO_ATTRIBUTE.match(problem):
            name = match["name"]
            line = line or self.name_line(page, name, attribute=True) or 1
            owner = self.owner(page, line, name)
            if owner:
                code = "macro_none_attribute" if match["owner"] == "None" else "macro_no_attribute"
                return Problem(code, where, line, {"owner": owner, "name": name})
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
                return Problem(code, where, line, values)
        return Problem("macro_failed", where, line or 1, {"problem": f"{kind['kind']}: {problem}"})


def _macro_examples() -> dict[str, str]:
    from macros.cli.guides import macro_examples

    return macro_examples()


def translate(output: str, docs: Path, config: str = "mkdocs.yml", known: list[Problem] = ()) -> list[Problem]:
    """The problems in one MkDocs run's output, each naming its file and line where it has one, in the order
    they were logged; known are those the kit recorded itself (see _Reader.problems). Nothing is lost: what
    has no translation yet is quoted in a Swedish sentence (build_other)."""
    return list(dict.fromkeys(_Reader(docs, config).problems(output, known)))


def published_an_error(output: str) -> bool:
    """Whether mkdocs-macros wrote an error report into a page (it does so, and strict mode then fails the
    build; a build that somehow passed with one must still never be published)."""
    return "# _Macro Rendering Error_" in output or "# _Macro Syntax Error_" in output


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
