"""The cards on pages the PDF reuses: found by the HTML parser, their bodies rendered anew from the records."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from macros.contract.models import Contact, SupportLine
from macros.outputs.pdf.cards import cards_as_references, find_cards
from macros.render.render import RenderContext

TODAY = date(2026, 11, 22)
CTX = RenderContext(today=TODAY, audience="staff")
LINE = SupportLine.model_validate(
    {"id": "testlinjen", "name": "Testlinjen", "organisation": "Org", "category": "extremism",
     "phone": "020-100 200", "hours": {"always": True}, "for_whom": "Alla", "anonymous": True,
     "source": "https://www.example.se/a", "verified": date(2026, 5, 1)}, context={"today": TODAY})
CONTACT = Contact.model_validate(
    {"id": "vaxeln", "name": "Växeln", "role": "Kommunens växel.", "phone": "0150-570 00",
     "source": "https://www.example.se/b", "verified": date(2026, 5, 1)}, context={"today": TODAY})
VIEW = SimpleNamespace(support_lines=[LINE], contacts=[CONTACT])

PAGE = """<h1 id="rutin">Rutin</h1>
<section class="mv-step">
<section class="mv-card mv-card--line">
<h4 id="testlinjen">Testlinjen</h4>
<p>What the page said, <em>edited by hand</em>.</p>
</section>
</section>
<section class="mv-card mv-card--contact"><h3 id="vaxeln">V&auml;xeln</h3><p>Old</p></section>
<section class="mv-card mv-card--contact"><h3 id="annan">Någon annan</h3><p>Kept as it is</p></section>
"""


def test_every_card_is_found_with_its_kind_title_and_the_end_of_its_heading():
    found = find_cards(PAGE)
    assert [(card.kind, card.title) for card in found] == [
        ("line", "Testlinjen"), ("contact", "Växeln"), ("contact", "Någon annan")]
    assert [PAGE[card.start:card.body].splitlines()[-1] for card in found] == [
        '<h4 id="testlinjen">Testlinjen</h4>', '<section class="mv-card mv-card--contact"><h3 id="vaxeln">V&auml;xeln</h3>',
        '<section class="mv-card mv-card--contact"><h3 id="annan">Någon annan</h3>']
    assert all(PAGE[card.end:].startswith("</section>") for card in found)


def test_a_card_on_paper_is_rendered_from_its_record_and_points_to_its_full_entry():
    paper = cards_as_references(PAGE, "personal/vid-oro/", VIEW, CTX)
    assert "edited by hand" not in paper and "<p>Old</p>" not in paper
    assert '<h4 id="testlinjen">Testlinjen</h4>\n<p class="mv-card__org">Org</p>' in paper
    assert "Ring 020-100 200" in paper and "Ring 0150-570 00" in paper
    assert "För vem" not in paper and "Anonymt" not in paper and "mv-card__source" not in paper
    assert '<a href="../../stodlinjer/#testlinjen">Mer om linjen</a>' in paper
    assert '<a href="../../kontakta-kommunen/#vaxeln">Mer om kontakten</a>' in paper
    assert "<p>Kept as it is</p>" in paper    # a card that names no record is left as the page has it
    assert paper.startswith('<h1 id="rutin">Rutin</h1>\n<section class="mv-step">')
