"""Tests of :mod:`quotegraph.extract.patterns.frames`: the frame beside a quote: cue, speaker and
mediator before or after it, signatures, colon and pointing frames (invented sentences, rules only)."""

import pytest


# German


def test_laut_relay_keeps_speaker_and_mediator(run_de):
    text = "„Wir bleiben hart“, sagte Clara Hartmann laut der Agentur Nordpress."
    att = run_de(text).attributions[0]
    assert att.speaker.entity == "Clara Hartmann"
    assert att.mediator.entity.endswith("Nordpress")
    assert att.mediator.type == "media"


def test_next_sentence_pointing_back_names_the_speaker(run_de):
    atts = run_de("„Wir werden nicht nachgeben.“ Das sagte Clara Hartmann am Montag in Berlin.").attributions
    assert [(a.quote.text, a.speaker.entity, a.cue.lemma) for a in atts] == [
        ("„Wir werden nicht nachgeben.“", "Clara Hartmann", "sagen")]


def test_a_quoted_name_before_a_full_stop_ends_its_sentence(run_de):
    # the full stop after „…“ ends the sentence: the next quote's "so X" frame stays in its own
    text = ("Das Wasser reiche nicht, sagte die Helferin Clara Hartmann dem Sender „Radio Nord“. "
            "„Wir brauchen jeden Tag neue Lieferungen“, so Hartmann.")
    atts = run_de(text).attributions
    assert [(a.quote.kind, a.quote.text) for a in atts] == [
        ("indirect", "Das Wasser reiche nicht"), ("direct", "„Wir brauchen jeden Tag neue Lieferungen“")]


@pytest.mark.parametrize("text, speaker, cue", [
    ("„Ja, es gibt Zumutungen“. Das musste Bundesfinanzminister Karl Lindner zu Beginn der Debatte einräumen.",
     "Bundesfinanzminister Karl Lindner", "einräumen"),  # a modal, then the cue closing the clause
])
def test_a_pointing_frame_with_its_cue_at_the_end(run_de, text, speaker, cue):
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.cue.lemma) == (speaker, cue)


def test_a_pointer_back_at_the_report_is_not_its_speaker(run_de):
    text = "Die Firma bleibe in der Stadt. Das hat der Sprecher der Firma am Montag gesagt."
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.addressee) == ("der Sprecher der Firma", None)


@pytest.mark.parametrize("name", ["Hollweg", "Zierholt"])
def test_a_title_and_a_name_before_a_colon_frame_the_quote(run_de, name):
    # names the recogniser does not know: the title tells that the phrase names someone
    text = f"Die Staatsanwaltschaft war beteiligt. BKA-Präsident {name}: „Mit diesem Ansatz setzt das Amt ein Signal.“"
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.cue.text) == (f"BKA-Präsident {name}", ":")


# English


def test_relay_keeps_speaker_and_mediator(run_en):
    text = '"I expect a deal by Friday," Mayor Tom Berg said, according to the Daily Planet.'
    (att,) = run_en(text).attributions
    assert att.speaker.entity == "Tom Berg"
    assert att.mediator.entity == "Daily Planet"
    assert att.mediator.type == "media"


@pytest.mark.parametrize("text, speaker, cue", [
    ('"It is a disaster," one resident, who asked not to be named, told the agency.', "one resident", "told"),
    ('"We lost everything," a farmer, who declined to give his name, said on Monday.', "a farmer", "said"),
])
def test_a_relative_clause_in_the_frame_after_a_quote_is_not_its_cue(run_en, text, speaker, cue):
    att = next(a for a in run_en(text).attributions if a.quote.kind == "direct")
    # the clause reports its own words ("asked not to be named"): no part of the speaker (PolNeAR train: 11 of 14 leave it out)
    assert att.cue.text == cue and att.speaker.text == speaker


def test_paragraph_ending_in_a_colon_frames_the_next_quote(run_en):
    text = "Talk radio host Rush Limbaugh said on his show:\n\n“The left is saying this is so bad that she has no choice.”"
    (att,) = run_en(text).attributions
    assert att.speaker.entity == "Rush Limbaugh"
    assert att.cue.lemma == "say"


def test_any_verb_before_a_colon_introduces_the_quote(run_en):
    text = "Limbaugh continued: “The person in this debate who cannot tell the truth is the moderator.”"
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.cue.text) == ("Limbaugh", "continued")


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


@pytest.mark.parametrize("text, quote, cue", [
    ('Smith said the plan "is a disaster," noting that it costs too much.', 'the plan "is a disaster,"', "said"),
    ('Kerr stressed that "the way forward is to work together," suggesting that the vote might wait.',
     'that "the way forward is to work together,"', "stressed"),
])
def test_a_participle_after_a_comma_inside_the_marks_frames_no_mixed_quote(run_en, text, quote, cue):
    # "…," noting that …: the participle goes on with the report before the quote; the quote is
    # that report's, not a mixed quote whose speaker is the subject of the participle's clause
    atts = run_en(text).attributions
    assert "mixed" not in [a.quote.kind for a in atts]
    first = min(atts, key=lambda a: a.quote.start)
    # (where the report ends is the parser's: the participle's clause may hang inside it)
    assert first.quote.text.startswith(quote)
    assert (first.cue.text, first.speaker.text) == (cue, text.split()[0])


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


def test_a_frame_only_verb_before_a_colon_frames_the_next_paragraph(run_en):
    text = "Ann Ruiz continued:\n\n\"The health plan is a partisan issue, but the numbers are the same everywhere.\""
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.cue.text) == ("Ann Ruiz", "continued")


def test_the_frame_comma_may_sit_inside_a_nested_quote_at_the_end(run_en):
    text = "“Everywhere we hear the labels of ‘criminal, thug,’” Ann Ruiz, the director of the center, told the paper."
    att = next(a for a in run_en(text).attributions if a.quote.text.startswith("“Everywhere"))
    assert (att.speaker.entity, att.cue.text) == ("Ann Ruiz", "told")


def test_a_cue_with_a_prepositional_clause_after_a_quote_frames_no_mixed_quote(run_en):
    # "accused X of lying" reports its own content: the participle clause before the quote is
    # no content of it, and the quote belongs to the participle's cue
    text = 'Lamenting the "broken system," the governor accused her rival of hiding the figures.'
    got = [(a.quote.text, a.cue.text) for a in run_en(text).attributions]
    assert ('the "broken system,"', "Lamenting") in got
    assert not any(cue == "accused" and "Lamenting" in quote for quote, cue in got)


def test_a_full_stop_inside_a_closing_mark_ends_the_sentence_before_a_mixed_quote(run_en):
    # 'he is “unpredictable.” Yet …': the frame of the next quote does not reach back over it
    text = "Some say he is “unpredictable.” Yet Trump is also a “change agent,” Cole said."
    atts = run_en(text).attributions
    assert atts and not any("unpredictable" in a.quote.text and "change agent" in a.quote.text for a in atts)
    assert any("change agent" in a.quote.text and a.speaker is not None and a.speaker.text == "Cole" for a in atts)


def _bounds_char_by_char(text, start, end, limit_lo, limit_hi, abbreviations):
    """sentence_bounds as a walk over every character (the reference its jumps between the
    stopping characters must agree with)."""
    from quotegraph.extract.marks import CLOSING_MARKS
    from quotegraph.extract.patterns.frames import _ends_sentence

    lo = start
    while lo > limit_lo:
        ch = text[lo - 1]
        if ch == "\n" and lo - 2 >= 0 and text[lo - 2] == "\n":
            break
        if ch in ".!?" and lo - 1 > limit_lo and _ends_sentence(text, lo - 1, abbreviations):
            break
        if (ch in CLOSING_MARKS and lo - 2 > limit_lo and text[lo - 2] == "." and lo < len(text) and text[lo].isspace()
                and text[lo + 1 : lo + 2].isupper()):
            break
        lo -= 1
    hi = end
    while hi < limit_hi:
        ch = text[hi]
        if ch == "\n" and hi + 1 < len(text) and text[hi + 1] == "\n":
            break
        if ch in ".!?" and _ends_sentence(text, hi, abbreviations):
            hi += 1
            break
        hi += 1
    return lo, hi


def test_sentence_bounds_jump_between_stops_as_a_walk_over_every_character_stops():
    from quotegraph.extract.patterns.frames import sentence_bounds

    text = ('Er sagte z. B. am 3. Mai: „Nein.“ Dann ging er.\n\nShe is “unpredictable.” Yet he said: '
            '"Go!" And? "F.A.Z." reported, Dr. Who said. \'Fine,\' he said\nand left.')
    abbreviations = frozenset({"z.", "Dr.", "B."})
    n = len(text)
    cases = [(s, e, lo, hi) for s in range(0, n, 3) for e in range(s, n, 7) for lo in (0, s // 2, s)
             for hi in (e, (e + n) // 2, n)]
    assert len(cases) > 1000
    for s, e, lo, hi in cases:
        assert sentence_bounds(text, s, e, lo, hi, abbreviations) == _bounds_char_by_char(text, s, e, lo, hi, abbreviations)


@pytest.mark.parametrize("text, quote, speaker", [
    ("The ban, as one senator put it, \"is a disaster for farmers.\"", "\"is a disaster for farmers.\"", "one senator"),
    ("As the mayor puts it, “We are not going anywhere.”", "“We are not going anywhere.”", "the mayor"),
])
def test_as_x_put_it_frames_the_quote(run_en, text, quote, speaker):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.lemma) == (quote, speaker, "put")


def test_put_outside_its_frame_is_no_cue(run_en):
    atts = run_en("The council put the bridge plan on hold, the mayor said.").attributions
    assert [(a.quote.text, a.speaker.text, a.cue.lemma) for a in atts] == [
        ("The council put the bridge plan on hold", "the mayor", "say")]


def test_the_it_of_as_x_put_it_is_never_the_speaker(run_en):
    # "No." ends a sentence for the splitter: the frame keeps only "put it", whose "it" is the words
    (att,) = run_en("As Anna Berg, the No. 2 in the party, put it: \"This bill will not pass.\"").attributions
    assert att.speaker is None or att.speaker.text != "it"


@pytest.mark.parametrize("text", [
    "The mayor spoke first. “We will rebuild the bridge by spring.” Smith said.",
    "“We will rebuild the bridge by spring.” Smith said on Monday.\n\nThe council met later.",
])
def test_a_bare_frame_sentence_after_a_quote_closed_by_a_full_stop_names_its_speaker(run_en, text):
    att = next(a for a in run_en(text).attributions if a.quote.kind == "direct")
    assert (att.speaker.text, att.cue.lemma) == ("Smith", "say")


def test_a_sentence_with_more_to_say_after_a_closed_quote_is_its_own(run_en):
    atts = run_en("“We will rebuild.” Smith said the council agreed.").attributions
    direct = next(a for a in atts if a.quote.kind == "direct")
    assert direct.speaker is None or direct.cue is None


def test_a_signature_paragraph_after_a_quote_signs_it(run_en):
    # the quote ends its paragraph, the next holds only a hyphen and a name
    text = ('The claim was made in the debate.\n\n"Almost all new income is going to the top 1 percent."\n\n'
            '- Anna Berg.\n\nThe senator relies on old data.')
    assert [(a.speaker.text, a.cue.text) for a in run_en(text).attributions] == [("Anna Berg", "-")]
    # a dateline's hyphen opens a sentence of its own: no signature
    text = ('The claim was made in the debate.\n\n"Almost all new income is going to the top 1 percent."\n\n'
            'ROME - Anna Berg met the pope on Friday.')
    assert [a.speaker for a in run_en(text).attributions] == [None]


@pytest.mark.parametrize("text, speaker, cue", [
    ('"That is absurd," Senator Tom Vela shot back.', "Senator Tom Vela", "shot back"),
    ('"We will win this state," she went on.', "she", "went on"),
])
def test_a_verb_with_its_particle_frames_the_quote_before_it(run_en, text, speaker, cue):
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.cue.text) == (speaker, cue)


def test_a_verb_that_needs_its_particle_frames_nothing_alone(run_en):
    # "shot" alone reports nothing: the quote keeps no speaker
    (att,) = run_en('"That is absurd," Senator Tom Vela shot.').attributions
    assert att.speaker is None
