"""Languages are data: one registry (macros/text/languages.yml), one catalogue of interface text per language,
and no language code written into the code. Adding a language adds files, not code (README: "Ett språk till")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from macros.text import languages
from macros.text.messages import CATALOGUE, say
from tests.support.project import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
LOADER = ROOT / "macros" / "text" / "languages.py"
# Python in macros/ that may still name a language, and why.
ALLOWED: dict[str, str] = {
    "macros/text/messages.py": "the error catalogue's examples, shown in the communicators' guide, name English",
    "macros/outputs/editor.py": "the form editor shows Swedish and English as pairs; a third language in its "
                                "forms is a known gap, said in the README",
}


def test_every_language_in_the_registry_is_complete_and_usable():
    for code, entry in languages.registry().items():
        assert re.fullmatch(r"[a-z]{2}", code), code
        assert entry.direction in ("ltr", "rtl"), code
        assert entry.readability in (None, "lix"), code
        assert entry.search is None or entry.search == "en" or \
            (MATERIAL / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{entry.search}.min.js").is_file(), code
        assert (MATERIAL / "partials" / "languages" / f"{code}.html").is_file(), f"Material has no {code}"
        assert entry.name and entry.switch, code
    assert languages.problems(list(languages.registry()), [ROOT / "mkdocs.yml"]) == []


def test_material_agrees_with_the_registry_on_each_languages_direction():
    for code, entry in languages.registry().items():
        material = (MATERIAL / "partials" / "languages" / f"{code}.html").read_text("utf-8")
        said = re.search(r'"direction": "(\w+)"', material)
        assert (said[1] if said else "ltr") == entry.direction, code   # Material's default is ltr


def test_swedish_is_the_default_and_every_label_falls_back_to_it():
    assert languages.DEFAULT == "sv"
    assert languages.ui("lix_over", "ar") == "ÖVER GRÄNSEN"          # Swedish only
    assert languages.ui("call", "xx") == "Ring"                     # a language the kit does not know
    assert languages.ui("clock_prefix", "en") == ""                 # an empty label is a label, not a gap


def test_an_unknown_language_is_named_on_its_line_of_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  i18n:\n    languages:\n      - locale: sv\n      - locale: de\n", "utf-8")
    (problem,) = languages.problems(["sv", "de"], [config])
    assert (problem.code, problem.file, problem.line) == ("language_unknown", "mkdocs.yml", 5)
    assert str(problem).startswith("mkdocs.yml:5: Språket de finns inte") and "sv, en, ar" in str(problem)


def test_a_catalogue_that_lacks_a_key_or_has_a_misspelt_one_stops_the_build(monkeypatch, tmp_path):
    arabic = dict(languages.catalogue("ar"))
    arabic.pop("emergency_call")
    arabic["emergency_cal"] = "اتصل بالرقم 112"
    monkeypatch.setattr(languages, "catalogue", lambda code: arabic if code == "ar" else {"emergency_call": "x",
                                                                                         "call": "Ring"} | {
        k: "" for k in arabic if k != "emergency_cal"})
    found = {p.code: p for p in languages.problems(["ar"], [tmp_path / "mkdocs.yml"])}
    assert set(found) == {"language_keys_missing", "language_keys_unknown"}
    assert found["language_keys_missing"].file == "macros/text/ar.yml"
    assert "emergency_call" in str(found["language_keys_missing"])
    assert "emergency_cal" in str(found["language_keys_unknown"])


def test_the_new_messages_are_in_the_catalogue_with_examples():
    for code in ("language_unknown", "language_catalogue_missing", "language_keys_missing",
                 "language_keys_unknown"):
        assert say(code, **CATALOGUE[code].example)


# --- No language code in the code -------------------------------------------------------------------------

def language_literals(source: str, codes: set[str], default: str) -> list[tuple[int, str]]:
    """(line, what) for every place the source names a language: a string that is a code other than the
    default, lang="xx" inside a string, or a comparison of a language with any code (lang == "sv")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in codes - {default}:
                found.append((node.lineno, repr(node.value)))
            for match in re.finditer(r'lang="([a-z]{2})"', node.value):
                if match[1] in codes - {default}:
                    found.append((node.lineno, match[0]))
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            named = any("lang" in ast.unparse(side).lower() for side in sides)
            constants = [s.value for s in sides if isinstance(s, ast.Constant)]
            constants += [e.value for s in sides if isinstance(s, (ast.Tuple, ast.List, ast.Set))
                          for e in s.elts if isinstance(e, ast.Constant)]
            if named and any(value in codes for value in constants):
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_the_check_finds_a_language_written_into_code():
    codes = {"sv", "en", "ar"}
    source = ('x = "en"\nif lang == "sv":\n    pass\nprefix = "kl. " if page_lang != "sv" else ""\n'
              'skip = path in ("en", "personal")\nhtml = \'<span lang="ar">\'\nok = "sv"\nname = "Svenska"\n')
    assert sorted(line for line, _ in language_literals(source, codes, "sv")) == [1, 2, 4, 5, 6]


def test_no_python_module_in_macros_names_a_language_outside_the_registry():
    codes, found = set(languages.registry()), []
    for path in sorted((ROOT / "macros").rglob("*.py")):
        if path == LOADER or path.relative_to(ROOT).as_posix() in ALLOWED:
            continue
        for line, what in language_literals(path.read_text("utf-8"), codes, languages.DEFAULT):
            found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not found, ("Name languages in macros/text/languages.yml and their words in macros/text/<code>.yml, "
                       "not in code:\n  " + "\n  ".join(found))


@pytest.mark.parametrize("folder", ["overrides", "macros/render/templates"])
def test_no_template_names_a_language_other_than_by_the_page_language(folder):
    codes = set(languages.registry()) - {languages.DEFAULT}
    pattern = re.compile(r"""['"](%s)['"]""" % "|".join(sorted(codes)))
    found = [f"{path.relative_to(ROOT)}: {match[0]}" for path in sorted((ROOT / folder).rglob("*.html"))
             for match in pattern.finditer(path.read_text("utf-8"))]
    assert not found, found


@pytest.mark.build
def test_a_site_that_declares_a_language_the_kit_does_not_know_is_not_built(tmp_path):
    from tests.support.project import NO_PDF, copy_project, run_build
    from tests.support.third_language import DATA, add_language

    fixture = tmp_path / "finnish"
    (fixture / "docs").mkdir(parents=True)
    (fixture / "language.yml").write_text("- locale: fi\n  name: Suomi\n", "utf-8")
    project = add_language(copy_project(tmp_path / "project"), fixture)
    line = project.joinpath("mkdocs.yml").read_text("utf-8").splitlines().index("      - locale: fi") + 1
    result = run_build(project, tmp_path / "out", data=DATA, env=NO_PDF)   # fails on the language: no PDF needed
    assert result.returncode != 0
    expected = f"mkdocs.yml:{line}: Språket fi finns inte i verktygets lista över språk."
    assert result.stdout.count(expected) == 1, result.stdout
    assert not (tmp_path / "out" / "site").exists()
