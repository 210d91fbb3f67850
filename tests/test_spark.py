"""`quotegraph extract --engine spark` gives the same graph, quotes and skipped inputs as a local run.

Spark runs in local mode, bound to 127.0.0.1 with its web UI off.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the Spark engine's tests need pyspark (pip install -e '.[test]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17) on PATH", allow_module_level=True)

import pyoxigraph as ox  # noqa: E402

ARTICLES = [
    ("de", "„Wir werden den Hafen nicht räumen“, sagte Clara Hartmann am Montag. Die Stadt habe kein Geld, "
           "erklärte der Kämmerer laut der Agentur Nordpress."),
    ("de", "Jonas Weber betonte, dass die Verhandlungen weitergehen würden. Er sei zuversichtlich."),
    ("en", "\u201cWe will not leave the harbor,\u201d union leader Ada Nowak said on Monday. The city has no money, "
           "according to the Harbor Gazette."),
    ("en", "Paul Lindqvist told reporters that talks would continue next week."),
    ("fi", "Tämä on suomenkielinen uutinen ilman lainauksia."),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("spark-corpus")
    lines = [json.dumps({"id": f"n{i}-{j}", "text": text, "language": lang}, ensure_ascii=False)
             for i in range(3) for j, (lang, text) in enumerate(ARTICLES)]
    lines.insert(3, "{not json")  # line 4
    # a line over the bound (1 MiB and a bit with QUOTEGRAPH_MAX_CHARS=1000): skipped, named, never held
    lines.insert(5, json.dumps({"id": "huge", "text": "x" * 1_100_000}))  # line 6
    lines.insert(7, "")  # a blank line is passed over
    # an id read before (line 2), with other words: skipped and named, the first kept
    lines.append(json.dumps({"id": "n0-1", "text": ARTICLES[2][1], "language": "en"}, ensure_ascii=False))
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "folder" / "2024"
    folder.mkdir(parents=True)
    (folder / "streik.txt").write_text(ARTICLES[0][1], encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return [str(root / "news.jsonl"), str(root / "folder")]


def _quotegraph(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotegraph.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env=None if env is None else {**os.environ, **env})


def lines_of(path: str) -> list[str]:
    return Path(path).read_text(encoding="utf-8").splitlines()


def _triples(path: Path) -> set:
    """The triples of an N-Triples file or of a folder of N-Quads parts (graph names left aside)."""
    store = ox.Store()
    for part in ([path] if path.is_file() else sorted(path.glob("part-*"))):
        store.load(path=str(part), format=ox.RdfFormat.N_QUADS)  # N-Triples is N-Quads without graphs
    return {(q.subject, q.predicate, q.object) for q in store}


def test_spark_engine_gives_the_same_results_as_a_local_run(corpus, tmp_path):
    limit = {"QUOTEGRAPH_MAX_CHARS": "1000"}  # a line bound of 1 MiB and 6,000 bytes
    # the parts are per article, as extracted: compared with a local run left unresolved (the
    # resolution of a store after either engine: test_re_extracting_into_a_store_…)
    local = _quotegraph("extract", *corpus, "--out", "local.nt", "--jsonl", "local.jsonl", "-q", "--no-resolve",
                        cwd=tmp_path, env=limit)
    assert local.returncode == 3, local.stderr  # the malformed, overlong and repeated lines, the empty file, Finnish
    spark = _quotegraph("extract", "--engine", "spark", "--master", "local[2]", *corpus, "--out", "parts",
                        "--store", "spark.db", "-q", "--no-resolve", cwd=tmp_path, env=limit)
    assert spark.returncode == 3, spark.stderr

    parts = tmp_path / "parts"
    assert (parts / "graph" / "_SUCCESS").exists()
    # named as bulk loaders expect (they go by the suffix)
    assert {p.suffix for p in (parts / "graph").glob("part-*")} == {".nq"}
    assert {p.suffix for p in (parts / "quotes").glob("part-*")} == {".jsonl"}
    # the same triples, made by the same code
    local_triples = _triples(tmp_path / "local.nt")
    assert local_triples and _triples(parts / "graph") == local_triples
    # the same quotes.jsonl lines
    spark_quotes = sorted(line for p in sorted((parts / "quotes").glob("part-*"))
                          for line in p.read_text(encoding="utf-8").splitlines())
    assert spark_quotes == sorted((tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines())
    # the same inputs skipped, for the same reasons
    skipped = {json.loads(line)["skipped"]: json.loads(line)["reason"]
               for p in (parts / "skipped").glob("part-*") for line in p.read_text(encoding="utf-8").splitlines()}
    finnish = {f"{corpus[0]}:{k}" for k, line in enumerate(lines_of(corpus[0]), start=1) if '"fi"' in line}
    repeated = f"{corpus[0]}:{len(lines_of(corpus[0]))}"
    assert set(skipped) == {f"{corpus[0]}:4", f"{corpus[0]}:6", repeated,
                            str(Path(corpus[1]) / "2024" / "empty.txt")} | finnish
    assert all("'fi'" in skipped[source] for source in finnish)
    assert "line is over 1.0 MB" in skipped[f"{corpus[0]}:6"]
    assert skipped[repeated] == f"duplicate article id 'n0-1' (first at {corpus[0]}:2); the first is kept"
    for source, reason in skipped.items():  # word for word what the local engine says
        assert f"Warning: skipped {source}: {reason}\n" in local.stderr

    # the bulk-loaded store answers like the local graph
    by_store = _quotegraph("query", "spark.db", "--example", "who-said-what", "--format", "csv", cwd=tmp_path)
    by_file = _quotegraph("query", "local.nt", "--example", "who-said-what", "--format", "csv", cwd=tmp_path)
    assert by_store.returncode == 0, by_store.stderr
    assert sorted(by_store.stdout.splitlines()) == sorted(by_file.stdout.splitlines())
    assert len(by_file.stdout.splitlines()) > 4


def test_spark_output_folder_must_be_new(corpus, tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "old.txt").write_text("x")
    done = _quotegraph("extract", "--engine", "spark", *corpus, "--out", "parts", "-q", cwd=tmp_path)
    assert done.returncode == 1 and "not empty" in done.stderr


def test_spark_engine_wants_a_folder_not_a_graph_file(corpus, tmp_path):
    done = _quotegraph("extract", "--engine", "spark", *corpus, "--out", "graph.ttl", cwd=tmp_path)
    assert done.returncode == 2 and "folder" in done.stderr


def test_spark_submit_keeps_its_master(tmp_path):
    """Under spark-submit, quotegraph's session takes the submitted --master, not local[*]."""
    submit = Path(sys.executable).parent / "spark-submit"
    if not submit.exists():
        pytest.skip("pyspark's spark-submit script is not beside this Python")
    script = tmp_path / "which_master.py"
    script.write_text("from quotegraph.spark import spark_session\n"
                      "s = spark_session()\nprint('MASTER=' + s.sparkContext.master)\ns.stop()\n")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    done = subprocess.run([str(submit), "--master", "local[1]", str(script)], capture_output=True, text=True,
                          timeout=300, env=env)
    assert "MASTER=local[1]" in done.stdout, done.stderr[-2000:]


# ------------------------------------------------------------------ --store: re-extracting replaces


def _write_articles(path: Path, *, cut: bool) -> str:
    """Eight articles (two copies of the German and English ones); ``cut`` keeps their first sentence."""
    lines = [json.dumps({"id": f"r{i}-{j}", "language": lang,
                         "text": text.split(". ")[0] + "." if cut else text}, ensure_ascii=False)
             for i in range(2) for j, (lang, text) in enumerate(ARTICLES[:4])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _quads(address: str) -> set:
    """Every quad of a store folder or an endpoint, as pyoxigraph quads."""
    import io

    from quotegraph.graph.store import backend_of, close_graph, open_graph

    graph = open_graph(address)
    buffer = io.BytesIO()
    try:
        backend_of(graph).dump(buffer, ox.RdfFormat.N_QUADS, {})
    finally:
        close_graph(graph)
    return set(ox.parse(buffer.getvalue(), format=ox.RdfFormat.N_QUADS))


def _named(quads: set) -> set:
    return {q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}


def _no_spark_warnings(stderr: str) -> None:
    """Under -q Spark logs errors only (the JVM's own line about incubator modules aside)."""
    noise = [line for line in stderr.splitlines()
             if ("WARN" in line and "incubator modules" not in line) or "log level" in line or "log4j" in line]
    assert noise == [], stderr


def test_re_extracting_into_a_store_replaces_on_every_engine_and_store(tmp_path, oxigraph_server):
    from quotegraph.graph.store import article_graphs, close_graph, open_graph, remove_articles

    full = _write_articles(tmp_path / "full.jsonl", cut=False)
    cut = _write_articles(tmp_path / "cut.jsonl", cut=True)
    endpoint = oxigraph_server.address  # shared with tests/graph: emptied first
    server = open_graph(endpoint)
    remove_articles(server, article_graphs(server))
    server.update("CLEAR DEFAULT")
    close_graph(server)

    def extract(*args: str) -> subprocess.CompletedProcess:
        done = _quotegraph("extract", *args, "-q", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done

    # the local engine: the articles, then their first sentences, into one store folder ...
    extract(full, "--store", "local.db")
    extract(full, "--store", endpoint)
    shutil.copytree(tmp_path / "local.db", tmp_path / "spark.db")
    before = _quads(str(tmp_path / "local.db"))
    extract(cut, "--store", "local.db")
    local = _quads(str(tmp_path / "local.db"))
    assert len(_named(local)) < len(_named(before))
    # ... holds each article's graph as a store given the first sentences only does
    extract(cut, "--store", "fresh.db")
    assert _named(local) == _named(_quads(str(tmp_path / "fresh.db")))

    # Spark into a copy of the same store, and into a server holding the same: the same quads
    for store, parts in (("spark.db", "parts"), (endpoint, "parts-endpoint")):
        spark = extract("--engine", "spark", "--master", "local[2]", cut, "--out", parts, "--store", store)
        _no_spark_warnings(spark.stderr)
        assert _quads(str(tmp_path / store) if store == "spark.db" else store) == local, store


def test_spark_store_problems_fail_before_spark_starts(corpus, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import quotegraph.spark
    from quotegraph.cli import app
    from quotegraph.graph.export import save_graph
    from quotegraph.graph.serve import free_port, start_server
    from quotegraph.graph.store import close_graph, open_graph

    def no_spark(*args, **kwargs):
        raise AssertionError("a SparkSession was started")

    monkeypatch.setattr(quotegraph.spark, "spark_session", no_spark)
    runner = CliRunner()

    def refused(store: str, out: str) -> str:
        done = runner.invoke(app, ["extract", "--engine", "spark", *corpus, "--out", str(tmp_path / out),
                                   "--store", store, "-q"])
        assert done.exit_code == 1, done.output
        assert "Traceback" not in done.output and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert not (tmp_path / out).exists()
        return done.stderr

    assert "127.0.0.1" in refused(f"sparql+http://127.0.0.1:{free_port()}", "down")  # nobody listens there
    save_graph(open_graph(), tmp_path / "g.ttl")
    with start_server(tmp_path / "g.ttl", port=0) as server:  # a read-only server
        assert "refuses updates" in refused(f"sparql+http://127.0.0.1:{server.port}", "read-only")
    held = open_graph(tmp_path / "held.db")
    try:
        assert "in use" in refused(str(tmp_path / "held.db"), "locked")
    finally:
        close_graph(held)


def test_spark_engine_refuses_workers(corpus, tmp_path):
    from typer.testing import CliRunner

    from quotegraph.cli import app

    done = CliRunner().invoke(app, ["extract", "--engine", "spark", *corpus, "--out", str(tmp_path / "parts"),
                                    "--workers", "2"])
    assert done.exit_code == 2 and "--workers" in done.output and "--master" in done.output, done.output
    assert not (tmp_path / "parts").exists()


# ------------------------------------------------------------------ one rdf:type per entity


def test_spark_keeps_one_type_per_entity_in_its_parts_and_its_store(tmp_path, oxigraph_server):
    """"Nordpress" is the author of some articles (Person) and the site of another
    (NewsMediaOrganization): the parts and the stores hold NewsMediaOrganization only."""
    from quotegraph.graph.model import entity_iri

    def corpus(name: str, *rows: tuple[str, str]) -> str:
        lines = [json.dumps({"id": i, "text": ARTICLES[1][1], "language": "de", field: "Nordpress"})
                 for i, field in rows]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(tmp_path / name)

    def types(quads) -> set:
        node = ox.NamedNode(entity_iri("Nordpress"))
        return {q.object.value for q in quads if q.subject == node and q.predicate.value.endswith("#type")}

    authored = corpus("authored.jsonl", *((f"a{i}", "authors") for i in range(4)))
    mixed = corpus("mixed.jsonl", *((f"a{i}", "authors") for i in range(4)), ("s1", "site"))
    endpoint = oxigraph_server.address
    done = _quotegraph("extract", authored, "--store", "spark.db", "-q", cwd=tmp_path)  # Person, before Spark
    assert done.returncode == 0, done.stderr
    assert types(_quads(str(tmp_path / "spark.db"))) == {"https://schema.org/Person"}
    for store, parts in (("spark.db", "parts"), (endpoint, "parts-endpoint")):
        done = _quotegraph("extract", "--engine", "spark", "--master", "local[2]", mixed,
                           "--out", parts, "--store", store, "-q", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        nmo = {"https://schema.org/NewsMediaOrganization"}
        part_quads = [q for p in sorted((tmp_path / parts / "graph").glob("part-*"))
                      for q in ox.parse(path=str(p), format=ox.RdfFormat.N_QUADS)]
        node = ox.NamedNode(entity_iri("Nordpress"))
        typed = [q for q in part_quads if q.subject == node and q.predicate.value.endswith("#type")]
        assert [q.object.value for q in typed] == [*nmo], parts  # one type quad in all the parts
        assert types(_quads(str(tmp_path / store) if store == "spark.db" else store)) == nmo, store


def test_spark_reads_a_cluster_uri_with_the_line_bound_and_the_duplicate_rule(tmp_path):
    """JSONL on a scheme:// path goes through Hadoop's line reader: bounded, overlong lines named, a repeated id skipped."""
    from quotegraph.inputs import overlong_line_reason

    huge = json.dumps({"id": "huge", "text": "x" * 1_100_000})
    lines = [json.dumps({"id": "u1", "text": ARTICLES[0][1], "language": "de"}, ensure_ascii=False), "",
             json.dumps({"id": "u1", "text": ARTICLES[2][1], "language": "en"}, ensure_ascii=False), huge,
             json.dumps({"id": "u2", "text": ARTICLES[3][1], "language": "en"}, ensure_ascii=False), huge]
    corpus = tmp_path / "remote.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _quotegraph("extract", "--engine", "spark", "--master", "local[1]", corpus.as_uri(), "--out", "parts",
                       "-q", cwd=tmp_path, env={"QUOTEGRAPH_MAX_CHARS": "1000"})
    assert done.returncode == 3, done.stderr
    skipped = {json.loads(line)["skipped"]: json.loads(line)["reason"]
               for p in (tmp_path / "parts" / "skipped").glob("part-*")
               for line in p.read_text(encoding="utf-8").splitlines()}
    uri = corpus.as_uri()
    # the blank line 2 is passed over; lines 4 and 6 are read past by Hadoop, found by their gaps, named
    assert skipped == {f"{uri}:3": f"duplicate article id 'u1' (first at {uri}:1); the first is kept",
                       f"{uri}:4": overlong_line_reason(1000), f"{uri}:6": overlong_line_reason(1000)}
    quotes = [json.loads(line) for p in (tmp_path / "parts" / "quotes").glob("part-*")
              for line in p.read_text(encoding="utf-8").splitlines()]
    assert {q["article"] for q in quotes} == {"u1", "u2"}
    assert all(q["text"] in ARTICLES[0][1] for q in quotes if q["article"] == "u1")  # the first u1 is kept


def test_spark_reads_web_archives_as_a_local_run_does(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from test_warc import STREIK_URI, news_archive
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    news_archive(crawl / "a.warc.gz")
    whole = news_archive(crawl / "b.warc.gz").read_bytes()
    (crawl / "b.warc.gz").write_bytes(whole[:-(len(whole) - whole.rindex(b"\x1f\x8b\x08")) // 2])  # cut short
    local = _quotegraph("extract", "crawl", "--lang", "de", "--out", "local.nt", "--jsonl", "local.jsonl", "-q",
                        "--no-resolve", cwd=tmp_path)  # the parts are per article, as extracted
    spark = _quotegraph("extract", "--engine", "spark", "--master", "local[2]", "crawl", "--lang", "de",
                        "--out", "parts", "-q", cwd=tmp_path)
    assert local.returncode == spark.returncode == 3, (local.stderr, spark.stderr)
    tally = "crawl/a.warc.gz: 4 records, 2 articles, 2 skipped (2 not HTML responses)"
    assert tally in local.stderr.splitlines() and tally in spark.stderr.splitlines()  # a line of its own, no warning
    for run in (local, spark):  # b's first article is a duplicate of a's; then b breaks off
        assert f"skipped crawl/b.warc.gz, record 2: duplicate article id '{STREIK_URI}'" in run.stderr
        assert "skipped crawl/b.warc.gz: broken archive: the compressed data breaks off" in run.stderr
    local_triples = _triples(tmp_path / "local.nt")
    assert local_triples and _triples(tmp_path / "parts" / "graph") == local_triples
    spark_quotes = sorted(line for p in sorted((tmp_path / "parts" / "quotes").glob("part-*"))
                          for line in p.read_text(encoding="utf-8").splitlines())
    assert spark_quotes == sorted((tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines())
    assert all(json.loads(line)["article_meta"]["site"] == "Hafenkurier" for line in spark_quotes)
