"""A person's name the recogniser cut short gets the rest the parser joined to it, and a name it
ran on into a headline ends at its verb (:mod:`quotegraph.extract.entity_bounds`; invented names)."""

import spacy
from spacy.tokens import Doc

from quotegraph.extract.entity_bounds import complete_person_names
from quotegraph.extract.lexicon import CueLexicon


def test_the_surname_after_a_cut_name_joins_the_speaker(run_de):
    result = run_de("Die Abgeordneten leugneten das nicht, erklärte der Sprecher Max Huber am Montag.")
    assert [a.speaker.entity for a in result.attributions] == ["Max Huber"]
    assert "Max" not in {e.name for e in result.entities}


def _doc(label: str, deps: list[str]) -> Doc:
    return Doc(spacy.blank("de").vocab, words="sagte Max Huber heute".split(), pos=["VERB", "PROPN", "PROPN", "ADV"],
               heads=[0, 0, 1, 0], deps=deps, ents=["O", f"B-{label}", "O", "O"])


def test_only_a_persons_name_grows_and_only_by_name_parts():
    lex = CueLexicon("de")
    person = _doc("PER", ["ROOT", "nsubj", "flat", "advmod"])
    complete_person_names(person, lex)
    assert [e.text for e in person.ents] == ["Max Huber"]
    # a place the parser ran on into the next word ("Mecklenburg-Vorpommern Kritik") stays as found
    place = _doc("LOC", ["ROOT", "nsubj", "flat", "advmod"])
    complete_person_names(place, lex)
    assert [e.text for e in place.ents] == ["Max"]
    # a proper noun hung on the name otherwise (an apposition) is no part of it
    other = _doc("PER", ["ROOT", "nsubj", "appos", "advmod"])
    complete_person_names(other, lex)
    assert [e.text for e in other.ents] == ["Max"]


def test_a_piece_of_a_word_split_at_an_apostrophe_does_not_join():
    # "Mark O’Keefe" tokenized "Mark", "O", "’", "Keefe": "Mark O" would be no better a name
    doc = Doc(spacy.blank("de").vocab, words=["sagte", "Mark", "O", "’", "Keefe"], spaces=[True, True, False, False, False],
              pos=["VERB", "PROPN", "PROPN", "PUNCT", "PROPN"], heads=[0, 0, 1, 2, 1],
              deps=["ROOT", "nsubj", "flat", "punct", "flat"], ents=["O", "B-PER", "O", "O", "O"])
    complete_person_names(doc, CueLexicon("de"))
    assert [e.text for e in doc.ents] == ["Mark"]


def _ents_after_cut(words, pos, tags, label):
    from quotegraph.extract.entity_bounds import cut_names_at_verbs
    from quotegraph.extract.lexicon import load_lexicon

    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, tags=tags,
              ents=[f"B-{label}"] + [f"I-{label}"] * (len(words) - 1))
    cut_names_at_verbs(doc, load_lexicon("en"))
    return [e.text for e in doc.ents]


def test_a_headline_the_recogniser_took_for_a_name_ends_at_its_verb():
    assert _ents_after_cut(["Anna", "Berg", "Refuses", "Deal"], ["PROPN", "PROPN", "VERB", "PROPN"],
                           ["NNP", "NNP", "VBZ", "NNP"], "PERSON") == ["Anna Berg"]
    # an imperative before a byline's name ("Follow Jane Poor on Twitter")
    assert _ents_after_cut(["Follow", "Jane", "Poor"], ["VERB", "PROPN", "PROPN"], ["VB", "NNP", "NNP"],
                           "PERSON") == ["Jane Poor"]


def test_names_with_a_participle_a_modal_or_an_organisations_verb_stay_whole():
    assert _ents_after_cut(["Citizens", "United"], ["PROPN", "VERB"], ["NNPS", "VBN"], "ORG") == ["Citizens United"]
    assert _ents_after_cut(["George", "Will"], ["PROPN", "AUX"], ["NNP", "MD"], "PERSON") == ["George Will"]
    assert _ents_after_cut(["Occupy", "Wall", "Street"], ["VERB", "PROPN", "PROPN"], ["VB", "NNP", "NNP"],
                           "ORG") == ["Occupy Wall Street"]


def test_a_lower_case_adjective_of_a_place_is_no_entity(run_de):
    # the recogniser marks "französische" as derived from a place; the speaker is the government
    result = run_de("Die französische Regierung erklärte, die Grenze bleibe offen.")
    assert "französische" not in {e.name for e in result.entities}
    assert [a.speaker.entity for a in result.attributions] != ["französische"]


def _role_doc(words, pos, ents):
    return Doc(spacy.blank("de").vocab, words=words, pos=pos, ents=ents)


def test_a_given_name_after_a_role_opens_a_name_the_recogniser_missed():
    from quotegraph.extract.entity_bounds import persons_after_roles

    lex = CueLexicon("de", person_nouns=frozenset({"sprecherin"}))
    words = "Eva Roth traf Sprecherin Ulrike Hesse heute".split()
    pos = ["PROPN", "PROPN", "VERB", "NOUN", "PROPN", "PROPN", "ADV"]
    doc = _role_doc(words, pos, ["B-PER", "I-PER", "O", "O", "O", "O", "O"])
    assert persons_after_roles(doc, lex) and [(e.text, e.label_) for e in doc.ents] == [
        ("Eva Roth", "PER"), ("Ulrike Hesse", "PER")]
    # no role noun before the given name ("traf Ulrike Hesse"): left to the recogniser
    plain = _role_doc("Eva Roth traf Ulrike Hesse heute".split(), ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "ADV"],
                      ["B-PER", "I-PER", "O", "O", "O", "O"])
    assert not persons_after_roles(plain, lex) and [e.text for e in plain.ents] == ["Eva Roth"]
    # an article with no person found at all gives no label to take
    alone = _role_doc(words, pos, ["O"] * 7)
    assert not persons_after_roles(alone, lex) and not alone.ents
