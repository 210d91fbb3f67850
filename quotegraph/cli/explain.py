"""``quotegraph explain``: which names as written make up an entity, and the rule that joined each."""

from __future__ import annotations

import json
from pathlib import Path
from dataclasses import asdict
from typing import Annotated

import typer

from quotegraph.errors import QuotegraphError

from ._app import app, handle_errors, stdout_reader_may_stop


@app.command("explain")
@handle_errors
def explain(
    graph: Annotated[str, typer.Argument(metavar="GRAPH", show_default=False,
                                         help="RDF file, store directory or sparql+http:// endpoint.")],
    entity: Annotated[str, typer.Argument(metavar="ENTITY", show_default=False,
                                          help="A name (any spelling the articles used, any case) or an entity IRI.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Show how an entity was resolved across articles: the names as written that joined it,
    the rule that joined each (spelling, surname, middle names, inflection, authority), the
    name it matched, the articles that wrote it and the words they used there; and, for a name
    left on its own, why (ambiguous: two people share the surname).

    Example:

        quotegraph explain graph.ttl Lukaschenko

        quotegraph explain store/ "entity:henrik-solberg" --json
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph.endpoint import is_endpoint_url
    from quotegraph.graph.explain import RULES, explain as explain_entity
    from quotegraph.graph.store import close_graph, open_source

    # a file back into one graph per article: the articles that wrote each name are in them
    g = open_source(graph, by_article=not is_endpoint_url(graph) and not Path(graph).is_dir())
    try:
        found = explain_entity(g, entity)
    finally:
        close_graph(g)
    if not found:
        raise QuotegraphError(f"no entity named {entity!r} in {graph}")
    with stdout_reader_may_stop():  # quotegraph explain … | head ends quietly
        _print_explanations(found, as_json, RULES)


def _print_explanations(found: list, as_json: bool, rules: dict[str, str]) -> None:
    if as_json:
        typer.echo(json.dumps([asdict(e) for e in found], ensure_ascii=False, indent=2))
        return
    for e in found:
        typer.echo(f"{e.name}  <{e.iri}>  {e.type.rsplit('/', 1)[-1]}")
        if e.alternate_names:
            typer.echo(f"  also: {', '.join(e.alternate_names)}")
        for link in e.same_as:
            typer.echo(f"  same as: {link}")
        for m in e.members:
            how = m.rule if m.via is None else f"{m.rule} ({rules.get(m.rule, m.rule)}): matched {m.via}"
            typer.echo(f"  - {m.name!r}: {how}")
            if m.kept_apart:
                typer.echo(f"    not joined further: {m.kept_apart}")
            if m.articles:
                typer.echo(f"    articles: {', '.join(m.articles)}")
            if m.mentions:
                typer.echo(f"    written there as: {', '.join(repr(t) for t in m.mentions)}")
