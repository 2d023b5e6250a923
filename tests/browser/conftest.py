"""Browser tests: the built sites served once on 127.0.0.1, one headless Chromium for the whole session.

Every page is found by walking the built output (so new pages, such as the English edition, are checked the
moment they exist). Every browser context blocks and records any request that would leave 127.0.0.1: no test
ever reaches the network, and the privacy test reads what was attempted.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.outputs.editor import EDITOR_FOLDER
from tests.conftest import DATASETS
from tests.support.server import serve

# (dataset, output folder) for every site the browser tests check, by test id: "umea-public", "umea-staff", …
# for every dataset in DATASETS (tests/conftest.py). Each is built once per session (the `built` fixture) and
# served once (`served`).
SITES = {f"{dataset}-{edition}": (dataset, folder) for dataset in DATASETS
         for edition, folder in (("public", "site"), ("staff", "site-staff"))}
WIDTHS = {"phone": 390, "desktop": 1280}
NO_ANIMATIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@dataclass(frozen=True)
class Site:
    name: str
    root: Path
    base: str
    pages: tuple[str, ...] = field(default=())

    def url(self, page: str) -> str:
        return self.base + page


def page_paths(root: Path) -> tuple[str, ...]:
    """Every HTML page of a built site as a URL path: "" (start), "stodlinjer/", "en/", "404.html". Not the
    staff site's form editor (redigera/), an application with its own tests (tests/browser/test_editor.py)."""
    paths = []
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(f"{EDITOR_FOLDER}/"):
            continue
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return tuple(sorted(paths, key=lambda p: (p.count("/"), p)))


@pytest.fixture(scope="session")
def served(built):
    """served("katrineholm-public") -> Site, each built site served once per session."""
    stack = contextlib.ExitStack()
    cache: dict[str, Site] = {}

    def get(name: str) -> Site:
        if name not in cache:
            dataset, folder = SITES[name]
            root = built(dataset) / folder
            base = stack.enter_context(serve(root))
            cache[name] = Site(name, root, base, page_paths(root))
        return cache[name]

    with stack:
        yield get


class Offsite:
    """Requests a page tried to make to any host but the local server (blocked before they leave)."""

    def __init__(self):
        self.requests: list[tuple[str, str]] = []   # (page URL, requested URL)
        self.local = 0

    def route(self, route, request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            self.local += 1
            route.continue_()
        else:
            frame = request.frame
            self.requests.append((frame.url if frame else "", request.url))
            route.abort("blockedbyclient")


@pytest.fixture
def open_context(browser):
    """open_context(width=390, js=True, ...) -> a fresh browser context; closed after the test.

    The context's `offsite` attribute lists the blocked requests to other hosts."""
    contexts = []

    def make(width: int = 1280, height: int | None = None, js: bool = True, scale: float = 1,
             still: bool = False, locale: str = "sv-SE"):
        context = browser.new_context(viewport={"width": width, "height": height or (844 if width < 600 else 900)},
                                      device_scale_factor=scale, java_script_enabled=js, locale=locale,
                                      reduced_motion="reduce" if still else "no-preference")
        context.offsite = Offsite()
        context.route("**/*", context.offsite.route)
        context.on("page", lambda page: page.on(
            "websocket", lambda socket: context.offsite.requests.append((page.url, socket.url))))
        if still:
            context.add_init_script(
                "document.addEventListener('DOMContentLoaded', () => {"
                f"  const style = document.createElement('style'); style.textContent = {NO_ANIMATIONS!r};"
                "  document.head.appendChild(style); });")
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
