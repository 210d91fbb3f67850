"""The quote graph as a networkx graph: who said, who reported, who was mentioned, and where.

:func:`to_networkx` reads an RDF graph built by :mod:`quotegraph.graph.model` with a few small
SPARQL queries and returns a :class:`networkx.MultiDiGraph` whose nodes are keyed by IRI:

========== =================================================================== ==============
type       node                                                                edges out
========== =================================================================== ==============
speaker    an entity that said at least one quote (``qg:said``), even one that ``said`` → quote,
           also relays others' words                                           ``reported`` → quote
outlet     a news medium, or an entity that only relayed quotes                ``reported`` → quote,
           (``qg:reported``) or published an article that contains one         ``published`` → article
entity     an entity only mentioned in quotes (``schema:mentions``)            (none)
quote      a ``schema:Quotation``                                              ``mentions`` → entity,
                                                                               ``part_of`` → article
article    a ``schema:NewsArticle`` that contains a quote                      (none)
========== =================================================================== ==============

Every node has ``type``, ``label`` and ``quote_count``; every edge has ``relation`` (also its
key). All attribute values are strings, ints or floats, never None, so the graph can be written
with :func:`networkx.write_graphml` for Gephi or Cytoscape.

The other functions turn that graph into something a person can look at:
:func:`collapse_quotes` draws quotes as edges between the people and outlets involved (and keeps
the quotes on those edges), and :func:`keep_top_nodes` keeps the most-quoted nodes when a graph is
too big to draw.

Examples
--------
>>> from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
>>> from quotegraph.graph.model import records_to_graph
>>> text = '"No troops," Weber said.'
>>> att = Attribution(id="a1:1-11", article="a1", quote=Quote("No troops,", 1, 11),
...                   speaker=Mention("Weber", 13, 18, "Weber", "person"))
>>> G = to_networkx(records_to_graph([ArticleResult(Article(id="a1", text=text), (att,), (Entity("Weber"),))]))
>>> sorted(data["type"] for _, data in G.nodes(data=True))
['article', 'quote', 'speaker']
>>> [(G.nodes[u]["label"], rel, G.nodes[v]["type"]) for u, v, rel in G.edges(keys=True)
...  if G.nodes[u]["type"] == "speaker"]
[('Weber', 'said', 'quote')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import Graph

from .entity_types import best_type
from .namespaces import PREFIXES, SDO

__all__ = [
    "NODE_TYPES",
    "RELATIONS",
    "to_networkx",
    "quote_nodes",
    "collapse_quotes",
    "keep_top_nodes",
    "short_label",
]

#: Node types of :func:`to_networkx`, in legend order.
NODE_TYPES: tuple[str, ...] = ("speaker", "outlet", "entity", "quote", "article")
#: Edge relations: the edge key and its ``relation`` attribute.
RELATIONS: tuple[str, ...] = ("said", "reported", "mentions", "part_of", "published")

_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}

_Q_QUOTES = """
SELECT ?q ?text WHERE { ?q a schema:Quotation ; schema:text ?text . }"""
_Q_KIND = "SELECT ?q ?kind WHERE { ?q a schema:Quotation ; qg:kind ?kind . }"
_Q_PART_OF = "SELECT ?q ?article WHERE { ?q a schema:Quotation ; schema:isPartOf ?article . }"
_Q_CUE = "SELECT ?q ?cue WHERE { ?q qg:cue ?c . ?c nif:anchorOf ?cue . }"
_Q_CUE_LEMMA = "SELECT ?q ?lemma WHERE { ?q qg:cueLemma ?lemma . }"
_Q_CONFIDENCE = "SELECT ?q ?c WHERE { ?q a schema:Quotation ; qg:confidence ?c . }"
_Q_SPEAKER_MENTION = "SELECT ?q ?mention WHERE { ?q qg:speakerMention ?m . ?m nif:anchorOf ?mention . }"
_Q_SAID = "SELECT ?e ?q WHERE { ?e qg:said ?q . }"
_Q_REPORTED = "SELECT ?e ?q WHERE { ?e qg:reported ?q . }"
_Q_MENTIONS = "SELECT ?q ?e WHERE { ?q a schema:Quotation ; schema:mentions ?e . }"
_Q_NAMES = "SELECT ?e ?name WHERE { ?e schema:name ?name . }"
_Q_CLASSES = "SELECT ?e ?class WHERE { ?e schema:name ?name ; a ?class . }"
_Q_HEADLINES = "SELECT ?a ?headline WHERE { ?a a schema:NewsArticle ; schema:headline ?headline . }"
_Q_URLS = "SELECT ?a ?url WHERE { ?a a schema:NewsArticle ; schema:url ?url . }"
_Q_ARTICLE_IDS = "SELECT ?a ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id . }"
_Q_PUBLISHERS = "SELECT ?org ?a WHERE { ?a a schema:NewsArticle ; schema:publisher ?org . }"
_Q_DATES = "SELECT ?a ?date WHERE { ?a a schema:NewsArticle ; schema:datePublished ?date . }"
_Q_STATEMENTS = "SELECT ?q ?st WHERE { ?q a schema:Quotation ; qg:statement ?st . }"
_Q_ALIASES = "SELECT ?e ?alias WHERE { ?e schema:alternateName ?alias . }"
_Q_DESCRIBED_IN = "SELECT ?e ?a WHERE { ?e qg:describedIn ?a . }"

_MEDIA = str(SDO.NewsMediaOrganization)


def _pairs(graph: Graph, query: str) -> Iterable[tuple[str, str]]:
    for row in graph.query(query, initNs=_PREFIXES):
        yield str(row[0]), str(row[1])


def _first(graph: Graph, query: str) -> dict[str, str]:
    """subject -> smallest value (deterministic when a subject has several)."""
    out: dict[str, str] = {}
    for s, v in _pairs(graph, query):
        if s not in out or v < out[s]:
            out[s] = v
    return out


def _many(graph: Graph, query: str, *, reverse: bool = False) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for a, b in _pairs(graph, query):
        if reverse:
            a, b = b, a
        out[a].add(b)
    return out


def short_label(text: str, limit: int = 40) -> str:
    """A one-line label of at most ``limit`` characters, cut at a word with an ellipsis.

    >>> short_label("We will not send troops to the border, whatever happens next", 30)
    'We will not send troops to…'
    >>> short_label("  Kurz\\nund  gut ")
    'Kurz und gut'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The speakers, outlets, mentioned entities, quotes and articles of an RDF quote graph.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph in the shape written by :func:`quotegraph.graph.model.records_to_graph` (any
        store: in-memory rdflib or Oxigraph through oxrdflib).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by IRI (a string). Attributes of every node: ``type`` (one of
        :data:`NODE_TYPES`), ``label``, ``quote_count``, ``iri``. Quotes also have ``text``,
        ``kind``, ``cue``, ``cue_lemma``, ``speaker_mention``, ``article``, ``headline``,
        ``url``, ``date`` (the article's ``schema:datePublished``, ``YYYY-MM-DD``) and
        ``statement`` (the IRI of its ``qg:Statement``); entities (speakers, outlets, entities)
        have ``entity_class`` (the schema.org class, e.g. ``Person``: the one
        :func:`~quotegraph.graph.entity_types.best_type` picks when a graph holds several),
        ``aliases`` (their ``schema:alternateName`` values other than the name, one a line),
        ``said_count``, ``reported_count``, ``mentioned_count`` and ``described_in`` (for an
        entity known only by a description, "die Polizei", the article it is one within; its
        label names that article); articles have ``headline``,
        ``url``, ``identifier`` and ``date``. Missing values are ``""``.
        Edges are keyed by their ``relation`` (one of :data:`RELATIONS`), and point from
        speaker/outlet to quote and from quote to entity/article.

    Examples
    --------
    >>> from quotegraph.graph.model import records_to_graph
    >>> to_networkx(records_to_graph([])).number_of_nodes()
    0

    Notes
    -----
    One SPARQL query per attribute, joined in Python: plain basic graph patterns run fast on
    rdflib's own engine as well as on Oxigraph, and avoid OPTIONAL, where the engines have
    been seen to disagree. Time is linear in the number of triples read.
    """
    texts = _first(graph, _Q_QUOTES)
    kinds = _first(graph, _Q_KIND)
    part_of = _first(graph, _Q_PART_OF)
    cues = _first(graph, _Q_CUE)
    lemmas = _first(graph, _Q_CUE_LEMMA)
    confidences = _first(graph, _Q_CONFIDENCE)
    speaker_mentions = _first(graph, _Q_SPEAKER_MENTION)
    said = _many(graph, _Q_SAID)  # entity -> quotes
    reported = _many(graph, _Q_REPORTED)
    mentioned = _many(graph, _Q_MENTIONS, reverse=True)  # entity -> quotes
    names = _first(graph, _Q_NAMES)
    classes: dict[str, set[str]] = defaultdict(set)
    for e, cls in _pairs(graph, _Q_CLASSES):
        classes[e].add(cls)
    headlines = _first(graph, _Q_HEADLINES)
    urls = _first(graph, _Q_URLS)
    article_ids = _first(graph, _Q_ARTICLE_IDS)
    published = _many(graph, _Q_PUBLISHERS)  # outlet -> articles
    dates = {a: d[:10] for a, d in _first(graph, _Q_DATES).items()}
    statements = _first(graph, _Q_STATEMENTS)
    aliases = _many(graph, _Q_ALIASES)
    described_in = _first(graph, _Q_DESCRIBED_IN)  # entity known only by a description -> its article

    G = nx.MultiDiGraph()
    quote_set = set(texts)
    per_article = Counter(part_of[q] for q in quote_set if q in part_of)
    for a in sorted(per_article):
        headline = headlines.get(a, "")
        G.add_node(a, type="article", iri=a, label=short_label(headline or article_ids.get(a, _tail(a))),
                   headline=headline, url=urls.get(a, ""), identifier=article_ids.get(a, ""), date=dates.get(a, ""),
                   quote_count=per_article[a])

    # publishers count only for the articles that have quotes (the ones in the graph)
    published = {o: arts & set(per_article) for o, arts in published.items() if arts & set(per_article)}
    entities = sorted(set(said) | set(reported) | set(mentioned) | set(published))
    for e in entities:
        n_said = len(said.get(e, set()) & quote_set)
        n_reported = len(reported.get(e, set()) & quote_set)
        n_mentioned = len(mentioned.get(e, set()) & quote_set)
        n_published = sum(per_article[a] for a in published.get(e, ()))
        cls = best_type(classes[e]) if classes.get(e) else ""  # one type, as the stores keep it
        if cls == _MEDIA or ((n_reported or n_published) and not n_said):
            kind = "outlet"  # a person who speaks and relays others' words is a speaker
        elif n_said:
            kind = "speaker"
        else:
            kind = "entity"
        home = described_in.get(e, "")
        label = names.get(e, _tail(e))
        if home:  # "Polizei (Brand in Nordheim)": the police of one article, not of every article
            label = f"{label} ({short_label(headlines.get(home) or article_ids.get(home) or _tail(home), 30)})"
        G.add_node(e, type=kind, iri=e, label=label, described_in=home,
                   entity_class=_tail(cls) if cls else "",
                   said_count=n_said, reported_count=n_reported, mentioned_count=n_mentioned,
                   published_count=n_published,
                   aliases="\n".join(sorted(aliases.get(e, set()) - {names.get(e, "")})),
                   quote_count=(n_said + n_reported) if kind != "entity" else n_mentioned)

    for q in sorted(quote_set):
        a = part_of.get(q, "")
        G.add_node(q, type="quote", iri=q, label=short_label(texts[q]), text=texts[q],
                   kind=_tail(kinds.get(q, "")) if q in kinds else "", cue=cues.get(q, ""),
                   cue_lemma=lemmas.get(q, ""), speaker_mention=speaker_mentions.get(q, ""),
                   article=a, headline=headlines.get(a, ""), url=urls.get(a, ""), date=dates.get(a, ""),
                   statement=statements.get(q, ""), quote_count=1)
        if q in confidences:  # only where the learned parts gave one (no None: GraphML takes none)
            G.nodes[q]["confidence"] = float(confidences[q])
        if a:
            G.add_edge(q, a, key="part_of", relation="part_of")
    for relation, table in (("said", said), ("reported", reported)):
        for e in entities:
            for q in sorted(table.get(e, set()) & quote_set):
                G.add_edge(e, q, key=relation, relation=relation)
    for e in entities:
        for q in sorted(mentioned.get(e, set()) & quote_set):
            G.add_edge(q, e, key="mentions", relation="mentions")
        for a in sorted(published.get(e, ())):
            G.add_edge(e, a, key="published", relation="published")
    return G


def quote_nodes(G: nx.MultiDiGraph) -> list[str]:
    """The quote nodes of a graph from :func:`to_networkx`, sorted.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("q2", type="quote"); G.add_node("s", type="speaker"); G.add_node("q1", type="quote")
    >>> quote_nodes(G)
    ['q1', 'q2']
    """
    return sorted(n for n, t in G.nodes(data="type") if t == "quote")


def collapse_quotes(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Draw quotes as edges: aggregate them per speaker, outlet and mentioned entity.

    Quote and article nodes are removed. For every quote, its outlet gets an edge
    ``reported`` → its speaker, the publisher of its article (when it did not relay the quote
    itself) an edge ``published`` → its speaker, and its speaker (or, without one, its
    outlet) an edge ``mentions`` → each entity the quote mentions. Parallel edges of the same
    relation are merged into one that counts them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`to_networkx`.

    Returns
    -------
    networkx.MultiDiGraph
        The speaker, outlet and entity nodes with their attributes, plus ``quotes``: the
        sorted tuple of the quote IRIs each one said, reported or is mentioned in. Edges are
        keyed by relation and carry ``relation``, ``weight`` (number of quotes) and ``quotes``
        (a tuple of quote IRIs). Tuples are not GraphML-safe: export :func:`to_networkx`'s
        graph, not this one.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("s", type="speaker"); G.add_node("o", type="outlet"); G.add_node("e", type="entity")
    >>> for q in ("q1", "q2"):
    ...     G.add_node(q, type="quote")
    ...     _ = G.add_edges_from([("s", q, "said"), ("o", q, "reported"), (q, "e", "mentions")])
    >>> H = collapse_quotes(G)
    >>> sorted((u, v, k, d["weight"]) for u, v, k, d in H.edges(keys=True, data=True))
    [('o', 's', 'reported', 2), ('s', 'e', 'mentions', 2)]
    >>> H.nodes["e"]["quotes"]
    ('q1', 'q2')

    Notes
    -----
    Linear in the number of edges of ``G``.
    """
    H = nx.MultiDiGraph()
    node_quotes: dict[str, set[str]] = defaultdict(set)
    edge_quotes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for q in quote_nodes(G):
        speakers = [u for u, _, k in G.in_edges(q, keys=True) if k == "said"]
        outlets = [u for u, _, k in G.in_edges(q, keys=True) if k == "reported"]
        ents = [v for _, v, k in G.out_edges(q, keys=True) if k == "mentions"]
        article = G.nodes[q].get("article", "")
        publishers = [u for u, _, k in G.in_edges(article, keys=True) if k == "published"] if article in G else []
        for n in (*speakers, *outlets, *ents, *publishers):
            node_quotes[n].add(q)
        for o in outlets:
            for s in speakers:
                if s != o:
                    edge_quotes[(o, s, "reported")].add(q)
        for p in publishers:
            for s in speakers:
                if s != p and p not in outlets:
                    edge_quotes[(p, s, "published")].add(q)
        for src in speakers or outlets:
            for e in ents:
                if e != src:
                    edge_quotes[(src, e, "mentions")].add(q)
    for n, data in G.nodes(data=True):
        if data.get("type") in ("speaker", "outlet", "entity"):
            H.add_node(n, **data, quotes=tuple(sorted(node_quotes.get(n, ()))))
    for (u, v, rel), qs in sorted(edge_quotes.items()):
        H.add_edge(u, v, key=rel, relation=rel, weight=len(qs), quotes=tuple(sorted(qs)))
    return H


def keep_top_nodes(G: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The subgraph of the ``max_nodes`` nodes with the most quotes (ties: by label, then key).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        Any graph whose nodes have ``quote_count`` (and ``label``) attributes.
    max_nodes : int
        How many nodes to keep; ``G`` itself is returned when it is no larger.

    Returns
    -------
    networkx.MultiDiGraph
        A copy restricted to the kept nodes and the edges among them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for name, n in [("a", 5), ("b", 1), ("c", 9)]:
    ...     G.add_node(name, label=name, quote_count=n)
    >>> G.add_edge("a", "c", key="mentions")
    'mentions'
    >>> H = keep_top_nodes(G, 2)
    >>> sorted(H), H.number_of_edges()
    (['a', 'c'], 1)
    """
    if max_nodes < 0:
        raise ValueError(f"max_nodes must be >= 0, not {max_nodes}")
    if G.number_of_nodes() <= max_nodes:
        return G
    ranked = sorted(G.nodes(data=True), key=lambda nd: (-nd[1].get("quote_count", 0), str(nd[1].get("label", "")), nd[0]))
    return G.subgraph([n for n, _ in ranked[:max_nodes]]).copy()
