"""Tests of :mod:`quotegraph.extract.patterns.sources`: claims with a prepositional source (laut X …,
Demnach …) and relative sources (Berichte, wonach …) (invented sentences, rules only)."""

import pytest


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


def test_a_source_inside_the_claim_keeps_its_owner_in_the_genitive_plural(run_de):
    # the genitive plural takes no article: the adjective after the source noun opens the owner
    text = "Bei dem Unfall wurden laut Angaben kanadischer Medien drei Menschen verletzt."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Angaben kanadischer Medien"
    assert [text[a:b] for a, b in att.quote.gaps] == ["laut Angaben kanadischer Medien"]


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


def test_demnach_is_the_speaker_mention_and_stands_for_the_source_before(run_de):
    text = "Die Polizei teilte am Montag mit, der Täter sei geflohen. Demnach soll er in der Nacht ein Auto gestohlen haben."
    first, second = run_de(text).attributions
    assert second.speaker.text == "Demnach"
    assert second.speaker.entity == first.speaker.entity is not None


def test_wonach_after_a_noun_opens_the_content_of_that_source(run_de):
    text = "Der Sender zitierte eine Studie, wonach jeder dritte Schüler betroffen ist."
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.text) == ("jeder dritte Schüler betroffen ist", "eine Studie", "wonach")


@pytest.mark.parametrize("text, claim, entity", [
    ("Der Verband verwies auf Studien der Berliner Charité, nach denen Homöopathie oft wirksam sei.",
     "Homöopathie oft wirksam sei", "Charité"),
    ("Die Maßnahme folgt Umfragen des Instituts Allensbach, nach denen die Bürger die Verfassung ablehnen.",
     "die Bürger die Verfassung ablehnen", "Allensbach"),
])
def test_a_relative_pronoun_after_a_source_preposition_speaks_for_the_noun_before_it(run_de, text, claim, entity):
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.text, att.speaker.entity) == (claim, "denen", "nach", entity)


def test_a_relative_pronoun_stands_for_the_noun_it_agrees_with_not_its_attribute(run_de):
    text = "Die Maßnahme folgt den Meinungsumfragen im Land, nach denen 72 Prozent der Bürger die Verfassung ablehnen."
    (att,) = run_de(text).attributions
    assert att.quote.text == "72 Prozent der Bürger die Verfassung ablehnen"
    assert att.speaker.entity is None  # the surveys, named by no name: not "Land"


@pytest.mark.parametrize("text, claim", [
    # a past participle's phrase after the source describes it ("the survey, taken …")
    ("Rivera leads Stone among men by 8 percentage points, in the survey, taken July 11-14.",
     "Rivera leads Stone among men by 8 percentage points"),
    # a present participle goes on with the claim's sentence
    ("Prices rose by 8 percent, according to the ministry, prompting protests in the capital.",
     "Prices rose by 8 percent, according to the ministry, prompting protests in the capital"),
])
def test_words_after_an_english_source_that_describe_it_are_no_part_of_the_claim(run_en, text, claim):
    (att,) = run_en(text).attributions
    assert att.quote.text == claim


@pytest.mark.parametrize("text, claim, cue", [
    # a report inside the source's own phrase leaves the claim to the source
    ("The council decided to delay the vote, according to an aide who requested anonymity to speak freely.",
     "The council decided to delay the vote", "request"),
    ("Two candidates would defeat the mayor, according to a new poll that shows most voters want a change.",
     "Two candidates would defeat the mayor", "show"),
])
def test_a_report_inside_the_source_phrase_leaves_the_claim_to_the_source(run_en, text, claim, cue):
    atts = run_en(text).attributions
    assert [a.quote.text for a in atts if a.pattern == "source"] == [claim]
    assert any(a.cue.lemma == cue for a in atts)


def test_a_report_the_source_relays_is_no_claim_of_its_own(run_en):
    (att,) = run_en("The minister said that the border would stay closed, according to Reuters.").attributions
    assert (att.pattern, att.mediator.text) == ("cue_first", "Reuters")
