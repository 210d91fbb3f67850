"""The graph a run builds for its output file: in memory while small, in the run folder once it grows.

``quotegraph extract … --out graph.ttl`` (without ``--store``) needs the whole graph at the end,
to resolve entities across articles and to write the file. Held in memory it costs a fraction
of an on-disk store (on PolNeAR dev, 84 articles and 58,000 quads: 0.9 CPU s and 54 MB against
1.6 s and 131 MB for RocksDB in a folder), but a corpus of thousands of articles must not live
in memory. So the graph starts in memory and moves into a store folder inside the run folder
(``store/``) once it holds :data:`SPILL_QUADS` quads (``$QUOTEGRAPH_MEMORY_QUADS`` sets
another number: more for speed on a big machine, 0 to always use the folder), or from the start
when the graph file it adds to is larger than :data:`SPILL_FILE_BYTES`.

An on-disk store is closed and opened again after every :data:`REOPEN_QUADS` quads written:
RocksDB's caches grow with everything written through one open store (2.3 million quads took a
process to 1.7 GB; opened again every 290,000, it stayed at 120 MB), so a long run into
``--store`` would otherwise grow with the corpus.

Nothing is lost by starting in memory: the run's journal holds every finished article whole
(:meth:`quotegraph.runs.RunState.finished_results`), so a resumed run rebuilds the graph from
it; once the graph is in a folder, the folder is kept and a resumed run opens it again.

>>> import tempfile, pathlib
>>> from quotegraph.extract.records import Article, ArticleResult
>>> run_graph = RunGraph.open(pathlib.Path(tempfile.mkdtemp()), spill_quads=50)
>>> run_graph.add([ArticleResult(Article(id=f"a{i}", text="x")) for i in range(3)])
>>> run_graph.on_disk, run_graph.graph is not None
(False, True)
>>> run_graph.add([ArticleResult(Article(id=f"b{i}", text="x")) for i in range(20)])
>>> run_graph.on_disk
True
>>> run_graph.close()
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from quotegraph.extract.records import ArticleResult
from quotegraph.extract.settings import whole_number_from_env
from quotegraph.graph.backend import Backend
from quotegraph.graph.addresses import is_endpoint_url
from quotegraph.graph.store import add_results, close_graph, is_store_dir, load_file_by_article, open_graph, open_store

__all__ = ["RunGraph", "SPILL_QUADS", "SPILL_FILE_BYTES", "REOPEN_QUADS", "MEMORY_QUADS_ENV", "memory_quads"]

#: A run's graph moves from memory into a store folder when it holds this many quads (about
#: 90 MB in memory; both dev splits stay below it).
SPILL_QUADS = 100_000
#: An on-disk store is closed and opened again after this many quads were written to it.
REOPEN_QUADS = 100_000
#: The environment variable that sets how many quads a run's graph holds in memory.
MEMORY_QUADS_ENV = "QUOTEGRAPH_MEMORY_QUADS"
#: A graph file to add to that is larger than this is read into a store folder from the start.
SPILL_FILE_BYTES = 16 * 1024 * 1024

_STORE = "store"
_MOVING = "store.moving"
_DUMP = "graph.nq"


@dataclass
class RunGraph:
    """The run's graph (``graph``), where it is, and how many quads it holds (as far as counted).

    ``graph`` is the store's :class:`~quotegraph.graph.backend.Backend`: an Oxigraph store
    without rdflib's Graph around it (:func:`~quotegraph.graph.store.open_store`), or a SPARQL
    server's; the functions of :mod:`quotegraph.graph.store`, ``resolve_graph``,
    ``link_statements`` and ``save_graph`` take it as they take a graph.
    """

    folder: Path | None
    graph: Backend
    quads: int = 0
    on_disk: bool = False
    spill_quads: int = SPILL_QUADS
    store_path: Path | None = None  # the store folder, to open again (None: in memory or a server)
    written: int = 0  # quads written since the store was last opened

    @classmethod
    def open(cls, folder: Path, *, base: Path | None = None, finished: Iterable[ArticleResult] = (),
             spill_quads: int | None = None) -> RunGraph:
        """The graph of the run whose folder is ``folder``.

        Parameters
        ----------
        folder : Path
            The run folder.
        base : Path, optional
            A graph file the run adds to: read in (each article into its own named graph, so
            an article extracted again replaces its old triples) unless the folder's store
            already holds it.
        finished : iterable of ArticleResult
            The articles a resumed run finished before: put into a graph held in memory (a
            store folder already holds them).
        spill_quads : int, optional
            Move the graph into a store folder once it holds this many quads; by default
            :func:`memory_quads`.

        Raises
        ------
        InputError
            When ``$QUOTEGRAPH_MEMORY_QUADS`` is not a whole number of at least 0.
        """
        spill_quads = memory_quads() if spill_quads is None else spill_quads
        shutil.rmtree(folder / _MOVING, ignore_errors=True)  # a move cut short: the journal has it all
        (folder / _DUMP).unlink(missing_ok=True)
        if is_store_dir(folder / _STORE):
            return cls(folder, open_store(folder / _STORE), on_disk=True, spill_quads=spill_quads,
                       store_path=folder / _STORE)
        large_base = base is not None and base.exists() and (base.stat().st_size > SPILL_FILE_BYTES or spill_quads == 0)
        if large_base:
            run_graph = cls(folder, open_store(folder / _MOVING), on_disk=True, spill_quads=spill_quads)
        else:
            run_graph = cls(folder, open_store(), spill_quads=spill_quads)
            run_graph.graph.track_entity_uses()  # resolution then reads them from it, not by a scan
        if base is not None and base.exists():
            load_file_by_article(base, run_graph.graph)
            run_graph.quads = len(run_graph.graph.store)
        if large_base:  # named store/ only once the base is in, so a store/ folder always holds it
            run_graph._rename_store()
        run_graph.add(finished)
        return run_graph

    @classmethod
    def of_store(cls, store: str | Path) -> RunGraph:
        """A run that writes into a store (``--store``: a folder or a SPARQL server): never moved."""
        if isinstance(store, str) and is_endpoint_url(store):
            return cls(None, open_graph(store).backend, on_disk=True)
        return cls(None, open_store(store), on_disk=True, store_path=Path(store))

    def add(self, results: Iterable[ArticleResult]) -> None:
        """Put finished articles into the graph (each replacing what it had); move it to disk if it grew too large."""
        added = add_results(self.graph, results)
        self.quads += added
        if not self.on_disk and self.quads >= self.spill_quads:
            self._move_to_disk()
        elif self.store_path is not None:
            self.written += max(added, 0)
            if self.written >= REOPEN_QUADS:  # RocksDB's caches start small again
                close_graph(self.graph)
                self.graph = open_store(self.store_path)
                self.written = 0

    def close(self) -> None:
        """Release the graph (and its store folder's lock)."""
        close_graph(self.graph)

    def _move_to_disk(self) -> None:
        # through a file and bulk_load: the fast path into RocksDB, without a second copy in memory
        dump = self.folder / _DUMP
        self.graph.store.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
        close_graph(self.graph)
        self.graph = open_store(self.folder / _MOVING)
        self.graph.store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        dump.unlink()
        self.on_disk = True
        self._rename_store()

    def _rename_store(self) -> None:
        # a store folder is only ever called store/ once it holds everything journaled so far
        close_graph(self.graph)
        os.replace(self.folder / _MOVING, self.folder / _STORE)
        self.store_path = self.folder / _STORE
        self.graph = open_store(self.store_path)
        self.written = 0



def memory_quads() -> int:
    """How many quads a run's graph holds in memory before it moves into the run folder:
    ``$QUOTEGRAPH_MEMORY_QUADS`` (``_`` may group digits) or :data:`SPILL_QUADS`.

    Raises
    ------
    InputError
        When the variable is not a whole number of at least 0.
    """
    return whole_number_from_env(MEMORY_QUADS_ENV, SPILL_QUADS, unit="quads")
