"""Whether a German phrase is a dative by the forms around it: its article, the name before it,
the subject before the verb, its number against the verb's, the finite verb between it and the subject."""

from __future__ import annotations

from spacy.attrs import DEP, LOWER
from spacy.tokens import Token

from .doc_tables import children_of, forms, id_list
from .fronted_subjects import is_finite
from .lexicon import CueLexicon
from .marks import OPENING_MARKS
from .metadata import known_agencies
from .phrases import ends_in_noun, is_name

__all__ = ["adjective_head", "after_a_name", "agency_after_nominal", "agency_after_subject", "audience_after_nominal",
           "dative_after_phrase", "dative_after_subject", "dative_article", "dative_by_form", "determined_in",
           "determiners", "disagrees", "ends_name_of", "in_case_marked", "interviewing_outlets", "names_outlet",
           "oblique_feminine", "other_case", "outlet_after_genitive", "parted_by_finite", "plainly_nominative",
           "subject_before"]

#: entity labels of a person or body (spaCy's German and English models)
_PERSON_OR_BODY = frozenset({"PER", "PERSON", "ORG", "NORP"})

#: the modifiers before a noun whose determiner may be the noun's own ("dem Bayerischen Rundfunk")
_PREMODIFIERS = frozenset({"amod", "compound"})

#: the relations of a name's later words to its first (UD, ClearNLP)
_NAME_PARTS = frozenset({"flat", "flat:name", "appos", "compound"})


def determiners(token: Token) -> list[Token]:
    """The determiners before a noun: its own, or those the parser hung on an adjective or a
    name part before it ("dem[→Westfälischen] Westfälischen Kurier"): an article opens the
    whole phrase, whichever word it was attached to.

    >>> import spacy
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["dem", "Westfälischen", "Kurier"],
    ...     heads=[1, 2, 2], deps=["det", "amod", "ROOT"])
    >>> [t.text for t in determiners(doc[2])]
    ['dem']
    """
    own = [c for c in token.children if c.dep_.startswith("det") and c.i < token.i]
    if own:
        return own
    return [d for c in token.children if c.i < token.i and c.dep_ in _PREMODIFIERS
            for d in c.children if d.dep_.startswith("det") and d.i < c.i]


def in_case_marked(token: Token, cases: frozenset[str]) -> bool:
    """Whether the tagger marked a token for one of ``cases`` only."""
    marked = set(token.morph.get("Case"))
    return bool(marked) and marked <= cases


def determined_in(token: Token, cases: frozenset[str]) -> bool:
    """Whether a nominal's determiners are marked for one of ``cases`` only ("den Abgeordneten",
    "allen Reisenden", "dem Berater"): the article's form is a surer sign of the case than the
    noun's, which is often the same in every case."""
    dets = determiners(token)
    return bool(dets) and all(in_case_marked(d, cases) for d in dets)


def dative_by_form(token: Token, lex: CueLexicon) -> bool:
    """Whether a nominal's first determiner is a form only of the dative ("dem", "einem"), or
    one of the dative plural before a plural noun ("den Reportern", "ihren Kollegen"): the
    tagger's case of an article is a guess ("ihren" read accusative), its form is not.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["ihren", "Kollegen", "den", "Plan"],
    ...     heads=[1, 1, 3, 3], deps=["det", "ROOT", "det", "ROOT"], morphs=["", "Number=Plur", "", "Number=Sing"])
    >>> dative_by_form(doc[1], load_lexicon("de")), dative_by_form(doc[3], load_lexicon("de"))
    (True, False)
    """
    dets = determiners(token)
    if not dets:
        return False
    first = dets[0].lower_
    return first in lex.dative_determiners or (
        first in lex.plural_dative_determiners and token.morph.get("Number") == ["Plur"])


def adjective_head(token: Token) -> Token | None:
    """The adjective the parser made the head of a name it opens ("der Rheinischen[nmod]
    Post[appos]"): the phrase hangs where the adjective does and starts where it starts.

    >>> import spacy
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["Berg", "der", "Rheinischen", "Post"],
    ...                        heads=[0, 2, 0, 2], deps=["ROOT", "det", "nmod", "appos"], pos=["PROPN", "DET", "ADJ", "PROPN"])
    >>> adjective_head(doc[3]).text, adjective_head(doc[2])
    ('Rheinischen', None)
    """
    head = token.head
    if token.dep_ in ("appos", "flat") and head.pos_ == "ADJ" and head.i == token.i - 1:
        return head
    return None


def other_case(a: Token, b: Token) -> bool:
    """Whether two nominals are marked for different cases: then one is no apposition of the
    other, which agrees in case ("zum Rücktritt[Dat] Hartmanns[Gen]": whose resignation)."""
    ca, cb = set(a.morph.get("Case")), set(b.morph.get("Case"))
    return bool(ca) and bool(cb) and not (ca & cb)


def names_outlet(token: Token, lex: CueLexicon) -> bool:
    """Whether the phrase of ``token`` names an outlet: a word of it ends in one of
    ``media_words`` ("der Deutschen Presse-Agentur", "dem Nachrichtenmagazin"), also with a
    genitive's -s ("des Senders")."""
    endings = tuple(lex.media_words)
    return bool(endings) and any(w.lower_.endswith(endings) or (w.lower_.endswith("s") and w.lower_[:-1].endswith(endings))
                                 for w in token.subtree)


def interviewing_outlets(noun: Token, lex: CueLexicon) -> list[Token]:
    """"in einem Interview der Zeitung X", "im Interview des Senders Y": the genitive after a noun
    of an interview (``interview_nouns``, also a compound's last part) that names an outlet
    (``media_words``, ``masthead_words``, or a title in quotation marks) is who held it, told
    the words; a person's genitive there is the one interviewed ("im Interview des Ministers")."""
    nouns = lex.interview_nouns
    if not (noun.lower_ in nouns or ends_in_noun(noun.lower_, nouns, shortest=5)):
        return []
    return [c for c in noun.rights if c.dep_ == "nmod" and c.left_edge.lower_ in lex.genitive_articles
            and (names_outlet(c, lex) or any(w.text in lex.masthead_words or w.text in OPENING_MARKS for w in c.subtree))]


def outlet_after_genitive(token: Token, head: Token, lex: CueLexicon) -> bool:
    """"ein Sprecher der Feuerwehr der Deutschen Presse-Agentur": a "der" phrase naming an outlet
    (one of ``media_words``) after a genitive that owns the speaker is told the words, not a
    second owner (as :func:`quotegraph.extract.subjects.subject_of` cuts it from the speaker)."""
    det = token.left_edge
    return (det.lower_ in lex.genitive_articles and det.lower_ not in lex.genitive_only_determiners
            and head.dep_ == "nmod" and head.left_edge.lower_ in lex.genitive_articles
            and names_outlet(token, lex))


def after_a_name(token: Token, head: Token, lex: CueLexicon) -> bool:
    """"sagte Merkel der Zeitung": a phrase right after a name whose article the dative and the
    genitive share ("der"): a name takes no genitive attribute after it, so it is the dative;
    nor does a name's apposition after the bracket that closes it ("X, ein Sprecher der Partei
    (PL) der Presse"), nor a title's name before it ("sagte die Ministerin Petra X der
    „Post“", where the parser hung the phrase on the title)."""
    det = token.left_edge
    before = token.doc[det.i - 1]
    closed = before.is_bracket and before.is_right_punct and before in head.subtree
    name_ends = ends_name_of(before, head)
    return ((det.i == head.right_edge.i + 1 or det.i == head.i + 1 or name_ends or closed)
            and det.lower_ in lex.genitive_articles and (is_name(head) or name_ends))


def dative_after_phrase(token: Token, head: Token, lex: CueLexicon) -> bool:
    """"sagte nach dem Spiel dem Sender": a phrase opened by an article only the dative has, right
    after a prepositional phrase and no comma between, is no apposition of it: it is the verb's."""
    det = token.left_edge
    before = token.doc[det.i - 1] if det.i > 0 else None
    return (det.dep_ == "det" and det.lower_ in lex.dative_determiners and before is not None
            and not before.is_punct and before.i < token.i and before in head.subtree)


def audience_after_nominal(token: Token, head: Token, lex: CueLexicon) -> bool:
    """"sagte Kollmann Reportern", "sagte der Minister Journalisten": a bare plural audience noun
    (``addressee_nouns``) in a dative's form (-n; with adjectives only of the dative's -en, not a
    genitive's "Deutscher Journalisten") right after a nominal, no comma between, is no part of
    its name or title, which take no bare noun after them: it is the verb's dative."""
    word = token.lower_
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    # (the tagger takes such a noun after a name for a name too: the lexicon tells it is none)
    return (token.pos_ in ("NOUN", "PROPN") and head.pos_ in ("NOUN", "PROPN") and head.i < token.i and word.endswith("n")
            and (word in lex.addressee_nouns or ends_in_noun(word, lex.addressee_nouns, shortest=5))
            and all(c.pos_ == "ADJ" and c.lower_.endswith("en") for c in token.children if c.i < token.i)
            and before is not None and not before.is_punct and before in head.subtree)


def _bare_agency(token: Token) -> bool:
    """A news agency's name (:func:`~quotegraph.extract.metadata.known_agencies`) with no article
    or preposition of its own ("Reuters", "AFP")."""
    return (token.text.casefold() in known_agencies() and token.pos_ in ("PROPN", "NOUN")
            and not any(c.dep_ in ("det", "case") for c in token.children))


def agency_after_nominal(token: Token, head: Token, lex: CueLexicon) -> bool:
    """"sagte ein Sprecher Reuters": a bare agency name right after the speaker's phrase, which the
    parser hung on it, is no part of it but the verb's dative (the agency is told the words); after
    an outlet's noun it is that outlet's name ("die Nachrichtenagentur AP")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (_bare_agency(token) and head.pos_ in ("NOUN", "PROPN", "PRON") and head.i < token.i
            and before is not None and not before.is_punct and before in head.subtree
            and not any(w.lower_.endswith(tuple(lex.media_words)) for w in token.doc[head.left_edge.i:token.i]))


def agency_after_subject(token: Token, verb: Token) -> bool:
    """"sagte er Reuters", "Ein Sprecher sagte AFP, …": a bare agency name on a speech verb whose
    subject is another phrase, before the verb or right before the name, is the verb's dative."""
    return token.i > verb.i and _bare_agency(token) and any(
        c.dep_ in ("nsubj", "sb") and c != token and (c.i < verb.i or c.right_edge.i + 1 == token.i)
        for c in verb.children)


def dative_after_subject(subject: Token, verb: Token, token: Token, lex: CueLexicon) -> bool:
    """"„…“, sagte Hans Roth der Nachrichtenagentur X am Montag": a "der" phrase of a feminine
    noun or naming an outlet (``media_words``), on the verb right after its subject that
    follows it, a name or a personal pronoun: no name takes a genitive after it, so the phrase
    is the verb's dative, though the tagger read the genitive."""
    det = token.left_edge
    return (verb.i < subject.i and subject.right_edge.i + 1 == det.i and det.lower_ in lex.genitive_articles
            and (is_name(subject) or subject.tag_ == "PPER")
            and (oblique_feminine(token, lex) or names_outlet(token, lex)))


def ends_name_of(word: Token, head: Token) -> bool:
    """Whether ``word`` is the last part of the name of ``head`` ("sagte Karl Brenner der
    Zeitung": "Brenner", which the parser hung on "Karl" while it hung "der Zeitung" on
    "Karl" too); only a name's own words count, not an apposition of common nouns."""
    if not is_name(word):
        return False
    while word != head and word.dep_ in _NAME_PARTS and word.head.i < word.i:
        word = word.head
    return word == head


def subject_before(subject: Token, verb: Token, token: Token, lex: CueLexicon | None = None) -> bool:
    """Whether ``subject`` is a person or body by its name (the recogniser's label), or a
    personal pronoun, whose phrase is all that stands before the finite ``verb``, and
    ``token`` follows the verb in its clause, no punctuation between: the one place before a
    finite verb holds the subject, so the phrase after it is an object ("Ministerin Anna Roth
    sagte der Agentur, …"). A common noun there may be a phrase of time the parser made the
    subject ("Ende Januar verkündete der Verband"), a phrase with a postposition no subject
    ("Allem Anschein nach"), so neither counts; with ``lex``, one opened by an article of the
    nominative does ("Der Sprecher bestätigte der Agentur"; not "Der Zeitung", "Den Lesern")."""
    doc = verb.doc
    name = [subject] + [c for c in subject.children if c.dep_ in _NAME_PARTS and c.i == subject.i + 1]
    named = (subject.tag_ == "PPER" or any(t.ent_type_ in _PERSON_OR_BODY for t in name)  # "Ministerin Anna Roth"
             or (lex is not None and _nominative_article(subject, lex)))
    first = verb.sent.start
    while first < verb.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    # the subject's phrase is all that stands before the verb (German puts one phrase there)
    return (subject.i < verb.i < token.i and named and not any(c.dep_ == "case" for c in subject.children)
            and subject.left_edge.i == first and subject.right_edge.i == verb.i - 1
            and is_finite(verb) and not any(t.is_punct for t in doc[verb.i + 1:token.left_edge.i]))


def _nominative_article(noun: Token, lex: CueLexicon) -> bool:
    """Whether a common noun is opened by an article the nominative may take and its other
    cases do not force: "Der Sprecher", "Die Polizei", "Ein Sprecher" (not "Der Zeitung", "Den
    Lesern", "Der Behörden", "Des Ministers")."""
    dets = [c for c in noun.children if c.dep_ == "det" and c.i < noun.i]
    if noun.pos_ != "NOUN" or not dets:
        return False
    first = dets[0].lower_
    if first in lex.object_determiners or first in lex.genitive_only_determiners or first in lex.dative_determiners:
        return False
    return first not in lex.genitive_articles or (
        not oblique_feminine(noun, lex) and noun.morph.get("Number") != ["Plur"])


def dative_article(token: Token, lex: CueLexicon) -> bool:
    """Whether a nominal's first determiner is a form the dative may take ("dem", "den",
    "der", "einer"), not one of the nominative or accusative only ("die", "eine")."""
    dets = determiners(token)
    first = dets[0].lower_ if dets else None
    return first is not None and (first in lex.dative_determiners or first in lex.plural_dative_determiners
                                  or (first in lex.genitive_determiners and first not in lex.genitive_only_determiners))


def plainly_nominative(noun: Token, lex: CueLexicon) -> bool:
    """A noun whose determiner shows the nominative: a masculine singular after a determiner of
    ``masculine_nominative_determiners`` ("der Vorsitzende", "ein Sprecher")."""
    if not lex.masculine_nominative_determiners:  # a language whose articles the lexicon does not read for case
        return False
    det = next((c for c in noun.children if c.dep_ in ("det", "det:poss") and c.i < noun.i), None)
    return (det is not None and det.lower_ in lex.masculine_nominative_determiners
            and noun.morph.get("Gender") == ["Masc"] and noun.morph.get("Number") == ["Sing"])


def oblique_feminine(noun: Token, lex: CueLexicon) -> bool:
    """A feminine singular noun after the article the masculine nominative shares with the
    genitive and the dative ("der"): for a feminine noun it is no nominative ("Der Zeitung")."""
    shared = lex.masculine_nominative_determiners & lex.genitive_articles
    if not shared:  # a language whose articles the lexicon does not read for case
        return False
    doc = noun.doc  # the article read from the Doc's arrays: no Token per dependent
    deps, det_id = id_list(doc, DEP), doc.vocab.strings["det"]
    det = next((c for c in children_of(doc)[noun.i] if deps[c] == det_id and c < noun.i), None)
    return (det is not None and forms(doc, LOWER)[det] in shared
            and noun.morph.get("Gender") == ["Fem"] and noun.morph.get("Number") == ["Sing"])


def disagrees(nominal: Token, verb: Token) -> bool:
    """Whether a nominal differs in number from the finite verb of its clause, so it cannot be
    its subject ("Kritiker werfen[Plur] Obama[Sing] vor"); a coordination ("X und Y") is left
    out, its number is not its head's.

    >>> import spacy
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["Kritiker", "werfen", "Obama", "vor"],
    ...     morphs=["Number=Plur", "Number=Plur|VerbForm=Fin", "Number=Sing", ""])
    >>> disagrees(doc[2], doc[1]), disagrees(doc[0], doc[1])
    (True, False)
    """
    finite = next((t for t in (verb, *verb.children) if "Fin" in t.morph.get("VerbForm")), None)
    if finite is None or any(c.dep_ == "conj" for c in nominal.children):
        return False
    have, want = set(nominal.morph.get("Number")), set(finite.morph.get("Number"))
    for det in (c for c in nominal.children if c.dep_.startswith("det") and c.morph.get("Number")):
        have &= set(det.morph.get("Number"))  # "die[Sing] OSZE[Plur]": the tagger is unsure, so are we
    return bool(have) and bool(want) and not (have & want)


def parted_by_finite(subjects: list[Token], verb: Token) -> bool:
    """Whether a verb has two nominal subjects of its own with its finite form (the verb or its
    auxiliary) between them: a verb-second clause has one phrase before it, so the later is
    no second subject ("X hat Y … vorgeworfen"), unlike a name after a title the parser split
    off ("Der Forscher Dr. Y riet")."""
    own = sorted((s for s in subjects if s.head == verb and s.pos_ in ("NOUN", "PROPN", "PRON")), key=lambda t: t.i)
    if len(own) != 2:
        return False
    finite = [verb] + [c for c in verb.children if c.dep_ == "aux"]
    return any(own[0].right_edge.i < t.i < own[1].left_edge.i and is_finite(t) for t in finite)
