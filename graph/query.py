"""SPARQL over the knowledge graph: prefixes for free, safe parameters, canned example queries.

Queries run on Oxigraph's engine when the graph is Oxigraph-backed (the default, see
:mod:`quotegraph.graph.store`) and on rdflib's own engine for a plain ``rdflib.Graph``.
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
quotegraph.errors.QueryError: this is a SPARQL update, which changes the graph; it runs only when allowed (--update)
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.util import from_n3

from quotegraph.errors import QueryError, QuotegraphError

from .namespaces import PREFIXES, SDO
from .endpoint import is_endpoint, sparql_term
from .store import is_oxigraph, oxigraph_store

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

#: Where the canned queries live (shipped as package data).
QUERY_DIR = Path(__file__).parent / "queries"
#: Output formats of :func:`format_result`.
FORMATS = ("table", "csv", "json")

# strings, IRIs and comments, in one left-to-right scan, so a '#' or a keyword inside a
# string or an IRI is never taken for a comment or a keyword
_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.S,
)
_FORM = re.compile(
    r"(?<![\w:?$])(SELECT|CONSTRUCT|DESCRIBE|ASK|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b(?!:)",
    re.I,
)
_PREFIX_DECL = re.compile(r"(?<![\w:?$])PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.I)
_VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _code_only(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out."""
    return _SKIP.sub(lambda m: " " if not m.group(0).startswith("<") else "<>", sparql)


def query_kind(sparql: str) -> str:
    """``select``, ``ask``, ``construct``, ``describe`` or ``update``, read from the query form.

    >>> query_kind("PREFIX add: <urn:x#> SELECT * WHERE { ?s add:p 'DELETE' } # INSERT")
    'select'
    >>> query_kind("# remove everything\\nDELETE WHERE { ?s ?p ?o }")
    'update'
    >>> query_kind("hello")
    Traceback (most recent call last):
    ...
    quotegraph.errors.QueryError: not a SPARQL query: no SELECT, ASK, CONSTRUCT, DESCRIBE or update keyword found
    """
    match = _FORM.search(_code_only(sparql))
    if not match:
        raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT, DESCRIBE or update keyword found")
    form = match.group(1).upper()
    return form.lower() if form in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK") else "update"


def declared_prefixes(sparql: str) -> set[str]:
    """The prefixes a query declares itself.

    >>> sorted(declared_prefixes('PREFIX schema: <http://schema.org/>\\nprefix : <urn:x#> SELECT * {}'))
    ['', 'schema']
    """
    return {m.group(1) or "" for m in _PREFIX_DECL.finditer(_code_only(sparql))}


def with_prefixes(sparql: str, prefixes: dict | None = None) -> str:
    """The query with PREFIX declarations prepended for every known prefix it does not declare.

    They go on the query's first line, so line numbers in error messages stay right; the query
    text is self-contained, ready for any SPARQL endpoint.

    >>> q = with_prefixes("SELECT * WHERE { ?s a schema:Person }", {"schema": "https://schema.org/"})
    >>> q
    'PREFIX schema: <https://schema.org/> SELECT * WHERE { ?s a schema:Person }'
    >>> with_prefixes(q, {"schema": "https://schema.org/"}) == q
    True
    """
    prefixes = PREFIXES if prefixes is None else prefixes
    declared = declared_prefixes(sparql)
    head = "".join(f"PREFIX {p}: <{ns}> " for p, ns in prefixes.items() if p not in declared)
    return head + sparql


def parse_param(value: str, prefixes: dict | None = None) -> URIRef | Literal:
    """An RDF term from a ``--param`` value.

    ``<...>`` is an IRI; a prefixed name with a known prefix (``qgid:entity/anton-weber``) is
    an IRI; a Turtle literal (``"Weber"@de``, ``"3"^^xsd:integer``) is that literal; anything
    else is a plain string.

    >>> parse_param("Anton Weber")
    rdflib.term.Literal('Anton Weber')
    >>> parse_param("<https://example.org/x>")
    rdflib.term.URIRef('https://example.org/x')
    >>> parse_param("schema:Person")
    rdflib.term.URIRef('https://schema.org/Person')
    >>> parse_param('"3"^^xsd:integer')
    rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    prefixes = PREFIXES if prefixes is None else prefixes
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
        if not iri or re.search(r"[\s<>\"{}|^`\\]", iri):
            raise QueryError(f"not a valid IRI: {value}")
        return URIRef(iri)
    if text.startswith(('"', "'")):
        try:
            from rdflib.namespace import NamespaceManager

            nsm = NamespaceManager(Graph(bind_namespaces="none"))
            for p, ns in prefixes.items():
                nsm.bind(p, ns)
            term = from_n3(text, nsm=nsm)
        except Exception as exc:  # rdflib raises several kinds here
            raise QueryError(f"not a valid literal: {value} ({exc})") from None
        if not isinstance(term, Literal):
            raise QueryError(f"not a valid literal: {value}")
        return term
    prefix, colon, local = text.partition(":")
    if colon and prefix in prefixes and re.fullmatch(r"[^\s<>\"{}|^`\\]*", local):
        return URIRef(f"{prefixes[prefix]}{local}")
    return Literal(value)


def _bindings(sparql: str, params: dict[str, str] | None) -> dict[Variable, URIRef | Literal]:
    out = {}
    code = _code_only(sparql)
    for name, value in (params or {}).items():
        var = name.lstrip("?$")
        if not _VAR_NAME.match(var):
            raise QueryError(f"not a valid parameter name: {name!r}")
        if not re.search(rf"[?$]{var}\b", code):
            raise QueryError(f"the query has no variable ?{var} to bind")
        out[Variable(var)] = value if isinstance(value, (URIRef, Literal)) else parse_param(str(value))
    return out


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


_TERM_KINDS = (URIRef, Literal, BNode)


@dataclass
class QueryResult:
    """The answer to a query: column names and rows of rdflib terms (None where unbound).

    ``kind`` is ``select``, ``ask`` (one column ``answer``), ``construct``/``describe`` (columns
    ``subject``, ``predicate``, ``object``) or ``update`` (columns ``triples_before``,
    ``triples_after``). ``warnings`` carries hints, e.g. about a ``schema:`` mismatch.
    """

    columns: list[str]
    rows: list[tuple]
    kind: str = "select"
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict]:
        """Rows as dicts of plain Python values (IRIs as strings, numbers as numbers)."""
        return [{c: _py(v) for c, v in zip(self.columns, row)} for row in self.rows]

    def to_table(self, *, width: int | None = None, prefixes: dict | None = None) -> str:
        """A text table, IRIs shortened with the prefixes (see :func:`format_result`)."""
        return format_result(self, "table", width=width, prefixes=prefixes)

    def to_csv(self) -> str:
        """CSV with a header row; IRIs in full, literals as their text."""
        return format_result(self, "csv")

    def to_json(self) -> str:
        """A JSON array of objects, one per row."""
        return format_result(self, "json")


def _py(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return float(value)
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def shorten(term, prefixes: dict | None = None) -> str:
    """A term as a person reads it: ``prefix:local`` for known IRIs, a literal's text.

    >>> shorten(URIRef("https://schema.org/Person")), shorten(Literal("Weber")), shorten(None)
    ('schema:Person', 'Weber', '')
    >>> shorten(URIRef("https://w3id.org/quotegraph/id/article/de1#char=9,36"))
    'qgid:article/de1#char=9,36'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        prefixes = PREFIXES if prefixes is None else prefixes
        best = ""
        for p, ns in prefixes.items():
            ns = str(ns)
            if term.startswith(ns) and len(ns) > len(best):
                best, name = ns, p
        if best and len(term) > len(best):
            return f"{name}:{term[len(best):]}"
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _rich_table(result: QueryResult, prefixes: dict | None):
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in result.columns:
        table.add_column(col, overflow="fold")
    for row in result.rows:
        table.add_row(*(shorten(v, prefixes) for v in row))
    return table


def format_result(result: QueryResult, fmt: str = "table", *, width: int | None = None,
                  prefixes: dict | None = None) -> str:
    """Render a result as ``table`` (rich, IRIs shortened), ``csv`` or ``json``.

    >>> r = QueryResult(["speaker", "quotes"], [(URIRef("https://w3id.org/quotegraph/id/entity/weber"), Literal(2))])
    >>> print(format_result(r, "json"))
    [
      {
        "speaker": "https://w3id.org/quotegraph/id/entity/weber",
        "quotes": 2
      }
    ]
    >>> print(format_result(r, "table", width=40).strip())
    ┏━━━━━━━━━━━━━━┳━━━━━━━━┓
    ┃ speaker      ┃ quotes ┃
    ┡━━━━━━━━━━━━━━╇━━━━━━━━┩
    │ entity:weber │ 2      │
    └──────────────┴────────┘
    """
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if v is None else (f"_:{v}" if isinstance(v, BNode) else str(v)) for v in row])
        return buf.getvalue()
    if fmt == "table":
        from rich.console import Console

        buf = io.StringIO()
        console = Console(file=buf, width=width or 120, color_system=None, force_terminal=False,
                          legacy_windows=False, emoji=False, highlight=False, markup=False)
        console.print(_rich_table(result, prefixes))
        return buf.getvalue()
    raise QueryError(f"unknown output format {fmt!r} (use one of {', '.join(FORMATS)})")


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
    oxigraph = is_oxigraph(graph)
    if kind == "update":
        if not allow_update:
            raise QueryError(
                "this is a SPARQL update, which changes the graph; it runs only when allowed (--update)")
        if params:
            raise QueryError("parameters cannot be bound in an update; write the values into it")
        before = len(graph)
        try:
            if oxigraph:  # straight to pyoxigraph: oxrdflib refuses updates on a union graph
                oxigraph_store(graph).update(text)
            else:
                graph.update(text)
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

    bindings = _bindings(sparql, params)
    if is_endpoint(graph) and bindings:
        text, bindings = _inline_values(text, bindings), {}
    try:
        if oxigraph:
            columns, rows = _ox_select(graph, text, bindings)
            res = None
        else:
            res = graph.query(text, initBindings=bindings)
        if res is None:
            pass
        elif res.type == "ASK":
            columns, rows = ["answer"], [(Literal(bool(res.askAnswer)),)]
        elif res.type == "SELECT":
            columns = [str(v) for v in res.vars]
            rows = [tuple(row) for row in res]
        else:
            columns, rows = ["subject", "predicate", "object"], [tuple(t) for t in res.graph]
    except SyntaxError as exc:
        raise _syntax_error(exc, head_len) from None
    except QuotegraphError:
        raise
    except Exception as exc:
        if not oxigraph and type(exc).__name__ in ("ParseException", "ParseSyntaxException"):
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


def _code_mask(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out, every position kept."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), sparql)


def _inline_values(text: str, bindings: dict) -> str:
    """Bind variables for a remote endpoint: a VALUES block opening the WHERE group.

    The values are RDF terms written by pyoxigraph's N-Triples writer (every quote, backslash
    and line break escaped), so a value can never change the query. Unlike rdflib's trailing
    VALUES, a variable bound here is visible to FILTERs, as with Oxigraph's substitutions.

    >>> print(_inline_values('SELECT ?n WHERE { ?s <urn:n> ?n FILTER(?n = ?who) }', {Variable("who"): Literal('"x" }')}))
    SELECT ?n WHERE { VALUES ?who { "\\"x\\" }" } ?s <urn:n> ?n FILTER(?n = ?who) }
    """
    mask = _code_mask(text)
    m = re.search(r"\bWHERE\s*\{", mask, re.I) or re.search(r"\{", mask)
    if not m:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    at = m.end()
    names = list(bindings)
    if len(names) == 1:
        block = f" VALUES ?{names[0]} {{ {sparql_term(bindings[names[0]])} }}"
    else:
        block = (f" VALUES ({' '.join('?' + str(n) for n in names)}) "
                 f"{{ ({' '.join(sparql_term(bindings[n]) for n in names)}) }}")
    return text[:at] + block + text[at:]


def _ox_select(graph: Graph, text: str, bindings: dict) -> tuple[list[str], list[tuple]]:
    """Run on pyoxigraph directly: oxrdflib builds a fresh rdflib term (slow) for every cell;
    here each distinct term is converted once, and xsd:string literals come back plain, as from
    rdflib's engine."""
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox

    store = oxigraph_store(graph)
    # the union of the default graph and every article's named graph, as the servers show it
    result = store.query(text, substitutions={ox.Variable(str(k)): to_ox(v) for k, v in bindings.items()},
                         use_default_graph_as_union=True)
    cache: dict = {}

    def conv(term):
        if term is None:
            return None
        try:
            return cache[term]
        except KeyError:
            pass
        if isinstance(term, ox.NamedNode):
            out = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            out = BNode(term.value)
        elif isinstance(term, ox.Literal):
            if term.language:
                out = Literal(term.value, lang=term.language)
            elif term.datatype.value == _XSD_STRING:
                out = Literal(term.value)
            else:
                out = Literal(term.value, datatype=URIRef(term.datatype.value))
        else:  # an RDF-star triple term
            out = Literal(str(term))
        cache[term] = out
        return out

    if isinstance(result, ox.QueryBoolean):
        return ["answer"], [(Literal(bool(result)),)]
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        return columns, [tuple(conv(v) for v in solution) for solution in result]
    return ["subject", "predicate", "object"], [(conv(t.subject), conv(t.predicate), conv(t.object)) for t in result]


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class ExampleQuery:
    """A canned query from ``graph/queries/NAME.rq`` and what its header comment says."""

    name: str
    purpose: str
    params: dict[str, str]  # parameter name (no '?') -> what to pass
    columns: tuple[str, ...]
    text: str
    path: Path

    def help(self) -> str:
        """A few lines for ``--list-examples``."""
        lines = [f"{self.name}: {self.purpose}"]
        for name, desc in self.params.items():
            lines.append(f"    --param {name}=…   {desc}")
        lines.append(f"    columns: {', '.join(self.columns)}")
        return "\n".join(lines)


def _parse_header(name: str, text: str, path: Path) -> ExampleQuery:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        m = re.match(r"(Purpose|Parameters|Columns):\s*(.*)", body)
        if m:
            current = m.group(1).lower()
            sections[current] = [m.group(2)] if m.group(2) else []
        elif not body:
            current = None  # a blank comment line ends a section
        elif current:
            sections[current].append(body)
    if "purpose" not in sections or "columns" not in sections:
        raise QueryError(f"{path}: the header comment needs 'Purpose:' and 'Columns:' lines")
    params = {}
    for entry in sections.get("parameters", []):
        m = re.match(r"\?(\w+)\s+(.*)", entry)
        if m:
            params[m.group(1)] = m.group(2).strip()
        elif entry.lower() not in ("none", "(none)", "-"):
            raise QueryError(f"{path}: cannot read parameter line {entry!r} (want '?name  what it is')")
    columns = tuple(c.strip() for c in " ".join(sections["columns"]).split(",") if c.strip())
    return ExampleQuery(name, " ".join(sections["purpose"]), params, columns, text, path)


def example_queries() -> dict[str, ExampleQuery]:
    """The canned queries shipped in ``quotegraph/graph/queries/``, by name, sorted.

    >>> sorted(example_queries())  # doctest: +NORMALIZE_WHITESPACE
    ['cue-lemmas', 'quotes-about', 'quotes-by', 'relay-chains', 'reported-by', 'speakers-by-count',
     'who-said-what']
    >>> example_queries()["quotes-about"].params
    {'entity': 'name or alias of a person or organisation, any case (e.g. "Anton Weber")'}
    """
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        out[path.stem] = _parse_header(path.stem, path.read_text(encoding="utf-8"), path)
    return out


def example_query(name: str) -> ExampleQuery:
    """One canned query by name; an unknown name raises QueryError listing the known ones."""
    examples = example_queries()
    try:
        return examples[name]
    except KeyError:
        raise QueryError(f"no example query {name!r} (known: {', '.join(examples)})") from None


def run_example(graph: Graph, name: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a canned query, checking that its parameters, and only those, are given.

    >>> from quotegraph.graph.store import open_graph
    >>> run_example(open_graph(), "quotes-about")
    Traceback (most recent call last):
    ...
    quotegraph.errors.QueryError: example 'quotes-about' needs --param entity=… (name or alias of a person or organisation, any case (e.g. "Anton Weber"))
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
