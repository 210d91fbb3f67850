"""Network figures of a quote graph: who is quoted, who is talked about, who brokers, which groups form.

The figures read the graph :func:`~quotegraph.graph.network.collapse_quotes` makes (speakers,
outlets and mentioned entities; quotes folded into weighted edges). ``quotegraph stats`` prints
them and the network page shows them in its side panel: both call :func:`network_figures`.

Examples
--------
>>> import networkx as nx
>>> H = nx.MultiDiGraph()
>>> for n, kind, said, mentioned in [("a", "speaker", 3, 0), ("b", "speaker", 1, 1), ("x", "entity", 0, 2)]:
...     H.add_node(n, type=kind, label=n.upper(), said_count=said, mentioned_count=mentioned)
>>> _ = H.add_edge("a", "x", key="mentions", relation="mentions", weight=2)
>>> _ = H.add_edge("b", "x", key="mentions", relation="mentions", weight=1)
>>> figures = network_figures(H, top=2)
>>> [(r.label, r.value) for r in figures.speakers]
[('A', 3), ('B', 1)]
>>> [(r.label, r.value) for r in figures.brokers]
[('X', 1.0)]
>>> figures.communities[0].members
('X', 'A')
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import networkx as nx

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_TOP",
    "BETWEENNESS_BUDGET",
    "Ranked",
    "Community",
    "Figures",
    "weighted_graph",
    "strength",
    "most_quoted",
    "most_mentioned",
    "brokers",
    "communities",
    "community_summaries",
    "network_figures",
]

#: The seed of every random choice (community detection, sampled betweenness, layout): same graph, same figures.
DEFAULT_SEED = 7
#: How many rows each figure lists by default (``--top``).
DEFAULT_TOP = 10
#: Betweenness is exact while sources × (nodes + edges) stays under this; above, it is estimated
#: from as many sampled sources as fit (at least :data:`MIN_SOURCES`): a few seconds at most.
BETWEENNESS_BUDGET = 1_000_000
MIN_SOURCES = 50


@dataclass(frozen=True)
class Ranked:
    """One row of a ranking: a node and its figure (quotes, mentions or betweenness)."""

    label: str
    type: str
    value: float
    iri: str = ""


@dataclass(frozen=True)
class Community:
    """A group of nodes more linked among themselves than to the rest (Louvain)."""

    index: int
    size: int
    quotes: int
    members: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """What :func:`network_figures` found; ``to_dict`` gives plain JSON-ready values."""

    nodes: int
    edges: int
    isolated: int
    speakers: tuple[Ranked, ...] = field(default=())
    mentioned: tuple[Ranked, ...] = field(default=())
    brokers: tuple[Ranked, ...] = field(default=())
    communities: tuple[Community, ...] = field(default=())
    betweenness_sampled: bool = False

    def to_dict(self) -> dict:
        """Plain values only (lists, not tuples), as ``json.loads`` would give them back."""
        return json.loads(json.dumps(asdict(self)))


def weighted_graph(H: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple graph of ``H``: one edge per linked pair, its ``weight`` the sum of theirs.

    Nodes keep their attributes; edges without a ``weight`` count 1. Self-loops are dropped.

    >>> H = nx.MultiDiGraph()
    >>> _ = H.add_edge("o", "s", key="reported", weight=2)
    >>> _ = H.add_edge("s", "o", key="mentions", weight=1)
    >>> U = weighted_graph(H)
    >>> U["o"]["s"]["weight"], U.number_of_edges()
    (3, 1)
    """
    U = nx.Graph()
    U.add_nodes_from(sorted(H.nodes(data=True), key=lambda nd: nd[0]))
    for u, v, w in H.edges(data="weight", default=1):
        if u == v:
            continue
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def strength(U: nx.Graph) -> dict:
    """Weighted degree: the number of quotes on each node's edges (Gephi's "weighted degree").

    >>> U = nx.Graph([("a", "b", {"weight": 2}), ("a", "c", {"weight": 1})])
    >>> strength(U)
    {'a': 3, 'b': 2, 'c': 1}
    """
    return dict(U.degree(weight="weight"))


def _label(H, n) -> str:
    return str(H.nodes[n].get("label", n))


def _ranking(H, values: dict, top: int, *, positive: bool = True) -> tuple[Ranked, ...]:
    rows = [(v, n) for n, v in values.items() if v > 0 or not positive]
    rows.sort(key=lambda vn: (-vn[0], _label(H, vn[1]), vn[1]))
    return tuple(Ranked(_label(H, n), str(H.nodes[n].get("type", "")), v, str(H.nodes[n].get("iri", n)))
                 for v, n in rows[:top])


def most_quoted(H: nx.Graph, top: int = DEFAULT_TOP) -> tuple[Ranked, ...]:
    """The speakers with the most quotes (``said_count``), most first; ties by label.

    >>> H = nx.Graph()
    >>> H.add_node("a", label="A", said_count=1); H.add_node("b", label="B", said_count=4)
    >>> [(r.label, r.value) for r in most_quoted(H)]
    [('B', 4), ('A', 1)]
    """
    return _ranking(H, {n: int(d.get("said_count", 0)) for n, d in H.nodes(data=True)}, top)


def most_mentioned(H: nx.Graph, top: int = DEFAULT_TOP) -> tuple[Ranked, ...]:
    """The people, organisations and places mentioned in the most quotes (``mentioned_count``).

    >>> H = nx.Graph()
    >>> H.add_node("x", label="X", mentioned_count=2); H.add_node("s", label="S", mentioned_count=0)
    >>> [(r.label, r.value) for r in most_mentioned(H)]
    [('X', 2)]
    """
    return _ranking(H, {n: int(d.get("mentioned_count", 0)) for n, d in H.nodes(data=True)}, top)


def brokers(U: nx.Graph, top: int = DEFAULT_TOP, *, seed: int = DEFAULT_SEED) -> tuple[tuple[Ranked, ...], bool]:
    """The nodes on the most shortest paths between others (normalised betweenness centrality).

    Paths count links, not quotes (as Gephi does): a broker joins groups, however often each
    is quoted. Exact while the work stays under :data:`BETWEENNESS_BUDGET`; above, estimated
    from sampled sources (seeded: the same graph gives the same figures). Nodes on no path
    between others are not listed.

    Returns
    -------
    (rankings, sampled)
        The top nodes, and whether betweenness was estimated from a sample.

    Examples
    --------
    >>> U = nx.path_graph(["a", "b", "c"])
    >>> ranked, sampled = brokers(U)
    >>> [(r.label, r.value) for r in ranked], sampled
    ([('b', 1.0)], False)
    """
    connected = U.subgraph([n for n in U if U.degree(n) > 0]).copy()  # a copy: views are slow to walk
    n = connected.number_of_nodes()
    if n < 3:
        return (), False
    sources = max(MIN_SOURCES, BETWEENNESS_BUDGET // (n + connected.number_of_edges()))
    sampled = sources < n
    values = nx.betweenness_centrality(connected, k=sources if sampled else None, normalized=True, seed=seed)
    values = {v: round(x, 4) for v, x in values.items()}
    return _ranking(U, values, top), sampled


def communities(U: nx.Graph, *, seed: int = DEFAULT_SEED) -> list[list]:
    """Groups of linked nodes (Louvain, weighted, seeded), biggest first; isolated nodes in none.

    Each group is sorted by node key; groups of equal size by their first key.

    >>> U = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> U.add_node("lonely")
    >>> communities(U)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    connected = U.subgraph([n for n in U if U.degree(n) > 0])
    if not connected.number_of_edges():
        return []
    found = nx.community.louvain_communities(connected, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def community_summaries(U: nx.Graph, groups: list[list], top: int = DEFAULT_TOP) -> tuple[Community, ...]:
    """Each group's size, quotes on its inner edges and its ``top`` members by weighted degree.

    >>> U = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1})])
    >>> community_summaries(U, [["a", "b", "c"]], top=2)
    (Community(index=0, size=3, quotes=4, members=('b', 'a')),)
    """
    weights = strength(U)
    out = []
    for i, group in enumerate(groups):
        inner = U.subgraph(group).size(weight="weight")
        ranked = sorted(group, key=lambda n: (-weights.get(n, 0), _label(U, n), n))
        out.append(Community(i, len(group), int(inner), tuple(_label(U, n) for n in ranked[:top])))
    return tuple(out)


def network_figures(H: nx.MultiDiGraph, *, top: int = DEFAULT_TOP, seed: int = DEFAULT_SEED,
                    groups: list[list] | None = None) -> Figures:
    """All the figures of a collapsed quote graph (see the module's example).

    Parameters
    ----------
    H : networkx.MultiDiGraph
        The graph :func:`~quotegraph.graph.network.collapse_quotes` returns (or any graph whose
        nodes have ``label``, ``type``, ``said_count``, ``mentioned_count`` and whose edges
        have ``weight``).
    top : int
        Rows per ranking and members listed per community (and how many communities).
    seed : int
        Seed of the community detection and of sampled betweenness.
    groups : list of lists, optional
        Communities already found by :func:`communities` on ``weighted_graph(H)`` (the page
        computes them once for its colours).
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    U = weighted_graph(H)
    if groups is None:
        groups = communities(U, seed=seed)
    ranked_brokers, sampled = brokers(U, top, seed=seed)
    return Figures(
        nodes=U.number_of_nodes(), edges=U.number_of_edges(),
        isolated=sum(1 for n in U if U.degree(n) == 0),
        speakers=most_quoted(H, top), mentioned=most_mentioned(H, top), brokers=ranked_brokers,
        communities=community_summaries(U, groups[:top], top), betweenness_sampled=sampled,
    )
