"""How each pipeline component's time grows with the length of one article.

News pipelines meet the occasional huge "article": a live blog, a transcript, a whole report
pasted as one text. A component whose time grows with the square of the length turns such an
input into a hang. This script builds synthetic English articles of growing length (invented
paragraphs with direct quotes, reports and "according to" relays, cycled), runs the default
English pipeline over each, component by component, and prints the seconds each took and how
much they grew from one size to the next (×4 in length: ×4 is linear, ×16 quadratic).

Run::

    python benchmarks/bench_long_article.py                  # 250, 1000, 4000 paragraphs
    python benchmarks/bench_long_article.py --sizes 500,2000 --rules-only
"""

from __future__ import annotations

import argparse
import time

from _bench import load_note, rss_mb

from quotegraph.extract.pipeline import make_nlp

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


def component_seconds(nlp, text: str) -> tuple[dict[str, float], int]:
    """Seconds per pipeline component for one text, and the attributions found."""
    doc = nlp.make_doc(text)
    seconds = {}
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        doc = component(doc)
        seconds[name] = time.perf_counter() - start
    return seconds, len(doc._.qg_attributions)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="paragraph counts, comma-separated")
    parser.add_argument("--rules-only", action="store_true", help="without the learned speaker linker and filter")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    nlp = make_nlp("en", learned=not args.rules_only)
    nlp.max_length = max(nlp.max_length, len(article(max(sizes))) + 1)
    rows = []
    for n in sizes:
        text = article(n)
        seconds, found = component_seconds(nlp, text)
        rows.append((n, len(text), found, seconds))
        print(f"  {n:,} paragraphs ({len(text):,} characters): {sum(seconds.values()):.1f} s, "
              f"{found:,} attributions", flush=True)

    print(f"\nSeconds per component ({load_note()}); in brackets the growth from the size before")
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
    print(f"peak RSS of this process: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
