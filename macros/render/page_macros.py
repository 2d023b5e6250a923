"""The macros a page may call, e.g. {{ support_lines("extremism") }}.

Each macro is a function of this module, listed in MACROS; `register` hands them to mkdocs-macros. A macro
takes what the page passes in its call and, as the keyword `page`, the page it is called from (its
language and address, and the build's state): registration fills that in, so a page never writes it.

The macros' docstrings are in Swedish on purpose: they are the communicators' macro catalogue,
bidra/makron.md, generated from them by `make guides` (each ends with "Exempel:", a line to copy).

A call with an unknown id logs a Swedish error naming the page and line (the strict build then fails)
and leaves a polite placeholder, so one mistake never hides the others.
"""

from __future__ import annotations

import inspect
import posixpath
import re
import types
from typing import Callable

from markupsafe import Markup

from macros.build_state import BuildState, of, quick_exit_url
from macros.contract.models import CATEGORIES
from macros.guards.audience import source_name
from macros.outputs.pdf import document as pdf
from macros.problems import Problem, report
from macros.render import after_hours
from macros.render import render
from macros.render import switchboard
from macros.render.render import RenderContext
from macros.text import languages
from macros.text.messages import ui

_KIND = {"support_lines": "stödlinje", "contacts": "kontakt", "focus_areas": "fokusområde"}


class Page:
    """What a macro knows of where it is called: the page being rendered (mkdocs-macros' env), its
    language, and the build's state."""

    def __init__(self, env):
        self.env = env

    @property
    def state(self) -> BuildState:
        """The build's state: the macros' one way to it."""
        return of(self.env.conf)

    @property
    def lang(self) -> str:
        return self.env.conf["theme"].get("language") or "sv"

    @property
    def ctx(self) -> RenderContext:
        return self.state.ctx(self.lang)

    @property
    def url(self) -> str:
        return self.env.page.url

    @property
    def site_url(self) -> str | None:
        return self.env.conf.get("site_url")

    @property
    def extra(self) -> dict:
        return self.env.conf["extra"]

    @property
    def source(self) -> str:
        """The page's file as the communicator knows it: docs/… or personal/…."""
        return source_name(self.env.page.file.src_uri)

    def _line(self, needle: str) -> int:
        try:
            text = open(self.env.page.file.abs_src_path, encoding="utf-8").read()
        except (AttributeError, OSError, TypeError):
            return 1
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(rf"""["']{re.escape(needle)}["']""", line):
                return number
        return 1

    def report(self, code: str, needle: str | None = None, **values) -> None:
        """A problem on this page, at the first line that quotes `needle` (the first line without one)."""
        report(Problem(code, self.source, self._line(needle) if needle is not None else 1, values))

    def lookup(self, kind: str, id: str, macro: str):
        """The record of this kind with this id, or None with an error naming the page and line."""
        view = {r.id: r for r in getattr(self.state.view, kind)}
        if id in view:
            return view[id]
        if self.state.hidden.has(kind, id):
            self.report("macro_staff_in_public", id, macro=macro, value=id)
        else:
            self.report("macro_unknown_id", id, macro=macro, value=id, kind=_KIND[kind], known=", ".join(sorted(view)))
        return None

    def missing(self) -> Markup:
        return Markup(f'<p class="mv-missing">{ui("missing_data", self.lang)}</p>\n')

    def guidance(self):
        """The staff guidance, or None (with an error naming the page) on the public site."""
        found = self.state.view.staff_guidance
        if found is None:
            self.report("macro_staff_in_public", macro="staff_guidance", value="staff_guidance.yml")
        return found


def _by_switchboard(view, contact) -> bool:
    """True for a contact whose number is the switchboard's (reached by asking for it there)."""
    board = {c.id: c for c in view.contacts}.get(view.municipality.switchboard)
    return bool(board and contact.id != board.id and contact.phone and board.phone
                and contact.phone.href == board.phone.href)


def escape_output(value):
    """What a page's `{{ … }}` prints: macros return Markup (already escaped, printed as it is); any other
    text, such as `{{ municipality.name }}` or `{{ t(plan.summary) }}`, came from data and is escaped for
    Markdown, so a `<script>` typed into a data file shows as text (autoescape, for a Markdown page)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(render.md_block(value))


# --- The macros (listed in MACROS below; the catalogue sorts them by name) ----------------------------------

def support_line(id: str, level: int = 3, *, page: Page) -> Markup:
    """En stödlinje som ett kort: numret som ringlänk, öppettider, för vem, om man kan vara anonym och när
    uppgiften kontrollerades.

    Exempel: {{ support_line("orostelefonen") }}"""
    line = page.lookup("support_lines", id, "support_line")
    return Markup(render.support_line_html(line, page.ctx, level)) if line else page.missing()


def support_lines(category: str | None = None, level: int = 3, *, page: Page) -> Markup:
    """Alla stödlinjer, eller en kategori: emergency, extremism, police eller wellbeing. Varje linje får
    ett ankare med sitt id, t.ex. stodlinjer/#bris.

    Exempel: {{ support_lines("wellbeing") }}"""
    if category is not None and category not in CATEGORIES:
        page.report("macro_invalid_category", str(category), category=str(category), value=category,
                    choices=", ".join(CATEGORIES))
        return page.missing()
    lines = [line for line in page.state.view.support_lines if category in (None, line.category)]
    if not lines:
        return page.missing()
    return Markup("\n".join(render.support_line_html(line, page.ctx, level, anchor=line.id) for line in lines))


def support_line_index(*, page: Page) -> Markup:
    """En kort lista med stödlinjernas namn, var och en en länk till sitt kort längre ner på sidan (i
    samma ordning som korten: kategori för kategori). Syns på mobilen, där innehållsförteckningen inte syns.

    Exempel: {{ support_line_index() }}"""
    view = page.state.view.support_lines
    lines = [line for category in CATEGORIES for line in view if line.category == category]
    return Markup(render.render_template("line_index.html", lines=lines, ctx=page.ctx)) if lines else Markup("")


def featured_lines(level: int = 3, *, page: Page) -> Markup:
    """Stödlinjerna som kommunen valt under featured i support_lines.yml, för startsidan. Bara linjer som
    är kontrollerade i tid och utan öppen fråga visas; nästa i listan tar annars platsen.

    Exempel: {{ featured_lines() }}"""
    lines = page.state.featured
    return Markup("\n".join(render.support_line_html(line, page.ctx, level) for line in lines)) or page.missing()


def has_support_lines(category: str | None = None, featured: bool = False, *, page: Page) -> bool:
    """Sant om webbplatsen har någon stödlinje i kategorin (eller, med featured=True, någon linje som
    startsidan visar överst), så att en sida kan hoppa över en rubrik som inte skulle ha något under sig.

    Exempel: {% if has_support_lines("police") %}## Polisen{% endif %}"""
    lines = page.state.featured if featured else page.state.view.support_lines
    return any(category in (None, line.category) for line in lines)


def sources(*, page: Page) -> Markup:
    """Var varje stödlinjes och kontakts uppgifter kommer från: källan, när den kontrollerades och av vem,
    och hela anmärkningen om källan. Korten visar bara en kort rad; den här listan visar resten.

    Exempel: {{ sources() }}"""
    return Markup(render.sources_html(page.state.view, page.ctx))


def contact(id: str, level: int = 3, *, page: Page) -> Markup:
    """En av kommunens kontakter som ett kort.

    Exempel: {{ contact("kommunens-vaxel") }}"""
    found = page.lookup("contacts", id, "contact")
    return Markup(render.contact_html(found, page.ctx, level)) if found else page.missing()


def switchboard_contacts(level: int = 2, *, page: Page) -> Markup:
    """Kommunens växel som ett kort och under det, som en lista, kontakterna som nås via växelns nummer
    (socialtjänsten, den som samordnar arbetet): numret visas en gång, och listan säger vem man ska be att
    få prata med. Socialtjänsten får ett eget kort om den har ett eget nummer.

    Exempel: {{ switchboard_contacts(2) }}"""
    municipality = page.state.view.municipality
    board = page.lookup("contacts", municipality.switchboard, "switchboard_contacts")
    if not board:
        return page.missing()
    shown = {c.id: c for c in page.state.view.contacts}
    others = [shown[i] for i in dict.fromkeys([municipality.social_services, municipality.coordination.contact])
              if i != board.id and i in shown]
    via = [c for c in others if _by_switchboard(page.state.view, c)]
    html = render.contact_html(board, page.ctx, level)
    if via:
        html += switchboard.group_html(board, via, page.ctx)
    for own in others:
        if own not in via and own.id == municipality.social_services:
            html += render.contact_html(own, page.ctx, level)
    return Markup(html)


def reached_by_switchboard(id: str, *, page: Page) -> bool:
    """Sant om kontakten nås via växelns nummer (och då står i listan under växeln i stället för att få
    ett eget kort).

    Exempel: {% if not reached_by_switchboard(municipality.coordination.contact) %}…{% endif %}"""
    contact = {c.id: c for c in page.state.view.contacts}.get(id)
    return bool(contact and _by_switchboard(page.state.view, contact))


def contacts(level: int = 3, *, page: Page) -> Markup:
    """Alla kontakter som webbplatsen får visa (på personalens webbplats också de interna).

    Exempel: {{ contacts() }}"""
    return Markup("\n".join(render.contact_html(c, page.ctx, level, anchor=c.id) for c in page.state.view.contacts))


def plan_facts(*, page: Page) -> Markup:
    """Planens uppgifter: vem som antog den, giltighetstid, förvaltare och uppföljning.

    Exempel: {{ plan_facts() }}"""
    return Markup(render.plan_facts_html(page.state.view.plan, page.ctx))


def plan_notices(*, page: Page) -> Markup:
    """En tydlig notis om planens giltighetstid har gått ut eller uppföljningen är sen. Annars ingenting.

    Exempel: {{ plan_notices() }}"""
    return Markup(render.plan_notices_html(page.state.view.plan, page.ctx))


def plan_principles(*, page: Page) -> Markup:
    """Planens vägledande principer som en lista (plan.yml › principles). Tom om planen inte har några.

    Exempel: {% if plan.principles %}## Principer{{ plan_principles() }}{% endif %}"""
    return Markup(render.bullet_list_html(page.state.view.plan.principles, page.ctx))


def cooperation_list(*, page: Page) -> Markup:
    """De som kommunen samverkar med enligt planen, som en lista (municipality.yml › cooperation).

    Exempel: {% if municipality.cooperation %}{{ cooperation_list() }}{% endif %}"""
    return Markup(render.bullet_list_html(page.state.view.municipality.cooperation, page.ctx))


def decision_history(*, page: Page) -> Markup:
    """Planens beslut som en tabell, äldst först.

    Exempel: {{ decision_history() }}"""
    return Markup(render.decisions_html(page.state.view.plan, page.ctx))


def focus_areas(level: int = 2, *, page: Page) -> Markup:
    """Alla fokusområden: rubrik (med ankare = id), sammanfattning och text.

    Exempel: {{ focus_areas() }}"""
    return Markup(render.focus_areas_md(page.state.view.focus_areas, page.ctx, level))


def focus_area_list(target: str = "", *, page: Page) -> Markup:
    """Fokusområdena som en kort lista med länkar. target är sidans adress, tomt för samma sida.

    Exempel: {{ focus_area_list("../handlingsplan/") }}"""
    return Markup(render.focus_area_list_html(page.state.view.focus_areas, page.ctx, target))


def relatives_steps(*, page: Page) -> Markup:
    """Vad den som är orolig kan göra, som numrerade steg med linjer och kontakter att ringa.

    Exempel: {{ relatives_steps() }}"""
    return Markup(render.steps_html(page.state.view, page.ctx))


def warning_signs(*, page: Page) -> Markup:
    """Tecken att vara uppmärksam på, alltid följda av påminnelsen att det inte finns någon enskild profil.

    Exempel: {{ warning_signs() }}"""
    return Markup(render.signs_html(page.state.view.relatives, page.ctx))


def talk_tips(*, page: Page) -> Markup:
    """Råd för samtalet med den man är orolig för.

    Exempel: {{ talk_tips() }}"""
    return Markup(render.bullet_list_html(page.state.view.relatives.talk_tips, page.ctx))


def accessibility_compliance(*, page: Page) -> Markup:
    """Tillgänglighetsredogörelsens mening om hur webbplatsen uppfyller lagen.

    Exempel: {{ accessibility_compliance() }}"""
    statement = page.state.view.accessibility
    return Markup(render.paragraph_html(ui(f"compliance_{statement.compliance}", page.lang)))


def accessibility_issues(*, page: Page) -> Markup:
    """Kända brister i tillgängligheten, med orsak.

    Exempel: {{ accessibility_issues() }}"""
    return Markup(render.known_issues_html(page.state.view.accessibility, page.ctx))


def accessibility_outside_law(*, page: Page) -> Markup:
    """Innehåll som lagen inte omfattar (9 §) och undantag som åberopas (12 §).

    Exempel: {{ accessibility_outside_law() }}"""
    statement = page.state.view.accessibility
    items = statement.outside_law + statement.exemptions
    if not items:
        return Markup(render.paragraph_html(ui("nothing_outside_law", page.lang)))
    return Markup(render.bullet_list_html(items, page.ctx))


def accessibility_dates(*, page: Page) -> Markup:
    """När webbplatsen granskades och redogörelsen senast uppdaterades.

    Exempel: {{ accessibility_dates() }}"""
    statement, lang = page.state.view.accessibility, page.lang
    return Markup(render.paragraph_html(ui("accessibility_dates", lang,
                                             assessed=render.long_date(statement.assessed_on, lang),
                                             updated=render.long_date(statement.updated_on, lang))))


def concern_steps(*, page: Page) -> Markup:
    """Bara för personal: rutinen från första oro till konsultation, som en tabell.

    Exempel: {{ concern_steps() }}"""
    found = page.guidance()
    return Markup(render.concern_steps_html(found, page.state.view.contacts, page.ctx)) if found else page.missing()


def partners(*, page: Page) -> Markup:
    """Bara för personal: samverkansparterna och vad samverkan med var och en är till för.

    Exempel: {{ partners() }}"""
    found = page.guidance()
    return Markup(render.partners_html(found, page.ctx)) if found else page.missing()


def documentation_rules(*, page: Page) -> Markup:
    """Bara för personal: reglerna för hur man dokumenterar ett ärende.

    Exempel: {{ documentation_rules() }}"""
    found = page.guidance()
    return Markup(render.bullet_list_html(found.documentation, page.ctx)) if found else page.missing()


def consultation(*, page: Page) -> Markup:
    """Konsultationsvägen för personal: vad den är, för vem, och kontaktkortet.

    Exempel: {{ consultation() }}"""
    municipality, lang = page.state.view.municipality, page.lang
    route = municipality.consultation
    if route is None:
        if page.state.hidden.consultation:  # internal, and this is the public site
            page.report("macro_staff_in_public", macro="consultation", value="municipality.consultation")
            return page.missing()
        # This municipality describes no consultation route of its own: the coordinator is the way in.
        coordinator = page.lookup("contacts", municipality.coordination.contact, "consultation")
        return Markup(render.paragraph_html(ui("consultation_none", lang, name=render.text(
            municipality.coordination.name, lang))) +
            (render.contact_html(coordinator, page.ctx, heading_level=2) if coordinator else ""))
    found = page.lookup("contacts", route.contact, "consultation")
    return Markup(render.paragraph_html(render.text(route.description, lang)) +
                  (render.labelled_paragraph_html(ui("for_whom", lang), render.text(route.for_whom, lang))
                   if route.for_whom else "") +
                  (render.contact_html(found, page.ctx, heading_level=2) if found else ""))  # under the h1


def follow_up_status(*, page: Page) -> Markup:
    """När planen senast följdes upp och när nästa uppföljning ska vara gjord (eller skulle ha varit det).

    Exempel: {{ follow_up_status() }}"""
    plan, lang = page.state.view.plan, page.lang
    parts = []
    if plan.follow_up.last_done:
        parts.append(ui("follow_up_last", lang, date=render.long_date(plan.follow_up.last_done, lang)))
    key = "follow_up_was_due" if plan.is_follow_up_overdue(page.state.today) else "follow_up_next"
    parts.append(ui(key, lang, date=render.long_date(plan.follow_up_due(), lang)))
    return Markup(render.paragraph_html(" ".join(parts)))


def owner_duties(*, page: Page) -> Markup:
    """Vad förvaltarskapet av planen innebär, som en lista.

    Exempel: {{ owner_duties() }}"""
    return Markup(render.bullet_list_html(page.state.view.plan.owner.duties, page.ctx))


def pdf_link(*, page: Page) -> Markup:
    """Länken till planen som PDF, med filens storlek: den publika utgåvan på den publika webbplatsen och
    personalens utgåva på personalens. Engelska sidor länkar till den svenska PDF:en.

    Exempel: {{ pdf_link() }}"""
    return Markup(pdf.link_html(page.url, page.lang, page.state.audience, page.site_url, made=not page.state.preview))


def easy_read_contact(*, page: Page) -> Markup:
    """Så når man kommunen, på lättläst svenska: en kort mening och en ringlänk till växeln.

    Exempel: {{ easy_read_contact() }}"""
    found = page.lookup("contacts", page.state.view.municipality.switchboard, "easy_read_contact")
    return Markup(render.easy_contact_html(found, page.ctx)) if found else page.missing()


def after_hours_help(*, page: Page) -> Markup:
    """Vem den som är orolig kan ringa på kvällen, natten och helgen när ingen är i fara: kommunens
    kontakter och stödlinjerna om extremism eller till polisen som har öppet då (enligt öppettiderna i
    data), en länk till Stödlinjer och sist 112, bara för fara.

    Exempel: {{ after_hours_help() }}"""
    lang = page.lang
    target = "stodlinjer" if lang == languages.DEFAULT else f"{lang}/stodlinjer"
    relative = posixpath.relpath(target, page.url.rstrip("/") or ".") + "/"
    return Markup(after_hours.after_hours_html(after_hours.reachable_after_hours(page.state.view), page.ctx, relative))


def open_data_table(*, page: Page) -> Markup:
    """Filerna med öppna data som en tabell med länkar. Fungerar från alla sidor, också de engelska.

    Exempel: {{ open_data_table() }}"""
    relative = posixpath.relpath("oppna-data", page.url.rstrip("/") or ".")  # the page's own folder
    return Markup(render.open_data_table_html("" if relative == "." else relative + "/", page.ctx))


def license_link(*, page: Page) -> Markup:
    """Licensen för öppna data som en länk med licensens namn (municipality.yml › open_data_license).

    Exempel: Licens: {{ license_link() }}."""
    url = page.state.view.municipality.open_data_license
    return Markup(render.link_html(url, render.license_name(url)))


def quick_exit_shows(*, page: Page) -> str:
    """Vad knappen Lämna sidan snabbt byter sidan mot, som det står i mkdocs.yml (extra › quick_exit ›
    shows). Sidan bör bara nämna knappen när quick_exit.enabled är sant.

    Exempel: {% if quick_exit.enabled %}Knappen byter sidan mot {{ quick_exit_shows() }}.{% endif %}"""
    shows = page.state.settings.quick_exit.shows
    return shows.get(page.lang) or shows.get("sv") or ui("quick_exit_shows_default", page.lang)


def t(value, *, page: Page) -> Markup:
    """En text ur data på sidans språk (svenska om det inte finns någon översättning; den märks då som
    svenska, så att en skärmläsare läser den rätt).

    Exempel: {{ t(plan.summary) }}"""
    return render.md_local(value, page.lang)



# --- Registration ------------------------------------------------------------------------------------------

MACROS: list[Callable] = [
    support_line, support_lines, support_line_index, featured_lines, has_support_lines, sources, contact,
    switchboard_contacts, reached_by_switchboard, contacts, plan_facts, plan_notices, plan_principles,
    cooperation_list, decision_history, focus_areas, focus_area_list, relatives_steps, warning_signs, talk_tips,
    accessibility_compliance, accessibility_issues, accessibility_outside_law, accessibility_dates,
    concern_steps, partners, documentation_rules, consultation, follow_up_status, owner_duties, pdf_link,
    easy_read_contact, after_hours_help, open_data_table, license_link, quick_exit_shows, t,
]


def signature(macro: Callable) -> inspect.Signature:
    """How a page calls the macro: its parameters without `page`, which registration fills in."""
    shown = [p for p in inspect.signature(macro).parameters.values() if p.name != "page"]
    return inspect.Signature(shown)


def signatures() -> dict[str, inspect.Signature]:
    """Every registered macro's name and the parameters a page may pass it."""
    return {macro.__name__: signature(macro) for macro in MACROS}


def _on(macro: Callable, page: Page) -> Callable:
    """The macro as pages call it: a copy whose `page` defaults to this page. A copy rather than a wrapper,
    so that a wrong call gets Python's own words about the page's values (the build translates them)."""
    bound = types.FunctionType(macro.__code__, macro.__globals__, macro.__name__, macro.__defaults__,
                               macro.__closure__)
    bound.__kwdefaults__ = {**(macro.__kwdefaults__ or {}), "page": page}
    bound.__doc__ = macro.__doc__
    return bound


def register(env) -> None:
    """Register every page macro and variable with mkdocs-macros."""
    page = Page(env)
    for macro in MACROS:
        env.macro(_on(macro, page), macro.__name__)
    view = page.state.view
    env.variables["municipality"] = view.municipality
    env.variables["plan"] = view.plan
    env.variables["accessibility"] = view.accessibility
    env.variables["relatives"] = view.relatives
    env.variables["staff_guidance"] = view.staff_guidance
    env.variables["audience"] = page.state.audience
    env.variables["quick_exit"] = {"enabled": bool(quick_exit_url(page.state.settings))}
