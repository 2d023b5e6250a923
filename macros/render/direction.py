"""Right-to-left pages: dir="rtl" on the <html> element, and the stylesheet that mirrors the site's layout.

Material writes the direction only on <body>, and its <html> tag lies outside any template block. The
document's base direction belongs on <html> too (WCAG's H56; the browser's own scroll bar and the language
tools follow it). Left to right is HTML's default, so left-to-right pages are left exactly as they are.
rtl.css (docs/assets/stylesheets/) is published only by a site that has a right-to-left language.
"""

from __future__ import annotations

import re

from macros.text.languages import language, registry

RTL_STYLESHEET = "assets/stylesheets/rtl.css"
_HTML_TAG = re.compile(r'<html lang="(?P<lang>[^"]+)"')


def with_direction(html: str) -> str:
    """The page with dir on its <html> element when its language (lang="…") is written right to left."""
    match = _HTML_TAG.search(html)
    if not match or match["lang"] not in registry() or language(match["lang"]).direction == "ltr":
        return html
    return f'{html[:match.end()]} dir="{language(match["lang"]).direction}"{html[match.end():]}'


def without_unused_stylesheet(files, codes: list[str]):
    """The site's files without rtl.css when none of its languages is written right to left."""
    if not any(language(code).direction == "rtl" for code in codes):
        stylesheet = files.get_file_from_path(RTL_STYLESHEET)
        if stylesheet is not None:
            files.remove(stylesheet)
    return files
