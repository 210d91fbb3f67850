"""Confidence you can see: every attribution carries the quote filter's probability, in
records, quotes.jsonl and the graph; ``extract --min-confidence`` keeps only what reaches it;
``eval`` scores what each threshold keeps."""

import json
import re

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD
from typer.testing import CliRunner

from quotegraph import api
from quotegraph.cli import app
from quotegraph.errors import QuotegraphError
from quotegraph.extract.convert import doc_to_result
from quotegraph.extract.evaluation.confidence import above, by_confidence
from quotegraph.extract.evaluation.wikinews import GoldArticle, GoldQuote, score_wikinews
from quotegraph.extract.pipeline import make_nlp
from quotegraph.extract.records import Article, Attribution, Mention, Quote, attribution_from_dict, attribution_to_dict
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.namespaces import QG
from quotegraph.graph.validate import validate_graph

runner = CliRunner()

TEXT = ("„Wir werden das Werk nicht schließen“, sagte die Vorstandschefin Clara Hartmann am Montag in Berlin. "
        "Die Gewerkschaft erklärte, der Streik werde bis zum Ende der Woche fortgesetzt. "
        "Man höre, es gebe vielleicht Gespräche.")


@pytest.fixture(scope="module")
def result():
    nlp = make_nlp("de")
    return doc_to_result(nlp(TEXT), Article(id="t", text=TEXT, language="de"))


def test_every_kept_attribution_has_a_probability_at_or_above_the_filters_threshold(result):
    threshold = make_nlp("de").get_pipe("qg_attribution").quote_filter.threshold
    assert result.attributions
    assert all(threshold <= a.confidence <= 1 for a in result.attributions)


def test_rules_alone_give_no_confidence_and_refuse_a_minimum():
    nlp = make_nlp("de", learned=False)
    assert all(a.confidence is None for a in doc_to_result(nlp(TEXT), Article(id="t", text=TEXT)).attributions)
    with pytest.raises(QuotegraphError, match="minimum confidence needs the quote filter"):
        make_nlp("de", learned=False, min_confidence=0.5)


def test_a_minimum_confidence_keeps_the_sure_part_of_the_same_attributions(result):
    floor = sorted(a.confidence for a in result.attributions)[-1]  # only the surest survives
    nlp = make_nlp("de", min_confidence=floor)
    sure = doc_to_result(nlp(TEXT), Article(id="t", text=TEXT, language="de")).attributions
    assert sure and set(sure) <= set(result.attributions)
    assert all(a.confidence >= floor for a in sure)
    assert len(sure) < len(result.attributions) or len({a.confidence for a in result.attributions}) == 1


def test_confidence_travels_through_quotes_jsonl_and_the_graph():
    att = Attribution("a:0-4", "a", Quote("„Ja“", 0, 4), speaker=Mention("er", 12, 14), score=0.8125)
    line = attribution_to_dict(att)
    assert line["confidence"] == 0.8125
    assert attribution_from_dict(json.loads(json.dumps(line))).confidence == 0.8125
    assert attribution_from_dict({k: v for k, v in line.items() if k != "confidence"}).confidence is None

    from quotegraph.extract.records import ArticleResult
    text = "„Ja“, sagte er."
    graph = records_to_graph([ArticleResult(Article(id="a", text=text), (att,))])
    values = list(graph.objects(None, QG.confidence))
    assert values == [Literal("0.8125", datatype=XSD.decimal)]
    conforms, report = validate_graph(graph)
    assert conforms, report


def test_the_shapes_refuse_a_confidence_above_one():
    att = Attribution("a:0-4", "a", Quote("„Ja“", 0, 4), score=1.5)
    from quotegraph.extract.records import ArticleResult
    graph = records_to_graph([ArticleResult(Article(id="a", text="„Ja“, sagte er."), (att,))])
    conforms, report = validate_graph(graph)
    assert not conforms and "qg:confidence" in report


def test_extract_min_confidence_writes_a_subset_with_confidences_that_reach_it(tmp_path):
    examples = api.example_folder()
    args = ["extract", str(examples), "--lang", "auto", "-q"]
    full, sure = tmp_path / "all.jsonl", tmp_path / "sure.jsonl"
    assert runner.invoke(app, [*args, "--out", str(tmp_path / "all.ttl"), "--jsonl", str(full)]).exit_code == 0
    lines = [json.loads(line) for line in full.read_text(encoding="utf-8").splitlines()]
    confidences = sorted(line["confidence"] for line in lines)
    floor = confidences[len(confidences) // 2]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "sure.ttl"), "--jsonl", str(sure),
                                 "--min-confidence", str(floor)])
    assert result.exit_code == 0, result.output
    kept = [json.loads(line) for line in sure.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(kept) < len(lines)
    assert all(line["confidence"] >= floor for line in kept)
    assert {line["id"] for line in kept} <= {line["id"] for line in lines}
    graph = Graph().parse(tmp_path / "sure.ttl", format="turtle")
    assert all(float(c) >= floor for c in graph.objects(None, QG.confidence))


def test_extract_min_confidence_without_the_learned_parts_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEGRAPH_LEARNED", "0")
    result = runner.invoke(app, ["extract", str(api.example_folder()), "--out", str(tmp_path / "g.ttl"),
                                 "--min-confidence", "0.5"])
    assert result.exit_code == 2
    assert "learned parts" in result.output
    assert not (tmp_path / "g.ttl").exists()


@pytest.mark.parametrize("value", ["1.5", "-0.1"])
def test_extract_min_confidence_outside_0_to_1_is_refused(tmp_path, value):
    result = runner.invoke(app, ["extract", str(api.example_folder()), "--out", str(tmp_path / "g.ttl"),
                                 "--min-confidence", value])
    assert result.exit_code == 2 and "--min-confidence" in result.output


def _gold_and_predictions():
    text = "„Ja“, sagte Anna. „Nein“, sagte Ben. „Vielleicht“, sagte Carl."
    quotes = [(0, 4, 11, 15), (17, 23, 30, 33), (35, 47, 54, 58)]
    tokens = tuple((m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text))
    gold = GoldArticle("g", text, tokens, tuple(GoldQuote(f"g#{i}", "Direct", ((s, e),), speaker=((ss, se),))
                                                for i, (s, e, ss, se) in enumerate(quotes)))
    # the first two right and sure, the third a wrong speaker and unsure
    preds = [Attribution(f"g:{s}-{e}", "g", Quote(text[s:e], s, e), speaker=Mention(text[ss:se], ss, se), score=c)
             for (s, e, ss, se), c in zip(quotes[:2], (0.95, 0.85))]
    preds.append(Attribution("g:35-47", "g", Quote(text[35:47], 35, 47), speaker=Mention("Ben", 30, 33), score=0.55))
    return gold, {"g": preds}


def test_by_confidence_shows_precision_rising_and_recall_falling_with_the_threshold():
    gold, predictions = _gold_and_predictions()
    rows = by_confidence(predictions, lambda kept: score_wikinews(kept, [gold], errors=False), "joint",
                         thresholds=(0.5, 0.8, 0.9))
    assert list(rows) == ["≥ 0.5", "≥ 0.8", "≥ 0.9"]
    assert [len(v) for v in above(predictions, 0.8).values()] == [2]
    p = [rows[k].precision for k in rows]
    r = [rows[k].recall for k in rows]
    assert p[0] < p[1] == p[2] == 1.0
    assert r[0] > r[1] > r[2]


def test_by_confidence_is_empty_without_confidences():
    gold, predictions = _gold_and_predictions()
    bare = {k: [Attribution(a.id, a.article, a.quote, speaker=a.speaker) for a in v] for k, v in predictions.items()}
    assert by_confidence(bare, lambda kept: score_wikinews(kept, [gold], errors=False), "joint") == {}
