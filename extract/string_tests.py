"""Tests on a Doc's strings answered once per process, by the strings' ids: the same words come back Doc after Doc.

A pattern that asks of every distinct word of a Doc whether it is, say, a compound of a source
noun asks again in the next Doc of most of the same words. :class:`KnownIds` keeps the answers
by the ids a Doc's arrays hold (``doc.to_array(LOWER)`` …), which are the same in every Doc and
vocabulary (a string's hash), so each distinct string is tested once.

>>> from spacy.strings import StringStore
>>> strings = StringStore(["Polizeiangaben", "Haus", "Medienberichte"])
>>> long_words = KnownIds(lambda word: len(word) > 5)
>>> ids = {strings["Polizeiangaben"], strings["Haus"]}
>>> sorted(strings[h] for h in long_words.passing(ids, strings))
['Polizeiangaben']
>>> sorted(strings[h] for h in long_words.passing(ids | {strings["Medienberichte"]}, strings))
['Medienberichte', 'Polizeiangaben']
"""

from __future__ import annotations

from collections.abc import Callable

from .doc_tables import strings_of

__all__ = ["KnownIds"]


class KnownIds:
    """Which string ids pass ``test`` (a function of the string), each id tested once while it
    is remembered; past ``limit`` ids remembered (a long run meets many words) it starts afresh."""

    def __init__(self, test: Callable[[str], bool], limit: int = 500_000):
        self.test = test
        self.limit = limit
        self._seen: set[int] = set()
        self._passing: set[int] = set()

    def passing(self, ids: set[int], strings) -> set[int]:
        """Those of ``ids`` whose string (``strings[id]``) passes the test."""
        new = ids - self._seen
        if len(self._seen) + len(new) > self.limit:
            self._seen.clear()
            self._passing.clear()
            new = set(ids)
        self._seen |= new
        test = self.test
        new_ids = list(new)  # their strings read as the Doc's forms are (each id decoded once per process)
        self._passing.update(h for h, word in zip(new_ids, strings_of(new_ids, strings)) if test(word))
        return ids & self._passing
