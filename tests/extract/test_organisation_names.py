"""An organisation noun before a name, or as its first word, makes the name an organisation,
whatever the recogniser took it for (:mod:`quotegraph.extract.entity_types`; invented names)."""

import pytest


def types(result) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


@pytest.mark.parametrize("text, name", [
    # the recogniser finds no entity, only the tagger a proper noun, and later a person
    ("Die Umweltorganisation Grünwacht teilte mit, der Fluss sei verschmutzt. "
     "„Wir haben die Proben“, sagte Grünwacht.", "Grünwacht"),
    # the noun is the name's own first word, which the recogniser took for a place
    ("Der Verband Nordhafen erklärte, die Preise würden steigen.", "Verband Nordhafen"),
    # a name after a noun of a body in the genitive ("laut der Stiftung X")
    ("Laut der Stiftung Brenner sei die Lage ernst.", "Brenner"),
])
def test_a_german_name_an_organisation_noun_introduces_is_an_organisation(run_de, text, name):
    assert types(run_de(text))[name] == "organization"


@pytest.mark.parametrize("text, speaker", [
    # a description headed by an organisation noun, or one a spokesperson speaks for
    ("Laut dem Verband sind die Preise gestiegen.", "Verband"),
    ("Ein Sprecher des Gesundheitsministeriums sagte, die Lage sei ernst.", "Gesundheitsministerium"),
    # a compound of "Bund" or "Ausschuss" names a body
    ("Der Anglerbund forderte, die Schleusen zu öffnen.", "Anglerbund"),
    ("Der Prüfungsausschuss erklärte, die Unterlagen seien vollständig.", "Prüfungsausschuss"),
])
def test_a_body_known_by_its_organisation_noun_alone_is_an_organisation(run_de, text, speaker):
    (att,) = run_de(text).attributions
    assert (att.speaker.entity, att.speaker.type) == (speaker, "organization")


def test_a_description_refers_back_to_the_noun_opening_a_name_the_tagger_missed(run_de):
    # "Weitblick" is tagged a common noun, so the name is "Forschungsinstitut Weitblick" with
    # no proper noun in it: "das Institut" refers back to it by the noun that opens it
    text = ("Dem Forschungsinstitut Weitblick zufolge steigen die Preise. "
            "Die Teuerung treffe vor allem kleine Firmen, schreibt das Institut.")
    assert [a.speaker.entity for a in run_de(text).attributions] == ["Forschungsinstitut Weitblick"] * 2


@pytest.mark.parametrize("text, entity", [
    # the tagger takes the name after the organisation noun for a common noun, the lemmatiser for
    # a plural ("Abendster"): the singular article and the noun before it say it is a body's name
    ("Laut dem Verband Abendstern kostet jeder Streiktag die Region viel Geld.", "Verband Abendstern"),
    ("Dem Wirtschaftsinstitut Abendstern zufolge kostet jeder Streiktag viel Geld.", "Wirtschaftsinstitut Abendstern"),
])
def test_a_body_named_by_a_word_the_tagger_took_for_a_noun(run_de, text, entity):
    (att,) = run_de(text).attributions
    assert (att.speaker.entity, att.speaker.type, att.speaker.named) == (entity, "organization", True)


def test_a_plural_group_stays_no_one(run_de):
    (att,) = run_de("Die Wissenschaftler erklärten, der Stern sei jung.").attributions
    assert att.speaker.entity is None


@pytest.mark.parametrize("text, entity", [
    # an institution named by its seat is one organisation, not the city (which stays a place)
    ("Die Staatsanwaltschaft Köln teilte mit, der Mann sei gefasst.", "Staatsanwaltschaft Köln"),
    ("Ein Sprecher des Amtsgerichts Hamburg erklärte, der Termin sei verschoben.", "Amtsgericht Hamburg"),
    ("Nach Angaben der Staatsanwaltschaft Köln sei der Mann geflohen.", "Staatsanwaltschaft Köln"),
])
def test_a_seat_noun_before_a_place_names_one_organisation(run_de, text, entity):
    result = run_de(text)
    (att,) = result.attributions
    assert (att.speaker.entity, att.speaker.type) == (entity, "organization")


@pytest.mark.parametrize("text, etype", [
    # the type is the phrase head's: a union named by common nouns, the staff of a firm
    ("Die Gewerkschaft Bergbau und Umwelt kritisierte, die Pläne seien unzureichend.", "organization"),
    ("Die Mitarbeiter der Firma verlangten, die Löhne müssten steigen.", "other"),
])
def test_a_description_is_typed_by_its_head_noun(run_de, text, etype):
    (att,) = run_de(text).attributions
    assert att.speaker.type == etype


def test_an_english_name_after_an_organisation_noun_is_an_organisation(run_en):
    text = 'Environmental group Greenwatch said the river was polluted. "We have the samples," Greenwatch said.'
    result = run_en(text)
    assert types(result) == {"Greenwatch": "organization"}
    assert [a.speaker.entity for a in result.attributions] == ["Greenwatch", "Greenwatch"]


@pytest.mark.parametrize("text, name, etype", [
    # a role noun is no organisation noun, though a compound of one ("Gewerkschaftschef")
    ("Gewerkschaftschef Tom Berger sagte, der Streik gehe weiter.", "Tom Berger", "person"),
    # a name after a body that owns a role noun is the role's holder, not the body
    ("Das entscheidet sich laut dem Direktor der peruanischen Luftfahrtbehörde Tomas Ferreira in der "
     "nächsten Woche.", "Tomas Ferreira", "person"),
    # an outlet stays an outlet
    ("Die Zeitung Elbbote berichtete, der Hafen werde geschlossen.", "Elbbote", "media"),
])
def test_other_names_keep_their_type(run_de, text, name, etype):
    assert types(run_de(text))[name] == etype


def test_a_bracket_the_recogniser_took_into_a_name_is_no_part_of_it(run_en):
    # "The Associated Press (" as the recogniser reads it: the name and its aliases lose the
    # bracket, and the abbreviation in brackets after it still joins it
    text = 'The Associated Press (AP) reported that the dam would close. "It is over," a worker told AP.'
    result = run_en(text)
    press = next(e for e in result.entities if e.name == "Associated Press")
    assert not any("(" in alias for alias in press.aliases)
    assert "AP" in press.aliases
    assert result.attributions[-1].addressee.entity == "Associated Press"


@pytest.mark.parametrize("lang, text, name", [
    ("en", "The Riverside Herald reported that the mill would close.", "Riverside Herald"),
    # the "'s" the recogniser takes into a name does not hide its last word
    ("en", "The Lakeview Gazette's editors wrote that the plan was flawed.", "Lakeview Gazette"),
    ("en", "The mayor told the Lakeview Gazette that the mill would close.", "Lakeview Gazette"),
    ("de", "Die Talbacher Rundschau berichtete, das Werk werde geschlossen.", "Talbacher Rundschau"),
    # the word after a hyphen, and a news agency's name
    ("de", "Der Minister sagte dem Talbacher-Kurier, er bleibe im Amt.", "Talbacher-Kurier"),
    ("de", "Die Stadt plant einen Neubau, berichtet dpa.", "dpa"),
    ("en", "The mayor told the AP that the port would close.", "AP"),
])
def test_a_name_ending_in_a_masthead_word_is_an_outlet(run_de, run_en, lang, text, name):
    result = (run_de if lang == "de" else run_en)(text)
    assert types(result)[name] == "media"


def test_a_persons_name_ending_in_a_masthead_word_stays_a_person(run_en):
    result = run_en("Senator Mark Herald said the mill would close.")
    assert types(result)["Mark Herald"] == "person"


def test_a_name_ending_in_an_organisation_noun_is_an_organisation_but_a_place_only_by_a_compound():
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.entity_types import organisations_named_by_nouns
    from quotegraph.extract.lexicon import CueLexicon

    words = ["Gabi", "Lind", "Foundation", "and", "West", "Bank", "and", "Lehrerverbands", "and", "Eva", "Kern", "von",
             "der", "Linksfraktion"]
    pos = ["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "CCONJ", "NOUN", "CCONJ", "PROPN", "PROPN", "ADP",
           "DET", "NOUN"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-GPE", "I-GPE", "O", "B-LOC", "O", "B-PER", "I-PER", "I-PER",
            "I-PER", "I-PER"]
    lemmas = [w if w != "Lehrerverbands" else "Lehrerverband" for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents, lemmas=lemmas)
    lex = CueLexicon("de", organisation_nouns=frozenset({"foundation", "bank", "verband", "fraktion"}), closed_compounds=True)
    found = [span.text for span in organisations_named_by_nouns(doc, lex)]
    # a person's name ending in the noun is the body's; a place's only when the word is a compound
    # of the noun ("West Bank" is a place); a name a preposition joins to the noun is a person's
    assert found == ["Gabi Lind Foundation", "Lehrerverbands"]


def test_a_description_refers_back_to_a_compound_named_where_nothing_was_reported(run_de):
    # the first sentence reports no speech ("wies … zurück" judges nothing as anything): the
    # description after it still means the body the compound named, known by a description only
    text = "Der Fährverband wies die Vorwürfe zurück. Laut dem Verband liegen zwölf Schiffe vor dem Hafen."
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.named) == ("dem Verband", "Fährverband", False)



def test_a_name_after_a_noun_that_is_a_body_and_a_seat_is_one_organisation():
    # "Staatsanwaltschaft" introduces a name as an organisation noun and names a seat: the
    # place after it is one organisation with it, not a second, overlapping entity
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.entity_types import retype_organisations
    from quotegraph.extract.lexicon import CueLexicon

    words = ["von", "der", "Staatsanwaltschaft", "Kalberg", "ermittelt"]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=["ADP", "DET", "NOUN", "PROPN", "VERB"],
              heads=[2, 2, 4, 2, 4], deps=["case", "det", "obl", "nk", "ROOT"], ents=["O", "O", "O", "O", "O"])
    lex = CueLexicon("de", organisation_nouns=frozenset({"staatsanwaltschaft"}),
                     seat_nouns=frozenset({"staatsanwaltschaft"}))
    assert retype_organisations(doc, lex)
    assert [(e.text, e.label_) for e in doc.ents] == [("Staatsanwaltschaft Kalberg", "ORG")]


def test_a_compound_of_a_noun_of_an_outlet_is_an_outlet(run_de):
    # no name the recogniser found: the compound's last part says what it is
    result = run_de("Laut einem Bericht der Küstenzeitung hat die Werft zwei Aufträge verspätet geliefert.")
    assert [(a.speaker.entity, a.speaker.type) for a in result.attributions] == [("Küstenzeitung", "media")]
    # an agency in a compound is no outlet: the employment agency is a public body
    agency = run_de("Laut einem Bericht der Arbeitsagentur ist die Zahl der Arbeitslosen gestiegen.")
    assert [a.speaker.type for a in agency.attributions] == ["organization"]


def test_a_title_in_quotation_marks_owning_a_report_is_a_publication(run_de, run_en):
    # the recogniser took the title for a place
    (de,) = run_de("Nach Informationen des „Spiegel“ prüft das Ministerium bereits ein Schlichtungsverfahren.").attributions
    assert (de.speaker.entity, de.speaker.type) == ("Spiegel", "media")
    # a film's title before the noun it describes owns nothing: its star is no outlet
    en = run_en('Later, the "Avatar" star said in a lengthy message that she had been misquoted.').attributions
    assert [a.speaker.type for a in en if a.cue.text == "said"] != ["media"]


def test_a_company_name_ends_in_a_word_companies_are_named_by():
    # the recogniser took the firm for a person: "Systems", "Inc." end a company's name
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.entity_types import organisations_named_by_nouns
    from quotegraph.extract.lexicon import load_lexicon

    doc = Doc(spacy.blank("en").vocab, words=["Verona", "Systems", "and", "Brightwater", "Inc.", "said", "so"],
              pos=["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "ADV"],
              ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [e.text for e in organisations_named_by_nouns(doc, load_lexicon("en"))] == ["Verona Systems", "Brightwater Inc."]



@pytest.mark.parametrize("text, name, kind", [
    # "US-amerikanische" is tagged a place: the title after the outlet noun names the outlet
    ("Die Tournee war ein Erfolg. Das berichtete die US-amerikanische Musikzeitschrift „Klangwelt“ am Montag.",
     "Klangwelt", "media"),
    ("Der US-amerikanische Historiker Ted Wallner meinte in einem Interview, die Wahl sei offen.",
     "Ted Wallner", "person"),
])
def test_an_adjective_the_recogniser_took_for_a_name_names_no_speaker(run_de, text, name, kind):
    att = run_de(text).attributions[-1]
    assert (att.speaker.entity, att.speaker.type) == (name, kind)
