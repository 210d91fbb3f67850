"""Hearsay and appearance without a named source: "X seems to …", "X is expected to …", "X reportedly …",
"It is not clear whether …"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..cue_verbs import cue_tokens
from ..doc_tables import among, between, children_of, doc_array, id_list, id_set, kept, lower_in, tokens_with
from ..lexicon import CueLexicon
from ..string_tests import KnownIds
from ..phrases import sentences, strip_punct
from .found import Found, FoundIndex, Pattern, cue_chars

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_PASSIVE_AUX = frozenset({"auxpass", "aux:pass"})
# a raising verb the parser hangs on the participle after it: "seemed [rattled]", "appeared [headed]"
_RAISING_AUX = frozenset({"aux", "auxpass", "aux:pass"})
# "seems [like] a turning point": the preposition of likeness says what the subject seems
_LIKENESS = frozenset({"like"})
# what a raising verb says of its subject: "seems [to win]", "seemed [unperturbed]", "appears [a mistake]"
_STATES = frozenset({"xcomp", "acomp", "attr", "oprd"})
# what a passive reporting verb says of its subject: "expected [to win]", "revealed [that …]",
# "declared [the winner]" (a predicate the parser may take for a second object)
_PASSIVE_COMPLEMENTS = frozenset({"oprd", "xcomp", "attr", "ccomp", "dobj"})


def find_evidentials(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """Claims the writer marks as someone's view or expectation without naming whose (PolNeAR
    annotates them as attributions with no source):

    - a raising verb and what it says of its subject: "The senator seemed to be losing
      ground", "Her aides appear unperturbed", "The team appeared poised to win", "This seems
      like a turning point", "It appears that the vote failed";
    - a passive belief verb with an infinitive: "The bill is expected to pass";
    - a hearsay adverb on a clause: "The company reportedly spent $2 million";
    - an adjective of evidence after an impersonal "it" and a copula, with its clause
      (``CueLexicon.evidence_adjectives``): "It is not clear whether the vote will hold";
    - any reporting verb in the passive with no agent, with what is said of its subject
      (``CueLexicon.agentless_passive_reports``): "Sanders was declared the winner", "He is
      best known for his films", "The move was criticized as reckless"; a verb of viewing so
      only with its label ("The senator is widely seen as the favorite", ``CueLexicon.view_verbs``).

    The content runs from the subject to the end of what is said of it; the words between the
    subject and what is said of it (the cue, its auxiliaries and adverbs: "is widely expected",
    "is best known for") are its gap, no part of it, as PolNeAR marks it ("The bill … to pass");
    the cue is the verb (with its passive auxiliary) or the adverb; there is no speaker
    (``CueLexicon.evidential_verbs``, ``evidential_passives``, ``evidential_adverbs``). A
    sentence with a report found before may hold one too, beside the report ("X denied it, but
    her aides are expected to resign"), not in its clause (:func:`_under_a_cue`).
    """
    if not doc.has_annotation("DEP") or not (lex.evidential_verbs or lex.evidential_passives or lex.evidential_adverbs
                                             or lex.evidence_adjectives):
        return
    for sent in sentences(doc):
        candidates = between(_candidates(doc, lex), doc, sent.start, sent.end)
        cues = [f.cue for f in found.overlapping(sent.start_char, sent.end_char) if f.cue is not None]
        taken: list[tuple[int, int]] = []  # a second one in the sentence only beside the first, not inside it
        if lex.agentless_passive_reports:  # the sentence's reporting verbs after the evidential words
            candidates = candidates + [i for i in cue_tokens(doc, sent.start, sent.end, lex) if i not in candidates]
        for tok in (doc[i] for i in candidates):
            hit = _evidential(doc, tok, lex) or (_agentless_passive(doc, tok, lex) if lex.agentless_passive_reports else None)
            if hit is None:
                continue
            content, cue, gap = hit
            if (found.outside(content.start_char, content.end_char) and not _under_a_cue(tok, cues)
                    and all(content.end_char <= s or e <= content.start_char for s, e in taken)):
                taken.append((content.start_char, content.end_char))
                f = Found((content.start_char, content.end_char), "indirect", cue=cue, pattern=Pattern.EVIDENTIAL)
                gap = _gap(content, *gap) if gap is not None else None
                if gap is not None:
                    f.extra["gaps"] = [gap]
                yield f


def _under_a_cue(tok: Token, cues: list[tuple]) -> bool:
    """Whether ``tok`` hangs (at any depth) on the cue of a report found before: "X charged
    that the papers were hidden because they appeared to …" is X's, not the writer's hearsay;
    a clause coordinated with the cue ("X denied it, but her aides are expected to …") is not."""
    while tok.head.i != tok.i:
        if any(start <= tok.head.idx < end for start, end, *_ in cues):
            return tok.dep_ != "conj"
        tok = tok.head
    return False


def _candidates(doc: Doc, lex: CueLexicon) -> list[int]:
    """The tokens :func:`_evidential` can accept, from the Doc's arrays: a hearsay adverb, or a
    lemma among the evidential verbs (kept while the Doc is read)."""
    def compute(d: Doc) -> list[int]:
        # the lemmas are looked at by id, each once per process (tokens_where would test each
        # distinct lemma of each Doc)
        # verbs of viewing are no cue tokens in the passive: "is seen as …" is read here alone
        known = _evidential_lemmas(lex.evidential_verbs, lex.evidential_passives | lex.evidence_adjectives | lex.view_verbs)
        passing = known.passing(set(id_list(d, LEMMA)), d.vocab.strings)
        lemmas = np.flatnonzero(among(doc_array(d, LEMMA), list(passing))).tolist()
        if lex.regular_inflection_stems:
            # "seemed" as the auxiliary of a participle keeps its form as its lemma: its stem is read
            forms = _inflected_forms(lex.evidential_verbs).passing(set(id_list(d, LOWER)), d.vocab.strings)
            lemmas += np.flatnonzero(among(doc_array(d, LOWER), list(forms))).tolist() if forms else []
        return sorted({*tokens_with(d, lex.evidential_adverbs), *lemmas})
    return kept(doc, ("evidential_candidates", id(lex)), compute)


@lru_cache(maxsize=8)
def _inflected_forms(verbs: frozenset[str]) -> KnownIds:
    """The forms (by id) of ``verbs`` with a regular ending: "seems", "seemed", "appearing"."""
    return KnownIds(lambda form: _verb_of_form(form.lower(), verbs) is not None)


def _verb_of_form(low: str, verbs: frozenset[str]) -> str | None:
    """The one of ``verbs`` a lower-case form is, with or without a regular ending, or None."""
    if low in verbs:
        return low
    stem = low[:-3] if low.endswith("ing") else low[:-2] if low.endswith("ed") else low[:-1] if low.endswith("s") else None
    return next((v for v in (stem, f"{stem}e") if stem and v in verbs), None)


@lru_cache(maxsize=8)
def _evidential_lemmas(verbs: frozenset[str], passives: frozenset[str]) -> KnownIds:
    """The lemmas (by id) that are, lower-cased, evidential verbs, passives or adjectives."""
    return KnownIds(lower_in(verbs | passives))


def _evidential(doc: Doc, tok: Token, lex: CueLexicon) -> tuple[Span, tuple[int, int, str], tuple[int, int] | None] | None:
    """The content, cue and gap (first and last token, or None) of one evidential token, or None."""
    lemma = tok.lemma_.lower()
    if tok.lower_ in lex.evidential_adverbs and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        clause = tok.head
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.dep_ == "expl":
            return None
        return _between(doc, subject, clause), cue_chars(tok, tok.lower_), (tok.i, tok.i)
    if tok.pos_ == "ADJ":
        return _impersonal_evidence(tok, lex)
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    raising = _verb_of_form(lemma, lex.evidential_verbs) if tok.dep_ in _RAISING_AUX else None
    if raising is not None and tok.head.tag_ == "VBN" and tok.head.i > tok.i:
        # "The governor seemed rattled by …", "The memo seemed aimed at …": the parser makes the
        # raising verb the auxiliary (its form its lemma) of the participle it says of its subject
        subject = next((c for c in tok.head.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
        if subject is None or subject.dep_ == "expl":
            return None
        return _between(doc, subject, tok.head), cue_chars(tok, raising), (subject.right_edge.i + 1, tok.i)
    if lemma in lex.evidential_verbs:
        state = next((c for c in tok.children if c.i > tok.i and (
            c.dep_ in _STATES or c.dep_ == "prep" and c.lower_ in _LIKENESS)), None)
        subject = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
        if state is None:
            clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            # "It appears that …": the clause is the content
            return (_between(doc, clause, clause), cue_chars(tok, lemma), None) if clause is not None else None
        if subject is None or subject.dep_ == "expl":
            return None
        if state.dep_ == "xcomp" and state.pos_ in ("VERB", "AUX") and state.tag_ != "VBN" and not any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in state.children):
            return None  # "appeared speaking to reporters": no infinitive nor participle, no appearance
        # "seems like a turning point": the preposition of likeness is the cue's
        last = state.i if state.dep_ == "prep" else state.left_edge.i - 1
        return _between(doc, subject, state), cue_chars(tok, lemma), (subject.right_edge.i + 1, last)
    if lemma in lex.evidential_passives and _has_child(doc, tok.i, _PASSIVE_AUX):
        state = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i
                      and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)), None)
        subject = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj:pass") and c.i < tok.i), None)
        if state is None or subject is None:
            return None
        return _between(doc, subject, state), cue_chars(tok, lemma), (subject.right_edge.i + 1, state.left_edge.i - 1)
    return None


def _impersonal_evidence(adj: Token, lex: CueLexicon) -> tuple[Span, tuple[int, int, str], None] | None:
    """"It is not clear whether …", "it was obvious that …": an adjective of evidence
    (``CueLexicon.evidence_adjectives``) after a copula whose subject is an impersonal "it",
    and the clause it says that of (its content; the cue runs from the copula to the adjective)."""
    copula = adj.head
    if adj.lemma_.lower() not in lex.evidence_adjectives or adj.dep_ != "acomp" or copula.lemma_.lower() not in lex.copulas:
        return None
    subject = next((c for c in copula.children if c.dep_ in _SUBJECTS and c.i < copula.i), None)
    if subject is None or not (subject.dep_ == "expl" or subject.lower_ in lex.impersonal):
        return None
    clause = next((c for c in (*adj.children, *copula.children) if c.i > adj.i and (c.dep_ == "ccomp" or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.complementizers for m in c.children)))), None)
    if clause is None:
        return None
    return _between(adj.doc, clause, clause), (copula.idx, adj.idx + len(adj), adj.lemma_.lower()), None


def _agentless_passive(doc: Doc, verb: Token, lex: CueLexicon) -> tuple[Span, tuple[int, int, str], tuple[int, int]] | None:
    """"Sanders was declared the winner", "who was lambasted as mainstream": a reporting verb
    in the passive with no agent and with what it says of its subject (a predicate, an
    infinitive, a clause, or "as"/"for" and their object); the content runs from the subject
    to its end. Without such a complement ("The results were announced") nothing is said."""
    if verb.pos_ != "VERB" or not _has_child(doc, verb.i, _PASSIVE_AUX):
        return None
    if _has_child(doc, verb.i, _AGENT):
        return None  # "was endorsed by the paper": the agent speaks (patterns/complements.py)
    if verb.lemma_.lower() in lex.view_verbs and (not any(
            c.dep_ == "prep" and c.lower_ in lex.label_complements for c in verb.children) or any(
            t.dep_ == "agent" or t.lower_ in lex.passive_agent_prepositions for t in verb.subtree if t.i > verb.i)):
        # "was seen leaving": a perception; "is seen as a threat" says a view, "is seen as a
        # threat by the farmers" the farmers' (the parser may hang the agent on the label)
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass") and c.i < verb.i), None)
    said = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in _PASSIVE_COMPLEMENTS or (c.dep_ == "prep" and c.lower_ in lex.complement_prepositions))]
    if subject is None or not said:
        return None
    first = min(said, key=lambda c: c.left_edge.i)
    # "is best known [for] his films": the complement's preposition is the cue's
    last = first.i if first.dep_ == "prep" else first.left_edge.i - 1
    return (_between(doc, subject, max(said, key=lambda c: c.right_edge.i)), cue_chars(verb, verb.lemma_.lower()),
            (subject.right_edge.i + 1, last))


def _has_child(doc: Doc, i: int, labels: frozenset[str]) -> bool:
    """Whether token ``i`` has a dependent labelled one of ``labels``, read from the Doc's arrays
    (no Token made per child)."""
    deps, ids = id_list(doc, DEP), id_set(labels, doc.vocab.strings)
    return any(deps[c] in ids for c in children_of(doc)[i])


_AGENT = frozenset({"agent"})


def _gap(content: Span, first: int, last: int) -> tuple[int, int] | None:
    """The characters of tokens ``first`` to ``last`` as the content's gap, when they stand
    inside it with words on both sides (else None)."""
    if not content.start < first <= last < content.end - 1:
        return None
    doc = content.doc
    return doc[first].idx, doc[last].idx + len(doc[last])


def _between(doc: Doc, first: Token, last: Token) -> Span:
    """From the left edge of ``first``'s phrase to the right edge of ``last``'s, without edge punctuation."""
    span = doc[first.left_edge.i : last.right_edge.i + 1]
    return strip_punct(span) or span
