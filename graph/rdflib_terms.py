"""rdflib's terms to and from pyoxigraph's and plain ones (:mod:`quotegraph.graph.terms`).

Only what works with rdflib's API imports this module (queries whose rows are rdflib terms,
rdflib Graphs, the SPARQL client); a run of ``quotegraph extract`` does not. The converters use
only the public API of both libraries.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> rdflib_to_ox(URIRef("urn:x")), rdflib_to_ox(Literal("a", lang="de"))
(<NamedNode value=urn:x>, <Literal value=a language=de>)
>>> from_ox(rdflib_to_ox(Literal(3))), from_ox(rdflib_to_ox(Literal("x")))
(rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), rdflib.term.Literal('x'))
>>> to_rdflib("urn:x"), to_rdflib(Lit("3", XSD_INTEGER))
(rdflib.term.URIRef('urn:x'), rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .terms import XSD_INTEGER, XSD_STRING, Lit, plain_term  # noqa: F401 (XSD_INTEGER: the examples)

__all__ = ["rdflib_to_ox", "from_ox", "to_rdflib", "rdflib_to_plain", "rdflib_sparql_term"]


def rdflib_to_ox(term: URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph:
    """The pyoxigraph term for an rdflib IRI, blank node or literal (as oxrdflib converts them).

    >>> rdflib_to_ox(DATASET_DEFAULT_GRAPH_ID)
    <DefaultGraph>
    """
    if term == DATASET_DEFAULT_GRAPH_ID:  # rdflib's name for the default graph, as oxrdflib reads it
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
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


def rdflib_to_plain(term):
    """The plain term for an rdflib term (through pyoxigraph's, as a store gives it back); None
    stays None.

    >>> rdflib_to_plain(URIRef("urn:a")), rdflib_to_plain(Literal("x")), rdflib_to_plain(None)
    ('urn:a', Lit(value='x', datatype=None, lang=None), None)
    """
    return None if term is None else plain_term(rdflib_to_ox(term))


def rdflib_sparql_term(term) -> str:
    """An rdflib term as SPARQL/N-Triples text (see :func:`~quotegraph.graph.terms.sparql_term`).

    >>> rdflib_sparql_term(Literal('say "hi"\\n')), rdflib_sparql_term(URIRef("urn:x"))
    ('"say \\\\"hi\\\\"\\\\n"', '<urn:x>')
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        raise ValueError("blank nodes cannot be sent to an endpoint")
    return str(rdflib_to_ox(term))
