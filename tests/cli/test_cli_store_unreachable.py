"""extract --store on a store that cannot be opened (a server that does not answer, a folder that
is no store) is one error and leaves no run folder behind: the same command, once the store is
there, runs instead of being refused as an interrupted run."""

import socket

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.mark.parametrize("kind", ["endpoint", "folder"])
def test_a_store_that_cannot_be_opened_leaves_nothing_to_resume(tmp_path, monkeypatch, kind):
    (tmp_path / "ferry.txt").write_text('"The ferry runs again," harbour master Ilka Dorrwen said.\n', encoding="utf-8")
    if kind == "endpoint":
        store = f"sparql+http://127.0.0.1:{closed_port()}"
    else:
        store = "notes"
        (tmp_path / "notes").mkdir()
        (tmp_path / "notes" / "todo.txt").write_text("call Ilka", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the second run fails as the first did, not as an interrupted run
        result = runner.invoke(app, ["extract", "ferry.txt", "--lang", "en", "--store", store, "-q"])
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: {store}: "), result.output
        assert not list(tmp_path.glob("*.quotegraph-run"))
