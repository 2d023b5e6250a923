"""Contacts reached through the municipality's switchboard: one number, and whom to ask for.

Katrineholm's and Umeå's social services and coordinators have the switchboard's number. Shown as cards,
one page had three big call buttons with the same number; now the switchboard's card has the number and a
list under it says whom to ask for (macros/render/page_macros.py › switchboard_contacts)."""

from __future__ import annotations

from macros.render.render import render_template  # the card templates' environment, with its escaping and filters


def group_html(board, contacts, ctx) -> str:
    """The list under the switchboard's card of the contacts reached through it."""
    return render_template("switchboard_group.html", board=board, contacts=contacts, ctx=ctx)
