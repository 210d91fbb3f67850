"""Tests of :mod:`quotegraph.extract.patterns.acts`: reported speech acts without quoted words, and
broad verb candidates for the learned filter (invented sentences, rules only)."""

import pytest


# German


@pytest.mark.parametrize("text, lemma", [
    ("Die Regierungspartei, die Hamas, bezeichnete die Anschläge als Selbstverteidigung.", "bezeichnen"),
    ("Die Polizei spricht von viertausend Teilnehmern an der Kundgebung.", "sprechen"),
    ("Das Auswärtige Amt verurteilte den Anschlag am Montag als feigen Terror.", "verurteilen"),
])
def test_speech_act_sentences_with_a_weak_verb_or_an_article_first(run_de, text, lemma):
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.cue.lemma) == ("reported", lemma)


def test_a_speech_act_coordinated_with_another_verb_shares_its_subject(run_de):
    text = "Die nationalistische Partei hat das Thema aufgegriffen und fordert harte Maßnahmen gegen die Kriminalität."
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.quote.text, att.speaker.text, att.cue.text) == (
        "reported", text, "Die nationalistische Partei", "fordert")


@pytest.mark.parametrize("text, speaker", [
    # the document the impersonal subject stands for
    ("In den Bekennerschreiben forderte man den Abzug der Truppen aus dem Land.", "den Bekennerschreiben"),
    ("Die Kosten sollen durch mehr Effizienz sinken, so heißt es in einer Erklärung des Verbands.",
     "einer Erklärung des Verbands"),
    # no document named: "man" stays
    ("Bis jetzt geht man von einem Kurzschluss in der Anlage aus.", "man"),
])
def test_an_impersonal_subject_gives_way_to_the_document_named_before_or_after_the_verb(run_de, text, speaker):
    atts = [a for a in run_de(text).attributions if a.quote.kind == "reported"]
    assert [a.speaker.text for a in atts] == [speaker]


def test_a_weak_verb_without_its_complement_reports_nothing(run_de):
    assert not run_de("Die Polizei sprach am Montag mit den Anwohnern der Siedlung.").attributions


@pytest.mark.parametrize("text", [
    "Der neue Vertrag sieht den Bau von drei Brücken über den Fluss vor.",
    "Dem früheren Kassenwart drohen bis zu acht Jahre Haft.",
    "Die Bürgermeisterin würdigte die Arbeit der freiwilligen Helfer im Hochwassergebiet.",
    # reflexive forms of cues: a choice, an expectation, a surrender
    "Der Kapitän entschied sich nach dem Sturm für den Hafen von Kleinmünde.",
    "Von der neuen Anlage verspricht sich die Gemeinde deutlich höhere Einnahmen.",
    "Die Mannschaft konnte das Endspiel gegen Nordstadt knapp für sich entscheiden.",
    # a modal of will, ability or need: an intention, not an act that took place
    "Die Landesregierung will die Bevölkerung künftig über einen Radiosender informieren.",
    "Die Behörde konnte bislang noch nicht vorhersagen, wann der Fluss wieder sinkt.",
    # a relative clause says what its noun did
    "Die schwerste Seuche war die Grippe von 1918, die weltweit Millionen Todesopfer forderte.",
    # asking for help, announcing figures, agreeing with someone: no report of what was said
    "Die Kriminalpolizei in Nordstadt bittet um Mithilfe bei der Suche nach dem Täter.",
    "Die Fluggesellschaft meldet für den Monat Juli einen neuen Rekord an Fluggästen.",
    "Der Verband sprach sich am Dienstag für einen Kompromiss im Tarifstreit aus.",
    "Der Bürgermeister sprach den Angehörigen der Opfer sein Beileid aus.",
    "In einem Interview äußerte sich die Abgeordnete zu den Plänen des Ministers.",
    # "halten" with a phrase that belongs to its object: holding something
    "Der Marktführer hält derzeit einen Anteil von rund dreißig Prozent.",
    # what is to be said ("sein … zu"), no one saying it
    "Bislang sind in der Region mindestens zwölf Todesopfer zu beklagen.",
    # "für" says something of an object only: with none, things argue for someone
    "Die Zahlen und der Kalender sprechen für den Senator aus Ohio.",
])
def test_cues_that_name_no_speech_act_in_a_sentence_of_their_own_report_nothing(run_de, text):
    assert not [a for a in run_de(text).attributions if a.quote.kind == "reported"]


def test_a_verb_of_judging_with_its_object_alone_names_a_topic_not_a_speech_act(run_de):
    assert not run_de("Die Bürgerinitiative kritisierte die Pläne des Landkreises für die Umgehungsstraße.").attributions


def test_a_verb_of_judging_with_what_it_judges_its_object_as_is_a_speech_act(run_de):
    text = "Die Bürgerinitiative kritisierte die Pläne des Landkreises als teuer und unnötig."
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.lemma) == ("reported", "Die Bürgerinitiative", "kritisieren")


def test_a_reflexive_non_act_verb_still_reports_when_not_reflexive(run_de):
    text = "Der Bürgermeister versprach den Anwohnern eine neue Umgehungsstraße."
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.lemma) == ("reported", "Der Bürgermeister", "versprechen")


def test_a_weak_verbs_complement_hung_on_the_subject_still_makes_a_speech_act(run_de):
    # the parser attaches "von …" to "die Polizei"; it is the complement of "spricht"
    text = "Insgesamt spricht die Polizei von weniger Auseinandersetzungen der beiden Lager."
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.lemma) == ("reported", "die Polizei", "sprechen")


def test_a_label_in_quotation_marks_is_the_quote_not_the_sentence(run_de):
    atts = run_de("Die Ministerin Anna Kramer bezeichnete den Entwurf als „Wortbruch“.").attributions
    assert [(a.quote.kind, a.quote.text, a.speaker.text) for a in atts] == [
        ("direct", "„Wortbruch“", "Die Ministerin Anna Kramer")]


def test_a_predicative_complement_of_an_object_makes_a_speech_act(run_de):
    (att,) = run_de("Die Analysten der Bank halten einen Silberpreis von sechzig Dollar für wahrscheinlich.").attributions
    assert (att.quote.kind, att.speaker.text, att.cue.lemma) == ("reported", "Die Analysten der Bank", "halten")


def test_a_label_the_parser_hung_on_the_object_still_makes_a_speech_act(run_de):
    # "als Verstoß" hangs on "die Militäroperation"
    (att,) = run_de("Der Informationsminister Tom Berger bezeichnete die Militäroperation als Verstoß gegen das Abkommen.").attributions
    assert (att.quote.kind, att.speaker.text, att.cue.lemma) == ("reported", "Der Informationsminister Tom Berger", "bezeichnen")


def test_german_lexicon_proposes_no_broad_verb_candidates():
    from quotegraph.extract.lexicon import load_lexicon

    assert load_lexicon("de").broad_verb_reports is False
    assert load_lexicon("en").broad_verb_reports is True


def test_a_speech_act_keeps_the_fragment_its_own_verb_frames(run_de):
    # the fragment's cue is the act's verb: the sentence is still a reported act (the fragment
    # nests in it); only a sentence that frames a quote outside it is no act of its own
    atts = run_de("Der Generalanwalt kritisierte das Gesetz in seinem Gutachten als „unzulässigen Eingriff“.").attributions
    assert sorted((a.quote.kind, a.cue.lemma) for a in atts) == [("direct", "kritisieren"), ("reported", "kritisieren")]


# English


# ---------------------------------------------------------------------------- broad candidates
# With a learned filter after the rules (``broad_candidates``), any verb with a subject and an
# object or clause after it is proposed (pattern "broad_verb"); the rules alone propose none.


@pytest.fixture(scope="module")
def broad_rows():
    from quotegraph.extract.pipeline import make_nlp

    nlp = make_nlp("en", learned=False)
    nlp.replace_pipe("qg_attribution", "qg_attribution", config={
        "lang": "en", "speaker_linker": False, "quote_filter": False, "broad_candidates": True})

    def rows(text):
        doc = nlp(text)
        return doc, [a for a in doc._.qg_attributions if a.pattern == "broad_verb"]

    return rows


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Only two Democrats currently fund the senator's campaign.", "the senator's campaign", "fund",
     "Only two Democrats"),
    # an infinitive with its own object: the inner verb reports, its governor's subject is the source
    ("The mayor tried to block the new stadium.", "the new stadium", "block", "The mayor"),
    ("The council voted against the budget on Monday.", "the budget", "vote", "The council"),
])
def test_broad_verb_candidates(run_en, broad_rows, text, content, cue, speaker):
    assert run_en(text).attributions == ()  # the rules alone: no cue verb, nothing
    doc, rows = broad_rows(text)
    (att,) = rows
    assert (att.quote.text, att.cue.lemma, att.speaker.text) == (content, cue, speaker)


@pytest.mark.parametrize("text", [
    "The bill was passed on Monday.",  # a passive names no source
    "He did it.",  # a bare pronoun is no content
])
def test_no_broad_candidate_without_source_or_content(broad_rows, text):
    assert broad_rows(text)[1] == []


@pytest.mark.parametrize("text, content, cue", [
    ("Two senators from Ohio endorsed her on Tuesday.", "her", "endorse"),
    ("Many farmers in the valley oppose it.", "it", "oppose"),
    ("The governor criticized him on Monday.", "him", "criticize"),
])
def test_broad_candidate_for_a_pronoun_a_reporting_verb_takes(broad_rows, text, content, cue):
    # a stance on someone or something named before: PolNeAR marks the pronoun as the content
    doc, (att,) = broad_rows(text)
    assert (att.quote.text, att.cue.lemma) == (content, cue)


def test_broad_candidates_leave_reports_to_the_rules(broad_rows):
    doc, rows = broad_rows("The senator said that the bill would pass.")
    assert rows == []
    assert [a.pattern for a in doc._.qg_attributions] == ["cue_first"]


def test_broad_verb_features_name_the_construction(broad_rows):
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.quote_filter import quote_features

    doc, (att,) = broad_rows("The council voted against the budget on Monday.")
    feats = quote_features(doc, att, load_lexicon("en"))
    assert "broad_comp=prep:against|cue=vote" in feats
    assert "broad_root" in feats


def test_broad_verb_features_name_the_modal_and_whom_the_stance_is_about(broad_rows):
    # "would fund Nadia Orlov": who the stance is about (a person, a party) and the modal that
    # makes a plan of it are features of their own; the pattern sees its speaker and cue form
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.quote_filter import quote_features

    lex = load_lexicon("en")
    doc, (att,) = broad_rows("The union would fund Nadia Orlov in the primary.")
    feats = quote_features(doc, att, lex)
    # (the small model calls the name an organisation or a person: either is someone named)
    assert "broad_modal=would" in feats and any(f.startswith("broad_comp_names=") for f in feats)
    assert "speaker=description:organization|pattern=broad_verb" in feats  # "the union": an organisation noun
    assert "speaker_dep=nsubj|pattern=broad_verb" in feats and "cue_tag=VB|pattern=broad_verb" in feats
    doc, (att,) = broad_rows("The council voted against the budget on Monday.")
    feats = quote_features(doc, att, lex)
    assert not any(f.startswith(("broad_modal=", "broad_comp_names=")) for f in feats)


def test_an_adverbial_clause_opening_the_sentence_is_neither_the_act_nor_its_speaker(run_de):
    text = "Während die Regierung nichts ändern wollte, forderte der Verband der Bauern eine Reduzierung der Steuern auf Diesel."
    assert [(a.quote.text, a.speaker.text) for a in run_de(text).attributions] == [
        ("forderte der Verband der Bauern eine Reduzierung der Steuern auf Diesel.", "der Verband der Bauern")]


@pytest.mark.parametrize("text, speaker", [
    # the parser hung "von …" on the name, or the apposition, of the subject after the verb
    ("In einem Interview sprach Anna Krolle von der Möglichkeit einer großen Koalition unter ihrer Führung.",
     "Anna Krolle"),
    ("Am Montag sprach die Nachrichtenagentur Nordpress von 50.000 Menschen auf den Straßen der Hauptstadt.",
     "die Nachrichtenagentur Nordpress"),
])
def test_sprechen_von_hung_inside_the_subject_is_a_speech_act(run_de, text, speaker):
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.text) == ("reported", speaker, "sprach")
