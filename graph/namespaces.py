"""The RDF vocabularies quotegraph writes, and the prefixes every query gets for free.

Standard vocabularies carry most of the model (schema.org, PROV-O, NIF 2.0, ITS RDF, SKOS);
:class:`QG` holds the few terms they lack. ``schema:`` is ``https://schema.org/`` (rdflib's
binding), used for both writing and querying so the two never disagree.

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

__all__ = ["QG", "KIND", "ID", "ENTITY", "NIF", "ITSRDF", "SDO", "PROV", "SKOS", "RDF", "RDFS", "XSD", "OWL", "WD", "PREFIXES",
           "FILE_PREFIXES"]


class QG(DefinedNamespace):
    """quotegraph's own terms: direct edges for the questions users ask, and what PROV/schema lack."""

    _fail = True

    # classes
    Report: URIRef  # a report by a relaying outlet or person, from which a quote was taken
    QuoteKind: URIRef  # SKOS concept class of the kinds of reported speech

    # direct, readable edges: the "who said what, according to whom" shape in one triple pattern
    said: URIRef  # speaker entity -> quote it is attributed to
    reported: URIRef  # mediator entity (outlet, agency, person) -> quote it relayed
    mediator: URIRef  # quote -> the entity that relayed it ("laut Belta")
    talksAbout: URIRef  # speaker entity -> an entity one of its quotes mentions (schema:mentions)

    # what a quote carries besides schema:text
    kind: URIRef  # quote -> its kind (a skos:Concept in KIND)
    cue: URIRef  # quote -> the NIF string of its cue ("sagte", "laut", "according to")
    cueLemma: URIRef  # quote -> lemma of the cue ("sagen")
    speakerMention: URIRef  # quote -> the NIF string that names the speaker (may be "Er")
    mediatorMention: URIRef  # quote -> the NIF string that names the mediator
    addresseeMention: URIRef  # quote -> the NIF string that names who it was said to ("der Zeitung")
    nestedIn: URIRef  # quote -> the quote it stands inside
    attributionId: URIRef  # quote -> its id in quotes.jsonl
    confidence: URIRef  # quote -> how likely the learned parts judge its attribution right (xsd:decimal, 0 to 1)

    # cross-article identity (graph/identity.py): an entity as written (a key) and what joined it
    mergedInto: URIRef  # key entity -> the entity it was resolved into
    joinRule: URIRef  # key entity -> the rule that joined it ("surname", "spelling", …)
    joinedVia: URIRef  # key entity -> the key whose name it was matched with
    keptApart: URIRef  # key entity -> why a join was refused ("ambiguous: …")
    writtenName: URIRef  # key entity -> its name as the articles wrote it
    writtenAlias: URIRef  # key entity -> another name the articles gave it
    writtenType: URIRef  # key entity -> its class as the articles gave it
    entityKey: URIRef  # article -> a key entity whose references in its graph were rewritten

    # statements across outlets (graph/statements.py): one wording of one speaker, however many carry it
    Statement: URIRef  # the same words of the same speaker, in every quote that carries them
    statement: URIRef  # quote -> the statement it carries
    speaker: URIRef  # statement -> its speaker entity
    firstSeen: URIRef  # statement -> the earliest date of an article carrying it (xsd:date)
    carriers: URIRef  # statement -> how many articles carry it

    _NS = Namespace("https://w3id.org/quotegraph/ns#")


#: SKOS concepts for the quote kinds (direct, indirect, mixed, free_indirect, reported).
KIND = Namespace("https://w3id.org/quotegraph/kind/")
#: Base of every resource IRI quotegraph mints (articles, entities, reports).
ID = Namespace("https://w3id.org/quotegraph/id/")
#: Entities (people, organisations, outlets): ``entity:anton-weber``.
ENTITY = Namespace(str(ID) + "entity/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
#: Wikidata entities, the targets of ``owl:sameAs`` from an ``--entities`` file.
WD = Namespace("http://www.wikidata.org/entity/")

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
