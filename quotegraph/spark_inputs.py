"""How the Spark engine reads its inputs: a local run's contract, on partitions.

* **Bounded lines.** JSONL files on a file system the workers share are read by the Python
  workers with the local engine's reader (:func:`quotegraph.inputs.read_file`): a line over
  the article limit is read past in blocks, skipped and named (``file:line``), never held in
  memory. JSONL on a cluster file system (``hdfs://``, ``s3a://``) is read by Hadoop's line
  reader with the same bound, which reads past an overlong line in flat memory too; the line
  is found by the gap it leaves, and named (:mod:`quotegraph.spark_lines`).
* **One article per id.** An article whose id came earlier in the inputs (in the order a
  local run reads them: inputs as given, folders sorted, lines in order) is skipped and named,
  the first kept, with the reason a local run gives
  (:func:`quotegraph.inputs.first_of_each_id`).
* Blank JSONL lines are passed over, as a local run does.
* Web archives (``.warc``, ``.warc.gz``) on a file system the workers share are read by the local
  engine's reader too (:mod:`quotegraph.warc`), one task per archive, their articles then spread
  over the partitions; the archive's :class:`~quotegraph.warc.Tally` comes back as a skipped
  line marked ``"tally": true``, which does not count as skipped.

Every item carries its place in the inputs, ``(input number, item number)``, so "first" means
the same as in a local run whatever the partitioning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotegraph.errors import InputError
from quotegraph.extract.records import Article
from quotegraph.extract.settings import max_article_chars
from quotegraph.inputs import (WARC_SUFFIXES, Skipped, article_from_jsonl_line, duplicate_reason, input_files,
                               jsonl_line_bound, overlong_line_reason, read_file, suffix_of)
from quotegraph.spark_lines import numbered_lines

__all__ = ["InputPlan", "plan_inputs", "read_articles", "is_uri"]

#: (input number, item number within it): an item's place in the order a local run reads
Order = tuple[int, int]


def is_uri(path: str) -> bool:
    """Whether a path names a cluster file system (``scheme://``) rather than a local one."""
    return "://" in path


@dataclass(frozen=True)
class InputPlan:
    """The inputs of a Spark run, each with its number in the order a local run reads them.

    ``remote``: (number, URI) of JSONL corpora Hadoop reads; ``files``: (number, path,
    article id a folder gives it) of files the Python workers read, JSONL included.
    """

    remote: tuple[tuple[int, str], ...]
    files: tuple[tuple[int, str, str | None], ...]


def plan_inputs(inputs: Iterable[str | Path]) -> InputPlan:
    """Number the inputs (folders expanded, sorted) as a local run reads them.

    Raises
    ------
    InputError
        If a local input does not exist, or a web archive is on a cluster file system (before
        Spark starts).
    """
    remote, files = [], []
    number = 0
    for raw in map(str, inputs):
        if is_uri(raw):
            if raw.lower().startswith(("http://", "https://")):
                raise InputError("URLs are fetched by the local engine only: fetch them with a local run, or "
                                 "give Spark web archives (.warc.gz) of the pages", raw)
            _refuse_remote_archive(raw)
            remote.append((number, raw))
            number += 1
            continue
        if not Path(raw).exists():
            raise InputError("no such file or folder", raw)
        for file, article_id in input_files([raw]):
            files.append((number, str(file), article_id))
            number += 1
    return InputPlan(tuple(remote), tuple(files))


def _refuse_remote_archive(uri: str) -> None:
    """A web archive is read by a Python worker from a file system the executors share, one task
    per file; Hadoop's line reader, which reads ``scheme://`` paths, cannot read one."""
    if suffix_of(Path(uri)) in WARC_SUFFIXES:
        raise InputError("web archives (.warc, .warc.gz) are read from a file system the executors share "
                         "(a path, not a scheme:// URI): mount or copy them there", uri)


def read_articles(sc, plan: InputPlan, *, lang: str, partitions: int):
    """An RDD of the articles (and :class:`Skipped` inputs) of ``plan``, a duplicate id skipped.

    Raises
    ------
    InputError
        If the inputs hold no readable files.
    """
    limit = max_article_chars()  # on the driver: workers need not see the environment
    parts = []
    if plan.files:
        parts.append(sc.parallelize(plan.files, min(partitions, len(plan.files)))
                     .flatMap(lambda item: _read_file(item, lang, limit)))
    for number, uri in plan.remote:
        parts.append(numbered_lines(sc, uri, jsonl_line_bound(limit))
                     .flatMap(lambda nl, n=number, u=uri: _from_line(nl, n, u, lang, limit)))
    if not parts:
        raise InputError("no articles: the inputs hold no readable files")
    items = sc.union(parts) if len(parts) > 1 else parts[0]
    if any(suffix_of(Path(path)) in WARC_SUFFIXES for _, path, _ in plan.files):
        from pyspark import StorageLevel  # pyspark is optional (the [spark] extra)

        # the ids are collected first, then the items extracted: kept, so that each page of an
        # archive goes through trafilatura once, not twice
        items = items.persist(StorageLevel.MEMORY_AND_DISK)
    return skip_repeated_ids(sc, items)


def _read_file(item: tuple[int, str, str | None], lang: str, limit: int) -> Iterator[tuple[Order, Article | Skipped]]:
    number, path, article_id = item
    for k, read in enumerate(read_file(Path(path), lang=lang, article_id=article_id, limit=limit)):
        yield (number, k), read


def _from_line(numbered: tuple[int, str | None], number: int, uri: str, lang: str,
               limit: int) -> Iterator[tuple[Order, Article | Skipped]]:
    index, line = numbered
    if line is None:
        yield (number, index), Skipped(f"{uri}:{index + 1}", overlong_line_reason(limit))
    elif line.strip():
        yield (number, index), article_from_jsonl_line(line.encode("utf-8"), f"{uri}:{index + 1}", lang, limit)


def skip_repeated_ids(sc, items):
    """:func:`quotegraph.inputs.first_of_each_id` on an RDD of ``(order, item)``: the items,
    every article whose id came earlier turned into a :class:`Skipped` naming the first.

    Only the ids read more than once come to the driver (with the place of their first).
    """
    ids = items.flatMap(_id_entry).reduceByKey(_earlier)
    repeated = dict(ids.filter(lambda kv: kv[1][2] > 1).mapValues(lambda v: (v[0], v[1])).collect())
    if not repeated:
        return items.values()
    firsts = sc.broadcast(repeated)
    return items.map(lambda oi: _unless_repeated(oi, firsts.value))


def _id_entry(order_item: tuple[Order, Article | Skipped]) -> Iterator[tuple[str, tuple[Order, str, int]]]:
    order, item = order_item
    if isinstance(item, Article):
        yield item.id, (order, item.source or item.id, 1)


def _earlier(a: tuple[Order, str, int], b: tuple[Order, str, int]) -> tuple[Order, str, int]:
    """The entry of the earlier article, and how many there are."""
    first = a if a[0] <= b[0] else b
    return first[0], first[1], a[2] + b[2]


def _unless_repeated(order_item: tuple[Order, Article | Skipped], firsts: dict) -> Article | Skipped:
    order, item = order_item
    if isinstance(item, Article) and item.id in firsts:
        first_order, first_source = firsts[item.id]
        if order != first_order:
            return Skipped(item.source or item.id, duplicate_reason(item.id, first_source))
    return item
