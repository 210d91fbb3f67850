"""quotegraph serve on a broken graph file: one line that says where the file is broken, whatever
the environment asks of the oxigraph binary's own error output (RUST_BACKTRACE=1 adds a stack)."""

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.errors import QuotegraphError
from quotegraph.graph.serve import oxigraph_binary

try:
    oxigraph_binary()
except QuotegraphError:
    pytest.skip("the oxigraph server binary is missing: pip install oxigraph", allow_module_level=True)

runner = CliRunner()


@pytest.mark.parametrize("backtrace", ["0", "1"])
def test_a_broken_file_is_one_line_naming_the_place(tmp_path, monkeypatch, backtrace):
    monkeypatch.setenv("RUST_BACKTRACE", backtrace)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:qg:a> <urn:qg:b> <urn:qg:c> .\n<urn:qg:a> <urn:qg:b> .\n", encoding="utf-8")
    result = runner.invoke(app, ["serve", str(broken), "--port", "0"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {broken}: ") and "line 2" in lines[0]
