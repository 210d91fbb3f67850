"""RDF terms between rdflib and pyoxigraph, and as SPARQL text.

quotegraph's graphs are rdflib Graphs, but writing, querying and serializing go through
pyoxigraph, whose terms are its own classes. These converters use only the public API of both
libraries.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> to_ox(URIRef("urn:x")), to_ox(Literal("a", lang="de"))
(<NamedNode value=urn:x>, <Literal value=a language=de>)
>>> from_ox(to_ox(Literal(3))), from_ox(to_ox(Literal("x")))
(rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), rdflib.term.Literal('x'))
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

__all__ = ["to_ox", "from_ox", "sparql_term"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib IRI, blank node or literal (as oxrdflib converts them).

    >>> to_ox(URIRef("urn:a"))
    <NamedNode value=urn:a>
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
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))  # an RDF-star triple term


def sparql_term(term) -> str:
    """An RDF term as SPARQL/N-Triples text, every special character escaped (pyoxigraph's writer).

    >>> sparql_term(Literal('say "hi"\\n')), sparql_term(URIRef("urn:x")), sparql_term(Literal("a", lang="de"))
    ('"say \\\\"hi\\\\"\\\\n"', '<urn:x>', '"a"@de')
    """
    if isinstance(term, BNode):
        raise ValueError("blank nodes cannot be sent to an endpoint")
    return str(to_ox(term))
