"""WCAG 2.1 AA (EN 301 549, required by DOS-lagen) on every page of both sites, checked by axe-core.

Every page is loaded once per site at 390 px (a phone) and then resized to 1280 px (a laptop); axe runs at
both widths with the WCAG 2.0, 2.1 and 2.2 A and AA rules plus best practice. Zero findings, except the
reasoned best-practice exceptions in tests/browser/exceptions.py.
"""

from __future__ import annotations

import pytest

from tests.browser import scripts
from tests.browser.conftest import SITES, WIDTHS
from tests.browser.exceptions import AXE
from tests.support import axe

pytestmark = pytest.mark.browser


def axe_findings(page, site, widths=WIDTHS.values()) -> list[str]:
    """Every finding on every page of a site, as 'page at N px: rule … element …', minus the exceptions."""
    problems = []
    for path in site.pages:
        page.set_viewport_size({"width": min(widths), "height": 844})
        page.goto(site.url(path))
        for width in sorted(widths):
            page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
            page.evaluate(scripts.SETTLE)
            for finding in axe.run(page):
                if not any(exception.matches(finding) for exception in AXE):
                    problems.append(f"/{path} at {width} px: {finding.describe()}")
    return problems


@pytest.mark.parametrize("name", SITES)
def test_every_page_has_no_axe_violations_at_phone_and_desktop_width(served, open_context, name):
    site = served(name)
    page = open_context(still=True).new_page()   # no transitions: axe sees the page as it settles
    problems = axe_findings(page, site)
    if problems:
        pytest.fail(f"{len(problems)} axe findings on {name}:\n  " + "\n  ".join(problems), pytrace=False)


def test_every_axe_exception_names_a_best_practice_rule_and_gives_a_reason(served, open_context):
    page = open_context().new_page()
    page.goto(served("katrineholm-public").base)
    tags = axe.rule_tags(page)
    for exception in AXE:
        assert exception.rule in tags, f"{exception.rule} is not an axe rule"
        assert set(tags[exception.rule]) == {"best-practice"} | (set(tags[exception.rule]) - set(axe.TAGS)), \
            f"{exception.rule} is a WCAG rule: fix it, do not excuse it"
        assert len(exception.reason) >= 40, f"{exception.rule}: give a reason someone else can judge"
