"""``quotegraph remove``: take articles out of a store or SPARQL endpoint."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quotegraph.errors import QuotegraphError

from ._app import EXIT_SKIPPED, app, handle_errors


@app.command("remove")
@handle_errors
def remove(
    article_ids: Annotated[list[str], typer.Argument(
        metavar="ARTICLE_ID...", show_default=False,
        help="Ids of the articles to remove (the 'article' field of quotes.jsonl).")],
    store: Annotated[str, typer.Option(
        "--store", show_default=False,
        help="The store folder or sparql+http:// endpoint to remove them from.")],
    prune: Annotated[bool, typer.Option(
        "--prune", help="Also delete people, organisations and outlets no remaining article names, and "
                        "talksAbout edges no remaining quote backs.")] = False,
) -> None:
    """Remove articles (their quotes, speakers' statements, cues, relays) from a store.

    Each article lives in its own named graph, so removing one drops exactly that graph and
    leaves every other article untouched. The statements are linked again: one no remaining
    article carries goes, and carriers and first seen count what is left. The descriptions of
    the people and outlets it named (type, name, aliases, who talks about whom) are shared by all
    articles and stay, unless --prune is given: then those no remaining article names or quote
    backs are deleted too. An id the store does not hold is reported, removes nothing and makes
    the exit code 3. To replace an article, extract it again instead: that
    drops its old graph first.

    Example:

        quotegraph remove hafenstreik.de --store store/

        quotegraph remove de1 de2 --store sparql+http://127.0.0.1:7878 --prune
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.endpoint import is_endpoint_url
    from quotegraph.graph.store import article_graphs, close_graph, is_store_dir, open_graph, remove_articles

    if not is_endpoint_url(store) and not is_store_dir(Path(store)):
        raise QuotegraphError(f"{store}: not a store folder or sparql+http:// endpoint "
                              "(files have no named graphs: extract again to change one)")
    graph = open_graph(store if is_endpoint_url(store) else Path(store))
    try:
        held = set(article_graphs(graph))
        missing = [a for a in article_ids if a not in held]
        removed = remove_articles(graph, article_ids, prune=prune)
    finally:
        close_graph(graph)
    for article_id in missing:
        typer.secho(f"Warning: no article {article_id!r} in {store}", fg=typer.colors.YELLOW, err=True)
    done = len(set(article_ids)) - len(set(missing))
    typer.echo(f"Removed {done} article{'s' if done != 1 else ''} ({removed:,} triples) from {store}", err=True)
    if missing:
        raise typer.Exit(EXIT_SKIPPED)
