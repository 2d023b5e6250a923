"""A preview that opens from a folder or a downloaded zip: double-click index.html, and every link works.

The published site links to pages as folders (stodlinjer/), which a web server answers with the folder's
index.html; a browser opening files shows a directory listing instead. The preview is a copy of the built
public site with each such link pointing at the index.html itself. The published site is not touched: the
copy is made after it is built (`make preview`, and the pull request's artifact in CI). Search needs a web
server, so it does not work in the preview; everything else does.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_HREF = re.compile(r"""(?P<before>\bhref=)(?P<quote>["'])(?P<url>[^"'#?]*)(?P<rest>[?#][^"']*)?(?P=quote)""")
_OTHER = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)


def file_url(url: str) -> str:
    """stodlinjer/ -> stodlinjer/index.html, .. -> ../index.html; a file, an anchor or another site unchanged."""
    if not url or _OTHER.match(url):
        return url
    if url.endswith("/"):
        return url + "index.html"
    if url in (".", "..") or url.endswith(("/.", "/..")):
        return url + "/index.html"
    return url


def _link(match: re.Match) -> str:
    return (f"{match['before']}{match['quote']}{file_url(match['url'])}{match['rest'] or ''}"
            f"{match['quote']}")


def openable(site: Path, target: Path) -> int:
    """Copy a built site to target with every link to a folder made a link to its index.html. Pages changed."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target)
    changed = 0
    for page in sorted(target.rglob("*.html")):
        text = page.read_text("utf-8")
        rewritten = _HREF.sub(_link, text)
        if rewritten != text:
            page.write_text(rewritten, "utf-8")
            changed += 1
    return changed
