"""The network page's data: vis-network nodes, edges and options, the quotes to read, the legend and the figures.

:func:`payload` turns the graph to draw into the plain lists the page script reads; every string
in them is data, shown by the script with ``textContent`` only (see :mod:`.view`). In the
corpus mode (quotes drawn as edges) nodes carry positions computed by :mod:`.corpus_view` and are
coloured by community; with quotes drawn as nodes, by type, and vis-network lays them out.
"""

from __future__ import annotations

import re

import networkx as nx

from .corpus_view import COMMUNITY_COLORS, OTHER_COMMUNITY_COLOR, CorpusPlan
from .figures import Figures
from .network import short_label
from .quote_marks import with_quote_marks
from .statement_view import StatementInfo, statements_of

__all__ = ["NODE_STYLES", "payload", "vis_options", "figures_data"]

#: Legend: label, colour (Okabe-Ito, colour-blind safe) and vis-network shape per node type.
NODE_STYLES: dict[str, dict[str, str]] = {
    "speaker": {"label": "Speaker", "color": "#0072B2", "shape": "dot"},
    "outlet": {"label": "Outlet / mediator", "color": "#E69F00", "shape": "diamond"},
    "entity": {"label": "Mentioned entity", "color": "#009E73", "shape": "triangle"},
    "quote": {"label": "Quote", "color": "#9A9A9A", "shape": "square"},
    "statement": {"label": "Statement (size: carriers)", "color": "#CC79A7", "shape": "square"},
    "article": {"label": "Article (no known outlet)", "color": "#9A9A9A", "shape": "dot"},
}
_EDGE_STYLES: dict[str, dict] = {
    "said": {"label": "said (speaker → quote)", "color": "#0072B2", "dashes": False},
    "reported": {"label": "reported (outlet → quote)", "color": "#D55E00", "dashes": True},
    "mentions": {"label": "mentions (quote → entity)", "color": "#009E73", "dashes": [2, 4]},
    "published": {"label": "published (outlet → article)", "color": "#CC79A7", "dashes": [6, 3]},
    "carried": {"label": "carried (statement → outlet or article)", "color": "#CC79A7", "dashes": False},
    "relayed": {"label": "relayed (statement → outlet named as relay)", "color": "#D55E00", "dashes": True},
}
_COLLAPSED_EDGE_LABELS = {
    "said": "said (speaker → statement)",
    "carried": "carried (statement → outlet or article)",
    "relayed": "relayed (statement → outlet named as relay)",
    "reported": "reported (outlet → speaker)",
    "mentions": "talks about (speaker → entity)",
    "published": "published (outlet → speaker quoted in its articles)",
}
#: In the corpus mode the colour is the community: the legend shows the type by shape only.
_SHAPE_ONLY = "#777777"
_COLLAPSED_EDGE_COLORS = {"reported": "#D55E00", "mentions": "#8C8C8C", "published": "#CC79A7", "said": "#8C8C8C",
                          "carried": "#CC79A7"}
#: Links drawn solid when quotes are links: the others are dashed.
_SOLID = ("mentions", "said", "carried")

_URL_OK = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def _safe_url(url: str) -> str:
    return url if _URL_OK.match(url or "") else ""


def _node_color(color: str) -> dict:
    return {"background": color, "border": "#333333", "highlight": {"background": color, "border": "#000000"},
            "hover": {"background": color, "border": "#000000"}}


def community_color(index: int) -> str:
    """The colour of the community of rank ``index`` (0: the biggest); -1 or beyond the palette: grey.

    >>> community_color(0), community_color(-1) == community_color(99) == OTHER_COMMUNITY_COLOR
    ('#332288', True)
    """
    return COMMUNITY_COLORS[index] if 0 <= index < len(COMMUNITY_COLORS) else OTHER_COMMUNITY_COLOR


def figures_data(figures: Figures, node_ids: dict) -> dict:
    """The figures as the side panel reads them: each row with the page id of its node (-1: not drawn)."""
    def rows(ranked):
        return [{"label": r.label, "type": r.type, "value": r.value, "node": node_ids.get(r.iri, -1)}
                for r in ranked]

    return {
        "speakers": rows(figures.speakers), "mentioned": rows(figures.mentioned), "brokers": rows(figures.brokers),
        "sampled": figures.betweenness_sampled, "nodes": figures.nodes, "edges": figures.edges,
        "isolated": figures.isolated,
        "communities": [{"size": c.size, "quotes": c.quotes, "members": list(c.members),
                         "color": community_color(c.index)} for c in figures.communities],
    }


def _quote_row(G: nx.MultiDiGraph, q: str, ids: dict, articles: dict, article_rows: list) -> dict:
    d = G.nodes[q]
    speakers = [u for u, _, k in G.in_edges(q, keys=True) if k == "said"]
    outlets = [u for u, _, k in G.in_edges(q, keys=True) if k == "reported"]
    mentioned = [v for _, v, k in G.out_edges(q, keys=True) if k == "mentions"]
    art = d.get("article", "")
    if art and art not in articles:
        articles[art] = len(article_rows)
        a = G.nodes[art] if art in G else {}
        article_rows.append([a.get("headline") or a.get("label") or d.get("headline", "") or art,
                             _safe_url(a.get("url", "") or d.get("url", ""))])
    return {
        # t: the text as stored (searched); d: as shown, in exactly one pair of quotation marks
        "t": d.get("text", ""), "d": with_quote_marks(d.get("text", "")), "k": d.get("kind", ""),
        "c": d.get("cue", ""),
        "m": d.get("speaker_mention", ""),
        "s": " / ".join(G.nodes[u].get("label", "") for u in speakers),
        "o": " / ".join(G.nodes[u].get("label", "") for u in outlets),
        "e": " / ".join(G.nodes[v].get("label", "") for v in mentioned),
        "sp": [ids[u] for u in speakers if u in ids],
        "ol": [ids[u] for u in outlets if u in ids],
        "a": articles.get(art, -1),
        "p": d.get("confidence"),  # the learned parts' confidence, or None
        "dt": d.get("date", ""),  # the article's date (YYYY-MM-DD), for the timeline
        "_people": (*speakers, *outlets, *mentioned),
    }


def _aliases(d: dict) -> list[str]:
    return [a for a in str(d.get("aliases", "")).split("\n") if a]


def statements_data(
    G: nx.MultiDiGraph, statements: dict[str, StatementInfo], qids: dict, ids: dict
) -> tuple[list[dict], dict[str, list[int]]]:
    """The statements whose quotes the page holds, for the entity panel: each with its words as first
    printed, speaker, carriers, first date, quotes and node (-1: not drawn); and node -> its statements."""
    rows: list[dict] = []
    by_speaker: dict[str, list[int]] = {}
    for st, info in statements.items():
        qs = [qids[q] for q in info.quotes if q in qids]
        if not qs:
            continue
        for s in info.speakers:
            by_speaker.setdefault(s, []).append(len(rows))
        rows.append({"t": with_quote_marks(info.text), "s": " / ".join(str(G.nodes[s].get("label", ""))
                                                                      for s in info.speakers),
                     "k": info.carriers, "f": info.first_seen, "q": qs, "n": ids.get(st, -1)})
    return rows, by_speaker


def payload(
    G: nx.MultiDiGraph, H: nx.MultiDiGraph, show_quotes: bool, plan: CorpusPlan | None = None,
    figures: Figures | None = None, statements: dict[str, StatementInfo] | None = None,
) -> tuple[dict, list[dict], list[dict]]:
    """Page data (quotes, articles, legend, isolated nodes) and the vis node and edge lists of ``H``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The whole graph (:func:`~quotegraph.graph.network.to_networkx`): where the quotes are read.
    H : networkx.MultiDiGraph
        The graph to draw.
    show_quotes : bool
        Whether ``H`` has quote nodes (else its nodes and edges carry ``quotes``).
    plan : CorpusPlan, optional
        The corpus mode's positions, communities, pinned names and unlinked nodes.
    figures : Figures, optional
        The side panel's figures; their rows point at the drawn nodes.
    statements : dict, optional
        :func:`~quotegraph.graph.statement_view.statements_of` ``G``, if already made.
    """
    ids = {n: i for i, n in enumerate(sorted(H, key=lambda n: (H.nodes[n].get("type", ""), n)))}
    isolated = list(plan.isolated) if plan else []
    # quotes readable on the page: those attached to a drawn or listed node
    if show_quotes:
        wanted = {n for n in H if H.nodes[n].get("type") == "quote"}
    else:
        wanted = {q for n in H for q in H.nodes[n].get("quotes", ())}
        if plan:
            wanted |= {q for n in isolated for q in plan.collapsed.nodes[n].get("quotes", ())}
    qids = {q: i for i, q in enumerate(sorted(wanted, key=lambda q: (G.nodes[q].get("article", ""), q)))}
    articles: dict[str, int] = {}
    article_rows: list[list[str]] = []
    quotes: list[dict] = []
    listed = {n: i for i, n in enumerate(isolated)}
    node_quotes: dict[str, list[int]] = {n: [] for n in (*H, *isolated)}
    for q, qi in qids.items():
        row = _quote_row(G, q, ids, articles, article_rows)
        for n in (*row.pop("_people"), q):
            if n in node_quotes:
                node_quotes[n].append(qi)
        quotes.append(row)
    statement_rows, by_speaker = statements_data(G, statements_of(G) if statements is None else statements, qids, ids)

    # the rank of each pinned name, 1 the most central: the page paints them in that order
    pinned = {n: rank for rank, n in enumerate(plan.pinned, start=1)} if plan else {}
    nodes: list[dict] = []
    for n, i in sorted(ids.items(), key=lambda kv: kv[1]):
        d = H.nodes[n]
        kind = d.get("type", "entity")
        style = NODE_STYLES.get(kind, NODE_STYLES["entity"])
        node = {
            "id": i, "type": kind, "label": str(d.get("label", "")), "n": int(d.get("quote_count", 0)),
            "q": sorted(set(node_quotes[n])), "shape": style["shape"], "color": _node_color(style["color"]),
            "value": 1 if kind == "quote" else max(1, int(d.get("quote_count", 0))),
        }
        if _aliases(d):
            node["al"] = _aliases(d)
        if n in by_speaker:
            node["st"] = by_speaker[n]
        if kind == "statement":  # sized by reach
            node.update(k=int(d.get("carriers", 0)), value=max(1, int(d.get("carriers", 0))), f=d.get("first_seen", ""))
        if kind == "quote":
            node["font"] = {"size": 8, "color": "#555555"}
            node["label"] = short_label(node["label"], 28)
        if plan:
            x, y = plan.positions[n]
            c = plan.community.get(n, -1)
            node.update(x=x, y=y, c=c, color=_node_color(community_color(c)))
            if n in pinned:
                node["pin"] = pinned[n]
        nodes.append(node)

    edges: list[dict] = []
    for u, v, key, d in sorted(H.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        rel = d.get("relation", key)
        style = _EDGE_STYLES.get(rel, _EDGE_STYLES["mentions"])
        if show_quotes:
            qs = sorted({qids[x] for x in (u, v) if x in qids})
        else:
            qs = sorted(qids[q] for q in d.get("quotes", ()) if q in qids)
        color = style["color"] if show_quotes else _COLLAPSED_EDGE_COLORS.get(rel, style["color"])
        edges.append({
            "id": len(edges), "from": ids[u], "to": ids[v], "relation": rel, "q": qs,
            "value": max(1, len(qs)), "dashes": style["dashes"] if show_quotes else rel not in _SOLID,
            "color": {"color": color, "highlight": "#000000", "hover": "#000000", "opacity": 0.7},
        })

    legend_nodes = [{"type": t, **NODE_STYLES[t], **({"color": _SHAPE_ONLY} if plan else {})}
                    for t in NODE_STYLES if any(x["type"] == t for x in nodes)]
    rels = sorted({e["relation"] for e in edges}, key=list(_EDGE_STYLES).index)
    legend_edges = [
        {"relation": r, "dashes": bool(_EDGE_STYLES[r]["dashes"]) if show_quotes else r not in _SOLID,
         "color": _EDGE_STYLES[r]["color"] if show_quotes else _COLLAPSED_EDGE_COLORS.get(r, _EDGE_STYLES[r]["color"]),
         "label": _EDGE_STYLES[r]["label"] if show_quotes else _COLLAPSED_EDGE_LABELS.get(r, r)}
        for r in rels
    ]
    data = {"quotes": quotes, "articles": article_rows, "legend": {"nodes": legend_nodes, "edges": legend_edges},
            "statements": statement_rows,
            "isolated": [{"label": str(G.nodes[n].get("label", "")), "type": G.nodes[n].get("type", ""),
                          "n": int(G.nodes[n].get("quote_count", 0)), "q": sorted(set(node_quotes[n])),
                          "al": _aliases(G.nodes[n]), "st": by_speaker.get(n, [])}
                         for n in listed]}
    if figures is not None:
        data["figures"] = figures_data(figures, {str(H.nodes[n].get("iri", n)): i for n, i in ids.items()})
    return data, nodes, edges


def vis_options(n_nodes: int, *, fixed_layout: bool = False) -> dict:
    """vis-network options: a bounded physics run for the quote mode, none when positions are given."""
    # A bounded number of physics steps, then physics off (see the page script): always settles.
    iterations = 400 if n_nodes <= 300 else 200 if n_nodes <= 1500 else 100
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 100 and not fixed_layout, "randomSeed": 7},
        "physics": {
            "enabled": not fixed_layout,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.01, "springLength": 80,
                                 "springConstant": 0.06, "damping": 0.6, "avoidOverlap": 0.5},
            "stabilization": {"enabled": not fixed_layout, "iterations": iterations, "updateInterval": 20,
                              "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": n_nodes > 500,
                        "hideEdgesOnZoom": n_nodes > 1500, "multiselect": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 6, "max": 40,
                        "label": {"enabled": True, "min": 12, "max": 24, "drawThreshold": 6, "maxVisible": 28}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "smooth": False,
            "scaling": {"min": 1, "max": 6},
            "selectionWidth": 2,
        },
    }
