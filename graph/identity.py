"""Cross-article entity resolution applied to a graph: read the entities as written, resolve, rewrite.

Extraction gives each entity the IRI of its name as written (a *key*). :func:`resolve_graph`
reads every key of a graph or store (through its :class:`~quotegraph.graph.backend.Backend`),
resolves them all again (:func:`quotegraph.graph.resolve.resolve`) and changes only what
differs from the last resolution, so adding articles and resolving again gives the same graph
as resolving everything at once, and a key merged before is split off again when a second
candidate appears.

What makes that possible is that nothing written is lost (docs/graph.md, *Identity*):

* a key merged into another entity keeps its own description as ``qg:writtenName``,
  ``qg:writtenType``, ``qg:writtenAlias``, and ``qg:mergedInto`` the entity, with the rule
  (``qg:joinRule``, ``qg:joinedVia``); every key of a merged entity, its canonical key too,
  keeps its written description;
* an article whose references to a key were rewritten says so in its own graph
  (``<article> qg:entityKey <key>``), so its references can be rewritten again, exactly; two
  keys one article names are never merged (:mod:`~quotegraph.graph.resolve`), so this is
  one-to-one.

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
>>> from quotegraph.graph.store import add_results, open_graph
>>> def said(aid, name):
...     text = f"„Ja“, sagte {name}."
...     q = Quote("„Ja“", 0, 4, "direct")
...     who = Mention(name, 12, 12 + len(name), entity=name)
...     return ArticleResult(Article(aid, text), (Attribution(f"{aid}-1", aid, q, speaker=who),),
...                          entities=(Entity(name, "person"),))
>>> g = open_graph()
>>> _ = add_results(g, [said("a1", "Henrik Solberg"), said("a2", "Solberg")])
>>> resolve_graph(g).merged
1
>>> from rdflib import URIRef
>>> sorted(str(o).rsplit("/", 1)[1] for o in g.objects(None, URIRef(PROV.wasAttributedTo)))
['henrik-solberg', 'henrik-solberg']
>>> _ = add_results(g, [said("a3", "Erna Solberg")])
>>> resolve_graph(g).merged
0
>>> sorted(str(o).rsplit("/", 1)[1] for o in g.objects(None, URIRef(PROV.wasAttributedTo)))
['erna-solberg', 'henrik-solberg', 'solberg']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import QuotegraphError
from .iris import ENTITY, ID, OWL, PROV, QG, RDF, SDO
from .resolve import Entry, Key, Resolved, resolve
from .terms import Lit, printed_order, term_text

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Resolution", "resolve_graph", "RECORD_PREDICATES"]

#: What the resolution writes about keys and entities in the default graph (and reads back).
RECORD_PREDICATES = (QG.writtenName, QG.writtenType, QG.writtenAlias, QG.mergedInto, QG.joinRule, QG.joinedVia,
                     QG.keptApart)
_DESCRIPTION = (RDF.type, SDO.name, SDO.alternateName, OWL.sameAs)
_ENTITY_NS = str(ENTITY)
_ARTICLE_NS = ID["article/"]
_GRAPH_NS = ID["graph/"]  # articles' graphs only: a server's shared graph is none


@dataclass
class Resolution:
    """What one resolution did: keys read, entities made, keys merged into another entity,
    triples deleted and inserted."""

    keys: int = 0
    entities: int = 0
    merged: int = 0
    deleted: int = 0
    inserted: int = 0


def _values(terms: Iterable) -> str:
    return " ".join(f"<{t}>" for t in terms)


def _rows(backend, text: str) -> list[tuple]:
    # plain terms (an IRI a str, a literal a Lit): no rdflib in a run of extract
    return backend.select(text)


def _lexical(terms) -> str:
    """The least of some names or IRIs (plain terms), as text: in the order rdflib's terms had
    (by lexical form, for literals of one kind)."""
    return min(map(term_text, terms))


@dataclass
class _State:
    """The graph as the last resolution left it, and what extraction added since."""

    described: dict[str, dict]  # entity -> predicate -> set of objects (default graph), plain terms
    used: dict[str, set[str]]  # article graph -> entity IRIs it refers to
    recorded: dict[str, set[str]]  # article graph -> keys it says were rewritten
    languages: dict[str, str]  # article graph -> language


def _read_state(backend) -> _State:
    described: dict[str, dict] = defaultdict(lambda: defaultdict(set))
    preds = _values((*_DESCRIPTION, *RECORD_PREDICATES))
    # entities' descriptions: shared triples, in the default graph (select_shared)
    for s, p, o in backend.select_shared(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?o "
                                         f"FILTER(STRSTARTS(STR(?s), \"{_ENTITY_NS}\")) }}"):
        described[s][p].add(o)
    used: dict[str, set[str]] = defaultdict(set)
    known = backend.entity_uses()
    if known is not None:  # the backend wrote every article itself: no scan of every graph
        used.update((g, set(entities)) for g, entities in known.items() if entities)
    else:
        for g, e in _rows(backend, "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { { ?e ?p ?o } UNION { ?s ?p ?e } } "
                                   f"FILTER(STRSTARTS(STR(?g), \"{_GRAPH_NS}\") && isIRI(?e) "
                                   f"&& STRSTARTS(STR(?e), \"{_ENTITY_NS}\")) }}"):
            used[g].add(e)
    recorded: dict[str, set[str]] = defaultdict(set)
    for g, k in _rows(backend, f"SELECT ?g ?k WHERE {{ GRAPH ?g {{ ?a <{QG.entityKey}> ?k }} }}"):
        recorded[g].add(k)
        used[g].discard(k)
    languages = {g: term_text(lang) for g, lang in _rows(
        backend, f"SELECT ?g ?l WHERE {{ GRAPH ?g {{ ?a <{SDO.inLanguage}> ?l }} }}")}
    return _State(described, used, recorded, languages)


def _article_keys(state: _State) -> dict[str, dict[str, str]]:
    """Per article graph: each entity IRI its graph holds -> the key the article wrote."""
    merged_into = {k: next(iter(d[QG.mergedInto])) for k, d in state.described.items() if d.get(QG.mergedInto)}
    out = {}
    for g, entities in state.used.items():
        back = {merged_into.get(k, k): k for k in state.recorded.get(g, ())}
        out[g] = {e: back.get(e, e) for e in entities}
    return out


def _read_keys(state: _State, article_keys: dict[str, dict[str, str]]) -> list[Key]:
    """The entities as written: their recorded description where resolution moved it, else
    the one extraction wrote; with the articles (graphs) that name them."""
    articles: dict[str, set[str]] = defaultdict(set)
    for g, mapping in article_keys.items():
        for k in mapping.values():
            articles[k].add(g)
    written_by_others: dict[str, set] = defaultdict(set)  # canonical -> names its other keys brought
    for k, d in state.described.items():
        for c in d.get(QG.mergedInto, ()):
            written_by_others[c] |= d.get(QG.writtenName, set()) | d.get(QG.writtenAlias, set())
    keys = []
    for iri, d in sorted(state.described.items()):
        if not (d.get(QG.writtenName) or d.get(RDF.type)) or not d.get(QG.writtenName, d.get(SDO.name)):
            continue
        if d.get(QG.writtenName) and not articles[iri]:
            continue  # resolved before, but no article writes it any more (removed): it takes no part
        if d.get(QG.writtenName):
            name = _lexical(d[QG.writtenName])
            cls = _lexical(d.get(QG.writtenType) or d.get(RDF.type))
            # names extraction added since (a new article's alias), not those other keys brought
            new = (d.get(SDO.name, set()) | d.get(SDO.alternateName, set())) - written_by_others[iri]
            aliases = {term_text(a) for a in d.get(QG.writtenAlias, set()) | new} - {name}
        else:
            name = _lexical(d[SDO.name])
            cls = _lexical(d[RDF.type])
            aliases = {term_text(a) for a in d.get(SDO.name, set()) | d.get(SDO.alternateName, set())} - {name}
        langs = frozenset(state.languages[g] for g in articles[iri] if g in state.languages)
        keys.append(Key(iri, name, cls, tuple(sorted(aliases)), frozenset(articles[iri]), langs))
    return keys


def _description(entity: Resolved) -> set[tuple]:
    """The default-graph triples of one resolved entity and its keys (plain terms)."""
    c = entity.iri
    merged = len(entity.members) > 1 or entity.name != entity.members[0].key.name or entity.same_as
    out = {(c, RDF.type, entity.type), (c, SDO.name, Lit(entity.name))}
    out |= {(c, SDO.alternateName, Lit(n)) for n in entity.alternate_names}
    if entity.same_as:
        out.add((c, OWL.sameAs, entity.same_as))
    for m in entity.members:
        k = m.key.iri
        if m.refused:
            out.add((k, QG.keptApart, Lit(m.refused)))
        if not merged:
            continue
        out |= {(k, QG.writtenName, Lit(m.key.name)), (k, QG.writtenType, m.key.type),
                (k, QG.joinRule, Lit(m.rule))}
        out |= {(k, QG.writtenAlias, Lit(a)) for a in m.key.aliases}
        if m.via:
            out.add((k, QG.joinedVia, m.via))
        if k != c:
            out.add((k, QG.mergedInto, c))
    return out


def resolve_graph(graph: Graph, authority: Sequence[Entry] = ()) -> Resolution:
    """Resolve the entities of a whole graph or store again, and write what changed.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph from :func:`quotegraph.graph.store.open_graph` (any store with named graphs).
    authority : sequence of Entry
        The entities of an ``--entities`` file (:mod:`quotegraph.graph.authority`).

    Returns
    -------
    Resolution
        Counts of what was read and changed; resolving twice changes nothing the second time.

    Raises
    ------
    QuotegraphError
        For a plain rdflib Graph, which has no named graphs to rewrite the articles in.
    """
    from .store import backend_of  # the store module imports the model this module builds on

    backend = backend_of(graph)
    if not backend.named_graphs:
        raise QuotegraphError("entity resolution needs one named graph per article: use a graph from "
                              "open_graph() (a store, or in memory) or a file read by article")
    state = _read_state(backend)
    article_keys = _article_keys(state)
    keys = _read_keys(state, article_keys)
    entities = resolve(keys, authority)
    canonical = {m.key.iri: e.iri for e in entities for m in e.members}
    report = Resolution(keys=len(keys), entities=len(entities),
                        merged=sum(1 for k, c in canonical.items() if k != c))
    wanted = set().union(*(_description(e) for e in entities)) if entities else set()
    present = {(s, p, o) for s, d in state.described.items() for p, objs in d.items() for o in objs}
    # the descriptions of every key (drop what resolution no longer says)
    deletes = {(*t, None) for t in present - wanted}
    inserts = {(*t, None) for t in wanted - present}
    renames, records_del, records_add = _rewrites(state, article_keys, canonical)
    deletes |= records_del
    inserts |= records_add
    moved_d, moved_i = _moved_triples(backend, renames)
    deletes |= moved_d
    inserts |= moved_i
    deletes, inserts = deletes - inserts, inserts - deletes
    if deletes or inserts:
        # in the order of rdflib's printed terms, as before rdflib left extraction: the order the
        # update writes them in, which the store and its files keep
        backend.change(sorted(deletes, key=printed_order), sorted(inserts, key=printed_order))
    report.deleted, report.inserted = len(deletes), len(inserts)
    return report


def _rewrites(state: _State, article_keys, canonical: dict[str, str]):
    """Per article graph, which entity IRIs become which, and its ``qg:entityKey`` records."""
    renames: dict[str, dict[str, str]] = defaultdict(dict)
    dels, adds = set(), set()
    for g, mapping in article_keys.items():
        article = _ARTICLE_NS + g.rsplit("/", 1)[1]
        for current, key in mapping.items():
            target = canonical.get(key, key)
            if target != current:
                renames[g][current] = target
            was = key != current
            now = key != target
            if was and not now:
                dels.add((article, QG.entityKey, key, g))
            elif now and not was:
                adds.add((article, QG.entityKey, key, g))
    return renames, dels, adds


def _moved_triples(backend, renames: dict[str, dict[str, str]]) -> tuple[set, set]:
    """The triples of article graphs that name a renamed entity, deleted and inserted with the
    new IRI; and the shared ``qg:talksAbout`` shortcuts, derived again from the quotes (a
    speaker's quote that mentions an entity), as the renamed graphs will hold them."""
    dels, adds = set(), set()
    # the (graph, entity) pairs of every graph in a few queries, not a query per graph: parsing
    # one cost as much as running it (PolNeAR dev renames entities in 56 graphs)
    pairs = sorted((g, e) for g, mapping in renames.items() for e in mapping)
    for i in range(0, len(pairs), 500):
        listed = " ".join(f"(<{g}> <{e}>)" for g, e in pairs[i:i + 500])
        where = (f"VALUES (?g ?e) {{ {listed} }} "
                 "GRAPH ?g { { ?e ?p ?o BIND(?e AS ?s) } UNION { ?s ?p ?e BIND(?e AS ?o) } }")
        for g, s, p, o in _rows(backend, f"SELECT ?g ?s ?p ?o WHERE {{ {where} }}"):
            mapping = renames[g]
            dels.add((s, p, o, g))
            adds.add((mapping.get(s, s) if type(s) is str else s, p, mapping.get(o, o) if type(o) is str else o, g))
    derived = set()
    for g, s, m in _rows(backend, f"SELECT ?g ?s ?m WHERE {{ GRAPH ?g {{ ?s <{QG.said}> ?q . ?q <{SDO.mentions}> ?m }} }}"):
        mapping = renames.get(g, {})
        s2, m2 = mapping.get(s, s), mapping.get(m, m)
        if s2 != m2:
            derived.add((s2, QG.talksAbout, m2, None))
    current = {(s, QG.talksAbout, o, None) for s, o in _rows(backend, f"SELECT ?s ?o WHERE {{ ?s <{QG.talksAbout}> ?o }}")}
    return dels | (current - derived), adds | (derived - current)
