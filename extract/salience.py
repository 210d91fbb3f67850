"""Which person a pronoun or a title-only description refers to: the person in focus (the
subject of its sentence, a person named before it there, the subject or speaker of the sentence
before), else the person named last.

News keeps one person in focus across a few sentences: "Minister A met B in Rome. He rejected
the claims of C's lawyers. 'We stand firm,' he said." Both pronouns mean A, the subject of the
first sentence, carried on by the subject pronoun of the second. A name inside an object, a
genitive, a possessive or a prepositional phrase (B, C) is a weak antecedent: it is taken only
when no subject or speaker in focus is a person. Focus reaches back one sentence: a person who
was the subject long ago is no better than one named just before.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> words = ["Kraus", "met", "White", ".", "He", "left", "."]
>>> doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1, 5, 5, 5], sent_starts=[1, 0, 0, 0, 1, 0, 0],
...           deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
...           pos=["PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"],
...           morphs=["", "", "", "", "Person=3|PronType=Prs|Number=Sing", "", ""])
>>> focus = Focus(doc, [(0, "Kraus"), (10, "White")])
>>> focus.antecedent(doc[4].idx)          # "He": the subject before, not the object named last
'Kraus'
>>> focus.antecedent(doc[4].idx, last_speaker=(10, "White"))   # a speaker there is in focus too
'White'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, ORTH, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from .doc_offsets import token_bounds
from .doc_tables import children_of, doc_array, doc_sents, forms, id_list, morph_of

__all__ = ["Focus", "SUBJECT_DEPS", "WEAK_DEPS", "pronoun_gender"]

#: a clause's subject (UD and TIGER labels)
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "sb"})
#: dependents inside a subject phrase whose names are not the subject's own: genitives,
#: possessives, prepositional phrases, clauses ("the lawyers of C", "C's spokesman")
WEAK_DEPS = frozenset({"nmod", "nmod:poss", "poss", "obl", "prep", "pobj", "case", "ag", "pg", "op", "mnr",
                       "acl", "relcl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc"})


class Focus:
    """The persons in focus sentence by sentence, and the antecedent of a pronoun at a character.

    Parameters
    ----------
    doc : Doc
        Parsed (sentences and dependencies); without a parse every sentence has no subject and
        the antecedent is the person named last.
    persons : sequence of (char, entity)
        Every person named in the text, in order, with the entity it resolves to (any object:
        the caller's entity records).
    person_named : callable, optional
        The person a run of proper nouns names, or None: a subject the NER missed ("Kasich is
        trumpeting …") is still the person the article named in full before.
    gender_of : callable, optional
        A person's gender as the article shows it ("Masc", "Fem": "Ministerin X", "Mr. X"), or
        None; a pronoun of the other gender never refers to that person.
    """

    def __init__(self, doc: Doc, persons: Sequence[tuple[int, Any]],
                 person_named: Callable[[str], Any | None] | None = None,
                 gender_of: Callable[[Any], str | None] | None = None):
        self.person_named = person_named
        self.gender_of = gender_of or (lambda entity: None)
        self.persons = sorted(persons, key=lambda p: p[0])
        self._person_starts = [p[0] for p in self.persons]
        self._by_char = {pos: ent for pos, ent in self.persons}
        self.sentences: list[Span] = doc_sents(doc) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
        self._starts = [s.start_char for s in self.sentences]
        # the tokens' labels and children from the Doc's arrays: a subject is found without a Token per child
        self._deps, self._children = id_list(doc, DEP), children_of(doc)
        self._subject_ids = frozenset(doc.vocab.strings[dep] for dep in SUBJECT_DEPS)
        self._weak_ids = frozenset(doc.vocab.strings[dep] for dep in WEAK_DEPS)
        self._token_starts = token_bounds(doc)[0]
        # the tokens the parser made roots (head offset 0), in order: a sentence's root found by
        # bisection, as Span.root finds it first, without a Token
        self._roots = np.flatnonzero(doc_array(doc, HEAD) == 0).tolist()
        # per sentence: (char of its subject, the person it refers to) or None
        self.subjects: list[tuple[int, Any] | None] = []
        for k, sent in enumerate(self.sentences):
            self.subjects.append(self._subject_referent(k, sent))

    def sentence_of(self, char: int) -> int:
        """The index of the sentence holding a character."""
        return max(0, bisect_right(self._starts, char) - 1)

    def antecedent(self, char: int, last_speaker: tuple[int, Any] | None = None,
                   gender: str | None = None) -> Any | None:
        """The person a pronoun (or title-only description) starting at ``char`` refers to.

        In this order: the subject of its own sentence, or ``last_speaker`` (char, entity) when
        it spoke there, before the pronoun (the later of the two); else a person named in its
        sentence before it (the last); else the subject of the sentence before, or the last
        speaker when it spoke there (the later); else the person named last before ``char``
        or ``last_speaker``, whichever came later. With the pronoun's ``gender`` ("Masc",
        "Fem"), a person known to be of the other one is passed over.
        """
        def fits(c):
            return c is not None and (gender is None or self.gender_of(c[1]) in (None, gender))

        k = self.sentence_of(char)
        speaker = last_speaker if fits(last_speaker) and last_speaker[0] < char else None
        speaker_k = self.sentence_of(speaker[0]) if speaker is not None else None
        own = [s for s in (self.subjects[k], speaker if speaker_k == k else None) if fits(s) and s[0] < char]
        if own:
            return max(own, key=lambda s: s[0])[1]
        named = self._named_before(char, fits)
        if named is not None and self.sentence_of(named[0]) == k:
            return named[1]
        before = [s for s in (self.subjects[k - 1] if k > 0 else None, speaker if speaker_k == k - 1 else None)
                  if fits(s)]
        if before:
            return max(before, key=lambda s: s[0])[1]
        candidates = [c for c in (speaker, named) if c is not None]
        return max(candidates, key=lambda c: c[0])[1] if candidates else None

    def _named_before(self, char: int, fits: Callable[[Any], bool] = bool) -> tuple[int, Any] | None:
        """The last person named before ``char`` that ``fits`` (looking a few dozen names back)."""
        i = bisect_right(self._person_starts, char - 1)
        return next((p for p in reversed(self.persons[max(0, i - 40):i]) if fits(p)), None)

    def _subject_referent(self, k: int, sent: Span) -> tuple[int, Any] | None:
        doc, k_root = sent.doc, bisect_left(self._roots, sent.start)
        root = self._roots[k_root] if k_root < len(self._roots) and self._roots[k_root] < sent.end else sent.root.i
        subjects = ([doc[c] for c in self._children[root] if self._deps[c] in self._subject_ids]
                    if self._deps[root] else [])
        if not subjects:
            return None
        first = min(t.idx for t in subjects)
        own = sorted(i for s in subjects for i in self._own_indices(s.i))  # token indices
        starts = self._token_starts
        named = {id(e): e for e in (self._by_char.get(starts[i]) for i in own) if e is not None}
        if len(named) > 1:
            # two "subjects" (a parse that took the object for one): the one before the verb, and
            # before a finite auxiliary ahead of it ("Minister X hat Y in Rom getroffen")
            verb = next((t.i for t in sent if t.i < root and t.pos_ == "AUX" and "Fin" in t.morph.get("VerbForm")), root)
            named = {id(e): e for e in (self._by_char.get(starts[i]) for i in own if i < verb) if e is not None}
        heads = [t for t in subjects if t.pos_ == "PROPN"]
        if not named and self.person_named is not None and len(heads) == 1:
            # the subject itself a name ("Kasich is …"), not a name modifying it ("the Fisher case")
            pos, texts = id_list(doc, POS), forms(doc, ORTH)
            propn = [i for i in own if pos[i] == PROPN]
            if propn[-1] - propn[0] == len(propn) - 1:  # one run of proper nouns
                person = self.person_named(" ".join(texts[i] for i in propn))
                if person is not None:
                    named[id(person)] = person
        if len(named) == 1:
            return first, next(iter(named.values()))
        if not named and len(subjects) == 1 and _third_person_pronoun(subjects[0]):
            # "Er wies … zurück": the subject carries on whoever was in focus before it
            ref = self.antecedent_before(k, subjects[0].idx, pronoun_gender(subjects[0]))
            return (first, ref) if ref is not None else None
        return None

    def _own_indices(self, i: int) -> list[int]:
        """The words of the subject at token ``i`` without its weak dependents (genitives,
        possessives, PPs, clauses), read from the Doc's arrays."""
        deps, children, weak = self._deps, self._children, self._weak_ids
        out, stack = [], [i]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(c for c in children[k] if deps[c] not in weak)
        return out

    def antecedent_before(self, k: int, char: int, gender: str | None = None) -> Any | None:
        """:meth:`antecedent` with only the sentences before ``k`` known (while building them)."""
        def fits(c):
            return c is not None and (gender is None or self.gender_of(c[1]) in (None, gender))

        prev = self.subjects[k - 1] if k > 0 and k - 1 < len(self.subjects) else None
        if fits(prev):
            return prev[1]
        named = self._named_before(char, fits)
        return named[1] if named is not None else None


def pronoun_gender(token: Token) -> str | None:
    """"Masc" or "Fem" for a singular personal pronoun that shows it ("er", "she"), else None."""
    if token.pos_ != "PRON" or "Plur" in morph_of(token, "Number"):
        return None
    genders = set(morph_of(token, "Gender")) & {"Masc", "Fem"}
    return genders.pop() if len(genders) == 1 else None


def _third_person_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and "Prs" in morph_of(token, "PronType") and "3" in morph_of(token, "Person") \
        and "Plur" not in morph_of(token, "Number")
