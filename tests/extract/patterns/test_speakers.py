"""Tests of :mod:`quotegraph.extract.patterns.speakers`: the speaker of a cue: subject, apposition,
impersonal source, relative pronouns, owners of speech nouns (invented sentences, rules only)."""

import pytest


# German


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("„Wir kämpfen weiter“, sagte Andres Berger, der Gouverneur der Provinz, am Montag.",
         "Andres Berger, der Gouverneur der Provinz"),
        ("Maria Celik, die Anwältin der Familie, sagte, die Polizei habe versagt.",
         "Maria Celik, die Anwältin der Familie"),
        # a role after the comma that the parser did not call an apposition
        ("„Die Lage ist ernst“, so Jan Berger, Sprecher der Feuerwehr.", "Jan Berger, Sprecher der Feuerwehr"),
        ("Der Tank stand unter Druck, wie Tom Kessler, Chef der Firma Nordwerk, mitteilte.",
         "Tom Kessler, Chef der Firma Nordwerk"),
    ],
)
def test_speaker_span_keeps_the_apposition(run_de, text, speaker):
    att = run_de(text).attributions[0]
    assert att.speaker.text == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    ("„Alle Anzeichen deuten auf einen Anschlag hin“, hieß es vom Sprecher der Feuerwehr Jonas Brandt.",
     "„Alle Anzeichen deuten auf einen Anschlag hin“", "Sprecher der Feuerwehr Jonas Brandt"),
    ("Oberste Priorität sei die Sicherheit der Fahrgäste, hieß es vom Sprecher Jonas Brandt.",
     "Oberste Priorität sei die Sicherheit der Fahrgäste", "Sprecher Jonas Brandt"),
    ("Aus Regierungskreisen hieß es, der Plan sei gescheitert.", "der Plan sei gescheitert", "Aus Regierungskreisen"),
])
def test_impersonal_es_takes_the_source_the_preposition_names(run_de, text, quote, speaker):
    atts = run_de(text).attributions
    assert [(a.quote.text, a.cue.lemma) for a in atts] == [(quote, "heißen")]
    assert atts[0].speaker.text.endswith(speaker)


def test_an_adverbial_front_field_is_not_the_speaker(run_de):
    text = "Ende Januar 2006 verkündete der Fußballverband, dass man sich um das Turnier bewerben werde."
    (att,) = run_de(text).attributions
    assert att.speaker is None or "Januar" not in att.speaker.text


def test_a_speakers_bracketed_party_keeps_its_closing_bracket(run_de):
    text = "Die Abgeordnete Petra Lindner (SPD) sagte, das Gesetz komme zu spät."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Die Abgeordnete Petra Lindner (SPD)"


def test_a_dative_newspaper_after_the_cue_is_the_addressee_not_the_speaker(run_de):
    texts = {"„Wir werden das Werk nicht schließen“, sagte der Regionalzeitung ein Sprecher.": "ein Sprecher",
             "Das sagte Lindner der Zeitung: „Wir bleiben hier.“": "Lindner"}
    for text, speaker in texts.items():
        (att,) = run_de(text).attributions
        assert att.speaker.text == speaker


def test_a_fronted_adverb_the_parser_calls_a_subject_is_not_the_speaker(run_de):
    texts = {"Ähnlich äußerte sich die Ministerin Petra Lindner: „Wir haben die Lage im Griff.“": "die Ministerin Petra Lindner",
             "Unterdessen verlangen die Grünen, dass der Ausschuss sich mit dem Thema befassen soll.": "die Grünen"}
    for text, speaker in texts.items():
        (att,) = run_de(text).attributions
        assert att.speaker.text == speaker


def test_a_prepositional_phrase_of_the_verb_is_cut_from_the_speaker(run_de):
    text = "Zudem appellierte der Präsident an private Fluglinien, sich stärker an der Hilfe zu beteiligen."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "der Präsident"


def test_a_name_the_tagger_called_a_noun_stays_with_its_title(run_de):
    # the parser tags "Dirk Lorenzen" as nouns, outside the subject; the entity label keeps it
    text = ("So berichtete der Wissenschaftsjournalist Dirk Lorenzen dem Rundfunk in einem Gespräch, "
            "dass die Agentur dieses Projekt nicht angehen werde.")
    (att,) = run_de(text).attributions
    assert att.speaker.text == "der Wissenschaftsjournalist Dirk Lorenzen"


def test_a_subject_cut_off_at_a_quote_drops_its_dangling_preposition(run_de):
    text = "So warnten Vertreter der Bauverbände vor einem „drohenden Abfluss von Wissen“ ins Ausland."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Vertreter der Bauverbände"
    text = "Nach seinem Besuch sprach der Präsident von der „schlimmsten Katastrophe in der Geschichte des Landes“."
    assert {a.speaker.text for a in run_de(text).attributions} == {"der Präsident"}


def test_a_fronted_phrase_with_a_particle_is_not_the_subject(run_de):
    (att,) = run_de("Als Beispiel nannte die NASA die Ausbeutung von Gas als Ziel.").attributions
    assert att.speaker.text == "die NASA"


# English


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a participle cue is said by the subject of the verb it hangs on
        ("Clinton spoke on Tuesday about the shooting, saying that the police must release the videos.", "Clinton"),
        # a relative pronoun stands for its noun (as PolNeAR marks it)
        ("The mayor, who said that the curfew would stay in place, left early.", "who"),
    ],
)
def test_speaker_of_participle_and_relative_clause(run_en, text, speaker):
    atts = [a for a in run_en(text).attributions if a.quote.kind == "indirect"]
    assert atts and atts[0].speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # a present participle on a noun is said by that noun's phrase, also after a preposition
    ("Most of the money went to ads praising the senator.", "ads"),
    ("She signed a letter urging the council to delay the vote.", "a letter"),
    # ... by whoever issued the noun's document (lexicon issuing_verbs)
    ("The growers' union released a statement praising the new contract.", "The growers' union"),
    ("The city council passed a resolution urging the port to close.", "The city council"),
])
def test_a_participle_on_a_noun_is_said_by_that_noun(run_en, text, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text in ("praising", "urging"))
    assert att.speaker.text == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # an infinitive on a noun is done by the subject of the verb whose object the noun is ...
    ("Ms. Khan has mounted a public campaign to condemn the mayor for the plan.", "condemn", "Ms. Khan"),
    ("The governor has no plans to endorse the senator.", "endorse", "The governor"),
    # ... else by the noun's owner
    ("The senator's failure to denounce the attack angered voters.", "denounce", "The senator"),
])
def test_an_infinitive_on_a_noun_is_not_said_by_the_noun(run_en, text, cue, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text == cue)
    assert att.speaker.text == speaker


def test_a_set_off_verb_the_parser_hung_on_the_name_is_the_names(run_en):
    text = "Okafor, a close ally of the governor, called Ohio’s standards “strong.”"
    att = next(a for a in run_en(text).attributions if a.cue.text == "called")
    assert att.speaker.text.startswith("Okafor")  # not Ohio


def test_time_after_the_cue_is_not_the_speaker(run_en):
    text = ("“He's absolutely right. There's a severe disconnect between this White House and our military,” "
            "Flynn, a top Trump surrogate, said Thursday morning on Fox News.")
    (att,) = run_en(text).attributions
    assert att.speaker.text.startswith("Flynn")


def test_participle_after_a_preposition_takes_the_subject(run_en):
    text = "She started off by emphasizing that the country needs a new approach to policing."
    (att,) = run_en(text).attributions
    assert (att.cue.lemma, att.speaker.text) == ("emphasize", "She")


@pytest.mark.parametrize("text, cue, speaker", [
    # a gerund after a preposition is done by the subject of the verb its phrase hangs on,
    # also when the phrase opens the sentence or a noun comes between
    ("In addition to stating that the tax was unfair, Dana Voss has vowed to repeal it.", "stating", "Dana Voss"),
    ("Tom Okafor has a long history of blaming his rivals for the losses.", "blaming", "Tom Okafor"),
    ("Hundreds of farmers were jailed on suspicion of supporting the rebels.", "supporting", "Hundreds of farmers"),
    # or by the owner of the noun it hangs on
    ("The mayor broke from her policy of not attacking the council.", "attacking", "her"),
])
def test_a_gerund_after_a_preposition_is_done_by_the_clauses_subject(run_en, text, cue, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text == cue)
    assert att.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Politifact did a fact-check on Donald Trump’s claim that there have been thousands of shootings this year.",
     "Donald Trump"),
    ("Clinton is seizing upon a New York Times report that Trump had a net loss of more than $900 million.",
     "New York Times"),
])
def test_speech_noun_is_its_owners(run_en, text, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text in ("claim", "report"))
    assert att.speaker.text == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the relative pronoun stands for a speech noun: its owner speaks
        ("The crisis prompted Mayor Ann Ruiz to make a comment that described the plan as a disaster.",
         "Mayor Ann Ruiz"),
        ("Ann Ruiz issued a statement that called the plan a disaster for the city.", "Ann Ruiz"),
        # a relative pronoun standing for a person is that person's mention
        ("The mayor, who said the plan would fail, left early.", "who"),
    ],
)
def test_a_relative_pronoun_for_a_speech_noun_speaks_for_its_owner(run_en, text, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text in ("described", "called", "said"))
    assert att.speaker.text == speaker


def test_a_perfect_the_parser_split_keeps_the_auxiliarys_subject(run_de):
    # "begründet" hung on the object as an attribute, "hatte" the root with the subject
    text = "Die Hochschule hatte die Aberkennung des Titels damit begründet, dass viele Passagen abgeschrieben wurden."
    (att,) = run_de(text).attributions
    assert (att.cue.lemma, att.speaker.text) == ("begründen", "Die Hochschule")


def test_an_article_the_parser_hung_on_the_verb_still_opens_the_subject():
    # "Der[advmod] dortige Gerichtshof hatte entschieden": the article hung on the verb
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.subjects import subject_of

    words = ["Der", "dortige", "Gerichtshof", "hatte", "entschieden", ",", "dass", "er", "zahle", "."]
    doc = Doc(spacy.blank("de").vocab, words=words,
              pos=["DET", "ADJ", "NOUN", "AUX", "VERB", "PUNCT", "SCONJ", "PRON", "VERB", "PUNCT"],
              tags=["ART", "ADJA", "NN", "VAFIN", "VVPP", "$,", "KOUS", "PPER", "VVFIN", "$."],
              heads=[4, 2, 4, 4, 4, 8, 8, 8, 4, 4],
              deps=["advmod", "amod", "nsubj", "aux", "ROOT", "punct", "mark", "nsubj", "ccomp", "punct"])
    assert subject_of(doc[4], 0, 5, load_lexicon("de")).text == "Der dortige Gerichtshof"


@pytest.mark.parametrize("text, cue, speaker", [
    # "der" read as the dative, the phrase made the participle's object: the subject of the perfect
    ("Nach langer Beratung hat der BGH entschieden, dass die Klausel unwirksam ist.", "entscheiden", "der BGH"),
    ("Inzwischen haben einige Senatoren angekündigt, sie würden gegen den Haushalt stimmen.", "ankündigen",
     "einige Senatoren"),
    # the verb's object the parse hung on a pronoun: a third-person pronoun takes no attribute unmarked
    ("In seiner Rede würdigte er Bergers Lebensweg: „Er war ein leuchtendes Beispiel für uns alle.“", "würdigen", "er"),
    # "so" fills the front field before the verb: the subject follows it
    ("Der Grund für den Rücktritt der Ministerin, so vermutet die Zeitung, sei ein Streit gewesen.", "vermuten",
     "die Zeitung"),
    # an adverb the tagger called a noun, with a phrase on it, fills the front field too
    ("Passend zu den Gefahren des Nebels warnte die Sprecherin eines Radiosenders: „Auf den Straßen kann es gefährlich sein.“",
     "warnen", "die Sprecherin eines Radiosenders"),
    ("Bezugnehmend auf den Bericht erklärte die Sprecherin der Behörde: „Wir prüfen das.“", "erklären",
     "die Sprecherin der Behörde"),
])
def test_the_subject_of_a_verb_second_clause_the_parser_misread(run_de, text, cue, speaker):
    att = next(a for a in run_de(text).attributions if a.cue is not None and a.cue.lemma == cue)
    assert att.speaker.text == speaker
    assert att.addressee is None  # (the "der" phrase is the nominative: no one is spoken to)


def test_an_adverb_of_time_the_parser_made_the_subject_is_no_speaker(run_de):
    # the tagger read "Gestern" as a noun, the parser as the subject; rather none than a day
    att = run_de("Gestern haben einige Anwohner berichtet, dass der Fluss stinke.").attributions[0]
    assert att.quote.text == "dass der Fluss stinke" and att.speaker is None


def test_a_dative_pronoun_the_parser_made_the_subject_is_no_part_of_the_speaker(run_de):
    # "ihm" is the one spoken to; the parser hung the name on it as an apposition
    att = run_de("Das Projekt werde weitergeführt, sagte ihm Anna Krolle am Telefon.").attributions[0]
    assert att.speaker.text == "Anna Krolle"


@pytest.mark.parametrize("text, speaker", [
    # a thing the governor acts on does not speak: the governor's subject does
    ("He used the occasion to argue that taxes were too high.", "He"),
    ("The mayor used an expletive to describe the new stadium.", "The mayor"),
    # a person, a plural of people or a pronoun the governor acts on does (object control)
    ("The scandal led the senator to say the party needed a new leader.", "the senator"),
    ("The scandal led investors to say the bank was too weak.", "investors"),
    ("The vote led the candidate to admit that the plan had failed.", "the candidate"),
])
def test_an_infinitive_on_an_object_is_said_by_the_object_only_when_it_can_speak(run_en, text, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text != "led")
    assert att.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("It is important to note that the bridge reopened on Friday.", None),
    ("For the engineers, it's worth pointing out that the bridge reopened on Friday.", None),
    # "quick" says what "it" (the firm) did: it denies
    ("The firm issued a statement. It was quick to deny that the plant would close.", "It"),
])
def test_an_it_that_stands_for_the_infinitive_after_an_adjective_is_no_speaker(run_en, text, speaker):
    atts = [a for a in run_en(text).attributions if a.quote.text.startswith("that")]
    assert [a.speaker.text if a.speaker else None for a in atts] == [speaker]
