"""graph/figures.py, graph/layout.py and graph/corpus_view.py on small hand-built graphs with known answers."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from quotegraph.graph.corpus_view import plan_corpus, strongest_part
from quotegraph.graph.figures import (
    brokers,
    communities,
    community_summaries,
    most_mentioned,
    most_quoted,
    network_figures,
    weighted_graph,
)
from quotegraph.graph.layout import UNIT, packed_layout


def collapsed(edges, *, said=None, mentioned=None, isolated=()) -> nx.MultiDiGraph:
    """A graph shaped like collapse_quotes' output: (u, v, relation, weight) edges."""
    said, mentioned = said or {}, mentioned or {}
    H = nx.MultiDiGraph()
    names = {n for e in edges for n in e[:2]} | set(isolated)
    for n in sorted(names):
        kind = "entity" if n.startswith("e") else "outlet" if n.startswith("o") else "speaker"
        H.add_node(n, type=kind, label=n.upper(), iri=f"urn:{n}", said_count=said.get(n, 0),
                   mentioned_count=mentioned.get(n, 0), quote_count=said.get(n, 0) + mentioned.get(n, 0),
                   quotes=tuple(f"{n}-q{i}" for i in range(said.get(n, 0))))
    for u, v, rel, w in edges:
        H.add_edge(u, v, key=rel, relation=rel, weight=w, quotes=tuple(f"{u}{v}{i}" for i in range(w)))
    return H


def two_triangles_and_a_bridge() -> nx.MultiDiGraph:
    # s1-s2-s3 and e4-e5-e6 are triangles; s3 -- e4 is the only bridge between them
    tri = [("s1", "s2"), ("s2", "s3"), ("s1", "s3"), ("e4", "e5"), ("e5", "e6"), ("e4", "e6")]
    return collapsed([(u, v, "mentions", 2) for u, v in tri] + [("s3", "e4", "mentions", 1)],
                     said={"s1": 3, "s2": 1, "s3": 5}, mentioned={"e4": 4, "e5": 1, "e6": 2}, isolated=("s9",))


def test_weighted_graph_sums_both_directions_and_drops_loops():
    H = collapsed([("o1", "s1", "reported", 2), ("s1", "o1", "mentions", 3), ("s1", "s1", "mentions", 9)])
    U = weighted_graph(H)
    assert U.number_of_edges() == 1 and U["o1"]["s1"]["weight"] == 5
    assert U.nodes["s1"]["label"] == "S1"


def test_rankings_most_first_ties_by_label_zero_left_out():
    H = two_triangles_and_a_bridge()
    assert [(r.label, r.value) for r in most_quoted(H)] == [("S3", 5), ("S1", 3), ("S2", 1)]
    assert [(r.label, r.value, r.type) for r in most_mentioned(H, top=2)] == [("E4", 4, "entity"), ("E6", 2, "entity")]
    assert most_quoted(H, top=1)[0].iri == "urn:s3"


def test_the_bridge_ends_are_the_brokers():
    U = weighted_graph(two_triangles_and_a_bridge())
    ranked, sampled = brokers(U, top=3)
    assert not sampled
    assert [r.label for r in ranked[:2]] == ["E4", "S3"]  # equal betweenness: by label
    # s3 lies on every shortest path from s1, s2 to e4, e5, e6: 2 * 3 = 6 of the (n - 1)(n - 2) / 2 = 10
    # pairs of the other 5 linked nodes (the unlinked s9 does not count)
    assert ranked[0].value == ranked[1].value == pytest.approx(0.6)
    assert all(r.label not in {"S1", "S2", "E5", "E6"} for r in ranked)  # on no path between others


def test_betweenness_counts_links_not_quotes():
    # a -- b -- c, and a direct a -- c quoted once: the short way round is a -- c, b brokers nothing
    U = nx.Graph()
    U.add_nodes_from("abc", label="x")
    U.add_edge("a", "b", weight=10)
    U.add_edge("b", "c", weight=10)
    U.add_edge("a", "c", weight=1)
    assert brokers(U) == ((), False)


def test_betweenness_is_sampled_above_the_budget(monkeypatch):
    import quotegraph.graph.figures as figures

    monkeypatch.setattr(figures, "BETWEENNESS_BUDGET", 100)
    monkeypatch.setattr(figures, "MIN_SOURCES", 4)
    U = nx.path_graph(12)
    nx.set_node_attributes(U, {n: str(n) for n in U}, "label")
    ranked, sampled = figures.brokers(U, top=3)
    assert sampled and len(ranked) == 3
    assert figures.brokers(U, top=3) == (ranked, sampled)  # seeded
    monkeypatch.setattr(figures, "BETWEENNESS_BUDGET", 10_000)
    exact, sampled = figures.brokers(U, top=2)
    assert not sampled and [r.label for r in exact] == ["5", "6"]  # the middle of the path


def test_communities_find_the_two_triangles_biggest_first():
    U = weighted_graph(two_triangles_and_a_bridge())
    assert communities(U) == [["e4", "e5", "e6"], ["s1", "s2", "s3"]]
    assert communities(U) == communities(U)  # seeded
    summary = community_summaries(U, communities(U), top=2)
    assert [(c.index, c.size, c.quotes) for c in summary] == [(0, 3, 6), (1, 3, 6)]
    assert summary[0].members == ("E4", "E5") and summary[1].members == ("S3", "S1")
    assert communities(nx.Graph()) == []


def test_network_figures_counts_and_json():
    figures = network_figures(two_triangles_and_a_bridge(), top=5)
    assert (figures.nodes, figures.edges, figures.isolated) == (7, 7, 1)
    as_dict = figures.to_dict()
    assert as_dict["speakers"][0] == {"label": "S3", "type": "speaker", "value": 5, "iri": "urn:s3"}
    assert len(as_dict["communities"]) == 2 and as_dict["betweenness_sampled"] is False
    with pytest.raises(ValueError):
        network_figures(two_triangles_and_a_bridge(), top=0)


def test_packed_layout_separates_components_and_is_stable():
    U = weighted_graph(two_triangles_and_a_bridge())
    U.remove_edge("s3", "e4")
    U.add_edge("p1", "p2", weight=1)
    pos = packed_layout(U)
    assert set(pos) == set(U) and pos == packed_layout(U)
    assert all(isinstance(c, int) for p in pos.values() for c in p)

    def box(nodes):
        xs, ys = [pos[n][0] for n in nodes], [pos[n][1] for n in nodes]
        return min(xs), max(xs), min(ys), max(ys)

    groups = [["s1", "s2", "s3"], ["e4", "e5", "e6"], ["p1", "p2"], ["s9"]]
    boxes = [box(g) for g in groups]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:  # no two components' boxes overlap
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]
    # a component is spread over about UNIT * sqrt(n), not squeezed to a point
    x0, x1, y0, y1 = boxes[0]
    assert max(x1 - x0, y1 - y0) > UNIT * math.sqrt(3) * 0.8
    assert packed_layout(nx.Graph()) == {}


def test_a_corpus_repeated_is_laid_out_the_same():
    """Weights count relative to a component's weakest link: 16 copies of a corpus, the same picture."""
    U = weighted_graph(two_triangles_and_a_bridge())
    U.add_edge("s1", "p9", weight=7)
    times16 = U.copy()
    for _, _, d in times16.edges(data=True):
        d["weight"] *= 16
    assert packed_layout(times16) == packed_layout(U)


def test_strongest_part_respects_both_limits():
    H = two_triangles_and_a_bridge()
    part = strongest_part(H, max_nodes=3, max_edges=10)
    assert part.number_of_nodes() == 3 and part.number_of_edges() == 3  # a whole triangle
    part = strongest_part(H, max_nodes=10, max_edges=6)
    assert part.number_of_edges() == 6 and not part.has_edge("s3", "e4")  # the weakest link goes


def test_plan_lists_unlinked_pins_the_central_and_says_what_is_hidden():
    H = two_triangles_and_a_bridge()
    plan = plan_corpus(H, max_nodes=100, max_edges=100, labels=2)
    assert plan.isolated == ["s9"] and "s9" not in plan.drawn
    assert plan.pinned == ["e4", "s3"]  # weighted degree 5 each, then by label
    assert set(plan.positions) == set(plan.drawn)
    assert plan.community["s1"] == plan.community["s2"] != plan.community["e5"]
    assert (plan.hidden_nodes, plan.hidden_edges) == (0, 0) and len(plan.notices) == 1
    small = plan_corpus(H, max_nodes=100, max_edges=6, labels=0)
    assert (small.hidden_nodes, small.hidden_edges, small.pinned) == (0, 1, [])
    assert "the 6 of 7 links with the most quotes (at least 2 each)" in small.notices[0]
    assert "0 nodes and 1 link are hidden" in small.notices[0]
    with pytest.raises(ValueError):
        plan_corpus(H, max_nodes=1, max_edges=0)
