"""Properties that hold for any text: no crash, offsets inside the text, batch independence."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph.extract.quotemarks import find_quoted

MARKS = "„“”‚‘’»«›‹\"'"
pieces = st.one_of(
    st.sampled_from(list(MARKS)),
    st.sampled_from([" ", ", ", ". ", "\n\n", ": "]),
    st.sampled_from(["sagte", "said", "laut", "according to", "zufolge", "Er", "She", "Anton Weber", "dass"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
)
texts = st.lists(pieces, max_size=40).map("".join)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_quotemarks_offsets_hold_for_any_text(text):
    for span in find_quoted(text):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@given(texts)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_extraction_offsets_hold_for_any_text(run_en, text):
    result = run_en(text)
    for att in result.attributions:
        for span in (att.quote, att.speaker, att.cue, att.mediator):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text


def test_results_do_not_depend_on_the_rest_of_the_batch():
    from quotegraph import api
    from quotegraph.extract.records import Article

    a = Article(id="a", text='"We will not back down," Mary Stone said.', language="en")
    b = Article(id="b", text="Tom Berg said that the talks would resume next week.", language="en")
    c = Article(id="c", text='„Wir bleiben“, sagte sie. Er sagte, es sei kalt.', language="en")
    alone = next(api.extract([a]))
    together = {r.article.id: r for r in api.extract([b, c, a, b])}
    assert together["a"] == alone
