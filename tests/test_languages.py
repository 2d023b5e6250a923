"""The English edition: a page for every Swedish resident page, a switcher both ways, one search per language.

The built-site tests run for every dataset in DATASETS (tests/conftest.py), except the one about Katrineholm's
own records."""

from __future__ import annotations

import json

import pytest

from macros.render import render
from tests.support.html import soup
from tests.support.project import ROOT
from tests.support.server import serve

pytestmark = pytest.mark.build
# Swedish-only by nature: easy-to-read Swedish has no English counterpart.
SWEDISH_ONLY = {"lattlast.md"}


def resident_pages() -> list[str]:
    return sorted(p.name for p in (ROOT / "docs").glob("*.md") if not p.name.count(".") > 1)


def test_every_swedish_resident_page_has_an_english_page():
    for name in resident_pages():
        if name not in SWEDISH_ONLY:
            assert (ROOT / "docs" / name.replace(".md", ".en.md")).exists(), name


@pytest.mark.parametrize("name", [n for n in resident_pages() if n not in SWEDISH_ONLY])
def test_each_pair_links_to_each_other_and_the_english_one_defers_to_swedish(dataset_site, name):
    path = "" if name == "index.md" else name.removesuffix(".md") + "/"
    swedish, english = dataset_site / path / "index.html", dataset_site / "en" / path / "index.html"
    sv, en = soup(swedish), soup(english)
    assert sv.html["lang"] == "sv" and en.html["lang"] == "en"
    to_english = sv.select_one('.mv-languages a[hreflang="en"]')
    to_swedish = en.select_one('.mv-languages a[hreflang="sv"]')
    assert to_english.get_text(strip=True) == "In English" and to_swedish.get_text(strip=True) == "På svenska"
    assert (swedish.parent / to_english["href"]).resolve() == english.parent.resolve()
    assert (english.parent / to_swedish["href"]).resolve() == swedish.parent.resolve()
    note = en.select_one(".mv-translation-note").get_text()
    assert "The Swedish version is the one that applies." in note
    assert sv.select_one(".mv-translation-note") is None


def test_the_english_pages_show_data_in_english(dataset_site, dataset_data):
    text = " ".join(soup(dataset_site / "en" / "stodlinjer" / "index.html").select_one("article").get_text(" ").split())
    for line in dataset_data.support_lines:
        if line.is_public:
            for value in (line.name, line.for_whom):
                assert " ".join(render.text(value, "en").split()) in text, line.id
    assert "Öppet" not in text


def test_katrineholms_english_support_lines_give_organisations_and_hours_in_english(public_site):
    """Katrineholm only: Orostelefonen's organisation and hours as its data translates them."""
    text = soup(public_site / "en" / "stodlinjer" / "index.html").select_one("article").get_text(" ")
    assert "Save the Children Sweden" in text and "Weekdays 09:00–12:00." in text
    assert "Vardagar" not in text and "Öppet" not in text


def test_each_language_has_its_own_search_index(dataset_site):
    swedish = json.loads((dataset_site / "search/search_index.json").read_text("utf-8"))
    english = json.loads((dataset_site / "en/search/search_index.json").read_text("utf-8"))
    assert swedish["config"]["lang"] == ["sv"] and english["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in swedish["docs"])
    assert any(d["title"] == "Support lines" for d in english["docs"])
    assert not any(d["title"] == "Stödlinjer" for d in english["docs"])
    assert any(d["title"] == "Stödlinjer" for d in swedish["docs"])


@pytest.mark.browser
@pytest.mark.parametrize("start, query, inside, outside", [
    ("", "stödlinjer", "/stodlinjer/", "/en/"),
    ("en/", "support", "/en/stodlinjer/", None),
])
def test_a_search_finds_pages_in_the_page_language_only(browser, dataset_site, start, query, inside, outside):
    with serve(dataset_site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + start)
        page.click("input.md-search__input")
        page.keyboard.type(query, delay=20)
        page.wait_for_selector(".md-search-result__link")
        links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        assert any(inside in link for link in links)
        if outside:
            assert not any(outside in link for link in links), links
        if start == "en/":
            assert all("/en/" in link for link in links), links
        page.close()


def test_the_staff_site_is_swedish_only(dataset_staff_site):
    assert not (dataset_staff_site / "en").exists()
