"""Extraction records to RDF triples: pure functions, deterministic IRIs.

The same article always yields the same IRIs and the same triples, so loading it twice adds
nothing. Entities are keyed by canonical name only, so one person is one node in a corpus.

Shape of one attribution (prefixes as in :data:`quotegraph.graph.namespaces.PREFIXES`)::

    <article/a1>        a schema:NewsArticle ; schema:headline "..." ; schema:articleBody "...".
    <article/a1#char=40,90>                      # the quote: an RFC 5147 span of the article
                        a schema:Quotation, prov:Entity, nif:String ;
                        schema:text "..." ; nif:beginIndex 40 ; nif:endIndex 90 ;
                        schema:isPartOf <article/a1> ; qg:kind kind:direct ;
                        prov:wasAttributedTo <entity/alexander-lukaschenko> ;
                        qg:speakerMention <article/a1#char=92,103> ;
                        qg:cue <article/a1#char=86,91> ; qg:cueLemma "sagen" ;
                        qg:mediator <entity/belta> ; prov:wasQuotedFrom <report/a1/40-90> ;
                        schema:mentions <entity/polen> .   # a name inside the quote
    <entity/alexander-lukaschenko> a schema:Person ; schema:name "..." ; qg:said <article/a1#char=40,90> ;
                        qg:talksAbout <entity/polen> .
    <entity/belta>      a schema:NewsMediaOrganization ; qg:reported <article/a1#char=40,90> .
    <report/a1/40-90>   a qg:Report, prov:Entity ; prov:wasAttributedTo <entity/belta> .

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult
>>> art = Article(id="a1", text="Hallo", title="Gruß")
>>> triples = list(article_triples(ArticleResult(article=art)))
>>> (article_iri("a1"), RDF.type, SDO.NewsArticle) in triples
True
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef

from quotegraph.extract.records import Article, ArticleResult, Attribution, Mention

from .entity_types import is_entity, losing_types
from .iri_segments import iri_segment
from .namespaces import ENTITY, ID, ITSRDF, KIND, NIF, PREFIXES, PROV, QG, RDF, SDO, SKOS, XSD
from .terms import sparql_term


class _Terms:
    """A namespace whose terms, once asked for, are plain attributes: rdflib builds a new URIRef
    on every attribute access, and the quads of a corpus ask for them millions of times."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:  # only for a term not asked for before
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


NIF, SDO, PROV, QG, RDF, ITSRDF, SKOS, XSD = map(_Terms, (NIF, SDO, PROV, QG, RDF, ITSRDF, SKOS, XSD))

__all__ = [
    "article_iri",
    "span_iri",
    "entity_iri",
    "report_iri",
    "graph_iri",
    "entity_class",
    "slug",
    "article_triples",
    "article_quads",
    "article_batches",
    "nquads_line",
    "is_shared",
    "graph_of",
    "date_literal",
    "vocabulary_triples",
    "records_to_graph",
    "keep_one_type",
    "bind_prefixes",
]

Triple = tuple[URIRef, URIRef, URIRef | Literal]
#: A triple and its graph: the article's named graph, or None for the default graph.
Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef | None]

_ENTITY_CLASS = {
    "person": SDO.Person,
    "organization": SDO.Organization,
    "media": SDO.NewsMediaOrganization,
    "location": SDO.Place,
}


def slug(name: str) -> str:
    """A readable, stable IRI segment for a name.

    >>> slug("Alexander Lukaschenko")
    'alexander-lukaschenko'
    >>> slug("F.A.Z.")
    'f.a.z'
    >>> slug("Über Äpfel")
    'über-äpfel'
    """
    text = unicodedata.normalize("NFC", name).casefold().strip()
    text = re.sub(r"[^\w.]+", "-", text).strip("-.")
    return text or "unnamed"


@lru_cache(maxsize=4096)
def article_iri(article_id: str) -> URIRef:
    """The IRI of an article: the id as one IRI segment (Unicode kept, spaces and ``/#?%<>…`` escaped).

    >>> article_iri("dpa 42"), article_iri("München/1")
    (rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/dpa%2042'), rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/München%2F1'))
    """
    return ID[f"article/{iri_segment(article_id)}"]


def span_iri(article_id: str, start: int, end: int) -> URIRef:
    """An RFC 5147 character span of an article (``#char=start,end``), as NIF uses them.

    >>> span_iri("a1", 3, 8)
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/a1#char=3,8')
    """
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")


def entity_iri(name: str) -> URIRef:
    """The IRI of an entity, from its canonical name only, so it merges across articles.

    Readable in any script: non-ASCII letters stay as they are (RFC 3987 IRIs, see
    :mod:`quotegraph.graph.iri_segments`).

    >>> entity_iri("Agentur Belta") == entity_iri("agentur  belta")
    True
    >>> entity_iri("Küstenpresse")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/entity/küstenpresse')
    """
    return ID[f"entity/{iri_segment(slug(name))}"]


def report_iri(article_id: str, start: int, end: int, hop: int = 0) -> URIRef:
    """The report node through which the quote at [start, end) was relayed: ``hop`` 0 is the
    outermost relay's report, 1 the one that report was taken from, and so on."""
    base = f"report/{iri_segment(article_id)}/{start}-{end}"
    return ID[base if hop == 0 else f"{base}/{hop}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding one article's triples: ``qgid:graph/<id>``.

    Everything that belongs to the article (the article node, its quotes, mentions, cues,
    reports, and ``entity qg:said quote``-style edges) lives there, so the article can be
    replaced or removed by dropping one graph.

    >>> graph_iri("dpa 42")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/graph/dpa%2042')
    """
    return ID[f"graph/{iri_segment(article_id)}"]


def entity_class(entity_type: str | None) -> URIRef:
    """The schema.org class for one of our entity types (``schema:Thing`` when unknown).

    >>> entity_class("media")
    rdflib.term.URIRef('https://schema.org/NewsMediaOrganization')
    """
    return _ENTITY_CLASS.get(entity_type or "", SDO.Thing)


def _int(value: int) -> Literal:
    # xsd:integer, not NIF's declared range xsd:nonNegativeInteger: Oxigraph stores every
    # integer-derived datatype as xsd:integer, so anything else would not survive the store
    # (a graph built in memory and the same graph read back from Oxigraph would differ).
    return Literal(value, datatype=XSD.integer)


def decimal_literal(value: float) -> Literal:
    """An ``xsd:decimal`` of up to four places in its canonical form, the one Oxigraph keeps
    (a graph built in memory and the same graph read back from a store are equal).

    >>> [str(decimal_literal(v)) for v in (0.5, 1.0, 0.97312)]
    ['0.5', '1', '0.9731']
    """
    return Literal(f"{value:.4f}".rstrip("0").rstrip("."), datatype=XSD.decimal, normalize=False)


def _article_triples(article: Article) -> Iterator[Triple]:
    a = article_iri(article.id)
    yield a, RDF.type, SDO.NewsArticle
    yield a, SDO.identifier, Literal(article.id)
    yield a, SDO.articleBody, Literal(article.text)
    yield a, SDO.inLanguage, Literal(article.language)
    if article.title:
        yield a, SDO.headline, Literal(article.title)
    if article.url:
        yield a, SDO.url, Literal(article.url, datatype=XSD.anyURI)
    if article.date:
        yield a, SDO.datePublished, date_literal(article.date)
    for author in article.authors:
        person = entity_iri(author)
        yield a, SDO.author, person
        yield person, RDF.type, SDO.Person
        yield person, SDO.name, Literal(author)
    # agencies credited in the text ("(dpa)") and the site it was published on
    for outlet in dict.fromkeys((*article.agencies, *filter(None, [article.site]))):
        org = entity_iri(outlet)
        yield a, SDO.publisher, org
        yield org, RDF.type, SDO.NewsMediaOrganization
        yield org, SDO.name, Literal(outlet)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a space for the T, no seconds, a zone without its colon: as sites and feeds write them
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")


def date_literal(text: str) -> Literal:
    """An article date as ``xsd:date`` or ``xsd:dateTime`` when it is one, else a plain literal.

    The lexical form is the canonical one Oxigraph (and Virtuoso) give back, so a graph is the
    same in memory and in any store: no trailing zeros in fractions, ``Z`` for UTC.

    >>> date_literal("2024-05-02").datatype == XSD.date
    True
    >>> str(date_literal("2024-05-02T10:00:00.500+00:00")), date_literal("2024-05-02T10:00:00Z").datatype == XSD.dateTime
    ('2024-05-02T10:00:00.5Z', True)
    >>> str(date_literal("2024-05-02 10:00+0200")), str(date_literal("2024-05-02T10:00:00-00:00"))
    ('2024-05-02T10:00:00+02:00', '2024-05-02T10:00:00Z')
    >>> date_literal("2. Mai 2024"), date_literal("2024-02-30").datatype
    (rdflib.term.Literal('2. Mai 2024'), None)
    """
    value = text.strip()
    if _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return Literal(text)
        return Literal(value, datatype=XSD.date)
    m = _DATETIME.fullmatch(value)
    if m:
        stamp = f"{m.group(1)}T{m.group(2)}{m.group(3) or ':00'}"
        zone = m.group(5) or ""
        if len(zone) == 5:  # +0200
            zone = f"{zone[:3]}:{zone[3:]}"
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            return Literal(text)
        if zone and not (zone == "Z" or (int(zone[1:3]) <= 14 and int(zone[4:]) < 60)):
            return Literal(text)
        fraction = (m.group(4) or "").rstrip("0").rstrip(".")
        if zone in ("+00:00", "-00:00"):
            zone = "Z"
        # normalize=False: rdflib would rewrite it into its own (non-canonical) form
        return Literal(f"{stamp}{fraction}{zone}", datatype=XSD.dateTime, normalize=False)
    return Literal(text)


def _string_triples(article_id: str, start: int, end: int, text: str) -> Iterator[Triple]:
    s = span_iri(article_id, start, end)
    yield s, RDF.type, NIF.String
    yield s, NIF.beginIndex, _int(start)
    yield s, NIF.endIndex, _int(end)
    yield s, NIF.anchorOf, Literal(text)
    yield s, NIF.referenceContext, article_iri(article_id)


def _mention_triples(article_id: str, mention: Mention, predicate: URIRef, quote: URIRef) -> Iterator[Triple]:
    node = span_iri(article_id, mention.start, mention.end)
    yield quote, predicate, node
    yield from _string_triples(article_id, mention.start, mention.end, mention.text)
    if mention.entity:
        yield node, ITSRDF.taIdentRef, entity_iri(mention.entity)


def _attribution_triples(result: ArticleResult, att: Attribution, ids: dict[str, URIRef]) -> Iterator[Triple]:
    aid = result.article.id
    q = att.quote
    quote = span_iri(aid, q.start, q.end)
    yield quote, RDF.type, SDO.Quotation
    yield quote, RDF.type, PROV.Entity
    yield from _string_triples(aid, q.start, q.end, q.text)
    yield quote, SDO.text, Literal(q.text)
    yield quote, SDO.isPartOf, article_iri(aid)
    yield quote, QG.kind, KIND[q.kind]
    yield quote, QG.attributionId, Literal(att.id)
    if att.confidence is not None:
        yield quote, QG.confidence, decimal_literal(att.confidence)
    if att.parent and att.parent in ids:
        yield quote, QG.nestedIn, ids[att.parent]
    if att.cue:
        cue = span_iri(aid, att.cue.start, att.cue.end)
        yield quote, QG.cue, cue
        yield from _string_triples(aid, att.cue.start, att.cue.end, att.cue.text)
        if att.cue.lemma:
            yield quote, QG.cueLemma, Literal(att.cue.lemma)
    if att.speaker:
        yield from _mention_triples(aid, att.speaker, QG.speakerMention, quote)
        if att.speaker.entity:
            speaker = entity_iri(att.speaker.entity)
            yield quote, PROV.wasAttributedTo, speaker
            yield speaker, QG.said, quote
    if att.addressee:
        yield from _mention_triples(aid, att.addressee, QG.addresseeMention, quote)
        if att.addressee.entity:
            yield quote, SDO.recipient, entity_iri(att.addressee.entity)
    if att.mediator:
        yield from _mention_triples(aid, att.mediator, QG.mediatorMention, quote)
        if att.mediator.entity:
            outlet = entity_iri(att.mediator.entity)
            yield quote, QG.mediator, outlet
            yield outlet, QG.reported, quote
    yield from _relay_triples(aid, q, quote, att.mediators)


def _relay_triples(aid: str, q, quote: URIRef, mediators) -> Iterator[Triple]:
    """The relay chain, outermost first: the quote was taken from a report of the outermost
    relay, that report from one of the next relay inward, and so on (``prov:wasQuotedFrom+``
    walks it); a relay that names no entity is no hop."""
    previous = quote
    for hop, mention in enumerate(m for m in reversed(mediators) if m.entity):
        report = report_iri(aid, q.start, q.end, hop)
        yield previous, PROV.wasQuotedFrom, report
        yield report, RDF.type, QG.Report
        yield report, RDF.type, PROV.Entity
        yield report, PROV.wasAttributedTo, entity_iri(mention.entity)
        previous = report


def _entity_triples(result: ArticleResult) -> Iterator[Triple]:
    for ent in result.entities:
        node = entity_iri(ent.name)
        yield node, RDF.type, entity_class(ent.type)
        yield node, SDO.name, Literal(ent.name)
        for alias in ent.aliases:
            if alias != ent.name:
                yield node, SDO.alternateName, Literal(alias)


def article_triples(result: ArticleResult) -> Iterator[Triple]:
    """All triples for one article's extraction result, in a stable order.

    An entity the article types twice (an author who is also an organisation in the text, a
    publisher quoted as a person) keeps one ``rdf:type``, the one
    :func:`~quotegraph.graph.entity_types.best_type` picks.

    Parameters
    ----------
    result : ArticleResult
        The article with its attributions and entities.

    Yields
    ------
    (subject, predicate, object)
        rdflib terms. Running twice on the same result yields the same triples.
    """
    triples = list(_all_triples(result))
    # str.__eq__: rdflib compares (and hashes) its terms in Python, and this runs per triple
    types = [(s, o) for s, p, o in triples if str.__eq__(p, _RDF_TYPE) and is_entity(s)]
    losing = {(s, RDF.type, o) for s, o in losing_types(types)}
    yield from (t for t in triples if t not in losing) if losing else triples


def _all_triples(result: ArticleResult) -> Iterator[Triple]:
    yield from _article_triples(result.article)
    ids = {att.id: span_iri(result.article.id, att.quote.start, att.quote.end) for att in result.attributions}
    for att in result.attributions:
        yield from _attribution_triples(result, att, ids)
    yield from _entity_triples(result)
    for att in result.attributions:
        yield from _mentions_triples(result, att, ids[att.id])


def _mentioned(result: ArticleResult, att: Attribution) -> dict[str, None]:
    """The names of the entities a quote mentions, in order: those its record names inside it
    (``Attribution.mentions``), and any other entity of the article named inside it by one of
    its names (a record written without mentions; an outlet the NER did not tag) but its own
    speaker."""
    out = dict.fromkeys(m.entity for m in att.mentions if m.entity)
    for ent in result.entities:
        if ent.name in out or (att.speaker and att.speaker.entity == ent.name):
            continue
        if any(_names_in(alias, att.quote.text) for alias in (ent.name, *ent.aliases)):
            out[ent.name] = None
    return out


def _mentions_triples(result: ArticleResult, att: Attribution, quote: URIRef) -> Iterator[Triple]:
    """``quote schema:mentions entity`` for each entity it names, and the shortcut
    ``speaker qg:talksAbout entity`` (not to the speaker itself)."""
    speaker = att.speaker.entity if att.speaker else None
    for name in _mentioned(result, att):
        yield quote, SDO.mentions, entity_iri(name)
        if speaker and entity_iri(name) != entity_iri(speaker):
            yield entity_iri(speaker), QG.talksAbout, entity_iri(name)


_ARTICLE_EDGES = (QG.said, QG.reported)
_RDF_TYPE = str(RDF.type)
_ENTITY_NS = str(ENTITY)
_ARTICLE_EDGE_NAMES = frozenset(map(str, _ARTICLE_EDGES))


def is_shared(triple: Triple) -> bool:
    """Whether a triple describes an entity (type, name, aliases) rather than one article.

    Shared triples go into the default graph once, whichever article repeats them; every other
    triple goes into its article's graph (:func:`graph_iri`). ``entity qg:said quote`` is the
    article's: it names one of its quotes.

    >>> is_shared((entity_iri("Weber"), RDF.type, SDO.Person))
    True
    >>> is_shared((entity_iri("Weber"), QG.said, span_iri("a1", 0, 5)))
    False
    """
    s, p, _ = triple
    return str.startswith(s, _ENTITY_NS) and str(p) not in _ARTICLE_EDGE_NAMES


def article_quads(result: ArticleResult) -> Iterator[Quad]:
    """:func:`article_triples`, each with its graph: the article's, or None (the default graph).

    Parameters
    ----------
    result : ArticleResult

    Yields
    ------
    (subject, predicate, object, graph)
        ``graph`` is :func:`graph_iri` of the article, or None for shared entity triples
        (:func:`is_shared`).

    Examples
    --------
    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> quads = list(article_quads(ArticleResult(Article(id="a1", text="x", authors=("Eva Klein",)))))
    >>> sorted({str(g) for *_, g in quads})
    ['None', 'https://w3id.org/quotegraph/id/graph/a1']
    """
    g = graph_iri(result.article.id)
    for triple in article_triples(result):
        yield (*triple, None if is_shared(triple) else g)


_ARTICLE_NS = str(ID["article/"])
_REPORT_NS = str(ID["report/"])


def graph_of(subject: str, predicate: str, obj: str | None) -> str | None:
    """The named graph :func:`article_quads` puts a triple in, found from the triple alone.

    What a Turtle or N-Triples file loses (the graphs) comes back by the same rule: a shared
    entity triple (:func:`is_shared`) and the vocabulary go to the default graph (None); any
    other triple names its article in its subject (``article/<id>``, ``article/<id>#char=…``,
    ``report/<id>/…``) or, for an entity's ``qg:said``/``qg:reported`` edge, in its object,
    and goes to that article's :func:`graph_iri`. Terms are given as strings (``obj`` None
    for a literal or blank node), so a file can be sorted quad by quad without rdflib terms.

    >>> q = span_iri("dpa 42", 0, 5)
    >>> graph_of(str(q), str(RDF.type), str(SDO.Quotation)) == str(graph_iri("dpa 42"))
    True
    >>> graph_of(str(entity_iri("Weber")), str(QG.said), str(q)) == str(graph_iri("dpa 42"))
    True
    >>> graph_of(str(entity_iri("Weber")), str(SDO.name), None) is None
    True
    """
    if subject.startswith(str(ENTITY)):
        if predicate not in _ARTICLE_EDGE_NAMES or obj is None or not obj.startswith(_ARTICLE_NS):
            return None
        subject = obj
    for namespace, end in ((_ARTICLE_NS, "#"), (_REPORT_NS, "/")):
        if subject.startswith(namespace):
            # ids are percent-encoded with no safe characters, so "#" and "/" end them
            return f"{ID}graph/{subject[len(namespace):].split(end, 1)[0]}"
    return None


def _names_in(name: str, text: str) -> bool:
    # the substring test first: most names are not in most quotes, and it needs no regex
    return len(name) > 2 and name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def vocabulary_triples() -> Iterator[Triple]:
    """The quote kinds as a SKOS concept scheme, so every ``qg:kind`` value has a label.

    >>> (KIND.direct, SKOS.prefLabel, Literal("direct", lang="en")) in set(vocabulary_triples())
    True
    """
    scheme = KIND[""]
    yield scheme, RDF.type, SKOS.ConceptScheme
    for name in ("direct", "indirect", "mixed", "free_indirect", "reported"):
        yield KIND[name], RDF.type, SKOS.Concept
        yield KIND[name], RDF.type, QG.QuoteKind
        yield KIND[name], SKOS.inScheme, scheme
        yield KIND[name], SKOS.prefLabel, Literal(name, lang="en")


def article_batches(results: Iterable[ArticleResult], batch_size: int) -> Iterator[dict[str, list]]:
    """Group article results into batches of about ``batch_size`` quads, whole articles only.

    Yields
    ------
    dict
        article id -> its quads (:func:`article_quads`). An article
        given twice in one batch keeps its last result.
    """
    batch: dict[str, list] = {}
    size = 0
    for result in results:
        quads = list(article_quads(result))
        size += len(quads) - len(batch.get(result.article.id, ()))
        batch[result.article.id] = quads
        if size >= batch_size:
            yield batch
            batch, size = {}, 0
    if batch:
        yield batch


def nquads_line(s, p, o, g=None) -> str:
    r"""One quad (or triple, for ``g`` None) as an N-Quads line; literals escaped as N-Triples says.

    Writing text and letting Oxigraph's parser read it is several times faster than building
    pyoxigraph terms one by one from Python (about 5× measured on a million triples). The same
    lines are the body of the INSERT DATA requests sent to endpoints.

    >>> print(nquads_line(URIRef("urn:a"), URIRef("urn:b"), Literal('say "hi"'), URIRef("urn:g")), end="")
    <urn:a> <urn:b> "say \"hi\"" <urn:g> .
    """
    obj = f"<{o}>" if type(o) is URIRef else sparql_term(o)
    return f"<{s}> <{p}> {obj} <{g}> .\n" if g is not None else f"<{s}> <{p}> {obj} .\n"


def bind_prefixes(graph: Graph) -> Graph:
    """Bind quotegraph's prefixes on a graph (stable, readable Turtle); returns the graph."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def records_to_graph(results: Iterable[ArticleResult], graph: Graph | None = None) -> Graph:
    """Add the triples of many article results to a graph (a new in-memory one by default).

    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> g = records_to_graph([ArticleResult(Article(id="a1", text="x"))])
    >>> len(g) == len(records_to_graph([ArticleResult(Article(id="a1", text="x"))] * 2))
    True
    """
    graph = bind_prefixes(graph if graph is not None else Graph())
    graph.addN((s, p, o, graph) for s, p, o in vocabulary_triples())
    for result in results:
        graph.addN((s, p, o, graph) for s, p, o in article_triples(result))
    keep_one_type(graph)
    return graph


def keep_one_type(graph: Graph) -> int:
    """Drop every ``rdf:type`` of an entity but the one the rule keeps (on a plain rdflib Graph).

    Returns the number of triples removed.

    >>> g = Graph()
    >>> _ = g.add((ENTITY["nordpress"], RDF.type, SDO.Organization)).add((ENTITY["nordpress"], RDF.type, SDO.Person))
    >>> keep_one_type(g), list(g.objects(ENTITY["nordpress"], RDF.type))
    (1, [rdflib.term.URIRef('https://schema.org/Person')])
    """
    losing = losing_types((s, o) for s, o in graph.subject_objects(RDF.type) if is_entity(s))
    for s, o in losing:
        graph.remove((s, RDF.type, o))
    return len(losing)
