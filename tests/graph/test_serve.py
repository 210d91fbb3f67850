"""graph/serve.py: a real SPARQL endpoint (the oxigraph binary, PyPI package ``oxigraph``).

Each test starts a server on a free port, waits for it with a bounded loop, queries it over
HTTP and always stops it (context manager).
"""

from __future__ import annotations

import csv
import io
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest

from quotegraph.errors import GraphFileError, QuotegraphError
from quotegraph.graph.export import save_graph
from quotegraph.graph.query import example_query, with_prefixes
from quotegraph.graph.serve import is_loopback, oxigraph_binary, start_server
from quotegraph.graph.store import add_results, close_graph, open_graph

try:
    oxigraph_binary()
except QuotegraphError:
    pytest.skip("the oxigraph server binary is missing: pip install oxigraph", allow_module_level=True)


def sparql_csv(url: str, query: str) -> list[dict]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))


def sparql_update(url: str, update: str) -> int:
    body = urllib.parse.urlencode({"update": update}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.fixture
def ttl(tmp_path, graph):
    path = tmp_path / "news.ttl"
    save_graph(graph, path)
    return path


def test_read_only_endpoint_answers_and_refuses_updates(ttl):
    with start_server(ttl, port=0) as server:
        assert server.host == "127.0.0.1"
        assert "serve-read-only" in server.command
        assert any(arg.startswith("127.0.0.1:") for arg in server.command)
        assert "--timeout-s" in server.command
        rows = sparql_csv(server.query_url, with_prefixes(example_query("relay-chains").text))
        got = {(r["speaker"], r["quote"], r["relayed_by"], r["nested_in"]) for r in rows}
        assert ("Anton Weber", "Wir schicken keine Soldaten", "Nordpress", "") in got
        assert ("Anton Weber", "die Grenze bleibt offen", "", "Eva Klein") in got
        status = sparql_update(server.update_url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        assert status in (403, 405)
        count = sparql_csv(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }")
        assert count == [{"n": "0"}]
        location = server.location
    assert not server.running()
    assert not location.exists()  # the temporary store is gone


def test_allow_update(ttl):
    with start_server(ttl, port=0, allow_update=True) as server:
        assert sparql_update(server.update_url, "INSERT DATA { <urn:a> <urn:b> 'c' }") in (200, 204)
        assert sparql_csv(server.query_url, "SELECT ?o WHERE { <urn:a> <urn:b> ?o }") == [{"o": "c"}]
    assert "urn:a" not in ttl.read_text(encoding="utf-8")  # the file itself is never changed


def test_serves_a_store_directory(tmp_path, corpus):
    where = tmp_path / "store"
    g = open_graph(where)
    add_results(g, corpus)
    close_graph(g)
    with start_server(where, port=0) as server:
        rows = sparql_csv(server.query_url, with_prefixes(example_query("speakers-by-count").text))
        assert (rows[0]["speaker"], rows[0]["quotes"]) == ("Anton Weber", "4")
    assert where.exists()  # a store is served in place, never deleted


def test_port_in_use_is_a_clear_error(ttl):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        with pytest.raises(QuotegraphError, match="stopped at start"):
            start_server(ttl, port=port, ready_timeout=10)


def test_bad_sources(tmp_path):
    with pytest.raises(GraphFileError, match="no such file"):
        start_server(tmp_path / "missing.ttl", port=0)
    (tmp_path / "plain").mkdir()
    with pytest.raises(GraphFileError, match="not an Oxigraph store"):
        start_server(tmp_path / "plain", port=0)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n")
    with pytest.raises(GraphFileError, match="bad.ttl"):
        start_server(bad, port=0)
    with pytest.raises(QuotegraphError, match="timeout"):
        start_server(bad, port=0, timeout=0)


def test_is_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10") and not is_loopback("example.org")
