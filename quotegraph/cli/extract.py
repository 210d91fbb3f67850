"""``quotegraph extract``: articles in, graph and quotes.jsonl out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotegraph import api
from quotegraph.extract.settings import learned_by_default
from quotegraph.lifeline import sigterm_as_interrupt
from quotegraph.graph.authority import read_entities
from quotegraph.spark import extract_with_spark

from ._app import EXIT_ERROR, EXIT_SKIPPED, app, handle_errors, print_summary, warn


@app.command()
@handle_errors
def extract(
    # strings, not Paths: a Path would turn hdfs:///corpus.jsonl (for --engine spark) into hdfs:/corpus.jsonl
    inputs: Annotated[list[str], typer.Argument(metavar="INPUTS", help="Text/Markdown/HTML files, JSONL files (one article per line), web archives (.warc, .warc.gz), or folders of them; with --engine spark also JSONL on any scheme:// path Spark reads (hdfs://, s3a://); web archives must be on a file system the executors share.", show_default=False)],
    lang: Annotated[str, typer.Option("--lang", "-l", help="Language of the articles: de, en, or auto (detect per article).")] = "auto",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Graph file to write (.ttl, .nt, .nq, .jsonld, .trig); added to if it exists.")] = Path("graph.ttl"),
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Also write one JSON object per quote here (added to if it exists).")] = None,
    store: Annotated[Optional[str], typer.Option("--store", help="Add to an on-disk Oxigraph store folder (or a sparql+http:// endpoint) as the run goes (for large corpora), each article replacing what the store held of it; no graph file unless --out is given too.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="A spaCy pipeline (installed name or path) to use instead of the default for the language.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, show_default=False, help="Worker processes; each loads the pipeline once. Use the number of cores. Default 1. For --engine local only: Spark's parallelism comes from --master (local[4]) or the cluster.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch (and per task of a worker).")] = 16,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run on the same outputs: finished articles are kept, the rest is done.")] = False,
    restart: Annotated[bool, typer.Option("--restart", help="Discard an interrupted run's state and start over.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine) or spark (partitions on a Spark cluster; --out is then a folder for N-Quads/quotes parts).")] = "local",
    master: Annotated[Optional[str], typer.Option("--master", help="Spark master URL for --engine spark (default: what spark-submit set, else local[*]).")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Keep only quotes whose confidence (how likely the learned parts judge the attribution right, 0 to 1; `confidence` in quotes.jsonl, qg:confidence in the graph) reaches this. `quotegraph eval` shows how precise each threshold is. Needs the learned parts.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    resolve: Annotated[bool, typer.Option("--resolve/--no-resolve", help="At the end, resolve entities across every article in the graph or store: one IRI per person or organisation however the articles spell it (docs/graph.md, Identity), and link the quotes carrying the same words of one speaker to one statement (qg:Statement); --no-resolve does neither and keeps one IRI per name as written.")] = True,
    entities: Annotated[Optional[Path], typer.Option("--entities", show_default=False, help="A CSV or JSON file of known entities (name, aliases, type, wikidata): names matching one join it, take its name, and link to Wikidata with owl:sameAs. Nothing is downloaded.")] = None,
) -> None:
    """Find quotes, speakers, cues and mediators in articles and add them to a graph.

    INPUT is a text file (one article), an HTML page, a folder (read recursively), a JSONL
    file with one article per line: {"text": ..., "id", "title", "url", "date", "language"},
    or a web archive (.warc, .warc.gz): each HTML response is an article (its URL the id), the
    other records are counted in one line per archive.
    Running again on the same input adds nothing: ids and IRIs come from the article ids and
    character offsets. Inputs that cannot be read (not a text, HTML, JSONL or WARC file, a
    broken archive, not a regular file, longer than 2,000,000 characters: the environment variable
    QUOTEGRAPH_MAX_CHARS raises that) and a second article with an id already read are
    skipped, named on stderr, counted in the summary, and the exit code is 3. If no article
    is read at all, nothing is written.

    Big corpora stream: finished articles go into the store (or a scratch store beside the
    graph file) every few seconds, with a journal in OUTPUT.quotegraph-run/. If a run is
    interrupted (Ctrl-C, SIGTERM, a crash, a kill), the earlier output files are untouched: run
    the same command with --resume to continue; no article is lost or counted twice. Worker
    processes end with the run, however it ends.

    At the end, the entities of everything in the graph or store are resolved across articles
    ("Solberg" joins "Henrik Solberg" when the corpus has no other Solberg; "Lukashenko" joins
    "Lukaschenko"); `quotegraph explain` shows what joined and why.

    Example:

        quotegraph extract articles/ --lang de --out graph.ttl --jsonl quotes.jsonl

        quotegraph extract articles/ --entities people.csv --out graph.ttl

        quotegraph extract corpus.jsonl.gz --store news.db --workers 2 --resume

        quotegraph extract --engine spark corpus.jsonl --out parts/ --store news.db
    """
    if out is None and store is None and jsonl is None:
        raise typer.BadParameter("nothing to write: give --out, --jsonl or --store")
    if resume and restart:
        raise typer.BadParameter("--resume and --restart exclude each other")
    if min_confidence > 0 and not learned_by_default():
        raise typer.BadParameter("confidence comes from the learned parts, which $QUOTEGRAPH_LEARNED turns off",
                                 param_hint="--min-confidence")
    if engine == "spark":
        if workers is not None:
            raise typer.BadParameter("--workers is for --engine local; Spark's parallelism comes from --master "
                                     "(e.g. local[4]) or the cluster", param_hint="--workers")
        if entities is not None and (store is None or not resolve):
            raise typer.BadParameter("with --engine spark, --entities needs --store (and no --no-resolve): the parts "
                                     "are per article; the store is resolved", param_hint="--entities")
        _extract_on_spark(inputs, out, jsonl, store, lang, model, batch_size, master, resume or restart, min_confidence,
                          resolve, read_entities(entities) if entities is not None else ())
        return
    if engine != "local":
        raise typer.BadParameter(f"unknown engine {engine!r}: use local or spark", param_hint="--engine")
    if store is not None and out == Path("graph.ttl") and not Path("graph.ttl").exists():
        out = None  # with a store, write a file only when asked for one
    with sigterm_as_interrupt():  # kill -TERM stops the run as Ctrl-C does: finished articles kept
        summary = api.extract_to_files(
            inputs, out=out, jsonl=jsonl, store=store, lang=lang, model=model, n_process=workers or 1,
            batch_size=batch_size, progress=not quiet, resume=resume, restart=restart,
            min_confidence=min_confidence, resolve=resolve, entities=entities,
        )
    files = {"graph": str(out)} if out is not None and summary.written else {}
    if store is not None:
        files["store"] = str(store)
    if jsonl is not None and summary.written:
        files["quotes"] = str(jsonl)
    print_summary(summary, files)
    if summary.other_language:
        warn(f"{summary.other_language} article(s) read as --lang {lang} look like another language "
             f"({'; '.join(summary.other_language_examples)}): check --lang, or use --lang auto")
    if not summary.written:
        what = " or ".join(name for name, path in (("graph file", out), ("quotes.jsonl", jsonl)) if path is not None)
        warn(f"no article was read, so no {what or 'file'} was written")
        raise typer.Exit(EXIT_SKIPPED if summary.skipped else EXIT_ERROR)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _extract_on_spark(inputs, out, jsonl, store, lang, model, batch_size, master, resuming, min_confidence,
                      resolve, entities) -> None:
    if out is None or out == Path("graph.ttl") or out.suffix:
        raise typer.BadParameter("with --engine spark, --out is the folder the parts go into (e.g. --out parts/)", param_hint="--out")
    if jsonl is not None or resuming:
        raise typer.BadParameter("--jsonl, --resume and --restart are for --engine local; Spark writes quotes parts "
                                 "under --out and re-runs failed tasks itself")
    summary = extract_with_spark(inputs, out, lang=lang, model=model, batch_size=batch_size, master=master, store=store,
                                 min_confidence=min_confidence, resolve=resolve, entities=entities)
    files = {"graph": f"{out}/graph/part-*.nq", "quotes": f"{out}/quotes/part-*.jsonl", "skipped": f"{out}/skipped/part-*.jsonl"}
    if store is not None:
        files["store"] = str(store)
    print_summary(summary, files)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)
