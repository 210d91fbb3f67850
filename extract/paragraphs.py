"""The spaCy component that starts a sentence at each paragraph break, before the parser.

A blank line ends a paragraph, and no sentence runs over it. The parser does not always see
that: a headline without a full stop runs into the dateline of the first paragraph
("… Will Tell of 'Suffering.'¶¶WASHINGTON -- President Obama, …, said …"), and the subject of
"said" is lost to the headline's verb. ``qg_paragraph_starts`` marks the first word after
each blank line as a sentence start, and the first word after a dateline that opens a
paragraph ("Berlin (AFP) - Die Gewerkschaft hat …": the place and the credit are no part of
the sentence, whose subject the parser would otherwise look for there); the parser keeps marks
set before it and decides the rest.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("qg_paragraph_starts")
>>> doc = nlp("A headline\\n\\nThe first paragraph.")
>>> [t.text for t in doc if t.is_sent_start]
['A', 'The']
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["dateline_end", "mark_paragraph_starts", "make_paragraph_starts"]


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line (a whitespace token holding two line
    breaks), and after a single line break that ends a line a sentence ends with
    (:func:`_line_ends`: a heading, a time stamp), as a sentence start, and a word right after an opening mark there as none; leave
    all other tokens to the parser."""
    # through the array, not ``Token.is_sent_start``: its setter scans the whole doc each time
    starts = doc.to_array([SENT_START]).astype("int64")  # -1 (no start) needs a signed type
    text = doc.text
    paragraphs = [0] if len(doc) else []
    for tok in doc[:-1]:
        if tok.is_space and (tok.text.count("\n") >= 2 or (tok.text.count("\n") == 1 and _line_ends(text, tok.idx))):
            first = doc[tok.i + 1]
            starts[first.i] = 1
            paragraphs.append(first.i)
            if first.is_left_punct and first.i + 1 < len(doc):
                # a paragraph opening with a quotation mark or bracket: the sentence runs on
                # through it (the parser would otherwise start another one after the mark)
                starts[first.i + 1] = -1
    for first in paragraphs:
        after = dateline_end(doc, first)
        if after is not None:
            starts[after] = 1
            starts[after + 1 : after + 2] = -1  # (the sentence's second word starts none)
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


#: the dashes that end a dateline ("Berlin (AFP) - ", "WASHINGTON -- ", "MACAU (Reuters) – ")
_DATELINE_DASHES = frozenset({"-", "--", "–", "—"})
#: how many words a dateline's place and credit may take before its dash
_DATELINE_WORDS = 12


def dateline_end(doc: Doc, first: int) -> int | None:
    """The first word after a dateline opening a paragraph at token ``first``, or None: a
    place (capitalised words, commas, abbreviations) and a credit in brackets before a dash
    ("Berlin (AFP) - ", "BEDFORD, N.H. (AP) — "), or a place in capitals alone before it
    ("WASHINGTON -- "), followed by a capitalised word.

    >>> import spacy
    >>> nlp = spacy.blank("de")
    >>> dateline_end(nlp("Berlin (AFP) - Die Gewerkschaft ruft zum Streik auf."), 0)
    5
    >>> dateline_end(nlp("Ghana - Australien: 1:1"), 0) is None
    True
    """
    end = min(len(doc) - 1, first + _DATELINE_WORDS)
    dash = next((i for i in range(first + 1, end) if doc[i].text in _DATELINE_DASHES and doc[i].whitespace_), None)
    if dash is None or not doc[dash + 1].text[:1].isupper():
        return None
    place = [t for t in doc[first:dash] if not t.is_punct]
    if not place or not all(t.text[:1].isupper() or not t.is_alpha for t in place[:1]):
        return None
    credit = doc[dash - 1].text == ")" and any(doc[i].text == "(" for i in range(first + 1, dash - 1))
    if credit:
        opening = max(i for i in range(first + 1, dash - 1) if doc[i].text == "(")
        words = [t for t in doc[first:opening] if not t.is_punct]
        return dash + 1 if words and all(t.text[:1].isupper() for t in words) else None
    letters = [t for t in place if t.is_alpha or "." in t.text]
    capitals = bool(letters) and all(t.text.isupper() and len(t.text.strip(".")) >= 2 or t.text.endswith(".") for t in letters)
    return dash + 1 if capitals and any(t.is_alpha and len(t.text) >= 3 for t in letters) else None


#: how long a line may be that ends at a single line break with no full stop and still ends
#: its sentence there: a heading or a live blog's time stamp ("14:10 Uhr"), not prose wrapped
#: at a fixed width
_SHORT_LINE = 60


def _line_ends(text: str, at: int) -> bool:
    """Whether the line that a single line break at ``at`` closes ends a sentence with no mark
    of its own: a short line ending in a word or number (a heading, "14:10 Uhr"). A line ending
    in a mark is left to the parser, which reads the mark."""
    line = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    return bool(line) and len(line) <= _SHORT_LINE and line[-1].isalnum()


@Language.factory("qg_paragraph_starts", assigns=["token.is_sent_start"])
def make_paragraph_starts(nlp: Language, name: str):
    """Create the component (``nlp.add_pipe("qg_paragraph_starts", before="parser")``)."""
    return mark_paragraph_starts
