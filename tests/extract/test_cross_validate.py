"""``training/attribution/cross_validate.py``: a fold's learned part is fit on the other folds'
articles alone (invented features)."""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")  # the training scripts need the [train] extra
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "attribution"))
from cross_validate import fit_linker  # noqa: E402


def _article(word: str) -> dict:
    # two candidates per attribution, the first right: a feature only this article has
    return {"items": [{"features": [[f"head={word}"], ["head=other"]], "labels": [1, 0]}] * 3}


def test_the_linker_of_a_fold_knows_only_the_other_articles(tmp_path):
    data = {"articles": [_article("Bürgermeisterin"), _article("Sprecher"), _article("Ministerin")]}
    fit_linker(data, np.array([0, 2]), c=1.0, threshold=0.4, out=tmp_path / "linker.json")
    model = json.loads((tmp_path / "linker.json").read_text(encoding="utf-8"))
    assert model["threshold"] == 0.4
    assert "head=Bürgermeisterin" in model["weights"] and "head=Ministerin" in model["weights"]
    assert "head=Sprecher" not in model["weights"]  # the held-out article's own feature


def test_sampled_gains_are_the_difference_of_the_headlines(monkeypatch):
    import cross_validate

    # per article (right among predicted, predicted, right among gold, gold): learned 2 of 2, rules 1 of 2
    counts = {"learned": np.array([[2, 2, 2, 2]] * 4, dtype=float), "rules": np.array([[1, 2, 1, 2]] * 4, dtype=float)}
    monkeypatch.setattr(cross_validate, "headline_counts", lambda lang, preds, gold: counts[preds])
    gains = cross_validate.sampled_gains("de", "learned", "rules", gold=[None] * 4, size=3, samples=10)
    assert gains.shape == (10,)
    assert np.allclose(gains, 50.0)  # F1 1.0 against 0.5, in points


def test_a_language_without_a_shipped_linker_asks_for_no_linker(monkeypatch, tmp_path):
    import cross_validate

    monkeypatch.setattr(cross_validate, "shipped_model_path", lambda kind, lang: None)
    with pytest.raises(SystemExit, match="--no-linker"):  # before any data is read
        cross_validate.main(["--lang", "de", "--parses", str(tmp_path / "none.spacy"), "--data", str(tmp_path)])
