"""Role nouns that name someone by their office alone: a title ("Ministerin"), a compound ending
in one ("SPD-Chefin", "Wirtschaftsministerin"), and the gender such a German noun shows.

A definite description made of such a noun ("die Wirtschaftsministerin", "der SPD-Chef") refers
back to the person in focus, as a pronoun does, and only to one of its gender.

Examples
--------
>>> from quotegraph.extract.lexicon import load_lexicon
>>> lex = load_lexicon("de")
>>> [title_noun(w, lex) for w in ("Ministerin", "SPD-Chefin", "Wirtschaftsministerin", "Ehefrau", "Zeitung")]
[True, True, True, False, False]
>>> [title_gender(w, lex) for w in ("Wirtschaftsministerin", "SPD-Chefin", "Bundesinnenminister")]
['Fem', 'Fem', None]
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import CueLexicon

__all__ = ["title_noun", "title_gender", "MIN_TITLE_TAIL"]

#: a compound written together ends in a title of at least so many letters ("Bundesinnenminister",
#: "Konzernchef"); a form of address never counts ("Ehefrau", "Hausherr")
MIN_TITLE_TAIL = 4


def title_noun(word: str, lex: CueLexicon) -> bool:
    """Whether a word is one of ``lex.titles`` (in any case) or, in a language that writes
    compounds as one word, a compound ending in one, after a hyphen ("SPD-Chefin") or written
    together ("Wirtschaftsministerin"), whose last part is no form of address
    (``lex.masculine_titles``, ``lex.feminine_titles``: "Ehefrau" is no office)."""
    if word in lex.titles or word.capitalize() in lex.titles:
        return True
    if not lex.capitalised_nouns:
        return False  # English compounds are written apart ("vice president"): no tail to read
    # (a word that is a tail itself is a title in another case, found above)
    return word.lower().endswith(_tails(lex.titles, lex.masculine_titles | lex.feminine_titles))


def title_gender(word: str, lex: CueLexicon) -> str | None:
    """"Fem" for a title made feminine by its ending ("Ministerin", "SPD-Chefin": the title
    without the ending is one too), else None: a masculine form may be said of anyone
    (the tagger's gender, read by the caller, may tell more)."""
    for end in lex.feminine_role_endings:
        if word.endswith(end) and len(word) > len(end) and title_noun(word[: -len(end)], lex):
            return "Fem"
    return None


@lru_cache(maxsize=8)
def _tails(titles: frozenset[str], addresses: frozenset[str]) -> tuple[str, ...]:
    """The lower-case titles a compound may end in (:data:`MIN_TITLE_TAIL`, no form of address)."""
    return tuple(sorted(t.lower() for t in titles
                        if len(t) >= MIN_TITLE_TAIL and t.isalpha() and t.lower() not in addresses))
