"""quotegraph explain takes the words an article used for someone ("Bürgermeisterin Tove Granlund",
"Mayor Granlund"), which its own answer lists under "written there as", not only the entity's
names and aliases."""

from __future__ import annotations

from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import records_to_graph

runner = CliRunner()


def _said(aid: str, words: str, as_written: str, name: str) -> ArticleResult:
    text = f"„{words}“, sagte {as_written}."
    start = text.index(as_written)
    att = Attribution(f"{aid}-1", aid, Quote(f"„{words}“", 0, len(words) + 2, "direct"),
                      speaker=Mention(as_written, start, start + len(as_written), entity=name, type="person"))
    return ArticleResult(Article(aid, text, language="de"), (att,), (Entity(name, "person"),))


def test_explain_finds_an_entity_by_the_words_an_article_used(tmp_path):
    path = tmp_path / "news.ttl"
    save_graph(records_to_graph([_said("h1", "Wir bauen", "Bürgermeisterin Tove Granlund", "Tove Granlund")]), path)
    result = runner.invoke(app, ["explain", str(path), "bürgermeisterin tove granlund"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Tove Granlund  <https://w3id.org/quotegraph/id/entity/tove-granlund>")
    assert "written there as: 'Bürgermeisterin Tove Granlund'" in result.stdout
    missing = runner.invoke(app, ["explain", str(path), "Bürgermeister Tove"])
    assert missing.exit_code == 1 and "no entity named 'Bürgermeister Tove'" in missing.output
