"""The embedded Oxigraph store: pyoxigraph on its own (rdflib's API over it: :mod:`.union_graph`).

An :class:`OxigraphBackend` does the work on a pyoxigraph ``Store`` (in memory or in a store
directory) directly: writing an article is N-Quads text read by ``Store.load`` (several times
faster than adding through rdflib), queries run on Oxigraph's engine with the default graph as
the union of all graphs, exports are ``Store.dump``. A run of ``quotegraph extract`` needs no
more (:func:`~quotegraph.graph.store.open_store`), and neither rdflib nor oxrdflib: this module
imports neither (issue #27: rdflib is a tenth of a second at start, oxrdflib's SPARQL grammar
another). :func:`~quotegraph.graph.store.open_graph` wraps the same backend in a
:class:`~quotegraph.graph.union_graph.UnionGraph`, an rdflib Graph over oxrdflib's store, for
the rest of rdflib's API.

oxrdflib keeps its pyoxigraph ``Store`` in private attributes; this module and
:mod:`.union_graph` are the only places that touch them.

Examples
--------
>>> backend = OxigraphBackend(ox.Store())
>>> a, b, c = ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")
>>> backend.store.add(ox.Quad(a, b, c, ox.NamedNode("urn:g")))
>>> backend.graph_names(), backend.select("SELECT ?o WHERE { ?s ?p ?o }")
(['urn:g'], [('urn:c',)])
>>> backend.query("SELECT ?o WHERE { ?s ?p ?o }", {})
(['o'], [(rdflib.term.URIRef('urn:c'),)])
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path

import pyoxigraph as ox

from .errors import GraphFileError

from .backend import Backend
from .entity_types import is_entity, losing_types
from .iris import ENTITY, ID, RDF
from .model import article_batches, graph_name, graph_of, plain_vocabulary
from .terms import Lit, nquads_line, nt_literal, plain_term, to_ox

__all__ = ["OxigraphBackend", "syntax_message"]


def _drop_write_ahead_log(path: Path) -> None:
    """Open a closed store directory once more, so RocksDB drops its write-ahead log.

    After a run the log holds every write again (206 of 284 MB after 2,400 articles);
    ``flush()`` and ``optimize()`` write the data to table files but leave the log on disk until
    the next writable open, which takes a fraction of a second
    (``benchmarks/README.md``). Skipped when something else still holds the store.
    """
    try:
        ox.Store(str(path))  # dropped at once: the open itself removes the obsolete log
    except OSError:
        pass


class OxigraphBackend(Backend):
    """Articles, queries and dumps straight on a pyoxigraph Store (``store``), with or without an
    rdflib Graph over it.

    ``path``: the directory of a store opened writable, rid of its write-ahead log when closed.
    """

    accepts_parsed_queries = False  # oxrdflib refuses them (pyshacl's): rdflib's engine needs a copy

    def __init__(self, store: ox.Store, path: Path | None = None):
        self.store: ox.Store | None = store
        self.path = path  # a store directory opened writable, else None
        self.rdflib_store = None  # oxrdflib's store over it, once a UnionGraph wraps it
        self._uses: dict[str, set[str]] | None = None  # entity_uses, while tracked (track_entity_uses)
        # while tracked too: every quad is in the graph graph_of gives its triple, so no triple is
        # in two graphs and the union needs no count of its distinct triples (union_triples)
        self._own_graphs = False

    @classmethod
    def of_graph(cls, graph) -> OxigraphBackend | None:
        """The backend for an rdflib Graph made by hand over oxrdflib's store
        (``Graph(store="Oxigraph")``); None for any other store."""
        from oxrdflib import OxigraphStore  # rdflib's API is in use already

        if not isinstance(graph.store, OxigraphStore):
            return None
        backend = cls(graph.store._inner)  # oxrdflib makes an in-memory Store on first use
        backend.rdflib_store = graph.store
        return backend

    def close(self) -> None:
        store = self.store
        if store is None:  # closed already
            return
        try:
            store.flush()
        except (OSError, RuntimeError):  # in memory, or read-only: nothing to flush
            pass
        # every reference dropped, so the directory's lock is released at once
        self.store = store = None
        if self.rdflib_store is not None:
            self.rdflib_store._store = None
            self.rdflib_store.close()
            self.rdflib_store = None
        if self.path is not None:
            _drop_write_ahead_log(self.path)

    # ------------------------------------------------------------------ writing

    def track_entity_uses(self) -> None:
        """Keep :meth:`entity_uses` from the articles written from now on, if the store is empty:
        a run's graph, which only :meth:`replace_articles` writes until it is resolved (any other
        write here, or an rdflib Graph over the store, ends it).

        Also keep track of whether every quad is in the graph
        :func:`~quotegraph.graph.model.graph_of` gives its triple: what the model writes, and
        what resolution and statements insert through :meth:`change` (each insert is checked);
        any other write ends it."""
        empty = len(self.store) == 0
        self._uses = {} if empty else None
        self._own_graphs = empty

    def entity_uses(self):
        return self._uses if self.rdflib_store is None else None

    def replace_articles(self, results, batch_size):
        store = self.store
        uses, self._uses = self._uses, None  # known again once the batch is in

        def new_shared(triples) -> int:
            return sum(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) not in store for s, p, o in triples)

        vocab = plain_vocabulary()
        added = new_shared(set(vocab))
        store.load("".join(nquads_line(*t) for t in vocab).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        for batch in article_batches(results, batch_size):
            names = [ox.NamedNode(graph_name(article_id)) for article_id in batch]
            before = sum(self._graph_size(name) for name in names if store.contains_named_graph(name))
            shared = {(s, p, o) for quads in batch.values() for s, p, o, g in quads if g is None}
            # each line once, in the order the model wrote them (a set's order would follow the
            # process's hash seed, and Oxigraph keeps the load order: the files would differ from run to run)
            # a quad whose object is an IRI (most) written here, without a call per line; one
            # whose object is a literal with a call for the literal alone (as nquads_line writes it)
            lines = dict.fromkeys(f"<{s}> <{p}> <{o}> <{g}> .\n" if type(o) is str and g is not None
                                  else f"<{s}> <{p}> {nt_literal(o)} <{g}> .\n" if type(o) is Lit and g is not None
                                  else nquads_line(s, p, o, g) for quads in batch.values() for s, p, o, g in quads)
            # encoded in runs of lines, before anything is dropped (text that is no UTF-8 raises
            # here): a run is widened to its widest character only, where one str of them all
            # would be widened to the batch's
            data = _utf8(list(lines))
            added += len(lines) - len(shared) - before + new_shared(shared)
            for name in names:
                store.remove_graph(name)
            # one transaction: all of the batch's articles, or none; lenient (Oxigraph does not
            # check the IRIs again, 40 % of the load): the model mints every IRI escaped
            # (iri_segments) and writes every literal escaped (terms.nt_literal)
            store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
            added -= self.keep_one_type({s for s, p, _ in shared if p == _RDF_TYPE_IRI})
            if uses is not None:
                uses.update((graph_name(article_id), _entities_named(quads)) for article_id, quads in batch.items())
        self._uses = uses
        return added

    def change(self, deletes, inserts):
        inserts = list(inserts)
        own_graphs = self._own_graphs and all(map(_in_own_graph, inserts))  # before update() ends it
        super().change(deletes, inserts)
        self._own_graphs = own_graphs

    def keep_one_type(self, entities=None):
        store = self.store
        subjects = [None] if entities is None else [ox.NamedNode(e) for e in sorted(entities)]
        pairs = [(q.subject.value, q.object.value)
                 for subject in subjects
                 for q in store.quads_for_pattern(subject, _RDF_TYPE, None, ox.DefaultGraph())
                 if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
                 and is_entity(q.subject.value)]
        losing = losing_types(pairs)
        for s, o in losing:
            store.remove(ox.Quad(ox.NamedNode(s), _RDF_TYPE, ox.NamedNode(o), ox.DefaultGraph()))
        return len(losing)

    def remove_articles(self, article_ids, prune):
        store = self.store
        self._uses, self._own_graphs = None, False
        removed = 0
        for article_id in article_ids:
            name = ox.NamedNode(graph_name(article_id))
            if store.contains_named_graph(name):
                removed += self._graph_size(name)
                store.remove_graph(name)
        if prune:
            from .sparql import prune_update  # rdflib's terms with it: only when pruning

            before = self._graph_size(ox.DefaultGraph())
            store.update(prune_update(None))
            removed += before - self._graph_size(ox.DefaultGraph())
        return removed

    def _graph_size(self, name) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, name))

    def update(self, text):
        # straight to pyoxigraph: oxrdflib refuses updates on a union graph
        self._uses, self._own_graphs = None, False
        self.store.update(text)

    def load(self, path: Path, format: ox.RdfFormat, *, bulk: bool = False) -> None:
        """Read an RDF file into the store as oxrdflib's parsers do (the triples of a triples file
        into the default graph, a quad keeping its graph; the file's URI as base IRI), in one
        transaction, or with ``bulk`` by Oxigraph's bulk loader. Errors are the parser's own."""
        self._uses, self._own_graphs = None, False
        load = self.store.bulk_load if bulk else self.store.load
        load(path=str(path), format=format, base_iri=Path(path).absolute().as_uri())

    def load_by_article(self, path, batch_size):
        path = Path(path)
        if not path.is_file():
            raise GraphFileError("no such file", str(path))
        store = self.store
        self._uses, self._own_graphs = None, False
        batch: list[ox.Quad] = []
        try:
            for quad in ox.parse(path=str(path), format=_file_format(path)):
                name = _article_graph_of(quad)
                batch.append(ox.Quad(quad.subject, quad.predicate, quad.object, name) if name is not None else quad)
                if len(batch) >= batch_size:
                    store.extend(batch)
                    batch = []
            store.extend(batch)
        except SyntaxError as exc:
            raise GraphFileError(syntax_message(exc), str(path)) from None
        except (OSError, ValueError) as exc:
            raise GraphFileError(str(exc), str(path)) from None
        return True

    # ------------------------------------------------------------------ reading

    def graph_names(self):
        return [n.value for n in self.store.named_graphs() if isinstance(n, ox.NamedNode)]

    def select(self, text):
        rows = self.store.query(text, use_default_graph_as_union=True)
        return [tuple(map(plain_term, solution)) for solution in rows]

    def select_shared(self, text):
        if not (self._own_graphs and self.rdflib_store is None):
            return self.select(text)
        # the default graph alone (PolNeAR dev: statements' triples 0.028 -> 0.008 CPU s)
        return [tuple(map(plain_term, solution)) for solution in self.store.query(text)]

    def query(self, text, bindings):
        from rdflib import Literal  # the rows are rdflib terms: for rdflib's API, loaded already or now

        from .rdflib_terms import from_ox

        # on pyoxigraph directly: oxrdflib builds a fresh rdflib term (slow) for every cell; here
        # each distinct term is converted once
        result = self.store.query(text, substitutions={ox.Variable(str(k)): to_ox(v) for k, v in bindings.items()},
                                  # the union of the default graph and every article's named graph,
                                  # as the servers show it
                                  use_default_graph_as_union=True)
        cache: dict = {}

        def conv(term):
            try:
                return cache[term]
            except KeyError:
                out = cache[term] = from_ox(term)
                return out

        if isinstance(result, ox.QueryBoolean):
            return ["answer"], [(Literal(bool(result)),)]
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            return columns, [tuple(conv(v) for v in solution) for solution in result]
        return ["subject", "predicate", "object"], [(conv(t.subject), conv(t.predicate), conv(t.object))
                                                     for t in result]

    def triple_count(self):
        # as oxrdflib counts a union graph (len of a UnionGraph)
        query = "SELECT (COUNT(DISTINCT TRIPLE(?s, ?p, ?o)) AS ?c) WHERE { ?s ?p ?o }"
        return int(next(self.store.query(query, use_default_graph_as_union=True))[0].value)

    def union_triples(self):
        return self.counted_union()[0]

    def counted_union(self):
        store = self.store
        # When no triple is in two graphs (known while every quad is in the graph graph_of gives
        # it, see track_entity_uses; else counted on the store's own term ids, 0.03 CPU s of
        # PolNeAR dev), the quads' triples are the union, in the order the CONSTRUCT below gives
        # them; its work of keeping each triple once (on decoded terms) was half the cost of
        # writing a Turtle file (PolNeAR dev: 0.105 against 0.055 CPU s)
        if (self._own_graphs and self.rdflib_store is None
                or int(next(iter(store.query(_DISTINCT_TRIPLES, use_default_graph_as_union=True)))[0].value) == len(store)):
            return map(_TRIPLE, store.quads_for_pattern(None, None, None)), len(store)
        # CONSTRUCT over the union returns each triple once, whichever graphs it is in
        return store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True), None

    def dump(self, out, format, prefixes):
        self.store.dump(out, format, prefixes=prefixes)  # every graph, named as it is


def _entities_named(quads) -> set[str]:
    """The entity IRIs an article's quads (plain terms) name in its graph, as subject or object."""
    # subjects and objects in two flat passes: a generator per quad cost more than the test
    ns = _ENTITY_NS
    named = {s for s, _, _, g in quads if g is not None and type(s) is str and s.startswith(ns)}
    named.update([o for _, _, o, g in quads if g is not None and type(o) is str and o.startswith(ns)])
    return named


def _in_own_graph(quad) -> bool:
    """Whether a quad (plain terms; None the default graph) is in the graph
    :func:`~quotegraph.graph.model.graph_of` gives its triple."""
    s, p, o, g = quad
    return type(s) is str and type(p) is str and g == graph_of(s, p, o if type(o) is str else None)


def _utf8(lines: list[str], run: int = 64) -> bytes:
    """The lines as one UTF-8 text, joined and encoded ``run`` lines at a time (cheaper than line
    by line, and a non-ASCII line widens only its run)."""
    return b"".join(["".join(lines[i:i + run]).encode("utf-8") for i in range(0, len(lines), run)])


_RDF_TYPE_IRI = RDF.type
_DISTINCT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
_TRIPLE = attrgetter("triple")
_RDF_TYPE = ox.NamedNode(_RDF_TYPE_IRI)
_ARTICLE_NS = str(ID) + "article/"
_ENTITY_NS = str(ENTITY)
_REPORT_NS = str(ID) + "report/"
#: file suffixes Oxigraph does not know by these names
_SUFFIX_ALIASES = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "owl": "rdf"}


def _file_format(path: Path) -> ox.RdfFormat:
    """Oxigraph's format for a file, by its suffix (``.turtle`` and ``.owl`` too)."""
    ext = path.suffix[1:].lower()
    fmt = ox.RdfFormat.from_extension(_SUFFIX_ALIASES.get(ext, ext))
    if fmt is None:
        raise GraphFileError(f"unknown RDF file type {path.suffix!r}", str(path))
    return fmt


def _article_graph_of(quad: ox.Quad) -> ox.NamedNode | None:
    """The named graph of a triple by :func:`~quotegraph.graph.model.graph_of`; None for shared triples."""
    s, o = quad.subject, quad.object
    name = graph_of(s.value if isinstance(s, ox.NamedNode) else "", quad.predicate.value,
                    o.value if isinstance(o, ox.NamedNode) else None)
    return None if name is None else ox.NamedNode(name)


def syntax_message(exc: SyntaxError) -> str:
    """One line from an Oxigraph parser error: ``line L, column C: what``.

    >>> syntax_message(SyntaxError("Parser error at line 3 column 9: Unexpected end"))
    'line 3 column 9: Unexpected end'
    """
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
