"""Two articles whose police speak are two speakers in the graph a user queries, one per
article; a person both articles name is one speaker of both (invented text)."""

import csv
import io
import json

from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()

ARTICLES = [
    {"id": "brand-nord", "text": "In Nordheim brannte eine Scheune. „Wir suchen Zeugen“, sagte die Polizei am Montag. "
                                 "„Das Feuer kam schnell“, sagte Landrat Ilka Dorrwen."},
    {"id": "brand-sued", "text": "In Südheim brannte ein Stall. „Wir suchen Zeugen“, sagte die Polizei am Dienstag. "
                                 "„Wir helfen den Bauern“, sagte Landrat Ilka Dorrwen."},
]


def test_speakers_by_count_shows_each_articles_police_and_one_person(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                                         encoding="utf-8")
    made = runner.invoke(app, ["extract", "news.jsonl", "--lang", "de", "--out", "graph.ttl", "-q"])
    assert made.exit_code == 0, made.output
    asked = runner.invoke(app, ["query", "graph.ttl", "--example", "speakers-by-count", "--format", "csv"])
    assert asked.exit_code == 0, asked.output
    rows = [(r["speaker"], int(r["articles"])) for r in csv.DictReader(io.StringIO(asked.stdout))]
    assert sorted(rows) == [("Ilka Dorrwen", 2), ("Polizei", 1), ("Polizei", 1)]
