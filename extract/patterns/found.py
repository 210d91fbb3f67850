"""What a pattern finds: one attribution as character offsets (:class:`Found`), the names of the
patterns (:class:`Pattern`), and the index of what was found so far (:class:`FoundIndex`).

>>> index = FoundIndex([Found((10, 20), "direct", pattern=Pattern.DIRECT)])
>>> index.outside(0, 10), index.outside(15, 30)
(True, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from spacy.attrs import DEP, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import token_bounds
from ..doc_tables import head_list, id_list, kept, table_of


class Pattern(str, Enum):
    """Which rule found an attribution. The strings are features of the learned quote filter
    and appear in error files: they never change."""

    DIRECT = "direct"  # text in quotation marks, with or without its frame
    NESTED = "nested"  # a quote inside a quote
    EMBEDDED = "embedded"  # a quoted fragment inside a sentence, settled later
    FRAGMENT = "fragment"  # an embedded quote with no cue, kept for the filter to judge
    TRANSCRIPT = "transcript"  # a turn of a printed dialogue ("TAPPER: …")
    COLON_HEADLINE = "colon_headline"  # "Senator X: The Plan Is Dead"
    RELATIVE_SOURCE = "relative_source"  # "Berichte, wonach …"
    CUE_FIRST = "cue_first"  # "X sagte, (dass) …"
    CUE_LAST = "cue_last"  # "…, sagte X."
    WIE = "wie"  # "Wie X berichtet, …"
    WIE_LAST = "wie_last"  # "…, wie X meldet."
    SO_LAST = "so_last"  # "…, so der Sprecher."
    NOUN = "noun"  # "die Ansicht, dass …"
    SOURCE = "source"  # "laut X …", "X zufolge …"
    POINTED = "pointed"  # "… . Das meldet X."
    KONJUNKTIV = "konjunktiv"  # Konjunktiv I right after a report
    KONJUNKTIV_FAR = "konjunktiv_far"  # Konjunktiv I with no report in reach (for the filter)
    SOLLEN = "sollen"  # hearsay: "soll … geflohen sein"
    ACT = "act"  # a reported speech act: "Die Opposition warnte vor dem Entwurf."
    BROAD_VERB = "broad_verb"  # any verb with a subject and a complement (for the filter)
    EVIDENTIAL = "evidential"  # hearsay or appearance with no source: "X seems to …", "X is expected to …"
    STANCE = "stance"  # an adjective of stance with a clause: "X is confident that …"
    NOUN_PREDICATE = "noun_predicate"  # a speech noun's clause after the copula: "The idea is that …"
    ASKED = "asked"  # what someone was asked: "X was asked whether …", "Asked about Y, …"
    NOUN_ACT = "noun_act"  # a speech act or stance named by a noun: "her criticism of the plan"
    OBJECT_RELATIVE = "object_relative"  # a relative clause's cue says it of its noun: "a plan that X called a mistake"

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


#: read in the loops over what was found (looking a member up on the class costs more than the test)
_EMBEDDED = Pattern.EMBEDDED


@dataclass
class Found:
    """One attribution found in a Doc, as character offsets (end exclusive)."""

    quote: tuple[int, int]
    kind: str
    cue: tuple[int, int, str] | None = None  # start, end, lemma
    speaker: tuple[int, int] | None = None
    mediator: tuple[int, int] | None = None  # the outermost relay
    # the relays inside ``mediator``, from the speaker's side outward (``Attribution.relays``)
    relays: tuple[tuple[int, int], ...] = ()
    parent: int | None = None  # index of the enclosing attribution in the final list
    pattern: Pattern | str = ""  # which rule found it: a feature of the filter, and for error analysis
    inherited: bool = False  # speaker taken from the previous attribution
    extra: dict = field(default_factory=dict)

    def overlaps(self, start: int, end: int) -> bool:
        return self.quote[0] < end and start < self.quote[1]

    @property
    def mediators(self) -> tuple[tuple[int, int], ...]:
        """Every relay, from the speaker's side outward; the last is ``mediator``."""
        return (*self.relays, self.mediator) if self.mediator is not None else ()

    def set_mediators(self, chain) -> None:
        """Set every relay, from the speaker's side outward (empty: none)."""
        chain = tuple(r for r in chain if r is not None)
        self.relays, self.mediator = chain[:-1], (chain[-1] if chain else None)

    def add_relay(self, relay: tuple[int, int] | None) -> None:
        """Put ``relay`` outside the relays there are: it passed on what they relayed.

        >>> f = Found((0, 9), "indirect", mediator=(20, 30))
        >>> f.add_relay((40, 50)); f.mediators
        ((20, 30), (40, 50))
        """
        if relay not in self.mediators:
            self.set_mediators((*self.mediators, relay))

    def relayed_by(self, speaker: tuple[int, int] | None) -> None:
        """Make ``speaker`` the speaker and the former speaker the innermost relay ("Laut Z
        berichtet X unter Berufung auf Y, …": Y speaks, X relays Y, Z relays X).

        >>> f = Found((0, 9), "indirect", speaker=(10, 11), mediator=(20, 30))
        >>> f.relayed_by((40, 50)); f.speaker, f.mediators
        ((40, 50), ((10, 11), (20, 30)))
        """
        self.set_mediators((self.speaker, *self.mediators))
        self.speaker = speaker


def span_chars(span: Span | None) -> tuple[int, int] | None:
    if span is None or len(span) == 0:
        return None
    return span.start_char, span.end_char


def cue_chars(token: Token, lemma: str) -> tuple[int, int, str]:
    """The cue's characters: the verb with the auxiliaries right beside it ("gesagt hatte",
    "war vermutet worden", "has said"), as one contiguous span."""
    doc = token.doc
    if table_of(doc) is not None:
        return _cue_chars_at(doc, token.i, lemma)
    start, end = token.i, token.i + 1
    if token.pos_ in ("VERB", "AUX"):
        while start > 0 and doc[start - 1].pos_ == "AUX" and doc[start - 1].dep_ != "cop":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "AUX" and doc[end].head.i in (token.i, doc[end - 1].i):
            end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), lemma


def _cue_chars_at(doc: Doc, i: int, lemma: str) -> tuple[int, int, str]:
    """:func:`cue_chars` of token ``i``, from the Doc's arrays while it is read: no Token made."""
    pos, deps, heads, starts, ends, cop = kept(doc, "cue_char_columns", _cue_char_columns)
    start, end = i, i + 1
    if pos[i] == _VERB or pos[i] == _AUX:
        while start > 0 and pos[start - 1] == _AUX and deps[start - 1] != cop:
            start -= 1
        while end < len(pos) and pos[end] == _AUX and heads[end] in (i, end - 1):
            end += 1
    return starts[start], ends[end - 1], lemma


def _cue_char_columns(doc: Doc) -> tuple:
    """What :func:`_cue_chars_at` reads of a Doc (one look-up per cue): parts of speech, labels,
    heads, token starts and ends, the id of "cop"."""
    starts, ends, _ = token_bounds(doc)
    return id_list(doc, POS), id_list(doc, DEP), head_list(doc), starts, ends, doc.vocab.strings["cop"]


_VERB, _AUX = int(VERB), int(AUX)


def outside(found: list[Found], start: int, end: int) -> bool:
    """No attribution overlaps [start, end), fragments inside sentences aside (reported speech
    may contain them: they become its nested quotes)."""
    if not found:  # the usual case: asked per token of a sentence where nothing was found yet
        return True
    return not any(f.overlaps(start, end) for f in found if f.pattern != _EMBEDDED)


class FoundIndex(Sequence):
    """The attributions found so far, in the order added, with their quote spans indexed for
    :meth:`outside` (a lookup, not a scan of everything found). A finder that moves a quote's
    bounds does it with :meth:`move`, so the index follows.

    >>> a, b = Found((0, 5), "direct"), Found((40, 60), "indirect")
    >>> index = FoundIndex([a, b])
    >>> index.outside(10, 30), [f.quote for f in index.overlapping(0, 50)]
    (True, [(0, 5), (40, 60)])
    >>> index.move(b, (20, 60)); index.outside(10, 30)
    False
    """

    def __init__(self, found: Iterable[Found] = ()):
        self._found: list[Found] = []
        self._keys: list[tuple[int, int]] = []  # (quote start, serial), sorted
        self._starts: list[int] = []  # the quote starts of ``_keys``: bisected as plain ints
        self._by_key: dict[tuple[int, int], Found] = {}
        self._serial: dict[int, int] = {}  # id(found) → serial
        self._longest = 0  # no indexed quote is longer: bounds the look-back of a query
        self.extend(found)

    def __getitem__(self, i):
        return self._found[i]

    def __len__(self) -> int:
        return len(self._found)

    def __iter__(self) -> Iterator[Found]:
        return iter(self._found)

    def sort(self, *, key) -> None:
        """Sort the attributions (their order, not the index); stable, as ``list.sort``."""
        self._found.sort(key=key)

    def add(self, f: Found) -> None:
        serial = len(self._serial)
        self._serial[id(f)] = serial
        self._found.append(f)
        self._insert(f, serial)

    def extend(self, found: Iterable[Found]) -> None:
        for f in found:
            self.add(f)

    def move(self, f: Found, quote: tuple[int, int]) -> None:
        """Give ``f`` (already added) new quote bounds."""
        serial = self._serial[id(f)]
        key = (f.quote[0], serial)
        k = bisect_left(self._keys, key)
        del self._keys[k]
        del self._starts[k]
        del self._by_key[key]
        f.quote = quote
        self._insert(f, serial)

    def _insert(self, f: Found, serial: int) -> None:
        key = (f.quote[0], serial)
        k = bisect_right(self._keys, key)
        self._keys.insert(k, key)
        self._starts.insert(k, key[0])
        self._by_key[key] = f
        self._longest = max(self._longest, f.quote[1] - f.quote[0])

    def overlapping(self, start: int, end: int) -> list[Found]:
        """The attributions whose quote overlaps [start, end), fragments inside sentences
        aside, ordered by quote start."""
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [f for f in (self._by_key[key] for key in self._keys[lo:hi])
                if f.pattern != _EMBEDDED and f.overlaps(start, end)]

    def outside(self, start: int, end: int) -> bool:
        """Whether no attribution overlaps [start, end), fragments inside sentences aside
        (reported speech may contain them: they become its nested quotes). As
        ``not overlapping(start, end)``, stopping at the first (the patterns ask it per token)."""
        keys, by_key, starts = self._keys, self._by_key, self._starts
        for k in range(bisect_right(starts, start - self._longest), bisect_left(starts, end)):
            f = by_key[keys[k]]
            if f.quote[0] < end and start < f.quote[1] and f.pattern != _EMBEDDED:
                return False
        return True
