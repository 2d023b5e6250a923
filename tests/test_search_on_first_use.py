"""Search loads on first use (overrides/partials/javascripts/lazy-material.html): a page view fetches no search index,
worker or language files, and search still finds pages, in each language, once the reader opens it.
Every test runs on every dataset's public site (DATASETS in tests/conftest.py); the words searched for are
in every dataset's pages."""

from __future__ import annotations

import pytest

from tests.support.server import serve

pytestmark = [pytest.mark.browser, pytest.mark.build]
SEARCH_FILES = ("search_index.json", "/workers/search.", "/lunr/")


@pytest.fixture(scope="module")
def base(dataset_site):
    """Each dataset's public site, served (tests/conftest.py › dataset)."""
    with serve(dataset_site) as base:
        yield base


def search_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if any(part in url for part in SEARCH_FILES)]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path, query, found, index", [
    ("stodlinjer/", "stödlinjer", "/stodlinjer/", "/search/search_index.json"),
    ("en/", "support", "/en/stodlinjer/", "/en/search/search_index.json"),
])
def test_a_page_view_loads_no_search_until_the_reader_opens_it(browser, base, width, path, query, found, index):
    page = browser.new_page(viewport={"width": width, "height": 844})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    assert search_requests(requests) == []
    phone_button = page.locator('.md-header [data-mv-for="__search"]')   # overrides/partials/javascripts/keyboard.html
    if phone_button.is_visible():
        phone_button.click()
    else:
        page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__link", state="attached")
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(found in link for link in links), links
    assert any(url.endswith(index) for url in requests), search_requests(requests)
    page.close()


def test_a_link_from_a_search_result_loads_search_at_once_for_highlighting(browser, base):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + "stodlinjer/?h=stödlinjer")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/search/search_index.json") for url in requests)
    page.close()
