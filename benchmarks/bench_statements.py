"""Benchmark: linking quotes to statements across outlets (``qg:Statement``), at 100,000 quotes.

Synthetic articles, each with two direct quotes drawn from a pool of statements (a speaker and
words; a fifth as many as quotes), written with varying quotation marks, case and punctuation,
so most statements are carried by several articles. Times the exact normalised-text index alone (on
the quote texts) and ``link_statements`` over a store (read the quotes, index, write), then
once more (nothing to write). Prints figures; it is not a test.

    python benchmarks/bench_statements.py                  # 100,000 quotes
    python benchmarks/bench_statements.py --quotes 10000   # quick
"""

from __future__ import annotations

import argparse
import random
import time

from _bench import load_note, rss_mb

from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.statements import link_statements, normalised, statement_iri
from quotegraph.graph.store import add_results, open_graph

MARKS = [("„", "“"), ("»", "«"), ('"', '"'), ("‚", "‘")]
WORDS = "wir werden das land verteidigen die grenze bleibt geschlossen niemand darf hier durch".split()


def article(i: int, rng: random.Random, said: list[tuple[str, str]]) -> ArticleResult:
    parts, atts = [], []
    for n in range(2):
        speaker, words = rng.choice(said)
        words = words.upper() if rng.random() < 0.05 else words.capitalize()
        left, right = rng.choice(MARKS)
        quote = f"{left}{words}{rng.choice(['', '!', '.'])}{right}"
        start = sum(len(p) for p in parts)
        sentence = f"{quote}, sagte {speaker}. "
        at = start + sentence.index(speaker, len(quote))
        atts.append(Attribution(f"a{i}-{n}", f"a{i}", Quote(quote, start, start + len(quote), "direct"),
                                speaker=Mention(speaker, at, at + len(speaker), entity=speaker)))
        parts.append(sentence)
    ents = tuple(Entity(name, "person") for name in dict.fromkeys(a.speaker.entity for a in atts))
    return ArticleResult(Article(f"a{i}", "".join(parts), date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"),
                         tuple(atts), ents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(11)
    speakers = [f"Person {i}" for i in range(2_000)]
    said = [(rng.choice(speakers), " ".join(rng.sample(WORDS, 6))) for _ in range(args.quotes // 5)]
    results = [article(i, rng, said) for i in range(args.quotes // 2)]
    texts = [(a.speaker.entity, a.quote.text) for r in results for a in r.attributions]
    wall = time.perf_counter()
    index = {statement_iri(s, normalised(t)) for s, t in texts}
    print(f"{len(texts):,} quotes; {load_note()}")
    print(f"index alone (normalise + hash) {time.perf_counter() - wall:6.2f} s: {len(index):,} statements")
    g = open_graph()
    wall = time.perf_counter()
    add_results(g, results)
    print(f"store {len(g):,} triples in {time.perf_counter() - wall:6.2f} s (not part of the linking)")
    for title in ("link statements", "link again"):
        wall, cpu = time.perf_counter(), time.process_time()
        done = link_statements(g)
        print(f"{title:16} {time.perf_counter() - wall:6.2f} s wall {time.process_time() - cpu:6.2f} s CPU  "
              f"{done.quotes:,} quotes -> {done.statements:,} statements, {done.shared:,} carried more than once, "
              f"{done.inserted:,} quads inserted, {done.deleted:,} deleted")
    print(f"peak memory {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
