"""What the theme templates (overrides/*.html) may use: `mv.emergency(lang)`, `mv.review(page, lang)`, …

Installed into MkDocs' Jinja environment by the on_env hook. Returns Markup built by render.py, so data
is escaped once, in one place.
"""

from __future__ import annotations

import os
from pathlib import Path
from datetime import date

from jinja2 import Undefined
from markupsafe import Markup, escape

from macros.build_state import BuildState, of, quick_exit_url
from macros.render import page_meta
from macros.render import render
from macros.render.emergency_links import link_calls_to_112
from macros.render.nav_cache import NavCache
from macros.text.languages import language
from macros.text.messages import ui


class ThemeHelpers:
    def __init__(self, state: BuildState, config):
        self.state = state
        self.municipality = state.view.municipality
        self.audience = state.audience
        self.staff = state.staff
        # Only an https address gets this far (macros/settings.py reports any other with its line).
        url = quick_exit_url(state.settings)
        self.quick_exit = escape(url) if url else None
        i18n = config.plugins.get("i18n")
        self.default_language = i18n.default_language if i18n else "sv"
        self.languages = [language.locale for language in i18n.config.languages] if i18n else ["sv"]
        self.easy_read = (Path(config.docs_dir) / "lattlast.md").exists()
        self.nav = NavCache()

    def path(self, relative: str, lang: str = "sv") -> str:
        """A site path in the page's language edition: tillganglighet/ -> en/tillganglighet/."""
        return relative if lang == self.default_language else f"{lang}/{relative}"

    def is_translation(self, lang: str) -> bool:
        return lang != self.default_language

    def alternates(self, page, lang: str) -> list[dict]:
        """The same page in the other languages, as [{lang, text, url}] (site-root-relative urls)."""
        found = []
        for other, file in sorted((getattr(page.file, "alternates", None) or {}).items()):
            if other != lang and file is not None:
                found.append(_switch(other, file.url))
        return found

    def top_links(self, page, lang: str) -> list[dict]:
        """The language and easy-read links under the emergency bar, as [{hreflang, lang, text, url}]: this
        page in the other languages (or else the other language's start page), and Lättläst on the public
        site. On every page, the 404 page too, so that nobody has to look for them in the footer."""
        found = [{**link, "hreflang": link["lang"]} for link in
                 (self.alternates(page, lang) if page is not None and getattr(page, "file", None) else [])]
        if not found and not self.staff:
            found = [{**_switch(other, self.path("", other)), "hreflang": other}
                     for other in self.languages if other != lang]
        here = getattr(getattr(page, "file", None), "src_uri", None)
        if not self.staff and self.easy_read and here != "lattlast.md":
            found.append({"hreflang": self.default_language, "lang": lang, "text": ui("footer_easy", lang),
                          "url": "lattlast/"})
        return found

    def nav_entry(self, render, item, path: str, level: int, page) -> str:
        """A top-level navigation entry as Material's macro `render` writes it on this page, written once per
        folder where it is the same (overrides/partials/nav.html, macros/render/nav_cache.py)."""
        return self.nav.entry(render, item, path, level, None if isinstance(page, Undefined) else page)

    def direction(self, lang: str) -> str:
        """ltr or rtl (macros/text/languages.yml), for the page's dir attribute and its stylesheet."""
        return language(lang).direction

    def edit_url(self, page) -> str | None:
        """Where a communicator edits this page's source on GitHub (none outside a known repository)."""
        repository = self.state.repository
        source = (getattr(page, "meta", None) or {}).get("mv_source_path")
        if not repository or not source:
            return None
        return f"{repository}/edit/{os.environ.get('REPO_BRANCH', 'main')}/{source}"

    def json_ld(self, lang: str = "sv") -> Markup:
        from macros.render.structured_data import json_ld_script
        # Search engines show these numbers without a notice or a date: only lines that may be featured
        # (checked in time, no open question), and 112.
        state = self.state
        months = state.limits.freshness_months
        return Markup(json_ld_script(state.view, lang, lambda line: line.category != "emergency"
                                     and not line.is_trusted(state.today, months)))

    def featured(self, lang: str = "sv") -> Markup:
        """The featured support lines as cards, for pages without macros (the 404 page)."""
        ctx = self.state.ctx(lang)
        lines = self.state.featured
        return Markup("\n".join(render.support_line_html(line, ctx, 2, html_heading=True) for line in lines))

    def ui_calling(self, key: str, lang: str = "sv", **values) -> Markup:
        """A label in which "Ring 112" / "Call 112" is a link that calls (macros/render/emergency_links.py)."""
        return Markup(link_calls_to_112(str(escape(ui(key, lang, **values)))))

    def ui(self, key: str, lang: str = "sv", **values) -> Markup:
        """A label; the values put into it may come from data. The label is escaped, then each value once:
        a value that is already Markup (mv.t) is not escaped again (security's, not security&#39;s)."""
        return Markup(escape(ui(key, lang))).format(**values) if values else escape(ui(key, lang))

    def t(self, value, lang: str = "sv") -> Markup:
        return escape(render.text(value, lang))

    def emergency(self, lang: str = "sv") -> Markup:
        return Markup(render.emergency_html(self.state.emergency, lang))

    def review(self, page, lang: str = "sv") -> Markup:
        """The "last reviewed" line of a page, with a notice once its review date has passed."""
        meta = getattr(page, "meta", None) or {}
        reviewed = meta.get("last_reviewed_on")
        if not isinstance(reviewed, date):
            return Markup("")
        html = f'<p class="mv-reviewed">{ui("last_reviewed", lang, date=render.long_date(reviewed, lang))}'
        changed = meta.get("mv_last_changed")
        if isinstance(changed, date):
            html += " " + ui("last_changed", lang, date=render.long_date(changed, lang))
        edit = self.edit_url(page)
        if edit:
            html += f' <a href="{escape(edit)}">{ui("edit_page", lang)}</a>'
        html += "</p>"
        due = page_meta.review_due(meta)
        if due and due < self.state.today:
            html = render.render_template("notices.html",
                                          notices=[ui("review_overdue", lang, date=render.long_date(due, lang))]) + html
        return Markup(html)


def _switch(lang: str, url: str) -> dict:
    """A link to another language edition, named in that language (a reader who needs it can read it) and
    marked with its direction where it differs from the default, so that it reads right in any page."""
    found = {"lang": lang, "text": language(lang).switch, "url": url}
    if language(lang).direction != "ltr":
        found["dir"] = language(lang).direction
    return found


def install(env, config) -> None:
    env.globals["mv"] = ThemeHelpers(of(config), config)
    # MkDocs' theme templates do not autoescape, and the site's name and description come from data
    # (macros/engine/hooks.py): as Markup they print escaped everywhere, and `| e` does not escape them twice.
    config.site_name = escape(config.site_name)
    if config.site_description:
        config.site_description = escape(config.site_description)
