"""English verbs of offering, thanking, backing, pressing and listing report a speech act or
stance, as "support" and "propose" do: their object is what is said or backed (PolNeAR
annotates it so); "feel", like "think", needs a clause (invented sentences)."""

import pytest


@pytest.mark.parametrize("text, cue, content", [
    ("Governor Lena Marsh offered a plan to repair the harbor bridge.", "offered", "a plan to repair the harbor bridge"),
    ("The union backed the proposal to raise wages for drivers.", "backed", "the proposal to raise wages for drivers"),
    ("Mayor Carl Benning thanked the firefighters for their work.", "thanked", "the firefighters for their work"),
    ("The senator pressed the agency for answers about the delays.", "pressed", "the agency for answers about the delays"),
    ("Dana Fell listed three reasons for the delay.", "listed", "three reasons for the delay"),
])
def test_english_act_verbs_are_cues(run_en, text, cue, content):
    (att,) = run_en(text).attributions
    assert (att.cue.text, att.quote.text) == (cue, content)


def test_english_feel_needs_a_clause(run_en):
    (att,) = run_en("Many farmers feel that the new tariff will hurt them.").attributions
    assert (att.cue.text, att.quote.text) == ("feel", "that the new tariff will hurt them")
    assert not run_en("The farmers feel the cold in the morning.").attributions
