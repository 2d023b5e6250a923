"""What WeasyPrint may read while it makes the PDF: files of the site being built, nothing else.

WeasyPrint's own fetcher follows any address in the document: file:///etc/passwd, http(s) on the network,
data: URLs. This one opens only file: addresses under the folders it is given (the site's docs/ and the
kit's PDF templates), after resolving symbolic links and `..`; everything else is refused and remembered,
so that pdf.py can name the page and line that asked for it. The kit itself makes no data: URL, so none is
allowed. Embedded files (rel="attachment") are refused too: the PDF carries no attachment the kit did not
put there.

The fetcher itself is in site_fetcher.py, which imports WeasyPrint; the rules and reasons here do not, so a
build process that makes no PDF (another language edition, a build without the PDF) never loads WeasyPrint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

# Why an address was refused, in the words of the message pdf_resource_refused.
REASONS = {
    "outside": "den ligger utanför webbplatsen",
    "network": "PDF:en hämtar aldrig något från nätet",
    "data": "PDF:en använder bara data:-adresser som webbplatsen själv har gjort",
    "scheme": "adressen går inte att hämta",
    "missing": "filen finns inte",
    "attachment": "PDF:en får inga bifogade filer utöver dem som webbplatsen själv lägger dit",
}


@dataclass
class Refusal:
    url: str
    reason: str          # a key of REASONS


class _Attachments(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "attachment" in (values.get("rel") or "").lower().split():
            self.found.append(values.get("href") or "")


def attachments(document_html: str) -> list[str]:
    """The addresses WeasyPrint would embed as attachments (<a rel="attachment">, <link rel="attachment">)."""
    parser = _Attachments()
    parser.feed(document_html)
    parser.close()
    return parser.found


def needles(url: str, base: Path) -> list[str]:
    """Texts to look for in the pages and data to find where an address was written: the address itself,
    its path relative to the docs folder, its file name."""
    found = [url]
    parts = urlsplit(url)
    if parts.scheme == "file":
        path = Path(url2pathname(unquote(parts.path)))
        try:
            found.append(path.resolve().relative_to(base.resolve()).as_posix())
        except ValueError:
            pass
        found.append(path.name)
    elif parts.scheme in ("http", "https"):
        found.append(re.sub(r"^https?:", "", url))
    return [needle for needle in found if needle]
