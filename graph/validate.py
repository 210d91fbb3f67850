"""Check a graph against quotegraph's SHACL shapes (``graph/shapes/quotegraph.shapes.ttl``).

The shapes state what every graph quotegraph writes promises: an article has one identifier
and language; a quote has one text equal to its NIF anchor, one kind from the SKOS scheme, at
most one speaker (an entity with a type and a name) and ``qg:said`` mirrors
``prov:wasAttributedTo``; a relayed quote's report is attributed to its mediator; every NIF
span's IRI and text length agree with its offsets.

Validation runs pyshacl (rdflib's SPARQL engine) on a plain in-memory copy of the graph: fine
for thousands of articles, slow for millions of triples (validate a sample).

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult
>>> from quotegraph.graph.model import records_to_graph
>>> conforms, report = validate_graph(records_to_graph([ArticleResult(Article(id="a1", text="x"))]))
>>> conforms
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from .errors import QuotegraphError

from .store import backend_of, memory_copy

__all__ = ["SHAPES_PATH", "shapes_graph", "validate_graph"]

#: The SHACL shapes shipped with the package.
SHAPES_PATH = Path(__file__).parent / "shapes" / "quotegraph.shapes.ttl"


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    graph = Graph()
    graph.parse(SHAPES_PATH, format="turtle")
    return graph


def shapes_graph() -> Graph:
    """The SHACL shapes as an rdflib Graph (a fresh copy, free to change).

    >>> from rdflib.namespace import SH, RDF
    >>> len(set(shapes_graph().subjects(RDF.type, SH.NodeShape)))
    8
    """
    copy = Graph()
    copy += _shapes()
    return copy


def validate_graph(graph: Graph, *, shapes: Graph | None = None) -> tuple[bool, str]:
    """Validate a graph with SHACL.

    Parameters
    ----------
    graph : rdflib.Graph
        Oxigraph-backed or plain; it is not changed (no inference is written into it).
    shapes : rdflib.Graph, optional
        Other shapes; quotegraph's own by default.

    Returns
    -------
    (bool, str)
        Whether the graph conforms, and pyshacl's text report (which names each failing
        focus node, path and message).

    Raises
    ------
    QuotegraphError
        If pyshacl is not installed.
    """
    try:
        from pyshacl import validate  # heavy (OWL-RL, rdflib's engine): imported only to validate
    except ImportError:  # pragma: no cover - pyshacl is a dependency
        raise QuotegraphError("SHACL validation needs pyshacl: pip install pyshacl") from None
    # pyshacl runs rdflib's SPARQL engine with pre-parsed queries, which Oxigraph refuses
    data = graph if backend_of(graph).accepts_parsed_queries else memory_copy(graph)
    conforms, _report_graph, text = validate(
        data, shacl_graph=shapes if shapes is not None else _shapes(), inference="none",
        advanced=True, allow_warnings=True, inplace=False,
    )
    return bool(conforms), str(text)
