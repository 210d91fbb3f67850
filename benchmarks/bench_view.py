"""How long the network page takes to build, and how big it is, as graphs grow.

Synthetic extraction records (a few prolific speakers and many occasional ones, a handful of
outlets, entities mentioned in quotes) sized to about 200, 2,000, 5,000 and 20,000 graph nodes
(speakers + outlets + entities + quotes) go through the real path: records → RDF graph
(in-memory Oxigraph, as ``quotegraph view`` reads a file; ``--rdflib`` for rdflib's own store)
→ :func:`~quotegraph.graph.network.to_networkx` → :func:`~quotegraph.graph.view.write_view`.

``--wikinews`` measures the corpus page on real extraction output instead: the 150 German
Wikinews dev articles (extracted once) and 16 copies of them under distinct ids (2,400 articles,
as the browser tests build them), and prints for each the time to build the page and the time
until Chromium has drawn it (``window.qgReady``).

Run::

    python benchmarks/bench_view.py                 # all sizes
    python benchmarks/bench_view.py 200 5000        # some sizes
    python benchmarks/bench_view.py --browser 5000  # also time until the page has drawn
                                                    # (needs playwright and /usr/bin/chromium)
    python benchmarks/bench_view.py --wikinews      # 150 and 2,400 Wikinews articles, time to drawn
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.network import to_networkx
from quotegraph.graph.view import DEFAULT_MAX_NODES, write_view

SIZES = (200, 2_000, 5_000, 20_000)
WORDS = ("troops border talks army budget election reform minister river harbour energy prices "
         "schools police court strike union vaccine weather railway").split()


def synthetic_results(n_nodes: int, *, seed: int = 1) -> list[ArticleResult]:
    """Articles whose graph has about ``n_nodes`` speakers, outlets, entities and quotes."""
    rng = random.Random(seed)
    n_quotes = int(n_nodes * 0.6)
    speakers = [f"Speaker {i}" for i in range(max(2, int(n_nodes * 0.25)))]
    outlets = [f"Outlet {i}" for i in range(max(1, int(n_nodes * 0.03)))]
    mentioned = [f"Entity {i}" for i in range(max(1, int(n_nodes * 0.12)))]
    results = []
    q = 0
    a = 0
    while q < n_quotes:
        parts, atts, ents = [], [], {}
        for _ in range(min(5, n_quotes - q)):
            speaker = speakers[min(int(rng.paretovariate(1.2)) - 1, len(speakers) - 1) if rng.random() < 0.5
                               else rng.randrange(len(speakers))]
            entity = rng.choice(mentioned)
            words = " ".join(rng.choice(WORDS) for _ in range(8))
            quote = f"{words} {entity}"
            offset = sum(len(p) for p in parts)
            outlet = rng.choice(outlets) if rng.random() < 0.4 else None
            sentence = f'"{quote}," {speaker} said' + (f", according to {outlet}. " if outlet else ". ")
            parts.append(sentence)
            s0 = offset + len(quote) + 4
            atts.append(Attribution(
                id=f"a{a}:{offset + 1}-{offset + 1 + len(quote)}", article=f"a{a}",
                quote=Quote(quote, offset + 1, offset + 1 + len(quote), "direct"),
                speaker=Mention(speaker, s0, s0 + len(speaker), speaker, "person"),
                cue=Cue("said", s0 + len(speaker) + 1, s0 + len(speaker) + 5, "say"),
                mediator=(Mention(outlet, sentence.rindex(outlet) + offset, sentence.rindex(outlet) + offset + len(outlet),
                                  outlet, "media") if outlet else None),
            ))
            ents[speaker] = Entity(speaker, "person")
            ents[entity] = Entity(entity, "organization")
            if outlet:
                ents[outlet] = Entity(outlet, "media")
            q += 1
        text = "".join(parts)
        results.append(ArticleResult(
            Article(id=f"a{a}", text=text, language="en", title=f"Article {a}: {rng.choice(WORDS)}",
                    url=f"https://news.example/{a}"),
            tuple(atts), tuple(ents.values())))
        a += 1
    return results


def _browser_seconds(path: Path) -> float | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"]
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=args,
                                                   headless=True, viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("() => window.qgReady === true", timeout=600_000)
        seconds = time.perf_counter() - t
        ctx.close()
    return seconds


def wikinews(out_dir: Path, times: tuple[int, ...] = (1, 16)) -> None:
    """Time-to-drawn of the corpus page for the Wikinews dev split and its copies."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
    from wikinews_corpus import dev_path, dev_results, repeated  # the helper the browser tests use

    from quotegraph import api

    if not dev_path().is_file():
        raise SystemExit(f"no Wikinews dev data at {dev_path()} (set QUOTEGRAPH_DATA)")
    from _bench import load_note

    print(load_note(), flush=True)
    t = time.perf_counter()
    results = dev_results()
    print(f"extracted {len(results)} Wikinews dev articles in {time.perf_counter() - t:.1f} s", flush=True)
    print(f"{'articles':>8} {'quotes':>7} {'graph s':>7} {'page s':>6} {'drawn':>6} {'edges':>6} {'unlinked':>8} "
          f"{'MB':>5} {'to drawn s':>10}")
    for k in times:
        corpus = repeated(results, k)
        t0 = time.perf_counter()
        graph = api.build_graph(corpus)
        t1 = time.perf_counter()
        path = out_dir / f"wikinews-{len(corpus)}.html"
        summary = write_view(graph, path, title=f"Wikinews dev, {len(corpus):,} articles")
        t2 = time.perf_counter()
        drawn = _browser_seconds(path)
        n_quotes = sum(len(r.attributions) for r in corpus)
        print(f"{len(corpus):>8,} {n_quotes:>7,} {t1 - t0:>7.2f} {t2 - t1:>6.2f} {summary.nodes:>6,} {summary.edges:>6,} "
              f"{summary.isolated:>8,} {summary.size / 1e6:>5.2f} {'' if drawn is None else f'{drawn:.2f}':>10}",
              flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES)
    parser.add_argument("--browser", action="store_true", help="also time the page in headless chromium")
    parser.add_argument("--rdflib", action="store_true", help="rdflib's in-memory store instead of Oxigraph")
    parser.add_argument("--keep", type=Path, help="write the pages into this folder")
    parser.add_argument("--wikinews", action="store_true",
                        help="the Wikinews dev split (150 articles) and 16 copies (2,400): time until drawn")
    args = parser.parse_args(argv)
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="qg-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.wikinews:
        wikinews(out_dir)
        return
    print(f"{'nodes':>7} {'triples':>8} {'rdf s':>6} {'to_nx s':>7} {'page s':>6} {'drawn':>6} {'edges':>6} "
          f"{'MB':>5} {'browser s':>9}  aggregated")
    for size in args.sizes:
        results = synthetic_results(size)
        t0 = time.perf_counter()
        graph = records_to_graph(results, Graph() if args.rdflib else Graph(store="Oxigraph"))
        t1 = time.perf_counter()
        G = to_networkx(graph)
        t2 = time.perf_counter()
        path = out_dir / f"view-{size}.html"
        summary = write_view(G, path, max_nodes=args.max_nodes, title=f"Synthetic {size:,}")
        t3 = time.perf_counter()
        browser = _browser_seconds(path) if args.browser else None
        print(f"{summary.total_nodes:>7,} {len(graph):>8,} {t1 - t0:>6.2f} {t2 - t1:>7.2f} {t3 - t2:>6.2f} "
              f"{summary.nodes:>6,} {summary.edges:>6,} {summary.size / 1e6:>5.2f} "
              f"{'' if browser is None else f'{browser:.1f}':>9}  {'yes' if summary.aggregated else 'no'}",
              flush=True)
    if args.keep:
        print(f"pages in {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
