"""Names written in quotation marks: an outlet, a group or a programme ("laut „BBC News“",
"die Zeitung „taz“", "vom „Verein Nord“"), which are names, not quotes."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

__all__ = ["NAME_OPENING_MARKS", "quoted_name", "quoted_name_after"]

#: the marks a quoted name opens with
NAME_OPENING_MARKS = frozenset(("„", "»", '"', "“"))


#: a web site's address, a name though written in lower case ("laut „tagesschau.de“")
_WEB_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}")


def quoted_name(doc: Doc, i: int, limit: int) -> Span | None:
    """A short name in quotation marks opening at token ``i`` ("laut „BBC News“", "laut
    „tagesschau.de“", "laut „heise online“": lower case up to two words), marks included.

    >>> import spacy
    >>> doc = spacy.blank("de")("laut „ BBC News “ ist es kalt")
    >>> quoted_name(doc, 1, len(doc)).text
    '„ BBC News “'
    """
    if i + 1 >= limit or doc[i].text not in NAME_OPENING_MARKS:
        return None
    close = next((j for j in range(i + 2, min(limit, i + 8)) if doc[j].text in ("“", "«", '"', "”")), None)
    if close is None:
        return None
    # a name is capitalised or a web address; a lower-case one is short ("„heise online“", "„taz“")
    if not (doc[i + 1].text[:1].isupper() or _WEB_ADDRESS.fullmatch(doc[i + 1].text)
            or (close - i <= 3 and all(t.is_alpha for t in doc[i + 1 : close]))):
        return None
    return doc[i : close + 1]


def quoted_name_after(doc: Doc, i: int, prepositions: frozenset[str], limit: int) -> Span | None:
    """The quoted name after a preposition at token ``i`` and its article, if any ("von der
    „Aktion Kinder helfen“", "vom „Verein Nord“"), ending before ``limit``; else None.

    >>> import spacy
    >>> doc = spacy.blank("de")("X vom „ Verein Nord “ sagte")
    >>> quoted_name_after(doc, 1, frozenset({"vom"}), len(doc)).text
    '„ Verein Nord “'
    """
    if i >= len(doc) or doc[i].lower_ not in prepositions:
        return None
    k = i + 1 + (i + 1 < len(doc) and doc[i + 1].pos_ == "DET")
    return quoted_name(doc, k, limit) if k < len(doc) else None
