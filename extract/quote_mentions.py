"""The people, organisations and places named inside a quote (its ``mentions``), each resolved
to the article's entity through the :class:`~quotegraph.extract.entity_index.EntityIndex` that
coreference built, changing none of the entities found before."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.symbols import PRON, PROPN
from spacy.tokens import Doc

from .doc_offsets import char_span_kept, token_bounds
from .doc_tables import between, doc_array, doc_ents, forms, id_list, kept
from .head_names import entity_type_of_label
from .lexicon import CueLexicon
from .phrases import DocEntities, doc_text
from .records import Attribution, Mention

if TYPE_CHECKING:  # (coreference imports this module)
    from .entity_index import EntityIndex, ResolvedEntity

__all__ = ["FindOnce", "quote_mentions", "propn_run_bounds", "proper_nouns"]


class FindOnce:
    """:meth:`EntityIndex.find` of each (name, type) once while nothing changes in the index
    (an article names its people again and again), and :meth:`EntityIndex.find_or_add`, after
    whose new entity every name is looked up afresh. Only for stretches of work in which
    nothing else changes the index."""

    def __init__(self, index: EntityIndex):
        self.index = index
        self._found: dict[tuple[str, str], ResolvedEntity | None] = {}

    def __call__(self, name: str, etype: str) -> ResolvedEntity | None:
        key = (name, etype)
        if key not in self._found:
            self._found[key] = self.index.find(name, etype)
        return self._found[key]

    def or_add(self, name: str, etype: str) -> ResolvedEntity | None:
        found = self(name, etype)
        if found is not None:
            return found
        added = self.index.find_or_add(name, etype)
        if added is not None:
            self._found.clear()  # a new entity: names found before may now find it
        return added


#: The kinds of named entity a quote mentions: people, organisations, places (not "German", NORP).
_MENTION_LABELS = {"PER", "PERSON", "ORG", "LOC", "GPE", "FAC"}


def quote_mentions(doc: Doc, att: Attribution, index: EntityIndex, lex: CueLexicon,
                   entities: DocEntities, find: FindOnce | None = None) -> tuple[Mention, ...]:
    """The people, organisations and places the NER finds inside a quote, each resolved to
    the article's entity (:meth:`EntityIndex.find_or_add`), in the order they stand.

    A surname the NER missed inside the quote (a run of proper nouns, "Berger" in „Herr Berger
    hat …“) is a mention too when it names a person of the article. Pronouns are no mentions;
    nor is a name inside one of the attribution's own role spans (its speaker, cue, mediator
    or addressee, where a pattern's span holds them): the speaker is a mention of its own quote
    only when the quote itself names it. ``find``: a :class:`FindOnce` of ``index`` kept for
    the quotes of one Doc.
    """
    find = FindOnce(index) if find is None else find
    q = att.quote
    span = char_span_kept(doc, q.start, q.end, "contract")
    if span is None:
        return ()
    roles = [(m.start, m.end) for m in (att.speaker, att.cue, att.mediator, att.addressee, *att.relays) if m is not None]
    text = doc_text(doc)
    found: list[tuple[int, int, ResolvedEntity]] = []
    taken: set[int] = set()  # tokens of the names already read
    ent_starts, ent_ends = _entity_bounds(doc)
    k = bisect_left(ent_starts, span.start)
    while k < len(ent_starts) and ent_ends[k] <= span.end:  # the entities inside the quote (as entities.within)
        named = _mention_entity(doc, lex, k)
        k += 1
        if named is None:
            continue
        start, end, start_char, end_char, etype = named
        if any(start_char < role_end and role_start < end_char for role_start, role_end in roles):
            continue
        resolved = find.or_add(text[start_char:end_char], etype)
        if resolved is not None:
            found.append((start_char, end_char, resolved))
            taken.update(range(start, end))
    starts, ends = token_bounds(doc)[:2]
    for first, last in propn_run_bounds(doc, span.start, span.end, 1):
        start_char, end_char = starts[first], ends[last - 1]
        if taken.intersection(range(first, last)) or any(start_char < end and start < end_char for start, end in roles):
            continue
        person = find(text[start_char:end_char], "person")
        if person is not None and person.type == "person":
            found.append((start_char, end_char, person))
    return tuple(Mention(text[start:end], start, end, ent.name, ent.type) for start, end, ent in sorted(
        found, key=lambda f: f[:2]))


def _mention_entity(doc: Doc, lex: CueLexicon, k: int) -> tuple[int, int, int, int, str] | None:
    """The ``k``-th entity of the Doc as (start, end, start char, end char, type) when a quote
    may mention it (a person, organisation or place that is not all pronouns), else None:
    worked out once while the Doc is read, when a quote first holds it."""
    known = kept(doc, ("mention_entities", id(lex)), lambda d: {})
    if k not in known:
        ent = doc_ents(doc)[k]
        pos, lowers = id_list(doc, POS), forms(doc, LOWER)  # the words of a name, with no Token made for each
        known[k] = None if ent.label_ not in _MENTION_LABELS or all(
            pos[i] == PRON or lowers[i] in lex.pronouns for i in range(ent.start, ent.end)) else (
            ent.start, ent.end, ent.start_char, ent.end_char, entity_type_of_label(ent.label_))
    return known[k]


def _entity_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The first token and the token after each of the Doc's entities, kept while it is read."""
    return kept(doc, "entity_bounds", lambda d: ([e.start for e in doc_ents(d)], [e.end for e in doc_ents(d)]))


def propn_run_bounds(doc: Doc, start: int, end: int, min_length: int) -> list[tuple[int, int]]:
    """The runs of at least ``min_length`` proper nouns in the tokens [start, end), as (first, end)
    token indices, found among the Doc's proper nouns (:func:`proper_nouns`)."""
    out = []
    run: list[int] = []
    for i in between(proper_nouns(doc), doc, start, end) + [-1]:  # -1 ends the last run
        if run and i != run[-1] + 1:
            if len(run) >= min_length:
                out.append((run[0], run[-1] + 1))
            run = []
        run.append(i)
    return out


def proper_nouns(doc: Doc) -> list[int]:
    """The indices of the Doc's proper nouns, from its POS array, kept while it is read."""
    return kept(doc, "proper_nouns", lambda d: np.flatnonzero(doc_array(d, POS) == PROPN).tolist())
