"""RDF terms: plain terms and pyoxigraph's, and as N-Triples/SPARQL text (rdflib's: :mod:`.rdflib_terms`).

Writing, querying and serializing go through pyoxigraph, whose terms are its own classes. The
model (:mod:`quotegraph.graph.model`) builds its triples from **plain terms**, the cheapest to
make in Python: an IRI is a ``str``, a literal a :class:`Lit`. They become N-Quads text for
Oxigraph's parser (:func:`nquads_line`, the fast path into a store) or pyoxigraph terms
(:func:`to_ox`), and query results come back as plain terms (:func:`plain_term`). This module
imports no rdflib, so a run of ``quotegraph extract`` never loads it (issue #27); rdflib's terms
are converted by :mod:`quotegraph.graph.rdflib_terms` (``to_rdflib`` and ``from_ox`` are also
importable from here, as before), and an rdflib term given here is handed to it.

Examples
--------
>>> to_ox("urn:x"), to_ox(Lit("a", lang="de"))
(<NamedNode value=urn:x>, <Literal value=a language=de>)
>>> plain_term(to_ox(Lit("3", XSD_INTEGER))), plain_term(ox.Literal("x"))
(Lit(value='3', datatype='http://www.w3.org/2001/XMLSchema#integer', lang=None), Lit(value='x', datatype=None, lang=None))
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pyoxigraph as ox

__all__ = ["Lit", "PlainNamespace", "XSD_STRING", "XSD_INTEGER", "to_ox", "plain_term",
           "term_text", "printed_order", "sparql_term", "nt_literal", "nquads_line"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal, ox.DefaultGraph, ox.Triple)


class Lit(NamedTuple):
    """A literal as a plain term: its lexical form, and a datatype IRI or a language tag.

    Neither (the default) is a simple literal, ``xsd:string`` in RDF 1.1. The lexical form is
    kept as given: write it in the canonical form of its datatype, the one Oxigraph gives back.

    >>> Lit("Weber"), Lit("direct", lang="en").lang
    (Lit(value='Weber', datatype=None, lang=None), 'en')
    """

    value: str
    datatype: str | None = None
    lang: str | None = None


class PlainNamespace:
    """A namespace whose terms are plain IRIs (``str``), each made once: rdflib builds a new
    URIRef on every attribute access, and the quads of a corpus ask for them millions of times.

    ``terms``: the only names it has (others raise AttributeError, as rdflib's closed
    namespaces do); None: any name.

    >>> schema = PlainNamespace("https://schema.org/")
    >>> schema.Person, schema["Person"], str(schema)
    ('https://schema.org/Person', 'https://schema.org/Person', 'https://schema.org/')
    """

    def __init__(self, base: str, terms=None) -> None:
        self._base = str(base)
        self._terms = None if terms is None else frozenset(terms)

    def __getattr__(self, name: str) -> str:  # only for a term not asked for before
        if name.startswith("_"):  # no term; and the attributes set in __init__, for a copy made without it
            raise AttributeError(name)
        if self._terms is not None and name not in self._terms:
            raise AttributeError(f"term {name!r} not in namespace {self._base!r}")
        term = self._base + name
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        return self._base + name if self._terms is None else getattr(self, name)

    def __str__(self) -> str:
        return self._base

    def __repr__(self) -> str:
        return f"PlainNamespace({self._base!r})"


def to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph:
    """The pyoxigraph term for a plain term (a pyoxigraph term as it is), or an rdflib IRI, blank
    node or literal (as oxrdflib converts them, :func:`~quotegraph.graph.rdflib_terms.rdflib_to_ox`).

    >>> to_ox("urn:a"), to_ox(Lit("3", XSD_INTEGER))
    (<NamedNode value=urn:a>, <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>)
    """
    kind = type(term)
    if kind is Lit:
        return ox.Literal(term.value, language=term.lang,
                          datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    if kind is str:
        return ox.NamedNode(term)
    if isinstance(term, _OX_TERMS):
        return term
    from .rdflib_terms import rdflib_to_ox  # an rdflib term: rdflib is loaded already

    return rdflib_to_ox(term)


def plain_term(term):
    """The plain term for a pyoxigraph term (an IRI a ``str``, a literal a :class:`Lit`);
    ``xsd:string`` literals come back simple, as rdflib's converters give them (RDF 1.1 says
    they are the same literal). Blank nodes, triple terms and None stay as they are.

    >>> plain_term(ox.NamedNode("urn:a")), plain_term(ox.Literal("a", language="de")), plain_term(None)
    ('urn:a', Lit(value='a', datatype=None, lang='de'), None)
    """
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal:
        if term.language:
            return Lit(term.value, None, term.language)
        datatype = term.datatype.value
        return Lit(term.value, None if datatype == XSD_STRING else datatype)
    return term


def term_text(term) -> str:
    """A plain term as text: a literal's lexical form, an IRI itself (what ``str`` of rdflib's
    term gives).

    >>> term_text(Lit("3", XSD_INTEGER)), term_text("urn:a")
    ('3', 'urn:a')
    """
    return term.value if type(term) is Lit else term


def printed_order(terms: tuple) -> str:
    """A sort key for a tuple of plain terms (and None): the text of the same tuple of rdflib
    terms (``str((URIRef(s), URIRef(p), Literal(o), None))``), so what was sorted by it before
    rdflib left the extraction comes in the same order (the order an update writes in, which a
    store and its files keep).

    >>> printed_order(("urn:a", "urn:b", Lit("x"), None))
    "(rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b'), rdflib.term.Literal('x'), None)"
    >>> printed_order(("urn:a", Lit("3", XSD_INTEGER), Lit("a", lang="de")))[-123:]
    "Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), rdflib.term.Literal('a', lang='de'))"
    """
    return f"({', '.join(map(_printed, terms))}{',' if len(terms) == 1 else ''})"


def _printed(term) -> str:
    kind = type(term)
    if kind is str:
        return f"rdflib.term.URIRef({term!r})"
    if kind is Lit:
        value, datatype, lang = term
        if lang is not None:
            return f"rdflib.term.Literal({value!r}, lang={lang!r})"
        if datatype is None:
            return f"rdflib.term.Literal({value!r})"
        return f"rdflib.term.Literal({value!r}, datatype=rdflib.term.URIRef({datatype!r}))"
    if kind is ox.BlankNode:
        return f"rdflib.term.BNode({term.value!r})"
    return repr(term)  # None


def sparql_term(term) -> str:
    """An RDF term as SPARQL/N-Triples text, every special character escaped as pyoxigraph's
    writer escapes it (a plain term, a pyoxigraph one, or an rdflib one).

    >>> sparql_term(Lit('say "hi"\\n')), sparql_term("urn:x"), sparql_term(Lit("a", lang="de"))
    ('"say \\\\"hi\\\\"\\\\n"', '<urn:x>', '"a"@de')
    >>> sparql_term(Lit("4", XSD_INTEGER)), sparql_term(ox.NamedNode("urn:x"))
    ('"4"^^<http://www.w3.org/2001/XMLSchema#integer>', '<urn:x>')
    """
    kind = type(term)
    if kind is str:
        return f"<{term}>"
    if kind is Lit:
        return nt_literal(term)
    if kind is ox.BlankNode:
        raise ValueError("blank nodes cannot be sent to an endpoint")
    if isinstance(term, _OX_TERMS):
        return str(term)
    from .rdflib_terms import rdflib_sparql_term  # an rdflib term: rdflib is loaded already

    return rdflib_sparql_term(term)


def __getattr__(name: str):
    # rdflib's converters, importable from here as before, without importing rdflib with this module
    if name in ("from_ox", "to_rdflib"):
        from . import rdflib_terms

        return getattr(rdflib_terms, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# N-Triples (and SPARQL) strings may not hold `"`, `\`, LF or CR unescaped; the other control
# characters are escaped too, as Oxigraph's writer does, so an update is plain, printable text
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")
#: any character nt_literal escapes
_ESCAPED = re.compile(r'[\\"\x00-\x1f\x7f]')
_NAMED_CONTROL = {"\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _control_escape(match: re.Match) -> str:
    char = match.group()
    return _NAMED_CONTROL.get(char) or f"\\u{ord(char):04X}"


def nt_literal(lit: Lit) -> str:
    r"""A plain literal as N-Triples text: the same text pyoxigraph writes for it.

    The lexical form is quoted with ``\"``, ``\\``, ``\n``, ``\r``, ``\t``, ``\b``, ``\f``
    and ``\uXXXX`` (other control characters) escaped; every other character, non-ASCII too, is
    written as it is (N-Triples is UTF-8). An ``xsd:string`` datatype is left out (RDF 1.1:
    the same literal).

    >>> print(nt_literal(Lit('say "hi"\n\tà\\')))
    "say \"hi\"\n\tà\\"
    >>> print(nt_literal(Lit("en", lang="en")), nt_literal(Lit("2024-05-02", "http://www.w3.org/2001/XMLSchema#date")))
    "en"@en "2024-05-02"^^<http://www.w3.org/2001/XMLSchema#date>
    """
    value, datatype, lang = lit
    if _ESCAPED.search(value) is None:  # most literals: nothing to escape
        text = value
    else:
        # str.replace is C speed and leaves a string without the character as it is; the regex
        # runs only over what has a control character (few texts)
        text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if _CONTROL.search(text) is not None:
            text = _CONTROL.sub(_control_escape, text)
    if lang is not None:
        return f'"{text}"@{lang}'
    if datatype is None or datatype == XSD_STRING:
        return f'"{text}"'
    return f'"{text}"^^<{datatype}>'


def nquads_line(s, p, o, g=None) -> str:
    r"""One quad (or triple, for ``g`` None) as an N-Quads line; plain terms (or rdflib ones).

    Writing text and letting Oxigraph's parser read it is several times faster than building
    pyoxigraph terms one by one from Python (about 5× measured on a million triples). The same
    lines are the body of the INSERT DATA requests sent to endpoints. IRIs are written as they
    are: the model mints them escaped (:mod:`quotegraph.graph.iri_segments`).

    >>> print(nquads_line("urn:a", "urn:b", Lit('say "hi"'), "urn:g"), end="")
    <urn:a> <urn:b> "say \"hi\"" <urn:g> .
    >>> print(nquads_line("urn:a", "urn:b", Lit("x", lang="de")), end="")
    <urn:a> <urn:b> "x"@de .
    """
    kind = type(o)
    obj = f"<{o}>" if kind is str else nt_literal(o) if kind is Lit else sparql_term(o)
    return f"<{s}> <{p}> {obj} <{g}> .\n" if g is not None else f"<{s}> <{p}> {obj} .\n"
