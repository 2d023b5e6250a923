"""Keyboard use of every page of both sites of every dataset, on a phone (390 px) and a laptop (1280 px).

The skip link is the first tab stop and takes the visitor past the header; every tab stop shows focus
(an outline or a visible change) and is on screen, not covered; every control a visitor can see is reached
by Tab; the menu opens and closes from the keyboard; the search works from the keyboard. Every page is
checked on the same load as axe's check of it (the test is in tests/browser/test_accessibility.py).
"""

from __future__ import annotations

import pytest

from macros.render import render
from tests.browser import scripts
from tests.browser.conftest import SITES, WIDTHS
from tests.conftest import site_data

pytestmark = pytest.mark.browser
KEYBOARD_SITES = list(SITES)
PUBLIC_SITES = [name for name, (_, folder) in SITES.items() if folder == "site"]
STAFF_SITES = [name for name, (_, folder) in SITES.items() if folder == "site-staff"]
MAX_STOPS = 300
REACTION_MS = 300   # how long a control may take to react to focus before it is judged
SLOW_MACHINE_MS = 2400   # at most this long, when the tests share a busy machine


def load(page, url: str) -> None:
    page.goto(url)
    page.evaluate(scripts.HELPERS)
    page.wait_for_function(scripts.SEARCH_READY)


def acceptable(stop: dict) -> bool:
    return stop["shown"] and stop["inView"] and stop["uncovered"] and stop["indicator"]


def measure_again(page, stop: dict) -> dict:
    """A stop judged again after the page had time to react (scroll it into view, show its focus ring; Material
    opens its search after its field gets focus). On a busy machine that can take longer than REACTION_MS: it
    is measured again for up to SLOW_MACHINE_MS, and a stop that never becomes acceptable is still a problem."""
    waited = 0
    while waited < SLOW_MACHINE_MS:
        page.wait_for_timeout(REACTION_MS)
        waited += REACTION_MS
        stop = page.evaluate(scripts.FOCUS_STOP, True) or stop
        if acceptable(stop):
            break
    return stop


def problem_of(stop: dict, where: str) -> str:
    if not (stop["shown"] and stop["inView"]):
        return f"{where}, {stop['name']}, is not on screen"
    if not stop["uncovered"]:
        return f"{where}, {stop['name']}, is covered by {stop['cover'] or 'something'}"
    if not stop["indicator"]:
        return f"{where}, {stop['name']}, shows no focus"
    return ""


def current_stop(page) -> dict:
    stop = page.evaluate(scripts.FOCUS_STOP, True)
    return stop if acceptable(stop) else measure_again(page, stop)


def tab_through(page) -> tuple[list[dict], list[str]]:
    """Press Tab until focus comes round again; every stop, and the shown controls Tab never reached."""
    page.evaluate(scripts.INTERACTIVE)
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(scripts.FOCUS_STOP, False)
        if stop is None or stop["repeat"]:
            break
        stops.append(stop if acceptable(stop) else measure_again(page, stop))
    return stops, page.evaluate(scripts.UNREACHED)


def keyboard_problems(page, site, path: str, loaded: bool = False) -> list[str]:
    """What goes wrong on the page with the keyboard alone; `loaded`: the page is already loaded (by `load`)
    and nothing has moved its focus yet."""
    if not loaded:
        load(page, site.url(path))
    stops, unreached = tab_through(page)
    problems = [problem for number, stop in enumerate(stops, 1) if (problem := problem_of(stop, f"tab stop {number}"))]
    problems += [f"{name} is shown but Tab never reaches it" for name in unreached]
    if not stops or not stops[0]["skip"]:
        problems.append(f"the first tab stop is {stops[0]['name'] if stops else 'nothing'}, not the skip link")
    else:
        page.focus("a.md-skip")
        hash_ = page.evaluate("() => new URL(document.activeElement.href).hash")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        if problem := page.evaluate(scripts.AFTER_TARGET, hash_):
            problems.append(f"the skip link does not work: {problem}")
    return problems


@pytest.mark.parametrize("name", KEYBOARD_SITES)
def test_the_menu_opens_and_closes_with_the_keyboard_on_a_phone(served, open_context, name):
    site = served(name)
    page = open_context(width=390, still=True).new_page()
    load(page, site.url("stodlinjer/"))
    button = page.locator('button[data-mv-for="__drawer"]')
    assert button.is_visible(), "no menu button on a phone"
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Enter did not open the menu"
    assert button.get_attribute("aria-expanded") == "true"
    for _ in range(MAX_STOPS):
        if not page.evaluate("() => document.activeElement.closest('.md-sidebar--primary') !== null"):
            break
        problem = problem_of(current_stop(page), "in the open menu, focus")
        assert not problem, problem
        page.keyboard.press("Tab")
    assert not page.evaluate("document.getElementById('__drawer').checked"), "tabbing out left the menu open"
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the menu"
    assert page.evaluate("document.activeElement.dataset.mvFor") == "__drawer", "focus did not return to the button"


def a_support_line_word(dataset: str) -> str:
    """The first word of the last public support line's name ("Bris", "112"): what a visitor might search for."""
    line = [line for line in site_data(dataset).support_lines if line.is_public][-1]
    return render.text(line.name).split()[0]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PUBLIC_SITES)
def test_the_search_finds_a_support_line_from_the_keyboard(served, open_context, name, width):
    site = served(name)
    page = open_context(width=width, still=True).new_page()
    load(page, site.url(""))
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.md-search__input, [data-mv-for=\"__search\"]')"):
            break
    else:
        pytest.fail("Tab never reached the search")
    page.keyboard.press("Enter")
    page.keyboard.type(a_support_line_word(SITES[name][0]).lower())
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="attached")
    assert first.is_visible(), "the search found results but does not show them"


@pytest.mark.parametrize("name", STAFF_SITES)
def test_a_sub_menu_opens_and_closes_with_the_keyboard_on_a_phone(served, open_context, name):
    site = served(name)
    page = open_context(width=390, still=True).new_page()
    load(page, site.url("stodlinjer/"))
    page.locator('button[data-mv-for="__drawer"]').focus()
    page.keyboard.press("Enter")
    opener = page.locator(".md-nav--primary label.md-nav__link[for][tabindex]").first
    toggle = opener.get_attribute("for")
    opener.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(f"document.getElementById('{toggle}').checked"), "Enter did not open the sub-menu"
    seen = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        inside = page.evaluate(f"() => document.activeElement.closest('nav[aria-labelledby=\"{toggle}_label\"]') !== null")
        if not inside:
            break
        stop = current_stop(page)
        assert not (problem := problem_of(stop, "in the sub-menu, focus")), problem
        seen.append(stop["name"])
    assert len(seen) > 2, f"Tab went through only {seen} in the open sub-menu"
    assert not page.evaluate("document.getElementById('__drawer').checked"), "tabbing out left the menu open"
    page.locator('button[data-mv-for="__drawer"]').focus()
    page.keyboard.press("Enter")
    page.locator(f".md-nav__title[for='{toggle}']").focus()
    page.keyboard.press("Enter")
    assert not page.evaluate(f"document.getElementById('{toggle}').checked"), "the back arrow did not close it"
    assert page.evaluate("document.activeElement.id") == f"{toggle}_label", "focus did not return to the entry"
