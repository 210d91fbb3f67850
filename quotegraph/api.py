"""The public Python API: the same functions the CLI is built on.

>>> from quotegraph import api
>>> result = api.extract_text("„Wir bleiben hier und kämpfen“, sagte Anton Weber.", lang="de")
>>> [(a.quote.text, a.speaker.entity) for a in result.attributions]
[('„Wir bleiben hier und kämpfen“', 'Anton Weber')]

Typical use::

    results = list(api.extract(api.read_inputs(["articles/"]), progress=True))
    graph = api.build_graph(results)                       # rdflib Graph over Oxigraph
    api.query(graph, example="who-said-what").rows
    api.export(graph, "graph.ttl")
    api.write_view(graph, "graph.html")
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from quotegraph.errors import QuotegraphError
from quotegraph.extract.records import Article, ArticleResult, article_id_for, attribution_to_dict
from quotegraph.inputs import Skipped, read_inputs

__all__ = [
    "example_folder",
    "read_inputs",
    "Skipped",
    "Extractor",
    "extract",
    "extract_text",
    "build_graph",
    "open_graph",
    "load_graph",
    "query",
    "export",
    "write_view",
    "write_jsonl",
    "Summary",
    "summarize",
    "extract_to_files",
]


def example_folder() -> Path:
    """The folder of example articles shipped with quotegraph (German and English).

    >>> sorted(p.name for p in example_folder().glob("*.txt"))[:1]
    ['hafenstreik.de.txt']
    """
    from importlib import resources

    return Path(str(resources.files("quotegraph").joinpath("examples")))


class Extractor:
    """Runs articles through the right language's pipeline; pipelines load once, on first use.

    Parameters
    ----------
    lang : str
        "de", "en", or "auto" (each article's own ``language``, else detected).
    model : str, optional
        A spaCy pipeline name or path to use for every article instead of the default.
    n_process, batch_size : int
        Passed to ``nlp.pipe``.
    """

    def __init__(self, *, lang: str = "auto", model: str | None = None, n_process: int = 1, batch_size: int = 16):
        self.lang = lang
        self.model = model
        self.n_process = max(1, n_process)
        self.batch_size = batch_size
        self._pipelines: dict[str, object] = {}

    def pipeline(self, lang: str):
        """The loaded pipeline for a language (loaded on first call)."""
        if lang not in self._pipelines:
            from quotegraph.extract.pipeline import make_nlp

            self._pipelines[lang] = make_nlp(lang, self.model)
        return self._pipelines[lang]

    def language_of(self, article: Article) -> str:
        if article.language and article.language != "auto":
            return article.language
        if self.lang != "auto":
            return self.lang
        from quotegraph.extract.language import detect_language

        return detect_language(article.text)

    def run(self, articles: Iterable[Article], *, on_skip: Callable[[Skipped], None] | None = None,
            chunk_size: int | None = None) -> Iterator[ArticleResult]:
        """Extract every article, in input order, streaming in chunks.

        An article that fails (no pipeline for its language, an error inside the pipeline) is
        passed to ``on_skip``; without ``on_skip`` the error is raised.
        """
        from quotegraph.extract.convert import doc_to_result

        chunk_size = chunk_size or self.batch_size * self.n_process * 8
        chunk: list[Article] = []

        def flush() -> Iterator[ArticleResult]:
            by_lang: dict[str, list[int]] = {}
            langs: list[str] = []
            for i, art in enumerate(chunk):
                lang = self.language_of(art)
                langs.append(lang)
                by_lang.setdefault(lang, []).append(i)
            done: dict[int, ArticleResult | Skipped] = {}
            for lang, idxs in by_lang.items():
                try:
                    nlp = self.pipeline(lang)
                except QuotegraphError as exc:
                    if on_skip is None:
                        raise
                    for i in idxs:
                        done[i] = Skipped(chunk[i].source or chunk[i].id, str(exc))
                    continue
                arts = [_with_language(chunk[i], lang) for i in idxs]
                docs = _pipe(nlp, arts, self.n_process, self.batch_size, on_skip is not None)
                for i, art, item in zip(idxs, arts, docs):
                    done[i] = item if isinstance(item, Skipped) else doc_to_result(item, art)
            for i in range(len(chunk)):
                item = done[i]
                if isinstance(item, Skipped):
                    if on_skip is None:
                        raise QuotegraphError(str(item))
                    on_skip(item)
                else:
                    yield item

        for article in articles:
            chunk.append(article)
            if len(chunk) >= chunk_size:
                yield from flush()
                chunk = []
        if chunk:
            yield from flush()


def _with_language(article: Article, lang: str) -> Article:
    if article.language == lang:
        return article
    from dataclasses import replace

    return replace(article, language=lang)


def _pipe(nlp, articles: list[Article], n_process: int, batch_size: int, tolerant: bool):
    """Docs for the articles; with ``tolerant``, an article that breaks the pipeline becomes Skipped."""
    texts = [a.text for a in articles]
    try:
        return list(nlp.pipe(texts, n_process=n_process if len(texts) > batch_size else 1, batch_size=batch_size))
    except Exception:
        if not tolerant:
            raise
    out = []
    for art in articles:  # find the culprit(s) one by one
        try:
            out.append(nlp(art.text))
        except Exception as exc:  # noqa: BLE001 - any failure inside spaCy skips only this article
            out.append(Skipped(art.source or art.id, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def extract(articles: Iterable[Article | str], *, lang: str = "auto", model: str | None = None,
            n_process: int = 1, batch_size: int = 16, progress: bool = False,
            on_skip: Callable[[Skipped], None] | None = None) -> Iterator[ArticleResult]:
    """Quotes, speakers, cues and mediators of each article, as records, in input order.

    Parameters
    ----------
    articles : iterable of Article or str
        Strings become articles with an id from their hash. :class:`Skipped` items (from
        :func:`read_inputs`) are passed on to ``on_skip``.
    lang : str
        "de", "en" or "auto" (default: the article's ``language``, else detected).
    model : str, optional
        Any installed spaCy pipeline (name or path) instead of the default for the language.
    n_process : int
        Worker processes for ``nlp.pipe``.
    progress : bool
        Show a progress bar (articles done, rate) on stderr.
    on_skip : callable, optional
        Called with a :class:`Skipped` for each article that could not be processed; without
        it such an article raises.

    Yields
    ------
    ArticleResult
    """
    extractor = Extractor(lang=lang, model=model, n_process=n_process, batch_size=batch_size)

    def as_articles() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, Skipped):
                if on_skip is None:
                    raise QuotegraphError(str(item))
                on_skip(item)
            elif isinstance(item, str):
                yield Article(id=article_id_for(item), text=item, language="auto")
            else:
                yield item

    results = extractor.run(as_articles(), on_skip=on_skip)
    if progress:
        results = _with_progress(results)
    yield from results


def _with_progress(results: Iterator[ArticleResult]) -> Iterator[ArticleResult]:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("extracting"), BarColumn(), TextColumn("{task.completed} articles"),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("extract", total=None, rate="")
        for n, result in enumerate(results, start=1):
            elapsed = bar.tasks[0].elapsed or 0.0
            bar.update(task, advance=1, rate=f"{n / elapsed:.1f}/s" if elapsed > 0 else "")
            yield result


def extract_text(text: str, *, lang: str = "auto", article_id: str | None = None,
                 model: str | None = None) -> ArticleResult:
    """Extract one text (a convenience over :func:`extract`)."""
    article = Article(id=article_id or article_id_for(text), text=text, language=lang)
    return next(extract([article], lang=lang, model=model))


# ---------------------------------------------------------------------------- graph


def open_graph(store: str | Path | None = None) -> Graph:
    """A new or existing graph: in memory (None) or an on-disk Oxigraph store folder."""
    from quotegraph.graph.store import open_graph as _open

    return _open(store)


def load_graph(source: str | Path) -> Graph:
    """A graph from an RDF file (Turtle, N-Triples, JSON-LD, TriG) or a store folder."""
    from quotegraph.graph.store import open_source

    return open_source(source)


def build_graph(results: Iterable[ArticleResult], graph: Graph | None = None) -> Graph:
    """Add extraction results to a graph (a new in-memory Oxigraph graph by default).

    Adding the same article again adds nothing: every IRI is derived from the article id and
    character offsets.
    """
    from quotegraph.graph.store import add_results

    graph = graph if graph is not None else open_graph()
    add_results(graph, results)
    return graph


def query(graph: Graph, sparql: str | None = None, *, example: str | None = None,
          params: dict[str, str] | None = None, allow_update: bool = False):
    """Run SPARQL (or one of the shipped example queries) with quotegraph's prefixes declared."""
    from quotegraph.graph.query import example_queries, run_query

    if (sparql is None) == (example is None):
        raise QuotegraphError("give either a SPARQL query or the name of an example query")
    if example is not None:
        examples = example_queries()
        if example not in examples:
            raise QuotegraphError(f"no example query {example!r}; there are: {', '.join(sorted(examples))}")
        sparql = examples[example].text
    return run_query(graph, sparql, params=params, allow_update=allow_update)


def export(graph: Graph, path: str | Path, format: str = "turtle") -> Path:
    """Write the graph to a file (turtle, nt, jsonld, trig, graphml), atomically."""
    from quotegraph.graph.export import save_graph

    save_graph(graph, path, format)
    return Path(path)


def write_view(graph: Graph, path: str | Path, **options):
    """Write the interactive network page (one self-contained HTML file)."""
    from quotegraph.graph.view import write_view as _write_view

    return _write_view(graph, path, **options)


# ---------------------------------------------------------------------------- quotes.jsonl


def write_jsonl(results: Iterable[ArticleResult], path: str | Path, *, append: bool = True) -> int:
    """Write one JSON object per attribution (the quotes.jsonl contract), atomically.

    With ``append``, lines already in the file are kept and an attribution whose ``id`` is
    already there is not written again. Returns the number of new lines.
    """
    path = Path(path)
    seen: set[str] = set()
    old_lines: list[str] = []
    if append and path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    old_lines.append(line.rstrip("\n"))
                    try:
                        seen.add(json.loads(line)["id"])
                    except (json.JSONDecodeError, KeyError, TypeError):
                        pass
    new = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for line in old_lines:
                out.write(line + "\n")
            for result in results:
                for att in result.attributions:
                    if att.id in seen:
                        continue
                    seen.add(att.id)
                    out.write(json.dumps(attribution_to_dict(att), ensure_ascii=False) + "\n")
                    new += 1
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return new


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------------------- summary


@dataclass
class Summary:
    """Counts over extraction results, for the table the CLI prints."""

    articles: int = 0
    quotes: int = 0
    speakers: set[str] = field(default_factory=set)
    mediators: set[str] = field(default_factory=set)
    by_kind: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    graph: Graph | None = field(default=None, repr=False)  # the graph a run wrote, if any

    def add(self, result: ArticleResult) -> ArticleResult:
        self.articles += 1
        for att in result.attributions:
            self.quotes += 1
            self.by_kind[att.quote.kind] = self.by_kind.get(att.quote.kind, 0) + 1
            if att.speaker and att.speaker.entity:
                self.speakers.add(att.speaker.entity)
            if att.mediator and att.mediator.entity:
                self.mediators.add(att.mediator.entity)
        return result


def summarize(results: Iterable[ArticleResult]) -> Summary:
    """Count articles, quotes, distinct speakers and mediators."""
    summary = Summary()
    for result in results:
        summary.add(result)
    return summary



# ---------------------------------------------------------------------------- whole runs


def extract_to_files(inputs: Iterable[str | Path], *, out: str | Path | None = "graph.ttl",
                     jsonl: str | Path | None = None, store: str | Path | None = None,
                     lang: str = "auto", model: str | None = None, n_process: int = 1,
                     batch_size: int = 16, progress: bool = False, append: bool = True) -> Summary:
    """Read inputs, extract, and write the graph and quotes.jsonl: what ``quotegraph extract`` does.

    Parameters
    ----------
    inputs : paths
        Files, folders and JSONL corpora (see :func:`read_inputs`).
    out : path, optional
        The graph file to write (format from its suffix: .ttl, .nt, .jsonld, .trig). With
        ``append`` an existing file is loaded first, so the run adds to it; nothing is
        duplicated. Written atomically, once, at the end.
    jsonl : path, optional
        quotes.jsonl to write (appended to without duplicating ids).
    store : path, optional
        An on-disk Oxigraph store folder to add to (persistent, for large corpora).

    Returns
    -------
    Summary
        Counts, and the inputs that were skipped with their reasons.
    """
    from quotegraph.graph.export import format_for_suffix
    from quotegraph.graph.store import add_results

    summary = Summary()
    items = read_inputs(inputs, lang=lang)  # checks the paths exist before any work
    if store is not None:
        graph = open_graph(store)
    elif out is not None and append and Path(out).exists():
        graph = load_graph(out)
    else:
        graph = open_graph()

    def results() -> Iterator[ArticleResult]:
        batch: list[ArticleResult] = []
        for result in extract(items, lang=lang, model=model, n_process=n_process, batch_size=batch_size,
                              progress=progress, on_skip=summary.skipped.append):
            summary.add(result)
            batch.append(result)
            if len(batch) >= 64:
                add_results(graph, batch)
                batch = []
            yield result
        if batch:
            add_results(graph, batch)

    if jsonl is not None:
        write_jsonl(results(), jsonl, append=append)
    else:
        for _ in results():
            pass
    if out is not None:
        export(graph, out, format_for_suffix(out))
    summary.graph = graph
    return summary
