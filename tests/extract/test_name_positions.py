"""Where a name stands beside a head noun (:mod:`quotegraph.extract.name_positions`), and a name
set off beside a noun of a person is that person whatever the recogniser took it for
(invented names)."""

import spacy
from spacy.tokens import Doc

from quotegraph.extract.name_positions import in_owner, modifies, set_off_beside


def _doc(words, heads, deps):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_an_apposition_that_is_the_name_alone_is_set_off_beside_its_head():
    # "a spokeswoman for the yard , Ines Lund"
    doc = _doc(["a", "spokeswoman", "for", "the", "yard", ",", "Ines", "Lund"],
               [1, 1, 1, 4, 2, 1, 7, 1], ["det", "ROOT", "prep", "det", "pobj", "punct", "compound", "appos"])
    name, yard = doc[6:8], doc[4:5]
    assert set_off_beside(name, doc[1]) and not in_owner(name, doc[1]) and not modifies(name, doc[1])
    assert not set_off_beside(yard, doc[1]) and in_owner(yard, doc[1])


def test_a_description_a_bracket_or_a_quotation_mark_before_the_name_is_not_a_name_set_off():
    # "the employee , a registered Democrat": the apposition describes the employee
    described = _doc(["the", "employee", ",", "a", "registered", "Democrat"],
                     [1, 1, 1, 5, 5, 1], ["det", "ROOT", "punct", "det", "amod", "appos"])
    assert not set_off_beside(described[5:6], described[1])
    # "an agency ( ANA )": an abbreviation in brackets is the agency's alias
    bracketed = _doc(["an", "agency", "(", "ANA", ")"], [1, 1, 1, 1, 1], ["det", "ROOT", "punct", "appos", "punct"])
    assert not set_off_beside(bracketed[3:4], bracketed[1])
    quoted = _doc(["a", "firm", '"', "Blue", "Kite", '"'], [1, 1, 1, 4, 1, 1],
                  ["det", "ROOT", "punct", "compound", "appos", "punct"])
    assert not set_off_beside(quoted[3:5], quoted[1])


def test_a_name_set_off_beside_a_spokeswoman_is_a_person(run_en, run_de):
    en = run_en("A spokeswoman for the shipyard, Ines Park, said the delays were caused by supply problems.")
    assert [(a.speaker.entity, a.speaker.type) for a in en.attributions] == [("Ines Park", "person")]
    de = run_de("Der Sprecher des Senats, Waldemar Ostheide, sagte, die Sitzung werde verschoben.")
    assert [(a.speaker.entity, a.speaker.type) for a in de.attributions] == [("Waldemar Ostheide", "person")]
