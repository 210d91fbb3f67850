"""Transcript turns found in plain text (no spaCy): labels, dialogue, continuation, stage directions."""

import pytest

from quotegraph.extract.transcripts import transcript_turns, turn_label


def _turns(text, not_labels=frozenset()):
    return [(text[slice(*t.label)], text[slice(*t.content)], t.quoted) for t in transcript_turns(text, not_labels)]


INTERVIEW = ("Mayor talks about the flood\n\n"
             "The mayor spoke to our reporter on Friday.\n\n"
             "Q: Were you surprised by the water?\n\n"
             "A: Nobody was ready. The river rose in an hour.\n\n"
             "Q: What happens now?\n\n"
             "A: We rebuild the dams first.\n\n"
             "The interview was shortened.")


def test_an_interview_gives_each_question_and_answer_its_speaker():
    assert _turns(INTERVIEW) == [
        ("Q", "Were you surprised by the water?", False),
        ("A", "Nobody was ready. The river rose in an hour.", False),
        ("Q", "What happens now?", False),
        ("A", "We rebuild the dams first.", False),
    ]


def test_paragraphs_between_two_turns_continue_the_first_but_the_last_turn_ends_with_its_paragraph():
    text = ("Title\n\n"
            "HOST: Tell us about the budget.\n\n"
            "OWENS: It is too small.\n\n"
            "And it came too late for the schools.\n\n"
            "HOST: Will you vote for it?\n\n"
            "OWENS: No.\n\n"
            "The vote is on Monday.")
    assert [c for _, c, _ in _turns(text)] == [
        "Tell us about the budget.",
        "It is too small.\n\nAnd it came too late for the schools.",
        "Will you vote for it?",
        "No.",
    ]


def test_a_stage_direction_ends_a_turn_and_does_not_break_the_transcript():
    text = ("Title\n\n"
            "HOST: Tell us about the budget.\n\n"
            "OWENS: It is too small.\n\n"
            "(CROSSTALK.)\n\n"
            "HOST: Let me finish.\n\n"
            "OWENS: Go ahead.")
    turns = _turns(text)
    assert [(s, c) for s, c, _ in turns][1:3] == [("OWENS", "It is too small."), ("HOST", "Let me finish.")]
    assert len(turns) == 4


def test_a_full_name_and_a_surname_are_one_speaker():
    text = ("Title\n\n"
            "Lena Park: Rents have doubled.\n\n"
            "Tom Reyes: Wages have not.\n\n"
            "Park: That is the whole problem.")
    assert [s for s, _, _ in _turns(text)] == ["Lena Park", "Tom Reyes", "Park"]


@pytest.mark.parametrize("text", [
    # labelled lines where nobody speaks twice: a digest of headlines, not a dialogue
    "News digest\n\nPoll: Rents rise in the city.\n\nMayor: The budget will pass.\n\nGovernor: No new taxes.",
    # one speaker only
    "Title\n\nOWENS: It is too small.\n\nOWENS: And too late.",
    # the first line is the title, never a turn; without it nobody speaks twice
    "OWENS: A budget too small\n\nHOST: Is it?\n\nOWENS: It is.",
])
def test_no_transcript_without_a_dialogue(text):
    assert _turns(text) == []


def test_turns_far_apart_belong_to_different_runs():
    far = "\n\n".join(["Title", "HOST: Hello there.", "A.", "B.", "C.", "OWENS: Hello.", "HOST: Bye now."])
    # three plain paragraphs (more than two) split HOST's first turn off: the rest has no dialogue
    assert _turns(far) == []


def test_a_transcript_quoted_line_by_line_keeps_its_labels_and_says_so():
    text = 'Title\n\n"HOST: Is it true?\n\n"OWENS: It is.\n\n"HOST: Thank you."'
    turns = _turns(text)
    assert [(s, q) for s, _, q in turns] == [("HOST", True), ("OWENS", True), ("HOST", True)]


@pytest.mark.parametrize("line, label", [
    ("WALLACE: Do you see it?", "WALLACE"),
    ("“Chris Matthews: Seriously.", "Chris Matthews"),
    ("Q: Why?", "Q"),
    ("Look, it works: trust me.", None),   # a comma: not a label
    ("the mayor: a profile", None),        # lower case
    ("11:05 a.m. The council met.", None),  # a time
    ("Update: The vote moved.", None),      # an editorial label (given)
])
def test_turn_label(line, label):
    span = turn_label(line, 0, frozenset({"update"}))
    assert (line[slice(*span)] if span else None) == label
