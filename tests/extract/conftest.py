"""Pipelines for extraction tests, loaded once per session, as text → records functions."""

import pytest

from quotegraph.extract.convert import doc_to_result
from quotegraph.extract.pipeline import make_nlp
from quotegraph.extract.records import Article


def _runner(nlp):
    def run(text, article_id="t"):
        return doc_to_result(nlp(text), Article(id=article_id, text=text, language=nlp.lang))

    return run


@pytest.fixture(scope="session")
def run_en():
    """English text → ArticleResult, with en_core_web_sm."""
    return _runner(make_nlp("en"))


@pytest.fixture(scope="session")
def run_de():
    """German text → ArticleResult, with the default German pipeline (the bundled one)."""
    return _runner(make_nlp("de"))


@pytest.fixture(scope="session")
def summary_of():
    """(quote text, speaker entity, cue lemma, kind, mediator entity) per attribution."""

    def summary(result):
        return [
            (
                a.quote.text,
                a.speaker.entity if a.speaker else None,
                a.cue.lemma if a.cue else None,
                a.quote.kind,
                a.mediator.entity if a.mediator else None,
            )
            for a in result.attributions
        ]

    return summary
