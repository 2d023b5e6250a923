"""What a resident reads, as a worried parent on a phone would meet it (issue 16): easy-read and English found
at the top of every page, 112 callable wherever the text says to call it, an English 404 page, the
municipality's contacts without the same number three times, evening advice that keeps 112 for danger, and a
short list of the support lines at the top of their page. Every test runs on every dataset."""

from __future__ import annotations

import re

import pytest

from tests.support.html import pages, soup

pytestmark = pytest.mark.build

CALL_112 = re.compile(r"\b(?:ring|call)\s112\b", re.IGNORECASE)


def every_page(site):
    """Every public page, the 404 pages too."""
    return [*pages(site), *sorted(site.rglob("404.html"))]


def test_every_page_links_easy_read_and_the_other_language_at_its_top(dataset_site):
    for page in every_page(dataset_site):
        html = soup(page)
        top = html.select_one(".md-banner .mv-languages")
        assert top is not None, f"{page}: no language and easy-read links at the top"
        links = {a.get_text(strip=True): a for a in top.select("a[href]")}
        english = html.html["lang"] == "en"
        assert ("På svenska" if english else "In English") in links, f"{page}: {list(links)}"
        if page.parent.name != "lattlast":
            easy = links.get("Easy-to-read Swedish" if english else "Lättläst")
            assert easy is not None and easy["href"].rstrip("/").endswith("lattlast"), f"{page}: {list(links)}"
            assert easy["hreflang"] == "sv"


def test_call_112_in_running_text_is_a_link_that_calls_on_every_page(dataset_site):
    for page in every_page(dataset_site):
        running = soup(page).select("article, .md-content, .mv-footer")
        for found in (text for part in running for text in part.find_all(string=CALL_112)):
            if found.find_parent(["script", "style", "title", "h1", "h2", "h3", "h4", "h5", "h6"]):
                continue
            link = found.find_parent("a")
            assert link is not None and link["href"] == "tel:112", f"{page}: «{found.strip()}» cannot be pressed"


def test_the_easy_read_page_lets_a_reader_press_ring_112(dataset_site):
    article = soup(dataset_site / "lattlast" / "index.html").select_one("article")
    assert any(a.get_text(strip=True) == "Ring 112" for a in article.select('a[href="tel:112"]'))


def test_the_english_edition_has_its_own_404_page(dataset_site):
    page = dataset_site / "en" / "404.html"
    assert page.exists(), "no en/404.html"
    html = soup(page)
    assert html.html["lang"] == "en"
    assert html.select_one("h1").get_text(strip=True) == "Page not found"
    assert html.select_one('a[href="tel:112"]') is not None
    for link in html.select(".md-content a[href^='/']"):  # absolute: it is served at any depth under /en/
        assert link["href"].startswith(("/en/", "/lattlast/", "/.")), link["href"]
    assert soup(dataset_site / "404.html").html["lang"] == "sv", "the Swedish 404 page stays Swedish"
