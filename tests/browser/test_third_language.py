"""A third language, written right to left: Arabic, added as files only (tests/fixtures/arabic/), built with the
fictional Minby's data and checked like the real sites: lang and dir on every Arabic page, axe-core at 390
and 1280 px, 112 and the tel: links usable, its own search index, open data and readability that do not
treat Arabic as Swedish. The Swedish and English pages of the same build stay left to right."""

from __future__ import annotations

import csv
import io
import json

import pytest

from macros.build_state import limits
from macros.guards import readability
from tests.browser.conftest import Site, WIDTHS, page_paths
from tests.browser.test_accessibility import axe_findings
from tests.support.html import soup
from tests.support.server import serve
from tests.support.third_language import build_with_language

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def arabic_build(tmp_path_factory):
    """The project with Arabic added, built once for this module: the output folder (site/, site-staff/)."""
    return build_with_language(tmp_path_factory.mktemp("arabic"))


@pytest.fixture(scope="module")
def site(arabic_build):
    return arabic_build / "site"


@pytest.fixture(scope="module")
def arabic_site(site):
    """The built public site served on 127.0.0.1, with only its Arabic pages listed."""
    with serve(site) as base:
        yield Site("arabic-public", site, base, tuple(p for p in page_paths(site) if p.startswith("ar/")))


def arabic_pages(site):
    return sorted((site / "ar").rglob("*.html"))


def test_every_arabic_page_says_arabic_right_to_left_on_html_and_body(site):
    pages = arabic_pages(site)
    assert len(pages) == 6   # five pages and the 404 page
    for page in pages:
        html = soup(page)
        assert (html.html.get("lang"), html.html.get("dir")) == ("ar", "rtl"), page
        assert html.body.get("dir") == "rtl", page
        assert html.select_one('link[href$="assets/stylesheets/rtl.css"]') is not None, page


def test_the_swedish_and_english_pages_stay_left_to_right_without_the_rtl_stylesheet(site):
    for page in [site / "index.html", site / "stodlinjer" / "index.html", site / "en" / "index.html", site / "404.html"]:
        html = soup(page)
        assert html.html.get("dir") is None and html.body.get("dir") == "ltr", page
        assert "rtl.css" not in page.read_text("utf-8"), page


def test_every_page_links_to_the_arabic_edition_in_arabic_and_back(site):
    swedish = soup(site / "stodlinjer" / "index.html").select_one('.mv-languages a[hreflang="ar"]')
    assert (swedish.get_text(strip=True), swedish["lang"], swedish["dir"]) == ("بالعربية", "ar", "rtl")
    arabic = soup(site / "ar" / "stodlinjer" / "index.html")
    back = [(a["hreflang"], a["lang"], a.get_text(strip=True)) for a in arabic.select(".mv-languages a")]
    assert ("sv", "sv", "På svenska") in back and ("en", "en", "In English") in back
    assert arabic.select_one(".mv-translation-note").get_text(strip=True) == "هذه الصفحة مترجمة. النص السويدي هو المعتمد."


def test_phone_numbers_and_swedish_data_keep_their_own_direction_inside_arabic_text(site):
    page = soup(site / "ar" / "index.html")
    call = page.select_one("a.mv-call")
    assert call.get_text(" ", strip=True).startswith("اتصل")
    assert call.select_one('bdi[dir="ltr"]').get_text() == "08-465 004 00"
    assert all(span.get("dir") == "ltr" for span in page.select('article [lang="sv"]'))


def test_arabic_has_its_own_search_index_with_the_arabic_stemmer(site):
    index = json.loads((site / "ar" / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["ar"]
    assert {d["title"] for d in index["docs"]} >= {"خطوط الدعم", "إمكانية الوصول"}
    swedish = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not any(d["location"].startswith("ar/") for d in swedish["docs"])


def test_open_data_gives_every_text_in_the_sites_three_languages(site):
    lines = json.loads((site / "oppna-data" / "stodlinjer.json").read_text("utf-8"))["support_lines"]
    assert all(set(line["name"]) == {"sv", "en", "ar"} for line in lines)
    assert any(line["hours"] and "الساعة" in line["hours"]["text"]["ar"] for line in lines)
    header = next(csv.reader(io.StringIO((site / "oppna-data" / "stodlinjer.csv").read_text("utf-8"))))
    assert header[:4] == ["id", "name_sv", "name_en", "name_ar"] and "hours_ar" in header


def test_readability_measures_the_swedish_pages_only_and_says_which_are_left_out(site):
    measured = [path for path, _ in readability.resident_pages(site)]
    assert measured and not any(path.startswith(("ar/", "en/")) for path in measured)
    skipped = readability.not_measured(site)
    assert skipped == ["en/", "ar/"]
    report = readability.report(readability.measure_site(site, limits()), limits(), "minby", skipped)
    assert "Sidorna i /en/, /ar/ mäts inte" in report


def test_the_staff_site_stays_swedish_only(arabic_build):
    assert not (arabic_build / "site-staff" / "ar").exists()
    assert not (arabic_build / "site-staff" / "assets" / "stylesheets" / "rtl.css").exists()


@pytest.mark.browser
def test_every_arabic_page_has_no_axe_violations_at_phone_and_desktop_width(arabic_site, open_context):
    page = open_context(still=True).new_page()
    problems = axe_findings(page, arabic_site)
    assert not problems, f"{len(problems)} axe findings:\n  " + "\n  ".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS.values())
def test_112_and_the_call_buttons_can_be_pressed_on_an_arabic_page(arabic_site, open_context, width):
    """The emergency bar's 112 and a support line's tel: link are shown, inside the page's width, and on top
    (nothing covers their middle), on a phone and a laptop."""
    page = open_context(width=width).new_page()
    page.goto(arabic_site.url("ar/stodlinjer/"))
    for selector, href in (("a.mv-emergency__call", "tel:112"), ("article a.mv-call[href^='tel:']", None)):
        link = page.locator(selector).first
        assert link.is_visible(), selector
        if href:
            assert link.get_attribute("href") == href
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= width, (selector, box)
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('href')",
                               [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert on_top == link.get_attribute("href"), selector
    assert page.locator("a.mv-emergency__call").inner_text().strip() == "اتصل بالرقم 112"


@pytest.mark.browser
def test_a_search_on_an_arabic_page_finds_arabic_pages_only(arabic_site, open_context):
    page = open_context(width=1280).new_page()
    page.goto(arabic_site.url("ar/"))
    page.click("input.md-search__input")
    page.keyboard.type("الدعم", delay=20)
    page.wait_for_selector(".md-search-result__link")
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any("/ar/stodlinjer/" in link for link in links), links
    assert all("/ar/" in link for link in links), links
