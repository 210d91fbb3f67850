"""The HTTP front of ``quotegraph serve``: checks every request, forwards it to the Oxigraph
server on a private loopback port, and kills that server when a query overruns its time.

Why a front that kills, rather than a timeout inside the engine: Oxigraph stops a query only
where its evaluation looks at the clock, and many heavy queries never look (a 4-way cross join
on 30,000 triples, ORDER BY over a join, a SERVICE call to a host that never answers: they run
on for minutes after the client left, keeping cores busy). A query cannot be stopped from
outside a thread, only with its process. So the engine runs in its own process (the
``oxigraph`` server, unchanged: its SPARQL protocol, content negotiation, Graph Store Protocol
and result formats are its own), and this front, a stdlib ``ThreadingHTTPServer`` the user
talks to, watches each request: when the answer is not complete ``timeout`` seconds after the
request, it answers 503 with one line saying so and kills the server's process group, then
starts it again on the same store (a fraction of a second; read-only opens are cheap, and a
store opened for writing is crash-safe). Queries in flight on the killed server at that moment
get a 503 asking to send them again: a clear error, never a wrong answer. Killable worker
processes per query were the other choice; they would mean a second implementation of the
SPARQL protocol and one store opened many times, against one restart in the rare overrun.

Before anything is forwarded, the front also

* refuses a ``Host`` header other than the bound host or a loopback name (DNS rebinding), unless
  the endpoint is ``public``;
* refuses a query or update nested too deeply or calling ``SERVICE``/``LOAD`` outside the
  allow-list (:mod:`quotegraph.graph.sparql_checks`): 400 and one line, the server stays up and
  nothing is sent to that address;
* pre-declares quotegraph's prefixes (a query's own PREFIX wins) and turns the parser's error
  into one line with the position in the query as sent;
* gives ``SELECT *`` columns in the order the query names them (:mod:`quotegraph.graph.columns`).
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import QueryError, QuotegraphError

from .columns import Reorder, TsvToCsv, reorderable, wants_csv
from .sparql import query_kind, star_order, syntax_error_line, with_prefixes
from .sparql_checks import check_query

__all__ = ["GuardConfig", "GuardServer", "allowed_host"]

_MAX_OPERATION = 1 << 20  # bytes of a query or update (a real one is a few KB)
_MAX_BODY = 1 << 30  # bytes of any other request body (Graph Store Protocol uploads)
_BUFFER = 1 << 20  # an answer up to this size is sent whole, with its length
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
               "transfer-encoding", "upgrade", "host", "content-length", "accept-encoding"}
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


@dataclass
class GuardConfig:
    """What the front enforces; ``restart`` kills the backend server and starts it again on a
    new ``backend_port`` (it sets the field)."""

    backend_port: int
    timeout: float
    host: str
    public: bool = False
    allow_service: list[str] = field(default_factory=list)
    restart: Callable[[], None] = lambda: None
    ready_timeout: float = 60.0


def allowed_host(header: str | None, bound: str, public: bool) -> bool:
    """Whether a request's ``Host`` header names this endpoint (DNS-rebinding protection).

    >>> allowed_host("127.0.0.1:7878", "127.0.0.1", False), allowed_host("[::1]:80", "127.0.0.1", False)
    (True, True)
    >>> allowed_host("attacker.example:7878", "127.0.0.1", False), allowed_host("x.example", "0.0.0.0", True)
    (False, True)
    """
    if public or header is None:
        return True  # a client without Host is no browser; --public serves every name
    name = header.strip().lower()
    if name.startswith("["):
        name = name[1:name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.split(":")[0]
    return name in _LOOPBACK_NAMES or name == bound.strip("[]").lower()


class GuardServer(ThreadingHTTPServer):
    """The front; ``serve_forever()`` in a thread, ``shutdown()`` to stop it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], config: GuardConfig):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.config = config
        self.generation = 0  # how many times the backend was restarted
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.ready.set()
        super().__init__((address[0].strip("[]"), address[1]), _Handler)

    def overran(self, generation: int) -> None:
        """Kill and restart the backend, unless another overrun did since ``generation``."""
        with self.lock:
            if generation != self.generation:
                return
            self.generation += 1
            self.ready.clear()
            try:
                self.config.restart()
            except QuotegraphError:
                pass  # the engine did not come back: SparqlServer.running() says so, serve() reports it
            finally:
                self.ready.set()


def _unchecked_sparql(method: str, path: str, query_string: str, content_type: str) -> tuple[int, str] | None:
    """A refusal for SPARQL sent anywhere but /query and /update, which are checked.

    Oxigraph also answers queries on other paths (``/sparql``); only ``/query`` and ``/update``
    are checked, so elsewhere only the Graph Store Protocol (``/store``) and reading the server's
    page (GET) pass, without a ``query`` or ``update`` parameter.

    >>> _unchecked_sparql("POST", "/sparql", "", "application/sparql-query")
    (404, 'send queries to /query and updates to /update')
    >>> _unchecked_sparql("GET", "/", "", ""), _unchecked_sparql("PUT", "/store", "graph=urn:g", "text/turtle")
    (None, None)
    """
    if path in ("/query", "/update"):
        return None
    params = {k for k, _ in urllib.parse.parse_qsl(query_string, keep_blank_values=True)}
    carries = bool(params & {"query", "update"}) or "sparql-" in content_type.lower()
    if carries or (method not in ("GET", "HEAD") and path != "/store"):
        return 404, "send queries to /query and updates to /update"
    return None


def _is_select(sparql: str) -> bool:
    try:
        return query_kind(sparql) == "select"
    except QueryError:
        return False


class _Overrun(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: GuardServer
    server_version = "quotegraph"

    def log_message(self, format, *args):  # noqa: A002 - http.server's name
        pass  # quiet, as the oxigraph server is

    def _guarded(self) -> None:
        try:
            self._handle()
        except (BrokenPipeError, ConnectionResetError):  # the client left: nobody to answer
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _guarded

    # ------------------------------------------------------------------ answers of our own

    def _answer(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True

    # ------------------------------------------------------------------ the request

    def _body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._answer(411, "send the request with a Content-Length")
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        limit = _MAX_OPERATION if self.path.split("?")[0] in ("/query", "/update") else _MAX_BODY
        if length < 0 or length > limit:
            self._answer(413, f"the request body is over {limit // (1 << 20)} MiB")
            return None
        return self.rfile.read(length) if length else b""

    def _operation(self, body: bytes) -> tuple[str, list[tuple[str, str]], str | None]:
        """(field, other parameters, text) of a /query or /update request."""
        path, _, query_string = self.path.partition("?")
        key = "query" if path == "/query" else "update"
        params = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        text = None
        if self.command == "POST" and ctype == f"application/sparql-{key}":
            text = body.decode("utf-8", "replace")
        elif self.command == "POST" and ctype == "application/x-www-form-urlencoded":
            params += urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        texts = [v for k, v in params if k == key]
        if text is None and len(texts) == 1:
            text = texts[0]
        return key, [(k, v) for k, v in params if k != key], text

    def _handle(self) -> None:
        config = self.server.config
        if not allowed_host(self.headers.get("Host"), config.host, config.public):
            self._answer(403, "this endpoint does not answer to that Host name (only to the address it "
                              "listens on, or localhost)")
            return
        body = self._body()
        if body is None:
            return
        path = self.path.split("?")[0]
        refusal = _unchecked_sparql(self.command, path, self.path.partition("?")[2],
                                    self.headers.get("Content-Type", ""))
        if refusal:
            self._answer(*refusal)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        order, head_len, original = None, 0, ""
        if path in ("/query", "/update") and self.command in ("GET", "POST"):
            key, params, original = self._operation(body)
            if original is None:
                self._answer(400, f"send one SPARQL {key} (the '{key}' parameter or a "
                                  f"application/sparql-{key} body)")
                return
            try:
                check_query(original, allow_service=config.allow_service)
            except QueryError as exc:
                self._answer(400, str(exc))
                return
            text = with_prefixes(original)
            head_len = len(text) - len(original)
            order = star_order(original) if key == "query" else None
            self.csv_from_tsv = key == "query" and _is_select(original) and wants_csv(self.headers.get("Accept"))
            if self.csv_from_tsv:  # written here: Oxigraph's CSV leaves IRIs with commas unquoted
                headers["Accept"] = "text/tab-separated-values"
            body = urllib.parse.urlencode([(key, text), *params]).encode("utf-8")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            method, target = "POST", path
        else:
            method, target = self.command, self.path
        headers["Content-Length"] = str(len(body))
        self._forward(method, target, headers, body, order, original, head_len)

    # ------------------------------------------------------------------ the backend

    def _forward(self, method, target, headers, body, order, original, head_len) -> None:
        server, config = self.server, self.server.config
        # the engine a request runs on is named by (generation, port), read together: a restart
        # holds the lock and moves the engine to a new port, so a request that read the old
        # pair can never run, unwatched, on the new engine
        if not server.lock.acquire(timeout=config.ready_timeout):
            self._answer(503, "the SPARQL server is restarting; send the request again")
            return
        generation, port = server.generation, config.backend_port
        server.lock.release()
        overran = threading.Event()

        def watchdog():
            overran.set()
            server.overran(generation)

        timer = threading.Timer(config.timeout, watchdog)
        timer.daemon = True
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=config.timeout + 60)
        self.started = False
        timer.start()
        try:
            conn.request(method, target, body=body, headers=headers)
            response = conn.getresponse()
            self._relay(response, order, original, head_len, overran)
        except (OSError, http.client.HTTPException, _Overrun):
            if self.started:
                self.close_connection = True  # the answer ends without its last chunk: incomplete
            elif overran.is_set():
                self._answer(503, f"the query was cancelled: no answer within {config.timeout:g} s "
                                  "(the server's --timeout)")
            else:
                self._answer(503, "the SPARQL server restarted (another query ran over its time); "
                                  "send the request again")
        finally:
            timer.cancel()
            conn.close()

    def _relay(self, response, order, original, head_len, overran) -> None:
        """Send the backend's answer on (``self.started`` once the status line is sent)."""
        ctype = response.getheader("Content-Type", "")
        if response.status == 400 and original:
            message = response.read().decode("utf-8", "replace")
            if overran.is_set():
                raise _Overrun
            line = syntax_error_line(message, original, head_len) if "error at" in message else " ".join(
                message.split())
            self._answer(400, line)
            return
        reorder = None
        if response.status == 200 and getattr(self, "csv_from_tsv", False) and ctype.startswith(
                "text/tab-separated-values"):
            reorder, ctype = TsvToCsv(order), "text/csv; charset=utf-8"
        elif order and response.status == 200 and reorderable(ctype):
            reorder = Reorder(ctype, order)
        first = b""
        while len(first) < _BUFFER:
            chunk = response.read1(65536) if self.command != "HEAD" else b""
            if not chunk:
                break
            first += reorder.feed(chunk) if reorder else chunk
        done = len(first) < _BUFFER
        if done and reorder:
            first += reorder.finish()
        if overran.is_set():
            raise _Overrun
        self.started = True
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in _HOP_BY_HOP and name.lower() != "content-type":
                self.send_header(name, value)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.close_connection = True
        if done:
            self.send_header("Content-Length", str(len(first)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(first)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._chunk(first)
        while True:
            chunk = response.read1(65536)
            if overran.is_set():
                raise _Overrun
            if not chunk:
                break
            self._chunk(reorder.feed(chunk) if reorder else chunk)
        self._chunk(reorder.finish() if reorder else b"")
        self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
