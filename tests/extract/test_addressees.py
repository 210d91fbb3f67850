"""Addressees: who a quote was said to, read from the cue's dependents, never part of the
speaker. Sentences written for these tests, one per construction (the full pipelines,
rules only)."""

import pytest

from quotegraph.extract.records import attribution_from_dict, attribution_to_dict

# (sentence, speaker, addressee): the attribution whose quote holds the last words of the sentence
GERMAN = [
    ("Der Bürgermeister sagte der Lokalzeitung „Weser-Echo“, die Brücke bleibe bis Montag gesperrt.",
     "Der Bürgermeister", "der Lokalzeitung „Weser-Echo“"),  # dative object
    ("Gegenüber dem Fernsehsender erklärte die Ministerin, sie werde nicht zurücktreten.",
     "die Ministerin", "dem Fernsehsender"),  # "gegenüber"
    ("„Wir bleiben hart“, sagte Gewerkschaftschef Tom Berger gegenüber Journalisten.",
     "Gewerkschaftschef Tom Berger", "Journalisten"),  # "gegenüber" after the speaker
    ("Vor der Presse sagte der Polizeichef, es gebe keine Verletzten.", "der Polizeichef", "der Presse"),
    ("Der Sprecher teilte den Abgeordneten mit, die Sitzung falle aus.", "Der Sprecher", "den Abgeordneten"),
    ("Die Kanzlerin forderte die Unternehmen auf, mehr Lehrstellen zu schaffen.", "Die Kanzlerin", "die Unternehmen"),
    ("Die Direktorin bat die Eltern, ihre Kinder früher abzuholen.", "Die Direktorin", "die Eltern"),
    ("Der Verband appellierte an die Regierung, die Steuern zu senken.", "Der Verband", "die Regierung"),
    ("Die Umweltschützer fordern von der Landesregierung, das Kraftwerk abzuschalten.",
     "Die Umweltschützer", "der Landesregierung"),  # "fordern von"
    ("In einem Interview mit der Wochenzeitung sagte der Trainer, die Mannschaft sei müde.",
     "der Trainer", "der Wochenzeitung"),  # the partner of a conversation
    # the subject of a passive cue that addresses someone is the one addressed, not the speaker
    ("Die beiden Männer werden beschuldigt, das Geld unterschlagen zu haben.", None, "Die beiden Männer"),
    ("Dem Minister wird vorgeworfen, die Akten vernichtet zu haben.", None, "Dem Minister"),
    # no addressee: a date after "vor", a reflexive, no object at all
    ("Die Senatorin sagte vor zwei Wochen, der Haushalt sei gesichert.", "Die Senatorin", None),
    ("Der Angeklagte äußerte sich nicht zu den Vorwürfen, sagte aber, er sei unschuldig.", "Der Angeklagte", None),
    ("Sie sagte, der Vertrag werde im Herbst unterschrieben.", "Sie", None),
]

ENGLISH = [
    ("The mayor told reporters the bridge would stay closed until Monday.", "The mayor", "reporters"),
    ("She told CNN that the talks had failed.", "She", "CNN"),
    ('"We will not give up," the union leader said to the crowd.', "the union leader", "the crowd"),
    ("In an interview with the Guardian, the minister said she would not resign.", "the minister", "the Guardian"),
    ("The president urged lawmakers to pass the bill quickly.", "The president", "lawmakers"),
    ("The coach said the team was tired.", "The coach", None),
]


def _last(result, text):
    """The attribution whose quote ends nearest the end of the sentence."""
    atts = [a for a in result.attributions if a.parent is None]
    assert atts, f"no attribution in {text!r}"
    return max(atts, key=lambda a: a.quote.end)


@pytest.mark.parametrize("text,speaker,addressee", GERMAN, ids=[t[:40] for t, _, _ in GERMAN])
def test_german_addressees(run_de, text, speaker, addressee):
    att = _last(run_de(text), text)
    assert (att.addressee.text if att.addressee else None) == addressee
    assert (att.speaker.text if att.speaker else None) == speaker
    if att.addressee is not None:
        assert text[att.addressee.start:att.addressee.end] == att.addressee.text


@pytest.mark.parametrize("text,speaker,addressee", ENGLISH, ids=[t[:40] for t, _, _ in ENGLISH])
def test_english_addressees(run_en, text, speaker, addressee):
    att = _last(run_en(text), text)
    assert (att.addressee.text if att.addressee else None) == addressee
    assert (att.speaker.text if att.speaker else None) == speaker


def test_a_named_addressee_is_an_entity_of_the_article(run_en):
    result = run_en("She told CNN that the talks had failed.")
    att = _last(result, "")
    assert att.addressee.entity == "CNN"
    assert result.entity("CNN") is not None


def test_the_addressee_travels_through_quotes_jsonl(run_de):
    text = "Der Sprecher teilte den Abgeordneten mit, die Sitzung falle aus."
    att = _last(run_de(text), text)
    line = attribution_to_dict(att)
    assert line["addressee"] == {"text": "den Abgeordneten", "start": 20, "end": 36, "entity": None, "type": None}
    assert attribution_from_dict(line) == att
