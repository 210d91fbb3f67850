"""Values the stages of ``qg_attribution`` read from one Doc many times, kept while the Doc is read.

Every pattern family walks the Doc's sentences and asks of its tokens whether they are
reporting verbs or open a source phrase; the speaker linker and the quote filter ask again.
Inside ``with reading(doc):`` (the component wraps each Doc in it) such answers are kept in
the Doc's table and computed once; outside, every call computes afresh, so a Doc changed
between two calls is never answered from a stale table.

>>> import spacy
>>> doc = spacy.blank("en")("It is cold.")
>>> table_of(doc) is None
True
>>> with reading(doc):
...     table_of(doc)["answer"] = 42
...     table_of(doc)["answer"]
42
>>> table_of(doc) is None
True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

import numpy as np
from spacy.attrs import HEAD, LOWER, MORPH, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

__all__ = ["reading", "table_of", "kept", "between", "doc_array", "doc_ents", "entity_at", "tokens_with", "tokens_where",
           "count_with", "morph_values", "forms", "strings_of", "flags", "lower_in", "among", "word_ids",
           "id_list", "children_of", "head_list", "morph_values_by_id", "morph_of", "annotated", "doc_sents", "id_set"]

T = TypeVar("T")

#: The Docs being read, by id(), each with its table. The Doc itself is held too, so its id
#: cannot be reused while it is here.
_OPEN: dict[int, tuple[Doc, dict]] = {}
#: the Doc whose table was looked up last, with its table (one tuple, swapped whole): the
#: stages ask about one Doc tens of thousands of times in a row, and comparing it with this
#: one costs less than hashing its id
_LAST: tuple[Doc | None, dict | None] = (None, None)


@contextmanager
def reading(doc: Doc) -> Iterator[dict]:
    """Keep the answers about ``doc`` until the block ends (nested blocks share the outer table)."""
    global _LAST
    key = id(doc)
    if key in _OPEN:
        yield _OPEN[key][1]
        return
    _OPEN[key] = (doc, {})
    try:
        yield _OPEN[key][1]
    finally:
        del _OPEN[key]
        if _LAST[0] is doc:
            _LAST = (None, None)


def table_of(doc: Doc) -> dict | None:
    """The table of a Doc being read, or None outside :func:`reading`."""
    global _LAST
    last = _LAST
    if last[0] is doc:
        return last[1]
    entry = _OPEN.get(id(doc))
    if entry is None or entry[0] is not doc:
        return None
    _LAST = entry
    return entry[1]


def between(indices: list[int], doc: Doc, start: int = 0, end: int | None = None) -> list[int]:
    """The sorted token ``indices`` that fall in ``doc[start:end]`` (bounds as a slice reads them),
    found by bisection.

    >>> import spacy
    >>> doc = spacy.blank("en")("One two Three four Five")
    >>> between([0, 2, 4], doc, 1), between([0, 2, 4], doc, -2)
    ([2, 4], [4])
    """
    n = len(doc)
    if 0 <= start <= (n if end is None else end) <= n:  # the usual bounds, read as they are
        return indices[bisect_left(indices, start) : bisect_left(indices, n if end is None else end)]
    bounds = range(n)[start:end]
    return indices[bisect_left(indices, bounds.start) : bisect_left(indices, max(bounds.start, bounds.stop))]


def doc_array(doc: Doc, attr: int) -> np.ndarray:
    """``doc.to_array(attr)``, kept while the Doc is read."""
    return _kept_value(doc, ("array", attr), Doc.to_array, attr)


def _kept_value(doc: Doc, key, compute: Callable[..., T], *args) -> T:
    """``compute(doc, *args)``, kept in the Doc's table under ``key`` while it is read, as
    :func:`kept` does, for a value that is never None: one look-up, and no closure made per
    call (the arrays and forms are asked for tens of thousands of times per Doc)."""
    last = _LAST
    table = last[1] if last[0] is doc else table_of(doc)
    if table is None:
        return compute(doc, *args)
    found = table.get(key)
    if found is None:
        found = table[key] = compute(doc, *args)
    return found


def id_list(doc: Doc, attr: int) -> list[int]:
    """``doc.to_array(attr)`` as a list of ints (a part of speech is a symbol, an entity type
    or a label a hash, 0 for none), kept while the Doc is read: to compare with ids, cheaper
    than :func:`forms`, which makes every token's string.

    >>> import spacy
    >>> from spacy.attrs import POS
    >>> from spacy.parts_of_speech import PROPN
    >>> doc = spacy.blank("en")("Hi Anna")
    >>> doc[1].pos_ = "PROPN"
    >>> id_list(doc, POS) == [0, PROPN]
    True
    """
    # _kept_value inline: asked hundreds of thousands of times per corpus
    last = _LAST
    table = last[1] if last[0] is doc else table_of(doc)
    if table is None:
        return _id_list(doc, attr)
    key = ("id_list", attr)
    found = table.get(key)
    if found is None:
        found = table[key] = _id_list(doc, attr)
    return found


def _id_list(doc: Doc, attr: int) -> list[int]:
    return doc_array(doc, attr).tolist()


def tokens_with(doc: Doc, words: frozenset[str], start: int = 0, end: int | None = None, attr: int = LOWER) -> list[int]:
    """The indices of the tokens in ``doc[start:end]`` whose ``attr`` (by default the lower-case
    form) is one of ``words``, found in the Doc's array.

    >>> import spacy
    >>> doc = spacy.blank("de")("Laut Polizei, so der Sprecher, sei es ruhig, so hieß es.")
    >>> tokens_with(doc, frozenset({"so", "laut"})), tokens_with(doc, frozenset({"so"}), 4)
    ([0, 3, 11], [11])
    """
    found = _kept_value(doc, ("tokens_with", attr, words), _tokens_with, words, attr)
    return between(found, doc, start, end)


def _tokens_with(doc: Doc, words: frozenset[str], attr: int) -> list[int]:
    return _has(doc, words, attr).nonzero()[0].tolist()


def tokens_where(doc: Doc, test: Callable[[str], bool], start: int = 0, end: int | None = None,
                 attr: int = LOWER) -> list[int]:
    """The indices of the tokens in ``doc[start:end]`` whose ``attr`` (by default the lower-case
    form) passes ``test``, which is asked once per distinct form, not once per token. Kept
    while the Doc is read under ``test`` itself: pass a function defined once (at module level
    or cached), never a lambda built per call.

    >>> import spacy
    >>> doc = spacy.blank("de")("Polizeiangaben zufolge sagte der Polizeisprecher nichts")
    >>> tokens_where(doc, lambda w: w.startswith("polizei")), tokens_where(doc, str.isupper, attr=ORTH)
    ([0, 4], [])
    """
    found = kept(doc, ("tokens_where", attr, test), lambda d: _where(d, test, attr))
    return between(found, doc, start, end)


def _where(doc: Doc, test: Callable[[str], bool], attr: int) -> list[int]:
    strings = doc.vocab.strings
    values = doc_array(doc, attr).tolist()
    passing = {v for v in set(values) if test(strings[v])}
    return [i for i, v in enumerate(values) if v in passing]


@lru_cache(maxsize=64)
def lower_in(words: frozenset[str]) -> Callable[[str], bool]:
    """A test for :func:`tokens_where`: whether a form, lower-cased, is one of ``words``. One
    function per set of words, so the answers are kept under it.

    >>> lower_in(frozenset({"say"}))("Say"), lower_in(frozenset({"say"})) is lower_in(frozenset({"say"}))
    (True, True)
    """
    return lambda form: form.lower() in words


def forms(doc: Doc, attr: int = LOWER) -> list[str]:
    """Every token's ``attr`` as a string (by default ``token.lower_``; ORTH: ``token.text``),
    from the Doc's array: no Token is built. Kept while the Doc is read.

    >>> import spacy
    >>> doc = spacy.blank("en")("Laut AP")
    >>> forms(doc), forms(doc, ORTH)
    (['laut', 'ap'], ['Laut', 'AP'])
    """
    last = _LAST  # _kept_value inline, as in id_list
    table = last[1] if last[0] is doc else table_of(doc)
    if table is None:
        return _forms(doc, attr)
    key = ("forms", attr)
    found = table.get(key)
    if found is None:
        found = table[key] = _forms(doc, attr)
    return found


def _forms(doc: Doc, attr: int) -> list[str]:
    return strings_of(doc_array(doc, attr).tolist(), doc.vocab.strings)


#: strings by id (a string's hash, the same in every vocabulary), as :func:`strings_of` read them
_STRINGS: dict[int, str] = {}
_MAX_STRINGS = 1_000_000  # remembered before starting afresh


def strings_of(ids: list[int], strings: StringStore) -> list[str]:
    """``[strings[h] for h in ids]``, each id read from the StringStore once per process: a
    lookup there decodes the string anew, and the same words come back Doc after Doc.

    >>> store = StringStore(["Hi", "there"])
    >>> strings_of([store["Hi"], store["there"], store["Hi"]], store)
    ['Hi', 'there', 'Hi']
    """
    try:  # the usual case, every id known: no scan of the list for a gap
        return list(map(_STRINGS.__getitem__, ids))
    except KeyError:
        pass
    out = list(map(_STRINGS.get, ids))
    if len(_STRINGS) > _MAX_STRINGS:
        _STRINGS.clear()
    for k, string in enumerate(out):
        if string is None:
            out[k] = _STRINGS[ids[k]] = strings[ids[k]]
    return out


def flags(doc: Doc, *attrs: int) -> list[bool]:
    """Whether each token has any of the boolean ``attrs`` (IS_PUNCT, IS_SPACE …), from the
    Doc's arrays. Kept while the Doc is read.

    >>> import spacy
    >>> from spacy.attrs import IS_PUNCT, IS_SPACE
    >>> flags(spacy.blank("en")("Yes , no"), IS_PUNCT, IS_SPACE)
    [False, True, False]
    """
    return _kept_value(doc, ("flags", attrs), _flags, attrs)


def _flags(doc: Doc, attrs: tuple[int, ...]) -> list[bool]:
    if len(attrs) == 1:  # most are asked for one flag: no stacking of the arrays
        return (doc_array(doc, attrs[0]) != 0).tolist()
    return np.any([doc_array(doc, a) != 0 for a in attrs], axis=0).tolist() if len(doc) else []


def count_with(doc: Doc, words: frozenset[str], start: int = 0, end: int | None = None, attr: int = ORTH) -> int:
    """How many tokens of ``doc[start:end]`` have an ``attr`` (by default the verbatim text) in
    ``words``: two lookups in a running count kept while the Doc is read, however long the span.

    >>> import spacy
    >>> doc = spacy.blank("en")('He said "yes" and ( no ) "maybe"')
    >>> count_with(doc, frozenset({'"'})), count_with(doc, frozenset({'"'}), 3, 6), count_with(doc, frozenset({"("}), -4)
    (4, 1, 0)
    """
    running = kept(doc, ("count_with", attr, words),
                   lambda d: np.concatenate(([0], np.cumsum(_has(d, words, attr)))).tolist())
    bounds = range(len(doc))[start:end]
    return running[max(bounds.start, bounds.stop)] - running[bounds.start]


def _has(doc: Doc, words: frozenset[str], attr: int) -> np.ndarray:
    """Which tokens have an ``attr`` in ``words``, from the Doc's array."""
    return among(doc_array(doc, attr), word_ids(words, doc.vocab.strings))


@lru_cache(maxsize=256)
def word_ids(words: frozenset[str], strings: StringStore) -> np.ndarray:
    """The ids of ``words`` in a Doc's arrays (``strings[word]``), sorted for :func:`among`:
    computed once per set of words, not per Doc (hashing a few hundred words costs more than
    looking them up)."""
    return np.sort(np.array([strings[w] for w in words], dtype=np.uint64))


@lru_cache(maxsize=256)
def id_set(words: frozenset[str], strings: StringStore) -> frozenset[int]:
    """The ids of ``words`` (labels, tags, forms) as :func:`id_list` gives them, to test a token's
    id against: looked up once per set of words, and no list of strings made per Doc.

    >>> store = StringStore(["PER"])
    >>> id_set(frozenset({"PER"}), store) == {store["PER"]}
    True
    """
    return frozenset(strings[w] for w in words)


def among(values: np.ndarray, members) -> np.ndarray:
    """Which ``values`` (an array of a Doc, uint64) are among ``members``, as ``np.isin``: by
    binary search in the members sorted, several times faster than ``np.isin`` on the Doc's
    64-bit ids. ``members`` may be any sequence of ids (sorted here unless it is an array,
    which :func:`word_ids` gives sorted).

    >>> among(np.array([3, 7, 1, 9], dtype=np.uint64), [9, 1]).tolist(), among(np.array([3], dtype=np.uint64), []).tolist()
    ([False, False, True, True], [False])
    >>> among(np.array([3, 7, 1, 9], dtype=np.uint64), [9, 1, 4, 5, 7, 8]).tolist()
    [False, True, True, True]
    """
    if not isinstance(members, np.ndarray):
        members = np.sort(np.array(list(members), dtype=np.uint64))
    if not len(members):
        return np.zeros(len(values), dtype=bool)
    if len(members) <= _FEW_MEMBERS and values.dtype == members.dtype:
        # a few members (a label or two, a punctuation mark): one comparison with each costs
        # less than the binary search of every value
        found = values == members[0]
        for member in members[1:]:
            found |= values == member
        return found
    # the arrays' own methods, not numpy's functions (each a wrapper per call); take() clips
    # a value past the last member to it, as a minimum would
    return members.take(members.searchsorted(values), mode="clip") == values


_FEW_MEMBERS = 4  # up to which :func:`among` compares with each member (measured on the dev Docs)


def morph_values(doc: Doc, field: str, start: int = 0, end: int | None = None) -> set[str]:
    """The values of one morphological feature over the tokens of ``doc[start:end]`` (as the
    union of their ``token.morph.get(field)``), each distinct analysis read once from the
    Doc's MORPH array.

    >>> import spacy
    >>> doc = spacy.blank("de")("Er sei krank und habe Fieber")
    >>> for t, m in zip(doc, ["Mood=Sub", "Mood=Sub", "", "", "Mood=Ind", "Case=Acc"]):
    ...     t.set_morph(m)
    >>> sorted(morph_values(doc, "Mood")), sorted(morph_values(doc, "Mood", 2))
    (['Ind', 'Sub'], ['Ind'])
    """
    strings = doc.vocab.strings
    analyses = set(doc_array(doc, MORPH)[start:end].tolist())
    return {value for key in analyses for value in _feature_values(strings[key], field)}


def morph_values_by_id(doc: Doc, field: str) -> dict[int, tuple[str, ...]]:
    """The values of one morphological feature for each distinct analysis (a MORPH id) of the
    Doc's tokens, kept while the Doc is read: :func:`morph_values` of a span is the union of
    those of its tokens' ids.

    >>> import spacy
    >>> doc = spacy.blank("de")("Er sei")
    >>> doc[1].set_morph("Mood=Sub")
    >>> sorted(morph_values_by_id(doc, "Mood").values())
    [(), ('Sub',)]
    """
    def compute(d: Doc) -> dict[int, tuple[str, ...]]:
        strings = d.vocab.strings
        return {key: _analysis_values(key, field, strings) for key in set(id_list(d, MORPH))}
    return kept(doc, ("morph_values_by_id", field), compute)


def morph_of(token: Token, field: str) -> tuple[str, ...]:
    """``token.morph.get(field)`` as a tuple, read from the Doc's MORPH array while the Doc is
    read: no analysis object made and parsed per call (each analysis's values are kept per
    process, by its id and the field, as the same analyses come back Doc after Doc).

    >>> import spacy
    >>> doc = spacy.blank("de")("Er sei")
    >>> doc[1].set_morph("Mood=Sub|Number=Sing")
    >>> with reading(doc):
    ...     morph_of(doc[1], "Mood"), morph_of(doc[0], "Mood")
    (('Sub',), ())
    """
    doc = token.doc
    last = _LAST
    table = last[1] if last[0] is doc else table_of(doc)
    if table is None:
        return tuple(token.morph.get(field))
    return _analysis_values(_kept_value(doc, ("id_list", MORPH), _id_list, MORPH)[token.i], field, doc.vocab.strings)


def _analysis_values(analysis: int, field: str, strings: StringStore) -> tuple[str, ...]:
    """The values of one feature in the analysis with this MORPH id, kept per process."""
    key = (analysis, field)
    values = _MORPH_VALUES.get(key)
    if values is None:
        if len(_MORPH_VALUES) > _MAX_MORPH_VALUES:
            _MORPH_VALUES.clear()
        values = _MORPH_VALUES[key] = _feature_values(strings[analysis], field)
    return values


#: the values of one field of an analysis, by (the analysis's id, the field), as :func:`morph_of` read them
_MORPH_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}
_MAX_MORPH_VALUES = 100_000  # remembered before starting afresh


@lru_cache(maxsize=4096)
def _feature_values(analysis: str, field: str) -> tuple[str, ...]:
    # "Mood=Ind|Number=Sing" → ("Ind",) for Mood; several values are written "Mood=Ind,Sub"
    prefix = field + "="
    return tuple(v for part in analysis.split("|") if part.startswith(prefix) for v in part[len(prefix):].split(","))


def kept(doc: Doc, key, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, kept in the Doc's table under ``key`` while the Doc is read (computed
    afresh on every call outside :func:`reading`).

    >>> import spacy
    >>> doc = spacy.blank("en")("It is cold.")
    >>> with reading(doc):
    ...     kept(doc, "n", len), kept(doc, "n", lambda d: 0)
    (4, 4)
    """
    last = _LAST
    table = last[1] if last[0] is doc else table_of(doc)
    if table is None:
        return compute(doc)
    found = table.get(key, _MISSING)  # one look-up (a value may be None)
    if found is _MISSING:
        found = table[key] = compute(doc)
    return found


_MISSING = object()  # kept: no value in the table yet


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` (which spaCy rebuilds from the tokens on every access), kept while the Doc is read."""
    return kept(doc, "ents", _ents)


def _ents(doc: Doc) -> tuple[Span, ...]:
    return doc.ents


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that holds token ``i``, or None, found by bisection in :func:`doc_ents`.

    >>> import spacy
    >>> doc = spacy.blank("en")("Anna Weber met Tom in Kiel")
    >>> doc.ents = [doc.char_span(0, 10, label="PER"), doc.char_span(22, 26, label="LOC")]
    >>> entity_at(doc, 1).text, entity_at(doc, 2), entity_at(doc, 5).text
    ('Anna Weber', None, 'Kiel')
    """
    ents = doc_ents(doc)
    starts = kept(doc, "ent_starts", lambda d: [e.start for e in ents])
    k = bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and i < ents[k].end else None


def head_list(doc: Doc) -> list[int]:
    """Each token's head as an absolute index (the root its own), from the Doc's HEAD array
    (relative offsets), kept while the Doc is read.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> head_list(Doc(Vocab(), words=["Sie", "lacht", "laut"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "advmod"]))
    [1, 1, 1]
    """
    return kept(doc, "head_list", _head_list)


def _head_list(doc: Doc) -> list[int]:
    return (np.arange(len(doc), dtype=np.int64) + doc_array(doc, HEAD).astype(np.int64)).tolist()


def children_of(doc: Doc) -> list[list[int]]:
    """Each token's children as indices, in text order (as ``token.children`` gives them),
    kept while the Doc is read: a token's dependents found without a Token made for each.
    The lists are shared (the leaves' one empty list too): read them, never change them.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> children_of(Doc(Vocab(), words=["Sie", "lacht", "laut"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "advmod"]))
    [[], [0, 2], []]
    """
    return kept(doc, "children_of", _children_of)


def _children_of(doc: Doc) -> list[list[int]]:
    # the leaves (most tokens) share one empty list: a list is made only for a head
    out: list[list[int]] = [_NO_CHILDREN] * len(doc)
    for i, head in enumerate(head_list(doc)):
        if head != i:
            kids = out[head]
            if kids is _NO_CHILDREN:
                out[head] = [i]
            else:
                kids.append(i)
    return out


_NO_CHILDREN: list[int] = []  # shared by every leaf: never changed


def annotated(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)`` ("DEP", "TAG" …), kept while the Doc is read: spaCy looks
    through the tokens on every call, and the patterns ask per sentence and per cue.

    >>> import spacy
    >>> doc = spacy.blank("en")("It is cold.")
    >>> with reading(doc):
    ...     annotated(doc, "DEP"), annotated(doc, "DEP")
    (False, False)
    """
    return _kept_value(doc, ("has_annotation", attr), Doc.has_annotation, attr)


def doc_sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)`` (which spaCy walks the tokens for on every access), kept while the Doc
    is read: the coreference's focus and the quote filter both read every sentence.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("It is cold. We stay.")
    >>> with reading(doc):
    ...     [s.text for s in doc_sents(doc)], doc_sents(doc) is doc_sents(doc)
    (['It is cold.', 'We stay.'], True)
    """
    return kept(doc, "doc_sents", lambda d: list(d.sents))
