"""Running SPARQL on the knowledge graph: prefixes for free, safe parameters, canned example queries.

Queries run on the graph's backend (:func:`quotegraph.graph.store.backend_of`): Oxigraph's
engine for an Oxigraph-backed graph (the default), the server for an endpoint, rdflib's own
engine for a plain ``rdflib.Graph``. Reading the query text is :mod:`~quotegraph.graph.sparql`,
results and their formats are :mod:`~quotegraph.graph.results`, the canned queries
:mod:`~quotegraph.graph.examples`; their names are importable from here too.
Every prefix of :data:`~quotegraph.graph.namespaces.PREFIXES` is pre-declared; parameters are
bound as RDF terms (``initBindings``), never pasted into the query text; an update runs only
when asked for.

Examples
--------
>>> from quotegraph.graph.store import open_graph
>>> from rdflib import URIRef, Literal
>>> g = open_graph()
>>> _ = g.add((URIRef("https://w3id.org/quotegraph/id/entity/weber"), SDO.name, Literal("Weber")))
>>> r = run_query(g, "SELECT ?e ?name WHERE { ?e schema:name ?name }", params={"name": "Weber"})
>>> r.columns, r.rows[0][0]
(['e', 'name'], rdflib.term.URIRef('https://w3id.org/quotegraph/id/entity/weber'))
>>> print(r.to_csv(), end="")
e,name
https://w3id.org/quotegraph/id/entity/weber,Weber
>>> run_query(g, "DELETE WHERE { ?s ?p ?o }")
Traceback (most recent call last):
...
quotegraph.graph.errors.QueryError: this is a SPARQL update, which changes the graph; it runs only when allowed (--update)
"""

from __future__ import annotations

import re
import threading

from rdflib import Graph, Literal

from .errors import QueryError, QuotegraphError

from .examples import QUERY_DIR, ExampleQuery, example_queries, example_query
from .namespaces import SDO
# the CLI prints a result's rich table itself (quotegraph/cli/query.py)
from .results import FORMATS, QueryResult, format_result, shorten  # noqa: F401
from .sparql import (declared_prefixes, param_bindings, parse_param, query_kind, star_order, syntax_error_line,
                     with_prefixes)
from .sparql_checks import check_allow_list, check_query
from .rdflib_backend import RdflibBackend
from .store import backend_of

__all__ = [
    "QUERY_DIR",
    "FORMATS",
    "QueryResult",
    "ExampleQuery",
    "run_query",
    "run_example",
    "example_queries",
    "example_query",
    "query_kind",
    "with_prefixes",
    "declared_prefixes",
    "parse_param",
    "format_result",
    "shorten",
]


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _syntax_error(exc: SyntaxError, sparql: str, head_len: int) -> QueryError:
    msg = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    return QueryError(syntax_error_line(msg, sparql, head_len))


def _interruptible(func, *args):
    """``func(*args)`` in a worker thread, so Ctrl-C stops the wait at once.

    Oxigraph's engine runs in native code without looking at signals: in the main thread a
    Ctrl-C would wait for the query to end. Here the main thread only waits, and a
    KeyboardInterrupt leaves the worker (a daemon, which the engine lets go of the GIL in) to
    die with the process.
    """
    outcome: dict = {}

    def work():
        try:
            outcome["value"] = func(*args)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="quotegraph-query", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _in_star_order(sparql: str, columns: list[str], rows: list) -> tuple[list[str], list]:
    """``SELECT *`` columns in the order the query names its variables (rows to match)."""
    order = star_order(sparql)
    if not order or len(columns) < 2:
        return columns, rows
    wanted = sorted(range(len(columns)),
                    key=lambda i: order.index(columns[i]) if columns[i] in order else len(order) + i)
    if wanted == list(range(len(columns))):
        return columns, rows
    return [columns[i] for i in wanted], [tuple(row[i] for i in wanted) for row in rows]


def run_query(graph: Graph, sparql: str, *, params: dict[str, str] | None = None,
              allow_update: bool = False, allow_service: list[str] | None = None) -> QueryResult:
    """Run a SPARQL query (or, if allowed, an update) on a graph.

    Parameters
    ----------
    graph : rdflib.Graph or Backend
        Oxigraph-backed (fast, standard-conformant) or a plain rdflib Graph; or a store
        (:func:`~quotegraph.graph.store.open_store`).
    sparql : str
        The query. Every prefix of ``PREFIXES`` is available without declaring it; a prefix the
        query declares itself wins.
    params : dict, optional
        Variable name -> value, bound before the query runs (``initBindings``; the text is never
        edited). Values are read by :func:`parse_param`: plain strings are string literals,
        ``<…>`` and known ``prefix:name`` are IRIs. Oxigraph binds a variable everywhere in the
        query (SEP-0007) and wants it among the selected variables.
    allow_update : bool
        Run a SPARQL Update (INSERT, DELETE, LOAD …). Refused by default.
    allow_service : list of str, optional
        URL prefixes (``https://host/``) that ``SERVICE`` (and ``LOAD``) may call; by default
        none: a federated query is refused before anything is sent.

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        Syntax errors (one line, with line and column), an update that is not allowed, a
        parameter the query has no variable for, a read-only store asked to change, a query
        nested too deeply (:data:`~quotegraph.graph.sparql_checks.MAX_DEPTH`), a SERVICE not
        allowed.

    ``SELECT *`` gives its columns in the order the query names the variables. The query runs
    in a worker thread, so Ctrl-C (KeyboardInterrupt) stops the wait at once.
    """
    kind = query_kind(sparql)
    if kind == "update" and not allow_update:
        raise QueryError("this is a SPARQL update, which changes the graph; it runs only when allowed (--update)")
    backend = backend_of(graph)
    # rdflib's engine fetches the graphs a query names in FROM from the web: those count as calls
    check_query(sparql, allow_service=check_allow_list(allow_service),
                fetches_from=isinstance(backend, RdflibBackend))
    text = with_prefixes(sparql)
    head_len = len(text) - len(sparql)
    if kind == "update":
        if params:
            raise QueryError("parameters cannot be bound in an update; write the values into it")
        before = backend.triple_count()
        try:
            _interruptible(backend.update, text)
        except QuotegraphError:
            raise
        except SyntaxError as exc:
            raise _syntax_error(exc, sparql, head_len) from None
        except (OSError, RuntimeError) as exc:
            msg = _one_line(exc)
            if "read-write" in msg or "read-only" in msg.lower():
                msg = "the store is open read-only"
            raise QueryError(f"update failed: {msg}") from None
        except Exception as exc:  # rdflib's engine: pyparsing and plain Exceptions
            raise QueryError(f"update failed: {_one_line(exc)}") from None
        return QueryResult(["triples_before", "triples_after"], [(Literal(before), Literal(backend.triple_count()))],
                           "update")

    bindings = param_bindings(sparql, params)
    try:
        columns, rows = _interruptible(backend.query, text, bindings)
    except SyntaxError as exc:  # Oxigraph's parser
        raise _syntax_error(exc, sparql, head_len) from None
    except QuotegraphError:
        raise
    except Exception as exc:
        if type(exc).__name__ in ("ParseException", "ParseSyntaxException"):  # rdflib's parser (pyparsing)
            raise QueryError(f"SPARQL syntax error: {_one_line(exc)}") from None
        m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(exc))
        if m:
            raise QueryError(f"a parameter must be one of the selected variables: add ?{m.group(1)} "
                             "to the SELECT list (or use SELECT *)") from None
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    if kind == "select":
        columns, rows = _in_star_order(sparql, columns, rows)
    result = QueryResult(columns, rows, kind)
    if not rows and "http://schema.org/" in sparql:
        result.warnings.append(
            "no rows; note that quotegraph writes schema.org as https://schema.org/ (the schema: "
            "prefix), not http://schema.org/")
    return result


def run_example(graph: Graph, name: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a canned query, checking that its parameters, and only those, are given.

    >>> from quotegraph.graph.store import open_graph
    >>> run_example(open_graph(), "quotes-about")
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.QueryError: example 'quotes-about' needs --param entity=… (name or alias of a person or organisation, any case (e.g. "Anton Weber"))
    """
    example = example_query(name)
    params = dict(params or {})
    for p, desc in example.params.items():
        if p not in params:
            raise QueryError(f"example {name!r} needs --param {p}=… ({desc})")
    unknown = sorted(set(params) - set(example.params))
    if unknown:
        known = ", ".join(example.params) or "none"
        raise QueryError(f"example {name!r} takes no parameter {', '.join(unknown)} (it takes: {known})")
    return run_query(graph, example.text, params=params)


# keep SDO importable from here for doctests and users writing queries in Python
_ = SDO
