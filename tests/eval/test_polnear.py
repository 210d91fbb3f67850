"""PolNeAR: brat standoff reading and exact/overlap scoring on invented English sentences,
and on the real dev file when it is there."""

import gzip
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from quotegraph.errors import InputError
from quotegraph.extract.evaluation.polnear import (
    GoldRelation,
    PolnearArticle,
    gold_attributions,
    gold_predictions,
    outermost,
    parse_brat,
    read_polnear,
    score_polnear,
)
from quotegraph.extract.evaluation.scoring import Prediction
from quotegraph.extract.records import Attribution, Cue, Mention, Quote

DATA = Path(os.environ.get("QUOTEGRAPH_DATA") or Path(__file__).parents[3] / "shared" / "data")
DEV = DATA / "polnear-en" / "dev.jsonl.gz"

TEXT = ("The mayor said the bridge will stay closed until Monday. "
        "Residents were angry, a neighbour told reporters. "
        "The council has not commented.")


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def t_line(tid: str, label: str, *pieces: str) -> str:
    spans = [at(TEXT, p) for p in pieces]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(TEXT[s:e] for s, e in spans)}"


ANN = "\n".join([
    t_line("T1", "Source", "The mayor"),
    t_line("T2", "Cue", "said"),
    t_line("T3", "Content", "the bridge will stay closed until Monday"),
    t_line("T4", "Attribution", "said"),
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    t_line("T5", "Content", "Residents were angry"),
    t_line("T6", "Source", "a neighbour"),
    t_line("T7", "Cue", "told"),
    t_line("T8", "Attribution", "told"),
    "E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5",
    t_line("T9", "Discard", "The council has not commented."),
])


@pytest.fixture
def gold():
    return PolnearArticle("a", TEXT, parse_brat(ANN, article_id="a"))


def pred(content, source=None, cue=None, id_="p"):
    q = at(TEXT, content)
    return Attribution(
        id_, "a", Quote(TEXT[q[0]:q[1]], *q, "indirect"),
        speaker=Mention(source, *at(TEXT, source)) if source else None,
        cue=Cue(cue, *at(TEXT, cue)) if cue else None,
    )


def test_parse_brat(gold):
    r1, r2 = gold.relations
    assert r1 == GoldRelation("a#E1", (at(TEXT, "the bridge will stay closed until Monday"),),
                              (at(TEXT, "The mayor"),), (at(TEXT, "said"),))
    assert r2.id == "a#E2" and r2.source == (at(TEXT, "a neighbour"),)


def test_parse_brat_odd_lines():
    ann = "\n".join([
        t_line("T1", "Content", "Residents were angry", "the bridge"),  # discontinuous
        "Teaser text continued on a second line",  # continuation of a multi-line span text
        t_line("T2", "Cue", "told"),
        t_line("T3", "Content", "The council has not commented"),
        "E1\tAttribution-no-source:T2 Content:T1 Cue:T2",
        "E2\tAttribution:T2 Content:T1 Content2:T3 Cue:T2",
        "E3\tAttribution-no-source:T2 ",  # no content: left out
        "#1\tAnnotatorNotes T1\ta note",
        "R1\tSomething Arg1:T1 Arg2:T2",
    ])
    r1, r2 = parse_brat(ann, article_id="x")
    assert r1.source == () and r1.content == tuple(sorted([at(TEXT, "Residents were angry"), at(TEXT, "the bridge")]))
    assert len(r2.content) == 3  # Content + Content2 are one union
    with pytest.raises(InputError, match="T9"):
        parse_brat("E1\tAttribution:T1 Content:T9", source="f:1")


def test_gold_scores_100_and_empty_scores_0(gold):
    for preds in (gold_predictions(gold), gold_attributions(gold)):
        report = score_polnear({"a": preds}, [gold])
        for name, s in report.scores.items():
            assert (s.precision, s.recall) == (1.0, 1.0), name
        assert report.errors == []
    report = score_polnear({}, [gold])
    assert all(s.f1 == 0.0 for s in report.scores.values())
    assert [m["text"] for m in report.errors[0]["missed"]] == [
        "the bridge will stay closed until Monday", "Residents were angry"]
    assert [(m["source"], m["cue"]) for m in report.errors[0]["missed"]] == [("The mayor", "said"), ("a neighbour", "told")]
    report = score_polnear({"a": [pred("The council has not commented", "The council", "commented")]}, [gold])
    assert [(m["text"], m["source"], m["cue"]) for m in report.errors[0]["spurious"]] == [
        ("The council has not commented", "The council", "commented")]


def test_exact_versus_overlap(gold):
    # content 1 predicted as "the bridge will stay closed" (5 of 7 words): overlap match, not exact.
    # content 2 predicted with a trailing comma "Residents were angry," : punctuation ignored → exact.
    # content: exact 1/2 pred, 1/2 gold; overlap 2/2, 2/2.
    preds = [pred("the bridge will stay closed", "The mayor", "said"), pred("Residents were angry,", "a neighbour")]
    report = score_polnear({"a": preds}, [gold])
    s = report.scores
    assert (s["content exact"].precision, s["content exact"].recall) == (0.5, 0.5)
    assert (s["content overlap"].precision, s["content overlap"].recall) == (1.0, 1.0)
    # sources: both right (2 predicted, 2 gold) → 1.0; cues: 1 predicted and right, 2 gold → P 1, R 1/2
    assert s["source exact"].f1 == 1.0
    assert (s["cue exact"].precision, s["cue exact"].recall) == (1.0, 0.5)
    assert report.errors[0]["boundary"][0]["recall"] == round(5 / 7, 4)  # rounded in the error file


def test_source_partial_and_unpaired(gold):
    # P1: content 1 right, source "mayor" (1 of 2 words): overlap match, not exact.
    # P2: content "The council has not commented" (no gold content) with source "The mayor": unpaired,
    #     so its source is wrong although the words are a gold source.
    # sources: predicted 2, gold 2 → exact 0/2, 0/2; overlap 1/2, 1/2.
    # paired contents only: 1 pair with a predicted and a gold source → exact 0/1, overlap 1/1.
    preds = [pred("the bridge will stay closed until Monday", "mayor"),
             pred("The council has not commented", "The mayor", id_="q")]
    report = score_polnear({"a": preds}, [gold])
    s = report.scores
    assert (s["source exact"].precision, s["source exact"].recall) == (0.0, 0.0)
    assert (s["source overlap"].precision, s["source overlap"].recall) == (0.5, 0.5)
    assert (s["source overlap, paired contents"].precision, s["source overlap, paired contents"].recall) == (1.0, 1.0)
    assert s["source exact, paired contents"].f1 == 0.0
    entry = report.errors[0]
    assert [x["id"] for x in entry["spurious"]] == ["q"]
    assert entry["source"][0] == {"content": "the bridge will stay closed until Monday", "gold": "The mayor",
                                  "predicted": "mayor"}


def test_one_to_one_pairing(gold):
    # two predictions inside gold content 1; the longer one is paired, the other is spurious:
    # content overlap P = 1/2, R = 1/2 (content 2 missed)
    preds = [Prediction(quote=(at(TEXT, "the bridge"),)), Prediction(quote=(at(TEXT, "will stay closed until Monday"),))]
    s = score_polnear({"a": preds}, [gold]).scores["content overlap"]
    assert (s.precision, s.recall) == (0.5, 0.5)


def test_read_polnear(tmp_path):
    path = tmp_path / "dev.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for n in range(3):
            f.write(json.dumps({"id": f"doc{n}", "annotator_file": "x", "text": TEXT, "ann": ANN}) + "\n")
    arts = list(read_polnear(path, limit=2))
    assert [a.id for a in arts] == ["doc0", "doc1"]
    assert arts[1].relations[0].id == "doc1#E1"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": TEXT}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1.*ann"):
        list(read_polnear(bad))


@pytest.mark.skipif(not DEV.is_file(), reason="PolNeAR dev data not present")
def test_real_dev_file_counts_and_gold_scores_100():
    gold = list(read_polnear(DEV))
    assert len(gold) == 84
    # E lines with a content (one dev E line has only its trigger and is left out)
    assert sum(len(a.relations) for a in gold) == 2192
    for outermost_only in (False, True):
        report = score_polnear({a.id: gold_predictions(a) for a in gold}, gold, outermost_only=outermost_only)
        for name, s in report.scores.items():
            assert (s.precision, s.recall) == (1.0, 1.0), (name, outermost_only)


def test_a_mediator_is_scored_as_the_relation_that_relays_the_report():
    # "X said …, according to Y": PolNeAR annotates two relations, X–said–content and
    # Y–according to–"X said content"; an attribution with a mediator stands for both
    text = "The mayor said the bridge will stay closed, according to the local paper."
    def span(s): return at(text, s)
    relations = (GoldRelation("r#E1", (span("the bridge will stay closed"),), (span("The mayor"),), (span("said"),)),
                 GoldRelation("r#E2", (span("The mayor said the bridge will stay closed"),), (span("the local paper"),),
                              (span("according to"),)))
    gold = PolnearArticle("r", text, relations)
    quote = Quote("the bridge will stay closed", *span("the bridge will stay closed"), "indirect")
    att = Attribution("r:1", "r", quote, speaker=Mention("The mayor", *span("The mayor")), cue=Cue("said", *span("said")),
                      mediator=Mention("the local paper", *span("the local paper")))
    s = score_polnear({"r": [att]}, [gold]).scores
    assert (s["content exact"].f1, s["source exact"].f1) == (1.0, 1.0)
    # the relay's cue is not kept in the record: one of two gold cues is found
    assert (s["cue exact"].precision, s["cue exact"].recall) == (1.0, 0.5)
    # without the mediator only the reported relation is found
    s = score_polnear({"r": [replace(att, mediator=None)]}, [gold]).scores
    assert (s["source exact"].precision, s["source exact"].recall) == (1.0, 0.5)


def test_a_nested_attribution_has_no_relay_relation_its_outer_attribution_is_that_relay():
    text = "Vera Lind said her rival told voters that taxes would fall."
    def span(s): return at(text, s)
    outer_content = "her rival told voters that taxes would fall"
    gold = PolnearArticle("n", text, (GoldRelation("n#E1", (span(outer_content),), (span("Vera Lind"),), (span("said"),)),
                                      GoldRelation("n#E2", (span("that taxes would fall"),), (span("her rival"),),
                                                   (span("told"),))))
    outer = Attribution("n:1", "n", Quote(outer_content, *span(outer_content), "indirect"),
                        speaker=Mention("Vera Lind", *span("Vera Lind")), cue=Cue("said", *span("said")))
    inner = Attribution("n:2", "n", Quote("that taxes would fall", *span("that taxes would fall"), "indirect"),
                        speaker=Mention("her rival", *span("her rival")), cue=Cue("told", *span("told")),
                        mediator=Mention("Vera Lind", *span("Vera Lind")), parent="n:1")
    s = score_polnear({"n": [outer, inner]}, [gold]).scores
    assert (s["content exact"].precision, s["source exact"].precision) == (1.0, 1.0)
    # standing alone (no parent), the same record is a relation and its relay, which
    # duplicates the outer attribution: one prediction of three is spurious
    s = score_polnear({"n": [outer, replace(inner, parent=None)]}, [gold]).scores
    assert s["content exact"].precision == pytest.approx(2 / 3)


def test_outermost_scores_the_relay_alone_as_the_guideline_annotates():
    # PolNeAR annotates only the outermost of nested attributions: for "X said …, according to
    # Y" the paper's relation, whose content holds the mayor's
    text = "The mayor said the bridge will stay closed, according to the local paper."
    def span(s): return at(text, s)
    gold = PolnearArticle("o", text, (GoldRelation("o#E1", (span("The mayor said the bridge will stay closed"),),
                                                   (span("the local paper"),), (span("according to"),)),))
    att = Attribution("o:1", "o", Quote("the bridge will stay closed", *span("the bridge will stay closed"), "indirect"),
                      speaker=Mention("The mayor", *span("The mayor")), cue=Cue("said", *span("said")),
                      mediator=Mention("the local paper", *span("the local paper")))
    s = score_polnear({"o": [att]}, [gold]).scores
    assert (s["content exact"].precision, s["content exact"].recall) == (0.5, 1.0)
    report = score_polnear({"o": [att]}, [gold], outermost_only=True)
    s = report.scores
    assert (s["content exact"].precision, s["content exact"].recall) == (1.0, 1.0)
    assert (s["source exact"].precision, s["source exact"].recall) == (1.0, 1.0)
    assert (report.n_pred, report.info["outermost_only"]) == (1, True)


def test_outermost_leaves_out_what_lies_inside_a_content_but_not_what_lies_in_its_gap():
    text = "“We will not move,” Ida Ross said, and she told staff that the depot stays, “and that is final.”"
    def span(s): return at(text, s)
    quote = (span("“We will not move,”"), span("“and that is final.”"))  # one quote around the frame
    told = (span("that the depot stays"),)  # in the gap: a relation of its own
    inner = (span("We will not"),)  # inside a span of the quote
    assert outermost([quote, told, inner]) == [True, True, False]
    gold = PolnearArticle("g", text, (GoldRelation("g#E1", quote, (span("Ida Ross"),)),
                                      GoldRelation("g#E2", told, (span("she"),)),
                                      GoldRelation("g#E3", inner, (span("Ida Ross"),))))
    report = score_polnear({"g": gold_predictions(gold)[:2]}, [gold], outermost_only=True)
    assert (report.n_gold, report.scores["content exact"].recall) == (2, 1.0)
    assert score_polnear({"g": gold_predictions(gold)[:2]}, [gold]).scores["content exact"].recall == pytest.approx(2 / 3)
