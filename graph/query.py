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

from rdflib import Graph, Literal

from .errors import QueryError, QuotegraphError

from .examples import QUERY_DIR, ExampleQuery, example_queries, example_query
from .namespaces import SDO
# the CLI prints a result's rich table itself (quotegraph/cli/query.py)
from .results import FORMATS, QueryResult, format_result, shorten  # noqa: F401
from .sparql import declared_prefixes, param_bindings, parse_param, query_kind, with_prefixes
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


def _syntax_error(exc: SyntaxError, head_len: int) -> QueryError:
    msg = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    # Oxigraph: "error at 1:26: expected ..."; the prepended prefixes sit on line 1
    m = re.match(r"error at (\d+):(\d+): (.*)", msg, re.S)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        if line == 1:
            col = max(1, col - head_len)
        msg = f"line {line}, column {col}: {m.group(3)}"
    return QueryError(f"SPARQL syntax error: {' '.join(msg.split())}")


def run_query(graph: Graph, sparql: str, *, params: dict[str, str] | None = None,
              allow_update: bool = False) -> QueryResult:
    """Run a SPARQL query (or, if allowed, an update) on a graph.

    Parameters
    ----------
    graph : rdflib.Graph
        Oxigraph-backed (fast, standard-conformant) or a plain rdflib Graph.
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

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        Syntax errors (one line, with line and column), an update that is not allowed, a
        parameter the query has no variable for, a read-only store asked to change.
    """
    kind = query_kind(sparql)
    text = with_prefixes(sparql)
    head_len = len(text) - len(sparql)
    backend = backend_of(graph)
    if kind == "update":
        if not allow_update:
            raise QueryError(
                "this is a SPARQL update, which changes the graph; it runs only when allowed (--update)")
        if params:
            raise QueryError("parameters cannot be bound in an update; write the values into it")
        before = len(graph)
        try:
            backend.update(text)
        except QuotegraphError:
            raise
        except SyntaxError as exc:
            raise _syntax_error(exc, head_len) from None
        except (OSError, RuntimeError) as exc:
            msg = _one_line(exc)
            if "read-write" in msg or "read-only" in msg.lower():
                msg = "the store is open read-only"
            raise QueryError(f"update failed: {msg}") from None
        except Exception as exc:  # rdflib's engine: pyparsing and plain Exceptions
            raise QueryError(f"update failed: {_one_line(exc)}") from None
        return QueryResult(["triples_before", "triples_after"], [(Literal(before), Literal(len(graph)))], "update")

    bindings = param_bindings(sparql, params)
    try:
        columns, rows = backend.query(text, bindings)
    except SyntaxError as exc:  # Oxigraph's parser
        raise _syntax_error(exc, head_len) from None
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
