"""The state of a resumable extraction run: which articles are finished, kept on disk as they finish.

An extraction run keeps a folder next to its main output (``graph.ttl`` → ``graph.ttl.quotegraph-run/``)
holding ``run.json`` (what the run was asked to do) and ``journal.jsonl`` (one line per finished
article with everything extracted from it, or per skipped input with the reason). Lines are
appended and flushed to disk only after the article's triples are in the run's graph, so after
a crash, a kill or Ctrl-C every journaled article is safely kept (a graph held in memory is
rebuilt from the journal), and ``--resume`` continues with the others. The folder is removed
when the run completes.

>>> import tempfile, pathlib
>>> from quotegraph.extract.records import Article, ArticleResult
>>> target = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
>>> run = RunState.start(target, {"inputs": ["news.jsonl"]})
>>> run.record([ArticleResult(Article(id="a1", text="x"))], [Skipped("news.jsonl:2", "malformed JSON")])
>>> resumed = RunState.start(target, {"inputs": ["news.jsonl"]}, resume=True)
>>> sorted(resumed.done), resumed.resumed
(['a1', 'news.jsonl:2'], True)
>>> resumed.finish(); resumed.folder.exists()
False
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotegraph.errors import UnfinishedRunError
from quotegraph.extract.records import (Article, ArticleResult, Attribution, Entity, article_meta,
                                        attribution_from_dict, attribution_to_dict)
from quotegraph.inputs import Skipped
from quotegraph.warc import Tally

__all__ = ["RunState", "UnfinishedRunError", "run_folder_for"]

RUN_SUFFIX = ".quotegraph-run"
_JOURNAL = "journal.jsonl"
_SETTINGS = "run.json"


def run_folder_for(target: str | Path) -> Path:
    """The run folder that belongs to an output (a file or a store folder).

    >>> run_folder_for("out/graph.ttl").as_posix()
    'out/graph.ttl.quotegraph-run'
    """
    target = Path(target)
    return target.with_name(target.name + RUN_SUFFIX)


@dataclass
class RunState:
    """A run's folder, the keys of what it has finished, and its journal file.

    Keys are article ids for articles and input names (``file:line``) for skipped inputs.
    """

    folder: Path
    done: set[str] = field(default_factory=set)
    resumed: bool = False

    @classmethod
    def start(cls, target: str | Path, settings: dict, *, resume: bool = False,
              restart: bool = False) -> RunState:
        """Begin a run for ``target``, or continue the interrupted one there.

        Parameters
        ----------
        target : path
            The run's main output (graph file or store folder); the run folder goes next to it.
        settings : dict
            What the run is asked to do (inputs, outputs, language, model): a resumed run must
            be asked the same, or finished articles would not match the outputs.
        resume : bool
            Continue an interrupted run (a fresh start if there is none).
        restart : bool
            Throw an interrupted run's state away and start again.

        Raises
        ------
        UnfinishedRunError
            If an interrupted run is there and neither ``resume`` nor ``restart`` is given, or
            ``resume`` is given with other settings than the interrupted run's.
        """
        folder = run_folder_for(target)
        settings = json.loads(json.dumps(settings, default=str))  # as it reads back from disk
        if folder.exists() and restart:
            shutil.rmtree(folder)
        if folder.exists():
            if not resume:
                raise UnfinishedRunError(
                    f"an interrupted run on {target} left its state in {folder}: run the same command "
                    "with --resume to continue it, or with --restart to start over")
            old = _read_settings(folder)
            if old != settings:
                changed = sorted(k for k in set(old) | set(settings) if old.get(k) != settings.get(k))
                raise UnfinishedRunError(
                    f"the interrupted run in {folder} was started with other {', '.join(changed)}; "
                    "run it with the same arguments, or use --restart to start over")
            run = cls(folder, resumed=True)
            _drop_partial_line(run.journal)
            run.done = {key for key, _ in run._entries()}
            return run
        folder.mkdir(parents=True)
        (folder / _SETTINGS).write_text(json.dumps(settings, indent=1, ensure_ascii=False), encoding="utf-8")
        return cls(folder)

    @property
    def journal(self) -> Path:
        return self.folder / _JOURNAL

    def record(self, results: Iterable[ArticleResult], skipped: Iterable[Skipped] = ()) -> None:
        """Append finished articles and skipped inputs, and make sure they are on disk."""
        lines = []
        for result in results:
            self.done.add(result.article.id)
            atts = [attribution_to_dict(a) for a in result.attributions]
            entry = {"article": result.article.id, "meta": article_meta(result.article), "attributions": atts,
                     # enough to rebuild the article's triples when the run's graph was in memory
                     "text": result.article.text,
                     "entities": [[e.name, e.type, list(e.aliases)] + ([] if e.named else [False])
                                  for e in result.entities]}
            lines.append(json.dumps(entry, ensure_ascii=False))
        for item in skipped:
            self.done.add(item.source)
            entry = {"skipped": item.source, "reason": item.reason} | ({"tally": True} if isinstance(item, Tally) else {})
            lines.append(json.dumps(entry, ensure_ascii=False))
        if not lines:
            return
        with self.journal.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def finished(self) -> Iterator[tuple[str, tuple[Attribution, ...]]]:
        """(article id, attributions) of every finished article, each once, in the order finished."""
        for key, entry in self._entries():
            if "article" in entry:
                yield key, tuple(attribution_from_dict(d) for d in entry["attributions"])

    def finished_quotes(self) -> Iterator[tuple[tuple[Attribution, ...], dict | None]]:
        """The attributions of every finished article with its metadata (None in an older journal)."""
        for atts, meta in self.finished_quote_dicts():
            yield tuple(attribution_from_dict(d) for d in atts), meta

    def finished_quote_dicts(self) -> Iterator[tuple[list[dict], dict | None]]:
        """:meth:`finished_quotes` as the journal holds them: each attribution as its
        quotes.jsonl object (:func:`~quotegraph.extract.records.attribution_to_dict`), not made
        into a record again (what writing quotes.jsonl needs)."""
        for _, entry in self._entries():
            if "article" in entry:
                yield entry["attributions"], entry.get("meta")

    def finished_results(self) -> Iterator[ArticleResult]:
        """Every finished article as its :class:`ArticleResult`, each once, in the order finished.

        What a journal of an older version does not hold (the text, the entities) comes back empty.
        """
        for key, entry in self._entries():
            if "article" in entry:
                meta = entry.get("meta") or {}
                article = Article(id=key, text=entry.get("text", ""), title=meta.get("title"), url=meta.get("url"),
                                  date=meta.get("date"), language=meta.get("language") or "de",
                                  site=meta.get("site"), authors=tuple(meta.get("authors") or ()),
                                  agencies=tuple(meta.get("agencies") or ()))
                yield ArticleResult(article, tuple(attribution_from_dict(d) for d in entry["attributions"]),
                                    tuple(Entity(name, kind, tuple(aliases), *named)  # named: only when false
                                          for name, kind, aliases, *named in entry.get("entities", ())))

    def finished_ids(self) -> set[str]:
        """The ids of every finished article (not of skipped inputs)."""
        return self.finished_and_skipped()[0]

    def skipped(self) -> list[Skipped]:
        """The inputs skipped so far, each once (a :class:`Tally` for what was only counted)."""
        return self.finished_and_skipped()[1]

    def finished_and_skipped(self) -> tuple[set[str], list[Skipped]]:
        """:meth:`finished_ids` and :meth:`skipped`, from one reading of the journal."""
        finished, skipped = set(), []
        for key, entry in self._entries():
            if "article" in entry:
                finished.add(key)
            elif "skipped" in entry:
                skipped.append((Tally if entry.get("tally") else Skipped)(key, entry["reason"]))
        return finished, skipped

    def _entries(self) -> Iterator[tuple[str, dict]]:
        if not self.journal.exists():
            return
        seen: set[str] = set()
        with self.journal.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the last line of a run killed mid-write; its article is redone
                key = entry.get("article", entry.get("skipped"))
                if key is None or key in seen:
                    continue
                seen.add(key)
                yield key, entry

    def finish(self) -> None:
        """The run is complete: remove its folder."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _drop_partial_line(path: Path, block: int = 1 << 16) -> None:
    """Cut a last line left half-written by a killed run, so appended lines start clean.

    Reads backwards from the end in blocks: a journal can be gigabytes.
    """
    if not path.exists():
        return
    with path.open("rb+") as fh:
        end = fh.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            data = fh.read(pos - start)
            if pos == end and data.endswith(b"\n"):
                return
            cut = data.rfind(b"\n")
            if cut >= 0:
                fh.truncate(start + cut + 1)
                return
            pos = start
        fh.truncate(0)


def _read_settings(folder: Path) -> dict:
    try:
        return json.loads((folder / _SETTINGS).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
