"""What a pattern finds: one attribution as character offsets, and the overlap check between them."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token


@dataclass
class Found:
    """One attribution found in a Doc, as character offsets (end exclusive)."""

    quote: tuple[int, int]
    kind: str
    cue: tuple[int, int, str] | None = None  # start, end, lemma
    speaker: tuple[int, int] | None = None
    mediator: tuple[int, int] | None = None
    parent: int | None = None  # index of the enclosing attribution in the final list
    pattern: str = ""  # which rule found it, for error analysis
    inherited: bool = False  # speaker taken from the previous attribution
    extra: dict = field(default_factory=dict)

    def overlaps(self, start: int, end: int) -> bool:
        return self.quote[0] < end and start < self.quote[1]


def span_chars(span: Span | None) -> tuple[int, int] | None:
    if span is None or len(span) == 0:
        return None
    return span.start_char, span.end_char


def cue_chars(token: Token, lemma: str) -> tuple[int, int, str]:
    """The cue's characters: the verb with the auxiliaries right beside it ("gesagt hatte",
    "war vermutet worden", "has said"), as one contiguous span."""
    doc = token.doc
    start, end = token.i, token.i + 1
    if token.pos_ in ("VERB", "AUX"):
        while start > 0 and doc[start - 1].pos_ == "AUX" and doc[start - 1].dep_ != "cop":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "AUX" and doc[end].head.i in (token.i, doc[end - 1].i):
            end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), lemma


def outside(found: list[Found], start: int, end: int) -> bool:
    """No attribution overlaps [start, end), fragments inside sentences aside (reported speech
    may contain them: they become its nested quotes)."""
    return not any(f.overlaps(start, end) for f in found if f.pattern != "embedded")
