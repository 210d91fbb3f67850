"""The quote graph as networkx: node types, counts, attributes, GraphML, aggregation."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from rdflib import Graph

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.model import entity_iri, records_to_graph
from quotegraph.graph.network import (
    NODE_TYPES,
    RELATIONS,
    collapse_quotes,
    keep_top_nodes,
    quote_nodes,
    short_label,
    to_networkx,
)

WEBER, NORDPRESS, REUTERS, ABENDBLATT = (str(entity_iri(n)) for n in ("Anton Weber", "Nordpress", "Reuters", "Abendblatt"))


def _by_label(G: nx.MultiDiGraph) -> dict[str, dict]:
    return {d["label"]: d for _, d in G.nodes(data=True)}


def _mentioning_result() -> ArticleResult:
    text = '"Kiel must pay," Weber said.'
    att = Attribution(id="m1:1-14", article="m1", quote=Quote("Kiel must pay,", 1, 15, "direct"),
                      speaker=Mention("Weber", 17, 22, "Anton Weber", "person"), cue=Cue("said", 23, 27, "say"))
    return ArticleResult(Article(id="m1", text=text, language="en", title="Kiel", url="https://example.org/kiel"),
                         (att,), (Entity("Anton Weber", "person", ("Weber",)), Entity("Kiel", "location")))


@pytest.fixture
def G(sample_results) -> nx.MultiDiGraph:
    return to_networkx(records_to_graph([*sample_results, _mentioning_result()]))


def test_node_types_and_roles(G):
    types = {d["label"]: d["type"] for _, d in G.nodes(data=True) if d["type"] not in ("quote", "article")}
    assert types == {"Anton Weber": "speaker", "Nordpress": "outlet", "Reuters": "outlet",
                     "Abendblatt": "outlet", "Kiel": "entity", "dpa": "outlet"}  # dpa: the publisher of de1
    assert {d["type"] for _, d in G.nodes(data=True)} <= set(NODE_TYPES)
    assert len(quote_nodes(G)) == 5
    assert sorted(d["label"] for _, d in G.nodes(data=True) if d["type"] == "article") == ["Kiel", "Weber sagt Nein", "Weber says no"]


def test_quote_counts(G):
    nodes = _by_label(G)
    assert nodes["Anton Weber"]["quote_count"] == 4 and nodes["Anton Weber"]["said_count"] == 4
    assert nodes["Nordpress"]["reported_count"] == 1 and nodes["Nordpress"]["quote_count"] == 1
    assert nodes["Abendblatt"]["said_count"] == 1  # a newspaper that speaks is still an outlet
    assert nodes["Kiel"]["mentioned_count"] == 1 and nodes["Kiel"]["quote_count"] == 1
    assert nodes["Weber sagt Nein"]["quote_count"] == 3


def test_edges_point_from_speaker_and_outlet_to_quote_to_entity(G):
    rels = {(G.nodes[u]["label"], k, G.nodes[v]["type"]) for u, v, k in G.edges(keys=True)
            if G.nodes[u]["type"] != "quote"}
    assert rels == {("Anton Weber", "said", "quote"), ("Abendblatt", "said", "quote"),
                    ("Nordpress", "reported", "quote"), ("Reuters", "reported", "quote"),
                    ("dpa", "published", "article")}
    mentions = [(u, v) for u, v, k in G.edges(keys=True) if k == "mentions"]
    assert [(G.nodes[u]["text"], G.nodes[v]["label"]) for u, v in mentions] == [("Kiel must pay,", "Kiel")]
    assert {k for _, _, k in G.edges(keys=True)} <= set(RELATIONS)
    assert all(d["relation"] == k for _, _, k, d in G.edges(keys=True, data=True))
    assert G.out_degree(WEBER) == 4 and G.in_degree(WEBER) == 0


def test_quote_attributes(G):
    q = next(d for _, d in G.nodes(data=True) if d.get("text") == "Wir schicken keine Soldaten")
    assert (q["kind"], q["cue"], q["cue_lemma"], q["speaker_mention"], q["headline"]) == (
        "direct", "sagte", "sagen", "Präsident Anton Weber", "Weber sagt Nein")
    kiel = next(d for _, d in G.nodes(data=True) if d.get("text") == "Kiel must pay,")
    assert kiel["url"] == "https://example.org/kiel"


def test_every_attribute_is_graphml_safe_and_round_trips(G):
    for _, d in G.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) and v is not None for v in d.values()), d
    for *_, d in G.edges(keys=True, data=True):
        assert all(isinstance(v, (str, int, float)) for v in d.values()), d
    buf = io.BytesIO()
    nx.write_graphml(G, buf)
    back = nx.read_graphml(io.BytesIO(buf.getvalue()), force_multigraph=True)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    assert back.nodes[WEBER]["quote_count"] == 4


def test_hostile_strings_are_kept_verbatim(hostile_result):
    G = to_networkx(records_to_graph([hostile_result]))
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert "<img src=x onerror=alert(2)>" in labels
    assert any(d.get("text") == "<script>alert(1)</script>" for _, d in G.nodes(data=True))


def test_same_result_on_oxigraph(sample_results):
    memory = to_networkx(records_to_graph(sample_results))
    oxi = to_networkx(records_to_graph(sample_results, Graph(store="Oxigraph")))
    assert dict(oxi.nodes(data=True)) == dict(memory.nodes(data=True))
    assert sorted(oxi.edges(keys=True)) == sorted(memory.edges(keys=True))


def test_empty_graph():
    assert to_networkx(records_to_graph([])).number_of_nodes() == 0


def test_collapse_quotes(G):
    H = collapse_quotes(G)
    assert {d["type"] for _, d in H.nodes(data=True)} == {"speaker", "outlet", "entity"}
    edges = {(H.nodes[u]["label"], k, H.nodes[v]["label"]): d["weight"] for u, v, k, d in H.edges(keys=True, data=True)}
    assert edges == {("Nordpress", "reported", "Anton Weber"): 1, ("Reuters", "reported", "Anton Weber"): 1,
                     ("Anton Weber", "mentions", "Kiel"): 1,
                     # de1's publisher and the speakers quoted in it (issue #30: speaker ↔ outlet)
                     ("dpa", "published", "Anton Weber"): 2, ("dpa", "published", "Abendblatt"): 1}
    assert len(H.nodes[WEBER]["quotes"]) == 4
    assert H.nodes[NORDPRESS]["quotes"] == H[NORDPRESS][WEBER]["reported"]["quotes"]
    assert all(q in G and G.nodes[q]["type"] == "quote" for q in H.nodes[WEBER]["quotes"])


def test_a_publisher_that_relayed_the_quote_itself_gets_no_second_link():
    G = nx.MultiDiGraph()
    G.add_nodes_from([("s", {"type": "speaker"}), ("p", {"type": "outlet"}), ("a", {"type": "article"}),
                      ("q1", {"type": "quote", "article": "a"}), ("q2", {"type": "quote", "article": "a"})])
    G.add_edges_from([("s", "q1", "said"), ("s", "q2", "said"), ("p", "q1", "reported"), ("p", "a", "published")])
    H = collapse_quotes(G)
    assert sorted((u, v, k, d["weight"]) for u, v, k, d in H.edges(keys=True, data=True)) == [
        ("p", "s", "published", 1), ("p", "s", "reported", 1)]
    assert H.nodes["p"]["quotes"] == ("q1", "q2")


def test_collapse_quotes_without_speaker_links_outlet_to_entity():
    G = nx.MultiDiGraph()
    G.add_nodes_from([("o", {"type": "outlet"}), ("e", {"type": "entity"}), ("q", {"type": "quote"})])
    G.add_edges_from([("o", "q", "reported"), ("q", "e", "mentions")])
    assert list(collapse_quotes(G).edges(keys=True)) == [("o", "e", "mentions")]


def test_keep_top_nodes():
    G = nx.MultiDiGraph()
    for i in range(10):
        G.add_node(i, label=f"n{i}", quote_count=i)
    G.add_edges_from([(9, 8, "x"), (9, 1, "x")])
    H = keep_top_nodes(G, 3)
    assert sorted(H) == [7, 8, 9]
    assert list(H.edges(keys=True)) == [(9, 8, "x")]
    assert keep_top_nodes(G, 10) is G
    with pytest.raises(ValueError):
        keep_top_nodes(G, -1)


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short", 40, "short"),
    ("a " * 30, 10, "a a a a…"),
    ("Wir schicken keine Soldaten an die Grenze", 20, "Wir schicken keine…"),
])
def test_short_label(text, limit, expected):
    assert short_label(text, limit) == expected
    assert len(short_label(text, limit)) <= limit
