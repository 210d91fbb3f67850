"""SPARQL text: what kind of query it is, its prefixes, parameters as RDF terms, VALUES blocks.

Read with a scanner that skips strings, IRIs and comments, so a ``#`` or a keyword inside a
string is never taken for a comment or a keyword. Nothing here runs a query (see
:mod:`quotegraph.graph.query`).

Examples
--------
>>> query_kind("ASK { ?s ?p ?o }"), with_prefixes("SELECT * { ?s a qg:Report }", {"qg": "urn:qg#"})
('ask', 'PREFIX qg: <urn:qg#> SELECT * { ?s a qg:Report }')
"""

from __future__ import annotations

import json
import re

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import NamespaceManager
from rdflib.util import from_n3

from .errors import QueryError

from .namespaces import ENTITY, PREFIXES, QG, SDO
from .terms import sparql_term

__all__ = [
    "query_kind",
    "declared_prefixes",
    "with_prefixes",
    "parse_param",
    "param_bindings",
    "inline_values",
    "prune_update",
    "syntax_error_line",
    "star_order",
]

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
    quotegraph.graph.errors.QueryError: not a SPARQL query: no SELECT, ASK, CONSTRUCT, DESCRIBE or update keyword found
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


def param_bindings(sparql: str, params: dict[str, str] | None) -> dict[Variable, URIRef | Literal]:
    """Query parameters as bindings of the query's variables (values read by :func:`parse_param`).

    >>> param_bindings("SELECT ?e WHERE { ?e schema:name ?name }", {"name": "Weber"})
    {rdflib.term.Variable('name'): rdflib.term.Literal('Weber')}
    >>> param_bindings("SELECT ?e WHERE { ?e ?p ?o }", {"who": "Weber"})
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.QueryError: the query has no variable ?who to bind
    """
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


def _code_mask(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out, every position kept."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), sparql)


def inline_values(text: str, bindings: dict) -> str:
    """Bind variables for a remote endpoint: a VALUES block opening the WHERE group.

    The values are RDF terms written by pyoxigraph's N-Triples writer (every quote, backslash
    and line break escaped), so a value can never change the query. Unlike rdflib's trailing
    VALUES, a variable bound here is visible to FILTERs, as with Oxigraph's substitutions.

    >>> print(inline_values('SELECT ?n WHERE { ?s <urn:n> ?n FILTER(?n = ?who) }', {Variable("who"): Literal('"x" }')}))
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


def _expected(what: str) -> str:
    """Oxigraph's list of expected tokens, without its character classes, at most six."""
    what = " ".join(what.split())
    body = re.sub(r"^expected (one of )?", "", what)
    if body == what:
        return what
    items = [i for i in re.split(r",\s*(?=[\"'\w\[])", body) if i and not i.startswith("[")]
    if not items:
        return "unexpected text"
    return "expected " + ", ".join(items[:6]) + (", …" if len(items) > 6 else "")


def syntax_error_line(message: str, sparql: str, head_len: int = 0) -> str:
    """One short line from Oxigraph's parser error: where, and what it expected.

    ``head_len``: characters of PREFIX declarations put before the query on its first line
    (:func:`with_prefixes`), taken off the column. A prefix the query does not declare is
    named; the parser's character classes (a screen of Unicode ranges) are left out.

    >>> syntax_error_line("error at 1:35: expected one of HAVING, OFFSET, OPTIONAL, VALUES",
    ...                   "SELECT * WHERE { ?s ?p ?o } LIMT 5")
    'SPARQL syntax error: line 1, column 35: expected HAVING, OFFSET, OPTIONAL, VALUES'
    >>> syntax_error_line("error at 1:25: expected one of Prefix not found, ['%'], ['-' | '0' ..= '9']",
    ...                   "SELECT * WHERE { ?s ex:name ?o }")
    'SPARQL syntax error: line 1, column 25: unknown prefix ex: (declare it: PREFIX ex: <…>)'
    """
    m = re.match(r"\s*error at (\d+):(\d+): (.*)", message, re.S)
    if not m:
        return f"SPARQL syntax error: {_expected(message)}"
    line, col = int(m.group(1)), int(m.group(2))
    if line == 1:
        col = max(1, col - head_len)
    what = m.group(3)
    if "Prefix not found" in what:
        lines = sparql.splitlines() or [""]
        before = _code_mask(lines[min(line, len(lines)) - 1])[:col]
        names = re.findall(r"(?<![\w:?$<])([A-Za-z][\w.-]*)?:", before)
        prefix = names[-1] if names else ""
        what = f"unknown prefix {prefix}: (declare it: PREFIX {prefix}: <…>)"
    else:
        what = _expected(what)
    return f"SPARQL syntax error: line {line}, column {col}: {what}"


def star_order(sparql: str) -> list[str] | None:
    """For a ``SELECT *`` query, its variables in the order they first appear; else None.

    SPARQL's ``SELECT *`` selects the variables in scope; Oxigraph lists them in its own order
    (``o, p, s``), users expect the order they wrote them in.

    >>> star_order("SELECT * WHERE { ?s ?p ?o . OPTIONAL { ?s <urn:n> $name } }")
    ['s', 'p', 'o', 'name']
    >>> star_order("SELECT ?o ?s WHERE { ?s ?p ?o }") is None
    True
    """
    code = _code_mask(sparql)
    form = _FORM.search(code)
    if not form or form.group(1).upper() != "SELECT":
        return None
    if not re.match(r"\s*(?:(?:DISTINCT|REDUCED)\s+)?\*", code[form.end():], re.I):
        return None
    order: list[str] = []
    for name in re.findall(r"[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)", code[form.end():]):
        if name not in order:
            order.append(name)
    return order


def prune_update(shared_graph: str | None) -> str:
    """The SPARQL update deleting shared triples of entities no article uses any more.

    An entity is in use while some triple outside the entity descriptions points at it (an
    article's ``prov:wasAttributedTo``, ``itsrdf:taIdentRef`` …) or an article graph says
    something about it (``qg:said``). First, the ``qg:talksAbout`` shortcuts no quote backs any
    more (no quote of the speaker left mentions the entity) go.
    """
    entity = json.dumps(str(ENTITY))
    talks, said, mentions = (f"<{QG.talksAbout}>", f"<{QG.said}>", f"<{SDO.mentions}>")
    if shared_graph is None:
        home, target, other = "?e ?p ?o .", "?e ?p ?o", ""
        shortcut = f"?s {talks} ?m"
    else:
        home = f"GRAPH <{shared_graph}> {{ ?e ?p ?o }}"
        target = f"GRAPH <{shared_graph}> {{ ?e ?p ?o }}"
        other = f"FILTER(?g != <{shared_graph}>)"
        shortcut = f"GRAPH <{shared_graph}> {{ ?s {talks} ?m }}"
    unbacked = (f"DELETE {{ {shortcut} }} WHERE {{ {shortcut} "
                f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s {said} ?q . ?q {mentions} ?m }} {other} }} }} ;\n")
    return unbacked + (
        f"DELETE {{ {target} }} WHERE {{ {home} FILTER(STRSTARTS(STR(?e), {entity})) "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?y ?e }} {other} }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ?y ?x }} {other} }} "
        + ("" if shared_graph else f"FILTER NOT EXISTS {{ ?x ?y ?e FILTER(!STRSTARTS(STR(?x), {entity})) }} ")
        + "}"
    )
