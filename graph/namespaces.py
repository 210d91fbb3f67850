"""The RDF vocabularies quotegraph writes as rdflib namespaces, and the prefixes every query gets for free.

Standard vocabularies carry most of the model (schema.org, PROV-O, NIF 2.0, ITS RDF, SKOS);
:class:`QG` holds the few terms they lack. ``schema:`` is ``https://schema.org/`` (rdflib's
binding), used for both writing and querying so the two never disagree. The IRIs are those of
:mod:`quotegraph.graph.iris` (plain strings, without rdflib); here they are rdflib terms, for
rdflib's API.

>>> str(QG.said)
'https://w3id.org/quotegraph/ns#said'
>>> QG.sayd
Traceback (most recent call last):
...
AttributeError: term 'sayd' not in namespace 'https://w3id.org/quotegraph/ns#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

from . import iris

__all__ = ["QG", "KIND", "ID", "ENTITY", "NIF", "ITSRDF", "SDO", "PROV", "SKOS", "RDF", "RDFS", "XSD", "OWL", "WD", "PREFIXES",
           "FILE_PREFIXES"]

#: quotegraph's own terms (what each says: :data:`quotegraph.graph.iris.QG_TERMS`).
QG = type(DefinedNamespace)("QG", (DefinedNamespace,), {
    "__doc__": "quotegraph's own terms: direct edges for the questions users ask, and what PROV/schema lack.",
    "__module__": __name__,
    "__annotations__": dict.fromkeys(iris.QG_TERMS, URIRef),
    "_fail": True,
    "_NS": Namespace(str(iris.QG)),
})

#: SKOS concepts for the quote kinds (direct, indirect, mixed, free_indirect, reported).
KIND = Namespace(str(iris.KIND))
#: Base of every resource IRI quotegraph mints (articles, entities, reports).
ID = Namespace(str(iris.ID))
#: Entities (people, organisations, outlets): ``entity:anton-weber``.
ENTITY = Namespace(str(iris.ENTITY))
NIF = Namespace(str(iris.NIF))
ITSRDF = Namespace(str(iris.ITSRDF))
#: Wikidata entities, the targets of ``owl:sameAs`` from an ``--entities`` file.
WD = Namespace(str(iris.WD))

#: Prefixes bound in every serialization and pre-declared for every query.
PREFIXES: dict[str, Namespace | str] = {
    "qg": QG._NS,
    "kind": KIND,
    "qgid": ID,
    "schema": SDO._NS,
    "prov": PROV._NS,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "skos": SKOS._NS,
    "dcterms": DCTERMS._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "xsd": XSD._NS,
    "owl": OWL._NS,
    "wd": WD,
    "entity": ENTITY,
}

#: Prefixes for files quotegraph writes: without ``qgid:``, whose local names (``article/a1#char=3,8``)
#: would need backslash escapes; articles and spans are written as full IRIs instead.
FILE_PREFIXES: dict[str, Namespace | str] = {p: ns for p, ns in PREFIXES.items() if p != "qgid"}
