"""Rendering: exact output for small inputs, and everything from data escaped."""

from __future__ import annotations

from datetime import date

import pytest

from macros.contract.models import Contact, FocusArea, Hours, SupportLine
from macros.render.render import (RenderContext, contact_html, focus_areas_md, hours_text, is_free, long_date, md_text,
                           support_line_html)

TODAY = date(2026, 11, 22)
CTX = RenderContext(today=TODAY)


def line(**changes) -> SupportLine:
    values = {"id": "test", "name": "Testlinjen", "organisation": "Org", "category": "extremism",
              "phone": "020-100 200", "hours": {"always": True}, "for_whom": "Alla",
              "source": "https://www.example.se/a", "verified": date(2026, 5, 1), **changes}
    return SupportLine.model_validate(values, context={"today": TODAY})


def test_a_support_line_renders_as_this_exact_card():
    assert support_line_html(line(anonymous=True), CTX) == """\
<section class="mv-card mv-card--line" markdown="block">

### Testlinjen

<!-- motverka:finished-html -->
<p class="mv-card__org">Org</p>
<p class="mv-card__call"><a class="mv-call" href="tel:+4620100200">Ring 020-100 200</a></p>
<dl class="mv-facts">
<dt>Öppet</dt>
<dd>Dygnet runt, alla dagar.</dd>
<dt>För vem</dt>
<dd>Alla</dd>
<dt>Anonymt</dt>
<dd>Ja, du behöver inte säga vem du är.</dd>
<dt>Kostnad</dt>
<dd>Gratis att ringa.</dd>
</dl>
<p class="mv-card__source">Kontrollerad 1 maj 2026 · <a href="https://www.example.se/a">example.se</a></p>
<!-- /motverka:finished-html -->

</section>
"""


def test_a_script_typed_into_a_name_shows_as_text():
    html = support_line_html(line(name="<script>alert(1)</script>", organisation="A & <b>B</b>"), CTX)
    assert "<script>" not in html and "<b>" not in html
    assert "### &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<p class="mv-card__org">A &amp; &lt;b&gt;B&lt;/b&gt;</p>' in html


def test_text_cannot_smuggle_attributes_into_a_heading():
    assert md_text('Namn {: onclick="alert(1)" }') == 'Namn &#123;: onclick="alert(1)" }'


def test_a_focus_area_is_a_heading_with_a_stable_anchor_and_escaped_text():
    area = FocusArea.model_validate({"id": "samverkan", "title": "Samverkan <i>", "summary": "Kort.",
                                     "body": "Text med <script>x</script>.\n\n{: onclick=x}"})
    assert focus_areas_md([area], CTX) == (
        "## Samverkan &lt;i&gt; {#samverkan}\n\n**Kort.**\n\n"
        "Text med &lt;script&gt;x&lt;/script&gt;.\n\n&#123;: onclick=x}\n")


def test_a_staff_note_shows_only_on_the_staff_site():
    contact = Contact.model_validate({"id": "k", "name": "K", "role": "Hjälper till.", "phone": "0150-570 00",
                                      "source": "https://www.example.se/", "verified": "odaterad",
                                      "staff_note": "Bara för personal."}, context={"today": TODAY})
    assert "Bara för personal." not in contact_html(contact, CTX)
    staff = contact_html(contact, RenderContext(today=TODAY, audience="staff"))
    assert '<p class="mv-staff-note"><strong>Intern uppgift:</strong> Bara för personal.</p>' in staff


def test_a_card_carries_one_short_line_of_provenance():
    assert '<p class="mv-card__source">Kontrollerad 1 maj 2026 · <a href="https://www.example.se/a">example.se</a></p>' \
        in support_line_html(line(), CTX)
    assert '<p class="mv-card__source">Källan visar inget datum · <a href="https://www.example.se/a">example.se</a></p>' \
        in support_line_html(line(verified="odaterad"), CTX)


NOTICE = '<p class="mv-notice mv-notice--stale" role="note"><strong>Uppgiften kan vara inaktuell.</strong> ' \
         'Kontrollera hos <a href="https://www.example.se/a">example.se</a>.</p>'


def test_an_old_fact_shows_a_visible_notice_before_its_number():
    old = support_line_html(line(verified=date(2024, 1, 1)), CTX)
    assert NOTICE in old and old.index(NOTICE) < old.index("mv-card__call")
    assert "Kontrollerad 1 januari 2024" in old


def test_a_fact_with_an_open_question_shows_the_notice_even_when_recent():
    assert NOTICE in support_line_html(line(check_note="Kontrollera öppettiderna."), CTX)
    assert "Kontrollera öppettiderna" not in support_line_html(line(check_note="Kontrollera öppettiderna."), CTX)


def test_a_recent_or_undated_fact_and_112_show_no_notice():
    assert "mv-notice" not in support_line_html(line(), CTX)
    assert "mv-notice" not in support_line_html(line(verified="odaterad"), CTX)
    assert "mv-notice" not in support_line_html(
        line(category="emergency", phone="112", verified=date(2020, 1, 1), check_note="x"), CTX)


@pytest.mark.parametrize("hours, sv, en", [
    ({"always": True}, "Dygnet runt, alla dagar.", "Day and night, every day."),
    ({"periods": [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00", "closes": "15:00"}],
      "closed_on_public_holidays": True},
     "Vardagar kl. 09.00–15.00. Stängt på helgdagar.", "Weekdays 09:00–15:00. Closed on public holidays."),
    ({"periods": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "opens": "21:00", "closes": "06:00"}]},
     "Alla dagar kl. 21.00–06.00.", "Every day 21:00–06:00."),
    ({"periods": [{"days": ["tue", "wed", "thu"], "opens": "10:00", "closes": "12:30"}]},
     "Tis–tor kl. 10.00–12.30.", "Tue–Thu 10:00–12:30."),
    ({"periods": [{"days": ["mon", "thu"], "opens": "08:00", "closes": "09:00"}]},
     "Mån, tor kl. 08.00–09.00.", "Mon, Thu 08:00–09:00."),
    ({"note": "Se webbplatsen."}, "Se webbplatsen.", "Se webbplatsen."),
])
def test_opening_hours_read_as_a_sentence(hours, sv, en):
    model = Hours.model_validate(hours)
    assert hours_text(model, "sv") == sv
    assert hours_text(model, "en") == en


def test_dates_are_written_out_in_the_page_language():
    assert long_date(date(2022, 11, 9), "sv") == "9 november 2022"
    assert long_date(date(2022, 11, 9), "en") == "9 November 2022"


def test_a_freephone_number_is_free_unless_the_data_says_otherwise():
    assert is_free(line(phone="020-50 50 50"))
    assert not is_free(line(phone="08-527 44 290"))
    assert not is_free(line(phone="020-50 50 50", free_of_charge=False))
