"""Printing one page from the browser (the @media print rules at the end of docs/assets/stylesheets/motverka.css):
what the paper says and shows.

Pages are printed the way a browser's print dialog does (Playwright's page.pdf() in headless Chromium, print
media, A4) and the PDF is read with poppler. The plan as a whole is the PDF of tests/test_pdf.py. Each check
is shown to bite on a page printed with the rule it tests taken out.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from tests.conftest import DATASETS, REPO_URL
from tests.support.html import soup
from tests.support.pdf import SITE_URL, long_words_build, normal, page_texts, words
from tests.support.server import serve

pytestmark = pytest.mark.browser
LOCAL = re.compile(r"^(?!http://127\.0\.0\.1)")


@pytest.fixture(scope="session")
def long_words(tmp_path_factory) -> Path:
    """A build with a public address (SITE_URL), so that pages name their address (tests/support/pdf.py)."""
    return long_words_build(tmp_path_factory, env={"REPO_URL": REPO_URL})


@contextlib.contextmanager
def opened(browser, root: Path, path: str):
    """A page of the built site `root`, served on 127.0.0.1, with requests to other hosts blocked."""
    with serve(root) as base:
        page = browser.new_page()
        try:
            page.route(LOCAL, lambda route: route.abort())
            page.goto(base + path)
            yield page
        finally:
            page.close()


def print_page(browser, root: Path, path: str, out: Path, style: str = "", script: str = "") -> Path:
    """The page printed to A4 as a reader's browser prints it; `style` and `script` change the page first."""
    with opened(browser, root, path) as page:
        if style:
            page.add_style_tag(content=style)
        if script:
            page.evaluate(script)
        page.pdf(path=str(out), format="A4")
    return out


def text_of(path: Path) -> str:
    return normal(" ".join(page_texts(path)))


# --- What is on paper ---------------------------------------------------------------------------------

PRINT_STATE = """() => {
  const shown = (selector) => [...document.querySelectorAll(selector)].some(
    (el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0);
  const link = document.querySelector('article a[href^="http"]');
  return {
    navigation: ['.md-header', '.md-tabs', '.md-sidebar', '.md-footer__inner', '.mv-footer__links', '.mv-exit',
                 '.md-search'].filter((selector) => shown(selector)),
    emergency: shown('.mv-emergency'), staff: shown('.mv-staff-banner'), pdf: shown('.mv-pdf-link'),
    owner: shown('.mv-footer__owner'), reviewed: shown('.mv-reviewed'),
    href: link ? link.href : null, after: link ? getComputedStyle(link, '::after').content : null,
  };
}"""


def print_view(browser, root: Path, path: str, without_print_css: bool = False) -> dict:
    with opened(browser, root, path) as page:
        if without_print_css:
            # the print rules live in motverka.css (with the screen's)
            page.evaluate("document.querySelector('link[href$=\"motverka.css\"]').remove()")
        page.emulate_media(media="print")
        return page.evaluate(PRINT_STATE)


@pytest.mark.parametrize("site, path, staff", [("site", "handlingsplan/", False), ("site", "stodlinjer/", False),
                                               ("site-staff", "personal/styrning/", True)])
@pytest.mark.parametrize("dataset", list(DATASETS))
def test_a_printed_page_has_no_navigation_keeps_112_and_prints_web_addresses(browser, built, dataset, site, path,
                                                                              staff):
    view = print_view(browser, built(dataset) / site, path)
    assert view["navigation"] == [] and view["emergency"]
    assert view["staff"] == staff
    assert view["owner"] and view["reviewed"], "who answers for the page and when it was reviewed"
    assert not view["pdf"], "without a public address the PDF link means nothing on paper"
    if view["href"]:
        assert view["href"] in view["after"]


def test_the_print_check_finds_a_page_printed_without_the_print_stylesheet(browser, built):
    view = print_view(browser, built("katrineholm") / "site-staff", "personal/styrning/", without_print_css=True)
    assert not view["staff"] and not view["emergency"] and not view["owner"]
    view = print_view(browser, built("katrineholm") / "site", "stodlinjer/", without_print_css=True)
    assert not view["emergency"] and view["after"] in ("none", "normal")


def test_a_printed_page_names_its_address_its_municipality_and_when_it_was_reviewed(browser, long_words, tmp_path):
    site = long_words / "site"
    printed = print_page(browser, site, "stodlinjer/", tmp_path / "stodlinjer.pdf")
    first = normal(page_texts(printed)[0])
    assert first.startswith(f"{SITE_URL}stodlinjer/ ")
    html = soup(site / "stodlinjer" / "index.html")
    text = text_of(printed)
    for selector in (".mv-footer__owner", ".mv-reviewed"):
        assert normal(html.select_one(selector).get_text(" ")) in text, selector


def test_the_address_check_finds_a_page_printed_without_its_address(browser, long_words, tmp_path):
    printed = print_page(browser, long_words / "site", "stodlinjer/", tmp_path / "bare.pdf",
                         script="document.querySelector('link[rel=canonical]').remove()")
    assert not normal(page_texts(printed)[0]).startswith(SITE_URL)


def test_the_printed_plan_page_gives_the_address_of_the_pdf(browser, long_words, tmp_path):
    printed = print_page(browser, long_words / "site", "handlingsplan/", tmp_path / "plan.pdf")
    assert "(PDF, " in text_of(printed)
    assert f"({SITE_URL}handlingsplan.pdf)" in re.sub(r"\s", "", " ".join(page_texts(printed)))


# --- The internal marking on every sheet ---------------------------------------------------------------

def marking_problems(path: Path, marking: str) -> list[str]:
    """Sheets that do not begin with the internal marking, or where text of the page lies under it."""
    lines: dict[int, list[list]] = {}
    for page, x0, y0, _x1, y1, text in sorted(words(path), key=lambda w: (w[0], w[2], w[1])):
        found = lines.setdefault(page, [])
        if found and abs(found[-1][0] - y0) < 2:
            found[-1][1] = max(found[-1][1], y1)
            found[-1][2].append((x0, text))
        else:
            found.append([y0, y1, [(x0, text)]])
    problems = []
    for page, found in sorted(lines.items()):
        told, bottom, count = "", 0.0, 0
        while count < len(found) and len(told) < len(marking):
            _, y1, parts = found[count]
            told = normal(told + " " + " ".join(text for _, text in sorted(parts)))
            bottom, count = max(bottom, y1), count + 1
        if told != marking:
            problems.append(f"page {page} does not begin with the marking")
        elif count < len(found) and found[count][0] < bottom:
            problems.append(f"page {page}: text of the page under the marking")
    return problems


STAFF_PAGE = "personal/vid-oro/"


def staff_marking(site: Path) -> str:
    return normal(soup(site / STAFF_PAGE / "index.html").select_one(".mv-staff-banner").get_text(" "))


def test_the_internal_marking_is_on_every_printed_sheet_and_hides_no_text(browser, long_words, tmp_path):
    site = long_words / "site-staff"
    printed = print_page(browser, site, STAFF_PAGE, tmp_path / "staff.pdf")
    assert len(page_texts(printed)) >= 2, "a page long enough to need two sheets"
    assert marking_problems(printed, staff_marking(site)) == []


def test_the_marking_check_finds_a_marking_on_the_first_sheet_only_or_over_text(browser, long_words, tmp_path):
    site = long_words / "site-staff"
    once = print_page(browser, site, STAFF_PAGE, tmp_path / "once.pdf",
                      style=".mv-staff-banner { position: static !important }")
    assert "page 2 does not begin with the marking" in marking_problems(once, staff_marking(site))
    over = print_page(browser, site, STAFF_PAGE, tmp_path / "over.pdf",
                      style="head, .md-content__inner { padding-top: 0 !important; margin-top: 0 !important }")
    assert marking_problems(over, staff_marking(site)) != []


# --- Steps for relatives ------------------------------------------------------------------------------

BREAKS = """() => {
  const style = (selector, pseudo) => getComputedStyle(document.querySelector(selector), pseudo);
  return {step: style('.mv-step').breakInside, card: style('.mv-step .mv-card').breakInside,
          heading: style('.mv-step > h3').breakAfter, text: style('.mv-step > h3 + p').breakAfter};
}"""


def breaks(browser, root: Path, style: str = "") -> dict:
    with serve(root) as base:
        page = browser.new_page()
        try:
            page.route(LOCAL, lambda route: route.abort())
            page.goto(base + "stod-till-anhoriga/")
            if style:
                page.add_style_tag(content=style)
            page.emulate_media(media="print")
            return page.evaluate(BREAKS)
        finally:
            page.close()


def test_a_printed_step_may_break_between_its_cards_but_no_card_breaks(browser, built):
    """Keeping each whole step on one sheet left sheets half empty; a card, and a step's heading and text
    with its first card, still hold together."""
    assert breaks(browser, built("katrineholm") / "site") == {
        "step": "auto", "card": "avoid", "heading": "avoid", "text": "avoid"}


def test_the_break_check_finds_whole_steps_kept_on_one_sheet(browser, built):
    kept = breaks(browser, built("katrineholm") / "site", style=".md-typeset .mv-step { break-inside: avoid }")
    assert kept["step"] == "avoid"
