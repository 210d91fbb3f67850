"""How each pipeline component's time grows with the length of one article.

News pipelines meet the occasional huge "article": a live blog, a transcript, a whole report
pasted as one text. A component whose time grows with the square of the length turns such an
input into a hang. This script builds synthetic English articles of growing length (invented
paragraphs with direct quotes, reports and "according to" relays, cycled), runs the default
English pipeline over each, component by component, and prints the CPU seconds each took and how
much they grew from one size to the next (×4 in length: ×4 is linear, ×16 quadratic).

Two more parts (issue #27):

* PolNeAR: one English text made of the first 20 and of the first 80 PolNeAR dev articles
  (blank lines between them), component by component on the whole Doc, and through the
  extractor (``api.Extractor``, what ``quotegraph extract`` runs: a text over
  ``extract.blocks.BLOCK_CHARS`` is parsed in blocks);
* hostile: a 2,000,000-character article of dense repeated quotes (the longest quotegraph
  reads by default) through the extractor in a fresh process: wall and CPU seconds, the
  attributions, and the child's peak RSS.

Run::

    python benchmarks/bench_long_article.py                  # all three (~6 min on 2 idle cores)
    python benchmarks/bench_long_article.py --sizes 500,2000 --rules-only --polnear "" --hostile 0
    python benchmarks/bench_long_article.py --sizes "" --polnear 20,80 --hostile 0
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # CPU seconds of one thread, as the other benchmarks
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from _bench import DEFAULT_DATA, load_note, rss_mb  # noqa: E402

from quotegraph.extract.evaluation.polnear import read_polnear  # noqa: E402
from quotegraph.extract.pipeline import make_nlp  # noqa: E402
from quotegraph.extract.records import Article  # noqa: E402
from quotegraph.extractor import Extractor  # noqa: E402

PARAGRAPHS = (
    '"We will not close the harbour this winter," the port director said on Monday.',
    "The union said that the strike would go on until the operators made an offer.",
    "According to the city council, the talks failed because nobody agreed on the wages.",
    'A spokeswoman for the ministry told reporters the plan was "out of the question."',
    "Prices rose again in the third quarter, the statistics office reported.",
    "The mayor warned that the schools could stay shut for another week.",
)


def article(n_paragraphs: int) -> str:
    """An article of ``n_paragraphs`` paragraphs, blank lines between them."""
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n_paragraphs))


#: The hostile article: one quote with its frame, over and over, with no paragraph break.
HOSTILE_UNIT = '"We will not close the harbour this winter," the port director said. '

#: The hostile run in a fresh process: its own peak RSS (os.wait4), not this one's.
HOSTILE_SCRIPT = """
import sys, time
from quotegraph.extract.records import Article
from quotegraph.extractor import Extractor
chars, unit, learned = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
text = (unit * (chars // len(unit) + 1))[:chars]
extractor = Extractor(lang="en")
extractor.pipeline("en")
wall, cpu = time.perf_counter(), time.process_time()
(result,) = extractor.run([Article(id="hostile", text=text, language="en")])
print(time.perf_counter() - wall, time.process_time() - cpu, len(result.attributions))
"""


def hostile(chars: int, rules_only: bool) -> None:
    env = {**os.environ, "QUOTEGRAPH_LEARNED": "0" if rules_only else "1"}
    parent = rss_mb()  # Linux keeps the peak RSS over fork and exec: the child's reads at least this
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", HOSTILE_SCRIPT, str(chars), HOSTILE_UNIT, "0" if rules_only else "1"],
                            stdout=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the hostile run failed: {out}")
    wall, cpu, found = out.split()
    print(f"\nHostile article: {chars:,} characters of one repeated quote ({HOSTILE_UNIT.strip()!r}), through the "
          f"extractor in a fresh process; {load_note()}")
    print(f"  extraction {float(wall):.1f} s wall, {float(cpu):.1f} s CPU, {int(found):,} attributions; the whole "
          f"process {time.perf_counter() - start:.1f} s wall, peak RSS {usage.ru_maxrss / 1024:,.0f} MB (this process "
          f"had {parent:,.0f} MB when it started the child)")


def polnear_text(data: Path, n: int) -> str:
    path = data / "polnear-en" / "dev.jsonl.gz"
    if not path.is_file():
        raise SystemExit(f"no PolNeAR dev data at {path}; give --data")
    return "\n\n".join(g.text for g in read_polnear(path, limit=n))


def polnear(data: Path, counts: list[int], nlp) -> None:
    extractor = Extractor(lang="en")
    extractor._pipelines["en"] = nlp  # the same pipeline, loaded once
    rows = []
    for n in counts:
        text = polnear_text(data, n)
        seconds, found = component_seconds(nlp, text)
        cpu = time.process_time()
        (result,) = extractor.run([Article(id=f"polnear-{n}", text=text, language="en")])
        rows.append((n, len(text), seconds, time.process_time() - cpu, len(result.attributions), found))
        print(f"  {n} PolNeAR dev articles as one text ({len(text):,} characters): {sum(seconds.values()):.1f} CPU s by "
              f"component, {rows[-1][3]:.1f} s CPU through the extractor", flush=True)
    print(f"\nPolNeAR dev articles as one English text, CPU seconds per component on the whole Doc ({load_note()}); "
          f"in brackets the growth from the size before")
    names = list(rows[0][2])
    print(f"{'component':<22}" + "".join(f"{f'{n} articles':>18}" for n, *_ in rows))
    for name in names + ["total"]:
        cells = []
        for k, (_, _, seconds, *_) in enumerate(rows):
            value = sum(seconds.values()) if name == "total" else seconds[name]
            before = (sum(rows[k - 1][2].values()) if name == "total" else rows[k - 1][2][name]) if k else None
            cells.append(f"{value:.2f}" + (f" (×{value / before:.1f})" if before and before > 0.005 else ""))
        print(f"{name:<22}" + "".join(f"{c:>18}" for c in cells))
    cells = [f"{cpu:.2f}" + (f" (×{cpu / rows[k - 1][3]:.1f})" if k else "") for k, (_, _, _, cpu, *_) in enumerate(rows)]
    print(f"{'extractor (CPU s)':<22}" + "".join(f"{c:>18}" for c in cells))
    print(f"  characters: {' → '.join(f'{c:,}' for _, c, *_ in rows)}"
          + (f" (×{rows[-1][1] / rows[0][1]:.1f})" if len(rows) > 1 else "")
          + f"; attributions through the extractor / on the whole Doc: {', '.join(f'{a:,} / {b:,}' for *_, a, b in rows)}")


def component_seconds(nlp, text: str) -> tuple[dict[str, float], int]:
    """CPU seconds per pipeline component for one text, and the attributions found."""
    doc = nlp.make_doc(text)
    seconds = {}
    for name, component in nlp.pipeline:
        start = time.process_time()  # CPU: on a machine shared with other jobs, wall time scatters
        doc = component(doc)
        seconds[name] = time.process_time() - start
    return seconds, len(doc._.qg_attributions)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="paragraph counts, comma-separated")
    parser.add_argument("--rules-only", action="store_true", help="without the learned speaker linker and filter")
    parser.add_argument("--polnear", default="20,80", help="PolNeAR dev article counts joined into one text ('' skips)")
    parser.add_argument("--hostile", type=int, default=2_000_000, help="characters of the hostile article (0 skips)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data root (holding polnear-en/)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    counts = [int(s) for s in args.polnear.split(",") if s.strip()]

    if args.hostile:
        # first: a child's peak RSS (os.wait4) reads at least this process's at the start of the child
        hostile(args.hostile, args.rules_only)
    nlp = make_nlp("en", learned=not args.rules_only)
    if sizes:
        nlp.max_length = max(nlp.max_length, len(article(max(sizes))) + 1)
        synthetic(nlp, sizes)
    if counts:
        polnear(args.data, counts, nlp)
    print(f"peak RSS of this process: {rss_mb():.0f} MB")


def synthetic(nlp, sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        text = article(n)
        seconds, found = component_seconds(nlp, text)
        rows.append((n, len(text), found, seconds))
        print(f"  {n:,} paragraphs ({len(text):,} characters): {sum(seconds.values()):.1f} s, "
              f"{found:,} attributions", flush=True)

    print(f"\nCPU seconds per component ({load_note()}); in brackets the growth from the size before")
    names = list(rows[0][3])
    print(f"{'component':<22}" + "".join(f"{n:>18,}" for n, *_ in rows))
    for name in names + ["total"]:
        cells = []
        for k, (_, _, _, seconds) in enumerate(rows):
            value = sum(seconds.values()) if name == "total" else seconds[name]
            before = (sum(rows[k - 1][3].values()) if name == "total" else rows[k - 1][3][name]) if k else None
            growth = f" (×{value / before:.0f})" if before and before > 0.005 else ""
            cells.append(f"{value:.2f}{growth}")
        print(f"{name:<22}" + "".join(f"{c:>18}" for c in cells))


if __name__ == "__main__":
    main()
