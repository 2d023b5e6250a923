"""Katrineholm's public site as built: what every page must have, and what no page may have."""

from __future__ import annotations

import re

import pytest

from macros.load import load_site_data
from tests.conftest import TODAY
from tests.support.html import main_text, pages, soup, swedish_pages
from tests.support.project import ROOT

pytestmark = pytest.mark.build
DATA = load_site_data(ROOT / "data", today=TODAY)
# <link rel=…> values that name a URL without the browser fetching it.
REFERENCES_NOT_LOADS = {"canonical", "alternate", "prev", "next"}
PUBLIC_PAGES = ["index.html", "stod-till-anhoriga/index.html", "stodlinjer/index.html",
                "kontakta-kommunen/index.html", "handlingsplan/index.html", "tillganglighet/index.html",
                "om-webbplatsen/index.html"]


def test_the_site_has_every_public_page(public_site):
    for page in PUBLIC_PAGES:
        assert (public_site / page).exists(), page


def test_every_page_offers_112_as_a_call_link(public_site):
    for page in pages(public_site):
        links = soup(page).select('a[href="tel:112"]')
        assert links and "112" in links[0].get_text(), page


def test_every_public_number_is_a_call_link_in_e164_or_as_a_short_number(public_site):
    hrefs = {a["href"] for page in pages(public_site) for a in soup(page).select('a[href^="tel:"]')}
    for record in DATA.support_lines + DATA.contacts:
        if record.is_public and record.phone:
            assert record.phone.href in hrefs, f"{record.id}: {record.phone.display}"
            assert re.fullmatch(r"tel:(\+46\d{6,12}|\d{3,6})", record.phone.href)


def test_each_call_link_shows_the_number_as_written(public_site):
    page = soup(public_site / "stodlinjer/index.html")
    for line in DATA.support_lines:
        if line.is_public and line.phone:
            link = page.select_one(f'a.mv-call[href="{line.phone.href}"]')
            assert link is not None and line.phone.display in link.get_text(), line.id


def test_every_page_is_in_its_language_and_has_a_description(public_site):
    for page in pages(public_site):
        html = soup(page)
        assert html.html["lang"] == ("sv" if page in swedish_pages(public_site) else "en"), page
        description = html.select_one('meta[name="description"]')
        assert description and len(description["content"]) > 40, page


def test_every_page_says_when_it_was_last_reviewed_and_links_the_accessibility_statement(public_site):
    for page in pages(public_site):
        swedish = page in swedish_pages(public_site)
        statement = (public_site / ("" if swedish else "en") / "tillganglighet").resolve()
        html = soup(page)
        reviewed = "Sidan granskades senast" if swedish else "This page was last reviewed on"
        assert reviewed in html.select_one(".mv-reviewed").get_text(), page
        label = "Tillgänglighet" if swedish else "Accessibility"
        link = next(a for a in html.select("footer a") if a.get_text(strip=True) == label)
        assert (page.parent / link["href"]).resolve() == statement, page


def test_no_english_is_left_in_the_swedish_interface(public_site):
    english = ["Made with", "Skip to content", "Table of contents", "Back to top", "Previous", "Next",
               "Initializing search", "Type to start searching", "Search"]
    for page in swedish_pages(public_site):
        html = page.read_text("utf-8")
        text = soup(page).get_text(" ")
        for phrase in english:
            assert phrase not in text and f'aria-label="{phrase}"' not in html and f'placeholder="{phrase}"' not in html, \
                f"{phrase!r} in {page}"


def test_no_page_refers_to_another_host_for_anything_it_loads(public_site):
    for page in pages(public_site):
        html = soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in html.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and set(element.get("rel") or []) & REFERENCES_NOT_LOADS:
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{page}: <{tag} {attribute}={value}>"
    for css in public_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text("utf-8") and "@import url(http" not in css.read_text("utf-8")


def test_the_expired_plan_shows_a_notice(public_site):
    notice = soup(public_site / "handlingsplan/index.html").select_one(".mv-notice")
    assert notice is not None
    assert "Planens giltighetstid gick ut 30 juni 2020." in notice.get_text()
    assert "Planen skulle ha följts upp senast 18 december 2020." in notice.get_text()


def test_the_plan_page_lists_every_focus_area_and_the_decision_history(public_site):
    text = main_text(public_site / "handlingsplan/index.html")
    for area in DATA.focus_areas:
        assert str(area.title) in text
    assert "Genusperspektiv" in text
    assert "Kommunstyrelsen, §\u00a0212" in text and "18 december 2019" in text


def test_the_relatives_page_shows_the_signs_with_the_no_single_profile_caveat(public_site):
    html = soup(public_site / "stod-till-anhoriga/index.html")
    assert len(html.select(".mv-signs li")) == len(DATA.relatives.signs)
    assert "Det finns ingen enskild profil." in html.select_one(".mv-caveat").get_text()


def test_each_support_line_says_how_old_its_details_are(public_site):
    html = soup(public_site / "stodlinjer/index.html")
    cards = html.select(".mv-card--line")
    assert len(cards) == len([line for line in DATA.support_lines if line.is_public])
    for card in cards:
        source = card.select_one(".mv-card__source").get_text()
        assert "uppgifterna är från" in source or "visar inget datum" in source


def test_the_footer_is_swedish_and_names_the_municipality(public_site):
    footer = soup(public_site / "index.html").select_one("footer")
    assert "Katrineholms kommun." in footer.get_text()
    assert "Material for MkDocs" not in footer.get_text()


def test_staff_only_records_are_not_on_the_public_site(public_site):
    staff = [c for c in DATA.contacts if not c.is_public]
    assert staff, "the data should have at least one staff-only record"
    for page in pages(public_site):
        text = page.read_text("utf-8")
        for record in staff:
            assert str(record.name) not in text and record.id not in text, page
