"""Top-level navigation entries written once per folder (macros/render/nav_cache.py): every page gets exactly
what Material's macro would have written for it, and overrides/partials/nav.html stays Material's own."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.utils import normalize_url

from macros.render.nav_cache import NavCache
from tests.support.project import ROOT


@dataclass(eq=False)
class Entry:
    title: str
    url: str | None = None
    children: list = field(default_factory=list)
    active: bool = False


@dataclass(eq=False)
class Page:
    url: str


def written(item: Entry, path: str, level: int, page: Page) -> str:
    """What Material's macro writes for an entry, as far as the page matters: its links, relative to the page."""
    links = [normalize_url(item.url, page=page)] if item.url is not None else []
    links += [written(child, f"{path}_{n}", level + 1, page) for n, child in enumerate(item.children, 1)]
    return f"<li {path} {level} {item.title}>{' '.join(links)}</li>"


ENTRIES = [Entry("Start", ""), Entry("A", "a/"), Entry("B", "b/"),
           Entry("Avsnitt", children=[Entry("A 2", "a-2/"), Entry("Under a", "a/under/"), Entry("Djup", "c/d/e/")]),
           Entry("En", "en/b/"), Entry("Fil", "fil/sida.html")]
PAGES = ["a/", "b/", "a-2/", "q/", "a/under/", "a/annan/", "c/d/", "c/d/e/", "c/x/", "en/a/", "en/b/", "en/c/",
         "fil/", "", "sida.html", "fil/annan.html"]


def test_every_page_gets_what_materials_macro_writes_for_it():
    cache, calls = NavCache(), []

    for url in PAGES * 2:
        page = Page(url)
        for n, entry in enumerate(ENTRIES, 1):
            def render(item, path, level, page=page):
                calls.append(page.url)
                return written(item, path, level, page)
            assert cache.entry(render, entry, f"__nav_{n}", 1, page) == written(entry, f"__nav_{n}", 1, page), url
    assert len(calls) < len(PAGES) * len(ENTRIES)      # and something was reused


def test_the_entry_holding_the_page_and_pages_without_a_folder_are_written_anew():
    cache, calls = NavCache(), []
    entry = Entry("A", "a/")

    def render(item, path, level):
        calls.append(path)
        return "x"
    for page in [Page("b/"), Page("c/"), None, Page("sida.html"), Page("sida.html")]:
        cache.entry(render, entry, "__nav_1", 1, page)
    entry.active = True
    cache.entry(render, entry, "__nav_1", 1, Page("a/"))
    cache.entry(render, entry, "__nav_1", 1, Page("d/"))
    assert len(calls) == 1 + 3 + 2


def test_the_override_is_materials_nav_with_one_line_changed():
    import material

    theirs = open(f"{material.__path__[0]}/templates/partials/nav.html", encoding="utf-8").read()
    ours = (ROOT / "overrides" / "partials" / "nav.html").read_text("utf-8")
    strip = lambda text: text[text.index("-#}"):].replace(  # noqa: E731
        "{{ mv.nav_entry(item.render, nav_item, path, 1, page) }}", "{{ item.render(nav_item, path, 1) }}")
    assert strip(ours) == strip(theirs)
    assert "mv.nav_entry(" in ours
