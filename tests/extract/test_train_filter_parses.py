"""``train_filter.py --parses``: the filter's training run reads the split's cached parses and
runs only ``qg_attribution`` over them, with the same result as parsing the texts again
(invented sentences)."""

import sys
from pathlib import Path

import pytest
from spacy.tokens import DocBin

pytest.importorskip("sklearn")  # train_filter.py's imports need the [train] extra
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "attribution"))
from train_filter import parsed  # noqa: E402

from quotegraph.extract.pipeline import make_nlp  # noqa: E402

TEXTS = ["“We will not give up,” said Mayor Lena Ortiz on Monday.",
         "The council voted against the budget. Tom Okafor said the vote was a mistake."]


def _rows(docs):
    return [[(a.quote.text, a.speaker.text if a.speaker else None, a.pattern) for a in doc._.qg_attributions]
            for doc in docs]


def test_cached_parses_give_what_parsing_again_gives(tmp_path):
    nlp = make_nlp("en", quote_filter=False)
    with nlp.select_pipes(disable=["qg_attribution"]):
        DocBin(docs=list(nlp.pipe(TEXTS)), store_user_data=False).to_disk(tmp_path / "train.spacy")
    again = _rows(parsed(nlp, TEXTS, None))
    assert again and again[0]
    assert _rows(parsed(nlp, TEXTS, tmp_path / "train.spacy")) == again


def test_parses_of_other_texts_are_refused(tmp_path):
    nlp = make_nlp("en", quote_filter=False)
    with nlp.select_pipes(disable=["qg_attribution"]):
        DocBin(docs=list(nlp.pipe(reversed(TEXTS))), store_user_data=False).to_disk(tmp_path / "train.spacy")
    with pytest.raises(SystemExit, match="article 1 is not the split's"):
        list(parsed(nlp, TEXTS, tmp_path / "train.spacy"))


def test_only_reads_the_articles_asked_for(tmp_path):
    nlp = make_nlp("en", quote_filter=False)
    with nlp.select_pipes(disable=["qg_attribution"]):
        DocBin(docs=list(nlp.pipe(TEXTS)), store_user_data=False).to_disk(tmp_path / "train.spacy")
    # the second article alone: its text, matched with the second parse (not the first)
    second = _rows(parsed(nlp, TEXTS[1:], tmp_path / "train.spacy", only={1}))
    assert second == _rows(parsed(nlp, TEXTS[1:], None))
    with pytest.raises(SystemExit, match="not the split's"):
        list(parsed(nlp, TEXTS[1:], tmp_path / "train.spacy", only={0}))
