"""Speaker mentions resolved to entities (:mod:`quotegraph.extract.coref`): pronouns, relative pronouns
and surnames to the person named before (invented sentences)."""


# German


def test_pronoun_speaker_resolves_to_the_person_before(run_de):
    text = "Clara Hartmann trat am Montag vor die Presse. Sie sagte, die Regierung werde nicht nachgeben."
    att = run_de(text).attributions[0]
    assert att.speaker.text == "Sie"
    assert att.speaker.entity == "Clara Hartmann"


def test_a_surname_joins_the_person_not_a_headline_that_contains_it():
    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.lexicon import load_lexicon

    index = EntityIndex(load_lexicon("de"))
    index.add("Lässt Weber Schulz fallen", "organization")  # a headline the NER took for a name
    person = index.add("Anna Weber", "person")
    assert index.add("Weber", "person") is person
    assert person.name == "Anna Weber"


# English


def test_pronoun_speaker_resolves_to_person_named_before(run_en):
    text = 'Mary Stone spoke outside the gate. "We will not back down," she said.'
    (att,) = run_en(text).attributions
    assert att.speaker.text == "she"
    assert att.speaker.entity == "Mary Stone"


def test_relative_pronoun_speaker_resolves_to_its_noun(run_en):
    text = "There are some economists who argue that corporate taxes should be very low."
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.speaker.entity) == ("who", "some economists")
