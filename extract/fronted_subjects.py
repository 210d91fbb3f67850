"""Subjects of verb-second clauses the parser mislabels: the phrase before the finite verb, or the one after it."""

from __future__ import annotations

from collections import Counter

import numpy as np
from spacy.attrs import ENT_TYPE, ORTH, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from .doc_tables import among, doc_array, forms, kept, word_ids
from .lexicon import CueLexicon
from .title_nouns import title_noun


def fronted_subject(verb: Token, lower: int, lex: CueLexicon) -> Span | None:
    """In a verb-second language, the noun phrase before the finite verb of a main clause whose
    subject the parser labelled as something else ("Greenpeace fordert, …" with "Greenpeace" an
    adverb, "Dieser behauptete, …" with "Dieser" a determiner), or None.

    Only a main clause with no subject at all: the one phrase before its finite verb (the
    *Vorfeld*) is then the subject unless it is marked as another case, opens with a preposition
    or an adverb, or points back at what was said ("Das sagte …"); one word alone only when it
    is a name, a pronoun or a demonstrative that can speak (``CueLexicon.demonstrative_speakers``).
    """
    doc = verb.doc
    if verb.dep_ not in ("ROOT", "root") or any(c.dep_ in _PASSIVE_DEPS for c in verb.children):
        return None
    start = max(verb.sent.start, lower)
    finite = next((t for t in doc[start : verb.i + 1] if t.pos_ in ("VERB", "AUX") and is_finite(t)), None)
    if (finite is None or not 0 < finite.i - start <= _MAX_FRONTED
            or finite.i != verb.i and not (finite.head.i == verb.i and finite.dep_ in ("aux", "cop"))):
        return None
    fronted = doc[start : finite.i]
    if len(fronted) == 1:
        # one word: a name ("Berninger sagte", read as an adverb here and as a name elsewhere),
        # a pronoun or a demonstrative standing alone ("Dieser behauptete"); a bare noun is more
        # often an adverb the tagger misread ("Gestern", "Dagegen")
        word = fronted[0]
        if (_name_elsewhere(word) or word.ent_type_ in _NAME_LABELS
                or word.lower_ in lex.pronouns or word.lower_ in lex.demonstrative_speakers):
            return fronted
        return None
    if (any(t.pos_ not in _FRONTED_POS for t in fronted) or not any(t.pos_ in _FRONTED_HEAD_POS for t in fronted)
            or fronted[0].lower_ in lex.object_determiners or fronted[0].lower_ in lex.pointers
            or any(set(t.morph.get("Case")) - {"Nom"} and "Nom" not in t.morph.get("Case") for t in fronted)):
        return None
    return fronted


def subject_after_fronted_adverb(verb: Token, subject: Token, lower: int, lex: CueLexicon) -> Token | None:
    """In a verb-second clause, the noun phrase right after the finite verb when the parser's
    subject before the verb is an adverb standing in the *Vorfeld* ("Bislang gingen die
    Wissenschaftler davon aus", "Besorgt äußerte sich Kofi Annan", "Als Grund gab die Behörde
    … an"), or None.

    The *Vorfeld* holds one phrase; when that is a lone adverb or adjective (no name, no
    pronoun) or a phrase opened by a particle, the subject is the first phrase of the
    *Mittelfeld*: the one right after the finite verb (after a reflexive pronoun), a noun or a
    name whose article is not marked for another case and which agrees with the verb.
    """
    if not lex.verb_second or subject.i > verb.i or subject.i < lower:
        return None
    first = subject.left_edge
    before = verb.doc[first.i - 1] if first.i > lower else None
    if not (lone_adverb(subject, lex) or first.pos_ in ("ADP", "CCONJ", "SCONJ") and first.i < subject.i
            # "Als[cc] Grund nannte die NASA": the label word hung on the verb
            or (before is not None and before.lower_ in lex.label_complements and before.head == verb)
            or adverb_with_phrases(subject, lex)):
        return None
    finite = next((t for t in (verb, *verb.children) if t.i > subject.right_edge.i and t.i <= verb.i and is_finite(t)), None)
    after = _phrase_after(verb, finite, lex) if finite is not None else None
    if after is not None and {*after.morph.get("Number"), *finite.morph.get("Number")} == {"Sing", "Plur"}:
        return None  # it does not agree with the verb
    return after


def named_front_before_name(verb: Token, subject: Token, lower: int, lex: CueLexicon) -> Token | None:
    """In a verb-second clause, the phrase opening it when the parser's subject is a bare name
    right after the verb and that phrase is a name or a noun with a name in apposition ("Die
    Ministerin Anna Berg nannte Peter Kühn einen „Freund“": Kühn is the object), or None. A
    title with no article before its name counts as a bare name ("bat Premierminister Berg").

    Both phrases may stand in the nominative; the subject comes first when nothing marks the
    order otherwise. The front phrase must agree with the verb in number, show no case but the
    nominative, and not open with a preposition or an article of another case.
    """
    if (not lex.verb_second or subject.i != verb.i + 1 or not (subject.pos_ == "PROPN" or _titled_name(subject, lex))
            or subject.left_edge.i != subject.i or subject.lower_ in lex.pronouns):
        return None
    front = next((c for c in verb.children if c.i < verb.i and c.left_edge.i == lower and c.pos_ in ("NOUN", "PROPN")), None)
    if front is None or front.left_edge.pos_ == "ADP" or front.left_edge.lower_ in lex.object_determiners \
            or front.left_edge.lower_ in lex.genitive_only_determiners:
        return None
    if any(set(t.morph.get("Case")) - {"Nom"} for t in (front, front.left_edge)):
        return None
    named = front.pos_ == "PROPN" or front.ent_type_ in _NAME_LABELS or any(
        c.dep_ in ("appos", "flat", "flat:name") and c.ent_type_ in _NAME_LABELS for c in front.children)
    if not named and subject.pos_ != "PROPN":
        # "Das Staatsoberhaupt, die Königin Ada II., bat Premierminister Berg …": a name in the
        # front phrase's apposition, however deep the parser hung it
        named = any(t.ent_type_ in _NAME_LABELS and t.dep_ in ("appos", "flat", "flat:name")
                    for t in front.subtree if t.i < verb.i)
    # the finite verb (the tagger may have missed the verb itself: "nannte" as an adjective)
    finite = next((t for t in (verb, *verb.children) if t.i <= verb.i and is_finite(t)), verb)
    if not named or not _agrees(front, finite):
        return None
    return front


def _titled_name(subject: Token, lex: CueLexicon) -> bool:
    """Whether a phrase is a title with no article and a name right after it ("Premierminister
    Berg", "Papst Leo"): a name, as a bare name is, whichever case it stands in."""
    doc = subject.doc
    return (subject.pos_ == "NOUN" and subject.i + 1 < len(doc) and title_noun(subject.text, lex)
            and doc[subject.i + 1].head.i == subject.i and doc[subject.i + 1].tag_ == "NE"
            and doc[subject.i + 1].dep_ in ("appos", "flat", "flat:name"))


def pronoun_after_fronted_object(verb: Token, subject: Token, upper: int, lex: CueLexicon) -> Token | None:
    """In a verb-second clause, a pronoun only the nominative has right after the finite verb
    when the parser's subject stands before that verb ("Die Tat bezeichnete er als sinnlos",
    "Den Plan hat er abgelehnt"): the phrase before is the fronted object, the pronoun the
    subject (``CueLexicon.nominative_pronouns``; "sie" may be the object), or None."""
    if not lex.verb_second or subject.i > verb.i or subject.lower_ in lex.pronouns:
        return None
    finite = next((t for t in (verb, *verb.children) if subject.right_edge.i < t.i <= verb.i and is_finite(t)), None)
    if finite is None or finite.i + 1 >= upper:
        return None
    after = verb.doc[finite.i + 1]
    return after if after.lower_ in lex.nominative_pronouns else None


def adverb_with_phrases(subject: Token, lex: CueLexicon) -> bool:
    """Whether a parser's subject opening the clause is an adverb or adjective the tagger called
    a noun, with only prepositional phrases or a clause on it ("Passend zu den Gefahren warnte
    die Moderatorin", "Stellvertretend für die Kommission empfahl der Kommissar"): no article,
    entity, plural or name elsewhere marks it as a noun phrase."""
    return (lex.verb_second and subject.left_edge.i == subject.i and subject.i == subject.sent.start
            and subject.pos_ in ("NOUN", "ADJ", "ADV")
            and not subject.ent_type_ and "Plur" not in subject.morph.get("Number")
            and subject.lower_ not in lex.pronouns and not _name_elsewhere(subject)
            and any(True for _ in subject.children)
            and all(c.dep_ in ("advcl", "punct") or any(k.dep_ == "case" for k in c.children) for c in subject.children))


def subjects_on_auxiliary(verb: Token, lower: int, upper: int, lex: CueLexicon) -> list[Token]:
    """The subjects inside [lower, upper) the parser hung on the auxiliary before ``verb``
    instead of on the participle ("Jugendliche haben dagegen … ausgesagt": "Jugendliche" on
    "haben"), when they agree with the auxiliary in number and are no lone adverb
    (:func:`lone_adverb`): "Gestern[Plur] hat eine Sprecherin …" names no speaker in "Gestern".
    A verb-second language's perfect only: the auxiliary second, the participle last."""
    if not lex.verb_second:
        return []
    return [c for aux in verb.children if aux.dep_ == "aux" and aux.i < verb.i
            for c in aux.children if c.dep_ in _SUBJECT_DEPS and lower <= c.i < upper and c.pos_ != "ADP"
            and not lone_adverb(c, lex) and _agrees(c, aux)]


def object_of_quoted_passive(verb: Token, lower: int, upper: int, lex: CueLexicon) -> list[Token]:
    """"In der Meldung wird Musk wie folgt zitiert": the one noun or name the parser made the
    object of a quoting verb's participle (``CueLexicon.quoting_verbs``) after a finite passive
    auxiliary (``CueLexicon.passive_auxiliaries``) before it is its subject, the one quoted (a
    passive takes no accusative object); else none."""
    if not lex.passive_auxiliaries or verb.lemma_.lower() not in lex.quoting_verbs or verb.tag_ != "VVPP":
        return []
    doc = verb.doc
    finite = next((t for t in reversed(doc[lower : verb.i]) if t.tag_.endswith("FIN")), None)
    if finite is None or finite.lemma_.lower() not in lex.passive_auxiliaries:
        return []
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and finite.i < c.i < verb.i and c.i < upper
               and c.pos_ in ("NOUN", "PROPN")]
    return objects if len(objects) == 1 else []


def _agrees(subject: Token, finite: Token) -> bool:
    """Whether a subject may agree with a finite verb in number (coordinated subjects are plural)."""
    have = {"Plur"} if any(c.dep_ == "conj" for c in subject.children) else set(subject.morph.get("Number"))
    want = set(finite.morph.get("Number"))
    return not have or not want or bool(have & want)


def lone_adverb(subject: Token, lex: CueLexicon) -> bool:
    """Whether a parser's subject is an adverb the tagger called a noun or a name ("Bislang",
    "Gestern", "Besorgt"): a lone word that no article, entity or plural marks as a noun phrase,
    neither a pronoun nor a word that stands as a name elsewhere in the Doc."""
    return (subject.left_edge.i == subject.i == subject.right_edge.i and subject.pos_ in ("ADV", "ADJ", "NOUN", "PROPN")
            and not subject.ent_type_ and "Plur" not in subject.morph.get("Number")
            and subject.lower_ not in lex.pronouns and subject.lower_ not in lex.demonstrative_speakers
            and not _name_elsewhere(subject))


def _phrase_after(verb: Token, finite: Token, lex: CueLexicon) -> Token | None:
    """The head of the noun phrase right after the finite verb (after a reflexive pronoun), a
    dependent of ``verb`` whose article is not marked for a case other than the nominative."""
    doc = verb.doc
    k = finite.i + 1
    while k < len(doc) and doc[k].pos_ == "PRON" and doc[k].morph.get("Reflex") == ["Yes"]:
        k += 1  # "äußerte sich Kofi Annan"
    if k >= len(doc) or doc[k].pos_ in ("ADP", "ADV", "PUNCT", "VERB", "AUX"):
        return None
    if doc[k].lower_ in lex.object_determiners or doc[k].lower_ in lex.genitive_only_determiners:
        return None
    # the phrase's head: the verb's dependent that starts at k
    after = next((c for c in verb.children if c.left_edge.i == k and c.pos_ in ("NOUN", "PROPN")), None)
    if after is None or after.dep_ in _PASSIVE_DEPS:
        return None
    if after.morph.get("Case") in (["Dat"], ["Gen"]):
        # "Brandt sagte der Zeitung": a dative is addressed, not the subject (the accusative is
        # left alone: "die", "das" and names look the same in the nominative)
        return None
    return after


def _name_elsewhere(token: Token) -> bool:
    """Whether the same word stands in the Doc as a proper noun or in a name elsewhere."""
    names = kept(token.doc, "name_words", _name_words)
    return names.get(token.text, 0) > int(_is_name_word(token))


def _name_words(doc: Doc) -> Counter:
    """How often each word stands in the Doc as a name word (:func:`_is_name_word`), read from
    its arrays: no Token made per word."""
    names = np.flatnonzero((doc_array(doc, POS) == _PROPN) | among(doc_array(doc, ENT_TYPE), word_ids(_NAME_LABELS, doc.vocab.strings)))
    texts = forms(doc, ORTH)
    return Counter(texts[i] for i in names.tolist())


def _is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS


def is_finite(verb: Token) -> bool:
    """Whether a verb is finite; German models mark a finite verb by its mood alone (no VerbForm=Fin)."""
    return "Fin" in verb.morph.get("VerbForm") or bool(verb.morph.get("Mood"))


_PASSIVE_DEPS = frozenset({"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"})
_SUBJECT_DEPS = frozenset({"nsubj", "sb"})
#: the words of a noun phrase, and those one must contain
_FRONTED_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "X"})
_FRONTED_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
_MAX_FRONTED = 8  # words before the finite verb, at most
_NAME_LABELS = frozenset({"PER", "PERSON", "ORG"})
_PROPN = int(PROPN)  # a plain int: numpy compares with it faster than with the enum member
