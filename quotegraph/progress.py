"""A progress bar for long extraction runs: articles done, articles/s and time left.

The number of articles is counted in a background thread (files in folders, lines in JSONL
files), so the bar starts at once and shows a total and an ETA as soon as the count is in.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "news.jsonl").write_text("\\n".join(json.dumps({"text": t}) for t in "abc") + "\\n")
>>> _ = (d / "one.txt").write_text("Hallo.")
>>> count_articles([d])
4
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from quotegraph.inputs import (JSONL_SUFFIXES, WARC_SUFFIXES, bounded_lines, input_files, jsonl_line_bound, max_article_chars,
                               not_a_regular_file, open_jsonl, suffix_of)
from quotegraph.web import is_feed_file, is_web_url

__all__ = ["count_articles", "with_progress"]

T = TypeVar("T")


def _count_lines(path: Path) -> int:
    if not_a_regular_file(path):
        return 1  # skipped unread
    n = 0
    with open_jsonl(path) as fh:
        for line in bounded_lines(fh, jsonl_line_bound(max_article_chars())):
            n += line is None or bool(line.strip())
    return n


def count_articles(inputs: Iterable[str | Path]) -> int | None:
    """How many articles (and unreadable inputs) :func:`~quotegraph.inputs.read_inputs` will yield.

    None when a web archive, a URL or a feed is among the inputs: only reading it tells its articles.
    """
    inputs = list(inputs)
    if any(is_web_url(p) or is_feed_file(p) for p in inputs):
        return None
    files = [file for file, _ in input_files(map(Path, inputs))]
    if any(suffix_of(file) in WARC_SUFFIXES for file in files):
        return None
    return sum(_count_lines(file) if suffix_of(file) in JSONL_SUFFIXES else 1 for file in files)


def with_progress(items: Iterator[T], inputs: Iterable[str | Path] | None = None, *,
                  already_done: int = 0, label: str = "extracting") -> Iterator[T]:
    """Pass ``items`` through while a progress bar on stderr counts them.

    Parameters
    ----------
    items : iterator
        The finished articles, as they come.
    inputs : paths, optional
        The run's inputs, counted in the background for the total and the ETA.
    already_done : int
        Articles finished before (a resumed run): they count towards the total.
    """
    total: list[int] = []
    if inputs is not None:
        paths = list(inputs)

        def count() -> None:
            try:
                n = count_articles(paths)
                if n is not None:
                    total.append(n)
            except Exception:  # noqa: BLE001 - a corrupt or vanished input: the reader names it
                pass  # no total then: the bar still counts

        threading.Thread(target=count, daemon=True, name="quotegraph-count").start()

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"),
               TimeRemainingColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task(label, total=None, completed=already_done, rate="")
        for n, item in enumerate(items, start=1):
            elapsed = bar.tasks[0].elapsed or 0.0
            update = {"rate": f"{n / elapsed:.1f}/s" if elapsed > 0 else ""}
            if total and bar.tasks[0].total is None:
                update["total"] = total[0]
            bar.update(task, advance=1, **update)
            yield item
