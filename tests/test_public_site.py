"""Each dataset's public site as built: what every page must have, and what no page may have.

Every test runs for every dataset in DATASETS (tests/conftest.py); the few about Katrineholm's own plan say so."""

from __future__ import annotations

import re

import pytest

from macros.render import render
from tests.support.html import main_text, pages, soup, swedish_pages

pytestmark = pytest.mark.build
# <link rel=…> values that name a URL without the browser fetching it.
REFERENCES_NOT_LOADS = {"canonical", "alternate", "prev", "next"}
PUBLIC_PAGES = ["index.html", "stod-till-anhoriga/index.html", "stodlinjer/index.html",
                "kontakta-kommunen/index.html", "handlingsplan/index.html", "tillganglighet/index.html",
                "om-webbplatsen/index.html"]


def test_the_site_has_every_public_page(dataset_site):
    for page in PUBLIC_PAGES:
        assert (dataset_site / page).exists(), page


def test_every_page_offers_112_as_a_call_link(dataset_site):
    for page in pages(dataset_site):
        links = soup(page).select('a[href="tel:112"]')
        assert links and "112" in links[0].get_text(), page


def test_every_public_number_is_a_call_link_in_e164_or_as_a_short_number(dataset_site, dataset_data):
    hrefs = {a["href"] for page in pages(dataset_site) for a in soup(page).select('a[href^="tel:"]')}
    for record in dataset_data.support_lines + dataset_data.contacts:
        if record.is_public and record.phone:
            assert record.phone.href in hrefs, f"{record.id}: {record.phone.display}"
            assert re.fullmatch(r"tel:(\+46\d{6,12}|\d{3,6})", record.phone.href)


def test_each_call_link_shows_the_number_as_written(dataset_site, dataset_data):
    page = soup(dataset_site / "stodlinjer/index.html")
    for line in dataset_data.support_lines:
        if line.is_public and line.phone:
            link = page.select_one(f'a.mv-call[href="{line.phone.href}"]')
            assert link is not None and line.phone.display in link.get_text(), line.id


def test_every_page_is_in_its_language_and_has_a_description(dataset_site):
    for page in pages(dataset_site):
        html = soup(page)
        assert html.html["lang"] == ("sv" if page in swedish_pages(dataset_site) else "en"), page
        description = html.select_one('meta[name="description"]')
        assert description and len(description["content"]) > 40, page


def test_every_page_says_when_it_was_last_reviewed_and_links_the_accessibility_statement(dataset_site):
    for page in pages(dataset_site):
        swedish = page in swedish_pages(dataset_site)
        statement = (dataset_site / ("" if swedish else "en") / "tillganglighet").resolve()
        html = soup(page)
        reviewed = "Sidan granskades senast" if swedish else "This page was last reviewed on"
        assert reviewed in html.select_one(".mv-reviewed").get_text(), page
        label = "Tillgänglighet" if swedish else "Accessibility"
        link = next(a for a in html.select("footer a") if a.get_text(strip=True) == label)
        assert (page.parent / link["href"]).resolve() == statement, page


def test_no_english_is_left_in_the_swedish_interface(dataset_site):
    english = ["Made with", "Skip to content", "Table of contents", "Back to top", "Previous", "Next",
               "Initializing search", "Type to start searching", "Search"]
    for page in swedish_pages(dataset_site):
        html = page.read_text("utf-8")
        text = soup(page).get_text(" ")
        for phrase in english:
            assert phrase not in text and f'aria-label="{phrase}"' not in html and f'placeholder="{phrase}"' not in html, \
                f"{phrase!r} in {page}"


def test_no_page_refers_to_another_host_for_anything_it_loads(dataset_site):
    for page in pages(dataset_site):
        html = soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in html.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and set(element.get("rel") or []) & REFERENCES_NOT_LOADS:
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{page}: <{tag} {attribute}={value}>"
    for css in dataset_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text("utf-8") and "@import url(http" not in css.read_text("utf-8")


def test_the_expired_plan_shows_a_notice(public_site):
    """Katrineholm only: its plan's own dates (valid until 30 June 2020, follow-up due 18 December 2020)."""
    notice = soup(public_site / "handlingsplan/index.html").select_one(".mv-notice")
    assert notice is not None
    assert "Planens giltighetstid gick ut 30 juni 2020." in notice.get_text()
    assert "Planen skulle ha följts upp senast 18 december 2020." in notice.get_text()


def test_the_plan_page_lists_every_focus_area_and_every_decision(dataset_site, dataset_data):
    page = dataset_site / "handlingsplan/index.html"
    text = main_text(page)
    for area in dataset_data.focus_areas:
        assert str(area.title) in text
    rows = [" ".join(row.get_text(" ").split()) for row in soup(page).select("table.mv-decisions tbody tr")]
    assert len(rows) == len(dataset_data.plan.decisions)
    for decision in dataset_data.plan.decisions:
        assert any(render.long_date(decision.date) in row and render.text(decision.body) in row
                   and " ".join(render.text(decision.text).split()) in row for row in rows), decision.date


def test_the_plan_page_shows_katrineholms_gender_perspective_and_paragraph(public_site):
    """Katrineholm only: its plan's gender perspective and the paragraph of its decision of 18 December 2019."""
    text = main_text(public_site / "handlingsplan/index.html")
    assert "Genusperspektiv" in text
    assert "Kommunstyrelsen, §\u00a0212" in text and "18 december 2019" in text


def test_the_relatives_page_shows_the_signs_with_the_no_single_profile_caveat(dataset_site, dataset_data):
    html = soup(dataset_site / "stod-till-anhoriga/index.html")
    assert len(html.select(".mv-signs li")) == len(dataset_data.relatives.signs)
    caveat = " ".join(html.select_one(".mv-caveat").get_text().split())
    assert " ".join(render.text(dataset_data.relatives.signs_caveat).split()) in caveat


def test_each_support_line_says_how_old_its_details_are(dataset_site, dataset_data):
    html = soup(dataset_site / "stodlinjer/index.html")
    cards = html.select(".mv-card--line")
    assert len(cards) == len([line for line in dataset_data.support_lines if line.is_public])
    for card in cards:
        source = card.select_one(".mv-card__source").get_text()
        assert source.startswith(("Kontrollerad ", "Källan visar inget datum")) and " · " in source, source


def test_the_footer_is_swedish_and_names_the_municipality(dataset_site, dataset_data):
    footer = soup(dataset_site / "index.html").select_one("footer")
    assert f"{dataset_data.municipality.name}." in footer.get_text()
    assert "Ansvarig för innehållet" in footer.get_text()
    assert "Material for MkDocs" not in footer.get_text()


def test_staff_only_records_are_not_on_the_public_site(dataset_site, dataset_data):
    staff = [r for r in dataset_data.contacts + dataset_data.support_lines if not r.is_public]
    if not staff:
        pytest.skip("this dataset has no staff-only contact or support line")
    for page in pages(dataset_site):
        text = page.read_text("utf-8")
        for record in staff:
            # An id as markup uses it (id="…", #…, /…/): Umeå's "konsultationsforum" is also a word of public prose.
            as_identifier = re.compile(rf'["#/]{re.escape(record.id)}["/]')
            assert str(record.name) not in text and not as_identifier.search(text), (page, record.id)
