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
- **Scales.** Small graphs draw each quote as a node (vis-network lays them out in a bounded number
  of physics steps, then physics is switched off). Bigger ones draw quotes as edges between the
  speakers, outlets and entities involved, laid out with networkx before the page opens, coloured
  by community, unlinked nodes listed beside the drawing, and beyond ``max_nodes`` /
  ``max_edges`` only the strongest links (:mod:`.corpus_view`). The page says what it did.
- **Figures.** A side panel shows :func:`~quotegraph.graph.figures.network_figures` (most quoted,
  most mentioned, brokers, communities), as ``quotegraph stats`` prints them.
- **Pictures.** Buttons save what is on screen as PNG (the canvas) or SVG (built in the page).

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

from .corpus_view import CorpusPlan, plan_corpus
from .figures import DEFAULT_SEED, network_figures
from .files import write_atomically
from .network import collapse_quotes, quote_nodes, to_networkx
from .statement_view import statement_graph, statements_of
from .view_limits import DEFAULT_LABELS, DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, QUOTE_NODES_MAX
from .view_payload import NODE_STYLES, payload, vis_options

__all__ = [
    "DEFAULT_MAX_NODES",
    "DEFAULT_MAX_EDGES",
    "DEFAULT_LABELS",
    "QUOTE_NODES_MAX",
    "NODE_STYLES",
    "ViewSummary",
    "ViewPlan",
    "plan_view",
    "select_view",
    "script_json",
    "render_view",
    "write_view",
]


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
        Linked speakers, outlets and entities left out to stay under ``max_nodes`` / ``max_edges``.
    hidden_edges : int
        Links (aggregated edges) left out to stay under ``max_nodes`` / ``max_edges``.
    isolated : int
        Speakers, outlets and entities without any link: listed beside the drawing (aggregated mode).
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
    hidden_edges: int = 0
    isolated: int = 0
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


def _only_publisher(G: nx.MultiDiGraph, n) -> bool:
    return G.degree(n) > 0 and all(k == "published" for *_, k in G.edges(n, keys=True)) and not G.in_degree(n)


def _count_drawable(G: nx.MultiDiGraph) -> int:
    return sum(1 for n, t in G.nodes(data="type") if t != "article" and not _only_publisher(G, n))


@dataclass(frozen=True)
class ViewPlan:
    """What the page draws: the graph, whether quotes are nodes, and (aggregated) the corpus plan."""

    graph: nx.MultiDiGraph
    show_quotes: bool
    dropped: int
    notices: tuple[str, ...]
    corpus: CorpusPlan | None = None
    statements: dict | None = None


def plan_view(
    G: nx.MultiDiGraph,
    *,
    show_quotes: bool | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = DEFAULT_MAX_EDGES,
    labels: int = DEFAULT_LABELS,
    seed: int = DEFAULT_SEED,
    statements: bool = False,
) -> ViewPlan:
    """Decide what to draw: quotes as nodes or as edges, and (as edges) the strongest part that fits.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~quotegraph.graph.network.to_networkx`.
    show_quotes : bool or None
        Draw each quote as a node (True), as edges (False), or decide by size (None: as nodes
        when the graph has at most :data:`QUOTE_NODES_MAX` nodes besides articles).
    max_nodes, max_edges : int
        Most nodes and (aggregated) edges to draw. Asking for quotes on a graph with more
        nodes than ``max_nodes`` draws them as edges instead.
    labels : int
        How many of the most central nodes keep their names on screen (aggregated mode).
    seed : int
        Seed of the layout and the community detection (aggregated mode).
    statements : bool
        Draw the statement mode instead (:mod:`.statement_view`): speaker → statement → the
        outlets or articles that carried it, statements sized by carriers, laid out as a corpus.
    """
    if statements:
        return _plan_statements(G, max_nodes=max_nodes, max_edges=max_edges, labels=labels, seed=seed)
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    if max_edges < 1:
        raise ValueError(f"max_edges must be at least 1, not {max_edges}")
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
        # publishers link to articles only, which are not drawn: they show as links in the corpus mode
        H = G.subgraph([n for n, t in G.nodes(data="type") if t != "article" and not _only_publisher(G, n)]).copy()
        return ViewPlan(H, True, 0, tuple(notices))
    if n_quotes:
        notices.append(
            f"The {n_quotes:,} quote{'s are' if n_quotes != 1 else ' is'} drawn as edges between the "
            "people, outlets and entities involved: click a node or an edge to read them."
        )
    plan = plan_corpus(collapse_quotes(G), max_nodes=max_nodes, max_edges=max_edges, labels=labels, seed=seed)
    return ViewPlan(plan.drawn, False, plan.hidden_nodes, (*notices, *plan.notices), plan)


def _plan_statements(G: nx.MultiDiGraph, *, max_nodes: int, max_edges: int, labels: int, seed: int) -> ViewPlan:
    """The statement mode's plan: the statement network (:func:`.statement_graph`), as a corpus."""
    found = statements_of(G)
    speakers = {s for info in found.values() for s in info.speakers}
    shared = sum(1 for info in found.values() if info.carriers > 1)
    if found:
        notice = (f"Statement mode: {len(found):,} statement{'s' if len(found) != 1 else ''} of "
                  f"{len(speakers):,} speaker{'s' if len(speakers) != 1 else ''} ({shared:,} carried by more than one "
                  "article), each drawn between its speaker and the outlets or articles that carried it, sized by "
                  "its carriers.")
    else:
        notice = ("Statement mode: no quote is linked to a statement (qg:Statement). Statements are linked at the "
                  "end of `quotegraph extract` (unless --no-resolve) and by `quotegraph resolve`.")
    plan = plan_corpus(statement_graph(G, found), max_nodes=max_nodes, max_edges=max_edges, labels=labels, seed=seed)
    return ViewPlan(plan.drawn, False, plan.hidden_nodes, (notice, *plan.notices), plan, found)


def select_view(
    G: nx.MultiDiGraph, *, show_quotes: bool | None = None, max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = DEFAULT_MAX_EDGES,
) -> tuple[nx.MultiDiGraph, bool, int, list[str]]:
    """:func:`plan_view` as a tuple: (graph to draw, quotes as nodes?, nodes left out, notices).

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
    >>> sorted(H), as_nodes, len(notices)
    ([], False, 2)
    >>> notices[1]
    '1 node has no link to any other: it is listed beside the drawing, not drawn.'
    """
    plan = plan_view(G, show_quotes=show_quotes, max_nodes=max_nodes, max_edges=max_edges)
    return plan.graph, plan.show_quotes, plan.dropped, list(plan.notices)


@functools.lru_cache(maxsize=None)
def _environment(pyvis_templates: str) -> Environment:
    """Our template, able to include pyvis' inlined assets; compiled once per process."""
    env = Environment(
        loader=ChoiceLoader([DictLoader({_TEMPLATE_NAME: _asset("page.html")}), FileSystemLoader(pyvis_templates)]),
        autoescape=True,
    )
    env.filters["script_json"] = script_json
    # our stylesheet and page script (the timeline, the page, then saving pictures), inlined as they are (the CSP hashes the script)
    scripts = ("view_timeline.js", "view.js", "view_export.js")
    env.globals.update(qg_css=_asset("view.css"), qg_js="\n".join(_asset(name) for name in scripts))
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
    max_edges: int = DEFAULT_MAX_EDGES,
    labels: int = DEFAULT_LABELS,
    title: str = "quotegraph",
    min_confidence: float = 0.0,
    statements: bool = False,
) -> tuple[str, ViewSummary]:
    """The page for a quote graph, as a string, and what it shows.

    Parameters
    ----------
    graph : rdflib.Graph or networkx.MultiDiGraph
        The RDF quote graph, or the result of
        :func:`~quotegraph.graph.network.to_networkx` on it.
    show_quotes, max_nodes, max_edges, labels
        See :func:`plan_view`.
    title : str
        Page title and heading (escaped).
    min_confidence : float
        The page opens hiding the quotes whose confidence (``qg:confidence``) is below this;
        its slider changes it.
    statements : bool
        Draw the statement mode (see :func:`plan_view`).

    Returns
    -------
    (str, ViewSummary)
        The HTML page and a summary with ``path=""``.
    """
    G = graph if isinstance(graph, nx.Graph) else to_networkx(graph)
    plan = plan_view(G, show_quotes=show_quotes, max_nodes=max_nodes, max_edges=max_edges, labels=labels,
                     statements=statements)
    H, as_nodes, corpus = plan.graph, plan.show_quotes, plan.corpus
    figures = corpus.figures if corpus else network_figures(collapse_quotes(G))
    data, nodes, edges = payload(G, H, as_nodes, corpus, figures, plan.statements)
    notices = list(plan.notices)
    mode = "statements" if statements else "quotes" if as_nodes else "collapsed"
    data.update(
        title=title, notices=notices, mode=mode, min_confidence=min_confidence,
        stats={"nodes": len(nodes), "edges": len(edges), "quotes": len(data["quotes"]),
               "total_nodes": _count_drawable(G), "dropped": plan.dropped,
               "hidden_edges": corpus.hidden_edges if corpus else 0, "isolated": len(data["isolated"])},
    )
    from pyvis.network import Network  # imports IPython: only when a page is made

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    # lists built directly: add_edge is quadratic
    net.nodes, net.edges, net.options = nodes, edges, vis_options(len(nodes), fixed_layout=corpus is not None)
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
        show_quotes=as_nodes, aggregated=bool(notices), dropped_nodes=plan.dropped,
        hidden_edges=corpus.hidden_edges if corpus else 0, isolated=len(data["isolated"]), notices=tuple(notices),
        size=len(page.encode("utf-8")),
    )
    return page, summary


def write_view(
    graph: Graph | nx.MultiDiGraph,
    out_path: str | os.PathLike,
    *,
    show_quotes: bool | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = DEFAULT_MAX_EDGES,
    labels: int = DEFAULT_LABELS,
    title: str = "quotegraph",
    min_confidence: float = 0.0,
    statements: bool = False,
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
    max_nodes, max_edges : int
        Most nodes and links to draw; above either, the links with the most quotes are kept,
        and the page says how much is hidden.
    labels : int
        How many of the most central nodes keep their names on screen (quotes drawn as edges).
    title : str
        Page title and heading.
    min_confidence : float
        Open the page hiding quotes whose confidence is below this (a slider changes it).
    statements : bool
        Draw speaker → statement → the outlets or articles that carried it, statements sized
        by carriers (quotes must be linked to ``qg:Statement``; see :mod:`.statements`).

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
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be from 0 to 1, not {min_confidence}")
    page, summary = render_view(graph, show_quotes=show_quotes, max_nodes=max_nodes, max_edges=max_edges,
                                labels=labels, title=title, min_confidence=min_confidence, statements=statements)
    out = Path(out_path)
    if out.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with write_atomically(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(page)
    return dataclasses.replace(summary, path=str(out))

