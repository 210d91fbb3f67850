"""A Doc's sentences as a reader sees them: splits the parser made inside a sentence undone."""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token

from .doc_tables import doc_array, flags, forms, id_list, table_of, token_bounds

__all__ = ["sentences"]


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, with splits a parser made inside a sentence undone: a "sentence"
    that starts with a comma, a closing mark or a lower-case word continues the one before,
    and so does one after a word with no punctuation or line break ("Laut SPIEGEL | ONLINE").

    >>> import spacy
    >>> nlp = spacy.blank("de")
    >>> doc = nlp("Er sagte , es sei kalt . Dann ging er . Laut SPIEGEL ONLINE ist es spät .")
    >>> for i in (2, 3, 7, 11, 13):
    ...     doc[i].is_sent_start = True
    >>> [s.text for s in sentences(doc)]
    ['Er sagte , es sei kalt .', 'Dann ging er .', 'Laut SPIEGEL ONLINE ist es spät .']
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
    if "sents" not in doc.user_hooks:
        return [doc[a:b] for a, b in _sentence_bounds(doc)]
    out: list[list[int]] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), sent[0])
        continues = (first.is_punct and first.text in ",;:)“”»«‘’" and not _opens_quote(first)
                     or (first.is_lower and first.is_alpha))
        prev_end = doc[sent.start - 1] if sent.start > 0 else None
        if prev_end is not None and prev_end.is_alpha and prev_end.whitespace_ and "\n" not in prev_end.whitespace_:
            continues = True
        if out and continues and not (prev_end is not None and prev_end.text in ("?", "!") and first.is_lower):
            out[-1][1] = sent.end
        else:
            out.append([sent.start, sent.end])
    return [doc[a:b] for a, b in out]


def _sentence_bounds(doc: Doc) -> list[list[int]]:
    """:func:`_sentences` as token bounds, read from the Doc's arrays (its sentence starts as
    ``doc.sents`` reads them, flags, texts, offsets): no Token or Span made per sentence."""
    n = len(doc)
    if n == 0:
        return []
    starts = [0, *(np.flatnonzero(doc_array(doc, SENT_START)[1:] == 1) + 1).tolist()]
    space, punct, lower, alpha = (flags(doc, attr) for attr in (IS_SPACE, IS_PUNCT, IS_LOWER, IS_ALPHA))
    texts, spacy = forms(doc, ORTH), id_list(doc, SPACY)
    out: list[list[int]] = []
    for s, e in zip(starts, [*starts[1:], n]):
        f = next((k for k in range(s, e) if not space[k]), s)
        continues = (punct[f] and texts[f] in ",;:)“”»«‘’" and not _opens_quote_at(doc, f, texts)
                     or (lower[f] and alpha[f]))
        p = s - 1
        if p >= 0 and alpha[p] and spacy[p]:  # a word, then a space (never a line break): the split is the parser's
            continues = True
        if out and continues and not (p >= 0 and texts[p] in ("?", "!") and lower[f]):
            out[-1][1] = e
        else:
            out.append([s, e])
    return out


def _opens_quote_at(doc: Doc, i: int, texts: list[str]) -> bool:
    """:func:`_opens_quote` of token ``i``, from the Doc's texts and offsets."""
    if texts[i] not in "“‘" or i + 1 >= len(texts):
        return False
    starts = token_bounds(doc)[0]
    return starts[i + 1] == starts[i] + len(texts[i]) and texts[i + 1][:1].isalnum()


def _opens_quote(token: Token) -> bool:
    """An English opening mark (“ or ‘) glued to the word after it ("“I thought …"); the same
    characters close German quotes („…“), and a closing mark has a space or a mark after it."""
    doc = token.doc
    if token.text not in "“‘" or token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1]
    return nxt.idx == token.idx + len(token.text) and nxt.text[:1].isalnum()
