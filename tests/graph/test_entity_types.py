"""One rdf:type per entity (graph/entity_types.py): the rule, and every store keeping it.

The entity "Nordpress" is typed Person in article t1 and Organization in t2
(``two_typed_results``); whatever the store and the order of writing, it ends with one type,
Person (the rule: NewsMediaOrganization, Person, Organization, Place, other).
"""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from conftest import two_typed_results
from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.entity_types import TYPE_ORDER, best_type, losing_types, type_key
from quotegraph.graph.export import format_for_suffix, save_graph
from quotegraph.graph.model import article_triples, entity_iri, records_to_graph
from quotegraph.graph.namespaces import RDF, SDO
from quotegraph.graph.network import to_networkx
from quotegraph.graph.store import add_results, close_graph, load_file, open_graph

NORDPRESS = entity_iri("Nordpress")


def types_of(graph, entity=NORDPRESS) -> list[str]:
    """The classes of an entity, read with a query (so every store answers the same way)."""
    rows = graph.query(f"SELECT ?c WHERE {{ <{entity}> a ?c }}")
    return sorted(str(row[0]) for row in rows)


def test_the_rule_orders_the_classes():
    assert TYPE_ORDER == tuple(str(c) for c in (SDO.NewsMediaOrganization, SDO.Person, SDO.Organization, SDO.Place))
    assert best_type([SDO.Organization, SDO.Person]) == SDO.Person
    assert best_type([SDO.Person, SDO.NewsMediaOrganization, SDO.Place]) == SDO.NewsMediaOrganization
    assert best_type([SDO.Thing, SDO.Place]) == SDO.Place
    # other classes after the four, by IRI, so the choice is total
    assert best_type(["urn:z", "urn:a"]) == "urn:a"
    assert type_key(SDO.Place) < type_key("urn:a")
    with pytest.raises(ValueError):
        best_type([])


def test_losing_types_leaves_each_entity_its_best_class():
    pairs = [("e1", SDO.Organization), ("e1", SDO.Person), ("e2", SDO.Place), ("e1", SDO.Person)]
    assert losing_types(pairs) == [("e1", SDO.Organization)]


def test_one_article_typing_an_entity_twice_writes_one_type():
    # the author "Nordpress" (Person) is also the site it was published on (NewsMediaOrganization)
    result = ArticleResult(Article(id="m1", text="x", authors=("Nordpress",), site="Nordpress"))
    types = [o for s, p, o in article_triples(result) if s == NORDPRESS and p == RDF.type]
    assert types == [SDO.NewsMediaOrganization]


def test_records_to_graph_keeps_one_type():
    g = records_to_graph(two_typed_results())
    assert sorted(map(str, g.objects(NORDPRESS, RDF.type))) == [str(SDO.Person)]


@pytest.mark.parametrize("order", ["together", "t1 first", "t2 first"])
def test_the_embedded_store_keeps_one_type_in_any_order(order):
    t1, t2 = two_typed_results()
    g = open_graph()
    batches = {"together": [[t1, t2]], "t1 first": [[t1], [t2]], "t2 first": [[t2], [t1]]}[order]
    total = sum(add_results(g, batch) for batch in batches)
    assert types_of(g) == [str(SDO.Person)]
    assert total == len(g)  # the net change counts the type taken away
    assert add_results(g, [t1, t2]) == 0


def test_a_plain_rdflib_graph_keeps_one_type():
    g = Graph()
    t1, t2 = two_typed_results()
    add_results(g, [t2])
    add_results(g, [t1])
    assert types_of(g) == [str(SDO.Person)]


def test_a_store_directory_keeps_one_type_across_runs(tmp_path):
    t1, t2 = two_typed_results()
    for result in (t2, t1):  # two runs, each opening the store anew
        g = open_graph(tmp_path / "db")
        add_results(g, [result])
        close_graph(g)
    g = open_graph(tmp_path / "db", read_only=True)
    assert types_of(g) == [str(SDO.Person)]
    close_graph(g)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".trig", ".nq", ".jsonld"])
def test_every_file_format_holds_one_type(tmp_path, suffix):
    g = open_graph()
    add_results(g, two_typed_results())
    path = tmp_path / f"g{suffix}"
    save_graph(g, path, format_for_suffix(path))
    assert types_of(load_file(path)) == [str(SDO.Person)]


def test_the_network_page_takes_the_type_by_the_same_rule():
    # a graph holding two types (written by hand, as an older quotegraph left them)
    g = records_to_graph(two_typed_results())
    g.add((NORDPRESS, RDF.type, SDO.Organization))
    G = to_networkx(g)
    assert G.nodes[str(NORDPRESS)]["entity_class"] == "Person"  # not "Organization", the smallest name
    g.add((NORDPRESS, RDF.type, SDO.NewsMediaOrganization))
    G = to_networkx(g)
    assert (G.nodes[str(NORDPRESS)]["entity_class"], G.nodes[str(NORDPRESS)]["type"]) == \
        ("NewsMediaOrganization", "outlet")


def test_an_entity_without_a_known_class_keeps_thing():
    text = "„Ja“, sagte X."
    att = Attribution(id="u1:1-3", article="u1", quote=Quote("Ja", 1, 3), speaker=Mention("X", 12, 13, "Xaver", None))
    g = records_to_graph([ArticleResult(Article(id="u1", text=text), (att,), (Entity("Xaver", None),))])
    assert list(g.objects(URIRef(entity_iri("Xaver")), RDF.type)) == [SDO.Thing]
