"""The guard in front of ``quotegraph serve``: heavy queries stopped for real, hostile queries
refused with the server staying up, SERVICE off, Host checked, prefixes and SELECT * order.

Each test starts a real server (the oxigraph binary behind graph/guard.py) on free ports.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef

from quotegraph.errors import QuotegraphError
from quotegraph.graph.export import save_graph
from quotegraph.graph.serve import oxigraph_binary, start_server

try:
    oxigraph_binary()
except QuotegraphError:
    pytest.skip("the oxigraph server binary is missing: pip install oxigraph", allow_module_level=True)

pytestmark = pytest.mark.endpoint


def post(url: str, query: str, accept: str = "text/csv", host: str | None = None,
         timeout: float = 120) -> tuple[int, str]:
    headers = {"Accept": accept}
    if host:
        headers["Host"] = host
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """30,000 triples: a 4-way cross join is 8.1e17 rows."""
    graph = Graph()
    for i in range(30_000):
        graph.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)))
    path = tmp_path_factory.mktemp("many") / "many.nt"
    save_graph(graph, path, "nt")
    return path


@pytest.fixture
def ttl(tmp_path, graph):
    path = tmp_path / "news.ttl"
    save_graph(graph, path)
    return path


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# ---------------------------------------------------------------------------- the timeout


@pytest.mark.slow
@pytest.mark.parametrize("query", [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY DESC(?b) ?d LIMIT 3",
])
def test_serve_stops_a_heavy_query_on_30000_triples_and_frees_the_cores(many, query):
    """Oxigraph's own timeout lets these run on for minutes; the guard answers and kills them."""
    with start_server(many, port=0, timeout=2) as server:
        engine = server.process.pid
        started = time.monotonic()
        status, answer = post(server.query_url, query, timeout=60)
        took = time.monotonic() - started
        assert status == 503 and "cancelled" in answer and "2 s" in answer, (status, answer[:200])
        assert took < 2 + 5  # a bound on the promise: answered at the timeout, not after the query
        assert wait_for(lambda: not alive(engine), 10)  # the engine that ran it is gone
        assert wait_for(lambda: server.restarts == 1 and server.running(), 30)
        status, answer = post(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert (status, list(csv.DictReader(io.StringIO(answer)))) == (200, [{"n": "30000"}])


@pytest.mark.slow
def test_an_abandoned_query_is_killed_at_the_timeout(many):
    with start_server(many, port=0, timeout=2) as server:
        engine = server.process.pid
        with pytest.raises((TimeoutError, urllib.error.URLError)):  # the client leaves after 0.5 s
            post(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=0.5)
        assert alive(engine)
        assert wait_for(lambda: not alive(engine), 2 + 10)
        assert wait_for(lambda: server.running() and server.restarts == 1, 30)


def test_an_allowed_service_that_never_answers_is_stopped_too(ttl):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections, never answers
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
    try:
        with start_server(ttl, port=0, timeout=1, allow_service=[url]) as server:
            started = time.monotonic()
            status, answer = post(server.query_url, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
            assert status == 503 and "cancelled" in answer
            assert time.monotonic() - started < 1 + 5
            assert wait_for(server.running, 30)
    finally:
        silent.close()


# ---------------------------------------------------------------------------- hostile queries


def test_a_query_nested_10000_deep_is_refused_and_the_server_stays_up(ttl):
    with start_server(ttl, port=0) as server:
        engine = server.process.pid
        status, answer = post(server.query_url, "ASK { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }")
        assert (status, answer) == (400, "the query nests brackets 10002 deep; at most 200 are allowed\n")
        status, answer = post(server.query_url, "ASK { " + "FILTER EXISTS { " * 1000 + "}" * 1000 + " }")
        assert status == 400 and "1001 deep" in answer
        assert server.running() and server.process.pid == engine and server.restarts == 0
        assert post(server.query_url, "ASK {}")[0] == 200


def test_service_is_refused_alike_for_open_and_closed_ports_and_nothing_is_sent(ttl):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.5)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    answers = []
    try:
        with start_server(ttl, port=0, public=False) as server:
            for port in (listener.getsockname()[1], closed_port):
                status, answer = post(server.query_url, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> "
                                                        "{ ?s ?p ?o } }")
                answers.append((status, answer.replace(str(port), "PORT")))
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody connected
    finally:
        listener.close()
    assert answers[0] == answers[1]
    assert answers[0][0] == 400 and "--allow-service" in answers[0][1]


def test_a_foreign_host_header_is_refused_unless_public(ttl):
    """DNS rebinding: a page on attacker.example resolving to 127.0.0.1 sends its own Host."""
    with start_server(ttl, port=0) as server:
        assert post(server.query_url, "ASK {}", host="attacker.example")[0] == 403
        assert post(server.query_url, "ASK {}", host=f"attacker.example:{server.port}")[0] == 403
        for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", "localhost"):
            assert post(server.query_url, "ASK {}", host=host)[0] == 200


# ---------------------------------------------------------------------------- comfort


def test_prefixes_are_predeclared_and_errors_are_one_line(ttl):
    with start_server(ttl, port=0) as server:
        status, answer = post(server.query_url, "SELECT DISTINCT ?name WHERE { ?s qg:said ?q ; schema:name ?name }")
        assert status == 200 and "Anton Weber" in answer.splitlines()
        own = "PREFIX schema: <http://schema.org/> SELECT ?name WHERE { ?s schema:name ?name }"
        assert post(server.query_url, own)[1].splitlines() == ["name"]  # the query's own PREFIX wins
        status, answer = post(server.query_url, "SELECT * WHERE {\n ?s ex:name ?o }")
        assert (status, answer) == (400, "SPARQL syntax error: line 2, column 12: unknown prefix ex: "
                                         "(declare it: PREFIX ex: <…>)\n")
        status, answer = post(server.query_url, "SELECT * WHERE { ?s ?p ?o } LIMT 5")
        assert status == 400 and answer.startswith("SPARQL syntax error: line 1, column ")
        assert answer.count("\n") == 1 and "\\u{" not in answer and len(answer) < 160


def test_select_star_columns_come_in_the_order_of_the_query(ttl):
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 2"
    with start_server(ttl, port=0) as server:
        assert post(server.query_url, query)[1].splitlines()[0] == "s,p,o"
        assert post(server.query_url, query, "text/tab-separated-values")[1].splitlines()[0] == "?s\t?p\t?o"
        body = json.loads(post(server.query_url, query, "application/sparql-results+json")[1])
        assert body["head"]["vars"] == ["s", "p", "o"] and len(body["results"]["bindings"]) == 2
        rows = list(csv.reader(io.StringIO(post(server.query_url, "SELECT * WHERE { ?q schema:text ?text ; "
                                                                  "qg:kind ?kind }")[1])))
        assert rows[0] == ["q", "text", "kind"] and all(r[2].startswith("https://w3id.org/quotegraph/kind/")
                                                        for r in rows[1:])


@pytest.mark.slow
def test_queries_beside_an_overrun_get_a_right_answer_or_a_clear_retry(many):
    """Killing the engine for one query must never give another a wrong or truncated answer."""
    import threading

    with start_server(many, port=0, timeout=2) as server:
        heavy = threading.Thread(target=post, args=(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE "
                                                    "{ ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"), daemon=True)
        heavy.start()
        seen = []
        deadline = time.monotonic() + 6
        while time.monotonic() < deadline:
            seen.append(post(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:p> ?o }", timeout=60))
            time.sleep(0.1)
        heavy.join(60)
        assert server.restarts == 1
    right = (200, "n\r\n30000\r\n")
    assert seen and all((status, answer) == right or (status == 503 and "send the request again" in answer)
                        for status, answer in seen), {a for a in seen if a[0] != 200}
    assert seen[-1] == (200, "n\r\n30000\r\n")


def test_sparql_on_any_other_path_is_refused_so_no_check_is_bypassed(ttl):
    """Oxigraph answers queries on /sparql too; only /query and /update are checked."""
    deep = "ASK { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"
    with start_server(ttl, port=0) as server:
        for path in ("/sparql", "/query/", "/%71uery", "/"):
            request = urllib.request.Request(server.url + path, data=deep.encode(),
                                             headers={"Content-Type": "application/sparql-query"})
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(request, timeout=30)
            assert info.value.code == 404, path
            status, _ = post(server.url + path, deep)  # as a form
            assert status == 404, path
        get = server.url + "/sparql?" + urllib.parse.urlencode({"query": deep})
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(get, timeout=30)
        assert info.value.code == 404
        assert server.running() and server.restarts == 0
        with urllib.request.urlopen(server.url + "/", timeout=30) as page:  # the server's own page
            assert page.status == 200
