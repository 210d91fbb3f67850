"""``quotegraph view``: the graph as one interactive HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotegraph.graph.view_limits import DEFAULT_LABELS, DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, QUOTE_NODES_MAX

from ._app import app, check_output_file, handle_errors, refuse_empty


@app.command()
@handle_errors
def view(
    graph: Annotated[str, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, .trig), Oxigraph store folder or sparql+http:// endpoint.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML page to write (replaced if it exists).")] = Path("graph.html"),
    quotes: Annotated[Optional[bool], typer.Option("--quotes/--no-quotes", help=f"Draw each quote as a node, or as edges between speakers, outlets and entities. Default: as nodes up to a graph of {QUOTE_NODES_MAX} nodes.", show_default=False)] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Draw at most this many nodes; above, the links with the most quotes are kept and the page says how much is hidden.")] = DEFAULT_MAX_NODES,
    max_edges: Annotated[int, typer.Option("--max-edges", min=1, help="Draw at most this many links (quotes drawn as edges); above, the links with the most quotes are kept.")] = DEFAULT_MAX_EDGES,
    labels: Annotated[int, typer.Option("--labels", min=0, help="Keep the names of this many most central nodes on screen at every zoom (quotes drawn as edges).")] = DEFAULT_LABELS,
    title: Annotated[Optional[str], typer.Option("--title", "-t", help="Page title. Default: the graph's file name.", show_default=False)] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Open the page hiding quotes whose confidence (qg:confidence, how likely the learned parts judge them right) is below this; a slider on the page changes it.")] = 0.0,
    statements: Annotated[bool, typer.Option("--statements", help="Statement mode: draw speaker → statement → the outlets or articles that carried it, each statement (qg:Statement: the same words of one speaker across articles) sized by its carriers.")] = False,
) -> None:
    """Write an interactive network page of who said what, according to whom.

    Small graphs draw speakers, outlets, mentioned entities and each quote as nodes. Bigger
    ones draw a corpus: quotes become links from speakers to the people, organisations and
    places they talk about and between speakers and the outlets that relayed them, weighted
    by quotes; the layout is computed before the page opens (it opens still), communities
    are coloured, the names of the most central nodes stay on screen, and speakers linked to
    no one are listed beside the drawing. Above --max-nodes or --max-edges only the
    strongest links are drawn, and the page says how much is hidden.

    Hover for a summary, click a node, a link or a listed name to read the quotes with cue,
    headline and a link to the article; filter by speaker, outlet or article, or search the
    quote texts, or hide quotes below a confidence; a timeline of the quotes by article date
    filters them to a date range (drag across it). Clicking a person or outlet lists its
    aliases and its statements. With --statements the page draws who said which statement and
    who carried it. A side panel shows the figures of `quotegraph stats`; buttons save the
    drawing as PNG or SVG. The page is one self-contained file: it opens offline and loads
    nothing from anywhere.

    Example:

        quotegraph view graph.ttl --out graph.html --title "Election coverage"

        quotegraph view store/ --statements --out statements.html
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.endpoint import is_endpoint_url
    from quotegraph.graph.store import close_graph, open_source

    check_output_file(out, "--out")  # before a big graph is read and laid out
    remote = is_endpoint_url(graph)
    rdf = open_source(graph if remote else Path(graph))
    try:
        refuse_empty(rdf, graph)
        from quotegraph.graph.view import write_view  # networkx and the page's templates: only when drawing

        summary = write_view(rdf, out, show_quotes=quotes, max_nodes=max_nodes, max_edges=max_edges, labels=labels,
                             title=title or (graph if remote else Path(graph).name), min_confidence=min_confidence,
                             statements=statements)
    finally:
        close_graph(rdf)
    typer.echo(
        f"Wrote {summary.path}: {summary.nodes:,} nodes, {summary.edges:,} edges, {summary.quotes:,} quotes "
        f"({summary.size / 1e6:.1f} MB)"
    )
    for notice in summary.notices:
        typer.echo(f"Aggregated: {notice}")
    typer.echo(f"Open it in a browser: {out.resolve().as_uri()}")
