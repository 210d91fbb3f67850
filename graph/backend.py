"""What quotegraph asks of the store under a graph, and the answer for a plain rdflib Graph.

Every graph quotegraph hands out is an ``rdflib.Graph``; the store under it decides how articles
are written, queries run and files are dumped. Each kind of store has one :class:`Backend`,
chosen when the graph is opened (:func:`quotegraph.graph.store.backend_of`):

* :class:`~quotegraph.graph.oxigraph.OxigraphBackend`: the embedded pyoxigraph ``Store``, in
  memory or in a store directory (the default, and the fast one);
* :class:`~quotegraph.graph.endpoint.EndpointBackend`: a SPARQL 1.1 server, through rdflib's
  ``SPARQLUpdateStore``;
* :class:`RdflibBackend`: any other rdflib Graph (rdflib's own memory store): no named graphs,
  rdflib's SPARQL engine; fine for small work.

Examples
--------
>>> from rdflib import Graph, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
>>> backend = RdflibBackend(g)
>>> backend.query("SELECT ?o WHERE { ?s ?p ?o }", {})
(['o'], [(rdflib.term.URIRef('urn:c'),)])
>>> backend.graph_names()
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.query import Result

from .errors import QuotegraphError
from quotegraph.extract.records import ArticleResult

from .entity_types import is_entity
from .model import article_triples, keep_one_type, vocabulary_triples
from .namespaces import RDF
from .terms import nquads_line, to_ox

__all__ = ["Backend", "RdflibBackend", "result_rows", "change_update"]


class Backend:
    """The operations quotegraph needs from a graph's store; one subclass per kind of store.

    ``accepts_parsed_queries`` says whether rdflib's SPARQL engine may run its pre-parsed
    queries on the graph (pyshacl does); Oxigraph refuses them, so such work runs on a
    :func:`~quotegraph.graph.store.memory_copy`.
    """

    accepts_parsed_queries = True
    #: Whether the store keeps each article in its own named graph (what entity resolution needs).
    named_graphs = True

    def replace_articles(self, results: Iterable[ArticleResult], batch_size: int) -> int:
        """Write article results, each replacing its named graph; the net change in triples.

        See :func:`quotegraph.graph.store.add_results`.
        """
        raise NotImplementedError

    def keep_one_type(self, entities: Iterable[str] | None = None) -> int:
        """Leave each entity one ``rdf:type``, the rule's
        (:func:`~quotegraph.graph.entity_types.best_type`); the number of triples removed.

        ``entities``: the entity IRIs to look at (those a write just typed); None: every entity.
        :meth:`replace_articles` calls it for the entities of each batch, so a new article that
        types a stored entity differently still leaves it one type.
        """
        raise NotImplementedError

    def remove_articles(self, article_ids: list[str], prune: bool) -> int:
        """Drop the articles' named graphs (and with ``prune`` unused entity triples); triples removed."""
        raise NotImplementedError

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs in the store."""
        raise NotImplementedError

    def query(self, text: str, bindings: dict) -> tuple[list[str], list[tuple]]:
        """Run a SPARQL query with variables bound to RDF terms: columns and rows of rdflib terms.

        An ASK gives the column ``answer``, a CONSTRUCT or DESCRIBE ``subject``, ``predicate``,
        ``object``. Errors are the engine's own; :func:`quotegraph.graph.query.run_query` words them.
        """
        raise NotImplementedError

    def update(self, text: str) -> None:
        """Run a SPARQL update."""
        raise NotImplementedError

    def change(self, deletes: Iterable[tuple], inserts: Iterable[tuple]) -> None:
        """Delete some quads and insert others, in one update; a quad's graph None is the
        default graph (the shared graph where a store has one). Used by entity resolution
        (:mod:`quotegraph.graph.identity`), which rewrites entity IRIs across graphs."""
        self.update(change_update(deletes, inserts, getattr(self, "shared_graph", None)))

    def triple_count(self) -> int:
        """How many distinct triples the union of the store's graphs holds (``len`` of its graph)."""
        raise NotImplementedError

    def union_triples(self) -> Iterable[ox.Triple]:
        """Every triple of the union of the store's graphs, once, as pyoxigraph triples (to serialize)."""
        raise NotImplementedError

    def dump(self, out: IO[bytes], format: ox.RdfFormat, prefixes: dict[str, str]) -> None:
        """Serialize the store with its named graphs (TriG, N-Quads) to a binary stream."""
        raise NotImplementedError

    def load_by_article(self, path, batch_size: int) -> bool:
        """Load an RDF file putting each article's triples into its named graph.

        Returns False when this store cannot; the caller then loads the file as it is
        (:func:`quotegraph.graph.store.load_file`).
        """
        return False

    def close(self) -> None:
        """Release the store (flush it to disk, free its lock); the graph is unusable afterwards."""


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
        # one graph: the quads' graphs are dropped
        for s, p, o, _ in deletes:
            self.graph.remove((s, p, o))
        self.graph.addN((s, p, o, self.graph) for s, p, o, _ in inserts)

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


def change_update(deletes: Iterable[tuple], inserts: Iterable[tuple], shared_graph: str | None = None) -> str:
    """A SPARQL update deleting and inserting quads (``DELETE DATA`` then ``INSERT DATA``).

    >>> from rdflib import URIRef
    >>> print(change_update([(URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"), URIRef("urn:g"))], []))
    DELETE DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> .
     } } ;
    INSERT DATA {  }
    """
    def block(quads) -> str:
        by_graph: dict = {}
        for s, p, o, g in quads:
            by_graph.setdefault(g if g is not None else shared_graph, []).append(nquads_line(s, p, o))
        parts = []
        for g, lines in by_graph.items():
            body = "".join(lines)
            parts.append(f"GRAPH <{g}> {{ {body} }}" if g is not None else body)
        return " ".join(parts)

    return f"DELETE DATA {{ {block(deletes)} }} ;\nINSERT DATA {{ {block(inserts)} }}"


def result_rows(result: Result) -> tuple[list[str], list[tuple]]:
    """Columns and rows of an rdflib query result (see :meth:`Backend.query`)."""
    if result.type == "ASK":
        return ["answer"], [(Literal(bool(result.askAnswer)),)]
    if result.type == "SELECT":
        return [str(v) for v in result.vars], [tuple(row) for row in result]
    return ["subject", "predicate", "object"], [tuple(t) for t in result.graph]


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
