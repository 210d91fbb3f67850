"""``quotegraph stats``: the network figures of a graph (most quoted, most mentioned, brokers, communities)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table


from ._app import app, handle_errors, refuse_empty, stdout_reader_may_stop

_TYPES = {"speaker": "speaker", "outlet": "outlet", "entity": "entity"}


def _ranking(title: str, rows, value_name: str, fmt=str) -> Table:
    table = Table(title=title, title_justify="left", show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("name")
    table.add_column("type")
    table.add_column(value_name, justify="right")
    for i, r in enumerate(rows, 1):
        table.add_row(str(i), r.label, _TYPES.get(r.type, r.type), fmt(r.value))
    if not rows:
        table.add_row("", "(none)", "", "")
    return table


@app.command("stats")
@handle_errors
def stats(
    graph: Annotated[str, typer.Argument(
        metavar="GRAPH", show_default=False,
        help="RDF file (.ttl .nt .nq .trig .jsonld), store directory or sparql+http:// endpoint.")],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Rows per figure (and members per community).")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON instead of tables.")] = False,
) -> None:
    """Print the network figures of a quote graph: who is quoted, who is talked about, who brokers.

    Quotes become links between the speakers, the outlets that relayed them and the people,
    organisations and places they talk about (weighted by the number of quotes), as on the
    network page in its aggregated mode, whose side panel shows the same figures:

    - most quoted speakers (quotes said) and most mentioned entities (quotes mentioning them);
    - brokers: betweenness centrality, the share of shortest paths (in links) between others
      that run through a node; on big graphs estimated from sampled sources, and the title
      says so;
    - communities: groups more linked among themselves than to the rest (Louvain, seeded,
      so the same graph gives the same groups), biggest first, with their most linked members.

    Example:

        quotegraph stats graph.ttl --top 5
        quotegraph stats graph.ttl --json > figures.json
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.endpoint import is_endpoint_url
    from quotegraph.graph.store import close_graph, open_source

    remote = is_endpoint_url(graph)
    rdf = open_source(graph if remote else Path(graph))
    try:
        refuse_empty(rdf, graph)
        from quotegraph.graph.figures import network_figures  # networkx: only when counting
        from quotegraph.graph.network import collapse_quotes, to_networkx

        figures = network_figures(collapse_quotes(to_networkx(rdf)), top=top)
    finally:
        close_graph(rdf)
    with stdout_reader_may_stop():  # quotegraph stats … | head ends quietly
        _print_figures(figures, as_json)


def _print_figures(figures, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(figures.to_dict(), ensure_ascii=False, indent=2))
        return
    console = Console(soft_wrap=True)
    # rendered first, written in one go: rich ends a broken pipe with exit 1 of its own
    with console.capture() as rendered:
        console.print(f"{figures.nodes:,} speakers, outlets and entities; {figures.edges:,} linked pairs; "
                      f"{figures.isolated:,} not linked to any other", markup=False, highlight=False)
        console.print(_ranking("Most quoted speakers", figures.speakers, "quotes"))
        console.print(_ranking("Most mentioned", figures.mentioned, "quotes"))
        sampled = " (estimated from a sample)" if figures.betweenness_sampled else ""
        console.print(_ranking(f"Brokers: betweenness{sampled}", figures.brokers, "betweenness", lambda v: f"{v:.3f}"))
        table = Table(title="Communities (Louvain)", title_justify="left", show_header=True, header_style="bold")
        for name, justify in (("#", "right"), ("nodes", "right"), ("quotes", "right"), ("most linked members", "left")):
            table.add_column(name, justify=justify)
        for c in figures.communities:
            table.add_row(str(c.index + 1), f"{c.size:,}", f"{c.quotes:,}", ", ".join(c.members))
        if not figures.communities:
            table.add_row("", "", "", "(none)")
        console.print(table)
    typer.echo(rendered.get(), nl=False)
