"""WCAG 2.1 AA (EN 301 549, required by DOS-lagen) on every page of both sites, checked by axe-core.

Every page is loaded at 390 px (a phone) and at 1280 px (a laptop); at each, axe runs with the WCAG 2.0, 2.1
and 2.2 A and AA rules plus best practice, on the page as loaded, and then the same load is used with the
keyboard alone (tests/browser/test_keyboard.py): one page load serves both checks, axe always first, before
any key changes focus or state. Zero axe findings, except the reasoned best-practice exceptions in
tests/browser/exceptions.py; zero keyboard problems.
"""

from __future__ import annotations

import pytest

from tests.browser import scripts
from tests.browser.conftest import SITES, WIDTHS
from tests.browser.exceptions import AXE
from tests.browser.test_keyboard import KEYBOARD_SITES, keyboard_problems, load
from tests.support import axe

pytestmark = pytest.mark.browser


def axe_problems(page, path: str, width: int) -> list[str]:
    """axe's findings on the page as it is now, as '/page at N px: rule … element …', minus the exceptions."""
    page.evaluate(scripts.SETTLE)
    return [f"/{path} at {width} px: {finding.describe()}" for finding in axe.run(page)
            if not any(exception.matches(finding) for exception in AXE)]


def axe_findings(page, site, widths=WIDTHS.values()) -> list[str]:
    """Every finding on every page of a site: each page loaded at the narrowest width, then resized."""
    problems = []
    for path in site.pages:
        page.set_viewport_size({"width": min(widths), "height": 844})
        page.goto(site.url(path))
        for width in sorted(widths):
            page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
            problems += axe_problems(page, path, width)
    return problems


def axe_and_keyboard_problems(page, site, path: str, width: int) -> tuple[list[str], list[str]]:
    """One load of a page at the page's width: axe on the page as loaded, then the keyboard (which moves focus,
    marks the tab stops and follows the skip link, so it must come second)."""
    load(page, site.url(path))
    found = axe_problems(page, path, width)
    return found, [f"/{path} at {width} px: {problem}" for problem in keyboard_problems(page, site, path, loaded=True)]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", KEYBOARD_SITES)
def test_every_page_has_no_axe_violations_and_can_be_used_with_the_keyboard_alone(served, open_context, name, width):
    site = served(name)
    page = open_context(width=width, still=True).new_page()   # no transitions: axe sees the page as it settles
    found, keyboard = [], []
    for path in site.pages:
        page_found, page_keyboard = axe_and_keyboard_problems(page, site, path, width)
        found += page_found
        keyboard += page_keyboard
    problems = ([f"{len(found)} axe findings on {name}:"] + found if found else []) + \
               ([f"{len(keyboard)} keyboard problems on {name}:"] + keyboard if keyboard else [])
    if problems:
        pytest.fail("\n  ".join(problems), pytrace=False)


def test_every_axe_exception_names_a_best_practice_rule_and_gives_a_reason(served, open_context):
    page = open_context().new_page()
    page.goto(served("katrineholm-public").base)
    tags = axe.rule_tags(page)
    for exception in AXE:
        assert exception.rule in tags, f"{exception.rule} is not an axe rule"
        assert set(tags[exception.rule]) == {"best-practice"} | (set(tags[exception.rule]) - set(axe.TAGS)), \
            f"{exception.rule} is a WCAG rule: fix it, do not excuse it"
        assert len(exception.reason) >= 40, f"{exception.rule}: give a reason someone else can judge"
