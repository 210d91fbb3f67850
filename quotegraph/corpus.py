"""One whole extraction run over a corpus: inputs in; graph file, store and quotes.jsonl out.

What ``quotegraph extract`` does, in streaming and resumable form:

* inputs are read lazily and extracted by one or more worker processes;
* every few seconds the finished articles go into the graph (the ``--store`` folder; else, when
  the output is a file, a graph in memory that moves into the run folder once it grows:
  :mod:`quotegraph.run_graph`) and then into the run's journal (:mod:`quotegraph.runs`), so
  memory stays bounded and nothing finished is lost;
* at the end the graph file and quotes.jsonl are written atomically from the store and the
  journal, and the run folder is removed. Interrupted, the run folder stays, the previous output
  files are untouched, and ``resume=True`` continues where the run stopped.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "news.jsonl").write_text(json.dumps({"id": "n1", "text": "„Wir bleiben hier“, sagte Eva Kern."}))
>>> summary = extract_corpus([d / "news.jsonl"], out=d / "graph.ttl", jsonl=d / "quotes.jsonl", lang="de")
>>> summary.articles, summary.quotes, sorted(p.name for p in d.iterdir())
(1, 1, ['graph.ttl', 'news.jsonl', 'quotes.jsonl'])
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from quotegraph.errors import GraphFileError, InputError, OutputError, RunInterrupted
from quotegraph.extract.language import clearly_in, detect_language
from quotegraph.extract.records import Article, ArticleResult
from quotegraph.extract.settings import learned_by_default
from quotegraph.extraction import extract
from quotegraph.graph.export import format_for_suffix, save_graph
from quotegraph.graph.authority import read_entities
from quotegraph.graph.files import written_together
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.statements import link_statements
from quotegraph.inputs import Skipped, first_of_each_id
from quotegraph.progress import with_progress
from quotegraph.quotes_jsonl import write_attributions
from quotegraph.run_graph import RunGraph, memory_quads
from quotegraph.runs import RunState
from quotegraph.summary import Summary
from quotegraph.web import is_web_url, read_sources

if TYPE_CHECKING:  # requests loads only when a URL is fetched
    from quotegraph.fetch import FetchSettings

__all__ = ["extract_corpus", "FLUSH_ARTICLES", "FLUSH_SECONDS"]

#: Finished articles are written to the store and journal when this many are waiting …
FLUSH_ARTICLES = 64
#: … or when the oldest has waited this long.
FLUSH_SECONDS = 5.0
#: Articles with fewer letters than this are not checked against ``--lang`` (too short to tell).
LANGUAGE_CHECK_LETTERS = 100
#: How many articles in another language than ``--lang`` the summary names.
LANGUAGE_EXAMPLES = 3


def _is_url(store: str | Path | None) -> bool:
    return isinstance(store, str) and "://" in store


def _run_target(out, jsonl, store) -> Path:
    """Where the run folder goes: beside the graph file, else the store folder, else quotes.jsonl."""
    if out is not None:
        return Path(out)
    if store is not None and not _is_url(store):
        return Path(store)
    if jsonl is not None:
        return Path(jsonl)
    return Path.cwd() / f"store-{hashlib.sha1(str(store).encode()).hexdigest()[:12]}"


def _settings(inputs, out, jsonl, store, lang, model, append, min_confidence, since=None) -> dict:
    def where(p):
        return None if p is None else (p if _is_url(p) or is_web_url(p) else str(Path(p).resolve()))

    # $QUOTEGRAPH_LEARNED changes what is extracted: a resumed run must keep it as it was
    return {"inputs": [where(p) for p in inputs], "out": where(out), "jsonl": where(jsonl),
            "store": where(store), "lang": lang, "model": model, "append": append,
            "learned": learned_by_default(), "min_confidence": min_confidence} | ({"since": since.isoformat()} if since else {})


def extract_corpus(inputs: Iterable[str | Path], *, out: str | Path | None = "graph.ttl",
                   jsonl: str | Path | None = None, store: str | Path | None = None,
                   lang: str = "auto", model: str | None = None, n_process: int = 1,
                   batch_size: int = 16, progress: bool = False, append: bool = True,
                   resume: bool = False, restart: bool = False, min_confidence: float = 0.0,
                   since: date | None = None, fetch: FetchSettings | None = None,
                   resolve: bool = True, entities: str | Path | None = None):
    """Extract a corpus into a graph file, a store and/or quotes.jsonl.

    Parameters
    ----------
    inputs : paths and URLs
        Files, folders and JSONL corpora (see :func:`quotegraph.inputs.read_inputs`), http(s)
        URLs of pages, feeds and sitemaps, local feed and sitemap files (see
        :func:`quotegraph.web.read_sources`).
    out : path, optional
        The graph file to write (.ttl, .nt, .nq, .jsonld, .trig), once, atomically, at the end.
        With ``append`` an existing file is read in first, so the run adds to it.
    jsonl : path, optional
        quotes.jsonl to write (with ``append``, added to: the lines of every article extracted
        again are replaced, as its named graph is).
    store : path, optional
        An on-disk Oxigraph store folder to add to as the run goes.
    n_process : int
        Worker processes.
    progress : bool
        A progress bar with the total and the time left.
    append : bool
        Add to existing output files (default) rather than replace them.
    resume, restart : bool
        Continue an interrupted run on the same outputs, or throw its state away. Without
        either, an interrupted run's state is an error, so nothing is silently redone or lost.
    min_confidence : float
        Keep only attributions whose confidence reaches this (0 to 1; needs the learned parts).
    since : date, optional
        Leave out feed and sitemap items dated before it.
    fetch : FetchSettings, optional
        How URLs are fetched (rate per host, timeout, cache …; the polite defaults without).
    resolve : bool
        At the end, resolve the entities of everything in the graph or store across articles
        (:func:`quotegraph.graph.identity.resolve_graph`), then link the quotes carrying the
        same words of one speaker to one statement (:mod:`quotegraph.graph.statements`); the
        counts go in ``summary.entities`` and ``summary.statements``.
    entities : path, optional
        An entities file (CSV or JSON, :mod:`quotegraph.graph.authority`) whose entries the
        resolution links and names; read and checked before anything is extracted.

    Returns
    -------
    Summary
        Counts over every article of the run (a resumed run included), and the skipped inputs.
        An article whose id came earlier in the run is skipped (the first is kept). When no
        article was read at all, neither the graph file nor quotes.jsonl is written
        (``summary.written`` is False).

    Raises
    ------
    InputError
        An input path does not exist (checked before anything is written).
    UnfinishedRunError
        See ``resume``.
    RunInterrupted
        On Ctrl-C (or SIGTERM in the CLI), after keeping what is finished.
    OutputError
        If an output cannot be written (a full disk): one message naming the file; what is
        finished is kept for ``resume``, and the graph file and quotes.jsonl are both as they were.
    """
    inputs = list(inputs)
    for path in inputs:
        if not is_web_url(path) and not Path(path).exists():
            raise InputError("no such file or folder", str(path))
    if out is None and jsonl is None and store is None:
        raise InputError("nothing to write: give a graph file, quotes.jsonl or a store")
    authority = read_entities(entities) if entities is not None else ()
    if authority and not resolve:
        raise InputError("an entities file is used by the resolution: drop --no-resolve or the entities file")
    memory = memory_quads()  # checked before the run folder is made
    run = RunState.start(_run_target(out, jsonl, store),
                         _settings(inputs, out, jsonl, store, lang, model, append, min_confidence, since),
                         resume=resume, restart=restart)
    graph = None
    try:
        if store is not None:
            graph = _open_store(store, run)
        elif out is not None:
            graph = RunGraph.open(run.folder, base=Path(out) if append else None, finished=run.finished_results(),
                                   spill_quads=memory)
        read = read_sources(inputs, lang=lang, since=since, fetch_settings=fetch, refresh_feeds=not run.resumed)
        other_language = _extract_into(graph, run, inputs, read, lang=lang, model=model, n_process=n_process,
                                       batch_size=batch_size, progress=progress, min_confidence=min_confidence)
        extracted, skipped = run.finished_and_skipped()
        summary = Summary(skipped=skipped)
        summary.other_language, summary.other_language_examples = other_language.count, other_language.examples
        if not extracted:  # nothing read: an empty graph file would look like a result
            summary.written = False
        else:
            if resolve and graph is not None:
                if progress:
                    print("resolving entities across articles …", file=sys.stderr, flush=True)
                summary.entities = resolve_graph(graph.graph, authority)
                summary.statements = link_statements(graph.graph)  # after resolution: it decides the speakers
            _write_outputs(graph, run, summary, out=out, jsonl=jsonl, append=append, extracted=extracted)
    except KeyboardInterrupt:
        raise RunInterrupted(
            f"interrupted; {len(run.done)} finished articles are kept in {run.folder} and the earlier "
            "outputs are untouched: run the same command with --resume to continue") from None
    except OSError as exc:  # a full disk (or a file system gone) while the store or journal is written
        where = f"{exc.filename}: " if exc.filename else ""
        raise OutputError(f"{where}{exc.strerror or exc}; {_kept(run)}") from None
    finally:
        if graph is not None:
            graph.close()
    run.finish()
    return summary


def _open_store(store: str | Path, run: RunState) -> RunGraph:
    """The store the run writes into. One that cannot be opened (a server that does not answer, a
    folder that is no store) ends a fresh run with nothing to resume: its run folder goes too, or
    the same command, once the store is there, would be refused as an interrupted run."""
    try:
        return RunGraph.of_store(store)
    except BaseException:
        if not run.resumed:
            run.finish()
        raise


def _kept(run: RunState) -> str:
    """What an interrupted run keeps, and how to go on: the tail of its error message."""
    return (f"{len(run.done)} finished articles are kept in {run.folder} and the earlier outputs are "
            "untouched: once the outputs can be written, run the same command with --resume")


def _write_outputs(graph: RunGraph | None, run: RunState, summary: Summary, *, out, jsonl, append: bool, extracted: set[str]) -> None:
    """Write quotes.jsonl and the graph file together, counting the articles into ``summary``.

    Both are written to temporary files first and moved into place only when both are
    complete, so they always agree: both new, or (a full disk, say) both as they were, with
    one error naming the file that could not be written.
    """
    def counted() -> Iterator:
        # the journal's quotes.jsonl objects as they are, not made into records and back
        for atts, meta in run.finished_quote_dicts():
            summary.count_dicts(atts)
            yield from ((att, meta) for att in atts)

    try:
        with written_together() as files:
            if jsonl is not None:
                write_attributions(counted(), jsonl, append=append, replacing=extracted, files=files)
            else:
                for _ in counted():
                    pass
            if out is not None:
                save_graph(graph.graph, out, format_for_suffix(out), files=files)
    except (GraphFileError, OutputError) as exc:
        raise OutputError(f"{exc}; {_kept(run)}") from None


def _extract_into(graph: RunGraph | None, run: RunState, inputs: list, read: Iterator[Article | Skipped], *, lang: str,
                  model: str | None, n_process: int, batch_size: int, progress: bool,
                  min_confidence: float) -> OtherLanguage:
    """Extract the articles the run has not finished, writing them to the store and journal as they come.

    Returns the articles read as ``lang`` that look like another language.
    """
    done = run.done
    skipped: list[Skipped] = []
    pending: list[ArticleResult] = []
    last_flush = time.monotonic()
    other = OtherLanguage()

    def todo() -> Iterator[Article | Skipped]:
        # duplicates are found before what is done is left out, so a resumed run skips the same ones
        for item in first_of_each_id(read):
            key = item.source if isinstance(item, Skipped) else item.id
            if key not in done and getattr(item, "source", None) not in done:
                if lang != "auto" and isinstance(item, Article):
                    other.check(item, lang)
                yield item

    def flush() -> None:
        nonlocal last_flush
        if pending and graph is not None:
            graph.add(pending)  # the graph first: a journaled article is surely stored
        run.record(pending, skipped)
        pending.clear()
        skipped.clear()
        last_flush = time.monotonic()

    results = extract(todo(), lang=lang, model=model, n_process=n_process, batch_size=batch_size,
                      on_skip=skipped.append, min_confidence=min_confidence)
    if progress:
        results = with_progress(results, inputs, already_done=len(done))
    try:
        for result in results:
            pending.append(result)
            if len(pending) >= FLUSH_ARTICLES or time.monotonic() - last_flush >= FLUSH_SECONDS:
                flush()
    finally:
        flush()  # also on Ctrl-C: what is finished is kept
    return other


@dataclass
class OtherLanguage:
    """Articles read as ``--lang`` whose text looks like another language: how many, and the
    first :data:`LANGUAGE_EXAMPLES` of them."""

    count: int = 0
    examples: list[str] = field(default_factory=list)

    def check(self, article: Article, lang: str) -> None:
        """Count ``article`` if it was read as ``lang`` and its text looks like another language."""
        if article.language != lang:
            return  # its JSONL line states its own language
        sample = article.text[:5000]
        if not _has_letters(sample, LANGUAGE_CHECK_LETTERS) or clearly_in(sample, lang):
            return  # too short to tell, or plainly in the language: no need to load the detector
        detected = detect_language(sample)
        if detected not in (lang, "und"):
            self.count += 1
            if len(self.examples) < LANGUAGE_EXAMPLES:
                self.examples.append(f"{article.source or article.id} looks like {detected!r}")


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters (``str.isalpha``); most texts answer
    from their first ``4 * count`` characters, the rest only when those do not.

    >>> _has_letters("1, 2, 3: los!", 3), _has_letters("1, 2, 3", 1)
    (True, False)
    """
    return sum(map(str.isalpha, text[:4 * count])) >= count or sum(map(str.isalpha, text)) >= count
