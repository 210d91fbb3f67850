"""A real SPARQL 1.1 endpoint over a graph file or store: the Oxigraph server behind a guard.

The engine is the ``oxigraph`` binary from the PyPI package ``oxigraph`` (same engine and store
format as pyoxigraph), listening on a private port of 127.0.0.1; users talk to the front of
:mod:`quotegraph.graph.guard`, which checks each request, forwards it, and kills and restarts
the engine when a query overruns its time (its docstring says why). quotegraph's promises:

* **read-only by default**: ``oxigraph serve-read-only``; ``/update`` is refused. Only
  ``allow_update=True`` (``--allow-update``) starts the read-write server.
* **local by default**: bound to ``127.0.0.1``; an address other machines can reach is
  refused unless ``public=True`` (``--public``) says so.
* **bounded query time**: every query is stopped after ``timeout`` seconds: the answer is a
  503 saying so, and a query the engine does not stop itself is stopped with its process.
* **no requests elsewhere**: ``SERVICE`` (and ``LOAD``) are refused unless ``allow_service``
  lists a URL prefix they start with; ``public`` never allows them.
* **no DNS rebinding**: a ``Host`` header other than the bound host or a loopback name is
  refused (403), unless ``public``.
* **no crash on hostile text**: a query nested more than 200 brackets deep is refused (400,
  one line); the server stays up.
* **the union of all graphs**: queries see the default graph and every article's named graph
  (``--union-default-graph``), as ``quotegraph query`` does.
* a graph *file* is first loaded into a temporary store, deleted when the server stops; updates
  to it (with ``allow_update``) are lost then, and the file itself is never changed.

Endpoints: ``http://HOST:PORT/query`` (SPARQL 1.1 Protocol, GET or POST) and, read-write only,
``/update`` and ``/store`` (Graph Store Protocol). The prefixes of ``PREFIXES`` are pre-declared
(a query's own PREFIX wins); a syntax error is one line with its position; ``SELECT *`` gives
its columns in the order the query names them.

Examples
--------
>>> server = start_server("missing.ttl")
Traceback (most recent call last):
...
quotegraph.graph.errors.GraphFileError: missing.ttl: no such file or store directory
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GraphFileError, QuotegraphError

from .guard import GuardConfig, GuardServer
from .addresses import missing_source_message
from .sparql_checks import check_allow_list
from .store import format_for_path, is_store_dir

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "SparqlServer",
    "oxigraph_binary",
    "free_port",
    "start_server",
    "serve",
    "is_loopback",
    "check_host",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds after which the server stops a query.
DEFAULT_TIMEOUT = 30.0

_LOAD_FORMATS = {  # our parser names -> the file extension oxigraph's CLI understands
    "ox-turtle": "ttl", "ox-nt": "nt", "ox-nquads": "nq", "ox-trig": "trig",
    "ox-json-ld": "jsonld", "ox-xml": "rdf",
}


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server binary (PyPI package ``oxigraph``).

    Looked up on ``PATH`` and beside the running Python (a virtualenv's ``bin``, even when the
    virtualenv is not activated).

    Raises
    ------
    QuotegraphError
        If it is not installed, saying how to install it.
    """
    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    raise QuotegraphError("the SPARQL server needs the oxigraph binary: pip install oxigraph")


def is_loopback(host: str) -> bool:
    """Whether a host name or address only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on right now (the OS picks it).

    >>> 0 < free_port() < 65536
    True
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host.strip("[]"), 0))
        return sock.getsockname()[1]


def check_host(host: str, *, public: bool = False) -> None:
    """Refuse an address other machines can reach unless ``public`` consents to it.

    >>> check_host("127.0.0.1"); check_host("0.0.0.0", public=True)
    >>> try:
    ...     check_host("0.0.0.0")
    ... except QuotegraphError as exc:
    ...     print(exc)
    listening on 0.0.0.0 lets other machines query the endpoint; add --public if that is what you want (or use --host 127.0.0.1)
    """
    if not public and not is_loopback(host):
        raise QuotegraphError(f"listening on {host} lets other machines query the endpoint; "
                              "add --public if that is what you want (or use --host 127.0.0.1)")


def _bind_address(host: str, port: int) -> str:
    return f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"


def _url_host(host: str) -> str:
    return f"[{host.strip('[]')}]" if ":" in host else host


@dataclass
class SparqlServer:
    """A running Oxigraph server started by :func:`start_server`; stop it with :meth:`stop`.

    Also a context manager: ``with start_server(path) as server: ...`` always stops it.
    """

    process: subprocess.Popen
    host: str
    port: int
    allow_update: bool
    timeout: float
    location: Path
    temporary: bool  # location is a temporary store made from a file: removed on stop
    command: list[str] = field(default_factory=list)
    log: object = None  # a temporary file receiving the server's stderr (a pipe could fill up)
    backend_port: int = 0  # where the engine listens, on 127.0.0.1 (the guard forwards there)
    guard: GuardServer | None = None
    guard_thread: threading.Thread | None = None
    restarts: int = 0  # how often an overrunning query had the engine killed and restarted

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:7878``."""
        return f"http://{_url_host(self.host)}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        """The SPARQL 1.1 update endpoint (refused unless started with ``allow_update``)."""
        return f"{self.url}/update"

    def running(self) -> bool:
        """Whether the endpoint answers: the guard is up and the engine running (or restarting)."""
        guard_up = self.guard_thread is None or self.guard_thread.is_alive()
        restarting = self.guard is not None and not self.guard.ready.is_set()
        return guard_up and (self.process.poll() is None or restarting)

    def restart_backend(self) -> None:
        """Kill the engine (its whole process group) and start it again on the same store."""
        _kill_group(self.process)
        self.restarts += 1
        # a new port: a request still aimed at the killed engine finds nobody there
        self.backend_port = free_port("127.0.0.1")
        bind = self.command.index("--bind") + 1
        self.command[bind] = f"127.0.0.1:{self.backend_port}"
        self.process = _spawn(self.command, self.log)
        if self.guard is not None:
            self.guard.config.backend_port = self.backend_port
        self.wait_ready(60.0, stop_on_failure=False)

    def wait_ready(self, timeout: float = 30.0, *, stop_on_failure: bool = True) -> None:
        """Wait until the engine answers a query (bounded), or raise QuotegraphError."""
        deadline = time.monotonic() + timeout
        probe = f"http://127.0.0.1:{self.backend_port}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            if not self.running():
                raise QuotegraphError(f"the SPARQL server stopped at start: {self._stderr_tail()}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as resp:  # noqa: S310 - local URL
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                if stop_on_failure:
                    self.stop()
                raise QuotegraphError(f"the SPARQL server did not answer within {timeout:g} s")
            time.sleep(0.1)

    def _stderr_tail(self) -> str:
        try:
            self.log.seek(0)
            data = self.log.read()
        except (AttributeError, OSError, ValueError):
            data = b""
        lines = [ln for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
        return lines[-1].strip() if lines else f"exit code {self.process.returncode}"

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the guard and the engine (SIGTERM, then SIGKILL after ``timeout`` s); remove a
        temporary store."""
        if self.guard is not None:
            if self.guard_thread is not None:
                self.guard.shutdown()
            self.guard.server_close()
            self.guard = None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        if self.log is not None:
            self.log.close()
        if self.temporary:
            shutil.rmtree(self.location, ignore_errors=True)

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _spawn(cmd: list[str], log) -> subprocess.Popen:
    """The engine in a session of its own (so it is killed with every child)."""
    try:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=log, start_new_session=True)
    except OSError as exc:
        raise QuotegraphError(f"cannot start the SPARQL server: {exc}") from None


def _kill_group(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            process.kill()
    process.wait()


def _bind_guard(host: str, port: int, config: GuardConfig) -> GuardServer:
    try:
        return GuardServer((host, port), config)
    except OSError as exc:
        raise QuotegraphError(f"the SPARQL server stopped at start: cannot listen on "
                              f"{_bind_address(host, port)} ({exc.strerror or exc})") from None


def _load_into(binary: str, source: Path, location: Path) -> None:
    ext = _LOAD_FORMATS[format_for_path(source)]
    cmd = [binary, "load", "--location", str(location), "--file", str(source), "--format", ext,
           "--base", source.resolve().as_uri()]
    # no Rust stack trace on a parse error, whatever the environment asks for: the message is what counts
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env={**os.environ, "RUST_BACKTRACE": "0"})
    if done.returncode != 0:
        raise GraphFileError(_load_error(done.stderr or done.stdout, done.returncode), str(source))


def _load_error(output: str, returncode: int) -> str:
    """The line of ``oxigraph load``'s output that says what is wrong with the file, and where.

    >>> _load_error("Some files like Wikidata dumps …\\nError while loading file /d/g.ttl: Parser error at "
    ...            "line 2 column 7: Unexpected end\\nError: One or more files failed to load\\n", 1)
    'Parser error at line 2 column 7: Unexpected end'
    >>> _load_error("", 2)
    'oxigraph load failed (2)'
    """
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    for line in lines:
        if line.startswith("Error while loading file") and ": " in line:
            # "Error while loading file PATH: MESSAGE"; the path may hold ": " itself, the message starts at Parser
            at = line.find("Parser error")
            return line[at:] if at >= 0 else line.split(": ", 1)[1]
    errors = [ln for ln in lines if ln.startswith("Error")]
    return (errors or lines or [f"oxigraph load failed ({returncode})"])[0]


def start_server(source: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 allow_update: bool = False, timeout: float = DEFAULT_TIMEOUT,
                 ready_timeout: float = 30.0, public: bool = False,
                 allow_service: list[str] | None = None) -> SparqlServer:
    """Start the SPARQL endpoint in the background and wait until it answers.

    Parameters
    ----------
    source : str or Path
        An RDF file (loaded into a temporary store first) or an Oxigraph store directory
        (served in place; no other process may be writing it).
    host, port
        Where to listen; ``127.0.0.1`` by default. Port 0 picks a free port.
    public : bool
        Consent to a ``host`` other machines can reach (``0.0.0.0``, a LAN address); without
        it such a host is refused.
    allow_update : bool
        Serve read-write (``/update`` accepted). Read-only by default.
    timeout : float
        Seconds after which a query is stopped, > 0: the engine's own ``--timeout-s``, and the
        guard's, which kills and restarts the engine when it has not answered by then.
    allow_service : list of str, optional
        URL prefixes (``https://host/``) ``SERVICE`` and ``LOAD`` may call; none by default.
    ready_timeout : float
        How long to wait for the server to answer its first query.

    Returns
    -------
    SparqlServer
        Running; call ``stop()`` (or use it as a context manager).

    Raises
    ------
    GraphFileError
        If the source is missing or cannot be loaded.
    QuotegraphError
        If the binary is missing, the timeout is not positive, the host is not local and
        ``public`` is not given, or the server does not start (port in use, store locked …).
    """
    check_host(host, public=public)
    if not timeout or timeout <= 0:
        raise QuotegraphError("the query timeout must be a positive number of seconds")
    allowed = check_allow_list(allow_service)
    source = Path(source)
    if not source.exists():
        raise GraphFileError(missing_source_message(source), str(source))
    if source.is_dir() and not is_store_dir(source):
        raise GraphFileError("directory is not an Oxigraph store", str(source))
    binary = oxigraph_binary()
    config = GuardConfig(backend_port=free_port("127.0.0.1"), timeout=timeout, host=host, public=public,
                         allow_service=allowed, ready_timeout=ready_timeout)
    guard = _bind_guard(host, port, config)  # first: a port in use fails before any loading
    temporary = not source.is_dir()
    location = Path(tempfile.mkdtemp(prefix="quotegraph-serve-")) if temporary else source
    # --union-default-graph: queries see every article's named graph, as the embedded store does
    verb = "serve" if allow_update else "serve-read-only"
    cmd = [binary, verb, "--location", str(location), "--bind", f"127.0.0.1:{config.backend_port}",
           "--union-default-graph", "--timeout-s", str(max(1, int(timeout)))]
    log = tempfile.TemporaryFile()
    try:
        if temporary:
            _load_into(binary, source, location)
        process = _spawn(cmd, log)
    except BaseException:
        guard.server_close()
        log.close()
        if temporary:
            shutil.rmtree(location, ignore_errors=True)
        raise
    server = SparqlServer(process, host, guard.server_address[1], allow_update, timeout, location, temporary,
                          cmd, log, config.backend_port, guard)
    config.restart = server.restart_backend
    try:
        server.wait_ready(ready_timeout)
    except BaseException:
        server.stop()
        raise
    server.guard_thread = threading.Thread(target=guard.serve_forever, name="quotegraph-guard", daemon=True)
    server.guard_thread.start()
    return server


def serve(source: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          allow_update: bool = False, timeout: float = DEFAULT_TIMEOUT, public: bool = False,
          allow_service: list[str] | None = None, echo=print) -> None:
    """Run the SPARQL endpoint in the foreground until interrupted (Ctrl-C or SIGTERM).

    See :func:`start_server` for the parameters and promises. ``echo`` receives the lines to
    show the user (URL, mode); pass a no-op to stay silent.
    """
    main_thread = _main_thread()
    stop_requested = threading.Event()
    previous = {}

    def _on_signal(signum, frame):
        stop_requested.set()

    def _on_term(signum, frame):  # SIGTERM during the start: stop like Ctrl-C
        stop_requested.set()
        raise KeyboardInterrupt

    if main_thread:
        previous[signal.SIGTERM] = signal.signal(signal.SIGTERM, _on_term)
    server = None
    try:
        # started inside the try: a Ctrl-C at any moment after the start still stops the server
        server = start_server(source, host=host, port=port, allow_update=allow_update, timeout=timeout,
                              public=public, allow_service=allow_service)
        if main_thread:
            # from here on a signal only sets a flag: an exception raised at a random point
            # could leave the server's Popen object half-polled, and stopping it would hang
            previous[signal.SIGINT] = signal.signal(signal.SIGINT, _on_signal)
            signal.signal(signal.SIGTERM, _on_signal)
        mode = "read-write (updates allowed)" if allow_update else "read-only"
        echo(f"SPARQL endpoint: {server.query_url}  ({mode}, queries stopped after {timeout:g} s)")
        if allow_update:
            echo(f"SPARQL update:   {server.update_url}")
        if allow_service:
            echo(f"SERVICE may call: {', '.join(allow_service)}")
        if server.temporary and allow_update:
            echo("Updates go to a temporary copy of the file and are lost when the server stops.")
        echo("Press Ctrl-C to stop.")
        while server.running() and not stop_requested.wait(0.2):
            pass
        if not stop_requested.is_set():
            raise QuotegraphError(f"the SPARQL server stopped: {server._stderr_tail()}")
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
