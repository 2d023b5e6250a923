"""Every Motverka setting, declared once with its type and default, and read with the line it stands on.

Two places hold settings: `extra:` in mkdocs.yml and mkdocs.staff.yml (what differs between the sites: the
audience, the quick exit, the staff navigation …; the theme templates read them there too) and
`[tool.motverka]` in pyproject.toml (the limits of the checks). An unknown or misspelt key, or a value of
the wrong kind, is a Problem naming the file and line, in `make check` and in the build: `enabeld: true`
under quick_exit must never silently remove the exit button.

The values are read here, without MkDocs: `!ENV` is resolved as MkDocs resolves it and `INHERIT:` merges
the parent file's `extra:` as MkDocs does (mappings key by key, anything else replaced), so that the
command line checks exactly what a build would use. bidra/installningar.md documents every setting with
its default (`make guides`, from the descriptions below).
"""

from __future__ import annotations

import os
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from macros.contract.load import suggestion   # the data errors' "menade du …?"
from macros.problems import Problem, shown_path

CONFIG_FILES = ("mkdocs.yml", "mkdocs.staff.yml")   # the sites' settings, checked by `make check`
LIMITS_FILE = "pyproject.toml"
LIMITS_TABLE = ("tool", "motverka")
_LIMITS_KEY = "[tool.motverka]"   # how problems and the guide name the table


class _Declared(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuickExit(_Declared):
    """The "Lämna sidan snabbt" button and Shift pressed three times (extra › quick_exit)."""

    enabled: bool = Field(False, description="Om knappen och kortkommandot finns på varje sida (true/false).")
    url: str | None = Field(None, description="Adressen knappen byter sidan mot: en neutral webbplats, "
                                              "börjar med https://.")
    shows: dict[str, str] = Field(default_factory=dict, description="Vad sidan säger att knappen öppnar, per "
                                  "språk (sv:, en:). Utan den: \"en annan webbplats\".")


class Motverka(_Declared):
    """The kit's own group under extra (extra › motverka)."""

    data_dir: str = Field("data", description="Datamappen. mkdocs.yml läser den ur miljövariabeln "
                                              "MOTVERKA_DATA, som `make site DATA=…` sätter.")


class SiteSettings(_Declared):
    """`extra:` of mkdocs.yml (and of mkdocs.staff.yml, which inherits it and changes what differs)."""

    audience: Literal["public", "staff"] = Field("public", description="Vem webbplatsen är för: public "
                                                 "(invånare) eller staff (personalens webbplats).")
    motverka: Motverka = Field(default_factory=Motverka, description="Verktygets egna inställningar.")
    quick_exit: QuickExit = Field(default_factory=QuickExit, description="Knappen Lämna sidan snabbt.")
    staff_nav: list[str | dict] = Field(default_factory=list, description="Personalens meny, först i menyn på "
                                        "personalens webbplats; dess första sida blir startsidan.")
    public_files: list[str] = Field(default_factory=list, description="Filer i docs/ som är offentliga fast "
                                    "ingen sida länkar till dem, t.ex. assets/export.csv.")
    generator: bool = Field(True, description="Materials rad \"Made with Material for MkDocs\" i sidfoten "
                                              "(Material for MkDocs läser den).")
    homepage: str | None = Field(None, description="Adressen som logotypen länkar till (Material for MkDocs "
                                                   "läser den). Utan den: webbplatsens startsida.")


class Limits(_Declared):
    """`[tool.motverka]` of pyproject.toml: the limits of the freshness and readability checks."""

    freshness_months: int = Field(12, ge=1, description="Uppgifter som kontrollerades för längre sedan än så "
                                  "många månader listas av `make freshness` och visas med en uppmaning.")
    lix_max: int = Field(45, ge=1, description="Högsta LIX för en sida till invånare; testet fallerar över.")
    lix_target: int = Field(40, ge=1, description="LIX som sidorna skrivs för.")
    lix_easy_read: int = Field(30, ge=1, description="Högsta LIX för den lättlästa sidan.")


@dataclass
class Read:
    """What one file's settings are, and what is wrong with them (every problem, not just the first)."""

    settings: SiteSettings | Limits
    problems: list[Problem] = field(default_factory=list)


# --- Reading mkdocs.yml -----------------------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """MkDocs' own reading of scalars (YAML 1.1, as MkDocs reads the file); other tags stay nodes."""


def _env(node: yaml.Node, loader: _Loader):
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, resolved as MkDocs resolves it (pyyaml_env_tag): the first
    variable that is set, read with YAML's implicit types; else the default (the last item of a list)."""
    default, names = None, []
    if isinstance(node, yaml.ScalarNode):
        names = [node.value]
    elif isinstance(node, yaml.SequenceNode) and node.value:
        items = node.value
        if len(items) > 1:
            default, items = loader.construct_object(items[-1]), items[:-1]
        names = [item.value for item in items if isinstance(item, yaml.ScalarNode)]
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_LEFT_OUT = object()   # a value with a tag that would run Python (!!python/…): reported, never made


def _plain(node: yaml.Node, loader: _Loader, path: tuple, lines: dict, shown: str, problems: list[Problem]):
    """A node's value, noting the line of every key below it: lines[path] = (file, line)."""
    if node.tag == "!ENV":
        return _env(node, loader)
    if isinstance(node, yaml.MappingNode):
        found = {}
        for key, value in node.value:
            name = str(key.value)
            lines[path + (name,)] = (shown, key.start_mark.line + 1)
            found[name] = _plain(value, loader, path + (name,), lines, shown, problems)
        return {k: v for k, v in found.items() if v is not _LEFT_OUT}
    if isinstance(node, yaml.SequenceNode):
        items = [_plain(item, loader, path + (i,), lines, shown, problems) for i, item in enumerate(node.value)]
        return [item for item in items if item is not _LEFT_OUT]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(Problem("yaml_tag", shown, node.start_mark.line + 1, {"tag": tag}))
        return _LEFT_OUT


def _merge(parent: dict, child: dict) -> dict:
    """INHERIT as MkDocs does it: a mapping is merged key by key, anything else replaced."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(
            merged.get(key), dict) else value
    return merged


def _read_extra(path: Path, root: Path, lines: dict, problems: list[Problem], seen: tuple = ()) -> dict:
    """extra: of a config file, merged over its INHERIT parent's."""
    shown = shown_path(path, root)
    try:
        text = path.read_text("utf-8")
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except OSError:
        return {}
    except yaml.YAMLError as error:
        from macros.contract.yaml_source import syntax_problem

        found = syntax_problem(error, text)
        problems.append(Problem(found.code, shown, found.line, found.values))
        return {}
    top = {str(k.value): v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
    parent = {}
    inherit = top.get("INHERIT")
    if isinstance(inherit, yaml.ScalarNode) and path not in seen:
        parent = _read_extra((path.parent / inherit.value).resolve(), root, lines, problems, seen + (path,))
    own_lines: dict = {}
    extra = {}
    if "extra" in top:
        own_lines[("extra",)] = (shown, top["extra"].start_mark.line + 1)
        extra = _plain(top["extra"], loader, ("extra",), own_lines, shown, problems)
        if not isinstance(extra, dict):
            problems.append(Problem("setting_invalid", *own_lines[("extra",)], {
                "key": "extra", "value": "…", "expected": _expected(SiteSettings, ())}))
            extra = {}
    lines.update(own_lines)   # the file's own lines go before those of the file it inherits
    return _merge(parent, extra)


def read_site_settings(config: Path, root: Path | None = None) -> Read:
    """The settings a site built from this config file uses, with a Problem for each unknown key or bad value
    (the value then falls back to its default, so that a build still reports every other problem)."""
    root = root or config.parent
    lines: dict = {}
    problems: list[Problem] = []
    values = _read_extra(config.resolve(), root.resolve(), lines, problems)
    settings, found = _validate(SiteSettings, values, ("extra",), lines, shown_path(config, root))
    problems += found
    problems += _quick_exit_problems(settings, lines, shown_path(config, root))
    if any(p.code == "quick_exit_url" for p in problems):
        settings = settings.model_copy(update={"quick_exit": settings.quick_exit.model_copy(update={"url": None})})
    return Read(settings, problems)


def _quick_exit_problems(settings: SiteSettings, lines: dict, shown: str) -> list[Problem]:
    """The button replaces the page with its address: only https, as typed (a javascript: address would run
    script on every page), and an enabled button needs one."""
    from macros.guards.safe_urls import normalised, scheme_of

    url = settings.quick_exit.url
    if url is not None and not (scheme_of(url) == "https" and normalised(url) == url.strip()):
        file, line = lines.get(("extra", "quick_exit", "url"), (shown, 1))
        return [Problem("quick_exit_url", file, line, {"value": url})]
    if settings.quick_exit.enabled and not url:
        file, line = lines.get(("extra", "quick_exit", "enabled"), (shown, 1))
        return [Problem("quick_exit_url_missing", file, line)]
    return []


# --- Reading pyproject.toml -------------------------------------------------------------------------------

def read_limits(root: Path) -> Read:
    """[tool.motverka] of pyproject.toml, with a Problem for each unknown key or bad value."""
    path = root / LIMITS_FILE
    shown = shown_path(path, root)
    if not path.exists():
        return Read(Limits())
    text = path.read_text("utf-8")
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(error.args[0].rsplit("line ", 1)[-1].split(",")[0]) if "line " in str(error) else 1
        return Read(Limits(), [Problem("toml_syntax", shown, line)])
    for key in LIMITS_TABLE:
        values = values.get(key, {}) if isinstance(values, dict) else {}
    lines = _toml_lines(text, shown)
    limits, problems = _validate(Limits, values, (_LIMITS_KEY,), lines, shown)
    return Read(limits, problems)


def _toml_lines(text: str, shown: str) -> dict:
    """The line of every `key = …` in the [tool.motverka] table (TOML's reader gives no lines)."""
    lines, inside = {}, False
    header = "[" + ".".join(LIMITS_TABLE) + "]"
    for number, row in enumerate(text.splitlines(), 1):
        stripped = row.strip()
        if stripped.startswith("["):
            inside = stripped.split("#", 1)[0].strip() == header
            if inside:
                lines[(_LIMITS_KEY,)] = (shown, number)
        elif inside and "=" in stripped and not stripped.startswith("#"):
            lines[(_LIMITS_KEY, stripped.split("=", 1)[0].strip().strip("\"'"))] = (shown, number)
    return lines


# --- Validation -------------------------------------------------------------------------------------------

_EXPECTED = {bool: "true eller false", int: "ett heltal större än noll, t.ex. 12", str: "text"}


def _expected(model: type[BaseModel], loc: tuple) -> str:
    """What the setting at loc takes, in words: `true eller false`, `ett av: public, staff` …"""
    annotation = None
    for part in loc:
        if isinstance(part, int) or model is None:
            break
        info = model.model_fields.get(str(part))
        if info is None:
            break
        annotation = info.annotation
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    if annotation is None or model is not None:
        return "fälten på egna rader under, indragna med två mellanslag"
    if typing.get_origin(annotation) is Literal:
        return "ett av: " + ", ".join(str(a) for a in typing.get_args(annotation))
    if typing.get_origin(annotation) is list:
        return "en lista, en punkt per rad som börjar med bindestreck"
    if typing.get_origin(annotation) is dict:
        return "fält per språk, t.ex. sv: och en:"
    kinds = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    return _EXPECTED.get(kinds[0], "text")


def _validate(model: type[BaseModel], values: dict, prefix: tuple, lines: dict, shown: str):
    """The model from values, and a Problem for each unknown key or bad value. What is wrong is left out and
    validation repeated, so that the rest of the settings still apply."""
    problems: list[Problem] = []
    values = _copy(values) if isinstance(values, dict) else {}
    for _ in range(50):   # each round leaves out at least one wrong value
        try:
            return model.model_validate(values), problems
        except ValidationError as error:
            for item in error.errors():
                loc = tuple(item["loc"])
                if any(isinstance(part, int) for part in loc):   # an item of a list: the list is what is wrong
                    loc = loc[:next(i for i, part in enumerate(loc) if isinstance(part, int))]
                problem = _problem(model, item["type"], loc, item.get("input"), prefix, lines, shown)
                if str(problem) not in map(str, problems):   # a union names each of its kinds
                    problems.append(problem)
                _remove(values, loc)
    return model(), problems


def _problem(model, kind: str, loc: tuple, value, prefix: tuple, lines: dict, shown: str) -> Problem:
    path = prefix + loc
    file, line = _line(lines, path, shown)
    if kind == "extra_forbidden":
        allowed = _allowed(model, loc[:-1])
        return Problem("setting_unknown", file, line, {"key": _key(path), "allowed": ", ".join(allowed),
                                                       "suggestion": suggestion(str(loc[-1]), allowed)})
    shown_value = "…" if isinstance(value, (dict, list)) else value
    return Problem("setting_invalid", file, line, {"key": _key(path), "value": shown_value,
                                                   "expected": _expected(model, loc)})


def _key(path: tuple) -> str:
    return " › ".join(str(part) for part in path)


def _line(lines: dict, path: tuple, shown: str) -> tuple[str, int]:
    """The line of the key at path, else of the nearest key above it."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return shown, 1


def _allowed(model: type[BaseModel], loc: tuple) -> list[str]:
    for part in loc:
        info = model.model_fields.get(str(part)) if isinstance(model, type) else None
        if info is None or not (isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)):
            return []
        model = info.annotation
    return list(model.model_fields)


def _copy(values):
    if isinstance(values, dict):
        return {k: _copy(v) for k, v in values.items()}
    if isinstance(values, list):
        return [_copy(v) for v in values]
    return values


def _remove(values, loc: tuple) -> None:
    """Leave out the value at loc (a list item's whole list, so that the default applies)."""
    parent = values
    for depth, part in enumerate(loc[:-1]):
        child = parent[part] if isinstance(parent, (dict, list)) and _has(parent, part) else None
        if not isinstance(child, dict):
            if isinstance(parent, dict):
                parent.pop(part, None)
            return
        parent = child
    if isinstance(parent, dict):
        parent.pop(loc[-1], None)


def _has(container, part) -> bool:
    return part in container if isinstance(container, dict) else isinstance(part, int) and part < len(container)


# --- Everything, for `make check` -------------------------------------------------------------------------

def problems(root: Path) -> list[Problem]:
    """Every settings problem of the project: both sites' config files and pyproject.toml, each once."""
    found = [p for name in CONFIG_FILES if (root / name).exists()
             for p in read_site_settings(root / name, root).problems]
    found += read_limits(root).problems
    once = {str(p): p for p in found}   # mkdocs.staff.yml inherits mkdocs.yml's problems
    return sorted(once.values(), key=lambda p: (p.file, p.line))


def documented() -> list[tuple[str, str, str, str]]:
    """(file, key, default, description) of every setting, for bidra/installningar.md."""
    rows = []

    def walk(model: type[BaseModel], file: str, prefix: str):
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, file, f"{prefix}{name} › ")
                continue
            default = info.get_default(call_default_factory=True)
            rows.append((file, prefix + name, _show_default(default), info.description or ""))

    walk(SiteSettings, "mkdocs.yml, mkdocs.staff.yml", "extra › ")
    walk(Limits, LIMITS_FILE, f"{_LIMITS_KEY} › ")
    return rows


def _show_default(value) -> str:
    if value is None:
        return "(ingen)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value in ([], {}):
        return "(tom)"
    return str(value)
