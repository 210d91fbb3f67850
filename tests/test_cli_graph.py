"""The graph verbs end to end, as a user runs them: query, export, serve."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.query import example_queries
from quotegraph.graph.store import add_results, close_graph, load_file, memory_copy, open_graph

runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.fixture
def ttl(tmp_path, sample_results):
    path = tmp_path / "news.ttl"
    save_graph(records_to_graph(sample_results), path)
    return path


@pytest.mark.parametrize("verb", ["query", "export", "serve", "remove"])
def test_help_teaches_with_an_example(verb):
    result = invoke(verb, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"quotegraph {verb}" in result.output


def test_query_example_csv(ttl):
    result = invoke("query", ttl, "--example", "who-said-what", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "speaker,said_as,quote,kind,cue,relayed_by,article"
    assert "Anton Weber,Präsident Anton Weber,Wir schicken keine Soldaten,direct,sagen,Nordpress,de1" in lines
    assert 'Anton Weber,President Anton Weber,"We will not send troops,",direct,say,Reuters,en1' in lines


def test_query_with_param_json(ttl):
    result = invoke("query", ttl, "-e", "reported-by", "-p", "outlet=reuters", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["outlet_name"], r["how"], r["speaker"], r["quote"]) for r in rows] == [
        ("Reuters", "relayed", "Anton Weber", "We will not send troops,")]


def test_query_table_default(ttl):
    result = invoke("query", ttl, "--example", "speakers-by-count")
    assert result.exit_code == 0, result.output
    assert "┃ speaker" in result.stdout
    assert "Anton Weber" in result.stdout


def test_list_examples():
    for args in (["query", "--list-examples"], ["query", "--example", "list"]):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        for name, example in example_queries().items():
            assert f"{name}: " in result.stdout
            for p in example.params:
                assert f"--param {p}=" in result.stdout


def test_query_text_file_and_stdin(ttl, tmp_path):
    q = "SELECT ?name WHERE { ?s qg:reported ?q ; schema:name ?name } ORDER BY ?name"
    as_arg = invoke("query", ttl, q, "--format", "csv")
    assert as_arg.exit_code == 0, as_arg.output
    assert as_arg.stdout.splitlines() == ["name", "Nordpress", "Reuters"]
    rq = tmp_path / "q.rq"
    rq.write_text(q)
    assert invoke("query", ttl, "--file", rq, "--format", "csv").stdout == as_arg.stdout
    assert invoke("query", ttl, "-", "--format", "csv", input=q).stdout == as_arg.stdout


@pytest.mark.parametrize("args,message", [
    (["SELECT ?s WHERE { ?s ?p }"], "SPARQL syntax error"),
    (["DELETE WHERE { ?s ?p ?o }"], "--update"),
    (["--example", "nope"], "no example query 'nope'"),
    (["--example", "quotes-about"], "needs --param entity="),
    (["--example", "who-said-what", "--format", "xml"], "unknown --format 'xml'"),
    (["--example", "quotes-by", "--param", "speaker"], "--param wants name=value"),
    ([], "give exactly one query"),
])
def test_query_errors_are_one_line(ttl, args, message):
    result = invoke("query", ttl, *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_query_missing_graph(tmp_path):
    result = invoke("query", tmp_path / "gone.ttl", "--example", "who-said-what")
    assert result.exit_code == 1
    assert "gone.ttl" in result.stderr


def test_update_on_a_file_is_saved_back(ttl):
    before = len(load_file(ttl))
    result = invoke("query", ttl, "INSERT DATA { qgid:entity\\/x schema:name 'X' }", "--update")
    assert result.exit_code == 0, result.output
    assert f"{before} -> {before + 1} triples" in result.stderr
    again = invoke("query", ttl, "SELECT ?n WHERE { qgid:entity\\/x schema:name ?n }", "--format", "csv")
    assert again.stdout.splitlines() == ["n", "X"]


def test_query_and_update_a_store(tmp_path, sample_results):
    where = tmp_path / "store"
    g = open_graph(where)
    add_results(g, sample_results)
    close_graph(g)
    result = invoke("query", where, "--example", "speakers-by-count", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["speaker"] == "Anton Weber"
    assert invoke("query", where, "DELETE WHERE { GRAPH ?g { ?s qg:reported ?q } }").exit_code == 1
    # in a store, article triples live in their article's named graph
    done = invoke("query", where, "DELETE WHERE { GRAPH ?g { ?s qg:reported ?q } }", "--update")
    assert done.exit_code == 0, done.output
    left = invoke("query", where, "ASK { ?s qg:reported ?q }", "--format", "json")
    assert json.loads(left.stdout) == [{"answer": False}]


def test_remove_from_a_store(tmp_path, sample_results):
    where = tmp_path / "store"
    g = open_graph(where)
    add_results(g, sample_results)
    close_graph(g)
    done = invoke("remove", "en1", "nope", "--store", where)
    assert done.exit_code == 3, done.output  # done, but an id was skipped: like other skips
    assert "Removed 1 article" in done.output and "no article 'nope'" in done.output
    nothing = invoke("remove", "en1", "--store", where)  # removed already
    assert nothing.exit_code == 3 and "no article 'en1'" in nothing.output and "Removed 0 articles" in nothing.output
    ids = invoke("query", where, "SELECT ?id WHERE { ?a schema:identifier ?id } ORDER BY ?id", "--format", "csv")
    assert ids.stdout.splitlines() == ["id", "de1"]
    assert invoke("remove", "de1", "--store", tmp_path / "news.ttl").exit_code == 1


@pytest.mark.parametrize("fmt,suffix", [("turtle", ".ttl"), ("nt", ".nt"), ("nquads", ".nq"), ("jsonld", ".jsonld"),
                                        ("trig", ".trig")])
def test_export_formats(ttl, tmp_path, fmt, suffix):
    out = tmp_path / f"out{suffix}"
    result = invoke("export", ttl, "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    assert f"to {out} ({fmt})" in result.stderr
    assert isomorphic(memory_copy(load_file(out)), memory_copy(load_file(ttl)))


def test_export_format_from_suffix_and_stdout(ttl, tmp_path):
    out = tmp_path / "out.nt"
    assert invoke("export", ttl, "--out", out).exit_code == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("<https://") and first.endswith(" .")
    to_stdout = invoke("export", ttl, "--format", "turtle", "--out", "-")
    assert to_stdout.exit_code == 0
    assert "@prefix qg: <https://w3id.org/quotegraph/ns#> ." in to_stdout.stdout


def test_export_graphml(ttl, tmp_path):
    pytest.importorskip("quotegraph.graph.network", reason="graph/network.py (to_networkx) not written yet")
    out = tmp_path / "net.graphml"
    result = invoke("export", ttl, "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert "Anton Weber" in out.read_text(encoding="utf-8")
    # GraphML holds nodes and edges: the message does not say it wrote triples
    assert result.stderr.startswith(f"Wrote {out} (graphml: the speaker, outlet and quote network of ")


def test_export_errors(ttl, tmp_path):
    bad = invoke("export", ttl, "--format", "yaml", "--out", tmp_path / "x.yaml")
    assert bad.exit_code == 1
    assert "turtle, nt, nquads, jsonld, trig, graphml" in bad.stderr
    assert not (tmp_path / "x.yaml").exists()
    nofolder = invoke("export", ttl, "--out", tmp_path / "no" / "x.ttl")
    assert nofolder.exit_code == 1
    assert "folder does not exist" in nofolder.stderr


@pytest.mark.endpoint
def test_serve_end_to_end(ttl):
    """Start `quotegraph serve` as a user would, query it, stop it with Ctrl-C."""
    from quotegraph.errors import QuotegraphError
    from quotegraph.graph.serve import free_port, oxigraph_binary

    try:
        oxigraph_binary()
    except QuotegraphError:
        pytest.skip("the oxigraph server binary is missing: pip install oxigraph")
    port = free_port()
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.Popen(
        [sys.executable, "-c", "from quotegraph.cli import main; main()", "serve", str(ttl), "--port", str(port),
         "--timeout", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        url = f"http://127.0.0.1:{port}/query"
        query = "PREFIX qg: <https://w3id.org/quotegraph/ns#> SELECT (COUNT(*) AS ?n) WHERE { ?s qg:said ?q }"
        body = None
        deadline = time.monotonic() + 60
        while body is None:
            assert proc.poll() is None, proc.stderr.read()
            try:
                req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                             headers={"Accept": "text/csv"})
                with urllib.request.urlopen(req, timeout=5) as resp:
                    body = resp.read().decode()
            except OSError:
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.2)
        assert body.splitlines() == ["n", "4"]
        # wait (bounded) until the verb has told the user where the endpoint is, then press Ctrl-C
        told = ""
        while "Press Ctrl-C" not in told:
            assert time.monotonic() < deadline, f"no start message: {told!r}"
            ready, _, _ = select.select([proc.stderr], [], [], 0.5)
            if ready:  # raw reads: a buffered readline would hide lines from select()
                told += os.read(proc.stderr.fileno(), 4096).decode("utf-8", "replace")
        assert f"http://127.0.0.1:{port}/query" in told
        assert "read-only" in told
        proc.send_signal(signal.SIGINT)
        # wait for the process, not for EOF on its pipes: a grandchild that inherited them
        # (seen once in CI) would hold them open after the verb itself has exited
        assert proc.wait(timeout=30) == 0
        # and the endpoint it started is gone
        gone_by = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query}), timeout=2).close()
            except OSError:
                break
            assert time.monotonic() < gone_by, "the oxigraph server outlived Ctrl-C"
            time.sleep(0.2)
    finally:
        if proc.poll() is None:  # SIGTERM first: the verb then stops its oxigraph server too
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=30)
        for pipe in (proc.stdout, proc.stderr):
            pipe.close()


def test_docs_cover_examples_and_options():
    """docs/graph.md lists every example query and every option of query/export/serve."""
    from pathlib import Path

    import typer.main

    docs = (Path(__file__).parent.parent / "docs" / "graph.md").read_text(encoding="utf-8")
    for name, example in example_queries().items():
        assert f"`{name}`" in docs, name
        assert ", ".join(example.columns) in docs, name
    command = typer.main.get_command(app)
    for verb in ("query", "export", "serve"):
        for param in command.commands[verb].params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in docs, (verb, opt)
