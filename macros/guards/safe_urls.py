"""Which link addresses a page or a data file may hold, read the way a browser reads them.

A browser decodes entities in an attribute, drops tabs and line breaks anywhere in a URL, trims spaces and
control characters at its ends and reads the scheme in any case: `&#106;ava&#x09;script:` and ` JavaScript:`
both run script. `scheme_of` does the same, so that no spelling of javascript:, data: or vbscript: gets past
the allow-list. Only https:, mailto:, tel:, sms: and addresses on the site itself (relative, #anchors) are allowed;
http: is named apart, because its fix differs (use https).
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

ALLOWED_SCHEMES = ("https", "mailto", "tel", "sms")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_EDGE = "".join(chr(c) for c in range(0x21)) + "\x7f"


def normalised(value: str, decode_entities: bool = True) -> str:
    """The address as a browser's URL parser sees it (WHATWG URL: strip, drop tab/newline)."""
    text = html.unescape(value) if decode_entities else value
    return _TAB_OR_NEWLINE.sub("", text).strip(_EDGE)


def scheme_of(value: str, decode_entities: bool = True) -> str | None:
    """The lower-case scheme a browser would use for value, or None for an address on the same site.

    Percent-encoding is decoded once more as well: `java%73cript:` is harmless to a browser today, but an
    address that only looks safe while encoded is refused anyway.
    """
    text = normalised(value, decode_entities)
    match = _SCHEME.match(text)
    if match:
        return match.group(1).lower()
    decoded = normalised(unquote(text), decode_entities=False)
    match = _SCHEME.match(decoded)
    return match.group(1).lower() if match else None


def link_problem(value: str, decode_entities: bool = True) -> tuple[str, str] | None:
    """("scheme", scheme) for a scheme outside the allow-list, ("http", "http") for http:, else None."""
    scheme = scheme_of(value, decode_entities)
    if scheme is None or scheme in ALLOWED_SCHEMES:
        return None
    if scheme == "http":
        return ("http", scheme)
    return ("scheme", scheme)


def other_host(value: str, decode_entities: bool = True) -> str | None:
    """The host of an address on another site (https://…, //host/…), or None for one on this site."""
    text = normalised(value, decode_entities)
    if text.startswith(("//", "\\\\", "/\\", "\\/")) or scheme_of(text, decode_entities=False):
        try:
            host = urlsplit(text.replace("\\", "/")).hostname
        except ValueError:
            host = None
        return host or text
    return None
