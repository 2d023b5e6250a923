"""What a build process of MkDocs imports before its first page. The fork server (macros/cli/mkdocs_processes.py)
imports this module once, so that every build forked from it starts with them.

An import that fails here is left alone: the build imports the module again itself and fails with its own
message, in its own log, which the command line explains in Swedish. (The server would otherwise die with an
English traceback on the terminal.) Not `mkdocs.__main__`: the build runs it as `python -m mkdocs` does, and
runpy warns about a __main__ module imported before."""

from __future__ import annotations

import importlib

MODULES = ["mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.structure.pages", "mkdocs.utils.yaml",
           "material.plugins.search.plugin", "mkdocs_macros.plugin", "mkdocs_static_i18n.plugin",
           "markdown.extensions.toc", "markdown.extensions.md_in_html", "markdown.extensions.attr_list",
           "markdown.extensions.admonition", "markdown.extensions.tables", "markdown.extensions.def_list",
           "pymdownx.slugs", "macros.build_state", "macros.render.page_macros", "macros.render.theme_globals",
           "macros.engine.mkdocs_log", "macros.guards.safe_html", "macros.outputs.open_data"]

for _name in MODULES:
    try:
        importlib.import_module(_name)
    except Exception:   # noqa: BLE001  the build says what is wrong (see above)
        pass
