"""The quick exit ("Lämna sidan snabbt"), tested in Chromium: button, Shift ×3, touch, no way Back.

Every test runs on every dataset's public site (DATASETS in tests/conftest.py): the header around the button
holds the municipality's name. A visit starts on a neutral page of another origin (another port on
127.0.0.1), as a visitor arrives from a search engine; after the exit, Back must lead there, never to a page
of the site, however many pages were visited and however they were reached (text, menu, search)."""

from __future__ import annotations

import pytest

from tests.support.html import pages, soup
from tests.support.server import serve

START = "<!doctype html><html lang='sv'><title>Nyheter</title><h1>Dagens nyheter</h1></html>"

pytestmark = [pytest.mark.browser, pytest.mark.build]
EXIT_URL = "https://www.smhi.se/"
WEATHER = "<!doctype html><html lang='sv'><title>Väder</title><h1>Väderprognos</h1></html>"


@pytest.fixture(scope="module")
def base(dataset_site):
    """Each dataset's public site, served (tests/conftest.py › dataset)."""
    with serve(dataset_site) as base:
        yield base


@pytest.fixture(scope="module")
def start(tmp_path_factory):
    """A neutral page on another origin, where the visit starts (as from a search engine)."""
    folder = tmp_path_factory.mktemp("start")
    (folder / "index.html").write_text(START, encoding="utf-8")
    with serve(folder) as url:
        yield url


@pytest.fixture
def new_page(browser):
    """new_page(width=390, touch=False, js=True) -> a page in a fresh browser context of its own, in which the
    neutral site is faked (tests never leave 127.0.0.1); every context is closed after the test."""
    contexts = []

    def make(width=390, touch=False, js=True):
        context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=touch, java_script_enabled=js)
        context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8",
                                                                   body=WEATHER))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def test_every_public_page_has_the_exit_button_pointing_to_the_neutral_site(dataset_site):
    for page in pages(dataset_site):
        button = soup(page).select_one("a.mv-exit[data-mv-exit]")
        assert button is not None and button["href"] == EXIT_URL, page
        assert button.get_text(strip=True) in ("Lämna sidan snabbt", "Leave this page quickly"), page
        assert "noreferrer" in button["rel"], page


def test_the_staff_site_has_no_exit_button(dataset_staff_site):
    for page in pages(dataset_staff_site):
        assert soup(page).select_one("[data-mv-exit]") is None, page


def test_clicking_the_button_replaces_the_page_so_back_does_not_return(new_page, base):
    page = new_page()
    page.goto(base)
    page.goto(base + "stod-till-anhoriga/")
    length = page.evaluate("history.length")
    page.click("a.mv-exit")
    page.wait_for_url(EXIT_URL)
    assert page.evaluate("history.length") == length, "location.replace must not add a history entry"
    page.go_back()
    assert "stod-till-anhoriga" not in page.url


def test_pressing_shift_three_times_leaves_the_page(new_page, base):
    page = new_page()
    page.goto(base + "stodlinjer/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert page.locator("h1").inner_text() == "Väderprognos"


def test_typing_capitals_with_shift_does_not_leave_the_page(new_page, base):
    page = new_page(width=1280)
    page.goto(base)
    page.click("input.md-search__input")
    for letter in "BOMK":  # Shift held for each capital, as a person types
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
    page.wait_for_timeout(500)
    assert page.url.startswith(base)
    assert page.input_value("input.md-search__input") == "BOMK"


def test_a_tap_on_a_touch_screen_leaves_the_page(new_page, base):
    page = new_page(touch=True)
    page.goto(base)
    page.tap("a.mv-exit")
    page.wait_for_url(EXIT_URL)


def test_the_button_is_reachable_by_keyboard_and_named_for_screen_readers(new_page, base):
    page = new_page(width=1280)
    page.goto(base)
    button = page.locator("a.mv-exit")
    assert button.get_attribute("aria-describedby") == "mv-exit-hint"
    assert "Skift" in page.locator("#mv-exit-hint").inner_text()
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mv-exit')"):
            break
    else:
        pytest.fail("the exit button is not among the first 15 tab stops")
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL)


def test_without_javascript_the_button_still_leaves(new_page, base):
    page = new_page(js=False)
    page.goto(base)
    page.click("a.mv-exit")
    page.wait_for_url(EXIT_URL)


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_small_phone_the_button_covers_no_content(new_page, base, width):
    page = new_page(width=width)
    page.goto(base + "stodlinjer/")
    for scroll in (0, 600, 1500):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        button = page.locator("a.mv-exit").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert button and header and button["y"] >= header["y"] - 0.5
        assert button["y"] + button["height"] <= header["y"] + header["height"] + 0.5, "the button sticks out"
        assert button["x"] + button["width"] <= width + 0.5, "the button is cut off"
        assert button["height"] >= 44 and button["width"] >= 44
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def visit_three_pages(page, base):
    """From the start page to the site, then on by a link in the text, by the menu and by a search result,
    as a visitor would: every step a click. Returns the site pages seen."""
    seen = [page.url]
    page.goto(base)
    seen.append(page.url)
    # A link in the text of the start page, to another page of the site
    page.locator(".md-content a[href]:not([href^='#']):not([href^='tel:']):not([href^='mailto:'])"
                 ":not([href^='http'])").first.click()
    page.wait_for_load_state()
    assert page.url != seen[-1] and page.url.startswith(base)
    seen.append(page.url)
    # The menu: the drawer on a phone
    page.locator("[data-mv-for='__drawer']").click()
    page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link"
                 ).filter(has_text="Kontakta kommunen").click()
    page.wait_for_url(base + "kontakta-kommunen/")
    seen.append(page.url)
    # A search result
    page.locator("[data-mv-for='__search']").click()
    page.locator("input.md-search__input").fill("stöd")
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_url(lambda url: url.startswith(base) and "kontakta-kommunen" not in url)
    seen.append(page.url)
    return seen


def leave_by(page, way):
    if way == "button":
        page.click("a.mv-exit")
    elif way == "tap":
        page.tap("a.mv-exit")
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)


@pytest.mark.parametrize("way", ["button", "tap", "shift"])
def test_after_three_pages_and_the_exit_back_shows_no_page_of_the_site(new_page, base, start, way):
    page = new_page(touch=way == "tap")
    page.goto(start)
    visit_three_pages(page, base)
    leave_by(page, way)
    page.go_back()
    page.wait_for_load_state()
    assert not page.url.startswith(base), f"Back after the exit showed {page.url}"
    assert page.url == start
    page.go_back()  # and nothing of the site is hidden further back either
    assert not page.url.startswith(base), f"two steps Back after the exit showed {page.url}"


def test_links_within_a_page_add_no_history_entry(new_page, base, start):
    page = new_page(width=1280)
    page.goto(start)
    page.goto(base + "stodlinjer/")
    length = page.evaluate("history.length")
    page.locator(".md-content a[href^='#'], .md-sidebar--secondary a[href^='#']").first.click()
    page.locator(".md-sidebar--primary a.md-nav__link").filter(has_text="Kontakta kommunen").first.click()
    page.wait_for_url(base + "kontakta-kommunen/")
    assert page.evaluate("history.length") == length
    leave_by(page, "button")
    page.go_back()
    assert page.url == start


@pytest.mark.parametrize("opened", ["drawer", "search"])
def test_on_a_phone_the_exit_stays_visible_and_clickable_while_the_menu_or_search_is_open(new_page, base, opened):
    page = new_page(touch=True)
    page.goto(base + "stod-till-anhoriga/")
    page.locator(f"[data-mv-for='__{opened}']").click()
    if opened == "search":
        page.locator("input.md-search__input").fill("stöd")
        page.wait_for_selector("a.md-search-result__link")
    page.wait_for_timeout(400)  # the drawer slides in
    box = page.locator("a.mv-exit").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] >= 0, f"the exit is outside: {box}"
    assert box["height"] >= 44 and box["width"] >= 44
    on_top = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y)?.closest('a.mv-exit')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, f"the {opened} covers the exit button"
    page.tap("a.mv-exit")
    page.wait_for_url(EXIT_URL)


def test_the_page_on_hiding_a_visit_says_what_the_exit_does_and_costs(dataset_site):
    text = soup(dataset_site / "dolj-ditt-besok" / "index.html").select_one(".md-content").get_text(" ", strip=True)
    assert "Bakåt tar dig bort från webbplatsen" in text, "the cost: Back does not go between the site's pages"
    assert "Utan JavaScript är knappen en vanlig länk" in text and "Bakåt tar dig tillbaka hit" in text
    text_en = soup(dataset_site / "en" / "dolj-ditt-besok" / "index.html").select_one(".md-content").get_text(" ", strip=True)
    assert "Back takes you away from this website" in text_en and "Without JavaScript" in text_en
