"""The body a compound source noun names in its first part: "Polizeiangaben" are the police's,
"UNHCR-Angaben" the UNHCR's (languages that write compounds as one word)."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import CueLexicon

__all__ = ["compound_owner"]

#: the shortest source noun read as a compound's last part ("angaben", not "wort" of "Antwort")
_SHORTEST_TAIL = 6
#: letters a first part has at least ("Bahn" of "Bahnangaben")
_SHORTEST_OWNER = 3


def compound_owner(word: str, lex: CueLexicon) -> str | None:
    """The first part of a compound that ends in a source noun, as its own word: the linking "s"
    after an ending that takes it dropped ("Regierungsangaben" → "Regierung";
    ``lex.linking_s_endings``), a hyphen dropped ("UNHCR-Angaben" → "UNHCR"); None for a word
    that is no such compound (a source noun itself, "Angaben", or a language that writes
    compounds apart).

    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> de = load_lexicon("de")
    >>> compound_owner("Polizeiangaben", de), compound_owner("Regierungsangaben", de), compound_owner("Angaben", de)
    ('Polizei', 'Regierung', None)
    """
    if not lex.compound_source_nouns or not word[:1].isupper():
        return None
    return _owner(word, lex.source_nouns, lex.linking_s_endings)


@lru_cache(maxsize=8192)
def _owner(word: str, nouns: frozenset[str], endings: frozenset[str]) -> str | None:
    low = word.lower()
    # the longest source noun it ends in, with a first part before it
    tails = [n for n in nouns if len(n) >= _SHORTEST_TAIL and low.endswith(n) and len(low) - len(n) >= _SHORTEST_OWNER]
    if not tails:
        return None
    owner = word[: len(word) - len(max(tails, key=len))].rstrip("-")
    if owner.endswith("s") and owner[:-1].lower().endswith(tuple(endings)):
        owner = owner[:-1]
    return owner if len(owner) >= _SHORTEST_OWNER else None
