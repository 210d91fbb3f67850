"""Which words of an article are names (:func:`quotegraph.extract.proper_names.proper_words`):
picked from the Doc's arrays, read inside and outside a Doc's table alike (invented names)."""

import pytest
import spacy
from spacy.tokens import Doc

from quotegraph.extract.doc_tables import reading
from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.proper_names import proper_words

WORDS = ["Das", "Magazin", "„", "Nordlicht", "“", "zitierte", "Tom", "Berg", ".",
         "Die", "Berliner", "Runde", "tagte", "."]


def _doc() -> Doc:
    return Doc(spacy.blank("de").vocab, words=WORDS,
               spaces=[True, True, False, False, True, True, True, False, True, True, True, True, False, False],
               pos=["DET", "NOUN", "PUNCT", "NOUN", "PUNCT", "VERB", "PROPN", "NOUN", "PUNCT",
                    "DET", "ADJ", "NOUN", "VERB", "PUNCT"],
               # "Berg" a proper noun by its fine-grained tag alone
               tags=["ART", "NN", "$(", "NN", "$(", "VVFIN", "NE", "NE", "$.", "ART", "ADJA", "NN", "VVFIN", "$."],
               sent_starts=[True] + [False] * 8 + [True] + [False] * 4)


@pytest.mark.parametrize("in_table", [True, False])
def test_names_by_tag_in_quotes_after_an_outlet_and_capitals_inside_a_sentence(in_table):
    doc = _doc()
    person = doc[6:8]
    if in_table:
        with reading(doc):
            propn, capitalised = proper_words(doc, [(person, "Tom Berg", "person")], load_lexicon("de"))
    else:
        propn, capitalised = proper_words(doc, [(person, "Tom Berg", "person")], load_lexicon("de"))
    # the magazine's name in quotation marks counts, the outlet word itself does not
    assert propn == {"tom", "berg", "nordlicht"}
    # an adjective with a capital inside a sentence; not the articles opening the sentences
    assert capitalised == {"berliner", "tom", "berg"}


def test_a_capitalised_numeral_that_is_no_number_is_a_name_word():
    # the tagger took the rare word after the organisation noun for a numeral; "Zwei" opening
    # the sentence and "drei" are numbers
    words = ["Zwei", "Forscher", "des", "Instituts", "Talgrund", "nannten", "drei", "Gründe", "."]
    doc = Doc(spacy.blank("de").vocab, words=words, spaces=[True] * 8 + [False],
              pos=["NUM", "NOUN", "DET", "NOUN", "NUM", "VERB", "NUM", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 8)
    _, capitalised = proper_words(doc, [], load_lexicon("de"))
    assert capitalised == {"talgrund"}
