"""The public Python API: the same functions the CLI is built on.

>>> from quotegraph import api
>>> result = api.extract_text("„Wir bleiben hier und kämpfen“, sagte Anton Weber.", lang="de")
>>> [(a.quote.text, a.speaker.entity) for a in result.attributions]
[('„Wir bleiben hier und kämpfen“', 'Anton Weber')]

Typical use::

    results = list(api.extract(api.read_inputs(["articles/"]), progress=True))
    graph = api.build_graph(results)                       # rdflib Graph over Oxigraph
    api.query(graph, example="who-said-what").rows
    api.export(graph, "graph.ttl")
    api.write_view(graph, "graph.html")
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from rdflib import Graph

from quotegraph.corpus import extract_corpus as extract_to_files  # what `quotegraph extract` runs
from quotegraph.errors import QuotegraphError
from quotegraph.extract.records import ArticleResult
from quotegraph.extraction import extract, extract_text
from quotegraph.extractor import Extractor
from quotegraph.graph.authority import read_entities
from quotegraph.graph.explain import explain as _explain
from quotegraph.graph.export import save_graph, writable_format
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.statements import link_statements as _link_statements
from quotegraph.graph.query import example_queries, run_query
from quotegraph.graph.store import add_results, close_graph, open_source
from quotegraph.graph.store import article_graphs as _article_graphs
from quotegraph.graph.store import open_graph as _open_graph
from quotegraph.graph.store import remove_articles as _remove_articles
from quotegraph.inputs import Skipped, read_inputs
from quotegraph.quotes_jsonl import write_attributions, write_jsonl
from quotegraph.summary import Summary, summarize
from quotegraph.web import read_sources

__all__ = [
    "example_folder",
    "read_inputs",
    "read_sources",
    "Skipped",
    "Extractor",
    "extract",
    "extract_text",
    "build_graph",
    "remove_articles",
    "article_graphs",
    "open_graph",
    "close_graph",
    "load_graph",
    "query",
    "export",
    "write_view",
    "resolve_entities",
    "link_statements",
    "explain_entity",
    "write_jsonl",
    "write_attributions",
    "Summary",
    "summarize",
    "extract_to_files",
]


def example_folder() -> Path:
    """The folder of example articles shipped with quotegraph (German and English).

    >>> sorted(p.name for p in example_folder().glob("*.txt"))[:1]
    ['hafenstreik.de.txt']
    """
    return Path(str(resources.files("quotegraph").joinpath("examples")))


# ---------------------------------------------------------------------------- graph


def open_graph(store: str | Path | None = None) -> Graph:
    """A new or existing graph: in memory (None) or an on-disk Oxigraph store folder."""
    return _open_graph(store)


def load_graph(source: str | Path) -> Graph:
    """A graph from an RDF file (Turtle, N-Triples, JSON-LD, TriG) or a store folder."""
    return open_source(source)


def remove_articles(graph: Graph, article_ids: Iterable[str], *, prune: bool = False) -> int:
    """Drop articles (their named graphs) from a graph; with ``prune``, entities no article uses.

    Returns the number of triples removed. See :func:`quotegraph.graph.store.remove_articles`.
    """
    return _remove_articles(graph, article_ids, prune=prune)


def article_graphs(graph: Graph) -> list[str]:
    """The ids of the articles in a graph (one named graph each)."""
    return _article_graphs(graph)


def build_graph(results: Iterable[ArticleResult], graph: Graph | None = None) -> Graph:
    """Add extraction results to a graph (a new in-memory Oxigraph graph by default).

    Adding the same article again adds nothing: every IRI is derived from the article id and
    character offsets.
    """
    graph = graph if graph is not None else open_graph()
    add_results(graph, results)
    return graph


def resolve_entities(graph: Graph, entities: str | Path | None = None):
    """Resolve the entities of a whole graph or store across its articles (what ``extract`` does
    at the end of a run): one node per person or organisation however the articles spell it.

    ``entities``: an entities file (CSV or JSON: name, aliases, type, wikidata) whose entries
    name and link what they match. Returns the counts
    (:class:`~quotegraph.graph.identity.Resolution`); see docs/graph.md, *Identity*.
    """
    return resolve_graph(graph, read_entities(entities) if entities is not None else ())


def link_statements(graph: Graph):
    """Link the quotes carrying the same words of one speaker to one ``qg:Statement``, over the
    whole graph (after :func:`resolve_entities`); see :mod:`quotegraph.graph.statements`."""
    return _link_statements(graph)


def explain_entity(graph: Graph, entity: str) -> list:
    """How the entities a name or IRI points at were resolved: their names as written, the rule
    that joined each and the articles that wrote it (:func:`quotegraph.graph.explain.explain`)."""
    return _explain(graph, entity)


def query(graph: Graph, sparql: str | None = None, *, example: str | None = None,
          params: dict[str, str] | None = None, allow_update: bool = False):
    """Run SPARQL (or one of the shipped example queries) with quotegraph's prefixes declared."""
    if (sparql is None) == (example is None):
        raise QuotegraphError("give either a SPARQL query or the name of an example query")
    if example is not None:
        examples = example_queries()
        if example not in examples:
            raise QuotegraphError(f"no example query {example!r}; there are: {', '.join(sorted(examples))}")
        sparql = examples[example].text
    return run_query(graph, sparql, params=params, allow_update=allow_update)


def export(graph: Graph, path: str | Path, format: str | None = None) -> Path:
    """Write the graph to a file (turtle, nt, nquads, jsonld, trig, graphml), atomically.

    The format is the one the file's name says (``.nt``, ``.jsonld`` …; Turtle when it says
    none) unless ``format`` is given; a name quotegraph would read back as another format
    (``.rdf``, JSON-LD in ``.nt``) raises QuotegraphError.
    """
    save_graph(graph, path, writable_format(path, format))
    return Path(path)


def write_view(graph: Graph, path: str | Path, **options):
    """Write the interactive network page (one self-contained HTML file)."""
    from quotegraph.graph.view import write_view as _write_view  # networkx and the page: only when drawn

    return _write_view(graph, path, **options)
