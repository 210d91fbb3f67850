"""Stances and questions with no reporting verb: "X is confident that …", "The idea is that …", "X was asked whether …".

PolNeAR annotates what people believe, fear or hope, and what they were asked, as attributions
as much as what they said. English marks them with words no reporting-verb rule reads:

- an adjective of stance with a clause or with the preposition of what it is about
  (``CueLexicon.stance_adjectives``, ``stance_prepositions``): "Her aides are confident that
  the bill will pass", "Republicans are critical of the deal" — the subject holds the view;
- a noun of speech or thought whose clause stands after the copula
  (``CueLexicon.predicate_clause_nouns``): "His argument was that taxes must fall" — the
  noun's owner, if it names one, holds it;
- a noun for one who holds a stance, said of someone (``CueLexicon.holder_nouns``): "Ms.
  Weber is a longtime critic of the mayor" — that one holds it;
- a verb that makes a clause plain (``CueLexicon.evidence_verbs`` with
  ``evidence_adjectives``): "The mayor made clear that she would veto it", "He made it plain
  that …" — the subject holds it;
- a question verb in the passive (``CueLexicon.question_verbs``): "The senator was asked
  whether she would run", "Asked about the merger, …" — what was asked is the content, the
  agent (if named) asked it, the one asked is the addressee and no speaker.

>>> import spacy
>>> from quotegraph.extract.lexicon import load_lexicon
>>> from quotegraph.extract.patterns.found import FoundIndex
>>> find_stances(spacy.blank("en")("No parse, no stance."), load_lexicon("en"), FoundIndex([]))
[]
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..doc_tables import among, doc_array, id_list, kept, lower_in
from ..lexicon import CueLexicon
from ..salience import pronoun_gender
from ..phrases import sentences, strip_punct
from ..string_tests import KnownIds
from .complements import asked_about, opens_question
from .found import Found, FoundIndex, Pattern, cue_chars, span_chars
from .speakers import noun_owner, speaker_for

_PASSIVE_AUX = frozenset({"auxpass", "aux:pass"})
_COPULA_HEADS = frozenset({"acomp", "ROOT"})
# "X seemed [hopeful] that …", "appeared [confident] …": the parser reads the adjective after a
# raising verb (``CueLexicon.evidential_verbs``) as its predicate
_RAISED_DEPS = frozenset({"oprd", "xcomp"})
# what is asked: a question clause ("asked whether …"), the object of "about" ("asked about
# the merger") or a question named as such ("was asked a question about …")
_QUESTION_DEPS = frozenset({"ccomp", "xcomp"})
# "made [clear] that …", "made it [clear] …": the parser hangs the adjective on the verb thus
_MADE_DEPS = frozenset({"ccomp", "oprd", "acomp", "xcomp"})
# what is made plain: a clause (on the verb or the adjective) or an object ("made clear his aim")
_MADE_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "dobj"})


def find_stances(doc: Doc, lex: CueLexicon, found: FoundIndex) -> list[Found]:
    """The stances and questions of a Doc that no earlier pattern explained, in document order
    (one per clause: the first found keeps its content)."""
    if not doc.has_annotation("DEP") or not (lex.stance_adjectives or lex.predicate_clause_nouns or lex.question_verbs):
        return []
    candidates = _candidates(doc, lex)
    if not candidates:
        return []
    taken = FoundIndex()  # looked up, not scanned: a long article has many
    for sent in sentences(doc):
        # the sentence's candidates, found by bisection: a scan of every candidate per sentence
        # would grow with the square of a long article
        for tok in (doc[i] for i in candidates[bisect_left(candidates, sent.start) : bisect_left(candidates, sent.end)]):
            hit = (_stance(doc, sent, tok, lex) or _predicate_noun(tok, lex) or _asked(doc, sent, tok, lex)
                   or _holder(tok, lex) or _made_plain(doc, sent, tok, lex))
            if hit is None or not (found.outside(*hit.quote) and taken.outside(*hit.quote)):
                continue
            if hit.cue is not None and not found.outside(hit.cue[0], hit.cue[1]):
                continue  # the cue sits in a content found before: that report holds this one
            taken.add(hit)
    return list(taken)


def find_noun_acts(doc: Doc, lex: CueLexicon, found: FoundIndex) -> list[Found]:
    """Speech acts and stances named by a noun with what they are about
    (``CueLexicon.act_nouns``, "noun preposition" pairs): "the senator's criticism of the
    plan", "Her endorsement of the mayor", "his decision to run". The object of the
    preposition (or the infinitive) is the content, the noun and its preposition the cue; the
    noun's owner is the speaker, else the subject of the verb the noun is the object of ("The
    union voiced support for the strikers"), else none."""
    if not doc.has_annotation("DEP") or not lex.act_nouns:
        return []
    taken = FoundIndex()  # looked up, not scanned: a long article has many
    for tok in (doc[i] for i in _act_noun_candidates(doc, lex)):
        hit = _noun_act(doc, tok, lex)
        if hit is not None and found.outside(*hit.quote) and taken.outside(*hit.quote) and found.outside(*hit.cue[:2]):
            taken.add(hit)
    return list(taken)


def _act_noun_candidates(doc: Doc, lex: CueLexicon) -> list[int]:
    """The tokens whose lemma is the noun of one of ``CueLexicon.act_nouns``."""
    def compute(d: Doc) -> list[int]:
        passing = _lemma_ids(frozenset(pair.split()[0] for pair in lex.act_nouns)).passing(set(id_list(d, LEMMA)), d.vocab.strings)
        return np.flatnonzero(among(doc_array(d, LEMMA), list(passing))).tolist() if passing else []
    return kept(doc, ("act_noun_candidates", id(lex)), compute)


def _noun_act(doc: Doc, noun: Token, lex: CueLexicon) -> Found | None:
    """The act one noun names, or None (see :func:`find_noun_acts`)."""
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    link = next((c for c in noun.children if c.i > noun.i and (
        (c.dep_ == "prep" and f"{lemma} {c.lower_}" in lex.act_nouns)
        or (c.dep_ == "acl" and c.tag_ == "VB" and f"{lemma} to" in lex.act_nouns
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))), None)
    if link is None and noun.dep_ == "dobj":
        # "took aim at X", "paid tribute to X": the parser hangs the noun's preposition on the verb
        link = next((c for c in noun.head.children if c.i == noun.right_edge.i + 1 and c.dep_ in ("prep", "dative")
                     and f"{lemma} {c.lower_}" in lex.act_nouns), None)
    if link is None:
        return None
    what = link if link.dep_ == "acl" else next((c for c in link.children if c.dep_ in ("pobj", "pcomp")), None)
    content = _phrase(what) if what is not None else None
    if content is None or content.start <= noun.i:
        return None
    if len(content) == 1 and content[0].pos_ == "PRON":
        return None  # "support for it", "a request for one": a pronoun alone names nothing
    owner = noun_owner(noun)
    speaker = (_binding_subject(noun, owner, lex) or owner) if owner is not None else _governor_subject(noun, lex)
    cue_end = noun if link.dep_ == "acl" else link
    return Found((content.start_char, content.end_char), "indirect", cue=(noun.idx, cue_end.idx + len(cue_end), lemma),
                 speaker=span_chars(speaker), pattern=Pattern.NOUN_ACT)


def _governor_subject(noun: Token, lex: CueLexicon) -> Span | None:
    """The subject of the verb whose object ``noun`` is: "[The union] voiced support for …"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ == "VERB" and verb.i > verb.head.i:
        verb = verb.head  # "rose to the defense of X", "opened with a call for X"
    elif noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return _phrase(subject) if subject is not None else None


def _binding_subject(noun: Token, owner: Span, lex: CueLexicon) -> Span | None:
    """The subject a possessive pronoun owner stands for: the subject of the clause the noun is
    an object in, when they agree ("[Cruz] renewed his attacks on …", "[The senators] were
    unanimous in their condemnation of …"); None for any other owner or no such subject
    (``CueLexicon.possessive_subjects``)."""
    if len(owner) != 1 or not any(pair.split()[0] == owner[0].lower_ for pair in lex.possessive_subjects):
        return None
    tok = noun
    for _ in range(4):  # up over the object, its preposition and the verbs that take them
        if tok.dep_ not in _BOUND_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subject is not None:
            return _phrase(subject) if _agrees(owner[0], subject, lex) else None
    return None


def _agrees(possessive: Token, subject: Token, lex: CueLexicon) -> bool:
    """Whether a possessive pronoun can stand for a subject: the same pronoun's subject form, or
    a noun of its number ("their": a plural or coordinated one)."""
    if subject.pos_ == "PRON":
        return f"{possessive.lower_} {subject.lower_}" in lex.possessive_subjects
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if plural != (possessive.lower_ in lex.plural_possessives):
        return False
    # "Senator Anna Holt renewed his attacks": a name's gender that is not the pronoun's
    shown, named = pronoun_gender(possessive), _name_gender(subject, lex)
    return shown is None or named is None or shown == named


def _name_gender(subject: Token, lex: CueLexicon) -> str | None:
    """The gender a subject's phrase shows by a form of address ("Mr.", "Ms.") or a given name
    of one gender only (``lexicons/first_names.json``), or None."""
    from ..genders import first_name_genders  # here: genders imports head_names, which imports the patterns
    for t in subject.subtree:
        if t.i > subject.i:
            break
        if t.lower_ in lex.masculine_titles:
            return "Masc"
        if t.lower_ in lex.feminine_titles:
            return "Fem"
        if t.pos_ == "PROPN" and t.text in first_name_genders():
            return first_name_genders()[t.text]
    return None


#: the links from an object up to the verb whose subject binds its owner ("renewed [his attacks]",
#: "unanimous [in] [their condemnation]", "would not rule out [shifting] [her position]")
_BOUND_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "pcomp", "acomp", "conj"})


def _candidates(doc: Doc, lex: CueLexicon) -> list[int]:
    """The tokens whose lemma is a stance adjective, a predicate clause noun, a question verb, a
    holder noun or an adjective of evidence
    (from the Doc's lemma array, each distinct lemma looked at once per process)."""
    def compute(d: Doc) -> list[int]:
        known = _lemma_ids(lex.stance_adjectives | lex.predicate_clause_nouns | lex.question_verbs | lex.holder_nouns
                           | (lex.evidence_adjectives if lex.evidence_verbs else frozenset()))
        found: set[int] = set()
        for attr in (LEMMA, LOWER):  # the form too: "convinced" the tagger read as a verb's participle
            passing = known.passing(set(id_list(d, attr)), d.vocab.strings)
            if passing:
                found.update(np.flatnonzero(among(doc_array(d, attr), list(passing))).tolist())
        return sorted(found)
    return kept(doc, ("stance_candidates", id(lex)), compute)


@lru_cache(maxsize=8)
def _lemma_ids(words: frozenset[str]) -> KnownIds:
    """The lemmas (by id) that are, lower-cased, one of ``words``."""
    return KnownIds(lower_in(words))


def _stance(doc: Doc, sent: Span, adj: Token, lex: CueLexicon) -> Found | None:
    """"Some Democrats are concerned that the tactics could hurt": a stance adjective with a
    clause after it; the subject of its copula holds the stance ("remain confident", "has been
    acutely aware" too). An expletive or "it" subject names no one ("it is clear that …" has
    no source: :mod:`.evidentials`)."""
    if adj.pos_ == "VERB" and adj.tag_ == "VBN" and adj.lower_ in lex.stance_adjectives:
        # "X is convinced that …": the participle the parser read as a passive is the adjective
        if not any(c.dep_ in _PASSIVE_AUX for c in adj.children) or any(c.dep_ == "agent" for c in adj.children):
            return None
        head = adj
    elif adj.pos_ != "ADJ" or adj.lemma_.lower() not in lex.stance_adjectives or not (
            adj.dep_ in _COPULA_HEADS or adj.dep_ in _RAISED_DEPS and adj.head.lemma_.lower() in lex.evidential_verbs):
        return None
    else:
        head = adj if adj.dep_ == "ROOT" else adj.head
    clause = next((c for c in (*adj.children, *head.children) if c.dep_ == "ccomp" and c.i > adj.i), None)
    if clause is None and adj.lower_ in lex.stance_infinitive_adjectives:
        clause = _stance_infinitive(adj)  # "The union is eager to settle"
    if clause is None and adj.dep_ not in _RAISED_DEPS:
        # "Republicans are critical of the deal"; "X seems pleased with the vote" is the writer's
        # impression of X (:mod:`.evidentials`), a clause after it is X's view
        clause = _stance_object(adj, lex)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < adj.i), None)
    if clause is None or subject is None or subject.dep_ == "expl" or subject.lower_ in lex.impersonal:
        return None
    content = _phrase(clause)
    speaker = _subject_phrase(subject) if subject.dep_ == "nsubjpass" else speaker_for(
        doc, sent, head, lex, lower=sent.start, upper=adj.i)
    if content is None or speaker is None:
        return None
    cue = _cue_from(head, adj) if head is not adj else cue_chars(adj, adj.lower_)  # "is convinced": with its auxiliary
    return Found((content.start_char, content.end_char), "indirect", cue=cue,
                 speaker=span_chars(speaker), pattern=Pattern.STANCE)


def _made_plain(doc: Doc, sent: Span, adj: Token, lex: CueLexicon) -> Found | None:
    """"The mayor made clear that she would veto it", "He made it plain that …": an adjective
    of evidence as what a verb of ``evidence_verbs`` makes of the clause (or object) after it;
    the verb's subject says it."""
    verb = adj.head
    if (adj.pos_ != "ADJ" or adj.lemma_.lower() not in lex.evidence_adjectives or adj.dep_ not in _MADE_DEPS
            or verb.lemma_.lower() not in lex.evidence_verbs or verb.pos_ != "VERB"):
        return None
    said = next((c for c in (*adj.children, *verb.children) if c.i > adj.i and c.dep_ in _MADE_CLAUSE_DEPS), None)
    if said is None or said.dep_ == "advcl" and not any(
            m.dep_ == "mark" and m.lower_ in lex.complementizers for m in said.children):
        return None  # "made it clear for now": no clause, nothing made plain
    content = _phrase(said)
    speaker = speaker_for(doc, sent, verb, lex, lower=sent.start, upper=verb.i)
    if content is None or speaker is None:
        return None
    return Found((content.start_char, content.end_char), "indirect", cue=_cue_from(verb, adj),
                 speaker=span_chars(speaker), pattern=Pattern.STANCE)


def _stance_object(adj: Token, lex: CueLexicon) -> Token | None:
    """What a stance adjective is about, the object of its preposition
    (``CueLexicon.stance_prepositions``): "critical [of the deal]", "tired [of hearing it]"."""
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.i > adj.i and c.lower_ in lex.stance_prepositions), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def _stance_infinitive(adj: Token) -> Token | None:
    """The "to"-infinitive after a stance adjective that takes one: "eager [to settle]"."""
    return next((c for c in adj.children if c.dep_ == "xcomp" and c.i > adj.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _holder(noun: Token, lex: CueLexicon) -> Found | None:
    """"Ms. Weber is a longtime critic of the mayor", "Mr. Hale, a supporter of the plan, …": a
    noun for one who holds a stance (``CueLexicon.holder_nouns``) said of someone, as the
    predicate of a copula or in apposition, with "of" and what the stance is about. The one
    it is said of holds it."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.holder_nouns or noun.dep_ not in ("attr", "appos"):
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    about = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if about is None:
        return None
    if noun.dep_ == "attr":
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i), None)
        holder_span = _phrase(holder) if holder is not None else None
    else:
        holder = noun.head
        holder_span = holder.doc[holder.left_edge.i : holder.i + 1] if holder.i < noun.i else None
    content = _phrase(about)
    if holder is None or holder_span is None or content is None or holder.pos_ == "PRON" and holder.lower_ in lex.impersonal:
        return None
    return Found((content.start_char, content.end_char), "indirect", cue=(noun.idx, of.idx + len(of), noun.lemma_.lower()),
                 speaker=span_chars(holder_span), pattern=Pattern.STANCE)


def _predicate_noun(noun: Token, lex: CueLexicon) -> Found | None:
    """"Her argument is that taxes must fall", "The idea was that donors could …": a noun of
    speech or thought as the subject of a copula whose clause, opened by a complementizer,
    says what it holds. The speaker is the noun's owner ("Her", "the senator's"), else none."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.predicate_clause_nouns or noun.dep_ != "nsubj":
        return None
    copula = noun.head
    if copula.lemma_.lower() not in lex.copulas or copula.i < noun.i:
        return None
    clause = next((c for c in copula.children if c.dep_ in ("ccomp", "attr") and c.i > copula.i
                   and any(m.dep_ == "mark" and m.lower_ in lex.complementizers for m in c.children)), None)
    content = _phrase(clause) if clause is not None else None
    if content is None:
        return None
    # the copula is part of the cue only right after the noun ("The idea is"), not after an aside
    cue = _cue_from(noun, copula) if copula.i - noun.i <= 2 else cue_chars(noun, noun.lemma_.lower())
    return Found((content.start_char, content.end_char), "indirect", cue=cue,
                 speaker=span_chars(noun_owner(noun)), pattern=Pattern.NOUN_PREDICATE)


def _asked(doc: Doc, sent: Span, verb: Token, lex: CueLexicon) -> Found | None:
    """"She was asked whether she would run", "When asked about the merger, …", "Asked by a
    reporter if …": a question verb's participle in the passive, or opening a clause of its
    own, with what was asked after it. The agent asked it; the one asked is no speaker."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.question_verbs:
        return None
    passive = any(c.dep_ in _PASSIVE_AUX for c in verb.children)
    bare = verb.dep_ in ("advcl", "ROOT", "acl") and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    if not (passive or bare):
        return None
    asked = _what_was_asked(verb, lex)
    content = _phrase(asked) if asked is not None else None
    if content is None:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    speaker = strip_punct(doc[asker.left_edge.i : asker.right_edge.i + 1]) if asker is not None else None
    return Found((content.start_char, content.end_char), "indirect", cue=cue_chars(verb, verb.lemma_.lower()),
                 speaker=span_chars(speaker), pattern=Pattern.ASKED)


def _what_was_asked(verb: Token, lex: CueLexicon) -> Token | None:
    """The head of what a question verb asked: its question clause, the object of "about", or
    an object that is a question ("was asked a question about police")."""
    after = [c for c in verb.children if c.i > verb.i]
    clause = next((c for c in after if c.dep_ in _QUESTION_DEPS or (c.dep_ == "advcl" and opens_question(c, lex))), None)
    if clause is not None:  # "Asked if he was ever bullied": the parser may hang the question on as an adverbial
        return clause
    about = asked_about(verb, lex)
    if about is not None:
        return about
    return next((c for c in after if c.dep_ == "dobj" and c.lemma_.lower() in lex.predicate_clause_nouns), None)


def _subject_phrase(subject: Token) -> Span | None:
    """The whole phrase of a subject: "[Her aides] are convinced …" (the speaker rules read a
    passive's subject as what was said, which a stance participle's is not)."""
    return _phrase(subject)


def _phrase(head: Token) -> Span | None:
    """``head``'s phrase without the punctuation at its edges, or None when no word is left."""
    doc = head.doc
    return strip_punct(doc[head.left_edge.i : head.right_edge.i + 1])


def _cue_from(first: Token, last: Token) -> tuple[int, int, str]:
    """The cue from ``first`` to ``last`` (either order), lemma the adjective's or noun's:
    "are confident", "argument was"."""
    start, end = min(first, last, key=lambda t: t.i), max(first, last, key=lambda t: t.i)
    word = last if last.pos_ in ("ADJ",) else first
    return start.idx, end.idx + len(end), word.lemma_.lower()
