"""The URL fetcher WeasyPrint reads through while it makes the PDF: files under the site's folders, nothing else
(the rules and the reasons are in fetch.py). Only a process that makes a PDF imports this module, and with it
WeasyPrint."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher

from macros.outputs.pdf.fetch import Refusal


class SiteOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads only files under `roots`."""

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, timeout=1)
        self.roots = [Path(root).resolve() for root in roots]
        self.refused: list[Refusal] = []

    def fetch(self, url, headers=None):
        scheme = (urlsplit(url).scheme or "").lower()
        if scheme == "file":
            path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                return self._refuse(url, "outside")
            if not path.is_file():
                return self._refuse(url, "missing")
            return super().fetch(path.as_uri(), headers)
        if scheme in ("http", "https", "ftp", "ftps", "ws", "wss"):
            return self._refuse(url, "network")
        if scheme == "data":
            return self._refuse(url, "data")
        return self._refuse(url, "scheme")

    def _refuse(self, url: str, reason: str):
        self.refused.append(Refusal(url, reason))
        raise ValueError(f"refused by SiteOnlyFetcher ({reason}): {url[:80]}")
