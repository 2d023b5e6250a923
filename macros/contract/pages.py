"""The pages' contract, checked without building: what `make check` says about docs/*.md and personal/*.md.

- front matter: description and review dates (macros/render/page_meta.py, the code the build runs on each page);
- the menu: every page is in it (or under not_in_nav), every entry is a page, every title has its
  translation (nav_translations) and every page in it its translation (page.en.md);
- links and #anchors between pages, resolved as MkDocs resolves them;
- macro calls: syntax, names (with "menade du …?"), values, and the ids they name.

`make site` runs this before MkDocs (macros/cli/build.py › check), so a page problem reads the same in both.
Everything here reads files only: no MkDocs build, no page rendered through its macros.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from macros.guards.audience import STAFF_FOLDER
from macros.engine.mkdocs_files import read_config, split_page
from macros.problems import Problem
from macros.text.languages import registry

CONFIG, STAFF_CONFIG = "mkdocs.yml", "mkdocs.staff.yml"
# Names mkdocs-macros and Jinja give every page besides the kit's own (mkdocs_macros/context.py, plugin.py).
_BUILTIN_NAMES = {"config", "page", "navigation", "files", "environment", "plugin", "git", "extra", "macros",
                  "filters", "filters_builtin", "context", "macros_info", "now", "fix_url", "render_file",
                  "range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none", "True",
                  "False", "None"}
_LINK = re.compile(r"(?P<image>!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s|$)", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1")
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)
_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


@dataclass
class Page:
    uri: str        # as the sites know it: stodlinjer.md, stodlinjer.en.md, personal/vid-oro.md
    path: Path
    source: str

    @property
    def shown(self) -> str:
        """As the communicator finds it: docs/stodlinjer.md, personal/vid-oro.md."""
        return self.uri if self.uri.startswith(f"{STAFF_FOLDER}/") else f"docs/{self.uri}"

    @cached_property
    def split(self) -> tuple[str, dict]:

        return split_page(self.source)

    @property
    def markdown(self) -> str:
        return self.split[0]

    @property
    def meta(self) -> dict:
        return self.split[1]

    @property
    def offset(self) -> int:
        """Lines before the Markdown that the macros see (front matter), as the build counts them."""
        return self.source[: len(self.source) - len(self.markdown)].count("\n")

    @property
    def staff(self) -> bool:
        return self.uri.startswith(f"{STAFF_FOLDER}/")


class Pages:
    """The project's pages and both sites' configuration, read once."""

    def __init__(self, root: Path, read: Callable[[Path], dict] = read_config):
        self.root = root
        self.docs = root / "docs"
        self.pages: dict[str, Page] = {}
        self.unreadable: list[Problem] = []
        for folder, prefix in ((self.docs, ""), (root / STAFF_FOLDER, f"{STAFF_FOLDER}/")):
            for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
                uri = prefix + path.relative_to(folder).as_posix()
                try:
                    self.pages[uri] = Page(uri, path, path.read_text("utf-8-sig"))
                except UnicodeDecodeError:
                    continue   # the build's encoding check names it (macros/cli/build.py › encoding_problems)
        self.files = {p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*") if p.is_file()}
        staff = root / STAFF_FOLDER
        self.files |= {p.relative_to(root).as_posix() for p in staff.rglob("*") if p.is_file()} if staff.is_dir() \
            else set()
        self.config = read(root / CONFIG)
        self.config_lines = _lines(root / CONFIG)
        self.staff_config = read(root / STAFF_CONFIG) if (root / STAFF_CONFIG).exists() else {}
        self.staff_config_lines = _lines(root / STAFF_CONFIG)

    @property
    def languages(self) -> list[dict]:
        """static-i18n's languages (mkdocs.yml › plugins › i18n › languages); the default one is the main."""
        plugins = self.config.get("plugins") or {}
        i18n = plugins.get("i18n") if isinstance(plugins, dict) else None
        return [lang for lang in ((i18n or {}).get("languages") or []) if isinstance(lang, dict)]

    @property
    def default_language(self) -> str:
        return next((lang["locale"] for lang in self.languages if lang.get("default")), "sv")

    @property
    def other_languages(self) -> list[dict]:
        return [lang for lang in self.languages if lang.get("locale") != self.default_language
                and lang.get("build", True) is not False]

    def language_of(self, uri: str) -> str:
        match = _SUFFIX.match(uri)
        locales = {lang.get("locale") for lang in self.languages}
        return match["lang"] if match and match["lang"] in locales else self.default_language

    def config_line(self, needle: str, staff: bool = False, after: str | None = None) -> tuple[str, int]:
        """The line of a configuration file that holds the needle (after the line starting with `after`)."""
        name, lines = (STAFF_CONFIG, self.staff_config_lines) if staff else (CONFIG, self.config_lines)
        start = next((n for n, line in enumerate(lines) if after and line.startswith(after)), 0)
        for number, line in enumerate(lines[start:], start + 1):
            if needle in line and not line.lstrip().startswith("#"):
                return name, number
        return name, 1


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8").splitlines()
    except OSError:
        return []


# --- The menu ----------------------------------------------------------------------------------------------

def _entries(nav, trail: tuple = ()) -> list[tuple[str | None, str | None]]:
    """(title, page) for every entry of a menu, sections as (title, None), in order."""
    found: list[tuple[str | None, str | None]] = []
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, str):
            found.append((None, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    found.append((str(title), value))
                else:
                    found.append((str(title), None))
                    found += _entries(value, (*trail, title))
    return found


def _external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)) or target.startswith("//")


def menu_problems(pages: Pages) -> list[Problem]:
    """Every page in the menu, every menu entry a page, and every title and page in each language."""
    found: list[Problem] = []
    public = _entries(pages.config.get("nav") or [])
    staff_nav = (pages.staff_config.get("extra") or {}).get("staff_nav") or []
    staff = _entries(staff_nav)
    for entries, is_staff in ((public, False), (staff, True)):
        for title, target in entries:
            if target is None or _external(target):
                continue
            exists = target in pages.pages
            if not exists:
                config, line = pages.config_line(target, staff=is_staff)
                found.append(Problem("nav_missing_page", config, line, {"target": target}))
    listed = {target for _, target in public + staff if target}
    from pathspec.gitignore import GitIgnoreSpec   # as MkDocs reads not_in_nav

    not_in_nav = GitIgnoreSpec.from_lines(str(pages.config.get("not_in_nav") or "").splitlines())
    for uri, page in pages.pages.items():
        if pages.language_of(uri) != pages.default_language or uri in listed or not_in_nav.match_file(uri):
            continue
        key, config = ("staff_nav", STAFF_CONFIG) if page.staff else ("nav", CONFIG)
        found.append(Problem("page_not_in_nav", page.shown, 1, {"key": key, "config": config, "page": uri}))
    for language in pages.other_languages:
        if language.get("nav"):
            continue   # a menu of its own lists only the pages this edition has (static-i18n checks them)
        locale = language["locale"]
        name = registry()[locale].in_swedish if locale in registry() else locale  # (languages.yml › in_swedish)
        translations = language.get("nav_translations") or {}
        for title, target in public:
            if title is not None and title not in translations:
                config, line = pages.config_line(f"{title}:", after="nav:")
                found.append(Problem("nav_translation_missing", config, line, {
                    "title": title, "language": name, "locale": locale}))
            if target and target in pages.pages and not _external(target):
                translated = re.sub(r"\.md$", f".{locale}.md", target)
                if translated not in pages.pages:
                    config, line = pages.config_line(target)
                    found.append(Problem("page_translation_missing", config, line, {
                        "page": target, "translation": translated, "language": name}))
    return found


# --- Front matter ------------------------------------------------------------------------------------------

def meta_problems(pages: Pages, today: date) -> list[Problem]:
    """Each page's front matter, by the function the build runs on every page (on_page_markdown)."""
    from macros.render import page_meta

    found = []
    for page in pages.pages.values():
        stand_in = SimpleNamespace(file=SimpleNamespace(src_uri=page.uri, abs_src_path=str(page.path)),
                                   meta=page.meta)
        found += [_as_problem(p) for p in page_meta.problems(stand_in, today=today)]
    return found


def _as_problem(found) -> Problem:
    if isinstance(found, Problem):
        return found
    raise TypeError(f"page_meta returned {found!r}, not a Problem")


# --- Links and anchors -------------------------------------------------------------------------------------

def _prose(markdown: str) -> str:
    """The Markdown without code blocks and code spans (blanked, so that line numbers stay)."""
    blank = lambda match: re.sub(r"[^\n]", " ", match.group())  # noqa: E731
    return _CODE.sub(blank, _FENCE.sub(blank, markdown))


def links(page: Page) -> list[tuple[str, bool, int]]:
    """(target, is an image, line) of every Markdown link and image on the page."""
    prose = _prose(page.markdown)
    found = [(m["target"], bool(m["image"]), m.start()) for m in _LINK.finditer(prose)]
    found += [(m["target"], False, m.start()) for m in _REFERENCE.finditer(prose)]
    return [(target, image, prose.count("\n", 0, start) + 1 + page.offset) for target, image, start in found
            if "{{" not in target and "{%" not in target]


class Anchors:
    """The ids on each page as MkDocs would give them: its headings (the toc extension with the site's
    slugify) and any id written on the page; on a page with macros, also the record ids the macros link to."""

    def __init__(self, pages: Pages, record_ids: set[str]):
        import markdown

        extensions, settings = [], {}
        for item in pages.config.get("markdown_extensions") or []:
            name, options = (next(iter(item.items())) if isinstance(item, dict) else (item, None))
            extensions.append(name)
            if options:
                settings[name] = options
        self.markdown = markdown.Markdown(extensions=extensions, extension_configs=settings)
        self.record_ids = record_ids
        self.cache: dict[str, set[str]] = {}

    def of(self, page: Page) -> set[str]:
        if page.uri not in self.cache:
            html = self.markdown.reset().convert(page.markdown)
            ids = set(re.findall(r"""\bid=["']([^"']+)["']""", html))
            ids |= set(re.findall(r"""\bid=["']?([\w-]+)""", page.markdown))
            if page.meta.get("render_macros"):
                ids |= self.record_ids
            self.cache[page.uri] = ids
        return self.cache[page.uri]


def link_problems(pages: Pages, record_ids: set[str]) -> list[Problem]:
    """Links to pages, files and headings that are not there, found as MkDocs' validation finds them."""
    anchors = Anchors(pages, record_ids)
    found: list[Problem] = []
    for page in pages.pages.values():
        language = pages.language_of(page.uri)
        for target, image, line in links(page):
            if _external(target) or target.startswith("\\"):
                continue
            if target.startswith("/"):
                found.append(Problem("link_absolute", page.shown, line, {
                    "target": target, "suggestion": f"({_suggest(pages, page, target.strip('/'))})"}))
                continue
            path, _, anchor = target.partition("#")
            path = path.split("?", 1)[0]
            if not path:
                if anchor and anchor not in anchors.of(page):
                    found.append(Problem("anchor_broken", page.shown, line, {"target": target}))
                continue
            from urllib.parse import unquote

            uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.uri), unquote(path)))
            if path.endswith("/"):
                uri = posixpath.join(uri, "index.md")
            resolved = _in_language(pages, uri, language)
            if resolved not in pages.files:
                if not posixpath.splitext(path)[1] and not anchor:
                    found.append(Problem("link_unrecognized", page.shown, line, {"target": target}))
                elif image or _IMAGE.search(path):
                    found.append(Problem("image_missing", page.shown, line, {
                        "target": target, "name": path.rsplit("/", 1)[-1]}))
                else:
                    found.append(Problem("link_broken", page.shown, line, {"target": target}))
                continue
            if anchor and resolved in pages.pages and anchor not in anchors.of(pages.pages[resolved]):
                found.append(Problem("anchor_broken", page.shown, line, {"target": target}))
    return found


def _in_language(pages: Pages, uri: str, language: str) -> str:
    """An English page's link to stodlinjer.md leads to stodlinjer.en.md where there is one (static-i18n)."""
    if language != pages.default_language and uri.endswith(".md") and not _SUFFIX.match(uri):
        translated = uri[:-3] + f".{language}.md"
        if translated in pages.files:
            return translated
    return uri


def _suggest(pages: Pages, page: Page, target: str) -> str:
    target = target.rstrip("/")
    for candidate in (f"{target}.md", f"{target}/index.md", target):
        if candidate in pages.pages:
            return posixpath.relpath(candidate, posixpath.dirname(page.uri) or ".")
    return "stodlinjer.md"


# --- Macro calls -------------------------------------------------------------------------------------------

def page_vocabulary() -> tuple[dict[str, inspect.Signature], set[str], dict[str, str]]:
    """The macros a page may call (name -> signature), the variables it may read, and each macro's example
    (its docstring's "Exempel:", as in bidra/makron.md): the one place here that knows how
    macros/render/page_macros.py registers them. It reads that file's source rather than importing it (and
    with it WeasyPrint, a second of the check's three): the macros are the functions in its list MACROS, or
    those decorated @env.macro; the variables are its `env.variables[...]` (or a list VARIABLES)."""
    tree = ast.parse((Path(__file__).parents[1] / "render" / "page_macros.py").read_text("utf-8"))
    functions = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    listed = _listed(tree, "MACROS")
    if listed:
        macros = [functions[name] for name in listed if name in functions]
    else:
        macros = [node for node in functions.values()
                  if any(isinstance(d, ast.Attribute) and d.attr == "macro" for d in node.decorator_list)]
    signatures = {node.name: _signature(node.args) for node in macros}
    examples = {node.name: (ast.get_docstring(node) or "").partition("Exempel:")[2].strip() for node in macros}
    variables = {node.slice.value for node in ast.walk(tree)
                 if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
                 and isinstance(node.value, ast.Attribute) and node.value.attr == "variables"}
    return signatures, variables | set(_listed(tree, "VARIABLES")), examples


def _listed(tree: ast.Module, name: str) -> list[str]:
    """The names or strings in a top-level list such as `MACROS = [support_line, …]`."""
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == name and isinstance(node.value, (ast.List, ast.Tuple)):
            return [e.id if isinstance(e, ast.Name) else e.value for e in node.value.elts
                    if isinstance(e, ast.Name) or isinstance(e, ast.Constant)]
    return []


def _signature(arguments: ast.arguments) -> inspect.Signature:
    """The parameters a page passes (not `page`, which registration fills in), defaults as written."""
    plain = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(plain) - len(arguments.defaults)) + list(arguments.defaults)
    empty = inspect.Parameter.empty
    found = [inspect.Parameter(a.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                               default=empty if d is None else ast.unparse(d))
             for a, d in zip(plain, defaults) if a.arg != "page"]
    found += [inspect.Parameter(a.arg, inspect.Parameter.KEYWORD_ONLY, default=empty if d is None else ast.unparse(d))
              for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if a.arg != "page"]
    return inspect.Signature(found)


def did_you_mean(name: str, known) -> str:
    """' (menade du support_lines?)' for a name close to a known one, else ''."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.7)
    return f" (menade du {close[0]}?)" if close else ""


@dataclass(frozen=True)
class Records:
    """The ids a macro may name, on the public site and on the staff site."""

    public: dict[str, set[str]]
    every: dict[str, set[str]]

    @classmethod
    def of(cls, data) -> "Records":
        kinds = ("support_lines", "contacts")
        view = data.for_audience("public")
        return cls({k: {r.id for r in getattr(view, k)} for k in kinds},
                   {k: {r.id for r in getattr(data, k)} for k in kinds})


_ID_MACROS = {"support_line": ("support_lines", "stödlinje"), "contact": ("contacts", "kontakt")}


def macro_problems(pages: Pages, records: Records | None) -> list[Problem]:
    """Every page with `render_macros: true`: its {{ … }} and {% … %} as the build's Jinja reads them."""
    import jinja2
    from jinja2 import meta, nodes

    from macros.text.messages import template_words

    signatures, variables, examples = page_vocabulary()
    extra = set((pages.config.get("extra") or {}).keys()) | set((pages.staff_config.get("extra") or {}).keys())
    known = set(signatures) | variables | extra | _BUILTIN_NAMES
    environment = jinja2.Environment()
    found: list[Problem] = []
    for page in pages.pages.values():
        if not page.meta.get("render_macros"):
            continue
        try:
            tree = environment.parse(page.markdown)
        except jinja2.TemplateSyntaxError as error:
            found.append(Problem("macro_syntax", page.shown, (error.lineno or 1) + page.offset,
                                 {"problem": template_words(error.message or str(error))}))
            continue
        # Jinja's scope tracking is slow (it runs the code generator): only where some name is not one we know.
        loaded = [node for node in tree.find_all(nodes.Name) if node.ctx == "load"]
        unknown = {node.name for node in loaded} - known
        undeclared = meta.find_undeclared_variables(tree) - known if unknown else set()
        for node in loaded:
            if node.name in undeclared:
                undeclared.discard(node.name)
                found.append(Problem("macro_undefined", page.shown, node.lineno + page.offset, {
                    "name": node.name, "suggestion": did_you_mean(node.name, set(signatures) | variables)}))
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name in signatures:
                found += _call_problems(page, call, signatures[call.node.name], examples, records)
    return found


def _call_problems(page: Page, call, signature: inspect.Signature, examples: dict[str, str],
                   records: Records | None) -> list[Problem]:
    from jinja2 import nodes

    macro, line = call.node.name, call.lineno + page.offset
    example = examples.get(macro, "")
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        return []
    positional = [p for p in signature.parameters.values() if p.kind == p.POSITIONAL_OR_KEYWORD]
    if len(call.args) > len(positional):
        return [Problem("macro_too_many_values", page.shown, line, {
            "macro": macro, "most": len(positional), "given": len(call.args), "example": example})]
    names = {kw.key for kw in call.kwargs}
    for name in names - set(signature.parameters):
        return [Problem("macro_unknown_value", page.shown, line, {"macro": macro, "name": name, "example": example})]
    given = {p.name for p in positional[: len(call.args)]} | names
    missing = [p.name for p in signature.parameters.values() if p.default is p.empty and p.name not in given]
    if missing:
        return [Problem("macro_missing_values", page.shown, line, {
            "macro": macro, "names": " och ".join(missing), "example": example})]
    if records is None or macro not in _ID_MACROS:
        return []
    first = call.args[0] if call.args else next((kw.value for kw in call.kwargs if kw.key == "id"), None)
    if not isinstance(first, nodes.Const) or not isinstance(first.value, str):
        return []
    kind, label = _ID_MACROS[macro]
    shown = records.every if page.staff else records.public
    if first.value in shown[kind]:
        return []
    if first.value in records.every[kind]:
        return [Problem("macro_staff_in_public", page.shown, line, {"macro": macro, "value": first.value})]
    return [Problem("macro_unknown_id", page.shown, line, {
        "macro": macro, "value": first.value, "kind": label, "known": ", ".join(sorted(shown[kind]))})]


# --- All of it ---------------------------------------------------------------------------------------------

def page_problems(root: Path, today: date, data=None, read: Callable[[Path], dict] = read_config) -> list[Problem]:
    """Every problem in the pages and the menus, sorted by file and line. `data` (the validated SiteData, when
    the data files are in order) lets the check see the ids that macro calls and #anchors name; `read` reads a
    configuration file (the build's ConfigReader reads each once)."""
    pages = Pages(root, read)
    records = Records.of(data) if data is not None else None
    record_ids = set().union(*records.every.values()) if records else set()
    if data is not None:
        record_ids |= {area.id for area in data.focus_areas}
    found = menu_problems(pages) + meta_problems(pages, today) + link_problems(pages, record_ids)
    found += macro_problems(pages, records)
    unique = {(p.file, p.line, p.code, p.message()): p for p in found}
    return sorted(unique.values(), key=lambda p: (p.file, p.line, p.code))
