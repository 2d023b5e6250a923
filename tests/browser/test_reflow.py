"""Zoom and small screens: WCAG 1.4.4 (text resized to 200 %) and 1.4.10 (reflow at 320 CSS pixels).

Every page is read at 1280 px, then laid out again at 320 px (a small phone, or 1280 px at 400 %) and at
640 × 400 px (a 1280 × 800 laptop window at 200 % zoom). At both: the page never scrolls sideways, no text
sits outside the window or is cut off (except the reasoned cases in tests/browser/exceptions.py), and every
word of the content, the emergency bar and the footer that was there at 1280 px is still shown.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.browser import scripts
from tests.browser.conftest import SITES
from tests.browser.exceptions import CLIPPED_TEXT

pytestmark = pytest.mark.browser
NARROW = {"320 px": {"width": 320, "height": 568}, "200 % zoom": {"width": 640, "height": 400}}


def reflow_problems(page, site, path: str) -> list[str]:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site.url(path))
    page.evaluate(scripts.HELPERS)
    wide = Counter(page.evaluate(scripts.READABLE_WORDS))
    problems = []
    for label, viewport in NARROW.items():
        page.set_viewport_size(viewport)
        page.evaluate(scripts.SETTLE)
        problems += [f"/{path} at {label}: {p}" for p in
                     page.evaluate(scripts.REFLOW, [c.selector for c in CLIPPED_TEXT])]
        lost = wide - Counter(page.evaluate(scripts.READABLE_WORDS))
        if lost:
            problems.append(f"/{path} at {label}: words no longer shown: {' '.join(sorted(lost))[:300]}")
    return problems


@pytest.mark.parametrize("name", SITES)
def test_every_page_reflows_at_320_px_and_200_percent_zoom_without_losing_content(served, open_context, name):
    site = served(name)
    page = open_context(width=1280, still=True).new_page()
    problems = [problem for path in site.pages for problem in reflow_problems(page, site, path)]
    if problems:
        pytest.fail(f"{len(problems)} reflow problems on {name}:\n  " + "\n  ".join(problems), pytrace=False)
