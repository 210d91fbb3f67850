"""Extraction of a stream of articles, in this process or in worker processes.

The public names are :func:`quotegraph.api.extract` and :func:`quotegraph.api.extract_text`;
:mod:`quotegraph.corpus` builds its runs on :func:`extract` too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice

from quotegraph.extract.records import Article, ArticleResult, article_id_for
from quotegraph.extractor import Extractor
from quotegraph.inputs import Skipped, without_skipped
from quotegraph.progress import with_progress

__all__ = ["extract", "extract_text"]


def extract(articles: Iterable[Article | str], *, lang: str = "auto", model: str | None = None,
            n_process: int = 1, batch_size: int = 16, progress: bool = False,
            on_skip: Callable[[Skipped], None] | None = None,
            min_confidence: float = 0.0) -> Iterator[ArticleResult]:
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
    min_confidence : float
        Keep only attributions whose confidence (the quote filter's probability, 0 to 1)
        reaches this; needs the learned parts.

    Yields
    ------
    ArticleResult
    """
    extractor = Extractor(lang=lang, model=model, batch_size=batch_size, min_confidence=min_confidence)

    def as_articles() -> Iterator[Article]:
        for item in without_skipped(articles, on_skip):
            yield Article(id=article_id_for(item), text=item, language="auto") if isinstance(item, str) else item

    if n_process > 1:
        # multiprocessing's pools: only for workers (issue #27: 6 ms of every run's start)
        from quotegraph.workers import extract_in_processes

        stream = as_articles()
        first = list(islice(stream, batch_size))
        extractor.preload(first)  # forked workers share the pipelines loaded here
        results = extract_in_processes(chain(first, stream), extractor, workers=n_process,
                                       chunk_size=batch_size, on_skip=on_skip)
    else:
        results = extractor.run(as_articles(), on_skip=on_skip)
    if progress:
        results = with_progress(results)
    yield from results


def extract_text(text: str, *, lang: str = "auto", article_id: str | None = None,
                 model: str | None = None) -> ArticleResult:
    """Extract one text (a convenience over :func:`extract`)."""
    article = Article(id=article_id or article_id_for(text), text=text, language=lang)
    return next(extract([article], lang=lang, model=model))
