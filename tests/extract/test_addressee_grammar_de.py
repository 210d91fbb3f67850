"""German addressees in constructions the parser reads loosely (and one English guard): the
article of a dative hung on the adjective before its noun, a dative after a named speaker, "an
X gewandt", "sich an X wenden", the passive of state, noun cues. Sentences written for these
tests (the full pipeline, rules only), or Docs built by hand where the parse decides."""

import pytest

# (sentence, speaker, addressee): the attribution whose quote ends last
CASES = [
    # the article "dem" hung on the adjective, not on the noun: still the noun's dative
    ("Der Landrat sagte dem Westfälischen Kurier, die Brücke werde saniert.", "Der Landrat", "dem Westfälischen Kurier"),
    ("„Wir bleiben standhaft“, sagte der Landrat dem Westfälischen Kurier.", "der Landrat", "dem Westfälischen Kurier"),
    ("„Wir bleiben standhaft“, sagte Greta Lindholm dem Bayerischen Rundfunk.", "Greta Lindholm",
     "dem Bayerischen Rundfunk"),
    # a "der" phrase after the last word of a two-word name: a name takes no genitive after it
    ("„Die Lage ist ernst“, sagte Karl Brenner der Nordpresse.", "Karl Brenner", "der Nordpresse"),
    ("„Die Lage ist ernst“, erklärte die Sprecherin Lea Munk der Zeitung Elbbote am Montag.",
     "die Sprecherin Lea Munk", "der Zeitung Elbbote"),
    # ... and so is one whose adjective the parser made the head ("der Mittelfränkischen[nmod] Post[appos]")
    ("„Die Lage ist ernst“, sagte Greta Lindholm der Mittelfränkischen Post.", "Greta Lindholm",
     "der Mittelfränkischen Post"),
    # an outlet after a title no outlet has is told the words; an outlet's own staff keep it as genitive
    ("„Wir bleiben standhaft“, sagte der Trainer der Baltischen Presse-Agentur.", "der Trainer",
     "der Baltischen Presse-Agentur"),
    ("„Wir bleiben standhaft“, sagte die Bürgermeisterin der Nachrichtenagentur Nordpress.", "die Bürgermeisterin",
     "der Nachrichtenagentur Nordpress"),
    # ... also after a body, the object the parser made of the speaker after "Das"; not after a
    # body an outlet has itself
    ("Die Brücke werde saniert. Das teilte das Verkehrsministerium der Nachrichtenagentur Nordpress mit.",
     "das Verkehrsministerium", "der Nachrichtenagentur Nordpress"),
    ("Die Brücke werde saniert. Das teilte die Stadtverwaltung der Zeitung „Elbbote“ mit.", "die Stadtverwaltung",
     "der Zeitung „Elbbote“"),
    ("„Wir bleiben standhaft“, sagte die Sprecherin der Nachrichtenagentur Nordpress.",
     "die Sprecherin der Nachrichtenagentur Nordpress", None),
    ("„Wir bleiben standhaft“, sagte die Chefredakteurin der Zeitung „Elbbote“.",
     "die Chefredakteurin der Zeitung „Elbbote“", None),
    # "an X gewandt": the participle of turning to someone, before the cue or after it
    ("An die Fischer gewandt sagte die Senatorin, sie müssten nachgeben.", "die Senatorin", "die Fischer"),
    ("Die Senatorin sagte an die Fischer gewandt, sie müssten nachgeben.", "Die Senatorin", "die Fischer"),
    # "sich an X wenden": the verb's own preposition, though the verb is no cue of the lexicon
    ("Die Senatorin wandte sich an die Fischer: „Ihr müsst nachgeben.“", "Die Senatorin", "die Fischer"),
    # "gebeten", whose lemma the lookup table gives as "geben": a cue, its passive subject asked
    ("Die Anwohner wurden gebeten, ihre Fenster zu schließen.", None, "Die Anwohner"),
    ("Die Landrätin hat die Anwohner gebeten, ihre Fenster zu schließen.", "Die Landrätin", "die Anwohner"),
    # the form of the article tells the dative where the tagger's case does not: "-em", or
    # "den"/"seinen" before a plural noun
    ("Das sei ein Skandal, teilte der Verband seinen Mitgliedern mit.", "der Verband", "seinen Mitgliedern"),
    ("Ole Brandner erklärte den versammelten Journalisten, das sei ein Skandal.", "Ole Brandner",
     "den versammelten Journalisten"),
    # a "der" phrase after the verb whose named subject fills the place before it: no second
    # nominative, so the dative, though the parser made it a subject (and the speaker)
    ("Der Abgeordnete Tim Brandner sagte der Nachrichtenagentur Nordpress, das sei ein Skandal.",
     "Der Abgeordnete Tim Brandner", "der Nachrichtenagentur Nordpress"),
    ("Ole Brandner sagte der Nachrichtenagentur Nordpress am Montag, das sei ein Skandal.", "Ole Brandner",
     "der Nachrichtenagentur Nordpress"),
    # ... and so after a common noun whose article shows the nominative ("Der Sprecher"), when
    # the "der" phrase after the verb has a feminine noun, which "der" makes no nominative
    ("Der Sprecher bestätigte der Nachrichtenagentur Nordpress, dass zwei Boote gesunken seien.", "Der Sprecher",
     "der Nachrichtenagentur Nordpress"),
    # ... and any "der" phrase after a subject whose article shows the nominative ("Der Minister")
    ("Der Minister sagte der „Nordpost“ in einem Interview, er trete zurück.", "Der Minister", "der „Nordpost“"),
    # ... and a "der" phrase of a feminine noun right after a named speaker that follows the verb,
    # though the tagger read a genitive
    ("„Wir bleiben standhaft“, sagte Hans Kollmann der Nachrichtenagentur Nordpress am Montag.",
     "Hans Kollmann", "der Nachrichtenagentur Nordpress"),
    # "Das sagte X …": the parser read the cue as an adjective of the speaker's noun and hung the
    # dative on the noun, also after a phrase of time
    ("Die Brücke werde saniert. Das sagte Kollmann der Zeitung „Nordpost“.", "Kollmann", "der Zeitung „Nordpost“"),
    ("Die Brücke werde saniert. Das sagte Kollmann am Montag dem Sender Radio Elbe.", "Kollmann",
     "dem Sender Radio Elbe"),
    # ... or made the speaker after the pointer its xcomp, the dative hung on the speaker's genitive
    ("Der Wald sei zerstört. Dies sagte ein Sprecher der Polizei der Zeitung Nordkurier.", "ein Sprecher der Polizei",
     "der Zeitung Nordkurier"),
    ("Der Wald sei zerstört. Das sagte ein Sprecher der Feuerwehr dem Sender Nordfunk.", "ein Sprecher der Feuerwehr",
     "dem Sender Nordfunk"),
    # a "dem" phrase right after a prepositional phrase is no apposition of it: the verb's dative
    ("Der Trainer sagte nach dem Spiel dem Bezahlsender Elbkanal, die Mannschaft habe gekämpft.", "Der Trainer",
     "dem Bezahlsender Elbkanal"),
    # a fronted "der" phrase of a feminine noun is the dative, no nominative: the phrase after
    # the verb speaks
    ("Der Zeitung sagte der Landrat, die Brücke werde saniert.", "der Landrat", "Der Zeitung"),
    # a bare audience noun after the cue, though the parser made it a second subject; a phrase
    # of time hung before it is no part of it
    ("Die Landrätin sagte Journalisten, die Brücke werde saniert.", "Die Landrätin", "Journalisten"),
    ("Die Landrätin sagte am Montag Reportern, die Brücke werde saniert.", "Die Landrätin", "Reportern"),
    # ... and one right after the speaker after the cue, which the parser hung on the name or title
    ("„Die Brücke wird saniert“, sagte Greta Lindholm Reportern.", "Greta Lindholm", "Reportern"),
    ("„Die Brücke wird saniert“, sagte der Landrat Journalisten am Montag.", "der Landrat", "Journalisten"),
    ("„Die Brücke wird saniert“, erklärte Greta Lindholm Fernsehjournalisten.", "Greta Lindholm",
     "Fernsehjournalisten"),
    ("„Die Brücke wird saniert“, sagte Greta Lindholm anwesenden Journalisten.", "Greta Lindholm",
     "anwesenden Journalisten"),
    # ... not a genitive plural, whose adjective ends in -er
    ("„Die Brücke wird saniert“, sagte eine Sprecherin des Bundes Deutscher Journalisten.",
     "eine Sprecherin des Bundes Deutscher Journalisten", None),
    # a common noun right after the addressee's name is the verb's object, no part of the name
    ("Die Behörden werfen Lindholm Bestechlichkeit vor.", "Die Behörden", "Lindholm"),
    # the genitive of an interview noun that names an outlet held the interview; a person's is interviewed
    ("„Wir bleiben hart“, sagte Ole Brandner in einem Interview der Zeitung „Elbbote“.", "Ole Brandner",
     "der Zeitung „Elbbote“"),
    ("Ole Brandner sagte im Fernsehinterview des Nachrichtensenders „Elbkanal“, man bleibe hart.", "Ole Brandner",
     "des Nachrichtensenders „Elbkanal“"),
    ("Ole Brandner sagte in einem Interview des Senders Radio Elbe, man bleibe hart.", "Ole Brandner",
     "des Senders Radio Elbe"),
    ("„Wir bleiben hart“, sagte Ole Brandner im Interview des Ministers.", "Ole Brandner", None),
    # a bare news agency's name after the speaker is told the words; after an outlet's noun it is its name
    ("„Die Brücke bleibt gesperrt“, sagte er Reuters.", "er", "Reuters"),
    ("„Die Brücke bleibt gesperrt“, sagte ein Sprecher der Stadt AFP.", "ein Sprecher der Stadt", "AFP"),
    ("Die Nachrichtenagentur AFP berichtete, die Brücke bleibe gesperrt.", "Die Nachrichtenagentur AFP", None),
    # a phrase with a possessive after the addressee is what the words are about, not a name's part
    ("Der Minister dankte den Menschen für ihre Geduld und ergänzte, die Reform sei nötig.", "Der Minister",
     "den Menschen"),
    # ... but not after a phrase of time the parser may make the subject
    ("Ende Januar verkündete der Verband Nordwerk, er werde klagen.", "der Verband Nordwerk", None),
    ("Allem Anschein nach erklärte der Minister, die Brücke werde saniert.", "der Minister", None),  # a postposition
    # "schreiben an": the verb's own preposition, also when the parser hung it on the subject
    ("Das sei ein Skandal, schrieb der Verband Nordwerk an seine Mitglieder.", "der Verband Nordwerk", "seine Mitglieder"),
    ("Die Bürgermeisterin rief den Fans zu: „Feiert friedlich!“", "Die Bürgermeisterin", "den Fans"),  # "zurufen"
    # a cue that is the noun of a speech act: its "an" (also hung on its genitive, then no part
    # of the speaker), or the "an" of the verb it is the object of
    ("Die Aufforderung der Stadtwerke an die Kunden, Wasser zu sparen, kam spät.", "der Stadtwerke", "die Kunden"),
    ("Die Präsidentin wandte sich mit der Aufforderung an ihre Anhänger, ruhig zu bleiben.", "Die Präsidentin",
     "ihre Anhänger"),
    # the passive of state ("sind aufgerufen"): its subject is addressed, who spoke is not said
    ("Die Anwohner sind aufgerufen, Wasser zu sparen.", None, "Die Anwohner"),
    ("Alle Mieter sind aufgefordert, ihre Wohnungen zu verlassen.", None, "Alle Mieter"),
    # nouns of people spoken to, after an audience preposition
    ("Vor Studenten der Universität sagte die Ministerin, die Gebühren fielen weg.", "die Ministerin",
     "Studenten der Universität"),
    ("„Geht nach Hause“, sagte der Bürgermeister zu den Demonstranten.", "der Bürgermeister", "den Demonstranten"),
    ("„Ich war es nicht“, sagte der Angeklagte zu den Ermittlern.", "der Angeklagte", "den Ermittlern"),
    ("„Wir bleiben hart“, sagte Ole Brandner vor Parteifreunden in Kassel.", "Ole Brandner", "Parteifreunden"),
    # ... and an outlet (``media_words``), cut from the speaker the parser hung it on; not a topic
    ("„Wir haben gekämpft“, sagte der Trainer zum Nachrichtenmagazin „Elbblick“.", "der Trainer",
     "Nachrichtenmagazin „Elbblick“"),
    ("„Wir haben gekämpft“, sagte der Trainer zur Kritik.", "der Trainer", None),
    # ... but "an" with its object in the dative is what is spoken of
    ("Der Trainer begründete seine Kritik an den Fans, die er nach dem Spiel geäußert hatte.",
     "Der Trainer", None),
    # a noun the tagger marked dative after an article no dative has is the subject
    ("Die Soldaten waren davon ausgegangen, die Männer seien bewaffnet.", "Die Soldaten", None),
    # a genitive after the speaker's noun stays part of the speaker, not the one addressed
    ("„Die Reform kommt“, sagte die Vorsitzende der Partei.", "die Vorsitzende der Partei", None),
]



@pytest.mark.parametrize("text,speaker,addressee", CASES, ids=[t[:40] for t, _, _ in CASES])
def test_german_addressee_constructions(last_report, run_de, text, speaker, addressee):
    att = last_report(run_de(text), text)
    assert (att.addressee.text if att.addressee else None) == addressee
    assert (att.speaker.text if att.speaker else None) == speaker


def test_a_form_the_lemmatizer_and_the_table_miss_gets_its_lemma_from_the_lexicon():
    from quotegraph.extract.cue_verbs import _lemmas
    from quotegraph.extract.lexicon import lexicon_from_dict

    lex = lexicon_from_dict("de", {"form_lemmas": ["gebeten bitten"]})
    assert lex.lemma_of_form == {"gebeten": "bitten"}
    assert "bitten" in _lemmas("gebeten", "gebeten", "gebeten", "VVPP", lex)
    assert "bitten" not in _lemmas("gegeben", "gegeben", "gegeben", "VVPP", lex)


def test_a_candidate_the_parser_made_of_an_adjective_stands_for_the_noun_after_it():
    import spacy

    from quotegraph.extract.addressees import _noun_of_modifier

    doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["Gegenüber", "den", "Kieler", "Nachrichten", "erklärte", "sie"],
                           heads=[2, 2, 3, 4, 4, 4], deps=["case", "det", "amod", "nsubj", "ROOT", "obj"],
                           pos=["ADP", "DET", "NOUN", "NOUN", "VERB", "PRON"], tags=["APPR", "ART", "ADJA", "NN", "VVFIN", "PPER"])
    assert _noun_of_modifier(doc[2]) == doc[3]  # tagged an adjective, whatever its part of speech
    assert _noun_of_modifier(doc[3]) == doc[3]
    assert _noun_of_modifier(doc[5]) == doc[5]


def test_the_dative_a_noun_cue_was_hung_on_is_addressed_and_ends_before_the_noun(run_de):
    # "erteilten den Fahrgästen den Befehl": the parser hung "den Befehl" on the dative
    text = "Die Schaffner erteilten den Fahrgästen den Befehl, den Zug zu verlassen."
    att = max(run_de(text).attributions, key=lambda a: a.quote.end)
    assert att.cue.text == "Befehl"
    assert att.addressee.text == "den Fahrgästen"


def test_an_an_phrase_in_the_dative_on_a_noun_cue_is_what_it_is_about_not_whom_it_addresses(run_de):
    text = "Die Kritik der Opposition an der Regierung, die Reform zu verschleppen, wächst."
    att = max(run_de(text).attributions, key=lambda a: a.quote.end)
    assert att.cue.text == "Kritik" and att.addressee is None


def _parsed(words, heads, deps, pos, morphs):
    import spacy

    return spacy.tokens.Doc(spacy.blank("de").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)


def test_the_one_object_of_a_verb_without_an_accusative_is_its_dative_whatever_the_tagger_says():
    from quotegraph.extract.addressee_candidates import candidates
    from quotegraph.extract.lexicon import load_lexicon

    lex = load_lexicon("de")
    # "Unbekannte haben den Abgeordneten gedroht", the article and the noun tagged accusative singular
    doc = _parsed(["Unbekannte", "haben", "den", "Abgeordneten", "gedroht"], [4, 4, 3, 4, 4],
                  ["nsubj", "aux", "det", "obj", "ROOT"], ["NOUN", "AUX", "DET", "NOUN", "VERB"],
                  ["Case=Nom", "", "Case=Acc", "Case=Acc|Number=Sing", ""])
    assert doc[3] in list(candidates(doc[4], "drohen", lex))
    assert doc[3] not in list(candidates(doc[4], "loben", lex))  # a verb that takes the accusative
    # "Ihm droht eine Strafe": the parser's object is the subject, its article no dative's
    doc = _parsed(["Ihm", "droht", "eine", "Strafe"], [1, 1, 3, 1], ["iobj", "ROOT", "det", "obj"],
                  ["PRON", "VERB", "DET", "NOUN"], ["Case=Dat", "", "Case=Acc", "Case=Acc|Number=Sing"])
    assert doc[3] not in list(candidates(doc[1], "drohen", lex))


def test_of_two_subjects_the_finite_verb_parts_the_later_is_the_dative_of_a_cue_like_vorwerfen():
    from quotegraph.extract.addressee_candidates import candidates
    from quotegraph.extract.lexicon import load_lexicon

    lex = load_lexicon("de")
    # "Minister Holm hat Nordland Versagen vorgeworfen", both names parsed as subjects of the participle
    doc = _parsed(["Minister", "Holm", "hat", "Nordland", "Versagen", "vorgeworfen"], [1, 5, 5, 5, 5, 5],
                  ["compound", "nsubj", "aux", "nsubj", "obj", "ROOT"], ["NOUN", "PROPN", "AUX", "PROPN", "NOUN", "VERB"],
                  ["", "Case=Nom", "Mood=Ind|VerbForm=Fin", "Case=Nom", "Case=Acc", "VerbForm=Part"])
    assert doc[3] in list(candidates(doc[5], "vorwerfen", lex))
    assert doc[1] not in list(candidates(doc[5], "vorwerfen", lex))
    # "Der Forscher Dr. Holm riet zu Gelassenheit": a name after its title the parser split off
    doc = _parsed(["Der", "Forscher", "Holm", "riet", "zu", "Gelassenheit"], [1, 3, 3, 3, 5, 3],
                  ["det", "nsubj", "nsubj", "ROOT", "case", "obl"], ["DET", "NOUN", "PROPN", "VERB", "ADP", "NOUN"],
                  ["Case=Nom", "Case=Nom", "Case=Nom", "Mood=Ind|VerbForm=Fin", "", "Case=Dat"])
    assert doc[2] not in list(candidates(doc[3], "raten", lex))


def test_a_der_phrase_after_the_bracket_that_closes_a_names_apposition_is_the_dative():
    from quotegraph.extract.addressee_candidates import stray_dative
    from quotegraph.extract.lexicon import load_lexicon

    # "Wie Jan Korte, ein Sprecher der Partei (NP) der Presse mitteilte", "der Presse" hung on the name
    words = ["Wie", "Jan", "Korte", ",", "ein", "Sprecher", "der", "Partei", "(", "NP", ")", "der", "Presse", "mitteilte"]
    doc = _parsed(words, [13, 13, 1, 5, 5, 1, 7, 5, 9, 5, 9, 12, 1, 13],
                  ["advmod", "nsubj", "flat", "punct", "det", "appos", "det", "nmod", "punct", "appos", "punct", "det",
                   "nmod", "ROOT"],
                  ["SCONJ", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "DET",
                   "NOUN", "VERB"],
                  [""] * 6 + ["Case=Gen", "Case=Gen", "", "", "", "Case=Nom", "Case=Nom", ""])
    assert stray_dative(doc[12], load_lexicon("de"))
    assert not stray_dative(doc[7], load_lexicon("de"))  # the genitive of the speaker's own noun


def test_a_focus_adverb_the_parser_hung_on_the_addressee_is_no_part_of_its_phrase():
    from quotegraph.extract.addressees import _phrase
    from quotegraph.extract.lexicon import load_lexicon

    # "Inzwischen wird auch dem Trainer vorgeworfen", "auch" hung on "Trainer"
    doc = _parsed(["Inzwischen", "wird", "auch", "dem", "Trainer", "vorgeworfen"], [5, 5, 4, 4, 5, 5],
                  ["advmod", "aux:pass", "advmod", "det", "iobj", "ROOT"], ["ADV", "AUX", "ADV", "DET", "NOUN", "VERB"],
                  ["", "", "", "Case=Dat", "Case=Dat", ""])
    assert _phrase(doc, doc[4], [], load_lexicon("de")).text == "dem Trainer"


def test_a_title_in_quotation_marks_is_one_name_though_the_parser_split_it(run_de):
    text = "„Das ist ein Skandal“, sagte er der „Zeitung am Abend“."
    att = next(a for a in run_de(text).attributions if a.quote.text.startswith("„Das"))
    assert att.addressee.text == "der „Zeitung am Abend“"


def test_a_progressive_is_no_passive_of_state(run_en):
    # "are urging": a present participle beside "be"; its subject speaks, its object is addressed
    text = "Many senators are urging the governor to resign."
    att = max(run_en(text).attributions, key=lambda a: a.quote.end)
    assert att.speaker.text == "Many senators" and att.addressee.text == "the governor"


def test_an_outlet_whose_adjective_the_parser_made_its_head_is_the_dative_after_a_name():
    from quotegraph.extract.addressee_candidates import candidates
    from quotegraph.extract.addressees import _phrase
    from quotegraph.extract.lexicon import load_lexicon

    lex = load_lexicon("de")
    words = ["„", "Nein", "“", ",", "sagte", "Karl", "Brenner", "der", "Mittelfränkischen", "Post", "."]
    morphs = [""] * 7 + ["Case=Gen", "Case=Gen", "Case=Dat", ""]
    # the adjective on the verb, the noun its apposition: the noun is addressed, from the article on
    doc = _parsed(words, [1, 4, 1, 4, 4, 4, 5, 8, 4, 8, 4],
                  ["punct", "ccomp", "punct", "punct", "ROOT", "nsubj", "flat:name", "det", "obl:arg", "appos", "punct"],
                  ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "DET", "ADJ", "PROPN", "PUNCT"], morphs)
    assert doc[9] in list(candidates(doc[4], "sagen", lex))
    assert _phrase(doc, doc[9], [], lex).text == "der Mittelfränkischen Post"
    # the adjective on the name: no genitive after a name, so the dative
    doc = _parsed(words, [1, 4, 1, 4, 4, 4, 5, 8, 6, 8, 4],
                  ["punct", "ccomp", "punct", "punct", "ROOT", "nsubj", "flat:name", "det", "nmod", "appos", "punct"],
                  ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "DET", "ADJ", "PROPN", "PUNCT"], morphs)
    assert doc[9] in list(candidates(doc[4], "sagen", lex))
    # after a common noun the "der" phrase may be its genitive ("der Trainer der … Post"): not addressed
    doc = _parsed(["„", "Nein", "“", ",", "sagte", "der", "Trainer", "der", "Mittelfränkischen", "Post", "."],
                  [1, 4, 1, 4, 4, 6, 4, 8, 6, 8, 4],
                  ["punct", "ccomp", "punct", "punct", "ROOT", "det", "nsubj", "det", "nmod", "appos", "punct"],
                  ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "DET", "ADJ", "PROPN", "PUNCT"], morphs)
    assert doc[9] not in list(candidates(doc[4], "sagen", lex))


def test_a_name_after_an_addressed_noun_hung_higher_up_its_chain_is_the_nouns():
    from quotegraph.extract.addressees import _phrase
    from quotegraph.extract.lexicon import load_lexicon

    lex = load_lexicon("de")
    # "sagte ein Sprecher des Amts der Agentur Nordpress": the parser hung "Nordpress" on "Sprecher"
    words = ["sagte", "ein", "Sprecher", "des", "Amts", "der", "Agentur", "Nordpress", "."]
    heads = [0, 2, 0, 4, 2, 6, 4, 2, 0]
    deps = ["ROOT", "det", "nsubj", "det", "nmod", "det", "nmod", "appos", "punct"]
    pos = ["VERB", "DET", "NOUN", "DET", "NOUN", "DET", "NOUN", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos, [""] * len(words))
    assert _phrase(doc, doc[6], [], lex).text == "der Agentur Nordpress"
    # a name that is the subject of its own clause is not the noun's
    deps[7] = "nsubj"
    doc = _parsed(words, heads, deps, pos, [""] * len(words))
    assert _phrase(doc, doc[6], [], lex).text == "der Agentur"


def test_a_preposition_of_address_the_tagger_took_for_a_name_opens_no_subject():
    import spacy

    from quotegraph.extract.addressee_candidates import candidates
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.patterns.speakers import speaker_for

    lex = load_lexicon("de")
    # "Gegenüber Nordfunk erklärte ein Sprecher, die Brücke werde saniert ." with "Gegenüber" a
    # proper noun and the parser's subject, the speaker its object
    words = ["Gegenüber", "Nordfunk", "erklärte", "ein", "Sprecher", ",", "die", "Brücke", "werde", "saniert", "."]
    doc = spacy.tokens.Doc(
        spacy.blank("de").vocab, words=words, heads=[2, 0, 2, 4, 2, 9, 7, 9, 9, 2, 2],
        deps=["nsubj", "flat", "ROOT", "det", "obj", "punct", "det", "nsubj:pass", "aux:pass", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        lemmas=["Gegenüber", "Nordfunk", "erklären", "ein", "Sprecher", ",", "der", "Brücke", "werden", "sanieren", "."])
    verb = doc[2]
    assert speaker_for(doc, doc[0:11], verb, lex, lower=0, upper=5).text == "ein Sprecher"
    assert doc[1] in list(candidates(verb, "erklären", lex))


def test_a_report_that_goes_on_takes_the_speaker_without_the_addressee(run_de):
    # the sentence in reported mood after the quote continues the speaker's words: the same
    # speaker, not "Seeverdi-Chefin Karla Brenner der Deutschen Presse-Agentur"
    result = run_de("„Wir bleiben standhaft“, sagte Hafenchefin Karla Brenner der Nordpresse. "
                    "Die Arbeitgeber hätten kein ernsthaftes Angebot vorgelegt.")
    assert [(a.speaker.text, a.speaker.entity) for a in result.attributions] == [
        ("Hafenchefin Karla Brenner", "Karla Brenner")] * 2
