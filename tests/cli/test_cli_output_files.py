"""An output file that cannot be written (a folder, or a path below a file) is refused before a
long run starts, not found out at its end: one usage error, nothing read, no run folder."""

import pytest
from typer.testing import CliRunner

from quotegraph import api
from quotegraph.cli import app

runner = CliRunner()


def flat(output: str) -> str:
    """The usage error's words, without the box rich draws around them and its line breaks."""
    return " ".join(output.replace("│", " ").split())


@pytest.mark.parametrize("option, where, message", [
    ("--jsonl", "folder", "is a folder: give a file name"),
    ("--jsonl", "below-file", "is a file, not a folder"),
    ("--out", "folder", "is a folder: give a file name"),
    ("--out", "below-file", "is a file, not a folder"),
])
def test_extract_refuses_an_output_that_cannot_be_a_file(tmp_path, ferry_article, option, where, message):
    (tmp_path / "outputs").mkdir()
    target = tmp_path / "outputs" if where == "folder" else ferry_article / "quotes.out"
    args = ["extract", str(ferry_article), "--lang", "en", "-q", option, str(target)]
    if option == "--jsonl":
        args += ["--out", str(tmp_path / "g.ttl")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in flat(result.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.txt", "outputs"]


@pytest.mark.parametrize("option", ["--errors", "--json"])
def test_eval_refuses_it_before_extracting(tmp_path, monkeypatch, option):
    calls = []
    monkeypatch.setattr(api, "extract", lambda *a, **k: calls.append(1) or iter(()))
    result = runner.invoke(app, ["eval", "polnear", "--data", str(tmp_path), option, str(tmp_path), "-q"])
    assert result.exit_code == 2
    assert "is a folder: give a file name" in flat(result.output)
    assert calls == []


@pytest.mark.parametrize("verb, suffix", [("view", "page.html"), ("export", "graph.ttl")])
@pytest.mark.parametrize("where", ["folder", "below-file"])
def test_view_and_export_refuse_an_output_that_cannot_be_a_file(tmp_path, where, verb, suffix):
    graph = tmp_path / "g.nt"
    graph.write_text('<https://example.org/p> <https://schema.org/name> "Ilka Dorrwen" .\n', encoding="utf-8")
    target = tmp_path if where == "folder" else graph / suffix
    result = runner.invoke(app, [verb, str(graph), "--out", str(target)])
    assert result.exit_code == 2
    assert ("is a folder: give a file name" if where == "folder" else "is a file, not a folder") in flat(result.output)


def test_demo_refuses_a_file_as_its_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("call Ilka", encoding="utf-8")
    result = runner.invoke(app, ["demo", "--out", str(tmp_path / "notes.txt"), "-q"])
    assert result.exit_code == 2
    assert "is a file" in flat(result.output)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "call Ilka"
