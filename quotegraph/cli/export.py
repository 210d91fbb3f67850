"""``quotegraph export``: write a graph as Turtle, N-Triples, N-Quads, JSON-LD, TriG or GraphML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotegraph.errors import QuotegraphError

from ._app import app, check_output_file, handle_errors, refuse_empty, stdout_reader_may_stop


@app.command("export")
@handle_errors
def export(
    graph: Annotated[str, typer.Argument(
        metavar="GRAPH", show_default=False,
        help="RDF file (.ttl .nt .nq .trig .jsonld), store directory or sparql+http:// endpoint.")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", show_default=False, help="File to write ('-' for standard output). Written atomically.")],
    fmt: Annotated[Optional[str], typer.Option(
        "--format", show_default=False,
        help="turtle, nt, nquads, jsonld, trig or graphml (default: from the --out suffix, else turtle). "
             "A name quotegraph would read back as another format (.rdf, JSON-LD in .nt) is refused.")] = None,
) -> None:
    """Export a graph (file or store) to another RDF format, or to GraphML for network tools.

    The file appears only once it is complete (written to a temporary file, then renamed), so
    an interrupted export never leaves a truncated file. Turtle, N-Triples and JSON-LD hold
    all of the graph once; TriG and N-Quads keep one named graph per article (from a Turtle,
    N-Triples or JSON-LD file too, which carry none: each triple goes back into the graph of
    the article its IRIs name, as extract wrote it). JSON-LD carries
    a @context with quotegraph's prefixes; GraphML holds the speaker/outlet/quote network (for
    Gephi, yEd).

    Example:

        quotegraph export store/ --out news.ttl

        quotegraph export news.ttl --format jsonld --out news.jsonld

        quotegraph export news.ttl --format graphml --out network.graphml

        quotegraph export sparql+http://127.0.0.1:7878 --out corpus.nq
    """
    check_output_file(out, "--out")  # a usage error, as for view and extract, before the graph is read
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.endpoint import is_endpoint_url
    from quotegraph.graph.export import DATASET_FORMATS, FORMATS, save_graph, writable_format, write_graph
    from quotegraph.graph.store import close_graph, open_source

    if fmt is not None and fmt not in FORMATS:
        raise QuotegraphError(f"unknown --format {fmt!r} (use one of {', '.join(FORMATS)})")
    fmt = writable_format(out, fmt)  # never a format the file's name would be read back as another
    # a Turtle, N-Triples or JSON-LD file has no named graphs: for TriG and N-Quads each
    # triple goes back into its article's graph, by the article IRIs it holds
    g = open_source(graph if is_endpoint_url(graph) else Path(graph), by_article=fmt in DATASET_FORMATS)
    try:  # a store is closed when the command ends, not when the garbage collector gets to it
        refuse_empty(g, graph)
        if str(out) == "-":
            with stdout_reader_may_stop():
                write_graph(g, sys.stdout.buffer, fmt)
                sys.stdout.buffer.flush()
            return
        count = save_graph(g, out, fmt)
    finally:
        close_graph(g)
    if fmt == "graphml":  # a network of nodes and edges, not triples
        typer.echo(f"Wrote {out} (graphml: the speaker, outlet and quote network of {count} triples)", err=True)
        return
    typer.echo(f"Wrote {count} triples to {out} ({fmt})", err=True)
