"""Headless Chromium for the browser tests: the system browser, never a downloaded one.

The browser is found from $CHROME_PATH or $CHROMIUM_PATH, then chromium, chromium-browser, google-chrome
(GitHub's Ubuntu runners have Google Chrome, Debian has chromium). The flags keep it quiet and offline.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
         "--disable-dev-shm-usage"]
CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


def find_browser() -> str | None:
    for variable in ("CHROME_PATH", "CHROMIUM_PATH"):
        path = os.environ.get(variable)
        if path and os.path.exists(path):
            return path
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


@contextmanager
def launch_browser():
    from playwright.sync_api import sync_playwright

    executable = find_browser()
    if executable is None:
        raise RuntimeError("Ingen Chromium hittades. Kör `make test` (som installerar den) eller sätt CHROME_PATH.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
