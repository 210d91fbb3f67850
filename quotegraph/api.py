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
from itertools import chain, islice
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from quotegraph.corpus import extract_corpus as extract_to_files  # what `quotegraph extract` runs
from quotegraph.errors import QuotegraphError
from quotegraph.extract.records import Article, ArticleResult, Attribution, article_id_for, attribution_to_dict
from quotegraph.inputs import Skipped, read_inputs, without_skipped

__all__ = [
    "example_folder",
    "read_inputs",
    "Skipped",
    "Extractor",
    "extract",
    "extract_text",
    "build_graph",
    "remove_articles",
    "article_graphs",
    "open_graph",
    "load_graph",
    "query",
    "export",
    "write_view",
    "write_jsonl",
    "write_attributions",
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
    batch_size : int
        Passed to ``nlp.pipe``.

    For several processes see :func:`quotegraph.workers.extract_in_processes`, which runs one
    Extractor per worker.
    """

    def __init__(self, *, lang: str = "auto", model: str | None = None, batch_size: int = 16):
        self.lang = lang
        self.model = model
        self.batch_size = batch_size
        self._pipelines: dict[str, object] = {}

    def __getstate__(self) -> dict:
        # a worker started by "spawn" loads its own pipelines rather than unpickling ours
        return {**self.__dict__, "_pipelines": {}}

    def pipeline(self, lang: str):
        """The loaded pipeline for a language (loaded on first call)."""
        if lang not in self._pipelines:
            from quotegraph.extract.pipeline import make_nlp

            self._pipelines[lang] = make_nlp(lang, self.model)
        return self._pipelines[lang]

    def preload(self, articles: Iterable[Article]) -> None:
        """Load the pipelines these articles need now (before worker processes fork, say).

        A language without a pipeline is left for :meth:`run` to report per article.
        """
        for lang in {self.language_of(a) for a in articles}:
            try:
                self.pipeline(lang)
            except QuotegraphError:
                pass

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
        from quotegraph.workers import chunked

        for chunk in chunked(articles, chunk_size or self.batch_size * 8):
            yield from self._run_chunk(chunk, on_skip)

    def _run_chunk(self, chunk: list[Article], on_skip) -> Iterator[ArticleResult]:
        from quotegraph.extract.convert import doc_to_result

        by_lang: dict[str, list[int]] = {}
        for i, art in enumerate(chunk):
            by_lang.setdefault(self.language_of(art), []).append(i)
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
            docs = _pipe(nlp, arts, self.batch_size, on_skip is not None)
            for i, art, item in zip(idxs, arts, docs):
                done[i] = item if isinstance(item, Skipped) else doc_to_result(item, art)
        yield from without_skipped((done[i] for i in range(len(chunk))), on_skip)


def _with_language(article: Article, lang: str) -> Article:
    if article.language == lang:
        return article
    from dataclasses import replace

    return replace(article, language=lang)


def _pipe(nlp, articles: list[Article], batch_size: int, tolerant: bool):
    """Docs for the articles; with ``tolerant``, an article that breaks the pipeline becomes Skipped."""
    texts = [a.text for a in articles]
    try:
        return list(nlp.pipe(texts, batch_size=batch_size))
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
        Read lazily. Strings become articles with an id from their hash. :class:`Skipped`
        items (from :func:`read_inputs`) are passed on to ``on_skip``.
    lang : str
        "de", "en" or "auto" (default: the article's ``language``, else detected).
    model : str, optional
        Any installed spaCy pipeline (name or path) instead of the default for the language.
    n_process : int
        Worker processes; each loads its pipelines once (see :mod:`quotegraph.workers`).
    batch_size : int
        Articles per ``nlp.pipe`` batch.
    progress : bool
        Show a progress bar (articles done, rate) on stderr.
    on_skip : callable, optional
        Called with a :class:`Skipped` for each article that could not be processed; without
        it such an article raises.

    Yields
    ------
    ArticleResult
    """
    extractor = Extractor(lang=lang, model=model, batch_size=batch_size)

    def as_articles() -> Iterator[Article]:
        for item in without_skipped(articles, on_skip):
            yield Article(id=article_id_for(item), text=item, language="auto") if isinstance(item, str) else item

    if n_process > 1:
        from quotegraph.workers import extract_in_processes

        stream = as_articles()
        first = list(islice(stream, batch_size))
        extractor.preload(first)  # forked workers share the pipelines loaded here
        results = extract_in_processes(chain(first, stream), extractor, workers=n_process,
                                       chunk_size=batch_size, on_skip=on_skip)
    else:
        results = extractor.run(as_articles(), on_skip=on_skip)
    if progress:
        from quotegraph.progress import with_progress

        results = with_progress(results)
    yield from results


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


def remove_articles(graph: Graph, article_ids: Iterable[str], *, prune: bool = False) -> int:
    """Drop articles (their named graphs) from a graph; with ``prune``, entities no article uses.

    Returns the number of triples removed. See :func:`quotegraph.graph.store.remove_articles`.
    """
    from quotegraph.graph.store import remove_articles as _remove

    return _remove(graph, article_ids, prune=prune)


def article_graphs(graph: Graph) -> list[str]:
    """The ids of the articles in a graph (one named graph each)."""
    from quotegraph.graph.store import article_graphs as _article_graphs

    return _article_graphs(graph)


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
    return write_attributions((att for result in results for att in result.attributions), path, append=append)


def write_attributions(attributions: Iterable[Attribution], path: str | Path, *, append: bool = True) -> int:
    """:func:`write_jsonl` for attributions: streamed, so only the ids are held in memory.

    >>> import tempfile, pathlib
    >>> from quotegraph.extract.records import Quote
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "quotes.jsonl"
    >>> att = Attribution(id="a1:0-5", article="a1", quote=Quote("„Ja.“", 0, 5))
    >>> write_attributions([att], p), write_attributions([att], p), len(p.read_text().splitlines())
    (1, 0, 1)
    """
    path = Path(path)
    seen: set[str] = set()
    keep_old = append and path.exists()
    if keep_old:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    seen.add(json.loads(line)["id"])
                except (json.JSONDecodeError, KeyError, TypeError):
                    pass
    new = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    from quotegraph.graph.files import write_atomically

    with write_atomically(path, "w", encoding="utf-8") as out:
        if keep_old:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        out.write(line if line.endswith("\n") else line + "\n")
        for att in attributions:
            if att.id in seen:
                continue
            seen.add(att.id)
            out.write(json.dumps(attribution_to_dict(att), ensure_ascii=False) + "\n")
            new += 1
    return new


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

    def add(self, result: ArticleResult) -> ArticleResult:
        """Count one article's result (and pass it on)."""
        self.count(result.attributions)
        return result

    def count(self, attributions: Iterable[Attribution]) -> None:
        """Count one article with these attributions."""
        self.articles += 1
        for att in attributions:
            self.quotes += 1
            self.by_kind[att.quote.kind] = self.by_kind.get(att.quote.kind, 0) + 1
            if att.speaker and att.speaker.entity:
                self.speakers.add(att.speaker.entity)
            if att.mediator and att.mediator.entity:
                self.mediators.add(att.mediator.entity)


def summarize(results: Iterable[ArticleResult]) -> Summary:
    """Count articles, quotes, distinct speakers and mediators."""
    summary = Summary()
    for result in results:
        summary.add(result)
    return summary
