"""The public address of the site itself, for canonical links, the sitemap, robots.txt and the PDF.

It comes from SITE_URL (the workflows set it from where they publish) or else from municipality.yml ›
site_url. Without either, the build leaves canonical links and the sitemap out rather than writing a wrong
address into them (MkDocs used to default to http://127.0.0.1:8000/, which a municipality that uploads site/
would publish). `make serve` is unaffected: MkDocs sets its own 127.0.0.1 address while serving.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


def is_loopback(url: str | None) -> bool:
    """True for an address on this computer (http://127.0.0.1:8000/, http://localhost/…)."""
    host = urlsplit(url or "").hostname
    return host is not None and (host in LOOPBACK or host.startswith("127.") or host.endswith(".localhost"))


def with_slash(url: str) -> str:
    return url.rstrip("/") + "/"


def from_environment() -> str | None:
    """SITE_URL, if it is set to something."""
    value = (os.environ.get("SITE_URL") or "").strip()
    return with_slash(value) if value else None


def resolve(data_site_url: str | None) -> str | None:
    """Where the site is published: SITE_URL first (a deployment knows where it puts the site), then the data."""
    return from_environment() or (with_slash(data_site_url) if data_site_url else None)
