"""Character offsets of a Doc's tokens and spans, and their text, kept while the Doc is read.

spaCy finds a token at a character, joins a span's text and makes a Span for a slice in
Python, anew on every call; the stages of ``qg_attribution`` ask for the same offsets and
texts again and again. Inside :func:`~quotegraph.extract.doc_tables.reading` these answers
come from the Doc's table (:mod:`quotegraph.extract.doc_tables`); outside, from spaCy.

>>> import spacy
>>> from quotegraph.extract.doc_tables import reading
>>> doc = spacy.blank("en")("It is cold.")
>>> with reading(doc):
...     span_text(span_of(doc, 1, 3)), char_span_bounds(doc, 6, 10, "expand")
('is cold', (2, 3))
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.attrs import IDX, LENGTH, ORTH, SPACY
from spacy.tokens import Doc, Span

from .doc_tables import doc_array, forms, kept, reading, table_of  # noqa: F401 (reading: the doctests use it)

__all__ = ["span_of", "char_span_bounds", "span_text", "doc_text", "token_bounds", "char_span_kept"]


def span_of(doc: Doc, start: int, end: int) -> Span:
    """``doc[start:end]``, made directly when the bounds are in order (0 ≤ start ≤ end ≤
    len(doc)): spaCy's slice normalisation, in Python, costs more than the Span.

    >>> import spacy
    >>> doc = spacy.blank("en")("It is cold.")
    >>> [(s.start, s.end) for s in (span_of(doc, 1, 3), span_of(doc, 3, 1), span_of(doc, -2, 9))]
    [(1, 3), (3, 3), (2, 4)]
    """
    return Span(doc, start, end) if 0 <= start <= end <= len(doc) else doc[start:end]


def char_span_bounds(doc: Doc, start_idx: int, end_idx: int, alignment_mode: str) -> tuple[int, int] | None:
    """The token bounds of ``doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)``
    ("expand" or "contract"), or None where it gives None; found by bisection in
    :func:`token_bounds`, no Token or Span made (spaCy's makes several Tokens per call).

    >>> import spacy
    >>> doc = spacy.blank("en")("It is  cold.")
    >>> with reading(doc):
    ...     [char_span_bounds(doc, a, b, m) for a, b, m in ((1, 4, "expand"), (1, 4, "contract"), (2, 3, "expand"), (0, 20, "expand"))]
    ...     all(char_span_bounds(doc, a, b, m) == ((s.start, s.end) if (s := doc.char_span(a, b, alignment_mode=m)) is not None else None)
    ...         for a in range(-1, 14) for b in range(a, 14) for m in ("expand", "contract"))
    [(0, 2), None, (1, 1), None]
    True
    """
    if table_of(doc) is None:  # the offsets are not kept: spaCy's own
        span = doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)
        return (span.start, span.end) if span is not None else None
    starts, ends, ws_ends = token_bounds(doc)
    start, end = _token_at_char(starts, ws_ends, start_idx), _token_at_char(starts, ws_ends, end_idx - 1)
    if start == -2 or end == -2:  # a token of no characters: as spaCy searches
        span = doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)
        return (span.start, span.end) if span is not None else None
    if start < 0 or end < 0:
        return None
    if alignment_mode == "contract":
        if starts[start] < start_idx:
            start += 1
        if end_idx < ends[end]:
            end -= 1
        if end < start:
            return None
    elif alignment_mode == "expand":
        if start_idx == ends[start]:  # the trailing whitespace is no part of the token before
            start += 1
    else:
        raise ValueError(f"alignment_mode must be 'expand' or 'contract', not {alignment_mode!r}")
    return start, end + 1


def _token_at_char(starts: list[int], ws_ends: list[int], char: int) -> int:
    """The token whose text or trailing whitespace holds ``char``, -1 if none does, -2 if a
    token of no characters is next to it (then spaCy's own search decides)."""
    k = bisect_right(starts, char) - 1
    if k < 0:
        return -1
    if starts[k] == ws_ends[k] or (k + 1 < len(starts) and starts[k + 1] == ws_ends[k + 1]):
        return -2
    return k if char < ws_ends[k] else -1


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text kept while the Doc is read (spaCy joins the
    span's tokens, building each, on every access).

    >>> import spacy
    >>> doc = spacy.blank("en")("It is  cold. ")
    >>> [span_text(doc[a:b]) == doc[a:b].text for a, b in ((0, 2), (1, 4), (2, 2), (0, len(doc)))]
    [True, True, True, True]
    """
    if table_of(span.doc) is None:
        return span.text
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc while it is read (:func:`reading`): spaCy joins every
    token's text anew on each access of ``doc.text``, and the stages of ``qg_attribution`` each
    need it. Joined from :func:`forms` and the trailing-space flags (a token's
    ``text_with_ws`` is its text and a space where it has one), no Token built.

    >>> import spacy
    >>> doc = spacy.blank("en")("It is  cold. ")
    >>> with reading(doc):
    ...     doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    True
    """
    return kept(doc, "text", _doc_text)


def _doc_text(doc: Doc) -> str:
    parts = [""] * (2 * len(doc))  # each form, then its trailing space or "": set by slice assignment, no loop
    spaces = np.array(["", " "], dtype=object)[doc_array(doc, SPACY).astype(np.intp)]
    parts[::2], parts[1::2] = forms(doc, ORTH), spaces.tolist()
    return "".join(parts)


def token_bounds(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Each token's first character, the character after its text and the character after
    its trailing whitespace (three lists from the Doc's arrays), kept while the Doc is read:
    offsets without a Token object made for each.

    >>> import spacy
    >>> token_bounds(spacy.blank("en")("Hi  there"))
    ([0, 3, 4], [2, 4, 9], [3, 4, 9])
    """
    return kept(doc, "token_bounds", _token_bounds)


def _token_bounds(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    # the offsets in one array; the trailing-space flags are kept (doc_text reads them too)
    starts, lengths = doc.to_array([IDX, LENGTH]).astype(np.int64).reshape(-1, 2).T
    ends = starts + lengths
    return starts.tolist(), ends.tolist(), (ends + doc_array(doc, SPACY).astype(np.int64)).tolist()


def char_span_kept(doc: Doc, start_idx: int, end_idx: int, alignment_mode: str = "expand") -> Span | None:
    """``doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)``, each span kept while
    the Doc is read: the stages after the patterns look the same speaker, cue and quote up
    again and again (spaCy makes several Tokens per look-up). The span is shared: not to be
    changed (its label, its id).

    >>> import spacy
    >>> doc = spacy.blank("en")("It is  cold.")
    >>> with reading(doc):
    ...     all(char_span_kept(doc, a, b, m) == doc.char_span(a, b, alignment_mode=m)
    ...         for a in range(-1, 14) for b in range(a, 14) for m in ("expand", "contract"))
    ...     char_span_kept(doc, 0, 5) is char_span_kept(doc, 0, 5)
    True
    True
    """
    table = table_of(doc)
    if table is None:
        return doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)
    spans = table.get("char_spans")
    if spans is None:
        spans = table["char_spans"] = {}
    key = (start_idx, end_idx, alignment_mode)
    if key not in spans:
        spans[key] = doc.char_span(start_idx, end_idx, alignment_mode=alignment_mode)
    return spans[key]
