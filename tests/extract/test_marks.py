"""The shared quotation-mark table, and the parts that read marks agreeing with the scanner."""

import pytest
import spacy

from quotegraph.extract.marks import CLOSING_MARKS, DOUBLE_PAIRS, INNER_MARKS, OPENING_MARKS, PAIRS
from quotegraph.extract.phrases import through_closing_mark
from quotegraph.extract.quote_filter import _quoted_share
from quotegraph.extract.quotemarks import find_quoted
from quotegraph.extract.transcripts import turn_label


def test_every_mark_a_pair_accepts_is_a_closing_mark():
    assert set("".join(PAIRS.values())) <= set(CLOSING_MARKS)
    assert set(OPENING_MARKS) == set(PAIRS) and INNER_MARKS <= set(PAIRS)
    assert not INNER_MARKS & set(DOUBLE_PAIRS)


@pytest.mark.parametrize("text", ['He said "We stay" twice.', 'He said “We stay" twice.', "Er sagte „Wir bleiben” dort."])
def test_the_scanner_pairs_what_the_table_pairs(text):
    (span,) = find_quoted(text)
    assert span.close_mark in PAIRS[span.open_mark]


@pytest.mark.parametrize("words, kept", [
    # a curly mark closed by a straight one, as the scanner reads it
    (["the", "“", "broken", "system", ",", '"', "she", "said"], 6),
    (["the", "«", "broken", "system", ",", "»", "she", "said"], 6),
    # a word between: the quote is not the span's to close
    (["the", "“", "broken", "system", "she", "said", "”"], 4),
])
def test_a_span_runs_on_to_any_mark_that_closes_its_quote(words, kept):
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words)
    assert through_closing_mark(doc[0:4]).text == doc[0:kept].text


@pytest.mark.parametrize("content, share", [
    ("''one country is a corporation and another a partnership''", "most"),  # two apostrophes, as the NYT prints
    ("the law is «a crazy system» for them", "part"),
    ("he doubts it's over", "none"),  # an apostrophe is no mark
])
def test_the_filters_quoted_share_reads_marks_as_the_scanner_does(content, share):
    assert _quoted_share(content) == share


@pytest.mark.parametrize("text", ["‚HOST: Welcome back.", "›HOST: Welcome back."])
def test_a_turn_label_may_follow_any_opening_mark(text):
    assert text[slice(*turn_label(text, 0))] == "HOST"
