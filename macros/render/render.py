"""Pure functions from models to page fragments. Python gathers; the Jinja templates in templates/ hold markup.

Everything that came from data is escaped: HTML through Jinja's autoescape, Markdown headings through
`md_text`. Fragments that carry headings are Markdown (so headings get anchors, a table of contents entry
and a PDF bookmark); the rest is HTML inside `markdown` blocks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from macros.contract.fields import Text
from macros.render.finished_html import finished
from macros.text.languages import DEFAULT, language
from macros.text.messages import ui
from macros.contract.models import (DAYS, Accessibility, Contact, FocusArea, Hours, Plan, Reachable, Relatives, SiteData,
                     StaffGuidance, Step, SupportLine)

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class RenderContext:
    lang: str = "sv"
    audience: str = "public"
    today: date = field(default_factory=date.today)
    max_age_months: int = 12

    @property
    def staff(self) -> bool:
        return self.audience == "staff"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters["t"] = lambda value, lang: text_html(value, lang)
    env.filters["ltr"] = lambda value, lang: ltr_html(value, lang)
    env.filters["long_date"] = lambda value, lang: long_date(value, lang)
    env.filters["host"] = lambda value: host(value)
    env.filters["lower_first"] = lambda value: value[:1].lower() + value[1:]
    env.filters["paragraph"] = lambda value: paragraph_sign(value)
    env.filters["finished"] = finished
    return env


TEMPLATES_ENV = _environment()


def render_template(template: str, **values) -> str:
    return TEMPLATES_ENV.get_template(template).render(ui=ui, **values).strip() + "\n"


# --- Small formatting helpers (tested one by one) ----------------------------------------------------------

def text(value: Text | str | None, lang: str = "sv") -> str:
    if value is None:
        return ""
    if isinstance(value, Text):
        return value.get_text(lang)
    return str(value)


def is_fallback(value: Text | str | None, lang: str) -> bool:
    """True when a page in `lang` shows this value's Swedish text: no translation, or a plain string
    (names of Swedish bodies). The page must then mark it lang="sv" (WCAG 3.1.2)."""
    return lang != DEFAULT and value is not None and not (isinstance(value, Text) and value.get(lang))


def text_html(value: Text | str | None, lang: str = "sv") -> Markup:
    """Escaped text for HTML, in a <span lang="sv"> where a page in another language falls back to Swedish."""
    shown = escape(_no_lone_sign(text(value, lang)))
    return Markup(f'<span {_swedish(lang)}>%s</span>') % shown if is_fallback(value, lang) else shown


def _swedish(lang: str) -> str:
    """The attributes of Swedish text inside a page in `lang`: its language, and its direction where the
    page runs the other way (Swedish in an Arabic page keeps its full stop at the end)."""
    if language(lang).direction != language(DEFAULT).direction:
        return f'lang="{DEFAULT}" dir="{language(DEFAULT).direction}"'
    return f'lang="{DEFAULT}"'


def ltr_html(value: str, lang: str) -> Markup:
    """A phone number (or other run of digits) that reads left to right, kept so inside a right-to-left page,
    where 08-465 004 00 would otherwise show its groups in reverse order."""
    shown = escape(value)
    return Markup('<bdi dir="ltr">%s</bdi>') % shown if language(lang).direction == "rtl" else shown


def md_local(value: Text | str | None, lang: str = "sv") -> Markup:
    """Text from data for Markdown (escaped as md_block), marked lang="sv" where it falls back to Swedish.
    One-line text gets a span; text with paragraphs or lists a block, so Markdown still works inside."""
    raw = _no_lone_sign(text(value, lang))
    if "\n" not in raw.strip():
        shown = md_text(raw)
        return Markup(f'<span {_swedish(lang)}>%s</span>' % shown) if is_fallback(value, lang) else shown
    shown = md_block(raw)
    if is_fallback(value, lang):
        return Markup(f'<div {_swedish(lang)} markdown="block">\n\n{shown}\n\n</div>')
    return Markup(shown)


def md_block(value: str) -> str:
    """Escape a Markdown body from data: keep paragraphs, lists and emphasis; show any HTML as text.

    `{` is escaped too, so that text cannot smuggle attributes in through attr_list (`{: onclick=…}`).
    """
    return html.escape(str(value), quote=False).replace("{", "&#123;")


def md_text(value: str) -> Markup:
    """Escape text from data for one Markdown line, such as a heading."""
    return Markup(md_block(" ".join(str(value).split())))


def _no_lone_sign(value: str) -> str:
    """§ 5 -> § and 5 joined by a no-break space, so that a line never ends with a lone §."""
    return value.replace("§ ", "§\u00a0")


def paragraph_sign(value: str) -> str:
    return _no_lone_sign(" ".join(str(value).split()))


def validity_text(plan: Plan, lang: str = "sv") -> str:
    """The plan's validity in words: "18 januari 2016–30 juni 2020", "Från 5 juni 2018, tills vidare"."""
    start, end = plan.valid_from, plan.valid_until
    if start and end:
        return f"{long_date(start, lang)}–{long_date(end, lang)}"
    if start:
        return ui("valid_from_open", lang, date=long_date(start, lang))
    if end:
        return ui("valid_until_only", lang, date=long_date(end, lang))
    return ui("valid_open", lang)


# Licences a municipality is likely to choose for open data, by the address of their deed.
LICENSES = {
    "creativecommons.org/publicdomain/zero/1.0": "CC0 1.0",
    "creativecommons.org/licenses/by/4.0": "CC BY 4.0",
    "creativecommons.org/licenses/by-sa/4.0": "CC BY-SA 4.0",
}


def license_name(url: str) -> str:
    """https://creativecommons.org/publicdomain/zero/1.0/ -> CC0 1.0; an unknown licence shows its address."""
    parts = urlsplit(url)
    key = f"{(parts.hostname or '').removeprefix('www.')}{parts.path}".rstrip("/")
    return LICENSES.get(key, host(url) + parts.path.rstrip("/"))


def link_html(url: str, label: str) -> str:
    return f'<a href="{escape(url)}">{escape(label)}</a>'


def host(url: str) -> str:
    """www.raddabarnen.se/… -> raddabarnen.se, for short link texts and source credits."""
    name = urlsplit(url).hostname or url
    return name.removeprefix("www.")


def long_date(value: date, lang: str = "sv") -> str:
    months = ui("months", lang).split(",")
    return f"{value.day} {months[value.month - 1]} {value.year}"


def is_stale(record: Reachable, ctx: RenderContext) -> bool:
    """In doubt: checked longer ago than the configured limit, or with an open question (check_note). Its
    card then says plainly that it may be out of date. An undated source is not stale by itself (it is listed
    by `make freshness`), and 112 never carries the notice."""
    if getattr(record, "category", None) == "emergency":
        return False
    return record.is_old(ctx.today, ctx.max_age_months) or record.check_note is not None


def _clock(value, lang: str) -> str:
    return value.strftime("%H:%M").replace(":", ui("time_sep", lang))


def _day_span(days: list[str], lang: str) -> str:
    order = sorted(set(days), key=DAYS.index)
    if len(order) == 7:
        return ui("every_day", lang)
    if order == list(DAYS[:5]):
        return ui("weekdays", lang)
    names = ui("days", lang).split(",")
    indexes = [DAYS.index(d) for d in order]
    if indexes == list(range(indexes[0], indexes[-1] + 1)) and len(indexes) > 2:
        span = f"{names[indexes[0]]}–{names[indexes[-1]]}"
    else:
        span = ", ".join(names[i] for i in indexes)
    return span[:1].upper() + span[1:]


def hours_text(hours: Hours | None, lang: str = "sv") -> str:
    """Opening hours as one or two plain sentences: "Vardagar kl. 09.00–12.00. Stängt på helgdagar." """
    if hours is None:
        return ui("hours_unknown", lang)
    parts = []
    if hours.always:
        parts.append(ui("always", lang))
    prefix = ui("clock_prefix", lang)
    for period in hours.periods:
        parts.append(f"{_day_span(period.days, lang)} {prefix}{_clock(period.opens, lang)}–"
                     f"{_clock(period.closes, lang)}.")
    if hours.closed_on_public_holidays:
        parts.append(ui("closed_holidays", lang))
    if hours.note is not None:
        parts.append(text(hours.note, lang))
    return " ".join(parts)


def is_free(line: SupportLine) -> bool:
    """Free if the data says so, or if the number is a Swedish freephone (020) number."""
    if line.free_of_charge is not None:
        return line.free_of_charge
    return bool(line.phone and line.phone.e164 and line.phone.e164.startswith("+4620"))


# --- Fragments ---------------------------------------------------------------------------------------------

def hours_label(hours: Hours | None) -> str:
    """The label of a card's hours row: "Öppet", unless the row holds no times at all, only a note such as
    "Kontaktvägar finns på Exits webbplats.", or none are known ("Se organisationens webbplats."): then
    "Så når du dem"."""
    if hours is None or (not hours.always and not hours.periods and hours.note is not None
                         and not re.search(r"\d", text(hours.note, "sv"))):
        return "hours_elsewhere"
    return "hours"


def _line_values(line: SupportLine, ctx: RenderContext) -> dict:
    return {"kind": "line", "body": "support_line_body.html", "line": line, "ctx": ctx,
            "hours": hours_text(line.hours, ctx.lang), "hours_label": hours_label(line.hours), "free": is_free(line),
            "stale": is_stale(line, ctx)}


def _contact_values(contact: Contact, ctx: RenderContext) -> dict:
    return {"kind": "contact", "body": "contact_body.html", "contact": contact, "ctx": ctx,
            "hours": hours_text(contact.hours, ctx.lang) if contact.hours else None,
            "hours_label": hours_label(contact.hours), "stale": is_stale(contact, ctx)}


def support_line_html(line: SupportLine, ctx: RenderContext, heading_level: int = 3, anchor: str | None = None,
                      html_heading: bool = False) -> str:
    """A support line card. Its heading is Markdown (anchor, TOC entry) unless html_heading is set, for
    templates that are not run through Markdown."""
    return render_template("card.html", **_line_values(line, ctx), level=heading_level, anchor=anchor,
                   html_heading=html_heading, paper=False, title=md_local(line.name, ctx.lang))


def contact_html(contact: Contact, ctx: RenderContext, heading_level: int = 3, anchor: str | None = None,
                 html_heading: bool = False) -> str:
    return render_template("card.html", **_contact_values(contact, ctx), level=heading_level, anchor=anchor,
                   html_heading=html_heading, paper=False, title=md_local(contact.name, ctx.lang))


def paper_card_html(record: SupportLine | Contact, ctx: RenderContext, more: str) -> str:
    """A card's body, under its heading, on a page the PDF reuses: what one acts on, and a link (`more`) to
    the record's full entry in the PDF (macros/outputs/pdf/cards.py)."""
    values = _line_values(record, ctx) if isinstance(record, SupportLine) else _contact_values(record, ctx)
    return render_template("pdf/card.html", **values, paper=True, more=more)


def emergency_html(line: SupportLine | None, lang: str = "sv") -> str:
    return render_template("emergency.html", line=line, lang=lang)


def plan_facts_html(plan: Plan, ctx: RenderContext) -> str:
    return render_template("plan_facts.html", plan=plan, ctx=ctx, validity=validity_text(plan, ctx.lang))


def decisions_html(plan: Plan, ctx: RenderContext) -> str:
    return render_template("decisions.html", plan=plan, ctx=ctx)


def plan_notices_html(plan: Plan, ctx: RenderContext) -> str:
    notices = []
    if plan.is_expired(ctx.today):
        notices.append(ui("plan_expired", ctx.lang, date=long_date(plan.valid_until, ctx.lang)))
    if plan.is_follow_up_overdue(ctx.today):
        notices.append(ui("followup_overdue", ctx.lang, date=long_date(plan.follow_up_due(), ctx.lang)))
    return render_template("notices.html", notices=notices) if notices else ""


def focus_areas_md(areas: list[FocusArea], ctx: RenderContext, heading_level: int = 2) -> str:
    hashes = "#" * heading_level
    blocks = []
    for area in areas:
        blocks.append(f"{hashes} {md_local(area.title, ctx.lang)} {{#{area.id}}}\n\n"
                      f"**{md_local(area.summary, ctx.lang)}**\n\n{md_local(area.body, ctx.lang)}\n")
    return "\n".join(blocks)


def focus_area_list_html(areas: list[FocusArea], ctx: RenderContext, target: str = "") -> str:
    return render_template("focus_list.html", areas=areas, ctx=ctx, target=target)


def shown_steps(site: SiteData, staff: bool) -> list[Step]:
    """The steps for relatives an edition shows: all of them on the staff site, the public ones elsewhere."""
    return [step for step in site.relatives.steps if staff or step.is_public]


def steps_html(site: SiteData, ctx: RenderContext) -> str:
    steps = shown_steps(site, ctx.staff)
    lines = {line.id: line for line in site.support_lines}
    contacts = {c.id: c for c in site.contacts}
    rendered = []
    for number, step in enumerate(steps, 1):
        inner = [support_line_html(lines[i], ctx, heading_level=4) for i in step.lines]
        inner += [contact_html(contacts[i], ctx, heading_level=4) for i in step.contacts]
        rendered.append(render_template("step.html", step=step, number=number, ctx=ctx,
                                        title=md_local(step.title, ctx.lang), inner=Markup("\n".join(inner))))
    return "\n".join(rendered)


def sources_html(site: SiteData, ctx: RenderContext) -> str:
    """The sources list: every support line and contact this site shows, with its full source note."""
    return render_template("sources.html", records=[*site.support_lines, *site.contacts], ctx=ctx,
                           stale=lambda record: is_stale(record, ctx))


def bullet_list_html(items: list[Text], ctx: RenderContext, css: str = "") -> str:
    return render_template("bullets.html", items=items, ctx=ctx, css=css)


def signs_html(relatives: Relatives, ctx: RenderContext) -> str:
    return render_template("signs.html", signs=relatives.signs, caveat=relatives.signs_caveat, ctx=ctx)


def paragraph_html(value: str) -> str:
    return render_template("paragraph.html", value=value)


def labelled_paragraph_html(label: str, value: str) -> str:
    """A paragraph that starts with a bold label: "För vem: …"."""
    return render_template("paragraph.html", value=value, label=label)


def known_issues_html(statement: Accessibility, ctx: RenderContext) -> str:
    return render_template("known_issues.html", issues=statement.known_issues, ctx=ctx)


def concern_steps_html(guidance: StaffGuidance, contacts: list[Contact], ctx: RenderContext) -> str:
    by_id = {c.id: c for c in contacts}
    contacts_for = {step.id: [by_id[i] for i in step.contacts] for step in guidance.concern_steps}
    return render_template("concern_steps.html", steps=guidance.concern_steps, contacts_for=contacts_for, ctx=ctx,
                           caption=ui("routine_caption", ctx.lang))


def partners_html(guidance: StaffGuidance, ctx: RenderContext) -> str:
    return render_template("partners.html", partners=guidance.partners, ctx=ctx)


def easy_contact_html(contact: Contact, ctx: RenderContext) -> str:
    return render_template("easy_contact.html", contact=contact, ctx=ctx)


def open_data_table_html(folder: str, ctx: RenderContext) -> str:
    return render_template("open_data_table.html", folder=folder, ctx=ctx)
