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
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "folder" / "2024"
    folder.mkdir(parents=True)
    (folder / "streik.txt").write_text(ARTICLES[0][1], encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return [str(root / "news.jsonl"), str(root / "folder")]


def _quotegraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotegraph.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def lines_of(path: str) -> list[str]:
    return Path(path).read_text(encoding="utf-8").splitlines()


def _triples(path: Path) -> set:
    """The triples of an N-Triples file or of a folder of N-Quads parts (graph names left aside)."""
    store = ox.Store()
    for part in ([path] if path.is_file() else sorted(path.glob("part-*"))):
        store.load(path=str(part), format=ox.RdfFormat.N_QUADS)  # N-Triples is N-Quads without graphs
    return {(q.subject, q.predicate, q.object) for q in store}


def test_spark_engine_gives_the_same_results_as_a_local_run(corpus, tmp_path):
    local = _quotegraph("extract", *corpus, "--out", "local.nt", "--jsonl", "local.jsonl", "-q", cwd=tmp_path)
    assert local.returncode == 3, local.stderr  # the malformed line, the empty file, Finnish
    spark = _quotegraph("extract", "--engine", "spark", "--master", "local[2]", *corpus, "--out", "parts",
                        "--store", "spark.db", "-q", cwd=tmp_path)
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
    assert set(skipped) == {f"{corpus[0]}:4", str(Path(corpus[1]) / "2024" / "empty.txt")} | finnish
    assert all("'fi'" in skipped[source] for source in finnish)
    for source in skipped:
        assert source in local.stderr

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
