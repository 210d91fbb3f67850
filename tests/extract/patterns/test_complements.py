"""Tests of :mod:`quotegraph.extract.patterns.complements`: English reports from the parse: the clause
or object a cue governs, passives, addressees, coordinated and participle cues (invented sentences,
rules only)."""

import pytest


def test_called_for_reports_its_object(run_en):
    text = "The senator called for a moratorium on new charter schools."
    (att,) = run_en(text).attributions
    assert att.quote.text == "a moratorium on new charter schools"
    assert att.speaker.text == "The senator"


def test_participle_cue_is_a_report_of_the_same_speaker(run_en):
    text = ("Foreign policy analysts said geopolitical factors have contributed to elevating Burma's "
            "bipartisan appeal, citing the strategic importance of a nation that borders China.")
    atts = run_en(text).attributions
    assert [(a.cue.lemma, a.speaker.text) for a in atts] == [
        ("say", "Foreign policy analysts"), ("cite", "Foreign policy analysts")]
    assert atts[0].quote.text.endswith("bipartisan appeal")


@pytest.mark.parametrize("text, content", [
    ('Trump called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."',
     'the senator a "nasty guy," an "anchor baby," "unstable" and "sick'),
    ("The governor criticized the health law as a “crazy system” on Monday.", "the health law as a “crazy system”"),
])
def test_object_with_its_complement_is_one_content(run_en, text, content):
    (att,) = run_en(text).attributions
    assert att.quote.text.startswith(content)


@pytest.mark.parametrize("text, content, speaker", [
    ("Many farmers in the valley see the new dam as a threat.", "the new dam as a threat", "Many farmers in the valley"),
    ("The two unions regard the offer as an insult.", "the offer as an insult", "The two unions"),
])
def test_a_verb_of_viewing_with_its_object_and_label_is_a_view(run_en, text, content, speaker):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text", [
    "Mr. Halvorsen saw the new film at a cinema near the harbour.",
    "The new dam is seen as a threat by the farmers.",
    "She went to the capital to see her ailing uncle.",
])
def test_a_verb_of_viewing_without_its_label_or_in_the_passive_is_no_cue(run_en, text):
    assert not [a for a in run_en(text).attributions if a.cue is not None and a.cue.lemma == "see"]


@pytest.mark.parametrize("text, content", [
    ("The harbor panel found that the new dam was safe.", "that the new dam was safe"),
    ("Mrs. Okafor found the new tariff too costly to support.", "the new tariff too costly to support"),
])
def test_find_with_a_clause_reports_it(run_en, text, content):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.cue.lemma) == (content, "find")


@pytest.mark.parametrize("text", [
    "The auditors found the old ledgers in a locked drawer.",
    "The two towns must find a way to share the river.",
])
def test_find_with_an_object_alone_is_no_cue(run_en, text):
    assert not [a for a in run_en(text).attributions if a.cue is not None and a.cue.lemma == "find"]


@pytest.mark.parametrize("text", [
    "The harbor master spoke for more than forty minutes.",
    "The harbor master spoke on Wednesday night.",
    "One dockworker spoke on the condition of anonymity.",
    "The harbor master spoke on behalf of the council.",
])
def test_a_time_or_manner_after_a_cues_preposition_is_no_content(run_en, text):
    assert not [a for a in run_en(text).attributions if a.cue is not None and a.cue.lemma == "speak"]


def test_the_topic_after_a_time_is_the_content(run_en):
    (att,) = run_en("The harbor master spoke on Monday about the new tariff.").attributions
    assert (att.quote.text, att.speaker.text) == ("the new tariff", "The harbor master")


def test_passive_cue_with_its_agent(run_en):
    text = "Clinton has been endorsed by the Arizona Republic for the first time."
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.lemma) == ("Clinton", "the Arizona Republic", "endorse")


@pytest.mark.parametrize("text, content, speaker, lemma", [
    ("The zoning plan, opposed by the local farmers, never passed.", "The zoning plan", "the local farmers", "oppose"),
    ("Towns merged their police forces, a practice criticized by Mara Vell and two unions.", "a practice",
     "Mara Vell and two unions", "criticize"),
    ("The harbor tax was a mistake, a view echoed by the port authority on Friday.", "a view", "the port authority", "echo"),
])
def test_reduced_passive_cue_says_it_of_its_noun(run_en, text, content, speaker, lemma):
    att = next(a for a in run_en(text).attributions if a.cue.lemma == lemma)
    assert (att.quote.text, att.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text", [
    "The mayor read a letter written by Dana Pell, a retired teacher.",
    "The council shared a video posted by the harbor club.",
])
def test_reduced_passive_of_a_document_has_no_content(run_en, text):
    assert not any(a.speaker is not None and a.speaker.text.startswith(("Dana", "the harbor"))
                   for a in run_en(text).attributions)


def test_relative_pronoun_of_a_passive_cue_with_its_agent(run_en):
    text = "The new levy, which was criticized by the farmers' union, starts in May."
    att = next(a for a in run_en(text).attributions if a.cue.lemma == "criticize")
    assert (att.quote.text, att.speaker.text) == ("which", "the farmers' union")


@pytest.mark.parametrize("text, content, speaker", [
    ("Governor Alma Reyes endorsed Okafor on Tuesday.", "Okafor", "Governor Alma Reyes"),
    ("The teachers' union praised Lindqvist early in the race.", "Lindqvist", "The teachers' union"),
])
def test_a_lone_name_object_is_content(run_en, text, content, speaker):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, speaker)


def test_a_lone_date_object_is_no_content(run_en):
    assert not any(a.quote.text == "Sunday" for a in run_en("The mayor promised Sunday to reopen the pool.").attributions)


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


def test_told_addressee_then_clause(run_en):
    text = "A caller told a dispatcher that a man was sitting in a car with a gun."
    (att,) = run_en(text).attributions
    assert att.quote.text == "that a man was sitting in a car with a gun"


def test_a_question_after_the_one_asked_is_the_content(run_en):
    # the parser may hang "if they …" on the verb as an adverbial; the object is the one asked
    (att,) = run_en("Then the professor asked the students if they were always so serious.").attributions
    assert (att.quote.text, att.speaker.text, att.addressee.text) == (
        "if they were always so serious", "the professor", "the students")


def test_a_passive_question_is_the_agents_and_its_subject_the_one_asked(run_en):
    (att,) = run_en("Jones was asked by host Ann Miller whether his aim was similar to Kennedy's.").attributions
    assert (att.quote.text, att.speaker.text, att.addressee.text) == (
        "whether his aim was similar to Kennedy's", "host Ann Miller", "Jones")


def test_the_subject_after_a_passive_participle_is_not_who_asked(run_en):
    # "Asked whether …, X gave an answer": X was asked; who asked is not named
    atts = run_en("Asked whether he would back the nominee, the senator gave a roundabout answer.").attributions
    asked = next(a for a in atts if a.cue.text == "Asked")
    assert asked.quote.text == "whether he would back the nominee"
    assert asked.speaker is None
    assert asked.addressee.text == "the senator"


def test_asked_opening_a_sentence_read_as_a_past_form_is_still_a_participle(run_en):
    # the tagger reads a sentence-initial "Asked" as VBD: with no subject, in an adverbial clause
    # before its governor, it is a participle all the same, and the subject after it was asked
    atts = run_en('Asked a direct question about this in the debate, Mary Stone said, "I do take responsibility."').attributions
    asked = next(a for a in atts if a.cue.text == "Asked")
    assert (asked.quote.text, asked.speaker) == ("a direct question about this", None)
    said = next(a for a in atts if a.cue.text == "said")
    assert said.speaker.entity == "Mary Stone"


def test_spoke_about_reports_its_object(run_en):
    text = "The governor spoke about her long ties to the rural counties."
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.lemma) == ("her long ties to the rural counties", "The governor", "speak")


def test_coordinated_cue_starts_a_second_report_of_the_same_speaker(run_en):
    text = "The agency said the dam was safe for now and warned the town to prepare for floods."
    atts = run_en(text).attributions
    assert [(a.quote.text, a.speaker.text, a.cue.lemma) for a in atts] == [
        ("the dam was safe for now", "The agency", "say"),
        ("to prepare for floods", "The agency", "warn"),
    ]


@pytest.mark.parametrize("text, first, second", [
    ("Among the farmers, 74 percent said they would vote for the mayor, while 22 percent said they might change "
     "their mind.", ("they would vote for the mayor", "74 percent"), ("they might change their mind", "22 percent")),
    ("The union says the plant will close, whereas the owners say it will stay open.",
     ("the plant will close", "The union"), ("it will stay open", "the owners")),
])
def test_a_report_after_a_conjunction_of_contrast_is_a_second_report(run_en, text, first, second):
    atts = run_en(text).attributions
    assert [(a.quote.text, a.speaker.text) for a in atts] == [first, second]


@pytest.mark.parametrize("text, content", [
    ("Mr. Hale said the vote was close, while the count went on.", "the vote was close, while the count went on"),
    # a report inside the content's own clause stays in it
    ("The senator said that the union, which the mayor said was weak, had lost.",
     "that the union, which the mayor said was weak, had lost"),
])
def test_a_contrast_without_a_report_of_its_own_stays_in_the_content(run_en, text, content):
    assert run_en(text).attributions[0].quote.text == content


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


@pytest.mark.parametrize("text, first, cue, second", [
    ('Rivera said on Monday that Stone had "failed the state," adding in an interview that he was "not fit to govern."',
     'that Stone had "failed the state,"', "adding", 'that he was "not fit to govern."'),
    ('Rivera said last week that Stone represents "New Jersey values," stating during the debate that they are '
     '"socially liberal."', 'that Stone represents "New Jersey values,"', "stating", 'that they are "socially liberal."'),
])
def test_a_participle_cue_after_a_quote_closing_on_a_comma_reports_on_its_own(run_en, text, first, cue, second):
    atts = run_en(text).attributions
    assert [(a.cue.text, a.quote.text, a.speaker.text) for a in atts] == [
        ("said", first, "Rivera"), (cue, second, "Rivera")]


@pytest.mark.parametrize("text, content", [
    ("Senator Brook said he supports the final bill, which includes new funding for schools.",
     "he supports the final bill"),
    ("The mayor said she had met Tom Reed, who runs the shelter on Main Street.", "she had met Tom Reed"),
    # a restrictive relative clause (no comma) is part of what was said
    ("The mayor said she had met the man who runs the shelter.", "she had met the man who runs the shelter"),
])
def test_a_relative_clause_after_a_comma_closing_the_content_is_the_writers_aside(run_en, text, content):
    (att,) = run_en(text).attributions
    assert att.quote.text == content


@pytest.mark.parametrize("text, cue, content, speaker", [
    ('"It is bad timing," Tom Hedge said, referring to the two resorts.', "referring", "the two resorts", "Tom Hedge"),
    ("The senator pointed to the rising costs of health care.", "pointed", "the rising costs of health care",
     "The senator"),
])
def test_a_cue_with_the_preposition_that_takes_its_content_reports_its_object(run_en, text, cue, content, speaker):
    att = next(a for a in run_en(text).attributions if a.cue.text == cue)
    assert (att.quote.text, att.speaker.text) == (content, speaker)


def test_to_after_another_cue_names_no_content(run_en):
    assert all(a.quote.text != "reporters" for a in run_en("The mayor spoke to reporters on Monday.").attributions)


def test_that_said_opening_a_sentence_is_no_report(run_en):
    text = "That said, a loss to the senator in this state would end her campaign on a sour note."
    assert not run_en(text).attributions


@pytest.mark.parametrize("text, content, speaker", [
    # an infinitive with its own subject opened by "for", which the parser hangs on the cue as an adverbial
    ("Ms. Olsen is calling for the state to build more housing near the harbor.",
     "the state to build more housing near the harbor", "Ms. Olsen"),
    ("The union has repeatedly called for the files to be made public.", "the files to be made public", "The union"),
])
def test_a_for_to_clause_after_a_cue_is_its_content(run_en, text, content, speaker):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text, content, speaker", [
    # the noun a relative clause hangs on is what its cue says something of
    ("He printed nine outrageous things the governor had said about farmers.",
     "nine outrageous things the governor had said about farmers", "the governor"),
    # the clause itself from its relative pronoun, after a comma or not
    ("The city faces a gap in its budget that experts say makes the plan moot.",
     "that experts say makes the plan moot", "experts"),
    ("The mayor backed the tunnel, which the council described as a waste of money.",
     "which the council described as a waste of money", "the council"),
])
def test_a_cue_in_a_relative_clause_says_it_of_the_noun(run_en, text, content, speaker):
    att = next(a for a in run_en(text).attributions if a.pattern == "object_relative")
    assert (att.quote.text, att.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text, words", [
    ("The mayor backed the tunnel, which the council described as a waste of money.",
     ["which ", " as a waste of money"]),
    ("He printed nine outrageous things the governor had said about farmers.",
     ["nine outrageous things ", " about farmers"]),
    ("Voters rejected the levy, which the treasurer has repeatedly said was too steep.",
     ["which ", " was too steep"]),
])
def test_the_speaker_and_cue_of_a_relative_clause_are_its_gap(run_en, text, words):
    """PolNeAR marks "which … as a waste of money": the speaker and cue inside are no part of it."""
    att = next(a for a in run_en(text).attributions if a.pattern == "object_relative")
    assert [text[a:b] for a, b in att.quote.spans()] == words


@pytest.mark.parametrize("text", [
    "The officials who said the plan would fail were ignored.",  # the relative pronoun speaks
    "It was the day she told reporters about the plan.",  # the object is named: nothing of the day
    "It was a move that many voters expected.",  # nothing said of the move
    'The pier, which the mayor called "a rusty eyesore," was closed.',  # the quoted words are the speech
])
def test_no_object_relative_where_the_clause_says_nothing_of_its_noun(run_en, text):
    assert not any(a.pattern == "object_relative" for a in run_en(text).attributions)


def test_a_that_clause_after_the_occasion_of_any_cue_is_its_content(run_en):
    # the parser hangs the clause on the occasion's noun as if it were a relative clause
    text = "Marlow said earlier on Friday during a news conference that he may wait until the spring to decide."
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.quote.text) == ("Marlow", "that he may wait until the spring to decide")


@pytest.mark.parametrize("text, lemma", [
    ("The Okafor family has maintained some influence in the county.", "maintain"),
    ("The board will meet to determine the size of the grant.", "determine"),
    ("Judge Varga assumed office in the spring.", "assume"),
])
def test_a_verb_that_reports_only_with_a_clause_is_no_cue_with_an_object(run_en, text, lemma):
    assert not [a for a in run_en(text).attributions if a.cue is not None and a.cue.lemma == lemma]


@pytest.mark.parametrize("text, content", [
    ("The Okafor family has maintained that the land was never sold.", "that the land was never sold"),
    ("The panel determined that the bridge was unsafe.", "that the bridge was unsafe"),
])
def test_the_same_verb_with_a_clause_reports_it(run_en, text, content):
    (att,) = run_en(text).attributions
    assert att.quote.text == content


def test_the_object_after_what_was_told_is_no_content(run_en):
    # "what" stands for what was told; the station heard it
    text = "The statement conflicted with what Mara Linde told the radio station."
    assert not [a for a in run_en(text).attributions if a.quote.text == "the radio station"]


@pytest.mark.parametrize("text, content, addressee", [
    # the object is the infinitive's subject: in the content, and still the one addressed
    ("The senator urged the board to delay the vote on the stadium.", "the board to delay the vote on the stadium",
     "the board"),
    ("Mara Quist asked the council to publish the audit.", "the council to publish the audit", "the council"),
    # "tell" keeps its hearer out of what was said
    ("The coach told his players to stay calm during the final.", "to stay calm during the final", "his players"),
])
def test_object_before_an_infinitive_opens_the_content_of_a_plea(run_en, text, content, addressee):
    (att,) = run_en(text).attributions
    assert att.quote.text == content
    assert att.addressee is not None and att.addressee.text == addressee
