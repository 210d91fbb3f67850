"""The passes over the names before the stages share one table of the Doc and give the entities
each pass gives alone (:mod:`quotegraph.extract.name_passes`; invented names)."""

import spacy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, POS
from spacy.tokens import Doc, Span

from quotegraph.extract.doc_tables import doc_ents, id_list, reading, table_of
from quotegraph.extract.entity_bounds import complete_person_names, cut_names_at_verbs, drop_adjectives, trim_quotation_marks
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
    trim_quotation_marks(alone)
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


def _entity_columns(doc: Doc) -> list[list[int]]:
    return doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]).tolist()


def test_dropping_and_cutting_names_writes_what_the_ents_setter_writes():
    # the passes write only the tokens they change (Doc.set_ents): the same annotation as setting
    # doc.ents to the names left, token by token; and so with a token whose annotation is missing
    en = spacy.blank("en").vocab
    words = "the french envoy and Lena Berg Rejects Plan said Tom Hale".split()
    tags = ["DT", "JJ", "NN", "CC", "NNP", "NNP", "VBZ", "NNP", "VBD", "NNP", "NNP"]
    pos = ["DET", "ADJ", "NOUN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN", "VERB", "PROPN", "PROPN"]
    lex = load_lexicon("en")
    for ents in (["O", "B-NORP", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"],
                 ["", "B-NORP", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"]):
        passes, setter = (Doc(en, words=words, pos=pos, tags=tags, ents=ents) for _ in range(2))
        assert drop_adjectives(passes) and cut_names_at_verbs(passes, lex)
        setter.ents = [e for e in setter.ents if e.label_ != "NORP"]
        setter.ents = [Span(setter, 4, 6, label=e.label) if e.start == 4 else e for e in setter.ents]
        assert [(e.text, e.label_) for e in passes.ents] == [("Lena Berg", "PERSON"), ("Tom Hale", "PERSON")]
        assert _entity_columns(passes) == _entity_columns(setter)
