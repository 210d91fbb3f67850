"""RDF terms: plain terms, rdflib's and pyoxigraph's, and as N-Triples/SPARQL text.

quotegraph's graphs are rdflib Graphs, but writing, querying and serializing go through
pyoxigraph, whose terms are its own classes. The model (:mod:`quotegraph.graph.model`) builds its
triples from **plain terms**, the cheapest to make in Python: an IRI is a ``str``, a literal a
:class:`Lit`. They become N-Quads text for Oxigraph's parser (:func:`nquads_line`, the fast
path into a store), rdflib terms (:func:`to_rdflib`) or pyoxigraph terms (:func:`to_ox`). These
converters use only the public API of both libraries.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> to_ox(URIRef("urn:x")), to_ox(Literal("a", lang="de"))
(<NamedNode value=urn:x>, <Literal value=a language=de>)
>>> from_ox(to_ox(Literal(3))), from_ox(to_ox(Literal("x")))
(rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), rdflib.term.Literal('x'))
>>> to_rdflib("urn:x"), to_rdflib(Lit("3", XSD_INTEGER)), to_ox(Lit("a", lang="de"))
(rdflib.term.URIRef('urn:x'), rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), <Literal value=a language=de>)
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

__all__ = ["Lit", "PlainNamespace", "XSD_STRING", "XSD_INTEGER", "to_ox", "from_ox", "to_rdflib", "sparql_term", "nt_literal",
           "nquads_line"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


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

    >>> from rdflib.namespace import SDO
    >>> PlainNamespace(SDO).Person
    'https://schema.org/Person'
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:  # only for a term not asked for before
        term = str(getattr(self._namespace, name))
        setattr(self, name, term)
        return term


def to_ox(term: str | Lit | URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for a plain term, or an rdflib IRI, blank node or literal (as oxrdflib
    converts them).

    >>> to_ox(URIRef("urn:a")), to_ox("urn:a")
    (<NamedNode value=urn:a>, <NamedNode value=urn:a>)
    """
    if type(term) is Lit:
        return ox.Literal(term.value, language=term.lang,
                          datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    if term == DATASET_DEFAULT_GRAPH_ID:  # rdflib's name for the default graph, as oxrdflib reads it
        return ox.DefaultGraph()
    if type(term) is str or isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, Literal):
        return ox.Literal(term, language=term.language,
                          datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    raise ValueError(f"Unexpected rdflib term: {term!r}")


def from_ox(term) -> URIRef | BNode | Literal | None:
    """The rdflib term for a pyoxigraph term; ``xsd:string`` literals come back plain, as from
    rdflib's own engine (RDF 1.1 says they are the same literal).

    >>> from_ox(ox.NamedNode("urn:a")), from_ox(None)
    (rdflib.term.URIRef('urn:a'), None)
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))  # an RDF-star triple term


def to_rdflib(term: str | Lit) -> URIRef | Literal:
    """The rdflib term for a plain term: a ``str`` is an IRI, a :class:`Lit` a literal (kept in
    its lexical form, as written; a simple literal has no datatype, as rdflib makes them).

    >>> to_rdflib(Lit("direct", lang="en")), to_rdflib(Lit("x"))
    (rdflib.term.Literal('direct', lang='en'), rdflib.term.Literal('x'))
    """
    if type(term) is Lit:
        datatype = term.datatype
        return Literal(term.value, lang=term.lang, datatype=None if datatype is None else URIRef(datatype),
                       normalize=False)
    return URIRef(term)


def sparql_term(term) -> str:
    """An RDF term as SPARQL/N-Triples text, every special character escaped as pyoxigraph's
    writer escapes it (a plain term, or an rdflib one).

    >>> sparql_term(Literal('say "hi"\\n')), sparql_term(URIRef("urn:x")), sparql_term(Literal("a", lang="de"))
    ('"say \\\\"hi\\\\"\\\\n"', '<urn:x>', '"a"@de')
    >>> sparql_term(Lit("4", XSD_INTEGER)), sparql_term("urn:x")
    ('"4"^^<http://www.w3.org/2001/XMLSchema#integer>', '<urn:x>')
    """
    kind = type(term)
    if kind is str or kind is URIRef:
        return f"<{term}>"
    if kind is Lit:
        return nt_literal(term)
    if isinstance(term, BNode):
        raise ValueError("blank nodes cannot be sent to an endpoint")
    return str(to_ox(term))


# N-Triples (and SPARQL) strings may not hold `"`, `\`, LF or CR unescaped; the other control
# characters are escaped too, as Oxigraph's writer does, so an update is plain, printable text
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")
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
    r"""One quad (or triple, for ``g`` None) as an N-Quads line; plain or rdflib terms.

    Writing text and letting Oxigraph's parser read it is several times faster than building
    pyoxigraph terms one by one from Python (about 5× measured on a million triples). The same
    lines are the body of the INSERT DATA requests sent to endpoints. IRIs are written as they
    are: the model mints them escaped (:mod:`quotegraph.graph.iri_segments`).

    >>> print(nquads_line("urn:a", "urn:b", Lit('say "hi"'), "urn:g"), end="")
    <urn:a> <urn:b> "say \"hi\"" <urn:g> .
    >>> print(nquads_line(URIRef("urn:a"), URIRef("urn:b"), Literal("x", lang="de")), end="")
    <urn:a> <urn:b> "x"@de .
    """
    kind = type(o)
    obj = f"<{o}>" if kind is str or kind is URIRef else nt_literal(o) if kind is Lit else sparql_term(o)
    return f"<{s}> <{p}> {obj} <{g}> .\n" if g is not None else f"<{s}> <{p}> {obj} .\n"
