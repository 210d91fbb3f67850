"""A relative pronoun as speaker stands for the phrase it hangs on: someone the article brings
in, a name and its apposition, a body's noun (:mod:`quotegraph.extract.coref`; invented names)."""


def test_relative_pronoun_speaker_resolves_to_its_noun(run_en):
    # an economist the article brings in, no one named: no node called "economist" (as "an
    # economist argues" has none), but a person
    text = "There is an economist who argues that corporate taxes should be very low."
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == ("who", None, "person")


def test_a_relative_pronoun_after_a_name_and_its_apposition_stands_for_the_name(run_en):
    # "who" hangs on the apposition, which describes the person named before it
    person = run_en("Mayor Lena Osgood met Ada Voss, a historian at Kent University who said the harbor would thrive again.")
    assert [(a.speaker.text, a.speaker.entity, a.speaker.type) for a in person.attributions] == [
        ("who", "Ada Voss", "person")]
    # "that" of a body's noun: the body named before it
    body = run_en("The plan was criticised by Waldport Watch, a group that said the ferries were too expensive.")
    assert {(a.speaker.text, a.speaker.entity, a.speaker.type) for a in body.attributions if a.cue.text == "said"} == {
        ("that", "Waldport Watch", "organization")}


def test_a_relative_pronoun_of_someone_newly_introduced_is_no_one_named_before(run_en):
    # not the mayor in focus: "a union official" brings in someone new, whom "who" stands for
    result = run_en("Mayor Lena Osgood met a union official, who said the workers had not been consulted.")
    assert [(a.speaker.text, a.speaker.entity, a.speaker.type) for a in result.attributions] == [("who", None, "person")]
