"""Generic pieces for scoring predicted spans against gold spans.

Character spans become sets of token indices (:func:`tokens_in`); predicted and gold quotes are
paired one to one by best token overlap (:func:`pair_by_overlap`, an optimal assignment); and
precision, recall and F1 are kept together in :class:`PRF`. Nothing here knows a data set: the
readers and scorers in :mod:`~quotegraph.extract.evaluation.wikinews` and
:mod:`~quotegraph.extract.evaluation.polnear` are built on it.

Examples
--------
>>> text = "Sie sagte, die Brücke sei gesperrt."
>>> toks = word_tokens(text)
>>> gold = tokens_in([(11, 34)], toks)          # "die Brücke sei gesperrt"
>>> pred = tokens_in([(15, 34)], toks)          # "Brücke sei gesperrt"
>>> token_overlap(pred, gold)                   # P = 3/3, R = 3/4
(1.0, 0.75, 0.8571428571428571)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from quotegraph.extract.records import Attribution

__all__ = [
    "Span",
    "Prediction",
    "PRF",
    "f1",
    "mean",
    "word_tokens",
    "tokens_in",
    "token_overlap",
    "best_pairs",
    "pair_by_overlap",
    "as_prediction",
]

#: A character span ``(start, end)``, end exclusive, into an article's text.
Span = tuple[int, int]

_WORD = re.compile(r"\w+")


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall; 0.0 when both are 0.

    Examples
    --------
    >>> f1(0.5, 1.0)
    0.6666666666666666
    >>> f1(0.0, 0.0)
    0.0
    """
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def mean(values: Iterable[float]) -> float:
    """The arithmetic mean; 0.0 for no values (nothing predicted means no precision earned).

    Examples
    --------
    >>> mean([1.0, 0.5, 0.0])
    0.5
    >>> mean([])
    0.0
    """
    values = list(values)
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True)
class PRF:
    """Precision, recall and their F1, with how many predicted and gold items they rest on.

    Parameters
    ----------
    precision, recall : float
        Between 0 and 1.
    n_pred, n_gold : int
        The number of predicted (gold) items the precision (recall) is taken over.

    Examples
    --------
    >>> s = PRF.from_values([1.0, 0.5], [0.75, 0.25, 0.0, 1.0])
    >>> s.precision, s.recall, round(s.f1, 4), s.n_pred, s.n_gold
    (0.75, 0.5, 0.6, 2, 4)
    >>> PRF.from_counts(3, n_pred=4, n_gold=6).to_dict()
    {'precision': 0.75, 'recall': 0.5, 'f1': 0.6, 'n_pred': 4, 'n_gold': 6}
    """

    precision: float
    recall: float
    n_pred: int = 0
    n_gold: int = 0

    @property
    def f1(self) -> float:
        """The harmonic mean of :attr:`precision` and :attr:`recall`."""
        return f1(self.precision, self.recall)

    @classmethod
    def from_values(cls, p_values: Sequence[float], r_values: Sequence[float]) -> PRF:
        """Macro scores: P is the mean of per-item precisions, R of per-item recalls."""
        return cls(mean(p_values), mean(r_values), len(p_values), len(r_values))

    @classmethod
    def from_counts(cls, tp: int, *, n_pred: int, n_gold: int) -> PRF:
        """Micro scores: ``P = tp / n_pred``, ``R = tp / n_gold`` (0.0 when a denominator is 0)."""
        return cls(tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0, n_pred, n_gold)

    def to_dict(self, digits: int | None = 4) -> dict:
        """A plain dict (for JSON), figures rounded to ``digits`` (None: not rounded)."""

        def r(x: float) -> float:
            return round(x, digits) if digits is not None else x

        return {"precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1),
                "n_pred": self.n_pred, "n_gold": self.n_gold}


@dataclass(frozen=True)
class Prediction:
    """A predicted quotation as character spans: possibly several spans per role.

    :class:`~quotegraph.extract.records.Attribution` has one span per role; a ``Prediction``
    can also hold a discontinuous quote, so gold annotations can be scored as predictions
    (which must score 100). Scorers accept either (see :func:`as_prediction`).

    Parameters
    ----------
    quote : tuple of Span
        The quoted content; several spans are one discontinuous quote.
    speaker, cue : tuple of Span
        Empty when not predicted.
    kind : str, optional
        A record kind ("direct", "indirect" …) or a Wikinews gold type ("Direct" …).
    id : str, optional
        For error reports.
    nested : bool
        Whether the quote sits inside another quote (``Attribution.parent`` is set).
    addressee : tuple of Span
        Who it was said to; empty when not predicted.
    """

    quote: tuple[Span, ...]
    speaker: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    kind: str | None = None
    id: str | None = None
    nested: bool = False
    addressee: tuple[Span, ...] = ()


def as_prediction(item: Attribution | Prediction) -> Prediction:
    """A :class:`Prediction` for an attribution record (a ``Prediction`` is passed through).

    The quote is ``Attribution.quote``, the speaker ``Attribution.speaker`` (the mention span as
    it stands in the text, a pronoun included) and the cue ``Attribution.cue``.

    Examples
    --------
    >>> from quotegraph.extract.records import Cue, Mention, Quote
    >>> att = Attribution("a:0-9", "a", Quote("Wir gehen", 0, 9, "direct"),
    ...                   speaker=Mention("Er", 17, 19), cue=Cue("sagte", 11, 16))
    >>> as_prediction(att)
    Prediction(quote=((0, 9),), speaker=((17, 19),), cue=((11, 16),), kind='direct', id='a:0-9', nested=False, addressee=())
    """
    if isinstance(item, Prediction):
        return item
    return Prediction(
        quote=item.quote.spans(),
        speaker=((item.speaker.start, item.speaker.end),) if item.speaker is not None else (),
        cue=((item.cue.start, item.cue.end),) if item.cue is not None else (),
        kind=item.quote.kind,
        id=item.id,
        nested=item.parent is not None,
        addressee=((item.addressee.start, item.addressee.end),) if item.addressee is not None else (),
    )


def word_tokens(text: str) -> list[Span]:
    """Character spans of the words of ``text`` (maximal runs of ``\\w``); punctuation is skipped.

    Examples
    --------
    >>> word_tokens("„Nein“, sagte sie.")
    [(1, 5), (8, 13), (14, 17)]
    """
    return [m.span() for m in _WORD.finditer(text)]


def tokens_in(spans: Iterable[Span], tokens: Sequence[Span]) -> frozenset[int]:
    """Indices of the tokens that overlap any of the spans (by at least one character).

    Parameters
    ----------
    spans : iterable of Span
        Character spans; several spans give the union of their tokens.
    tokens : sequence of Span
        Token character spans, sorted and not overlapping one another.

    Returns
    -------
    frozenset of int

    Notes
    -----
    A token that a span only partly covers counts as inside it, so a span cut in the middle of
    a word still gets that word. Binary search: O(log n + k) per span.

    Examples
    --------
    >>> toks = word_tokens("Er sagte, es regne.")    # Er | sagte | es | regne
    >>> sorted(tokens_in([(10, 18)], toks))
    [2, 3]
    >>> sorted(tokens_in([(0, 2), (13, 15)], toks))  # two spans, "regne" cut in the middle
    [0, 3]
    >>> tokens_in([(8, 10)], toks)                   # ", " touches no word
    frozenset()
    """
    out: set[int] = set()
    n = len(tokens)
    for start, end in spans:
        if end <= start:
            continue
        i = bisect_right(tokens, start, key=itemgetter(1))  # first token ending after start
        while i < n and tokens[i][0] < end:
            out.add(i)
            i += 1
    return frozenset(out)


def token_overlap(pred: frozenset[int] | set[int], gold: frozenset[int] | set[int]) -> tuple[float, float, float]:
    """Token precision, recall and F1 of a predicted token set against a gold one.

    Each is 0.0 where its denominator is empty.

    Examples
    --------
    >>> token_overlap({1, 2, 3, 9}, {1, 2, 3, 4})     # 3 shared: P = 3/4, R = 3/4
    (0.75, 0.75, 0.75)
    >>> token_overlap(set(), {1})
    (0.0, 0.0, 0.0)
    """
    both = len(pred & gold)
    p = both / len(pred) if pred else 0.0
    r = both / len(gold) if gold else 0.0
    return p, r, f1(p, r)


def best_pairs(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns with the largest total weight.

    Only pairs of positive weight are returned, so a row without any positive weight stays
    unpaired.

    Parameters
    ----------
    weights : sequence of sequences of float
        ``weights[i][j]``: how well row ``i`` (a prediction) fits column ``j`` (a gold item).

    Returns
    -------
    list of (int, int)
        ``(row, column)`` pairs, sorted by row.

    Notes
    -----
    The Hungarian method (Kuhn–Munkres with potentials), O(n² m) for n ≤ m; as
    ``scipy.optimize.linear_sum_assignment(weights, maximize=True)``, without scipy.

    Examples
    --------
    Greedy would pair row 0 with column 0 (0.9) and leave row 1 with nothing; the optimum
    pairs both:

    >>> best_pairs([[0.9, 0.8], [0.7, 0.0]])
    [(0, 1), (1, 0)]
    >>> best_pairs([[0.0, 0.0], [0.0, 0.5], [0.2, 0.6]])
    [(1, 1), (2, 0)]
    >>> best_pairs([])
    []
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    if rows <= cols:
        assignment = _hungarian([[-w for w in row] for row in weights])
        pairs = list(assignment.items())
    else:
        transposed = [[-weights[i][j] for i in range(rows)] for j in range(cols)]
        pairs = [(i, j) for j, i in _hungarian(transposed).items()]
    return sorted((i, j) for i, j in pairs if weights[i][j] > 0)


def _hungarian(cost: list[list[float]]) -> dict[int, int]:
    """Minimum-cost assignment of every row to a distinct column; needs rows <= columns."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: row (1-based) assigned to column j, 0 = free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            row = cost[i0 - 1]
            delta, j1 = inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return {owner[j] - 1: j - 1 for j in range(1, m + 1) if owner[j]}


def pair_by_overlap(
    pred: Sequence[frozenset[int]],
    gold: Sequence[frozenset[int]],
    *,
    bonus: Callable[[int, int], float] | None = None,
) -> list[tuple[int, int]]:
    """Pair predicted and gold token sets one to one by best token overlap.

    The weight of a pair is the token F1 of the two sets, plus ``bonus(i, j)`` (a small
    tie-breaker, e.g. 0.01 for the same quote type) when they share a token at all. Pairs
    that share no token are never formed. The assignment maximises the summed weight.

    Parameters
    ----------
    pred, gold : sequence of frozenset of int
        Token sets of the predicted and gold items.
    bonus : callable, optional
        ``bonus(pred_index, gold_index) -> float``.

    Returns
    -------
    list of (int, int)
        ``(pred_index, gold_index)`` pairs, sorted by prediction.

    Examples
    --------
    Two predictions overlap the same gold quote: only the better one is paired.

    >>> gold = [frozenset({0, 1, 2, 3})]
    >>> pair_by_overlap([frozenset({0, 1}), frozenset({0, 1, 2})], gold)
    [(1, 0)]
    >>> pair_by_overlap([frozenset({7})], gold)
    []
    """
    weights = []
    for i, p in enumerate(pred):
        row = []
        for j, g in enumerate(gold):
            if p & g:
                row.append(token_overlap(p, g)[2] + (bonus(i, j) if bonus else 0.0))
            else:
                row.append(0.0)
        weights.append(row)
    return best_pairs(weights)
