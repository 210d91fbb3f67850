"""German names in the form a name is given in: the nominative of a name in the genitive ("des
Übergangsrates" → Übergangsrat) or after an article of another case ("der Süddeutschen Zeitung"
→ Süddeutsche Zeitung), so that the mentions of one name join."""

from __future__ import annotations

from spacy.attrs import ENT_TYPE, LOWER, ORTH
from spacy.tokens import Span

from .doc_offsets import span_text
from .doc_tables import forms, id_list, id_set
from .lexicon import CueLexicon
from .marks import OPENING_MARKS

__all__ = ["after_genitive_article", "name_adjective", "nominative", "weak_nominative"]


def nominative(name: Span, genitive: bool = False) -> str:
    """A German genitive name in the nominative form of its words (the last noun by its lemma,
    a weak adjective "-en" before it as "-e"): "Übergangsrates" → "Übergangsrat", "Auswärtigen
    Amtes" → "Auswärtige Amt", "Interamerikanischen Entwicklungsbank" → "Interamerikanische
    Entwicklungsbank"; any other name as it stands. So is a name whose last noun's lemma is not
    trusted: one that only drops the "s" of "-es" ("Bundes" → "Bunde"), or is no beginning of the
    word (half a name in the nominative would be neither form). ``genitive``: the caller knows
    the name is in the genitive (its article says so) whatever case the tagger gave it; then a
    lone name ending in "s" drops it ("des „Handelsblatts“" → "Handelsblatt"). A plural
    keeps its adjectives' "-en" ("der Vereinten Nationen")."""
    first = name[0]
    if (len(name) > 1 and first.pos_ == "NOUN" and all(t.pos_ == "PROPN" for t in name[1:])
            and ("Gen" in first.morph.get("Case") or genitive) and _genitive_s(first)):
        # "des Amtsgerichts Hamburg" → "Amtsgericht Hamburg": the noun before a name set beside it is inflected
        return first.lemma_ + first.whitespace_ + name[1:].text
    last = name[-1]
    marked = "Gen" in last.morph.get("Case")
    if not marked and (not genitive or any(last.head == t for t in name[:-1])):
        return name.text  # the article's genitive is its noun's, not a name set beside it ("der Agentur Reuters")
    if "Plur" in last.morph.get("Number"):
        return name.text
    head = last.text
    if last.pos_ in ("NOUN", "PROPN") and head.endswith("s"):
        lemma = last.lemma_
        if (lemma and head != lemma and head.startswith(lemma) and len(head) - len(lemma) <= 2
                and not (head.endswith("es") and lemma == head[:-1])):
            head = lemma
        elif genitive and len(name) == 1 and head[:1].isupper() and not head.endswith(("ss", "es")):
            head = head[:-1]
        else:
            return name.text
    return _strong_words(name[:-1], lambda t: t.text[:1].isalpha()) + head


def _genitive_s(word) -> bool:
    """Whether a noun is its lemma with the genitive's "-s" or "-es" ("Amtsgerichts", "Amtes")."""
    text, lemma = word.text, word.lemma_
    return bool(lemma) and text != lemma and text.startswith(lemma) and text[len(lemma):] in ("s", "es")


def weak_nominative(name: Span, lex: CueLexicon) -> str:
    """A singular name after a definite article of a case other than the nominative, with its
    adjectives' weak "-en" as the nominative's "-e": "der Süddeutschen Zeitung" → "Süddeutsche
    Zeitung", "im Deutschen Bundestag" → "Deutsche Bundestag" (as "der Deutsche Bundestag"
    names it), so the name joins its other mentions; any other name as it stands: a person's, a
    plural ("den Vereinten Nationen"), one with no article of ``lex.weak_oblique_articles``
    before it. A weak "-en" after such an article in the singular is never the nominative's."""
    last = name[-1]
    labels, persons = id_list(name.doc, ENT_TYPE), id_set(_PERSONS, name.doc.vocab.strings)  # no Token per word
    if (len(name) < 2 or any(labels[i] in persons for i in range(name.start, name.end))
            or "Sing" not in last.morph.get("Number") or not _after_article(name, lex.weak_oblique_articles)):
        return span_text(name)
    return _strong_words(name[:-1], lambda t: t.text[:1].isupper()) + last.text


_PERSONS = frozenset({"PER", "PERSON"})


def _strong_words(words: Span, may_inflect) -> str:
    """The words before a name's last with each weak adjective "-en" as the nominative's "-e"
    ("Frankfurter Allgemeinen" → "Frankfurter Allgemeine "), where ``may_inflect`` allows the
    word, whitespace kept. An adjective of a name may be tagged a noun ("des Auswärtigen[NOUN]
    Amtes"); a weak "-en" never follows an "e" (a stem's "e" merges with it: "müde" → "müden"),
    so a word ending in "-een" is a foreign name's ("zum „Algemeen Dagblad“")."""
    return "".join((t.text[:-1] if t.pos_ in ("ADJ", "PROPN", "NOUN") and t.text.endswith("en")
                    and not t.text.endswith("een") and may_inflect(t) else t.text) + t.whitespace_ for t in words)


def _word_before(name: Span) -> int:
    """The index of the word right before a name, a quotation mark between; -1 at the start."""
    k, texts = name.start - 1, forms(name.doc, ORTH)
    while k >= 0 and texts[k] in OPENING_MARKS:
        k -= 1
    return k


def _after_article(name: Span, articles: frozenset[str]) -> bool:
    """Whether one of ``articles`` stands right before a name, a quotation mark between."""
    k = _word_before(name)
    return k >= 0 and forms(name.doc, LOWER)[k] in articles


def after_genitive_article(name: Span, lex: CueLexicon) -> bool:
    """Whether a name stands right after an article of the genitive ("des „Handelsblatts“",
    "der „Frankfurter Allgemeinen Zeitung“" after a noun), its quotation mark between; "der"
    after a preposition is the dative ("von der Zeitung")."""
    doc, k = name.doc, _word_before(name)
    if k < 0:
        return False
    word = doc[k].lower_
    return word in lex.genitive_only_determiners or (
        word in lex.genitive_articles and k > 0 and doc[k - 1].pos_ in ("NOUN", "PROPN"))


def name_adjective(word: str) -> bool:
    """A capitalised adjective in "-isch" with its ending ("Statistischen", "Europäische"), as
    names of bodies open with (not "Fischen": the stem before "isch" is too short).

    >>> [name_adjective(w) for w in ("Statistischen", "Europäische", "Fischen", "statistischen")]
    [True, True, False, False]
    """
    k = word.find("isch")
    return word[:1].isupper() and k >= 3 and word[k + 4 :] in ("", "e", "en", "er", "es", "em")
