"""A name glued at an apostrophe ("O’Dwyer") is one proper noun: the person's name takes it whole,
and a later mention of it alone joins that person (:mod:`quotegraph.extract.glued_names`;
invented names)."""

import spacy
from spacy.tokens import Doc

from quotegraph.extract.glued_names import join_glued_names
from quotegraph.extract.lexicon import load_lexicon


def test_german_speaker_with_a_glued_surname_is_one_person(run_de):
    result = run_de("„Wir bleiben hier“, sagte Lena O’Dwyer, die Sprecherin der Klinik. "
                    "Später sagte O’Dwyer, sie sei müde.")
    assert [a.speaker.entity for a in result.attributions] == ["Lena O’Dwyer", "Lena O’Dwyer"]
    assert not {"Lena", "O"} & {e.name for e in result.entities}


def test_english_speaker_with_a_glued_surname_is_one_person(run_en):
    result = run_en("Paolo D’Arienzo said the film was a success. Later D’Arienzo said he was tired. "
                    "D’Arienzo’s lawyer said the case was closed.")
    assert [a.speaker.entity for a in result.attributions][:2] == ["Paolo D’Arienzo", "Paolo D’Arienzo"]
    assert "D’Arienzo’s" not in {e.name for e in result.entities}


def _doc(lang: str, words: list[str], spaces: list[bool], ents: list[str]) -> Doc:
    return Doc(spacy.blank(lang).vocab, words=words, spaces=spaces, ents=ents)


def test_a_given_name_of_another_type_becomes_the_persons_name():
    doc = _doc("en", ["Anna", "O’Dwyer", "agreed"], [True, True, False], ["B-NORP", "O", "O"])
    join_glued_names(doc, load_lexicon("en"))
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna O’Dwyer", "PERSON")]
    assert (doc[1].pos_, doc[1].tag_) == ("PROPN", "NNP")


def test_other_names_and_words_with_apostrophes_stay_as_they_are():
    lex = load_lexicon("de")
    # a place before a glued name is not a person's first name; lower-case elisions are no names
    doc = _doc("de", ["Rom", "O", "’", "Dwyer", "hab", "’s", "d", "’", "accord"],
               [True, False, False, True, False, True, False, False, False],
               ["B-LOC", "O", "O", "O", "O", "O", "O", "O", "O"])
    join_glued_names(doc, lex)
    assert [t.text for t in doc] == ["Rom", "O’Dwyer", "hab", "’s", "d", "’", "accord"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Rom", "LOC")]
    # a piece of a longer word is no glued name ("McO’Dwyer" split after "Mc")
    doc = _doc("de", ["McO", "’", "Dwyer"], [False, False, False], ["O", "O", "O"])
    join_glued_names(doc, lex)
    assert [t.text for t in doc] == ["McO", "’", "Dwyer"]
