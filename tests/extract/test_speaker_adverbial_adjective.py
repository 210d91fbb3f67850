"""No speaker phrase ends in an adverbial adjective (STTS ADJD): "telefonisch" after the name
says how the words were said, also where the recogniser did not know the name. A Doc built by
hand with the parse that hung the adjective on the name, no entity on it."""

import spacy
from spacy.tokens import Doc

from quotegraph.extract.doc_tables import reading
from quotegraph.extract.speaker_bounds import speaker_bounds


def _doc():
    rows = [("So", "ADV", "ADV", 1, "advmod"), ("berichtete", "VERB", "VVFIN", 1, "ROOT"),
            ("Mark", "PROPN", "NE", 1, "nsubj"), ("Brandner", "PROPN", "NE", 2, "flat:name"),
            ("telefonisch", "ADJ", "ADJD", 2, "advmod"), ("im", "ADP", "APPR_ART", 6, "case"),
            ("Radio", "NOUN", "NN", 1, "obl"), (",", "PUNCT", "$,", 1, "punct")]
    words, pos, tags, heads, deps = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags, heads=heads, deps=deps)


def test_adverbial_adjective_after_the_name_is_no_part_of_the_speaker():
    doc = _doc()
    with reading(doc):
        start, end = speaker_bounds(doc[2:5], frozenset())
    assert doc.text[start:end] == "Mark Brandner"


def test_a_name_alone_keeps_its_bounds():
    doc = _doc()
    with reading(doc):
        start, end = speaker_bounds(doc[2:4], frozenset())
    assert doc.text[start:end] == "Mark Brandner"
