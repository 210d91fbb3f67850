"""Start real SPARQL servers on 127.0.0.1 for tests and benchmarks: Oxigraph and Virtuoso.

Each gets a fresh, temporary database and free ports, and is stopped (and its files removed)
by ``stop()``. Nothing listens on any other address.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from quotegraph.graph.serve import free_port, oxigraph_binary, start_server

VIRTUOSO_HINT = "Debian: apt-get install virtuoso-opensource (.ci/install-virtuoso.sh does it)"


def virtuoso_binaries() -> tuple[str, str] | None:
    """(virtuoso-t, isql) when Virtuoso is installed, else None."""
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql-v")
    return (server, isql) if server and isql else None


@dataclass
class Server:
    """A running server: ``address`` is what ``--store`` takes; ``stop()`` ends it."""

    name: str
    address: str
    process: subprocess.Popen
    workdir: Path
    _stop: object = None

    def stop(self) -> None:
        if self._stop is not None:
            self._stop()
        elif self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.workdir, ignore_errors=True)


def start_oxigraph(*, allow_update: bool = True, union_default_graph: bool = True) -> Server:
    """``oxigraph serve --union-default-graph`` on an empty store (quotegraph's own launcher).

    ``union_default_graph=False`` starts ``oxigraph serve`` as a user might, without that flag
    (its default graph is then only the default graph).
    """
    workdir = Path(tempfile.mkdtemp(prefix="qg-oxigraph-"))
    location = workdir / "store"
    store = ox.Store(str(location))  # an empty store directory
    store.flush()
    del store
    if union_default_graph:
        server = start_server(location, port=0, allow_update=allow_update, timeout=120)
        return Server("oxigraph", f"sparql+http://127.0.0.1:{server.port}", server.process, workdir, server.stop)
    port = free_port()
    log = open(workdir / "stdout.log", "wb")
    process = subprocess.Popen([oxigraph_binary(), "serve" if allow_update else "serve-read-only",
                                "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    server = Server("oxigraph-plain", f"sparql+http://127.0.0.1:{port}", process, workdir)
    deadline = time.monotonic() + 120
    while not _answers(f"http://127.0.0.1:{port}/query"):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError("the oxigraph server did not start")
        time.sleep(0.1)
    return server


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
DirsAllowed = ., {d}, {load_dir}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""


def _answers(url: str) -> bool:
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    try:
        with urllib.request.urlopen(probe, timeout=2) as resp:  # noqa: S310 - 127.0.0.1 only
            return resp.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def isql(server: Server, sql: str) -> str:
    """Run SQL (a statement or several, ';'-separated) on a Virtuoso started by :func:`start_virtuoso`."""
    _, isql_bin = virtuoso_binaries()
    done = subprocess.run([isql_bin, f"127.0.0.1:{server.sql_port}", "dba", "dba", f"exec={sql}"],
                          capture_output=True, text=True, timeout=3600, check=False)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql failed: {(done.stdout + done.stderr).strip()[-500:]}")
    return done.stdout


def start_virtuoso(*, load_dir: Path | None = None, buffers: int = 10_000) -> Server:
    """Virtuoso on a fresh database in a temporary folder, on free ports of 127.0.0.1.

    SPARQL updates are granted to the anonymous endpoint user (``GRANT SPARQL_UPDATE TO
    "SPARQL"``), results are not cut at 10,000 rows and queries are not stopped. ``load_dir``
    is added to ``DirsAllowed`` for the bulk loader (``ld_dir``).
    """
    found = virtuoso_binaries()
    if found is None:
        raise RuntimeError(f"Virtuoso is not installed ({VIRTUOSO_HINT})")
    binary, _ = found
    workdir = Path(tempfile.mkdtemp(prefix="qg-virtuoso-"))
    sql_port, http_port = free_port(), free_port()
    (workdir / "virtuoso.ini").write_text(_VIRTUOSO_INI.format(
        d=workdir, sql_port=sql_port, http_port=http_port, load_dir=load_dir or workdir,
        buffers=buffers, dirty=buffers * 3 // 4), encoding="utf-8")
    log = open(workdir / "stdout.log", "wb")
    process = subprocess.Popen([binary, "-f", "-c", str(workdir / "virtuoso.ini")], cwd=workdir,
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    server = Server("virtuoso", f"sparql+http://127.0.0.1:{http_port}/sparql", process, workdir)
    server.sql_port = sql_port
    url = f"http://127.0.0.1:{http_port}/sparql"
    deadline = time.monotonic() + 120
    while not _answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            tail = (workdir / "stdout.log").read_text(errors="replace")[-400:]
            server.stop()
            raise RuntimeError(f"Virtuoso did not start: {tail}")
        time.sleep(0.2)
    isql(server, 'GRANT SPARQL_UPDATE TO "SPARQL";')
    return server
