"""Which language an article is in (offline, py3langid), limited to what quotegraph reads.

>>> detect_language("Die Regierung teilte am Montag mit, sie werde die Steuern senken.")
'de'
>>> detect_language("The government said on Monday it would cut taxes.")
'en'
"""

from __future__ import annotations

__all__ = ["detect_language"]


def detect_language(text: str, *, sample_chars: int = 5000) -> str:
    """The ISO 639-1 code of the text's language, judged on its first ``sample_chars`` characters.

    Returns any language code the detector knows (so a caller can say "no pipeline for 'fr'");
    "und" when the text has no letters.
    """
    sample = text[:sample_chars]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    import py3langid  # loads its model on first use (about 1 s), so import late

    lang, _ = py3langid.classify(sample)
    return lang
