"""``quotegraph extract``: articles in, graph and quotes.jsonl out."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotegraph.extract.settings import learned_by_default
from quotegraph.lifeline import sigterm_as_interrupt

from ._app import EXIT_ERROR, EXIT_SKIPPED, app, check_model, check_output_file, handle_errors, print_summary, warn


@app.command()
@handle_errors
def extract(
    # strings, not Paths: a Path would turn hdfs:///corpus.jsonl (for --engine spark) into hdfs:/corpus.jsonl
    inputs: Annotated[Optional[list[str]], typer.Argument(metavar="INPUTS", help="Text/Markdown/HTML files, JSONL files (one article per line), web archives (.warc, .warc.gz), or folders of them; http(s) URLs of web pages, RSS/Atom feeds and sitemaps, and feed or sitemap files (.rss, .atom, .xml); with --engine spark also JSONL on any scheme:// path Spark reads (hdfs://, s3a://); web archives must be on a file system the executors share.", show_default=False)] = None,
    lang: Annotated[str, typer.Option("--lang", "-l", help="Language of the articles: de, en, or auto (detect per article); another language needs --model (or the environment variable QUOTEGRAPH_MODEL_FR for fr, and so on).")] = "auto",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", show_default=False, help="Graph file to write (.ttl, .nt, .nq, .jsonld, .trig); added to if it exists. Default: graph.ttl, unless --store is given; with --store, the store's whole graph is written there.")] = None,
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Also write one JSON object per quote here (added to if it exists).")] = None,
    store: Annotated[Optional[str], typer.Option("--store", help="Add to an on-disk Oxigraph store folder (or a sparql+http:// endpoint) as the run goes (for large corpora), each article replacing what the store held of it; no graph file unless --out is given too.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="A spaCy pipeline (installed name or path) to use instead of the default for the language.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, show_default=False, help="Worker processes; each loads the pipeline once. Use the number of cores. Default 1. For --engine local only: Spark's parallelism comes from --master (local[4]) or the cluster.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch (and per task of a worker).")] = 16,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run on the same outputs: finished articles are kept, the rest is done.")] = False,
    restart: Annotated[bool, typer.Option("--restart", help="Discard an interrupted run's state and start over.")] = False,
    urls: Annotated[Optional[Path], typer.Option("--urls", exists=True, dir_okay=False, show_default=False, help="A file of URLs to read (pages, feeds, sitemaps), one a line; blank lines and lines starting with # are passed over. Read after INPUTS.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", show_default=False, help="Only feed and sitemap items dated on or after DATE (YYYY-MM-DD); items without a date are kept.")] = None,
    rate: Annotated[float, typer.Option("--rate", min=0.001, help="Requests per second to one host when fetching URLs (0.2 is one every 5 seconds); a robots.txt Crawl-delay that asks for longer wins.")] = 1.0,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait to connect to a host, and for its data, before a try counts as timed out (3 tries).")] = 30.0,
    cache: Annotated[Optional[Path], typer.Option("--cache", file_okay=False, show_default=False, help="Folder that keeps fetched pages (one .warc.gz each) so a page is fetched once; default: $QUOTEGRAPH_CACHE, else the user's cache folder (~/.cache/quotegraph/pages on Linux).")] = None,
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

    An http(s) URL (or each line of --urls FILE) is fetched politely: robots.txt obeyed, one
    request a second to a host (--rate), 3 tries with backoff on a 5xx or a timeout, 10 MB and
    5 redirects at most, each page kept in a cache (--cache) so it is fetched once. A page is an
    article (the URL given is its id); an RSS or Atom feed or a sitemap (fetched, or a .rss,
    .atom or .xml file) stands for the pages it lists (--since leaves out older ones). A URL
    that cannot be fetched is skipped with the reason, as a bad file is.

    Big corpora stream: finished articles go into the store every few seconds (with --out
    alone, into a graph held in memory until it has 100,000 quads, then moved into a store in
    OUTPUT.quotegraph-run/; the environment variable QUOTEGRAPH_MEMORY_QUADS sets another
    number, 0 for never in memory), with a journal in OUTPUT.quotegraph-run/. If a run is
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

        quotegraph extract https://example.org/feed.xml --urls more-urls.txt --since 2024-05-01

        quotegraph extract --engine spark corpus.jsonl --out parts/ --store news.db
    """
    # the extraction, the graph and the web readers load when the verb runs, not for --help; the
    # corpus run rather than the whole API, which brings the query and explain machinery (issue #27)
    from quotegraph.corpus import extract_corpus
    from quotegraph.graph.authority import read_entities
    from quotegraph.extractor import collect_cycles_less_often
    from quotegraph.web import is_web_url, urls_in_file

    collect_cycles_less_often()
    inputs = list(inputs or []) + (urls_in_file(urls) if urls is not None else [])
    if not inputs:
        raise typer.BadParameter("nothing to read: give INPUTS, or --urls FILE")
    if resume and restart:
        raise typer.BadParameter("--resume and --restart exclude each other")
    check_model(model)
    _check_lang(lang, model)
    if min_confidence > 0 and not learned_by_default():
        raise typer.BadParameter("confidence comes from the learned parts, which $QUOTEGRAPH_LEARNED turns off",
                                 param_hint="--min-confidence")
    if engine == "spark":
        if workers is not None:
            raise typer.BadParameter("--workers is for --engine local; Spark's parallelism comes from --master "
                                     "(e.g. local[4]) or the cluster", param_hint="--workers")
        if urls is not None or since is not None or any(is_web_url(i) for i in inputs):
            raise typer.BadParameter("URLs, --urls and --since are for --engine local: fetch the pages with a local "
                                     "run, or give Spark web archives (.warc.gz) of them")
        if entities is not None and (store is None or not resolve):
            raise typer.BadParameter("with --engine spark, --entities needs --store (and no --no-resolve): the parts "
                                     "are per article; the store is resolved", param_hint="--entities")
        _extract_on_spark(inputs, out, jsonl, store, lang, model, batch_size, master, resume or restart, min_confidence,
                          resolve, read_entities(entities) if entities is not None else ())
        return
    if engine != "local":
        raise typer.BadParameter(f"unknown engine {engine!r}: use local or spark", param_hint="--engine")
    check_output_file(jsonl, "--jsonl")
    if out is None and store is None:
        out = Path("graph.ttl")  # with a store, a file only when asked for one: never a graph.ttl that happens to be here
    check_output_file(out, "--out")
    if out is not None:
        from quotegraph.graph.export import format_for_suffix

        format_for_suffix(out)  # a name read back as RDF/XML is refused now, not when the run ends
    with sigterm_as_interrupt():  # kill -TERM stops the run as Ctrl-C does: finished articles kept
        summary = extract_corpus(
            inputs, out=out, jsonl=jsonl, store=store, lang=lang, model=model, n_process=workers or 1,
            batch_size=batch_size, progress=not quiet, resume=resume, restart=restart,
            min_confidence=min_confidence, since=_since(since), fetch=_fetch_settings(rate, timeout, cache),
            resolve=resolve, entities=entities,
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
        # nothing skipped either: the inputs hold no article at all (an empty file or folder, a feed with none new)
        empty = "" if summary.skipped else f" ({_some(inputs)} {'holds' if len(inputs) == 1 else 'hold'} none)"
        warn(f"no article was read{empty}, so no {what or 'file'} was written")
        raise typer.Exit(EXIT_SKIPPED if summary.skipped else EXIT_ERROR)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _check_lang(lang: str, model: str | None) -> None:
    """Refuse a --lang no pipeline reads before any input is read: a typo ('english', 'EN') would
    otherwise skip every article of a corpus, one warning each, after reading all of it."""
    from quotegraph.extract.loading import PREFERRED_MODELS  # the languages a default pipeline reads

    if lang == "auto" or lang in PREFERRED_MODELS or model or os.environ.get(f"QUOTEGRAPH_MODEL_{lang.upper()}"):
        return
    raise typer.BadParameter(f"no pipeline reads {lang!r}: use {', '.join(PREFERRED_MODELS)} or auto, or name a "
                             "spaCy pipeline for it with --model", param_hint="--lang")


def _some(names: list[str], most: int = 3) -> str:
    """Up to ``most`` names, and how many more."""
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(map(str, names[:most])) + more


def _since(value: str | None) -> date | None:
    from quotegraph.feeds import since_date  # the feed reader: only for a run that reads feeds

    try:
        return None if value is None else since_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--since") from None


def _fetch_settings(rate: float, timeout: float, cache: Path | None):
    if (rate, timeout, cache) == (1.0, 30.0, None):
        return None  # the defaults: requests loads only if a URL is fetched
    from quotegraph.fetch import FetchSettings

    settings = FetchSettings(rate=rate, timeout=timeout)
    return settings if cache is None else replace(settings, cache=cache)


def _extract_on_spark(inputs, out, jsonl, store, lang, model, batch_size, master, resuming, min_confidence,
                      resolve, entities) -> None:
    if out is None or out == Path("graph.ttl") or out.suffix:
        raise typer.BadParameter("with --engine spark, --out is the folder the parts go into (e.g. --out parts/)", param_hint="--out")
    if jsonl is not None or resuming:
        raise typer.BadParameter("--jsonl, --resume and --restart are for --engine local; Spark writes quotes parts "
                                 "under --out and re-runs failed tasks itself")
    from quotegraph.spark import extract_with_spark  # the Spark driver: only for --engine spark

    summary = extract_with_spark(inputs, out, lang=lang, model=model, batch_size=batch_size, master=master, store=store,
                                 min_confidence=min_confidence, resolve=resolve, entities=entities)
    files = {"graph": f"{out}/graph/part-*.nq", "quotes": f"{out}/quotes/part-*.jsonl", "skipped": f"{out}/skipped/part-*.jsonl"}
    if store is not None:
        files["store"] = str(store)
    print_summary(summary, files)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)
