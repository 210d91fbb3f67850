"""Names glued at an apostrophe ("O’Dwyer", "D’Arienzo", "O'Hanrahan") made the one proper noun they
are: the German tokenizer splits them in three ("O", "’", "Dwyer") and the English tagger reads
the whole word as an adjective or adverb, so a name before them ("Lena", "Paolo") was taken for
the person's whole name."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .doc_offsets import doc_text
from .doc_tables import doc_ents, table_of
from .genders import first_name_genders
from .head_names import entity_type_of_label
from .lexicon import CueLexicon
from .name_passes import forget_entities

__all__ = ["join_glued_names"]

#: an elided article or "son of" glued to a capitalised name: "O’Dwyer", "D’Arienzo", "L’Aurore";
#: a whole word (not the end of "McO’Dwyer"), so a span of the tokenizer's pieces or one token
_GLUED_IN_TEXT = re.compile(r"(?<![\w’'])[A-Z][’'][A-Z][a-zà-ÿ]+(?!\w)")
#: the recogniser's label of a person in an article where it labelled none: spaCy's English
#: pipelines say PERSON, the others (trained on WikiNER or like it) PER
_PERSON_LABELS = {"en": "PERSON"}


def join_glued_names(doc: Doc, lex: CueLexicon) -> None:
    """Make each name glued at an apostrophe one token tagged a proper noun (the first of
    ``lex.proper_noun_tags``), and a person's name in ``doc.ents`` run on over one right after
    it ("Lena" → "Lena O’Dwyer"); so is a given name (``lexicons/first_names.json``) the
    recogniser gave another type ("Liam" a nationality before "O’Dwyer").

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> doc = Doc(spacy.blank("de").vocab, words=["sagte", "Lena", "O", "’", "Dwyer", "heute"],
    ...           spaces=[True, True, False, False, True, False], ents=["O", "B-PER", "O", "O", "O", "O"])
    >>> join_glued_names(doc, load_lexicon("de"))
    >>> [t.text for t in doc], doc.ents, doc[2].pos_, doc[2].tag_
    (['sagte', 'Lena', 'O’Dwyer', 'heute'], (Lena O’Dwyer,), 'PROPN', 'NE')
    """
    # the text first (joined once while the Doc is read): most articles hold no such name, and
    # no Token is made for them
    found = [m.span() for m in _GLUED_IN_TEXT.finditer(doc_text(doc))]
    if not found:
        return
    table = table_of(doc)
    if table is not None:
        table.clear()  # the tokens and their tags change below: what was read of them is stale
    pieces = [span for span in (doc.char_span(a, b) for a, b in found) if span is not None and len(span) > 1]
    if pieces:
        with doc.retokenize() as retokenizer:
            for span in pieces:
                retokenizer.merge(span)
    glued = [span.start for span in (doc.char_span(a, b) for a, b in found) if span is not None and len(span) == 1]
    tag = next(iter(sorted(lex.proper_noun_tags)), None)
    for i in glued:
        doc[i].pos_ = "PROPN"
        if tag is not None:
            doc[i].tag_ = tag
    starts = {t for t in glued if doc[t].ent_iob_ == "O"}
    given = first_name_genders()
    person = next((e.label_ for e in doc_ents(doc) if entity_type_of_label(e.label_) == "person"), None) \
        or _PERSON_LABELS.get(doc.lang_, "PER")
    longer = {e.start: Span(doc, e.start, e.end + 1, label=e.label_ if entity_type_of_label(e.label_) == "person" else person)
              for e in doc_ents(doc) if e.end in starts
              and (entity_type_of_label(e.label_) == "person" or (len(e) == 1 and e.text in given))}
    if longer:
        doc.ents = [longer.get(e.start, e) for e in doc.ents]
        forget_entities(doc)  # the entities read above are stale now
