"""Stances and questions with no reporting verb (PolNeAR annotates them): sentences written for the tests."""

import pytest
import spacy

from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.linear import LinearModel
from quotegraph.extract.quote_filter import QuoteFilter
from quotegraph.extract.records import Attribution, Cue, Quote

@pytest.fixture(scope="module")
def run_en_learned():
    """The English pipeline with its learned speaker linker; the quote filter off, so what the
    linker did is seen whatever the filter would keep."""
    from quotegraph.extract.convert import doc_to_result
    from quotegraph.extract.pipeline import make_nlp
    from quotegraph.extract.records import Article

    nlp = make_nlp("en", quote_filter=False)
    return lambda text: doc_to_result(nlp(text), Article(id="t", text=text, language="en"))


STANCES = [
    # an adjective of stance with a clause: the subject holds the view
    ("Her campaign aides are confident that the county will vote for her.",
     "that the county will vote for her", "Her campaign aides", "are confident"),
    ("The farmers remain worried that the new tariff could ruin them.",
     "that the new tariff could ruin them", "The farmers", "remain worried"),
    # the preposition of what the stance is about
    ("Republicans in the state senate are highly critical of the new budget.", "the new budget",
     "Republicans in the state senate", "are highly critical"),
    ("Many farmers are tired of hearing about the new tariff.", "hearing about the new tariff", "Many farmers",
     "are tired"),
    # the infinitive of an adjective of wanting (``stance_infinitive_adjectives``)
    ("The port authority was eager to calm the shippers.", "to calm the shippers", "The port authority", "was eager"),
    ("The farmers are not willing to risk their harvest.", "to risk their harvest", "The farmers", "are not willing"),
    # the participle the parser reads as a passive
    ("Mr. Olawale is convinced that the vote had been rigged.", "that the vote had been rigged", "Mr. Olawale",
     "is convinced"),
    ("Voters in the county are divided on the new tariff.", "the new tariff", "Voters in the county", "are divided"),
    # a verb that makes a clause plain (``evidence_verbs`` with ``evidence_adjectives``)
    ("Senator Vale made clear that he would not run again.", "that he would not run again", "Senator Vale",
     "made clear"),
    ("The mayor made it plain that she would veto the budget.", "that she would veto the budget", "The mayor",
     "made it plain"),
    # the adjective after a raising verb, which the parser reads as its predicate
    ("Senator Tom Wexler seemed hopeful that the committee could approve the plan.",
     "that the committee could approve the plan", "Senator Tom Wexler", "seemed hopeful"),
    ("Mayor Jane Dorn appeared confident that voters would approve the levy.", "that voters would approve the levy",
     "Mayor Jane Dorn", "appeared confident"),
]


@pytest.mark.parametrize("text, content, speaker, cue", STANCES, ids=[c[0][:40] for c in STANCES])
def test_a_stance_adjective_with_a_clause_or_object_is_its_subjects_view(run_en, text, content, speaker, cue):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.text, att.pattern) == (content, speaker, cue, "stance")


@pytest.mark.parametrize("text", [
    "It is clear that the county will vote for her.",  # the writer's claim: no one holds it
    "The farmers are worried.",  # no clause and nothing it is about
    "The confident senator said nothing.",
    "The report was critical.",  # nothing it is about
    "The senator was critical on Monday.",  # "on Monday" is when, not what
    "The new tariff is sure to hurt the farmers.",  # the writer's forecast: "sure to" is no one's wish
    "The river is divided into two arms.",  # "into": no stance's preposition
    "The storm made the roads clear.",  # nothing made plain
    "He made it clear on Tuesday.",
    "The new levy seemed likely to fail.",  # the writer's view of a thing: "likely" is no stance
])
def test_no_stance_without_a_clause_or_a_subject(run_en, text):
    assert not any(a.pattern == "stance" for a in run_en(text).attributions)


NOUN_PREDICATES = [
    # a speech or thought noun's clause after the copula: the noun's owner holds it, else no one
    ("Her main argument was that the schools need more teachers.",
     "that the schools need more teachers", "Her", "argument was"),
    ("The idea is that small donors can still give to the fund.",
     "that small donors can still give to the fund", None, "idea is"),
]


@pytest.mark.parametrize("text, content, speaker, cue", NOUN_PREDICATES, ids=[c[0][:40] for c in NOUN_PREDICATES])
def test_a_speech_nouns_clause_after_the_copula_is_reported(run_en, text, content, speaker, cue):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text if att.speaker else None, att.cue.text, att.pattern) == (
        content, speaker, cue, "noun_predicate")


@pytest.mark.parametrize("text", [
    "The problem is that the bridge is old.",  # not a noun of speech or thought
    "The idea came from a farmer in the valley.",  # no clause
])
def test_other_nouns_and_no_clause_report_nothing(run_en, text):
    assert not any(a.pattern == "noun_predicate" for a in run_en(text).attributions)


ASKED = [
    # what someone was asked, where no reporting-verb rule reads it: no speaker unless the asker is named
    ("In an interview that year with a radio station, he was asked what happened to the farm vote.",
     "what happened to the farm vote", None, "was asked"),
    ("At a town hall in Ohio last week, the governor was asked about building a new bridge over the river.",
     "building a new bridge over the river", None, "was asked"),
    ("The senator was asked about the donations during an interview on Monday.", "the donations", None, "was asked"),
    # the question the parser hung on as an adverbial clause
    ("Asked if he was ever bullied, Mr. Hale laughed.", "if he was ever bullied", None, "Asked"),
]


@pytest.mark.parametrize("text, content, speaker, cue", ASKED, ids=[c[0][:40] for c in ASKED])
def test_what_someone_was_asked_is_the_content(run_en, text, content, speaker, cue):
    asked = [a for a in run_en(text).attributions if a.pattern == "asked"]
    assert [(a.quote.text, a.speaker.text if a.speaker else None, a.cue.text) for a in asked] == [(content, speaker, cue)]


@pytest.mark.parametrize("text", [
    "The mayor was asked by a student about the new stadium.",
    "He was asked repeatedly by reporters about his taxes.",
])
def test_a_question_with_its_asker_is_what_was_asked_about(run_en, text):
    # the parser hangs "about …" on the asker: the asker is the speaker, the one asked no content
    (att,) = run_en(text).attributions
    asker, asked = text.split(" by ")[1].split(" about ")
    assert (att.speaker.text, att.quote.text) == (asker, asked.rstrip("."))


def test_an_active_question_verb_is_left_to_the_reporting_verbs(run_en):
    assert not any(a.pattern == "asked" for a in run_en("The governor asked whether the bill would pass.").attributions)


def test_the_filter_keeps_stances_and_questions_its_model_learned_nothing_of():
    model = LinearModel(bias=-5.0, weights={"kind=indirect|pattern=cue_first": 1.0})
    atts = [Attribution(p, "a", Quote("x y z", 0, 5, "indirect"), cue=Cue("sure", 6, 10, "sure"), pattern=p)
            for p in ("stance", "noun_predicate", "asked", "noun_act", "cue_first")]
    kept, _ = QuoteFilter(model, threshold=0.5)(spacy.blank("en")("x y z sure"), atts, [None] * 5, load_lexicon("en"))
    assert [a.pattern for a in kept] == ["stance", "noun_predicate", "asked", "noun_act"]


def test_a_question_participle_before_the_frame_is_what_was_asked(run_en):
    atts = run_en("Asked whether the levy would pass, most of the farmers said no.").attributions
    asked = next(a for a in atts if a.quote.text == "whether the levy would pass")
    assert (asked.pattern, asked.speaker) == ("asked", None)


def test_german_has_no_stance_words():
    lex = load_lexicon("de")
    assert not (lex.stance_adjectives or lex.predicate_clause_nouns or lex.question_verbs or lex.act_nouns)


@pytest.mark.parametrize("text, pattern", [
    ("Mr. Kale spoke to farmers on Monday. The idea is that small donors can still give to the fund.", "noun_predicate"),
    ("Mr. Kale spoke to farmers on Monday. The blast was an attack on the whole town.", "noun_act"),
    # what the farmers were asked is no one's words: PolNeAR marks no source
    ("Mr. Kale spoke to farmers on Monday. Asked whether the levy would pass, most farmers said no.", "asked"),
])
def test_the_speaker_linker_gives_no_speaker_where_the_rules_found_none(run_en_learned, text, pattern):
    # the rules name the owner when there is one; "The idea" or Mr. Kale would be a guess
    (att,) = [a for a in run_en_learned(text).attributions if a.pattern == pattern]
    assert att.speaker is None


NOUN_ACTS = [
    # a speech act or stance named by a noun: what it is about is the content, its owner the speaker
    ("The council debated the budget for hours. Ms. Varga's criticism of the new budget was sharp.",
     "the new budget", "Ms. Varga", "criticism of"),
    # no owner: the subject of the verb the noun is the object of
    ("The bishops renewed calls for a ceasefire in the valley.", "a ceasefire in the valley", "The bishops", "calls for"),
    ("The farmers' union had little sympathy for the new rules.", "the new rules", "The farmers' union", "sympathy for"),
    # nouns of comment, reference and judgement
    ("Mr. Okafor's rejection of the new curfew surprised the council.", "the new curfew", "Mr. Okafor", "rejection of"),
    ("The pastor's remarks about the new mayor angered the parish.", "the new mayor", "The pastor", "remarks about"),
    # the preposition the parser hung on the verb whose object the noun is
    ("The mayor took aim at the council on Monday.", "the council", "The mayor", "aim at"),
    ("Ms. Ruiz paid tribute to the firefighters.", "the firefighters", "Ms. Ruiz", "tribute to"),
    # replies, worry and campaigning
    ("Mr. Lund's response to the audit came a week later.", "the audit", "Mr. Lund", "response to"),
    ("The growers' anxiety about the drought is growing.", "the drought", "The growers", "anxiety about"),
    ("Ms. Obi's campaign against the new toll road began in May.", "the new toll road", "Ms. Obi", "campaign against"),
    # the object of a preposition after a verb: the verb's subject acts ("rose to the defense of")
    ("This year, the senator rose to the defense of the embattled coach.", "the embattled coach", "the senator",
     "defense of"),
    ("Ms. Ortiz roused the crowd with criticism of the new stadium deal.", "the new stadium deal", "Ms. Ortiz",
     "criticism of"),
    # ... not a phrase fronted before the verb
    ("In response to the ruling, the mayor promised an appeal.", "the ruling", None, "response to"),
    # a possessive pronoun owner stands for the subject of the clause the noun is an object in
    ("Senator Holt renewed his attacks on the governor.", "the governor", "Senator Holt", "attacks on"),
    ("The bishops were unanimous in their condemnation of the new law.", "the new law", "The bishops",
     "condemnation of"),
    # ... not for one it cannot agree with, nor with no such subject
    ("The farmers read his criticism of the levy in the paper.", "the levy", "his", "criticism of"),
    ("His criticism of the budget angered the mayor.", "the budget", "His", "criticism of"),
    # ... nor a name whose form of address or given name shows the other gender
    ("Ms. Holt renewed his attacks on the governor.", "the governor", "his", "attacks on"),
    ("Senator Anna Holt renewed his attacks on the governor.", "the governor", "his", "attacks on"),
    ("Senator Tom Holt renewed his attacks on the governor.", "the governor", "Senator Tom Holt", "attacks on"),
]


@pytest.mark.parametrize("text, content, speaker, cue", NOUN_ACTS, ids=[c[0][-40:] for c in NOUN_ACTS])
def test_a_noun_of_a_speech_act_reports_what_it_is_about(run_en, text, content, speaker, cue):
    acts = [a for a in run_en(text).attributions if a.pattern == "noun_act"]
    assert [(a.quote.text, a.speaker and a.speaker.text, a.cue.text) for a in acts] == [(content, speaker, cue)]


@pytest.mark.parametrize("text", [
    "The senator's support for it was clear.",  # a pronoun alone names nothing
    "The union voiced strong support for the striking nurses.",  # the verb's report holds it
    "Her support among farmers is strong.",  # not the preposition of what it is about
])
def test_no_noun_act_for_a_pronoun_a_reported_object_or_another_preposition(run_en, text):
    assert not any(a.pattern == "noun_act" for a in run_en(text).attributions)


@pytest.mark.parametrize("text, content, speaker, cue", [
    # a noun for one who holds a stance, said of someone: as predicate or in apposition
    ("Ms. Weber is a longtime critic of the mayor.", "the mayor", "Ms. Weber", "critic of"),
    ("Mr. Hale, a supporter of the harbor plan, spoke last.", "the harbor plan", "Mr. Hale", "supporter of"),
])
def test_a_holder_noun_said_of_someone_is_their_stance(run_en, text, content, speaker, cue):
    stances = [a for a in run_en(text).attributions if a.pattern == "stance"]
    assert [(a.quote.text, a.speaker.text, a.cue.text) for a in stances] == [(content, speaker, cue)]


def test_a_holder_noun_said_of_no_one_is_no_stance(run_en):
    assert not any(a.pattern == "stance" for a in run_en("Supporters of the plan gathered outside.").attributions)
