"""Plain terms without rdflib (graph/iris.py, graph/terms.py): the same IRIs as rdflib's
namespaces, store rows read as plain terms, and sorted in the order rdflib's printed terms had."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from quotegraph.graph import iris, namespaces
from quotegraph.graph.rdflib_backend import RdflibBackend
from quotegraph.graph.rdflib_terms import from_ox, rdflib_to_plain, to_rdflib
from quotegraph.graph.store import open_store
from quotegraph.graph.terms import XSD_INTEGER, Lit, plain_term, printed_order, to_ox

XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
# IRIs and literals whose printed forms sort otherwise than their text: a "#" or "%" (below the
# quote that ends a printed IRI), a quote inside (printed between double quotes), a backslash,
# non-ASCII and control characters, languages and datatypes
TERMS = ["https://w3id.org/quotegraph/id/article/a", "https://w3id.org/quotegraph/id/article/a#char=1,2",
         "https://w3id.org/quotegraph/id/article/a%20b", "https://w3id.org/quotegraph/id/article/a-b",
         "https://w3id.org/quotegraph/id/entity/o'brien", "https://w3id.org/quotegraph/id/entity/zoë",
         Lit("x"), Lit("x", lang="de"), Lit("3", XSD_INTEGER), Lit("12", XSD_INTEGER), Lit("2024-05-02", XSD_DATE),
         Lit("O'Brien sagte \"ja\""), Lit("back\\slash"), Lit("tab\there\x07"), Lit("Zoë"), Lit("")]


def test_the_plain_iris_are_rdflibs():
    assert {p: str(ns) for p, ns in namespaces.PREFIXES.items()} == iris.PREFIXES
    assert {p: str(ns) for p, ns in namespaces.FILE_PREFIXES.items()} == iris.FILE_PREFIXES
    for name in iris.QG_TERMS:
        assert getattr(iris.QG, name) == str(getattr(namespaces.QG, name))
    assert iris.SDO.Person == str(namespaces.SDO.Person) and iris.XSD.date == str(namespaces.XSD.date)
    with pytest.raises(AttributeError):
        iris.QG.sayd  # noqa: B018 (a closed namespace, as rdflib's)


@pytest.mark.parametrize("term", TERMS)
def test_a_plain_term_prints_as_rdflibs_and_comes_back_from_a_store(term):
    # as a store's row gave it to rdflib, and as the model made it
    assert printed_order((term,)) == str((from_ox(to_ox(term)),)) == str((to_rdflib(term),))
    assert plain_term(to_ox(term)) == term == rdflib_to_plain(from_ox(to_ox(term)))


def test_quads_sort_as_their_rdflib_terms_did():
    quads = [(s, "urn:p", o, g) for s in TERMS[:6] for o in TERMS for g in (None, TERMS[0])]
    as_rdflib = {q: tuple(from_ox(None if t is None else to_ox(t)) for t in q) for q in quads}
    by_rdflib = sorted(quads, key=lambda q: str(as_rdflib[q]))
    assert sorted(quads, key=printed_order) == by_rdflib
    assert by_rdflib != sorted(quads, key=str)  # the order is not the plain terms' own (the check can fail)


def test_a_stores_rows_are_the_same_plain_terms_whichever_the_store():
    store, graph = open_store(), Graph()
    triples = [(TERMS[0], "urn:p", o) for o in TERMS]
    store.store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
    for s, p, o in triples:
        graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    graph.add((BNode("b1"), URIRef("urn:q"), Literal("y")))
    store.store.add(ox.Quad(ox.BlankNode("b1"), ox.NamedNode("urn:q"), ox.Literal("y")))
    query = "SELECT ?s ?o WHERE { ?s ?p ?o OPTIONAL { ?o <urn:none> ?x } }"
    rows = store.select(query)
    assert sorted(map(printed_order, rows)) == sorted(map(printed_order, RdflibBackend(graph).select(query)))
    assert {o for _, o in rows} == set(TERMS) | {Lit("y")}
    assert ox.BlankNode("b1") in {s for s, _ in rows}
