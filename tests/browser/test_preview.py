"""The preview opens from files, as a reviewer opens the downloaded artifact: double-click index.html, then
every menu item and link leads to a page, never to a directory listing (macros/outputs/preview.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from macros.cli.build import Dataset
from macros.cli.preview import preview
from macros.outputs.preview import file_url

pytestmark = pytest.mark.browser


def test_links_to_folders_point_at_their_index_page():
    assert file_url("stodlinjer/") == "stodlinjer/index.html"
    assert file_url("..") == "../index.html"
    assert file_url(".") == "./index.html"
    assert file_url("../en/") == "../en/index.html"
    for unchanged in ("handlingsplan.pdf", "https://www.1177.se/", "tel:112", "mailto:a@b.se", "/abs/", "", "x.css"):
        assert file_url(unchanged) == unchanged


@pytest.fixture(scope="module")
def opened(built, tmp_path_factory) -> Path:
    """The public site as CI's artifact holds it: `make preview SITE=…` of Katrineholm's built site."""
    out = tmp_path_factory.mktemp("preview") / "preview"
    site = built("katrineholm") / "site"
    assert preview(Dataset(site.parent, site.parent), site=site, out=out) == 0
    return out


def test_every_link_of_the_preview_opens_a_page_from_the_file_system(opened, browser):
    page = browser.new_page()
    start = (opened / "index.html").as_uri()
    seen, queue = set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        path = Path(unquote(urlsplit(url).path))
        assert path.is_file(), f"a link leads to {path}, which is not a file (a directory listing)"
        if path.suffix != ".html":
            continue
        page.goto(url)
        assert not page.title().startswith("Index of"), url
        assert page.locator("h1").count() >= 1, url
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target, _ = urldefrag(href)
            if target.startswith("file://") and target.startswith(opened.as_uri()):
                queue.append(target)
    assert {p.as_uri() for p in opened.rglob("index.html")} <= seen  # every page, in both languages
    page.close()


def test_clicking_through_the_menu_from_the_start_page(opened, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((opened / "index.html").as_uri())
    menu = page.eval_on_selector_all(
        ".md-nav--primary .md-nav__link[href]",
        "links => links.filter(a => a.offsetParent !== null && !a.getAttribute('href').startsWith('#'))"
        ".map(a => a.getAttribute('href'))")
    assert len(menu) >= 8, menu
    for href in menu:
        page.goto((opened / "index.html").as_uri())
        page.locator(f'.md-nav--primary .md-nav__link[href="{href}"]:visible').first.click()
        page.wait_for_load_state()
        assert page.url.endswith("index.html"), page.url
        assert not page.title().startswith("Index of")
        assert page.locator("h1").first.is_visible()
    page.close()
