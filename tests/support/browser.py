"""Headless Chromium for the browser tests: the system browser, never a downloaded one.

The tests prefer Chromium's headless shell (Debian: chromium-headless-shell), the same Blink engine without the
browser's window, tabs and their processes: the page, axe and the keyboard see the same thing, for about a
fifth less CPU, which is what the 2-core test run is short of. Without it, the full browser runs headless.
The browser is found from $CHROME_PATH or $CHROMIUM_PATH, then the shell, then chromium, chromium-browser,
google-chrome (GitHub's Ubuntu runners have Google Chrome, Debian has chromium). Lighthouse (make bench) always
measures the full browser, as a visitor has it. The flags keep it quiet and offline.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"]
FULL_BROWSER_FLAGS = ["--headless=new", *FLAGS]   # the shell is headless by nature; a full browser is told
SHELLS = ["chromium-headless-shell", "chrome-headless-shell"]
CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


def find_browser(shell: bool = True) -> str | None:
    """The browser to drive; with shell=False a full browser, never the headless shell."""
    for variable in ("CHROME_PATH", "CHROMIUM_PATH"):
        path = os.environ.get(variable)
        if path and os.path.exists(path) and (shell or not is_shell(path)):
            return path
    for name in (SHELLS if shell else []) + CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def is_shell(executable: str) -> bool:
    return any(os.path.basename(executable).startswith(name) for name in SHELLS)


def flags_for(executable: str) -> list[str]:
    return FLAGS if is_shell(executable) else FULL_BROWSER_FLAGS


@contextmanager
def launch_browser():
    from playwright.sync_api import sync_playwright

    executable = find_browser()
    if executable is None:
        raise RuntimeError("Ingen Chromium hittades. Kör `make test` (som installerar den) eller sätt CHROME_PATH.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=flags_for(executable), headless=True)
        try:
            yield browser
        finally:
            browser.close()
