"""A SPARQL 1.1 server as the graph's home: the Oxigraph server, Virtuoso, or any other.

``--store sparql+http://127.0.0.1:7878`` (or ``open_graph("sparql+http://…")``) gives an
:class:`EndpointGraph`: an ``rdflib.Graph`` over rdflib's ``SPARQLUpdateStore`` whose HTTP calls
quotegraph makes itself (with a timeout, JSON results and one-line errors: rdflib's own
connector has no timeout and hides HTTP errors). Reads see the server's default graph as the
union of all graphs, so the shipped queries give the same rows as the embedded store: the
Oxigraph server (recognised by its ``Server`` header) is asked for the union in every query
(its ``union-default-graph`` parameter), whether or not it was started with
``--union-default-graph``; Virtuoso shows the union by default; any other server whose default
graph hides the named graphs is refused on connect with one line saying so
(:data:`NOT_UNION`).

Addresses
---------
``sparql+http(s)://HOST:PORT[/PATH][?OPTIONS]``:

* no path: the Oxigraph server's layout, queries at ``/query``, updates at ``/update``;
* a path (``/sparql`` for Virtuoso): queries and updates both go there;
* ``?update=/other`` (a path on the same server, or a full ``http(s)://`` URL): a separate
  update URL;
* ``?timeout=SECONDS``: how long to wait for an answer (default 60);
* ``?shared=IRI``: the named graph for the triples articles share, for servers without a
  writable default graph. Virtuoso is recognised by its ``Server`` header and uses
  ``qgid:shared`` (:data:`SHARED_GRAPH`) unless told otherwise.

Writes
------
:meth:`EndpointGraph.replace_articles` drops each article's named graph and inserts it again
with ``INSERT DATA`` requests of at most :data:`CHUNK_TRIPLES` triples (Virtuoso refuses large
ones). IRIs are deterministic, so running twice changes nothing.

Examples
--------
>>> e = parse_endpoint("sparql+http://127.0.0.1:7878")
>>> e.query_url, e.update_url
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
>>> e = parse_endpoint("sparql+http://127.0.0.1:8890/sparql?timeout=5")
>>> e.query_url == e.update_url == "http://127.0.0.1:8890/sparql", e.timeout
(True, 5.0)
>>> parse_endpoint("sparql+http://h:1/q?update=/u").update_url
'http://h:1/u'
"""

from __future__ import annotations

import io
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from .errors import GraphFileError, QuotegraphError

from .addresses import SCHEMES, is_endpoint_url  # also importable from here, as before
from .backend import Backend
from .rdflib_backend import result_rows
from .entity_types import is_entity, losing_types
from .model import article_batches, bind_prefixes, graph_iri, plain_vocabulary
from .namespaces import ENTITY, ID, RDF
from .oxigraph import OxigraphBackend
from .sparql import inline_values, prune_update  # prune_update is also importable from here, as before
from .terms import nquads_line, sparql_term, to_ox  # so is sparql_term

__all__ = [
    "SCHEMES",
    "CHUNK_TRIPLES",
    "DEFAULT_TIMEOUT",
    "SHARED_GRAPH",
    "NOT_UNION",
    "Endpoint",
    "EndpointGraph",
    "EndpointBackend",
    "is_endpoint_url",
    "is_endpoint",
    "parse_endpoint",
    "open_endpoint",
    "prune_update",
    "sparql_term",
]

#: At most this many triples go into one INSERT DATA request (Virtuoso refuses large ones).
CHUNK_TRIPLES = 1_000
#: Seconds to wait for an endpoint's answer.
DEFAULT_TIMEOUT = 60.0
#: Where shared (entity) triples go on a server without a writable default graph (Virtuoso).
SHARED_GRAPH = ID["shared"]  # outside graph/…, where an article could be called "shared"
_GRAPHS = str(ID["graph/"])
_RDF_TYPE = str(RDF.type)
#: The error when a server's default graph does not show its named graphs (queries would find nothing).
NOT_UNION = ("the server's default graph is not the union of its named graphs, so queries would find "
             "nothing: start it with its union default graph on (Oxigraph: oxigraph serve "
             "--union-default-graph; Fuseki/TDB: tdb:unionDefaultGraph true)")
#: Finds a triple of a named graph that the default graph does not show (one is enough).
_HIDDEN_TRIPLE = ("SELECT ?s WHERE { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1 } "
                  "FILTER NOT EXISTS { ?s ?p ?o } }")
#: rows per page when reading whole graphs from Virtuoso (it cuts results at ResultSetMaxRows,
#: 10,000 in Debian's ini)
_PAGE = 10_000


@dataclass(frozen=True)
class Endpoint:
    """Where a SPARQL server answers, and how quotegraph writes to it."""

    query_url: str
    update_url: str
    timeout: float = DEFAULT_TIMEOUT
    shared_graph: str | None = None  # None: the server's default graph
    server: str = ""  # the HTTP Server header, once probed
    address: str = ""  # as the user gave it

    @property
    def virtuoso(self) -> bool:
        return self.server.lower().startswith("virtuoso")

    @property
    def oxigraph(self) -> bool:
        """The Oxigraph server: it takes ``union-default-graph`` with each query."""
        return self.server.lower().startswith("oxigraph")


def parse_endpoint(address: str, *, timeout: float | None = None) -> Endpoint:
    """Query and update URLs (and options) from a ``sparql+http(s)://`` address.

    Raises
    ------
    GraphFileError
        For an address that is not one, or an unknown option.

    >>> parse_endpoint("sparql+http://localhost")
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.GraphFileError: sparql+http://localhost: give the port: sparql+http://HOST:PORT[/PATH]
    """
    if not is_endpoint_url(address):
        raise GraphFileError("not a SPARQL endpoint address (sparql+http://HOST:PORT[/PATH])", address)
    parts = urllib.parse.urlsplit(address[len("sparql+"):])
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        raise GraphFileError("give the port: sparql+http://HOST:PORT[/PATH]", address)
    base = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/")
    query_url, update_url = (base + path, base + path) if path else (base + "/query", base + "/update")
    options = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    shared = None
    unknown = sorted(set(options) - {"update", "timeout", "shared"})
    if unknown:
        raise GraphFileError(f"unknown option {unknown[0]!r} (known: update, timeout, shared)", address)
    if "update" in options:
        given = options["update"]
        update_url = given if given.startswith(("http://", "https://")) else base + "/" + given.lstrip("/")
    if "timeout" in options:
        try:
            timeout = float(options["timeout"])
        except ValueError:
            raise GraphFileError(f"timeout must be a number of seconds, got {options['timeout']!r}", address) from None
    if timeout is not None and timeout <= 0:
        raise GraphFileError("timeout must be positive", address)
    if "shared" in options:
        shared = options["shared"] or None
    return Endpoint(query_url, update_url, timeout or DEFAULT_TIMEOUT, shared, "", address)


# ---------------------------------------------------------------------------- HTTP


class _Http:
    """POST a query or an update, with a timeout; every failure becomes one GraphFileError line."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint

    def _post(self, url: str, field: str, text: str, accept: str) -> tuple[bytes, dict]:
        form = {field: text}
        if field == "query" and self.endpoint.oxigraph:
            # the union of all graphs, also from a server started without --union-default-graph
            form["union-default-graph"] = ""
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(url, data=data, method="POST", headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
        where = self.endpoint.address or url
        try:
            with urllib.request.urlopen(request, timeout=self.endpoint.timeout) as resp:  # noqa: S310
                return resp.read(), dict(resp.headers)
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")
            detail = next((ln.strip() for ln in body.splitlines() if ln.strip()), exc.reason)
            if field == "update" and exc.code in (401, 403, 405):
                raise GraphFileError(f"the endpoint refuses updates (HTTP {exc.code}: {detail[:200]}); "
                                     "start it read-write or grant SPARQL_UPDATE", where) from None
            raise GraphFileError(f"the endpoint answered HTTP {exc.code}: {detail[:300]}", where) from None
        except (TimeoutError, socket.timeout):
            raise GraphFileError(f"the endpoint did not answer within {self.endpoint.timeout:g} s", where) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise GraphFileError(f"the endpoint did not answer within {self.endpoint.timeout:g} s",
                                     where) from None
            raise GraphFileError(f"cannot reach the SPARQL endpoint ({getattr(reason, 'strerror', None) or reason})",
                                 where) from None
        except (ConnectionError, OSError) as exc:
            raise GraphFileError(f"cannot reach the SPARQL endpoint ({exc})", where) from None

    def query(self, text: str) -> tuple[bytes, dict]:
        return self._post(self.endpoint.query_url, "query", text, "application/sparql-results+json")

    def select(self, text: str) -> list[dict]:
        """Rows of a SELECT as dicts of variable -> rdflib term."""
        body, _ = self.query(text)
        try:
            doc = json.loads(body)
        except ValueError:
            raise GraphFileError(f"the endpoint sent no JSON results: {body[:120]!r}", self.endpoint.address) from None
        return [{k: _term(v) for k, v in row.items()} for row in doc.get("results", {}).get("bindings", [])]

    def update(self, text: str) -> None:
        self._post(self.endpoint.update_url, "update", text, "*/*")


def _term(value: dict):
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang = value.get("xml:lang")
    datatype = value.get("datatype")
    if lang:
        return Literal(value["value"], lang=lang)
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


class _Store(SPARQLUpdateStore):
    """rdflib's SPARQLUpdateStore, talking HTTP through :class:`_Http` (timeouts, clear errors)."""

    def __init__(self, http: _Http):
        super().__init__(query_endpoint=http.endpoint.query_url, update_endpoint=http.endpoint.update_url,
                         returnFormat="json", method="POST_FORM", autocommit=True)
        self._http = http

    def _query(self, query: str, default_graph=None, **kwargs) -> Result:
        body, headers = self._http.query(query)
        ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "application/sparql-results+json")
        ctype = ctype.split(";")[0].strip()
        if ctype in ("text/turtle", "application/n-triples", "application/rdf+xml"):
            g = Graph()
            g.parse(data=body, format={"text/turtle": "turtle", "application/n-triples": "nt"}.get(ctype, "xml"))
            res = Result("CONSTRUCT")
            res.graph = g
            return res
        try:
            res = Result.parse(io.BytesIO(body), content_type=ctype)
        except ValueError:  # the Oxigraph server cuts a streamed answer at its --timeout-s, with status 200
            raise GraphFileError("the endpoint sent a truncated or malformed result (stopped by a server-side "
                                 "query timeout?)", self._http.endpoint.address) from None
        if res.type == "SELECT" and [str(v) for v in res.vars or ()] == ["__ASK_RETVAL"]:
            # Virtuoso answers ASK in JSON as a SELECT of ?__ASK_RETVAL: one row 1, or no row
            answer = any(int(row[0]) for row in res)
            res = Result("ASK")
            res.askAnswer = answer
        return res

    def _update(self, update: str) -> None:
        self._updates += 1
        self._http.update(update)


def _probe(http: _Http) -> Endpoint:
    _, headers = http.query("ASK {}")
    server = next((v for k, v in headers.items() if k.lower() == "server"), "")
    endpoint = replace(http.endpoint, server=server)
    if endpoint.virtuoso and endpoint.shared_graph is None:
        endpoint = replace(endpoint, shared_graph=str(SHARED_GRAPH))
    return endpoint


def is_endpoint(graph: object) -> bool:
    """Whether a graph lives on a SPARQL server (:class:`EndpointGraph`)."""
    return isinstance(graph, EndpointGraph)


def open_endpoint(address: str, *, read_only: bool = False, timeout: float | None = None) -> EndpointGraph:
    """Connect to a SPARQL endpoint (checking that it answers) and return its graph.

    Raises
    ------
    GraphFileError
        If the address is malformed or the server does not answer a query.
    """
    http = _Http(parse_endpoint(address, timeout=timeout))
    http.endpoint = _probe(http)
    graph = EndpointGraph(http, read_only=read_only)
    graph.check_union()
    return graph


def _values_rows(triples: list[tuple]) -> str:
    return " ".join(f"({sparql_term(s)} {sparql_term(p)} {sparql_term(o)})" for s, p, o in triples)


class EndpointGraph(Graph):
    """An rdflib Graph on a SPARQL server: reads are queries, writes are chunked updates.

    ``len``, iteration and :meth:`quads` cover quotegraph's data only (on Virtuoso, whose
    default graph also holds its system graphs: the ``qgid:graph/…`` graphs and the shared one).
    """

    def __init__(self, http: _Http, *, read_only: bool = False):
        super().__init__(store=_Store(http), identifier=BNode())
        self._http = http
        self.read_only = read_only
        self.backend = EndpointBackend(self)
        bind_prefixes(self)

    @property
    def endpoint(self) -> Endpoint:
        return self._http.endpoint

    def close(self) -> None:
        """Nothing stays open between requests; here for symmetry with the stores."""

    # ------------------------------------------------------------------ reading

    def _scope(self, var: str = "?g") -> str:
        if not self.endpoint.virtuoso:
            return ""
        shared = f" || {var} = <{self.endpoint.shared_graph}>" if self.endpoint.shared_graph else ""
        return f'FILTER(STRSTARTS(STR({var}), "{_GRAPHS}"){shared})'

    def check_union(self) -> None:
        """Raise the one-line :data:`NOT_UNION` error if queries would not see the named graphs.

        Cheap (one triple of one named graph is looked up in the default graph); on a server
        holding no named graph yet it passes, and :meth:`replace_articles` asks again after
        writing.
        """
        if self.select(_HIDDEN_TRIPLE):
            raise GraphFileError(NOT_UNION, self.endpoint.address)

    def select(self, text: str) -> list[dict]:
        """Rows of a SELECT query (JSON results) as dicts of variable name -> rdflib term."""
        return self._http.select(text)

    def _count(self, where: str) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"]) if rows else 0

    def __len__(self) -> int:
        if self.endpoint.virtuoso:
            return self._count(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._scope()} }}")
        return self._count("?s ?p ?o")

    def graph_names(self) -> list[str]:
        """The named graphs on the server (on Virtuoso: quotegraph's only)."""
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._scope()} }}")
        return [str(r["g"]) for r in rows]

    def _graph_rows(self, pattern: str) -> Iterator[dict]:
        """All ?s ?p ?o matching a pattern; on Virtuoso page by page, keyed on the subject.

        Virtuoso cuts results at ResultSetMaxRows (10,000 in Debian's ini) and refuses
        ORDER BY with OFFSET + LIMIT over 10,000 rows (SR353), so each page continues from the
        last subject seen instead of an offset; that subject is read again whole.
        """
        if not self.endpoint.virtuoso:
            yield from self.select(f"SELECT ?s ?p ?o WHERE {{ {pattern} }}")
            return
        start = None
        while True:
            after = "" if start is None else f"FILTER(STR(?s) >= {json.dumps(start)})"
            rows = self.select(f"SELECT ?s ?p ?o WHERE {{ {pattern} {after} }} ORDER BY STR(?s) LIMIT {_PAGE}")
            if len(rows) < _PAGE:
                yield from rows
                return
            last = str(rows[-1]["s"])
            if str(rows[0]["s"]) == last:
                raise GraphFileError(f"more than {_PAGE} triples about {last}: cannot page them", self.endpoint.address)
            yield from (r for r in rows if str(r["s"]) != last)
            start = last

    def quads(self) -> Iterator[tuple]:
        """Every (s, p, o, graph) of quotegraph's data; graph None is the default graph.

        On Virtuoso the shared graph comes back as the default graph, so a dump looks the
        same from every store.
        """
        shared = self.endpoint.shared_graph
        for name in self.graph_names():
            graph = None if name == shared else URIRef(name)
            for row in self._graph_rows(f"GRAPH <{name}> {{ ?s ?p ?o }}"):
                yield row["s"], row["p"], row["o"], graph
        if shared is None:  # triples of the default graph: in the union, but in no named graph
            for row in self._graph_rows("?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }"):
                yield row["s"], row["p"], row["o"], None

    def triples(self, triple):
        s, p, o = triple
        for qs, qp, qo, _ in self.quads():
            if (s is None or s == qs) and (p is None or p == qp) and (o is None or o == qo):
                yield qs, qp, qo

    # ------------------------------------------------------------------ writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise QuotegraphError(f"{self.endpoint.address}: opened read-only")

    def update(self, update_object, *args, **kwargs) -> None:
        """Send a SPARQL update text as it is (prefixes are the caller's business)."""
        self._check_writable()
        self._http.update(str(update_object))

    def _shared_block(self, triples: list[tuple]) -> str:
        body = "".join(nquads_line(*t) for t in triples)
        shared = self.endpoint.shared_graph
        return f"GRAPH <{shared}> {{ {body} }}" if shared else body

    def _insert(self, quads: Iterable[tuple]) -> None:
        """INSERT DATA in requests of at most CHUNK_TRIPLES triples, grouped by graph."""
        chunk: list[tuple] = []
        for quad in quads:
            chunk.append(quad)
            if len(chunk) >= CHUNK_TRIPLES:
                self._http.update(self._insert_text(chunk))
                chunk = []
        if chunk:
            self._http.update(self._insert_text(chunk))

    def _insert_text(self, chunk: list[tuple]) -> str:
        by_graph: dict = {}
        for s, p, o, g in chunk:
            by_graph.setdefault(g, []).append((s, p, o))
        blocks = []
        for g, triples in by_graph.items():
            if g is None:
                blocks.append(self._shared_block(triples))
            else:
                body = "".join(nquads_line(*t) for t in triples)
                blocks.append(f"GRAPH <{g}> {{ {body} }}")
        return "INSERT DATA { " + " ".join(blocks) + " }"

    def _existing_shared(self, triples: list[tuple]) -> int:
        found = 0
        shared = self.endpoint.shared_graph
        for i in range(0, len(triples), CHUNK_TRIPLES):
            rows = _values_rows(triples[i:i + CHUNK_TRIPLES])
            pattern = f"GRAPH <{shared}> {{ ?s ?p ?o }}" if shared else "?s ?p ?o"
            found += self._count(f"VALUES (?s ?p ?o) {{ {rows} }} {pattern}")
        return found

    def _graph_sizes(self, names: list[URIRef]) -> int:
        total = 0
        for i in range(0, len(names), CHUNK_TRIPLES):
            values = " ".join(f"<{n}>" for n in names[i:i + CHUNK_TRIPLES])
            total += self._count(f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}")
        return total

    def _drop(self, names: list[URIRef]) -> None:
        for i in range(0, len(names), CHUNK_TRIPLES):
            self._http.update(" ; ".join(f"DROP SILENT GRAPH <{n}>" for n in names[i:i + CHUNK_TRIPLES]))

    def replace_articles(self, results, *, batch_size: int = 20_000) -> int:
        """Write article results, each replacing its named graph; the net change in triples.

        See :func:`quotegraph.graph.store.add_results`.
        """
        self._check_writable()
        vocab = plain_vocabulary()
        added = len(vocab) - self._existing_shared(vocab)
        self._insert((s, p, o, None) for s, p, o in vocab)
        for batch in article_batches(results, batch_size):
            names = [graph_iri(article_id) for article_id in batch]
            quads = list(dict.fromkeys(q for qs in batch.values() for q in qs))
            shared = [(s, p, o) for s, p, o, g in quads if g is None]
            before = self._graph_sizes(names)
            new_shared = len(shared) - self._existing_shared(shared)
            self._drop(names)
            self._insert(quads)
            added += len(quads) - len(shared) - before + new_shared
            added -= self.keep_one_type({s for s, p, _ in shared if p == _RDF_TYPE})
        self.check_union()  # a server empty when opened could not be checked then
        return added

    def keep_one_type(self, entities: Iterable[str] | None = None) -> int:
        """Leave each of these entities (None: every entity) one ``rdf:type``, the rule's; triples removed.

        The types are read from the shared graph (the default graph, or Virtuoso's
        :data:`SHARED_GRAPH`) and the others deleted with ``DELETE DATA``, in requests of at
        most :data:`CHUNK_TRIPLES` entities or triples.
        """
        self._check_writable()
        shared = self.endpoint.shared_graph
        pattern = f"GRAPH <{shared}> {{ ?s a ?o }}" if shared else "?s a ?o"
        if entities is None:
            entity_ns = json.dumps(str(ENTITY))
            rows = list(self._graph_rows(f"{pattern} FILTER(isIRI(?o) && STRSTARTS(STR(?s), {entity_ns}))"))
        else:
            names = sorted(e for e in entities if is_entity(e))
            rows = []
            for i in range(0, len(names), CHUNK_TRIPLES):
                values = " ".join(f"<{n}>" for n in names[i:i + CHUNK_TRIPLES])
                rows += self.select(f"SELECT ?s ?o WHERE {{ VALUES ?s {{ {values} }} {pattern} FILTER(isIRI(?o)) }}")
        losing = losing_types((str(r["s"]), str(r["o"])) for r in rows)
        for i in range(0, len(losing), CHUNK_TRIPLES):
            body = "".join(nquads_line(str(s), _RDF_TYPE, str(o)) for s, o in losing[i:i + CHUNK_TRIPLES])
            self._http.update(f"DELETE DATA {{ GRAPH <{shared}> {{ {body} }} }}" if shared else
                              f"DELETE DATA {{ {body} }}")
        return len(losing)

    def remove_articles(self, article_ids: list[str], *, prune: bool = False) -> int:
        """Drop the articles' named graphs (and unused entity triples with ``prune``); triples removed."""
        self._check_writable()
        names = [graph_iri(a) for a in article_ids]
        removed = self._graph_sizes(names)
        self._drop(names)
        if prune:
            shared = self.endpoint.shared_graph
            where = f"GRAPH <{shared}> {{ ?s ?p ?o }}" if shared else \
                "?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }"
            before = self._count(where)
            self._http.update(prune_update(shared))
            removed += before - self._count(where)
        return removed


class EndpointBackend(Backend):
    """A SPARQL server under an :class:`EndpointGraph`: writes are chunked updates, reads are
    queries, and a dump reads the server's data into an in-memory Oxigraph store first."""

    def __init__(self, graph: EndpointGraph):
        self.graph = graph

    def replace_articles(self, results, batch_size):
        return self.graph.replace_articles(results, batch_size=batch_size)

    def keep_one_type(self, entities=None):
        return self.graph.keep_one_type(entities)

    def remove_articles(self, article_ids, prune):
        return self.graph.remove_articles(article_ids, prune=prune)

    def graph_names(self):
        return self.graph.graph_names()

    @property
    def shared_graph(self) -> str | None:
        """Where the default graph's triples live on this server (Virtuoso: a named graph)."""
        return self.graph.endpoint.shared_graph

    def query(self, text, bindings):
        if bindings:  # rdflib's initBindings would become a trailing VALUES, unbound inside FILTERs
            text = inline_values(text, bindings)
        return result_rows(self.graph.query(text))

    def update(self, text):
        self.graph.update(text)

    def triple_count(self):
        return len(self.graph)

    def union_triples(self):
        return self._copy().union_triples()

    def dump(self, out, format, prefixes):
        self._copy().dump(out, format, prefixes)

    def close(self):
        self.graph.close()

    def _copy(self) -> OxigraphBackend:
        """quotegraph's data on the server in an in-memory Oxigraph store, graph by graph."""
        quads = (ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph() if g is None else ox.NamedNode(g))
                 for s, p, o, g in self.graph.quads())
        store = ox.Store()
        store.extend(quads)
        return OxigraphBackend(store)
