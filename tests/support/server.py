"""Serve a built site on 127.0.0.1 for browser tests, link checks and benchmarks.

Sends a `LinkChecker` header so that linkchecker does not throttle itself to 10 requests a second, and
can gzip responses like a real host (for byte counts in `make bench`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


class _Handler(http.server.SimpleHTTPRequestHandler):
    gzip_enabled = False

    def log_message(self, format, *args):  # noqa: A002  (quiet)
        pass

    def end_headers(self):
        self.send_header("LinkChecker", "allowed")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            index = Path(path) / "index.html"
            if index.exists() and self.path.endswith("/"):
                path = str(index)
        if (self.gzip_enabled and "gzip" in self.headers.get("Accept-Encoding", "")
                and path.endswith(_COMPRESSIBLE) and Path(path).is_file()):
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that navigates away mid-response (Lighthouse does) is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@contextmanager
def serve(directory: Path, gzip_enabled: bool = False, port: int = 0):
    """Yield the base URL (http://127.0.0.1:PORT/) of `directory`, served until the block ends. A fixed
    `port` is for a site built with SITE_URL naming it (canonical URLs); 0 picks a free one."""
    handler = functools.partial(type("Handler", (_Handler,), {"gzip_enabled": gzip_enabled}),
                                directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
