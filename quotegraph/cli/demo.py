"""``quotegraph demo``: the whole product on the bundled example articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import EXIT_SKIPPED, app, handle_errors, print_summary


@app.command()
@handle_errors
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, help="Folder to write graph.ttl, quotes.jsonl and graph.html into.")] = Path("quotegraph-demo"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run the whole pipeline on the bundled example articles (German and English).

    Extracts the quotes, builds the RDF graph and writes, into the --out folder:
    graph.ttl (Turtle), quotes.jsonl (one JSON object per quote) and graph.html (the
    interactive network: open it in a browser). Files from an earlier demo run are replaced.

    Example:

        quotegraph demo --out demo/
    """
    from quotegraph import api  # spaCy, rdflib and the page's builder: only when the demo runs, not for --help

    out.mkdir(parents=True, exist_ok=True)
    graph_path, jsonl_path, html_path = out / "graph.ttl", out / "quotes.jsonl", out / "graph.html"
    summary = api.extract_to_files(
        [api.example_folder()], out=graph_path, jsonl=jsonl_path, lang="auto", progress=not quiet, append=False, restart=True,
    )
    api.write_view(api.load_graph(graph_path), html_path, title="quotegraph demo")
    print_summary(summary, {"graph": str(graph_path), "quotes": str(jsonl_path), "view": str(html_path)})
    typer.echo(f"Open {html_path} in a browser; query with: quotegraph query {graph_path} --example who-said-what")
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)
