"""The part of a source phrase that can name its speaker, at its end: a prepositional phrase
after the head names a circumstance ("das Institut in einer Mitteilung"), unless a person's name
set off by a comma closes the phrase ("die Delegationsleiterin beim Gipfel, Ana Roth").

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from quotegraph.extract.lexicon import load_lexicon
>>> words = ["das", "Institut", "in", "einer", "Mitteilung"]
>>> doc = Doc(spacy.blank("de").vocab, words=words, pos=["DET", "NOUN", "ADP", "DET", "NOUN"])
>>> without_trailing_pp(doc[0:5], load_lexicon("de")).text
'das Institut'
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH, POS
from spacy.parts_of_speech import ADP, PROPN
from spacy.tokens import Doc, Span

from .attributes import in_extended_attributes
from .doc_tables import entity_at, forms, id_list
from .lexicon import CueLexicon
from .title_nouns import title_noun

__all__ = ["without_trailing_pp", "name_set_off_at_end"]

_PERSON_LABELS = frozenset({"PER", "PERSON"})


def without_trailing_pp(span: Span, lex: CueLexicon) -> Span:
    """"das Institut in einer Mitteilung" → "das Institut": a prepositional phrase after the
    head names a circumstance, not the speaker ("von der Behörde" stays)."""
    if span.end - span.start < 2:
        return span  # no word after the head
    # a preposition is written in lower case: "Prof." tagged ADP is a title ("Klinikdirektor Prof. Dr. X")
    doc = span.doc
    pos, texts, lowers = id_list(doc, POS), forms(doc, ORTH), forms(doc, LOWER)  # no Token made per word
    inside = in_extended_attributes(span)  # "einer [am Dienstag veröffentlichten] Mitteilung"
    cut = next((i for i in range(span.start + 1, span.end) if pos[i] == ADP and texts[i].islower()
                and lowers[i] not in lex.name_prepositions and i not in inside), None)
    if cut is not None and _holder_set_off(doc, span.start, cut, span.end, lex):
        return span  # "die Delegationsleiterin beim Gipfel, Ana Roth": the name of the whole phrase
    return doc[span.start:cut] if cut is not None else span


def _holder_set_off(doc: Doc, start: int, cut: int, end: int, lex: CueLexicon) -> bool:
    """Whether a phrase cut at ``cut`` ends in a comma and a person's name, or a name the
    recogniser missed after a title ("die Sprecherin der Fraktion im Landtag, Ana Roth"): the
    one the phrase describes, not a place or a list ("in San Bernardino, California")."""
    aside = name_set_off_at_end(doc, cut, end)
    if aside is None:
        return False
    ent = entity_at(doc, aside)
    if ent is not None:
        return ent.start == aside and ent.end == end and ent.label_ in _PERSON_LABELS
    texts = forms(doc, ORTH)
    return (end - aside > 1 and not any(entity_at(doc, k) for k in range(aside, end))
            and any(title_noun(texts[k], lex) for k in range(start, cut)))


def name_set_off_at_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the run of proper nouns after a comma that closes tokens [start, end) begins
    ("…, Ana Roth"), or None."""
    pos, texts = id_list(doc, POS), forms(doc, ORTH)
    k = end
    while k > start and pos[k - 1] == PROPN:
        k -= 1
    return k if start < k < end and texts[k - 1] == "," else None
