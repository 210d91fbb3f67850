"""Open, fill and load the knowledge graph: rdflib's API over Oxigraph's fast store.

Every graph quotegraph hands out is an ``rdflib.Graph`` backed by oxrdflib's ``OxigraphStore``
(pyoxigraph underneath), kept in memory or on disk in a store directory. Its identifier is the
store's *default graph*, so what one process writes, another (or ``oxigraph serve``) sees.
Files are read with Oxigraph's parsers (``ox-turtle`` …), never rdflib's own, which are
ten times slower (see ``FACTS.md``). A plain rdflib ``Graph`` also works everywhere, for small work.

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult
>>> g = open_graph()
>>> add_results(g, [ArticleResult(Article(id="a1", text="Hallo", title="Gruß"))]) > 0
True
>>> add_results(g, [ArticleResult(Article(id="a1", text="Hallo", title="Gruß"))])
0
>>> is_oxigraph(g), is_oxigraph(memory_copy(g))
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from quotegraph.errors import GraphFileError
from quotegraph.extract.records import ArticleResult

from .model import article_triples, bind_prefixes, vocabulary_triples
from .namespaces import XSD

__all__ = [
    "PARSE_FORMATS",
    "open_graph",
    "open_source",
    "load_file",
    "add_results",
    "is_oxigraph",
    "is_store_dir",
    "oxigraph_store",
    "memory_copy",
    "close_graph",
    "format_for_path",
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

# files RocksDB (Oxigraph's on-disk backend) always writes into a store directory
_STORE_MARKERS = ("CURRENT", "IDENTITY")


def format_for_path(path: str | Path) -> str:
    """The Oxigraph parser for a file, chosen by its suffix.

    >>> format_for_path("news.ttl"), format_for_path("dump.NT")
    ('ox-turtle', 'ox-nt')
    >>> format_for_path("notes.txt")
    Traceback (most recent call last):
    ...
    quotegraph.errors.GraphFileError: notes.txt: unknown RDF file type '.txt' (use one of .json, .jsonld, .nq, .nquads, .nt, .ntriples, .owl, .rdf, .trig, .ttl, .turtle, .xml)
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


def _wrap(store: ox.Store) -> Graph:
    graph = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    return bind_prefixes(graph)


def open_graph(store: str | Path | None = None, *, read_only: bool = False) -> Graph:
    """An rdflib Graph over an Oxigraph store: in memory, or on disk in a directory.

    Parameters
    ----------
    store : str or Path, optional
        A store directory, created if missing (an empty directory is fine). None (the default)
        keeps the graph in memory.
    read_only : bool
        Open an existing store directory read-only: queries work, writes raise, and other
        processes may read it at the same time.

    Returns
    -------
    rdflib.Graph
        Its identifier is the store's default graph; :data:`~quotegraph.graph.namespaces.PREFIXES`
        are bound (Oxigraph does not persist prefixes, so they are re-bound on every open).

    Raises
    ------
    GraphFileError
        If the path is a file, a directory holding something else, or a store another process
        holds open for writing.

    Examples
    --------
    >>> g = open_graph()
    >>> len(g), g.namespace_manager.store.namespace("qg")
    (0, rdflib.term.URIRef('https://w3id.org/quotegraph/ns#'))
    """
    if store is None:
        if read_only:
            raise GraphFileError("an in-memory graph cannot be opened read-only")
        return _wrap(ox.Store())
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
    return _wrap(inner)


def is_oxigraph(graph: Graph) -> bool:
    """Whether a graph is backed by an Oxigraph store (fast SPARQL, parsers and serializers).

    >>> is_oxigraph(open_graph()), is_oxigraph(Graph())
    (True, False)
    """
    return isinstance(graph.store, OxigraphStore)


def oxigraph_store(graph: Graph) -> ox.Store:
    """The pyoxigraph ``Store`` under an Oxigraph-backed graph (for ``dump``, ``bulk_load`` …)."""
    if not is_oxigraph(graph):
        raise TypeError("not an Oxigraph-backed graph")
    return graph.store._inner


def close_graph(graph: Graph) -> None:
    """Flush an Oxigraph-backed graph to disk and release its store (and its directory lock).

    The graph must not be used afterwards. Does nothing for other graphs.
    """
    if is_oxigraph(graph) and getattr(graph.store, "_store", None) is not None:
        try:
            graph.store._store.flush()
        except (OSError, RuntimeError):  # in memory, or read-only: nothing to flush
            pass
        graph.store._store = None
        graph.store.close()


def load_file(path: str | Path, graph: Graph | None = None, *, bulk: bool = False) -> Graph:
    """Parse an RDF file into a graph with Oxigraph's parsers; the format comes from the suffix.

    Parameters
    ----------
    path : str or Path
        A ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld`` (or ``.rdf``) file. Quads of named
        graphs in ``.nq``/``.trig`` files keep their graph (the default-graph queries of
        quotegraph do not see them); quotegraph itself only writes the default graph.
    graph : rdflib.Graph, optional
        Where to add the triples; a new in-memory Oxigraph graph when None.
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
    quotegraph.errors.GraphFileError: .../bad.ttl: line 1, column 17: Unexpected end...
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
        graph.parse(str(path), format=fmt, transactional=not bulk)
    except SyntaxError as exc:
        raise GraphFileError(_syntax_message(exc), str(path)) from None
    except (OSError, ValueError) as exc:
        raise GraphFileError(str(exc), str(path)) from None
    return graph


def _syntax_message(exc: SyntaxError) -> str:
    msg = exc.msg or str(exc)
    # pyoxigraph: "Parser error at line 3 column 9: Unexpected end" -> "line 3, column 9: Unexpected end"
    for head in ("Parser error at ", "Parser error between "):
        if msg.startswith(head):
            msg = msg[len(head):]
            break
    if exc.lineno and not msg.startswith("line"):
        return f"line {exc.lineno}, column {exc.offset}: {msg}"
    if exc.lineno:
        where, _, rest = msg.partition(": ")
        return f"line {exc.lineno}, column {exc.offset}: {rest or where}"
    return msg


def open_source(path_or_dir: str | Path, *, writable: bool = False) -> Graph:
    """What ``query``, ``view`` and ``export`` read: an RDF file (loaded into memory) or a store.

    Parameters
    ----------
    path_or_dir : str or Path
        An RDF file (see :func:`load_file`) or an Oxigraph store directory.
    writable : bool
        Open a store directory for writing. By default it is opened read-only, so reading
        can never change it and may run beside other readers (such as ``quotegraph serve``).
        A file is always loaded into a fresh in-memory graph, which is writable.

    Raises
    ------
    GraphFileError
        If nothing is there, or it is neither an RDF file nor a store directory.
    """
    path = Path(path_or_dir)
    if path.is_dir():
        if not is_store_dir(path):
            raise GraphFileError("directory is not an Oxigraph store", str(path))
        return open_graph(path, read_only=not writable)
    if not path.exists():
        raise GraphFileError("no such file or store directory", str(path))
    return load_file(path)


def _batches(results: Iterable[ArticleResult], batch_size: int) -> Iterator[list]:
    batch: list = [(s, p, o) for s, p, o in vocabulary_triples()]
    for result in results:
        batch.extend(article_triples(result))
        # flush only between articles: one addN is one Oxigraph transaction, so an article is
        # never half in the store
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def add_results(graph: Graph, results: Iterable[ArticleResult], *, batch_size: int = 20_000) -> int:
    """Add the triples of article results to a graph, in batches, and count the new ones.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually from :func:`open_graph`; any rdflib Graph works.
    results : iterable of ArticleResult
        Consumed lazily, so a generator over a big JSONL file stays cheap.
    batch_size : int
        About this many triples go into one ``addN`` call (for Oxigraph one all-or-nothing
        transaction, ``Store.extend``); a batch always ends at an article boundary.

    Returns
    -------
    int
        The number of triples *added* (the graph's size after minus before): IRIs are
        deterministic, so loading the same article twice adds 0.

    Examples
    --------
    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> g = Graph()
    >>> n = add_results(g, [ArticleResult(Article(id="a1", text="x"))])
    >>> n == len(g), add_results(g, [ArticleResult(Article(id="a1", text="x"))])
    (True, 0)
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    before = len(graph)
    for batch in _batches(results, batch_size):
        # A generator, not the list: oxrdflib's addN walks its argument twice (the second time
        # to fire one rdflib event per triple); a spent generator skips that slow loop.
        graph.addN((s, p, o, graph) for s, p, o in batch)
    return len(graph) - before


def _plain(term):
    # RDF 1.1: "x" and "x"^^xsd:string are the same literal; rdflib keeps them apart
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term


def memory_copy(graph: Graph) -> Graph:
    """A plain in-memory rdflib Graph with the same triples, prefixes bound.

    ``xsd:string`` literals (how Oxigraph returns every plain string) become simple literals,
    which RDF 1.1 says they are, so ``rdflib.compare.isomorphic`` compares graphs from either
    store fairly. Handy for small work that needs rdflib's own machinery (pyshacl, rdflib's
    serializers); for big graphs stay in Oxigraph.

    >>> from rdflib import URIRef
    >>> g = open_graph()
    >>> g.add((URIRef("urn:a"), URIRef("urn:b"), Literal("x")))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> list(memory_copy(g))
    [(rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b'), rdflib.term.Literal('x'))]
    """
    out = bind_prefixes(Graph())
    out.addN((s, p, _plain(o), out) for s, p, o in graph)
    return out
