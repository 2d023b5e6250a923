"""The staff site: its own pages and internal contacts, never indexed, always marked as internal.

Every test runs for every dataset in DATASETS (tests/conftest.py), except those about one municipality's own
routine and consultation route, which say so."""

from __future__ import annotations

import re

import pytest

from macros.render import render
from tests.support.html import main_text, pages, soup

pytestmark = pytest.mark.build
# The staff start page (docs/personal/index.md) is the staff site's root: tests/test_staff_start.py.
STAFF_PAGES = ["personal/vid-oro/index.html", "personal/konsultation/index.html",
               "personal/samverkan/index.html", "personal/utbildning/index.html",
               "personal/metod-och-genus/index.html", "personal/dokumentation/index.html",
               "personal/styrning/index.html"]


def normal(text: str) -> str:
    """Whitespace as one space, none before a full stop ("Ring 112" is a link: get_text(" ") spaces it)."""
    return re.sub(r" ([.,;:])", r"\1", " ".join(text.split()))


def test_the_staff_pages_are_on_the_staff_site_only(built, dataset):
    out = built(dataset)
    for page in STAFF_PAGES:
        assert (out / "site-staff" / page).exists(), page
        assert not (out / "site" / page).exists(), page
    assert not (out / "site" / "personal").exists()


def test_every_staff_page_is_noindex_and_visibly_internal(dataset_staff_site):
    for page in pages(dataset_staff_site):
        html = soup(page)
        robots = html.select_one('meta[name="robots"]')
        assert robots is not None and "noindex" in robots["content"], page
        assert "Intern information." in html.select_one(".mv-staff-banner").get_text(), page


def test_no_public_page_is_noindex_or_marked_internal(dataset_site):
    for page in pages(dataset_site):
        html = soup(page)
        assert html.select_one('meta[name="robots"]') is None and html.select_one(".mv-staff-banner") is None


def test_robots_txt_keeps_crawlers_off_the_staff_site_and_lets_them_onto_the_public_one(built, dataset):
    out = built(dataset)
    assert "Disallow: /" in (out / "site-staff" / "robots.txt").read_text()
    assert "Allow: /" in (out / "site" / "robots.txt").read_text()


def test_the_routine_is_a_table_of_step_action_and_who_is_responsible(dataset_staff_site, dataset_data):
    table = soup(dataset_staff_site / "personal/vid-oro/index.html").select_one("table.mv-routine")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Steg", "Vad du gör", "Vem ansvarar"]
    steps = dataset_data.staff_guidance.concern_steps
    rows = table.select("tbody tr")
    assert len(rows) == len(steps)
    for row, step in zip(rows, steps):
        text = normal(row.get_text(" "))
        for value in (step.step, step.action, step.responsible):
            assert normal(render.text(value)) in text, step.id


def test_katrineholms_routine_names_the_report_of_concern_and_112(staff_site):
    """Katrineholm only: its routine's own steps."""
    table = soup(staff_site / "personal/vid-oro/index.html").select_one("table.mv-routine")
    assert len(table.select("tbody tr")) >= 5
    text = table.get_text(" ")
    assert "orosanmälan" in text and "112" in text


def test_the_consultation_page_shows_the_municipalitys_route_or_its_coordination(dataset_staff_site, dataset_data):
    text = normal(main_text(dataset_staff_site / "personal/konsultation/index.html"))
    municipality = dataset_data.municipality
    if municipality.consultation:
        route = municipality.consultation
        assert normal(render.text(route.name)) in text and normal(render.text(route.description)) in text
        contact = dataset_data.contact(route.contact)
    else:
        assert normal(render.text(municipality.coordination.name)) in text
        contact = dataset_data.contact(municipality.coordination.contact)
    assert normal(render.text(contact.name)) in text
    if contact.phone:
        assert contact.phone.display in text


def test_every_staff_note_is_shown_on_the_staff_site_as_internal(dataset_staff_site, dataset_data):
    notes = [normal(render.text(r.staff_note)) for r in dataset_data.contacts + dataset_data.support_lines
             if getattr(r, "staff_note", None)]
    if not notes:
        pytest.skip("this dataset has no staff_note")
    shown = [normal(note.get_text(" ")) for page in pages(dataset_staff_site)
             for note in soup(page).select(".mv-staff-note")]
    assert all(text.startswith("Intern uppgift:") for text in shown)
    for note in notes:
        assert any(note in text for text in shown), note


def test_the_staff_site_shows_internal_contacts_and_staff_notes(staff_site):
    """Katrineholm only: its security manager's consultation."""
    html = soup(staff_site / "personal/konsultation/index.html")
    assert "Konsultation med säkerhetschefen för medarbetare" in html.get_text()
    assert "Intern uppgift:" in html.select_one(".mv-staff-note").get_text()


def test_the_consultation_route_follows_the_municipality(built):
    """Katrineholm and Umeå only: their two different consultation routes."""
    katrineholm = soup(built("katrineholm") / "site-staff/personal/konsultation/index.html").get_text()
    umea = soup(built("umea") / "site-staff/personal/konsultation/index.html").get_text()
    assert "säkerhetschefen" in katrineholm and "konsultationsforum" not in katrineholm.lower()
    assert "Konsultationsforum" in umea and "socialtjänsten, tillsammans med polisen" in umea


def test_the_staff_navigation_comes_first(dataset_staff_site):
    first = soup(dataset_staff_site / "index.html").select_one(".md-nav--primary .md-nav__list .md-nav__item")
    assert "För personal" in first.get_text()
