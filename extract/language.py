"""Which language an article is in (offline, py3langid), limited to what quotegraph reads.

>>> detect_language("Die Regierung teilte am Montag mit, sie werde die Steuern senken.")
'de'
>>> detect_language("The government said on Monday it would cut taxes.")
'en'

:func:`clearly_in` answers the narrower question the ``--lang`` check asks (is this text in
the language it was read as?) from function words, without loading the detector's model
(about 0.9 CPU s, more than the rest of the check on the 150 Wikinews dev articles).
"""

from __future__ import annotations

import re

__all__ = ["detect_language", "clearly_in"]

#: Frequent function words of the languages quotegraph ships a lexicon for.
_FUNCTION_WORDS = {
    "de": frozenset("der die das und nicht ist ein eine einen einem den dem des sich mit auf für von zu zum zur "
                    "im auch sie er wird wurde dass werden hat sind bei nach aus noch wie über sei haben".split()),
    # not "in", "an", "was", "will": German words too
    "en": frozenset("the of and to a that is for on with he it as his said by at from be have has are "
                    "were this but not they which their its would who been".split()),
}
_WORDS = re.compile(r"[^\W\d_]+")
#: At least this many words, this share of them the language's function words, and another
#: language's at most this fraction of that share: measured on the 1,773 Wikinews and PolNeAR train and dev articles, each read
#: every text this calls clear the detector also puts in the language.
MIN_WORDS, MIN_OWN, MAX_OTHER = 30, 0.15, 1 / 3


def detect_language(text: str, *, sample_chars: int = 5000) -> str:
    """The ISO 639-1 code of the text's language, judged on its first ``sample_chars`` characters.

    Returns any language code the detector knows (so a caller can say "no pipeline for 'fr'");
    "und" when the text has no letters. A short text the detector puts in a language quotegraph
    does not read is put in the one whose function words it holds, if they point to one.
    """
    sample = text[:sample_chars]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    import py3langid  # loads its model on first use (about 1 s), so import late

    lang, _ = py3langid.classify(sample)
    if lang not in _FUNCTION_WORDS:
        # a short text ('"Fine," said Ode Lamm.') misleads the detector (here to "pcm"): its
        # function words, where they point to one known language, say more
        return _by_function_words(sample) or lang
    return lang


def _by_function_words(text: str) -> str | None:
    """The one known language whose function words a short text (under :data:`MIN_WORDS`
    words) holds more of than any other's, and at least :data:`MIN_OWN` of its words, or None
    (a longer text, too few such words, a tie: a Finnish "on" is no English).

    >>> _by_function_words('"Fine," said Ode Lamm.'), _by_function_words("Ode Lamm!")
    ('en', None)
    """
    words = _WORDS.findall(text.lower())
    if len(words) >= MIN_WORDS:
        return None
    counts = sorted(((sum(w in own for w in words), code) for code, own in _FUNCTION_WORDS.items()), reverse=True)
    (best, code), (second, _) = counts[0], counts[1]
    return code if best > second and best >= MIN_OWN * len(words) else None


def clearly_in(text: str, lang: str) -> bool:
    """Whether ``text`` is clearly in ``lang`` by its function words (only "de" and "en" are
    known; False for others): at least :data:`MIN_WORDS` words, :data:`MIN_OWN` of them among
    the language's frequent function words, and another language's at most :data:`MAX_OTHER`
    as many.
    False means "ask :func:`detect_language`", not "another language".

    >>> clearly_in("Die Regierung teilte am Montag mit, sie werde die Steuern senken. " * 5, "de")
    True
    >>> clearly_in("The government said on Monday it would cut taxes. " * 5, "de")
    False
    """
    own = _FUNCTION_WORDS.get(lang)
    if own is None:
        return False
    words = _WORDS.findall(text.lower())
    if len(words) < MIN_WORDS:
        return False
    mine = sum(w in own for w in words)
    if mine < MIN_OWN * len(words):
        return False
    return all(sum(w in other for w in words) <= MAX_OTHER * mine
               for code, other in _FUNCTION_WORDS.items() if code != lang)
