"""English attribution end to end on en_core_web_sm, rules only: one example of each main pattern,
offsets into the original text (invented sentences). The tests of each pattern are in patterns/."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '"We will not back down," union leader Mary Stone said on Monday.',
            [('"We will not back down,"', "Mary Stone", "say", "direct", None)],
        ),
        (
            "''We will not back down,'' union leader Mary Stone said on Monday.",
            [("''We will not back down,''", "Mary Stone", "say", "direct", None)],
        ),
        (
            'Mary Stone said: "We will not back down."',
            [('"We will not back down."', "Mary Stone", "say", "direct", None)],
        ),
        (
            "Mary Stone said that the strike would go on until Friday.",
            [("that the strike would go on until Friday", "Mary Stone", "say", "indirect", None)],
        ),
        (
            "The strike will go on until Friday, Mary Stone told reporters.",
            [("The strike will go on until Friday", "Mary Stone", "tell", "indirect", None)],
        ),
        (
            "According to the Daily Planet, the strike will go on until Friday.",
            [("the strike will go on until Friday", "Daily Planet", "according to", "indirect", None)],
        ),
    ],
)
def test_patterns(run_en, summary_of, text, expected):
    got = summary_of(run_en(text))
    assert got == expected


def test_offsets_are_into_the_original_text(run_en):
    text = 'Intro line.\n\n"We will stay here and fight," said Mary Stone, according to the Daily Planet.'
    result = run_en(text)
    assert result.attributions
    for att in result.attributions:
        for span in (att.quote, att.speaker, att.cue, att.mediator):
            if span is not None:
                assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text, speaker, cue", [
    # the clause before a colon frames the quote after it, whatever its verb, in one paragraph
    ("The board was firm in its ruling: “No further discussion of this matter is needed.”", "The board", "was"),
    # and a paragraph ending in such a clause frames the quote that opens the next one
    ("When the senator retired, the governor released the following statement:\n\n"
     "“We will miss her. She served the state with honor for thirty years.”", "the governor", "released"),
])
def test_the_clause_before_a_colon_frames_the_quote_after_it(run_en, text, speaker, cue):
    (att,) = run_en(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.text) == ("direct", speaker, cue)


def test_a_participle_clause_before_the_frame_is_the_question_and_the_answer_word_the_content(run_en):
    # "Asked if …" is what the voters were asked, not what they said; "yes" is what they said
    atts = run_en("Asked if the plan would work, 46 percent of voters said yes.").attributions
    assert sorted((a.quote.text, a.cue.text, a.speaker.text if a.speaker else None) for a in atts) == [
        ("if the plan would work", "Asked", None), ("yes", "said", "46 percent of voters")]


@pytest.mark.parametrize("text, answer", [
    ("Asked if he was ever bullied, the candidate said no.", "no"),
    ("The mayor was asked about the bridge on Monday, and she said so.", "so"),
])
def test_an_answer_word_after_the_cue_is_the_content(run_en, text, answer):
    assert answer in [a.quote.text for a in run_en(text).attributions if a.cue is not None and a.cue.text == "said"]
