"""Quotation-mark pairing on raw text: German, English, nesting, paragraphs, apostrophes."""

import pytest

from quotegraph.extract.quotemarks import find_quoted, word_count


def texts(s, **kw):
    return [q.text for q in find_quoted(s, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sie sagte: „Wir gehen jetzt nach Hause.“", ["Wir gehen jetzt nach Hause."]),
        ("Er sagte: »Das reicht nicht.« Dann ging er.", ["Das reicht nicht."]),
        ('She said: "We are leaving now." Then she left.', ["We are leaving now."]),
        ("She said: “We are leaving now.” Then she left.", ["We are leaving now."]),
        ("„Eins“ und „zwei drei“", ["Eins", "zwei drei"]),
        ("Il a dit : « Nous partons. »", [" Nous partons. "]),
    ],
)
def test_pairs(text, expected):
    assert texts(text) == expected


def test_nested_quote_has_depth_one():
    spans = list(find_quoted("Er sagte: „Sie rief: ‚Halt!‘ und lief.“"))
    assert [(s.text, s.depth) for s in spans] == [("Sie rief: ‚Halt!‘ und lief.", 0), ("Halt!", 1)]


def test_english_nested_single_quotes():
    spans = list(find_quoted('He added: "A man told me, \'We want to work.\' That matters."'))
    assert [s.depth for s in spans] == [0, 1]
    assert spans[1].text == "We want to work."


@pytest.mark.parametrize("text", ["Don't say it's Putin's fault.", "Hans' Hut liegt am Ku'damm."])
def test_apostrophes_are_not_quotes(text):
    assert texts(text) == []


def test_quote_continues_into_next_paragraph_when_reopened():
    text = "„Wir bleiben hier.\n\n„Und wir kämpfen weiter“, sagte sie."
    spans = list(find_quoted(text))
    assert len(spans) == 1
    assert spans[0].text.startswith("Wir bleiben") and spans[0].text.endswith("kämpfen weiter")
    assert spans[0].closed


def test_straight_quote_continues_into_next_paragraph_when_reopened():
    text = '"We keep the plant open.\n\n"And we hire again next year," the manager said.'
    spans = list(find_quoted(text))
    assert len(spans) == 1
    assert spans[0].text.startswith("We keep") and spans[0].text.endswith("next year,")


def test_transcript_turn_label_starts_a_new_quote():
    text = '"HOST: Will you run again?\n\n"MAYOR: I have not decided that yet.\n\n"My family comes first.'
    assert texts(text) == ["HOST: Will you run again?", 'MAYOR: I have not decided that yet.\n\n"My family comes first.']


@pytest.mark.parametrize("text, quoted", [
    ('“The deal is fair to both sides," the minister said.', "The deal is fair to both sides,"),
    ('"The deal is fair to both sides,” the minister said.', "The deal is fair to both sides,"),
])
def test_curly_and_straight_marks_mixed_in_one_pair(text, quoted):
    # web copy often opens with one kind and closes with the other
    assert texts(text) == [quoted]


def test_mixed_pair_leaves_a_later_quote_its_own():
    text = '“Nothing changes for savers," she said, calling the rumours "pure invention."'
    assert texts(text) == ["Nothing changes for savers,", "pure invention."]


def test_unclosed_quote_ends_at_paragraph():
    text = "Er sagte: „Das ist alles\n\nNeuer Absatz ohne Zitat."
    spans = list(find_quoted(text))
    assert [s.text for s in spans] == ["Das ist alles"]
    assert not spans[0].closed


@pytest.mark.parametrize("text", ["", "„", "“ „ “ „", '"""', "a ' b ' c", "»«»«", "‚‘‚"])
def test_odd_and_unbalanced_marks_never_raise_and_offsets_hold(text):
    for span in find_quoted(text):
        assert text[span.start : span.end] == span.text
        assert 0 <= span.start <= span.end <= len(text)


def test_offsets_match_text():
    text = 'A "first quote here" and „zweites Zitat“ and »drittes«.'
    for span in find_quoted(text):
        assert text[span.start : span.end] == span.text


def test_max_depth_filters_nested():
    assert texts("„außen ‚innen‘ außen“", max_depth=0) == ["außen ‚innen‘ außen"]


def test_word_count():
    assert word_count("„Kumpel“") == 1
    assert word_count("zwölf Millionen Euro") == 3


def test_two_apostrophes_close_only_two_apostrophes():
    # wiki markup ''…'' inside a German quote must not close the „ it stands in
    text = "Darin heißt es: „Gemeint ist das Wohl der Kindern''(sic!)''.“ Die Mutter „wehrte sich“."
    assert texts(text) == ["Gemeint ist das Wohl der Kindern''(sic!)''.", "wehrte sich"]
    spans = list(find_quoted("''We stay,'' she said."))
    assert [(s.text, s.open_mark, s.close_mark) for s in spans] == [("We stay,", "''", "''")]


def test_a_single_mark_after_s_closes_the_quote_it_opened():
    # "Schafspelz'" would read as a genitive apostrophe (Hans' Hut) were no ' quote open
    text = "„Er durfte sich als 'Wolf im Schafspelz' zeigen, ohne Widerspruch“, sagte sie."
    spans = list(find_quoted(text))
    assert [(s.text, s.depth) for s in spans] == [
        ("Er durfte sich als 'Wolf im Schafspelz' zeigen, ohne Widerspruch", 0), ("Wolf im Schafspelz", 1)]
    assert texts("Hans' Hut und ‚Hans’ Idee‘ bleiben.") == ["Hans’ Idee"]


def test_a_closing_mark_that_opens_a_line_opens_a_quote_when_one_closes_it():
    text = "He spoke.\n\n” … what I learned is that words matter,” he said.\n"
    (q,) = find_quoted(text)
    assert q.text == " … what I learned is that words matter,"
    assert (q.open_mark, q.close_mark, text[q.start - 1]) == ("“", "”", "”")


@pytest.mark.parametrize("text", [
    "” … a line with no closing mark after it.\n\nNext “quote” here.",  # nothing closes it in its paragraph
    "Yes, ” he said, ” and no.”",  # not at the start of a line
])
def test_a_closing_mark_opens_nothing_elsewhere(text):
    assert all(q.text != " … a line with no closing mark after it." for q in find_quoted(text))
    assert all(not q.text.startswith(" he said") for q in find_quoted(text))
