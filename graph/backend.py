"""What quotegraph asks of the store under a graph: one :class:`Backend` per kind of store.

Every graph quotegraph hands out is an ``rdflib.Graph`` or a store without one
(:func:`~quotegraph.graph.store.open_store`); the store under it decides how articles are
written, queries run and files are dumped. Each kind of store has one :class:`Backend`,
chosen when the graph is opened (:func:`quotegraph.graph.store.backend_of`):

* :class:`~quotegraph.graph.oxigraph.OxigraphBackend`: the embedded pyoxigraph ``Store``, in
  memory or in a store directory (the default, and the fast one);
* :class:`~quotegraph.graph.endpoint.EndpointBackend`: a SPARQL 1.1 server, through rdflib's
  ``SPARQLUpdateStore``;
* :class:`~quotegraph.graph.rdflib_backend.RdflibBackend`: any other rdflib Graph (rdflib's
  own memory store): no named graphs, rdflib's SPARQL engine; fine for small work.

This module imports no rdflib (a run of ``quotegraph extract`` does not load it).

Examples
--------
>>> print(change_update([("urn:a", "urn:b", "urn:c", "urn:g")], [("urn:a", "urn:b", "urn:d", None)]))
DELETE DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> .
 } } ;
INSERT DATA { <urn:a> <urn:b> <urn:d> .
 }
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox

from quotegraph.extract.records import ArticleResult

from .terms import nquads_line

__all__ = ["Backend", "change_update"]


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

    def entity_uses(self) -> dict[str, set[str]] | None:
        """Each article's named graph -> the entity IRIs its triples name (as subject or object),
        when the backend knows them without reading the store (it wrote every article itself);
        None when only a query can tell (what :func:`~quotegraph.graph.identity.resolve_graph` runs then)."""
        return None

    def query(self, text: str, bindings: dict) -> tuple[list[str], list[tuple]]:
        """Run a SPARQL query with variables bound to RDF terms: columns and rows of rdflib terms.

        An ASK gives the column ``answer``, a CONSTRUCT or DESCRIBE ``subject``, ``predicate``,
        ``object``. Errors are the engine's own; :func:`quotegraph.graph.query.run_query` words them.
        """
        raise NotImplementedError

    def select(self, text: str) -> list[tuple]:
        """The rows of a SPARQL SELECT, in plain terms (:func:`~quotegraph.graph.terms.plain_term`:
        an IRI a ``str``, a literal a :class:`~quotegraph.graph.terms.Lit`, an unbound cell None).

        What entity resolution and statements read: without rdflib's terms, so they run in a
        process that never loads rdflib (:class:`~quotegraph.graph.oxigraph.OxigraphBackend`).
        """
        from .rdflib_terms import rdflib_to_plain  # this store's rows are rdflib terms

        return [tuple(map(rdflib_to_plain, row)) for row in self.query(text, {})[1]]

    def select_shared(self, text: str) -> list[tuple]:
        """:meth:`select` for triples :func:`~quotegraph.graph.model.graph_of` puts in the
        default graph (entities' descriptions, statements): run on the default graph alone where
        every quad is known to be in the graph graph_of gives it, so the articles' graphs are not
        searched for what cannot be there; else (and by default) on the union, as :meth:`select`."""
        return self.select(text)

    def update(self, text: str) -> None:
        """Run a SPARQL update."""
        raise NotImplementedError

    def change(self, deletes: Iterable[tuple], inserts: Iterable[tuple]) -> None:
        """Delete some quads (plain terms) and insert others, in one update; a quad's graph None is the
        default graph (the shared graph where a store has one). Used by entity resolution
        (:mod:`quotegraph.graph.identity`), which rewrites entity IRIs across graphs."""
        self.update(change_update(deletes, inserts, getattr(self, "shared_graph", None)))

    def triple_count(self) -> int:
        """How many distinct triples the union of the store's graphs holds (``len`` of its graph)."""
        raise NotImplementedError

    def union_triples(self) -> Iterable[ox.Triple]:
        """Every triple of the union of the store's graphs, once, as pyoxigraph triples (to serialize)."""
        raise NotImplementedError

    def counted_union(self) -> tuple[Iterable[ox.Triple], int | None]:
        """:meth:`union_triples` and how many they are, when the store knows it without counting
        them one by one (else None)."""
        return self.union_triples(), None

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


def change_update(deletes: Iterable[tuple], inserts: Iterable[tuple], shared_graph: str | None = None) -> str:
    """A SPARQL update deleting and inserting quads (``DELETE DATA`` then ``INSERT DATA``); plain
    terms (or rdflib's).

    >>> print(change_update([("urn:a", "urn:b", "urn:c", "urn:g")], []))
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
