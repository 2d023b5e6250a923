"""MkDocs hooks (mkdocs.yml `hooks:`): validate data before anything renders, check every page's review
metadata, and hand the data to the theme templates. Kept thin; the work lives in the macros package."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from mkdocs.structure.files import File  # noqa: E402

from macros import open_data, page_meta, theme_globals  # noqa: E402
from macros.load import DataErrors  # noqa: E402
from macros.render import text  # noqa: E402
from macros.site import current, data_dir_from, load_state  # noqa: E402

log = logging.getLogger("mkdocs.plugins.motverka")
_COMMAND = {"name": "build"}


def on_startup(command, dirty):
    _COMMAND["name"] = command


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or "sv"


@event_priority(100)
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    settings = config.extra.get("motverka", {})
    audience = config.extra.get("audience", "public")
    try:
        state = load_state(root, data_dir_from(root, settings.get("data_dir")), audience)
    except DataErrors as problem:
        for error in problem.errors:
            log.error(str(error))
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(error.annotation(), flush=True)
        raise Abort(f"Webbplatsen byggdes inte: {len(problem.errors)} fel i datafilerna. "
                    "Den senast byggda webbplatsen är orörd.") from None
    lang = _language(config)
    municipality = state.view.municipality
    config.site_name = f"{text(municipality.site_title, lang)} – {municipality.name}"
    # Fallback only: every page has its own description in its front matter (page_meta checks it).
    config.site_description = text(state.view.plan.summary, lang)
    if state.staff and config.extra.get("staff_nav"):
        config.nav = list(config.extra["staff_nav"]) + list(config.nav or [])
    return config


def on_files(files, config):
    """Add the open-data files and robots.txt as generated files, so that links to them are validated."""
    state = current()
    for path, content in open_data.files(state.data, state.today).items():
        files.append(File.generated(config, path, content=content))
    if state.staff:
        robots = "# Personalens webbplats: ska inte indexeras.\nUser-agent: *\nDisallow: /\n"
    else:
        robots = f"User-agent: *\nAllow: /\nSitemap: {config.site_url or ''}sitemap.xml\n"
    files.append(File.generated(config, "robots.txt", content=robots))
    return files


def on_page_markdown(markdown, page, config, files):
    for message in page_meta.problems(page, today=current().today):
        log.error(message)
    return markdown


def on_env(env, config, files):
    theme_globals.install(env, config)
    return env
