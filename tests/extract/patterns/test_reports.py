"""Tests of :mod:`quotegraph.extract.patterns.reports`: indirect speech around a cue: X sagte, (dass)
…; …, sagte X.; …, so X.; speech nouns; pointed reports (invented sentences, rules only)."""

import pytest


# German


def test_so_frame_after_indirect_speech(run_de):
    (att,) = run_de("Die Quote sei auf ein tragfähiges Maß festgelegt worden, so das Ministerium.").attributions
    assert att.quote.text == "Die Quote sei auf ein tragfähiges Maß festgelegt worden"
    assert att.cue.text == "so" and att.speaker.text == "das Ministerium"


def test_a_weak_cue_reports_an_infinitive_with_zu(run_de):
    (att,) = run_de("Der Schulleiter hofft, die Lehrerin halten zu können.").attributions
    assert (att.quote.text, att.cue.text, att.speaker.text) == ("die Lehrerin halten zu können", "hofft", "Der Schulleiter")


@pytest.mark.parametrize("text, content, lemma, speaker", [
    # a decision, an intention or a finding with its clause reports its subject's words
    ("Der Vorstand beschloss am Dienstag, die Filiale in Oberau zu schließen.",
     "die Filiale in Oberau zu schließen", "beschließen", "Der Vorstand"),
    ("Angesichts des Urteils erwägt Brandt, mit seinem Mandanten in Berufung zu gehen.",
     "mit seinem Mandanten in Berufung zu gehen", "erwägen", "Brandt"),
    ("Die Forscherinnen fanden heraus, dass die Muscheln in dem Becken wieder wachsen.",
     "dass die Muscheln in dem Becken wieder wachsen", "herausfinden", "Die Forscherinnen"),
])
def test_a_verb_of_deciding_intending_or_finding_reports_its_clause(run_de, text, content, lemma, speaker):
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.cue.lemma, att.speaker.text) == (content, lemma, speaker)


def test_a_verb_of_intending_without_its_clause_reports_nothing(run_de):
    assert run_de("Die Helfer beabsichtigen für diese Bereiche eine Verstärkung mit Sandsäcken.").attributions == ()


@pytest.mark.parametrize("text, clause", [
    ("Die Firma gab Einzelheiten über den Vorfall bekannt, bei dem die Kundendaten verloren gingen.", "bei dem"),
    ("Die Polizei meldete den Unfall, der sich im Mai auf der Landstraße ereignete.", "der sich"),
    ("Die Opposition forderte Neuwahlen, um den Weg für eine neue Regierung freizumachen.", "um den"),
])
def test_a_relative_clause_or_a_purpose_after_a_cue_is_no_reported_content(run_de, text, clause):
    assert not [a for a in run_de(text).attributions if a.quote.text.startswith(clause)]


@pytest.mark.parametrize("text, content", [
    ("Der Sprecher sagte, die Regierung sei zu Gesprächen bereit.", "die Regierung sei zu Gesprächen bereit"),
    ("Der Sprecher sagte, das sei ein großer Erfolg für die Stadt.", "das sei ein großer Erfolg für die Stadt"),
])
def test_an_article_or_demonstrative_the_tagger_may_read_as_a_relative_pronoun_opens_content(run_de, text, content):
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, "Der Sprecher")


def test_a_cue_in_its_dictionary_form_the_lemmatizer_misreads(run_de):
    # "vermuten": the lookup table lists inflected forms only, the form is its own lemma
    (att,) = run_de("Die Forscher vermuten, dass die Ursache in einem Sturm liegt.").attributions
    assert (att.quote.text, att.cue.text, att.speaker.text) == ("dass die Ursache in einem Sturm liegt", "vermuten", "Die Forscher")


def test_a_document_a_report_comes_out_of_is_its_source(run_de):
    text = "Aus einer Pressemitteilung des Konzerns geht hervor, dass die Firma umgewandelt wird."
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.cue.lemma, att.speaker.text) == (
        "dass die Firma umgewandelt wird", "hervorgehen", "einer Pressemitteilung des Konzerns")


def test_a_weak_cue_reports_no_infinitive_of_purpose(run_de):
    assert run_de("Der Trainer lobte die Mannschaft, um sie zu motivieren.").attributions == ()


def test_a_subject_with_its_apposition_is_no_content_before_the_cue(run_de):
    # the commas of the apposition look like "…, warnte X": but what stands before holds no verb
    text = "Der frühere Bürgermeister, Henning Scherf, warnte die Partei vor einem Wahlkampf."
    assert not [a for a in run_de(text).attributions if a.pattern == "cue_last"]


@pytest.mark.parametrize("text, quote, speaker", [
    # "treffe" is a rare form the tagger reads as an adverb or adjective; the parse still makes it
    # the clause complement of the cue, with a subject of its own
    ("Die Krise treffe kleine Firmen, sagte der Sprecher.", "Die Krise treffe kleine Firmen", "der Sprecher"),
    ("Die Maßnahme treffe vor allem kleine Zulieferer, schreibt das Institut.",
     "Die Maßnahme treffe vor allem kleine Zulieferer", "das Institut"),
])
def test_a_clause_whose_verb_the_tagger_missed_is_content_before_the_cue(run_de, text, quote, speaker):
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.quote.kind, att.speaker.text) == (quote, "indirect", speaker)


def test_a_misread_second_subject_before_the_comma_is_content(run_de):
    # with the quotation marks the parser makes "Flaute" a second subject of "schreibt" and
    # "treffe" an adverb: the clause before the comma is what the institute writes
    text = "Die „Flaute“ treffe vor allem kleine Zulieferer, schreibt das Institut in einer Mitteilung."
    report = next(a for a in run_de(text).attributions if a.quote.kind == "indirect")
    assert (report.quote.text, report.speaker.text) == ("Die „Flaute“ treffe vor allem kleine Zulieferer", "das Institut")
    assert all(a.speaker.text == "das Institut" for a in run_de(text).attributions)


def test_content_whose_verb_in_reported_mood_the_parser_hung_on_the_cue_after_it(run_de):
    # the parser makes "hätten" an auxiliary of "sagte" and both nouns its subjects
    text = "Viele Anhänger hätten kein Verständnis mehr für die Leistungen, sagte Renz dem Bayerischen Rundfunk."
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.quote.kind, att.speaker.text) == (
        "Viele Anhänger hätten kein Verständnis mehr für die Leistungen", "indirect", "Renz")


def test_content_the_parser_took_for_the_subject_of_the_cue_after_it(run_de):
    text = ("Am Mittwoch sei der Deutsche befreit worden, sagte ein Behördenvertreter. "
            "Der Mann sei in Freiheit und wohlbehalten, bestätigte ein Sprecher des Auswärtigen Amtes.")
    att = next(a for a in run_de(text).attributions if a.quote.text.startswith("Der Mann"))
    assert att.quote.text == "Der Mann sei in Freiheit und wohlbehalten"
    assert att.speaker.text == "ein Sprecher des Auswärtigen Amtes"


def test_verb_second_reported_mood_after_a_speech_noun(run_de):
    text = "Die Ministerin wagte am Montag die Prognose, bei der Wahl würden nicht alle Abgeordneten für den Entwurf stimmen."
    atts = run_de(text).attributions
    assert [a.quote.text for a in atts] == ["bei der Wahl würden nicht alle Abgeordneten für den Entwurf stimmen"]
    assert atts[0].speaker.text == "Die Ministerin"


def test_a_verb_the_tagger_missed_still_cues_a_report(run_de):
    # "empfahl" tagged as an adverb, "wurde angegeben" as an adjective: the verb tag and the
    # auxiliary show the verb
    texts = {"Gleichzeitig empfahl die frühere Ministerin Anna Weber den Umstieg auf Erdgasautos.": "empfehlen",
             "Als Begründung wurde auch angegeben, es werde ein neuer Partner für die Studie gesucht.": "angeben"}
    for text, lemma in texts.items():
        atts = run_de(text).attributions
        assert [a.cue.lemma for a in atts] == [lemma]
    (att,) = run_de(next(iter(texts))).attributions
    assert att.speaker.text == "die frühere Ministerin Anna Weber"  # the object is cut off


def test_a_verb_the_tagger_read_as_an_adjective_in_the_verbs_place_cues_a_report(run_de):
    # "erklärte", "betonte" tagged ADJA right after an opening adverb: the finite verb's place
    texts = {"So erklärte Finanzexperte Jan Kraus, dass die Schulden geringer ausfielen.":
             ("dass die Schulden geringer ausfielen", "erklären", "Jan Kraus"),
             "So betonte Ministerin Anna Weber, das Land habe nicht die Absicht, Truppen abzuziehen.":
             ("das Land habe nicht die Absicht, Truppen abzuziehen", "betonen", "Anna Weber")}
    for text, expected in texts.items():
        assert [(a.quote.text, a.cue.lemma, a.speaker.entity) for a in run_de(text).attributions] == [expected]
    # an attributive adjective after an article is none ("Der erklärte Gegner …")
    assert not run_de("Der erklärte Gegner der Reform, Jan Kraus, kam nicht.").attributions


def test_a_demonstrative_before_the_cue_points_back_at_the_reported_sentence(run_de):
    text = ("Die Fähre nach Helgoland fährt ab Montag wieder nach Fahrplan. "
            "Das teilte die Reederei am Freitag in Cuxhaven mit.")
    (att,) = run_de(text).attributions
    assert att.quote.text.startswith("Die Fähre nach Helgoland fährt ab Montag")
    assert att.speaker.text == "die Reederei"
    assert att.cue.lemma == "mitteilen"
    # a demonstrative that is the object of an ordinary verb points at nothing reported
    assert run_de("Die Fähre fährt ab Montag wieder nach Fahrplan. Das freut die Gäste.").attributions == ()


@pytest.mark.parametrize("text, speaker, lemma", [
    # the tagger reads "Das sagte Ministerin …" as a noun phrase and the cue as its adjective,
    # giving the title the neuter gender of "Das"; no finite verb follows, so it is the verb
    ("Die Brücke bleibt bis Mai gesperrt. Das sagte Verkehrsministerin Lena Hollmann am Dienstag in Kiel.",
     "Verkehrsministerin Lena Hollmann", "sagen"),
    # and its particle closes the clause ("gab … bekannt", "kündigte … an")
    ("Die Brücke bleibt bis Mai gesperrt. Das gab Verkehrsminister Jonas Brandt bekannt.",
     "Verkehrsminister Jonas Brandt", "bekanntgeben"),
    ("Die Brücke bleibt bis Mai gesperrt. Das kündigte Bürgermeisterin Anna Kraus am Montag an.",
     "Bürgermeisterin Anna Kraus", "ankündigen"),
])
def test_a_cue_read_as_an_adjective_after_a_demonstrative(run_de, text, speaker, lemma):
    (att,) = run_de(text).attributions
    assert att.quote.text == "Die Brücke bleibt bis Mai gesperrt"
    assert (att.speaker.text, att.cue.lemma) == (speaker, lemma)


def test_a_participle_before_a_neuter_noun_with_a_finite_verb_after_it_reports_nothing(run_de):
    assert run_de("Die Brücke bleibt bis Mai gesperrt. Das erklärte Ziel der Stadt ist ein Neubau.").attributions == ()


def test_a_verb_the_tagger_missed_after_a_fronted_as_clause_opens_the_content(run_de):
    # "plant" is often tagged as a conjunction; after "Wie X berichtet," the verb comes first
    text = "Wie das Handelsblatt unter Berufung auf Regierungskreise berichtet, plant das Ministerium eine Reform."
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.quote.kind) == ("plant das Ministerium eine Reform", "indirect")
    assert (att.speaker.text, att.mediator.text) == ("Regierungskreise", "das Handelsblatt")


# English


def test_report_between_two_quotes_is_found(run_en):
    # the next paragraph opens with “, which is not a closing mark continuing this sentence
    text = ("“I think he won tonight,” Matthews said.\n\nMatthews said the debate should help the campaign.\n\n"
            "“I thought he was very effective at securing the right flank of the party. And I think that may be "
            "important in the numbers in the next couple of days,” he said.")
    atts = run_en(text).attributions
    assert [a.quote.text for a in atts if a.quote.kind == "indirect"] == ["the debate should help the campaign"]


@pytest.mark.parametrize("text, lemma", [
    ("The senator denounced the ruling as a disgrace to the court.", "denounce"),
    ("She is hoping that the vote will come before the recess.", "hope"),
])
def test_more_reporting_verbs(run_en, text, lemma):
    (att,) = run_en(text).attributions
    assert att.cue.lemma == lemma


def test_a_noun_is_no_cue(run_en):
    text = "The justices may not hear it during the court term that begins next Monday and ends in June."
    assert run_en(text).attributions == ()


@pytest.mark.parametrize("text, content, speaker", [
    ("Its first television ad could start this week, said Brian Baker, a longtime adviser to the family "
     "who oversees the campaign.", "Its first television ad could start this week", "Brian Baker"),
    ("Six million American jobs also depend on exports to Mexico, one slide says.",
     "Six million American jobs also depend on exports to Mexico", "one slide"),
])
def test_content_before_the_cue(run_en, text, content, speaker):
    (att,) = run_en(text).attributions
    assert att.quote.text == content
    assert att.speaker.text.startswith(speaker)


def test_report_after_a_quote_in_the_same_sentence(run_en):
    text = '"The day that was abrogated was the day this became personal," he said, adding he would never vote for her.'
    atts = run_en(text).attributions
    assert [a.cue.lemma for a in atts] == ["say", "add"]
    assert atts[1].quote.text == "he would never vote for her"


def test_long_subject_after_the_content(run_en):
    text = ("Moves against the stations led to their removal from all but one of the Russian stations, "
            "a senior official with the board that oversees them said.")
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("Moves against the stations")
    assert "senior official" in att.speaker.text


def test_spoke_without_a_clause_frames_nothing_after_a_comma(run_en):
    text = "The mayor, who spoke on Monday, the strike is over."
    assert all(a.cue is None or a.cue.lemma != "speak" for a in run_en(text).attributions)


def test_a_time_clause_before_the_comma_is_no_content_of_the_verb_after_it(run_en):
    # "When X said …, the crowd applauded": the clause is when it happened; X's report inside it stands
    atts = run_en("When the mayor later said he would protect the parks, the crowd applauded loudly.").attributions
    assert [(a.quote.text, a.speaker.text, a.cue.text) for a in atts] == [
        ("he would protect the parks", "the mayor", "said")]


@pytest.mark.parametrize("run, text, quote, speaker", [
    ("run_en", "The driver was charged with assault, and the police said they were preparing more charges.",
     "they were preparing more charges", "the police"),
    ("run_de", "Der Minister wurde kritisiert, und die Opposition erklärte, er habe gelogen.",
     "er habe gelogen", "die Opposition"),
])
def test_a_clause_after_a_comma_and_a_conjunction_is_no_content_of_the_verb_before(request, run, text, quote, speaker):
    atts = request.getfixturevalue(run)(text).attributions
    assert [(a.quote.text, a.speaker.text) for a in atts] == [(quote, speaker)]


def test_a_prepositional_phrase_before_the_comma_is_no_content_of_the_verb_after_it(run_en):
    atts = run_en("In a move that surprised nearly everyone, the governor endorsed the senator last week.").attributions
    assert [(a.quote.text, a.speaker.text, a.cue.text) for a in atts] == [("the senator", "the governor", "endorsed")]


def test_a_passive_cue_names_no_speaker_by_its_subject(run_de):
    # the passive's subject is whom it was said to (or what was said), never who said it
    atts = run_de("Den Besuchern sei lediglich abgeraten worden, jetzt nach Jena zu reisen.").attributions
    assert [(a.quote.text, a.speaker) for a in atts] == [("jetzt nach Jena zu reisen", None)]


@pytest.mark.parametrize("text, expected", [
    # an adverbial clause after the cue's comma is no content ...
    ("Der Autor wurde bekannt, als er 1996 als erster Politiker in das Amt gewählt wurde.", []),
    # ... the report inside it is one of its own
    ("Die Ärztin hat gegen die Erhöhung protestiert, da sie befürchte, viele Familien könnten sich das nicht leisten.",
     [("viele Familien könnten sich das nicht leisten", "sie")]),
    # a preposition of the same form opens content ("seit 2014")
    ("Die Anklage warf dem Bürgermeister vor, seit 2014 Vorschriften verletzt zu haben.",
     [("seit 2014 Vorschriften verletzt zu haben", "Die Anklage")]),
])
def test_a_clause_opened_by_an_adverbial_conjunction_is_no_content(run_de, text, expected):
    atts = run_de(text).attributions
    assert [(a.quote.text, a.speaker.text) for a in atts] == expected


@pytest.mark.parametrize("text, quote, speaker", [
    ("Am Montag meldete die Nachrichtenseite „Golem“, der Verein habe den Zusammenhang bestätigt.",
     "der Verein habe den Zusammenhang bestätigt", "Golem"),
    ("Der Trainer Jan Kraus sagte zum „Algemeen Dagblad“, nach dem Spiel hätten alle Spieler die Hand gegeben.",
     "nach dem Spiel hätten alle Spieler die Hand gegeben", "Jan Kraus"),
])
def test_a_name_in_quotation_marks_before_the_comma_leaves_the_report_after_it(run_de, text, quote, speaker):
    assert [(a.quote.text, a.speaker.entity) for a in run_de(text).attributions] == [(quote, speaker)]


def test_a_speaker_after_the_cue_may_be_a_name_in_quotation_marks(run_de):
    atts = run_de("Der Vertrag soll verlängert werden, berichtet die „Frankfurter Rundschau“.").attributions
    assert [(a.quote.text, a.speaker.entity) for a in atts] == [("Der Vertrag soll verlängert werden", "Frankfurter Rundschau")]


def test_a_finite_indicative_verb_after_the_cues_comma_goes_on_with_the_main_clause(run_de):
    # the cue closes a relative clause; the main clause goes on after its comma
    text = "Von dem Manager Karl Brenner, der in einem Prozess gegen Lindner ausgesagt hatte, war er schwer belastet worden."
    assert not [a for a in run_de(text).attributions if a.cue is not None and a.cue.lemma == "aussagen"]


@pytest.mark.parametrize("text, noun, speaker", [
    ("Die Forscher formulierten die Hypothese, dass pflanzliche Nahrung wichtig war.", "Hypothese", "Die Forscher"),
    ("Lindner machte außerdem zur Bedingung, dass die Demonstranten ihre Proteste beenden.", "Bedingung", "Lindner"),
    # the noun as the predicate of "sein": its subject holds the view
    ("Der Verbandschef Karl Brandt ist der Meinung, dass die Klage die Umsetzung nicht verzögern dürfe.",
     "Meinung", "Der Verbandschef Karl Brandt"),
    ("Die Schutzvereinigung Nordaktie ist der Ansicht, dass das Gesetz zu geringer Produktivität führe.",
     "Ansicht", "Die Schutzvereinigung Nordaktie"),
])
def test_a_noun_of_thought_or_demand_before_a_dass_clause_is_its_cue(run_de, text, noun, speaker):
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.cue.text, att.speaker.text) == ("indirect", noun, speaker)


def test_a_correlate_between_the_noun_and_its_clause_and_no_speaker_for_es_gibt(run_de):
    text = "Es gibt aber auch Zweifel daran, ob das Haus tatsächlich von dem Architekten stammt."
    (att,) = run_de(text).attributions
    assert (att.cue.text, att.quote.text, att.speaker) == (
        "Zweifel", "ob das Haus tatsächlich von dem Architekten stammt", None)


@pytest.mark.parametrize("text, noun, quote, speaker", [
    # the verbs that close the noun's clause stand between it and the comma
    ("Die Ministerin Vera Holm ist zu dem Schluss gekommen, dass sie keine andere Wahl habe.",
     "Schluss", "dass sie keine andere Wahl habe", "Die Ministerin Vera Holm"),
    # the verb's particle after the noun
    ("Forscher stellten schon vor Jahren die Theorie auf, dass die Art im Winter wandert.",
     "Theorie", "dass die Art im Winter wandert", "Forscher"),
    # a genitive after the noun is whose claim it is
    # (and the main clause that resumes after the content is not part of it)
    ("Auf den Vorwurf der Verteidigung, das Gericht sei nicht legitim, ging der Richter nicht ein.",
     "Vorwurf", "das Gericht sei nicht legitim", "der Verteidigung"),
])
def test_a_speech_noun_reaches_its_clause_over_its_attribute_or_closing_verbs(run_de, text, noun, quote, speaker):
    (att,) = [a for a in run_de(text).attributions if a.cue is not None and a.cue.text == noun]
    assert (att.quote.text, att.speaker.text) == (quote, speaker)


def test_a_participle_the_parser_hung_under_its_auxiliary_is_the_cue(run_de):
    # "hatten" parsed as the head, "angegeben" tagged VVPP but read as an adjective
    (att,) = run_de("Die Frauen hatten angegeben, dass der Vermieter sie bedroht hatte.").attributions
    assert (att.cue.lemma, att.speaker.text, att.quote.text) == (
        "angeben", "Die Frauen", "dass der Vermieter sie bedroht hatte")


def test_a_pointer_after_the_comma_stands_for_the_clause_before_it(run_de):
    text = "Die Raumfähre bleibt einen Tag länger als geplant im All, das entschied die Raumfahrtbehörde Astra."
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.speaker.text) == (
        "Die Raumfähre bleibt einen Tag länger als geplant im All", "die Raumfahrtbehörde Astra")


@pytest.mark.parametrize("text, noun, speaker", [
    # a noun of a speech act with its clause: the subject of the verb it is the object of speaks
    ("The mayor gave assurances that the bridge would open in May.", "assurances", "The mayor"),
    ("Mr. Okafor's denial that he had met the buyers did not convince the board.", "denial", "Mr. Okafor"),
])
def test_an_english_speech_act_noun_before_a_that_clause_is_its_cue(run_en, text, noun, speaker):
    att = next(a for a in run_en(text).attributions if a.pattern == "noun")
    assert (att.cue.text, att.speaker.text) == (noun, speaker)


def test_a_participle_of_a_cue_after_the_frame_is_a_report_of_its_own(run_en):
    text = "The council cannot decide that, Smith added, saying it should be up to the court to move forward."
    reports = {a.cue.text: a for a in run_en(text).attributions if a.cue is not None}
    assert reports["added"].quote.text == "The council cannot decide that"
    assert reports["saying"].quote.text == "it should be up to the court to move forward"
    assert reports["saying"].speaker.text == "Smith"


@pytest.mark.parametrize("text", [
    "Es ist bislang nicht bekannt, ob für die Geiseln ein Lösegeld gezahlt wurde.",
    "Die Ursache des Brandes ist noch nicht bekannt, die Ermittlungen dauern an.",
])
def test_what_is_known_with_a_copula_of_state_is_no_report(run_de, text):
    # "bekannt" is also the participle of "bekennen": with "ist" it names a state, no one speaking
    assert run_de(text).attributions == ()


def test_what_became_known_is_a_report_without_speaker(run_de):
    (att,) = run_de("Im Mai wurde bekannt, dass die Sparte an einen Konkurrenten verkauft wird.").attributions
    assert (att.quote.text, att.speaker) == ("dass die Sparte an einen Konkurrenten verkauft wird", None)


def test_hiess_es_vom_names_the_source_also_where_the_parser_made_es_no_subject(run_de):
    # "es" labelled an expletive: no subject at all, the source after it is still the speaker
    (att,) = run_de("Die Lage sei unter Kontrolle, hieß es vom Sprecher Jan Brecht.").attributions
    assert (att.quote.text, att.speaker.text) == ("Die Lage sei unter Kontrolle", "Sprecher Jan Brecht")



def test_a_report_set_off_by_as_before_a_clause_with_its_own_cue_holds_that_report(run_en):
    # the outlet reports all of the clause; the mayor's agreement stays inside it
    text = "As the Gazette first reported, the mayor agreed to step down in May."
    got = sorted((a.quote.text, a.speaker.text) for a in run_en(text).attributions)
    assert got == [("the mayor agreed to step down in May", "the Gazette"), ("to step down in May", "the mayor")]


def test_an_as_clause_of_time_around_a_cue_reports_nothing_of_the_main_clause(run_en):
    text = "As his rivals seized on images of the senator repeating himself, the senator told voters that he would fight on."
    assert [(a.quote.text, a.speaker.text) for a in run_en(text).attributions] == [("that he would fight on", "the senator")]
