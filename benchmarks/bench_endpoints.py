"""Load the same quote-shaped graph into the embedded store, the Oxigraph server and Virtuoso,
then run every shipped example query on each; print load and query times side by side.

The data is synthetic but made by the model's own functions (``article_quads``): articles with
quotes by a pool of speakers, relayed by a pool of outlets, one named graph per article.
Loads: the embedded store through ``add_results`` (pyoxigraph quads, what ``extract --store
DIR`` does) and the servers through their bulk loaders (``oxigraph load``, Virtuoso's
``ld_dir`` + ``rdf_loader_run``) from one N-Quads file, as docs/graph.md describes; plus the
HTTP write path (``add_results`` on ``sparql+http://``, chunked INSERT DATA) on a slice.

    python benchmarks/bench_endpoints.py                 # 1M triples, 50k over HTTP
    python benchmarks/bench_endpoints.py --triples 200000 --http-triples 20000

Not a test: it prints figures. Servers run on 127.0.0.1 and are stopped at the end.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from oxrdflib._converter import to_ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "graph"))

from servers import isql, start_oxigraph, start_virtuoso, virtuoso_binaries  # noqa: E402

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote  # noqa: E402
from quotegraph.graph.endpoint import SHARED_GRAPH  # noqa: E402
from quotegraph.graph.model import article_quads, vocabulary_triples  # noqa: E402
from quotegraph.graph.query import example_queries, run_example  # noqa: E402
from quotegraph.graph.serve import oxigraph_binary, start_server  # noqa: E402
from quotegraph.graph.store import add_results, close_graph, open_graph  # noqa: E402

PARAMS = {"quotes-by": {"speaker": "Speaker 7"}, "quotes-about": {"entity": "Speaker 3"},
          "reported-by": {"outlet": "Outlet 2"}}
KINDS = ("direct", "indirect", "mixed", "free_indirect", "reported")
VERBS = (("sagte", "sagen"), ("erklärte", "erklären"), ("betonte", "betonen"), ("said", "say"))


def synthetic_article(i: int, rng: random.Random, speakers: int = 2000, outlets: int = 60) -> ArticleResult:
    """One article of 8 quotes (about 160 triples), speakers and outlets drawn from pools."""
    parts, atts, entities = [], [], {}
    pos = 0
    for j in range(8):
        who = f"Speaker {rng.randrange(speakers)}"
        about = f"Speaker {rng.randrange(speakers)}"
        quote = f"Wir haben über {about} gesprochen, Punkt {i}.{j}"
        verb, lemma = VERBS[rng.randrange(len(VERBS))]
        relay = f"Outlet {rng.randrange(outlets)}" if rng.random() < 0.4 else None
        sentence = f"„{quote}“, {verb} {who}" + (f" laut {relay}" if relay else "") + ". "
        q = Quote(quote, pos + 1, pos + 1 + len(quote), KINDS[rng.randrange(len(KINDS))])
        cue_at = pos + sentence.index(verb, len(quote))
        spk_at = pos + sentence.index(who, len(quote))
        mediator = None
        if relay:
            rel_at = pos + sentence.index(relay, len(quote))
            mediator = Mention(relay, rel_at, rel_at + len(relay), relay, "media")
            entities[relay] = Entity(relay, "media", ())
        atts.append(Attribution(id=f"a{i}:{q.start}-{q.end}", article=f"a{i}", quote=q,
                                speaker=Mention(who, spk_at, spk_at + len(who), who, "person"),
                                cue=Cue(verb, cue_at, cue_at + len(verb), lemma), mediator=mediator))
        entities[who] = Entity(who, "person", (who.split()[-1],))
        entities.setdefault(about, Entity(about, "person", ()))
        parts.append(sentence)
        pos += len(sentence)
    article = Article(id=f"a{i}", text="".join(parts), language="de", title=f"Artikel {i}",
                      date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", agencies=(f"Outlet {i % outlets}",))
    return ArticleResult(article, tuple(atts), tuple(entities.values()))


def corpus(triples: int, seed: int = 7) -> list[ArticleResult]:
    """Articles until the graph holds about ``triples`` distinct triples."""
    rng = random.Random(seed)
    out, n, shared = [], 0, set()
    while n < triples:
        result = synthetic_article(len(out), rng)
        for s, p, o, g in article_quads(result):
            if g is not None:
                n += 1
            elif (s, p, o) not in shared:
                shared.add((s, p, o))
                n += 1
        out.append(result)
    return out


def write_nquads(results: list[ArticleResult], path: Path) -> int:
    """One N-Quads file; shared triples in the default graph (as quotegraph writes them)."""
    seen = set()

    def quads():
        for s, p, o in vocabulary_triples():
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o))
        for result in results:
            for s, p, o, g in article_quads(result):
                q = ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph() if g is None else ox.NamedNode(g))
                if g is None:
                    if q in seen:
                        continue
                    seen.add(q)
                yield q

    with open(path, "wb") as out:
        ox.serialize(quads(), out, ox.RdfFormat.N_QUADS)
    return sum(1 for _ in open(path, "rb"))


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


SKIP: set[str] = set()


def run_queries(graph, label: str) -> dict[str, tuple[float, int]]:
    out = {}
    for name in example_queries():
        if name in SKIP:
            out[name] = (float("nan"), 0)
            continue
        seconds, result = timed(lambda: run_example(graph, name, PARAMS.get(name)))
        out[name] = (seconds, len(result))
        print(f"  {label}: {name} {seconds:.2f} s, {len(result):,} rows", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--http-triples", type=int, default=50_000,
                        help="triples written through the HTTP update path (add_results on sparql+http://)")
    parser.add_argument("--skip", action="append", default=[], metavar="QUERY",
                        help="leave out an example query (repeatable)")
    args = parser.parse_args()
    SKIP.update(args.skip)
    work = Path(tempfile.mkdtemp(prefix="qg-bench-endpoints-"))
    results = corpus(args.triples)
    nq = work / "corpus.nq"
    n = write_nquads(results, nq)
    print(f"{len(results):,} articles, {n:,} quads ({nq.stat().st_size / 1e6:.0f} MB N-Quads)\n", flush=True)
    loads: dict[str, dict[str, float]] = {}
    queries: dict[str, dict] = {}
    counts: dict[str, int] = {}
    try:
        # embedded store (on disk), through add_results
        g = open_graph(str(work / "embedded"))
        loads["embedded"] = {"load": timed(lambda: add_results(g, results))[0]}
        print(f"  embedded: add_results {loads['embedded']['load']:.1f} s", flush=True)
        counts["embedded"] = len(g)
        queries["embedded"] = run_queries(g, "embedded")
        close_graph(g)
        print("embedded done", flush=True)

        # Oxigraph server: bulk load, then serve with --union-default-graph
        if shutil.which("oxigraph") or oxigraph_binary():
            location = work / "oxigraph"
            seconds, _ = timed(lambda: subprocess.run([oxigraph_binary(), "load", "--location", str(location),
                                                       "--file", str(nq)], check=True, capture_output=True))
            with start_server(location, port=0, allow_update=True, timeout=3600) as server:
                address = f"sparql+http://127.0.0.1:{server.port}?timeout=3600"
                g = open_graph(address)
                loads["oxigraph server"] = {"load": seconds}
                counts["oxigraph server"] = len(g)
                queries["oxigraph server"] = run_queries(g, "oxigraph server")
            http = start_oxigraph()
            try:
                g = open_graph(http.address)
                part = corpus(args.http_triples, seed=11)
                loads["oxigraph server"]["http"] = timed(lambda: add_results(g, part))[0]
            finally:
                http.stop()
            print("oxigraph server done", flush=True)

        if virtuoso_binaries():
            server = start_virtuoso(load_dir=work, buffers=170_000)
            try:
                def bulk():
                    isql(server, f"ld_dir('{work}', 'corpus.nq', '{SHARED_GRAPH}');")
                    isql(server, "rdf_loader_run();")
                    isql(server, "checkpoint;")

                seconds, _ = timed(bulk)
                g = open_graph(server.address + "?timeout=3600")
                loads["virtuoso"] = {"load": seconds}
                counts["virtuoso"] = len(g)
                queries["virtuoso"] = run_queries(g, "virtuoso")
                part = corpus(args.http_triples, seed=11)
                loads["virtuoso"]["http"] = timed(lambda: add_results(g, part))[0]
            finally:
                server.stop()
            print("virtuoso done", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    stores = list(loads)
    width = 22
    print("\n" + "".ljust(width) + "".join(s.rjust(18) for s in stores))
    print("triples".ljust(width) + "".join(f"{counts[s]:,}".rjust(18) for s in stores))
    print("load (s)".ljust(width) + "".join(f"{loads[s]['load']:.1f}".rjust(18) for s in stores))
    print(f"HTTP add {args.http_triples:,} (s)".ljust(width)
          + "".join((f"{loads[s]['http']:.1f}" if "http" in loads[s] else "-").rjust(18) for s in stores))
    for name in example_queries():
        cells = []
        for s in stores:
            seconds, rows = queries[s][name]
            cells.append(f"{seconds:.2f} ({rows:,})".rjust(18))
        print(f"{name} (s, rows)".ljust(width) + "".join(cells))


if __name__ == "__main__":
    main()
