"""The baseline to beat: default Material for MkDocs built from the same pages.

Our pages call macros and read data/, which default Material cannot do, so the baseline is each public
page's Markdown *after* mkdocs-macros rendered it (bench/dump_hook.py), built with a default mkdocs.yml:
theme material, language sv, nothing else (no custom_dir, CSS, hooks, plugins or features; the search
plugin is MkDocs' default). Two variants: fonts off (`font: false`, as TOOLCHAIN.md measured it: no request
leaves the host) and out of the box (Google Fonts on; offline those requests fail and are counted apart).
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import yaml

from .workspace import Timed, clean_env, run_timed

DUMP_HOOK = Path(__file__).resolve().parent / "dump_hook.py"
# Our own theme assets are not part of "the pages"; anything else in docs/ (images, files) is.
_THEME_ASSETS = ("assets/stylesheets/", "assets/javascripts/")


def _hooks(config_file: Path) -> list[str]:
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as handle:
        return list(yaml_load(handle).get("hooks") or [])


def dump_rendered_markdown(project: Path, dump: Path) -> Path:
    """Build the public site once with the dump hook added; returns the folder of rendered Markdown."""
    if dump.exists():
        shutil.rmtree(dump)
    config = project / "mkdocs.bench-dump.yml"
    config.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml",
                                      "hooks": _hooks(project / "mkdocs.yml") + [str(DUMP_HOOK)]}), "utf-8")
    run_timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
               str(dump.parent / "dump-site")], project, clean_env(MOTVERKA_BENCH_DUMP=str(dump)))
    for path in (project / "docs").rglob("*"):
        relative = path.relative_to(project / "docs").as_posix()
        if path.is_file() and path.suffix != ".md" and not relative.startswith(_THEME_ASSETS):
            (dump / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dump / relative)
    return dump


def site_name(built_site: Path) -> str:
    """Our site's name as MkDocs rendered it (the start page's <title>), so both sites carry the same name."""
    match = re.search(r"<title>(.*?)</title>", (built_site / "index.html").read_text("utf-8"), re.S)
    return html.unescape(match.group(1).strip()) if match else "Motverka"


def build_default_material(docs: Path, folder: Path, name: str, site_url: str, fonts: bool) -> Timed:
    """`mkdocs build` of default Material on `docs`, into folder/site; timed."""
    folder.mkdir(parents=True, exist_ok=True)
    theme = {"name": "material", "language": "sv"}
    if not fonts:
        theme["font"] = False
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": name, "site_url": site_url, "docs_dir": str(docs),
                                      "site_dir": str(folder / "site"), "theme": theme},
                                     allow_unicode=True), "utf-8")
    return run_timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], folder, clean_env())
