"""The promises of the README's "Security" section, one test (or more) each.

Promises already tested elsewhere are named in the README next to the promise (an HTML comment
``<!-- tests: path::name … -->``); the last test here checks that every test named there exists,
so a promise cannot lose its test silently.
"""

from __future__ import annotations

import csv
import io
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.errors import QuotegraphError
from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.store import add_results, close_graph, open_graph, open_source

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def oxigraph_or_skip():
    from quotegraph.graph.serve import oxigraph_binary

    try:
        oxigraph_binary()
    except QuotegraphError:
        pytest.skip("the oxigraph server binary is missing: pip install oxigraph")


# ---------------------------------------------------------------------------- the network page

PAYLOADS = {
    "quote": '<script>alert("quote")</script>',
    "speaker": '<img src=x onerror=alert("speaker")>',
    "headline": '"><svg onload=alert("headline")>',
    "site": "<iframe src=javascript:alert('site')>",
}


def hostile_result() -> ArticleResult:
    quote, speaker = PAYLOADS["quote"], PAYLOADS["speaker"]
    text = f"„{quote}“, sagte {speaker}."
    q = Quote(quote, 1, 1 + len(quote), "direct")
    cue_at = text.index("sagte")
    who = Mention(speaker, text.index(speaker), text.index(speaker) + len(speaker), speaker, "person")
    att = Attribution(id=f"x:{q.start}-{q.end}", article="x", quote=q, speaker=who,
                      cue=Cue("sagte", cue_at, cue_at + 5, "sagen"))
    article = Article(id="x", text=text, title=PAYLOADS["headline"], site=PAYLOADS["site"])
    return ArticleResult(article, (att,), (Entity(speaker, "person"),))


def test_network_page_escapes_quotes_names_headlines_and_sites(tmp_path):
    graph_file, page = tmp_path / "g.ttl", tmp_path / "g.html"
    save_graph(records_to_graph([hostile_result()]), graph_file)
    result = invoke("view", graph_file, "--out", page, "--title", '<script>alert("title")</script>')
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    for payload in [*PAYLOADS.values(), '<script>alert("title")</script>']:
        assert payload not in html
    for markup in ("<img src=x", "<svg onload", "<iframe", 'alert("quote")</script>'):
        assert markup not in html
    assert "Content-Security-Policy" in html


# ---------------------------------------------------------------------------- quotegraph serve


def test_serve_refuses_a_non_loopback_host_without_public(tmp_path, monkeypatch):
    # were the check gone, fail at once instead of serving on every interface until killed
    monkeypatch.setattr("quotegraph.graph.serve.serve", lambda *a, **k: pytest.fail("a server was started"))
    graph_file = tmp_path / "g.ttl"
    save_graph(records_to_graph([hostile_result()]), graph_file)
    for host in ("0.0.0.0", "::", "192.0.2.10"):
        result = invoke("serve", graph_file, "--host", host)
        assert result.exit_code == 1
        assert f"listening on {host}" in result.stderr and "--public" in result.stderr
        assert result.stderr.count("\n") == 1 and "SPARQL endpoint" not in result.output


def test_serve_api_refuses_a_non_loopback_host_without_public(tmp_path):
    from quotegraph.graph.serve import start_server

    with pytest.raises(QuotegraphError, match="--public"):
        start_server(tmp_path / "not-even-loaded.ttl", host="0.0.0.0", port=0)


@pytest.mark.endpoint
def test_serve_with_public_passes_the_host_check(tmp_path):
    """With consent the host check is passed and the server really tries that address.

    192.0.2.10 (TEST-NET-1, RFC 5737) belongs to no machine: binding it fails, so nothing is
    exposed, and the failure comes from the server, not from the consent check.
    """
    oxigraph_or_skip()
    from quotegraph.graph.serve import start_server

    graph_file = tmp_path / "g.ttl"
    save_graph(records_to_graph([hostile_result()]), graph_file)
    with pytest.raises(QuotegraphError) as info:
        start_server(graph_file, host="192.0.2.10", port=7999, public=True, ready_timeout=20)
    assert "--public" not in str(info.value) and "stopped at start" in str(info.value)


def test_serve_listens_on_loopback_by_default():
    import inspect

    import typer.main

    from quotegraph.graph.serve import DEFAULT_HOST, is_loopback, serve, start_server

    assert DEFAULT_HOST == "127.0.0.1"
    for func in (serve, start_server):
        assert inspect.signature(func).parameters["host"].default == DEFAULT_HOST
        assert inspect.signature(func).parameters["public"].default is False
    command = typer.main.get_command(app).commands["serve"]
    defaults = {p.name: p.default for p in command.params}
    assert is_loopback(defaults["host"]) and defaults["public"] is False and defaults["allow_update"] is False


@pytest.mark.endpoint
def test_serve_stops_a_long_query_after_the_timeout(tmp_path):
    """A three-way cross product over 3,000 triples (2.7e10 rows) would run for hours."""
    oxigraph_or_skip()
    from quotegraph.graph.serve import start_server

    graph = Graph()
    for i in range(3000):
        graph.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)))
    source = tmp_path / "many.nt"
    save_graph(graph, source, "nt")
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    with start_server(source, port=0, timeout=1) as server:
        assert server.command[server.command.index("--timeout-s") + 1] == "1"
        body = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(server.query_url, data=body, headers={"Accept": "text/csv"})
        try:  # the client timeout only keeps a broken server from hanging the test run
            with urllib.request.urlopen(request, timeout=300) as response:
                answer = response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            answer = exc.read().decode("utf-8", "replace")
        assert "cancelled" in answer
        assert not re.search(r"^\d+\s*$", answer, re.MULTILINE)  # no count came back
        assert server.running()  # the server itself goes on answering
        probe = server.query_url + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        with urllib.request.urlopen(urllib.request.Request(probe, headers={"Accept": "text/csv"}), timeout=60) as ok:
            assert list(csv.DictReader(io.StringIO(ok.read().decode()))) == [{"n": "3000"}]


# ---------------------------------------------------------------------------- quotegraph query

UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
    "LOAD <file:///etc/hostname>",
    "CLEAR ALL",
    "DROP DEFAULT",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "MOVE DEFAULT TO <urn:g>",
    "# a comment saying SELECT\nPREFIX select: <urn:select#>\nclear default",
]


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "g.ttl"
    save_graph(records_to_graph([hostile_result()]), path)
    return path


@pytest.mark.parametrize("update", UPDATES)
def test_query_never_runs_an_update_on_a_file_without_update_flag(graph_file, update):
    before = graph_file.read_bytes()
    result = invoke("query", graph_file, update)
    assert result.exit_code == 1
    assert "--update" in result.stderr and result.stderr.count("\n") == 1
    assert graph_file.read_bytes() == before


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR ALL", "DROP ALL",
                                    "LOAD <file:///etc/hostname>"])
def test_query_never_runs_an_update_on_a_store_without_update_flag(tmp_path, update):
    store = tmp_path / "store"
    g = open_graph(store)
    add_results(g, [hostile_result()])
    before = len(g)
    close_graph(g)
    for args in ([update], ["--file", _rq(tmp_path, update)], ["-"]):
        result = invoke("query", store, *args, input=update)
        assert result.exit_code == 1 and "--update" in result.stderr
    reopened = open_source(store)
    assert len(reopened) == before
    close_graph(reopened)


def _rq(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "update.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_query_runs_an_update_only_with_update_flag(graph_file):
    assert "urn:a" not in graph_file.read_text(encoding="utf-8")
    result = invoke("query", graph_file, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--update")
    assert result.exit_code == 0, result.output
    assert "urn:a" in graph_file.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- the README


def security_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Security", 1)[1].split("\n## ", 1)[0]


def test_every_security_promise_names_tests_that_exist():
    section = security_section()
    promises = [p for p in re.split(r"\n(?=- )", section) if p.startswith("- ")]
    assert len(promises) >= 5
    for promise in promises:
        named = re.findall(r"<!-- tests: (.*?) -->", promise, re.S)
        assert named, f"no test named for: {promise[:60]}…"
        for ref in named[0].split():
            path, _, name = ref.partition("::")
            source = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(rf"^def {re.escape(name)}\(", source, re.M), f"{ref} does not exist"
