"""``quotegraph resolve``: resolve the entities of a graph file or store across its articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


from ._app import app, handle_errors


@app.command("resolve")
@handle_errors
def resolve(
    graph: Annotated[str, typer.Argument(metavar="GRAPH", show_default=False,
                                         help="RDF file, store directory or sparql+http:// endpoint; changed in place.")],
    entities: Annotated[Optional[Path], typer.Option("--entities", show_default=False, help="A CSV or JSON file of known entities (name, aliases, type, wikidata), as for extract.")] = None,
) -> None:
    """Resolve entities across the articles of a graph file or store, as extract does at the end.

    Then the quotes carrying the same words of one speaker are linked to one statement
    (qg:Statement). For a graph extracted with --no-resolve or by --engine spark, after
    removing articles, or to apply an entities file. Running it twice changes nothing the
    second time: a file is not even written again.

    Example:

        quotegraph resolve store/ --entities people.csv
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.authority import read_entities
    from quotegraph.graph.endpoint import is_endpoint_url
    from quotegraph.graph.export import format_for_suffix, save_graph
    from quotegraph.graph.identity import resolve_graph
    from quotegraph.graph.statements import link_statements
    from quotegraph.graph.store import close_graph, is_store_dir, open_source

    authority = read_entities(entities) if entities is not None else ()
    remote = is_endpoint_url(graph)
    target = graph if remote else Path(graph)
    in_file = not remote and not is_store_dir(target)
    file_format = format_for_suffix(target) if in_file else None  # an .rdf file cannot be written back
    g = open_source(target, writable=True, by_article=in_file)
    try:
        done = resolve_graph(g, authority)
        linked = link_statements(g)
        changed = done.deleted or done.inserted or linked.deleted or linked.inserted
        if in_file and changed:  # a file with nothing to change keeps its bytes (its quads' order too)
            save_graph(g, target, file_format)
    finally:
        close_graph(g)
    typer.echo(f"Resolved {graph}: {done.keys} names as written, {done.entities} entities "
               f"({done.merged} merged into another); {linked.statements} statements "
               f"({linked.shared} carried by more than one article)", err=True)
