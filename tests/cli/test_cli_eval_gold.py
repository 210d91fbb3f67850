"""quotegraph eval on a gold file that is empty or broken: one error naming the file, no table of
zeros with exit 0."""

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


@pytest.mark.parametrize("data_set", ["wikinews", "polnear"])
@pytest.mark.parametrize("name, content, message", [
    ("dev.jsonl", b"", "holds no article to score"),
    ("dev.jsonl.gz", b"not gzip at all", "cannot be read (Not a gzipped file"),
])
def test_an_empty_or_broken_gold_file_is_one_error(tmp_path, data_set, name, content, message):
    gold = tmp_path / name
    gold.write_bytes(content)
    result = runner.invoke(app, ["eval", data_set, "--data", str(gold), "-q"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {gold}: {message}"), result.output
    assert len(result.output.strip().splitlines()) == 1
