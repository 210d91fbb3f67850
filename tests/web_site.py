"""A small web site the tests start on 127.0.0.1: pages, feeds, robots.txt and misbehaving routes.

Every request is counted (path and headers), so a test can say what was fetched, how often, and
with which User-Agent. Nothing leaves the machine.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What a path answers: a status, a content type and a body; or a handler that does it itself."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    handle: Callable | None = None  # handle(handler, hits): write the whole response


class Site:
    """A threaded HTTP server on a free port of 127.0.0.1 with the routes given (404 elsewhere)."""

    def __init__(self, routes: dict[str, Route]):
        self.routes = routes
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                with site._lock:
                    site.hits[self.path] += 1
                    hits = site.hits[self.path]
                    site.user_agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path)
                if route is None:
                    self._send(404, "text/html", b"<html><body>not here</body></html>")
                elif route.handle is not None:
                    route.handle(self, hits)
                else:
                    self._send(route.status, route.content_type, route.body, route.headers)

            def _send(self, status, content_type, body, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page_hits(self) -> int:
        """Requests for anything but robots.txt."""
        return sum(n for path, n in self.hits.items() if path != "/robots.txt")


def slow(seconds: float) -> Callable:
    """A handler that waits before it answers (longer than the client's timeout)."""
    def handle(handler, hits):
        time.sleep(seconds)
        try:
            handler._send(200, "text/html", b"<html><body>late</body></html>")
        except OSError:
            pass  # the client gave up
    return handle


def fails_first(times: int, body: bytes) -> Callable:
    """A handler that answers 500 the first ``times`` requests, then the page."""
    def handle(handler, hits):
        if hits <= times:
            handler._send(500, "text/html", b"<html><body>oops</body></html>")
        else:
            handler._send(200, "text/html; charset=utf-8", body)
    return handle


def endless(block: int = 64 * 1024) -> Callable:
    """A handler that sends HTML without a Content-Length until the client hangs up."""
    def handle(handler, hits):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            handler.wfile.write(b"<html><body><p>")
            for _ in range(10_000):  # 640 MB at most: the client stops long before
                handler.wfile.write(b"x" * block)
        except OSError:
            pass
    return handle


def redirect(to: str, status: int = 302) -> Route:
    return Route(status=status, headers={"Location": to})
