"""Open, fill and load the knowledge graph: rdflib's API over Oxigraph, or over a SPARQL server.

Every graph quotegraph hands out is an ``rdflib.Graph``:

* over oxrdflib's ``OxigraphStore`` (pyoxigraph underneath), in memory or on disk in a store
  directory (:func:`open_graph`, see :mod:`quotegraph.graph.oxigraph`);
* or over a SPARQL 1.1 server, for a ``sparql+http://…`` address (see
  :mod:`quotegraph.graph.endpoint`).

The functions here are the same for every store: what differs (writing articles, queries,
dumps) is done by the graph's :class:`~quotegraph.graph.backend.Backend`, chosen when the
graph is opened (:func:`backend_of`). They also take a backend itself: :func:`open_store` gives
an Oxigraph store without rdflib's Graph around it (nor oxrdflib, whose SPARQL grammar takes a
tenth of a second to import), all a run of ``quotegraph extract`` needs.

**Named graphs.** Each article's triples live in their own named graph
(:func:`~quotegraph.graph.model.graph_iri`), the entity descriptions many articles share in the
default graph, once. Reads (iteration, ``len``, SPARQL) see the *union* of all graphs, as
``oxigraph serve --union-default-graph`` and Virtuoso do, so the same query gives the same rows
everywhere. :func:`add_results` replaces an article's graph (drop, then insert), and
:func:`remove_articles` drops it. Files are read with Oxigraph's parsers (``ox-turtle`` …),
never rdflib's own, which are ten times slower (54 s against 4 s for a 31 MB Turtle file). A plain rdflib ``Graph``
also works everywhere, for small work (without named graphs).

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult
>>> from quotegraph.graph.model import vocabulary_triples
>>> g = open_graph()
>>> add_results(g, [ArticleResult(Article(id="a1", text="Hallo", title="Gruß"))]) > 0
True
>>> add_results(g, [ArticleResult(Article(id="a1", text="Hallo", title="Gruß"))])
0
>>> add_results(g, [ArticleResult(Article(id="a1", text="Hallo"))])  # no headline any more
-1
>>> before = len(g)
>>> remove_articles(g, ["a1"]) == before - len(g) > 0, len(g) == len(list(vocabulary_triples()))
(True, True)
>>> is_oxigraph(g), is_oxigraph(memory_copy(g))
(True, False)
>>> store = open_store()  # a store without rdflib's Graph around it
>>> n = add_results(store, [ArticleResult(Article(id="a1", text="Hallo", title="Gruß"))])
>>> n == store.triple_count() > 0
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pyoxigraph as ox

from .errors import GraphFileError
from quotegraph.extract.records import ArticleResult

from .backend import Backend
from .addresses import is_endpoint_url, missing_source_message
from .iris import QG
from .model import article_batches, bind_prefixes, graph_name
from .oxigraph import OxigraphBackend, syntax_message
from .statements import link_statements
from .terms import XSD_STRING

if TYPE_CHECKING:
    from rdflib import Graph

    from .union_graph import UnionGraph

__all__ = [
    "PARSE_FORMATS",
    "open_graph",
    "open_store",
    "as_graph",
    "open_source",
    "load_file",
    "load_file_by_article",
    "add_results",
    "remove_articles",
    "article_graphs",
    "UnionGraph",
    "is_oxigraph",
    "is_store_dir",
    "holds_nothing",
    "oxigraph_store",
    "memory_copy",
    "close_graph",
    "format_for_path",
    "article_batches",
    "backend_of",
]

#: File suffix -> oxrdflib parser name (Oxigraph's parsers, never rdflib's slow ones).
PARSE_FORMATS: dict[str, str] = {
    ".ttl": "ox-turtle",
    ".turtle": "ox-turtle",
    ".nt": "ox-nt",
    ".ntriples": "ox-nt",
    ".nq": "ox-nquads",
    ".nquads": "ox-nquads",
    ".trig": "ox-trig",
    ".jsonld": "ox-json-ld",
    ".json": "ox-json-ld",
    ".rdf": "ox-xml",
    ".owl": "ox-xml",
    ".xml": "ox-xml",
}

#: oxrdflib's parser name -> Oxigraph's format, for a file read into a store without oxrdflib.
_PARSER_FORMATS = {
    "ox-turtle": ox.RdfFormat.TURTLE,
    "ox-nt": ox.RdfFormat.N_TRIPLES,
    "ox-nquads": ox.RdfFormat.N_QUADS,
    "ox-trig": ox.RdfFormat.TRIG,
    "ox-json-ld": ox.RdfFormat.JSON_LD,
    "ox-xml": ox.RdfFormat.RDF_XML,
}

# files RocksDB (Oxigraph's on-disk backend) always writes into a store directory
_STORE_MARKERS = ("CURRENT", "IDENTITY")


def format_for_path(path: str | Path) -> str:
    """The Oxigraph parser for a file, chosen by its suffix.

    >>> format_for_path("news.ttl"), format_for_path("dump.NT")
    ('ox-turtle', 'ox-nt')
    >>> format_for_path("notes.txt")
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.GraphFileError: notes.txt: unknown RDF file type '.txt' (use one of .json, .jsonld, .nq, .nquads, .nt, .ntriples, .owl, .rdf, .trig, .ttl, .turtle, .xml)
    """
    suffix = Path(path).suffix.lower()
    try:
        return PARSE_FORMATS[suffix]
    except KeyError:
        valid = ", ".join(sorted(PARSE_FORMATS))
        raise GraphFileError(f"unknown RDF file type {suffix or '(none)'!r} (use one of {valid})", str(path)) from None


def is_store_dir(path: str | Path) -> bool:
    """Whether ``path`` is a directory holding an Oxigraph store.

    >>> is_store_dir("/")
    False
    """
    p = Path(path)
    return p.is_dir() and all((p / name).exists() for name in _STORE_MARKERS)


def open_graph(store: str | Path | None = None, *, read_only: bool = False) -> Graph:
    """An rdflib Graph over an Oxigraph store (in memory, or on disk) or a SPARQL server.

    Parameters
    ----------
    store : str or Path, optional
        A store directory, created if missing (an empty directory is fine); or a SPARQL
        endpoint address ``sparql+http(s)://host:port[/path]`` (see
        :func:`quotegraph.graph.endpoint.parse_endpoint`). None (the default) keeps the graph
        in memory.
    read_only : bool
        Open an existing store directory read-only: queries work, writes raise, and other
        processes may read it at the same time. For an endpoint: never send an update.

    Returns
    -------
    rdflib.Graph
        A :class:`UnionGraph` (reads see all named graphs) with
        :data:`~quotegraph.graph.namespaces.PREFIXES` bound (Oxigraph does not persist prefixes,
        so they are re-bound on every open); an
        :class:`~quotegraph.graph.endpoint.EndpointGraph` for an endpoint.

    Raises
    ------
    GraphFileError
        If the path is a file, a directory holding something else, or a store another process
        holds open for writing; if the endpoint does not answer.

    Examples
    --------
    >>> g = open_graph()
    >>> len(g), g.namespace_manager.store.namespace("qg")
    (0, rdflib.term.URIRef('https://w3id.org/quotegraph/ns#'))
    """
    if isinstance(store, str) and is_endpoint_url(store):
        from .endpoint import open_endpoint  # rdflib's SPARQL store and urllib: only for a server

        return open_endpoint(store, read_only=read_only)
    from .union_graph import UnionGraph  # rdflib and oxrdflib: only for rdflib's API

    return bind_prefixes(UnionGraph(open_store(store, read_only=read_only)))


def open_store(store: str | Path | None = None, *, read_only: bool = False) -> OxigraphBackend:
    """An Oxigraph store (in memory, or a store directory) without rdflib's Graph around it.

    Every function here that takes a graph takes it too (:func:`add_results`,
    :func:`close_graph` …), and so do :func:`~quotegraph.graph.identity.resolve_graph`,
    :func:`~quotegraph.graph.statements.link_statements` and
    :func:`~quotegraph.graph.export.save_graph`. ``store`` and ``read_only`` and the errors are
    those of :func:`open_graph`, but for an endpoint address.

    >>> store = open_store()
    >>> store.graph_names(), type(store.store).__name__
    ([], 'Store')
    """
    if store is None:
        if read_only:
            raise GraphFileError("an in-memory graph cannot be opened read-only")
        return OxigraphBackend(ox.Store())
    path = Path(store)
    if path.exists() and not path.is_dir():
        raise GraphFileError("is a file, not a store directory", str(path))
    if path.is_dir() and any(path.iterdir()) and not is_store_dir(path):
        raise GraphFileError("directory is not an Oxigraph store (and is not empty)", str(path))
    if read_only and not is_store_dir(path):
        raise GraphFileError("no store in this directory", str(path))
    try:
        if read_only:
            inner = ox.Store.read_only(str(path))
        else:
            path.mkdir(parents=True, exist_ok=True)
            inner = ox.Store(str(path))
    except OSError as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            msg = "store is in use by another process (or another graph in this one); close it first"
        raise GraphFileError(msg, str(path)) from None
    return OxigraphBackend(inner, None if read_only else path)


def as_graph(graph: Graph | OxigraphBackend) -> Graph:
    """An rdflib Graph for a store from :func:`open_store` (over the same store, prefixes bound);
    a graph as it is. For work that needs rdflib's API.

    >>> store = open_store()
    >>> as_graph(store).backend is store, len(as_graph(store))
    (True, 0)
    """
    if isinstance(graph, OxigraphBackend):
        from .union_graph import UnionGraph  # rdflib and oxrdflib: only for rdflib's API

        return bind_prefixes(UnionGraph(graph))
    return graph


def backend_of(graph: Graph | Backend) -> Backend:
    """What does the work for a graph: its store's :class:`~quotegraph.graph.backend.Backend`.

    Graphs from :func:`open_graph` carry the backend chosen when they were opened; any other
    rdflib Graph gets one by its store (an ``Oxigraph`` store made by hand, or rdflib's own). A
    backend (:func:`open_store`) is its own.

    >>> from rdflib import Graph
    >>> type(backend_of(open_graph())).__name__, type(backend_of(Graph())).__name__
    ('OxigraphBackend', 'RdflibBackend')
    """
    if isinstance(graph, Backend):
        return graph
    backend = getattr(graph, "backend", None)
    if backend is not None:
        return backend
    from .rdflib_backend import RdflibBackend  # a graph made by hand: rdflib's API is in use already

    return OxigraphBackend.of_graph(graph) or RdflibBackend(graph)


def is_oxigraph(graph: Graph) -> bool:
    """Whether a graph is backed by an Oxigraph store (fast SPARQL, parsers and serializers).

    >>> from rdflib import Graph
    >>> is_oxigraph(open_graph()), is_oxigraph(Graph())
    (True, False)
    """
    return isinstance(backend_of(graph), OxigraphBackend)


def oxigraph_store(graph: Graph) -> ox.Store:
    """The pyoxigraph ``Store`` under an Oxigraph-backed graph (for ``dump``, ``bulk_load`` …)."""
    backend = backend_of(graph)
    if not isinstance(backend, OxigraphBackend):
        raise TypeError("not an Oxigraph-backed graph")
    return backend.store


def close_graph(graph: Graph) -> None:
    """Flush an Oxigraph-backed graph to disk and release its store (and its directory lock).

    A store directory opened writable is then opened once more and released, which removes
    RocksDB's write-ahead log (as large as everything written since the last open).

    For an endpoint graph, closes its connection. The graph must not be used afterwards. Does
    nothing for other graphs.
    """
    backend_of(graph).close()


def load_file(path: str | Path, graph: Graph | OxigraphBackend | None = None, *, bulk: bool = False) -> Graph | OxigraphBackend:
    """Parse an RDF file into a graph with Oxigraph's parsers; the format comes from the suffix.

    Parameters
    ----------
    path : str or Path
        A ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld`` (or ``.rdf``) file. Quads of named
        graphs in ``.nq``/``.trig`` files keep their graph (one per article, as quotegraph
        writes them); triples files go into the default graph. Queries see the union either way.
    graph : rdflib.Graph or OxigraphBackend, optional
        Where to add the triples (a graph, or a store from :func:`open_store`); a new in-memory
        Oxigraph graph when None.
    bulk : bool
        For big files into an on-disk store: Oxigraph's bulk loader (faster, not atomic).
        Otherwise the load is one transaction: a malformed file adds nothing.

    Returns
    -------
    rdflib.Graph
        The graph, with the file's triples added.

    Raises
    ------
    GraphFileError
        Naming the file, and the line and column when the parser tells them: the file is
        missing, not readable, of an unknown type, truncated or malformed.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "bad.ttl")
    >>> _ = open(p, "w").write('<urn:a> <urn:b> "unterminated')
    >>> load_file(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.GraphFileError: .../bad.ttl: line 1, column 17: Unexpected end...
    """
    path = Path(path)
    fmt = format_for_path(path)
    if not path.exists():
        raise GraphFileError("no such file", str(path))
    if path.is_dir():
        raise GraphFileError("is a directory (use open_source for a store directory)", str(path))
    if graph is None:
        graph = open_graph()
    try:
        if isinstance(graph, OxigraphBackend):
            graph.load(path, _PARSER_FORMATS[fmt], bulk=bulk)
        else:
            graph.parse(str(path), format=fmt, transactional=not bulk)
    except SyntaxError as exc:
        raise GraphFileError(syntax_message(exc), str(path)) from None
    except (OSError, ValueError) as exc:
        raise GraphFileError(str(exc), str(path)) from None
    return graph


def load_file_by_article(path: str | Path, graph: Graph | OxigraphBackend, *,
                         batch_size: int = 50_000) -> Graph | OxigraphBackend:
    """:func:`load_file` for a file quotegraph wrote, putting each triple back into its article's graph.

    A Turtle, N-Triples or JSON-LD file has no named graphs; read with :func:`load_file`, all of
    it lands in the default graph, where re-extracting an article could not replace it. Here
    every triple of an article (its node, spans, reports and ``qg:said``-style edges: the
    triples :func:`~quotegraph.graph.model.article_quads` puts in :func:`graph_iri`) goes back
    into that article's named graph, and shared entity triples into the default graph. TriG and
    N-Quads files keep their own graphs. Streams in batches (not one transaction).

    Raises
    ------
    GraphFileError
        As :func:`load_file`.
    """
    fmt = format_for_path(path)
    if fmt in ("ox-nquads", "ox-trig") or not backend_of(graph).load_by_article(path, batch_size):
        return load_file(path, graph)
    return graph


def open_source(path_or_dir: str | Path, *, writable: bool = False, by_article: bool = False,
                store: bool = False) -> Graph | Backend:
    """What ``query``, ``view`` and ``export`` read: an RDF file (loaded into memory), a store
    directory or a SPARQL endpoint.

    Parameters
    ----------
    path_or_dir : str or Path
        An RDF file (see :func:`load_file`), an Oxigraph store directory, or a
        ``sparql+http(s)://`` address (see :mod:`quotegraph.graph.endpoint`).
    writable : bool
        Open a store directory for writing. By default it is opened read-only, so reading
        can never change it and may run beside other readers (such as ``quotegraph serve``).
        A file is always loaded into a fresh in-memory graph, which is writable. An endpoint is
        sent updates only when ``writable``.
    by_article : bool
        Read a Turtle, N-Triples or JSON-LD file back into one named graph per article
        (:func:`load_file_by_article`), as the store it was written from held it: what
        ``export`` to TriG or N-Quads needs. Otherwise a file's triples go into the default
        graph (queries see the union either way).
    store : bool
        Give a file or store directory as an Oxigraph store without rdflib's Graph
        (:func:`open_store`): enough for queries, writes and files, and without oxrdflib's
        import. An endpoint is a graph all the same.

    Raises
    ------
    GraphFileError
        If nothing is there, or it is neither an RDF file nor a store directory.
    """
    if isinstance(path_or_dir, str) and is_endpoint_url(path_or_dir):
        from .endpoint import open_endpoint  # rdflib's SPARQL store and urllib: only for a server

        return open_endpoint(path_or_dir, read_only=not writable)
    opener = open_store if store else open_graph
    path = Path(path_or_dir)
    if path.is_dir():
        if not is_store_dir(path):
            raise GraphFileError("directory is not an Oxigraph store", str(path))
        return opener(path, read_only=not writable)
    if not path.exists():
        raise GraphFileError(missing_source_message(path), str(path_or_dir))
    if by_article:
        return load_file_by_article(path, opener())
    return load_file(path, opener())


def add_results(graph: Graph, results: Iterable[ArticleResult], *, batch_size: int = 20_000) -> int:
    """Put article results into a graph, each article replacing what it had there; count the change.

    Parameters
    ----------
    graph : rdflib.Graph
        From :func:`open_graph` (in memory, a store directory or a SPARQL endpoint); a plain
        rdflib Graph works too, without named graphs (triples are added, nothing is replaced).
    results : iterable of ArticleResult
        Consumed lazily, so a generator over a big JSONL file stays cheap.
    batch_size : int
        About this many triples are written together; a batch always holds whole articles. In
        an Oxigraph store a batch is one transaction (N-Quads text of
        :func:`~quotegraph.graph.model.article_quads` read by ``Store.load``, several times
        faster than adding through rdflib); on an endpoint it is sent as update requests of at
        most 1,000 triples each.

    Returns
    -------
    int
        The net change in the number of triples. Each article's named graph is dropped and
        written again, so re-running on the same input changes nothing (0), and re-extracting an
        article with different results leaves no stale triple (the change may be negative).
        Entity triples shared by articles are only ever added, but for ``rdf:type``: each
        entity the results type keeps one, the rule's
        (:func:`~quotegraph.graph.entity_types.best_type`), whatever the store held before.

    Notes
    -----
    Replacing is two steps per batch (drop the batch's article graphs, then insert): a crash
    in between leaves those articles out, and running again puts them back.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> g = Graph()
    >>> n = add_results(g, [ArticleResult(Article(id="a1", text="x"))])
    >>> n == len(g), add_results(g, [ArticleResult(Article(id="a1", text="x"))])
    (True, 0)
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    return backend_of(graph).replace_articles(results, batch_size)


def article_graphs(graph: Graph) -> list[str]:
    """The ids of the articles whose named graphs the store holds, sorted.

    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> g = open_graph()
    >>> _ = add_results(g, [ArticleResult(Article(id=i, text="x")) for i in ("b", "a")])
    >>> article_graphs(g)
    ['a', 'b']
    """
    prefix = graph_name("")
    names = backend_of(graph).graph_names()
    return sorted(unquote(n[len(prefix):]) for n in names if n.startswith(prefix) and len(n) > len(prefix))


def holds_nothing(graph: Graph | Backend) -> bool:
    """Whether a graph or store holds no triple at all, in any graph (one row asked for).

    >>> holds_nothing(open_graph())
    True
    """
    return not backend_of(graph).select("SELECT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } LIMIT 1")


def remove_articles(graph: Graph, article_ids: Iterable[str], *, prune: bool = False) -> int:
    """Drop articles from a store: their named graphs, and with ``prune`` unused entities.

    Parameters
    ----------
    graph : rdflib.Graph
        From :func:`open_graph` (writable): an Oxigraph store or a SPARQL endpoint.
    article_ids : iterable of str
        Article ids as extracted (``quotes.jsonl``'s ``article``). An id the store does not
        hold removes nothing.
    prune : bool
        Also delete the shared triples (type, name, aliases) of entities that no article in
        the store mentions any more. Off by default: it scans every entity, and an entity named
        by a later article gets its description back anyway.

    The statements (:mod:`~quotegraph.graph.statements`) are linked again when the store has
    any, so none is left that no article carries, and carriers and first seen count what is
    left; a store never linked (extracted with ``--no-resolve``) gets none.

    Returns
    -------
    int
        The number of triples removed (net of the statements' counts written again).

    Raises
    ------
    QuotegraphError
        For a graph without named graphs (a plain rdflib Graph), or an endpoint refusing updates.
    """
    backend = backend_of(graph)
    removed = backend.remove_articles(list(dict.fromkeys(article_ids)), False)
    if backend.select_shared(f"SELECT ?s WHERE {{ ?s a <{QG.Statement}> }} LIMIT 1"):
        linked = link_statements(graph)
        removed += linked.deleted - linked.inserted
    if prune:  # after the statements: a statement that went no longer keeps its speaker in use
        removed += backend.remove_articles([], True)
    return removed


def _plain(term):
    from rdflib import Literal

    # RDF 1.1: "x" and "x"^^xsd:string are the same literal; rdflib keeps them apart
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == XSD_STRING \
            and term.language is None:
        return Literal(str(term))
    return term


def memory_copy(graph: Graph) -> Graph:
    """A plain in-memory rdflib Graph with the same triples, prefixes bound.

    ``xsd:string`` literals (how Oxigraph returns every plain string) become simple literals,
    which RDF 1.1 says they are, so ``rdflib.compare.isomorphic`` compares graphs from either
    store fairly. Handy for small work that needs rdflib's own machinery (pyshacl, rdflib's
    serializers); for big graphs stay in Oxigraph.

    >>> from rdflib import Literal, URIRef
    >>> g = open_graph()
    >>> g.add((URIRef("urn:a"), URIRef("urn:b"), Literal("x")))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> list(memory_copy(g))
    [(rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b'), rdflib.term.Literal('x'))]
    """
    from rdflib import Graph

    out = bind_prefixes(Graph())
    out.addN((s, p, _plain(o), out) for s, p, o in graph)
    return out


def __getattr__(name: str):
    # importable from here as before, without loading rdflib and oxrdflib with this module
    if name == "UnionGraph":
        from .union_graph import UnionGraph

        return UnionGraph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
