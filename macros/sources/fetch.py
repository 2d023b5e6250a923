"""Fetch source pages politely: one request at a time per host, robots.txt first, a User-Agent and a timeout.

Each distinct address is fetched once. Hosts are worked through in parallel, each host's addresses one after
the other. A redirect within the same site (http to https, example.se to www.example.se) is followed; a
redirect to another site is not, and is reported as the source having moved. If a host's robots.txt cannot be
reached at all, its pages are not tried either (the host is reported unreachable), so a host that never answers
costs one timeout, not one per page.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

AGENT_TOKEN = "Motverka-kallbevakning"
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    """What became of one address. kind: ok, gone, moved, unreachable, disallowed, unreadable."""

    url: str
    kind: str
    body: bytes = b""
    detail: str = ""       # the error, the HTTP status, or where the page moved to
    final_url: str = ""
    status: int = 0        # the HTTP status of the last answer, 0 if there was none
    charset: str | None = None  # as the server declared it


def user_agent(repository: str | None) -> str:
    return f"{AGENT_TOKEN}/1 (+{repository})" if repository else f"{AGENT_TOKEN}/1"


def site_of(url: str) -> str:
    """The site an address belongs to: its host without a leading www. (the same site for a visitor)."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by hand, to see where each one goes."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def describe_error(error: BaseException, timeout: float) -> str:
    """The reason a page could not be reached, in Swedish for the report."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"inget svar inom {timeout:g} sekunder (timeout)"
    if isinstance(reason, socket.gaierror):
        return "namnet hittades inte (DNS)"
    if isinstance(reason, ConnectionRefusedError):
        return "anslutningen nekades (connection refused)"
    if isinstance(reason, ConnectionResetError):
        return "anslutningen bröts (connection reset)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"certifikatet godtogs inte (TLS: {reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"krypteringen misslyckades (TLS: {reason.reason or reason})"
    if isinstance(reason, http.client.HTTPException):
        return f"svaret gick inte att läsa ({type(reason).__name__})"
    return f"{type(reason).__name__}: {reason}"


class Fetcher:
    def __init__(self, repository: str | None = None, timeout: float = 20.0, workers: int = 8):
        self.agent = user_agent(repository)
        self.timeout = timeout
        self.workers = workers
        self._opener = urllib.request.build_opener(_NoRedirects())

    def _get(self, url: str):
        request = urllib.request.Request(url, headers={
            "User-Agent": self.agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Language": "sv,en;q=0.5"})
        return self._opener.open(request, timeout=self.timeout)

    def _robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's robots.txt rules, or the reason the host cannot be reached."""
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        fetched = self._page(origin + "/robots.txt")
        if fetched.kind == "ok":
            rules.parse(fetched.body.decode(fetched.charset or "utf-8", "replace").splitlines())
        elif fetched.kind == "unreachable" and not fetched.status:
            return fetched.detail
        else:
            # As robotparser itself reads statuses: 401/403 forbid everything, any other answer allows everything.
            rules.disallow_all = fetched.status in (401, 403)
            rules.allow_all = not rules.disallow_all
        return rules

    def _page(self, url: str) -> Fetched:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            try:
                with self._get(current) as response:
                    kind = response.headers.get_content_type()
                    charset = response.headers.get_content_charset()
                    body = response.read(MAX_BYTES)
                    status = response.status
                if not (kind.startswith("text/") or "html" in kind or "xml" in kind):
                    return Fetched(url, "unreadable", detail=kind, final_url=current, status=status)
                return Fetched(url, "ok", body=body, final_url=current, status=status, charset=charset)
            except urllib.error.HTTPError as error:
                code = error.code
                if code in (301, 302, 303, 307, 308) and error.headers.get("Location"):
                    target = urljoin(current, error.headers["Location"])
                    if site_of(target) != site_of(current):
                        return Fetched(url, "moved", detail=target, final_url=target, status=code)
                    current = target
                    continue
                if code in (404, 410):
                    return Fetched(url, "gone", detail=str(code), final_url=current, status=code)
                return Fetched(url, "unreachable", detail=f"svarade med HTTP-status {code}", final_url=current,
                               status=code)
            except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
                return Fetched(url, "unreachable", detail=describe_error(error, self.timeout), final_url=current)
        return Fetched(url, "unreachable", detail=f"fler än {MAX_REDIRECTS} omdirigeringar", final_url=current)

    def _host(self, origin: str, urls: list[str]) -> list[Fetched]:
        rules = self._robots(origin)
        if isinstance(rules, str):
            return [Fetched(url, "unreachable", detail=rules) for url in urls]
        results = []
        for url in urls:
            if not rules.can_fetch(AGENT_TOKEN, url):
                results.append(Fetched(url, "disallowed"))
            else:
                results.append(self._page(url))
        return results

    def fetch_all(self, urls: list[str]) -> dict[str, Fetched]:
        """Every distinct address fetched once; hosts in parallel, one request at a time per host."""
        by_host: dict[str, list[str]] = {}
        for url in dict.fromkeys(urls):
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                continue
            by_host.setdefault(host_of(url), []).append(url)
        results: dict[str, Fetched] = {}
        for url in dict.fromkeys(urls):
            if not any(url in group for group in by_host.values()):
                results[url] = Fetched(url, "unreachable", detail="adressen är ingen webbadress (http/https)")
        if not by_host:
            return results
        with ThreadPoolExecutor(max_workers=min(self.workers, len(by_host))) as pool:
            for group in pool.map(lambda item: self._host(*item), by_host.items()):
                results.update({fetched.url: fetched for fetched in group})
        return results
