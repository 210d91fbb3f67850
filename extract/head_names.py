"""Which name a speaker, mediator or addressee phrase gives: the name of its head, the source
behind a source noun ("Angaben der Gewerkschaft X"), or none, when a name stands only in a
modifier and is not the one the phrase means ("the mayor of Chicago", "two officials").

A common noun with no name of its own ("ein Sprecher", "the mayor") is described by the names
in its modifiers, not named by them: an organisation there is the body the speaker speaks for
("ein Sprecher des Übergangsrates": "Übergangsrat", as "ein Sprecher des Ministeriums" always
stood for the ministry), while a place ("der Bürgermeister von New Orleans") is not the
speaker, and a count ("two officials", "54 percent of voters") is no name at all.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import ADJ, DET, NOUN, NUM, PROPN
from spacy.tokens import Doc, Span, Token

from .abbreviations import abbreviates
from .doc_tables import entity_at, forms, id_list, morph_of
from .lexicon import CueLexicon
from .marks import CLOSING_MARKS, OPENING_MARKS
from .metadata import known_agencies, known_broadcasters
from .name_cases import after_genitive_article, name_adjective, nominative, weak_nominative
from .name_positions import OWNER_DEPS, in_owner, modifies, set_off_beside
from .patterns.source_phrases import is_source_noun, source_word
from .phrases import NAME_LABELS, DocEntities, ends_in_noun, in_extended_attributes, quoted_name
from .quoted_names import between_quotation_marks, quoted_name_after_article
from .title_nouns import title_noun
from .trailing_phrases import name_set_off_at_end, without_trailing_pp

__all__ = ["COUNT_LABELS", "UNNAMED_LABELS", "ends_in_masthead", "entity_type_of_label", "head_name", "name_in", "named_part",
           "name_parts", "names_an_outlet", "names_no_one", "noun_at", "noun_in", "outlet_name_after", "person_noun",
           "is_masthead", "speaks_for_circles", "unnamed_group"]

_LABEL_TYPES = {
    "PER": "person", "PERSON": "person",
    "ORG": "organization", "NORP": "organization",
    "LOC": "location", "GPE": "location", "FAC": "location",
}


def entity_type_of_label(label: str) -> str:
    """Our entity type for a spaCy NER label.

    >>> entity_type_of_label("PER"), entity_type_of_label("GPE"), entity_type_of_label("MISC")
    ('person', 'location', 'other')
    """
    return _LABEL_TYPES.get(label, "other")

def noun_in(token: Token, nouns: frozenset[str], lex: CueLexicon, *, compounds: bool = True) -> bool:
    """Whether a noun is one of ``nouns``, by its form or lemma, or, in a language that writes
    compounds as one word, by its last part ("US-Zeitschrift", "Videobotschaft",
    "Bundestagsabgeordneten": the head of a compound is its last part); with ``compounds=False``
    as a whole word only ("Staatsanwalt" is no "Anwalt", "Handelsblatt" no "Blatt")."""
    return noun_at(token.doc, token.i, nouns, lex, compounds=compounds)  # (its answers are kept by form and lemma)


def noun_at(doc: Doc, i: int, nouns: frozenset[str], lex: CueLexicon, *, compounds: bool = True,
            words: tuple[list[str], list[int]] | None = None) -> bool:
    """:func:`noun_in` of the token at ``i``, its forms read from the Doc's arrays (no Token
    made; ``words``: the lower-case forms and the lemmas' ids, to save looking them up)."""
    lowers, lemmas = (forms(doc, LOWER), id_list(doc, LEMMA)) if words is None else words
    # the answer depends on the form, the lemma (its id is the same in every vocabulary) and the
    # nouns only: the same nominals come back quote after quote, Doc after Doc
    key = (lowers[i], lemmas[i], nouns, compounds and lex.closed_compounds)
    known = _NOUN_AT.get(key)
    if known is None:
        if len(_NOUN_AT) >= _NOUN_AT_LIMIT:
            _NOUN_AT.clear()
        # the lemma's string looked up for this token alone: few tokens are asked
        known = _NOUN_AT[key] = _noun_words_in((lowers[i], doc.vocab.strings[lemmas[i]].lower()), nouns, lex, compounds)
    return known


#: :func:`noun_at`'s answers by (form, lemma id, nouns, whether compounds count), and how many it keeps
_NOUN_AT: dict[tuple, bool] = {}
_NOUN_AT_LIMIT = 100_000


def _noun_words_in(words: tuple[str, str], nouns: frozenset[str], lex: CueLexicon, compounds: bool) -> bool:
    """:func:`noun_in` of a noun's lower-case form and lemma."""
    if any(w in nouns for w in words):
        return True
    if not compounds:
        return False
    # the shortest listed noun matched as a compound's head is 4 letters, with 3 before it (so
    # "Rat" does not match "Vorrat", nor "Sender" "Absender")
    return lex.closed_compounds and any(ends_in_noun(w, nouns, shortest=4) for w in words)


#: entity labels that name no one (counts, dates, amounts): "thousands of people" is no name
UNNAMED_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
#: of those, the counts and amounts: never a speaker ("two officials", "54 percent of voters")
COUNT_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: dependents of a common noun that give its name ("der Zeitung Weser-Echo", "dem Sender CNN")
_NAMING = frozenset({"appos", "flat", "flat:name", "pnc", "app"})
#: the marks that set off an apposition from its noun
_APPOSITION_MARKS = frozenset({",", "–", "—", "-", "("})
#: words at the edge of an entity span that are no part of the name ("Legal Counsel of")
_NOT_IN_NAME = frozenset({"ADP", "DET", "CCONJ", "PART", "PUNCT"})


def head_name(span: Span, lex: CueLexicon) -> Span | None:
    """The name a phrase (an addressee, a speaker) is known by, read from its head: the name the head is part
    of ("CNN's Jake Tapper": "Jake Tapper"), the name in apposition right after a head noun
    ("der Zeitung Weser-Echo", "der Agentur „Nordpress“", "dem Sender CNN"), or the name before
    an outlet noun ("the ITV television station"); None when the head is a common noun or
    pronoun with no name of its own ("thousands of people watching from the National Mall",
    "Trump supporters", "den Anhängern der CDU": a name inside a modifier is not the one meant).
    """
    head = span.root
    name = _name_around(head, span)
    if name is not None or head.pos_ in ("PRON", "PROPN"):
        return name
    doc = head.doc
    quoted = quoted_name(doc, head.i + 1, span.end)
    if quoted is not None and len(quoted) > 2:
        return quoted[1:-1]  # "der Agentur „Associated Press“": the name inside the marks
    if (span.start < head.i - 1 and head.i < span.end - 1 and doc[head.i - 2].pos_ == "DET" and head.text[:1].isupper()
            and doc[head.i - 1].text in OPENING_MARKS and doc[head.i + 1].text in CLOSING_MARKS):
        return doc[head.i : head.i + 1]  # "der „Nordpost“": a title in quotation marks after its article is a name
    for child in head.rights:
        # right after the head, or set off by a dash or comma ("dem Anwalt der Familie – X")
        beside = child.left_edge.i == head.i + 1 or (
            child.dep_ in ("appos", "app") and doc[child.left_edge.i - 1].text in _APPOSITION_MARKS)
        if child.dep_ in _NAMING and beside and child.right_edge.i < span.end:
            return _name_around(child, span)
    if (head.i + 1 < span.end and doc[head.i + 1].pos_ == "PROPN" and doc[head.i + 1].text[:1].isupper()
            and "Plur" not in morph_of(head, "Number")):  # (not "hosts X and Y": two people)
        return _name_around(doc[head.i + 1], span)  # "the broadcaster Channel Four", the name hung on the verb
    if noun_in(head, lex.media_words, lex):  # "the ITV television station"
        names = [c for c in head.lefts if c.dep_ == "compound" and c.i >= span.start]
        for child in names:
            name = _name_around(child, span)
            if name is not None:
                return name
    return None


def ends_in_masthead(name: str, lex: CueLexicon) -> bool:
    """Whether a name's last word, or its part after a hyphen, is a word newspapers are named by
    (``lex.masthead_words``): "The Harbour Herald", "Nordheide-Kurier"."""
    return name.rpartition(" ")[2].rpartition("-")[2] in lex.masthead_words


def is_masthead(name: Span, lex: CueLexicon) -> bool:
    """Whether a name is an outlet's by its words: it ends in a word newspapers are named by
    ("The Washington Post", "Boston Globe", "Westfälische Rundschau", also after a hyphen,
    "Weser-Kurier"; ``lex.masthead_words``, matched as written, capitalised), or is that word
    alone, and the recogniser did not take it for a person's ("Don Guardian"); or it is a news
    agency's (:func:`~quotegraph.extract.metadata.known_agencies`: "dpa", "Reuters") or a
    broadcaster's known by a name that says nothing of what it is (``known_broadcasters``: "CNN")."""
    words = [t for t in name if t.text[:1].isalpha()]  # not the "'s" the recogniser took in
    if not words or any(t.ent_type_ in ("PER", "PERSON") for t in name):
        return False
    # (an article the name took in is lower-case: "the AP")
    names = [t for t in words if not t.text[:1].islower() or t is words[-1]]
    return ends_in_masthead(words[-1].text, lex) or (
        len(names) == 1 and names[0].text.casefold() in known_agencies()) or (
        " ".join(t.text for t in names).casefold() in known_broadcasters())


def names_an_outlet(span: Span, name: Span, lex: CueLexicon) -> bool:
    """Whether the name of an addressee phrase stands beside an outlet word: the head ("dem
    Sender CNN", "the ITV television station") or the word right before the name ("French
    television station BFMTV")."""
    before = name.start - 1
    while before >= span.start and span.doc[before].is_punct:
        before -= 1
    return is_masthead(name, lex) or noun_in(span.root, lex.media_words, lex) or (
        before >= span.start and noun_in(span.doc[before], lex.media_words, lex))


def _name_around(token: Token, span: Span) -> Span | None:
    """The named entity (within ``span``) that holds ``token``, or the run of proper nouns around
    it ("Star-Ledger": the hyphen inside it too); None for a token that is neither."""
    doc = token.doc
    if token.ent_type_ and token.ent_type_ not in UNNAMED_LABELS:
        ent = entity_at(doc, token.i)
        if ent is not None:
            start, end = max(ent.start, span.start), min(ent.end, span.end)
            while start < token.i and doc[start].pos_ in _NOT_IN_NAME:
                start += 1
            while end - 1 > token.i and doc[end - 1].pos_ in _NOT_IN_NAME:
                end -= 1
            return doc[start:end]
    if token.pos_ != "PROPN":
        return None
    start, end = token.i, token.i + 1

    def part(i: int) -> bool:
        return doc[i].pos_ == "PROPN" or (doc[i].text == "-" and doc[i].whitespace_ == "")

    while start - 1 >= span.start and part(start - 1):
        start -= 1
    while end < span.end and part(end):
        end += 1
    while doc[start].pos_ != "PROPN":
        start += 1
    while doc[end - 1].pos_ != "PROPN":
        end -= 1
    return doc[start:end]


def named_part(span: Span, lex: CueLexicon) -> Span | None:
    """What names the source in "Angaben der Gewerkschaft X" / "seinen Angaben": the part after
    the source noun (None when nothing follows it: the possessor is the source)."""
    doc, i, end, saw_noun = span.doc, span.start, span.end, False
    lowers, texts, pos = forms(doc, LOWER), forms(doc, ORTH), id_list(doc, POS)  # no Token per word
    while i < end and (lowers[i] in lex.possessives or pos[i] in (DET, ADJ, NUM) or source_word(lowers[i], texts[i], lex)):
        if saw_noun and pos[i] == ADJ and texts[i][:1].isupper():
            break  # a capitalised adjective after the source noun begins a name ("Angaben der Süddeutschen Zeitung")
        saw_noun = saw_noun or source_word(lowers[i], texts[i], lex)
        i += 1
    if not saw_noun:
        return span
    while i < end and (lowers[i] in lex.agent_prepositions or lowers[i] in lex.genitive_articles):
        i += 1
    return doc[i:end] if i < end else None


def _relative(head: Token, lex: CueLexicon) -> bool:
    """Whether a noun is one of ``relative_nouns`` or ``holder_nouns`` ("Vela's supporters") by its
    form or lemma; not as the last part of a compound, mostly an office ("Staatsanwalt")."""
    return head.pos_ == "NOUN" and noun_in(head, lex.relative_nouns | lex.holder_nouns, lex, compounds=False)


def _place(name: Span) -> bool:
    """Whether a name is a place's: tagged so, and all proper nouns ("New Orleans", "Österreichs";
    not "Ludwigshafener Konzerns", nor a title in quotation marks, a paper's: „New York Times“)."""
    doc = name.doc
    quoted = (name.start > 0 and doc[name.start - 1].text in OPENING_MARKS) or (
        name.end < len(doc) and doc[name.end].text in CLOSING_MARKS)
    return entity_type_of_label(name.label_) == "location" and not quoted and all(
        t.pos_ in ("PROPN", "DET", "ADP") for t in name)


def _counted(head: Token) -> bool:
    """Whether a noun is an amount or a counted plural ("54 percent", "Six in 10", "two
    officials", "zwei Beamte"): a share or number of a group, which no one name stands for
    ("one official" is one person, not counted)."""
    return head.ent_type_ in COUNT_LABELS or head.pos_ == "NUM" or ("Plur" in morph_of(head, "Number") and any(
        c.dep_ == "nummod" and c.ent_type_ in COUNT_LABELS for c in head.children))


def name_parts(span: Span, lex: CueLexicon, entities: DocEntities, known_person: Callable[[str], bool] | None = None,
               keep_places: bool = False) -> tuple[Span | None, list[Span], list[Span]]:
    """The part of a mention that names the source (None: the possessor is the source), the
    entities in it that may name the speaker, and what may not: counts ("two officials"), a
    counted head ("Six in 10", "54 percent of voters"), and a place in the owner of a head noun
    with no name of its own ("the mayor of Chicago"; not a name ``known_person`` knows as a
    person's, nor the body a spokesperson speaks for, nor any with ``keep_places``)."""
    if len(span) == 1 and _lone_pronoun(span[0], lex):
        return span, [], []  # "he", "sie" (most speakers): what the steps below find of it, found at once
    named = named_part(span, lex)
    if named is None:
        return None, [], []
    span = without_trailing_pp(named, lex)
    head = span.root
    aside = name_set_off_at_end(span.doc, span.start, span.end)
    if (aside is not None and span.end - aside > 1 and title_noun(head.text, lex)
            and not entities.within(aside, span.end)):
        # "die Sprecherin der Fraktion im Bundestag, Annette Widmann-Mauz", whose name the
        # recogniser missed: the title's holder, not the body in its owner
        return span.doc[aside : span.end], [], []
    inside = in_extended_attributes(span)  # "einer [am Montag veröffentlichten] Mitteilung": a circumstance
    ents = [e for e in entities.within(span.start, span.end)
            if e.label_ not in UNNAMED_LABELS and not (inside and e.start in inside)  # no count, date or time
            and not _group_adjective(e, head) and not _role_taken_for_a_name(e, lex)]
    if head.pos_ == "PROPN" or head_name(span, lex) is not None:
        return span, ents, []
    if _counted(head):  # "54 percent of Democrats" is not the Democrats; but "One of them, Ann Lee" is Ann Lee
        kept = [e for e in ents if entity_type_of_label(e.label_) == "person" and not in_owner(e, head)]
        return span, kept, [e for e in ents if e not in kept] or [span]
    if _relative(head, lex):
        # "Trump's wife", "one Clinton aide", "der Anwalt des Konzerns": the name says whose
        # relative or aide speaks, not who (so does a name the NER missed)
        names = ents or list({n.start: n for t in span if t.pos_ == "PROPN"
                              and (n := _name_around(t, span)) is not None}.values())
        # what follows a comma or dash after the head is an apposition of the whole phrase
        # ("the wife of the president, Melania Trump"; "Clay's biographers, David and Jeanne Heidler")
        aside = next((t.i for t in span if t.i > head.i and t.text in _APPOSITION_MARKS), span.end)
        tied = [n for n in names if head not in n and n.end <= aside and modifies(n, head)]
        if tied:
            return span, [e for e in ents if e not in tied and e.label_ not in UNNAMED_LABELS], tied
    if keep_places or not ents or head.pos_ != "NOUN" or noun_in(head, lex.spokesperson_nouns, lex):
        return span, ents, []
    # an organisation in the owner is the body the speaker speaks for ("ein Sprecher des
    # Ministeriums"); a person there is left as it was (the owner of "Clintons Wahlkampfteam", "Palin's posts")
    owned = [e for e in ents if _place(e) and in_owner(e, head) and not (known_person and known_person(e.text))]
    return span, [e for e in ents if e not in owned], owned


def _role_taken_for_a_name(name: Span, lex: CueLexicon) -> bool:
    """A party or body and a title joined by a hyphen ("SPD-Politiker", "CDU-Chefin"), which the
    recogniser may call an organisation: a role, whose holder a description refers back to."""
    role = name.text.rpartition("-")[2]
    # (not a spokesperson's: "IWF-Sprecher" names the body spoken for)
    return len(name) == 1 and "-" in name.text and title_noun(role, lex) and role.lower() not in lex.spokesperson_nouns


def _group_adjective(name: Span, head: Token) -> bool:
    """Whether a name is a nationality's or a party's word modifying a common noun ("a French
    official", "a Democratic senator", "die US-amerikanische Zeitschrift"): it says what the
    speaker is, not who."""
    return ((name.label_ == "NORP" or name.root.pos_ == "ADJ") and head.pos_ == "NOUN" and name.root.head == head
            and name.root.i < head.i)


def _lone_pronoun(token: Token, lex: CueLexicon) -> bool:
    """Whether a phrase of this one token names no one and holds no name: a pronoun outside any
    entity, neither a source noun (:func:`named_part`) nor counted (:func:`_counted`). Its
    :func:`name_parts` are the phrase alone, with no entity kept or dropped."""
    return token.pos_ == "PRON" and not token.ent_type_ and not is_source_noun(token, lex) and not _counted(token)


def names_no_one(span: Span, lex: CueLexicon, entities: DocEntities,
                 known_person: Callable[[str], bool] | None = None, keep_places: bool = False,
                 parts: tuple | None = None) -> str | None:
    """Whether a mention's only names stand in the owner of its head noun and name no one who
    speaks ("der Bürgermeister von New Orleans", "the mayor of Chicago"), or its head is
    counted ("two officials", "54 percent of voters"): it refers to someone unnamed, neither to
    that name nor to a person named before. Returns the type the names found in it give (what
    the mention is taken for without an entity, as the quote filter was trained to see it), or
    None when a name in it does name the speaker. ``parts``: :func:`name_parts` of the same
    arguments, when the caller has them."""
    named, kept, dropped = parts if parts is not None else name_parts(span, lex, entities, known_person, keep_places)
    if not dropped or kept or named is None:
        return None
    ents = entities.within(named.start, named.end)
    if any(t.lower_ in lex.media_words for t in named):
        return "media"
    if _relative(named.root, lex):
        return "person"  # "Trump's wife": whatever the NER took the owner for
    best = max(ents, key=lambda e: (e.label_ in NAME_LABELS, len(e.text)), default=None)
    return entity_type_of_label(best.label_) if best is not None else "other"


def _body_before_spokesperson(head: Token, lex: CueLexicon) -> str | None:
    """The name before the hyphen of a spokesperson compound ("WWF-Sprecher", "IWF-Sprecherin":
    "WWF", "IWF"), or None."""
    body, hyphen, role = head.text.rpartition("-")
    if hyphen and body[:1].isupper() and role.lower() in lex.spokesperson_nouns:
        return body
    return None


def _spoken_for(span: Span, lex: CueLexicon) -> Span | None:
    """The body a spokesperson with no name speaks for: the owner phrase of the head noun,
    without its article ("der Polizei" in "ein Sprecher der Polizei", "the department" in "a
    spokeswoman for the department"); None for any other phrase."""
    head = span.root
    if head.pos_ != "NOUN" or not noun_in(head, lex.spokesperson_nouns, lex):
        return None
    owner = next((c for c in head.rights if c.dep_ in OWNER_DEPS and c.right_edge.i < span.end), None)
    if owner is not None and owner.dep_ == "prep":  # ClearNLP: the noun hangs on the preposition
        owner = next((c for c in owner.children if c.dep_ == "pobj"), None)
    if owner is None or owner.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = owner.left_edge.i, owner.i + 1
    while start < owner.i and span.doc[start].pos_ in ("DET", "ADP", "PUNCT"):
        start += 1
    for child in owner.rights:  # the rest of its name ("des Weißen Hauses": "Hauses" hangs on "Weißen")
        if child.dep_ not in _NAMING or child.i != end or child.right_edge.i >= span.end:
            break
        end = child.right_edge.i + 1
    return span.doc[start:end]


def name_in(span: Span, lex: CueLexicon, entities: DocEntities, known_person: Callable[[str], bool] | None = None,
            keep_places: bool = False, parts: tuple | None = None) -> tuple[str, str] | None:
    """The best name inside a mention span and its type: an entity, a run of proper nouns,
    or the noun phrase itself; None when none names the source (a count, or a place in the
    owner of a common noun unless ``keep_places``: :func:`names_no_one`). ``parts``:
    :func:`name_parts` of the same arguments, when the caller has them."""
    span, ents, dropped = parts if parts is not None else name_parts(span, lex, entities, known_person, keep_places)
    if span is None:
        return None
    if dropped and not ents:
        return None
    if not ents and len(span) == 1 and span[0].pos_ == "PRON":
        return None  # a pronoun alone: no proper noun, no spokesperson's owner, no noun (as below)
    bracketed = _affiliation(span, ents)
    if bracketed:  # "Minister Guido Westerwelle (FDP)" whose name the recogniser missed: not the party
        ents = []
    if ents:
        head = span.root
        # a name of the head itself before one in its owner: "der Chefankläger des Internationalen
        # Strafgerichts, Luis Moreno Ocampo" is Ocampo, "ein Sprecher des Ministeriums" the ministry
        # and the name the phrase is headed by before a longer one in its apposition: "Martin Lee,
        # der Gründer der Demokratischen Partei" is Lee
        # a name in the genitive before a role noun owns it ("Schalkes Trainer Felix Magath",
        # "Reuters reporter Anna Roth"): the person named after it speaks
        people = [e for e in ents if e.label_ in ("PER", "PERSON")]
        # and a role the recogniser took for an organisation is no name ("SPD-Chef Tim Berger")
        best = max(ents, key=lambda e: (not _owner_before_role(e, people), not _role_before_person(e, people, lex),
                                        e.label_ in NAME_LABELS,
                                        e.start <= head.i < e.end, head.pos_ != "NOUN" or not in_owner(e, head),
                                        len(e.text)))
        body = _body_before_spokesperson(best[0], lex) if len(best) == 1 and best.label_ not in ("PER", "PERSON") else None
        if body is not None:  # "ein WWF-Sprecher" the recogniser took whole for an organisation
            return body, "organization"
        etype = entity_type_of_label(best.label_)
        if _outlet_words(span, lex) or is_masthead(best, lex):
            etype = "media"
        elif (etype != "person" and span.root.pos_ == "NOUN" and set_off_beside(best, span.root)
              and person_noun(span.root, lex)):
            etype = "person"  # "a spokeswoman for the yard, Ines Lund" the recogniser took for a place
        elif etype in ("location", "other") and between_quotation_marks(best) and (
                (span.root.pos_ == "NOUN" and best.start > span.root.i and in_owner(best, span.root))
                or span.doc[min(best.start - 2, span.start - 1)].pos_ == "DET" and best.start - 2 <= span.start):
            # a title that speaks, after its article or owning what speaks, is a publication's
            # ("Nach Informationen des „Spiegel“", "ein Artikel der „Tribune“")
            etype = "media"
        owner = span.root.pos_ == "NOUN" and span.root not in best and in_owner(best, span.root)
        # in the genitive by its place (an owner) or by its article ("Angaben des „Handelsblatts“")
        genitive = after_genitive_article(best, lex)
        return (nominative(best, genitive) if owner or genitive else weak_nominative(best, lex)), etype
    inside = in_extended_attributes(span) | bracketed
    # a nationality's or a party's word is no name ("African-American voters", "a French official"),
    # but the phrase keeps the type it gave (a group)
    grouped = [e for e in entities.within(span.start, span.end) if e.label_ == "NORP" and _group_adjective(e, span.root)]
    group_words = {i for e in grouped for i in range(e.start, e.end)}
    # the proper nouns, the comma and the nouns before read from the Doc's arrays: no Token per word
    doc, words = span.doc, range(span.start, span.end)
    pos, texts, lowers = id_list(doc, POS), forms(doc, ORTH), forms(doc, LOWER)
    propn = [i for i in words if pos[i] == PROPN and i not in inside and i not in group_words]
    comma = next((i for i in words if texts[i] == "," and propn and i > propn[0]), None)
    if comma is not None:  # "Erkki Tuomioja, Präsident des Rats der EU": the name before its apposition
        propn = [i for i in propn if i < comma]
    quoted = quoted_name_after_article(span)
    if quoted is not None:  # "die „Welt“", "das „Manager Magazin“": the title in the marks is the name
        media = any(lowers[i] in lex.media_words for i in words) or is_masthead(quoted, lex)
        return quoted.text, "media" if media else _body_type([quoted.root], grouped, lex)
    if propn:
        start, end = propn[0], propn[-1] + 1
        while start > span.start and name_adjective(texts[start - 1]):
            start -= 1  # "des Statistischen[NOUN] Bundesamts": the name's adjective, whatever the tagger made of it
        if comma is not None and all(texts[i][:1].isupper() for i in range(start, comma)):
            end = comma  # a capitalised word the tagger called a noun ends the name ("Tuomioja")
        run = doc[start:end]
        if span.root.pos_ == "PROPN" and any(e.label_ in COUNT_LABELS for e in entities.within(span.start, span.end)):
            run = _name_around(span.root, span)  # the head's own name, not every proper noun around the count
        before = [doc[i] for i in range(propn[0] - 1, span.start - 1, -1) if pos[i] == NOUN][:1]  # "das Institut Sonnwald"
        etype = ("media" if _outlet_words(span, lex) or is_masthead(run, lex)
                 else "person" if len(propn) >= 2 else _body_type(before, grouped, lex))
        return run.text, etype
    outlet = _quoted_outlet_name(span, lex)
    if outlet is not None:  # "einem Bericht des Magazins „Kompass“": the magazine's name, "Kompass"
        return outlet.text, "media"
    body = _body_before_spokesperson(span.root, lex)
    if body is not None:  # "ein WWF-Sprecher", "Kreml-Sprecher": the body is named before the hyphen
        return body, "organization"
    owner = _spoken_for(span, lex)
    if owner is not None:  # "ein Sprecher des Gesundheitsministeriums": the ministry, "Gesundheitsministerium"
        return nominative(owner), "media" if _outlet_words(owner, lex) else _body_type([owner.root], False, lex)
    nouns = [t for t in span if t.pos_ == "NOUN" or (not t.pos_ and t.is_alpha)]
    if not nouns:
        return None
    head = nouns[-1]
    if (title_noun(head.text, lex) and "Plur" not in morph_of(head, "Number")) or age_description(span, lex):
        return None  # a title-only or age description ("die 54-Jährige"): resolve like a pronoun
    typed = span.root if span.root.pos_ == "NOUN" else head
    etype = "media" if _outlet_words(span, lex) else _body_type([typed, *_noun_before_name(typed, span)], grouped, lex)
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].pos_ == "NOUN" and words[0].lemma_:
        return words[0].lemma_[:1].upper() + words[0].lemma_[1:], etype  # "Lehrerverbands" → "Lehrerverband"
    if inside:  # "am Montag veröffentlichten Erklärung der Polizei" names "Erklärung der Polizei"
        return "".join(t.text_with_ws for t in span if t.i not in inside).strip(), etype
    return span.text, etype


def _noun_before_name(noun: Token, span: Span) -> list[Token]:
    """The capitalised noun right before a capitalised head noun, which names what the head is
    when the head is a name the tagger took for a common noun ("dem Verband Abendstern")."""
    before = noun.doc[noun.i - 1] if noun.i > span.start else None
    return [before] if (before is not None and before.pos_ == "NOUN" and before.text[:1].isupper()
                        and noun.text[:1].isupper()) else []


def person_noun(noun: Token, lex: CueLexicon) -> bool:
    """Whether a noun names a person: a title, a spokesperson or what people do (``titles``,
    ``spokesperson_nouns``, ``person_nouns``; "Ministerin", "Sprecherin", "mayor")."""
    return (title_noun(noun.text, lex) or noun_in(noun, lex.spokesperson_nouns, lex)
            or noun_in(noun, lex.person_nouns, lex))


def _outlet_words(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase holds a noun of an outlet (``media_words``: "der Zeitung", "the agency")
    or, in German, a compound ending in one of ``media_compound_heads`` ("der Küstenzeitung")."""
    lowers, pos, heads = forms(span.doc, LOWER), id_list(span.doc, POS), tuple(lex.media_compound_heads)
    return any(lowers[i] in lex.media_words or (pos[i] in (NOUN, PROPN) and lowers[i].endswith(heads))
               for i in range(span.start, span.end))


def _body_type(nouns: list[Token], grouped: bool, lex: CueLexicon) -> str:
    """"organization" for a group's phrase or one headed by an organisation noun ("der Verband",
    "des Gesundheitsministeriums", "das Institut Sonnwald"; ``lex.organisation_nouns``), else "other"."""
    return "organization" if grouped or any(noun_in(t, lex.organisation_nouns, lex) for t in nouns) else "other"


def _affiliation(span: Span, ents: list[Span]) -> set[int]:
    """The tokens in brackets after a proper noun of the phrase when every entity found in it is
    there and they abbreviate no name before them ("Guido Westerwelle (FDP)": the party the person
    belongs to, not their name), else none."""
    texts = forms(span.doc, ORTH)  # (the words read from the Doc's arrays, no Token made for each)
    opening = next((i for i in range(span.start, span.end) if texts[i] == "("), None)
    if opening is None or not ents or PROPN not in id_list(span.doc, POS)[span.start : opening]:
        return set()
    closing = next((t.i for t in span.doc[opening:span.end] if t.text == ")"), span.end - 1)
    if not all(opening < e.start and e.end <= closing for e in ents):
        return set()
    words = [t.text.strip("„“\"»«") for t in span.doc[span.start : opening]]
    if closing == opening + 2 and any(abbreviates(span.doc[opening + 1].text, " ".join(words[k:])) for k in range(len(words))):
        return set()  # an abbreviation of the name before it, its alias ("National Health Service (NHS)")
    return set(range(opening, closing + 1))


def age_description(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase names someone by their age alone ("die 54-Jährige", "the 54-year-old").

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> doc = spacy.blank("en")("the 54-year-old said")
    >>> age_description(doc[0:6], load_lexicon("en")), age_description(doc[0:1], load_lexicon("en"))
    (True, False)
    """
    words = "".join(t.text_with_ws for t in span if t.lower_ not in lex.determiners).strip().lower()
    number, _, rest = words.partition("-")
    return number.isdigit() and rest in lex.age_noun_endings


def _quoted_outlet_name(span: Span, lex: CueLexicon) -> Span | None:
    """The name in quotation marks right after an outlet word inside a phrase ("des Magazins
    „Kompass“", "das Nachrichtenmagazin „Der Spiegel“"), without its marks; None when there is none."""
    return next((name for t in span if (name := outlet_name_after(span.doc, t.i, span.end, lex)) is not None), None)


def outlet_name_after(doc: Doc, i: int, limit: int, lex: CueLexicon) -> Span | None:
    """The name in quotation marks right after the outlet word at token ``i`` ("Magazins
    „Kompass“": "Kompass"), without its marks, ending before ``limit``; None when there is none."""
    if doc[i].pos_ != "NOUN" or not noun_at(doc, i, lex.media_words, lex):
        return None
    quoted = quoted_name(doc, i + 1, limit)
    return quoted[1:-1] if quoted is not None and len(quoted) > 2 else None


def _owner_before_role(name: Span, people: list[Span]) -> bool:
    """Whether a name ending in "s" stands right before a common noun with a person named after
    it ("Schalkes Trainer Felix Magath"): the owner of the role, not the one who holds it."""
    doc = name.doc
    return (name[-1].text.endswith("s") and name.end < len(doc) and doc[name.end].pos_ == "NOUN"
            and any(p.start > name.end for p in people))


def _role_before_person(name: Span, people: list[Span], lex: CueLexicon) -> bool:
    """Whether a name is one word ending in a title after its hyphen ("SPD-Chef",
    "VDA-Präsidentin") with a person named after it, or words ending in a title right before a
    person's name: the role, which the recogniser may call an organisation or a person, not the
    one who holds it."""
    if len(name) > 1:  # "Delmenhorster Bürgermeisterin" taken for a person, right before "Swantje Hartmann"
        return title_noun(name[-1].text, lex) and any(p.start == name.end for p in people)
    return (name[0].text.rpartition("-")[2] in lex.titles
            and any(p.start >= name.end for p in people))


def speaks_for_circles(span: Span | None, lex: CueLexicon) -> bool:
    """Whether a source phrase names circles, never one body ("Regierungskreise", "aus
    EU-Kreisen", "Angaben informierter Kreise", "diplomatic circles"), whatever name is in it
    or the recogniser took it for: its last noun is one of ``lex.circle_nouns``, and no other
    word of it is a name ("des Senders X und anderer Medien" names X); or its head is, with no
    name in it at all ("Kreise der Landesregierung"; not "Kreise der SPD")."""
    if span is None or not lex.circle_nouns:
        return False
    last = next((t for t in reversed(span) if t.pos_ in ("NOUN", "PROPN")), None)
    if last is None:
        return False
    if last.i != span.root.i and span.root.pos_ == "NOUN" and noun_in(span.root, lex.circle_nouns, lex):
        last = span.root  # the circles of a body with no name
    return (noun_in(last, lex.circle_nouns, lex)
            and not any(t.pos_ == "PROPN" or t.ent_type_ for t in span if t.i != last.i))


def unnamed_group(span: Span, entities: DocEntities, lex: CueLexicon | None = None) -> bool:
    """A plural noun phrase with no name in it ("Aus Regierungskreisen", "Experten",
    "some economists", "officials"); with ``lex``, not one whose article shows the singular."""
    pos = id_list(span.doc, POS)  # (the parts of speech from the Doc's array, a Token made for a noun only)
    if any(e.label_ not in COUNT_LABELS for e in entities.within(span.start, span.end)) \
            or PROPN in pos[span.start : span.end]:
        return False  # a count ("two officials") is no name
    nouns = [span.doc[i] for i in range(span.start, span.end) if pos[i] == NOUN]
    if not nouns or "Plur" not in morph_of(nouns[-1], "Number"):
        return False
    # an article only of the singular overrides a noun taken for a plural ("dem Verband
    # Abendstern": the rare name read as a plural of "Abendster")
    singular = lex.dative_determiners | lex.genitive_only_determiners if lex is not None else frozenset()
    return not any(t.lower_ in singular for t in span if t.i < nouns[-1].i)
