"""Hostile and careless queries on ``quotegraph query`` (in-process, no server): over-deep
nesting, SERVICE calls, parser errors, ``SELECT *`` order, Ctrl-C during a long query."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.errors import QueryError
from quotegraph.graph.export import save_graph
from quotegraph.graph.query import run_query
from quotegraph.graph.sparql_checks import MAX_DEPTH, check_query, nesting_depth, remote_targets

runner = CliRunner()


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def ttl(tmp_path, graph):
    path = tmp_path / "news.ttl"
    save_graph(graph, path)
    return path


def deep(levels: int) -> str:
    return "ASK { FILTER(" + "(" * levels + "1" + ")" * levels + ") }"


# ---------------------------------------------------------------------------- nesting depth


def test_a_query_nested_10000_deep_is_one_error_line_not_a_crash(ttl):
    """Oxigraph's parser overflows its stack on this (exit 139, no message) in the old code."""
    done = subprocess.run([sys.executable, "-m", "quotegraph.cli", "query", str(ttl), deep(10_000)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, (done.returncode, done.stderr[-300:])
    assert done.stderr.strip().splitlines() == ["Error: the query nests brackets 10002 deep; at most 200 are allowed"]


def test_nested_groups_and_escapes_count_too(graph):
    exists = "ASK { " + "FILTER EXISTS { " * 1000 + "}" * 1000 + " }"  # kills Oxigraph at 1,000
    with pytest.raises(QueryError, match="1001 deep"):
        run_query(graph, exists)
    escaped = "ASK { FILTER" + "\\u0028" * 300 + "1" + "\\u0029" * 300 + " }"
    with pytest.raises(QueryError, match="nests brackets"):
        check_query(escaped)
    # brackets in strings, IRIs and comments do not count; a real query passes
    assert nesting_depth("ASK { FILTER(?x = '(((((') } # ((((((\n") == 2
    assert run_query(graph, deep(MAX_DEPTH - 2)).rows[0][0].toPython() is True


# ---------------------------------------------------------------------------- SERVICE


class _Listener:
    """A TCP port that records whether anyone connected."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]

    def connected(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return False
        conn.close()
        return True

    def close(self):
        self.sock.close()


def test_service_is_refused_without_a_request_and_the_same_for_open_and_closed_ports(graph):
    listener = _Listener()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    messages = []
    try:
        for port in (listener.port, closed_port):
            query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
            with pytest.raises(QueryError) as info:
                run_query(graph, query)
            messages.append(str(info.value).replace(str(port), "PORT"))
        assert not listener.connected()  # nothing was sent
    finally:
        listener.close()
    assert messages[0] == messages[1]
    assert "SERVICE <http://127.0.0.1:PORT/sparql> is refused" in messages[0] and "--allow-service" in messages[0]


@pytest.mark.parametrize("query", [
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE SILENT ex:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?where) SERVICE ?where { ?s ?p ?o } }",
    "BASE <http://127.0.0.1:9/> SELECT * WHERE { service <sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
])
def test_every_spelling_of_a_remote_call_is_refused(query):
    with pytest.raises(QueryError, match="is refused"):
        check_query(query, allow_service=["https://query.wikidata.org/"])


def test_service_words_in_strings_iris_and_comments_are_no_calls(graph):
    query = ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o != 'SERVICE <http://127.0.0.1:9/>') } "
             "# SERVICE <http://127.0.0.1:9/>")
    assert remote_targets(query) == []
    run_query(graph, query)


class _FakeSparql(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        body = json.dumps({"head": {"vars": ["x"]},
                           "results": {"bindings": [{"x": {"type": "literal", "value": "remote"}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_allow_service_lets_an_allowed_prefix_through(ttl):
    fake = ThreadingHTTPServer(("127.0.0.1", 0), _FakeSparql)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{fake.server_address[1]}/sparql"
    query = f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?s ?p ?x }} }}"
    try:
        refused = invoke("query", ttl, query, "--format", "csv", "--allow-service", "https://elsewhere.example/")
        allowed = invoke("query", ttl, query, "--format", "csv", "--allow-service", url.rsplit("/", 1)[0] + "/")
    finally:
        fake.shutdown()
    assert refused.exit_code == 1 and "not among the allowed ones" in refused.stderr
    assert allowed.exit_code == 0, allowed.output
    assert allowed.stdout.splitlines() == ["x", "remote"]
    bad = invoke("query", ttl, query, "--allow-service", "127.0.0.1")
    assert bad.exit_code == 1 and "--allow-service wants a URL prefix" in bad.stderr


# ---------------------------------------------------------------------------- errors, prefixes, SELECT *


def test_a_parser_error_is_one_short_line_without_unicode_ranges(ttl):
    result = invoke("query", ttl, "SELECT * WHERE {\n ?s ex:name ?o }")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line == "Error: SPARQL syntax error: line 2, column 12: unknown prefix ex: (declare it: PREFIX ex: <…>)"
    typo = invoke("query", ttl, "SELECT * WHERE { ?s ?p ?o } LIMT 5").stderr.strip()
    assert typo.startswith("Error: SPARQL syntax error: line 1, column ") and "expected" in typo
    assert "\\u{" not in typo and "['" not in typo and len(typo) < 160


def test_select_star_columns_come_in_the_order_of_the_query(graph):
    result = run_query(graph, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert result.columns == ["s", "p", "o"]
    row = run_query(graph, "SELECT * WHERE { ?q schema:text ?text ; qg:kind ?kind } LIMIT 1")
    assert row.columns == ["q", "text", "kind"]
    assert str(row.rows[0][1]) and str(row.rows[0][2]).startswith("https://w3id.org/quotegraph/kind/")


# ---------------------------------------------------------------------------- Ctrl-C


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads CPU time from /proc")
def test_ctrl_c_stops_a_long_query_at_once(tmp_path):
    graph = Graph()
    for i in range(3000):
        graph.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)))
    source = tmp_path / "many.nt"
    save_graph(graph, source, "nt")
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"  # runs for hours
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = subprocess.run([sys.executable, "-m", "quotegraph.cli", "query", str(source), "ASK {}"],
                             capture_output=True, timeout=120, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert started.returncode == 0
    start_up = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # as in a terminal: a shell running this suite in the background (nohup …, CI &) starts it
    # with Ctrl-C ignored, which children inherit and Python then keeps
    process = subprocess.Popen([sys.executable, "-m", "quotegraph.cli", "query", str(source), query],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        # a second of CPU past what a whole run of ASK {} takes: the query is running
        while process.poll() is None and time.monotonic() < deadline:
            if _cpu_seconds(process.pid) > start_up + 1:
                break
            time.sleep(0.2)
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        try:
            # a bound on the promise, not a measurement: without the worker thread the query runs
            # for hours; 30 s leaves room for a machine busy with other work
            _, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail("Ctrl-C did not stop the query within 30 s")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert err.strip().splitlines() == ["Error: interrupted"]


def test_serve_refuses_a_malformed_allow_service_before_starting(ttl, monkeypatch):
    monkeypatch.setattr("quotegraph.graph.serve.serve", lambda *a, **k: pytest.fail("a server was started"))
    result = invoke("serve", ttl, "--allow-service", "query.wikidata.org")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "--allow-service wants a URL prefix" in result.stderr


def test_rdflibs_engine_never_fetches_a_from_graph(graph):
    """rdflib's engine loads FROM graphs from the web; Oxigraph's reads them from the store."""
    listener = _Listener()
    query = f"SELECT * FROM <http://127.0.0.1:{listener.port}/g.ttl> WHERE {{ ?s ?p ?o }}"
    try:
        with pytest.raises(QueryError, match="FROM <http://127.0.0.1:.*> is refused"):
            run_query(Graph(), query)
        assert not listener.connected()
    finally:
        listener.close()
    run_query(graph, query)  # Oxigraph: a graph name in the store, nothing fetched
