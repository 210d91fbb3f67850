"""Names followed by their abbreviation in brackets ("Süddeutsche Zeitung (SZ)"): one entity, the abbreviation its alias."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .doc_tables import doc_ents, forms

__all__ = ["abbreviated_names", "abbreviates", "genitive_after_alias"]


def abbreviated_names(doc: Doc) -> list[tuple[Span, str]]:
    """Names followed by their abbreviation in brackets ("Süddeutsche Zeitung (SZ)"): the
    abbreviation's letters are the initials of the name's words or their hyphenated parts, in
    order ("(CDU)" after a person's name is a party, and its letters are not that name's).

    >>> import spacy
    >>> doc = spacy.blank("de")("Die Süddeutsche Zeitung (SZ) und Anna Weber (AW) schrieben.")
    >>> doc.ents = [doc.char_span(4, 23, label="ORG"), doc.char_span(33, 43, label="PER")]
    >>> [(name.text, abbr) for name, abbr in abbreviated_names(doc)]
    [('Süddeutsche Zeitung', 'SZ'), ('Anna Weber', 'AW')]
    """
    out = []
    texts = forms(doc, ORTH)  # no Token made for the word after each name
    for ent in doc_ents(doc):
        i = ent.end - (texts[ent.end - 1] == "(")  # the recogniser may take the bracket in
        if i + 2 >= len(texts) or texts[i] != "(" or texts[i + 2] != ")":
            continue
        abbreviation = texts[i + 1]
        if not (2 <= len(abbreviation) <= 8 and abbreviation.isalpha() and abbreviation[0].isupper()
                and sum(c.isupper() for c in abbreviation) >= 2):
            continue
        if abbreviates(abbreviation, ent.text):
            out.append((ent, abbreviation))
    return out


def abbreviates(abbreviation: str, name: str) -> bool:
    """Whether an abbreviation's letters are the initials of the name's words or their
    hyphenated parts, in order.

    >>> abbreviates("NHS", "National Health Service"), abbreviates("FDP", "Guido Westerwelle")
    (True, False)
    """
    initials = "".join(part[0] for w in name.split() for part in w.split("-") if part[:1].isalpha())
    return _in_order(abbreviation.casefold(), initials.casefold())


def _in_order(letters: str, initials: str) -> bool:
    """Whether every letter of an abbreviation is an initial, in order, all initials used or
    skipped only at function words' places ("IAEO" needs I, A, E, O among the initials)."""
    it = iter(initials)
    return all(c in it for c in letters) and len(letters) >= len(initials) - 1


def genitive_after_alias(doc: Doc, i: int, genitives: frozenset[str]) -> bool:
    """Whether the word at ``i`` opens a genitive (one of ``genitives``) right after an
    abbreviation in brackets that follows a common noun and begins like it ("das
    Organisationskomitee (OK) der Weltmeisterschaft"): the genitive is that noun's, not a
    phrase of its own (after a name or a party it may be: "Merkel (CDU) der Zeitung")."""
    if i < 4 or doc[i].lower_ not in genitives or doc[i - 1].text != ")" or doc[i - 3].text != "(":
        return False
    noun, alias = doc[i - 4], doc[i - 2].text
    return noun.pos_ == "NOUN" and alias[:1].lower() == noun.lower_[:1]
