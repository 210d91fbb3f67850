"""Extraction records to RDF triples: pure functions, deterministic IRIs.

The same article always yields the same IRIs and the same triples, so loading it twice adds
nothing. Entities are keyed by canonical name only, so one person is one node in a corpus.

The model is written once, in plain terms (:mod:`quotegraph.graph.terms`: an IRI a ``str``, a
literal a :class:`~quotegraph.graph.terms.Lit`): :func:`plain_quads` is what the stores are
written from, as N-Quads text (:func:`~quotegraph.graph.terms.nquads_line`); the rdflib triples
of :func:`article_triples` and :func:`records_to_graph` are made from the same plain triples.

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

This module imports no rdflib: the functions that give rdflib terms (:func:`article_iri` …,
:func:`article_triples`, :func:`records_to_graph`) import it when called, and a run of
``quotegraph extract`` calls none of them (issue #27).

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult
>>> from quotegraph.graph import namespaces
>>> art = Article(id="a1", text="Hallo", title="Gruß")
>>> ("https://w3id.org/quotegraph/id/article/a1", RDF.type, SDO.NewsArticle) in plain_triples(ArticleResult(art))
True
>>> (article_iri("a1"), namespaces.RDF.type, namespaces.SDO.NewsArticle) in set(article_triples(ArticleResult(art)))
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from quotegraph.extract.records import Article, ArticleResult, Attribution, Mention

from .entity_types import is_entity, losing_types
from .iri_segments import iri_segment
from .name_hits import names_in_texts
from .node_iris import (_article, _described_entity, _entity, _graph, _report, _span, _uriref, article_iri,
                        described_entity_iri, entity_iri, graph_iri, graph_name, report_iri, slug, span_iri)
from .literals import date_literal, decimal_literal, integer_literal
from .iris import ENTITY, ID, ITSRDF, KIND, NIF, PREFIXES, PROV, QG, RDF, SDO, SKOS, XSD
from .terms import Lit

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

_ID, _KIND = str(ID), str(KIND)

__all__ = [
    "article_iri",
    "span_iri",
    "entity_iri",
    "described_entity_iri",
    "report_iri",
    "graph_iri",
    "graph_name",
    "entity_class",
    "entity_class_iri",
    "slug",
    "plain_triples",
    "plain_quads",
    "article_triples",
    "article_quads",
    "article_batches",
    "is_shared",
    "graph_of",
    "plain_vocabulary",
    "vocabulary_triples",
    "records_to_graph",
    "keep_one_type",
    "bind_prefixes",
]

#: A triple in plain terms: IRIs as ``str``, the object an IRI or a :class:`~quotegraph.graph.terms.Lit`.
Triple = tuple[str, str, "str | Lit"]
#: A triple and its graph: the article's named graph, or None for the default graph.
Quad = tuple[str, str, "str | Lit", "str | None"]

_ENTITY_CLASS = {
    "person": SDO.Person,
    "organization": SDO.Organization,
    "media": SDO.NewsMediaOrganization,
    "location": SDO.Place,
}


def entity_class(entity_type: str | None) -> URIRef:
    """The schema.org class for one of our entity types (``schema:Thing`` when unknown).

    >>> entity_class("media")
    rdflib.term.URIRef('https://schema.org/NewsMediaOrganization')
    """
    return _uriref(entity_class_iri(entity_type))


def entity_class_iri(entity_type: str | None) -> str:
    """:func:`entity_class` as a plain IRI (a ``str``).

    >>> entity_class_iri("person"), entity_class_iri(None)
    ('https://schema.org/Person', 'https://schema.org/Thing')
    """
    return _ENTITY_CLASS.get(entity_type or "", SDO.Thing)


# The triples are built as lists, not generators: a corpus makes tens of thousands per run, and
# each generator level a triple passed through cost more than making it (issue #27)

def _article_triples(article: Article) -> list[Triple]:
    a = _article(article.id)
    out = [(a, RDF.type, SDO.NewsArticle), (a, SDO.identifier, Lit(article.id)),
           (a, SDO.articleBody, Lit(article.text)), (a, SDO.inLanguage, Lit(article.language))]
    if article.title:
        out.append((a, SDO.headline, Lit(article.title)))
    if article.url:
        out.append((a, SDO.url, Lit(article.url, XSD.anyURI)))
    if article.date:
        out.append((a, SDO.datePublished, date_literal(article.date)))
    for author in article.authors:
        person = _entity(author)
        out += [(a, SDO.author, person), (person, RDF.type, SDO.Person), (person, SDO.name, Lit(author))]
    # agencies credited in the text ("(dpa)") and the site it was published on
    for outlet in dict.fromkeys((*article.agencies, *filter(None, [article.site]))):
        org = _entity(outlet)
        out += [(a, SDO.publisher, org), (org, RDF.type, SDO.NewsMediaOrganization), (org, SDO.name, Lit(outlet))]
    return out


def _string_triples(article_id: str, start: int, end: int, text: str) -> list[Triple]:
    s = _span(article_id, start, end)
    return [(s, RDF.type, NIF.String), (s, NIF.beginIndex, integer_literal(start)),
            (s, NIF.endIndex, integer_literal(end)), (s, NIF.anchorOf, Lit(text)),
            (s, NIF.referenceContext, _article(article_id))]


def _mention_triples(article_id: str, mention: Mention, predicate: str, quote: str, node_of) -> list[Triple]:
    node = _span(article_id, mention.start, mention.end)
    out = [(quote, predicate, node), *_string_triples(article_id, mention.start, mention.end, mention.text)]
    if mention.entity:
        out.append((node, ITSRDF.taIdentRef, node_of(mention.entity)))
    return out


def _entity_nodes(result: ArticleResult) -> Callable[[str], str]:
    """The IRI of each of an article's entities, by its name: a named entity's from the name
    alone (one node in a corpus), one the article knows only by a description ("die
    Polizei") within the article (one node per article)."""
    described = {e.name for e in result.entities if not e.named}
    described.update(m.entity for att in result.attributions  # a result read from quotes.jsonl: mentions only
                     for m in (att.speaker, att.addressee, *att.mediators, *att.mentions)
                     if m is not None and m.entity and not m.named)
    if not described:
        return _entity
    aid = result.article.id
    return lambda name: _described_entity(aid, name) if name in described else _entity(name)


def _attribution_triples(result: ArticleResult, att: Attribution, ids: dict[str, str], node_of) -> list[Triple]:
    aid = result.article.id
    q = att.quote
    quote = _span(aid, q.start, q.end)
    out = [(quote, RDF.type, SDO.Quotation), (quote, RDF.type, PROV.Entity),
           *_string_triples(aid, q.start, q.end, q.text),
           (quote, SDO.text, Lit(q.text)), (quote, SDO.isPartOf, _article(aid)),
           (quote, QG.kind, f"{_KIND}{iri_segment(q.kind)}"),  # a kind read from a file is only a string
           (quote, QG.attributionId, Lit(att.id))]
    if att.confidence is not None:
        out.append((quote, QG.confidence, decimal_literal(att.confidence)))
    if att.parent and att.parent in ids:
        out.append((quote, QG.nestedIn, ids[att.parent]))
    for lo, hi in q.gaps:  # "A laut X B": X's phrase stands inside the quote's span, no part of its words
        out += [(quote, QG.gap, _span(aid, lo, hi)), *_string_triples(aid, lo, hi, q.text[lo - q.start : hi - q.start])]
    if att.cue:
        cue = _span(aid, att.cue.start, att.cue.end)
        out.append((quote, QG.cue, cue))
        out += _string_triples(aid, att.cue.start, att.cue.end, att.cue.text)
        if att.cue.lemma:
            out.append((quote, QG.cueLemma, Lit(att.cue.lemma)))
    if att.speaker:
        out += _mention_triples(aid, att.speaker, QG.speakerMention, quote, node_of)
        if att.speaker.entity:
            speaker = node_of(att.speaker.entity)
            out += [(quote, PROV.wasAttributedTo, speaker), (speaker, QG.said, quote)]
    if att.addressee:
        out += _mention_triples(aid, att.addressee, QG.addresseeMention, quote, node_of)
        if att.addressee.entity:
            out.append((quote, SDO.recipient, node_of(att.addressee.entity)))
    if att.mediator:
        out += _mention_triples(aid, att.mediator, QG.mediatorMention, quote, node_of)
        if att.mediator.entity:
            outlet = node_of(att.mediator.entity)
            out += [(quote, QG.mediator, outlet), (outlet, QG.reported, quote)]
    out += _relay_triples(aid, q, quote, att.mediators, node_of)
    return out


def _relay_triples(aid: str, q, quote: str, mediators, node_of) -> list[Triple]:
    """The relay chain, outermost first: the quote was taken from a report of the outermost
    relay, that report from one of the next relay inward, and so on (``prov:wasQuotedFrom+``
    walks it); a relay that names no entity is no hop."""
    out = []
    previous = quote
    for hop, mention in enumerate(m for m in reversed(mediators) if m.entity):
        report = _report(aid, q.start, q.end, hop)
        out += [(previous, PROV.wasQuotedFrom, report), (report, RDF.type, QG.Report),
                (report, RDF.type, PROV.Entity), (report, PROV.wasAttributedTo, node_of(mention.entity))]
        previous = report
    return out


def _entity_triples(result: ArticleResult, node_of) -> list[Triple]:
    out = []
    for ent in result.entities:
        node = node_of(ent.name)
        out += [(node, RDF.type, entity_class_iri(ent.type)), (node, SDO.name, Lit(ent.name))]
        if node != _entity(ent.name):  # known by a description only: say which article it is one in
            out.append((node, QG.describedIn, _article(result.article.id)))
        out += [(node, SDO.alternateName, Lit(alias)) for alias in ent.aliases if alias != ent.name]
    return out


def plain_triples(result: ArticleResult) -> list[Triple]:
    """All triples for one article's extraction result, in a stable order, in plain terms.

    An entity the article types twice (an author who is also an organisation in the text, a
    publisher quoted as a person) keeps one ``rdf:type``, the one
    :func:`~quotegraph.graph.entity_types.best_type` picks.

    Parameters
    ----------
    result : ArticleResult
        The article with its attributions and entities.

    Returns
    -------
    list of (subject, predicate, object)
        Plain terms (:mod:`quotegraph.graph.terms`): IRIs as ``str``, literals as ``Lit``.
        The same result always gives the same triples.
    """
    triples = _all_triples(result)
    types = [(s, o) for s, p, o in triples if p == _RDF_TYPE and is_entity(s)]
    if not types:
        return triples
    losing = {(s, _RDF_TYPE, o) for s, o in losing_types(types)}
    return [t for t in triples if t not in losing] if losing else triples


def article_triples(result: ArticleResult) -> Iterator[tuple]:
    """:func:`plain_triples` as rdflib terms (``URIRef``, ``Literal``): the same triples.

    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> [o for _, p, o in article_triples(ArticleResult(Article(id="a1", text="x"))) if str(p) == SDO.inLanguage]
    [rdflib.term.Literal('de')]
    """
    from .rdflib_terms import to_rdflib

    for s, p, o in plain_triples(result):
        yield _uriref(s), _uriref(p), to_rdflib(o)


def _all_triples(result: ArticleResult) -> list[Triple]:
    out = _article_triples(result.article)
    ids = {att.id: _span(result.article.id, att.quote.start, att.quote.end) for att in result.attributions}
    node_of = _entity_nodes(result)
    for att in result.attributions:
        out += _attribution_triples(result, att, ids, node_of)
    out += _entity_triples(result, node_of)
    # each entity's names looked for once per article, not once per quote; names of two
    # characters or fewer are never looked for
    names = [(ent.name, [n for n in (ent.name, *ent.aliases) if len(n) > 2]) for ent in result.entities]
    hits = names_in_texts(names, [att.quote.text for att in result.attributions])
    for att, named in zip(result.attributions, hits):
        out += _mentions_triples(named, att, ids[att.id], node_of)
    return out


def _mentioned(named: list[str], att: Attribution) -> dict[str, None]:
    """The names of the entities a quote mentions, in order: those its record names inside it
    (``Attribution.mentions``), and any other entity of the article named inside it (``named``,
    by :func:`~quotegraph.graph.name_hits.names_in_texts`: a record written without mentions; an
    outlet the NER did not tag) but its own speaker."""
    out = dict.fromkeys(m.entity for m in att.mentions if m.entity)
    speaker = att.speaker.entity if att.speaker else None
    for name in named:
        if name not in out and name != speaker:
            out[name] = None
    return out


def _mentions_triples(named: list[str], att: Attribution, quote: str, node_of) -> list[Triple]:
    """``quote schema:mentions entity`` for each entity it names, and the shortcut
    ``speaker qg:talksAbout entity`` (not to the speaker itself)."""
    speaker = node_of(att.speaker.entity) if att.speaker and att.speaker.entity else None
    out = []
    for name in _mentioned(named, att):
        mentioned = node_of(name)
        out.append((quote, SDO.mentions, mentioned))
        if speaker and mentioned != speaker:
            out.append((speaker, QG.talksAbout, mentioned))
    return out


_RDF_TYPE = RDF.type
_ENTITY_NS = str(ENTITY)
_ARTICLE_EDGE_NAMES = frozenset((QG.said, QG.reported, QG.describedIn))


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


def plain_quads(result: ArticleResult) -> list[Quad]:
    """:func:`plain_triples`, each with its graph: the article's, or None (the default graph).

    Parameters
    ----------
    result : ArticleResult

    Returns
    -------
    list of (subject, predicate, object, graph)
        Plain terms; ``graph`` is :func:`graph_iri` of the article (a ``str``), or None for
        shared entity triples (:func:`is_shared`).

    Examples
    --------
    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> quads = plain_quads(ArticleResult(Article(id="a1", text="x", authors=("Eva Klein",))))
    >>> sorted({str(g) for *_, g in quads})
    ['None', 'https://w3id.org/quotegraph/id/graph/a1']
    """
    g = _graph(result.article.id)
    entity_ns, article_edges = _ENTITY_NS, _ARTICLE_EDGE_NAMES
    # is_shared, inline: this runs for every triple of a corpus
    return [(s, p, o, None if s.startswith(entity_ns) and p not in article_edges else g)
            for s, p, o in plain_triples(result)]


def article_quads(result: ArticleResult) -> Iterator[tuple]:
    """:func:`plain_quads` as rdflib terms: the same quads (``graph`` a ``URIRef`` or None).

    >>> from quotegraph.extract.records import Article, ArticleResult
    >>> quads = list(article_quads(ArticleResult(Article(id="a1", text="x", authors=("Eva Klein",)))))
    >>> sorted({str(g) for *_, g in quads})
    ['None', 'https://w3id.org/quotegraph/id/graph/a1']
    """
    from .rdflib_terms import to_rdflib

    for s, p, o, g in plain_quads(result):
        yield _uriref(s), _uriref(p), to_rdflib(o), None if g is None else _uriref(g)


_ARTICLE_NS = f"{_ID}article/"
_REPORT_NS = f"{_ID}report/"


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


def plain_vocabulary() -> list[Triple]:
    """The quote kinds as a SKOS concept scheme, so every ``qg:kind`` value has a label (plain terms).

    >>> ("https://w3id.org/quotegraph/kind/direct", SKOS.prefLabel, Lit("direct", lang="en")) in plain_vocabulary()
    True
    """
    scheme = _KIND
    triples = [(scheme, RDF.type, SKOS.ConceptScheme)]
    for name in ("direct", "indirect", "mixed", "free_indirect", "reported"):
        kind = f"{_KIND}{name}"
        triples += [(kind, RDF.type, SKOS.Concept), (kind, RDF.type, QG.QuoteKind), (kind, SKOS.inScheme, scheme),
                    (kind, SKOS.prefLabel, Lit(name, lang="en"))]
    return triples


def vocabulary_triples() -> Iterator[tuple]:
    """:func:`plain_vocabulary` as rdflib terms.

    >>> from rdflib import Literal, URIRef
    >>> (URIRef(KIND.direct), URIRef(SKOS.prefLabel), Literal("direct", lang="en")) in set(vocabulary_triples())
    True
    """
    from .rdflib_terms import to_rdflib

    for s, p, o in plain_vocabulary():
        yield _uriref(s), _uriref(p), to_rdflib(o)


def article_batches(results: Iterable[ArticleResult], batch_size: int) -> Iterator[dict[str, list[Quad]]]:
    """Group article results into batches of about ``batch_size`` quads, whole articles only.

    Yields
    ------
    dict
        article id -> its quads in plain terms (:func:`plain_quads`). An article given twice in
        one batch keeps its last result.
    """
    batch: dict[str, list] = {}
    size = 0
    for result in results:
        quads = plain_quads(result)
        size += len(quads) - len(batch.get(result.article.id, ()))
        batch[result.article.id] = quads
        if size >= batch_size:
            yield batch
            batch, size = {}, 0
    if batch:
        yield batch


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
    if graph is None:
        from rdflib import Graph

        graph = Graph()
    graph = bind_prefixes(graph)
    graph.addN((s, p, o, graph) for s, p, o in vocabulary_triples())
    for result in results:
        graph.addN((s, p, o, graph) for s, p, o in article_triples(result))
    keep_one_type(graph)
    return graph


def keep_one_type(graph: Graph) -> int:
    """Drop every ``rdf:type`` of an entity but the one the rule keeps (on a plain rdflib Graph).

    Returns the number of triples removed.

    >>> from rdflib import Graph
    >>> from quotegraph.graph.namespaces import ENTITY, RDF, SDO
    >>> g = Graph()
    >>> _ = g.add((ENTITY["nordpress"], RDF.type, SDO.Organization)).add((ENTITY["nordpress"], RDF.type, SDO.Person))
    >>> keep_one_type(g), list(g.objects(ENTITY["nordpress"], RDF.type))
    (1, [rdflib.term.URIRef('https://schema.org/Person')])
    """
    rdf_type = _uriref(RDF.type)
    losing = losing_types((s, o) for s, o in graph.subject_objects(rdf_type) if is_entity(s))
    for s, o in losing:
        graph.remove((s, rdf_type, o))
    return len(losing)
