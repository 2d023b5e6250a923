"""Screenshot built pages in headless Chromium, for a person to look at (not a test).

    python tools/screenshot.py SITE_DIR OUT_DIR page/ [page/ …] [--width 390] [--full]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.browser import launch_browser  # noqa: E402
from tests.support.server import serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--width", type=int, action="append")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--no-js", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with serve(Path(args.site)) as base, launch_browser() as browser:
        for width in args.width or [390, 1280]:
            context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900},
                                          java_script_enabled=not args.no_js)
            page = context.new_page()
            for path in args.pages:
                page.goto(base + path.lstrip("/"))
                name = (path.strip("/").replace("/", "_") or "index") + f"-{width}.png"
                page.screenshot(path=str(out / name), full_page=args.full)
                print(out / name)
            context.close()


if __name__ == "__main__":
    main()
