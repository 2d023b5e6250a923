"""Time to help: how much of the start page's gzip stream must arrive before the first support line's
`tel:` link can be shown. A new TCP connection sends about 10 segments (RFC 6928; ~14 KB) before it waits
for the first acknowledgement: a link inside that window arrives in the first round trip of the response.

Counted: the HTTP response headers plus the gzip bytes (level 6, as served) needed to decode the HTML up to
and including the link's closing </a>. TLS record overhead is not counted (the bench serves plain HTTP).
"""

from __future__ import annotations

import http.client
import re
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

INITIAL_WINDOW = 14 * 1024
_TEL = re.compile(rb'<a\b[^>]*href="tel:[^"]*"[^>]*>.*?</a>', re.S)


@dataclass
class Help:
    label: str
    href: str
    html_offset: int        # where the link ends in the uncompressed HTML
    gzip_bytes: int         # gzip bytes needed to decode that far
    header_bytes: int

    @property
    def total(self) -> int:
        return self.gzip_bytes + self.header_bytes


def gzip_prefix_bytes(data: bytes, end: int) -> int:
    """Bytes of a gzip stream (level 6) that a browser needs to decode data[:end]: compress the prefix and
    flush, as a server's streaming compressor would have emitted by then."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return len(compressor.compress(data[:end])) + len(compressor.flush(zlib.Z_SYNC_FLUSH))


def response_header_bytes(url: str) -> int:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path or "/", headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        return len(f"HTTP/1.1 {response.status} {response.reason}\r\n".encode()) + len(response.msg.as_bytes())
    finally:
        connection.close()


def time_to_help(html: bytes, url: str) -> list[Help]:
    """The first tel: link on the page (the 112 bar) and the first one in the page content (a support line)."""
    headers = response_header_bytes(url)
    content_start = max(html.find(b'class="md-content"'), 0)
    found = []
    for label, start in (("first tel: link (emergency bar)", 0), ("first support line in the content", content_start)):
        match = _TEL.search(html, start)
        if match:
            href = re.search(rb'href="([^"]*)"', match.group(0)).group(1).decode()
            found.append(Help(label, href, match.end(), gzip_prefix_bytes(html, match.end()), headers))
    return found


_PARTS = {
    "inline SVG icons": re.compile(rb"<svg\b.*?</svg>", re.S),
    "JSON-LD": re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S),
    "navigation sidebar": re.compile(rb'<div class="md-sidebar md-sidebar--primary".*?</nav>\s*</div>\s*</div>\s*</div>',
                                     re.S),
    "search dialog": re.compile(rb'<div class="md-search".*?</div>\s*</div>\s*</div>\s*</div>\s*</div>', re.S),
}


def anatomy(html: bytes) -> dict[str, int]:
    """Gzip bytes each part adds to a page: the page's gzip size minus its size without that part."""
    whole = len(zlib.compress(html, 6))
    found = {"whole page": whole}
    for label, pattern in _PARTS.items():
        if pattern.search(html):
            found[label] = whole - len(zlib.compress(pattern.sub(b"", html), 6))
    return found
