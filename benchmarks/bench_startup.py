"""Benchmark: how long ``quotegraph`` takes to answer (issue #27, start-up under half a second).

Two commands, each run as a fresh process ``--runs`` times, interleaved (a burst of load on the
machine hits both alike), after one unmeasured run each (a warm file cache):

* ``quotegraph --help``;
* ``quotegraph query graph.ttl --example who-said-what`` on the demo graph (``quotegraph demo``,
  run once in a temporary folder first);
* with ``--extract``, also ``quotegraph extract one.jsonl --lang de --out graph.ttl -q`` on a
  one-sentence article, and the bare spaCy pipeline on the same article as its own process
  (the script of ``bench_extract.py --parts processes``): what a run of ``extract`` costs at
  start beyond the pipeline it loads (imports, the run's graph, the file), which the split of
  ``bench_extract.py`` leaves out.

Prints the median wall and CPU seconds (user + system, from ``os.wait4``) of each, their range,
and whether the median wall time is under the target (for ``--help`` and the query). It is not
a test; the tests check what is imported (``tests/test_imports.py``), not how long it takes.

    python benchmarks/bench_startup.py              # 10 runs each, ~20 s
    python benchmarks/bench_startup.py --runs 30
    python benchmarks/bench_startup.py --extract    # also extract's start-up (~1 min)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bench import BARE_SCRIPT, cli_command, load_note, median, print_table

#: What issue #27 holds the figures against: wall seconds until the command has answered.
TARGET_S = 0.5
#: The article ``--extract`` runs on: one sentence, so the figure is the start-up.
ONE_ARTICLE = '{"id": "one", "text": "„Wir bleiben hier“, sagte Eva Kern am Montag.", "language": "de"}\n'
BARE = "bare spaCy pipeline, one article (nlp.pipe)"
EXTRACT = "quotegraph extract one.jsonl --lang de --out graph.ttl -q"


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd`` (its output thrown away); fails if it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="runs of each command (default 10)")
    parser.add_argument("--extract", action="store_true",
                        help="also extract on one article, against the bare pipeline on it")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be positive")

    cli = cli_command()
    with tempfile.TemporaryDirectory(prefix="qg-bench-startup-") as tmp:
        tmp = Path(tmp)
        subprocess.run([*cli, "demo", "-q"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        commands = {
            "quotegraph --help": [*cli, "--help"],
            "quotegraph query quotegraph-demo/graph.ttl --example who-said-what":
                [*cli, "query", "quotegraph-demo/graph.ttl", "--example", "who-said-what"],
        }
        if args.extract:
            (tmp / "one.jsonl").write_text(ONE_ARTICLE, encoding="utf-8")
            commands[BARE] = [sys.executable, "-c", BARE_SCRIPT, "de", "one.jsonl", "16"]
            commands[EXTRACT] = [*cli, "extract", "one.jsonl", "--lang", "de", "--out", "graph.ttl", "-q"]
        before = load_note()
        for cmd in commands.values():  # warm the file cache
            run_once(cmd, tmp)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                runs[name].append(run_once(cmd, tmp))
    print(f"Start-up, {args.runs} fresh processes per command, interleaved; Python {sys.version.split()[0]}; "
          f"before: {before}; after: {load_note()}")
    rows = []
    for name, values in runs.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        target = "" if name in (BARE, EXTRACT) else "met" if median(walls) < TARGET_S else "NOT met"
        rows.append([name, f"{median(walls):.3f}", f"{min(walls):.3f}-{max(walls):.3f}", f"{median(cpus):.3f}", target])
    print_table(["command", "median wall s", "wall range", "median CPU s", f"wall < {TARGET_S} s"], rows)
    if args.extract:
        cpu = {name: [c for _, c in runs[name]] for name in (BARE, EXTRACT)}
        pairs = sorted(e - b for e, b in zip(cpu[EXTRACT], cpu[BARE]))
        print(f"  extract's start-up beyond the bare pipeline: {median(cpu[EXTRACT]) - median(cpu[BARE]):+.3f} CPU s "
              f"(medians; per run pair {pairs[0]:+.3f} to {pairs[-1]:+.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
