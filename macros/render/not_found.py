"""The 404 page of each language edition: site/404.html in Swedish, site/en/404.html in English.

static-i18n renders theme templates once per language into the same folder, so MkDocs alone leaves one
404.html (macros/engine/hooks.py keeps the Swedish one there). The other editions' 404 pages are rendered here, with
the same template and MkDocs' own rules for error pages (absolute links), into their language's folder. A
host that serves a folder's own 404 page (nginx, Apache) then answers /en/… in English; GitHub Pages serves
only /404.html, which links to the English edition at its top."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import _build_template  # MkDocs' own rendering of an error template


def write(lang: str, env, files, config, nav) -> Path | None:
    """Render 404.html for the language edition `lang` into site/<lang>/404.html."""
    if env is None or nav is None:
        return None
    output = _build_template("404.html", env.get_template("404.html"), files, config, nav)
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return target
