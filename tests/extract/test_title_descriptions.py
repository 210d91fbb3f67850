"""A German description made of a title or a compound ending in one ("die Wirtschaftsministerin",
"die SPD-Chefin") refers back to the person in focus of its gender, and to no one of the other;
a person's name set off at the end of a phrase is the one it describes; a paper in quotation
marks spoken to is an outlet, not a quote (invented sentences)."""

import pytest

INTRO = "Petra Lindqvist will die Förderung für Solaranlagen kürzen. "


@pytest.mark.parametrize("description", [
    "die Wirtschaftsministerin",  # a compound written together ending in "Ministerin"
    "die SPD-Chefin",  # after a hyphen
    "die SPD-Politikerin",
    "die Ministerin",  # the title itself, as before
])
def test_a_title_description_refers_back_to_the_person_in_focus(run_de, description):
    (att,) = run_de(INTRO + f"Die Kürzung sei notwendig, sagte {description}.").attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == (description, "Petra Lindqvist", "person")


@pytest.mark.parametrize("description, name", [
    ("der Bundesinnenminister", "Bundesinnenminister"),
    ("der Bürgermeister", "Bürgermeister"),
])
def test_a_masculine_title_is_not_the_woman_in_focus(run_de, description, name):
    # someone else, known by the description alone: a person with no name of their own
    (att,) = run_de(INTRO + f"Die Kürzung sei notwendig, sagte {description}.").attributions
    assert att.speaker.entity == name
    assert (att.speaker.type, att.speaker.named) == ("person", False)


def test_a_form_of_address_in_a_compound_is_no_title(run_de):
    # "Ehefrau" ends in "Frau" but names no office: it stays a description, not Petra Lindqvist
    (att,) = run_de(INTRO + "Die Kürzung sei notwendig, sagte die Ehefrau.").attributions
    assert att.speaker.entity != "Petra Lindqvist"


def test_a_name_set_off_after_a_place_phrase_is_the_speaker(run_de):
    text = ("Der Gipfel endete am Freitag ohne Einigung. Auch die Delegationsleiterin beim Klimagipfel, "
            "Ana Lindqvist, äußerte sich enttäuscht: „Wir hatten mehr erwartet.“")
    (att,) = run_de(text).attributions
    assert att.speaker.text == "die Delegationsleiterin beim Klimagipfel, Ana Lindqvist"
    assert (att.speaker.entity, att.speaker.type) == ("Ana Lindqvist", "person")


def test_a_place_after_a_comma_is_no_name_of_the_phrase(run_en):
    # "in Dayton, Ohio" names where, not who: the phrase is cut before it as before
    text = "The mayor in Dayton, Ohio said the bridge would close."
    for att in run_en(text).attributions:
        assert att.speaker is None or att.speaker.entity not in ("Ohio", "Dayton, Ohio")


def test_a_party_politician_is_the_minister_in_focus(run_de):
    # "SPD-Politiker" (which the recogniser may call an organisation) is a role any office
    # holder fits: it refers back to the minister named before
    text = ("Im Streit um die Rente hat Arbeitsminister Jonas Brandt die Opposition scharf kritisiert. "
            "„Wer die Rente kürzen will, soll es sagen“, sagte der SPD-Politiker am Sonntag.")
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == ("der SPD-Politiker", "Jonas Brandt", "person")


@pytest.mark.parametrize("speaker", [
    "Petra Lindqvist",
    # a title before the name: the parser hangs the paper on the title, but a "der" phrase
    # right after a name is no genitive
    "die Ministerin Petra Lindqvist",
])
def test_a_paper_in_quotation_marks_as_addressee_is_an_outlet_not_a_quote(run_de, speaker):
    text = f"„Wir bleiben bei unserem Plan“, sagte {speaker} der „Post am Abend“."
    atts = run_de(text).attributions
    assert [a.quote.text for a in atts] == ["„Wir bleiben bei unserem Plan“"]
    assert (atts[0].speaker.text, atts[0].addressee.entity, atts[0].addressee.type) == (speaker, "Post am Abend", "media")
