"""A verb writing to a pipe whose reader stops early (quotegraph export g.ttl --out - | head)
ends quietly: no 'Error: Broken pipe' on stderr, exit 0, as query already did."""

import os
import subprocess
import sys


def test_export_to_a_pipe_closed_early_ends_quietly(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text("".join(f"<https://example.org/s{i}> <https://example.org/p> \"Ilka Dorrwen {i}\" .\n"
                             for i in range(20000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph.cli", "export", str(graph), "--format", "nt", "--out", "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"<https://example.org/s")
    proc.stdout.close()  # the reader stops, as head does, while the writer still has most of it to write
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, stderr
    assert stderr == ""


def _many_articles(path):
    """3,000 articles in which Ilka Dorrwen and someone of their own each say a word: explain's
    list of articles and stats's tables are well over a pipe's buffer."""
    from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
    from quotegraph.graph.export import save_graph
    from quotegraph.graph.store import add_results, close_graph, open_graph

    def said(aid, n, name):
        text = f"„Ja“, sagte {name}."
        at = text.index(name)
        return Attribution(f"{aid}:{n}", aid, Quote("„Ja“", 0, 4, "direct"),
                           speaker=Mention(name, at, at + len(name), entity=name, type="person"))

    results = []
    for i in range(3000):
        aid, other = f"artikel-nummer-{i:05d}", f"Tamsin Quellrode {i}"
        results.append(ArticleResult(Article(aid, f"„Ja“, sagte Ilka Dorrwen.\n„Ja“, sagte {other}.", language="de"),
                                     (said(aid, 1, "Ilka Dorrwen"), said(aid, 2, other)),
                                     (Entity("Ilka Dorrwen", "person"), Entity(other, "person"))))
    g = open_graph()
    add_results(g, results)
    save_graph(g, path, "nquads")
    close_graph(g)


def test_explain_and_stats_to_a_pipe_closed_early_end_quietly(tmp_path):
    graph = tmp_path / "g.nq"
    _many_articles(graph)
    for verb in (["explain", str(graph), "Ilka Dorrwen"], ["stats", str(graph), "--top", "3000"]):
        proc = subprocess.Popen([sys.executable, "-m", "quotegraph.cli", *verb], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "100"})
        assert proc.stdout.readline()
        proc.stdout.close()  # as head -1 does
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=300) == 0, (verb, stderr)
        assert stderr == "", verb
