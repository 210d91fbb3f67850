"""Entities known only by a description ("die Polizei", "the campaign") are marked so in the
records (``named=False``), and named ones are not (invented sentences)."""

import json

import pytest

from quotegraph.extract.records import attribution_from_dict, attribution_to_dict


def speaker_of(result, quote_word):
    return next(a.speaker for a in result.attributions if quote_word in a.quote.text)


def test_a_german_description_is_no_name_and_a_person_is(run_de):
    text = ("Nach dem Brand in der Halle ermittelt die Polizei. „Wir suchen Zeugen“, sagte die Polizei am Abend. "
            "„Die Halle war leer“, sagte Anna Kessler.")
    result = run_de(text)
    police, person = speaker_of(result, "Zeugen"), speaker_of(result, "leer")
    assert (police.entity, police.named) == ("Polizei", False)
    assert (person.entity, person.named) == ("Anna Kessler", True)
    by_name = {e.name: e.named for e in result.entities}
    assert by_name == {"Polizei": False, "Anna Kessler": True}


def test_an_english_description_is_no_name_even_where_the_ner_takes_it_into_a_name(run_en):
    text = ('The Harlan campaign opened an office in Dayton. "We will win this state," the campaign said. '
            '"The office opens on Monday," said Tom Harlan.')
    result = run_en(text)
    campaign, person = speaker_of(result, "win"), speaker_of(result, "office")
    assert campaign.entity is not None and campaign.entity.lower() == "campaign"
    assert campaign.named is False
    assert (person.entity, person.named) == ("Tom Harlan", True)


def test_quotes_jsonl_writes_named_only_when_false_and_reads_old_lines_as_named(run_de):
    text = "„Wir suchen Zeugen“, sagte die Polizei. „Die Halle war leer“, sagte Anna Kessler."
    lines = [json.loads(json.dumps(attribution_to_dict(a))) for a in run_de(text).attributions]
    police = next(d for d in lines if "Zeugen" in d["text"])["speaker"]
    person = next(d for d in lines if "leer" in d["text"])["speaker"]
    assert police["named"] is False and "named" not in person
    assert attribution_from_dict(next(d for d in lines if "Zeugen" in d["text"])).speaker.named is False
    old = dict(next(d for d in lines if "Zeugen" in d["text"]), speaker=dict(police))
    del old["speaker"]["named"]  # a line written before the field
    assert attribution_from_dict(old).speaker.named is True


def test_a_name_in_quotation_marks_after_an_outlet_word_is_the_outlets_name(run_de):
    text = "Laut einem Bericht des Magazins „Kompass“ soll der Minister die Pläne bereits vorgestellt haben."
    (att,) = run_de(text).attributions
    assert (att.speaker.entity, att.speaker.type, att.speaker.named) == ("Kompass", "media", True)



def test_a_nationality_or_party_adjective_is_not_the_speakers_name(run_en):
    # "a French official" is someone new, no node; "Republican senators" a group of its own, not the party
    text = "A French official said the border would stay open. Republican senators said the bill was dead."
    result = run_en(text)
    official, senators = speaker_of(result, "border"), speaker_of(result, "bill")
    assert official.entity is None
    assert senators.entity is not None and senators.entity != "Republican" and "senators" in senators.entity
    assert "French" not in {e.name for e in result.entities}


def test_a_shorter_description_refers_back_to_the_compound_that_named_a_body(run_de):
    # "der Verband" after "Der Hafenbetreiberverband": the same body, known by its description
    text = ("Der Hafenbetreiberverband erklärte, die Löhne seien angemessen. "
            "Laut dem Verband liegen vierzig Schiffe vor der Küste auf Reede.")
    speaker = speaker_of(run_de(text), "Schiffe")
    assert speaker.entity == "Hafenbetreiberverband"


def test_a_title_alone_is_not_learned_as_a_description(run_de):
    # a title goes to the person in focus, not to an earlier description with the same title noun
    text = ("Laut der Feuerwehr brannten am Morgen drei Lagerhallen am Hafen von Kalberg. Ines Ostrowski-Beck, "
            "die Innenministerin der Provinz, sagte, dass das Feuer wohl gelegt worden sei. Mehrere Zeugen hätten "
            "zwei Männer gesehen, so die Innenministerin. Nach Berichten lokaler Sender war die Polizei schnell vor "
            "Ort. Am Abend bestätigte Ines Ostrowski-Beck laut der Agentur Nordpress, dass zwei Verdächtige "
            "festgenommen wurden. Die Ministerin kündigte strengere Kontrollen an.")
    result = run_de(text)
    assert speaker_of(result, "Kontrollen").entity == "Ines Ostrowski-Beck"
    # the apposition the parser coordinated with the name ("conj", closed by a comma) is her role
    assert speaker_of(result, "Zeugen").entity == "Ines Ostrowski-Beck"


def test_a_relay_with_an_indefinite_article_and_no_name_is_no_node(run_en, run_de):
    # "a letter seen by X" brings in a document with no name of its own: no entity (it was a
    # media node "letter seen"), its type what it is
    text = "Senator Mark Hollis said the agency had ignored warnings, according to a letter seen by Reuters."
    (att,) = run_en(text).attributions
    assert (att.mediator.text, att.mediator.entity, att.mediator.type) == ("a letter seen by Reuters", None, "other")
    (att,) = run_de("„Wir bleiben“, sagte der Minister Jonas Brandt laut einem Fernsehsender.").attributions
    assert (att.mediator.entity, att.mediator.type) == (None, "media")


def test_someone_tied_to_the_possessor_is_not_the_possessor(run_de, run_en):
    # "sein Anwalt" speaks for the man named before, but is not him; with a name of their own
    # they are that name
    text = "Horst Lindqvist wurde freigesprochen. „Das ist ein später Sieg“, sagte sein Anwalt."
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == ("sein Anwalt", None, "person")
    text = "Horst Lindqvist wurde freigesprochen. „Das ist ein später Sieg“, sagte sein Anwalt Jan Moll."
    (att,) = run_de(text).attributions
    assert att.speaker.entity == "Jan Moll"
    (att,) = run_en('John Hollis was cleared on Monday. "It is over," his lawyer said.').attributions
    assert (att.speaker.entity, att.speaker.type) == (None, "person")


def test_a_speaker_with_an_indefinite_article_and_no_name_is_no_node(run_en, run_de):
    # "a person familiar with the matter" brings in someone new: no entity (it was an "other"
    # node "person familiar", the phrase cut before its complement), a person by its noun
    (att,) = run_en("A person familiar with the matter said the deal was worth $2 billion.").attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == ("A person familiar with the matter", None, "person")
    # "one" and "another" bring in someone new as "a" does (``indefinite_words``)
    for text, speaker in (("One official said the deal was done.", "One official"),
                          ("Another strategist said the deal was done.", "Another strategist")):
        (att,) = run_en(text).attributions
        assert (att.speaker.text, att.speaker.entity, att.speaker.type) == (speaker, None, "person")
    # a name in its owner is kept: the statement is that body's
    (att,) = run_de("Laut einer Erklärung der Polizei wurden drei Räume verwüstet.").attributions
    assert att.speaker.entity == "Erklärung der Polizei"


@pytest.mark.parametrize("source, entity, etype", [
    ("Polizeiangaben", "Polizei", "organization"),  # the police (an organisation noun), not the mayor
    ("Bahnangaben", None, "other"),  # a first part that names no body known: no node, not the mayor
    ("UNHCR-Angaben", "UNHCR", "organization"),
    ("Augenzeugenberichten", None, "person"),
])
def test_a_compound_source_noun_is_its_first_parts_not_the_person_in_focus(run_de, source, entity, etype):
    text = f"Der Bürgermeister Jan Ruhl sagte, die Lage sei ernst. Nach {source} wurden drei Menschen verletzt."
    att = next(a for a in run_de(text).attributions if "verletzt" in a.quote.text)
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == (source, entity, etype)
