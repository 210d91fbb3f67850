"""rdflib's Graph API over an Oxigraph store, whose reads see the union of all its graphs.

:class:`UnionGraph` wraps an :class:`~quotegraph.graph.oxigraph.OxigraphBackend` through
oxrdflib's store: what :func:`~quotegraph.graph.store.open_graph` hands out, for rdflib's API
(iteration, ``query`` with rdflib's engine's options, ``parse``, pyshacl). oxrdflib is imported
only here: it loads rdflib's SPARQL grammar (pyparsing), about a tenth of a second at start
(issue #27), which a run of ``quotegraph extract`` never needs.

Examples
--------
>>> g = oxigraph_graph(ox.Store())
>>> g.backend.store is g.store._inner
True
>>> a, b, c = ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")
>>> g.backend.store.add(ox.Quad(a, b, c, ox.NamedNode("urn:g")))
>>> g.backend.graph_names(), len(g)
(['urn:g'], 1)
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.paths import Path as PropertyPath

from .model import bind_prefixes
from .oxigraph import OxigraphBackend

__all__ = ["UnionGraph", "oxigraph_graph"]


class UnionGraph(Graph):
    """An rdflib Graph over an Oxigraph store whose reads see the union of all its graphs.

    Iteration, ``len``, ``in``, ``remove`` and ``query`` cover the default graph and every named
    graph (one graph per article, see :mod:`quotegraph.graph.model`); ``add``/``addN`` with the
    graph itself as context and ``parse`` of a triples file write to the default graph. That is
    what ``oxigraph serve --union-default-graph`` and Virtuoso show over HTTP, so a query gives
    the same rows on every store.

    >>> from rdflib import URIRef
    >>> from quotegraph.graph.store import open_graph, oxigraph_store
    >>> g = open_graph()
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))  # the default graph
    >>> a, b, d = ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:d")
    >>> oxigraph_store(g).add(ox.Quad(a, b, d, ox.NamedNode("urn:g")))  # a named graph
    >>> len(g), sorted(o for _, _, o in g)
    (2, [rdflib.term.URIRef('urn:c'), rdflib.term.URIRef('urn:d')])
    >>> [int(row.n) for row in g.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")]
    [2]
    """

    def __init__(self, backend: OxigraphBackend):
        super().__init__(store=OxigraphStore(store=backend.store), identifier=DATASET_DEFAULT_GRAPH_ID)
        self.default_union = True  # rdflib's Graph.query then asks oxrdflib for the union
        backend.rdflib_store = self.store
        self.backend = backend

    def triples(self, triple):
        s, p, o = triple
        if isinstance(p, PropertyPath):
            yield from super().triples(triple)
            return
        for found, _ in self.store.triples((s, p, o), context=None):
            yield found

    def __len__(self) -> int:
        return self.store.__len__(context=None)  # distinct triples over all graphs

    def remove(self, triple):
        self.store.remove(triple, context=None)
        return self


def oxigraph_graph(store: ox.Store, path: Path | None = None) -> UnionGraph:
    """A :class:`UnionGraph` over a pyoxigraph Store, quotegraph's prefixes bound.

    ``path``: the directory of a store opened writable, rid of its write-ahead log when closed
    (:meth:`OxigraphBackend.close`).
    """
    return bind_prefixes(UnionGraph(OxigraphBackend(store, path)))
