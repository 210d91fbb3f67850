"""Pipelines for extraction tests, loaded once per session, as text → records functions."""

import pytest

from quotegraph.extract.convert import doc_to_result
from quotegraph.extract.pipeline import make_nlp
from quotegraph.extract.records import Article


def _runner(nlp):
    def run(text, article_id="t"):
        return doc_to_result(nlp(text), Article(id=article_id, text=text, language=nlp.lang))

    return run


# The rule tests run the rules alone: the learned speaker linker and quote filter are
# statistical (trained on news annotation practice) and tested in test_learned.py.
@pytest.fixture(scope="session")
def run_en():
    """English text → ArticleResult, with en_core_web_sm, rules only."""
    return _runner(make_nlp("en", learned=False))


@pytest.fixture(scope="session")
def run_de():
    """German text → ArticleResult, with the default German pipeline (the bundled one), rules only."""
    return _runner(make_nlp("de", learned=False))


@pytest.fixture(scope="session")
def nlp_de_learned():
    """The full default German pipeline, learned parts included."""
    return make_nlp("de")


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


@pytest.fixture(scope="session")
def last_report():
    """The top-level attribution whose quote ends last (the sentence's report, in a one-sentence test)."""

    def last(result, text):
        atts = [a for a in result.attributions if a.parent is None]
        assert atts, f"no attribution in {text!r}"
        return max(atts, key=lambda a: a.quote.end)

    return last
