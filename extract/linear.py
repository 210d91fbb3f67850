"""Logistic-regression scoring over named binary features, with weights kept as plain JSON.

The learned parts of quotegraph (:mod:`~quotegraph.extract.quote_filter`,
:mod:`~quotegraph.extract.speaker_linker`) are this small: a weight per readable feature
("cue=sagen", "distance=1|role=subject"), a bias and a threshold. Scoring needs only the
standard library, and anyone can open the file and see what the model learned. Training
(``training/attribution/``) uses scikit-learn.

>>> model = LinearModel(bias=-1.0, weights={"kind=direct": 3.0}, threshold=0.5)
>>> round(model.probability(["kind=direct"]), 3), round(model.probability(["kind=reported"]), 3)
(0.881, 0.269)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

__all__ = ["LinearModel", "load_linear_model", "shipped_model_path"]

#: how many weights :meth:`LinearModel.weight_of` keeps before it starts afresh
_MEMO_LIMIT = 200_000


@dataclass(frozen=True)
class LinearModel:
    """Weights per feature, a bias, and the probability to accept at."""

    bias: float
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    info: dict = field(default_factory=dict)
    #: the weights :meth:`weight_of` worked out, by function and key
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def probability(self, features: Iterable[str]) -> float:
        """P(right | features): features present count once, unknown ones weigh nothing."""
        return self.probability_of(self.weight(features))

    def weight(self, features: Iterable[str]) -> float:
        """The summed weight of the features present (each once), without the bias: the weights
        of disjoint feature sets add up, so a part shared by many scores is summed once.

        >>> model = LinearModel(bias=-1.0, weights={"a": 1.0, "b": 2.0})
        >>> model.weight(["a", "a", "c"]) + model.weight(["b"]) == model.weight(["a", "b", "c"])
        True
        """
        return sum(map(self.weights.get, set(features), repeat(0.0)))

    def weight_of(self, key: Hashable, features: Callable[[Any], Iterable[str]]) -> float:
        """:meth:`weight` of ``features(key)``, worked out once per key for the model's life:
        for features that follow from a few small values (``key``), shared by many scores.

        >>> model = LinearModel(bias=0.0, weights={"n=2": 1.5})
        >>> model.weight_of(2, lambda n: [f"n={n}"]), model.weight_of(3, lambda n: [f"n={n}"])
        (1.5, 0.0)
        """
        memo_key = (features, key)
        memo = self._memo
        weight = memo.get(memo_key)  # one look-up: hashing the key is most of the cost of a known one
        if weight is None:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()  # a long run meets ever new keys (head words): keep memory bounded
            weight = memo[memo_key] = self.weight(features(key))
        return weight

    def weights_of(self, keys: Iterable[Hashable], features: Callable[[Any], Iterable[str]]) -> list[float]:
        """:meth:`weight_of` of each of many keys, in one call (a known key costs one look-up).

        >>> model = LinearModel(bias=0.0, weights={"n=2": 1.5})
        >>> model.weights_of([2, 3, 2], lambda n: [f"n={n}"])
        [1.5, 0.0, 1.5]
        """
        get = self._memo.get
        out = []
        for key in keys:
            weight = get((features, key))
            out.append(self.weight_of(key, features) if weight is None else weight)
        return out

    def probability_of(self, weight: float) -> float:
        """P(right) for features of this summed :meth:`weight`."""
        z = self.bias + weight
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "info": self.info,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()},
                   float(data.get("threshold", 0.5)), dict(data.get("info", {})))


def shipped_model_path(kind: str, lang: str) -> Path | None:
    """The weights shipped for a learned part ("quote_filter", "speaker_linker") and language,
    or None when there are none."""
    path = Path(str(resources.files("quotegraph.extract").joinpath(f"models/{kind}/{lang}.json")))
    return path if path.is_file() else None


def load_linear_model(path: str | Path) -> LinearModel:
    """Read a weights file.

    Raises
    ------
    ValueError
        If the file is missing or not such a weights file.
    """
    try:
        return LinearModel.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read weights ({exc.strerror})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{path}: not a weights file ({exc})") from None
