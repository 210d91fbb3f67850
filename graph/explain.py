"""Why an entity is what it is: the names as written that joined it, by which rule, in which articles.

What ``quotegraph explain`` prints, read from what the resolution recorded
(:mod:`quotegraph.graph.identity`): the entity's IRI, name, other names and Wikidata link, and
for each name as written (each *key*) the rule that joined it, the name it matched, why a join
was refused (``ambiguous: …``), the articles that wrote it and the words they used for it there
(the speaker, mediator and addressee mentions, which may be pronouns).

Examples
--------
>>> from quotegraph.graph.store import open_graph
>>> explain(open_graph(), "Nobody")
[]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef, Variable

from .namespaces import ENTITY, ID, ITSRDF, NIF, OWL, QG, RDF, SDO
from .resolve import RULES
from .sparql import inline_values

__all__ = ["Joined", "Explanation", "explain", "RULES"]


@dataclass(frozen=True)
class Joined:
    """One name as written of an entity: the rule that joined it and where it was written."""

    key: str
    name: str
    rule: str
    via: str | None
    kept_apart: str | None
    articles: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """One entity and the names as written it is made of."""

    iri: str
    name: str
    type: str
    alternate_names: tuple[str, ...]
    same_as: tuple[str, ...]
    members: tuple[Joined, ...]


def _rows(graph: Graph, text: str, **bindings) -> list[tuple]:
    from .store import backend_of  # the store module imports the model, which this one sits beside

    # bound as a VALUES block (terms escaped by Oxigraph's writer): every store reads it the same
    text = inline_values(text, {Variable(k): v for k, v in bindings.items()}) if bindings else text
    return backend_of(graph).query(text, {})[1]


def _matching(graph: Graph, entity: str) -> list[str]:
    """The entities a name or IRI points at (a key merged away points at its entity)."""
    if entity.startswith(("http://", "https://")) or entity.startswith("entity:"):
        iris = [str(ENTITY) + entity[len("entity:"):] if entity.startswith("entity:") else entity]
    else:
        iris = [str(e) for e, in _rows(graph, f"""SELECT DISTINCT ?e WHERE {{
            VALUES ?p {{ <{SDO.name}> <{SDO.alternateName}> <{QG.writtenName}> }} ?e ?p ?n
            FILTER(STRSTARTS(STR(?e), "{ENTITY}") && LCASE(STR(?n)) = LCASE(STR(?q))) }}""", q=Literal(entity))]
        if not iris:  # the words an article used ("Mayor Granlund"), which an explanation lists
            iris = [str(e) for e, in _rows(graph, f"""SELECT DISTINCT ?e WHERE {{
                ?m <{ITSRDF.taIdentRef}> ?e ; <{NIF.anchorOf}> ?t
                FILTER(STRSTARTS(STR(?e), "{ENTITY}") && LCASE(STR(?t)) = LCASE(STR(?q))) }}""", q=Literal(entity))]
    out = []
    for iri in iris:
        into = [str(c) for c, in _rows(graph, f"SELECT ?c WHERE {{ ?e <{QG.mergedInto}> ?c }}", e=URIRef(iri))]
        out.append(into[0] if into else iri)
    return sorted(dict.fromkeys(e for e in out if _rows(graph, f"SELECT ?t WHERE {{ ?e <{RDF.type}> ?t }}", e=URIRef(e))))


def explain(graph: Graph, entity: str) -> list[Explanation]:
    """The entities a name (any of their names, any case) or an IRI points at, explained; when
    no entity has that name, those an article named with these words ("Mayor Granlund").

    Parameters
    ----------
    graph : rdflib.Graph
    entity : str
        A name ("Lukashenko"), an entity IRI, or ``entity:alexander-lukaschenko``.

    Returns
    -------
    list of Explanation
        Empty when nothing has that name.
    """
    return [_explain_one(graph, URIRef(iri)) for iri in _matching(graph, entity)]


def _explain_one(graph: Graph, c: URIRef) -> Explanation:
    described: dict = defaultdict(set)
    for p, o in _rows(graph, "SELECT ?p ?o WHERE { ?c ?p ?o }", c=c):
        described[p].add(o)
    keys = [c] + sorted({k for k, in _rows(graph, f"SELECT ?k WHERE {{ ?k <{QG.mergedInto}> ?c }}", c=c)})
    # the article graphs that write each key: a rewritten key is recorded in its article's graph
    recorded: dict = defaultdict(set)
    for g, k in _rows(graph, f"SELECT ?g ?k WHERE {{ ?k <{QG.mergedInto}> ?c . GRAPH ?g {{ ?a <{QG.entityKey}> ?k }} }}", c=c):
        recorded[k].add(g)
    using = {g for g, in _rows(graph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { { ?c ?p ?o } UNION { ?s ?p ?c } } }", c=c)}
    mentions: dict = defaultdict(set)
    for g, text in _rows(graph, f"SELECT ?g ?t WHERE {{ GRAPH ?g {{ ?m <{ITSRDF.taIdentRef}> ?c ; <{NIF.anchorOf}> ?t }} }}", c=c):
        mentions[g].add(str(text))
    others = set().union(*recorded.values()) if recorded else set()
    members = []
    for k in keys:
        d: dict = defaultdict(set)
        for p, o in _rows(graph, "SELECT ?p ?o WHERE { ?k ?p ?o }", k=k):
            d[p].add(o)
        name = str(min(d.get(QG.writtenName) or d.get(SDO.name) or {k}))
        via = next(iter(d.get(QG.joinedVia, ())), None)
        via_name = None
        if via is not None:
            names = [n for n, in _rows(graph, f"SELECT ?n WHERE {{ {{ ?v <{QG.writtenName}> ?n }} UNION {{ ?v <{SDO.name}> ?n }} }}", v=via)]
            via_name = str(min(names)) if names else str(via)
        graphs = recorded[k] if k != c else using - others
        members.append(Joined(
            str(k), name, str(next(iter(d.get(QG.joinRule, ())), "own name")), via_name,
            str(next(iter(d[QG.keptApart]))) if d.get(QG.keptApart) else None,
            tuple(sorted(_article_id(g) for g in graphs)),
            tuple(sorted({t for g in graphs for t in mentions.get(g, ())}))))
    return Explanation(str(c), str(min(described.get(SDO.name, {c}))), str(min(described.get(RDF.type, {""}))),
                       tuple(sorted(str(n) for n in described.get(SDO.alternateName, ()))),
                       tuple(sorted(str(s) for s in described.get(OWL.sameAs, ()))), tuple(members))


def _article_id(graph_name) -> str:
    return unquote(str(graph_name)[len(str(ID["graph/"])):])
