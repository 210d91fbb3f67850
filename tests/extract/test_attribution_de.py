"""German attribution end to end on the default German pipeline (invented sentences)."""

import pytest


@pytest.mark.parametrize(
    "text, quote, speaker, cue, kind",
    [
        ("„Wir werden die Verhandlungen fortsetzen“, sagte Ministerin Clara Hartmann am Montag.",
         "„Wir werden die Verhandlungen fortsetzen“", "Clara Hartmann", "sagen", "direct"),
        ("Clara Hartmann sagte: „Wir werden die Verhandlungen fortsetzen.“",
         "„Wir werden die Verhandlungen fortsetzen.“", "Clara Hartmann", "sagen", "direct"),
        ("Clara Hartmann sagte, die Regierung werde die Verhandlungen fortsetzen.",
         "die Regierung werde die Verhandlungen fortsetzen", "Clara Hartmann", "sagen", "indirect"),
        ("Die Regierung werde die Verhandlungen fortsetzen, sagte Clara Hartmann.",
         "Die Regierung werde die Verhandlungen fortsetzen", "Clara Hartmann", "sagen", "indirect"),
        ("Clara Hartmann betonte, dass die Regierung die Verhandlungen fortsetzen werde.",
         "dass die Regierung die Verhandlungen fortsetzen werde", "Clara Hartmann", "betonen", "indirect"),
    ],
)
def test_patterns(run_de, text, quote, speaker, cue, kind):
    atts = run_de(text).attributions
    assert atts, text
    att = atts[0]
    assert att.quote.text == quote
    assert att.speaker is not None and att.speaker.entity == speaker
    assert att.cue.lemma == cue
    assert att.quote.kind == kind


def test_laut_relay_keeps_speaker_and_mediator(run_de):
    text = "„Wir bleiben hart“, sagte Clara Hartmann laut der Agentur Nordpress."
    att = run_de(text).attributions[0]
    assert att.speaker.entity == "Clara Hartmann"
    assert att.mediator.entity.endswith("Nordpress")
    assert att.mediator.type == "media"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Laut der Polizei wurden drei Menschen bei dem Unfall verletzt.", "der Polizei"),
        ("Der Polizei zufolge wurden drei Menschen bei dem Unfall verletzt.", "Der Polizei"),
        ("Nach Angaben der Polizei wurden drei Menschen bei dem Unfall verletzt.", "Angaben der Polizei"),
    ],
)
def test_source_phrases(run_de, text, source):
    (att,) = run_de(text).attributions
    assert att.speaker.text == source
    assert "drei Menschen" in att.quote.text
    assert source not in att.quote.text


def test_konjunktiv_sentence_continues_the_speaker(run_de):
    text = ("Clara Hartmann sagte, die Regierung werde die Verhandlungen fortsetzen. "
            "Eine Einigung sei noch in diesem Jahr möglich.")
    atts = run_de(text).attributions
    assert [a.quote.kind for a in atts] == ["indirect", "free_indirect"]
    assert atts[1].quote.text == "Eine Einigung sei noch in diesem Jahr möglich."
    assert atts[1].speaker.entity == "Clara Hartmann"


def test_pronoun_speaker_resolves_to_the_person_before(run_de):
    text = "Clara Hartmann trat am Montag vor die Presse. Sie sagte, die Regierung werde nicht nachgeben."
    att = run_de(text).attributions[0]
    assert att.speaker.text == "Sie"
    assert att.speaker.entity == "Clara Hartmann"


def test_scare_quote_alone_is_not_speech(run_de):
    assert run_de("Der „Kumpel“ aus Minsk reiste am Montag nach Moskau.").attributions == ()


def test_title_in_quotes_is_not_speech(run_de):
    text = "Die Band veröffentlichte am Freitag ein Album mit dem Titel „Neue Wege“."
    assert all("Neue Wege" not in a.quote.text for a in run_de(text).attributions)


def test_nested_quote_is_linked_to_its_parent(run_de):
    text = "Er fügte hinzu: „Ein Arbeiter hat mir gesagt: ‚Wir wollen arbeiten, aber nicht umsonst.‘ Das zählt.“"
    atts = run_de(text).attributions
    inner = next(a for a in atts if a.parent is not None)
    outer = next(a for a in atts if a.id == inner.parent)
    assert inner.quote.text.startswith("‚Wir wollen arbeiten")
    assert outer.quote.start < inner.quote.start < inner.quote.end < outer.quote.end


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("„Wir kämpfen weiter“, sagte Andres Berger, der Gouverneur der Provinz, am Montag.",
         "Andres Berger, der Gouverneur der Provinz"),
        ("Maria Celik, die Anwältin der Familie, sagte, die Polizei habe versagt.",
         "Maria Celik, die Anwältin der Familie"),
    ],
)
def test_speaker_span_keeps_the_apposition(run_de, text, speaker):
    att = run_de(text).attributions[0]
    assert att.speaker.text == speaker


def test_so_frame_after_indirect_speech(run_de):
    (att,) = run_de("Die Quote sei auf ein tragfähiges Maß festgelegt worden, so das Ministerium.").attributions
    assert att.quote.text == "Die Quote sei auf ein tragfähiges Maß festgelegt worden"
    assert att.cue.text == "so" and att.speaker.text == "das Ministerium"


def test_next_sentence_pointing_back_names_the_speaker(run_de):
    atts = run_de("„Wir werden nicht nachgeben.“ Das sagte Clara Hartmann am Montag in Berlin.").attributions
    assert [(a.quote.text, a.speaker.entity, a.cue.lemma) for a in atts] == [
        ("„Wir werden nicht nachgeben.“", "Clara Hartmann", "sagen")]


@pytest.mark.parametrize("text, quote", [
    ("„Niemals“, sagte Clara Hartmann.", "„Niemals“"),
    ("„Wir bleiben“, sagte Clara Hartmann am Montag.", "„Wir bleiben“"),
    ("Clara Hartmann sagte: „Wir bleiben“.", "„Wir bleiben“"),
])
def test_short_quote_in_its_own_frame_is_one_direct_quote(run_de, text, quote):
    atts = run_de(text).attributions
    assert [(a.quote.text, a.quote.kind, a.speaker.entity) for a in atts] == [(quote, "direct", "Clara Hartmann")]


def test_source_phrase_stops_where_the_next_noun_phrase_begins(run_de):
    text = "Die Firma plant nach Angaben der Gewerkschaft den Abbau von rund 3.000 Arbeitsplätzen."
    speakers = [a.speaker.text for a in run_de(text).attributions if a.speaker]
    assert len(speakers) == 1 and speakers[0].endswith("der Gewerkschaft")  # not "… den Abbau"


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


def test_demnach_is_a_source_adverb_pointing_back(run_de):
    text = ("Das Amt hat am Montag seinen Bericht vorgelegt. "
            "Demnach kann den Stromerzeugern kein wettbewerbswidriges Verhalten nachgewiesen werden.")
    atts = run_de(text).attributions
    assert [(a.quote.text, a.cue.text) for a in atts] == [
        ("kann den Stromerzeugern kein wettbewerbswidriges Verhalten nachgewiesen werden", "Demnach")]


def test_a_parser_split_inside_a_name_is_undone(run_de):
    # the parser may end a sentence after an all-caps word; with no punctuation it goes on
    text = "Laut SPIEGEL ONLINE sollen einige Kämpfer zu Beginn des Krieges Zivilisten verfolgt haben."
    atts = run_de(text).attributions
    assert [(a.cue.text, a.speaker.text) for a in atts] == [("Laut", "SPIEGEL ONLINE")]
    assert atts[0].quote.text.startswith("sollen einige Kämpfer")


def test_verb_second_reported_mood_after_a_speech_noun(run_de):
    text = "Die Ministerin wagte am Montag die Prognose, bei der Wahl würden nicht alle Abgeordneten für den Entwurf stimmen."
    atts = run_de(text).attributions
    assert [a.quote.text for a in atts] == ["bei der Wahl würden nicht alle Abgeordneten für den Entwurf stimmen"]
    assert atts[0].speaker.text == "Die Ministerin"


def test_an_adverbial_front_field_is_not_the_speaker(run_de):
    text = "Ende Januar 2006 verkündete der Fußballverband, dass man sich um das Turnier bewerben werde."
    (att,) = run_de(text).attributions
    assert att.speaker is None or "Januar" not in att.speaker.text


def test_a_surname_joins_the_person_not_a_headline_that_contains_it():
    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.lexicon import load_lexicon

    index = EntityIndex(load_lexicon("de"))
    index.add("Lässt Weber Schulz fallen", "organization")  # a headline the NER took for a name
    person = index.add("Anna Weber", "person")
    assert index.add("Weber", "person") is person
    assert person.name == "Anna Weber"


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


def test_a_quote_inside_reported_speech_takes_the_reports_speaker():
    # "Lindner sagte der Zeitung, sie hoffe, dass „…“": the quote's frame stands outside the
    # indirect speech around it, so the quote is Lindner's, whatever a pattern found for it
    from quotegraph.extract.patterns.found import Found
    from quotegraph.extract.patterns.settle import link_parents, share_outer_frames

    report = Found(quote=(30, 80), kind="indirect", cue=(8, 13, "sagen"), speaker=(0, 7))
    quoted = Found(quote=(50, 80), kind="direct", cue=(8, 13, "sagen"), speaker=(14, 25))
    inner = Found(quote=(55, 70), kind="direct", cue=(52, 54, "sagen"), speaker=(50, 51))  # its own frame inside
    found = [report, quoted]
    link_parents(found)
    share_outer_frames(found)
    assert quoted.speaker == (0, 7)
    found = [report, inner]
    link_parents(found)
    share_outer_frames(found)
    assert inner.speaker == (50, 51)


def test_a_fronted_adverb_the_parser_calls_a_subject_is_not_the_speaker(run_de):
    texts = {"Ähnlich äußerte sich die Ministerin Petra Lindner: „Wir haben die Lage im Griff.“": "die Ministerin Petra Lindner",
             "Unterdessen verlangen die Grünen, dass der Ausschuss sich mit dem Thema befassen soll.": "die Grünen"}
    for text, speaker in texts.items():
        (att,) = run_de(text).attributions
        assert att.speaker.text == speaker


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


def test_a_dass_clause_is_content_even_when_its_verb_is_mistagged(run_de):
    text = "Die Gruppe hat nun in einer Stellungnahme bekannt gegeben, dass diese Ablagerungen keine akute Gefahr darstellen."
    (att,) = run_de(text).attributions
    assert (att.cue.lemma, att.speaker.text) == ("bekanntgeben", "Die Gruppe")
    assert att.quote.text.startswith("dass diese Ablagerungen")


@pytest.mark.parametrize("text, lemma", [
    ("Die Regierungspartei, die Hamas, bezeichnete die Anschläge als Selbstverteidigung.", "bezeichnen"),
    ("Die Polizei spricht von viertausend Teilnehmern an der Kundgebung.", "sprechen"),
    ("Das Auswärtige Amt verurteilte den Anschlag am Montag scharf.", "verurteilen"),
])
def test_speech_act_sentences_with_a_weak_verb_or_an_article_first(run_de, text, lemma):
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.cue.lemma) == ("reported", lemma)


def test_a_weak_verb_without_its_complement_reports_nothing(run_de):
    assert not run_de("Die Polizei sprach am Montag mit den Anwohnern der Siedlung.").attributions


def test_verb_second_content_whose_article_was_tagged_as_a_relative_pronoun(run_de):
    text = ("Bei ihrem Auftritt in Brüssel bei einem Treffen der Außenminister sagte Weber, "
            "die USA hielten sich an die Konvention, sowohl im Inland als auch im Ausland.")
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text) == ("indirect", "Weber")
    assert att.quote.text.startswith("die USA hielten")


def test_a_source_phrase_before_the_cue_relays_the_subjects_report(run_de):
    text = "Laut BBC News sagte der Minister, dass zehn Millionen Dollar investiert werden sollen."
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.mediator.text) == ("der Minister", "BBC News")


@pytest.mark.parametrize("text, source", [
    ("Laut „Nordpost Online“ liefen hunderte Mönche um die Pagode.", "„Nordpost Online“"),
    ("Laut der Agentur „Nordpress“ liefen hunderte Mönche um die Pagode.", "der Agentur „Nordpress“"),
])
def test_a_source_named_in_quotation_marks(run_de, text, source):
    (att,) = run_de(text).attributions  # the quoted name is no quote of its own
    assert (att.cue.text, att.speaker.text) == ("Laut", source)


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


def test_a_source_after_von_keeps_its_apposition(run_de):
    text = "Nach Angaben von Jon Einarsson, einem Manager der Firma, wurde eine Schiffsbesatzung zusammengestellt."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Angaben von Jon Einarsson, einem Manager der Firma"
    assert att.quote.text.startswith("wurde eine Schiffsbesatzung")


def test_with_a_quoting_verb_the_object_speaks_and_the_subject_relays(run_de):
    text = "Die Zeitung zitiert einen Augenzeugen mit den Worten: „Der Mann ist einfach weitergegangen.“"
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.mediator.text) == ("einen Augenzeugen", "Die Zeitung")


def test_demnach_is_the_speaker_mention_and_stands_for_the_source_before(run_de):
    text = "Die Polizei teilte am Montag mit, der Täter sei geflohen. Demnach soll er in der Nacht ein Auto gestohlen haben."
    first, second = run_de(text).attributions
    assert second.speaker.text == "Demnach"
    assert second.speaker.entity == first.speaker.entity is not None


def test_a_name_after_a_compound_title_noun_is_no_quote(run_de):
    # "Tageszeitung" ends in "Zeitung", a noun that introduces a name
    text = "Er sagte, in der Tageszeitung „Nordpost“ sei ein falscher Bericht erschienen."
    assert [a.quote.kind for a in run_de(text).attributions] == ["indirect"]


def test_wonach_after_a_noun_opens_the_content_of_that_source(run_de):
    text = "Der Sender zitierte eine Studie, wonach jeder dritte Schüler betroffen ist."
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.text) == ("jeder dritte Schüler betroffen ist", "eine Studie", "wonach")


def test_a_source_phrase_stops_before_a_counted_noun(run_de):
    text = "Bei dem Unglück sind nach Angaben der Feuerwehr 40 Menschen ums Leben gekommen."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Angaben der Feuerwehr"


def test_a_subject_cut_off_at_a_quote_drops_its_dangling_preposition(run_de):
    text = "So warnten Vertreter der Bauverbände vor einem „drohenden Abfluss von Wissen“ ins Ausland."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Vertreter der Bauverbände"
    text = "Nach seinem Besuch sprach der Präsident von der „schlimmsten Katastrophe in der Geschichte des Landes“."
    assert {a.speaker.text for a in run_de(text).attributions} == {"der Präsident"}


def test_a_quoted_name_before_a_full_stop_ends_its_sentence(run_de):
    # the full stop after „…“ ends the sentence: the next quote's "so X" frame stays in its own
    text = ("Das Wasser reiche nicht, sagte die Helferin Clara Hartmann dem Sender „Radio Nord“. "
            "„Wir brauchen jeden Tag neue Lieferungen“, so Hartmann.")
    atts = run_de(text).attributions
    assert [(a.quote.kind, a.quote.text) for a in atts] == [
        ("indirect", "Das Wasser reiche nicht"), ("direct", "„Wir brauchen jeden Tag neue Lieferungen“")]


def test_a_demonstrative_before_the_cue_points_back_at_the_reported_sentence(run_de):
    text = ("Die Fähre nach Helgoland fährt ab Montag wieder nach Fahrplan. "
            "Das teilte die Reederei am Freitag in Cuxhaven mit.")
    (att,) = run_de(text).attributions
    assert att.quote.text.startswith("Die Fähre nach Helgoland fährt ab Montag")
    assert att.speaker.text == "die Reederei"
    assert att.cue.lemma == "mitteilen"
    # a demonstrative that is the object of an ordinary verb points at nothing reported
    assert run_de("Die Fähre fährt ab Montag wieder nach Fahrplan. Das freut die Gäste.").attributions == ()


@pytest.mark.parametrize("text, quote", [
    # a particle verb's infinitive with "zu" inside, tagged as a bare infinitive
    ("Die Verbände forderten die Bundesregierung auf, die Bekämpfung des Terrorismus nicht auf Kosten "
     "der Bürgerrechte voranzutreiben.", "die Bekämpfung des Terrorismus nicht auf Kosten der Bürgerrechte voranzutreiben"),
    # an infinitive with "zu" after a speech noun
    ("Die Kundgebung endete mit dem Appell, die Wahrheit über die Atomenergie unter allen Menschen zu verbreiten.",
     "die Wahrheit über die Atomenergie unter allen Menschen zu verbreiten"),
])
def test_an_infinitive_with_zu_is_reported_content(run_de, text, quote):
    assert [a.quote.text for a in run_de(text).attributions] == [quote]


def test_a_weak_verbs_complement_hung_on_the_subject_still_makes_a_speech_act(run_de):
    # the parser attaches "von …" to "die Polizei"; it is the complement of "spricht"
    text = "Insgesamt spricht die Polizei von weniger Auseinandersetzungen der beiden Lager."
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.lemma) == ("reported", "die Polizei", "sprechen")


def test_a_fronted_phrase_with_a_particle_is_not_the_subject(run_de):
    (att,) = run_de("Als Beispiel nannte die NASA die Ausbeutung von Gas als Ziel.").attributions
    assert att.speaker.text == "die NASA"


def test_twin_and_single_apostrophes_set_off_names_not_speech_in_german(run_de):
    text = "Die Kampagne sei ''sehr erfolgreich'' gewesen, sagte Anton Weber."
    assert [(a.quote.kind, a.quote.text) for a in run_de(text).attributions] == [
        ("indirect", "Die Kampagne sei ''sehr erfolgreich'' gewesen")]


def test_a_long_name_with_short_function_words_in_quotes_is_no_quote(run_de):
    # the sentence has a cue, so a quoted fragment in it would be taken as speech
    for name in ("„Confédération Européenne de Pétanque“", "„2. Deutscher Klimakongress der EnBW AG“"):
        text = f"Die Ministerin sprach am Montag beim {name} über die Lage."
        assert [a.quote.text for a in run_de(text).attributions if a.quote.text == name] == []
    # a quoted phrase with a verb stays speech
    text = "Die Ministerin sprach von einem „Krieg gegen die Natur in allen Teilen der Welt“."
    assert "„Krieg gegen die Natur in allen Teilen der Welt“" in [a.quote.text for a in run_de(text).attributions]


def test_german_lexicon_proposes_no_broad_verb_candidates():
    from quotegraph.extract.lexicon import load_lexicon

    assert load_lexicon("de").broad_verb_reports is False
    assert load_lexicon("en").broad_verb_reports is True


def test_a_speech_act_keeps_the_fragment_its_own_verb_frames(run_de):
    # the fragment's cue is the act's verb: the sentence is still a reported act (the fragment
    # nests in it); only a sentence that frames a quote outside it is no act of its own
    atts = run_de("Der Generalanwalt kritisierte das Gesetz in seinem Gutachten als „unzulässigen Eingriff“.").attributions
    assert sorted((a.quote.kind, a.cue.lemma) for a in atts) == [("direct", "kritisieren"), ("reported", "kritisieren")]
