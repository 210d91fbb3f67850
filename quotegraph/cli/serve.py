"""``quotegraph serve``: a local SPARQL 1.1 endpoint over a graph file or store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._app import app, handle_errors, warn


@app.command("serve")
@handle_errors
def serve(
    source: Annotated[Path, typer.Argument(
        metavar="GRAPH_OR_STORE", show_default=False,
        help="RDF file (.ttl .nt .nq .trig .jsonld) or store directory.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on; only this machine by default.")] = "127.0.0.1",
    public: Annotated[bool, typer.Option(
        "--public", help="Allow a --host that other machines can reach (0.0.0.0, a LAN address).")] = False,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 7878,
    allow_update: Annotated[bool, typer.Option(
        "--allow-update", help="Accept SPARQL updates on /update (read-only by default).")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=1, help="Stop any query after this many seconds.")] = 30.0,
    allow_service: Annotated[Optional[list[str]], typer.Option(
        "--allow-service", metavar="URL_PREFIX", show_default=False,
        help="Let SERVICE (and LOAD) call URLs starting with this prefix (https://host/…); "
             "refused by default, --public included. Repeatable.")] = None,
) -> None:
    """Serve a graph as a SPARQL 1.1 endpoint (the Oxigraph server) until Ctrl-C.

    Safe by default: read-only, listening on 127.0.0.1 only (another address needs --public,
    and only then are other Host names answered), every query stopped after --timeout seconds
    (an engine that does not stop is restarted), SERVICE refused unless --allow-service names
    its address, queries over 200 brackets deep refused. quotegraph's prefixes are
    pre-declared. A file is loaded into a temporary store that is deleted on exit (the file is
    never changed). Needs the oxigraph binary: pip install oxigraph.

    Example:

        quotegraph serve news.ttl

        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query

        quotegraph serve store/ --port 8000 --allow-update

        quotegraph serve news.ttl --host 0.0.0.0 --public
    """
    # rdflib and Oxigraph load when the verb runs, not for --help (issue #27: start-up under 0.5 s)
    from quotegraph.graph import serve as server  # used as server.serve(…), so a test can stand in for it
    from quotegraph.graph.sparql_checks import check_allow_list

    server.check_host(host, public=public)  # before anything is loaded
    allowed = check_allow_list(allow_service)
    if not server.is_loopback(host):
        warn(f"listening on {host}: other machines can reach this endpoint"
             + (" and change the data" if allow_update else ""))
    server.serve(source, host=host, port=port, allow_update=allow_update, timeout=timeout, public=public,
                 allow_service=allowed, echo=lambda line: typer.echo(line, err=True))
