"""Who a cue that is the noun of a speech act addresses ("die Aufforderung an X", "erteilte X den Befehl")."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from spacy.tokens import Token

from .addressee_candidates import is_reflexive, preposition_of, prepositional_objects
from .dative_forms import dative_by_form, determined_in
from .lexicon import CueLexicon

__all__ = ["noun_cue_candidates"]

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_SUBJECTS = frozenset({"nsubj", "sb"})  # the subject relations of a verb (UD, ClearNLP)


def noun_cue_candidates(noun: Token, lex: CueLexicon) -> Iterator[Token]:
    """For a cue that is the noun of a speech act: the one it is directed at ("die Aufforderung
    an die Regierung", also after its genitive: "die Aufforderung der Polizei an X"), or the
    dative or the "an" phrase of the verb it is the object of ("erteilte den Passagieren den
    Befehl", "wandte sich mit der Aufforderung an X"). An "an" phrase whose article is dative
    is where or what about, not to whom ("an der Universität", "Kritik an der Regierung")."""
    if not lex.directed_prepositions:
        return

    def dative(t: Token) -> bool:
        return (t.pos_ in _NOMINAL and preposition_of(t) is None and not is_reflexive(t, lex)
                and (determined_in(t, lex.addressee_cases) or dative_by_form(t, lex)))

    verb = noun.head
    if verb.i < noun.i and dative(verb) and preposition_of(noun) is None:
        yield verb  # "erteilte den Passagieren den Befehl": the parser hung the noun on the dative
        verb = verb.head
    owners = [c for c in noun.children if c.dep_ == "nmod" and preposition_of(c) is None]
    on_verb = [] if verb == noun or verb.pos_ not in ("VERB", "AUX") else list(prepositional_objects(verb))
    for prep, obj in chain(*(prepositional_objects(w) for w in [noun, *owners]), on_verb):
        if obj != noun and prep in lex.directed_prepositions and not (
                determined_in(obj, lex.addressee_cases) or dative_by_form(obj, lex)):
            yield obj
    for child in verb.children if on_verb else ():
        if child != noun and child.dep_ not in _SUBJECTS and dative(child):
            yield child
