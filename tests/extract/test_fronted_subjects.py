"""The phrase before a German main clause's finite verb as its subject when the parser labels none.

The Docs are built by hand with the parser's mistakes the rule is for (a name read as an adverb,
a demonstrative hung on the verb as its determiner), so the tests do not depend on a model.
"""

import spacy
from spacy.tokens import Doc, Span

from quotegraph.extract.doc_tables import reading
from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.subjects import subject_of

DE = load_lexicon("de")


def _doc(rows, lang="de"):
    """A Doc from (word, pos, head, dep, morph) rows, heads as absolute indices."""
    words, pos, heads, deps, morphs = (list(col) for col in zip(*rows))
    return Doc(spacy.blank(lang).vocab, words=words, pos=pos, heads=heads, deps=deps, morphs=morphs)


def _subject(doc, verb, lex=DE):
    with reading(doc):
        span = subject_of(doc[verb], 0, len(doc), lex)
        return span.text if span is not None else None


FIN = "Mood=Ind|Number=Sing|Person=3|Tense=Pres"
CLAUSE = [(",", "PUNCT", 6, "punct", ""), ("der", "DET", 5, "det", "Case=Nom"), ("Plan", "NOUN", 6, "nsubj", "Case=Nom"),
          ("scheitere", "VERB", 1, "ccomp", "Mood=Sub"), (".", "PUNCT", 1, "punct", "")]


def _sentence(fronted, verb_word="fordert", verb_morph=FIN, before=()):
    """``before`` sentences, then ``fronted`` rows (heads relative to the sentence, -1 = the verb),
    the finite verb, and ", der Plan scheitere ."."""
    rows = list(before)
    start = len(rows)
    v = start + len(fronted)
    for word, pos, head, dep, morph in fronted:
        rows.append((word, pos, v if head == -1 else start + head, dep, morph))
    rows.append((verb_word, "VERB", v, "ROOT", verb_morph))
    for word, pos, head, dep, morph in CLAUSE:
        # CLAUSE's heads count from the verb at 1
        rows.append((word, pos, v + head - 1, dep, morph))
    return _doc(rows), v


EARLIER_NAME = [("Greenpeace", "PROPN", 1, "nsubj", "Case=Nom"), ("protestierte", "VERB", 1, "ROOT", FIN),
                (".", "PUNCT", 1, "punct", "")]


def test_a_name_read_as_an_adverb_is_the_subject_when_the_doc_names_it_elsewhere():
    doc, verb = _sentence([("Greenpeace", "ADV", -1, "advmod", "")], before=EARLIER_NAME)
    assert _subject(doc, verb) == "Greenpeace"


def test_a_name_read_as_an_adverb_is_the_subject_when_the_doc_tags_it_a_name_elsewhere():
    # the earlier "Nordwerk" is a common noun to the tagger but an organisation to the NER
    earlier = [("Nordwerk", "NOUN", 1, "nsubj", "Case=Nom"), ("protestierte", "VERB", 1, "ROOT", FIN),
               (".", "PUNCT", 1, "punct", "")]
    doc, verb = _sentence([("Nordwerk", "ADV", -1, "advmod", "")], before=earlier)
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert _subject(doc, verb) == "Nordwerk"
    doc, verb = _sentence([("Nordwerk", "ADV", -1, "advmod", "")], before=earlier)  # no entity: a noun like any
    assert _subject(doc, verb) is None


def test_a_lone_word_read_as_an_adverb_and_named_nowhere_is_no_subject():
    # "Greenpeace" alone looks like "Gestern" or "Dagegen" to the tagger: nothing tells them apart
    doc, verb = _sentence([("Greenpeace", "ADV", -1, "advmod", "")])
    assert _subject(doc, verb) is None
    doc, verb = _sentence([("Gestern", "NOUN", -1, "obl", "")])
    assert _subject(doc, verb) is None


def test_a_demonstrative_the_parser_hung_on_the_verb_is_the_subject_and_a_pointer_is_not():
    doc, verb = _sentence([("Dieser", "DET", -1, "det", "Case=Nom|PronType=Dem")], verb_word="behauptete")
    assert _subject(doc, verb) == "Dieser"
    doc, verb = _sentence([("Das", "PRON", -1, "obj", "PronType=Dem")], verb_word="sagte")
    assert _subject(doc, verb) is None


def test_a_noun_phrase_before_the_verb_is_the_subject_unless_its_case_or_article_says_otherwise():
    nominative = [("Die", "DET", 1, "det", "Case=Nom"), ("Taxifahrer", "NOUN", -1, "obl", "Case=Nom")]
    doc, verb = _sentence(nominative, verb_word="forderten")
    assert _subject(doc, verb) == "Die Taxifahrer"
    accusative = [("Den", "DET", 1, "det", "Case=Acc"), ("Plan", "NOUN", -1, "obj", "Case=Acc")]
    doc, verb = _sentence(accusative, verb_word="kritisierte")
    assert _subject(doc, verb) is None
    prepositional = [("Nach", "ADP", 1, "case", ""), ("Angaben", "NOUN", -1, "obl", "Case=Dat")]
    doc, verb = _sentence(prepositional, verb_word="heißt")
    assert _subject(doc, verb) is None


def test_a_verb_with_a_subject_of_its_own_keeps_it():
    doc, verb = _sentence([("Greenpeace", "PROPN", -1, "nsubj", "Case=Nom")])
    assert _subject(doc, verb) == "Greenpeace"


def test_only_a_main_clause_and_only_a_verb_second_language():
    doc, verb = _sentence([("Dieser", "DET", -1, "det", "Case=Nom|PronType=Dem")], verb_word="behauptete")
    assert _subject(doc, verb, load_lexicon("en")) is None
    # the verb of a clause that is no main clause ("…, dass Dieser behauptete")
    rows = [("Er", "PRON", 1, "nsubj", "Case=Nom"), ("hofft", "VERB", 1, "ROOT", FIN), (",", "PUNCT", 5, "punct", ""),
            ("dass", "SCONJ", 5, "mark", ""), ("Dieser", "DET", 5, "det", "Case=Nom|PronType=Dem"),
            ("behauptete", "VERB", 1, "ccomp", FIN), (".", "PUNCT", 1, "punct", "")]
    assert _subject(_doc(rows), 5) is None


def test_a_passive_names_no_speaker_before_its_verb():
    doc, verb = _sentence([("Dieser", "DET", -1, "det", "Case=Nom|PronType=Dem")], verb_word="behauptete")
    rows = [(t.text, t.pos_, t.head.i, t.dep_, str(t.morph)) for t in doc]
    rows.append(("worden", "AUX", verb, "aux:pass", ""))
    assert _subject(_doc(rows), verb) is None



PLURAL = "Mood=Ind|Number=Plur|Person=3|Tense=Past"
SINGULAR = "Mood=Ind|Number=Sing|Person=3|Tense=Past"


def test_a_lone_adverb_the_parser_made_the_subject_gives_way_to_the_phrase_after_the_verb():
    # "Bislang gingen die Wissenschaftler davon aus, dass …": "Bislang" read as a noun and the subject
    rows = [("Bislang", "NOUN", 1, "nsubj", "Case=Nom|Number=Sing"), ("gingen", "VERB", 1, "ROOT", PLURAL),
            ("die", "DET", 3, "det", "Case=Acc"), ("Wissenschaftler", "NOUN", 1, "obj", "Case=Nom|Number=Plur"),
            ("davon", "ADV", 1, "advmod", ""), ("aus", "ADP", 1, "compound:prt", ""), (".", "PUNCT", 1, "punct", "")]
    assert _subject(_doc(rows), 1) == "die Wissenschaftler"
    # "Besorgt äußerte sich Kofi Annan über …": a reflexive pronoun stands between
    rows = [("Besorgt", "PROPN", 1, "nsubj", "Case=Nom|Number=Sing"), ("äußerte", "VERB", 1, "ROOT", SINGULAR),
            ("sich", "PRON", 1, "obj", "Case=Acc|PronType=Prs|Reflex=Yes"), ("Kofi", "PROPN", 1, "obj", "Case=Nom"),
            ("Annan", "PROPN", 3, "flat:name", "Case=Nom"), (".", "PUNCT", 1, "punct", "")]
    assert _subject(_doc(rows), 1) == "Kofi Annan"


def test_a_fronted_subject_that_is_a_noun_phrase_or_a_plural_keeps_its_place():
    # "Experten warnten die Bürger": a bare plural is a subject; the phrase after the verb an object
    rows = [("Experten", "NOUN", 1, "nsubj", "Case=Nom|Number=Plur"), ("warnten", "VERB", 1, "ROOT", PLURAL),
            ("die", "DET", 3, "det", "Case=Acc"), ("Bürger", "NOUN", 1, "obj", "Case=Acc|Number=Plur"),
            (".", "PUNCT", 1, "punct", "")]
    assert _subject(_doc(rows), 1) == "Experten"
    # "Gestern lobte den Plan der Minister": an article of another case opens no subject
    rows = [("Gestern", "NOUN", 1, "nsubj", "Case=Nom|Number=Sing"), ("lobte", "VERB", 1, "ROOT", SINGULAR),
            ("den", "DET", 3, "det", "Case=Acc"), ("Plan", "NOUN", 1, "obj", "Case=Acc|Number=Sing"),
            (".", "PUNCT", 1, "punct", "")]
    assert _subject(_doc(rows), 1) == "Gestern"
    # English has no verb-second order: the rule is German's
    rows = [("Bislang", "NOUN", 1, "nsubj", "Number=Sing"), ("gingen", "VERB", 1, "ROOT", PLURAL),
            ("die", "DET", 3, "det", ""), ("Wissenschaftler", "NOUN", 1, "obj", "Number=Plur"), (".", "PUNCT", 1, "punct", "")]
    assert _subject(_doc(rows, "en"), 1, load_lexicon("en")) == "Bislang"


PARTICIPLE = "Tense=Past|VerbForm=Part"


def test_a_subject_the_parser_hung_on_the_auxiliary_of_a_perfect_is_the_participles():
    # "Schüler haben dagegen ausgesagt, …": the subject on "haben", the participle the cue
    rows = [("Schüler", "NOUN", 1, "nsubj", "Case=Nom|Number=Plur"), ("haben", "AUX", 3, "aux", PLURAL),
            ("dagegen", "ADV", 3, "advmod", ""), ("ausgesagt", "VERB", 3, "ROOT", PARTICIPLE), (".", "PUNCT", 3, "punct", "")]
    assert _subject(_doc(rows), 3) == "Schüler"
    # a lone word that does not agree with the auxiliary is no subject ("Gestern[Plur] hat eine Sprecherin …")
    rows = [("Gestern", "NOUN", 1, "nsubj", "Case=Nom|Number=Plur"), ("hat", "AUX", 4, "aux", SINGULAR),
            ("eine", "DET", 3, "det", "Case=Nom"), ("Sprecherin", "NOUN", 4, "obj", "Case=Nom|Number=Sing"),
            ("mitgeteilt", "VERB", 4, "ROOT", PARTICIPLE), (".", "PUNCT", 4, "punct", "")]
    assert _subject(_doc(rows), 4) != "Gestern"
    # nor one a preposition opens ("Am Montag haben …")
    rows = [("Am", "ADP", 1, "case", ""), ("Montag", "NOUN", 2, "nsubj", "Case=Dat|Number=Sing"),
            ("hat", "AUX", 3, "aux", SINGULAR), ("mitgeteilt", "VERB", 3, "ROOT", PARTICIPLE), (".", "PUNCT", 3, "punct", "")]
    assert _subject(_doc(rows), 3) is None


def _naming(front, ents):
    """``front`` rows (heads relative, -1 = the verb), then "nannte Peter Kühn einen Freund ."
    with the verb read as an adjective and the name after it as the subject."""
    rows = []
    v = len(front)
    for word, pos, head, dep, morph in front:
        rows.append((word, pos, v if head == -1 else head, dep, morph))
    rows += [("nannte", "ADJ", v, "ROOT", "Case=Nom|Number=Sing"), ("Peter", "PROPN", v, "nsubj", "Case=Nom|Number=Sing"),
             ("Kühn", "PROPN", v + 1, "flat:name", "Case=Nom"), ("einen", "DET", v + 4, "det", "Case=Acc"),
             ("Freund", "NOUN", v, "obj", "Case=Nom|Number=Sing"), (".", "PUNCT", v, "punct", "")]
    doc = _doc(rows)
    doc.ents = [Span(doc, s, e, label="PER") for s, e in ents] + [Span(doc, v + 1, v + 3, label="PER")]
    return doc, v


def test_a_bare_name_after_the_verb_is_its_object_when_a_named_phrase_opens_the_clause():
    # "Die Ministerin Anna Berg nannte Peter Kühn einen „Freund“": both may be nominative,
    # the subject comes first
    front = [("Die", "DET", 1, "det", "Case=Nom"), ("Ministerin", "NOUN", -1, "nmod", "Case=Nom|Number=Sing"),
             ("Anna", "PROPN", 1, "appos", "Case=Nom"), ("Berg", "PROPN", 2, "flat:name", "Case=Nom")]
    doc, verb = _naming(front, [(2, 4)])
    assert _subject(doc, verb) == "Die Ministerin Anna Berg"


def test_a_bare_name_after_the_verb_stays_the_subject_when_the_opening_phrase_names_no_one():
    # "Die Tat nannte Peter Kühn einen „Fehler“": the deed is the object, fronted
    front = [("Die", "DET", 1, "det", "Case=Nom"), ("Tat", "NOUN", -1, "obj", "Case=Nom|Number=Sing")]
    doc, verb = _naming(front, [])
    assert _subject(doc, verb) == "Peter Kühn"


def test_a_bare_name_after_the_verb_stays_the_subject_after_an_object_article():
    # "Den Minister Tom Berg nannte Peter Kühn einen „Freund“": "Den" is no nominative
    front = [("Den", "DET", 1, "det", "Case=Acc"), ("Minister", "NOUN", -1, "obj", "Case=Acc|Number=Sing"),
             ("Tom", "PROPN", 1, "appos", "Case=Acc"), ("Berg", "PROPN", 2, "flat:name", "Case=Acc")]
    doc, verb = _naming(front, [(2, 4)])
    assert _subject(doc, verb) == "Peter Kühn"


def test_a_plural_dative_the_parser_hung_on_the_subject_after_the_verb_is_no_part_of_it():
    # "…, sagte die Kanzlerin einigen Gästen": "einigen Gästen" is the one addressed
    rows = [("„", "PUNCT", 3, "punct", ""), ("Ja", "INTJ", 3, "ccomp", ""), ("“", "PUNCT", 3, "punct", ""),
            ("sagte", "VERB", 3, "ROOT", FIN), ("die", "DET", 5, "det", "Case=Nom"),
            ("Kanzlerin", "NOUN", 3, "nsubj", "Case=Nom|Number=Sing"), ("einigen", "DET", 7, "det", "Case=Dat"),
            ("Gästen", "NOUN", 5, "nmod", "Case=Dat|Number=Plur"), (".", "PUNCT", 3, "punct", "")]
    assert _subject(_doc(rows), 3) == "die Kanzlerin"


def _fronted_object(pronoun, auxiliary=False):
    """"Die Tat bezeichnete PRONOUN als sinnlos ." with "Die Tat" the parser's subject and the
    pronoun its object; with ``auxiliary`` "Die Tat hat PRONOUN als sinnlos bezeichnet ."."""
    if auxiliary:
        rows = [("Die", "DET", 1, "det", "Case=Nom"), ("Tat", "NOUN", 6, "nsubj", "Case=Nom|Number=Sing"),
                ("hat", "AUX", 6, "aux", SINGULAR), (pronoun, "PRON", 6, "obj", ""), ("als", "ADP", 5, "case", ""),
                ("sinnlos", "ADJ", 6, "xcomp", ""), ("bezeichnet", "VERB", 6, "ROOT", PARTICIPLE), (".", "PUNCT", 6, "punct", "")]
        return _doc(rows), 6
    rows = [("Die", "DET", 1, "det", "Case=Nom"), ("Tat", "NOUN", 2, "nsubj", "Case=Nom|Number=Sing"),
            ("bezeichnete", "VERB", 2, "ROOT", FIN), (pronoun, "PRON", 2, "obj", ""), ("als", "ADP", 5, "case", ""),
            ("sinnlos", "ADJ", 2, "xcomp", ""), (".", "PUNCT", 2, "punct", "")]
    return _doc(rows), 2


def test_a_nominative_pronoun_after_the_finite_verb_is_the_subject_of_a_fronted_object():
    # "Die Tat bezeichnete er als sinnlos": only a nominative is "er", so "Die Tat" is the object
    assert _subject(*_fronted_object("er")) == "er"
    assert _subject(*_fronted_object("wir", auxiliary=True)) == "wir"  # after the perfect's auxiliary


def test_a_pronoun_that_may_be_the_object_leaves_the_fronted_subject():
    # "Die Polizei forderte sie auf": "sie" may be the accusative, the front the subject
    assert _subject(*_fronted_object("sie")) == "Die Tat"
    assert _subject(*_fronted_object("er"), lex=load_lexicon("en")) == "Die Tat"  # no verb-second rule


def _tagged(rows):
    """A Doc from (word, pos, tag, lemma, head, dep) rows, heads as absolute indices."""
    words, pos, tags, lemmas, heads, deps = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags, lemmas=lemmas, heads=heads, deps=deps)


def test_the_object_the_parser_gave_a_quoting_verbs_passive_is_its_subject():
    # "In der Meldung wird Lena Brandt zitiert :": "wird" hung on the noun, the name made an object
    doc = _tagged([("In", "ADP", "APPR", "in", 2, "case"), ("der", "DET", "ART", "der", 2, "det"),
                   ("Meldung", "NOUN", "NN", "Meldung", 6, "obl"), ("wird", "AUX", "VAFIN", "werden", 2, "advmod"),
                   ("Lena", "PROPN", "NE", "Lena", 6, "obj"), ("Brandt", "PROPN", "NE", "Brandt", 4, "flat"),
                   ("zitiert", "VERB", "VVPP", "zitieren", 6, "ROOT"), (":", "PUNCT", "$.", ":", 6, "punct")])
    assert _subject(doc, 6) == "Lena Brandt"


def test_the_object_of_a_quoting_verbs_perfect_stays_its_object():
    # "Die Zeitung hat Lena Brandt zitiert :": an active perfect has its object
    doc = _tagged([("Die", "DET", "ART", "der", 1, "det"), ("Zeitung", "NOUN", "NN", "Zeitung", 5, "nsubj"),
                   ("hat", "AUX", "VAFIN", "haben", 5, "aux"), ("Lena", "PROPN", "NE", "Lena", 5, "obj"),
                   ("Brandt", "PROPN", "NE", "Brandt", 3, "flat"), ("zitiert", "VERB", "VVPP", "zitieren", 5, "ROOT"),
                   (":", "PUNCT", "$.", ":", 5, "punct")])
    assert _subject(doc, 5) == "Die Zeitung"
    doc = _tagged([("hat", "AUX", "VAFIN", "haben", 3, "aux"), ("Lena", "PROPN", "NE", "Lena", 3, "obj"),
                   ("Brandt", "PROPN", "NE", "Brandt", 1, "flat"), ("zitiert", "VERB", "VVPP", "zitieren", 3, "ROOT")])
    assert _subject(doc, 3) is None
