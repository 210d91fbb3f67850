"""Addressees: who a quote was said to, read from the cue's dependents, never part of the
speaker. Sentences written for these tests, one per construction (the full pipelines,
rules only)."""

import re

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
    # a "der" phrase after a place name is the dative, not the name's genitive
    ("Der Informationsminister sagte in Kassel der Presse, die Armee werde nicht vergelten.",
     "Der Informationsminister", "der Presse"),
    ("Der Verband appellierte an die Regierung, die Steuern zu senken.", "Der Verband", "die Regierung"),
    ("Die Umweltschützer fordern von der Landesregierung, das Kraftwerk abzuschalten.",
     "Die Umweltschützer", "der Landesregierung"),  # "fordern von"
    ("Die Gewerkschaft verlangt vom Arbeitgeberverband, die Löhne zu erhöhen.",
     "Die Gewerkschaft", "Arbeitgeberverband"),  # "vom": "von" and its article in one word
    ("Der Katalog müsse überprüft werden, forderte er vom Gemeinsamen Ausschuss.", "er", "Gemeinsamen Ausschuss"),
    ("In einem Interview mit der Wochenzeitung sagte der Trainer, die Mannschaft sei müde.",
     "der Trainer", "der Wochenzeitung"),  # the partner of a conversation
    # the subject of a passive cue that addresses someone is the one addressed, not the speaker
    ("Die beiden Männer werden beschuldigt, das Geld unterschlagen zu haben.", None, "Die beiden Männer"),
    ("Dem Minister wird vorgeworfen, die Akten vernichtet zu haben.", None, "Dem Minister"),
    ("Der Verband hat die Gemeinden aufgefordert, die Gebühren zu senken.",
     "Der Verband", "die Gemeinden"),  # the object of a participle cue
    ("Die Lehrerin erklärte einem Schüler, dass der Unterricht am Freitag ausfalle.",
     "Die Lehrerin", "einem Schüler"),  # a dative object: its determiner shows the case
    ("Die Opposition wirft dem Minister vor, die Akten vernichtet zu haben.", "Die Opposition", "dem Minister"),
    # a dative told by its determiner on a cue that takes one, whatever the noun's tag or the
    # parser's label says; hung on the speaker, it is the cue's object all the same
    ("Die Behörde empfiehlt allen Besuchern der Ausstellung eine vorherige Anmeldung.",
     "Die Behörde", "allen Besuchern der Ausstellung"),
    ("Außerdem wirft das Gutachten den Behörden vor, die Akten verloren zu haben.", "das Gutachten", "den Behörden"),
    ("Auch wirft der Bericht den Behörden vor, die Opfer zu benachteiligen.", "der Bericht", "den Behörden"),
    # a common noun right after the addressee is no apposition of it: the charge, the demand
    ("Der Abgeordnete warf dem Minister Wortbruch vor.", "Der Abgeordnete", "dem Minister"),
    # "gegenüber" the parser made the head of its phrase, or left beside the pronoun it follows
    ("Gegenüber Radio Bremen äußerte sie sich mit den Worten: „Das ist erst der Anfang.“", "sie", "Radio Bremen"),
    ("Ihr gegenüber hat er angegeben, er sei wütend auf seinen Bruder gewesen.", "er", "Ihr"),
    # a dative before "zufolge" is who told the reporter, not who was spoken to
    ("In der Fraktion sagte die Kanzlerin einigen Teilnehmern zufolge: „Die Lage ist ernst.“", "die Kanzlerin", None),
    # the object of a cue that addresses someone, parsed as a second subject
    ("Der Vorsitzende hatte Müller gestern aufgefordert, sein Amt niederzulegen.", "Der Vorsitzende", "Müller"),
    # a second subject the verb does not agree with is its object: the one charged, not the
    # speaker (the parser took it for the speaker; the cue's own subject is)
    ("Kritiker werfen Obama vor, er habe die Entscheidung allein getroffen.", "Kritiker", "Obama"),
    ("Datenschützer warfen der Regierung vor, ihr Versprechen gebrochen zu haben.", "Datenschützer", "der Regierung"),
    # a fronted object its determiner shows ("Ihren"), taken for the speaker
    ("Ihren Rivalen Peter Schmidt von der Opposition forderte Meier auf, über einen Rücktritt nachzudenken.",
     "Meier", "Ihren Rivalen Peter Schmidt von der Opposition"),
    # a subject the parser called passive beside the perfect's "hat" is the active one, the speaker
    ("Ein Bezirksgericht in Texas hat das Netzwerk Facebook aufgefordert, innerhalb von drei Tagen Daten herauszugeben.",
     "Ein Bezirksgericht", "das Netzwerk Facebook"),
    ("Der frühere Präsident sagte Reportern, dass alles friedlich verlaufen sei.",
     "Der frühere Präsident", "Reportern"),
    ("Die Gewerkschaft dankte den Mitgliedern und sagte, der Streik sei beendet.",
     "Die Gewerkschaft", "den Mitgliedern"),
    # a compound whose last part is an outlet or an audience ("Sportzeitschrift", "Videobotschaft")
    ("Der Trainer sagte der Sportzeitschrift, die Mannschaft sei müde.", "Der Trainer", "der Sportzeitschrift"),
    ("Die Kanzlerin hat in einer Videobotschaft an ihre Unterstützer angekündigt, erneut zu kandidieren.",
     "Die Kanzlerin", "ihre Unterstützer"),
    # the conversation hung on the speaker: the speaker ends before it
    ("Am Montag sagte der Bürgermeister in einem Interview mit einem Radiosender, dass die Brücke gesperrt bleibe.",
     "der Bürgermeister", "einem Radiosender"),
    ("Das Gericht hatte eine deutliche Mahnung an die Regierung ausgesprochen, das Gesetz zu ändern.",
     "Das Gericht", "die Regierung"),  # a speech-act noun and its "an"
    # a cue that is no verb: the "gegenüber" phrase on the speaker
    ("„Die Zahlen sind gut“, so der Sprecher gegenüber der Zeitung.", "der Sprecher", "der Zeitung"),
    ("Der Chef hat gegenüber der Zeitung durchblicken lassen, dass ein neues Werk entstehen solle.",
     "Der Chef", "der Zeitung"),  # on the verb the cue completes
    ("„Wir haben verdient gewonnen“, sagte der Trainer zu Domenech.", "der Trainer", "Domenech"),  # "zu" a name
    # the agent of a passive cue ("von") spoke (the speaker rules take it); it was not spoken to
    ("Die beiden Männer wurden von der Polizei beschuldigt, das Geld gestohlen zu haben.", "der Polizei", "Die beiden Männer"),
    ("Von der Regierung wurde gefordert, die Steuern zu senken.", None, None),
    # no addressee: what is spoken of ("warnen vor", "erinnern an"), a place after "vor"
    ("Der Minister warnte vor Russland, die Lage sei ernst.", "Der Minister", None),
    ("Der Kanzler erinnerte an Tschernobyl und sagte, die Gefahr bleibe.", "Der Kanzler", None),
    # no addressee: a date after "vor", a reflexive, no object at all
    ("Die Senatorin sagte vor zwei Wochen, der Haushalt sei gesichert.", "Die Senatorin", None),
    ("Der Angeklagte äußerte sich nicht zu den Vorwürfen, sagte aber, er sei unschuldig.", "Der Angeklagte", None),
    ("Sie sagte, der Vertrag werde im Herbst unterschrieben.", "Sie", None),
    # no addressee: a genitive name is whose act is spoken of, not an apposition of the noun
    ("Der Verband erklärte zur Ernennung Müllers, man begrüße die Entscheidung.", "Der Verband", None),
    # no addressee: a separated particle that makes another verb ("zuschreiben"), whose dative is
    # credited with something, not spoken to
    ("Die Forscherin schreibt dem Klimawandel den Rückgang der Bestände zu, der seit Jahren anhalte.",
     "Die Forscherin", None),
    # no addressee: a "gegenüber" phrase inside another noun's phrase says whom that is towards
    ("Ihre Haltung gegenüber der Opposition bezeichnete er als „völlig verfehlt und heuchlerisch“.", "er", None),
    ("Die Ministerin begründete den Plan mit „null Toleranz gegenüber der Schwarzarbeit“.", "Die Ministerin", None),
    # no addressee: "erklären zu" declares what someone or something is ("zum Sieger")
    ("Im Jahr 2015 erklärte die Regierung den Rebellenführer zum Terrorist und verhängte Sanktionen gegen ihn.",
     "die Regierung", None),
]

ENGLISH = [
    ("The mayor told reporters the bridge would stay closed until Monday.", "The mayor", "reporters"),
    ("She told CNN that the talks had failed.", "She", "CNN"),
    ('"We will not give up," the union leader said to the crowd.', "the union leader", "the crowd"),
    ("In an interview with the Guardian, the minister said she would not resign.", "the minister", "the Guardian"),
    ("The president urged lawmakers to pass the bill quickly.", "The president", "lawmakers"),
    ("Speaking to reporters, the governor said the roads would reopen.", "the governor", "reporters"),
    ("The minister promised farmers that the aid would arrive soon.", "The minister", "farmers"),
    # a participle of speech on the source of "according to": the speaker ends before it
    ("According to a spokeswoman speaking to Reuters, the plant will close.", "a spokeswoman", "Reuters"),
    ("The coach said the team was tired.", "The coach", None),
]



@pytest.mark.parametrize("text,speaker,addressee", GERMAN, ids=[t[:40] for t, _, _ in GERMAN])
def test_german_addressees(last_report, run_de, text, speaker, addressee):
    att = last_report(run_de(text), text)
    assert (att.addressee.text if att.addressee else None) == addressee
    assert (att.speaker.text if att.speaker else None) == speaker
    if att.addressee is not None:
        assert text[att.addressee.start:att.addressee.end] == att.addressee.text


@pytest.mark.parametrize("text,speaker,addressee", ENGLISH, ids=[t[:40] for t, _, _ in ENGLISH])
def test_english_addressees(last_report, run_en, text, speaker, addressee):
    att = last_report(run_en(text), text)
    assert (att.addressee.text if att.addressee else None) == addressee
    assert (att.speaker.text if att.speaker else None) == speaker


def test_an_addressee_that_opened_the_quote_is_cut_from_it(last_report, run_de):
    text = "Nach Angaben einer Sprecherin gegenüber dem Sender ist der Flughafen geschlossen."
    att = last_report(run_de(text), text)
    assert att.addressee.text == "dem Sender"
    assert att.quote.text == "ist der Flughafen geschlossen"
    assert text[att.quote.start:att.quote.end] == att.quote.text


def test_a_named_addressee_is_an_entity_of_the_article(last_report, run_en):
    result = run_en("She told CNN that the talks had failed.")
    att = last_report(result, "")
    assert att.addressee.entity == "CNN"
    assert result.entity("CNN") is not None


def test_the_addressee_travels_through_quotes_jsonl(last_report, run_de):
    text = "Der Sprecher teilte den Abgeordneten mit, die Sitzung falle aus."
    att = last_report(run_de(text), text)
    line = attribution_to_dict(att)
    assert line["addressee"] == {"text": "den Abgeordneten", "start": 20, "end": 36, "entity": None, "type": None}
    assert attribution_from_dict(line) == att


# the addressee's entity is the name of the phrase's head: an apposition to an outlet word keeps
# its name; a name inside a modifier (a place, a party, a supporter's leader) is not the addressee
ENTITIES = [
    ("de", "Der Bürgermeister sagte der Zeitung Weser-Echo, die Brücke bleibe gesperrt.", "Weser-Echo", "media"),
    ("de", "Der Bürgermeister sagte dem Sender Nordfunk, die Brücke bleibe gesperrt.", "Nordfunk", "media"),
    ("de", "Der Bürgermeister sagte der Zeitung „Neues Abendblatt“, die Brücke bleibe gesperrt.",
     "Neues Abendblatt", "media"),
    # (with no name the type is what the noun gives: supporters are people)
    ("de", "Der Bürgermeister sagte den Anhängern der CDU, die Brücke bleibe gesperrt.", None, "person"),
    ("en", "The mayor told thousands of people watching from the National Mall that the bridge would stay closed.",
     None, None),
    ("en", "The mayor told Trump supporters that the bridge would stay closed.", None, "person"),
    ("en", "The mayor told a North Carolina rally that the bridge would stay closed.", None, None),
    ("en", "The mayor told CNN's Jake Tapper that the bridge would stay closed.", "Jake Tapper", "person"),
    # a name right after the outlet noun that the parser hung on the verb is still the noun's
    ("en", "The mayor told the broadcaster Channel Nine that the bridge would stay closed.", "Channel Nine", "media"),
    # a title in quotation marks after its article is a name, and one spoken to is an outlet
    ("de", "Der Bürgermeister sagte dem „Abendkurier“, die Brücke bleibe gesperrt.", "Abendkurier", "media"),
]


@pytest.mark.parametrize("lang,text,entity,etype", ENTITIES, ids=[t[1][:40] for t in ENTITIES])
def test_the_addressee_entity_is_the_name_of_its_head(last_report, run_de, run_en, lang, text, entity, etype):
    att = last_report((run_de if lang == "de" else run_en)(text), text)
    assert att.addressee is not None
    assert (att.addressee.entity, att.addressee.type) == (entity, etype)


def test_what_is_called_for_is_no_addressee(run_de):
    # "aufrufen zu X": X is what is called for (here the rally, by a relative pronoun), not the one called on
    result = run_de("Die Kundgebung, zu der der Verband aufgerufen hatte, verlief friedlich, sagte die Polizei.")
    assert result.attributions
    assert [a.addressee.text for a in result.attributions if a.addressee is not None] == []


def _addressee_of_parse(words, heads, deps, pos, tags, lemmas, morphs, speaker, cue, quote):
    """The addressee and speaker add_addressees gives one attribution on a parse written out
    (the slips of a tagger a test sentence cannot be made to show every time)."""
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.addressees import add_addressees
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.records import Attribution, Cue, Mention, Quote

    doc = Doc(spacy.blank("de").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              morphs=morphs)
    text = doc.text
    at = {w: re.search(rf"\b{re.escape(w)}\b", text).start() for w in (speaker, cue, quote)}
    att = Attribution("q", "", Quote(quote, at[quote], at[quote] + len(quote), "indirect"),
                      speaker=Mention(speaker, at[speaker], at[speaker] + len(speaker)),
                      cue=Cue(cue, at[cue], at[cue] + len(cue), cue))
    out = add_addressees(doc, [att], load_lexicon("de"))[0]
    return (out.addressee.text if out.addressee else None), (out.speaker.text if out.speaker else None)


def test_a_der_phrase_beside_a_nominative_pronoun_is_the_dative():
    # "Der" tagged nominative: beside "er" the phrase is no subject, and a speech verb takes no genitive
    words = ["Der", "Regierung", "schlug", "er", "vor", ",", "die", "Steuern", "zu", "senken", "."]
    got = _addressee_of_parse(
        words, heads=[1, 2, 2, 2, 2, 9, 7, 9, 9, 2, 2],
        deps=["det", "obl", "ROOT", "nsubj", "compound:prt", "punct", "det", "obj", "mark", "xcomp", "punct"],
        pos=["DET", "NOUN", "VERB", "PRON", "ADP", "PUNCT", "DET", "NOUN", "PART", "VERB", "PUNCT"],
        tags=["ART", "NN", "VVFIN", "PPER", "PTKVZ", "$,", "ART", "NN", "PTKZU", "VVINF", "$."],
        lemmas=["der", "Regierung", "schlagen", "er", "vor", ",", "der", "Steuer", "zu", "senken", "."],
        morphs=["Case=Nom", "Case=Nom", "", "Case=Nom|PronType=Prs", "", "", "Case=Acc", "Case=Acc", "", "", ""],
        speaker="er", cue="schlug", quote="die Steuern zu senken")
    assert got == ("Der Regierung", "er")


def test_a_particle_the_tagger_kept_from_the_cue_still_makes_it_address_someone():
    # "forderte" tagged as an adjective: the cue's lemma is read without "auf" unless the
    # particle closing the clause is looked for; "auffordern" addresses its object
    words = ["Rahimi", "forderte", "Karimi", "dazu", "auf", ",", "Ruhe", "zu", "bewahren", "."]
    got = _addressee_of_parse(
        words, heads=[1, 1, 1, 1, 6, 8, 8, 8, 1, 1],
        deps=["nsubj", "ROOT", "obj", "advmod", "case", "punct", "obj", "mark", "xcomp", "punct"],
        pos=["PROPN", "VERB", "PROPN", "ADV", "ADP", "PUNCT", "NOUN", "PART", "VERB", "PUNCT"],
        tags=["NE", "ADJA", "NE", "PAV", "PTKVZ", "$,", "NN", "PTKZU", "VVINF", "$."],
        lemmas=["Rahimi", "fordern", "Karimi", "dazu", "auf", ",", "Ruhe", "zu", "bewahren", "."],
        morphs=[""] * 10, speaker="Rahimi", cue="forderte", quote="Ruhe zu bewahren")
    assert got == ("Karimi", "Rahimi")


def test_an_object_taken_for_the_speaker_gives_it_back_to_the_subject_of_the_verb_it_is_joined_to():
    # "… und forderte Müller … auf": the second verb has no subject of its own, the parser hung
    # the "und" on the first one's complement; its object was taken for the speaker
    words = ["Er", "bezeichnet", "die", "Proteste", "als", "rechtmäßig", "und", "forderte", "Müller", "und",
             "dessen", "Anhänger", "dazu", "auf", ",", "Ruhe", "zu", "bewahren", "."]
    got = _addressee_of_parse(
        words, heads=[1, 1, 3, 1, 5, 1, 7, 5, 7, 11, 11, 8, 7, 7, 17, 17, 17, 7, 1],
        deps=["nsubj", "ROOT", "det", "obj", "cc", "xcomp", "cc", "conj", "obj", "cc", "nmod", "conj", "advmod",
              "compound:prt", "punct", "obj", "mark", "xcomp", "punct"],
        pos=["PRON", "VERB", "DET", "NOUN", "CCONJ", "ADJ", "CCONJ", "VERB", "PROPN", "CCONJ", "PRON", "NOUN",
             "ADV", "ADP", "PUNCT", "NOUN", "PART", "VERB", "PUNCT"],
        tags=["PPER", "VVFIN", "ART", "NN", "KOKOM", "ADJD", "KON", "VVFIN", "NE", "KON", "PDS", "NN", "PAV",
              "PTKVZ", "$,", "NN", "PTKZU", "VVINF", "$."],
        lemmas=["er", "bezeichnen", "der", "Protest", "als", "rechtmäßig", "und", "fordern", "Müller", "und", "der",
                "Anhänger", "dazu", "auf", ",", "Ruhe", "zu", "bewahren", "."],
        morphs=["Case=Nom"] + [""] * 18, speaker="Müller", cue="forderte", quote="Ruhe zu bewahren")
    assert got == ("Müller und dessen Anhänger", "Er")


def test_a_threat_after_a_condition_is_no_report_and_addresses_no_one(run_de):
    # "droht ihm" threatens him, no one tells him; the "wenn" clause is a condition, not content
    text = "Wenn der Angeklagte in diesem Prozess verurteilt werden sollte, droht ihm die Todesstrafe."
    assert [(a.quote.text, a.addressee) for a in run_de(text).attributions] == []


@pytest.mark.parametrize("tag, describes", [("NE", True), ("NN", False)])
def test_a_noun_apposition_right_after_a_noun_belongs_to_it_only_when_tagged_a_name(tag, describes):
    # "bat Premierminister Kade": a name whose part of speech the tagger got wrong (NOUN) keeps
    # its proper-noun tag; "warf dem Minister Einmischung vor": a common noun is no apposition
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.addressees import _describes
    from quotegraph.extract.lexicon import load_lexicon

    doc = Doc(spacy.blank("de").vocab, words=["bat", "Premierminister", "Kade"], pos=["VERB", "NOUN", "NOUN"],
              tags=["VVFIN", "NN", tag], heads=[0, 0, 1], deps=["ROOT", "obj", "appos"])
    assert _describes(doc[2], load_lexicon("de")) is describes


def test_an_addressee_phrase_never_starts_inside_a_bracket_closed_before_its_head():
    # the parser may hang a name's alias on the phrase after it: "(" is then that phrase's left edge
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.addressees import _phrase
    from quotegraph.extract.lexicon import load_lexicon

    words = ["Das", "Komitee", "(", "OK", ")", "der", "Meisterschaft", "erklärte", "es", "."]
    heads = [1, 7, 3, 6, 3, 6, 1, 7, 7, 7]
    deps = ["det", "nsubj", "punct", "compound", "punct", "det", "appos", "ROOT", "obj", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PRON", "PUNCT"]
    doc = Doc(spacy.blank("de").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert doc[6].left_edge.text == "("
    assert _phrase(doc, doc[6], [], load_lexicon("de")).text == "der Meisterschaft"


def test_the_one_phrase_of_a_subjectless_finite_cue_is_its_subject_not_whom_it_addressed(run_de):
    # "zu dem ein Bündnis … aufgerufen hatte": the alliance called for the march, no one was called on
    text = "Der Marsch, zu dem ein Bündnis von Verbänden aufgerufen hatte, sei „friedlich“ gewesen."
    atts = [a for a in run_de(text).attributions if a.cue is not None and a.cue.lemma == "aufrufen"]
    assert atts and all(a.addressee is None for a in atts)


def test_a_broadcaster_known_by_its_letters_is_an_outlet(run_en, run_de):
    (en,) = run_en('"We will stay," Dana Whitfield told CNN on Sunday.').attributions
    assert (en.addressee.entity, en.addressee.type) == ("CNN", "media")
    (de,) = run_de("„Wir bleiben hier“, sagte Karla Brenner dem NDR.").attributions
    assert (de.addressee.entity, de.addressee.type) == ("NDR", "media")
