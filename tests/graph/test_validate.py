"""graph/validate.py + graph/shapes: quotegraph's output conforms; broken graphs do not."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SH

from quotegraph.graph.model import records_to_graph
from quotegraph.graph.namespaces import KIND, NIF, PROV, QG, SDO, XSD
from quotegraph.graph.store import memory_copy
from quotegraph.graph.validate import shapes_graph, validate_graph


def test_output_conforms(graph, hostile_result):
    conforms, report = validate_graph(graph)  # Oxigraph-backed
    assert conforms, report
    conforms, report = validate_graph(records_to_graph([hostile_result]))
    assert conforms, report


def test_an_author_who_is_also_the_outlet_conforms():
    # "Nordpress" wrote the article and published it: its one type is NewsMediaOrganization
    from quotegraph.extract.records import Article, ArticleResult

    from quotegraph.graph.model import entity_iri

    g = records_to_graph([ArticleResult(Article(id="m1", text="x", authors=("Nordpress",), site="Nordpress"))])
    assert list(g.objects(entity_iri("Nordpress"), RDF.type)) == [SDO.NewsMediaOrganization]
    conforms, report = validate_graph(g)
    assert conforms, report


def test_every_shape_has_a_target():
    shapes = shapes_graph()
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) == 8
    for shape in node_shapes:
        assert any(shapes.value(shape, t) is not None for t in targets), shape


def _quote(g, text):
    return next(g.subjects(SDO.text, Literal(text)))


def _said_removed(g):
    g.remove((None, QG.said, _quote(g, "Wir schicken keine Soldaten")))


def _bad_kind(g):
    q = _quote(g, "Wir schicken keine Soldaten")
    g.set((q, QG.kind, KIND.rumour))


def _bad_offset(g):
    q = _quote(g, "Wir schicken keine Soldaten")
    g.set((q, NIF.endIndex, Literal(999, datatype=XSD.integer)))


def _report_of_someone_else(g):
    q = _quote(g, "Wir schicken keine Soldaten")
    report = g.value(q, PROV.wasQuotedFrom)
    g.set((report, PROV.wasAttributedTo, URIRef("https://w3id.org/quotegraph/id/entity/reuters")))


def _nameless_speaker(g):
    q = _quote(g, "Wir schicken keine Soldaten")
    g.remove((g.value(q, PROV.wasAttributedTo), SDO.name, None))


def _second_type(g):
    q = _quote(g, "Wir schicken keine Soldaten")
    g.add((g.value(q, PROV.wasAttributedTo), RDF.type, SDO.Organization))


@pytest.mark.parametrize("damage,message", [
    (_said_removed, "qg:said ?quote exactly when"),
    (_bad_kind, "qg:kind is one of"),
    (_bad_offset, "length of nif:anchorOf"),
    (_report_of_someone_else, "attributed to its mediator"),
    (_nameless_speaker, "an entity has a schema:name"),
    (_second_type, "an entity has one rdf:type"),
])
def test_broken_graphs_fail_with_a_clear_message(sample_results, damage, message):
    g = memory_copy(records_to_graph(sample_results))
    damage(g)
    conforms, report = validate_graph(g)
    assert not conforms
    assert message in report
