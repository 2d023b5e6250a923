"""The MkDocs glue stays in macros/engine/, so another engine (ProperDocs today, Zensical one day) touches one place.

Every `import mkdocs…` in macros/ is found by reading the source (not by importing it). Outside macros/engine/
only the imports listed in NOT_YET_MOVED may remain: they are the debt the README names ("Framtiden för MkDocs
och Material"), and the list must shrink, never grow. A new import elsewhere fails, and so does an entry that
is no longer true, so the list and the README stay honest.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.project import ROOT

ENGINE = "macros/engine"
# (module, what it takes from MkDocs): still outside macros/engine/ when the layout by stage landed.
NOT_YET_MOVED = {
    ("macros/outputs/pdf/document.py", "mkdocs.structure.files"),
    ("macros/render/not_found.py", "mkdocs.commands.build"),
}


def mkdocs_imports(package: Path, root: Path) -> set[tuple[str, str]]:
    """(module path, imported MkDocs module) for every import of mkdocs in the package, at any depth."""
    found = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [])
            found |= {(path.relative_to(root).as_posix(), name) for name in names
                      if name == "mkdocs" or name.startswith("mkdocs.")}
    return found


def outside_engine(found: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(module, name) for module, name in found if not module.startswith(ENGINE + "/")}


def test_mkdocs_is_imported_only_in_macros_engine_and_the_listed_leftovers():
    assert outside_engine(mkdocs_imports(ROOT / "macros", ROOT)) == NOT_YET_MOVED


def test_the_engine_package_does_import_mkdocs():
    assert any(module.startswith(ENGINE + "/") for module, _ in mkdocs_imports(ROOT / "macros", ROOT))


def test_the_rule_finds_a_new_import_outside_the_engine_package(tmp_path):
    package = tmp_path / "macros"
    (package / "render").mkdir(parents=True)
    (package / "render" / "card.py").write_text("def card():\n    from mkdocs.structure.pages import Page\n")
    (package / "engine").mkdir()
    (package / "engine" / "hooks.py").write_text("import mkdocs.plugins\n")
    assert outside_engine(mkdocs_imports(package, tmp_path)) == {("macros/render/card.py", "mkdocs.structure.pages")}
