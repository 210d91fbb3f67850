"""English sentences written for issue #26 (PolNeAR source and content), one construction each,
with the quote and the speaker phrase the rules should give (rules only, no learned part)."""

import pytest

# (text, words of the quote, speaker phrase)
SPEAKERS = [
    # object control: an infinitive cue is said by its governor's object, not its subject
    ("The long delay led the senators to say that the process was broken.", "the process was broken", "the senators"),
    # a passive governor: its subject says the infinitive cue's quote
    ("The hearing was so calm that the chairman was prompted to say, \"This is a dull day.\"",
     "This is a dull day", "the chairman"),
    # an attributive participle is no cue: the main clause's cue after it reports
    ("Any move to drain the lake in the disputed valley would be a mistake, Davis said.",
     "would be a mistake", "Davis"),
    # a cue in the content (a participle under the main clause) does not take the report
    ("The mayor will work with whoever wins and is committed to maintaining the old bridge, her spokesman said.",
     "The mayor will work with whoever wins", "her spokesman"),
    # "in" + a poll named by compounds: the whole object of the preposition is the source
    ("In a Harbour Herald/Channel Nine poll released Monday, 48 percent of voters chose the mayor.",
     "48 percent of voters chose the mayor", "a Harbour Herald/Channel Nine poll released Monday"),
    # a preposition that modifies the quantity opens no prepositional phrase: the subject speaks
    ("In Harbourton, about half of the registered voters said they wanted a new mayor.",
     "they wanted a new mayor", "about half of the registered voters"),
    # a dateline the parser calls a second subject is no speaker
    ("HARBOURTON (Reuters) - Mayor Anna Park said the port would reopen in May.",
     "the port would reopen in May", "Mayor Anna Park"),
    # a headline whose whole content after the name and colon is one quote
    ("Stone: 'We will never give up the harbour.'\n\nThe mayor spoke on Monday.", "We will never give up the harbour",
     "Stone"),
    # a quantifier standing alone for people can speak
    ("The council split over the plan, and some argued that the harbour was too small.",
     "the harbour was too small", "some"),
    ("Both said the vote would be close.", "the vote would be close", "Both"),
    # a gerund after a preposition is said by its verb's subject, also framing a direct quote
    ("Anna Park closed the hearing by saying, \"We will rebuild the pier.\"", "We will rebuild the pier", "Anna Park"),
    # a cue coordinated under a verb with no subject of its own: the subject up the chain
    ("Tom Reyes joked that the ferry was his answer, but went on to say, \"The bridge is the real problem.\"",
     "The bridge is the real problem", "Tom Reyes"),
    # what a subject issued speaks for the subject, by a relative clause or a participle
    ("Tom Reyes released a video that accused the mayor of lying about the ferry.", "the mayor of lying", "Tom Reyes"),
    ("Tom Reyes issued a statement Tuesday saying, \"I will not resign over the ferry.\"",
     "I will not resign over the ferry", "Tom Reyes"),
    # a relative clause coordinated with another keeps its pronoun as speaker
    ("Senator Tom Reyes, who last year threatened to close the port, and who has been hoping to win the vote, said nothing.",
     "to win the vote", "who"),
    # a list of the subject's acts the parser split at a comma: the later verbs are the subject's
    ("He pledged to be \"the greatest builder that God ever created\" and cast doubt on the official rate of 4.9 percent, "
     "suggested that the real rate could be as high as 42 percent.", "the real rate could be as high", "He"),
    ("Tom Reyes further summed up Anna Park as \"terrible,\" denounced her record as mayor and said she should not run again.",
     "she should not run again", "Tom Reyes"),
    # ... and the verb after the quoted word is no frame of it
    ("Tom Reyes further summed up Anna Park as \"terrible,\" denounced her record as mayor and said she should not run again.",
     "terrible", "Tom Reyes"),
    # a question verb's participle opening the sentence: its agent asked, the subject was asked
    ("Asked by a reporter whether the plan was legal, Reyes said no.", "whether the plan was legal", "a reporter"),
]


@pytest.mark.parametrize("text, quote, speaker", SPEAKERS, ids=[s[0][:40] for s in SPEAKERS])
def test_english_speaker(run_en, text, quote, speaker):
    result = run_en(text)
    att = next((a for a in result.attributions if quote in a.quote.text), None)
    assert att is not None, [a.quote.text for a in result.attributions]
    assert att.speaker is not None and att.speaker.text == speaker


@pytest.fixture(scope="module")
def run_en_learned():
    """The full English pipeline, learned speaker linker and quote filter included."""
    from quotegraph.extract.convert import doc_to_result
    from quotegraph.extract.pipeline import make_nlp
    from quotegraph.extract.records import Article

    nlp = make_nlp("en")
    return lambda text: doc_to_result(nlp(text), Article(id="t", text=text, language="en"))


def test_a_relative_pronoun_speaker_stays_the_speaker_the_linker_does_not_move_it(run_en_learned):
    # PolNeAR marks the relative pronoun as the source of its clause, not the name it stands for
    text = "Former Republican candidate John Miller, who on Monday endorsed Stone, said Friday he agrees with the ruling."
    att = next(a for a in run_en_learned(text).attributions if a.cue is not None and a.cue.text == "endorsed")
    assert att.speaker is not None and att.speaker.text == "who"
