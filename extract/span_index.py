"""Look-ups over a Doc's spans by bisection, not a scan: its named entities by token
(:class:`DocEntities`) and a set of character spans (:class:`CharSpans`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from spacy.tokens import Doc, Span

from .doc_tables import doc_ents


class DocEntities:
    """A Doc's named entities by token position: those inside a range are found by bisection
    (``Span.ents`` scans all of ``doc.ents``, which spaCy rebuilds on every access).

    >>> import spacy
    >>> doc = spacy.blank("de")("Anna Weber traf Tom Brook in Kiel.")
    >>> doc.ents = [doc.char_span(0, 10, label="PER"), doc.char_span(16, 25, label="PER")]
    >>> [e.text for e in DocEntities(doc).within(0, 5)], [e.text for e in doc[0:5].ents]
    (['Anna Weber', 'Tom Brook'], ['Anna Weber', 'Tom Brook'])
    """

    def __init__(self, doc: Doc):
        self._ents = list(doc_ents(doc))
        self._starts = [e.start for e in self._ents]

    def within(self, start: int, end: int) -> list[Span]:
        """The entities inside tokens [start, end), in order (as ``doc[start:end].ents``)."""
        out = []
        i = bisect_left(self._starts, start)
        while i < len(self._ents) and self._ents[i].end <= end:
            out.append(self._ents[i])
            i += 1
        return out


class CharSpans:
    """Character spans (speakers, cues …): whether a span is one of them, and whether one
    covers a character, answered by bisection, not a scan of them all.

    >>> spans = CharSpans([(0, 10), (20, 25)])
    >>> (20, 25) in spans, spans.covers(5), spans.covers(12), spans.covers(24)
    (True, True, False, True)
    >>> spans.holds(2, 10), spans.holds(8, 21)
    (True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans = set(spans)
        ordered = sorted(self._spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far

    def __contains__(self, span: tuple[int, int]) -> bool:
        return span in self._spans

    def covers(self, char: int) -> bool:
        """Whether some span holds ``char`` (start ≤ char < end)."""
        return self.holds(char, char + 1)

    def holds(self, start: int, end: int) -> bool:
        """Whether some span holds all of [start, end) (its start ≤ start and end ≤ its end)."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end
