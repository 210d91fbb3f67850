"""A Doc's sentences as a reader sees them: splits the parser made inside a sentence undone."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .doc_tables import table_of

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


def _opens_quote(token: Token) -> bool:
    """An English opening mark (“ or ‘) glued to the word after it ("“I thought …"); the same
    characters close German quotes („…“), and a closing mark has a space or a mark after it."""
    doc = token.doc
    if token.text not in "“‘" or token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1]
    return nxt.idx == token.idx + len(token.text) and nxt.text[:1].isalnum()
