"""A graph argument written http://HOST:PORT/… (a SPARQL endpoint without its sparql+ scheme) is
one error that says how an endpoint is written, in every verb that reads a graph."""

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


@pytest.mark.parametrize("args", [
    ["query", "http://127.0.0.1:7878/query", "--example", "who-said-what"],
    ["stats", "http://127.0.0.1:7878/query"],
    ["view", "http://127.0.0.1:7878/query", "--out", "{tmp}/v.html"],
    ["export", "http://127.0.0.1:7878/query", "--out", "{tmp}/g.ttl"],
    ["explain", "https://example.org/sparql", "Ilka Dorrwen"],
    ["resolve", "https://example.org/sparql"],
    ["serve", "http://127.0.0.1:7878/query", "--port", "0"],
])
def test_an_http_address_is_told_how_an_endpoint_is_written(tmp_path, args):
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 1
    assert "a SPARQL endpoint is written sparql+http://HOST:PORT" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_file_says_only_that(tmp_path):
    result = runner.invoke(app, ["stats", str(tmp_path / "news.ttl")])
    assert result.output.strip() == f"Error: {tmp_path / 'news.ttl'}: no such file or store directory"
