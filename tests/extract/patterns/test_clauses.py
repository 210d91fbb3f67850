"""Tests of :mod:`quotegraph.extract.patterns.clauses`: content clauses: where reported content runs,
whether it is a clause, and the relay of an indirect report (invented sentences, rules only)."""

import pytest


def test_a_dass_clause_is_content_even_when_its_verb_is_mistagged(run_de):
    text = "Die Gruppe hat nun in einer Stellungnahme bekannt gegeben, dass diese Ablagerungen keine akute Gefahr darstellen."
    (att,) = run_de(text).attributions
    assert (att.cue.lemma, att.speaker.text) == ("bekanntgeben", "Die Gruppe")
    assert att.quote.text.startswith("dass diese Ablagerungen")


def test_verb_second_content_whose_article_was_tagged_as_a_relative_pronoun(run_de):
    text = ("Bei ihrem Auftritt in Brüssel bei einem Treffen der Außenminister sagte Weber, "
            "die USA hielten sich an die Konvention, sowohl im Inland als auch im Ausland.")
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text) == ("indirect", "Weber")
    assert att.quote.text.startswith("die USA hielten")


def test_a_source_phrase_before_the_cue_relays_the_subjects_report(run_de):
    text = "Laut BBC News sagte der Minister, dass zehn Millionen Dollar investiert werden sollen."
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.mediator.text) == ("der Minister", "BBC News")


@pytest.mark.parametrize("text, quote", [
    # a particle verb's infinitive with "zu" inside, tagged as a bare infinitive
    ("Die Verbände forderten die Bundesregierung auf, die Bekämpfung des Terrorismus nicht auf Kosten "
     "der Bürgerrechte voranzutreiben.", "die Bekämpfung des Terrorismus nicht auf Kosten der Bürgerrechte voranzutreiben"),
    # an infinitive with "zu" after a speech noun
    ("Die Kundgebung endete mit dem Appell, die Wahrheit über die Atomenergie unter allen Menschen zu verbreiten.",
     "die Wahrheit über die Atomenergie unter allen Menschen zu verbreiten"),
])
def test_an_infinitive_with_zu_is_reported_content(run_de, text, quote):
    assert [a.quote.text for a in run_de(text).attributions] == [quote]
