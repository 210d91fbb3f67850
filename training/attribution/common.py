"""What both training scripts of the learned attribution parts share: data, scoring, fitting."""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from quotegraph.extract.evaluation import polnear, wikinews
from quotegraph.extract.evaluation.scoring import as_prediction
from quotegraph.extract.linear import LinearModel

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
#: per language: data folder, reader, gold → Article, gold → Predictions
DATA = {"de": ("wikinews-de", wikinews.read_wikinews, wikinews.as_article, wikinews.gold_predictions),
        "en": ("polnear-en", polnear.read_polnear, polnear.as_article, polnear.gold_predictions)}
#: per language: what the scorer counts for one predicted attribution. PolNeAR counts a relay
#: ("…," X said, according to Y) as a relation of its own, Wikinews does not.
SCORED_AS = {"de": lambda attribution: [as_prediction(attribution)], "en": polnear.as_predictions}
#: the measure thresholds are chosen by: the one that counts a quote right only with its speaker
HEADLINE = {"de": "joint F1", "en": "source overlap F1"}


def read_gold(lang: str, data_root: Path, limit: int | None = None) -> list:
    folder, read, _, _ = DATA[lang]
    return list(read(data_root / folder / "train.jsonl.gz", limit=limit))


def headline_score(lang: str, predictions: dict, gold: list):
    """The measure thresholds are chosen by (see :data:`HEADLINE`), as the scorer's PRF."""
    if lang == "de":
        return wikinews.score_wikinews(predictions, gold, errors=False).scores["joint"]
    return polnear.score_polnear(predictions, gold, errors=False).scores["source overlap"]


def headline(lang: str, predictions: dict, gold: list) -> float:
    """The F1 of :func:`headline_score`."""
    return headline_score(lang, predictions, gold).f1


def plateau_centre(curve: list[tuple[float, float]], tolerance: float = 0.0005) -> tuple[float, float]:
    """The threshold in the middle of those scoring within ``tolerance`` of the best (the
    curve is flat near its top; its middle varies less between data sets than its argmax).

    >>> plateau_centre([(0.1, 0.60), (0.2, 0.651), (0.3, 0.652), (0.4, 0.6515), (0.5, 0.64)])
    (0.3, 0.652)
    """
    best = max(v for _, v in curve)
    near = [(t, v) for t, v in curve if v >= best - tolerance]
    return near[len(near) // 2]


def headline_counts(lang: str, predictions: dict, gold: list) -> np.ndarray:
    """Per article, what the headline measure sums: (right among predicted, predicted, right
    among gold, gold), one row per article of ``gold``; :func:`f1_of_counts` of their sum is
    :func:`headline`."""
    rows = []
    for g in gold:
        s = headline_score(lang, {g.id: predictions.get(g.id, [])}, [g])
        rows.append((s.precision * s.n_pred, s.n_pred, s.recall * s.n_gold, s.n_gold))
    return np.array(rows, dtype=float)


def f1_of_counts(counts: np.ndarray) -> np.ndarray:
    """F1 from summed :func:`headline_counts` (the last axis holds the four sums)."""
    p = counts[..., 0] / np.maximum(counts[..., 1], 1)
    r = counts[..., 2] / np.maximum(counts[..., 3], 1)
    return 2 * p * r / np.maximum(p + r, 1e-12)


def bootstrap_indices(n: int, n_boot: int = 500, seed: int = 0) -> np.ndarray:
    """``n_boot`` resamples (with replacement) of ``n`` articles, one per row."""
    return np.random.default_rng(seed).integers(0, n, (n_boot, n))


def _boot_f1(counts: np.ndarray, boot: np.ndarray) -> np.ndarray:
    """The F1 of ``counts`` (articles × 4) on each resample of ``boot``."""
    return f1_of_counts(counts[boot].sum(1))


def one_se_lowest(thresholds: list[float], counts: list[np.ndarray], n_boot: int = 500,
                  seed: int = 0) -> tuple[float, float, float]:
    """The lowest threshold whose headline lies within one standard error of the best, the
    error being that of the best threshold's headline bootstrapped over articles.

    The filters' former rule, kept for comparison (``--threshold-rule
    lowest-within-se``): it leans the whole width of the band towards keeping more. On
    German (700 articles, a wide band) that is about 0.2 where the best lies between 0.3
    and 0.45, and it loses half a point of joint F1 on held-out articles
    (:func:`rule_out_of_fold`), most of it in precision.

    ``counts[k]`` holds :func:`headline_counts` at ``thresholds[k]``. Returns (threshold, its
    headline, the standard error).

    >>> few = np.array([[1, 2, 1, 2], [2, 2, 2, 2]], dtype=float)    # 2 of 4 right
    >>> many = np.array([[2, 2, 2, 2], [2, 2, 2, 2]], dtype=float)   # all right
    >>> t, f1, se = one_se_lowest([0.1, 0.5], [few, many])
    >>> t, round(f1, 2), se
    (0.5, 1.0, 0.0)
    """
    curve = np.array([f1_of_counts(c.sum(0)) for c in counts])
    best = int(np.argmax(curve))
    se = float(np.std(_boot_f1(counts[best], bootstrap_indices(len(counts[best]), n_boot, seed))))
    k = next(k for k, v in enumerate(curve) if v >= curve[best] - se)
    return thresholds[k], float(curve[k]), se


def best_threshold(thresholds: list[float], counts: list[np.ndarray], n_boot: int = 500,
                   seed: int = 0) -> tuple[float, float, float]:
    """The threshold with the best cross-validated headline (ties: the highest, the surer
    filter). Returns (threshold, headline, 0.0), as :func:`one_se_lowest` does.

    >>> few = np.array([[1, 2, 1, 2], [2, 2, 2, 2]], dtype=float)
    >>> best_threshold([0.1, 0.5, 0.7], [few, few, few])
    (0.7, 0.75, 0.0)
    """
    curve = np.array([f1_of_counts(c.sum(0)) for c in counts])
    k = len(curve) - 1 - int(np.argmax(curve[::-1]))
    return thresholds[k], float(curve[k]), 0.0


def centre_within_se(thresholds: list[float], counts: list[np.ndarray], n_boot: int = 500,
                     seed: int = 0) -> tuple[float, float, float]:
    """The threshold in the middle of those whose headline lies within one standard error of
    the best (:func:`plateau_centre` with the error, bootstrapped over articles, as its
    tolerance): the thresholds the cross-validation cannot tell from the best, and of them
    the one furthest from either edge.

    The best point of a noisy curve lands anywhere on its flat top, and either edge of the
    one-standard-error band leans the whole way to one side (recall or precision) on the
    strength of noise; the middle is the point estimate that moves least between samples of
    articles. It is the linker's rule with a measured tolerance in place of a fixed one. A
    user who wants surer attributions raises the bar with ``--min-confidence`` (the filter's
    probability is each attribution's confidence); the default should not lean either way.
    Returns (threshold, its headline, the standard error).

    >>> few = np.array([[1, 2, 1, 2], [2, 2, 2, 2]], dtype=float)    # 2 of 4 right
    >>> many = np.array([[2, 2, 2, 2], [2, 2, 2, 2]], dtype=float)   # all right
    >>> t, f1, se = centre_within_se([0.1, 0.3, 0.5, 0.7], [few, many, many, many])
    >>> t, round(f1, 2), se
    (0.5, 1.0, 0.0)
    """
    curve = np.array([f1_of_counts(c.sum(0)) for c in counts])
    best = int(np.argmax(curve))
    se = float(np.std(_boot_f1(counts[best], bootstrap_indices(len(counts[best]), n_boot, seed))))
    t, v = plateau_centre(list(zip(thresholds, curve.tolist())), tolerance=se)
    return t, float(v), se


#: how the filter's keep threshold is chosen from the cross-validated curve (``--threshold-rule``)
THRESHOLD_RULES = {"centre-within-se": centre_within_se, "best": best_threshold,
                   "lowest-within-se": one_se_lowest}


def rule_out_of_fold(rule, thresholds: list[float], counts: list[np.ndarray], folds: int = 5,
                     seed: int = 0) -> tuple[float, np.ndarray]:
    """How well a threshold rule does on articles it did not choose on: the articles are
    split into ``folds``; for each, the rule chooses a threshold on the others' out-of-fold
    counts and that threshold is scored on it. Returns the pooled headline F1 and the
    threshold chosen per fold.

    This scores the rule itself, as the curve's value at the chosen threshold cannot (the
    best point of a noisy curve flatters itself).
    """
    n = len(counts[0])
    fold_of = np.random.default_rng(seed).permutation(n) % folds
    total, chosen = np.zeros(4), []
    for f in range(folds):
        inside, held = fold_of != f, fold_of == f
        t, _, _ = rule(thresholds, [c[inside] for c in counts])
        chosen.append(t)
        total += counts[thresholds.index(t)][held].sum(0)
    return float(f1_of_counts(total)), np.array(chosen)


def fit(feats: list[list[str]], labels: list[int], c: float):
    """A logistic regression over binary features; returns (vectorizer, classifier)."""
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, labels)
    return vec, clf


def predict(vec, clf, feats: list[list[str]]):
    return clf.predict_proba(vec.transform([dict.fromkeys(f, 1) for f in feats]))[:, 1]


def write_model(vec, clf, threshold: float, info: dict, out: Path) -> None:
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-4}
    model = LinearModel(bias=round(float(clf.intercept_[0]), 4), weights=weights, threshold=threshold, info=info)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(weights)} weights)", file=sys.stderr)


def arguments(description: str) -> argparse.ArgumentParser:
    """The options both scripts take (each may add its own)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--lang", choices=sorted(DATA), required=True)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N training articles only (a quick try)")
    ap.add_argument("--cache", type=Path, default=None, help="keep the rule output here between runs")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path, default=None)
    return ap


def cached(path: Path | None, run: Callable[[], dict]) -> dict:
    """``run()``, or what an earlier run left in ``path``."""
    if path and path.is_file():
        return pickle.loads(path.read_bytes())
    data = run()
    if path:
        path.write_bytes(pickle.dumps(data))
    return data


def article_folds(groups: list[int], folds: int = 5, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index arrays of a ``folds``-fold split by article: the articles
    (``groups``) dealt into folds at random by ``seed``, so that another seed repeats the
    cross-validation on another split.

    >>> [test.tolist() for _, test in article_folds([0, 0, 1, 2, 2, 3], folds=2, seed=1)]
    [[0, 1, 3, 4], [2, 5]]
    """
    groups = np.asarray(groups)
    ids = np.unique(groups)
    fold_of = dict(zip(ids.tolist(), (np.random.default_rng(seed).permutation(len(ids)) % folds).tolist()))
    fold = np.array([fold_of[g] for g in groups.tolist()])
    return [(np.flatnonzero(fold != f), np.flatnonzero(fold == f)) for f in range(folds)]


def out_of_fold(feats: list[list[str]], labels: list[int], groups: list[int], c: float,
                seed: int | None = None) -> np.ndarray:
    """Probabilities from 5-fold cross-validation, folds by article (``groups``): sklearn's
    ``GroupKFold`` (folds of balanced size, the same each run) when ``seed`` is None, else
    :func:`article_folds` with that seed."""
    oof = np.zeros(len(labels))
    splits = GroupKFold(n_splits=5).split(feats, labels, groups) if seed is None else article_folds(groups, 5, seed)
    for train_idx, test_idx in splits:
        vec, clf = fit([feats[i] for i in train_idx], [labels[i] for i in train_idx], c)
        oof[test_idx] = predict(vec, clf, [feats[i] for i in test_idx])
    return oof
