"""Benchmark: cross-article entity resolution over a store, from scratch and after adding articles.

Synthetic articles (one quote each, its speaker a full name, a surname alone or a
transliteration of either, from a pool of people some of whom share a surname) go into an
in-memory Oxigraph store; then it times ``resolve_graph`` over everything, adding a tenth more
articles and resolving again (the incremental case: everything is read again, only the
difference written), and a third resolution that changes nothing. Prints figures; it is not a test.

    python benchmarks/bench_resolve.py                   # 20,000 articles
    python benchmarks/bench_resolve.py --articles 2000   # quick
"""

from __future__ import annotations

import argparse
import random
import time

from _bench import load_note, rss_mb

from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.store import add_results, open_graph

FIRST = ["Anna", "Henrik", "Erna", "Alexander", "Wolodymyr", "Maria", "Jonas", "Petra", "Sergej", "Olga"]
LAST = ["Solberg", "Lukaschenko", "Selenskyj", "Nawalny", "Medwedew", "Berger", "Weber", "Lawrow", "Keller", "Brandt"]
ENGLISH = {"Lukaschenko": "Lukashenko", "Selenskyj": "Zelensky", "Nawalny": "Navalny", "Medwedew": "Medvedev",
           "Lawrow": "Lavrov", "Sergej": "Sergey", "Wolodymyr": "Volodymyr"}


def people(n: int, rng: random.Random) -> list[tuple[str, str]]:
    return sorted({(rng.choice(FIRST) + str(i // len(FIRST)), rng.choice(LAST) + str(i % 97)) for i in range(n)})


def article(i: int, person: tuple[str, str], rng: random.Random) -> ArticleResult:
    first, last = person
    english = rng.random() < 0.3
    if english:
        first, last = ENGLISH.get(first.rstrip("0123456789"), first), last
        last = ENGLISH.get(last.rstrip("0123456789"), last.rstrip("0123456789")) + last[len(last.rstrip("0123456789")):]
    name = last if rng.random() < 0.4 else f"{first} {last}"
    text = f"„Ja“, sagte {name}."
    q = Quote("„Ja“", 0, 4, "direct")
    who = Mention(name, 12, 12 + len(name), entity=name)
    return ArticleResult(Article(f"a{i}", text, language="en" if english else "de"),
                         (Attribution(f"a{i}-1", f"a{i}", q, speaker=who),), (Entity(name, "person"),))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=3_000)
    args = parser.parse_args()
    rng = random.Random(7)
    pool = people(args.people, rng)
    results = [article(i, rng.choice(pool), rng) for i in range(args.articles + args.articles // 10)]
    first, more = results[: args.articles], results[args.articles:]
    g = open_graph()
    add_results(g, first)
    print(f"{len(first):,} articles, {len(pool):,} people, {len(g):,} triples; {load_note()}")
    for title, before in (("resolve everything", None), ("add 10 % and resolve", more), ("resolve again", ())):
        if before:
            add_results(g, before)
        wall, cpu = time.perf_counter(), time.process_time()
        done = resolve_graph(g)
        print(f"{title:22} {time.perf_counter() - wall:6.2f} s wall {time.process_time() - cpu:6.2f} s CPU  "
              f"{done.keys:,} names -> {done.entities:,} entities, {done.merged:,} merged, "
              f"{done.deleted:,} quads deleted, {done.inserted:,} inserted")
    print(f"peak memory {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
