"""The macros a page may call, e.g. {{ support_lines("extremism") }}.

The macros' docstrings are in Swedish on purpose: they are the communicators' macro catalogue,
bidra/makron.md, generated from them by `make guides` (each ends with "Exempel:", a line to copy).

A call with an unknown id logs a Swedish error naming the page and line (the strict build then fails)
and leaves a polite placeholder, so one mistake never hides the others.
"""

from __future__ import annotations

import logging
import posixpath
import re

from markupsafe import Markup

from macros.build_state import current, quick_exit_url
from macros.contract.models import CATEGORIES
from macros.guards.audience import source_name
from macros.outputs.pdf import document as pdf
from macros.render import after_hours
from macros.render import render
from macros.render import switchboard
from macros.text import languages
from macros.text.messages import say, ui

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
    return f"{source_name(env.page.file.src_uri)}:{_page_line(env, needle)}"


def escape_output(value):
    """What a page's `{{ … }}` prints: macros return Markup (already escaped, printed as it is); any other
    text, such as `{{ municipality.name }}` or `{{ t(plan.summary) }}`, came from data and is escaped for
    Markdown, so a `<script>` typed into a data file shows as text (autoescape, for a Markdown page)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(render.md_block(value))


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
        if state().hidden.has(kind, id):
            log.error(f"{_where(env, id)}: {say('macro_staff_in_public', macro=macro, value=id)}")
        else:
            log.error(f"{_where(env, id)}: " + say("macro_unknown_id", macro=macro, value=id, kind=_KIND[kind],
                                                   known=", ".join(sorted(view))))
        return None

    def missing() -> Markup:
        return Markup(f'<p class="mv-missing">{ui("missing_data", _lang(env))}</p>\n')

    @env.macro
    def support_line(id: str, level: int = 3) -> Markup:
        """En stödlinje som ett kort: numret som ringlänk, öppettider, för vem, om man kan vara anonym och när
        uppgiften kontrollerades.

        Exempel: {{ support_line("orostelefonen") }}"""
        line = lookup("support_lines", id, "support_line")
        return Markup(render.support_line_html(line, ctx(), level)) if line else missing()

    @env.macro
    def support_lines(category: str | None = None, level: int = 3) -> Markup:
        """Alla stödlinjer, eller en kategori: emergency, extremism, police eller wellbeing. Varje linje får
        ett ankare med sitt id, t.ex. stodlinjer/#bris.

        Exempel: {{ support_lines("wellbeing") }}"""
        if category is not None and category not in CATEGORIES:
            log.error(f'{_where(env, str(category))}: support_lines("{category}"): ' +
                      say("invalid_choice", value=category, choices=", ".join(CATEGORIES)))
            return missing()
        lines = [line for line in state().view.support_lines if category in (None, line.category)]
        if not lines:
            return missing()
        return Markup("\n".join(render.support_line_html(line, ctx(), level, anchor=line.id) for line in lines))

    @env.macro
    def support_line_index() -> Markup:
        """En kort lista med stödlinjernas namn, var och en en länk till sitt kort längre ner på sidan (i
        samma ordning som korten: kategori för kategori). Syns på mobilen, där innehållsförteckningen inte syns.

        Exempel: {{ support_line_index() }}"""
        view = state().view.support_lines
        lines = [line for category in CATEGORIES for line in view if line.category == category]
        return Markup(render._render("line_index.html", lines=lines, ctx=ctx())) if lines else Markup("")

    @env.macro
    def featured_lines(level: int = 3) -> Markup:
        """Stödlinjerna som kommunen valt under featured i support_lines.yml, för startsidan. Bara linjer som
        är kontrollerade i tid och utan öppen fråga visas; nästa i listan tar annars platsen.

        Exempel: {{ featured_lines() }}"""
        lines = state().featured
        return Markup("\n".join(render.support_line_html(line, ctx(), level) for line in lines)) or missing()

    @env.macro
    def has_support_lines(category: str | None = None, featured: bool = False) -> bool:
        """Sant om webbplatsen har någon stödlinje i kategorin (eller, med featured=True, någon linje som
        startsidan visar överst), så att en sida kan hoppa över en rubrik som inte skulle ha något under sig.

        Exempel: {% if has_support_lines("police") %}## Polisen{% endif %}"""
        lines = state().featured if featured else state().view.support_lines
        return any(category in (None, line.category) for line in lines)

    @env.macro
    def sources() -> Markup:
        """Var varje stödlinjes och kontakts uppgifter kommer från: källan, när den kontrollerades och av vem,
        och hela anmärkningen om källan. Korten visar bara en kort rad; den här listan visar resten.

        Exempel: {{ sources() }}"""
        return Markup(render.sources_html(state().view, ctx()))

    @env.macro
    def contact(id: str, level: int = 3) -> Markup:
        """En av kommunens kontakter som ett kort.

        Exempel: {{ contact("kommunens-vaxel") }}"""
        found = lookup("contacts", id, "contact")
        return Markup(render.contact_html(found, ctx(), level)) if found else missing()

    def by_switchboard(contact) -> bool:
        """True for a contact whose number is the switchboard's (reached by asking for it there)."""
        board = {c.id: c for c in state().view.contacts}.get(state().view.municipality.switchboard)
        return bool(board and contact.id != board.id and contact.phone and board.phone
                    and contact.phone.href == board.phone.href)

    @env.macro
    def switchboard_contacts(level: int = 2) -> Markup:
        """Kommunens växel som ett kort och under det, som en lista, kontakterna som nås via växelns nummer
        (socialtjänsten, den som samordnar arbetet): numret visas en gång, och listan säger vem man ska be att
        få prata med. Socialtjänsten får ett eget kort om den har ett eget nummer.

        Exempel: {{ switchboard_contacts(2) }}"""
        municipality = state().view.municipality
        board = lookup("contacts", municipality.switchboard, "switchboard_contacts")
        if not board:
            return missing()
        shown = {c.id: c for c in state().view.contacts}
        others = [shown[i] for i in dict.fromkeys([municipality.social_services, municipality.coordination.contact])
                  if i != board.id and i in shown]
        via = [c for c in others if by_switchboard(c)]
        html = render.contact_html(board, ctx(), level)
        if via:
            html += switchboard.group_html(board, via, ctx())
        for own in others:
            if own not in via and own.id == municipality.social_services:
                html += render.contact_html(own, ctx(), level)
        return Markup(html)

    @env.macro
    def reached_by_switchboard(id: str) -> bool:
        """Sant om kontakten nås via växelns nummer (och då står i listan under växeln i stället för att få
        ett eget kort).

        Exempel: {% if not reached_by_switchboard(municipality.coordination.contact) %}…{% endif %}"""
        contact = {c.id: c for c in state().view.contacts}.get(id)
        return bool(contact and by_switchboard(contact))

    @env.macro
    def contacts(level: int = 3) -> Markup:
        """Alla kontakter som webbplatsen får visa (på personalens webbplats också de interna).

        Exempel: {{ contacts() }}"""
        return Markup("\n".join(render.contact_html(c, ctx(), level, anchor=c.id) for c in state().view.contacts))

    @env.macro
    def plan_facts() -> Markup:
        """Planens uppgifter: vem som antog den, giltighetstid, förvaltare och uppföljning.

        Exempel: {{ plan_facts() }}"""
        return Markup(render.plan_facts_html(state().view.plan, ctx()))

    @env.macro
    def plan_notices() -> Markup:
        """En tydlig notis om planens giltighetstid har gått ut eller uppföljningen är sen. Annars ingenting.

        Exempel: {{ plan_notices() }}"""
        return Markup(render.plan_notices_html(state().view.plan, ctx()))

    @env.macro
    def plan_principles() -> Markup:
        """Planens vägledande principer som en lista (plan.yml › principles). Tom om planen inte har några.

        Exempel: {% if plan.principles %}## Principer{{ plan_principles() }}{% endif %}"""
        return Markup(render.bullet_list_html(state().view.plan.principles, ctx()))

    @env.macro
    def cooperation_list() -> Markup:
        """De som kommunen samverkar med enligt planen, som en lista (municipality.yml › cooperation).

        Exempel: {% if municipality.cooperation %}{{ cooperation_list() }}{% endif %}"""
        return Markup(render.bullet_list_html(state().view.municipality.cooperation, ctx()))

    @env.macro
    def decision_history() -> Markup:
        """Planens beslut som en tabell, äldst först.

        Exempel: {{ decision_history() }}"""
        return Markup(render.decisions_html(state().view.plan, ctx()))

    @env.macro
    def focus_areas(level: int = 2) -> Markup:
        """Alla fokusområden: rubrik (med ankare = id), sammanfattning och text.

        Exempel: {{ focus_areas() }}"""
        return Markup(render.focus_areas_md(state().view.focus_areas, ctx(), level))

    @env.macro
    def focus_area_list(target: str = "") -> Markup:
        """Fokusområdena som en kort lista med länkar. target är sidans adress, tomt för samma sida.

        Exempel: {{ focus_area_list("../handlingsplan/") }}"""
        return Markup(render.focus_area_list_html(state().view.focus_areas, ctx(), target))

    @env.macro
    def relatives_steps() -> Markup:
        """Vad den som är orolig kan göra, som numrerade steg med linjer och kontakter att ringa.

        Exempel: {{ relatives_steps() }}"""
        return Markup(render.steps_html(state().view, ctx()))

    @env.macro
    def warning_signs() -> Markup:
        """Tecken att vara uppmärksam på, alltid följda av påminnelsen att det inte finns någon enskild profil.

        Exempel: {{ warning_signs() }}"""
        return Markup(render.signs_html(state().view.relatives, ctx()))

    @env.macro
    def talk_tips() -> Markup:
        """Råd för samtalet med den man är orolig för.

        Exempel: {{ talk_tips() }}"""
        return Markup(render.bullet_list_html(state().view.relatives.talk_tips, ctx()))

    @env.macro
    def accessibility_compliance() -> Markup:
        """Tillgänglighetsredogörelsens mening om hur webbplatsen uppfyller lagen.

        Exempel: {{ accessibility_compliance() }}"""
        statement = state().view.accessibility
        return Markup(render.paragraph_html(ui(f"compliance_{statement.compliance}", _lang(env))))

    @env.macro
    def accessibility_issues() -> Markup:
        """Kända brister i tillgängligheten, med orsak.

        Exempel: {{ accessibility_issues() }}"""
        return Markup(render.known_issues_html(state().view.accessibility, ctx()))

    @env.macro
    def accessibility_outside_law() -> Markup:
        """Innehåll som lagen inte omfattar (9 §) och undantag som åberopas (12 §).

        Exempel: {{ accessibility_outside_law() }}"""
        statement = state().view.accessibility
        items = statement.outside_law + statement.exemptions
        if not items:
            return Markup(render.paragraph_html(ui("nothing_outside_law", _lang(env))))
        return Markup(render.bullet_list_html(items, ctx()))

    @env.macro
    def accessibility_dates() -> Markup:
        """När webbplatsen granskades och redogörelsen senast uppdaterades.

        Exempel: {{ accessibility_dates() }}"""
        statement, lang = state().view.accessibility, _lang(env)
        return Markup(render.paragraph_html(ui("accessibility_dates", lang,
                                                 assessed=render.long_date(statement.assessed_on, lang),
                                                 updated=render.long_date(statement.updated_on, lang))))

    def guidance():
        """The staff guidance, or None (with an error naming the page) on the public site."""
        found = state().view.staff_guidance
        if found is None:
            log.error(f"{source_name(env.page.file.src_uri)}:1: " + say("macro_staff_in_public", macro="staff_guidance",
                                                                 value="staff_guidance.yml"))
        return found

    @env.macro
    def concern_steps() -> Markup:
        """Bara för personal: rutinen från första oro till konsultation, som en tabell.

        Exempel: {{ concern_steps() }}"""
        found = guidance()
        return Markup(render.concern_steps_html(found, state().view.contacts, ctx())) if found else missing()

    @env.macro
    def partners() -> Markup:
        """Bara för personal: samverkansparterna och vad samverkan med var och en är till för.

        Exempel: {{ partners() }}"""
        found = guidance()
        return Markup(render.partners_html(found, ctx())) if found else missing()

    @env.macro
    def documentation_rules() -> Markup:
        """Bara för personal: reglerna för hur man dokumenterar ett ärende.

        Exempel: {{ documentation_rules() }}"""
        found = guidance()
        return Markup(render.bullet_list_html(found.documentation, ctx())) if found else missing()

    @env.macro
    def consultation() -> Markup:
        """Konsultationsvägen för personal: vad den är, för vem, och kontaktkortet.

        Exempel: {{ consultation() }}"""
        municipality, lang = state().view.municipality, _lang(env)
        route = municipality.consultation
        if route is None:
            if state().hidden.consultation:  # internal, and this is the public site
                log.error(f"{source_name(env.page.file.src_uri)}:1: " + say(
                    "macro_staff_in_public", macro="consultation", value="municipality.consultation"))
                return missing()
            # This municipality describes no consultation route of its own: the coordinator is the way in.
            coordinator = lookup("contacts", municipality.coordination.contact, "consultation")
            return Markup(render.paragraph_html(ui("consultation_none", lang, name=render.text(
                municipality.coordination.name, lang))) +
                (render.contact_html(coordinator, ctx(), heading_level=2) if coordinator else ""))
        found = lookup("contacts", route.contact, "consultation")
        return Markup(render.paragraph_html(render.text(route.description, lang)) +
                      (render.labelled_paragraph_html(ui("for_whom", lang), render.text(route.for_whom, lang))
                       if route.for_whom else "") +
                      (render.contact_html(found, ctx(), heading_level=2) if found else ""))  # under the h1

    @env.macro
    def follow_up_status() -> Markup:
        """När planen senast följdes upp och när nästa uppföljning ska vara gjord (eller skulle ha varit det).

        Exempel: {{ follow_up_status() }}"""
        plan, lang = state().view.plan, _lang(env)
        parts = []
        if plan.follow_up.last_done:
            parts.append(ui("follow_up_last", lang, date=render.long_date(plan.follow_up.last_done, lang)))
        key = "follow_up_was_due" if plan.is_follow_up_overdue(state().today) else "follow_up_next"
        parts.append(ui(key, lang, date=render.long_date(plan.follow_up_due(), lang)))
        return Markup(render.paragraph_html(" ".join(parts)))

    @env.macro
    def owner_duties() -> Markup:
        """Vad förvaltarskapet av planen innebär, som en lista.

        Exempel: {{ owner_duties() }}"""
        return Markup(render.bullet_list_html(state().view.plan.owner.duties, ctx()))

    @env.macro
    def pdf_link() -> Markup:
        """Länken till planen som PDF, med filens storlek: den publika utgåvan på den publika webbplatsen och
        personalens utgåva på personalens. Engelska sidor länkar till den svenska PDF:en.

        Exempel: {{ pdf_link() }}"""
        return Markup(pdf.link_html(env.page.url, _lang(env), state().audience, env.conf.get("site_url")))

    @env.macro
    def easy_read_contact() -> Markup:
        """Så når man kommunen, på lättläst svenska: en kort mening och en ringlänk till växeln.

        Exempel: {{ easy_read_contact() }}"""
        found = lookup("contacts", state().view.municipality.switchboard, "easy_read_contact")
        return Markup(render.easy_contact_html(found, ctx())) if found else missing()

    @env.macro
    def after_hours_help() -> Markup:
        """Vem den som är orolig kan ringa på kvällen, natten och helgen när ingen är i fara: kommunens
        kontakter och stödlinjerna om extremism eller till polisen som har öppet då (enligt öppettiderna i
        data), en länk till Stödlinjer och sist 112, bara för fara.

        Exempel: {{ after_hours_help() }}"""
        lang = _lang(env)
        target = "stodlinjer" if lang == languages.DEFAULT else f"{lang}/stodlinjer"
        relative = posixpath.relpath(target, env.page.url.rstrip("/") or ".") + "/"
        return Markup(after_hours.after_hours_html(after_hours.reachable_after_hours(state().view), ctx(), relative))

    @env.macro
    def open_data_table() -> Markup:
        """Filerna med öppna data som en tabell med länkar. Fungerar från alla sidor, också de engelska.

        Exempel: {{ open_data_table() }}"""
        relative = posixpath.relpath("oppna-data", env.page.url.rstrip("/") or ".")  # the page's own folder
        return Markup(render.open_data_table_html("" if relative == "." else relative + "/", ctx()))

    @env.macro
    def license_link() -> Markup:
        """Licensen för öppna data som en länk med licensens namn (municipality.yml › open_data_license).

        Exempel: Licens: {{ license_link() }}."""
        url = state().view.municipality.open_data_license
        return Markup(render.link_html(url, render.license_name(url)))

    @env.macro
    def quick_exit_shows() -> str:
        """Vad knappen Lämna sidan snabbt byter sidan mot, som det står i mkdocs.yml (extra › quick_exit ›
        shows). Sidan bör bara nämna knappen när quick_exit.enabled är sant.

        Exempel: {% if quick_exit.enabled %}Knappen byter sidan mot {{ quick_exit_shows() }}.{% endif %}"""
        shows = (env.conf["extra"].get("quick_exit") or {}).get("shows") or {}
        return shows.get(_lang(env)) or shows.get("sv") or ui("quick_exit_shows_default", _lang(env))

    @env.macro
    def t(value) -> Markup:
        """En text ur data på sidans språk (svenska om det inte finns någon översättning; den märks då som
        svenska, så att en skärmläsare läser den rätt).

        Exempel: {{ t(plan.summary) }}"""
        return render.md_local(value, _lang(env))

    view = state().view
    env.variables["municipality"] = view.municipality
    env.variables["plan"] = view.plan
    env.variables["accessibility"] = view.accessibility
    env.variables["relatives"] = view.relatives
    env.variables["staff_guidance"] = view.staff_guidance
    env.variables["audience"] = state().audience
    env.variables["quick_exit"] = {"enabled": bool(quick_exit_url(env.conf["extra"]))}
