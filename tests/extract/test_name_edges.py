"""Where a name begins and ends: quotation marks the recogniser ran a name into are cut off, a
given name it left out before a person's surname joins the name, and a paper's title in marks
after its article is the paper's name, and one spoken to an outlet;
people named by what they do are persons (invented names and sentences)."""

import pytest
import spacy
from spacy.tokens import Doc

from quotegraph.extract.entity_bounds import complete_person_names, trim_quotation_marks
from quotegraph.extract.lexicon import load_lexicon


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_closing_mark_is_cut_off_a_name():
    doc = Doc(spacy.blank("de").vocab, words=["Die", "Zeitung", "„", "Die", "Glocke", "“", "berichtet"],
              ents=["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"])
    assert trim_quotation_marks(doc)
    assert _ents(doc) == [("Die Glocke", "MISC")]


def test_what_is_left_without_a_capital_is_no_name():
    # 'the "' before a quoted phrase: "the" alone names nothing
    doc = Doc(spacy.blank("en").vocab, words=["saying", "the", '"', "Lakeside", "values", '"'],
              ents=["O", "B-ORG", "I-ORG", "O", "O", "O"])
    assert trim_quotation_marks(doc)
    assert doc.ents == ()


def test_names_without_marks_are_left_as_they_are():
    doc = Doc(spacy.blank("de").vocab, words=["sagte", "Lena", "Brandt", "„", "heute", "“"],
              ents=["O", "B-PER", "I-PER", "O", "O", "O"])
    assert not trim_quotation_marks(doc)
    assert _ents(doc) == [("Lena Brandt", "PER")]


def _person_after(word: str) -> Doc:
    return Doc(spacy.blank("de").vocab, words=["Sozialministerin", word, "Wendler", "sagte"],
               pos=["NOUN", "PROPN", "PROPN", "VERB"], heads=[3, 0, 1, 3],
               deps=["nsubj", "appos", "flat:name", "ROOT"], ents=["O", "O", "B-PER", "O"])


def test_a_given_name_before_a_surname_joins_the_name():
    doc = _person_after("Katrin")
    assert complete_person_names(doc, load_lexicon("de"))
    assert _ents(doc) == [("Katrin Wendler", "PER")]


def test_a_word_before_a_surname_that_is_no_given_name_stays_out():
    doc = _person_after("Kreis")
    assert not complete_person_names(doc, load_lexicon("de"))
    assert _ents(doc) == [("Wendler", "PER")]


def test_a_title_refers_back_to_the_whole_name(run_de):
    text = ("Sozialministerin Katrin Wendler sagte, das sei gut. "
            "Die Ministerin betonte, das Gesetz werde noch in diesem Jahr verabschiedet.")
    first, second = run_de(text).attributions
    assert first.speaker.entity == second.speaker.entity == "Katrin Wendler"


def test_a_paper_named_in_marks_has_no_mark_in_its_name(run_de):
    (att,) = run_de("Die Zeitung „Die Glocke“ berichtet, das Geld sei schlicht nicht da.").attributions
    assert (att.speaker.entity, att.speaker.type) == ("Glocke", "media")


def test_a_title_in_marks_after_its_article_is_the_papers_name(run_de):
    text = "Die „Abendpost“ zitiert einen Beamten mit den Worten: „Das Geld ist schlicht nicht da.“"
    (att,) = run_de(text).attributions
    assert (att.mediator.entity, att.mediator.type) == ("Abendpost", "media")


@pytest.mark.parametrize("addressee, name", [
    ("im Gespräch mit der „Seeburger Post“", "Seeburger Post"),
    ("gegenüber dem „Hafenkurier“", "Hafenkurier"),
])
def test_a_title_in_marks_one_speaks_to_is_an_outlet(run_de, addressee, name):
    (att,) = run_de(f"Ulrich Heiden sagte {addressee}, das sei ein Armutszeugnis.").attributions
    assert (att.addressee.entity, att.addressee.type) == (name, "media")


@pytest.mark.parametrize("text, speaker", [
    ("„Wir wollen arbeiten, nicht streiken“, sagte ein Hafenarbeiter.", "ein Hafenarbeiter"),
    ("Die Beschäftigten verlangten, die Löhne müssten steigen.", "Die Beschäftigten"),
    ("Der Konzern will 400 Stellen streichen. Das bestätigte ein Unternehmenssprecher am Dienstag.",
     "ein Unternehmenssprecher"),
])
def test_people_named_by_what_they_do_are_persons_with_no_entity(run_de, text, speaker):
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == (speaker, None, "person")


def test_english_people_named_by_what_they_do_are_persons(run_en):
    (att,) = run_en("Several investors said the merger would fail.").attributions
    assert (att.speaker.text, att.speaker.entity, att.speaker.type) == ("Several investors", None, "person")


def test_a_title_in_marks_is_the_name_where_the_phrase_ends_before_its_closing_mark(run_de):
    (att,) = run_de("Zuvor hatte das „Hafen Magazin“ darüber berichtet.").attributions
    assert (att.speaker.entity, att.speaker.type) == ("Hafen Magazin", "media")


def test_an_addressee_with_no_name_has_the_type_its_noun_gives(run_en, run_de):
    (att,) = run_en('"This is a sad day," Karen Whitfield told reporters after the vote.').attributions
    assert (att.addressee.text, att.addressee.entity, att.addressee.type) == ("reporters", None, "person")
    (att,) = run_de("Ulrich Heiden sagte dem Sender, das sei ein Armutszeugnis.").attributions
    assert (att.addressee.text, att.addressee.entity, att.addressee.type) == ("dem Sender", None, "media")


@pytest.mark.parametrize("text, speaker", [
    ("Ulrich Heiden sagte der „Abendpost“, das sei ein Armutszeugnis.", "Ulrich Heiden"),
    ("Das sei ein Armutszeugnis, sagte Ulrich Heiden der „Abendpost“.", "Ulrich Heiden"),
])
def test_a_title_in_marks_after_a_dative_article_by_the_cue_is_the_outlet_spoken_to(run_de, text, speaker):
    # the parser hangs the title on the clause after it or on the speaker: it is neither a
    # quote nor part of the speaker
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.addressee.text, att.addressee.type) == (speaker, "der „Abendpost“", "media")


def test_a_body_one_gives_an_interview_is_an_outlet(run_en):
    text = "In an interview with the BBC, Foreign Minister Ana Lopez said the talks had failed."
    (att,) = run_en(text).attributions
    assert (att.addressee.entity, att.addressee.type) == ("BBC", "media")
