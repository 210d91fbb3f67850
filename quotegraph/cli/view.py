"""``quotegraph view``: the graph as one interactive HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotegraph.graph.endpoint import is_endpoint_url
from quotegraph.graph.store import close_graph, open_source
from quotegraph.graph.view_limits import DEFAULT_MAX_NODES, QUOTE_NODES_MAX

from ._app import app, handle_errors


@app.command()
@handle_errors
def view(
    graph: Annotated[str, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, .trig), Oxigraph store folder or sparql+http:// endpoint.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML page to write (replaced if it exists).")] = Path("graph.html"),
    quotes: Annotated[Optional[bool], typer.Option("--quotes/--no-quotes", help=f"Draw each quote as a node, or as edges between speakers, outlets and entities. Default: as nodes up to a graph of {QUOTE_NODES_MAX} nodes.", show_default=False)] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Draw at most this many nodes; the most-quoted are kept and the page says so.")] = DEFAULT_MAX_NODES,
    title: Annotated[Optional[str], typer.Option("--title", "-t", help="Page title. Default: the graph's file name.", show_default=False)] = None,
) -> None:
    """Write an interactive network page of who said what, according to whom.

    Speakers, outlets and mentioned entities (and, for small graphs, the quotes) are drawn as
    nodes, coloured and shaped by type and sized by their number of quotes. Hover for a
    summary, click to read the quotes with cue, headline and a link to the article; filter by
    speaker, outlet or article, or search the quote texts. The page is one self-contained
    file: it opens offline and loads nothing from anywhere. Big graphs are aggregated (quotes
    drawn as edges, only the most-quoted nodes kept), and the page says so.

    Example:

        quotegraph view graph.ttl --out graph.html --title "Election coverage"
    """
    remote = is_endpoint_url(graph)
    rdf = open_source(graph if remote else Path(graph))
    try:
        from quotegraph.graph.view import write_view  # networkx and the page's templates: only when drawing

        summary = write_view(rdf, out, show_quotes=quotes, max_nodes=max_nodes,
                             title=title or (graph if remote else Path(graph).name))
    finally:
        close_graph(rdf)
    typer.echo(
        f"Wrote {summary.path}: {summary.nodes:,} nodes, {summary.edges:,} edges, {summary.quotes:,} quotes "
        f"({summary.size / 1e6:.1f} MB)"
    )
    for notice in summary.notices:
        typer.echo(f"Aggregated: {notice}")
    typer.echo(f"Open it in a browser: {out.resolve().as_uri()}")
