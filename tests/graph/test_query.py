"""graph/query.py: the example queries answer who said what, relayed by whom; safe parameters."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef

from quotegraph.errors import QueryError
from quotegraph.graph.query import (
    QueryResult,
    example_queries,
    format_result,
    parse_param,
    query_kind,
    run_example,
    run_query,
    with_prefixes,
)
from quotegraph.graph.store import add_results, close_graph, memory_copy, open_graph

PARAMS = {"quotes-about": {"entity": "weber"}, "quotes-by": {"speaker": "Weber"},
          "statement-carriers": {"words": "soldaten"}, "statements-by-reach": {"speaker": "Weber"},
          "reported-by": {"outlet": "Nordpress"}}


def rows(result: QueryResult) -> list[tuple]:
    return [tuple(None if v is None else str(v) for v in row) for row in result.rows]


def column(result: QueryResult, name: str) -> list:
    i = result.columns.index(name)
    return [None if row[i] is None else str(row[i]) for row in result.rows]


def test_examples_are_documented():
    examples = example_queries()
    assert {"who-said-what", "quotes-about", "reported-by", "speakers-by-count", "relay-chains"} <= set(examples)
    for ex in examples.values():
        assert len(ex.purpose) > 20, ex.name
        assert ex.columns, ex.name
        for p in ex.params:
            assert f"?{p}" in ex.text


@pytest.fixture
def carried(graph, sample_results):
    """The corpus, and its German article again from another outlet: Weber's words carried
    twice; statements linked."""
    from conftest import carried_copy

    from quotegraph.graph.statements import link_statements

    add_results(graph, [carried_copy(sample_results[0])])
    link_statements(graph)
    return graph


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_example_columns_and_engines_agree(graph, carried, name):
    """Each example returns its documented columns, the same rows on Oxigraph and on rdflib."""
    ox = run_example(graph, name, PARAMS.get(name))
    assert ox.columns == list(example_queries()[name].columns)
    assert len(ox) > 0
    plain = run_example(memory_copy(graph), name, PARAMS.get(name))
    assert rows(plain) == rows(ox)


def test_who_said_what(graph):
    r = run_example(graph, "who-said-what")
    got = {(row["speaker"], row["quote"], row["relayed_by"]) for row in r.records()}
    assert ("Anton Weber", "Wir schicken keine Soldaten", "Nordpress") in got
    assert ("Anton Weber", "We will not send troops,", "Reuters") in got
    assert ("Abendblatt", "die Armee habe keine Munition mehr", None) in got
    assert ("Eva Klein", "Weber hat gesagt, die Grenze bleibt offen.", None) in got
    pronoun = [row for row in r.records() if row["said_as"] == "Er"]
    assert [(p["speaker"], p["cue"], p["kind"]) for p in pronoun] == [("Anton Weber", "behaupten", "indirect")]
    assert len(r) == 6
    assert column(r, "article") == sorted(column(r, "article"))


def test_relay_chains(graph):
    r = run_example(graph, "relay-chains")
    got = {(row["speaker"], row["quote"], row["relayed_by"], row["via"], row["nested_in"]) for row in r.records()}
    assert got == {
        ("Anton Weber", "Wir schicken keine Soldaten", "Nordpress", "Agentur Nordpress", None),
        ("Anton Weber", "We will not send troops,", "Reuters", "Reuters", None),
        ("Anton Weber", "die Grenze bleibt offen", None, None, "Eva Klein"),
    }
    published = {row["quote"]: row["published_by"] for row in r.records()}
    assert published["Wir schicken keine Soldaten"] == "dpa"
    assert published["We will not send troops,"] is None


def _chain_result():
    """Pia Sommer's words, relayed by Zeitung Zeta, whom Agentur Alpha cites, whom Mittelblatt cites:
    the names' alphabetical order is not the chain's."""
    from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote

    text = "Laut Mittelblatt berichtet Agentur Alpha unter Berufung auf Zeitung Zeta, Pia Sommer habe gesagt, alles sei ruhig."

    def named(words, name, kind="media"):
        at = text.index(words)
        return Mention(words, at, at + len(words), entity=name, type=kind)

    words = "alles sei ruhig"
    quote = Quote(words, text.index(words), text.index(words) + len(words), "indirect")
    zeta, alpha, mittel = named("Zeitung Zeta", "Zeta"), named("Agentur Alpha", "Alpha"), named("Mittelblatt", "Mittelblatt")
    att = Attribution("k1:1", "k1", quote, speaker=named("Pia Sommer", "Pia Sommer", "person"), mediator=mittel,
                      relays=(zeta, alpha))
    entities = (Entity("Pia Sommer", "person"), Entity("Zeta", "media"), Entity("Alpha", "media"),
                Entity("Mittelblatt", "media"))
    return ArticleResult(Article("k1", text, language="de"), (att,), entities)


def test_relay_chains_rows_follow_the_chain_from_the_speaker_outward():
    g = open_graph()
    add_results(g, [_chain_result()])
    r = run_example(g, "relay-chains")
    assert [(row["speaker"], row["relayed_by"], row["via"]) for row in r.records()] == [
        ("Pia Sommer", "Zeta", "Mittelblatt"), ("Pia Sommer", "Alpha", "Mittelblatt"),
        ("Pia Sommer", "Mittelblatt", "Mittelblatt")]
    # the path itself walks from the quote to the outermost report first, as docs/graph.md says
    hops = run_query(g, "SELECT ?name WHERE { ?q a schema:Quotation ; prov:wasQuotedFrom ?r0 . "
                        "?r0 prov:wasAttributedTo/schema:name ?name }")
    assert rows(hops) == [("Mittelblatt",)]


def test_reported_by_lists_a_quote_for_every_relay_of_its_chain():
    g = open_graph()
    add_results(g, [_chain_result()])
    for outlet in ("Zeta", "Alpha", "Mittelblatt"):  # the inner hops relayed it too, not only the outermost
        r = run_example(g, "reported-by", {"outlet": outlet})
        assert [(row["how"], row["speaker"], row["quote"]) for row in r.records()] == [
            ("relayed", "Pia Sommer", "alles sei ruhig")], outlet


def test_reported_by(graph):
    relayed = run_example(graph, "reported-by", {"outlet": "agentur nordpress"})  # an alias, any case
    assert [(row["outlet_name"], row["how"], row["speaker"], row["quote"]) for row in relayed.records()] == [
        ("Nordpress", "relayed", "Anton Weber", "Wir schicken keine Soldaten")]
    said = run_example(graph, "reported-by", {"outlet": "Abendblatt"})
    assert [(row["how"], row["quote"]) for row in said.records()] == [("said", "die Armee habe keine Munition mehr")]
    published = run_example(graph, "reported-by", {"outlet": "dpa"})
    assert {row["how"] for row in published.records()} == {"published"}
    assert {row["article"] for row in published.records()} == {"de1", "de2"}
    assert len(run_example(graph, "reported-by", {"outlet": "Nobody"})) == 0


def test_quotes_about_and_by(graph):
    about = run_example(graph, "quotes-about", {"entity": "WEBER"})
    assert [(row["about"], row["speaker"], row["quote"]) for row in about.records()] == [
        ("Anton Weber", "Eva Klein", "Weber hat gesagt, die Grenze bleibt offen.")]
    by = run_example(graph, "quotes-by", {"speaker": "anton weber"})
    assert len(by) == 4
    assert {row["article"] for row in by.records()} == {"de1", "de2", "en1"}
    assert len(run_example(graph, "quotes-by", {"speaker": "Eva Klein"})) == 1


def test_speakers_by_count(graph):
    r = run_example(graph, "speakers-by-count")
    top = r.records()[0]
    assert (top["speaker"], top["type"], top["quotes"], top["articles"]) == ("Anton Weber", "Person", 4, 3)
    assert {row["speaker"] for row in r.records()} == {"Anton Weber", "Abendblatt", "Eva Klein"}


def test_example_parameters_are_checked(graph):
    with pytest.raises(QueryError, match=r"needs --param entity="):
        run_example(graph, "quotes-about")
    with pytest.raises(QueryError, match=r"takes no parameter colour"):
        run_example(graph, "who-said-what", {"colour": "red"})
    with pytest.raises(QueryError, match=r"no example query 'who-said'.*who-said-what"):
        run_example(graph, "who-said")


def test_prefixes_are_predeclared_but_the_query_wins(graph):
    q = "SELECT ?n WHERE { ?s qg:said ?q ; schema:name ?n } ORDER BY ?n"
    assert column(run_query(graph, q), "n") == ["Abendblatt"] + ["Anton Weber"] * 4 + ["Eva Klein"]
    wrong = run_query(graph, "PREFIX schema: <http://schema.org/>\n" + q)
    assert len(wrong) == 0
    assert "https://schema.org/" in wrong.warnings[0]


def test_with_prefixes_keeps_line_numbers():
    q = "SELECT *\nWHERE { ?s a schema:Person }"
    assert with_prefixes(q).count("\n") == 1
    assert with_prefixes(q).endswith(q)


def test_syntax_error_is_one_line_with_position(graph):
    with pytest.raises(QueryError) as info:
        run_query(graph, "SELECT ?s\nWHERE { ?s ?p }")
    message = str(info.value)
    assert message.startswith("SPARQL syntax error: line 2, column")
    assert "\n" not in message
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        run_query(memory_copy(graph), "SELECT ?s WHERE { ?s ?p }")


@pytest.mark.parametrize("update", [
    "DELETE WHERE { ?s ?p ?o }",
    "# comment SELECT\nINSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX select: <urn:x#> CLEAR ALL",
])
def test_updates_are_refused_unless_allowed(graph, update):
    before = len(graph)
    with pytest.raises(QueryError, match="--update"):
        run_query(graph, update)
    assert len(graph) == before


def test_allowed_update_changes_the_graph(graph):
    before = len(graph)
    r = run_query(graph, "INSERT DATA { <urn:a> schema:name 'A' }", allow_update=True)
    assert r.kind == "update"
    assert [int(v) for v in r.rows[0]] == [before, before + 1]
    plain = memory_copy(graph)
    run_query(plain, "DELETE WHERE { <urn:a> ?p ?o }", allow_update=True)
    assert len(plain) == before


def test_update_on_a_read_only_store_is_refused(tmp_path, sample_results):
    g = open_graph(tmp_path / "s")
    add_results(g, sample_results)
    close_graph(g)
    ro = open_graph(tmp_path / "s", read_only=True)
    with pytest.raises(QueryError, match="read-only"):
        run_query(ro, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", allow_update=True)


def test_parameters_are_terms_not_text(graph):
    before = len(graph)
    hostile = 'x" } ; DELETE WHERE { ?s ?p ?o } #'
    for g in (graph, memory_copy(graph)):
        r = run_query(g, "SELECT ?name ?s WHERE { ?s schema:name ?name }", params={"name": hostile})
        assert len(r) == 0
    assert len(graph) == before
    r = run_query(graph, "SELECT ?name ?s WHERE { ?s schema:name ?name }", params={"name": "Eva Klein"})
    assert [str(v) for v in column(r, "s")] == ["https://w3id.org/quotegraph/id/entity/eva-klein"]
    r = run_query(graph, "SELECT ?s ?name WHERE { ?s schema:name ?name }",
                  params={"s": "qgid:entity/reuters"})
    assert column(r, "name") == ["Reuters"]


def test_unknown_parameter_is_an_error(graph):
    with pytest.raises(QueryError, match=r"no variable \?nam"):
        run_query(graph, "SELECT ?name WHERE { ?s schema:name ?name }", params={"nam": "x"})


@pytest.mark.parametrize("value,expected", [
    ("Anton Weber", Literal("Anton Weber")),
    ("<urn:x>", URIRef("urn:x")),
    ("qg:said", URIRef("https://w3id.org/quotegraph/ns#said")),
    ('"Weber"@de', Literal("Weber", lang="de")),
    ("unknown:thing", Literal("unknown:thing")),
    ("Abendblatt: heute", Literal("Abendblatt: heute")),
])
def test_parse_param(value, expected):
    assert parse_param(value) == expected


def test_parse_param_rejects_bad_iri():
    with pytest.raises(QueryError):
        parse_param("<urn:a b>")


@pytest.mark.parametrize("text,kind", [
    ("SELECT * WHERE {}", "select"),
    ("ask {}", "ask"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
    ("DESCRIBE <urn:x>", "describe"),
    ("SELECT * WHERE { ?s <urn:p> 'INSERT' }", "select"),
    ("LOAD <http://example.org/x>", "update"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
])
def test_query_kind(text, kind):
    assert query_kind(text) == kind


def test_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?s qg:said ?q }").rows == [(Literal(True),)]
    c = run_query(graph, "CONSTRUCT { ?s qg:said ?q } WHERE { ?s qg:said ?q }")
    assert c.columns == ["subject", "predicate", "object"]
    assert len(c) == 6  # Weber 4, Abendblatt 1, Klein 1


def test_formats(graph):
    r = run_example(graph, "speakers-by-count")
    data = json.loads(format_result(r, "json"))
    assert data[0] == {"speaker": "Anton Weber", "type": "Person", "quotes": 4, "articles": 3}
    csv_text = format_result(r, "csv")
    assert csv_text.splitlines()[0] == "speaker,type,quotes,articles"
    assert csv_text.splitlines()[1] == "Anton Weber,Person,4,3"
    iri = run_query(graph, "SELECT ?s WHERE { ?s schema:name 'Reuters' }")
    assert "entity:reuters" in iri.to_table()
    assert "https://w3id.org/quotegraph/id/entity/reuters" in iri.to_csv()
    with pytest.raises(QueryError, match="table, csv, json"):
        format_result(r, "xml")


def test_a_parameter_must_be_selected(graph):
    with pytest.raises(QueryError, match=r"add \?name to the SELECT list"):
        run_query(graph, "SELECT ?s WHERE { ?s schema:name ?name }", params={"name": "Reuters"})
    star = run_query(graph, "SELECT * WHERE { ?s schema:name ?name }", params={"name": "Reuters"})
    assert len(star) == 1
