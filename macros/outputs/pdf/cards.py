"""The cards on pages that the PDF reuses, made for paper from their records.

A page's support line and contact cards (render.support_line_html, render.contact_html) show everything the
site knows. On paper each line and contact is shown in full once, in its chapter's table, so a card in the
steps for relatives or on a staff page keeps what one acts on (its name, number, hours and ways to reach it)
and points to that full entry, with its page number. The card's heading stays as the page has it (its id is
the page's); the rest is rendered anew from the record by templates/pdf/card.html.

The cards are found with the HTML parser, never by pattern: a card is a <section> whose class names its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from macros.contract.models import Contact, SiteData, SupportLine
from macros.render import render
from macros.render.render import RenderContext

# Where a card's full entry is: the site page the PDF chapter of support lines or contacts stands for.
FULL_ENTRY = {"line": "stodlinjer/", "contact": "kontakta-kommunen/"}
_KINDS = {"mv-card--line": "line", "mv-card--contact": "contact"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Card:
    """Where one card is in a page's HTML: from its <section> tag, the end of its heading, its </section>."""

    kind: str
    start: int
    body: int
    end: int
    title: str


class _Cards(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self._line_starts = [0]
        self._line_starts += [n + 1 for n, char in enumerate(html) if char == "\n"]
        self.found: list[Card] = []
        self._open: dict | None = None     # the card being read: kind, start, body, title parts, depth
        self._depth = 0                    # <section> depth inside the card

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        card = self._open
        if tag == "section" and card is None:
            kinds = [_KINDS[c] for c in (dict(attrs).get("class") or "").split() if c in _KINDS]
            if kinds:
                self._open = {"kind": kinds[0], "start": self._offset(), "body": None, "title": None}
                self._depth = 0
                return
        if card is None:
            return
        if tag == "section":
            self._depth += 1
        elif tag in _HEADINGS and card["title"] is None and card["body"] is None:
            card["title"] = []

    def handle_endtag(self, tag):
        card = self._open
        if card is None:
            return
        if tag in _HEADINGS and card["body"] is None and card["title"] is not None:
            card["body"] = self.html.index(">", self._offset()) + 1
        elif tag == "section" and self._depth:
            self._depth -= 1
        elif tag == "section":
            if card["body"] is not None:
                title = " ".join("".join(card["title"]).split())
                self.found.append(Card(card["kind"], card["start"], card["body"], self._offset(), title))
            self._open = None

    def handle_data(self, data):
        card = self._open
        if card is not None and card["title"] is not None and card["body"] is None:
            card["title"].append(data)


def find_cards(html: str) -> list[Card]:
    """Every card with a heading in a page's HTML, in the order of the page."""
    parser = _Cards(html)
    parser.feed(html)
    parser.close()
    return parser.found


def _name(record: SupportLine | Contact, lang: str) -> str:
    return " ".join(render.text(record.name, lang).split())


def _for_paper(content: str, page_url: str, cards: list[tuple[Card, SupportLine | Contact]],
               ctx: RenderContext) -> str:
    """The page's HTML with each of these cards' bodies rendered for paper; headings and the rest unchanged."""
    depth = "../" * page_url.count("/")
    out, at = [], 0
    for card, record in cards:
        more = f"{depth}{FULL_ENTRY[card.kind]}#{record.id}"
        out += [content[at:card.body], "\n", render.paper_card_html(record, ctx, more)]
        at = card.end
    return "".join(out) + content[at:]


def step_cards(content: str, page_url: str, view: SiteData, ctx: RenderContext) -> str:
    """The cards in the steps for relatives, for paper. They are matched to the records the steps name, in
    order and by name; a page whose cards do not match (changed by hand) is left as it is, every fact shown."""
    lines = {line.id: line for line in view.support_lines}
    contacts = {contact.id: contact for contact in view.contacts}
    expected = []
    for step in render.shown_steps(view, ctx.staff):
        expected += [("line", lines.get(i)) for i in step.lines]
        expected += [("contact", contacts.get(i)) for i in step.contacts]
    cards = find_cards(content)
    if len(cards) != len(expected) or any(record is None or card.kind != kind or card.title != _name(record, ctx.lang)
                                          for card, (kind, record) in zip(cards, expected)):
        return content
    return _for_paper(content, page_url, [(card, record) for card, (_, record) in zip(cards, expected)], ctx)


def cards_as_references(content: str, page_url: str, view: SiteData, ctx: RenderContext) -> str:
    """A staff page's cards, for paper. A card whose title names no record is left as it is."""
    by_name = {("line", _name(r, ctx.lang)): r for r in view.support_lines}
    by_name |= {("contact", _name(r, ctx.lang)): r for r in view.contacts}
    found = [(card, by_name.get((card.kind, card.title))) for card in find_cards(content)]
    return _for_paper(content, page_url, [(card, record) for card, record in found if record is not None], ctx)
