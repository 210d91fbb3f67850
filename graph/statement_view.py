"""The statement mode of the network page: speakers, the statements they made, and the outlets or articles that carried each.

A statement (``qg:Statement``, :mod:`.statements`) is the same words of one speaker in however
many articles. :func:`statements_of` gathers, from a graph of
:func:`~quotegraph.graph.network.to_networkx`, each statement's quotes, its carriers (the
articles that carry it), when it was first seen and the words as first printed;
:func:`statement_graph` turns that into a network to draw: speaker → statement → each outlet
that published an article carrying it (or the article itself when no publisher is known), and
statement → each relay an article names for it ("according to Reuters"). Statement nodes are
sized by reach: the number of carriers.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("s", type="speaker", label="Weber", quote_count=2)
>>> G.add_node("o", type="outlet", label="Hafenkurier", quote_count=0)
>>> for q, a, d in [("q1", "a1", "2024-05-03"), ("q2", "a2", "2024-05-02")]:
...     G.add_node(a, type="article", label=a.upper(), headline=a.upper())
...     G.add_node(q, type="quote", text="No troops.", article=a, date=d, statement="st", quote_count=1)
...     _ = G.add_edges_from([("s", q, "said"), (q, a, "part_of")])
>>> _ = G.add_edge("o", "a1", key="published")
>>> [(s.carriers, s.first_seen, s.quotes) for s in statements_of(G).values()]  # earliest article first
[(2, '2024-05-02', ('q2', 'q1'))]
>>> S = statement_graph(G)
>>> sorted((S.nodes[u]["type"], k, S.nodes[v]["type"]) for u, v, k in S.edges(keys=True))
[('speaker', 'said', 'statement'), ('statement', 'carried', 'article'), ('statement', 'carried', 'outlet')]
>>> S.nodes["st"]["carriers"], S.nodes["st"]["label"]
(2, 'No troops.')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .network import short_label

__all__ = ["StatementInfo", "statements_of", "statement_graph"]


@dataclass(frozen=True)
class StatementInfo:
    """One statement as the page shows it.

    Attributes
    ----------
    iri : str
        The ``qg:Statement``.
    speakers : tuple of str
        Its speaker (one, unless a graph says otherwise).
    quotes : tuple of str
        The quotes that carry it, earliest article first.
    articles : tuple of str
        The articles that carry it (its carriers).
    first_seen : str
        The earliest article date (``YYYY-MM-DD``), or "".
    text : str
        The words as the earliest article printed them.
    """

    iri: str
    speakers: tuple[str, ...]
    quotes: tuple[str, ...]
    articles: tuple[str, ...]
    first_seen: str
    text: str

    @property
    def carriers(self) -> int:
        """How many articles carry it: its reach."""
        return len(self.articles)


def _in(G: nx.MultiDiGraph, n, relation: str) -> list:
    return [u for u, _, k in G.in_edges(n, keys=True) if k == relation] if n in G else []


def statements_of(G: nx.MultiDiGraph) -> dict[str, StatementInfo]:
    """Every statement of a graph from :func:`~quotegraph.graph.network.to_networkx`, by IRI, most carried first.

    Quotes without a ``statement`` (indirect speech, a graph whose statements were never
    linked) belong to none.
    """
    members: dict[str, list] = defaultdict(list)
    for q, d in G.nodes(data=True):
        if d.get("type") == "quote" and d.get("statement"):
            members[d["statement"]].append(q)
    out = []
    for st, qs in members.items():
        # undated articles last: the first seen is the earliest date there is
        qs.sort(key=lambda q: (G.nodes[q].get("date") or "9999", G.nodes[q].get("article", ""), q))
        dates = [G.nodes[q].get("date", "") for q in qs if G.nodes[q].get("date")]
        speakers = sorted({s for q in qs for s in _in(G, q, "said")})
        articles = sorted({G.nodes[q].get("article", "") for q in qs} - {""})
        out.append(StatementInfo(st, tuple(speakers), tuple(qs), tuple(articles), min(dates, default=""),
                                 G.nodes[qs[0]].get("text", "")))
    out.sort(key=lambda s: (-s.carriers, s.first_seen or "9999", s.text, s.iri))
    return {s.iri: s for s in out}


def statement_graph(G: nx.MultiDiGraph, statements: dict[str, StatementInfo] | None = None) -> nx.MultiDiGraph:
    """The statement network of a graph from :func:`~quotegraph.graph.network.to_networkx` (see the module).

    Nodes keep their attributes and get ``quotes`` (the quote IRIs behind them) and
    ``quote_count``; statement nodes have ``type="statement"``, ``label`` (the words, cut),
    ``text``, ``carriers`` (reach) and ``first_seen``. Edges are keyed by relation (``said``,
    ``carried``, ``relayed``) and carry ``weight`` (quotes) and ``quotes``, as
    :func:`~quotegraph.graph.network.collapse_quotes` makes them, so the corpus plan
    (:func:`~quotegraph.graph.corpus_view.plan_corpus`) can lay them out.
    """
    statements = statements_of(G) if statements is None else statements
    node_quotes: dict[str, set] = defaultdict(set)
    edge_quotes: dict[tuple, set] = defaultdict(set)
    for st, info in statements.items():
        node_quotes[st].update(info.quotes)
        for q in info.quotes:
            article = G.nodes[q].get("article", "")
            carriers = _in(G, article, "published") or ([article] if article in G else [])
            for s in _in(G, q, "said"):
                edge_quotes[(s, st, "said")].add(q)
            for c in carriers:
                edge_quotes[(st, c, "carried")].add(q)
            for m in _in(G, q, "reported"):
                if m not in carriers:
                    edge_quotes[(st, m, "relayed")].add(q)
    for (u, v, _), qs in edge_quotes.items():
        node_quotes[u].update(qs)
        node_quotes[v].update(qs)
    S = nx.MultiDiGraph()
    for n in sorted(node_quotes, key=str):
        qs = tuple(sorted(node_quotes[n]))
        if n in statements:
            info = statements[n]
            S.add_node(n, type="statement", iri=n, label=short_label(info.text), text=info.text,
                       carriers=info.carriers, first_seen=info.first_seen, quote_count=len(qs), quotes=qs,
                       said_count=0, mentioned_count=0)
        else:
            d = G.nodes[n]
            S.add_node(n, **{**d, "quote_count": len(qs), "quotes": qs})
    for (u, v, rel), qs in sorted(edge_quotes.items(), key=lambda e: tuple(map(str, e[0]))):
        S.add_edge(u, v, key=rel, relation=rel, weight=len(qs), quotes=tuple(sorted(qs)))
    return S
