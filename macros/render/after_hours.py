"""Who a worried person can call in the evening, at night or at the weekend when nobody is in danger.

"Är någon i fara just nu, på kvällen, natten eller helgen? Ring 112." was read by some as if 112 were for any
worry after office hours. The page now names, from the data, the municipal contacts and the support lines
about extremism or for the police that are open then (a social emergency service, Polisen 114 14), and keeps
112 for danger (macros/render/page_macros.py › after_hours_help)."""

from __future__ import annotations

from datetime import time

from macros.contract.models import Hours
from macros.render.render import render_template, hours_text

EVENING = time(18, 0)
WEEKEND = {"sat", "sun"}
CATEGORIES = ("extremism", "police")   # the lines about this worry; the others are on the support-lines page


def open_after_hours(hours: Hours | None) -> bool:
    """True if the hours include an evening, a night or a weekend day."""
    if hours is None:
        return False
    if hours.always:
        return True
    return any(WEEKEND & set(period.days) or period.closes <= period.opens or period.closes > EVENING
               for period in hours.periods)


def reachable_after_hours(view) -> list:
    """The public municipal contacts and the support lines about this worry that answer the phone after
    office hours, contacts first."""
    contacts = [c for c in view.contacts if c.phone and open_after_hours(c.hours)]
    lines = [line for line in view.support_lines
             if line.category in CATEGORIES and line.phone and open_after_hours(line.hours)]
    return contacts + lines


def after_hours_html(records: list, ctx, lines_page: str) -> str:
    return render_template("after_hours.html", records=records, ctx=ctx, lines_page=lines_page,
                           hours={r.id: hours_text(r.hours, ctx.lang) for r in records})
