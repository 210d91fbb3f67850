"""Tests of :mod:`quotegraph.extract.patterns.direct`: quotes in quotation marks: short quotes in their
own frame, marks that are no quotation marks (invented sentences, rules only)."""

import pytest


# German


@pytest.mark.parametrize("text, quote", [
    ("„Niemals“, sagte Clara Hartmann.", "„Niemals“"),
    ("„Wir bleiben“, sagte Clara Hartmann am Montag.", "„Wir bleiben“"),
    ("Clara Hartmann sagte: „Wir bleiben“.", "„Wir bleiben“"),
])
def test_short_quote_in_its_own_frame_is_one_direct_quote(run_de, text, quote):
    atts = run_de(text).attributions
    assert [(a.quote.text, a.quote.kind, a.speaker.entity) for a in atts] == [(quote, "direct", "Clara Hartmann")]


def test_twin_and_single_apostrophes_set_off_names_not_speech_in_german(run_de):
    text = "Die Kampagne sei ''sehr erfolgreich'' gewesen, sagte Anton Weber."
    assert [(a.quote.kind, a.quote.text) for a in run_de(text).attributions] == [
        ("indirect", "Die Kampagne sei ''sehr erfolgreich'' gewesen")]


# English


def test_a_quote_whose_opening_mark_was_turned_the_wrong_way_is_found(run_en):
    # web editors turn the opening mark before an ellipsis into a closing one: ” … text,” he said
    text = "The president spoke on Monday.\n\n” … what I learned from these families is that words matter,” he said.\n"
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("” … what I learned")
    assert (att.speaker.text, att.cue.text) == ("he", "said")


def test_a_quoted_name_in_the_speakers_phrase_is_no_mixed_quote(run_de):
    # no verb before the frame, whose cue reports a clause of its own: the marks set off a name
    text = "Ein Sprecher der „Polizei von Jena“, Karl Brandt, sagte, das Flugzeug sei abgestürzt."
    assert [(a.quote.text, a.speaker.entity) for a in run_de(text).attributions] == [
        ("das Flugzeug sei abgestürzt", "Karl Brandt")]
    # a verbless quote framed by a cue with nothing after it stays the speaker's words
    text = "Ein „außerordentlicher Sieg“, so urteilte Karl Brandt über seinen Erfolg."
    assert [(a.quote.text, a.speaker.entity) for a in run_de(text).attributions] == [
        ("Ein „außerordentlicher Sieg“", "Karl Brandt")]


def test_a_name_in_quotation_marks_alone_is_no_quote(run_de):
    # the marks set off the name of the one addressed; the report is the sentence's only quote
    text = "Dem „Spiegel“ sagte Anna Weber, der Vertrag solle verlängert werden."
    assert [(a.quote.text, a.speaker.entity) for a in run_de(text).attributions] == [
        ("der Vertrag solle verlängert werden", "Anna Weber")]


def test_a_fragment_belongs_to_the_clause_it_stands_in(run_de):
    # after a quote, German inverts a frame („…“, sagte X): a name before the verb opens a clause
    # of its own, whose cue frames the fragment in it; the first fragment is the first speaker's
    text = ("Karl Brandt nannte seinen Platzverweis „überzogen“, Trainer Jan Kraus bezeichnete acht "
            "Gelbe Karten in einem Spiel als „übertrieben“.")
    fragments = {a.quote.text: a.speaker.entity for a in run_de(text).attributions if a.quote.text.startswith("„")}
    assert fragments == {"„überzogen“": "Karl Brandt", "„übertrieben“": "Jan Kraus"}
    text = "Anna Weber lobte den Plan, Jan Kraus nannte ihn „völlig verfehlt“."
    assert [(a.quote.text, a.speaker.entity) for a in run_de(text).attributions] == [("„völlig verfehlt“", "Jan Kraus")]
    # a cue in reported mood is the content of the report around it
    text = "Anna Weber sagte, der Plan sei „völlig verfehlt“."
    assert {a.speaker.entity for a in run_de(text).attributions} == {"Anna Weber"}


@pytest.mark.parametrize("text, quote, speaker", [
    ('"We will not teach that" in our schools, he said.', '"We will not teach that" in our schools', "he"),
    ("“We’re extremely happy” about the decision, said Mary Stone, the union’s director.",
     "“We’re extremely happy” about the decision", "Mary Stone"),
])
def test_words_after_the_closing_mark_run_on_to_the_frames_comma(run_en, text, quote, speaker):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.quote.kind, att.cue.text) == (quote, "mixed", "said")
    assert att.speaker.text.startswith(speaker)


def test_a_quote_with_its_frame_right_after_it_stays_direct(run_en):
    (att,) = run_en('"We are ready," he said.').attributions
    assert (att.quote.text, att.quote.kind) == ('"We are ready,"', "direct")


def test_a_fragment_takes_the_coordinated_reporting_verb_it_hangs_on(run_de):
    text = "Datenschützer äußerten grundsätzliche Bedenken an den Plänen und warfen der Regierung unter anderem „Wortbruch“ vor."
    (att,) = [a for a in run_de(text).attributions if a.quote.text == "„Wortbruch“"]
    assert (att.cue.lemma, att.speaker.text) == ("vorwerfen", "Datenschützer")


def test_the_clause_after_an_earlier_colon_frames_the_quote(run_de):
    text = ("Auch die Kommission kritisierte das Gesetz scharf: So sagte Olaf Reinhardt, Handelskommissar: "
            "„Man kann der Bevölkerung nicht ein Gesetz vorsetzen.“")
    (att,) = [a for a in run_de(text).attributions if a.quote.kind == "direct"]
    assert (att.cue.text, att.speaker.text) == ("sagte", "Olaf Reinhardt, Handelskommissar")


@pytest.mark.parametrize("text, speaker", [
    # the cue an infinitive of "lassen": its subject speaks
    ("„Der Fonds unterstützt das Land“, ließ ein Sprecher aus Washington wissen.", "ein Sprecher aus Washington"),
    # the cue coordinated after another verb: that verb's subject speaks
    ("Als ein Gast zu Hilfe eilte, biss der Randalierer den Gast und rief: „Lasst mich raus!“", "der Randalierer"),
])
def test_a_frame_verb_without_a_subject_of_its_own_takes_its_governors(run_de, text, speaker):
    (att,) = [a for a in run_de(text).attributions if a.quote.kind == "direct"]
    assert att.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“The bridge will hold,” Anna Berg retaliated.", "Anna Berg"),
    ("“Is the bridge safe?” reacted Anna Berg.", "Anna Berg"),
    ("“We checked it twice,” the engineer beamed.", "the engineer"),
])
def test_verbs_that_only_frame_a_quote_beside_it_name_its_speaker(run_en, text, speaker):
    assert [a.speaker.text if a.speaker else None for a in run_en(text).attributions] == [speaker]
