"""What a SPARQL text must pass before any engine sees it: a bounded nesting depth, and no
SERVICE or LOAD of an address the user did not allow.

Both guard against a hostile query, not a wrong one: Oxigraph's parser recurses once per
nesting level and aborts the whole process (stack overflow, no error) on about 1,000 nested
``FILTER EXISTS {`` groups or 10,000 parentheses, and its ``SERVICE`` (rdflib's too) sends
real requests to any address, also from a read-only server (server-side request forgery).
The text is read with the scanner of :mod:`quotegraph.graph.sparql`, so brackets, keywords
and IRIs inside strings and comments do not count. Each check runs on the text as given and
on the text with its ``\\uXXXX`` escapes decoded (SPARQL 1.1 allows them anywhere), so an
escape can never hide a bracket or a keyword from it.

Examples
--------
>>> nesting_depth("SELECT * WHERE { ?s ?p ?o FILTER(STRLEN(?o) > 3) }")
3
>>> check_query("ASK { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
quotegraph.graph.errors.QueryError: SERVICE <https://query.wikidata.org/sparql> is refused: requests to other addresses are off unless allowed (--allow-service URL_PREFIX)
>>> check_query("ASK { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
...             allow_service=["https://query.wikidata.org/"])
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import QueryError

from .namespaces import PREFIXES
from .sparql import _SKIP, _code_mask

__all__ = ["MAX_DEPTH", "nesting_depth", "remote_targets", "check_query", "check_allow_list"]

#: Deepest nesting of ( [ { a query may have. Real queries stay below 20; Oxigraph's parser
#: dies near 1,000 nested groups (and slows down steeply on nested collections well before).
MAX_DEPTH = 200

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPEN, _CLOSE = "([{", ")]}"
_KEYWORD = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)\b(?!:)", re.I)
_FROM = re.compile(r"(?<![\w:?$])(FROM(?:\s+NAMED)?)\b(?!:)", re.I)
# after the keyword: [SILENT] and the target, an IRI, a prefixed name or a variable
_TARGET = re.compile(r"\s*(?:SILENT\b\s*)?(<[^<>\s]*>|[?$]\w+|[A-Za-z][\w.-]*:[^\s{}()<>]*|:[^\s{}()<>]*)?", re.I)
_PREFIX_IRI = re.compile(r"(?<![\w:?$])PREFIX\s+([A-Za-z][\w.-]*)?\s*:\s*<([^>]*)>", re.I)


def _unescaped(sparql: str) -> str:
    """The text with its codepoint escapes (``\\u0028``, ``\\U0001F600``) decoded."""

    def one(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else m.group(0)

    return _ESCAPE.sub(one, sparql)


def _readings(sparql: str) -> list[str]:
    decoded = _unescaped(sparql)
    return [sparql] if decoded == sparql else [sparql, decoded]


def nesting_depth(sparql: str) -> int:
    """The deepest nesting of ``(``, ``[`` and ``{`` outside strings, IRIs and comments.

    >>> nesting_depth("ASK { FILTER(((1))) } # (((((((")
    4
    >>> nesting_depth("ASK { FILTER(REGEX(?x, '((((((')) }")
    3
    """
    depth = deepest = 0
    for char in _code_mask(sparql):
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth = max(0, depth - 1)
    return deepest


def _declared_iris(sparql: str) -> dict[str, str]:
    """The namespace IRIs of the query's own PREFIX lines, over quotegraph's predeclared ones."""
    known = {p: str(ns) for p, ns in PREFIXES.items()}
    for m in _PREFIX_IRI.finditer(_iris_kept(sparql)):
        known[m.group(1) or ""] = m.group(2)
    return known


def _iris_kept(sparql: str) -> str:
    """The query with strings and comments blanked out, IRIs kept, every position kept."""
    return _SKIP.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " " * len(m.group(0)), sparql)


def remote_targets(sparql: str, *, fetches_from: bool = False) -> list[tuple[str, str]]:
    """Where the query's ``SERVICE`` and ``LOAD`` would send requests: (keyword, target) pairs.

    An IRI comes back without its brackets; a prefixed name expanded with the query's own
    prefixes (or quotegraph's); a variable, a relative IRI or an unknown prefix as written,
    which no allow-list matches. ``fetches_from``: the engine also fetches the graphs of
    ``FROM`` and ``FROM NAMED`` (rdflib's does; Oxigraph's takes them from the store).

    >>> remote_targets("PREFIX ex: <http://ex.org/> SELECT * { SERVICE SILENT ex:sparql { ?s ?p ?o } "
    ...                "SERVICE ?where { ?s ?p ?o } } # SERVICE <http://not-a-call/>")
    [('SERVICE', 'http://ex.org/sparql'), ('SERVICE', '?where')]
    """
    found: list[tuple[str, str]] = []
    for text in _readings(sparql):
        code, kept = _code_mask(text), _iris_kept(text)
        prefixes = _declared_iris(text)
        keywords = list(_KEYWORD.finditer(code)) + (list(_FROM.finditer(code)) if fetches_from else [])
        for m in keywords:
            written = _TARGET.match(kept, m.end()).group(1) or ""
            if written.startswith("<"):
                target = written[1:-1]
            elif ":" in written and not written.startswith(("?", "$")):
                prefix, _, local = written.partition(":")
                target = prefixes[prefix] + local if prefix in prefixes else written
            else:
                target = written or "(nothing)"
            pair = (" ".join(m.group(1).upper().split()), target)
            if pair not in found:
                found.append(pair)
    return found


def _allowed(target: str, allow: Iterable[str]) -> bool:
    return bool(re.match(r"https?://", target, re.I)) and any(target.startswith(prefix) for prefix in allow)


def check_allow_list(allow: Iterable[str] | None) -> list[str]:
    """The ``--allow-service`` prefixes, each a full ``http(s)://host/`` URL prefix.

    >>> check_allow_list(["https://query.wikidata.org/"])
    ['https://query.wikidata.org/']
    >>> check_allow_list(["wikidata.org"])
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.QueryError: --allow-service wants a URL prefix with its host and a '/' after it (https://host/ or https://host:port/path), got 'wikidata.org'
    """
    out = []
    for prefix in allow or ():
        if not re.match(r"https?://[^/?#\s]+/", prefix, re.I):
            raise QueryError("--allow-service wants a URL prefix with its host and a '/' after it "
                             f"(https://host/ or https://host:port/path), got {prefix!r}")
        out.append(prefix)
    return out


def check_query(sparql: str, *, allow_service: Iterable[str] | None = None, max_depth: int = MAX_DEPTH,
                fetches_from: bool = False) -> None:
    """Refuse, before it runs, a query nested too deeply or calling an address not allowed.

    ``allow_service``: URL prefixes ``SERVICE`` and ``LOAD`` may call (none by default). The
    refusal is the same whether or not anything listens there: nothing is sent.

    Raises
    ------
    QueryError
        One line saying what is refused and how to allow it.

    >>> check_query("ASK { FILTER(" + "(" * 500 + "1" + ")" * 500 + ") }")
    Traceback (most recent call last):
    ...
    quotegraph.graph.errors.QueryError: the query nests brackets 502 deep; at most 200 are allowed
    """
    deepest = max(nesting_depth(text) for text in _readings(sparql))
    if deepest > max_depth:
        raise QueryError(f"the query nests brackets {deepest} deep; at most {max_depth} are allowed")
    allow = list(allow_service or ())
    for keyword, target in remote_targets(sparql, fetches_from=fetches_from):
        if _allowed(target, allow):
            continue
        shown = f"<{target}>" if re.match(r"[A-Za-z][\w+.-]*:", target) else target
        how = ("requests to other addresses are off unless allowed (--allow-service URL_PREFIX)" if not allow else
               "its address is not among the allowed ones (--allow-service)")
        raise QueryError(f"{keyword} {shown} is refused: {how}")
