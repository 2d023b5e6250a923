"""The languages the kit knows and the interface text of each: languages.yml and one catalogue per language.

languages.yml is the registry (name, writing direction, search stemmer, readability measure); <code>.yml
holds a language's interface labels under the keys of sv.yml; swedish_only.yml holds what is only ever
written in Swedish (the plan's PDF, the staff site's own labels, the reports for communicators). Swedish is
the default and the fallback. Open data, structured data, search, readability and the templates ask here,
so adding a language adds files, not code. This is the one module that may name a language by its code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.problems import Problem

FOLDER = Path(__file__).parent
REGISTRY = FOLDER / "languages.yml"
SWEDISH_ONLY = FOLDER / "swedish_only.yml"


@dataclass(frozen=True)
class Language:
    code: str
    name: str             # in itself: Svenska, English, العربية
    switch: str           # the link to it from another language: På svenska, In English
    direction: str        # ltr or rtl
    search: str | None    # Material's search stemmer, or None
    readability: str | None  # the measure `make readability` uses (lix), or None
    in_swedish: str = ""  # in a Swedish sentence: engelska, arabiska

    @property
    def catalogue_file(self) -> Path:
        return FOLDER / f"{self.code}.yml"


def _none(value) -> str | None:
    return None if value in (None, "none") else str(value)


@functools.cache
def registry() -> dict[str, Language]:
    entries = yaml.safe_load(REGISTRY.read_text("utf-8"))
    return {code: Language(code, entry["name"], entry["switch"], entry["direction"], _none(entry.get("search")),
                           _none(entry.get("readability")), entry.get("in_swedish", code))
            for code, entry in entries.items()}


DEFAULT = next(iter(registry()))   # Swedish: the first in languages.yml


def language(code: str) -> Language:
    """The registry's entry; a code it does not know reads as the default language (the build reports it)."""
    return registry().get(code) or registry()[DEFAULT]


def others(code: str = DEFAULT) -> list[str]:
    """Every known language but this one: the folders of the other language editions (en/, ar/)."""
    return [other for other in registry() if other != code]


@functools.cache
def catalogue(code: str) -> dict[str, str]:
    """A language's interface labels by key ({} for a language without a catalogue)."""
    path = FOLDER / f"{code}.yml"
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if code in registry() and path.is_file() else {}


@functools.cache
def swedish_only() -> dict[str, str]:
    return yaml.safe_load(SWEDISH_ONLY.read_text("utf-8"))


def ui(key: str, lang: str = DEFAULT, **values: object) -> str:
    """An interface label in the given language, falling back to Swedish. A text with a count has a
    `…_one` variant where one reads differently from many ("1 fel. Rätta det", "3 fel. Rätta dem")."""
    for labels in (catalogue(lang), catalogue(DEFAULT), swedish_only()):
        if values.get("count") == 1 and f"{key}_one" in labels:
            key = f"{key}_one"
        if key in labels:
            text = labels[key]
            return text.format(**values) if values else text
    raise KeyError(key)


def all_labels() -> dict[str, dict[str, str]]:
    """Every label of every language, Swedish with its Swedish-only text: what the interface may say."""
    return {code: {**catalogue(code), **(swedish_only() if code == DEFAULT else {})} for code in registry()}


def site_languages(config) -> list[str]:
    """The languages a site is built in (mkdocs.yml › plugins › i18n › languages), its default first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme.get("language") or DEFAULT]
    declared = [entry.locale for entry in i18n.config.languages]
    return sorted(declared, key=lambda code: code != i18n.default_language)


def built_languages(config) -> list[str]:
    """The languages this build writes pages in: the staff site declares the public site's languages but
    builds only Swedish (mkdocs.staff.yml › build_only_locale)."""
    i18n = config.plugins.get("i18n")
    return list(getattr(i18n, "build_languages", None) or site_languages(config))


def problems(codes: list[str], config_files: list[Path]) -> list[Problem]:
    """What keeps a site's languages from being built: a code the registry does not know, a catalogue that
    lacks keys of sv.yml or has keys sv.yml does not. Each is placed on the line of the configuration file
    (of config_files, the first that has it) that declares the language."""
    found = []
    for code in codes:
        where, line = _declared(code, config_files)
        if code not in registry():
            found.append(Problem("language_unknown", where, line, {"value": code, "known": ", ".join(registry())}))
            continue
        shown = f"macros/text/{code}.yml"
        if not language(code).catalogue_file.is_file():
            found.append(Problem("language_catalogue_missing", where, line, {"value": code, "file": shown}))
            continue
        required, present = set(catalogue(DEFAULT)), set(catalogue(code))
        if required - present:
            found.append(Problem("language_keys_missing", shown, 1,
                                 {"value": code, "keys": ", ".join(sorted(required - present))}))
        if present - required:
            found.append(Problem("language_keys_unknown", shown, 1,
                                 {"value": code, "keys": ", ".join(sorted(present - required))}))
    return found


def _declared(code: str, config_files: list[Path]) -> tuple[str, int]:
    """(file name, line) of `- locale: <code>` (or `language: <code>`) in the configuration."""
    for path in config_files:
        text = path.read_text("utf-8") if path.is_file() else ""
        for number, line in enumerate(text.splitlines(), 1):
            if line.split("#")[0].strip().removeprefix("- ").replace(" ", "") in (f"locale:{code}",
                                                                                 f"language:{code}"):
                return path.name, number
    return (config_files[0].name if config_files else "mkdocs.yml"), 1
