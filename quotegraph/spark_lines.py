"""JSONL on a cluster file system (``hdfs://``, ``s3a://``), read by Hadoop's line reader with a
bound, every line numbered and every overlong line named.

Hadoop's ``TextInputFormat`` with ``mapreduce.input.linerecordreader.line.maxlength`` reads past
a longer line in flat memory and drops it without a word. Each line it keeps comes with the
byte offset where it starts (the old ``mapred`` API's reader; the newer one gives where its
reading began, a dropped line included), so a dropped line shows as a gap between one line's
end and the next one's start: a first pass finds the gaps (and counts the lines of each partition), the driver
works out where each partition's line numbers start, and a second pass numbers the lines as a
local run does, an overlong line as ``None``. Two overlong lines in a row leave one gap and
are named as one (the line numbers after them then count one short); an overlong last line of
a compressed file leaves no gap to see (its uncompressed length is unknown). A glob
(``hdfs:///corpus/*.jsonl``) is numbered across the files it matches, in Spark's order, as
``textFile`` would.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["numbered_lines", "MAX_LINE_SETTING"]

#: Hadoop's setting for the longest line its line reader keeps (an int: at most 2**31 - 1).
MAX_LINE_SETTING = "mapreduce.input.linerecordreader.line.maxlength"
_TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat"  # the old API: its keys are where each kept line starts
_INPUT_SETTING = "mapreduce.input.fileinputformat.inputdir"
_LONG, _TEXT = "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text"
#: A gap this big between two kept lines is a dropped one (a dropped line is over the bound,
#: a megabyte at least; line ends and byte-order marks are a few bytes).
_GAP = 1024
_COMPRESSED = (".gz", ".bz2", ".deflate", ".zst", ".lz4", ".snappy", ".xz")


def numbered_lines(sc, uri: str, bound: int):
    """An RDD of ``(line index from 0, line or None)`` for the JSONL file at ``uri``.

    Lines longer than ``bound`` bytes are never held (Hadoop reads past them); each is ``None``
    in the place it had.
    """
    # Hadoop keeps a line when its bytes with the line end are fewer than the setting: the
    # local reader keeps lines of up to ``bound`` bytes before the "\n"
    # hadoopRDD, not hadoopFile: pyspark's hadoopFile drops the conf when it is given a path;
    # the input folder setting is a comma-separated list, so a comma in the URI is escaped
    conf = {MAX_LINE_SETTING: str(min(bound + 2, 2**31 - 1)), _INPUT_SETTING: uri.replace(",", "\\,")}
    pairs = sc.hadoopRDD(_TEXT_INPUT, _LONG, _TEXT, conf=conf)
    spans = sorted(pairs.mapPartitionsWithIndex(_span).collect())
    plan = sc.broadcast(_plan(spans, _length(sc, uri)))
    return pairs.mapPartitionsWithIndex(lambda i, it: _number(it, *plan.value.get(i, (0, frozenset()))))


def _end(offset: int, line: str) -> int:
    return offset + len(line.encode("utf-8")) + 1


def _span(index: int, pairs: Iterator[tuple[int, str]]) -> Iterator[tuple[int, int, int | None, int | None, list[int]]]:
    """One partition's (index, lines kept, first offset, end of the last, places of the gaps inside)."""
    count, first, end, gaps = 0, None, None, []
    for offset, line in pairs:
        if first is None:
            first = offset
        elif offset - end > _GAP:
            gaps.append(count)
        end = _end(offset, line)
        count += 1
    yield index, count, first, end, gaps


def _plan(spans: list, length: int | None) -> dict[int, tuple[int, frozenset[int]]]:
    """Per partition with lines: (index of its first line, the places k of a dropped line before
    its k-th kept line; k = count for one after its last)."""
    plan: dict[int, tuple[int, frozenset[int]]] = {}
    line, previous_end, last = 0, 0, None
    for index, count, first, end, gaps in spans:
        if not count:
            continue
        places = set(gaps)
        if first - previous_end > _GAP:
            places.add(0)
        plan[index] = (line, places)
        line += count + len(places)
        previous_end, last = end, index
    if last is not None and length is not None and length - previous_end > _GAP:
        plan[last][1].add(next(count for index, count, *_ in spans if index == last))
    return {index: (start, frozenset(places)) for index, (start, places) in plan.items()}


def _number(pairs: Iterator[tuple[int, str]], start: int, gaps: frozenset[int]) -> Iterator[tuple[int, str | None]]:
    line, k = start, 0
    for k, (_, text) in enumerate(pairs):
        if k in gaps:
            yield line, None
            line += 1
        yield line, text
        line += 1
    else:
        if gaps and max(gaps) == k + 1:
            yield line, None


def _length(sc, uri: str) -> int | None:
    """The file's length in bytes, as Hadoop sees it; None for a compressed file (its offsets count
    uncompressed bytes) or when it cannot tell."""
    if uri.lower().endswith(_COMPRESSED):
        return None
    try:
        jvm = sc._jvm
        path = jvm.org.apache.hadoop.fs.Path(uri)
        return int(path.getFileSystem(sc._jsc.hadoopConfiguration()).getFileStatus(path).getLen())
    except Exception:  # noqa: BLE001 - py4j errors: then a trailing overlong line goes unnamed
        return None
