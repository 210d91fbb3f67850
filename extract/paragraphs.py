"""The spaCy component that starts a sentence at each paragraph break, before the parser.

A blank line ends a paragraph, and no sentence runs over it. The parser does not always see
that: a headline without a full stop runs into the dateline of the first paragraph
("… Will Tell of 'Suffering.'¶¶WASHINGTON -- President Obama, …, said …"), and the subject of
"said" is lost to the headline's verb. ``qg_paragraph_starts`` marks the first word after
each blank line as a sentence start; the parser keeps marks set before it and decides the
rest.

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

__all__ = ["mark_paragraph_starts", "make_paragraph_starts"]


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line (a whitespace token holding two line
    breaks) as a sentence start, and a word right after an opening mark there as none; leave
    all other tokens to the parser."""
    # through the array, not ``Token.is_sent_start``: its setter scans the whole doc each time
    starts = doc.to_array([SENT_START]).astype("int64")  # -1 (no start) needs a signed type
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            first = doc[tok.i + 1]
            starts[first.i] = 1
            if first.is_left_punct and first.i + 1 < len(doc):
                # a paragraph opening with a quotation mark or bracket: the sentence runs on
                # through it (the parser would otherwise start another one after the mark)
                starts[first.i + 1] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@Language.factory("qg_paragraph_starts", assigns=["token.is_sent_start"])
def make_paragraph_starts(nlp: Language, name: str):
    """Create the component (``nlp.add_pipe("qg_paragraph_starts", before="parser")``)."""
    return mark_paragraph_starts
