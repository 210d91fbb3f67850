"""A Doc's sentences as a reader sees them: splits the parser made inside a sentence undone."""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token

from .doc_offsets import span_of
from .doc_tables import doc_array, flags, forms, table_of

__all__ = ["sentences"]


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, with splits a parser made inside a sentence undone: a "sentence"
    that starts with a comma, a closing mark or a lower-case word continues the one before,
    and so does one after a comma ("Sie erklärte, | Gillibrand sei …") or after a word with no
    punctuation or line break ("Laut SPIEGEL | ONLINE").

    >>> import spacy
    >>> nlp = spacy.blank("de")
    >>> doc = nlp("Er sagte , es sei kalt . Dann ging er . Laut SPIEGEL ONLINE ist es spät . Sie meinte , Anna komme .")
    >>> for i in (2, 3, 7, 11, 13, 18, 21):
    ...     doc[i].is_sent_start = True
    >>> [s.text for s in sentences(doc)]
    ['Er sagte , es sei kalt .', 'Dann ging er .', 'Laut SPIEGEL ONLINE ist es spät .', 'Sie meinte , Anna komme .']
    """
    table = table_of(doc)
    if table is None:
        return _sentences(doc)
    if "sentences" not in table:
        table["sentences"] = _sentences(doc)
    return list(table["sentences"])


def _sentences(doc: Doc) -> list[Span]:
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    # read from the Doc's arrays (a Token made only for a mark that may open a quote): the
    # sentences as ``doc.sents`` gives them, each from a token whose SENT_START is 1
    n = len(doc)
    if not n:
        return []
    starts = [0, *(np.flatnonzero(doc_array(doc, SENT_START)[1:] == 1) + 1).tolist()]
    space, punct, lower, alpha, spaces = (flags(doc, IS_SPACE), flags(doc, IS_PUNCT), flags(doc, IS_LOWER),
                                          flags(doc, IS_ALPHA), flags(doc, SPACY))
    texts = forms(doc, ORTH)
    out: list[list[int]] = []
    for start, end in zip(starts, [*starts[1:], n]):
        first = next((k for k in range(start, end) if not space[k]), start)
        continues = (punct[first] and texts[first] in ",;:)“”»«‘’" and not _opens_quote(doc[first])
                     or (lower[first] and alpha[first]))
        if start > 0 and (alpha[start - 1] and spaces[start - 1] or texts[start - 1] == ","):
            continues = True  # (a token's trailing whitespace is one space at most; no sentence ends with a comma)
        if out and continues and not (start > 0 and texts[start - 1] in ("?", "!") and lower[first]):
            out[-1][1] = end
        else:
            out.append([start, end])
    return [span_of(doc, a, b) for a, b in out]


def _opens_quote(token: Token) -> bool:
    """An English opening mark (“ or ‘) glued to the word after it ("“I thought …"); the same
    characters close German quotes („…“), and a closing mark has a space or a mark after it."""
    doc = token.doc
    if token.text not in "“‘" or token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1]
    return nxt.idx == token.idx + len(token.text) and nxt.text[:1].isalnum()
