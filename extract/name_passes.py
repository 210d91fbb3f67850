"""The passes over ``doc.ents`` that run before the stages of ``qg_attribution``, sharing one table of the Doc."""

from __future__ import annotations

from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc

from .doc_tables import table_of
from .entity_bounds import complete_person_names, cut_names_at_verbs, drop_adjectives, persons_after_roles, trim_quotation_marks
from .entity_types import retype_organisations
from .lexicon import CueLexicon

__all__ = ["forget_entities", "run_name_passes"]


def run_name_passes(doc: Doc, lex: CueLexicon) -> None:
    """Drop the adjectives taken for places, cut quotation marks off names, cut names at a
    headline's verb, complete persons' names and retype the organisations an organisation noun
    names, in ``doc.ents``, in this order. Inside :func:`~quotegraph.extract.doc_tables.reading` they share the Doc's table
    (spaCy rebuilds doc.ents, a Span and its Tokens per entity, on every access, and the
    organisation nouns ask for the entity at each name); each sets doc.ents at its end only,
    and says whether it did: after one that did, the table forgets all that the entities may
    change (:func:`forget_entities`); most change nothing, and what was read stays true.

    >>> import spacy
    >>> from quotegraph.extract.doc_tables import reading
    >>> doc = Doc(spacy.blank("de").vocab, words="die französische Regierung in Paris".split(),
    ...           pos=["DET", "ADJ", "NOUN", "ADP", "PROPN"], ents=["O", "B-LOC", "O", "O", "B-LOC"])
    >>> with reading(doc):
    ...     run_name_passes(doc, CueLexicon("de"))
    >>> doc.ents
    (Paris,)
    """
    for run in (drop_adjectives, trim_quotation_marks):
        if run(doc):
            forget_entities(doc)
    for run in (cut_names_at_verbs, persons_after_roles, complete_person_names, retype_organisations):
        if run(doc, lex):
            forget_entities(doc)


def forget_entities(doc: Doc) -> None:
    """Forget, in the table of a Doc being read, all that its entities may change, after
    ``doc.ents`` is set: only the arrays of the tokens' other attributes (``doc_array``,
    ``id_list``, ``forms`` of :mod:`~quotegraph.extract.doc_tables`), the text and the parse's tables are kept.

    >>> import spacy
    >>> from spacy.attrs import POS
    >>> from quotegraph.extract.doc_tables import doc_ents, id_list, reading
    >>> doc = spacy.blank("en")("Anna Weber met Tom")
    >>> with reading(doc):
    ...     _ = id_list(doc, ENT_TYPE), id_list(doc, POS), doc_ents(doc)
    ...     doc.ents = [doc.char_span(0, 10, label="PERSON")]
    ...     forget_entities(doc)
    ...     list(table_of(doc)) == [("array", POS), ("id_list", POS)], [e.text for e in doc_ents(doc)]
    (True, ['Anna Weber'])
    """
    table = table_of(doc)
    if table is None:
        return
    for key in list(table):
        if not (key in _PARSE_KEYS or isinstance(key, tuple) and len(key) == 2 and key[0] in _ARRAY_KEYS
                and key[1] not in _ENTITY_ATTRS):
            del table[key]


#: what :func:`forget_entities` keeps besides the arrays: the text and the parse's tables
_PARSE_KEYS = frozenset({"text", "token_bounds", "head_list", "children_of"})
_ARRAY_KEYS = frozenset({"array", "id_list", "forms"})
#: the token attributes that setting ``doc.ents`` changes
_ENTITY_ATTRS = frozenset({ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID})
