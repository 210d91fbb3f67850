"""What the corpus page draws: the strongest part of the aggregated graph, laid out, coloured by community, its unlinked nodes listed.

In aggregated mode (:func:`~quotegraph.graph.network.collapse_quotes`) quotes are edges between
speakers, the outlets that relayed them and the entities they talk about, weighted by quotes.
:func:`plan_corpus` decides how such a graph is shown, the way people who explore networks
(Gephi, sigma.js) expect: nodes without any edge go to a list beside the drawing instead of
dust on it; above ``max_nodes`` nodes or ``max_edges`` edges only the strongest edges are drawn
(and the page says how much is hidden); positions are computed here (:mod:`.layout`), so the
page opens still; communities (:mod:`.figures`) give the colours, and the most central nodes
keep their names on screen at every zoom.

Examples
--------
>>> import networkx as nx
>>> H = nx.MultiDiGraph()
>>> for n in ("a", "b", "c", "lonely"):
...     H.add_node(n, type="speaker", label=n.title(), quote_count=1, said_count=1, mentioned_count=0)
>>> _ = H.add_edge("a", "b", key="mentions", relation="mentions", weight=3)
>>> _ = H.add_edge("b", "c", key="mentions", relation="mentions", weight=1)
>>> plan = plan_corpus(H, max_nodes=2, max_edges=10, labels=1)
>>> sorted(plan.drawn), plan.isolated, plan.hidden_nodes, plan.hidden_edges
(['a', 'b'], ['lonely'], 1, 1)
>>> plan.pinned
['a']
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .figures import DEFAULT_SEED, Figures, communities, network_figures, strength, weighted_graph
from .layout import packed_layout
from .view_limits import DEFAULT_LABELS

__all__ = [
    "DEFAULT_LABELS",
    "COMMUNITY_COLORS",
    "OTHER_COMMUNITY_COLOR",
    "CorpusPlan",
    "strongest_part",
    "plan_corpus",
]

#: Community colours, biggest community first (Paul Tol's "muted" scheme: colour-blind safe).
COMMUNITY_COLORS: tuple[str, ...] = (
    "#332288", "#CC6677", "#117733", "#DDCC77", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
)
#: The colour of nodes in smaller communities.
OTHER_COMMUNITY_COLOR = "#BBBBBB"


@dataclass(frozen=True)
class CorpusPlan:
    """What :func:`plan_corpus` decided.

    Attributes
    ----------
    collapsed : networkx.MultiDiGraph
        The whole aggregated graph the plan was made for.
    drawn : networkx.MultiDiGraph
        The nodes and edges to draw.
    isolated : list
        Nodes without any edge, most quotes first: listed, not drawn.
    positions : dict
        node -> (x, y) in canvas pixels, for every drawn node.
    community : dict
        node -> index of its community (biggest first) for every linked node of the whole graph.
    pinned : list
        Drawn nodes whose names always show, most central first.
    figures : Figures
        :func:`~quotegraph.graph.figures.network_figures` of the whole graph.
    linked_nodes, linked_edges : int
        Nodes with at least one edge, and edges, in the whole graph.
    hidden_nodes, hidden_edges : int
        How many of those are not drawn.
    """

    collapsed: nx.MultiDiGraph
    drawn: nx.MultiDiGraph
    isolated: list
    positions: dict
    community: dict
    pinned: list
    figures: Figures
    linked_nodes: int = 0
    linked_edges: int = 0
    hidden_nodes: int = 0
    hidden_edges: int = 0
    notices: tuple[str, ...] = field(default=())


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _label(H, n) -> str:
    return str(H.nodes[n].get("label", n))


def strongest_part(H: nx.MultiDiGraph, max_nodes: int, max_edges: int) -> nx.MultiDiGraph:
    """The edges with the most quotes, as many as fit under ``max_nodes`` nodes and ``max_edges`` edges.

    Edges are taken strongest first (ties: the more quoted end, then labels); an edge that would
    bring in a node beyond ``max_nodes`` is passed over, one between nodes already in is still
    taken. Nodes without edges are not in the result.

    >>> H = nx.MultiDiGraph()
    >>> for u, v, w in [("a", "b", 5), ("c", "d", 4), ("a", "c", 1), ("b", "d", 1)]:
    ...     _ = H.add_edge(u, v, key="mentions", weight=w)
    >>> sorted(strongest_part(H, max_nodes=4, max_edges=2).edges())
    [('a', 'b'), ('c', 'd')]
    >>> sorted(strongest_part(H, max_nodes=2, max_edges=9).edges())
    [('a', 'b')]
    """
    def rank(e):
        u, v, k, w = e
        quoted = max(H.nodes[u].get("quote_count", 0), H.nodes[v].get("quote_count", 0))
        return (-w, -quoted, _label(H, u), _label(H, v), str(k))

    edges = sorted(((u, v, k, w) for u, v, k, w in H.edges(keys=True, data="weight", default=1)), key=rank)
    nodes: set = set()
    kept = []
    for u, v, k, _ in edges:
        if len(kept) >= max_edges:
            break
        if len(nodes | {u, v}) > max_nodes:
            continue
        nodes.update((u, v))
        kept.append((u, v, k))
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, H.nodes[n]) for n in sorted(nodes, key=str))
    out.add_edges_from((u, v, k, H.edges[u, v, k]) for u, v, k in kept)
    return out


def plan_corpus(
    H: nx.MultiDiGraph,
    *,
    max_nodes: int,
    max_edges: int,
    labels: int = DEFAULT_LABELS,
    seed: int = DEFAULT_SEED,
    top: int = 10,
) -> CorpusPlan:
    """Decide what the corpus page draws, where, in which colours (see the module's example).

    Parameters
    ----------
    H : networkx.MultiDiGraph
        A graph from :func:`~quotegraph.graph.network.collapse_quotes`.
    max_nodes, max_edges : int
        The most nodes and edges to draw; above either, :func:`strongest_part`.
    labels : int
        How many of the most central drawn nodes keep their names on screen.
    seed : int
        Seed of the community detection and the layout.
    top : int
        Rows per figure in the side panel.
    """
    if max_nodes < 1 or max_edges < 1:
        raise ValueError(f"max_nodes and max_edges must be at least 1, not {max_nodes} and {max_edges}")
    U = weighted_graph(H)
    isolated = sorted((n for n in U if U.degree(n) == 0),
                      key=lambda n: (-int(H.nodes[n].get("quote_count", 0)), _label(H, n), n))
    groups = communities(U, seed=seed)
    community = {n: i for i, group in enumerate(groups) for n in group}
    figures = network_figures(H, top=top, seed=seed, groups=groups)
    linked_nodes = U.number_of_nodes() - len(isolated)
    linked_edges = H.number_of_edges()
    notices: list[str] = []
    if linked_nodes > max_nodes or linked_edges > max_edges:
        drawn = strongest_part(H, max_nodes, max_edges)
        hidden_nodes, hidden_edges = linked_nodes - drawn.number_of_nodes(), linked_edges - drawn.number_of_edges()
        weakest = min((w for _, _, w in drawn.edges(data="weight", default=1)), default=0)
        notices.append(
            f"Showing the strongest part: the {drawn.number_of_edges():,} of {linked_edges:,} links with the most "
            f"quotes (at least {weakest:,} each) among {drawn.number_of_nodes():,} of {linked_nodes:,} linked people, "
            f"outlets and entities (--max-nodes {max_nodes:,}, --max-edges {max_edges:,}); "
            f"{_count(hidden_nodes, 'node')} and {_count(hidden_edges, 'link')} are hidden."
        )
    else:
        drawn = H.subgraph([n for n in H if n not in set(isolated)]).copy()
        hidden_nodes = hidden_edges = 0
    if isolated:
        many = len(isolated) != 1
        notices.append(
            f"{len(isolated):,} {'speakers, outlets and entities have' if many else 'node has'} no link to any other: "
            f"{'they are' if many else 'it is'} listed beside the drawing, not drawn."
        )
    drawn_u = weighted_graph(drawn)
    positions = packed_layout(drawn_u, seed=seed)
    central = strength(drawn_u)
    pinned = sorted(central, key=lambda n: (-central[n], _label(H, n), n))[: max(labels, 0)]
    return CorpusPlan(
        collapsed=H, drawn=drawn, isolated=isolated, positions=positions, community=community, pinned=pinned,
        figures=figures, linked_nodes=linked_nodes, linked_edges=linked_edges,
        hidden_nodes=hidden_nodes, hidden_edges=hidden_edges, notices=tuple(notices),
    )
