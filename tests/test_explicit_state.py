"""Explicit state: what a build knows lives on one object made per build (macros/build_state.py), never in a
module's globals, where `make serve`'s next rebuild would find the last build's; nothing edits Python's import
path; no module reaches into another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.project import ROOT

MACROS = ROOT / "macros"
_MUTATORS = {"append", "extend", "insert", "remove", "pop", "popitem", "clear", "update", "setdefault", "add",
             "discard", "sort", "reverse", "__setitem__"}
_CACHES = {"lru_cache", "cache", "cached_property"}
# Module-level values that a function fills on purpose, and why that is not the state of a build.
ALLOWED = {
    "macros/outputs/pdf/chapters.py:_dictionary": "the Swedish hyphenation dictionary: the same for every build",
    # The kit's own text files, read once per process like its code: no build changes them.
    "macros/text/languages.py:registry": "the registry of languages (macros/text/languages.yml)",
    "macros/text/languages.py:catalogue": "one language's interface text (macros/text/<code>.yml)",
    "macros/text/languages.py:swedish_only": "the Swedish-only texts (macros/text/swedish_only.yml)",
    # A process of its own that ends with the one task it was made for.
    "macros/guards/leak_guard.py:_worker": "a leak-guard worker's scanner: set in a forked worker, which ends "
                                           "when the guard has read the site",
}


def _modules(folder: Path = MACROS) -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(ROOT).as_posix(), ast.parse(path.read_text("utf-8")))
            for path in sorted(folder.rglob("*.py"))]


def module_state(tree: ast.Module) -> list[str]:
    """Names of module-level values that a function changes (or declares `global`), and cached functions."""
    top = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, (ast.AnnAssign, ast.AugAssign)) else []
        top |= {t.id for t in targets if isinstance(t, ast.Name)}
    found = set()
    for function in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        decorators = [d.func if isinstance(d, ast.Call) else d for d in function.decorator_list]
        if function in tree.body and any(   # a cached method (cached_property) lives and dies with its object
                (d.attr if isinstance(d, ast.Attribute) else getattr(d, "id", "")) in _CACHES for d in decorators):
            found.add(function.name)
        declared = {name for n in ast.walk(function) if isinstance(n, ast.Global) for name in n.names}
        arguments = {a.arg for a in [*function.args.args, *function.args.kwonlyargs, *function.args.posonlyargs]}
        assigned = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        own = (arguments | assigned) - declared   # a function's own variable of the same name is not the module's
        changed = set(declared)
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in _MUTATORS and isinstance(node.func.value, ast.Name):
                changed.add(node.func.value.id)
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                changed |= {t.value.id for t in targets if isinstance(t, (ast.Subscript, ast.Attribute))
                            and isinstance(t.value, ast.Name)}
        found |= (changed - own) & top
    return sorted(found)


def path_edits(tree: ast.Module) -> list[int]:
    """Lines that touch sys.path."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "path"
            and isinstance(node.value, ast.Name) and node.value.id == "sys"]


def private_uses(tree: ast.Module, package: Path = MACROS) -> list[str]:
    """Another macros module's _names: imported by name, or reached as module._name."""
    found, modules = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("macros"):
            folder = package.parent.joinpath(*node.module.split("."))
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{node.module}.{alias.name}")
                if (folder / f"{alias.name}.py").exists() or (folder / alias.name / "__init__.py").exists():
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            modules |= {alias.asname for alias in node.names if alias.name.startswith("macros") and alias.asname}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules \
                and node.attr.startswith("_") and not node.attr.startswith("__"):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_no_module_keeps_the_state_of_a_build():
    kept = [f"{name}:{value}" for name, tree in _modules() for value in module_state(tree)]
    assert [k for k in kept if k not in ALLOWED] == [], "put it on the BuildState (macros/build_state.py)"


def test_the_allowed_module_values_are_still_there():
    kept = {f"{name}:{value}" for name, tree in _modules() for value in module_state(tree)}
    assert set(ALLOWED) <= kept, "remove what is no longer needed from ALLOWED"


def test_the_state_check_finds_a_module_value_that_a_function_changes():
    assert module_state(ast.parse("_SEEN = {}\ndef f(x):\n    _SEEN[x] = 1\n")) == ["_SEEN"]
    assert module_state(ast.parse("_SLUGS = set()\ndef f(x):\n    _SLUGS.update(x)\n")) == ["_SLUGS"]
    assert module_state(ast.parse("COMMAND = 'build'\ndef f(x):\n    global COMMAND\n    COMMAND = x\n")) == [
        "COMMAND"]
    assert module_state(ast.parse("import functools\n@functools.lru_cache\ndef f(x):\n    return x\n")) == ["f"]
    assert module_state(ast.parse("WORDS = ('a',)\ndef f(words):\n    seen = {}\n    seen['a'] = 1\n")) == []


def test_nothing_edits_the_import_path():
    edits = [f"{name}:{line}" for folder in (MACROS, ROOT / "tests") for name, tree in _modules(folder)
             for line in path_edits(tree)]
    assert edits == [], "run Python from the project folder (python -m …) instead"
    assert path_edits(ast.parse("import sys\nsys.path.insert(0, '.')\n")) == [2]


def test_no_module_uses_another_modules_private_names():
    used = [f"{name}: {use}" for name, tree in _modules() for use in private_uses(tree)]
    assert used == [], "make the name public (no leading _) or move it to the module that uses it"


def test_the_private_name_check_finds_both_ways_in():
    assert private_uses(ast.parse("from macros.render.render import _render\n")) == ["macros.render.render._render"]
    assert private_uses(ast.parse("from macros.render import render\nrender._ENV.get_template('x')\n")) == [
        "render._ENV"]
    assert private_uses(ast.parse("from macros.render import render\nrender.render_template('x')\n")) == []


def test_a_page_cannot_reach_the_build_state_through_config():
    """The state hangs on the config object that mkdocs-macros gives pages as `config`: as a _-attribute,
    which the page sandbox refuses however it is asked for."""
    from jinja2 import Environment

    from macros import build_state
    from macros.render.sandbox import sandbox

    class Config(dict):
        pass

    config = Config(site_name="Motverka")
    build_state.attach(config, "the build's state")
    assert build_state.of(config) == "the build's state"
    asked = ("{{ config._motverka_build }}", "{{ config['_motverka_build'] }}", "{{ config|attr('_motverka_build') }}")
    # Without the sandbox the state is one attribute away; that is why the sandbox is there.
    assert Environment().from_string(asked[0]).render(config=config) == "the build's state"
    environment = Environment()
    sandbox(environment)
    assert environment.from_string("{{ config.site_name }}").render(config=config) == "Motverka"
    for expression in asked:
        assert "state" not in environment.from_string(expression).render(config=config)
