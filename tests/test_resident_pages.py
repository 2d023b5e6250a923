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


def call_buttons(html) -> list[str]:
    return [a["href"] for a in html.select("article a.mv-call[href^='tel:']")]


def test_contacts_with_the_switchboards_number_are_listed_under_it_not_as_more_call_buttons(dataset_site,
                                                                                            dataset_data):
    for edition in ("", "en/"):
        html = soup(dataset_site / edition / "kontakta-kommunen" / "index.html")
        buttons = call_buttons(html)
        assert len(buttons) == len(set(buttons)), f"/{edition}kontakta-kommunen/: the same number twice: {buttons}"
        board = {c.id: c for c in dataset_data.contacts}[dataset_data.municipality.switchboard]
        via = [c for c in dataset_data.contacts if c.is_public and c.id != board.id and c.phone and c.phone.href == board.phone.href
               and c.id in (dataset_data.municipality.social_services, dataset_data.municipality.coordination.contact)]
        listed = html.select(".mv-via-switchboard li")
        assert [li["data-contact"] for li in listed] == [c.id for c in via]
        if via:
            assert board.phone.display in html.select_one(".mv-via-switchboard").get_text()


def test_the_evening_advice_names_who_to_call_when_nobody_is_in_danger_and_keeps_112_for_danger(dataset_site):
    html = soup(dataset_site / "kontakta-kommunen" / "index.html")
    advice = html.select_one(".mv-after-hours")
    assert advice is not None
    text = advice.get_text(" ", strip=True).replace(" .", ".")
    assert "ingen är i fara" in text
    assert "Ring 112" not in text.split("Är någon i fara just nu?")[0], "112 only for danger, after the others"
    assert advice.select('a[href="tel:112"]') and text.rstrip(".").endswith("Ring 112")
    assert advice.select_one("a[href$='stodlinjer/']") is not None
    for item in advice.select("li"):  # each one open in the evening or at the weekend, and callable
        assert item.select_one("a[href^='tel:']") is not None
    page_text = html.select_one("article").get_text(" ", strip=True)
    assert "på kvällen, natten eller helgen? Ring 112" not in page_text


def test_katrineholms_evening_advice_names_the_polices_non_urgent_number(public_site):
    advice = soup(public_site / "kontakta-kommunen" / "index.html").select_one(".mv-after-hours")
    assert "tel:11414" in [a["href"] for a in advice.select("a")]


def test_the_support_lines_page_starts_with_a_list_of_the_lines_linking_to_their_cards(dataset_site, dataset_data):
    for edition in ("", "en/"):
        html = soup(dataset_site / edition / "stodlinjer" / "index.html")
        index = html.select_one("article .mv-line-index")
        assert index is not None, f"/{edition}stodlinjer/"
        targets = [a["href"] for a in index.select("a")]
        assert len(targets) == len([line for line in dataset_data.support_lines if line.is_public])
        for target in targets:
            assert target.startswith("#") and html.find(id=target[1:]) is not None, target
        first_card = html.select_one("article .mv-card")
        assert index.sourceline < first_card.sourceline, "the list comes before the cards"


def test_a_card_whose_hours_row_holds_no_times_is_not_labelled_open(dataset_site):
    for page in [dataset_site / "stodlinjer" / "index.html", dataset_site / "en" / "stodlinjer" / "index.html"]:
        for row in soup(page).select(".mv-card .mv-facts dt"):
            value = row.find_next_sibling("dd").get_text(" ", strip=True)
            if row.get_text(strip=True) in ("Öppet", "Open"):
                assert re.search(r"\d|dygnet runt|day and night|around the clock", value, re.I), f"{page}: {value}"


def test_katrineholms_exit_card_says_how_to_reach_them_instead_of_open(public_site):
    card = soup(public_site / "stodlinjer" / "index.html").find(id="exit-fryshuset").find_parent(class_="mv-card")
    labels = [dt.get_text(strip=True) for dt in card.select(".mv-facts dt")]
    assert "Så når du dem" in labels and "Öppet" not in labels
