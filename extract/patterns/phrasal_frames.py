"""A frame after a quote whose verb of saying is a verb with its particle ("“…,” Trump shot
back.", "“…,” she went on."): the lexicon's ``phrasal_frame_verbs``, as lemma and particle,
where the verb alone reports nothing (shoot, go)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import CueLexicon
from ..phrases import np_before
from .frames import Frame

__all__ = ["phrasal_frame"]


def phrasal_frame(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> Frame | None:
    """The frame in tokens [lower, upper) after a quote when they are a subject, a verb and its
    particle, then punctuation only: cue the verb with its particle, speaker the subject; else None.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from quotegraph.extract.lexicon import CueLexicon
    >>> doc = Doc(spacy.blank("en").vocab, words=["Vela", "shot", "back", "."], heads=[1, 1, 1, 1],
    ...           deps=["nsubj", "ROOT", "prt", "punct"], pos=["PROPN", "VERB", "ADP", "PUNCT"], lemmas=["Vela", "shoot", "back", "."])
    >>> frame = phrasal_frame(doc, 0, 4, CueLexicon("en", phrasal_frame_verbs=frozenset({"shoot back"})))
    >>> frame.cue, frame.speaker.text
    ((5, 14, 'shoot back'), 'Vela')
    """
    if not lex.phrasal_frame_verbs:
        return None
    end = upper
    while end > lower and doc[end - 1].is_punct:
        end -= 1
    if end - lower < 3:
        return None
    verb, particle = doc[end - 2], doc[end - 1]
    lemma = f"{verb.lemma_.lower()} {particle.lower_}"
    if verb.pos_ != "VERB" or particle.head.i != verb.i or lemma not in lex.phrasal_frame_verbs:
        return None
    speaker = np_before(doc, verb.i, lower, lex, subject=True)
    if speaker is None or speaker.start != lower:
        return None  # the subject alone stands before the verb ("“…,” Trump shot back.")
    return Frame(cue=(verb.idx, particle.idx + len(particle.text), lemma), speaker=speaker, mediator=None)
