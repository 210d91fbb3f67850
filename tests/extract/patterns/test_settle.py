"""Tests of :mod:`quotegraph.extract.patterns.settle`: passes over everything found: fragments and
titles, continued quotes joined, nesting, outer frames, roles within lines (invented sentences,
rules only)."""

import pytest


# German


def test_scare_quote_alone_is_not_speech(run_de):
    assert run_de("Der „Kumpel“ aus Minsk reiste am Montag nach Moskau.").attributions == ()


def test_title_in_quotes_is_not_speech(run_de):
    text = "Die Band veröffentlichte am Freitag ein Album mit dem Titel „Neue Wege“."
    assert all("Neue Wege" not in a.quote.text for a in run_de(text).attributions)


@pytest.mark.parametrize("pointer", ["darin", "weiter", "zudem"])
def test_an_expletive_frame_pointing_back_keeps_the_last_reports_source(run_de, pointer):
    text = ("Der Fischereiverband forderte in einer Erklärung ein Fangverbot. "
            f"Die Bestände seien „dramatisch geschrumpft“, hieß es {pointer}.")
    last = run_de(text).attributions[-1]
    assert (last.quote.text.startswith("Die Bestände"), last.speaker and last.speaker.text) == (True, "Der Fischereiverband")


def test_nested_quote_is_linked_to_its_parent(run_de):
    text = "Er fügte hinzu: „Ein Arbeiter hat mir gesagt: ‚Wir wollen arbeiten, aber nicht umsonst.‘ Das zählt.“"
    atts = run_de(text).attributions
    inner = next(a for a in atts if a.parent is not None)
    outer = next(a for a in atts if a.id == inner.parent)
    assert inner.quote.text.startswith("‚Wir wollen arbeiten")
    assert outer.quote.start < inner.quote.start < inner.quote.end < outer.quote.end


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


def test_the_innermost_relay_of_a_quote_with_no_speaker_becomes_its_speaker():
    # "Laut der Zeitung habe der Mann nach Angaben der Polizei verlangt, …": the man not found
    from quotegraph.extract.patterns.found import Found
    from quotegraph.extract.patterns.settle import relays_speak_alone

    alone = Found(quote=(60, 90), kind="indirect", cue=(50, 58, "verlangen"), mediator=(6, 17))
    chained = Found(quote=(60, 90), kind="indirect", mediator=(6, 17))
    chained.set_mediators(((30, 45), (6, 17)))
    named = Found(quote=(60, 90), kind="indirect", speaker=(20, 28), mediator=(6, 17))
    relays_speak_alone([alone, chained, named])
    assert (alone.speaker, alone.mediators) == ((6, 17), ())
    assert (chained.speaker, chained.mediators) == ((30, 45), ((6, 17),))
    assert (named.speaker, named.mediators) == ((20, 28), ((6, 17),))


def test_with_a_quoting_verb_the_object_speaks_and_the_subject_relays(run_de):
    text = "Die Zeitung zitiert einen Augenzeugen mit den Worten: „Der Mann ist einfach weitergegangen.“"
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.mediator.text) == ("einen Augenzeugen", "Die Zeitung")


def test_a_name_after_a_compound_title_noun_is_no_quote(run_de):
    # "Tageszeitung" ends in "Zeitung", a noun that introduces a name
    text = "Er sagte, in der Tageszeitung „Nordpost“ sei ein falscher Bericht erschienen."
    assert [a.quote.kind for a in run_de(text).attributions] == ["indirect"]


def test_what_a_speaker_calls_a_planned_thing_is_a_quote_not_its_title(run_de):
    # "Plan" may introduce a name ("der Plan „Nordlicht“"), but a lower-case quote after a cue's
    # object is what the speaker calls it
    (att,) = run_de("Der Fraktionschef Jonas Brandt nannte den Plan „kurzsichtig“.").attributions
    assert (att.quote.text, att.speaker.entity, att.cue.lemma) == ("„kurzsichtig“", "Jonas Brandt", "nennen")
    # a capitalised name after the same noun stays a title
    text = "Die Ministerin stellte am Montag den Plan „Nordlicht“ vor."
    assert all("Nordlicht" not in a.quote.text or a.quote.kind != "direct" for a in run_de(text).attributions)


@pytest.mark.parametrize("text", [
    # a genitive of a noun that introduces a name, and a service or agency before it
    "Er sagte, im neuen Heft des Magazins „Kompass“ sei ein falscher Bericht erschienen.",
    "Er sagte, ein Bericht der Nachrichtenagentur „Nordpress“ sei falsch gewesen.",
    "Er sagte, beim Internetdienst „Flinkpost“ seien die Daten verloren gegangen.",
])
def test_a_name_after_a_genitive_or_a_service_noun_is_no_quote(run_de, text):
    assert [a.quote.kind for a in run_de(text).attributions] == ["indirect"]


def test_a_long_name_with_short_function_words_in_quotes_is_no_quote(run_de):
    # the sentence has a cue, so a quoted fragment in it would be taken as speech
    for name in ("„Confédération Européenne de Pétanque“", "„2. Deutscher Klimakongress der EnBW AG“"):
        text = f"Die Ministerin sprach am Montag beim {name} über die Lage."
        assert [a.quote.text for a in run_de(text).attributions if a.quote.text == name] == []
    # a quoted phrase with a verb stays speech
    text = "Die Ministerin sprach von einem „Krieg gegen die Natur in allen Teilen der Welt“."
    assert "„Krieg gegen die Natur in allen Teilen der Welt“" in [a.quote.text for a in run_de(text).attributions]


@pytest.mark.parametrize("name", ["„T4“", "„Kunstschau 9“", "„KX 40718“"])
def test_a_short_designation_with_a_number_in_quotes_is_no_quote(run_de, name):
    text = f"Die Sprecherin teilte mit, der Stern {name} sei größer als erwartet."
    assert [a.quote.text for a in run_de(text).attributions if a.quote.text == name] == []


def test_a_quoted_word_without_a_number_inside_a_report_stays_speech(run_de):
    text = "Die Sprecherin teilte mit, der Stern sei „gewaltig“ und größer als erwartet."
    assert "„gewaltig“" in [a.quote.text for a in run_de(text).attributions]


# English


def test_nested_quote_links_to_parent(run_en):
    text = "Tom Berg added: \"A worker told me, 'We want to work, but not for nothing.' That matters.\""
    atts = run_en(text).attributions
    outer = next(a for a in atts if a.parent is None)
    inner = next(a for a in atts if a.parent is not None)
    assert inner.parent == outer.id
    assert inner.quote.text.startswith("'We want to work")
    assert outer.speaker.entity == "Tom Berg"


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "deal" collapsed on Monday.',
        'He read "Ulysses" on the train.',
        "Nothing was said at the meeting on Monday.",
    ],
)
def test_scare_quotes_titles_and_plain_text_give_nothing(run_en, text):
    assert run_en(text).attributions == ()


def test_quote_continued_after_its_frame_is_one_content(run_en):
    text = '"Coal is not the villain," he said. "The villain is excess carbon in the air."'
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith('"Coal is not')
    assert att.quote.text.endswith('carbon in the air."')
    assert att.cue.text == "said"


@pytest.mark.parametrize("text", [
    '"The dam will hold," the engineer said.\n\n"We checked every inch of it last spring."',
    'The engineer said: "The dam will hold."\n\n"We checked every inch of it last spring."',
])
def test_a_frameless_quote_opening_the_next_paragraph_continues_the_quote(run_en, text):
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith('"The dam') and att.quote.text.endswith('last spring."')
    assert (att.speaker.text, att.cue.text) == ("the engineer" if text[0] == '"' else "The engineer", "said")


def test_a_quote_after_a_paragraph_of_other_words_is_not_joined(run_en):
    text = ('"The dam will hold," the engineer said.\n\nThe river rose all week.\n\n'
            '"We checked every inch of it last spring."')
    atts = run_en(text).attributions
    assert len(atts) == 2 and atts[0].quote.text == '"The dam will hold,"'


def test_quote_continued_after_a_frame_with_a_report_inside_is_one_content(run_en):
    # the frame holds a report of its own ("noting that …"): it stays, nested in the joined quote
    text = ('"We have come a long way in nine months," he said, noting that he had trailed by 50 points. '
            '"We will work as hard as we can."')
    joined, report = run_en(text).attributions
    assert joined.quote.kind == "direct" and joined.cue.text == "said"
    assert joined.quote.text.startswith('"We have come') and joined.quote.text.endswith('as we can."')
    assert (report.quote.kind, report.quote.text) == ("indirect", "that he had trailed by 50 points")
    # a quote the parser keeps in the frame's sentence, with the same cue, continues it too
    text = '"The state is falling apart," he said in 2012. "Clan conflicts are everywhere."'
    (att,) = run_en(text).attributions
    assert att.quote.text.endswith('everywhere."') and att.cue.text == "said"


def test_fragment_inside_reported_speech_is_part_of_its_content(run_en):
    text = 'She said that the plan was "a complete disaster" for the town.'
    (att,) = run_en(text).attributions
    assert "a complete disaster" in att.quote.text
    assert att.speaker.text == "She"


def test_fragment_closing_the_report_is_part_of_it(run_en):
    text = 'Lynch said there remains a "significant difference in private practice and government."'
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("there remains a")


def test_a_speaker_never_runs_over_a_line_break(run_en):
    # live blogs put a time stamp on the line before the report: the parser's subject phrase
    # runs over the break, the speaker is the line nearest the cue
    (att,) = run_en("2:00 p.m.\n\nBernie Sanders said taxes would rise for the richest families.\n").attributions
    assert att.speaker.text == "Bernie Sanders"


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ('The law, which the senator called "a total disgrace," passed on Monday.', '"a total disgrace,"',
         "the senator"),
        ("The tax bill -- which the company's founder, Ann Ruiz, called ''pure political theater'' -- stands.",
         "''pure political theater''", "Ann Ruiz"),
    ],
)
def test_a_naming_verb_with_its_own_speaker_quotes_speech(run_en, text, quote, speaker):
    # "called" usually introduces a name ("a program called …"); with a subject or a relative
    # pronoun before it, it is someone's speech act
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.quote.kind, att.cue.lemma) == (quote, "direct", "call")
    assert speaker in att.speaker.text


def test_a_naming_verb_without_a_speaker_still_introduces_a_name(run_en):
    assert run_en('The city joined a program called "safe streets for all" last year.').attributions == ()


def test_a_quoted_title_inside_the_frame_does_not_stop_the_continued_quote(run_en):
    text = ('"The plan is dead. Nobody wants it," Ann Ruiz said on Channel Four\'s "Talk of the Town." '
            '"I mean, there is no money left for any of it."')
    atts = run_en(text).attributions
    joined = next(a for a in atts if a.quote.text.startswith('"The plan'))
    assert joined.quote.text.endswith('for any of it."') and joined.speaker.entity == "Ann Ruiz"
    # the title is part of the joined content, not a quote of its own
    assert all(a.quote.text != '"Talk of the Town."' for a in atts)


def test_a_quote_continuing_a_report_framed_after_it_joins_that_report(run_en):
    text = ('The council may wait until spring, Ann Ruiz said. "The other question is whether the money '
            'will be there at all when the work begins."')
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("The council") and att.quote.text.endswith('begins."')
    assert att.quote.kind == "mixed"  # the paraphrase, then the words themselves
    assert (att.speaker.entity, att.cue.text) == ("Ann Ruiz", "said")


@pytest.mark.parametrize("subject, speaker", [
    # the quote's own sentence names who holds it: its subject, not the speaker before
    ("Der Landrat Peter Kühn", "Der Landrat Peter Kühn"),
    # a subject that names no one leaves the quote to the speaker before
    ("Die Studie", "die Bürgermeisterin Anna Roth"),
])
def test_a_frameless_quote_takes_its_own_sentences_subject_when_that_names_someone(run_de, subject, speaker):
    text = (f"„Wir bleiben hier“, sagte die Bürgermeisterin Anna Roth am Montag. {subject} kam am Abend zu dem "
            "Ergebnis, „dass das Haus nicht mehr sicher ist“.")
    atts = run_de(text).attributions
    assert [a.speaker.text for a in atts if a.quote.text.startswith("„dass")] == [speaker]


@pytest.mark.parametrize("question, statement", [
    ("Welche Vorschläge der Regierung sind nach Ansicht der Opposition verfassungswidrig?",
     "Die Vorschläge der Regierung sind nach Ansicht der Opposition verfassungswidrig."),
    ("Sind die Vorschläge laut den Experten verfassungswidrig?",
     "Die Vorschläge sind laut den Experten verfassungswidrig."),
])
def test_a_german_question_in_the_writers_words_reports_nothing(run_de, question, statement):
    assert run_de(question).attributions == ()
    assert [a.quote.kind for a in run_de(statement).attributions] == ["indirect"]


@pytest.mark.parametrize("text, content", [
    # the report's content stopped at the sentence's end inside the quote that goes on
    ('Baker said the levy "is a question of money in this town. It is not a question of will."',
     'the levy "is a question of money in this town. It is not a question of will."'),
    ("Ruiz says the mayor “knows full well that the clinic is licensed, regardless of the budget. "
     "Still, rather than focus on patients, she goes after the nurses.”",
     "the mayor “knows full well that the clinic is licensed, regardless of the budget. "
     "Still, rather than focus on patients, she goes after the nurses.”"),
])
def test_a_report_cut_inside_its_quote_runs_to_the_quotes_end(run_en, text, content):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.quote.kind) == (content, "mixed")


@pytest.mark.parametrize("text, content", [
    ("The senator cautioned “let’s not get ahead of ourselves,” and left the room.", "“let’s not get ahead of ourselves,”"),
    ("Rivera told reporters “the matter is now concluded.”", "“the matter is now concluded.”"),
])
def test_a_report_of_the_quotes_own_words_is_one_attribution(run_en, text, content):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.quote.kind) == (content, "direct")


@pytest.mark.parametrize("text", [
    # short joining words inside a capitalised title
    'The mayor told "Mornings on the Bay" that the port would reopen in May.',
    # a title between doubled apostrophes, its comma inside them
    "Ms. Ruiz said on ''Harbor Politics Tonight,'' that the levy was fair.",
])
def test_a_shows_title_in_quotation_marks_is_no_quote(run_en, text):
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("that the")


def test_german_words_between_capitalised_nouns_are_no_title(run_de):
    # German capitalises nouns: „Mut zur Lücke“ may be the words of a speaker
    text = "Die Ministerin forderte „Mut zur Lücke“ von den Schulen."
    assert any(a.quote.text == "„Mut zur Lücke“" for a in run_de(text).attributions)


def test_quoted_fragments_joined_by_a_conjunction_are_one_content(run_en):
    text = "In 2015 he infamously referred to the farmers as “criminals” and “thieves” while calling for a new levy."
    quoted = [a.quote.text for a in run_en(text).attributions if a.quote.kind == "direct"]
    assert quoted == ["“criminals” and “thieves”"]


def test_an_english_frameless_quote_away_from_a_frame_names_no_speaker(run_en):
    # not right after the engineer's quote: the words between may be anyone's
    text = ('"The dam will hold," the engineer said on Monday. The river rose all week after that.\n\n'
            '"We checked every inch of it last spring."')
    atts = run_en(text).attributions
    assert [(a.quote.text, a.speaker.text if a.speaker else None) for a in atts if a.quote.kind == "direct"] == [
        ('"The dam will hold,"', "the engineer"), ('"We checked every inch of it last spring."', None)]


def test_a_quote_right_after_the_frame_of_one_with_a_quote_inside_takes_its_speaker(run_en):
    # the inner quote (a report of its own) keeps the two apart; only Olsen's frame stands between them
    text = ('“People walk by and I always say, ‘Have a good day,’” Olsen explained. “Most of them smile back.”\n\n'
            'The river rose all week.')
    atts = [a for a in run_en(text).attributions if a.quote.text.startswith('“Most')]
    assert [a.speaker.text if a.speaker else None for a in atts] == ["Olsen"]
