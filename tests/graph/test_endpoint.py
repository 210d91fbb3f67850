"""graph/endpoint.py: a SPARQL server as the graph's home, tested against real servers.

The Oxigraph server and Virtuoso run on 127.0.0.1 (session fixtures in conftest.py, skipped
only when the binary is not installed); every test compares the server with the embedded
store fed the same records.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.errors import GraphFileError, QuotegraphError
from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph import endpoint as endpoint_module
from quotegraph.graph.endpoint import CHUNK_TRIPLES, is_endpoint, parse_endpoint
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import article_iri, graph_iri
from quotegraph.graph.namespaces import QG
from quotegraph.graph.query import example_queries, run_example, run_query
from quotegraph.graph.serve import free_port
from quotegraph.graph.store import (
    add_results,
    article_graphs,
    close_graph,
    memory_copy,
    open_graph,
    open_source,
    remove_articles,
)

PARAMS = {"quotes-by": {"speaker": "weber"}, "quotes-about": {"entity": "Anton Weber"},
          "reported-by": {"outlet": "Reuters"}, "statement-carriers": {"words": "soldaten"},
          "statements-by-reach": {"speaker": "weber"}}


def many_quotes(n: int, article_id: str = "long") -> ArticleResult:
    """One article with n direct quotes by the same speaker (about 18 triples each)."""
    parts, atts = [], []
    pos = 0
    for i in range(n):
        quote = f"Satz Nummer {i} ist wahr"
        sentence = f"„{quote}“, sagte Eva Klein. "
        q = Quote(quote, pos + 1, pos + 1 + len(quote), "direct")
        cue_at = pos + sentence.index("sagte")
        spk_at = pos + sentence.index("Eva Klein")
        atts.append(Attribution(id=f"{article_id}:{q.start}-{q.end}", article=article_id, quote=q,
                                speaker=Mention("Eva Klein", spk_at, spk_at + 9, "Eva Klein", "person"),
                                cue=Cue("sagte", cue_at, cue_at + 5, "sagen")))
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts)
    return ArticleResult(Article(id=article_id, text=text, language="de"), tuple(atts),
                         (Entity("Eva Klein", "person", ("Klein",)),))


def union(graph) -> set:
    return set(memory_copy(graph))


# ------------------------------------------------------------------ addresses (no server)


@pytest.mark.parametrize("address,query,update", [
    ("sparql+http://127.0.0.1:7878", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update"),
    ("sparql+http://127.0.0.1:7878/", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update"),
    ("sparql+http://127.0.0.1:8890/sparql", "http://127.0.0.1:8890/sparql", "http://127.0.0.1:8890/sparql"),
    ("sparql+https://db.example:443/ds/query?update=/ds/update", "https://db.example:443/ds/query",
     "https://db.example:443/ds/update"),
    ("sparql+http://h:1/q?update=http://other:2/u", "http://h:1/q", "http://other:2/u"),
])
def test_addresses(address, query, update):
    e = parse_endpoint(address)
    assert (e.query_url, e.update_url) == (query, update)


def test_address_options():
    e = parse_endpoint("sparql+http://h:1/sparql?timeout=2.5&shared=urn:shared")
    assert (e.timeout, e.shared_graph) == (2.5, "urn:shared")
    with pytest.raises(GraphFileError, match="unknown option 'graph'"):
        parse_endpoint("sparql+http://h:1?graph=x")
    with pytest.raises(GraphFileError, match="timeout must be a number"):
        parse_endpoint("sparql+http://h:1?timeout=soon")


def test_a_server_that_is_down_is_one_clear_error():
    address = f"sparql+http://127.0.0.1:{free_port()}"
    with pytest.raises(GraphFileError) as info:
        open_graph(address)
    message = str(info.value)
    assert message.startswith(address) and "cannot reach the SPARQL endpoint" in message
    assert "\n" not in message
    result = CliRunner().invoke(app, ["query", address, "--example", "who-said-what"])
    assert result.exit_code == 1
    assert "cannot reach the SPARQL endpoint" in result.output


def test_a_read_only_server_refuses_updates_clearly(tmp_path, sample_results):
    from quotegraph.graph.serve import start_server

    path = tmp_path / "g.ttl"
    save_graph(open_graph(), path)
    with start_server(path, port=0) as server:  # serve-read-only
        g = open_graph(f"sparql+http://127.0.0.1:{server.port}")
        with pytest.raises(GraphFileError, match="refuses updates"):
            add_results(g, sample_results)


# ------------------------------------------------------------------ against real servers


def _emptied(address: str) -> str:
    g = open_graph(address)
    names = g.graph_names()
    if names:
        g.update(" ; ".join(f"DROP SILENT GRAPH <{n}>" for n in names))
    g.update("CLEAR DEFAULT")
    return address


def test_an_oxigraph_server_without_union_default_graph_gives_the_rows(oxigraph_plain_server, corpus):
    # `oxigraph serve` without --union-default-graph: quotegraph asks for the union in each query
    address = _emptied(oxigraph_plain_server.address)
    local, remote = open_graph(), open_graph(address)
    for g in (local, remote):
        add_results(g, corpus)
    assert len(remote) == len(local) > 100
    for name in ("who-said-what", "speakers-by-count"):
        got, expected = run_example(remote, name, PARAMS.get(name)), run_example(local, name, PARAMS.get(name))
        assert len(expected) > 0 and got.records() == expected.records(), name
    result = CliRunner().invoke(app, ["query", address, "--example", "quotes-by", "--param", "speaker=Weber"])
    assert result.exit_code == 0 and "Anton Weber" in result.output, result.output


def test_a_server_whose_default_graph_hides_the_named_graphs_is_one_clear_error(oxigraph_plain_server, corpus,
                                                                                  monkeypatch):
    # a server quotegraph cannot ask for the union (here: the plain Oxigraph server, not recognised)
    address = _emptied(oxigraph_plain_server.address)
    monkeypatch.setattr(endpoint_module.Endpoint, "oxigraph", property(lambda self: False))
    g = open_graph(address)  # empty: nothing to tell by yet
    with pytest.raises(GraphFileError) as info:
        add_results(g, corpus)  # written, then found invisible
    message = str(info.value)
    assert message.startswith(address) and "not the union of its named graphs" in message
    assert "oxigraph serve --union-default-graph" in message and "\n" not in message
    with pytest.raises(GraphFileError, match="not the union of its named graphs"):
        open_graph(address)
    result = CliRunner().invoke(app, ["query", address, "--example", "who-said-what"])
    assert result.exit_code == 1 and "--union-default-graph" in result.output


def test_open_graph_gives_an_endpoint_graph(endpoint):
    g = open_graph(endpoint)
    assert is_endpoint(g) and len(g) == 0
    close_graph(g)


def test_example_queries_give_the_same_rows_as_the_embedded_store(endpoint, corpus):
    from conftest import carried_copy

    from quotegraph.graph.statements import link_statements

    corpus = [*corpus, carried_copy(corpus[0])]
    local = open_graph()
    add_results(local, corpus)
    remote = open_graph(endpoint)
    assert add_results(remote, corpus) == len(local)
    assert link_statements(remote) == link_statements(local)
    assert len(remote) == len(local)
    for name in example_queries():
        expected = run_example(local, name, PARAMS.get(name))
        got = run_example(remote, name, PARAMS.get(name))
        assert got.columns == expected.columns, name
        assert len(expected) > 0, name
        # same rows; the order only where ORDER BY fixes it (ties may come in any order)
        assert sorted(map(repr, got.records())) == sorted(map(repr, expected.records())), name


def test_every_example_gives_the_same_rows_in_the_same_order_on_every_store(endpoint, corpus):
    # an entity with two types and two names, written in different orders to two embedded stores
    from conftest import carried_copy, two_typed_results

    from quotegraph.graph.statements import link_statements

    results = [*corpus, *two_typed_results(), carried_copy(corpus[0])]
    local, backwards, remote = open_graph(), open_graph(), open_graph(endpoint)
    add_results(local, results)
    for r in reversed(results):
        add_results(backwards, [r])
    add_results(remote, results)
    for g in (local, backwards, remote):
        link_statements(g)
    for name in example_queries():
        expected = run_example(local, name, PARAMS.get(name))
        assert len(expected) > 0, name
        for g in (backwards, remote):
            got = run_example(g, name, PARAMS.get(name))
            assert (got.columns, got.records()) == (expected.columns, expected.records()), name
    rows = [r for r in run_example(remote, "speakers-by-count").records() if r["speaker"].lower() == "nordpress"]
    assert [(r["speaker"], r["type"], int(r["quotes"]), int(r["articles"])) for r in rows] == \
        [("NordPress", "NewsMediaOrganization", 2, 2)]


def test_the_same_triples_and_graphs_as_the_embedded_store(endpoint, corpus, hostile_result):
    results = [*corpus, hostile_result, many_quotes(2, "shared")]  # "shared": no clash with Virtuoso's shared graph
    local = open_graph()
    add_results(local, results)
    remote = open_graph(endpoint)
    add_results(remote, results)
    assert union(remote) == union(local)  # every quote mark, backslash and emoji came through
    assert article_graphs(remote) == article_graphs(local) == sorted(r.article.id for r in results)


def test_re_running_adds_nothing(endpoint, corpus):
    g = open_graph(endpoint)
    n = add_results(g, corpus)
    assert n == len(g) > 100
    assert add_results(g, corpus) == 0
    assert add_results(g, corpus[1:2]) == 0
    assert len(g) == n


def test_remove_drops_exactly_one_article(endpoint, corpus):
    local, remote = open_graph(), open_graph(endpoint)
    for g in (local, remote):
        add_results(g, corpus)
    removed = remove_articles(remote, ["en1"])
    assert removed == remove_articles(local, ["en1"]) > 0
    assert article_graphs(remote) == ["de1", "de2"]
    assert union(remote) == union(local)
    assert not list(remote.query(f"ASK {{ <{article_iri('en1')}> ?p ?o }}"))[0]
    # with prune, entities no article uses go too, exactly as in the embedded store
    assert remove_articles(remote, ["de2"], prune=True) == remove_articles(local, ["de2"], prune=True)
    assert union(remote) == union(local)


def test_re_extracting_an_article_leaves_no_stale_triples(endpoint, corpus):
    local, remote = open_graph(), open_graph(endpoint)
    changed = replace(corpus[0], attributions=corpus[0].attributions[1:])
    for g in (local, remote):
        add_results(g, corpus)
    assert add_results(remote, [changed]) == add_results(local, [changed]) < 0
    assert union(remote) == union(local)
    dropped = corpus[0].attributions[0].quote
    stale = URIRef(f"{article_iri('de1')}#char={dropped.start},{dropped.end}")
    assert not [t for t in union(remote) if stale in t]


def test_writes_are_chunked(endpoint, monkeypatch):
    big = many_quotes(400)
    sizes = []
    real = endpoint_module.EndpointGraph._insert_text

    def spy(self, chunk):
        sizes.append(len(chunk))
        return real(self, chunk)

    monkeypatch.setattr(endpoint_module.EndpointGraph, "_insert_text", spy)
    remote = open_graph(endpoint)
    added = add_results(remote, [big])
    local = open_graph()
    assert added == add_results(local, [big]) > 3 * CHUNK_TRIPLES
    assert max(sizes) <= CHUNK_TRIPLES and len(sizes) > 3
    assert union(remote) == union(local)
    quotes = list(remote.query(f"SELECT (COUNT(?q) AS ?n) WHERE {{ ?s <{QG.said}> ?q }}"))
    assert int(quotes[0][0]) == 400


def test_exports_from_the_endpoint_match_the_embedded_store(endpoint, corpus, tmp_path):
    local, remote = open_graph(), open_graph(endpoint)
    for g in (local, remote):
        add_results(g, corpus)
    for fmt, suffix in (("turtle", ".ttl"), ("trig", ".trig")):
        save_graph(remote, tmp_path / f"remote{suffix}", fmt)
        save_graph(local, tmp_path / f"local{suffix}", fmt)
    assert union(open_source(tmp_path / "remote.ttl")) == union(local)
    ds = Dataset()
    ds.parse(tmp_path / "remote.trig", format="trig")
    names = {str(c.identifier) for c in ds.graphs() if len(c)} - {str(ds.default_graph.identifier)}
    assert names == {str(graph_iri(r.article.id)) for r in corpus}  # shared graph mapped to default
    assert union(open_source(tmp_path / "remote.trig")) == union(open_source(tmp_path / "local.trig"))


def test_parameters_are_bound_as_terms_on_endpoints(endpoint, corpus):
    remote = open_graph(endpoint)
    add_results(remote, corpus)
    # a value that would break out of a pasted string changes nothing but the value
    result = run_example(remote, "quotes-by", {"speaker": 'weber" } } SELECT * WHERE { ?s ?p ?o'})
    assert len(result) == 0
    assert {r["name"] for r in run_example(remote, "quotes-by", {"speaker": "WEBER"}).records()} == {"Anton Weber"}


def test_read_only_endpoint_graph_refuses_writes(endpoint, corpus):
    g = open_source(endpoint)
    with pytest.raises(QuotegraphError, match="read-only"):
        add_results(g, corpus)


# ------------------------------------------------------------------ the CLI on an endpoint


def test_cli_query_view_export_remove_on_an_endpoint(endpoint, corpus, tmp_path):
    remote = open_graph(endpoint)
    add_results(remote, corpus)
    path = tmp_path / "g.ttl"
    local = open_graph()
    add_results(local, corpus)
    save_graph(local, path)
    runner = CliRunner()
    args = ["--example", "speakers-by-count", "--format", "csv"]
    from_server = runner.invoke(app, ["query", endpoint, *args])
    from_file = runner.invoke(app, ["query", str(path), *args])
    assert from_server.exit_code == 0, from_server.output
    assert from_server.output == from_file.output
    out = tmp_path / "export.nq"
    done = runner.invoke(app, ["export", endpoint, "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert union(open_source(out)) == union(local)
    page = tmp_path / "graph.html"
    done = runner.invoke(app, ["view", endpoint, "--out", str(page)])
    assert done.exit_code == 0, done.output
    assert "Anton Weber" in page.read_text(encoding="utf-8")
    done = runner.invoke(app, ["remove", "de2", "--store", endpoint])
    assert done.exit_code == 0, done.output
    assert article_graphs(open_graph(endpoint)) == ["de1", "en1"]


def test_ask_answers_the_same_on_every_store(endpoint, corpus):
    from quotegraph.graph.query import run_query

    local, remote = open_graph(), open_graph(endpoint)
    for g in (local, remote):
        add_results(g, corpus)
    for text, answer in (("ASK { ?s qg:reported ?q }", True), ("ASK { ?s qg:said <urn:nothing> }", False)):
        assert run_query(remote, text).rows == run_query(local, text).rows == [(Literal(answer),)]


def test_cli_extract_writes_to_an_endpoint_like_to_a_store_folder(endpoint, tmp_path):
    from quotegraph.api import example_folder

    runner = CliRunner()
    examples = str(example_folder())
    to_server = runner.invoke(app, ["extract", examples, "--store", endpoint, "-q"])
    assert to_server.exit_code == 0, to_server.output
    to_folder = runner.invoke(app, ["extract", examples, "--store", str(tmp_path / "local.db"), "-q"])
    assert to_folder.exit_code == 0, to_folder.output
    size = len(open_graph(endpoint))
    assert size > 0 and not list(tmp_path.glob("*.quotegraph-run")) and not list(Path.cwd().glob("store-*.quotegraph-run"))
    args = ["--example", "who-said-what", "--format", "csv"]
    from_server = runner.invoke(app, ["query", endpoint, *args])
    from_folder = runner.invoke(app, ["query", str(tmp_path / "local.db"), *args])
    assert from_server.exit_code == 0 and sorted(from_server.output.splitlines()) == sorted(from_folder.output.splitlines())
    again = runner.invoke(app, ["extract", examples, "--store", endpoint, "-q"])
    assert again.exit_code == 0 and len(open_graph(endpoint)) == size


def test_an_entity_typed_differently_by_two_articles_keeps_one_type_on_the_server(endpoint):
    # Person in t1, Organization in t2, written in two runs (the later one must still settle it)
    from conftest import two_typed_results
    from quotegraph.graph.model import entity_iri

    t1, t2 = two_typed_results()
    remote = open_graph(endpoint)
    added = add_results(remote, [t2]) + add_results(remote, [t1])
    rows = remote.select(f"SELECT ?c WHERE {{ <{entity_iri('Nordpress')}> a ?c }}")
    assert [str(r["c"]) for r in rows] == ["https://schema.org/Person"]
    assert added == len(remote)  # the net change counts the type taken away
    assert add_results(remote, [t1, t2]) == 0


def test_non_ascii_iris_come_back_from_the_server_as_written(endpoint):
    # entity:küstenpresse and article/Zürich%201%2Fü: Unicode IRIs through INSERT DATA, queries and dumps
    from test_export import _non_ascii_result
    from quotegraph.graph.model import entity_iri

    result = _non_ascii_result()
    local, remote = open_graph(), open_graph(endpoint)
    add_results(local, [result])
    assert add_results(remote, [result]) == len(local)
    assert union(remote) == union(local)
    assert article_graphs(remote) == ["Zürich 1/ü"]
    rows = run_query(remote, "SELECT ?s WHERE { ?s schema:name ?n }", params={"n": Literal("Küstenpresse")})
    assert [str(r[0]) for r in rows.rows] == [str(entity_iri("Küstenpresse"))]
    assert str(entity_iri("Küstenpresse")).endswith("/küstenpresse")


def test_keep_one_type_over_every_entity_settles_a_server_written_before_the_rule(endpoint):
    # a store from an older quotegraph: the entity holds both types; a pass over all entities leaves Person
    from conftest import two_typed_results
    from quotegraph.graph.model import entity_iri
    from quotegraph.graph.store import backend_of

    remote = open_graph(endpoint)
    add_results(remote, two_typed_results())
    shared = remote.endpoint.shared_graph
    triple = f"<{entity_iri('Nordpress')}> a <https://schema.org/Organization> ."
    remote.update(f"INSERT DATA {{ GRAPH <{shared}> {{ {triple} }} }}" if shared else f"INSERT DATA {{ {triple} }}")
    assert len(remote.select(f"SELECT ?c WHERE {{ <{entity_iri('Nordpress')}> a ?c }}")) == 2
    assert backend_of(remote).keep_one_type() == 1
    rows = remote.select(f"SELECT ?c WHERE {{ <{entity_iri('Nordpress')}> a ?c }}")
    assert [str(r["c"]) for r in rows] == ["https://schema.org/Person"]


def test_entity_resolution_on_a_server_gives_the_embedded_store_s_graph(endpoint):
    from quotegraph.graph.identity import resolve_graph

    def said(aid, name):
        text = f"„Ja“, sagte {name}."
        who = Mention(name, 12, 12 + len(name), name, "person")
        return ArticleResult(Article(id=aid, text=text, language="de"),
                             (Attribution(id=f"{aid}-1", article=aid, quote=Quote("„Ja“", 0, 4, "direct"), speaker=who),),
                             (Entity(name, "person"),))

    first = [said("r1", "Henrik Solberg"), said("r2", "Solberg")]
    local, remote = open_graph(), open_graph(endpoint)
    for g in (local, remote):
        add_results(g, first)
        assert resolve_graph(g).merged == 1
        add_results(g, [said("r3", "Erna Solberg")])  # a second candidate: the merge is undone
        assert resolve_graph(g).merged == 0
        assert resolve_graph(g).inserted == 0
    assert union(remote) == union(local)
