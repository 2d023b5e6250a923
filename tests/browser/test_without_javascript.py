"""With scripting turned off, a visitor still sees 112, every support line and every contact, and can call.

"Visible" means shown on a 390 px phone: not hidden, not of zero size, not covered by something else; "callable"
means a tel: (or mailto:) link with the number (or address) as its text. Every page of every built site.
"""

from __future__ import annotations

import pytest

from macros.cli.build import Dataset
from macros.contract.load import load_site_data
from tests.browser import scripts
from tests.browser.conftest import SITES
from tests.conftest import DATASETS, TODAY

pytestmark = pytest.mark.browser

# Every call and mail link on the page: is it shown, and where.
CONTACT_LINKS = r"""
() => [...document.querySelectorAll('a[href^="tel:"], a[href^="mailto:"]')]
  .filter(a => !a.closest(".md-sidebar, .md-search"))   // the menu and search are not the page
  .map(a => {
    const r = a.getBoundingClientRect();
    return {href: a.getAttribute("href"), text: a.innerText.trim(), shown: window.__mv.shown(a),
            top: r.top + scrollY, name: window.__mv.describe(a)};
  })
"""


def links_without_js(page, url: str) -> list[dict]:
    page.goto(url)
    page.evaluate(scripts.HELPERS)   # the page's own scripts are off; Playwright can still run the test's
    return page.evaluate(CONTACT_LINKS)


@pytest.mark.parametrize("name", SITES)
def test_without_javascript_every_page_shows_112_and_every_call_link(served, open_context, name):
    site = served(name)
    page = open_context(width=390, js=False).new_page()
    problems = []
    for path in site.pages:
        links = links_without_js(page, site.url(path))
        emergency = [link for link in links if link["href"] == "tel:112"]
        if not emergency or not emergency[0]["shown"] or emergency[0]["top"] > 844:
            problems.append(f"/{path}: 112 is not shown at the top of the page")
        problems += [f"/{path}: {link['name']} is not shown" for link in links if not link["shown"]]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize("name", [n for n in SITES if n.endswith("public")])
def test_without_javascript_every_support_line_and_contact_can_be_called(served, open_context, name):
    site = served(name)
    data = load_site_data(Dataset.resolve(DATASETS[SITES[name][0]]).data_dir, today=TODAY)
    page = open_context(width=390, js=False).new_page()
    where = {"stodlinjer/": [line for line in data.support_lines if line.is_public],
             "kontakta-kommunen/": [data.contact(data.municipality.switchboard),
                                    data.contact(data.municipality.social_services),
                                    data.contact(data.municipality.coordination.contact)]}
    where = {path: [record for record in records if record.is_public] for path, records in where.items()}
    problems = []
    for path, records in where.items():
        shown = {(link["href"], link["text"]) for link in links_without_js(page, site.url(path)) if link["shown"]}
        hrefs = {href for href, _ in shown}
        for record in records:
            if record.phone and not any(href == record.phone.href and record.phone.display in text
                                        for href, text in shown):
                problems.append(f"/{path}: {record.id}: no shown call link {record.phone.href} "
                                f"with the text {record.phone.display}")
            if record.email and f"mailto:{record.email}" not in hrefs:
                problems.append(f"/{path}: {record.id}: no shown mail link to {record.email}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
