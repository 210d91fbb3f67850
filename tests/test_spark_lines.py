"""quotegraph.spark_lines without Spark: the lines Hadoop keeps (offset, text), cut into partitions
as it would, numbered back as a local run numbers them, each dropped line in its place."""

from __future__ import annotations

import pytest

from quotegraph.spark_lines import _number, _plan, _span

BOUND = 2000


def _hadoop(lines: list[str], cuts: list[int]) -> tuple[list[list[tuple[int, str]]], int]:
    """What Hadoop's reader gives per partition (lines over BOUND dropped), split at byte offsets ``cuts``."""
    kept, offset = [], 0
    for line in lines:
        if len(line.encode()) <= BOUND:
            kept.append((offset, line))
        offset += len(line.encode()) + 1
    edges = [0, *cuts, offset + 1]
    return [[(o, t) for o, t in kept if lo <= o < hi] for lo, hi in zip(edges, edges[1:])], offset


@pytest.mark.parametrize("cuts", [[], [3000], [10, 5000, 9000], [1, 2, 3, 4]])
@pytest.mark.parametrize("long_at", [[], [0], [2], [5], [2, 4], [0, 5]])
def test_every_line_gets_its_local_number_and_every_overlong_one_is_none(cuts, long_at):
    lines = [f'{{"id": "a{i}"}}' if i not in long_at else "x" * 3000 for i in range(6)]
    partitions, length = _hadoop(lines, cuts)
    spans = [next(_span(i, iter(part))) for i, part in enumerate(partitions)]
    plan = _plan(spans, length)
    got = [pair for i, part in enumerate(partitions) for pair in _number(iter(part), *plan.get(i, (0, frozenset())))]
    assert got == [(i, None if i in long_at else line) for i, line in enumerate(lines)]


def test_without_the_file_length_a_last_overlong_line_goes_unnamed():
    lines = ['{"id": "a0"}', "x" * 3000]
    partitions, _ = _hadoop(lines, [])
    spans = [next(_span(0, iter(partitions[0])))]
    assert list(_number(iter(partitions[0]), *_plan(spans, None)[0])) == [(0, lines[0])]
