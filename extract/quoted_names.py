"""Names written in quotation marks: an outlet, a group or a programme ("laut „BBC News“",
"die Zeitung „taz“", "vom „Verein Nord“"), which are names, not quotes."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span

from .doc_tables import forms, id_list

__all__ = ["NAME_OPENING_MARKS", "between_quotation_marks", "naming_nouns", "quoted_name", "quoted_name_after", "quoted_name_after_article", "title_after_noun"]

#: the marks a quoted name opens with
NAME_OPENING_MARKS = frozenset(("„", "»", '"', "“"))


#: the marks a quoted name closes with
_NAME_CLOSING_MARKS = frozenset(("“", "«", '"', "”"))


def between_quotation_marks(name: Span) -> bool:
    """Whether a name stands right between an opening and a closing quotation mark, as a
    title does ("Nach Informationen des „Spiegel“").

    >>> import spacy
    >>> doc = spacy.blank("de")("laut „ Spiegel “ und Spiegel")
    >>> between_quotation_marks(doc[2:3]), between_quotation_marks(doc[5:6])
    (True, False)
    """
    doc = name.doc
    return (0 < name.start and name.end < len(doc) and doc[name.start - 1].text in NAME_OPENING_MARKS
            and doc[name.end].text in _NAME_CLOSING_MARKS)


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


def quoted_name_after_article(span: Span) -> Span | None:
    """The name in quotation marks that is all of a phrase after its article ("die „Welt“", "der
    „Nordpost“"), without its marks, its closing mark inside the phrase or right after it (a
    phrase cut before the mark: "das „Manager Magazin"); None when the phrase is more than that.

    >>> import spacy
    >>> words = "die „ Welt “".split()
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=words, pos=["DET", "PUNCT", "NOUN", "PUNCT"])
    >>> quoted_name_after_article(doc[:]).text
    'Welt'
    """
    doc, start = span.doc, span.start
    while start < span.end and doc[start].pos_ == "DET":
        start += 1
    quoted = quoted_name(doc, start, min(span.end + 1, len(doc))) if start > span.start else None
    return quoted[1:-1] if quoted is not None and quoted.end >= span.end and len(quoted) > 2 else None


#: a title's closing marks, and the wiki markup of an italic title ("''La Nación''")
_TITLE_CLOSING = frozenset(("“", "«", '"', "”", "''"))


def title_after_noun(doc: Doc, i: int, limit: int, nouns: frozenset[str]) -> int:
    """Where the name of the noun before token ``i`` ends, when that noun is one that
    introduces a name (``nouns``: an outlet or organisation noun, also as the last part of a
    compound, "Produktionsfirma") and a title in quotation marks opens at ``i`` ("des
    Magazins „auto, motor und sport“", "die Tageszeitung ''La Nación''"), lower case or not,
    with an abbreviation in brackets after it ("(STSI)"), or a web address ("der Website
    beispiel.org"); ``i`` when there is none.

    >>> import spacy
    >>> words = "laut dem Magazin „ auto , motor und sport “ ( AMS ) ist es kalt".split()
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=words, pos=["ADP", "DET", "NOUN"] + ["X"] * 13)
    >>> doc[:title_after_noun(doc, 3, len(doc), frozenset({"magazin"}))].text
    'laut dem Magazin „ auto , motor und sport “ ( AMS )'
    """
    if not (0 < i < limit and id_list(doc, POS)[i - 1] in (NOUN, PROPN) and _names_kind(forms(doc, LOWER)[i - 1], nouns)):
        return i  # (the noun read from the Doc's arrays: most phrases end before none)
    if _WEB_ADDRESS.fullmatch(doc[i].text):
        return i + 1  # "der Website worldreferee.com"
    if not (i < limit - 2 and (doc[i].text in NAME_OPENING_MARKS or doc[i].text == "''")):
        return i
    close = next((j for j in range(i + 2, min(limit, i + 9)) if doc[j].text in _TITLE_CLOSING), None)
    # a title holds a few words and commas, no end of a sentence (the tagger reads a lower-case
    # title's words as anything, a verb too)
    if close is None or any(t.is_punct and t.text != "," for t in doc[i + 1 : close]):
        return i
    end = close + 1
    if end + 2 < limit and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].text[:1].isupper():
        end += 3  # its abbreviation, an alias
    return end


@lru_cache(maxsize=65536)
def _names_kind(word: str, nouns: frozenset[str]) -> bool:
    """Whether a lower-case noun (perhaps a compound, perhaps with a genitive ending) is one of
    ``nouns``."""
    return any(word.endswith(n) or word[:-1].endswith(n) or word[:-2].endswith(n) for n in nouns)


@lru_cache(maxsize=4)
def naming_nouns(lex) -> frozenset[str]:
    """The nouns that introduce a name after them, lower case: the lexicon's outlet nouns
    (``media_words``) and organisation nouns."""
    return frozenset(w.lower() for w in lex.media_words | lex.organisation_nouns)
