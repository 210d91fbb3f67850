"""The vocabularies' IRIs as plain strings: what the model, the stores and a run of extract use.

:mod:`quotegraph.graph.namespaces` gives the same IRIs as rdflib terms, for rdflib's API; this
module imports no rdflib (a tenth of a second at start, issue #27), so ``quotegraph extract``
never loads it. A term is a ``str``, made once per name
(:class:`~quotegraph.graph.terms.PlainNamespace`).

>>> QG.said
'https://w3id.org/quotegraph/ns#said'
>>> QG.sayd
Traceback (most recent call last):
...
AttributeError: term 'sayd' not in namespace 'https://w3id.org/quotegraph/ns#'
>>> str(ENTITY), ENTITY["weber"]
('https://w3id.org/quotegraph/id/entity/', 'https://w3id.org/quotegraph/id/entity/weber')
"""

from __future__ import annotations

from .terms import PlainNamespace

__all__ = ["QG_TERMS", "QG", "KIND", "ID", "ENTITY", "NIF", "ITSRDF", "WD", "SDO", "PROV", "SKOS", "DCTERMS", "RDF",
           "RDFS", "XSD", "OWL", "PREFIXES", "FILE_PREFIXES"]

#: quotegraph's own terms (``qg:``), each with what it says: direct edges for the questions users
#: ask, and what PROV and schema.org lack.
QG_TERMS: dict[str, str] = {
    # classes
    "Report": "a report by a relaying outlet or person, from which a quote was taken",
    "QuoteKind": "SKOS concept class of the kinds of reported speech",
    # direct, readable edges: the "who said what, according to whom" shape in one triple pattern
    "said": "speaker entity -> quote it is attributed to",
    "reported": "mediator entity (outlet, agency, person) -> quote it relayed",
    "mediator": "quote -> the entity that relayed it (\"laut Belta\")",
    "talksAbout": "speaker entity -> an entity one of its quotes mentions (schema:mentions)",
    # what a quote carries besides schema:text
    "kind": "quote -> its kind (a skos:Concept in KIND)",
    "cue": "quote -> the NIF string of its cue (\"sagte\", \"laut\", \"according to\")",
    "cueLemma": "quote -> lemma of the cue (\"sagen\")",
    "speakerMention": "quote -> the NIF string that names the speaker (may be \"Er\")",
    "mediatorMention": "quote -> the NIF string that names the mediator",
    "addresseeMention": "quote -> the NIF string that names who it was said to (\"der Zeitung\")",
    "nestedIn": "quote -> the quote it stands inside",
    "gap": "quote -> a NIF string inside it that is no part of its words: the source or frame that interrupts it (\"laut X\")",
    "attributionId": "quote -> its id in quotes.jsonl",
    "confidence": "quote -> how likely the learned parts judge its attribution right (xsd:decimal, 0 to 1)",
    "describedIn": "entity known only by a description (\"die Polizei\", \"the campaign\") -> the one article it is one within",
    # cross-article identity (graph/identity.py): an entity as written (a key) and what joined it
    "mergedInto": "key entity -> the entity it was resolved into",
    "joinRule": "key entity -> the rule that joined it (\"surname\", \"spelling\", …)",
    "joinedVia": "key entity -> the key whose name it was matched with",
    "keptApart": "key entity -> why a join was refused (\"ambiguous: …\")",
    "writtenName": "key entity -> its name as the articles wrote it",
    "writtenAlias": "key entity -> another name the articles gave it",
    "writtenType": "key entity -> its class as the articles gave it",
    "entityKey": "article -> a key entity whose references in its graph were rewritten",
    # statements across outlets (graph/statements.py): one wording of one speaker, however many carry it
    "Statement": "the same words of the same speaker, in every quote that carries them",
    "statement": "quote -> the statement it carries",
    "speaker": "statement -> its speaker entity",
    "firstSeen": "statement -> the earliest date of an article carrying it (xsd:date)",
    "carriers": "statement -> how many articles carry it",
}

QG = PlainNamespace("https://w3id.org/quotegraph/ns#", terms=QG_TERMS)
#: SKOS concepts for the quote kinds (direct, indirect, mixed, free_indirect, reported).
KIND = PlainNamespace("https://w3id.org/quotegraph/kind/")
#: Base of every resource IRI quotegraph mints (articles, entities, reports).
ID = PlainNamespace("https://w3id.org/quotegraph/id/")
#: Entities (people, organisations, outlets): ``entity:anton-weber``.
ENTITY = PlainNamespace(f"{ID}entity/")
NIF = PlainNamespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = PlainNamespace("http://www.w3.org/2005/11/its/rdf#")
#: Wikidata entities, the targets of ``owl:sameAs`` from an ``--entities`` file.
WD = PlainNamespace("http://www.wikidata.org/entity/")
# the standard vocabularies, as rdflib binds them (schema: is https://schema.org/)
SDO = PlainNamespace("https://schema.org/")
PROV = PlainNamespace("http://www.w3.org/ns/prov#")
SKOS = PlainNamespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = PlainNamespace("http://purl.org/dc/terms/")
RDF = PlainNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = PlainNamespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = PlainNamespace("http://www.w3.org/2001/XMLSchema#")
OWL = PlainNamespace("http://www.w3.org/2002/07/owl#")

#: Prefixes bound in every serialization and pre-declared for every query (prefix -> namespace IRI).
PREFIXES: dict[str, str] = {prefix: str(ns) for prefix, ns in (
    ("qg", QG), ("kind", KIND), ("qgid", ID), ("schema", SDO), ("prov", PROV), ("nif", NIF), ("itsrdf", ITSRDF),
    ("skos", SKOS), ("dcterms", DCTERMS), ("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD), ("owl", OWL), ("wd", WD),
    ("entity", ENTITY))}

#: Prefixes for files quotegraph writes: without ``qgid:``, whose local names (``article/a1#char=3,8``)
#: would need backslash escapes; articles and spans are written as full IRIs instead.
FILE_PREFIXES: dict[str, str] = {p: ns for p, ns in PREFIXES.items() if p != "qgid"}
