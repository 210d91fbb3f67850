"""docs/cli.md names each argument as --help does (serve's GRAPH_OR_STORE, not the Python
parameter's name SOURCE), so a reader can match the page to the command line."""

from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.cli._docs import cli_reference

runner = CliRunner()


def test_arguments_in_the_reference_are_named_as_help_names_them():
    reference = cli_reference()
    usage = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    assert "GRAPH_OR_STORE" in usage
    assert "| `GRAPH_OR_STORE` |" in reference and "| `SOURCE` |" not in reference
    assert "| `ARTICLE_ID...` |" in reference and "| `SPARQL` |" in reference
