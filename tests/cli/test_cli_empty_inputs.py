"""Inputs that hold no article (an empty JSONL file, an empty folder) are named in the one line
that says nothing was written, so the user knows which input to look at."""

from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


def test_an_empty_jsonl_file_and_folder_are_named(tmp_path):
    (tmp_path / "may.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "june").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "may.jsonl"), str(tmp_path / "june"), "--lang", "en",
                                 "--out", str(tmp_path / "g.ttl"), "-q"])
    assert result.exit_code == 1
    assert (f"Warning: no article was read ({tmp_path / 'may.jsonl'}, {tmp_path / 'june'} hold none), "
            "so no graph file was written") in result.stderr
    assert not (tmp_path / "g.ttl").exists()
