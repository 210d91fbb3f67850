"""The passes over the names before the stages share one table of the Doc and give the entities
each pass gives alone (:mod:`quotegraph.extract.name_passes`; invented names)."""

import spacy
from spacy.attrs import ENT_TYPE, POS
from spacy.tokens import Doc

from quotegraph.extract.doc_tables import doc_ents, id_list, reading, table_of
from quotegraph.extract.entity_bounds import complete_person_names, cut_names_at_verbs, drop_adjectives
from quotegraph.extract.entity_types import retype_organisations
from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.name_passes import forget_entities, run_name_passes

WORDS = "die französische Regierung und der Verband Nordhafen , sagte Max Huber heute".split()


def _doc() -> Doc:
    # an adjective taken for a place, a name after an organisation noun taken for a person's, and
    # a person's name the recogniser cut short: each of the passes changes one
    return Doc(spacy.blank("de").vocab, words=WORDS,
               pos=["DET", "ADJ", "NOUN", "CCONJ", "DET", "NOUN", "PROPN", "PUNCT", "VERB", "PROPN", "PROPN", "ADV"],
               heads=[2, 2, 8, 5, 5, 8, 5, 8, 8, 8, 9, 8],
               deps=["det", "amod", "nsubj", "cc", "det", "nsubj", "nk", "punct", "ROOT", "nsubj", "flat", "advmod"],
               ents=["O", "B-LOC", "O", "O", "O", "O", "B-PER", "O", "O", "B-PER", "O", "O"])


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_the_passes_in_one_table_give_what_each_gives_reading_afresh():
    lex = load_lexicon("de")
    alone = _doc()
    drop_adjectives(alone)
    cut_names_at_verbs(alone, lex)
    complete_person_names(alone, lex)
    retype_organisations(alone, lex)
    shared = _doc()
    with reading(shared):
        run_name_passes(shared, lex)
        # and the stages after them read the entities as they are now
        assert [(e.text, e.label_) for e in doc_ents(shared)] == _ents(alone)
    assert _ents(shared) == _ents(alone) == [("Nordhafen", "ORG"), ("Max Huber", "PER")]


def test_setting_the_entities_forgets_what_they_change_only():
    doc = _doc()
    with reading(doc):
        assert id_list(doc, ENT_TYPE)[6] != 0 and len(doc_ents(doc)) == 3
        pos = id_list(doc, POS)
        doc.ents = [doc.char_span(0, 3, label="ORG")]  # "die" alone, a name nowhere else
        forget_entities(doc)
        assert id_list(doc, POS) is pos  # the parts of speech are read once
        assert id_list(doc, ENT_TYPE)[6] == 0 and [e.text for e in doc_ents(doc)] == ["die"]
    assert table_of(doc) is None
