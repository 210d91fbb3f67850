"""Generic scoring pieces: tokens of spans, token overlap, one-to-one pairing, P/R/F."""

import itertools
import random

import pytest

from quotegraph.extract.evaluation.scoring import (
    PRF,
    Prediction,
    as_prediction,
    best_pairs,
    f1,
    mean,
    pair_by_overlap,
    token_overlap,
    tokens_in,
    word_tokens,
)
from quotegraph.extract.records import Attribution, Cue, Mention, Quote

TEXT = "Die Stadt teilte mit, die Brücke bleibe bis Montag gesperrt."


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def test_f1_and_mean():
    assert f1(1.0, 1.0) == 1.0
    assert f1(0.0, 1.0) == 0.0
    assert f1(0.5, 0.5) == 0.5
    assert mean([]) == 0.0
    assert mean([0.25, 0.75]) == 0.5


def test_prf_macro_and_micro():
    s = PRF.from_values([1.0, 0.0], [0.5])  # P = 1/2, R = 1/2
    assert (s.precision, s.recall, s.f1, s.n_pred, s.n_gold) == (0.5, 0.5, 0.5, 2, 1)
    s = PRF.from_counts(2, n_pred=4, n_gold=2)  # P = 2/4, R = 2/2, F = 2/3
    assert (s.precision, s.recall) == (0.5, 1.0)
    assert s.f1 == pytest.approx(2 / 3)
    assert PRF.from_counts(0, n_pred=0, n_gold=0).f1 == 0.0
    assert PRF.from_values([], []).to_dict()["f1"] == 0.0


def test_word_tokens_skip_punctuation():
    toks = word_tokens(TEXT)
    assert [TEXT[s:e] for s, e in toks][:4] == ["Die", "Stadt", "teilte", "mit"]
    assert len(toks) == 10  # no "," and no "."


@pytest.mark.parametrize(
    "piece, expected",
    [
        ("Brücke bleibe", ["Brücke", "bleibe"]),
        ("rücke blei", ["Brücke", "bleibe"]),  # cut words still count: any overlap
        ("Montag gesperrt.", ["Montag", "gesperrt"]),
        (", ", []),  # touches no word
    ],
)
def test_tokens_in(piece, expected):
    toks = word_tokens(TEXT)
    got = tokens_in([at(TEXT, piece)], toks)
    assert sorted(TEXT[toks[i][0]:toks[i][1]] for i in got) == sorted(expected)


def test_tokens_in_union_of_spans_and_empty_span():
    toks = word_tokens(TEXT)
    got = tokens_in([at(TEXT, "Die"), at(TEXT, "gesperrt"), (5, 5)], toks)
    assert sorted(TEXT[toks[i][0]:toks[i][1]] for i in got) == ["Die", "gesperrt"]
    assert tokens_in([(len(TEXT) + 5, len(TEXT) + 9)], toks) == frozenset()


def test_token_overlap_by_hand():
    # gold 4 tokens {0,1,2,3}; predicted covers 3 of them and 1 extra → P = 3/4, R = 3/4
    assert token_overlap(frozenset({1, 2, 3, 4}), frozenset({0, 1, 2, 3})) == (0.75, 0.75, 0.75)
    # predicted inside gold: 2 of 4 → P = 1, R = 1/2, F = 2/3
    p, r, f = token_overlap({1, 2}, {0, 1, 2, 3})
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    assert token_overlap(set(), set()) == (0.0, 0.0, 0.0)


def test_best_pairs_beats_greedy():
    # greedy takes (0,0)=0.9 and leaves row 1 with 0; optimal: (0,1)+(1,0) = 0.8+0.7
    assert best_pairs([[0.9, 0.8], [0.7, 0.0]]) == [(0, 1), (1, 0)]


def test_best_pairs_rectangular_and_zero_weights():
    assert best_pairs([[0.5], [0.9], [0.1]]) == [(1, 0)]
    assert best_pairs([[0.0, 0.3, 0.2]]) == [(0, 1)]
    assert best_pairs([[0.0, 0.0], [0.0, 0.0]]) == []
    assert best_pairs([[]]) == []


def _brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(max(weights[i][perm[i]], 0.0) for i in range(rows)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(max(weights[perm[j]][j], 0.0) for j in range(cols)))
    return best


def test_best_pairs_is_optimal_on_random_matrices():
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0.0, 0.0, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        pairs = best_pairs(weights)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert sum(weights[i][j] for i, j in pairs) == pytest.approx(_brute_force(weights))


def test_pair_by_overlap_is_one_to_one():
    gold = [frozenset({0, 1, 2, 3})]
    # both overlap the gold quote; the second fits better (F 6/7 vs 2/3) and alone is paired
    preds = [frozenset({0, 1}), frozenset({0, 1, 2})]
    assert pair_by_overlap(preds, gold) == [(1, 0)]


def test_pair_by_overlap_never_pairs_disjoint_sets():
    assert pair_by_overlap([frozenset({5, 6})], [frozenset({0, 1})]) == []
    assert pair_by_overlap([frozenset()], [frozenset({0})]) == []


def test_pair_by_overlap_bonus_breaks_ties():
    gold = [frozenset({0, 1}), frozenset({1, 2})]
    pred = [frozenset({1})]  # same overlap with both gold items
    assert pair_by_overlap(pred, gold, bonus=lambda i, j: 0.01 if j == 1 else 0.0) == [(0, 1)]


def test_as_prediction_from_attribution():
    text = "„Wir gehen“, sagte er."
    q = Quote("Wir gehen", *at(text, "Wir gehen"), "direct")
    er = at(text, "er.")[0], at(text, "er.")[0] + 2  # the pronoun, without the full stop
    att = Attribution("x:1", "x", q, speaker=Mention("er", *er), cue=Cue("sagte", *at(text, "sagte")), parent="x:0")
    p = as_prediction(att)
    assert text[er[0]:er[1]] == "er" and text[er[1]] == "."
    assert p.quote == (at(text, "Wir gehen"),)
    assert p.speaker == (er,)
    assert p.cue == (at(text, "sagte"),)
    assert (p.kind, p.id, p.nested) == ("direct", "x:1", True)
    bare = as_prediction(Attribution("x:2", "x", q))
    assert (bare.speaker, bare.cue, bare.nested) == ((), (), False)
    assert as_prediction(p) is p


def test_prediction_holds_discontinuous_quotes():
    p = Prediction(quote=((0, 3), (10, 12)))
    assert tokens_in(p.quote, [(0, 3), (4, 9), (10, 12)]) == frozenset({0, 2})
