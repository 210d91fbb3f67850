"""A --lang no pipeline reads is refused before any input is read, in one usage error: a typo
would otherwise skip every article of a corpus, one warning each."""

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


@pytest.mark.parametrize("lang", ["english", "EN", "fr"])
def test_a_language_no_pipeline_reads_is_a_usage_error(tmp_path, ferry_article, lang):
    result = runner.invoke(app, ["extract", str(ferry_article), "--lang", lang, "--out", str(tmp_path / "g.ttl"), "-q"])
    assert result.exit_code == 2
    assert f"no pipeline reads '{lang}'" in result.output and "skipped" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.txt"]


def test_another_language_runs_with_a_pipeline_named_for_it(tmp_path, ferry_article, monkeypatch):
    result = runner.invoke(app, ["extract", str(ferry_article), "--lang", "nl", "--model", "blank:nl",
                                 "--out", str(tmp_path / "g.ttl"), "-q", "--no-resolve"])
    assert "no pipeline reads" not in result.output
    monkeypatch.setenv("QUOTEGRAPH_MODEL_NL", "blank:nl")
    result = runner.invoke(app, ["extract", str(ferry_article), "--lang", "nl", "--out", str(tmp_path / "g2.ttl"), "-q"])
    assert "no pipeline reads" not in result.output
