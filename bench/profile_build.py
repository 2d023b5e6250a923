"""Where a build's time goes: one `mkdocs build` of the public site under cProfile, its own time (tottime)
added up by the package the code belongs to, and the cumulative time of the steps that matter for scaling."""

from __future__ import annotations

import pstats
import sys
from pathlib import Path

from .workspace import clean_env, run_timed

# (label, path fragment) in order of precedence: the first fragment found in a function's file wins.
PACKAGES = [
    ("PDF (WeasyPrint and its text stack)", ("/weasyprint/", "/pydyf/", "/cffi/", "/pycparser/", "/fontTools/", "/tinycss2/", "/cssselect2/",
                                             "/tinyhtml5/", "/pyphen/", "/PIL/")),
    ("page templates (Jinja: Material's and ours)", ("/jinja2/", "/templates/", "/overrides/", ".html")),
    ("Markdown to HTML (Python-Markdown, pymdownx)", ("/markdown/", "/pymdownx/")),
    ("search index (MkDocs search plugin)", ("/contrib/search/", "/material/plugins/search/")),
    ("mkdocs-static-i18n", ("/mkdocs_static_i18n/",)),
    ("mkdocs-macros (plugin)", ("/mkdocs_macros/",)),
    ("our code (macros/)", ("/macros/",)),
    ("data validation (pydantic, YAML)", ("/pydantic", "/yaml/")),
    ("MkDocs core", ("/mkdocs/",)),
]
STEPS = {
    "static-i18n: rebuild for the other languages (on_post_build)": "mkdocs_static_i18n/plugin.py:on_post_build",
    "PDF (macros/outputs/pdf/document.py)": "macros/outputs/pdf/document.py:make",
    "rendering pages (MkDocs _build_page, all languages)": "mkdocs/commands/build.py:_build_page",
    "navigation in page templates (Material's site_nav block)": "material/templates/base.html:block_site_nav",
}


def _package(filename: str) -> str | None:
    """The package a function's file belongs to; None for built-ins and the standard library, whose time
    belongs to whoever called them."""
    if filename.startswith("~") or ("site-packages" not in filename and "/macros/" not in filename
                                    and "/overrides/" not in filename and not filename.endswith(".html")):
        return None
    for label, fragments in PACKAGES:
        if any(fragment in filename for fragment in fragments):
            return label
    return "other packages"


def _by_package(stats: pstats.Stats) -> dict[str, float]:
    """Own time per package; a built-in's or stdlib function's time is split among its callers' packages
    in proportion to the time each caller spent in it."""
    table = stats.stats
    shares: dict = {}

    def owners(key, depth=0) -> dict[str, float]:
        if key in shares:
            return shares[key]
        label = _package(key[0])
        if label is not None or depth > 12 or key not in table:
            result = {label or "Python itself (start-up, stdlib)": 1.0}
        else:
            shares[key] = {"Python itself (start-up, stdlib)": 1.0}      # guards recursion
            callers = table[key][4]
            spent = sum(c[2] for c in callers.values()) or 1.0
            result: dict[str, float] = {}
            for caller, (_cc, _nc, tottime, _cum) in callers.items():
                for owner, part in owners(caller, depth + 1).items():
                    result[owner] = result.get(owner, 0.0) + part * tottime / spent
            result = result or {"Python itself (start-up, stdlib)": 1.0}
        shares[key] = result
        return result

    packages: dict[str, float] = {}
    for key, (_cc, _nc, tottime, _cum, _callers) in table.items():
        for owner, part in owners(key).items():
            packages[owner] = packages.get(owner, 0.0) + tottime * part
    return dict(sorted(packages.items(), key=lambda kv: -kv[1]))


def profile_build(project: Path, out: Path) -> dict:
    """Profile the public site's build in `project`; returns {'total', 'packages': {..}, 'steps': {..}}."""
    stats_file = out / "build.prof"
    out.mkdir(parents=True, exist_ok=True)
    run_timed([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build", "-q", "-d",
               str(out / "site")], project, clean_env())
    stats = pstats.Stats(str(stats_file))
    steps = {label: 0.0 for label in STEPS}
    for (filename, _line, name), (_cc, _nc, _tottime, cumtime, callers) in stats.stats.items():
        for step, where in STEPS.items():
            file_part, function = where.split(":")
            # The outermost call only: a recursive call's time is already in its caller's.
            if filename.endswith(file_part) and name == function and not any(c[2] == name for c in callers):
                steps[step] += cumtime
    return {"total": stats.total_tt, "packages": _by_package(stats), "steps": steps}
