"""``quotegraph query``: run SPARQL (or a canned example query) on a graph file or store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from quotegraph.errors import QueryError

from ._app import app, handle_errors, refuse_empty, stdout_is_terminal, warn


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise QueryError(f"--param wants name=value, got {item!r}")
        params[name.strip().lstrip("?$")] = value
    return params


def _list_examples() -> None:
    from quotegraph.graph.query import example_queries  # rdflib: only when the verb runs, not for --help

    for example in example_queries().values():
        typer.echo(example.help())
        typer.echo("")


@app.command("query")
@handle_errors
def query(
    graph: Annotated[Optional[str], typer.Argument(
        metavar="GRAPH", show_default=False,
        help="RDF file (.ttl .nt .nq .trig .jsonld), store directory or sparql+http:// endpoint.")] = None,
    sparql: Annotated[Optional[str], typer.Argument(
        metavar="[SPARQL]", show_default=False, help="The query text; '-' reads it from stdin.")] = None,
    file: Annotated[Optional[Path], typer.Option(
        "--file", "-f", show_default=False, help="Read the query from a .rq file.")] = None,
    example: Annotated[Optional[str], typer.Option(
        "--example", "-e", show_default=False,
        help="Run a canned query by name ('--example list' lists them).")] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", metavar="NAME=VALUE", show_default=False,
        help="Bind ?NAME to VALUE (a string; <iri> or prefix:name for an IRI). Repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, csv or json.")] = "table",
    update: Annotated[bool, typer.Option(
        "--update", help="Allow a SPARQL Update (INSERT/DELETE …); the result is saved back to GRAPH.")] = False,
    allow_service: Annotated[Optional[list[str]], typer.Option(
        "--allow-service", metavar="URL_PREFIX", show_default=False,
        help="Let SERVICE (and LOAD) call URLs starting with this prefix (https://host/…); "
             "refused by default. Repeatable.")] = None,
    list_examples: Annotated[bool, typer.Option("--list-examples", help="List the canned queries and exit.")] = False,
) -> None:
    """Run a SPARQL query on a graph: who said what, according to whom.

    All quotegraph prefixes (schema: prov: nif: qg: qgid: kind: skos: …) are pre-declared.
    Queries are read-only unless --update is given. Parameters are bound as RDF terms, never
    pasted into the query. SERVICE (a federated query) is refused unless --allow-service names
    its address; a query nested more than 200 brackets deep is refused. Ctrl-C stops a query.

    Example:

        quotegraph query news.ttl --example who-said-what

        quotegraph query news.ttl --example quotes-by --param speaker="Anton Weber" --format csv

        quotegraph query store/ 'SELECT ?name WHERE { ?s qg:said ?q ; schema:name ?name }'

        quotegraph query --list-examples
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.addresses import is_endpoint_url
    from quotegraph.graph.export import format_for_suffix, save_graph
    from quotegraph.graph.query import FORMATS, example_query, format_result, run_example, run_query
    from quotegraph.graph.results import rich_table
    from quotegraph.graph.sparql_checks import check_allow_list
    from quotegraph.graph.store import close_graph, is_store_dir, open_source

    if list_examples or example in ("list", ""):
        _list_examples()
        return
    if fmt not in FORMATS:
        raise QueryError(f"unknown --format {fmt!r} (use one of {', '.join(FORMATS)})")
    if graph is None:
        raise QueryError("say which graph to query: quotegraph query GRAPH … (a .ttl file or a store directory)")
    sources = [name for name, given in (("SPARQL", sparql is not None), ("--file", file is not None),
                                        ("--example", example is not None)) if given]
    if len(sources) != 1:
        raise QueryError("give exactly one query: SPARQL text, '-' (stdin), --file Q.rq or --example NAME"
                         + (f" (got {', '.join(sources)})" if sources else ""))
    params = _parse_params(param or [])
    allowed = check_allow_list(allow_service)
    if example is not None:
        example_query(example)  # unknown names fail before the graph is loaded
        text = None
    elif file is not None:
        text = file.read_text(encoding="utf-8")
    elif sparql == "-":
        text = sys.stdin.read()
    else:
        text = sparql

    remote = is_endpoint_url(graph)
    graph = graph if remote else Path(graph)  # a str: typer's Path would turn '//' into '/'
    writable = update and (remote or is_store_dir(graph))
    in_file = update and not remote and not is_store_dir(graph)
    file_format = format_for_suffix(graph) if in_file else None  # an .rdf file cannot be written back
    g = open_source(graph, writable=writable, store=True)  # no rdflib Graph API needed: oxrdflib stays out
    try:  # a store is closed when the command ends, not when the garbage collector gets to it
        if not update:  # an update may fill an empty store
            refuse_empty(g, graph)
        if example is not None:
            result = run_example(g, example, params)
        else:
            result = run_query(g, text, params=params or None, allow_update=update, allow_service=allowed)
        if result.kind == "update" and in_file:
            save_graph(g, graph, file_format)
    finally:
        close_graph(g)
    for message in result.warnings:
        warn(message)
    if result.kind == "update":
        before, after = (int(v) for v in result.rows[0])
        typer.echo(f"Updated {graph}: {before} -> {after} triples", err=True)
        return
    if fmt == "table" and stdout_is_terminal():
        Console().print(rich_table(result, None))
        typer.echo(f"{len(result)} row{'s' if len(result) != 1 else ''}", err=True)
        return
    out = format_result(result, fmt, width=200)
    typer.echo(out, nl=not out.endswith("\n"))
