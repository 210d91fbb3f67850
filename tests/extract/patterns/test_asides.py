"""A reporting frame set off by commas inside the sentence it reports (patterns/asides.py), on
en_core_web_sm, rules only (invented sentences)."""

import pytest


@pytest.mark.parametrize(
    "text, words, speaker, cue",
    [
        ("Lately, she said, she has found that the valley is no longer so quiet.",
         ["Lately", "she has found that the valley is no longer so quiet"], "she", "said"),
        ("The old ferry, the captain told them, was never safe.", ["The old ferry", "was never safe"], "the captain", "told"),
        ("If the talks fail, Ms. Varga warned, the drivers plan to strike in May.",
         ["If the talks fail", "the drivers plan to strike in May"], "Ms. Varga", "warned"),
    ],
)
def test_the_words_on_both_sides_are_the_content_and_the_frame_a_gap(run_en, text, words, speaker, cue):
    result = run_en(text)
    framed = [a for a in result.attributions if a.cue is not None and a.cue.text == cue]
    assert len(framed) == 1
    att = framed[0]
    assert [text[a:b] for a, b in att.quote.spans()] == words
    assert att.speaker.text == speaker
    # no second report of a cue inside the content ("she has found that …")
    assert all(a is att or not (att.quote.start <= a.quote.start < att.quote.end) for a in result.attributions)


def test_a_frame_before_its_content_is_no_aside(run_en):
    result = run_en("Lately she said that the valley is no longer so quiet.")
    att = next(a for a in result.attributions if a.cue is not None and a.cue.text == "said")
    assert att.quote.text == "that the valley is no longer so quiet"
    assert att.quote.gaps == ()


def test_an_aside_in_a_relative_clause_reports_that_clause(run_en):
    text = "She blamed the delays, which, the engineer said, had been caused by the storm."
    result = run_en(text)
    att = next(a for a in result.attributions if a.cue is not None and a.cue.text == "said")
    assert [text[a:b] for a, b in att.quote.spans()] == ["which", "had been caused by the storm"]
    assert att.speaker.text == "the engineer"


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        # the parser makes the frame the root, with two subjects: the first is the content's
        ("The ferry, Tom Ashby told them, was never safe.", ["The ferry", "was never safe"], "Tom Ashby"),
        # the frame hangs on the clause after it: the words before it are content too
        ("He sincerely believes, he said, that the mayor is a really good guy.",
         ["He sincerely believes", "that the mayor is a really good guy"], "he"),
    ],
)
def test_frames_the_parser_hangs_elsewhere(run_en, text, words, speaker):
    result = run_en(text)
    att = next(a for a in result.attributions if a.quote.gaps)
    assert [text[a:b] for a, b in att.quote.spans()] == words
    assert att.speaker.text == speaker
    if "told" in text:
        assert att.addressee is not None and att.addressee.text == "them"


def test_the_content_stops_at_a_dash_before_the_frame(run_en):
    text = ("The bill would block any new deals with the rebels - a provision, Ms. Varga said, "
            "that is meant to keep the council in charge.")
    att = next(a for a in run_en(text).attributions if a.quote.gaps)
    assert [text[a:b] for a, b in att.quote.spans()] == ["a provision", "that is meant to keep the council in charge"]


@pytest.mark.parametrize("closing", ["as the Courier reported", "according to the Courier"])
def test_a_relay_after_the_frame_closes_it(run_en, closing):
    text = f"The ferry will stay closed, the captain said, {closing}."
    att = next(a for a in run_en(text).attributions if a.cue is not None and a.cue.text == "said")
    assert att.quote.text == "The ferry will stay closed"
    assert att.quote.gaps == ()
