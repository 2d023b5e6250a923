"""First view (issue 19): a page loads what its first screen needs, and Material's JavaScript only on first use.

A page links Material's stylesheet and the kit's (motverka.css, whose end holds the print rules; rtl.css on a
right-to-left page) and no script: the kit's scripts are written into the page (overrides/partials/javascripts/),
and Material's bundle is an inert script that lazy-material.html loads when a visitor first uses the search, or
scrolls on a screen wide enough for Material's sidebars. Until the bundle has run, the page behaves as with it:
the header shows the page's title after scrolling, Material's keys work, and the search a visitor opens stays
open (the 112 bar, call links, menu and quick exit work without any JavaScript: tests/browser/test_without_javascript.py).
"""

from __future__ import annotations

import re

import pytest

from tests.support.html import pages, soup
from tests.support.server import serve

pytestmark = [pytest.mark.browser, pytest.mark.build]
BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# What a page may link: Material's stylesheet and the kit's (rtl.css on a right-to-left page)
SCREEN_STYLESHEETS = {"main.min.css", "motverka.css", "rtl.css"}
MATERIAL_RUNNING = "() => window.component$ !== undefined"


def linked_files(page) -> list[str]:
    """File names of a page's stylesheets and scripts that a browser requests as it reads the page, whatever their
    media or defer (hashes left out of Material's names)."""
    html = soup(page)
    found = [link["href"] for link in html.select('link[rel~="stylesheet"], link[rel~="preload"]')]
    found += [script["src"] for script in html.select("script[src]")]
    return [re.sub(r"\.[0-9a-f]{8}\.", ".", name.rsplit("/", 1)[-1]) for name in found]


def test_a_page_links_only_the_stylesheets_its_screen_needs_and_no_script(dataset_site, dataset_staff_site):
    problems = [f"{page}: {name}" for site in (dataset_site, dataset_staff_site) for page in pages(site)
                for name in linked_files(page) if name not in SCREEN_STYLESHEETS]
    assert problems == []


def test_a_linked_file_is_found(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<link rel="stylesheet" href="a/main.57a0d79d.min.css"><link rel="stylesheet" href="p.css" '
                    'media="print"><script src="b.js"></script><script src="c.js" defer></script>'
                    '<script type="text/plain" data-mv-src="bundle.js"></script>', "utf-8")
    assert linked_files(page) == ["main.min.css", "p.css", "b.js", "c.js"]


@pytest.fixture(scope="module")
def base(public_site):
    with serve(public_site) as base:
        yield base


def opened(browser, base: str, path: str, width: int):
    """A page loaded until its network is idle, and the list of every URL it has requested so far."""
    page = browser.new_page(viewport={"width": width, "height": 844})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    return page, requests


def bundle_loaded(requests: list[str]) -> bool:
    return any(BUNDLE.search(url) for url in requests)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_first_view_loads_materials_bundle_only_when_the_search_is_used(browser, base, width):
    page, requests = opened(browser, base, "stodlinjer/", width)
    assert not bundle_loaded(requests)
    assert page.evaluate("document.documentElement.classList.contains('js')"), "the page is drawn as without scripts"
    phone_button = page.locator('.md-header [data-mv-for="__search"]')
    if phone_button.is_visible():
        phone_button.click()
    else:
        page.click("input.md-search__input")
    page.wait_for_function(MATERIAL_RUNNING)
    assert bundle_loaded(requests)
    page.close()


def test_on_a_wide_screen_scrolling_loads_the_bundle_for_the_sidebars(browser, base):
    page, requests = opened(browser, base, "stodlinjer/", 1280)
    assert not bundle_loaded(requests)
    page.mouse.wheel(0, 600)
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_function("() => document.querySelector('.md-sidebar--secondary .md-sidebar__scrollwrap').style.height !== ''")
    page.close()


def test_on_a_phone_the_header_shows_the_pages_title_after_scrolling_without_the_bundle(browser, base):
    page, requests = opened(browser, base, "stodlinjer/", 390)
    active = "() => document.querySelector('[data-md-component=header-title]').classList.contains('md-header__title--active')"
    assert not page.evaluate(active)
    page.evaluate("window.scrollTo(0, document.querySelector('.md-content h1').getBoundingClientRect().bottom + 200)")
    page.wait_for_function(active)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(f"() => !({active})()")
    assert not bundle_loaded(requests)
    page.close()


def test_a_search_opened_on_an_address_with_a_place_stays_open(browser, base):
    # Material closes the search just after it starts on an address with a #place: started late, it must not.
    page, _ = opened(browser, base, "stodlinjer/#bris", 390)
    page.locator('.md-header [data-mv-for="__search"]').click()
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_timeout(500)
    assert page.evaluate("document.getElementById('__search').checked"), "the search closed by itself"
    assert page.evaluate("location.hash") == "#bris"
    page.close()


def test_before_the_bundle_the_search_key_opens_the_search_and_it_finds(browser, base):
    page, _ = opened(browser, base, "", 1280)
    page.keyboard.press("s")
    page.keyboard.type("bris", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="attached")
    assert page.input_value("input.md-search__input") == "bris"
    page.close()


def test_before_the_bundle_n_goes_to_the_next_page(browser, base):
    page, _ = opened(browser, base, "stodlinjer/", 1280)
    next_page = page.evaluate("document.querySelector('link[rel=next]').href")
    page.keyboard.press("n")
    page.wait_for_url(next_page)
    page.close()
