"""The staff site opens on the staff's own work (issue 16): its root is the staff start page, with a title of
its own, the routine and consultation one step away; the residents' start page is one link away. Every
dataset."""

from __future__ import annotations

import pytest

from macros.render.staff_start import RESIDENTS_PATH
from macros.text.messages import ui
from tests.support.html import soup

pytestmark = pytest.mark.build


def test_the_staff_site_opens_on_the_staff_start_page_with_a_title_of_its_own(dataset_staff_site, dataset_data):
    html = soup(dataset_staff_site / "index.html")
    assert html.select_one("article h1").get_text(strip=True) == "För dig som arbetar i kommunen"
    assert html.title.string.startswith("För dig som arbetar i kommunen - " + ui("staff_site_title"))
    assert html.title.string.endswith(dataset_data.municipality.name)
    assert ui("staff_site_title") in html.select_one(".md-header__topic").get_text()


def test_the_staff_start_page_leads_to_the_routine_and_to_consultation_from_its_first_list(dataset_staff_site):
    article = soup(dataset_staff_site / "index.html").select_one("article")
    first_list = article.select_one("h2 + ul")
    assert "112" in first_list.get_text()
    links = {a["href"] for a in article.select("a[href]")}
    assert "personal/vid-oro/" in links
    consultation = [a for a in first_list.select("a[href]") if "konsultation" in a["href"]]
    assert consultation or "samordnar" in first_list.get_text(), "one step from consultation"


def test_the_residents_start_page_is_one_link_away_on_the_staff_site(dataset_staff_site, dataset_site):
    html = soup(dataset_staff_site / "index.html")
    nav = [a for a in html.select(".md-nav--primary a.md-nav__link[href]") if a.get_text(strip=True) == "För invånare"]
    assert nav and nav[0]["href"] == RESIDENTS_PATH
    residents = soup(dataset_staff_site / RESIDENTS_PATH / "index.html").select_one("article h1").get_text(strip=True)
    assert residents == soup(dataset_site / "index.html").select_one("article h1").get_text(strip=True)


def test_the_public_site_keeps_its_own_start_page_and_title(dataset_site, dataset_data):
    html = soup(dataset_site / "index.html")
    assert html.title.string.startswith(str(dataset_data.municipality.site_title.get_text("sv")))
    assert not (dataset_site / RESIDENTS_PATH).exists()
