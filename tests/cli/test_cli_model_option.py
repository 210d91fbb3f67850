"""A --model spaCy cannot load is refused at once, naming it, before anything is read or written:
not a skip per article with a hint to install the default pipeline."""

from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


def test_extract_refuses_a_model_that_is_neither_installed_nor_a_folder(tmp_path, ferry_article):
    result = runner.invoke(app, ["extract", str(ferry_article), "--lang", "en", "--model", "qg_no_such_pipeline",
                                 "--out", str(tmp_path / "g.ttl"), "-q"])
    assert result.exit_code == 2
    assert "'qg_no_such_pipeline'" in result.output and "pip install en-core-web-sm" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.txt"]  # no run folder, no graph


def test_a_pipeline_folder_and_a_blank_pipeline_are_taken(tmp_path, ferry_article):
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank_en")
    for model in (str(tmp_path / "blank_en"), "blank:en"):
        result = runner.invoke(app, ["extract", str(ferry_article), "--lang", "en", "--model", model,
                                     "--out", str(tmp_path / "g.ttl"), "-q", "--no-resolve"])
        assert "no spaCy pipeline" not in result.output, result.output
