"""German noun-phrase attributes the parser misses: extended attributes and hyphenated compounds.

An extended attribute stands between an article and its noun ("einer [am Dienstag
veröffentlichten] Pressemitteilung"); a hyphenated compound with a lower-case first part is
a noun whatever its tag ("verdi-Sprecherin"). Pure functions over a Doc's arrays (kept while it
is read, :mod:`~quotegraph.extract.doc_tables`); a tagset without STTS ``ADJA`` has no
extended attribute.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.attrs import POS, TAG
from spacy.parts_of_speech import ADJ, ADP, ADV, DET, NOUN, NUM, PART, PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .doc_tables import doc_array, id_list, kept, table_of

__all__ = ["compound_noun", "extended_attribute", "in_extended_attributes"]


def compound_noun(token: Token) -> bool:
    """A hyphenated compound whose last part is capitalised: a noun, head last, whatever the
    tagger says of a lower-case first part ("verdi-Sprecher", "dpa-Korrespondentin").

    >>> import spacy
    >>> compound_noun(spacy.blank("de")("verdi-Sprecher")[0]), compound_noun(spacy.blank("de")("rot-grüne")[0])
    (True, False)
    """
    head = token.text.rpartition("-")[2]
    return head != token.text and head[:1].isupper()


#: the longest extended attribute read between an article and its adjective, in tokens
_LONGEST_ATTRIBUTE = 8
#: the parts of speech an extended attribute holds before its adjective
_ATTRIBUTE_POS = frozenset(int(p) for p in (ADP, DET, NOUN, PROPN, ADV, NUM, ADJ, PART))
_ADJA = get_string_id("ADJA")  # STTS: an attributive adjective
_HEADS_AFTER_ATTRIBUTE = frozenset(int(p) for p in (NOUN, PROPN, ADJ))
_DET = int(DET)
_NOUNS = frozenset({int(NOUN), int(PROPN)})


def extended_attribute(doc: Doc, i: int, limit: int) -> int | None:
    """Where the attributive adjective (STTS ``ADJA``) of an extended attribute opening at
    token ``i`` stands, or None: "einer [am Dienstag veröffentlichten] Pressemitteilung",
    "des [vom Parlament gewählten] Präsidenten". The adjective must follow words an
    attribute can hold (no verb, no punctuation) and come before a noun or another adjective;
    a tagset without ``ADJA`` has no such attribute. Reads the Doc's arrays (kept while it is read).
    """
    pos, tags = id_list(doc, POS), id_list(doc, TAG)
    for j in range(i, min(limit - 1, i + _LONGEST_ATTRIBUTE)):
        if tags[j] == _ADJA:
            if j == i + 1 and pos[i] in _NOUNS:
                return None  # "ihrem Anführer | starken Zulauf": a lone noun is the article's own
            return j if j > i and pos[j + 1] in _HEADS_AFTER_ATTRIBUTE else None
        if pos[j] not in _ATTRIBUTE_POS:
            return None
    return None


def in_extended_attributes(span: Span) -> set[int]:
    """The token indices inside the extended attributes of a phrase, their adjectives included
    ("am", "Dienstag", "veröffentlichten" in "einer am Dienstag veröffentlichten Mitteilung"):
    a preposition or adjective there opens no phrase of its own."""
    if span.end - span.start < 3:  # no room for an article, an attribute and a noun (most speakers, names)
        return set()
    doc = span.doc
    if table_of(doc) is not None:  # while the Doc is read: no adjective where one must stand, no attribute
        adjectives = kept(doc, "attributive_adjectives", _attributive_adjectives)
        k = bisect_left(adjectives, span.start + 2)  # an attribute's adjective follows its article and a word
        if k == len(adjectives) or adjectives[k] >= span.end - 1:  # and comes before a noun
            return set()
    pos, tags = id_list(doc, POS), id_list(doc, TAG)
    inside: set[int] = set()
    for i in range(span.start, span.end - 2):
        # an article, then no adjective of its own: the only place an attribute opens
        if pos[i] == _DET and tags[i + 1] != _ADJA and pos[i + 1] in _ATTRIBUTE_POS:
            adjective = extended_attribute(doc, i + 1, span.end)
            if adjective is not None:
                inside.update(range(i + 1, adjective + 1))
    return inside


def _attributive_adjectives(doc: Doc) -> list[int]:
    """The indices of a Doc's attributive adjectives (STTS ``ADJA``; none in another tagset)."""
    return np.flatnonzero(doc_array(doc, TAG) == _ADJA).tolist()
