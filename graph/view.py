"""The interactive network page: one self-contained HTML file to explore who said what.

:func:`write_view` turns a quote graph into a page that draws speakers, outlets, mentioned
entities and (for small graphs) the quotes themselves with vis-network, the library pyvis
ships, rendered through pyvis with a template of our own:

- **Offline.** vis-network, its stylesheet and our script are inlined (pyvis'
  ``cdn_resources="in_line"``); nothing is loaded from another host, and a Content-Security-Policy
  (``default-src 'none'`` plus the hashes of our own scripts) makes the browser refuse anything
  else, including any script that found its way into the data.
- **Safe.** Every string from the articles travels as JSON in a ``<script type="application/json">``
  block, with ``<``, ``>``, ``&`` and U+2028/U+2029 escaped so no ``</script>`` in a quote can end
  it; the page script only ever sets ``textContent``, and links only ``http(s)://`` article URLs.
- **Scales.** Small graphs draw each quote as a node; bigger ones draw quotes as edges between the
  people and outlets involved (:func:`~quotegraph.graph.network.collapse_quotes`), and beyond
  ``max_nodes`` only the most-quoted nodes are kept. The page says when either happened. The
  layout runs a bounded number of physics steps, then physics is switched off, so it settles.

Examples
--------
>>> from quotegraph.graph.model import records_to_graph
>>> html, summary = render_view(records_to_graph([]), title="Empty <corpus>")
>>> "<title>Empty &lt;corpus&gt; · quotegraph</title>" in html, summary.nodes
(True, 0)
"""

from __future__ import annotations

import base64
import errno
import functools
import hashlib
import json
import os
import re
import threading
import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
from rdflib import Graph

from .files import write_atomically
from .network import collapse_quotes, keep_top_nodes, quote_nodes, short_label, to_networkx
from .quote_marks import with_quote_marks
from .view_limits import DEFAULT_MAX_NODES, QUOTE_NODES_MAX

__all__ = [
    "DEFAULT_MAX_NODES",
    "QUOTE_NODES_MAX",
    "NODE_STYLES",
    "ViewSummary",
    "select_view",
    "script_json",
    "render_view",
    "write_view",
]


#: Legend: label, colour (Okabe-Ito, colour-blind safe) and vis-network shape per node type.
NODE_STYLES: dict[str, dict[str, str]] = {
    "speaker": {"label": "Speaker", "color": "#0072B2", "shape": "dot"},
    "outlet": {"label": "Outlet / mediator", "color": "#E69F00", "shape": "diamond"},
    "entity": {"label": "Mentioned entity", "color": "#009E73", "shape": "triangle"},
    "quote": {"label": "Quote", "color": "#9A9A9A", "shape": "square"},
}
_EDGE_STYLES: dict[str, dict] = {
    "said": {"label": "said (speaker → quote)", "color": "#0072B2", "dashes": False},
    "reported": {"label": "reported (outlet → quote)", "color": "#D55E00", "dashes": True},
    "mentions": {"label": "mentions (quote → entity)", "color": "#009E73", "dashes": [2, 4]},
}
_COLLAPSED_EDGE_LABELS = {
    "reported": "reported (outlet → speaker)",
    "mentions": "mentions (speaker → entity)",
}

_URL_OK = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_TEMPLATE_NAME = "quotegraph_view.html"
_RENDER_LOCK = threading.Lock()


@dataclass(frozen=True)
class ViewSummary:
    """What :func:`write_view` drew.

    Attributes
    ----------
    path : str
        The file written ("" from :func:`render_view`).
    nodes, edges : int
        Nodes and edges drawn on the page.
    quotes : int
        Quotes that can be read on the page.
    total_nodes : int
        Speakers, outlets, entities and quotes in the whole graph.
    show_quotes : bool
        Whether quotes are drawn as nodes (else as edges).
    aggregated : bool
        True when quotes were folded into edges or nodes were left out.
    dropped_nodes : int
        Speakers, outlets and entities left out to stay under ``max_nodes``.
    notices : tuple of str
        The sentences the page shows about aggregation.
    size : int
        Bytes of the page.
    """

    path: str
    nodes: int
    edges: int
    quotes: int
    total_nodes: int
    show_quotes: bool
    aggregated: bool
    dropped_nodes: int = 0
    notices: tuple[str, ...] = field(default=())
    size: int = 0


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026``, and everything outside
    ASCII (U+2028 and U+2029 included) a ``\\u`` escape, so data can neither end the script
    element nor open a comment in it; ``JSON.parse`` gives the original strings back.

    >>> script_json({"q": "</script><b>&\\u2028"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    >>> json.loads(script_json(["</script>"])) == ["</script>"]
    True
    """
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _count_drawable(G: nx.MultiDiGraph) -> int:
    return sum(1 for _, t in G.nodes(data="type") if t != "article")


def select_view(
    G: nx.MultiDiGraph, *, show_quotes: bool | None = None, max_nodes: int = DEFAULT_MAX_NODES
) -> tuple[nx.MultiDiGraph, bool, int, list[str]]:
    """Decide what to draw: quotes as nodes or as edges, and which nodes fit under ``max_nodes``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~quotegraph.graph.network.to_networkx`.
    show_quotes : bool or None
        Draw each quote as a node (True), as edges (False), or decide by size (None: as nodes
        when the graph has at most :data:`QUOTE_NODES_MAX` nodes besides articles).
    max_nodes : int
        Most nodes to draw. Asking for quotes on a bigger graph draws them as edges instead.

    Returns
    -------
    (graph, show_quotes, dropped, notices)
        The graph to draw (without article nodes), whether its quotes are nodes, how many
        speakers/outlets/entities were left out, and sentences saying what was aggregated.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("s", type="speaker", label="S", quote_count=1)
    >>> G.add_node("q", type="quote", label="Q", quote_count=1)
    >>> G.add_edge("s", "q", key="said", relation="said")
    'said'
    >>> H, as_nodes, dropped, notices = select_view(G)
    >>> sorted(H), as_nodes, dropped, notices
    (['q', 's'], True, 0, [])
    >>> H, as_nodes, dropped, notices = select_view(G, show_quotes=False)
    >>> sorted(H), as_nodes, notices
    (['s'], False, ['The 1 quote is drawn as edges between the people, outlets and entities involved: click a node or an edge to read them.'])
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    total = _count_drawable(G)
    n_quotes = len(quote_nodes(G))
    notices: list[str] = []
    if show_quotes is None:
        show_quotes = total <= min(QUOTE_NODES_MAX, max_nodes)
    elif show_quotes and total > max_nodes:
        show_quotes = False
        notices.append(
            f"There are too many nodes to draw each quote ({total:,} > {max_nodes:,} with --max-nodes)."
        )
    if show_quotes:
        H = G.subgraph([n for n, t in G.nodes(data="type") if t != "article"]).copy()
    else:
        H = collapse_quotes(G)
        if n_quotes:
            notices.append(
                f"The {n_quotes:,} quote{'s are' if n_quotes != 1 else ' is'} drawn as edges between the "
                "people, outlets and entities involved: click a node or an edge to read them."
            )
    before = H.number_of_nodes()
    if before > max_nodes:
        H = keep_top_nodes(H, max_nodes)
        notices.append(
            f"Showing the {H.number_of_nodes():,} most-quoted of {before:,} people, outlets and entities "
            f"(--max-nodes {max_nodes:,}); {before - H.number_of_nodes():,} with fewer quotes are left out."
        )
    return H, bool(show_quotes), before - H.number_of_nodes(), notices


def _safe_url(url: str) -> str:
    return url if _URL_OK.match(url or "") else ""


def _payload(G: nx.MultiDiGraph, H: nx.MultiDiGraph, show_quotes: bool) -> tuple[dict, list[dict], list[dict]]:
    """Page data (quotes, articles, filters) plus the vis node and edge lists for the drawn graph H."""
    ids = {n: i for i, n in enumerate(sorted(H, key=lambda n: (H.nodes[n].get("type", ""), n)))}
    # quotes readable on the page: those attached to a drawn node
    if show_quotes:
        wanted = {n for n in H if H.nodes[n].get("type") == "quote"}
    else:
        wanted = {q for n in H for q in H.nodes[n].get("quotes", ())}
    qids = {q: i for i, q in enumerate(sorted(wanted, key=lambda q: (G.nodes[q].get("article", ""), q)))}
    articles: dict[str, int] = {}
    article_rows: list[list[str]] = []
    quotes: list[dict] = []
    node_quotes: dict[str, list[int]] = {n: [] for n in H}
    for q, qi in qids.items():
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
        quotes.append({
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
        })
        for n in (*speakers, *outlets, *mentioned, q):
            if n in node_quotes:
                node_quotes[n].append(qi)

    nodes: list[dict] = []
    for n, i in sorted(ids.items(), key=lambda kv: kv[1]):
        d = H.nodes[n]
        kind = d.get("type", "entity")
        style = NODE_STYLES.get(kind, NODE_STYLES["entity"])
        node = {
            "id": i, "type": kind, "label": str(d.get("label", "")), "n": int(d.get("quote_count", 0)),
            "q": sorted(set(node_quotes[n])), "shape": style["shape"],
            "color": {"background": style["color"], "border": "#333333",
                      "highlight": {"background": style["color"], "border": "#000000"},
                      "hover": {"background": style["color"], "border": "#000000"}},
            "value": 1 if kind == "quote" else max(1, int(d.get("quote_count", 0))),
        }
        if kind == "quote":
            node["font"] = {"size": 8, "color": "#555555"}
            node["label"] = short_label(node["label"], 28)
        nodes.append(node)

    edges: list[dict] = []
    for u, v, key, d in sorted(H.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        rel = d.get("relation", key)
        style = _EDGE_STYLES.get(rel, _EDGE_STYLES["mentions"])
        if show_quotes:
            qs = sorted({qids[x] for x in (u, v) if x in qids})
        else:
            qs = sorted(qids[q] for q in d.get("quotes", ()) if q in qids)
        edges.append({
            "id": len(edges), "from": ids[u], "to": ids[v], "relation": rel, "q": qs,
            "value": max(1, len(qs)), "dashes": style["dashes"],
            "color": {"color": style["color"], "highlight": "#000000", "hover": "#000000", "opacity": 0.7},
        })

    legend_nodes = [{"type": t, **NODE_STYLES[t]} for t in NODE_STYLES if any(x["type"] == t for x in nodes)]
    rels = sorted({e["relation"] for e in edges}, key=list(_EDGE_STYLES).index)
    legend_edges = [
        {"relation": r, "color": _EDGE_STYLES[r]["color"], "dashes": bool(_EDGE_STYLES[r]["dashes"]),
         "label": _EDGE_STYLES[r]["label"] if show_quotes else _COLLAPSED_EDGE_LABELS.get(r, r)}
        for r in rels
    ]
    data = {"quotes": quotes, "articles": article_rows, "legend": {"nodes": legend_nodes, "edges": legend_edges}}
    return data, nodes, edges


def _options(n_nodes: int) -> dict:
    # A bounded number of physics steps, then physics off (see the page script): always settles.
    iterations = 400 if n_nodes <= 300 else 200 if n_nodes <= 1500 else 100
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 100, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.01, "springLength": 80,
                                 "springConstant": 0.06, "damping": 0.6, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
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


@functools.lru_cache(maxsize=None)
def _environment(pyvis_templates: str) -> Environment:
    """Our template, able to include pyvis' inlined assets; compiled once per process."""
    env = Environment(
        loader=ChoiceLoader([DictLoader({_TEMPLATE_NAME: _asset("page.html")}), FileSystemLoader(pyvis_templates)]),
        autoescape=True,
    )
    env.filters["script_json"] = script_json
    # our stylesheet and page script, inlined as they are (the CSP hashes the script)
    env.globals.update(qg_css=_asset("view.css"), qg_js=_asset("view.js"))
    return env


def _asset(name: str) -> str:
    """A file of ``graph/view_assets/``: the page template, its stylesheet and its script."""
    return resources.files(__package__).joinpath("view_assets", name).read_text(encoding="utf-8")


def _add_csp(page: str) -> str:
    """Allow exactly the inline scripts the page has, by hash; nothing from any host."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in _SCRIPT.findall(page)
    )
    policy = (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    return page.replace("<!--QG-CSP-->", f'<meta http-equiv="Content-Security-Policy" content="{policy}">', 1)


def render_view(
    graph: Graph | nx.MultiDiGraph,
    *,
    show_quotes: bool | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    title: str = "quotegraph",
) -> tuple[str, ViewSummary]:
    """The page for a quote graph, as a string, and what it shows.

    Parameters
    ----------
    graph : rdflib.Graph or networkx.MultiDiGraph
        The RDF quote graph, or the result of
        :func:`~quotegraph.graph.network.to_networkx` on it.
    show_quotes, max_nodes
        See :func:`select_view`.
    title : str
        Page title and heading (escaped).

    Returns
    -------
    (str, ViewSummary)
        The HTML page and a summary with ``path=""``.
    """
    G = graph if isinstance(graph, nx.Graph) else to_networkx(graph)
    H, as_nodes, dropped, notices = select_view(G, show_quotes=show_quotes, max_nodes=max_nodes)
    data, nodes, edges = _payload(G, H, as_nodes)
    data.update(
        title=title, notices=notices, mode="quotes" if as_nodes else "collapsed",
        stats={"nodes": len(nodes), "edges": len(edges), "quotes": len(data["quotes"]),
               "total_nodes": _count_drawable(G), "dropped": dropped},
    )
    from pyvis.network import Network  # imports IPython: only when a page is made

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    net.nodes, net.edges, net.options = nodes, edges, _options(len(nodes))  # lists built directly: add_edge is quadratic
    net.templateEnv = _environment(net.template_dir)
    net.path = _TEMPLATE_NAME
    with _RENDER_LOCK:  # the page data travels as globals of the shared environment
        net.templateEnv.globals.update(qg_data=data, qg_options=net.options, qg_title=title)
        try:
            page = net.generate_html()
        finally:
            for name in ("qg_data", "qg_options", "qg_title"):
                net.templateEnv.globals.pop(name, None)
    page = _add_csp(page)
    summary = ViewSummary(
        path="", nodes=len(nodes), edges=len(edges), quotes=len(data["quotes"]), total_nodes=_count_drawable(G),
        show_quotes=as_nodes, aggregated=bool(notices), dropped_nodes=dropped, notices=tuple(notices),
        size=len(page.encode("utf-8")),
    )
    return page, summary


def write_view(
    graph: Graph | nx.MultiDiGraph,
    out_path: str | os.PathLike,
    *,
    show_quotes: bool | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    title: str = "quotegraph",
) -> ViewSummary:
    """Write the interactive network page of a quote graph to one self-contained HTML file.

    The file is written to a temporary file beside ``out_path`` and moved into place, so a
    reader never sees half a page and a failure leaves an older page intact. Missing parent
    folders are created.

    Parameters
    ----------
    graph : rdflib.Graph or networkx.MultiDiGraph
        The quote graph (see :func:`render_view`).
    out_path : str or path
        Where to write the page (``.html``).
    show_quotes : bool or None
        Draw quotes as nodes, as edges, or decide by size (see :func:`select_view`).
    max_nodes : int
        Most nodes to draw; the most-quoted are kept, and the page says so.
    title : str
        Page title and heading.

    Returns
    -------
    ViewSummary
        What was drawn, and whether it was aggregated.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from quotegraph.graph.model import records_to_graph
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
    >>> summary = write_view(records_to_graph([]), out)
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>"), summary.path == str(out)
    (True, True)
    """
    page, summary = render_view(graph, show_quotes=show_quotes, max_nodes=max_nodes, title=title)
    out = Path(out_path)
    if out.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with write_atomically(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(page)
    return dataclasses.replace(summary, path=str(out))

