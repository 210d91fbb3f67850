"""Wikinews scoring on small invented articles (figures worked out by hand in the comments),
and on the real dev file when it is there."""

import gzip
import json
import os
from pathlib import Path

import pytest

from quotegraph.errors import InputError
from quotegraph.extract.evaluation.scoring import Prediction, tokens_in
from quotegraph.extract.evaluation.wikinews import (
    GOLD_TYPES,
    gold_article_from_spans,
    gold_attributions,
    gold_predictions,
    parse_wikinews,
    read_wikinews,
    score_wikinews,
)
from quotegraph.extract.records import Attribution, Cue, Mention, Quote

DATA = Path(os.environ.get("QUOTEGRAPH_DATA") or Path(__file__).parents[3] / "shared" / "data")
DEV = DATA / "wikinews-de" / "dev.jsonl.gz"


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def pred(text, quote, speaker=None, cue=None, kind="indirect", parent=None, id_="p"):
    """An Attribution for the first occurrences of the given strings (tuples: (string, nth))."""

    def span(x):
        return at(text, *x) if isinstance(x, tuple) else at(text, x)

    q = span(quote)
    return Attribution(
        id=id_, article="a", quote=Quote(text[q[0]:q[1]], *q, kind),
        speaker=Mention(text[span(speaker)[0]:span(speaker)[1]], *span(speaker)) if speaker else None,
        cue=Cue(text[span(cue)[0]:span(cue)[1]], *span(cue)) if cue else None,
        parent=parent,
    )


# Tokens (regex: words and single punctuation marks):
# Die Stadt teilte am Abend mit , die Brücke bleibe bis Montag gesperrt . Bürgermeister Karl Berg
# sagte , er bedauere das sehr . „ Wir arbeiten daran “ , sagte er .
TEXT = ("Die Stadt teilte am Abend mit, die Brücke bleibe bis Montag gesperrt. "
        "Bürgermeister Karl Berg sagte, er bedauere das sehr. „Wir arbeiten daran“, sagte er.")
ER = (TEXT.rindex("er."), TEXT.rindex("er.") + 2)  # the pronoun "er" at the very end


@pytest.fixture
def gold():
    return gold_article_from_spans("a", TEXT, [
        {"type": "Indirect", "quote": [at(TEXT, "die Brücke bleibe bis Montag gesperrt")],
         "speaker": [at(TEXT, "Die Stadt")], "cue": [at(TEXT, "teilte"), at(TEXT, "mit")]},
        {"type": "Indirect", "quote": [at(TEXT, "er bedauere das sehr")],
         "speaker": [at(TEXT, "Bürgermeister Karl Berg")], "cue": [at(TEXT, "sagte")]},
        {"type": "Direct", "quote": [at(TEXT, "Wir arbeiten daran")],
         "speaker": [ER], "cue": [at(TEXT, "sagte", 1)]},
    ])


def perfect():
    third = pred(TEXT, "Wir arbeiten daran", cue=("sagte", 1), kind="direct")
    return [
        pred(TEXT, "die Brücke bleibe bis Montag gesperrt", "Die Stadt", "teilte", "indirect"),
        pred(TEXT, "er bedauere das sehr", "Bürgermeister Karl Berg", "sagte", "indirect"),
        Attribution(third.id, "a", third.quote, Mention("er", *ER), third.cue),
    ]


def test_gold_as_predictions_scores_100(gold):
    report = score_wikinews({"a": gold_predictions(gold)}, [gold])
    assert report.scores["addressee"].n_gold == 0  # no addressee in this text: nothing to score
    for name, s in report.scores.items():
        if name != "addressee":
            assert (s.precision, s.recall) == (1.0, 1.0), name
    assert set(report.by_type) == {"Direct", "Indirect"}
    assert report.errors == []
    assert (report.n_articles, report.n_gold, report.n_pred, report.n_pairs) == (1, 3, 3, 3)


def test_gold_as_attributions_scores_100_when_contiguous(gold):
    # The cue "teilte … mit" is two spans; one covering span takes "am Abend" too:
    # cue P over 3 predicted cues = (2/4 + 1 + 1) / 3; everything else is exact.
    report = score_wikinews({"a": gold_attributions(gold)}, [gold])
    assert report.scores["message"].f1 == 1.0
    assert report.scores["speaker"].f1 == 1.0
    assert report.scores["joint"].f1 == 1.0
    assert report.scores["cue"].precision == pytest.approx((0.5 + 1 + 1) / 3)
    assert report.scores["cue"].recall == 1.0


def test_empty_predictions_score_0(gold):
    report = score_wikinews({}, [gold])
    for s in report.scores.values():
        assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert report.scores["message"].n_gold == 3 and report.scores["message"].n_pred == 0
    [entry] = report.errors
    assert [m["text"] for m in entry["missed"]] == [
        "die Brücke bleibe bis Montag gesperrt", "er bedauere das sehr", "Wir arbeiten daran"]


def test_three_of_four_tokens_plus_one_extra():
    text = "Tom sagte, wir kommen morgen früh an."
    gold = gold_article_from_spans("a", text, [{"type": "Indirect", "quote": [at(text, "wir kommen morgen früh")]}])
    # gold: wir kommen morgen früh (4); predicted: kommen morgen früh an (4); 3 shared → P = R = 3/4
    report = score_wikinews({"a": [pred(text, "kommen morgen früh an")]}, [gold])
    s = report.scores["message"]
    assert (s.precision, s.recall, s.f1) == (0.75, 0.75, 0.75)
    assert report.errors[0]["boundary"][0]["precision"] == 0.75


def test_half_overlap(gold):
    # predicted "bis Montag gesperrt" (3 tokens) inside gold "die Brücke bleibe bis Montag gesperrt" (6):
    # pair P = 3/3, R = 3/6; the other two gold quotes are missed (R = 0).
    # message P = 1/1 = 1; R = (1/2 + 0 + 0) / 3 = 1/6
    report = score_wikinews({"a": [pred(TEXT, "bis Montag gesperrt")]}, [gold])
    s = report.scores["message"]
    assert s.precision == 1.0
    assert s.recall == pytest.approx(1 / 6)
    assert s.f1 == pytest.approx(2 * 1 * (1 / 6) / (1 + 1 / 6))


def test_one_to_one_pairing(gold):
    # Two predictions overlap gold quote 1 (6 tokens):
    #   A "Brücke bleibe" (2 tokens, F = 2·1·(2/6)/(1+2/6) = 0.5)
    #   B "bleibe bis Montag gesperrt" (4 tokens, F = 0.8) → B is paired, A is spurious.
    # message P = (1 + 0) / 2 = 0.5; R = (4/6 + 0 + 0) / 3 = 2/9
    a = pred(TEXT, "Brücke bleibe", id_="A")
    b = pred(TEXT, "bleibe bis Montag gesperrt", id_="B")
    report = score_wikinews({"a": [a, b]}, [gold])
    s = report.scores["message"]
    assert s.precision == 0.5
    assert s.recall == pytest.approx(2 / 9)
    assert report.n_pairs == 1
    assert [x["id"] for x in report.errors[0]["spurious"]] == ["A"]


def test_discontinuous_gold_quote():
    # Tokens: „ Wir bleiben “ , sagte Anna , „ bis zum Ende . “   (14)
    # Gold quote = "Wir bleiben" + "bis zum Ende." = 6 tokens.
    text = "„Wir bleiben“, sagte Anna, „bis zum Ende.“"
    gold = gold_article_from_spans("a", text, [{
        "type": "Direct", "quote": [at(text, "Wir bleiben"), at(text, "bis zum Ende.")],
        "speaker": [at(text, "Anna")], "cue": [at(text, "sagte")]}])
    assert len(gold.tokens) == 14
    # 1) one prediction from "Wir" to "Ende.": 12 tokens, 6 of them gold → P = 1/2, R = 1
    whole = Prediction(quote=((at(text, "Wir")[0], at(text, "Ende.")[1]),), kind="direct")
    s = score_wikinews({"a": [whole]}, [gold]).scores["message"]
    assert (s.precision, s.recall) == (0.5, 1.0)
    # 2) one prediction per segment: "bis zum Ende." (F = 0.8) beats "Wir bleiben" (F = 0.5);
    #    P = (1 + 0) / 2, R = 4/6
    parts = [Prediction(quote=(at(text, "Wir bleiben"),)), Prediction(quote=(at(text, "bis zum Ende."),))]
    s = score_wikinews({"a": parts}, [gold]).scores["message"]
    assert s.precision == 0.5 and s.recall == pytest.approx(4 / 6)
    # 3) the gold itself, both spans: 100
    assert score_wikinews({"a": gold_predictions(gold)}, [gold]).scores["joint"].f1 == 1.0


def test_pronoun_speaker_counts_the_mention_not_the_entity(gold):
    # Gold speaker of "Wir arbeiten daran" is the pronoun "er" (the last word).
    direct = "Wir arbeiten daran"
    quote = pred(TEXT, direct, kind="direct").quote
    right = Attribution("p", "a", quote, Mention("er", *ER, entity="Karl Berg"))
    # naming the resolved person instead of the pronoun is wrong at the token level
    named = pred(TEXT, direct, "Karl Berg", kind="direct")
    good = score_wikinews({"a": [right]}, [gold]).scores["speaker"]
    bad = score_wikinews({"a": [named]}, [gold]).scores["speaker"]
    # gold speakers: 3 (one per quote); only the paired quote's counts: R = (1 + 0 + 0) / 3
    assert good.precision == 1.0 and good.recall == pytest.approx(1 / 3)
    assert bad.precision == 0.0 and bad.recall == 0.0
    [entry] = score_wikinews({"a": [named]}, [gold]).errors
    assert entry["speaker"] == [{"quote": direct, "gold": "er", "predicted": "Karl Berg",
                                 "precision": 0.0, "recall": 0.0}]


def test_speaker_of_unpaired_quote_and_missing_speaker(gold):
    # P1: right quote 2, no speaker → speaker R for gold 2 = 0, no speaker P value
    # P2: a quote that overlaps no gold quote ("Bürgermeister Karl Berg sagte"), speaker "Die Stadt"
    #     → spurious; its speaker adds P = 0.
    p1 = pred(TEXT, "er bedauere das sehr")
    p2 = pred(TEXT, "Bürgermeister Karl Berg sagte", "Die Stadt")
    s = score_wikinews({"a": [p1, p2]}, [gold]).scores["speaker"]
    assert (s.precision, s.n_pred) == (0.0, 1)
    assert (s.recall, s.n_gold) == (0.0, 3)


def test_cue_token_by_token(gold):
    # gold cue of quote 1 = "teilte" + "mit" (2 tokens); predicted "teilte" → P = 1, R = 1/2
    p = pred(TEXT, "die Brücke bleibe bis Montag gesperrt", cue="teilte")
    s = score_wikinews({"a": [p]}, [gold]).scores["cue"]
    assert s.precision == 1.0
    assert s.recall == pytest.approx((0.5 + 0 + 0) / 3)


def test_joint_pools_message_and_speaker(gold):
    # one prediction: quote 2 exact (message P 1, R 1), speaker wrong ("Die Stadt": P 0, R 0)
    # message P values [1], R values [0, 1, 0]; speaker P values [0], R values [0, 0, 0]
    # joint P = (1 + 0) / 2 = 1/2; joint R = (0 + 1 + 0 + 0 + 0 + 0) / 6 = 1/6
    p = pred(TEXT, "er bedauere das sehr", "Die Stadt")
    s = score_wikinews({"a": [p]}, [gold]).scores["joint"]
    assert s.precision == 0.5
    assert s.recall == pytest.approx(1 / 6)


def test_type_and_by_type(gold):
    # quote 1 predicted "direct" (gold Indirect: wrong type), quote 3 predicted "direct" (right),
    # plus an unpaired "reported" prediction ("Bürgermeister Karl Berg") counted under Reported.
    preds = [
        pred(TEXT, "die Brücke bleibe bis Montag gesperrt", kind="direct"),
        pred(TEXT, "Wir arbeiten daran", kind="direct"),
        pred(TEXT, "Bürgermeister Karl Berg", kind="reported"),
    ]
    report = score_wikinews({"a": preds}, [gold])
    t = report.scores["type"]
    assert (t.precision, t.recall) == (1 / 3, 1 / 3)
    by = report.by_type
    assert (by["Direct"].precision, by["Direct"].recall) == (1.0, 1.0)
    # Indirect: 2 gold (one found exactly, one missed) → R = 1/2; the paired prediction → P = 1
    assert (by["Indirect"].precision, by["Indirect"].recall) == (1.0, 0.5)
    assert (by["Reported"].precision, by["Reported"].n_pred, by["Reported"].n_gold) == (0.0, 1, 0)
    assert list(by) == [t for t in GOLD_TYPES if t in by]
    assert report.errors[0]["type"] == [
        {"quote": "die Brücke bleibe bis Montag gesperrt", "gold": "Indirect", "predicted": "direct"}]


def test_type_fits_for_indirect_free_indirect():
    text = "Er sei krank, hieß es."
    gold = gold_article_from_spans("a", text, [{"type": "IndirectFreeIndirect", "quote": [at(text, "Er sei krank")]}])
    for kind, right in (("indirect", 1.0), ("free_indirect", 1.0), ("direct", 0.0)):
        p = Prediction(quote=(at(text, "Er sei krank"),), kind=kind)
        assert score_wikinews({"a": [p]}, [gold]).scores["type"].f1 == right


def test_top_level_only_leaves_nested_out():
    text = "Anna sagte, Tom habe „Wir sind bereit“ gerufen."
    gold = gold_article_from_spans("a", text, [
        {"type": "Indirect", "quote": [at(text, "Tom habe „Wir sind bereit“ gerufen")], "speaker": [at(text, "Anna")]},
        {"type": "Direct", "quote": [at(text, "Wir sind bereit")], "speaker": [at(text, "Tom")], "nested": True},
    ])
    atts = gold_attributions(gold)
    assert atts[1].parent == atts[0].id
    top = score_wikinews({"a": atts[:1]}, [gold], nested=False)
    assert top.n_gold == 1 and top.scores["joint"].f1 == 1.0
    everything = score_wikinews({"a": atts[:1]}, [gold])
    assert everything.n_gold == 2 and everything.scores["message"].recall == 0.5


def test_predictions_for_unknown_articles_are_ignored(gold):
    report = score_wikinews({"a": perfect(), "elsewhere": perfect()}, [gold])
    assert report.n_pred == 3 and report.scores["message"].f1 == 1.0
    # cue of quote 1 predicted as "teilte" only (gold "teilte … mit"): cue R = (1/2 + 1 + 1) / 3
    assert report.scores["speaker"].f1 == 1.0
    assert report.scores["cue"].precision == 1.0
    assert report.scores["cue"].recall == pytest.approx(2.5 / 3)


def test_parse_and_read(tmp_path):
    text = "Sie sagte, es regne."
    toks = [{"charBegin": s, "charEnd": e} for s, e in gold_article_from_spans("x", text, []).tokens]
    obj = {"documentName": "doc 1", "originalText": text, "tokens": toks, "annotations": [{
        "id": 4, "type": "Indirect", "medium": "Speech", "isNested": False, "hasNested": False,
        "quote": {"spans": [{"charBegin": at(text, "es regne")[0], "charEnd": at(text, "es regne")[1]}]},
        "speaker": {"spans": [{"charBegin": 0, "charEnd": 3}]},
        "cue": {"spans": [{"charBegin": at(text, "sagte")[0], "charEnd": at(text, "sagte")[1]}]},
        "frame": {"spans": []}, "addressee": {"spans": []}}]}
    art = parse_wikinews(obj)
    assert art.id == "doc 1" and art.quotes[0].id == "doc 1#4" and art.quotes[0].medium == "Speech"
    path = tmp_path / "dev.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(obj) + "\n\n" + json.dumps(dict(obj, documentName="doc 2")) + "\n")
    assert [a.id for a in read_wikinews(path)] == ["doc 1", "doc 2"]
    assert [a.id for a in read_wikinews(path, limit=1)] == ["doc 1"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(obj) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2"):
        list(read_wikinews(bad))
    with pytest.raises(InputError, match="missing"):
        parse_wikinews({"documentName": "x"})


@pytest.mark.skipif(not DEV.is_file(), reason="Wikinews dev data not present")
def test_real_dev_file_counts_and_gold_scores_100():
    gold = list(read_wikinews(DEV))
    assert len(gold) == 150
    assert sum(len(a.quotes) for a in gold) == 653
    report = score_wikinews({a.id: gold_predictions(a) for a in gold}, gold)
    assert report.n_gold == report.n_pred == report.n_pairs == 653
    for name, s in report.scores.items():
        assert (s.precision, s.recall) == (1.0, 1.0), name
    assert sum(s.n_gold for s in report.by_type.values()) == 653
    # predicted char spans map to exactly the gold's own token ids
    with gzip.open(DEV, "rt", encoding="utf-8") as f:
        raw = [json.loads(line) for line in f]
    for obj, art in zip(raw, gold):
        for ann, q in zip(obj["annotations"], art.quotes):
            for role in ("quote", "speaker", "cue"):
                assert tokens_in(getattr(q, role), art.tokens) == set(ann[role]["tokenIds"])


def test_addressee_is_scored_token_by_token_inside_pairs():
    text = "Berg sagte der Zeitung „Weser-Echo“, er bedauere das. Anna sagte, es regne."
    gold = gold_article_from_spans("a", text, [
        {"type": "Indirect", "quote": [at(text, "er bedauere das")], "speaker": [at(text, "Berg")],
         "addressee": [at(text, "der Zeitung „Weser-Echo“")]},
        {"type": "Indirect", "quote": [at(text, "es regne")], "speaker": [at(text, "Anna")]},
    ])
    # tokens of the gold addressee: der Zeitung „ Weser - Echo “ (7); predicted: Zeitung (1)
    first = pred(text, "er bedauere das", "Berg")
    first = Attribution(first.id, "a", first.quote, first.speaker, addressee=Mention("Zeitung", *at(text, "Zeitung")))
    # an addressee on a quote whose gold has none counts against precision only
    second = pred(text, "es regne", "Anna", id_="q")
    second = Attribution(second.id, "a", second.quote, second.speaker, addressee=Mention("Anna", *at(text, "Anna")))
    s = score_wikinews({"a": [first, second]}, [gold]).scores["addressee"]
    assert (s.n_pred, s.n_gold) == (2, 1)
    assert s.precision == pytest.approx((1.0 + 0.0) / 2)
    assert s.recall == pytest.approx(1 / 7)
    assert score_wikinews({"a": gold_predictions(gold)}, [gold]).scores["addressee"].f1 == 1.0
