"""Hearsay and appearance with no source named (PolNeAR annotates them): sentences written for the tests."""

import pytest
import spacy

from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.linear import LinearModel
from quotegraph.extract.quote_filter import QuoteFilter
from quotegraph.extract.records import Attribution, Cue, Quote

CASES = [
    # a raising verb with an infinitive or a state
    ("The governor seemed to be losing ground in the north.", "The governor seemed to be losing ground in the north",
     "seemed"),
    ("Her aides appeared completely unperturbed.", "Her aides appeared completely unperturbed", "appeared"),
    # a participle as the state ("appeared poised", "seemed rattled": the parser may make the raising
    # verb its auxiliary) and the preposition of likeness
    ("The campaign team appeared paralyzed.", "The campaign team appeared paralyzed", "appeared"),
    ("The governor seemed rattled by the attacks.", "The governor seemed rattled by the attacks", "seemed"),
    ("This seems like a turning point for the party.", "This seems like a turning point for the party", "seems"),
    # "it appears that …": the clause alone
    ("It appears that the vote was not close at all.", "that the vote was not close at all", "appears"),
    # a passive belief verb with an infinitive, negated too
    ("The bill is expected to pass the Senate next week.", "The bill is expected to pass the Senate next week",
     "is expected"),
    ("The mayor isn't expected to attend the dinner.", "The mayor isn't expected to attend the dinner", "expected"),
    # any reporting verb in the passive with no agent, with what it says of its subject
    ("Ms. Ortega was declared the winner in the county on Tuesday.",
     "Ms. Ortega was declared the winner in the county", "was declared"),
    ("The new rules were criticized as reckless.", "The new rules were criticized as reckless", "were criticized"),
    # a verb of viewing in the passive, with the label it gives
    ("The old pier was regarded as a danger to swimmers.", "The old pier was regarded as a danger to swimmers",
     "was regarded"),
    ("The senator is widely seen as the favorite of the party.",
     "The senator is widely seen as the favorite of the party", "seen"),
    # an adjective of evidence after an impersonal "it": the clause alone
    ("It is not clear whether the council will vote.", "whether the council will vote", "is not clear"),
    ("It remains unclear how the party will respond.", "how the party will respond", "remains unclear"),
    ("It's unclear if the bill will pass.", "if the bill will pass", "'s unclear"),
    # a hearsay adverb
    ("The group is reportedly spending $2 million on radio ads.",
     "The group is reportedly spending $2 million on radio ads", "reportedly"),
]


@pytest.mark.parametrize("text, content, cue", CASES, ids=[c[0][:40] for c in CASES])
def test_hearsay_without_a_source_is_an_attribution_with_no_speaker(run_en, text, content, cue):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.cue.text, att.speaker) == (content, cue, None)


@pytest.mark.parametrize("text, words", [
    ("The bill is widely expected to pass the Senate next week.", ["The bill ", " to pass the Senate next week"]),
    ("Her aides appeared completely unperturbed.", ["Her aides ", " completely unperturbed"]),
    ("This seems like a turning point for the party.", ["This ", " a turning point for the party"]),
    ("Ms. Ortega was declared the winner in the county on Tuesday.", ["Ms. Ortega ", " the winner in the county"]),
    ("The painter is best known for her murals.", ["The painter ", " her murals"]),
    ("The group is reportedly spending $2 million on radio ads.", ["The group is ", " spending $2 million on radio ads"]),
    # the clause alone has nothing inside to leave out
    ("It appears that the vote was not close at all.", ["that the vote was not close at all"]),
])
def test_the_cue_between_the_subject_and_what_is_said_of_it_is_a_gap(run_en, text, words):
    """PolNeAR marks "The bill … to pass": the hearsay words inside are no part of the content."""
    (att,) = run_en(text).attributions
    assert [text[a:b] for a, b in att.quote.spans()] == words


def test_two_hearsay_clauses_side_by_side_are_two_attributions(run_en):
    atts = run_en("The bill is expected to pass next week, and the governor seems pleased with the vote.").attributions
    assert [(a.quote.text, a.cue.text, a.speaker) for a in atts] == [
        ("The bill is expected to pass next week", "is expected", None),
        ("the governor seems pleased with the vote", "seems", None)]


def test_hearsay_beside_a_report_is_found_but_not_inside_its_clause(run_en):
    both = run_en("The senator denied the report, but her aides are expected to resign on Monday.").attributions
    assert [(a.quote.text, a.pattern) for a in both] == [
        ("the report", "cue_first"), ("her aides are expected to resign on Monday", "evidential")]
    # the report's clause holds the appearance: the speaker's claim, not the writer's hearsay
    (inside,) = run_en("Mr. Hale charged that the papers were hidden because they appeared to contradict "
                       "his pledge.").attributions
    assert inside.pattern == "cue_first"


@pytest.mark.parametrize("text", [
    "She appeared on television on Monday.",  # "appear" without an infinitive or a state: no appearance
    "He seemed.",
    "The senator appeared speaking to reporters.",  # a gerund: no state, no appearance
    "The senator appeared at the rally.",
    "The senator expected a close vote.",  # active "expect": no hearsay
    "The results were announced on Saturday.",  # a passive saying nothing of its subject
    "The senator was seen leaving the building.",  # a perception, no view
    "The bill was criticized by the union as reckless.",  # the agent speaks
    "The water in the bay was clear.",  # no impersonal "it", no clause
    "It was clear on Monday.",
])
def test_appearing_and_expecting_without_hearsay_is_no_attribution(run_en, text):
    assert not any(a.pattern == "evidential" for a in run_en(text).attributions)


def test_the_filter_keeps_a_pattern_its_model_learned_nothing_of():
    model = LinearModel(bias=-5.0, weights={"kind=indirect|pattern=cue_first": 1.0})
    atts = [Attribution(f"{p}", "a", Quote("x y z", 0, 5, "indirect"), cue=Cue("seems", 6, 11, "seem"), pattern=p)
            for p in ("evidential", "cue_first")]
    kept, _ = QuoteFilter(model, threshold=0.5)(spacy.blank("en")("x y z seems"), atts, [None, None], load_lexicon("en"))
    assert [a.pattern for a in kept] == ["evidential"]
