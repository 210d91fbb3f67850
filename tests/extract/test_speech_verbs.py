"""Verbs of speaking with a tone (scolding, cheering, scoffing) are cues like "sagen" and "say"
(invented sentences)."""

import pytest


@pytest.mark.parametrize("text, cue, speaker", [
    ("„Das war kein Elfmeter“, schimpfte Trainer Ralf Stein nach dem Spiel.", "schimpfte", "Trainer Ralf Stein"),
    ("„Wir sind wieder da“, jubelte die Kapitänin Lea Brandt.", "jubelte", "die Kapitänin Lea Brandt"),
    ("Der Parteichef Jonas Kraft wetterte, die Regierung habe versagt.", "wetterte", "Der Parteichef Jonas Kraft"),
])
def test_german_tone_verbs_are_cues(run_de, text, cue, speaker):
    (att,) = run_de(text).attributions
    assert (att.cue.text, att.speaker.text) == (cue, speaker)


@pytest.mark.parametrize("text, cue", [
    ('"That is simply not true," scoffed Senator Ann Hollis.', "scoffed"),
    ('"We have waited long enough," Mayor Tom Reilly fumed on Monday.', "fumed"),
])
def test_english_tone_verbs_are_cues(run_en, text, cue):
    (att,) = run_en(text).attributions
    assert att.cue.text == cue
