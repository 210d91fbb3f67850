"""The Extractor: one process's extraction, articles in, records out, each language's pipeline loaded once.

:func:`quotegraph.api.extract` runs one Extractor here or one per worker process
(:mod:`quotegraph.workers`); the Spark engine runs one per Python worker (:mod:`quotegraph.spark`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from quotegraph.errors import QuotegraphError
from quotegraph.extract.language import detect_language
from quotegraph.extract.records import Article, ArticleResult
from quotegraph.inputs import Skipped, without_skipped

__all__ = ["Extractor", "chunked", "collect_cycles_less_often"]


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` items, lazily.

    >>> [len(c) for c in chunked(range(5), 2)]
    [2, 2, 1]
    """
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


#: allocations between two collections of the youngest generation in an extraction process
#: (Python's default is 700)
EXTRACTION_GC_THRESHOLD = 50_000


def collect_cycles_less_often() -> None:
    """Let the cyclic garbage collector run every 50,000 allocations instead of every 700, for
    the rest of the process (worker processes forked later inherit it).

    A parse makes and drops many container objects; what they hold is freed by reference
    counting, and at the default threshold the collector runs about 400 times over a German
    dev run of 150 articles (0.17 CPU s, 0.04 s at this threshold) and 800 times over the
    English one (0.24 s, 0.07 s). The extract command calls it; a library user's process keeps
    its own setting.
    """
    gc.set_threshold(EXTRACTION_GC_THRESHOLD, *gc.get_threshold()[1:])


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
    min_confidence : float
        Keep only attributions whose confidence reaches this (0 to 1; see
        :attr:`~quotegraph.extract.records.Attribution.confidence`).

    For several processes see :func:`quotegraph.workers.extract_in_processes`, which runs one
    Extractor per worker. A loaded pipeline is frozen out of the garbage collector
    (:func:`gc.freeze`) for the rest of the process: load pipelines once and keep the Extractor.
    """

    def __init__(self, *, lang: str = "auto", model: str | None = None, batch_size: int = 16,
                 min_confidence: float = 0.0):
        self.lang = lang
        self.model = model
        self.batch_size = batch_size
        self.min_confidence = min_confidence
        self._pipelines: dict[str, object] = {}

    def __getstate__(self) -> dict:
        # a worker started by "spawn" loads its own pipelines rather than unpickling ours
        return {**self.__dict__, "_pipelines": {}}

    def pipeline(self, lang: str):
        """The loaded pipeline for a language (loaded on first call)."""
        if lang not in self._pipelines:
            # spaCy takes ~0.5 s to import; only extraction needs it (not the graph verbs, not --help)
            from quotegraph.extract.pipeline import make_nlp

            self._pipelines[lang] = make_nlp(lang, self.model, min_confidence=self.min_confidence)
            # the pipeline's objects live as long as the run: frozen, every full collection stops
            # walking them again (0.2 s of an English dev run) and forked workers share their
            # pages. No collection first: loading leaves about a thousand unreachable objects,
            # and a full collection of everything loaded costs 0.06 s of a German dev run
            gc.freeze()
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
        return detect_language(article.text)

    def run(self, articles: Iterable[Article], *, on_skip: Callable[[Skipped], None] | None = None,
            chunk_size: int | None = None) -> Iterator[ArticleResult]:
        """Extract every article, in input order, streaming in chunks.

        An article that fails (no pipeline for its language, an error inside the pipeline) is
        passed to ``on_skip``; without ``on_skip`` the error is raised.
        """
        for chunk in chunked(articles, chunk_size or self.batch_size * 8):
            yield from self._run_chunk(chunk, on_skip)

    def _run_chunk(self, chunk: list[Article], on_skip) -> Iterator[ArticleResult]:
        # spaCy takes ~0.5 s to import (extract.convert needs it); only extraction does
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
    return replace(article, language=lang)


def _pipe(nlp, articles: list[Article], batch_size: int, tolerant: bool):
    """Docs for the articles (a very long one parsed in blocks: :mod:`quotegraph.extract.blocks`);
    with ``tolerant``, an article that breaks the pipeline becomes Skipped."""
    from quotegraph.extract.blocks import parse, pipe_texts  # spaCy: see _run_chunk

    texts = [a.text for a in articles]
    try:
        return list(pipe_texts(nlp, texts, batch_size))
    except Exception:
        if not tolerant:
            raise
    out = []
    for art in articles:  # find the culprit(s) one by one
        try:
            out.append(parse(nlp, art.text))
        except Exception as exc:  # noqa: BLE001 - any failure inside spaCy skips only this article
            out.append(Skipped(art.source or art.id, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out
