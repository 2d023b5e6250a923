"""First-view page weight: what a phone downloads for one page with an empty cache, until the network is
idle (the search worker's index and language files included, since they load without any click).

Requests are recorded by headless Chromium (tests/support/browser.py); their sizes are the gzip bodies that
tests/support/server.py sends for those files (gzip -6, the level a typical host uses), computed from disk
so that worker requests, which Chromium reports without a size, count too. Requests to any other host are
blocked and counted apart: default Material asks Google Fonts for Roboto.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.support.server import _COMPRESSIBLE

SETTLE_SECONDS = 1.0        # after network idle: late requests (search worker) must be counted


@dataclass
class Request:
    path: str
    kind: str
    bytes: int


@dataclass
class FirstView:
    url: str
    requests: list[Request] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)     # other hosts (fonts.googleapis.com …)

    @property
    def bytes(self) -> int:
        return sum(r.bytes for r in self.requests)

    @property
    def count(self) -> int:
        return len(self.requests)

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for request in self.requests:
            kinds[request.kind] = kinds.get(request.kind, 0) + request.bytes
        return kinds


def kind_of(path: str, is_document: bool) -> str:
    if is_document:
        return "html"
    if "/search/" in path or "/workers/search" in path or "/lunr/" in path:
        return "search"
    if path.endswith("sitemap.xml"):
        return "sitemap"
    if path.endswith(".css"):
        return "css"
    if path.endswith(".js"):
        return "js"
    return "other"


def served_bytes(site: Path, path: str) -> int:
    """The body size the bench server sends for `path`: gzip for text types, the file itself otherwise."""
    file = site / unquote(path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return 0
    data = file.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if file.name.endswith(_COMPRESSIBLE) else len(data)


def first_view(browser, site: Path, base: str, path: str, mobile: bool = True) -> FirstView:
    viewport = {"width": 412, "height": 823} if mobile else {"width": 1350, "height": 940}
    context = browser.new_context(viewport=viewport, service_workers="block")
    result = FirstView(base + path)
    host = urlsplit(base).netloc

    def route(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            result.blocked.append(route.request.url)
            route.abort()

    seen: list = []
    context.route("**/*", route)
    context.on("requestfinished", lambda request: seen.append(request))
    page = context.new_page()
    try:
        page.goto(result.url, wait_until="load")
        page.wait_for_load_state("networkidle")
        time.sleep(SETTLE_SECONDS)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    for request in seen:
        if urlsplit(request.url).netloc != host:
            continue
        request_path = urlsplit(request.url).path
        result.requests.append(Request(request_path, kind_of(request_path, request.url == result.url),
                                       served_bytes(site, request_path)))
    return result
