"""Scores at several confidence thresholds: what ``quotegraph extract --min-confidence T``
would keep, and how precise it would be.

Examples
--------
>>> from quotegraph.extract.records import Attribution, Quote
>>> sure = Attribution("a:0-3", "a", Quote("Ja.", 0, 3), score=0.95)
>>> unsure = Attribution("a:4-9", "a", Quote("Nein.", 4, 9), score=0.55)
>>> [len(v) for v in above({"a": [sure, unsure]}, 0.9).values()]
[1]
>>> kept = lambda preds: Report("toy", scores={"joint": PRF(1.0, 0.5, sum(map(len, preds.values())), 2)})
>>> rows = by_confidence({"a": [sure, unsure]}, kept, "joint", thresholds=(0.5, 0.9))
>>> [(name, prf.n_pred) for name, prf in rows.items()]
[('≥ 0.5', 2), ('≥ 0.9', 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from quotegraph.extract.records import Attribution

from .report import Report
from .scoring import PRF

__all__ = ["THRESHOLDS", "above", "by_confidence"]

#: the thresholds ``quotegraph eval`` prints a row for
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def above(predictions: Mapping[str, Iterable[Attribution]], threshold: float) -> dict[str, list[Attribution]]:
    """The attributions whose confidence reaches ``threshold``, per article (those without a
    confidence are dropped: nothing vouches for them)."""
    return {article: [a for a in atts if a.confidence is not None and a.confidence >= threshold]
            for article, atts in predictions.items()}


def by_confidence(predictions: Mapping[str, Sequence[Attribution]], score: Callable[[dict], Report],
                  measure: str, *, thresholds: Sequence[float] = THRESHOLDS) -> dict[str, PRF]:
    """One row of ``measure`` per threshold, scoring only the attributions that reach it;
    empty when no attribution carries a confidence (the learned parts were off).

    ``score`` scores a mapping of article id to attributions (the dataset's scorer with its
    gold bound).
    """
    if not any(a.confidence is not None for atts in predictions.values() for a in atts):
        return {}
    return {f"≥ {t:.1f}": score(above(predictions, t)).scores[measure] for t in thresholds}
