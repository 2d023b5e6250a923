"""The staff site: its own pages and internal contacts, never indexed, always marked as internal."""

from __future__ import annotations

import pytest

from tests.support.html import pages, soup

pytestmark = pytest.mark.build
STAFF_PAGES = ["personal/index.html", "personal/vid-oro/index.html", "personal/konsultation/index.html",
               "personal/samverkan/index.html", "personal/utbildning/index.html",
               "personal/metod-och-genus/index.html", "personal/dokumentation/index.html",
               "personal/styrning/index.html"]


@pytest.mark.parametrize("dataset", ["katrineholm", "umea"])
def test_the_staff_pages_are_on_the_staff_site_only(built, dataset):
    out = built(dataset)
    for page in STAFF_PAGES:
        assert (out / "site-staff" / page).exists(), page
        assert not (out / "site" / page).exists(), page
    assert not (out / "site" / "personal").exists()


@pytest.mark.parametrize("dataset", ["katrineholm", "umea"])
def test_every_staff_page_is_noindex_and_visibly_internal(built, dataset):
    for page in pages(built(dataset) / "site-staff"):
        html = soup(page)
        robots = html.select_one('meta[name="robots"]')
        assert robots is not None and "noindex" in robots["content"], page
        assert "Intern information." in html.select_one(".mv-staff-banner").get_text(), page


def test_no_public_page_is_noindex_or_marked_internal(public_site):
    for page in pages(public_site):
        html = soup(page)
        assert html.select_one('meta[name="robots"]') is None and html.select_one(".mv-staff-banner") is None


def test_robots_txt_keeps_crawlers_off_the_staff_site_and_lets_them_onto_the_public_one(built):
    out = built("katrineholm")
    assert "Disallow: /" in (out / "site-staff" / "robots.txt").read_text()
    assert "Allow: /" in (out / "site" / "robots.txt").read_text()


def test_the_routine_is_a_table_of_step_action_and_who_is_responsible(staff_site):
    table = soup(staff_site / "personal/vid-oro/index.html").select_one("table.mv-routine")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Steg", "Vad du gör", "Vem ansvarar"]
    rows = table.select("tbody tr")
    assert len(rows) >= 5
    text = table.get_text(" ")
    assert "orosanmälan" in text and "112" in text


def test_the_staff_site_shows_internal_contacts_and_staff_notes(staff_site):
    html = soup(staff_site / "personal/konsultation/index.html")
    assert "Konsultation med säkerhetschefen för medarbetare" in html.get_text()
    assert "Intern uppgift:" in html.select_one(".mv-staff-note").get_text()


def test_the_consultation_route_follows_the_municipality(built):
    katrineholm = soup(built("katrineholm") / "site-staff/personal/konsultation/index.html").get_text()
    umea = soup(built("umea") / "site-staff/personal/konsultation/index.html").get_text()
    assert "säkerhetschefen" in katrineholm and "konsultationsforum" not in katrineholm.lower()
    assert "Konsultationsforum" in umea and "socialtjänsten, tillsammans med polisen" in umea


def test_the_staff_navigation_comes_first(staff_site):
    first = soup(staff_site / "index.html").select_one(".md-nav--primary .md-nav__list .md-nav__item")
    assert "För personal" in first.get_text()
