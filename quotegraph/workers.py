"""Extraction on several processes: each worker loads its pipelines once and takes chunks of articles.

spaCy's own ``nlp.pipe(n_process=N)`` serves one pipeline and restarts its workers on every
call; a corpus mixes languages and must survive a bad article, so quotegraph runs whole
:class:`~quotegraph.api.Extractor` s in a process pool instead. Results come back in input
order, and only a few chunks are in flight at a time, so memory stays flat on any corpus.

>>> from quotegraph.extract.records import Article
>>> from quotegraph.api import Extractor
>>> arts = [Article(id=f"a{i}", text="„Wir bleiben hier“, sagte Eva Kern.", language="de") for i in range(3)]
>>> out = list(extract_in_processes(arts, Extractor(lang="de"), workers=2, chunk_size=2))
>>> [r.article.id for r in out], len(out[0].attributions)
(['a0', 'a1', 'a2'], 1)
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from quotegraph.errors import QuotegraphError
from quotegraph.extract.records import Article, ArticleResult
from quotegraph.extractor import Extractor, chunked
from quotegraph.inputs import Skipped, without_skipped
from quotegraph.lifeline import die_with_parent

__all__ = ["extract_in_processes", "chunked", "with_small_tail"]

# the Extractor of this worker process, set once by the pool's initializer
_worker_extractor: Extractor | None = None


def _init_worker(extractor: Extractor, parent_pid: int) -> None:
    global _worker_extractor
    # killed with its parent (kill -9, the OOM killer): never an orphan holding a pipeline and the store's files
    die_with_parent(parent_pid)
    # Ctrl-C is the parent's to handle: it stops the pool and keeps what is finished
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a forked worker inherits the parent's SIGTERM handler (raise KeyboardInterrupt, which the
    # pool would catch and go on); the default lets the parent stop it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_extractor = extractor


def _run_chunk(articles: list[Article]) -> list[ArticleResult | Skipped]:
    out: list[ArticleResult | Skipped] = []
    # on_skip is called while the generator runs, so skips keep their place in the order
    for result in _worker_extractor.run(articles, on_skip=out.append):
        out.append(result)
    return out


def _context():
    # fork shares the pipelines the parent already loaded (seconds saved per worker);
    # spawn elsewhere, where fork does not exist
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def extract_in_processes(articles: Iterable[Article], extractor: Extractor, *, workers: int,
                         chunk_size: int = 32,
                         on_skip: Callable[[Skipped], None] | None = None) -> Iterator[ArticleResult]:
    """Extract articles with ``workers`` processes, yielding results in input order.

    Parameters
    ----------
    articles : iterable of Article
        Read lazily: at most ``2 * workers`` chunks are read ahead.
    extractor : Extractor
        Copied into every worker (with the pipelines it has loaded, where processes fork).
    workers : int
        Number of processes.
    chunk_size : int
        Articles per task; each worker runs its chunk through ``nlp.pipe``.
    on_skip : callable, optional
        Called with a :class:`Skipped` for each article that failed; without it a failure raises.

    Each worker ends with this process, however it ends (:func:`~quotegraph.lifeline.die_with_parent`).

    Raises
    ------
    QuotegraphError
        If a worker process dies (killed, out of memory).
    """
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_init_worker, initargs=(extractor, os.getpid()))
    pending: deque[Future] = deque()

    def emit(future: Future) -> Iterator[ArticleResult]:
        try:
            items = future.result()
        except BrokenProcessPool:
            raise QuotegraphError("an extraction worker process died (out of memory or killed)") from None
        yield from without_skipped(items, on_skip)

    finished = False
    try:
        for chunk in with_small_tail(chunked(articles, chunk_size), workers):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from emit(pending.popleft())
        while pending:
            yield from emit(pending.popleft())
        finished = True
    finally:
        if not finished:
            _stop_workers(pool)  # on Ctrl-C or an error, do not wait for chunks nobody will read
        pool.shutdown(wait=finished, cancel_futures=not finished)


def with_small_tail(chunks: Iterable[list], workers: int) -> Iterator[list]:
    """The chunks as they come, but for the last ``workers`` ones, cut into ``2 * workers``
    smaller ones: at the end of a corpus no worker waits long for another's last chunk.

    >>> [len(c) for c in with_small_tail(chunked(range(70), 16), 2)]
    [16, 16, 16, 6, 6, 6, 4]
    >>> [len(c) for c in with_small_tail(chunked(range(3), 16), 2)]
    [1, 1, 1]
    """
    held: deque[list] = deque()
    for chunk in chunks:
        held.append(chunk)
        if len(held) > workers:
            yield held.popleft()
    rest = [item for chunk in held for item in chunk]
    yield from chunked(rest, max(1, -(-len(rest) // (2 * workers))))


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    if hasattr(pool, "terminate_workers"):  # Python 3.14+
        pool.terminate_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
