"""Helpers shared by the benchmark scripts (not a benchmark itself).

The scripts run as ``python benchmarks/bench_*.py``, so this folder is on ``sys.path`` and
``import _bench`` works without installing anything.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The shared data root: ``../shared/data`` relative to the repository root (read, never copied).
DEFAULT_DATA = REPO.parent / "shared" / "data"


#: The bare pipeline as its own process: quotegraph's pipeline without qg_attribution, nlp.pipe
#: (arguments: language, a JSONL file of articles, batch size).
BARE_SCRIPT = """
import json, sys
from quotegraph.extract.pipeline import make_nlp
nlp = make_nlp(sys.argv[1])
nlp.remove_pipe("qg_attribution")
with open(sys.argv[2], encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for line in fh]
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]))))
"""


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_note() -> str:
    """The machine's load average and core count, to print beside any timing."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} (1 / 5 min) on {os.cpu_count()} cores"


def timed_runs(func: Callable[[], object], repeat: int) -> tuple[list[float], list[float], object]:
    """Run ``func`` ``repeat`` times: wall seconds, CPU seconds of this process, last result."""
    walls, cpus, value = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        value = func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus, value


def pipelines(lang: str, batch_size: int):
    """quotegraph's pipeline for ``lang`` twice: bare (without ``qg_attribution``: what spaCy alone
    costs) and inside an :class:`quotegraph.api.Extractor` (what ``api.extract`` runs).

    Returns (bare nlp, extractor, seconds to load the bare one, seconds to load the full one).
    """
    from quotegraph import api
    from quotegraph.extract.pipeline import make_nlp

    start = time.perf_counter()
    bare = make_nlp(lang)
    bare.remove_pipe("qg_attribution")
    load_bare = time.perf_counter() - start
    extractor = api.Extractor(lang=lang, batch_size=batch_size)
    start = time.perf_counter()
    extractor.pipeline(lang)
    return bare, extractor, load_bare, time.perf_counter() - start


def cli_command() -> list[str]:
    """The ``quotegraph`` console script of this interpreter's environment (or its entry point)."""
    script = Path(sys.executable).with_name("quotegraph")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from quotegraph.cli import main; sys.exit(main())"]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_table(header: list[str], rows: list[list[object]], *, left: int = 1) -> None:
    """A plain aligned table: the first ``left`` columns left-aligned (text), the others right-aligned."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(widths[i]) if i < left else c.rjust(widths[i]) for i, c in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
