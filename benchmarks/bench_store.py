"""Benchmark: the default store (rdflib over Oxigraph) against rdflib's Memory store.

Builds a synthetic graph in quotegraph's shape (synthetic ArticleResult records through
graph/model.py, about --triples triples), then times, for each store: adding the records,
exporting Turtle, parsing that Turtle back, and running two canned queries. Prints figures;
it is not a test.

    python benchmarks/bench_store.py                  # 1M triples (rdflib takes minutes)
    python benchmarks/bench_store.py --triples 100000 # quick
    python benchmarks/bench_store.py --skip-rdflib    # Oxigraph only
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import article_triples, bind_prefixes
from quotegraph.graph.query import example_query, run_query
from quotegraph.graph.store import add_results, load_file, open_graph

FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Eva", "Felix", "Greta", "Hans", "Irina", "Jonas", "Katja", "Lukas"]
LAST = ["Weber", "Klein", "Nowak", "Petrov", "Schmidt", "Yilmaz", "Fischer", "Ivanova", "Wagner", "Becker"]
OUTLETS = ["Nordpress", "Reuters", "dpa", "AFP", "Belta", "Interfax", "Abendblatt", "Tagesblatt", "AP", "TASS"]
CUES = [("sagte", "sagen"), ("erklärte", "erklären"), ("betonte", "betonen"), ("laut", "laut")]


def synthetic_results(n_articles: int, *, seed: int = 1) -> Iterator[ArticleResult]:
    """Articles of 3-8 quotes each, speakers from a pool of ~12k people, half relayed by an outlet."""
    rng = random.Random(seed)
    for i in range(n_articles):
        aid = f"bench{i}"
        parts, atts, ents = [], [], {}
        pos = 0
        for j in range(rng.randint(3, 8)):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.randint(1, 100)}"
            quote = f"Satz {j} von {name} über Thema {rng.randint(1, 5000)} und die Lage"
            cue_text, lemma = rng.choice(CUES)
            outlet = rng.choice(OUTLETS) if rng.random() < 0.5 else None
            seg = f"„{quote}“, {cue_text} {name}" + (f" laut {outlet}" if outlet else "") + ". "
            q_start = pos + 1
            c_start = pos + len(quote) + 4
            s_start = c_start + len(cue_text) + 1
            att = Attribution(
                id=f"{aid}:{q_start}-{q_start + len(quote)}", article=aid,
                quote=Quote(quote, q_start, q_start + len(quote), rng.choice(["direct", "indirect"])),
                speaker=Mention(name, s_start, s_start + len(name), name, "person"),
                cue=Cue(cue_text, c_start, c_start + len(cue_text), lemma),
                mediator=(Mention(outlet, s_start + len(name) + 6, s_start + len(name) + 6 + len(outlet), outlet, "media")
                          if outlet else None),
            )
            parts.append(seg)
            atts.append(att)
            ents[name] = Entity(name, "person", (name.split()[1],))
            if outlet:
                ents[outlet] = Entity(outlet, "media", ())
            pos += len(seg)
        text = "".join(parts)
        article = Article(id=aid, text=text, title=f"Artikel {i}", date="2024-05-01", agencies=(rng.choice(OUTLETS),))
        yield ArticleResult(article, tuple(atts), tuple(ents.values()))


def articles_for(triples: int) -> int:
    sample = list(synthetic_results(200, seed=99))
    per_article = sum(len(list(article_triples(r))) for r in sample) / len(sample)
    return max(1, int(triples / per_article))


def timed(label: str, func, rows: dict, store: str):
    start = time.perf_counter()
    value = func()
    rows.setdefault(label, {})[store] = time.perf_counter() - start
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate graph size (default 1M)")
    parser.add_argument("--skip-rdflib", action="store_true", help="time the Oxigraph store only")
    parser.add_argument("--rdflib-export", action="store_true",
                        help="time rdflib's own Turtle serializer even above 150k triples (it is quadratic "
                             "on quotegraph's IRIs: it mints a prefix per article, ~80 s at 100k triples)")
    parser.add_argument("--store", type=Path, help="also time an on-disk Oxigraph store in this (new) folder")
    args = parser.parse_args(argv)

    if args.triples < 1:
        parser.error("--triples must be positive")
    n_articles = articles_for(args.triples)
    rows: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    stores: list[tuple[str, callable]] = [("oxigraph (memory)", open_graph)]
    if args.store:
        stores.append(("oxigraph (disk)", lambda: open_graph(args.store)))
    if not args.skip_rdflib:
        stores.append(("rdflib Memory", lambda: bind_prefixes(Graph())))
    print(f"{n_articles:,} synthetic articles, aiming at {args.triples:,} triples", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        for name, make in stores:
            print(f"... {name}", file=sys.stderr)
            graph = make()
            timed("add records (addN batches)", lambda: add_results(graph, synthetic_results(n_articles)), rows, name)
            sizes[name] = len(graph)
            for q in ("who-said-what", "speakers-by-count", "relay-chains"):
                text = example_query(q).text
                n = timed(f"query {q}", lambda: len(run_query(graph, text)), rows, name)
                sizes[f"{name} {q}"] = n
            ttl = os.path.join(tmp, f"{name.split()[0]}.ttl")
            if name.startswith("rdflib"):
                # rdflib's own serializer and parser: what a plain rdflib user gets
                if sizes[name] <= 150_000 or args.rdflib_export:
                    timed("export Turtle", lambda: graph.serialize(ttl, format="turtle"), rows, name)
                else:
                    print("    rdflib's Turtle export skipped (quadratic here; --rdflib-export to wait for it); "
                          "its parse is timed on Oxigraph's Turtle", file=sys.stderr)
                    save_graph(graph, ttl, "turtle")
                timed("parse Turtle", lambda: Graph().parse(ttl, format="turtle"), rows, name)
            else:
                timed("export Turtle", lambda: save_graph(graph, ttl, "turtle"), rows, name)
                timed("parse Turtle", lambda: load_file(ttl), rows, name)
            sizes[f"{name} MB"] = os.path.getsize(ttl) / 1e6
            del graph

    names = [n for n, _ in stores]
    print(f"\nGraph: {sizes[names[0]]:,} triples made (aimed at {args.triples:,}: {n_articles:,} articles; the "
          f"entity descriptions they share are stored once, so fewer), Turtle {sizes[names[0] + ' MB']:.1f} MB "
          f"(who-said-what: {sizes[names[0] + ' who-said-what']:,} rows)")
    width = max(len(k) for k in rows) + 2
    print("".ljust(width) + "".join(n.rjust(20) for n in names) + ("  speed-up" if len(names) > 1 else ""))
    for label, by_store in rows.items():
        cells = "".join(f"{by_store[n]:>19.2f}s" if n in by_store else "skipped".rjust(20) for n in names)
        ratio = ""
        if "rdflib Memory" in by_store and names[0] in by_store and by_store[names[0]] > 0:
            ratio = f"  x{by_store['rdflib Memory'] / by_store[names[0]]:.1f}"
        print(label.ljust(width) + cells + ratio)
    for n in names[1:]:
        if sizes[n] != sizes[names[0]]:
            print(f"WARNING: {n} holds {sizes[n]:,} triples, {names[0]} {sizes[names[0]]:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
