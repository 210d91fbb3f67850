"""Names the recogniser typed wrongly that an organisation noun shows to be organisations:
"die Umweltorganisation Grünwacht", "der Verband Nordhafen", "environmental group Greenwatch"."""

from __future__ import annotations

from spacy.attrs import ENT_IOB, LEMMA, LOWER, POS
from spacy.symbols import ADP, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from .doc_tables import doc_array, doc_ents, entity_at, forms, id_list
from .head_names import entity_type_of_label, noun_at, noun_in
from .lexicon import CueLexicon

__all__ = ["ORGANISATION_LABEL", "organisations_at_seats", "organisations_named_by_nouns", "retype_organisations"]

#: the recogniser's label for an organisation in both shipped pipelines (UD/GermEval and OntoNotes)
ORGANISATION_LABEL = "ORG"


def organisations_named_by_nouns(doc: Doc, lex: CueLexicon) -> list[Span]:
    """The names an organisation noun introduces, unless the recogniser took them for an
    organisation or an outlet: a name right after the noun, in its phrase ("die
    Umweltorganisation Grünwacht", "environmental group Greenwatch"; in a language of closed
    compounds the noun may be a compound's last part), as the recogniser found it or, where it
    found none, the tagger's run of proper nouns; and an entity whose own first word is the
    noun ("Verband Nordhafen") or whose last word is ("Trump Foundation"; for a place's, a
    compound of it: "des Lehrerverbands", "Schweizerische Volkspartei"). ``lex.organisation_nouns``
    lists the nouns.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from quotegraph.extract.lexicon import CueLexicon
    >>> doc = Doc(spacy.blank("en").vocab, words="The group Greenwatch met Anna Weber".split(),
    ...           pos=["DET", "NOUN", "PROPN", "VERB", "PROPN", "PROPN"], heads=[1, 2, 3, 3, 5, 3],
    ...           deps=["det", "compound", "nsubj", "ROOT", "compound", "dobj"],
    ...           ents=["O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON"])
    >>> organisations_named_by_nouns(doc, CueLexicon("en", organisation_nouns=frozenset({"group"})))
    [Greenwatch]
    """
    nouns = lex.organisation_nouns
    if not nouns:
        return []
    names = []
    pos, iob = id_list(doc, POS), id_list(doc, ENT_IOB)
    # a noun followed by a proper noun or an entity's first word, found in the arrays at once:
    # few nouns are followed by a name, and a loop over every token cost more than the rest
    pos_ids, iob_ids = doc_array(doc, POS), doc_array(doc, ENT_IOB)
    before_names = ((pos_ids[:-1] == NOUN) & ((pos_ids[1:] == PROPN) | (iob_ids[1:] == _BEGIN))).nonzero()[0]
    for i in before_names.tolist():
        noun, first = doc[i], doc[i + 1]
        if not first.text[:1].isupper():  # "the party’s Donald Trump"
            continue
        ent = entity_at(doc, i + 1)
        # a name the tagger alone found must hang on the noun ("Firmen Chefs" is no name)
        if not (first.head == noun or ent is not None and noun.head == first) or not noun_in(noun, nouns, lex):
            continue
        name = ent or _propn_run(doc, i + 1, pos, iob)
        if len(name) and name.start == i + 1 and _retypable(name) and not _holder_after_owner(name, noun):
            names.append(name)
    words = (forms(doc, LOWER), id_list(doc, LEMMA))  # each entity's first and last word tested without a Token
    names += [e for e in doc_ents(doc) if len(e) > 1 and _retypable(e) and pos[e.start] == NOUN
              and noun_at(doc, e.start, nouns, lex, words=words)]
    # and one whose last word is the noun ("Trump Foundation", "Robert Koch-Institut"), unless a
    # preposition joins a name to it ("Petra Pau von der Linksfraktion" is a person); a place's
    # only when the word is a compound of it ("des Lehrerverbands", "Volkspartei"): "West Bank",
    # "Soviet Union" are places
    names += [e for e in doc_ents(doc) if _retypable(e) and pos[e.end - 1] in (NOUN, PROPN)
              and noun_at(doc, e.end - 1, nouns, lex, words=words) and ADP not in pos[e.start:e.end]
              and (entity_type_of_label(e.label_) != "location" or _compound_of_noun(e[-1], nouns))]
    # a word of a person's full name stays a person's ("die Kommission Ghani zum Präsidenten
    # erklären", where the article named Ashraf Ghani)
    found = {name.text for name in names}
    person_words = {t.text for e in doc_ents(doc) if len(e) > 1 and entity_type_of_label(e.label_) == "person"
                    and e.text not in found for t in e}
    return [name for name in names if not all(t.text in person_words for t in name)]


def organisations_at_seats(doc: Doc, lex: CueLexicon) -> list[Span]:
    """Institutions named by their seat: a noun of ``lex.seat_nouns`` (in German also a
    compound's last part) right before the name of a place, in one phrase, names one
    organisation, noun and place: "die Staatsanwaltschaft Köln", "des Amtsgerichts Hamburg"
    (not the city).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from quotegraph.extract.lexicon import CueLexicon
    >>> doc = Doc(spacy.blank("de").vocab, words="Die Staatsanwaltschaft Kalberg ermittelt".split(),
    ...           pos=["DET", "NOUN", "PROPN", "VERB"], heads=[1, 3, 1, 3], deps=["det", "nsubj", "nk", "ROOT"],
    ...           ents=["O", "O", "B-LOC", "O"])
    >>> organisations_at_seats(doc, CueLexicon("de", seat_nouns=frozenset({"staatsanwaltschaft"})))
    [Staatsanwaltschaft Kalberg]
    """
    if not lex.seat_nouns:
        return []
    seats = []
    pos, iob = id_list(doc, POS), id_list(doc, ENT_IOB)
    ents = {e.start: e for e in doc_ents(doc)}
    # the nouns outside any entity (but the last token) found in the arrays at once, each
    # tested by its forms without a Token made
    pos_ids, iob_ids = doc_array(doc, POS)[:-1], doc_array(doc, ENT_IOB)[:-1]
    nouns = ((pos_ids == NOUN) & ((iob_ids == 0) | (iob_ids == _OUTSIDE))).nonzero()[0].tolist()
    words = (forms(doc, LOWER), id_list(doc, LEMMA))
    for i in nouns:
        if not noun_at(doc, i, lex.seat_nouns, lex, words=words):
            continue
        # the place as the recogniser found it, or the run of proper nouns it did not find
        place = ents.get(i + 1) or (_propn_run(doc, i + 1, pos, iob) if pos[i + 1] == PROPN else None)
        if not place or place.label_ and entity_type_of_label(place.label_) != "location":
            continue
        noun = doc[i]
        # in one phrase: one hangs on the other, or both on the same word ("Angaben der Staatsanwaltschaft Köln")
        if place.root.head.i == i or place.start <= noun.head.i < place.end or place.root.head.i == noun.head.i:
            seats.append(Span(doc, i, place.end, label=ORGANISATION_LABEL))
    return seats


def _compound_of_noun(token: Token, nouns: frozenset[str]) -> bool:
    """Whether a word is a compound ending in one of ``nouns``, not one of them itself."""
    return token.lower_ not in nouns and token.lemma_.lower() not in nouns


#: spaCy's ENT_IOB codes of a token outside any entity and of an entity's first token
_OUTSIDE, _BEGIN = 2, 3


def _propn_run(doc: Doc, start: int, pos: list[int], iob: list[int]) -> Span:
    """The proper nouns from ``start`` on, up to the first word of a recognised entity; none
    when the name goes on after a preposition ("Club for Growth": not "Club" alone)."""
    end = start
    while end < len(doc) and pos[end] == PROPN and iob[end] in (0, _OUTSIDE):
        end += 1
    if end + 1 < len(doc) and pos[end] == ADP and pos[end + 1] == PROPN:
        return doc[start:start]
    return doc[start:end]


def _holder_after_owner(name: Span, noun: Token) -> bool:
    """Whether a name the recogniser took for a person's, or did not find, follows an
    organisation noun that owns a noun before it, so that the name may be that noun's
    apposition ("dem Direktor der Luftfahrtbehörde Roberto Rodriguez")."""
    return (entity_type_of_label(name.label_) == "person" or not name.label_) and (
        noun.head.i < noun.i and noun.head.pos in (NOUN, PROPN))


def _retypable(name: Span) -> bool:
    """Whether a name's type may be made an organisation: a name the recogniser did not find, or
    took for a person, a place or a miscellaneous name (not a date, a sum or a count)."""
    return not name.label_ or name.label_ == "MISC" or entity_type_of_label(name.label_) in ("person", "location")


def retype_organisations(doc: Doc, lex: CueLexicon) -> bool:
    """Make organisations, in ``doc.ents``, the names an organisation noun introduces
    (:func:`organisations_named_by_nouns`) and every other mention of them: "sagte Grünwacht"
    after "die Umweltorganisation Grünwacht" too; a run of proper nouns the recogniser did not
    find becomes an entity. The other entities are left as they are. Returns whether it set
    ``doc.ents``."""
    found = organisations_named_by_nouns(doc, lex)
    seats = organisations_at_seats(doc, lex)
    if not found and not seats:
        return False
    names = {span.text for span in found}
    seated = {s.end for s in seats}  # (a seat's place ends where the organisation does)
    ents = [Span(doc, e.start, e.end, label=ORGANISATION_LABEL) if e.text in names and _retypable(e) else e
            for e in doc_ents(doc) if e.end not in seated or entity_type_of_label(e.label_) != "location"]
    # a run that is part of a seat's name is that name ("der Staatsanwaltschaft Innsbruck"
    # where the noun is an organisation noun and a seat noun alike): one entity, not two
    in_seats = {i for s in seats for i in range(s.start, s.end)}
    ents += [Span(doc, s.start, s.end, label=ORGANISATION_LABEL) for s in found
             if not s.label_ and in_seats.isdisjoint(range(s.start, s.end))] + seats
    doc.ents = sorted(ents, key=lambda e: e.start)
    return True
