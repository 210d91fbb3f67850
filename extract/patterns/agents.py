"""The agent of a passive cue ("wurde vom Verband gefordert", "was announced by the ministry"):
its speaker, or, with a quoting verb ("wurde von der Agentur X zitiert"), its relay."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from ..doc_tables import children_of, id_list, morph_values, table_of
from ..lexicon import CueLexicon
from ..phrases import strip_punct

__all__ = ["agent_of", "has_passive_auxiliary", "passive_agent"]

_AGENT_DEPS = frozenset({"obl:agent", "agent"})


@lru_cache(maxsize=16)
def _label_ids(labels: frozenset[str], strings) -> frozenset[int]:
    """The ids of dependency labels in a Doc's arrays."""
    return frozenset(strings[label] for label in labels)

_PASSIVE_AUX_DEPS = frozenset({"aux:pass", "auxpass"})


def has_passive_auxiliary(doc: Doc, verb: Token) -> bool:
    """Whether a passive auxiliary hangs on ``verb`` ("wurde … gefordert", "was announced")."""
    if table_of(doc) is not None:  # the Doc's labels and children are kept: no Token per child
        deps, labels = id_list(doc, DEP), _label_ids(_PASSIVE_AUX_DEPS, doc.vocab.strings)
        return any(deps[c] in labels for c in children_of(doc)[verb.i])
    return any(c.dep_ in _PASSIVE_AUX_DEPS for c in verb.children)


def passive_agent(doc: Doc, verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """"Von der Regierung wurde gefordert, …", "wurde vom Verband aufgefordert", "was announced
    by the ministry": the agent of a passive cue is its speaker (without its preposition)."""
    if verb.lemma_.lower() in lex.quoting_verbs:
        return None  # "X wird von Reuters zitiert": the agent relays, the subject speaks
    return agent_of(doc, verb, lower, upper, lex)


def agent_of(doc: Doc, verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """The agent of a passive participle within tokens [lower, upper), without its preposition
    ("wurde vom Verband aufgefordert": "Verband"), or None."""
    passive = has_passive_auxiliary(doc, verb)
    if table_of(doc) is not None:  # the Doc's analyses are kept: no Token per child
        participle = passive or morph_values(doc, "VerbForm", verb.i, verb.i + 1) == {"Part"}
    else:
        participle = passive or verb.morph.get("VerbForm") == ["Part"]
    if not participle:
        return None  # an agent only a participle has ("wurde … aufgefordert", "was announced by")
    for child in verb.children:
        first = child.left_edge
        if not (lower <= first.i and child.right_edge.i < upper):
            continue
        # the parser names the agent, or a passive cue has "von X" before it; not the one
        # addressed ("Von X wurde Aufklärung verlangt": "verlangen von" names who is asked)
        if child.dep_ in _AGENT_DEPS or (passive and child.dep_ == "obl" and child.i < verb.i
                                         and f"{verb.lemma_.lower()} {first.lower_}" not in lex.verb_addressee_prepositions):
            prep = first if first.lower_ in lex.passive_agent_prepositions else child
            if prep.lower_ in lex.passive_agent_prepositions:
                # up to a clause mark, or the label a naming verb gives ("von X als „…“ bezeichnet")
                end = next((t.i for t in doc[prep.i + 1 : child.right_edge.i + 1]
                            if t.text in (",", ";", ":") or t.lower_ in lex.label_complements), child.right_edge.i + 1)
                return strip_punct(doc[prep.i + 1 : end]) if end > prep.i + 1 else None
    return None
