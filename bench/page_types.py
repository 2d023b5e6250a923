"""The page types the benchmark compares, by URL path. A type is measured when our public site has it, so
the list follows the site as it grows (English pages, a 404 page) without hard-coding how many pages exist."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageType:
    key: str
    label: str
    path: str               # URL path under the site root; "" is the start page

    def file(self, site: Path) -> Path:
        return site / (self.path + "index.html" if self.path == "" or self.path.endswith("/") else self.path)


# Swedish first (what residents get), then the English edition's entry points.
CANDIDATES = [
    PageType("start", "Start page", ""),
    PageType("support", "Support lines", "stodlinjer/"),
    PageType("plan", "Long content (the plan)", "handlingsplan/"),
    PageType("a11y", "Accessibility statement", "tillganglighet/"),
    PageType("open-data", "Open data", "oppna-data/"),
    PageType("404", "Not found (404)", "404.html"),
    PageType("en-start", "English start page", "en/"),
    PageType("en-support", "English support lines", "en/stodlinjer/"),
    PageType("en-404", "English not found (404)", "en/404.html"),
]


def page_types(site: Path) -> list[PageType]:
    return [page for page in CANDIDATES if page.file(site).is_file()]


def baseline_path(page: PageType, baseline_site: Path) -> str:
    """The same page in default Material; a page it cannot have (an English 404) falls back to the
    Swedish one, which is what default Material would serve."""
    if page.file(baseline_site).is_file():
        return page.path
    return page.path.removeprefix("en/")
