"""English attribution end to end on en_core_web_sm: quotes, speakers, cues, relays."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '"We will not back down," union leader Mary Stone said on Monday.',
            [('"We will not back down,"', "Mary Stone", "say", "direct", None)],
        ),
        (
            "''We will not back down,'' union leader Mary Stone said on Monday.",
            [("''We will not back down,''", "Mary Stone", "say", "direct", None)],
        ),
        (
            'Mary Stone said: "We will not back down."',
            [('"We will not back down."', "Mary Stone", "say", "direct", None)],
        ),
        (
            "Mary Stone said that the strike would go on until Friday.",
            [("that the strike would go on until Friday", "Mary Stone", "say", "indirect", None)],
        ),
        (
            "The strike will go on until Friday, Mary Stone told reporters.",
            [("The strike will go on until Friday", "Mary Stone", "tell", "indirect", None)],
        ),
        (
            "According to the Daily Planet, the strike will go on until Friday.",
            [("the strike will go on until Friday", "Daily Planet", "according to", "indirect", None)],
        ),
    ],
)
def test_patterns(run_en, summary_of, text, expected):
    got = summary_of(run_en(text))
    assert got == expected


def test_relay_keeps_speaker_and_mediator(run_en):
    text = '"I expect a deal by Friday," Mayor Tom Berg said, according to the Daily Planet.'
    (att,) = run_en(text).attributions
    assert att.speaker.entity == "Tom Berg"
    assert att.mediator.entity == "Daily Planet"
    assert att.mediator.type == "media"


def test_pronoun_speaker_resolves_to_person_named_before(run_en):
    text = 'Mary Stone spoke outside the gate. "We will not back down," she said.'
    (att,) = run_en(text).attributions
    assert att.speaker.text == "she"
    assert att.speaker.entity == "Mary Stone"


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


def test_offsets_are_into_the_original_text(run_en):
    text = 'Intro line.\n\n"We will stay here and fight," said Mary Stone, according to the Daily Planet.'
    result = run_en(text)
    assert result.attributions
    for att in result.attributions:
        for span in (att.quote, att.speaker, att.cue, att.mediator):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_quote_continued_after_its_frame_is_one_content(run_en):
    text = '"Coal is not the villain," he said. "The villain is excess carbon in the air."'
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith('"Coal is not')
    assert att.quote.text.endswith('carbon in the air."')
    assert att.cue.text == "said"


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


def test_quote_in_the_next_paragraph_stays_apart(run_en):
    text = '"Coal is not the villain," he said.\n\n"The villain is excess carbon in the air."'
    atts = run_en(text).attributions
    assert [a.quote.text for a in atts] == ['"Coal is not the villain,"', '"The villain is excess carbon in the air."']


def test_fragment_inside_reported_speech_is_part_of_its_content(run_en):
    text = 'She said that the plan was "a complete disaster" for the town.'
    (att,) = run_en(text).attributions
    assert "a complete disaster" in att.quote.text
    assert att.speaker.text == "She"


def test_report_between_two_quotes_is_found(run_en):
    # the next paragraph opens with “, which is not a closing mark continuing this sentence
    text = ("“I think he won tonight,” Matthews said.\n\nMatthews said the debate should help the campaign.\n\n"
            "“I thought he was very effective at securing the right flank of the party. And I think that may be "
            "important in the numbers in the next couple of days,” he said.")
    atts = run_en(text).attributions
    assert [a.quote.text for a in atts if a.quote.kind == "indirect"] == ["the debate should help the campaign"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a participle cue is said by the subject of the verb it hangs on
        ("Clinton spoke on Tuesday about the shooting, saying that the police must release the videos.", "Clinton"),
        # a relative pronoun stands for its noun (as PolNeAR marks it)
        ("The mayor, who said that the curfew would stay in place, left early.", "who"),
    ],
)
def test_speaker_of_participle_and_relative_clause(run_en, text, speaker):
    atts = [a for a in run_en(text).attributions if a.quote.kind == "indirect"]
    assert atts and atts[0].speaker.text == speaker


def test_time_after_the_cue_is_not_the_speaker(run_en):
    text = ("“He's absolutely right. There's a severe disconnect between this White House and our military,” "
            "Flynn, a top Trump surrogate, said Thursday morning on Fox News.")
    (att,) = run_en(text).attributions
    assert att.speaker.text.startswith("Flynn")


def test_called_for_reports_its_object(run_en):
    text = "The senator called for a moratorium on new charter schools."
    (att,) = run_en(text).attributions
    assert att.quote.text == "a moratorium on new charter schools"
    assert att.speaker.text == "The senator"


@pytest.mark.parametrize(
    "text, content, source",
    [
        ("According to conservative radio host Rush Limbaugh, the move reeks of fear.",
         "the move reeks of fear", "conservative radio host Rush Limbaugh"),
        ("About ten million single mothers live in the country, according to federal statistics.",
         "About ten million single mothers live in the country", "federal statistics"),
    ],
)
def test_according_to_a_source_opening_with_an_adjective(run_en, text, content, source):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, source)


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


def test_participle_cue_is_a_report_of_the_same_speaker(run_en):
    text = ("Foreign policy analysts said geopolitical factors have contributed to elevating Burma's "
            "bipartisan appeal, citing the strategic importance of a nation that borders China.")
    atts = run_en(text).attributions
    assert [(a.cue.lemma, a.speaker.text) for a in atts] == [
        ("say", "Foreign policy analysts"), ("cite", "Foreign policy analysts")]
    assert atts[0].quote.text.endswith("bipartisan appeal")


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


def test_fragment_closing_the_report_is_part_of_it(run_en):
    text = 'Lynch said there remains a "significant difference in private practice and government."'
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("there remains a")


@pytest.mark.parametrize("text, content", [
    ('Trump called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."',
     'the senator a "nasty guy," an "anchor baby," "unstable" and "sick'),
    ("The governor criticized the health law as a “crazy system” on Monday.", "the health law as a “crazy system”"),
])
def test_object_with_its_complement_is_one_content(run_en, text, content):
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith(content)


def test_participle_after_a_preposition_takes_the_subject(run_en):
    text = "She started off by emphasizing that the country needs a new approach to policing."
    (att,) = run_en(text).attributions
    assert (att.cue.lemma, att.speaker.text) == ("emphasize", "She")


def test_passive_cue_with_its_agent(run_en):
    text = "Clinton has been endorsed by the Arizona Republic for the first time."
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.lemma) == ("Clinton", "the Arizona Republic", "endorse")


@pytest.mark.parametrize("text, content", [
    ("The union endorsed Hillary Clinton on Monday.", "Hillary Clinton"),
    ("Trump attacked Alicia Machado in a series of tweets.", "Alicia Machado"),
])
def test_a_person_object_is_content_unless_the_cue_takes_an_addressee(run_en, text, content):
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith(content)


def test_addressee_is_not_content(run_en):
    text = "The mayor told reporters that the curfew would stay in place."
    (att,) = run_en(text).attributions
    assert att.quote.text == "that the curfew would stay in place"


@pytest.mark.parametrize("text, speaker", [
    ("Politifact did a fact-check on Donald Trump’s claim that there have been thousands of shootings this year.",
     "Donald Trump"),
    ("Clinton is seizing upon a New York Times report that Trump had a net loss of more than $900 million.",
     "New York Times"),
])
def test_speech_noun_is_its_owners(run_en, text, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text in ("claim", "report"))
    assert att.speaker.text == speaker


def test_relative_pronoun_speaker_resolves_to_its_noun(run_en):
    text = "There are some economists who argue that corporate taxes should be very low."
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.speaker.entity) == ("who", "some economists")


def test_report_after_a_quote_in_the_same_sentence(run_en):
    text = '"The day that was abrogated was the day this became personal," he said, adding he would never vote for her.'
    atts = run_en(text).attributions
    assert [a.cue.lemma for a in atts] == ["say", "add"]
    assert atts[1].quote.text == "he would never vote for her"


def test_told_addressee_then_clause(run_en):
    text = "A caller told a dispatcher that a man was sitting in a car with a gun."
    (att,) = run_en(text).attributions
    assert att.quote.text == "that a man was sitting in a car with a gun"


def test_long_subject_after_the_content(run_en):
    text = ("Moves against the stations led to their removal from all but one of the Russian stations, "
            "a senior official with the board that oversees them said.")
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("Moves against the stations")
    assert "senior official" in att.speaker.text


def test_paragraph_ending_in_a_colon_frames_the_next_quote(run_en):
    text = "Talk radio host Rush Limbaugh said on his show:\n\n“The left is saying this is so bad that she has no choice.”"
    (att,) = run_en(text).attributions
    assert att.speaker.entity == "Rush Limbaugh"
    assert att.cue.lemma == "say"


def test_any_verb_before_a_colon_introduces_the_quote(run_en):
    text = "Limbaugh continued: “The person in this debate who cannot tell the truth is the moderator.”"
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.cue.text) == ("Limbaugh", "continued")


def test_colon_headline_names_its_source(run_en):
    text = "Harbor Mayor Ann Ruiz: The Bridge Will Be Rebuilt by Spring\n\nThe city council met on Tuesday."
    (att,) = run_en(text).attributions
    assert att.quote.text == "The Bridge Will Be Rebuilt by Spring"
    assert att.speaker.text == "Harbor Mayor Ann Ruiz"
    assert att.cue.text == ":"


@pytest.mark.parametrize(
    "text",
    [
        "Update: The bridge will be rebuilt by the spring.",
        "11:05 a.m.\n\nThe council met on Tuesday.",
        "Q: Will the bridge be rebuilt soon?",
    ],
)
def test_colon_labels_times_and_interview_letters_are_no_headline_source(run_en, text):
    assert all(a.cue is None or a.cue.text != ":" for a in run_en(text).attributions)


@pytest.mark.parametrize(
    "text, content, source",
    [
        ("The ferry had run on time since 2004, according to a count by the harbor authority.",
         "The ferry had run on time since 2004", "a count by the harbor authority"),
        ("The pilot had flown for the airline since 2004, according to his online profile.",
         "The pilot had flown for the airline since 2004", "his online profile"),
    ],
)
def test_according_to_keeps_the_whole_source_phrase(run_en, text, content, source):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, source)


def test_spoke_about_reports_its_object(run_en):
    text = "The governor spoke about her long ties to the rural counties."
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.lemma) == ("her long ties to the rural counties", "The governor", "speak")


def test_spoke_without_a_clause_frames_nothing_after_a_comma(run_en):
    text = "The mayor, who spoke on Monday, the strike is over."
    assert all(a.cue is None or a.cue.lemma != "speak" for a in run_en(text).attributions)


def test_coordinated_cue_starts_a_second_report_of_the_same_speaker(run_en):
    text = "The agency said the dam was safe for now and warned the town to prepare for floods."
    atts = run_en(text).attributions
    assert [(a.quote.text, a.speaker.text, a.cue.lemma) for a in atts] == [
        ("the dam was safe for now", "The agency", "say"),
        ("to prepare for floods", "The agency", "warn"),
    ]


def test_transcript_quoted_line_by_line_names_each_speaker(run_en):
    text = '"HOST: Will the mayor come to the hearing on Friday?\n\n"GUEST: She will not be at the hearing, I am told.'
    atts = run_en(text).attributions
    assert [(a.speaker.text, a.cue.text) for a in atts] == [("HOST", ":"), ("GUEST", ":")]
    assert atts[1].quote.text.startswith("She will not be at the hearing")


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
    ("Only two Democrats currently back the senator's legislation.", "the senator's legislation", "back",
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


def test_a_dash_and_a_name_closing_the_line_sign_the_quote(run_en):
    text = ("“We need better schools for every child in this city.”― Carla Weber.\n"
            "“The debate showed who he really is, an out of touch man.” — Tom A. Brook\n")
    assert [(a.quote.kind, a.speaker.text) for a in run_en(text).attributions] == [
        ("direct", "Carla Weber"), ("direct", "Tom A. Brook")]
    # a dash that opens an aside is no signature
    (att,) = run_en("“We will win this race in the end,” – the poll says otherwise.\n").attributions
    assert att.speaker is None or att.speaker.text != "the poll says otherwise"
    (att,) = run_en("“We will win this race in the end.” — Tom Brook, a voter in Ohio\n").attributions
    assert (att.speaker.text, att.cue.text) == ("Tom Brook", "—")


@pytest.mark.parametrize("text, speaker, cue", [
    ("“Is the plan dead?” Trump asked.", "Trump", "asked"),
    ("“We will never give up!” the senator shouted at the crowd.", "the senator", "shouted"),
    ("The hall went quiet. “Why would we stop now?” Mrs. Clinton said on Monday.", "Mrs. Clinton", "said"),
])
def test_a_question_or_exclamation_takes_the_frame_that_follows_with_its_subject_first(run_en, text, speaker, cue):
    # "“…?” Trump asked.": the quote's own punctuation ends it, yet the short sentence after it,
    # subject first, is its frame
    (att,) = run_en(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.text) == ("direct", speaker, cue)


def test_a_sentence_after_a_question_that_reports_its_own_clause_is_no_frame(run_en):
    atts = run_en("“Is it over?” Trump said the plan was dead.").attributions
    direct = next(a for a in atts if a.quote.kind == "direct")
    assert direct.speaker is None
    assert [(a.quote.text, a.speaker.text) for a in atts if a.quote.kind == "indirect"] == [("the plan was dead", "Trump")]


@pytest.mark.parametrize("text, speaker, cue", [
    ("“We stand by every word of our reporting,” the statement read.", "the statement", "read"),
    ("“And that is why we will win in November,” he continued.", "he", "continued"),
    ("“Is it over?” he continued.", "he", "continued"),
])
def test_a_verb_that_only_frames_a_quote_is_its_cue_right_after_it(run_en, text, speaker, cue):
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.cue.text) == (speaker, cue)


def test_a_frame_only_verb_reports_nothing_elsewhere(run_en):
    assert not run_en("Prices continued to rise after the senator read the bill to the committee.").attributions


def test_a_speaker_never_runs_over_a_line_break(run_en):
    # live blogs put a time stamp on the line before the report: the parser's subject phrase
    # runs over the break, the speaker is the line nearest the cue
    (att,) = run_en("2:00 p.m.\n\nBernie Sanders said taxes would rise for the richest families.\n").attributions
    assert att.speaker.text == "Bernie Sanders"


@pytest.mark.parametrize("text, content_start, speaker, cue", [
    ('Mills "got an immunity agreement," Jordan said.', "Mills", "Jordan", "said"),
    ('The answers to veteran suicides are "not meeting the demand," says Paul Rieckhoff.', "The answers",
     "Paul Rieckhoff", "says"),
    ('This is "roughly the same advantage she has held all month," reported the agency.', "This is", "the agency",
     "reported"),
])
def test_a_comma_inside_the_marks_sets_off_the_frame_of_a_mixed_quote(run_en, text, content_start, speaker, cue):
    # English keeps the frame's comma inside the marks: the words before the quote belong to the
    # content (a mixed quote), the bare frame after it names the speaker
    (att,) = run_en(text).attributions
    assert att.quote.kind == "mixed"
    assert att.quote.text.startswith(content_start)
    assert (att.speaker.text, att.cue.text) == (speaker, cue)


def test_a_clause_inside_the_next_quote_does_not_unmake_the_frame(run_en):
    # the parser may hang a clause of the following quote on the frame's verb
    text = ('Why did they grant immunity?\n\nMills "got an immunity agreement," Jordan said, and still "got to sit '
            'in on the interview when she was being interviewed by the FBI… It just raises a lot of questions."\n')
    mixed = next(a for a in run_en(text).attributions if a.quote.kind == "mixed")
    assert mixed.quote.text.startswith('Mills "got an immunity agreement')
    assert (mixed.speaker.text, mixed.cue.text) == ("Jordan", "said")


def test_a_comma_inside_the_marks_before_a_new_clause_sets_nothing_off(run_en):
    atts = run_en('He called the plan "a total disaster," and said he would vote against it.').attributions
    assert "mixed" not in [a.quote.kind for a in atts]
    assert ("he would vote against it", "He") in [(a.quote.text, a.speaker.text) for a in atts]


def test_a_quote_inside_a_clause_begun_before_it_is_part_of_the_report(run_en):
    # the comma before the second quote belongs to the that-clause, not to a frame: the whole
    # clause is Flynn's report, with both quotes inside it
    text = ("Michael Flynn said Donald Trump was “absolutely right” when he said on Wednesday that under "
            "President Obama, “the generals have been reduced to rubble.”")
    atts = run_en(text).attributions
    report = next(a for a in atts if a.speaker is not None and a.speaker.text == "Michael Flynn")
    assert report.quote.kind == "indirect"
    assert report.quote.text.startswith("Donald Trump was “absolutely right”")
    assert report.quote.text.endswith("reduced to rubble.”")  # the quote it opens, closed


@pytest.mark.parametrize("text, speaker, cue", [
    ("She continued, “When the media moves on, she will still be saying it.”", "She", "continued"),
    ("The statement read: “We regret the decision and will appeal.”", "The statement", "read"),
])
def test_a_frame_only_verb_introduces_the_quote_right_after_it(run_en, text, speaker, cue):
    (att,) = run_en(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.text) == ("direct", speaker, cue)


@pytest.mark.parametrize("text, speaker, cue", [
    ('Once, when my mother mentioned the devil to me, I laughed and said, "I do not believe in the devil."',
     "I", "said"),
    ("When asked about the plan on Monday, the governor said: “We will not stay here.”", "the governor", "said"),
    ("The mayor was defensive when asked to defend the budget she had announced, saying, “We did what we promised.”",
     "The mayor", "saying"),
    # the cue right before the quote's colon frames it, though the parser ranks "asked" higher
    ("She was asked to explain the delay and, visibly tired, answered: “We did what we could.”", "She", "answered"),
])
def test_the_main_clause_before_a_quote_frames_it_not_a_cue_in_a_clause_beside_it(run_en, text, speaker, cue):
    direct = next(a for a in run_en(text).attributions if a.quote.kind == "direct")
    assert (direct.speaker.text, direct.cue.text) == (speaker, cue)


def test_a_quote_whose_opening_mark_was_turned_the_wrong_way_is_found(run_en):
    # web editors turn the opening mark before an ellipsis into a closing one: ” … text,” he said
    text = "The president spoke on Monday.\n\n” … what I learned from these families is that words matter,” he said.\n"
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("” … what I learned")
    assert (att.speaker.text, att.cue.text) == ("he", "said")


def test_a_quote_that_continues_a_that_clause_after_a_comma_belongs_to_the_report(run_en):
    text = ('The senator acknowledged that there are still "some people" who feel that way, '
            '"but not among the vast majority."')
    (att,) = run_en(text).attributions
    assert (att.quote.kind, att.speaker.text, att.cue.text) == ("indirect", "The senator", "acknowledged")
    assert att.quote.text.startswith("that there are still") and "vast majority" in att.quote.text


def test_a_dash_after_a_quote_sets_off_only_a_bare_frame(run_en):
    # English dashes also mark asides: what follows this one is a new clause, not the quote's frame
    text = ('Given the union\'s efforts -- which the chief executive called "a total political mistake" -- one '
            'question is whether companies believe the plan will hold.')
    atts = run_en(text).attributions
    assert "mixed" not in [a.quote.kind for a in atts]
    (att,) = run_en('The plan "has made dramatic changes for the better" -- said the senator.').attributions
    assert (att.quote.kind, att.speaker.text) == ("mixed", "the senator")


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


def test_a_frame_only_verb_before_a_colon_frames_the_next_paragraph(run_en):
    text = "Ann Ruiz continued:\n\n\"The health plan is a partisan issue, but the numbers are the same everywhere.\""
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.cue.text) == ("Ann Ruiz", "continued")


def test_a_quote_continuing_a_report_framed_after_it_joins_that_report(run_en):
    text = ('The council may wait until spring, Ann Ruiz said. "The other question is whether the money '
            'will be there at all when the work begins."')
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith("The council") and att.quote.text.endswith('begins."')
    assert att.quote.kind == "mixed"  # the paraphrase, then the words themselves
    assert (att.speaker.entity, att.cue.text) == ("Ann Ruiz", "said")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the relative pronoun stands for a speech noun: its owner speaks
        ("The crisis prompted Mayor Ann Ruiz to make a comment that described the plan as a disaster.",
         "Mayor Ann Ruiz"),
        ("Ann Ruiz issued a statement that called the plan a disaster for the city.", "Ann Ruiz"),
        # a relative pronoun standing for a person is that person's mention
        ("The mayor, who said the plan would fail, left early.", "who"),
    ],
)
def test_a_relative_pronoun_for_a_speech_noun_speaks_for_its_owner(run_en, text, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text in ("described", "called", "said"))
    assert att.speaker.text == speaker


def test_the_frame_comma_may_sit_inside_a_nested_quote_at_the_end(run_en):
    text = "“Everywhere we hear the labels of ‘criminal, thug,’” Ann Ruiz, the director of the center, told the paper."
    att = next(a for a in run_en(text).attributions if a.quote.text.startswith("“Everywhere"))
    assert (att.speaker.entity, att.cue.text) == ("Ann Ruiz", "told")


def test_transcript_turns_are_direct_quotes_of_their_labelled_speakers(run_en):
    text = ("Budget fight goes on\n\n"
            "HOST: Do you think the budget will pass?\n\n"
            "OWENS: I think it will fail, and I said so last week.\n\n"
            "HOST: Why?\n\n"
            "OWENS: Because the schools get nothing.")
    atts = run_en(text).attributions
    turns = [(a.speaker.text, a.cue.text, a.quote.kind, a.quote.text) for a in atts if a.cue and a.cue.text == ":"]
    assert turns == [
        ("HOST", ":", "direct", "Do you think the budget will pass?"),
        ("OWENS", ":", "direct", "I think it will fail, and I said so last week."),
        ("HOST", ":", "direct", "Why?"),
        ("OWENS", ":", "direct", "Because the schools get nothing."),
    ]
    # the turn is the speaker's own words: what OWENS thinks and said is inside it, no report of its own
    assert len(atts) == 4


def test_a_transcript_quoted_line_by_line_takes_its_labels_as_speakers(run_en):
    text = ('Budget fight goes on\n\n'
            '"HOST: Do you think the budget will pass?\n\n'
            '"OWENS: I think it will fail.\n\n'
            '"HOST: Thank you, senator."')
    atts = run_en(text).attributions
    assert [(a.speaker.text, a.quote.text) for a in atts] == [
        ("HOST", "Do you think the budget will pass?"), ("OWENS", "I think it will fail."),
        ("HOST", 'Thank you, senator."')]


def test_a_cue_with_a_prepositional_clause_after_a_quote_frames_no_mixed_quote(run_en):
    # "accused X of lying" reports its own content: the participle clause before the quote is
    # no content of it, and the quote belongs to the participle's cue
    text = 'Lamenting the "broken system," the governor accused her rival of hiding the figures.'
    got = [(a.quote.text, a.cue.text) for a in run_en(text).attributions]
    assert ('the "broken system,"', "Lamenting") in got
    assert not any(cue == "accused" and "Lamenting" in quote for quote, cue in got)


@pytest.mark.parametrize("text, content", [
    ("He’s claiming that voting fraud is “a big, big problem in this country” but “nobody has the guts to talk "
     "about it.”",
     "that voting fraud is “a big, big problem in this country” but “nobody has the guts to talk about it.”"),
    # at a paragraph's end (the parser hangs the break on the clause)
    ("He’s claiming that voting fraud is “a big, big problem in this country” but “nobody has the guts to talk "
     "about it.”\n\nThe count went on.",
     "that voting fraud is “a big, big problem in this country” but “nobody has the guts to talk about it.”"),
    # the second clause is the narrator's: not in quotation marks, not the speaker's
    ("He’s claiming that voting fraud is “a big, big problem in this country” but nobody has found a case.",
     "that voting fraud is “a big, big problem in this country”"),
])
def test_a_clause_wholly_in_quotation_marks_after_but_continues_the_report(run_en, text, content):
    report = next(a for a in run_en(text).attributions if a.cue is not None and a.cue.lemma == "claim")
    assert report.quote.text == content


@pytest.mark.parametrize("text, content", [
    ("The group advocated a plan to close the plant, retrain its workers and clean the site.",
     "a plan to close the plant, retrain its workers and clean the site"),
    ("The council demands new rules to limit rents, stop evictions and fund shelters.",
     "new rules to limit rents, stop evictions and fund shelters"),
    # a subject of its own makes the second verb a clause of its own
    ("The council demands new rules to limit rents, and its members stop evictions.", "new rules to limit rents"),
])
def test_bare_infinitives_continue_the_to_infinitive_of_a_report(run_en, text, content):
    # the parser hangs "retrain"/"stop" on the cue, but a base form cannot be a second
    # predicate of "advocated"/"demands": it shares the "to" of the content's infinitive
    report = next(a for a in run_en(text).attributions if a.cue is not None and a.cue.text in ("advocated", "demands"))
    assert report.quote.text == content
