"""The store under a plain rdflib Graph (rdflib's own memory store): one graph, rdflib's SPARQL engine.

Any rdflib Graph that is neither over Oxigraph nor a SPARQL server gets this
:class:`~quotegraph.graph.backend.Backend` (:func:`quotegraph.graph.store.backend_of`): no
named graphs, fine for small work. Also the rows of an rdflib query result (:func:`result_rows`).

Examples
--------
>>> from rdflib import Graph, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
>>> backend = RdflibBackend(g)
>>> backend.query("SELECT ?o WHERE { ?s ?p ?o }", {})
(['o'], [(rdflib.term.URIRef('urn:c'),)])
>>> backend.graph_names(), backend.select("SELECT ?o WHERE { ?s ?p ?o }")
([], [('urn:c',)])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.query import Result

from quotegraph.extract.records import ArticleResult

from .backend import Backend
from .entity_types import is_entity
from .errors import QuotegraphError
from .model import article_triples, keep_one_type, vocabulary_triples
from .namespaces import RDF
from .rdflib_terms import to_rdflib
from .terms import Lit, to_ox

__all__ = ["RdflibBackend", "result_rows"]


class RdflibBackend(Backend):
    """A plain rdflib Graph: one graph, no named graphs, rdflib's engine and Oxigraph's serializers."""

    named_graphs = False

    def __init__(self, graph: Graph):
        self.graph = graph

    def replace_articles(self, results, batch_size):
        # no named graphs: triples are added, nothing is replaced
        graph = self.graph
        before = len(graph)
        for batch in _batches(results, batch_size):
            graph.addN((s, p, o, graph) for s, p, o in batch)
            self.keep_one_type({str(s) for s, p, _ in batch if p == RDF.type and is_entity(s)})
        return len(graph) - before

    def keep_one_type(self, entities=None):
        return keep_one_type(self.graph)  # rdflib's memory store: a pass over every type is cheap

    def change(self, deletes, inserts):
        # one graph: the quads' graphs are dropped; plain terms made rdflib's
        for s, p, o, _ in deletes:
            self.graph.remove((_rdflib(s), _rdflib(p), _rdflib(o)))
        self.graph.addN((_rdflib(s), _rdflib(p), _rdflib(o), self.graph) for s, p, o, _ in inserts)

    def remove_articles(self, article_ids, prune):
        raise QuotegraphError("this graph has no named graphs: articles can be removed from a store only")

    def graph_names(self):
        return []

    def query(self, text, bindings):
        return result_rows(self.graph.query(text, initBindings=bindings))

    def update(self, text):
        self.graph.update(text)

    def triple_count(self):
        return len(self.graph)

    def union_triples(self):
        for s, p, o in self.graph:
            yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))

    def dump(self, out, format, prefixes):
        # every triple into the default graph
        ox.serialize((ox.Quad(t.subject, t.predicate, t.object) for t in self.union_triples()), out, format,
                     prefixes=prefixes)


def result_rows(result: Result) -> tuple[list[str], list[tuple]]:
    """Columns and rows of an rdflib query result (see :meth:`Backend.query`)."""
    if result.type == "ASK":
        return ["answer"], [(Literal(bool(result.askAnswer)),)]
    if result.type == "SELECT":
        return [str(v) for v in result.vars], [tuple(row) for row in result]
    return ["subject", "predicate", "object"], [tuple(t) for t in result.graph]


def _rdflib(term):
    """An object as an rdflib term: a plain term converted, an rdflib term (or a pyoxigraph blank node) as it is."""
    return to_rdflib(term) if type(term) in (str, Lit) else term


def _batches(results: Iterable[ArticleResult], batch_size: int) -> Iterator[list]:
    batch: list = [(s, p, o) for s, p, o in vocabulary_triples()]
    for result in results:
        batch.extend(article_triples(result))
        # flush only between articles: one addN is one transaction in a store that has them, so
        # an article is never half in it
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch
