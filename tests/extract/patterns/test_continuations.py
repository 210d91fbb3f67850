"""Tests of :mod:`quotegraph.extract.patterns.continuations`: free indirect speech: a sentence in
Konjunktiv I continues the report before it (invented sentences, rules only)."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("Clara Hartmann sagte, die Regierung werde die Verhandlungen fortsetzen. "
     "Eine Einigung sei noch in diesem Jahr möglich.", "Eine Einigung sei noch in diesem Jahr möglich.", "Clara Hartmann"),
    # a plan with "soll" right after a report, consecutive ones one quote
    ("Die Firma Tesla teilte mit, sie werde in Europa Autos verkaufen. Das Werk soll 2009 in Betrieb gehen. "
     "Dort sollen 2.000 Menschen arbeiten.", "Das Werk soll 2009 in Betrieb gehen. Dort sollen 2.000 Menschen arbeiten.",
     "Tesla"),
    # a Konjunktiv I the small lemmatizer read as a weak preterite ("richte" → "richen")
    ("Anna Krolle sagte, die Firma sei kein Mitglied mehr. Ein Drittel der Aufträge richte sich an Kunden in Bremen.",
     "Ein Drittel der Aufträge richte sich an Kunden in Bremen.", "Anna Krolle"),
    # a full verb's plural Konjunktiv II with umlaut stands for a Konjunktiv I that looks indicative
    ("Anna Krolle sagte, die Firma sei kein Mitglied mehr. Die Angestellten bekämen keinen Lohn mehr.",
     "Die Angestellten bekämen keinen Lohn mehr.", "Anna Krolle"),
    # a Konjunktiv I the tagger took for an adjective after a pronoun ("Es gebe[ADJA] …")
    ("Anna Krolle sagte, die Firma sei kein Mitglied mehr. Es gebe Kunden, die nicht zahlen.",
     "Es gebe Kunden, die nicht zahlen.", "Anna Krolle"),
    # a finite verb's tag is enough where the part of speech says adjective ("ruhe": ADJ, VVFIN)
    ("Anna Krolle wies darauf hin, dass die Firma Mitglied sei. "
     "Jedoch ruhe die Mitgliedschaft der Firma gegenwärtig wegen eines anderen Skandals.",
     "Jedoch ruhe die Mitgliedschaft der Firma gegenwärtig wegen eines anderen Skandals.", "Anna Krolle"),
    # a cue in the infinitive or a participle that reported nothing leaves the mood to the report before
    ("Der Minister Otto Brandt sagte vor der Presse, die Regierung sehe mit Sorge nach Norden. "
     "Man habe den Botschafter einbestellt, um zu protestieren.",
     "Man habe den Botschafter einbestellt, um zu protestieren.", "Otto Brandt"),
    ("Die Anwältin Petra Lindqvist sagte, dass der Mann in seiner eigenen Welt lebe. "
     "Diese Diagnose sei durch Untersuchungen in der Klinik bestätigt worden.",
     "Diese Diagnose sei durch Untersuchungen in der Klinik bestätigt worden.", "Petra Lindqvist"),
    # a reporting verb whose subject is no one reports no speech act of its own
    ("Die Reform werde den Unterricht verbessern, sagte Hartmann am Mittwoch. Kein Lehrer müsse um seine Stelle fürchten.",
     "Kein Lehrer müsse um seine Stelle fürchten.", "Hartmann"),
])
def test_a_sentence_without_cue_continues_the_report_before_it(run_de, text, content, speaker):
    atts = run_de(text).attributions
    assert [a.quote.kind for a in atts] == ["indirect", "free_indirect"]
    assert (atts[1].quote.text, atts[1].cue, atts[1].speaker.entity) == (content, None, speaker)


def test_a_modal_wish_in_konjunktiv_ii_continues_no_report(run_de):
    atts = run_de("Anna Krolle sagte, die Firma sei kein Mitglied mehr. Die Kunden möchten weniger zahlen.").attributions
    assert [a.quote.kind for a in atts] == ["indirect"]


def test_a_plan_with_soll_and_no_report_before_it_is_no_quote(run_de):
    assert run_de("Der Streik begann am Montag. Die Busse sollen ab Mittwoch in den Depots bleiben.").attributions == ()


@pytest.mark.parametrize("text, act, content, speaker", [
    ("Die Opposition warnte scharf vor dem Entwurf der Regierung. Er sei unsozial und teuer.",
     "Die Opposition warnte scharf vor dem Entwurf der Regierung.", "Er sei unsozial und teuer.", "Die Opposition"),
    ("Die Gewerkschaft Verdi kündigte am Montag einen Streik an. Die Busse sollen ab Mittwoch in den Depots bleiben.",
     "Die Gewerkschaft Verdi kündigte am Montag einen Streik an.", "Die Busse sollen ab Mittwoch in den Depots bleiben.",
     "Die Gewerkschaft Verdi"),
])
def test_a_continuation_goes_on_with_a_speech_act(run_de, text, act, content, speaker):
    first, second = run_de(text).attributions
    assert (first.quote.kind, first.quote.text, first.speaker.text) == ("reported", act, speaker)
    assert (second.quote.kind, second.quote.text, second.speaker.text, second.cue) == ("free_indirect", content, speaker, None)


@pytest.mark.parametrize("text, speaker", [
    ("Die Forderungen Hofmanns wurden von Bundesverkehrsminister Karl Lindner als unrealistisch bezeichnet. "
     "Heutige Fahrzeuge seien oft gar nicht in der Lage, mit dem neuen Kraftstoff zu fahren.",
     "Bundesverkehrsminister Karl Lindner"),  # the agent, not its label "als …"
    ("Der Vorschlag wurde von Finanzminister Karl Hofmann scharf kritisiert. Er sei nicht bezahlbar.",
     "Finanzminister Karl Hofmann"),
])
def test_after_a_passive_reporting_verb_its_agent_is_the_one_whose_view_goes_on(run_de, text, speaker):
    (att,) = run_de(text).attributions
    assert att.quote.kind == "free_indirect" and att.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # no report before: the subject of the sentence before speaks when its head is a title or
    # an organisation noun, also a compound's last part
    ("Der Präsident ist krank. Die Wahlkommission sieht derzeit keine Gefahr für die Wahl. "
     "Mögliche Termine seien der 24. September und der 8. Oktober.", "Die Wahlkommission"),
    ("Der Präsident ist krank. Der Bürgermeister sieht derzeit keine Gefahr für die Stadt. "
     "Die Deiche seien hoch genug.", "Der Bürgermeister"),
    # ... or an institution's noun (``seat_nouns``), also a compound's last part
    ("Der Präsident ist krank. Die Wasserschutzpolizei sucht den Fahrer des Bootes. "
     "Der Mann sei etwa dreißig Jahre alt.", "Die Wasserschutzpolizei"),
])
def test_a_title_or_a_body_as_the_subject_before_is_the_one_whose_view_goes_on(run_de, text, speaker):
    (att,) = run_de(text).attributions
    assert att.quote.kind == "free_indirect" and att.speaker.text == speaker


def test_a_subject_the_parser_made_an_object_after_the_auxiliary_is_the_one_whose_view_goes_on(run_de):
    # "hat die Wahlkommission … verschoben": the parser read the body as the participle's object
    text = ("Der Präsident ist krank. Am Montag hat die Wahlkommission die Abstimmung verschoben. "
            "Mögliche Termine seien der 24. September und der 8. Oktober.")
    (att,) = run_de(text).attributions
    assert att.quote.kind == "free_indirect" and att.speaker.text == "die Wahlkommission"


def test_the_subject_before_is_read_where_the_parser_split_its_sentence(run_de):
    # the parser made "Berlins" a root of its own: the sentence's verb is the other root
    text = ("Das Gericht wies die Klage am Montag zurück. Eine Frist sei versäumt worden, so das Gericht. "
            "Die Stadt hätte früher handeln müssen. Der Antrag kam zu spät.\n\n"
            "Berlins Regierender Bürgermeister Klaus Brandt (SPD) bedauerte die Entscheidung des Gerichts. "
            "Anfang der neunziger Jahre seien offenbar juristische Fehler gemacht worden.")
    last = run_de(text).attributions[-1]
    assert last.quote.text.startswith("Anfang der neunziger Jahre") and last.speaker.entity == "Klaus Brandt"


def test_a_subject_that_names_no_one_who_speaks_is_no_speaker(run_de):
    text = "Der Präsident ist krank. Die Zahl der Toten steigt weiter an. Die Deiche seien hoch genug."
    assert all(a.speaker is None for a in run_de(text).attributions)


@pytest.mark.parametrize("last, kept", [
    # Konjunktiv II alone is also the mood of conditionals: with no speaker to go on, no quote
    ("Im äußersten Fall könnten alle drei Dienste gesperrt werden.", False),
    ("Im äußersten Fall könne der Dienst gesperrt werden.", True),
])
def test_konjunktiv_ii_alone_far_from_a_report_is_no_quote(run_de, last, kept):
    text = ("Clara Hartmann sagte, die Regierung werde die Verhandlungen fortsetzen. Das Treffen fand in Bonn statt. "
            "Die Straßen der Stadt waren am Abend voll. " + last)
    assert any(a.quote.text == last for a in run_de(text).attributions) == kept


def test_after_a_frameless_quote_the_speaker_it_inherits_goes_on(run_de):
    # the second quote has no frame: its speaker comes from the first when speakers are
    # inherited, after the patterns ran; the sentence in reported mood after it goes on with it
    text = ("Der Virologe Jan Berger sagte: „Wir müssen uns vorbereiten.“ Die Gefahr sei real. "
            "„Das Virus kann sich jederzeit verändern.“ Bei einer Pandemie sei mit vielen Toten zu rechnen.")
    atts = run_de(text).attributions
    last = atts[-1]
    assert (last.quote.text, last.speaker.text) == ("Bei einer Pandemie sei mit vielen Toten zu rechnen.", "Der Virologe Jan Berger")


def test_after_a_passive_reporting_verb_without_agent_the_document_it_names_goes_on(run_de):
    text = ("In einem Bericht des Senders Nordfunk werden die Sicherheitsvorkehrungen als extrem bezeichnet. "
            "Mehrere Tausend Beamte seien im Einsatz gewesen.")
    atts = [a for a in run_de(text).attributions if a.quote.kind == "free_indirect"]
    assert [a.speaker.text for a in atts] == ["einem Bericht des Senders Nordfunk"]


@pytest.mark.parametrize("text, holder", [
    ("Anna Krolle sagte, die Firma sei kein Mitglied mehr. "
     "Für den Historiker Lars Wendt sei der Austritt aus vielen Gründen verständlich.", "den Historiker Lars Wendt"),
    ("Anna Krolle sagte, die Firma sei kein Mitglied mehr. "
     "Für die Gewerkschaft sei der Austritt ein schwerer Fehler gewesen.", "die Gewerkschaft"),
])
def test_a_fronted_fuer_phrase_names_whose_view_a_sentence_in_reported_mood_gives(run_de, text, holder):
    atts = run_de(text).attributions
    last = atts[-1]
    assert (last.quote.text, last.speaker.text) == (text.split(". ", 1)[1], holder)


@pytest.mark.parametrize("text", [
    # a phrase naming no one who speaks: the report before goes on
    "Anna Krolle sagte, die Firma sei kein Mitglied mehr. Für die Kinder der Angestellten sei das ein Verlust.",
    # the indicative gives the writer's own view
    "Anna Krolle sagte, die Firma sei kein Mitglied mehr. Für den Historiker Lars Wendt ist der Austritt verständlich.",
])
def test_a_fuer_phrase_without_a_speaker_or_reported_mood_names_no_view(run_de, text):
    speakers = [a.speaker.text for a in run_de(text).attributions if a.speaker is not None]
    assert not any(word in s for s in speakers for word in ("Wendt", "Kinder"))


@pytest.mark.parametrize("before", ["", "Die Gewerkschaft warnte, die Pläne seien gefährlich. "])
def test_a_quoted_fragment_in_a_frame_of_its_own_is_the_report_the_next_sentence_goes_on_with(run_de, before):
    text = (before + "Der Verbandschef Olaf Brenner übte ebenfalls Kritik. Er nannte die Pläne „einen Rückschritt“. "
            "Bisher habe die Regierung eine solche Datei ausgeschlossen.")
    last = run_de(text).attributions[-1]
    assert (last.quote.text, last.speaker.text) == ("Bisher habe die Regierung eine solche Datei ausgeschlossen.", "Er")
