"""A title with a name and no article right after the verb ("bat Premierminister Berg") is the
object when a phrase naming someone opens the clause, though the parser made it the subject:
both may stand in the nominative, and the subject comes first. Docs built by hand with the
parser's reading (the front phrase hung on the verb as a clause, the name deep in its
apposition), so the tests do not depend on a model."""

import spacy
from spacy.tokens import Doc, Span

from quotegraph.extract.addressee_candidates import candidates
from quotegraph.extract.doc_tables import reading
from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.subjects import subject_of

DE = load_lexicon("de")
FIN = "Mood=Ind|Number=Sing|Person=3|Tense=Past"


def _doc(front, front_ents, after_word="Premierminister"):
    """``front`` rows (word, pos, tag, head, dep, morph; heads absolute, -1 = the verb), then
    "bat <after_word> Berg , zu helfen ."."""
    v = len(front)
    rows = [(w, p, t, v if h == -1 else h, d, m) for w, p, t, h, d, m in front]
    rows += [("bat", "VERB", "VVFIN", v, "ROOT", FIN),
             (after_word, "NOUN", "NN", v, "nsubj", "Case=Nom|Number=Sing"),
             ("Berg", "PROPN", "NE", v + 1, "appos", "Case=Nom|Number=Sing"),
             (",", "PUNCT", "$,", v + 5, "punct", ""), ("zu", "PART", "PTKZU", v + 5, "mark", ""),
             ("helfen", "VERB", "VVINF", v, "xcomp", "VerbForm=Inf"), (".", "PUNCT", "$.", v, "punct", "")]
    words, pos, tags, heads, deps, morphs = (list(col) for col in zip(*rows))
    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags, heads=heads, deps=deps, morphs=morphs)
    doc.ents = [Span(doc, s, e, label="PER") for s, e in front_ents]
    return doc, v


# "Das Staatsoberhaupt , die Königin Ada Lind ,": the name in the apposition of an apposition
NAMED_FRONT = [("Das", "DET", "ART", 1, "det", "Case=Nom"),
               ("Staatsoberhaupt", "NOUN", "NN", -1, "ccomp", "Case=Nom|Number=Sing"),
               (",", "PUNCT", "$,", 4, "punct", ""), ("die", "DET", "ART", 4, "det", "Case=Nom"),
               ("Königin", "NOUN", "NN", 1, "appos", "Case=Nom|Number=Sing"),
               ("Ada", "PROPN", "NE", 4, "appos", "Case=Nom"), ("Lind", "PROPN", "NE", 5, "flat", "Case=Nom"),
               (",", "PUNCT", "$,", 1, "punct", "")]


def _subject(doc, v):
    with reading(doc):
        span = subject_of(doc[v], 0, len(doc), DE)
        return span.text if span is not None else None


def test_the_named_front_phrase_is_the_subject_and_the_titled_name_the_one_asked():
    doc, v = _doc(NAMED_FRONT, [(5, 7)])
    assert _subject(doc, v).startswith("Das Staatsoberhaupt")
    with reading(doc):
        assert doc[v + 1] in list(candidates(doc[v], "bitten", DE))


def test_a_front_phrase_that_names_no_one_leaves_the_titled_name_the_subject():
    # "Das Amt bat Premierminister Berg, …": the office may be the object, fronted
    front = [("Das", "DET", "ART", 1, "det", "Case=Nom"), ("Amt", "NOUN", "NN", -1, "obj", "Case=Nom|Number=Sing")]
    doc, v = _doc(front, [])
    assert _subject(doc, v) == "Premierminister Berg"


def test_a_common_noun_after_the_verb_that_is_no_title_stays_the_subject():
    # "…, bat Nachbar Berg, …": a noun that is no title gets no such reading
    doc, v = _doc(NAMED_FRONT, [(5, 7)], after_word="Nachbar")
    assert _subject(doc, v) == "Nachbar Berg"
