"""The macros a page may call, e.g. {{ support_lines("extremism") }}. Each one is listed, with an example,
in docs/bidra/makron.md (generated from the docstrings here by `python -m macros macros-doc`).

A call with an unknown id logs a Swedish error naming the page and line (the strict build then fails)
and leaves a polite placeholder, so one mistake never hides the others.
"""

from __future__ import annotations

import logging
import re

from markupsafe import Markup

from . import render
from .messages import say, ui
from .site import current

log = logging.getLogger("mkdocs.plugins.motverka")
_KIND = {"support_lines": "stödlinje", "contacts": "kontakt", "focus_areas": "fokusområde"}


def _lang(env) -> str:
    return env.conf["theme"].get("language") or "sv"


def _page_line(env, needle: str) -> int:
    try:
        source = open(env.page.file.abs_src_path, encoding="utf-8").read()
    except (AttributeError, OSError, TypeError):
        return 1
    for number, line in enumerate(source.splitlines(), 1):
        if re.search(rf"""["']{re.escape(needle)}["']""", line):
            return number
    return 1


def _where(env, needle: str) -> str:
    return f"docs/{env.page.file.src_uri}:{_page_line(env, needle)}"


def register(env) -> None:
    """Register every page macro and variable with mkdocs-macros."""

    def state():
        return current()

    def ctx():
        return state().ctx(_lang(env))

    def lookup(kind: str, id: str, macro: str):
        view = {r.id: r for r in getattr(state().view, kind)}
        if id in view:
            return view[id]
        everything = {r.id for r in getattr(state().data, kind)}
        if id in everything:
            log.error(f"{_where(env, id)}: {say('macro_staff_in_public', macro=macro, value=id)}")
        else:
            log.error(f"{_where(env, id)}: " + say("macro_unknown_id", macro=macro, value=id, kind=_KIND[kind],
                                                   known=", ".join(sorted(view))))
        return None

    def missing() -> Markup:
        return Markup(f'<p class="mv-missing">{ui("missing_data", _lang(env))}</p>\n')

    @env.macro
    def support_line(id: str, level: int = 3) -> Markup:
        """One support line as a card: number as a call link, hours, for whom, anonymity, source date.

        Example: {{ support_line("orostelefonen") }}"""
        line = lookup("support_lines", id, "support_line")
        return Markup(render.support_line_html(line, ctx(), level)) if line else missing()

    @env.macro
    def support_lines(category: str | None = None, level: int = 3) -> Markup:
        """Every support line (or one category: emergency, extremism, police, wellbeing), each with an anchor
        named after its id.

        Example: {{ support_lines("wellbeing") }}"""
        lines = [line for line in state().view.support_lines if category in (None, line.category)]
        if not lines:
            return missing()
        return Markup("\n".join(render.support_line_html(line, ctx(), level, anchor=line.id) for line in lines))

    @env.macro
    def featured_lines(level: int = 3) -> Markup:
        """The support lines marked featured: true, for the start page.

        Example: {{ featured_lines() }}"""
        lines = [line for line in state().view.support_lines if line.featured]
        return Markup("\n".join(render.support_line_html(line, ctx(), level) for line in lines)) or missing()

    @env.macro
    def contact(id: str, level: int = 3) -> Markup:
        """One municipal contact as a card.

        Example: {{ contact("kommunens-vaxel") }}"""
        found = lookup("contacts", id, "contact")
        return Markup(render.contact_html(found, ctx(), level)) if found else missing()

    @env.macro
    def contacts(level: int = 3) -> Markup:
        """Every contact this site may show (on the staff site, the internal ones too).

        Example: {{ contacts() }}"""
        return Markup("\n".join(render.contact_html(c, ctx(), level, anchor=c.id) for c in state().view.contacts))

    @env.macro
    def plan_facts() -> Markup:
        """The plan's metadata: adopted by, validity, owner, follow-up.

        Example: {{ plan_facts() }}"""
        return Markup(render.plan_facts_html(state().view.plan, ctx()))

    @env.macro
    def plan_notices() -> Markup:
        """A notice if the plan's validity has expired or its follow-up is overdue; nothing otherwise.

        Example: {{ plan_notices() }}"""
        return Markup(render.plan_notices_html(state().view.plan, ctx()))

    @env.macro
    def decision_history() -> Markup:
        """The plan's decisions as a table, oldest first.

        Example: {{ decision_history() }}"""
        return Markup(render.decisions_html(state().view.plan, ctx()))

    @env.macro
    def focus_areas(level: int = 2) -> Markup:
        """Every focus area as a heading (anchor = its id), its summary and its text.

        Example: {{ focus_areas() }}"""
        return Markup(render.focus_areas_md(state().view.focus_areas, ctx(), level))

    @env.macro
    def focus_area_list(target: str = "") -> Markup:
        """The focus areas as a short list of links to `target` (a page URL; empty for this page).

        Example: {{ focus_area_list("../handlingsplan/") }}"""
        return Markup(render.focus_area_list_html(state().view.focus_areas, ctx(), target))

    @env.macro
    def relatives_steps() -> Markup:
        """What a worried relative can do, as numbered steps with the lines and contacts to call.

        Example: {{ relatives_steps() }}"""
        return Markup(render.steps_html(state().view, ctx()))

    @env.macro
    def warning_signs() -> Markup:
        """The signs to notice, followed by the "no single profile" caveat (the two always go together).

        Example: {{ warning_signs() }}"""
        return Markup(render.signs_html(state().view.relatives, ctx()))

    @env.macro
    def talk_tips() -> Markup:
        """Advice for the conversation with the person one is worried about.

        Example: {{ talk_tips() }}"""
        return Markup(render.bullet_list_html(state().view.relatives.talk_tips, ctx()))

    @env.macro
    def accessibility_compliance() -> Markup:
        """The accessibility statement's compliance sentence (helt, delvis or inte förenlig).

        Example: {{ accessibility_compliance() }}"""
        statement = state().view.accessibility
        return Markup(render.paragraph_html(ui(f"compliance_{statement.compliance}", _lang(env))))

    @env.macro
    def accessibility_issues() -> Markup:
        """The known accessibility shortcomings, each with its reason.

        Example: {{ accessibility_issues() }}"""
        return Markup(render.known_issues_html(state().view.accessibility, ctx()))

    @env.macro
    def accessibility_outside_law() -> Markup:
        """Content the accessibility law does not cover (9 §) and exemptions claimed (12 §).

        Example: {{ accessibility_outside_law() }}"""
        statement = state().view.accessibility
        items = statement.outside_law + statement.exemptions
        if not items:
            return Markup(render.paragraph_html(ui("nothing_outside_law", _lang(env))))
        return Markup(render.bullet_list_html(items, ctx()))

    @env.macro
    def accessibility_dates() -> Markup:
        """When the site was assessed and the statement last updated.

        Example: {{ accessibility_dates() }}"""
        statement, lang = state().view.accessibility, _lang(env)
        return Markup(render.paragraph_html(ui("accessibility_dates", lang,
                                                 assessed=render.long_date(statement.assessed_on, lang),
                                                 updated=render.long_date(statement.updated_on, lang))))

    def guidance():
        """The staff guidance, or None (with an error naming the page) on the public site."""
        found = state().view.staff_guidance
        if found is None:
            log.error(f"docs/{env.page.file.src_uri}:1: " + say("macro_staff_in_public", macro="staff_guidance",
                                                                 value="staff_guidance.yml"))
        return found

    @env.macro
    def concern_steps() -> Markup:
        """Staff only: the routine from the first worry to the consultation route, as a table.

        Example: {{ concern_steps() }}"""
        found = guidance()
        return Markup(render.concern_steps_html(found, state().view.contacts, ctx())) if found else missing()

    @env.macro
    def partners() -> Markup:
        """Staff only: the cooperation partners and what each is for.

        Example: {{ partners() }}"""
        found = guidance()
        return Markup(render.partners_html(found, ctx())) if found else missing()

    @env.macro
    def documentation_rules() -> Markup:
        """Staff only: the rules for documenting a case.

        Example: {{ documentation_rules() }}"""
        found = guidance()
        return Markup(render.bullet_list_html(found.documentation, ctx())) if found else missing()

    @env.macro
    def consultation() -> Markup:
        """The consultation route for staff: what it is, for whom, and the contact card.

        Example: {{ consultation() }}"""
        route = state().view.municipality.consultation
        if route is None:
            log.error(f"docs/{env.page.file.src_uri}:1: " + say("macro_staff_in_public", macro="consultation",
                                                                 value="municipality.consultation"))
            return missing()
        lang = _lang(env)
        found = lookup("contacts", route.contact, "consultation")
        return Markup(render.paragraph_html(render.text(route.description, lang)) +
                      render.paragraph_html(render.text(route.for_whom, lang)) +
                      (render.contact_html(found, ctx()) if found else ""))

    @env.macro
    def owner_duties() -> Markup:
        """What owning the plan means, as a list.

        Example: {{ owner_duties() }}"""
        return Markup(render.bullet_list_html(state().view.plan.owner.duties, ctx()))

    @env.macro
    def t(value) -> str:
        """A text from data in the page's language (Swedish if there is no translation).

        Example: {{ t(plan.summary) }}"""
        return render.text(value, _lang(env))

    view = state().view
    env.variables["municipality"] = view.municipality
    env.variables["plan"] = view.plan
    env.variables["accessibility"] = view.accessibility
    env.variables["relatives"] = view.relatives
    env.variables["staff_guidance"] = view.staff_guidance
    env.variables["audience"] = state().audience
