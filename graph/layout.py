"""Node positions for the corpus page, computed before it opens: each linked group laid out by force, the groups packed in rows.

A corpus graph is mostly many small groups (a speaker and the two places they talk about) and
a few big ones. One force layout over all of them throws the small groups to the rim and
shrinks the big one to a hairball; so, as Gephi's and Graphviz's "pack" do, each connected
component gets its own force layout (networkx's ForceAtlas2, seeded; a vectorised
Fruchterman-Reingold for big components), scaled to its size, and the
components are set in rows, biggest first, like text on a page.

Examples
--------
>>> import networkx as nx
>>> U = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
>>> pos = packed_layout(U)
>>> sorted(pos)
['a', 'b', 'c', 'x', 'y']
>>> pos == packed_layout(U)  # seeded: the same graph is drawn the same way
True
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from .figures import DEFAULT_SEED

__all__ = ["UNIT", "FORCEATLAS2_MAX", "fruchterman_reingold", "component_layout", "packed_layout"]

#: Components up to this many nodes get networkx's ForceAtlas2; bigger ones :func:`fruchterman_reingold`.
FORCEATLAS2_MAX = 300
#: Canvas pixels per node of a component, as the square root: a component of n nodes is about
#: ``2 * UNIT * sqrt(n)`` wide, which leaves room for vis-network's node sizes (6–40 px).
UNIT = 70.0


def fruchterman_reingold(W: nx.Graph, *, seed: int = DEFAULT_SEED, iterations: int = 50) -> dict:
    """Fruchterman and Reingold's force layout on dense numpy arrays: seconds for a few thousand nodes.

    networkx's ``spring_layout`` needs scipy above 500 nodes and its ``forceatlas2_layout`` takes
    tens of seconds at 1,500; this is the textbook algorithm (every pair repels with k²/d, linked
    pairs attract with weight·d²/k, moves capped by a temperature that cools linearly), O(n²)
    memory and time per step, vectorised. Positions lie about in the unit square.

    >>> pos = fruchterman_reingold(nx.path_graph(4))
    >>> sorted(pos), pos == fruchterman_reingold(nx.path_graph(4))
    ([0, 1, 2, 3], True)
    """
    nodes = list(W)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for u, v, w in W.edges(data="weight", default=1.0):
        A[index[u], index[v]] = A[index[v], index[u]] = float(w)
    pos = np.random.default_rng(seed).random((n, 2))
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = k * k / distance**2 - A * distance / k
        shift = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.linalg.norm(shift, axis=-1), 0.01)
        pos += shift * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def component_layout(C: nx.Graph, *, seed: int = DEFAULT_SEED, max_iter: int = 100) -> dict:
    """Positions of one connected graph, centred on (0, 0), about ``UNIT * sqrt(n)`` wide, linked nodes about ``UNIT`` apart.

    Edge weights pull, damped by a logarithm (a pair quoted 100 times should sit closer than a
    pair quoted once, not a hundred times closer), relative to the weakest link of the component.

    >>> pos = component_layout(nx.Graph([("a", "b")]))
    >>> pos["a"][0] + pos["b"][0], pos["b"][0] - pos["a"][0] == UNIT
    (0.0, True)
    """
    nodes = sorted(C, key=str)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return {nodes[0]: (-UNIT / 2, 0.0), nodes[1]: (UNIT / 2, 0.0)}
    # weights relative to the component's weakest link: a corpus repeated twice is drawn the same
    weakest = min((max(float(w), 1e-9) for _, _, w in C.edges(data="weight", default=1)), default=1.0)
    W = nx.Graph()
    W.add_nodes_from(nodes)
    W.add_weighted_edges_from(
        (u, v, 1.0 + math.log(max(float(w), 1e-9) / weakest))
        for u, v, w in sorted(C.edges(data="weight", default=1), key=str)
    )
    if n <= FORCEATLAS2_MAX:
        # node_size: ForceAtlas2's "prevent overlap", hubs (many links) counted bigger, as the page draws them
        sizes = {v: 1.0 + math.log(1.0 + W.degree(v, weight="weight")) for v in nodes}
        raw = nx.forceatlas2_layout(W, seed=seed, max_iter=max_iter, weight="weight", strong_gravity=n > 50,
                                    node_size=sizes, scaling_ratio=4.0)
    else:
        raw = fruchterman_reingold(W, seed=seed, iterations=max(30, max_iter // 2))
    cx = sum(float(p[0]) for p in raw.values()) / n
    cy = sum(float(p[1]) for p in raw.values()) / n
    reach = max(math.hypot(float(p[0]) - cx, float(p[1]) - cy) for p in raw.values()) or 1.0
    lengths = sorted(math.dist(raw[u], raw[v]) for u, v in W.edges())
    median = lengths[len(lengths) // 2] or 1.0
    # as wide as the component's size asks, and wider (up to 3 times) if that would bring linked
    # nodes closer than UNIT
    by_size = UNIT * math.sqrt(n) / reach
    factor = min(max(by_size, UNIT / median), 3 * by_size)
    return {v: ((float(p[0]) - cx) * factor, (float(p[1]) - cy) * factor) for v, p in raw.items()}


def packed_layout(U: nx.Graph, *, seed: int = DEFAULT_SEED, max_iter: int = 100) -> dict:
    """Positions of every node of ``U``: components laid out alone, then packed in centred rows.

    Components are ordered biggest first (ties by their smallest node key); the rows are about
    as wide as the packed picture is tall, and the whole is centred on (0, 0). Positions are
    rounded to whole pixels.

    >>> pos = packed_layout(nx.Graph([("a", "b"), ("c", "d")]))
    >>> pos["a"][1] == pos["b"][1], pos["a"] != pos["c"]
    (True, True)
    """
    if not U.number_of_nodes():
        return {}
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for part in parts:
        pos = component_layout(U.subgraph(part), seed=seed, max_iter=max_iter)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        boxes.append((pos, min(xs), max(xs), min(ys), max(ys)))
    gap = UNIT
    area = sum((x1 - x0 + gap) * (y1 - y0 + gap) for _, x0, x1, y0, y1 in boxes)
    row_width = max(max(x1 - x0 for _, x0, x1, _, _ in boxes), 1.2 * math.sqrt(area))
    rows: list[list] = [[]]
    used = 0.0
    for box in boxes:
        width = box[2] - box[1]
        if rows[-1] and used + width > row_width:
            rows.append([])
            used = 0.0
        rows[-1].append(box)
        used += width + gap
    out: dict = {}
    top = 0.0
    for row in rows:
        width = sum(b[2] - b[1] for b in row) + gap * (len(row) - 1)
        height = max(b[4] - b[3] for b in row)
        x = -width / 2
        for pos, x0, x1, y0, y1 in row:
            dx, dy = x - x0, top + (height - (y1 - y0)) / 2 - y0
            for v, (px, py) in pos.items():
                out[v] = (px + dx, py + dy)
            x += x1 - x0 + gap
        top += height + gap
    shift = (top - gap) / 2
    return {v: (round(px), round(py - shift)) for v, (px, py) in out.items()}
