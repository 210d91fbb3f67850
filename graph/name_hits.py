"""Which of an article's entity names each of its quotes holds as a whole word, one search per name form.

The model links a quote to every entity of its article named inside it
(:func:`quotegraph.graph.model.plain_triples`). Testing every name against every quote is
quadratic in an article's size (on PolNeAR dev it was two fifths of the time spent making the
triples); here each name form is looked for once, in the quotes joined, and only the quotes it
occurs in are tested for word boundaries.

Examples
--------
>>> names = [("Anna Weber", ["Anna Weber", "Weber"]), ("Rat", ["Rat"])]
>>> names_in_texts(names, ["Weber sagte das.", "Sie beraten.", "Der Rat und Frau Weber."])
[['Anna Weber'], [], ['Anna Weber', 'Rat']]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["names_in_texts"]


def names_in_texts(names: Sequence[tuple[str, Sequence[str]]], texts: Sequence[str]) -> list[list[str]]:
    """For each text, the names one of whose forms it holds as a whole word, in the order of ``names``.

    Parameters
    ----------
    names : sequence of (name, forms)
        Each name with the non-empty forms it goes by (itself, its aliases).
    texts : sequence of str
        The texts to look in (an article's quotes).

    Returns
    -------
    list of list of str
        One list per text. A form is found where ``(?<!\\w)form(?!\\w)`` would match in the
        text (neither a letter, digit nor underscore either side), as testing each form against
        each text with that regex; a name given twice is listed twice.

    Examples
    --------
    >>> names_in_texts([("Rat", ["Rat"])], ["Rat", "Beirat", "Der Rat."])
    [['Rat'], [], ['Rat']]
    """
    found: list[list[str]] = [[] for _ in texts]
    if not texts:
        return found
    # the texts joined, so that a form is searched for once (at C speed) in all of them; an
    # occurrence across the separator lies in no text and is dropped by the bounds check
    joined = "\n".join(texts)
    starts, ends, at = [], [], 0
    for text in texts:
        starts.append(at)
        ends.append(at + len(text))
        at += len(text) + 1
    for name, forms in names:
        hit: set[int] = set()
        for form in forms:
            size = len(form)
            i = joined.find(form)
            while i != -1:
                k = bisect_right(starts, i) - 1
                end = ends[k]
                if k in hit or i + size > end:  # decided, or no later occurrence fits in text k
                    i = joined.find(form, end + 1)
                elif (i == starts[k] or not _is_word(joined[i - 1])) and (i + size == end or not _is_word(joined[i + size])):
                    hit.add(k)
                    i = joined.find(form, end + 1)
                else:
                    i = joined.find(form, i + 1)
        for k in sorted(hit):
            found[k].append(name)
    return found


def _is_word(char: str) -> bool:
    # what \w matches in a str pattern (the re module's documentation): no regex to compile per name
    return char.isalnum() or char == "_"
