"""Tests of :mod:`quotegraph.extract.patterns.headlines`: lines labelled with a speaker: transcript
turns and colon headlines (invented sentences, rules only)."""

import pytest


def test_colon_headline_names_its_source(run_en):
    text = "Harbor Mayor Ann Ruiz: The Bridge Will Be Rebuilt by Spring\n\nThe city council met on Tuesday."
    (att,) = run_en(text).attributions
    assert att.quote.text == "The Bridge Will Be Rebuilt by Spring"
    assert att.speaker.text == "Harbor Mayor Ann Ruiz"
    assert att.cue.text == ":"


@pytest.mark.parametrize("text, content", [
    ("Tom Rudd: I Still Believe the Levy Is a Mistake\n\nThe senator spoke on Sunday.",
     "I Still Believe the Levy Is a Mistake"),
    ("Nora Bell: I would consider a run for governor\n\nThe mayor spoke on Monday.", "I would consider a run for governor"),
])
def test_colon_headline_whose_report_has_i_as_speaker_is_the_named_ones(run_en, text, content):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.text) == (content, text.split(":")[0], ":")


@pytest.mark.parametrize(
    "text",
    [
        "Update: The bridge will be rebuilt by the spring.",
        "11:05 a.m.\n\nThe council met on Tuesday.",
        "Q: Will the bridge be rebuilt soon?",
    ],
)
def test_colon_labels_times_and_interview_letters_are_no_headline_source(run_en, text):
    assert all(a.cue is None or a.cue.text != ":" for a in run_en(text).attributions)


def test_transcript_quoted_line_by_line_names_each_speaker(run_en):
    text = '"HOST: Will the mayor come to the hearing on Friday?\n\n"GUEST: She will not be at the hearing, I am told.'
    atts = run_en(text).attributions
    assert [(a.speaker.text, a.cue.text) for a in atts] == [("HOST", ":"), ("GUEST", ":")]
    assert atts[1].quote.text.startswith("She will not be at the hearing")


def test_transcript_turns_are_direct_quotes_of_their_labelled_speakers(run_en):
    text = ("Budget fight goes on\n\n"
            "HOST: Do you think the budget will pass?\n\n"
            "OWENS: I think it will fail, and I said so last week.\n\n"
            "HOST: Why?\n\n"
            "OWENS: Because the schools get nothing.")
    atts = run_en(text).attributions
    turns = [(a.speaker.text, a.cue.text, a.quote.kind, a.quote.text) for a in atts if a.cue and a.cue.text == ":"]
    assert turns == [
        ("HOST", ":", "direct", "Do you think the budget will pass?"),
        ("OWENS", ":", "direct", "I think it will fail, and I said so last week."),
        ("HOST", ":", "direct", "Why?"),
        ("OWENS", ":", "direct", "Because the schools get nothing."),
    ]
    # the turn is the speaker's own words: what OWENS thinks and said is inside it, no report of its own
    assert len(atts) == 4


def test_an_interviews_letters_are_no_speakers_and_leave_the_reports_inside_to_the_other_rules(run_en):
    text = ("Mayor talks about the flood\n\n"
            "Q: You said last week that the dams would hold.\n\n"
            "A: I think the engineers were wrong about the river.\n\n"
            "Q: What happens now?\n\n"
            "A: We rebuild the dams first.")
    atts = run_en(text).attributions
    assert not any(a.speaker is not None and a.speaker.text in ("Q", "A") for a in atts)
    # PolNeAR marks the reports inside an answer with their own speakers
    assert ("I", "the engineers were wrong about the river") in [(a.speaker.text, a.quote.text) for a in atts if a.speaker]


def test_a_transcript_quoted_line_by_line_takes_its_labels_as_speakers(run_en):
    text = ('Budget fight goes on\n\n'
            '"HOST: Do you think the budget will pass?\n\n'
            '"OWENS: I think it will fail.\n\n'
            '"HOST: Thank you, senator."')
    atts = run_en(text).attributions
    assert [(a.speaker.text, a.quote.text) for a in atts] == [
        ("HOST", "Do you think the budget will pass?"), ("OWENS", "I think it will fail."),
        ("HOST", 'Thank you, senator."')]


INTERVIEW_YOU = ("The mayor spoke to our reporter on Friday.\n\n"
                 "Q: You said last week that the harbor would reopen in May.\n\n"
                 "A: Yes, the cranes are back.\n\n"
                 "Q: Do you think the dockworkers will return?\n\n"
                 "A: Most of them will.")


def test_you_in_an_interviews_turn_is_the_speaker_of_its_report(run_en):
    atts = {a.cue.text: a for a in run_en(INTERVIEW_YOU).attributions if a.cue is not None}
    assert (atts["said"].speaker.text, atts["said"].quote.text) == ("You", "that the harbor would reopen in May")
    assert (atts["think"].speaker.text, atts["think"].quote.text) == ("you", "the dockworkers will return")


def test_you_outside_a_dialogue_is_no_speaker(run_en):
    text = "If you think the harbor will reopen soon, the mayor has bad news."
    assert all(a.speaker is None or a.speaker.text.lower() != "you" for a in run_en(text).attributions)
