"""What the theme templates (overrides/*.html) may use: `mv.emergency(lang)`, `mv.review(page, lang)`, …

Installed into MkDocs' Jinja environment by the on_env hook. Returns Markup built by render.py, so data
is escaped once, in one place.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from . import page_meta, render
from .messages import ui
from .site import BuildState, current


class ThemeHelpers:
    def __init__(self, state: BuildState):
        self.state = state
        self.municipality = state.view.municipality
        self.audience = state.audience
        self.staff = state.staff

    def ui(self, key: str, lang: str = "sv", **values) -> str:
        return ui(key, lang, **values)

    def t(self, value, lang: str = "sv") -> str:
        return render.text(value, lang)

    def emergency(self, lang: str = "sv") -> Markup:
        return Markup(render.emergency_html(self.state.emergency, lang))

    def review(self, page, lang: str = "sv") -> Markup:
        """The "last reviewed" line of a page, with a notice once its review date has passed."""
        meta = getattr(page, "meta", None) or {}
        reviewed = meta.get("last_reviewed_on")
        if not isinstance(reviewed, date):
            return Markup("")
        html = f'<p class="mv-reviewed">{ui("last_reviewed", lang, date=render.long_date(reviewed, lang))}'
        changed = meta.get("git_revision_date_localized_raw_iso_date")
        if changed:
            html += " " + ui("last_changed", lang, date=render.long_date(date.fromisoformat(changed), lang))
        html += "</p>"
        due = page_meta.review_due(meta)
        if due and due < self.state.today:
            html = render._render("notices.html",
                                  notices=[ui("review_overdue", lang, date=render.long_date(due, lang))]) + html
        return Markup(html)


def install(env, config) -> None:
    env.globals["mv"] = ThemeHelpers(current())
