"""The browser checks themselves: each one, run on a small page with a known fault, reports it by page, rule and
element. (The real sites pass them; this shows that a pass means something.)"""

from __future__ import annotations

import pytest

from tests.browser.conftest import Site, page_paths
from tests.browser.test_accessibility import axe_and_keyboard_problems, axe_findings
from tests.browser.test_privacy import visit_every_page
from tests.browser.test_reflow import reflow_problems
from tests.browser.test_without_javascript import links_without_js
from tests.support.server import serve

pytestmark = pytest.mark.browser
HEAD = '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fel</title>' \
       '<meta name="viewport" content="width=device-width"></head><body>'
PAGES = {
    # Grey on white (2.3:1) and an image without a text alternative
    "kontrast": '<main><h1>Kontrast</h1><p style="color:#aaa">Svag text</p><img src="data:,"></main>',
    # No skip link; a link whose focus is invisible; a visible link that Tab skips
    "tangentbord": '<style>a:focus{outline:none}</style><main><h1>Tangentbord</h1>'
                   '<a href="#a" id="a">Utan fokus</a> <a href="#b" tabindex="-1">Hoppas över</a></main>',
    # A box wider than a phone, and a line cut off without an ellipsis
    "bred": '<main><h1>Bred</h1><div style="width:900px">Den här texten står på en rad som är mycket bredare än skärmen på en mobil.</div>'
            '<p style="width:80px;overflow:hidden;white-space:nowrap">En rad som inte får plats</p></main>',
    # What repo_url would do (api.github.com), an image from a CDN, a cookie and local storage
    "integritet": '<main><h1>Integritet</h1><img alt="" src="https://cdn.example.com/bild.png"></main><script>'
                  'fetch("https://api.github.com/repos/kommun/motverka").catch(() => {});'
                  'localStorage.setItem("__palette", "1"); document.cookie = "spar=1; path=/";</script>',
    # The number appears only when JavaScript shows it
    "utan-js": '<main><h1>Ring</h1><p id="nummer" hidden><a href="tel:112">Ring 112</a></p></main>'
               '<script>document.getElementById("nummer").hidden = false;</script>',
}


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    root = tmp_path_factory.mktemp("faulty")
    for name, body in PAGES.items():
        (root / name).mkdir()
        (root / name / "index.html").write_text(HEAD + body + "</body></html>", "utf-8")
    with serve(root) as base:
        yield lambda *names: Site("faulty", root, base, tuple(f"{n}/" for n in names) or page_paths(root))


def test_axe_names_the_page_the_rule_and_the_element(faulty, open_context):
    problems = axe_findings(open_context().new_page(), faulty("kontrast"))
    text = "\n".join(problems)
    assert "/kontrast/ at 390 px: color-contrast" in text and "Svag text" in text
    assert "/kontrast/ at 1280 px: image-alt" in text and "<img" in text


@pytest.mark.parametrize("width", [390, 1280])
def test_one_load_serves_axe_and_then_the_keyboard_and_each_names_its_problems(faulty, open_context, width):
    page = open_context(width=width, still=True).new_page()
    found, keyboard = axe_and_keyboard_problems(page, faulty("kontrast"), "kontrast/", width)
    assert f"/kontrast/ at {width} px: color-contrast" in "\n".join(found), found
    assert f"/kontrast/ at {width} px: image-alt" in "\n".join(found), found
    assert not any("color-contrast" in problem or "image-alt" in problem for problem in keyboard), keyboard
    found, keyboard = axe_and_keyboard_problems(page, faulty("tangentbord"), "tangentbord/", width)
    assert any(f"/tangentbord/ at {width} px: the first tab stop is" in p for p in keyboard), keyboard


def test_the_keyboard_check_finds_a_missing_skip_link_an_invisible_focus_and_an_unreachable_link(faulty, open_context):
    page = open_context(width=390, still=True).new_page()
    _, problems = axe_and_keyboard_problems(page, faulty("tangentbord"), "tangentbord/", 390)
    assert any("not the skip link" in p for p in problems), problems
    assert any('a#a[href="#a"] "Utan fokus", shows no focus' in p for p in problems), problems
    assert any('"Hoppas över" is shown but Tab never reaches it' in p for p in problems), problems


def test_the_reflow_check_finds_sideways_scrolling_text_outside_the_window_and_cut_off_text(faulty, open_context):
    page = open_context(still=True).new_page()
    problems = "\n".join(reflow_problems(page, faulty("bred"), "bred/"))
    assert "/bred/ at 320 px: the page scrolls sideways" in problems
    assert 'text outside the window: div "Den här texten står på en rad som är m' in problems
    assert 'text cut off: p "En rad som inte får plats"' in problems


def test_the_privacy_check_finds_requests_to_other_hosts_cookies_and_storage(faulty, open_context):
    context = open_context()
    _, stored = visit_every_page(context, faulty("integritet"), 1280)
    requested = {url for _, url in context.offsite.requests}
    assert {"https://api.github.com/repos/kommun/motverka", "https://cdn.example.com/bild.png"} <= requested
    assert "/integritet/: localStorage __palette" in stored
    assert [cookie["name"] for cookie in context.cookies()] == ["spar"]


def test_the_check_without_javascript_finds_a_number_that_only_a_script_shows(faulty, open_context):
    page = open_context(width=390, js=False).new_page()
    (link,) = links_without_js(page, faulty().url("utan-js/"))
    assert link["href"] == "tel:112" and not link["shown"]
