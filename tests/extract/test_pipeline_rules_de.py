"""German attribution end to end on the default German pipeline, rules only: one example of each main
pattern (invented sentences). The tests of each pattern are in patterns/."""

import pytest


@pytest.mark.parametrize(
    "text, quote, speaker, cue, kind",
    [
        ("„Wir werden die Verhandlungen fortsetzen“, sagte Ministerin Clara Hartmann am Montag.",
         "„Wir werden die Verhandlungen fortsetzen“", "Clara Hartmann", "sagen", "direct"),
        ("Clara Hartmann sagte: „Wir werden die Verhandlungen fortsetzen.“",
         "„Wir werden die Verhandlungen fortsetzen.“", "Clara Hartmann", "sagen", "direct"),
        ("Clara Hartmann sagte, die Regierung werde die Verhandlungen fortsetzen.",
         "die Regierung werde die Verhandlungen fortsetzen", "Clara Hartmann", "sagen", "indirect"),
        ("Die Regierung werde die Verhandlungen fortsetzen, sagte Clara Hartmann.",
         "Die Regierung werde die Verhandlungen fortsetzen", "Clara Hartmann", "sagen", "indirect"),
        ("Clara Hartmann betonte, dass die Regierung die Verhandlungen fortsetzen werde.",
         "dass die Regierung die Verhandlungen fortsetzen werde", "Clara Hartmann", "betonen", "indirect"),
    ],
)
def test_patterns(run_de, text, quote, speaker, cue, kind):
    atts = run_de(text).attributions
    assert atts, text
    att = atts[0]
    assert att.quote.text == quote
    assert att.speaker is not None and att.speaker.entity == speaker
    assert att.cue.lemma == cue
    assert att.quote.kind == kind


@pytest.mark.parametrize(
    "text, quote, speaker, cue",
    [
        ("„Freiheit statt Angst“, skandierten die Demonstranten.", "„Freiheit statt Angst“", "die Demonstranten", "skandieren"),
        ("Die Ministerin Clara Hartmann konstatierte, die Lage habe sich beruhigt.",
         "die Lage habe sich beruhigt", "Die Ministerin Clara Hartmann", "konstatieren"),
        ("Clara Hartmann fügte an, die Regierung werde nicht nachgeben.",
         "die Regierung werde nicht nachgeben", "Clara Hartmann", "anfügen"),
    ],
)
def test_lexicon_speech_verbs(run_de, text, quote, speaker, cue):
    # chanting, stating and adding are speech acts: their verbs are cues
    att = run_de(text).attributions[0]
    assert (att.quote.text, att.speaker.text, att.cue.lemma) == (quote, speaker, cue)
