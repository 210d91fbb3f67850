"""Speaker mentions resolved to entities (:mod:`quotegraph.extract.coref`): pronouns, relative pronouns
and surnames to the person named before (invented sentences)."""

import pytest


# German


def test_pronoun_speaker_resolves_to_the_person_before(run_de):
    text = "Clara Hartmann trat am Montag vor die Presse. Sie sagte, die Regierung werde nicht nachgeben."
    att = run_de(text).attributions[0]
    assert att.speaker.text == "Sie"
    assert att.speaker.entity == "Clara Hartmann"


def test_of_two_subjects_the_parser_gave_a_perfect_the_one_before_its_auxiliary_is_in_focus(run_de):
    # the parser made both names subjects of "getroffen": the object comes after "hat"
    text = "Der Minister Anton Weber hat Lisa Brand in Rom getroffen. „Wir bleiben standhaft“, sagte er."
    assert run_de(text).attributions[0].speaker.entity == "Anton Weber"


def test_a_surname_joins_the_person_not_a_headline_that_contains_it():
    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.lexicon import load_lexicon

    index = EntityIndex(load_lexicon("de"))
    index.add("Lässt Weber Schulz fallen", "organization")  # a headline the NER took for a name
    person = index.add("Anna Weber", "person")
    assert index.add("Weber", "person") is person
    assert person.name == "Anna Weber"


@pytest.mark.parametrize("lang, name, clean", [
    ("de", "Nordlands Ministerpräsidentin Mira Kelbert", "Mira Kelbert"),  # whose office it is
    ("de", "Kölns Präsident Jonas Feld", "Jonas Feld"),
    ("en", "Ohio's Governor Tom Brady", "Tom Brady"),
    ("de", "Hans Präsident", "Hans Präsident"),  # no name after the title: nothing to strip to
    ("de", "Nordlands Kelbert Werke", "Nordlands Kelbert Werke"),  # no title after the genitive
])
def test_the_owner_before_a_title_is_no_part_of_the_name(lang, name, clean):
    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.lexicon import load_lexicon

    assert EntityIndex(load_lexicon(lang)).clean(name) == clean


def test_of_equally_good_entities_a_name_joins_and_finds_the_first_known():
    # two persons whose names both hold "Weber", equal by type and by the words they add:
    # the one known first, as a stable sort of the matches put it first
    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.lexicon import load_lexicon

    index = EntityIndex(load_lexicon("de"))
    anna, tom = index.add("Anna Weber", "person"), index.add("Tom Weber", "person")
    org = index.add("Weber Stiftung", "organization")
    assert len({id(anna), id(tom), id(org)}) == 3
    # of entities that all hold the name, one of the name's own type, the first of those
    assert index.find("Weber", "person") is anna
    assert index.find("Weber", "organization") is org
    assert index.add("Weber", "person") is anna


# English


def test_pronoun_speaker_resolves_to_person_named_before(run_en):
    text = 'Mary Stone spoke outside the gate. "We will not back down," she said.'
    (att,) = run_en(text).attributions
    assert att.speaker.text == "she"
    assert att.speaker.entity == "Mary Stone"


def test_an_unnamed_group_is_no_entity_but_keeps_its_words_and_kind(run_en, run_de):
    # "some economists", "Experten", "aus Regierungskreisen": one node for them would join
    # every article's economists; the mention keeps the words, its type what it is
    (att,) = run_en("There are some economists who argue that corporate taxes should be very low.").attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == ("who", None, "person")
    speakers = {a.speaker.text: (a.speaker.entity, a.speaker.type)
                for a in run_de("Aus Regierungskreisen hieß es, die Gespräche seien gescheitert. "
                                "Experten warnten, die Preise würden steigen.").attributions}
    # (experts are people: their noun says so, ``person_nouns``)
    assert speakers == {"Aus Regierungskreisen": (None, "other"), "Experten": (None, "person")}


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


# Definite descriptions: the name that role noun stood beside (quotegraph.extract.descriptions)


def test_a_description_resolves_to_the_name_its_role_noun_stood_beside_de(run_de):
    text = "Der Demokrat Tom Berger kritisierte den Plan scharf. „Das ist ein Skandal“, sagte der Demokrat."
    assert ("der Demokrat", "Tom Berger") in _speaker_entities(run_de(text))


def test_a_description_matches_the_head_of_a_compound_role_de(run_de):
    text = "Grünen-Fraktionschef Jan Hollmann und Anna Weiß trafen sich. Der Fraktionschef sagte, er prüfe das."
    assert ("Der Fraktionschef", "Jan Hollmann") in _speaker_entities(run_de(text))


def test_a_description_after_an_apposition_de(run_de):
    text = "Tom Berger, der Demokrat, kritisierte den Plan scharf. „Das ist ein Skandal“, sagte der Demokrat."
    assert ("der Demokrat", "Tom Berger") in _speaker_entities(run_de(text))


def test_a_description_resolves_to_a_title_before_a_name_en(run_en):
    text = 'Senator John Miller criticised the plan. Mary Stone agreed. "It is a scandal," the senator said.'
    assert ("the senator", "John Miller") in _speaker_entities(run_en(text))


def test_a_description_nothing_fits_stays_a_description(run_en):
    text = 'Senator John Miller criticised the plan. "It is a scandal," the mayor said.'
    speakers = dict(_speaker_entities(run_en(text)))
    assert speakers["the mayor"] != "John Miller"


def test_a_plural_description_names_no_one_of_them(run_de):
    text = "Die Organisation Transparency International kritisierte den Plan. Die Organisationen sagten, er sei schlecht."
    speakers = dict(_speaker_entities(run_de(text)))
    assert speakers.get("Die Organisationen") != "Transparency International"


def test_differently_qualified_roles_do_not_match():
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.descriptions import RoleNouns

    nlp = spacy.blank("en")
    words = ["oil", "giant", "Exxon", "grew", ".", "the", "giant", "said", ".", "the", "online", "giant", "said", "."]
    pos = ["NOUN", "NOUN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "PUNCT"]
    morphs = ["Definite=Def" if w == "the" else "" for w in words]
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs)
    roles = RoleNouns(doc, [(doc[2:3], "Exxon")])
    assert roles.antecedent(doc[5:7]) == "Exxon"     # "the giant": the oil giant named before
    assert roles.antecedent(doc[9:12]) is None       # "the online giant" is another one
    assert roles.antecedent(doc[2:3]) is None        # a name is no description


# Names readers recognise: inflected forms, abbreviations (#26 item 9)


def test_an_inflected_name_is_the_same_entity_named_in_the_nominative(run_de):
    text = ("Laut der Frankfurter Allgemeinen Zeitung will die Regierung sparen. "
            "Die Frankfurter Allgemeine Zeitung berichtete, der Minister trete zurück.")
    result = run_de(text)
    assert {a.speaker.entity for a in result.attributions} == {"Frankfurter Allgemeine Zeitung"}
    (ent,) = [e for e in result.entities if e.name == "Frankfurter Allgemeine Zeitung"]
    assert "Frankfurter Allgemeinen Zeitung" in ent.aliases


def test_a_dative_or_accusative_name_is_named_in_the_nominative_where_the_article_has_no_other(run_de):
    # the graph joins articles by name: one that names the paper only in the dative must name it as
    # the others do
    result = run_de("Laut der Norddeutschen Rundschau will die Regierung sparen. "
                    "Der Minister sagte der Westfälischen Rundschau, er bleibe. "
                    "Der Verein berichtete unter Berufung auf den Bayerischen Funk, die Lage sei ernst.")
    names = {e.name for e in result.entities}
    assert {"Norddeutsche Rundschau", "Westfälische Rundschau", "Bayerische Funk"} <= names
    assert not any("schen " in name for name in names)


def test_a_plural_or_a_persons_name_keeps_its_form():
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.name_cases import weak_nominative
    from quotegraph.extract.lexicon import load_lexicon

    lex = load_lexicon("de")
    words = ["laut", "den", "Vereinten", "Nationen", "und", "der", "Neuen", "Rundschau", "und", "dem", "Grünen",
             "Peter", "Roth", "und", "der", "Algemeen", "Dagblad"]
    pos = ["ADP", "DET", "ADJ", "NOUN", "CCONJ", "DET", "ADJ", "PROPN", "CCONJ", "DET", "ADJ", "PROPN", "PROPN",
           "CCONJ", "DET", "PROPN", "PROPN"]
    morphs = [""] * 3 + ["Case=Dat|Number=Plur"] + [""] * 3 + ["Case=Dat|Number=Sing"] + [""] * 4 + [
        "Case=Dat|Number=Sing"] + [""] * 3 + ["Case=Nom|Number=Sing"]
    ents = ["O"] * 11 + ["B-PER", "I-PER"] + ["O"] * 4
    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, morphs=morphs, ents=ents)
    assert weak_nominative(doc[6:8], lex) == "Neue Rundschau"
    assert weak_nominative(doc[2:4], lex) == "Vereinten Nationen"  # a plural
    assert weak_nominative(doc[11:13], lex) == "Peter Roth"  # a person
    assert weak_nominative(doc[15:17], lex) == "Algemeen Dagblad"  # no German weak "-en" follows an "e"
    assert weak_nominative(doc[7:8], lex) == "Rundschau"  # one word: nothing to decline


def test_a_genitive_name_joins_its_nominative(run_de):
    text = ("Laut Angaben des Deutschen Lehrerverbands fehlen 1200 Lehrer. "
            "Der Deutsche Lehrerverband sagte, die Lage sei ernst.")
    assert {a.speaker.entity for a in run_de(text).attributions} == {"Deutsche Lehrerverband"}


def test_a_genitive_after_a_source_noun_is_named_in_the_nominative(run_de):
    # the article says genitive even where the tagger does not; a capitalised adjective after the
    # source noun is part of the name, a lower-case one describes it
    for text, entity in (("Nach Angaben der Norddeutschen Rundschau ist die Lage ernst.", "Norddeutsche Rundschau"),
                         ("Laut einem Bericht des „Abendblatts“ ist eine Milliarde vorgesehen.", "Abendblatt"),
                         ("Nach Angaben der zentralen Wahlkommission ist die Wahl gültig.", "Wahlkommission")):
        assert [a.speaker.entity for a in run_de(text).attributions] == [entity]
    # a name set beside the genitive's noun keeps its form ("der Agentur Nordpress")
    assert [a.speaker.entity for a in run_de("Laut einem Bericht der Agentur Nordpress ist die Lage ernst.").attributions
            ] == ["Nordpress"]


def test_an_abbreviation_in_brackets_is_an_alias_but_a_party_after_a_person_is_not(run_de):
    sz = run_de("Die Süddeutsche Zeitung (SZ) berichtete, der Minister trete zurück. Laut SZ will er im Amt bleiben.")
    assert [a.speaker.entity for a in sz.attributions] == ["Süddeutsche Zeitung", "Süddeutsche Zeitung"]
    cdu = run_de("Der Ministerpräsident Christian Wulff (CDU) sagte, er bleibe. Die CDU erklärte, sie stehe hinter ihm.")
    assert [a.speaker.entity for a in cdu.attributions] == ["Christian Wulff", "CDU"]


def test_short_surnames_ending_in_s_are_no_genitives():
    from quotegraph.extract.coref import name_key

    assert name_key(["peters"]) == ["peters"] and name_key(["tom", "peters"]) == ["tom", "peters"]


# The speaker is the head of its phrase: not a count or a place in a modifier (#26 items 1, 5, 9,
# quotegraph.extract.head_names)


def _speakers(result):
    return [(a.speaker.text, a.speaker.entity) for a in result.attributions]


def test_a_spokesperson_speaks_for_the_body_named_in_the_nominative_de(run_de):
    assert _speakers(run_de("Ein Sprecher des Übergangsrates sagte, die Lage sei ruhig.")) == [
        ("Ein Sprecher des Übergangsrates", "Übergangsrat")]
    assert _speakers(run_de("Ein Sprecher des Gesundheitsministeriums sagte, die Impfstoffe seien sicher.")) == [
        ("Ein Sprecher des Gesundheitsministeriums", "Gesundheitsministerium")]


def test_a_spokesperson_speaks_for_the_body_en(run_en):
    assert _speakers(run_en("A spokeswoman for the State Department said the talks would go on.")) == [
        ("A spokeswoman for the State Department", "State Department")]


def test_a_place_in_the_owner_of_the_speaker_is_not_the_speaker(run_de, run_en):
    # the mayor is not the city, nor a person named before
    de = run_de("Die Stadt plant eine neue Brücke. Der Bürgermeister von Hamburg sagte, die Brücke bleibe gesperrt.")
    assert _speakers(de) == [("Der Bürgermeister von Hamburg", None)]
    en = run_en("Anna Reyes visited the site. The mayor of Chicago said the bridge would stay closed.")
    assert _speakers(en) == [("The mayor of Chicago", None)]


def test_the_owner_of_a_relative_or_aide_is_not_the_speaker(run_de, run_en):
    # the wife, lawyer or aide speaks, not the person their owner names (relative_nouns)
    def who(result):
        return [(a.speaker.text, a.speaker.entity, a.speaker.type) for a in result.attributions]

    assert who(run_en("\"We stand firm,\" said Trump's wife.")) == [("Trump's wife", None, "person")]
    assert who(run_en('"We stand firm," one Clinton aide said.')) == [("one Clinton aide", None, "person")]
    assert who(run_de("„Wir bleiben hart“, sagte Trumps Anwalt.")) == [("Trumps Anwalt", None, "person")]
    assert who(run_de("„Wir bleiben hart“, sagte die Ehefrau des Präsidenten Trump.")) == [
        ("die Ehefrau des Präsidenten Trump", None, "person")]
    # the relative's own name still names the speaker; a thing the owner has still speaks for them
    assert who(run_de("„Wir bleiben hart“, sagte seine Ehefrau Anna Weber.")) == [
        ("seine Ehefrau Anna Weber", "Anna Weber", "person")]
    assert who(run_en('"We stand firm," said the wife of the president, Melania Trump.')) == [
        ("the wife of the president, Melania Trump", "Melania Trump", "person")]
    assert who(run_en("\"We stand firm,\" said Clinton's campaign."))[0][1] == "Clinton"
    # so with a relay: an aide who passes the words on is a person with no entity, not an outlet
    relayed = run_en("\"The plan is dead,\" Anna Reyes said, according to a senior Trump adviser.")
    assert [(m.text, m.entity, m.type) for m in relayed.attributions[0].mediators] == [
        ("a senior Trump adviser", None, "person")]


def test_an_outlet_description_names_the_paper_named_before_or_no_one(run_de, run_en):
    # "die Zeitung" with no paper named before is no entity: as one node it would join every
    # article's papers; after "Die Süddeutsche Zeitung" it is that paper
    def who(result):
        return [(a.speaker.text, a.speaker.entity, a.speaker.type) for a in result.attributions]

    assert who(run_de("Die Zeitung berichtete, der Plan sei gescheitert.")) == [("Die Zeitung", None, "media")]
    assert who(run_de("Die Süddeutsche Zeitung schrieb, der Plan sei gescheitert. "
                      "Die Zeitung berichtete weiter, der Minister sei zurückgetreten."))[1][1] == "Süddeutsche Zeitung"
    assert who(run_en("The newspaper reported that the plan had failed.")) == [("The newspaper", None, "media")]
    relayed = run_de("Der Plan sei gescheitert, berichtet die Zeitung unter Berufung auf Anna Weber.")
    assert [(m.text, m.entity) for m in relayed.attributions[0].mediators] == [("die Zeitung", None)]


def test_a_name_beside_the_head_before_one_in_its_owner(run_de, run_en):
    # "der Chefankläger des Gerichts, X" is X, while "ein Sprecher des Ministeriums" is the ministry
    de = run_de("Die Lage sei ernst, sagte der Direktor des Landesamts für Umwelt, Peter Hallmann.")
    assert de.attributions[0].speaker.entity == "Peter Hallmann"
    en = run_en("The director of the Federal Water Agency, Anna Reyes, said the river was safe.")
    assert en.attributions[0].speaker.entity == "Anna Reyes"
    # a title the tagger calls a preposition ("Prof.") does not cut the name off
    prof = run_de("„Wir können jetzt helfen“, sagte Klinikdirektor Prof. Dr. Matthias W. Beckmann.")
    assert prof.attributions[0].speaker.entity == "Matthias W. Beckmann"


def test_the_name_that_heads_the_speaker_phrase_before_a_longer_one_in_its_apposition(run_de, run_en):
    # "X, der Gründer der Y-Partei" is X, though "Y-Partei" is the longer name
    de = run_de("Jonas Wirth, der Gründer der Demokratischen Bürgerbewegung Nordland, sagte, die Wahl sei frei gewesen.")
    assert de.attributions[0].speaker.entity == "Jonas Wirth"
    en = run_en("Dana Holt, the director of the National Coalition for Safer Harbors, said the port would reopen.")
    assert en.attributions[0].speaker.entity == "Dana Holt"


def test_a_date_is_never_the_speaker(run_en):
    # "A 2009 report by X": the report's author, not its year
    result = run_en("A 2009 report by the progressive Center for Economic and Policy Research found that the plan had failed.")
    assert result.attributions[0].speaker.entity == "Center for Economic and Policy Research"


def test_a_count_is_never_the_speaker(run_de, run_en):
    assert _speakers(run_de("Zwei Beamte sagten, der Zug sei entgleist.")) == [("Zwei Beamte", None)]
    assert _speakers(run_en("Two officials said the talks had failed.")) == [("Two officials", None)]
    assert _speakers(run_en("Fifty-four percent of voters said the economy was their main worry.")) == [
        ("Fifty-four percent of voters", None)]


def test_a_name_beside_a_count_still_names_the_speaker(run_en):
    assert _speakers(run_en("One of the lawyers, Maria Keller, said the case was closed.")) == [
        ("One of the lawyers, Maria Keller", "Maria Keller")]


def test_a_genitive_name_in_the_nominative():
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.name_cases import nominative

    words = ["des", "Auswärtigen", "Amtes", "des", "Deutschen", "Brauer-Bundes"]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=["DET", "ADJ", "NOUN", "DET", "ADJ", "NOUN"],
              morphs=["Case=Gen"] * 6, lemmas=["der", "auswärtig", "Amt", "der", "deutsch", "Brauer-Bunde"])
    assert nominative(doc[1:3]) == "Auswärtige Amt"
    # a lemma that only drops the "s" of "-es" is not trusted: the name stays as it stands
    assert nominative(doc[4:6]) == "Deutschen Brauer-Bundes"


def test_an_impersonal_speaker_is_no_one_and_is_not_passed_on(run_de):
    # "man" and "es" refer to no one: no entity (not the person in focus), and the Konjunktiv
    # sentence after them does not take them as its speaker; a named speaker still goes on
    for opening, speaker in (("Man gehe davon aus, dass der Brand gelöscht sei.", "Man"),
                             ("Wie es hieß, sei der Brand gelöscht.", "es")):
        result = run_de(f"Anna Berger leitet die Feuerwehr. {opening} Die Straße bleibe bis Montag gesperrt.")
        assert [(a.speaker.text, a.speaker.entity) if a.speaker else None for a in result.attributions] == [
            (speaker, None), None]
    named = run_de("Tom Keller sagte, der Brand sei gelöscht. Die Straße bleibe bis Montag gesperrt.")
    assert [a.speaker.entity for a in named.attributions] == ["Tom Keller", "Tom Keller"]


def test_a_feminine_role_in_a_compound_shows_a_woman_for_the_pronoun_after_her(run_de):
    # the tagger may call "VDA-Präsidentin" masculine; the ending of "Präsident(in)" says otherwise
    text = ("Die Politikerin Anna Roth nannte die Pläne „halbherzig“. VDA-Präsidentin Clara Brandt sagte, die "
            "Branche sei stark. Sie forderte zudem niedrigere Strompreise.")
    assert ("Sie", "Clara Brandt") in _speaker_entities(run_de(text))


def test_a_role_before_a_name_is_no_name_of_its_own(run_de):
    # the recogniser may take "SPD-Chef" for an organisation: the person named after it speaks
    assert _speaker_entities(run_de("SPD-Chef Tim Berger sagte, die Branche sei stark.")) == [
        ("SPD-Chef Tim Berger", "Tim Berger")]


def test_an_indefinite_description_refers_back_to_no_one(run_de, run_en):
    # "ein Sprecher" brings in someone new: not the minister in focus, nor a node "Sprecher"
    de = run_de("Die Ministerin Clara Stein besuchte am Montag die Stadt. Ein Sprecher sagte, die Lage sei unübersichtlich.")
    assert ("Ein Sprecher", None) in _speaker_entities(de)
    en = run_en("Senator Anna Reyes visited the city on Monday. A federal judge said the case was closed.")
    assert ("A federal judge", None) in _speaker_entities(en)
    # one with a name of its own keeps it
    named = run_de("Ein Sprecher des Verkehrsministeriums sagte, die Brücke bleibe gesperrt.")
    assert [a.speaker.entity for a in named.attributions] == ["Verkehrsministerium"]


def test_a_group_with_a_place_after_it_is_no_entity_but_a_spokesperson_speaks_for_the_body(run_en):
    # "Analysts at Barclays": neither a node "Analyst" for every article's analysts nor the bank
    assert _speaker_entities(run_en("Analysts at Nordbank said the deal would close in May.")) == [
        ("Analysts at Nordbank", None)]
    assert _speaker_entities(run_en("A spokesman for Nordbank said the deal would close in May.")) == [
        ("A spokesman for Nordbank", "Nordbank")]


def test_a_description_refers_to_no_one_named_beside_another_role(run_de, run_en):
    # the person in focus was named beside another role noun: "der Minister" is someone else,
    # known by the description alone, and so is "the poll"
    text = ("Die Zeitung Tagesblatt zitiert den Gewerkschaftschef Karl Ossenbrink mit den Worten: „Die Kollegen sind "
            "am Limit.“ Der Minister sagte dem Blatt, er halte die Kontrollen für notwendig.")
    att = next(a for a in run_de(text).attributions if "notwendig" in a.quote.text)
    assert att.speaker.text == "Der Minister"
    assert (att.speaker.entity, att.speaker.named) == ("Minister", False)
    # a title: the description is a person, whom "er" after it refers to
    more = run_de(text + " „Wir müssen handeln“, sagte er im Gespräch mit dem Sender.")
    (after,) = [a for a in more.attributions if "handeln" in a.quote.text]
    assert (after.speaker.text, after.speaker.entity, after.speaker.type) == ("er", "Minister", "person")
    text = ('Senator Ann Brody toured the plant on Monday. "We will keep these jobs," she said. '
            'The poll found that most voters trust her.')
    att = next(a for a in run_en(text).attributions if "voters" in a.quote.text)
    assert att.speaker.text == "The poll"
    assert att.speaker.entity != "Ann Brody" and att.speaker.named is False


def test_a_description_of_the_role_the_person_in_focus_was_named_with_still_refers_to_them(run_de):
    text = ("Bundesinnenminister Karl Ossenbrink besuchte die Grenze. „Wir müssen handeln“, sagte Ossenbrink. "
            "Der Minister sagte, er halte die Kontrollen für notwendig.")
    att = next(a for a in run_de(text).attributions if "notwendig" in a.quote.text)
    assert att.speaker.entity == "Karl Ossenbrink"


def test_a_capitalised_outlet_word_opening_an_english_name_is_part_of_it(run_en, run_de):
    # "Network Rail" is a name, not the network "Rail" (which joined "Office for Rail Statistics")
    text = ("A spokesman for Network Rail said services would be reduced on Friday. According to figures from "
            "the Office for Rail Statistics, passenger numbers fell 12 percent last year.")
    first, second = run_en(text).attributions
    assert first.speaker.entity == "Network Rail"
    assert second.speaker.entity == "Office for Rail Statistics"
    # lower case, or in German where every noun has a capital, the outlet word is no part of the name
    (att,) = run_en("The news agency Newswire reported that the talks failed.").attributions
    assert att.speaker.entity == "Newswire"
    (att,) = run_de("Der Sender Nordwelle berichtete, die Gespräche seien gescheitert.").attributions
    assert att.speaker.entity == "Nordwelle"


def test_an_age_description_with_a_gender_refers_back_like_a_pronoun(run_de, run_en):
    met = "Ministerin Anna Weber sprach mit Herrn Tom Berger über die Schulen. "
    (she,) = run_de(met + "„Wir lassen nicht locker“, sagte die 54-Jährige.").attributions
    assert (she.speaker.text, she.speaker.entity) == ("die 54-Jährige", "Anna Weber")
    (he,) = run_de(met + "„Wir lassen nicht locker“, sagte der 61-Jährige.").attributions
    assert (he.speaker.text, he.speaker.entity) == ("der 61-Jährige", "Tom Berger")
    # English shows no gender: "the 46-year-old" may be anyone, so it is no one named before
    text = 'Tom Berger spoke first. "He is a good man," the 46-year-old said of him.'
    atts = [a for a in run_en(text).attributions if "good man" in a.quote.text]
    assert all(a.speaker is None or a.speaker.entity != "Tom Berger" for a in atts)


def test_an_indefinite_phrase_whose_own_noun_is_no_name_has_no_entity(run_de, run_en):
    (att,) = run_de("Ein Polizeisprecher sagte am Abend, die Straße bleibe gesperrt.").attributions
    assert att.speaker.text == "Ein Polizeisprecher" and att.speaker.entity is None
    (att,) = run_en("A security guard said the gate would stay closed.").attributions
    assert att.speaker.text == "A security guard" and att.speaker.entity is None
    # a spokesperson speaks for the body named in their owner
    (att,) = run_de("Ein Sprecher der Firma Nordwerk sagte am Abend, die Straße bleibe gesperrt.").attributions
    assert att.speaker.entity == "Nordwerk"


def test_a_compound_title_made_feminine_shows_a_woman(run_de):
    # "Gewerkschaftschefin": a compound ending in the title "Chef", made feminine, whatever gender
    # the tagger gave it; in the bundled example "Sie" after her quote is her, not the author
    # named in the byline
    from pathlib import Path

    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.genders import feminine_role
    from quotegraph.extract.lexicon import load_lexicon

    lex = load_lexicon("de")
    assert feminine_role("Gewerkschaftschefin", lex, EntityIndex(lex))
    assert not feminine_role("Gewerkschaftschef", lex, EntityIndex(lex))
    example = Path(__file__).resolve().parents[2] / "quotegraph" / "examples" / "hafenstreik.de.txt"
    text = example.read_text(encoding="utf-8")
    att = next(a for a in run_de(text).attributions if a.speaker is not None and a.speaker.text == "Sie")
    assert att.speaker.entity == "Miriam Okonkwo"


def test_a_spokesperson_compound_speaks_for_the_name_before_its_hyphen(run_de):
    (att,) = run_de("Ein WWF-Sprecher sagte am Abend, die Bestände gingen zurück.").attributions
    assert (att.speaker.entity, att.speaker.type, att.speaker.named) == ("WWF", "organization", True)
    # a name after the compound is the speaker's own
    (att,) = run_de("WWF-Sprecher Jan Moll sagte am Abend, die Bestände gingen zurück.").attributions
    assert att.speaker.entity == "Jan Moll"


def test_the_owner_of_a_statement_noun_speaks_though_the_noun_is_plural(run_de):
    # "Angaben" is plural, yet "seinen Angaben" is no unnamed group: its owner is the one in focus
    text = ("Der Fraktionschef der Bürgerpartei, Jonas Weidmann, warf der Regierung vor, die Schulen allein zu lassen. "
            "Seinen eigenen Angaben nach hat er bereits 20.000 Unterschriften gesammelt.")
    att = run_de(text).attributions[-1]
    assert (att.speaker.text, att.speaker.entity) == ("Seinen eigenen Angaben", "Jonas Weidmann")


def test_an_outlet_word_in_the_genitive_is_no_part_of_the_outlets_name(run_de):
    # "des Senders Nordfunk" and "der Sender Nordfunk" are one outlet, Nordfunk
    text = ("Laut einem Bericht des Senders Nordfunk plant die Regierung neue Steuern. "
            "Die Regierung plant neue Abgaben, berichtet der Sender Nordfunk.")
    assert [a.speaker.entity for a in run_de(text).attributions] == ["Nordfunk", "Nordfunk"]


@pytest.mark.parametrize("text", [
    "In Sicherheitskreisen hieß es, der Anschlag sei geplant gewesen.",  # the recogniser: a place
    "Nach Angaben informierter Kreise sei der Vertrag unterschrieben.",
    "Wie aus EU-Kreisen verlautete, tritt der Kommissar zurück.",  # a name inside the compound
    "Laut Medien will der Konzern sparen.",  # the tagger: a proper noun
])
def test_circles_are_no_entity(run_de, text):
    att = run_de(text).attributions[0]
    assert att.speaker is not None and att.speaker.entity is None


def test_english_circles_are_no_entity(run_en):
    att = run_en("A source in diplomatic circles said the talks had failed.").attributions[0]
    assert att.speaker.text == "A source in diplomatic circles" and att.speaker.entity is None


def test_a_circle_relays_as_no_entity_and_a_name_beside_it_is_kept(run_de):
    relayed = run_de("Regierungskreise bestätigten laut Medien, dass der Minister zurücktritt.").attributions[0]
    assert [(m.text, m.entity) for m in relayed.mediators] == [("Medien", None)]
    named = run_de("Nach Angaben des Senders Nordfunk und anderer Medien sei der Konzern pleite.").attributions[0]
    assert named.speaker.entity == "Nordfunk"


def test_a_document_with_an_article_is_nobodys_a_possessive_one_its_owners(run_en):
    # "the report", "the poll" after a person in focus are no words of that person; "his report" is
    first = "Anna Smith said the factory would open in May. "
    (att,) = [a for a in run_en(first + "The report shows that unemployment rose.").attributions if "unemployment" in a.quote.text]
    assert att.speaker.entity != "Anna Smith"
    (att,) = [a for a in run_en(first + "Her report shows that unemployment rose.").attributions if "unemployment" in a.quote.text]
    assert att.speaker.entity == "Anna Smith"


@pytest.mark.parametrize("lang, text, speaker", [
    ("en", 'Peter Klein met Anna Roth in Berlin. "We agree," she said.', "Anna Roth"),
    ("en", 'Anna Roth met Peter Klein in Berlin. "We agree," he said.', "Peter Klein"),
    ("de", "Peter Klein traf Anna Roth in Berlin. „Wir sind uns einig“, sagte sie.", "Anna Roth"),
    # a name given to women and men alike shows no gender: "she" is not the man named after her
    ("en", 'Kim Berg met Peter Klein in Berlin. "We agree," she said.', "Kim Berg"),
])
def test_a_given_name_of_one_gender_shows_whom_a_pronoun_refers_to(run_de, run_en, lang, text, speaker):
    result = (run_de if lang == "de" else run_en)(text)
    assert [a.speaker.entity for a in result.attributions] == [speaker]


def test_hearsay_names_no_one(run_de):
    (att,) = run_de("Der Minister traf den Präsidenten. Dem Vernehmen nach soll er zurücktreten wollen.").attributions
    assert att.speaker.entity is None


def test_circles_of_a_body_and_a_body_a_report_came_from(run_de):
    speakers = {a.speaker.text: (a.speaker.entity, a.speaker.type) for a in run_de(
        "Wie der „Nordkurier“ unter Berufung auf Kreise der Landesregierung berichtet, will die Senatorin vermitteln. "
        "Aus dem Ministerium hieß es, man beobachte die Lage genau.").attributions}
    # circles are no one body, whatever their owner ("Regierungskreise" neither); "Aus dem
    # Ministerium": the ministry, not a node called "Aus dem Ministerium"
    assert speakers == {"Kreise der Landesregierung": (None, "other"), "Aus dem Ministerium": ("Ministerium", "organization")}
