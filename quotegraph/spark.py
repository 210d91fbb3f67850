"""The same extraction on Apache Spark, for corpora that outgrow one machine.

Partitions of articles go through the same :class:`~quotegraph.api.Extractor` as a local run
(one per Python worker, its pipelines loaded once and kept for the next partition), and the
results are written as parts under an output folder::

    OUT/graph/part-*.nq        N-Quads, ready for a store's bulk loader (``oxigraph load``, Virtuoso ``ld_dir``);
                               each entity's one rdf:type is chosen over the whole corpus
    OUT/quotes/part-*.jsonl    quotes.jsonl lines (one JSON object per attribution)
    OUT/skipped/part-*.jsonl   one JSON object per input that could not be read or extracted

(On a cluster file system the parts keep Spark's plain ``part-NNNNN`` names.)

Inputs (:mod:`quotegraph.spark_inputs`): files and folders on a file system the workers
share with the driver, JSONL included, are read by the workers with the local engine's
reader (a line over the article limit skipped and named, in flat memory); JSONL on any
``scheme://`` path Spark reads (HDFS, S3) by Hadoop's line reader, bounded the same way. As in
a local run, an article whose id came earlier in the inputs is skipped and named, the first
kept.

Run it with ``quotegraph extract --engine spark INPUT --out OUT`` (local mode unless a Spark
master is configured), or submit this module to a cluster with ``spark-submit`` (see the
README, "Big corpora").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from quotegraph.errors import InputError, QuotegraphError
from quotegraph.extract.records import Article, ArticleResult, article_from_dict, article_meta, result_from_dict, result_to_dict
from quotegraph.extractor import Extractor
from quotegraph.graph.entity_types import best_type, is_entity
from quotegraph.graph.model import plain_triples
from quotegraph.graph.namespaces import RDF
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.statements import link_statements
from quotegraph.graph.store import (add_results, backend_of, close_graph, is_oxigraph, open_graph, oxigraph_store,
                                    remove_articles)
from quotegraph.graph.terms import nquads_line
from quotegraph.inputs import Skipped, without_skipped
from quotegraph.spark_inputs import InputPlan, is_uri, plan_inputs, read_articles
from quotegraph.summary import Summary
from quotegraph.warc import Tally

__all__ = ["extract_with_spark", "spark_session", "PART_FOLDERS"]

PART_FOLDERS = ("graph", "quotes", "skipped")

#: log4j2 settings for the JVM of a local session: errors only, on stderr
LOG_CONFIG = Path(__file__).with_name("spark-log4j2.properties")

# the Extractors of this Python worker, kept between partitions (Spark reuses its workers)
_extractors: dict[tuple, object] = {}


def spark_session(master: str | None = None, *, app_name: str = "quotegraph", conf: dict | None = None):
    """A SparkSession; local ones bind to 127.0.0.1 and run without the web UI.

    ``master`` None keeps what ``spark-submit`` or ``SPARK_MASTER`` configured, else ``local[*]``.
    """
    # pyspark's notice that it does not yet support pandas 3 (quotegraph uses no pandas on Spark)
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    try:  # pyspark is optional (the [spark] extra)
        from pyspark.sql import SparkSession
    except ImportError:
        raise QuotegraphError("the Spark engine needs pyspark: pip install 'quotegraph[spark]'") from None
    builder = SparkSession.builder.appName(app_name)
    # under spark-submit (which starts Python with a gateway to its JVM) its --master rules
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    master = master or os.environ.get("SPARK_MASTER") or (None if submitted else "local[*]")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        # local workers run this very Python (a venv's), not whatever "python3" is on PATH
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        # bound to loopback anyway: no warning that the host name resolves to it
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.ui.enabled", "false"))
        if not submitted:
            # the JVM the SparkSession starts logs from its first line at QUOTEGRAPH_SPARK_LOG_LEVEL
            # (ERROR by default), not at Spark's WARN until setLogLevel below
            builder = builder.config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}")
    builder = builder.config("spark.ui.showConsoleProgress", "false")  # quotegraph reports itself
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel(os.environ.get("QUOTEGRAPH_SPARK_LOG_LEVEL", "ERROR"))
    return session


def _extract_partition(items: Iterator[Article | Skipped], lang: str, model: str | None,
                       batch_size: int, min_confidence: float = 0.0) -> Iterator[str]:
    """One partition's results as JSON strings: {"result": …} or {"skipped": …, "reason": …}."""
    key = (lang, model, batch_size, min_confidence)
    if key not in _extractors:
        _extractors[key] = Extractor(lang=lang, model=model, batch_size=batch_size, min_confidence=min_confidence)
    extractor = _extractors[key]
    out: list[str] = []

    def skip(item: Skipped) -> None:
        tally = {"tally": True} if isinstance(item, Tally) else {}  # a web archive's counts: no error
        out.append(json.dumps({"skipped": item.source, "reason": item.reason} | tally, ensure_ascii=False))

    for result in extractor.run(without_skipped(items, skip), on_skip=skip):
        out.append(json.dumps({"result": result_to_dict(result)}, ensure_ascii=False))
        yield from out
        out.clear()
    yield from out


def _results(lines: Iterable[str]) -> Iterator[ArticleResult]:
    for line in lines:
        data = json.loads(line)
        if "result" in data:
            yield result_from_dict(data["result"])


_RDF_TYPE_IRI = str(RDF.type)
_RDF_TYPE = ox.NamedNode(_RDF_TYPE_IRI)


def _nquads(lines: Iterator[str]) -> Iterator[str]:
    """A partition's results as N-Quads lines, made by the same code as a local run's graph.

    The entities' ``rdf:type`` triples are left out: :func:`_entity_types` chooses each
    entity's one type over every partition.
    """
    graph = open_graph()
    add_results(graph, _results(lines))
    store = oxigraph_store(graph)
    for quad in list(store.quads_for_pattern(None, _RDF_TYPE, None, ox.DefaultGraph())):
        if is_entity(quad.subject.value):
            store.remove(quad)
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    yield from data.decode("utf-8").splitlines()


def _entity_types(line: str) -> Iterator[tuple[str, str]]:
    """(entity IRI, class IRI) for each entity a result line's article types."""
    for result in _results([line]):
        for s, p, o in plain_triples(result):
            if p == _RDF_TYPE_IRI and is_entity(s):
                yield s, o


def _better_type(a: str, b: str) -> str:
    return best_type([a, b])


def _type_line(pair: tuple[str, str]) -> str:
    return nquads_line(pair[0], _RDF_TYPE_IRI, pair[1]).rstrip("\n")


def _quote_lines(line: str) -> Iterator[str]:
    data = json.loads(line)
    if "result" not in data:
        return
    meta = article_meta(article_from_dict(data["result"]["article"]))
    for att in data["result"]["attributions"]:
        yield json.dumps(att | {"article_meta": meta}, ensure_ascii=False)


def extract_with_spark(inputs: Iterable[str | Path], out: str | Path, *, lang: str = "auto",
                       model: str | None = None, batch_size: int = 16, master: str | None = None,
                       partitions: int | None = None, store: str | Path | None = None, spark=None,
                       min_confidence: float = 0.0, resolve: bool = True, entities=()):
    """Extract a corpus on Spark and write graph, quotes and skipped parts under ``out``.

    Parameters
    ----------
    inputs : paths
        JSONL corpora (local or any ``scheme://`` path Spark reads), text/HTML files, folders.
    out : path
        The output folder (local, or ``scheme://`` on a cluster); it must not exist yet.
    master : str, optional
        A Spark master URL; by default what ``spark-submit`` configured, else ``local[*]``.
    partitions : int, optional
        How many partitions to cut the corpus into (default: Spark's default parallelism × 4).
    store : path or str, optional
        A store to put the graph into afterwards, each article replacing what the store held of
        it (as :func:`~quotegraph.graph.store.add_results` does): a local Oxigraph store
        directory takes the graph parts through its bulk loader, after the named graphs of the
        articles extracted are dropped; a ``sparql+http://`` endpoint takes the results through
        its update requests. Opened (and checked writable) before the job starts.
    spark : SparkSession, optional
        A SparkSession to use (it is left running) instead of starting one (stopped at the end).
    min_confidence : float
        Keep only attributions whose confidence reaches this (0 to 1; needs the learned parts).
    resolve : bool
        With a store, resolve its entities across articles and link its statements at the end,
        as the local engine does (the parts stay per article, as extracted).
    entities : sequence of Entry
        An entities file's entries for that resolution (:mod:`quotegraph.graph.authority`).

    Returns
    -------
    Summary
        Counts over the whole corpus, and the skipped inputs.
    """
    plan = plan_inputs(inputs)
    out = str(out)
    if not is_uri(out):
        if Path(out).exists() and any(Path(out).iterdir()):
            raise InputError("output folder exists and is not empty (Spark writes new parts only)", out)
        out = str(Path(out).resolve())
    # the store is opened (and written its vocabulary) before the job: a store in use, a server
    # that does not answer or refuses updates fail now, not after the whole corpus
    graph = open_graph(store) if store is not None else None
    try:
        if graph is not None:
            add_results(graph, ())
        summary = _run(spark, plan, out, graph, lang=lang, model=model, batch_size=batch_size,
                       master=master, partitions=partitions, min_confidence=min_confidence)
        if graph is not None and resolve:
            summary.entities = resolve_graph(graph, entities)
            summary.statements = link_statements(graph)
    finally:
        if graph is not None:
            close_graph(graph)
    return summary


def _run(spark, plan: InputPlan, out, graph, *, lang, model, batch_size, master, partitions, min_confidence):
    from pyspark import StorageLevel  # pyspark is optional (the [spark] extra)

    # a local store directory takes the N-Quads parts through Oxigraph's bulk loader; an endpoint
    # (or a store beside parts on a cluster file system) takes the results through add_results
    bulk = graph is not None and is_oxigraph(graph) and not is_uri(out)
    own_session = spark is None
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    try:
        n = partitions or max(2, sc.defaultParallelism * 4)
        # read with the local engine's bound on a line, a repeated article id skipped (spark_inputs)
        articles = read_articles(sc, plan, lang=lang, partitions=n)
        if articles.getNumPartitions() < n:
            articles = articles.repartition(n)
        results = articles.mapPartitions(lambda it: _extract_partition(it, lang, model, batch_size, min_confidence))
        results.persist(StorageLevel.MEMORY_AND_DISK)  # written three times, extracted once

        # one rdf:type per entity over the whole corpus (the rule of graph/entity_types.py)
        types = results.flatMap(_entity_types).reduceByKey(_better_type).map(_type_line)
        results.mapPartitions(_nquads).union(types).saveAsTextFile(f"{out}/graph")
        results.flatMap(_quote_lines).saveAsTextFile(f"{out}/quotes")
        results.filter(lambda line: line.startswith('{"skipped"')).saveAsTextFile(f"{out}/skipped")

        summary = _summary(results)
        if graph is not None and not bulk:
            add_results(graph, _results(results.toLocalIterator()))
        elif bulk and next(iter(oxigraph_store(graph).named_graphs()), None) is not None:
            # re-extracted articles replace what the store held of them, as add_results does:
            # their named graphs are dropped before the parts are loaded
            _remove_in_chunks(graph, results.flatMap(_article_id).toLocalIterator())
    finally:
        if own_session:
            spark.stop()
    if not is_uri(out):
        _name_parts(Path(out))
    if bulk:
        bulk_load_parts(f"{out}/graph", graph)
        backend_of(graph).keep_one_type()  # a stored entity the new articles type differently
    return summary


def _article_id(line: str) -> Iterator[str]:
    data = json.loads(line)
    if "result" in data:
        yield data["result"]["article"]["id"]


def _remove_in_chunks(graph, article_ids: Iterable[str], size: int = 10_000) -> None:
    chunk: list[str] = []
    for article_id in article_ids:
        chunk.append(article_id)
        if len(chunk) >= size:
            remove_articles(graph, chunk)
            chunk = []
    remove_articles(graph, chunk)


def _counts(line: str) -> dict:
    """One result line's contribution to the summary counts."""
    data = json.loads(line)
    if "skipped" in data:
        return {} if data.get("tally") else {"skipped": 1}
    counts = {"articles": 1}
    for att in data["result"]["attributions"]:
        counts["quotes"] = counts.get("quotes", 0) + 1
        counts["kind:" + att["kind"]] = counts.get("kind:" + att["kind"], 0) + 1
    return counts


def _add_counts(a: dict, b: dict) -> dict:
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


def _names(line: str, role: str) -> Iterator[str]:
    for att in json.loads(line).get("result", {}).get("attributions", ()):
        if att.get(role) and att[role].get("entity"):
            yield att[role]["entity"]


def _summary(results):
    """The run's Summary, computed on the cluster: only counts, names and skipped inputs come back."""
    counts = results.map(_counts).fold({}, _add_counts)
    summary = Summary(articles=counts.get("articles", 0), quotes=counts.get("quotes", 0))
    summary.by_kind = {k[5:]: v for k, v in counts.items() if k.startswith("kind:")}
    summary.speakers = set(results.flatMap(lambda line: _names(line, "speaker")).distinct().collect())
    summary.mediators = set(results.flatMap(lambda line: _names(line, "mediator")).distinct().collect())
    for line in results.filter(lambda line: line.startswith('{"skipped"')).collect():
        data = json.loads(line)
        if data.get("tally"):
            summary.tallies.append(Tally(data["skipped"], data["reason"]))
        else:
            summary.skipped.append(Skipped(data["skipped"], data["reason"]))
    return summary


def _name_parts(out: Path) -> None:
    """Give local parts the suffix bulk loaders go by: graph/part-00000.nq, quotes/part-00000.jsonl."""
    for folder, suffix in (("graph", ".nq"), ("quotes", ".jsonl"), ("skipped", ".jsonl")):
        for part in (out / folder).glob("part-*"):
            if not part.suffix:
                part.rename(part.with_name(part.name + suffix))


def bulk_load_parts(folder: str | Path, store) -> int:
    """Load N-Quads parts (``part-*``) into an on-disk Oxigraph store with its bulk loader.

    ``store`` is a store directory or a graph open on one (left open). The parts are added as
    they are: to replace articles the store holds, drop their named graphs first
    (:func:`~quotegraph.graph.store.remove_articles`), as :func:`extract_with_spark` does.
    Returns the number of part files loaded.
    """
    parts = sorted(p for p in Path(folder).glob("part-*") if p.stat().st_size)
    graph = open_graph(store) if isinstance(store, (str, Path)) else store
    try:
        for part in parts:
            oxigraph_store(graph).bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS)
    finally:
        if graph is not store:
            close_graph(graph)
    return len(parts)


def main(argv: list[str] | None = None) -> None:
    """``spark-submit …/quotegraph/spark.py INPUT… --out OUT``: the entry point on a cluster."""
    parser = argparse.ArgumentParser(prog="quotegraph.spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL corpora (any path Spark reads), files or folders")
    parser.add_argument("--out", required=True, help="output folder for the graph/quotes/skipped parts")
    parser.add_argument("--lang", default="auto", help="de, en or auto (default)")
    parser.add_argument("--model", default=None, help="a spaCy pipeline name or path installed on the workers")
    parser.add_argument("--partitions", type=int, default=None, help="partitions to cut the corpus into")
    args = parser.parse_args(argv)
    summary = extract_with_spark(args.inputs, args.out, lang=args.lang, model=args.model, partitions=args.partitions)
    print(f"{summary.articles} articles, {summary.quotes} quotes, {len(summary.skipped)} skipped; parts in {args.out}")


if __name__ == "__main__":
    main()
