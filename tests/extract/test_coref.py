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


# Salience: the person in focus, not the name mentioned last (quotegraph.extract.salience)


def _speaker_entities(result):
    return [(a.speaker.text, a.speaker.entity) for a in result.attributions if a.speaker is not None]


def test_a_pronoun_goes_to_the_subject_in_focus_not_a_name_in_an_object_or_genitive_de(run_de):
    text = ("Minister Jan Kraus traf am Montag Anna Weiß in Rom. Er wies die Vorwürfe der Anwälte von Peter Lang "
            "zurück. „Wir bleiben standhaft“, sagte er.")
    assert ("er", "Jan Kraus") in _speaker_entities(run_de(text))


def test_a_pronoun_goes_to_the_subject_in_focus_not_a_possessive_en(run_en):
    text = ("Minister John Kraus met Anna White in Rome. He rejected the claims of Peter Long's lawyers. "
            '"We stand firm," he said.')
    assert ("he", "John Kraus") in _speaker_entities(run_en(text))


def test_without_a_person_in_focus_the_pronoun_takes_the_person_named_last(run_de):
    text = "Die Polizei nahm Peter Lang am Montag fest. Er sagte, er sei unschuldig."
    assert ("Er", "Peter Lang") in _speaker_entities(run_de(text))


def test_a_person_named_in_the_pronouns_own_sentence_comes_before_the_last_speaker(run_en):
    text = ('"We lost," said Tom Brook. After the match, coach Mary Stone was satisfied: '
            '"A good start," she said.')
    assert ("she", "Mary Stone") in _speaker_entities(run_en(text))


def test_a_plural_pronoun_refers_to_no_one_person(run_de, run_en):
    de = run_de("Die Gewerkschaften kritisierten den Plan von Minister Jan Kraus. Sie sagten, er sei unsozial.")
    assert ("Sie", None) in _speaker_entities(de)
    en = run_en("The unions criticised the plan of Minister John Kraus. They said that it was unfair.")
    assert ("They", None) in _speaker_entities(en)


def test_focus_reaches_back_only_one_sentence():
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.salience import Focus

    nlp = spacy.blank("en")
    words = ["Kraus", "left", ".", "Rain", "fell", "on", "White", ".", "He", "spoke", "."]
    heads = [1, 1, 1, 4, 4, 6, 4, 4, 9, 9, 9]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "case", "obl", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    morphs = [""] * 8 + ["Person=3|PronType=Prs|Number=Sing", "", ""]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs,
              sent_starts=[1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0])
    focus = Focus(doc, [(doc[0].idx, "Kraus"), (doc[6].idx, "White")])
    # Kraus was the subject two sentences back: no better than White, named just before
    assert focus.antecedent(doc[8].idx) == "White"
