"""A graph that holds nothing (an empty store folder, an empty Turtle file) is one error line
naming it, not an empty table, page or file that looks like an answer; an update may still fill
an empty store."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.store import close_graph, open_graph

runner = CliRunner()


@pytest.fixture(params=["store", "file"])
def empty(request, tmp_path):
    if request.param == "file":
        path = tmp_path / "empty.ttl"
        path.write_text("", encoding="utf-8")
        return path
    path = tmp_path / "store"
    close_graph(open_graph(path))
    return path


@pytest.mark.parametrize("verb", [["query", "--example", "who-said-what"], ["stats"], ["view", "--out", "page.html"],
                                  ["export", "--out", "copy.ttl"]])
def test_an_empty_graph_is_one_error_line(empty, verb, tmp_path):
    args = [verb[0], str(empty), *[str(tmp_path / a) if a.endswith((".html", ".ttl")) else a for a in verb[1:]]]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.output == f"Error: {empty}: the graph is empty (no triples): extract articles into it first\n"
    assert not (tmp_path / "page.html").exists() and not (tmp_path / "copy.ttl").exists()


def test_an_update_may_fill_an_empty_store(tmp_path):
    store = tmp_path / "store"
    close_graph(open_graph(store))
    done = runner.invoke(app, ["query", str(store), "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", "--update"])
    assert done.exit_code == 0, done.output
    asked = runner.invoke(app, ["query", str(store), "SELECT ?o WHERE { <urn:x:a> ?p ?o }", "--format", "csv"])
    assert asked.stdout.splitlines() == ["o", "urn:x:c"]
