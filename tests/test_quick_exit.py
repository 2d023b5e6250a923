"""The quick exit ("Lämna sidan snabbt"), tested in Chromium: button, Shift ×3, touch, no way Back.

Every test runs on every dataset's public site (DATASETS in tests/conftest.py): the header around the button
holds the municipality's name."""

from __future__ import annotations

import pytest

from tests.support.html import pages, soup
from tests.support.server import serve

pytestmark = [pytest.mark.browser, pytest.mark.build]
EXIT_URL = "https://www.smhi.se/"
WEATHER = "<!doctype html><html lang='sv'><title>Väder</title><h1>Väderprognos</h1></html>"


@pytest.fixture(scope="module")
def base(dataset_site):
    """Each dataset's public site, served (tests/conftest.py › dataset)."""
    with serve(dataset_site) as base:
        yield base


def new_page(browser, width=390, touch=False):
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=touch)
    # The neutral site is faked here: tests never leave 127.0.0.1.
    context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=WEATHER))
    return context.new_page()


def test_every_public_page_has_the_exit_button_pointing_to_the_neutral_site(dataset_site):
    for page in pages(dataset_site):
        button = soup(page).select_one("a.mv-exit[data-mv-exit]")
        assert button is not None and button["href"] == EXIT_URL, page
        assert button.get_text(strip=True) in ("Lämna sidan snabbt", "Leave this page quickly"), page
        assert "noreferrer" in button["rel"], page


def test_the_staff_site_has_no_exit_button(dataset_staff_site):
    for page in pages(dataset_staff_site):
        assert soup(page).select_one("[data-mv-exit]") is None, page


def test_clicking_the_button_replaces_the_page_so_back_does_not_return(browser, base):
    page = new_page(browser)
    page.goto(base)
    page.goto(base + "stod-till-anhoriga/")
    length = page.evaluate("history.length")
    page.click("a.mv-exit")
    page.wait_for_url(EXIT_URL)
    assert page.evaluate("history.length") == length, "location.replace must not add a history entry"
    page.go_back()
    assert "stod-till-anhoriga" not in page.url


def test_pressing_shift_three_times_leaves_the_page(browser, base):
    page = new_page(browser)
    page.goto(base + "stodlinjer/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert page.locator("h1").inner_text() == "Väderprognos"


def test_typing_capitals_with_shift_does_not_leave_the_page(browser, base):
    page = new_page(browser, width=1280)
    page.goto(base)
    page.click("input.md-search__input")
    for letter in "BOMK":  # Shift held for each capital, as a person types
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
    page.wait_for_timeout(500)
    assert page.url.startswith(base)
    assert page.input_value("input.md-search__input") == "BOMK"


def test_a_tap_on_a_touch_screen_leaves_the_page(browser, base):
    page = new_page(browser, touch=True)
    page.goto(base)
    page.tap("a.mv-exit")
    page.wait_for_url(EXIT_URL)


def test_the_button_is_reachable_by_keyboard_and_named_for_screen_readers(browser, base):
    page = new_page(browser, width=1280)
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


def test_without_javascript_the_button_still_leaves(browser, base):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=WEATHER))
    page = context.new_page()
    page.goto(base)
    page.click("a.mv-exit")
    page.wait_for_url(EXIT_URL)


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_small_phone_the_button_covers_no_content(browser, base, width):
    page = new_page(browser, width=width)
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
