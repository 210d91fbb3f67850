"""``quotegraph extract``: articles in, graph and quotes.jsonl out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotegraph import api

from ._app import EXIT_SKIPPED, app, handle_errors, print_summary


@app.command()
@handle_errors
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Text/Markdown/HTML files, folders of them, or JSONL files (one article per line).", show_default=False)],
    lang: Annotated[str, typer.Option("--lang", "-l", help="Language of the articles: de, en, or auto (detect per article).")] = "auto",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Graph file to write (.ttl, .nt, .jsonld, .trig); added to if it exists.")] = Path("graph.ttl"),
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Also write one JSON object per quote here (added to if it exists).")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Add to an on-disk Oxigraph store folder (for large corpora) instead of holding the graph in memory.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="A spaCy pipeline (installed name or path) to use instead of the default for the language.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes for the spaCy pipeline.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")] = 16,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Find quotes, speakers, cues and mediators in articles and add them to a graph.

    INPUT is a text file (one article), an HTML page, a folder (read recursively), or a JSONL
    file with one article per line: {"text": ..., "id", "title", "url", "date", "language"}.
    Running again on the same input adds nothing: ids and IRIs come from the article ids and
    character offsets. Inputs that cannot be read are skipped, named on stderr, counted in the
    summary, and the exit code is 3.

    Example:

        quotegraph extract articles/ --lang de --out graph.ttl --jsonl quotes.jsonl
    """
    if out is None and store is None and jsonl is None:
        raise typer.BadParameter("nothing to write: give --out, --jsonl or --store")
    if store is not None and out == Path("graph.ttl") and not Path("graph.ttl").exists():
        out = None  # with a store, write a file only when asked for one
    summary = api.extract_to_files(
        inputs, out=out, jsonl=jsonl, store=store, lang=lang, model=model,
        n_process=workers, batch_size=batch_size, progress=not quiet,
    )
    files = {"graph": str(out)} if out is not None else {}
    if store is not None:
        files["store"] = str(store)
    if jsonl is not None:
        files["quotes"] = str(jsonl)
    print_summary(summary, files)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)
