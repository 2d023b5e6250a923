"""Stand-ins for the sources' websites, for the source watch's tests: all on 127.0.0.1, offline.

`pages()` serves a dict of path -> Page that a test may change while the server runs, and records every
request (path, Host header, User-Agent, and how many requests were open at once). `silent()` accepts
connections and never answers. `closed_port()` is a port where nothing listens. `self_signed_certificate()`
makes a certificate that TLS verification rejects.
"""

from __future__ import annotations

import http.server
import socket
import ssl
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Page:
    body: str = ""
    status: int = 200
    headers: dict = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    raw: bytes | None = None        # the body as bytes, in another encoding than UTF-8


@dataclass
class Site:
    base: str                       # http://127.0.0.1:PORT
    port: int
    routes: dict                    # path -> Page; missing paths are 404
    requests: list = field(default_factory=list)
    most_at_once: int = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.base.split(':', 1)[0]}://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [request["path"] for request in self.requests]


class _Handler(http.server.BaseHTTPRequestHandler):
    site: Site
    lock: threading.Lock
    open_now = [0]

    def log_message(self, format, *args):  # noqa: A002  (quiet)
        pass

    def do_GET(self):  # noqa: N802  (http.server's name)
        with self.lock:
            self.open_now[0] += 1
            self.site.most_at_once = max(self.site.most_at_once, self.open_now[0])
            self.site.requests.append({"path": self.path, "host": self.headers.get("Host", ""),
                                       "agent": self.headers.get("User-Agent", "")})
        page = self.site.routes.get(self.path) or Page("<h1>Sidan finns inte</h1>", status=404)
        if page.delay:
            time.sleep(page.delay)
        # Done before the answer goes out: once the client has it, it may send its next request at once.
        with self.lock:
            self.open_now[0] -= 1
        body = page.raw if page.raw is not None else page.body.encode("utf-8")
        try:
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in page.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test) or had read enough (an error status)


@contextmanager
def pages(routes: dict, certificate: tuple[Path, Path] | None = None):
    """Serve routes over HTTP, or over HTTPS with certificate = (cert file, key file)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    port = server.server_address[1]
    scheme = "http"
    if certificate:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*map(str, certificate))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    site = Site(f"{scheme}://127.0.0.1:{port}", port, routes)
    server.RequestHandlerClass = type("Handler", (_Handler,), {"site": site, "lock": threading.Lock(),
                                                               "open_now": [0]})
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent(reply: bytes = b""):
    """A server that accepts connections and never says anything (or only `reply`, which is no HTTP): the base
    URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection = listener.accept()[0]
                held.append(connection)
                if reply:
                    connection.sendall(reply)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        for connection in held:
            connection.close()
        listener.close()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no one vouches for (openssl), as (cert file, key file)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
