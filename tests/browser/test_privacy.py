"""Privacy: the sites never contact another host and store nothing in the visitor's browser.

Every page of every built site is loaded with JavaScript on, on a phone, and the visitor uses the start page
(searches, opens the menu and the language list) on a phone and a laptop; every request to a host other than
the local server is blocked and reported, with the page that made it. Then the browser's storage is read: cookies, localStorage, sessionStorage, IndexedDB,
caches and service workers must hold nothing but what tests/browser/exceptions.py STORAGE permits, and the page
"Om webbplatsen" must say exactly that.
"""

from __future__ import annotations

import pytest

from tests.browser import scripts
from tests.browser.conftest import SITES
from tests.browser.exceptions import NOTHING_STORED, STORAGE
from tests.support.html import main_text

pytestmark = pytest.mark.browser
BATCH = 8   # pages loaded at the same time, each waited for until its network is idle

STORED = r"""
async () => ({
  cookies: document.cookie ? document.cookie.split("; ").map(c => c.split("=")[0]) : [],
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
  caches: self.caches ? await caches.keys() : [],
  serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).map(r => r.scope) : [],
})
"""


def use_the_site(page) -> None:
    """What a visitor does that could make Material store something: search, open the menu, pick a language."""
    page.evaluate(scripts.HELPERS)
    page.wait_for_function(scripts.SEARCH_READY)
    search = page.locator(".md-search__input")
    search.fill("stöd")
    search.press("End")   # Material searches on keyup
    page.locator(".md-search-result__item").first.wait_for(state="attached")
    page.keyboard.press("Escape")
    for selector in ('button[data-mv-for="__drawer"]', ".md-select > button"):
        if page.locator(selector).first.is_visible():
            page.locator(selector).first.click()
            page.keyboard.press("Escape")


def visit_every_page(context, site, width: int, paths: list[str] | None = None) -> tuple[int, list[str]]:
    """Load every page (BATCH at a time, until the network is idle) and use the start page; return how many
    local requests were made and what each tab stored."""
    stored = []
    paths = list(site.pages) if paths is None else paths
    for start in range(0, len(paths), BATCH):
        tabs = []
        for path in paths[start:start + BATCH]:
            tab = context.new_page()
            tab.set_viewport_size({"width": width, "height": 844})
            tab.goto(site.url(path), wait_until="commit")
            tabs.append((path, tab))
        for path, tab in tabs:
            tab.wait_for_load_state("networkidle")
            if path == "":
                use_the_site(tab)
                tab.wait_for_load_state("networkidle")
            found = tab.evaluate(STORED)
            stored += [f"/{path}: {kind} {key}" for kind, keys in found.items() for key in keys
                       if not any(key.endswith(permitted) for permitted in STORAGE)]
            tab.close()
    return context.offsite.local, stored


@pytest.mark.parametrize("name", SITES)
def test_no_page_contacts_another_host_or_stores_anything(served, open_context, name):
    site = served(name)
    problems = []
    # Every page on a phone; the start page (searched, menus opened) on a laptop too: Material loads the same
    # files at every width, and its wide layout has the search field and language list in the header.
    for width, paths in ((390, list(site.pages)), (1280, [""])):
        context = open_context(width=width)
        local, stored = visit_every_page(context, site, width, paths)
        problems += [f"at {width} px, {page or 'a page'} requested {url}" for page, url in context.offsite.requests]
        problems += [f"at {width} px, {item} was stored" for item in stored]
        problems += [f"at {width} px, the cookie {cookie['name']} was set" for cookie in context.cookies()]
        assert local > len(paths), "the pages were not loaded"
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_the_about_page_says_exactly_what_is_stored(dataset_site):
    text = main_text(dataset_site / "om-webbplatsen/index.html")
    if STORAGE:
        assert NOTHING_STORED not in text
        for key, words in STORAGE.items():
            assert words in text, f"om-webbplatsen does not explain {key}: {words!r}"
    else:
        assert NOTHING_STORED in text, f"om-webbplatsen must say {NOTHING_STORED!r}"
