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
                        qg:mediator <entity/belta> ; prov:wasQuotedFrom <report/a1/40-90> .
    <entity/alexander-lukaschenko> a schema:Person ; schema:name "..." ; qg:said <article/a1#char=40,90> .
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
from collections.abc import Iterable, Iterator
from urllib.parse import quote as urlquote

from rdflib import Graph, Literal, URIRef

from quotegraph.extract.records import Article, ArticleResult, Attribution, Mention

from .namespaces import ENTITY, ID, ITSRDF, KIND, NIF, PREFIXES, PROV, QG, RDF, SDO, SKOS, XSD
from .terms import sparql_term

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
    "date_literal",
    "vocabulary_triples",
    "records_to_graph",
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


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article.

    >>> article_iri("dpa 42")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/dpa%2042')
    """
    return ID[f"article/{urlquote(article_id, safe='')}"]


def span_iri(article_id: str, start: int, end: int) -> URIRef:
    """An RFC 5147 character span of an article (``#char=start,end``), as NIF uses them.

    >>> span_iri("a1", 3, 8)
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/a1#char=3,8')
    """
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")


def entity_iri(name: str) -> URIRef:
    """The IRI of an entity, from its canonical name only, so it merges across articles.

    >>> entity_iri("Agentur Belta") == entity_iri("agentur  belta")
    True
    """
    return ID[f"entity/{urlquote(slug(name), safe='.-')}"]


def report_iri(article_id: str, start: int, end: int) -> URIRef:
    """The report node through which the quote at [start, end) was relayed."""
    return ID[f"report/{urlquote(article_id, safe='')}/{start}-{end}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding one article's triples: ``qgid:graph/<id>``.

    Everything that belongs to the article (the article node, its quotes, mentions, cues,
    reports, and ``entity qg:said quote``-style edges) lives there, so the article can be
    replaced or removed by dropping one graph.

    >>> graph_iri("dpa 42")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/graph/dpa%2042')
    """
    return ID[f"graph/{urlquote(article_id, safe='')}"]


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
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?")


def date_literal(text: str) -> Literal:
    """An article date as ``xsd:date`` or ``xsd:dateTime`` when it is one, else a plain literal.

    The lexical form is the canonical one Oxigraph (and Virtuoso) give back, so a graph is the
    same in memory and in any store: no trailing zeros in fractions, ``Z`` for UTC.

    >>> date_literal("2024-05-02").datatype == XSD.date
    True
    >>> str(date_literal("2024-05-02T10:00:00.500+00:00")), date_literal("2024-05-02T10:00:00Z").datatype == XSD.dateTime
    ('2024-05-02T10:00:00.5Z', True)
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
        try:
            datetime.fromisoformat(m.group(1))
        except ValueError:
            return Literal(text)
        fraction = (m.group(2) or "").rstrip("0").rstrip(".")
        zone = m.group(3) or ""
        if zone in ("+00:00", "-00:00"):
            zone = "Z"
        # normalize=False: rdflib would rewrite it into its own (non-canonical) form
        return Literal(f"{m.group(1)}{fraction}{zone}", datatype=XSD.dateTime, normalize=False)
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
    if att.mediator:
        yield from _mention_triples(aid, att.mediator, QG.mediatorMention, quote)
        if att.mediator.entity:
            outlet = entity_iri(att.mediator.entity)
            report = report_iri(aid, q.start, q.end)
            yield quote, QG.mediator, outlet
            yield quote, PROV.wasQuotedFrom, report
            yield report, RDF.type, QG.Report
            yield report, RDF.type, PROV.Entity
            yield report, PROV.wasAttributedTo, outlet
            yield outlet, QG.reported, quote


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

    Parameters
    ----------
    result : ArticleResult
        The article with its attributions and entities.

    Yields
    ------
    (subject, predicate, object)
        rdflib terms. Running twice on the same result yields the same triples.
    """
    yield from _article_triples(result.article)
    ids = {att.id: span_iri(result.article.id, att.quote.start, att.quote.end) for att in result.attributions}
    for att in result.attributions:
        yield from _attribution_triples(result, att, ids)
    yield from _entity_triples(result)
    # an entity named in a quote (other than its own speaker) is mentioned by that quote
    for att in result.attributions:
        quote = ids[att.id]
        for ent in result.entities:
            if att.speaker and att.speaker.entity == ent.name:
                continue
            if any(_names_in(alias, att.quote.text) for alias in (ent.name, *ent.aliases)):
                yield quote, SDO.mentions, entity_iri(ent.name)


_ARTICLE_EDGES = (QG.said, QG.reported)


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
    return str(s).startswith(str(ENTITY)) and p not in _ARTICLE_EDGES


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
    return graph
