"""The entities of one article: one per name however the article spells it ("Weber" and
"Anton Weber", "Präsident Anton Weber", "der Süddeutschen Zeitung" and "Süddeutsche Zeitung"),
the index :mod:`quotegraph.extract.coref` resolves mentions through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import CueLexicon

__all__ = ["EntityIndex", "ResolvedEntity", "name_key"]


@dataclass
class ResolvedEntity:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    inflected: bool = False  # match names by their words' uninflected forms (German)
    # the words of ``name``, worked out again only when the name changes (EntityIndex.add asks often)
    _word_cache: tuple[str, frozenset[str]] = field(default=("", frozenset()), init=False, repr=False, compare=False)

    @property
    def words(self) -> frozenset[str]:
        if self._word_cache[0] != self.name or not self.name:
            self._word_cache = (self.name, frozenset(_words(self.name, self.inflected)))
        return self._word_cache[1]


def _words(name: str, inflected: bool = False) -> list[str]:
    words = [w.casefold() for w in _NAME_WORD.findall(name)]
    return name_key(words) if inflected else words


#: German weak adjective endings, read as the "-e" form ("Allgemeinen" → "Allgemeine"); in
#: every word of a name alike, so a surname ending so ("Janssen") still matches itself
_GENITIVE_END = re.compile(r"(?:s|['’]s?)$")  # "Kölns", "Texas'", "Germany’s"
_ADJECTIVE_ENDINGS = ("en", "em")
# compiled once: re's own cache is looked up in Python on every call of re.findall/re.sub
_NAME_WORD = re.compile(r"\w[\w.'’-]*")
_WORD_CHAR = re.compile(r"\w")
_POSSESSIVE_END = re.compile(r"(?<=\w)(['’]s|['’])$")  # "Germany’s", "Texas'"


def name_key(words: list[str]) -> list[str]:
    """The uninflected forms of a German name's words, to match its cases: a weak adjective
    ending read as "-e" ("Frankfurter Allgemeinen Zeitung" = "Frankfurter Allgemeine Zeitung"),
    and a long last word's genitive "-s"/"-es" dropped ("Lehrerverbands", "Bundestages"); short
    words are left alone ("Peters" is no genitive of "Peter").

    >>> name_key(["frankfurter", "allgemeinen", "zeitung"]) == name_key(["frankfurter", "allgemeine", "zeitung"])
    True
    >>> name_key(["deutschen", "lehrerverbands"]), name_key(["peters"])
    (['deutsche', 'lehrerverband'], ['peters'])
    """
    out = []
    for k, w in enumerate(words):
        if len(w) >= 6 and w.endswith(_ADJECTIVE_ENDINGS):
            w = w[:-1]
        elif k == len(words) - 1 and len(w) >= 9 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-2] if w.endswith("es") and len(w) >= 10 else w[:-1]
        out.append(w)
    return out


@lru_cache(maxsize=65536)
def _inflected_words(name: str) -> int:
    """How many of a name's words differ from their uninflected form (fewer: nearer the nominative)."""
    words = _words(name)
    return sum(a != b for a, b in zip(words, name_key(words)))


#: per lexicon (by id, with the lexicon itself, so the id is not reused while it is here): its
#: titles casefolded, those of 4+ letters as a tuple (``str.endswith`` takes them at once), and
#: the names :meth:`EntityIndex.clean` cleaned, as the same names come back article after article
_LEXICON_TABLES: dict[int, tuple[CueLexicon, tuple[set[str], tuple[str, ...], dict[str, str]]]] = {}
_MAX_CLEANED = 100_000  # names remembered before starting afresh


def _lexicon_tables(lex: CueLexicon) -> tuple[set[str], tuple[str, ...], dict[str, str]]:
    entry = _LEXICON_TABLES.get(id(lex))
    if entry is None or entry[0] is not lex:
        if len(_LEXICON_TABLES) >= 8:  # lexicons loaded anew (tests): not all kept alive
            _LEXICON_TABLES.clear()
        titles = {t.casefold() for t in lex.titles}
        entry = _LEXICON_TABLES[id(lex)] = (lex, (titles, tuple(t for t in titles if len(t) >= 4), {}))
    return entry[1]


class EntityIndex:
    """Canonical entities of one article; names merge when one's words are part of another's."""

    def __init__(self, lex: CueLexicon):
        self.lex = lex
        self.entities: list[ResolvedEntity] = []
        # word -> places in self.entities of the entities whose names have it: a name can only
        # merge with an entity it shares a word with, so add() looks at those, not at them all
        self._by_word: dict[str, set[int]] = {}
        self._titles, self._title_endings, self._cleaned = _lexicon_tables(lex)
        self._keys: dict[str, tuple[str, frozenset[str], str]] = {}  # a name → _key's first two parts, casefolded
        self._abbreviations: dict[str, ResolvedEntity] = {}  # "sz" -> Süddeutsche Zeitung

    def clean(self, name: str) -> str:
        """The name without leading determiners and titles (and the owner before a title: "Kölns
        Präsident X"), and without a genitive 's."""
        cleaned = self._cleaned  # a function of the name and the lexicon: kept per process
        out = cleaned.get(name)
        if out is None:
            if len(cleaned) >= _MAX_CLEANED:
                cleaned.clear()
            out = cleaned[name] = self._clean(name)
        return out

    def _clean(self, name: str) -> str:
        words = name.split()
        while len(words) > 1 and (words[0].casefold() in self.lex.determiners or self.is_title(words[0])
                                  or words[0].casefold() in self.lex.possessives
                                  or self._outlet_word_before_name(words) or self._owner_before_title(words)):
            words = words[1:]
        out = " ".join(words).strip(" ,.;:").rstrip(" ([{")  # "The Associated Press (" as recognised
        out = _POSSESSIVE_END.sub("", out)
        return out

    def _outlet_word_before_name(self, words: list[str]) -> bool:
        """An outlet word before a name ("Sender CNN", "the broadcaster ZDF"); in a language that
        writes nouns in lower case a capitalised one is the name's own first word ("Network Rail")."""
        first, media = words[0], self.lex.media_words
        low = first.casefold()
        # (a genitive too where names inflect: "des Senders Nordfunk")
        outlet_word = low in media or self.lex.inflected_names and (low[:-1] in media or low[:-2] in media)
        return (outlet_word and words[1][:1].isupper()
                and (self.lex.capitalised_nouns or not first[:1].isupper()))

    def _owner_before_title(self, words: list[str]) -> bool:
        """A genitive name before a title and a name ("Australiens Ministerpräsidentin Anna X",
        "Texas' Governor X"): whose office it is, no part of the holder's name."""
        return (len(words) > 2 and words[0][:1].isupper() and _GENITIVE_END.search(words[0]) is not None
                and self.is_title(words[1]))

    def is_title(self, word: str) -> bool:
        """A title or function word before a name: "Präsident", "Gewerkschaftschefin", "Dr."."""
        low = word.casefold()
        return low in self._titles or (len(low) > 6 and low.endswith(self._title_endings))

    def _near(self, words: frozenset[str]):
        """Places of the entities that share a word with ``words``, in the order added."""
        if not words:
            return range(len(self.entities))
        by_word = self._by_word
        if len(words) == 1:  # most names met again are one word ("Weber")
            return sorted(by_word.get(next(iter(words)), ()))
        near: set[int] = set()
        for w in words:
            near.update(by_word.get(w, ()))
        return sorted(near)

    def add_abbreviation(self, abbreviation: str, ent: ResolvedEntity) -> None:
        """Make ``abbreviation`` a name of ``ent`` ("SZ" of "Süddeutsche Zeitung (SZ)")."""
        self._abbreviations.setdefault(abbreviation.casefold(), ent)
        ent.aliases.add(abbreviation)

    def _key(self, name: str) -> tuple[str, frozenset[str], ResolvedEntity | None]:
        """A name cleaned, its words as names are matched, and the entity it is an
        abbreviation of (no words: nothing to match)."""
        known = self._keys.get(name)
        if known is None:  # an article names its people and outlets many times
            cleaned = self.clean(name)
            words = _words(cleaned, self.lex.inflected_names) if cleaned and _WORD_CHAR.search(cleaned) else ()
            known = self._keys[name] = (cleaned, frozenset(words), cleaned.casefold())
        cleaned, words, folded = known
        if not words:
            return cleaned, words, None
        return cleaned, words, self._abbreviations.get(folded)

    def add(self, name: str, etype: str) -> ResolvedEntity | None:
        cleaned, words, known = self._key(name)
        if known is not None or not words:
            return known
        entities, matches = self.entities, []
        for k in self._near(words):
            e = entities[k]
            e_words = e.words  # a property: read once
            if words <= e_words or (e_words <= words and e.type == etype):
                matches.append((k, e))
        if matches:
            # a surname may sit in several names (a headline "Lässt Lukaschenko Putin …" tagged as one):
            # the same type first, then persons, then the name with the fewest other words (the
            # first of equals, as a stable sort puts it first)
            k, ent = matches[0] if len(matches) == 1 else min(
                matches, key=lambda m: (m[1].type != etype, m[1].type != "person", len(m[1].words - words)))
            if ent.words <= words and self._better_name(cleaned, words, ent):
                ent.aliases.add(ent.name)
                ent.name = cleaned
                self._index(k, ent.words)
            ent.aliases.add(cleaned)
            if name != cleaned:
                ent.aliases.add(name.rstrip(" ([{"))
            if ent.type in ("other", "organization") and etype in ("person", "media"):
                ent.type = etype
            return ent
        return self._new(cleaned, name, etype)

    def _better_name(self, cleaned: str, words: frozenset[str], ent: ResolvedEntity) -> bool:
        """Whether ``cleaned`` should name ``ent``: the fuller name, and of two forms of one
        name the one nearest the nominative ("Frankfurter Allgemeine Zeitung", not "…
        Allgemeinen …")."""
        if not self.lex.inflected_names:
            return len(cleaned) > len(ent.name)
        if len(words) != len(ent.words):
            return len(words) > len(ent.words)
        return (_inflected_words(cleaned), -len(cleaned)) < (_inflected_words(ent.name), -len(ent.name))

    def _new(self, cleaned: str, name: str, etype: str) -> ResolvedEntity:
        ent = ResolvedEntity(cleaned, etype, {cleaned, name.rstrip(" ([{")} - {""}, inflected=self.lex.inflected_names)
        self.entities.append(ent)
        self._index(len(self.entities) - 1, ent.words)
        return ent

    def find(self, name: str, etype: str) -> ResolvedEntity | None:
        """The known entity a name inside a quote refers to, or None; changes nothing.

        Unlike :meth:`add`, nothing known is renamed, retyped or given an alias (so naming
        someone inside a quote never changes who a quote is attributed to): the name is one of
        an entity's names, or its words are part of the name of an entity of its type or of a
        person ("Berger" → "Tom Berger", even when the NER calls "Berger" a place), or a name of
        the same type holds it ("Tom Berger" when only "Berger" was known).
        """
        cleaned, words, known = self._key(name)
        if known is not None or not words:
            return known
        near = [self.entities[k] for k in self._near(words)]
        same = [e for e in near if cleaned == e.name or cleaned in e.aliases]
        if same:
            return same[0]
        matches = []
        for e in near:
            e_words = e.words  # a property: read once
            if (words <= e_words and e.type in (etype, "person")) or (e_words <= words and e.type == etype):
                matches.append(e)
        if len(matches) < 2:
            return matches[0] if matches else None
        # the first of equals, as a stable sort puts it first
        return min(matches, key=lambda e: (e.type != etype, e.type != "person", len(e.words ^ words)))

    def find_or_add(self, name: str, etype: str) -> ResolvedEntity | None:
        """:meth:`find`, else a new entity of its own (nothing known changes)."""
        found = self.find(name, etype)
        if found is not None:
            return found
        cleaned = self.clean(name)
        return self._new(cleaned, name, etype) if cleaned and _WORD_CHAR.search(cleaned) else None

    def _index(self, k: int, words) -> None:
        for w in words:
            self._by_word.setdefault(w, set()).add(k)
