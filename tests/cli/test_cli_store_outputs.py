"""extract --store writes the store and only the files asked for: a graph.ttl already in the folder is
someone's earlier work, not an output to replace with the store's contents."""

import os

from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()

ARTICLE = '"The ferry will run again in June," harbour master Ilka Dorrwen said on Friday.\n'
EARLIER_GRAPH = "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"


def test_store_alone_leaves_a_graph_ttl_in_the_folder_as_it_was(tmp_path, monkeypatch):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    earlier = tmp_path / "graph.ttl"
    earlier.write_text(EARLIER_GRAPH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "ferry.txt", "--lang", "en", "--store", "news.db", "-q"])
    assert result.exit_code == 0, result.output
    assert earlier.read_text(encoding="utf-8") == EARLIER_GRAPH
    assert "graph:" not in result.stdout and "store: news.db" in result.stdout
    assert sorted(os.listdir(tmp_path)) == ["ferry.txt", "graph.ttl", "news.db"]


def test_without_store_the_graph_file_is_still_graph_ttl(tmp_path, monkeypatch):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "ferry.txt", "--lang", "en", "--jsonl", "quotes.jsonl", "-q"])
    assert result.exit_code == 0, result.output
    assert "Ilka Dorrwen" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert (tmp_path / "quotes.jsonl").read_text(encoding="utf-8").count("\n") == 1
