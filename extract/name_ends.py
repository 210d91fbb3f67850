"""Where a speaker phrase's name ends, grown over what closes it: a name the tokenizer split at
its apostrophe ("Mark O’Keefe"), a club's number ("Bayer 04 Leverkusen"), an alias in brackets
("Das Organisationskomitee (OK)"), a bracket or a quotation mark the phrase opened ("der
„Bund“"), and its start over the opening mark of one it closes.

Examples
--------
>>> with_closing_mark("sagte der „Bund“.", 6, 15), with_opening_mark("Das „Muster“ gilt", 5, 12)
(16, 4)
"""

from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

from .abbreviations import genitive_after_alias
from .doc_tables import forms, id_list

__all__ = ["with_alias", "with_closing_bracket", "with_closing_mark", "with_club_number", "with_glued_name",
           "with_opening_mark"]


def with_glued_name(doc: Doc, end: int) -> int:
    """The end grown over a name the tokenizer split at its apostrophe ("Mark O|’|Keefe",
    "D’Alema"): an initial, the apostrophe and a capitalised word, with no space between."""
    spaces = id_list(doc, SPACY)
    if end + 1 >= len(doc) or spaces[end - 1] or spaces[end]:
        return end
    initial, mark, rest = doc[end - 1], doc[end], doc[end + 1]
    if len(initial) <= 2 and initial.text[:1].isupper() and mark.text in _APOSTROPHES and rest.text[:1].isupper():
        return end + 2
    return end


_APOSTROPHES = frozenset({"’", "'"})


def with_club_number(doc: Doc, end: int) -> int:
    """The end grown over the number with a leading zero in a name ("Bayer|04 Leverkusen",
    "Schalke|04") and the capitalised word that follows it: a year or a count has no leading zero."""
    if end >= len(doc) or doc[end - 1].pos_ != "PROPN":
        return end
    number = doc[end].text
    if not (len(number) == 2 and number[0] == "0" and number.isdigit()):
        return end
    after = doc[end + 1] if end + 1 < len(doc) else None
    named = after is not None and after.pos_ in ("PROPN", "NOUN") and after.text[:1].isupper()
    return end + 2 if named else end + 1


def with_alias(doc: Doc, end: int, genitives: frozenset[str] = frozenset()) -> int:
    """The end after an abbreviation in brackets right after a name, its alias
    ("Das Organisationskomitee (OK)", "die Schutzvereinigung (DSW)"), and after the genitive
    that follows it when that is still the noun's (:func:`~quotegraph.extract.abbreviations.genitive_after_alias`)."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end - 1].text[:1].isupper():
        alias = doc[end + 1].text
        if 2 <= len(alias) <= 6 and alias.isalpha() and sum(ch.isupper() for ch in alias) >= 2:
            after = end + 3
            if after < len(doc) and genitive_after_alias(doc, after, genitives) and doc[after].head.i > after:
                head = doc[after].head
                return max([head.i + 1, *(c.i + 1 for c in head.rights if c.dep_ in ("flat", "flat:name"))])
            return after
    return end


def with_closing_bracket(doc: Doc, start: int, end: int) -> int:
    """The end after the closing bracket of one the phrase opened ("… Zivilluftfahrt (DGAC|)")."""
    if end >= len(doc) or forms(doc, ORTH)[end] != ")":
        return end  # no closing bracket next (most phrases): the brackets inside are not counted
    opened = sum(t.text == "(" for t in doc[start:end]) - sum(t.text == ")" for t in doc[start:end])
    return end + 1 if opened > 0 else end


def with_closing_mark(text: str, start: int, end: int) -> int:
    """The end after a closing quotation mark when the phrase opened one ("der „Bund")."""
    inside = text[start:end]
    opened = sum(inside.count(c) for c in "„»") - sum(inside.count(c) for c in "“«")
    if opened > 0 and end < len(text) and text[end] in "“«":
        return end + 1
    return end


def with_opening_mark(text: str, start: int, end: int) -> int:
    """The start before an opening quotation mark when the phrase closes one ("Muster“" → "„Muster“")."""
    inside = text[start:end]
    closed = sum(inside.count(c) for c in "“«") - sum(inside.count(c) for c in "„»")
    if closed > 0 and start > 0 and text[start - 1] in "„»":
        return start - 1
    return start
