"""Names the recogniser cut short or ran on, and words it took for names: "erklärte der Sprecher
Max Huber am Montag", where it found "Max" and the parser hung "Huber" on it as the rest of one
name; "Marco Rubio Responds To Question", a headline in title case it took whole for a name; "die
französische Regierung", an adjective it marked as derived from a place."""

from __future__ import annotations

from spacy.attrs import DEP, ENT_IOB, ORTH, POS, TAG
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span

from .doc_tables import doc_array, doc_ents, forms, id_list
from .genders import first_name_genders
from .head_names import entity_type_of_label, person_noun
from .lexicon import CueLexicon
from .marks import DOUBLE_PAIRS

__all__ = ["NAME_PART_DEPS", "complete_person_names", "cut_names_at_verbs", "drop_adjectives", "persons_after_roles",
           "trim_quotation_marks"]

#: the dependency labels that join the words of one multi-word name (Universal Dependencies)
NAME_PART_DEPS = ("flat", "flat:name")
#: characters that join the pieces of one word the tokenizer split ("O’Keefe", "Meyer-Lansky")
_WORD_JOINERS = "’'‘-‐"
#: the double quotation marks, opening and closing; single ones double as apostrophes ("Sanders'")
_DOUBLE_MARKS = frozenset(DOUBLE_PAIRS) | frozenset("".join(DOUBLE_PAIRS.values()))
#: spaCy's ENT_IOB code of a token outside any entity
_OUTSIDE = 2


def _name_end(doc: Doc, ent: Span, deps: set[int], tags: set[int], pos: list[int], tag: list[int],
              dep: list[int], iob: list[int]) -> int:
    """Where a name ends when the proper nouns right after it that the parser made parts of it
    (``NAME_PART_DEPS``, hung on a word of the name) and the recogniser left outside any entity
    join it."""
    end = ent.end
    while (end < len(doc) and iob[end] == _OUTSIDE and dep[end] in deps and (pos[end] == PROPN or tag[end] in tags)
           and ent.start <= doc[end].head.i < end and doc[end].text[:1].isupper() and _whole_word(doc, end)):
        end += 1
    return end


def _whole_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a word of its own, not the first piece of one the tokenizer split
    at an apostrophe or a hyphen ("O" of "O’Keefe")."""
    return bool(doc[i].whitespace_) or i + 1 == len(doc) or doc[i + 1].text[:1] not in _WORD_JOINERS


def complete_person_names(doc: Doc, lex: CueLexicon) -> bool:
    """Extend, in ``doc.ents``, a person's name by the proper nouns after it that the parser
    joined to it as parts of one name and the recogniser left out ("Max" → "Max Huber"), and by
    the given names right before it (``lexicons/first_names.json``: "Huber" → "Max Huber"). Other
    types are left as they are: a place or an organisation the parser ran on into the next noun
    ("Mecklenburg-Vorpommern Kritik") is joined as often as it is right. Returns whether it set
    ``doc.ents``.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import CueLexicon
    >>> doc = Doc(spacy.blank("de").vocab, words="sagte Max Huber heute".split(),
    ...           pos=["VERB", "PROPN", "PROPN", "ADV"], heads=[0, 0, 1, 0],
    ...           deps=["ROOT", "nsubj", "flat", "advmod"], ents=["O", "B-PER", "O", "O"])
    >>> complete_person_names(doc, CueLexicon("de"))
    True
    >>> doc.ents
    (Max Huber,)
    """
    persons = [e for e in doc_ents(doc) if entity_type_of_label(e.label_) == "person"]
    if not persons:
        return False
    deps = {doc.vocab.strings[d] for d in NAME_PART_DEPS}
    tags = {doc.vocab.strings[t] for t in lex.proper_noun_tags}
    pos, tag, dep, iob = id_list(doc, POS), id_list(doc, TAG), id_list(doc, DEP), id_list(doc, ENT_IOB)
    texts, given = forms(doc, ORTH), first_name_genders()
    longer = {}
    for ent in persons:
        start, end = ent.start, _name_end(doc, ent, deps, tags, pos, tag, dep, iob)
        while start > 0 and iob[start - 1] == _OUTSIDE and texts[start - 1] in given and doc[start - 1].whitespace_:
            start -= 1
        if (start, end) != (ent.start, ent.end):
            longer[ent.start] = Span(doc, start, end, label=ent.label)
    if longer:
        doc.ents = [longer.get(e.start, e) for e in doc.ents]
    return bool(longer)


def persons_after_roles(doc: Doc, lex: CueLexicon) -> bool:
    """Add to ``doc.ents`` a person's name the recogniser missed where a title or a noun of what
    people do stands right before a given name (``lexicons/first_names.json``) and capitalised
    proper nouns or nouns follow it, outside any entity: "Bahn-Personalvorstand Ulrike Hesse",
    "Sprecherin Ines Lund" (up to two words after the given name). The label is the one the
    recogniser gave the article's other persons (an article with none gets none added).
    Returns whether it set ``doc.ents``.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import CueLexicon
    >>> doc = Doc(spacy.blank("de").vocab, words="Eva Roth und Vorständin Ulrike Hesse sagte".split(),
    ...           pos=["PROPN", "PROPN", "CCONJ", "NOUN", "PROPN", "PROPN", "VERB"],
    ...           ents=["B-PER", "I-PER", "O", "O", "O", "O", "O"])
    >>> persons_after_roles(doc, CueLexicon("de", person_nouns=frozenset({"vorständin"})))
    True
    >>> doc.ents
    (Eva Roth, Ulrike Hesse)
    """
    label = next((e.label for e in doc_ents(doc) if entity_type_of_label(e.label_) == "person"), None)
    if label is None:
        return False
    given, texts = first_name_genders(), forms(doc, ORTH)
    pos, iob = id_list(doc, POS), id_list(doc, ENT_IOB)
    found = []
    for i in range(1, len(doc) - 1):
        if texts[i] not in given or iob[i] != _OUTSIDE or pos[i - 1] != NOUN or not person_noun(doc[i - 1], lex):
            continue
        end = i + 1
        while (end < len(doc) and end <= i + 2 and iob[end] == _OUTSIDE and pos[end] in (PROPN, NOUN)
               and texts[end][:1].isupper() and _whole_word(doc, end)):
            end += 1
        if end > i + 1:
            found.append(Span(doc, i, end, label=label))
    if found:
        doc.ents = [*doc.ents, *found]
    return bool(found)



def cut_names_at_verbs(doc: Doc, lex: CueLexicon) -> bool:
    """Cut, in ``doc.ents``, a person's or organisation's name the recogniser ran on into a
    headline's verb: the proper nouns before a verb with one of ``lex.headline_verb_tags`` are
    the name ("Marco Rubio Responds To Question" → "Marco Rubio", "Jeb Bush-spent" → "Jeb
    Bush"; neither a participle, "Citizens United", nor a modal, "George Will"), and an imperative
    (``lex.imperative_tags``) before two or more proper nouns is no part of a person's name
    ("Follow Jane Poor" → "Jane Poor"). A language whose tagger reads surnames as verbs ("John McCain" in
    German) lists no tags; a one-word name is left as it is ("Trump" tagged a verb).

    >>> import spacy
    >>> from quotegraph.extract.lexicon import CueLexicon
    >>> doc = Doc(spacy.blank("en").vocab, words="Marco Rubio Responds To Question".split(),
    ...           pos=["PROPN", "PROPN", "VERB", "PART", "VERB"], tags=["NNP", "NNP", "VBZ", "TO", "VB"],
    ...           ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"])
    >>> cut_names_at_verbs(doc, CueLexicon("en", headline_verb_tags=frozenset({"VBZ"})))
    True
    >>> doc.ents
    (Marco Rubio,)
    """
    if not lex.headline_verb_tags:
        return False
    verb_tags = {doc.vocab.strings[t] for t in lex.headline_verb_tags}
    imperative_tags = {doc.vocab.strings[t] for t in lex.imperative_tags}
    pos, tag = id_list(doc, POS), id_list(doc, TAG)
    cut, cut_off = {}, []  # the names cut, by start; the bounds of the words cut off them
    for ent in doc_ents(doc):
        if len(ent) < 2 or entity_type_of_label(ent.label_) not in ("person", "organization"):
            continue
        start, end = ent.start, ent.end
        if (tag[start] in imperative_tags and entity_type_of_label(ent.label_) == "person" and end - start >= 3
                and all(pos[i] == PROPN for i in range(start + 1, end))):
            start += 1  # "Follow Jane Poor" (an organisation's may open with one: "Occupy Wall Street")
        verb = next((i for i in range(start + 1, end) if tag[i] in verb_tags), None)
        if verb is not None:
            end = verb
            while end > start and doc[end - 1].is_punct:
                end -= 1
            if not all(pos[i] == PROPN or doc[i].is_punct for i in range(start, end)):
                continue  # not a name before the verb
        if (start, end) != (ent.start, ent.end) and end > start:
            cut[ent.start] = Span(doc, start, end, label=ent.label)
            cut_off += [(ent.start, start), (end, ent.end)]
    if cut:
        _set_changed_ents(doc, list(cut.values()), [Span(doc, i, j) for i, j in cut_off if i < j],
                          lambda: [cut.get(e.start, e) for e in doc.ents])
    return bool(cut)


def drop_adjectives(doc: Doc) -> bool:
    """Remove from ``doc.ents`` the adjectives written in lower case that the recogniser marks
    as derived from a place ("die französische Regierung", "der europäischen Staaten": GermEval's
    LOCderiv): no name, so neither a speaker's entity ("französische") nor a name inside a quote.
    Returns whether it set ``doc.ents``.

    >>> import spacy
    >>> doc = Doc(spacy.blank("de").vocab, words="die französische Regierung in Paris".split(),
    ...           pos=["DET", "ADJ", "NOUN", "ADP", "PROPN"], ents=["O", "B-LOC", "O", "O", "B-LOC"])
    >>> drop_adjectives(doc)
    True
    >>> doc.ents
    (Paris,)
    """
    ents = doc_ents(doc)
    pos, texts = id_list(doc, POS), forms(doc, ORTH)  # no Token made per word of every name
    adjective = [all(pos[i] == ADJ and texts[i][:1].islower() for i in range(e.start, e.end)) for e in ents]
    if any(adjective):
        _set_changed_ents(doc, [], [e for e, drop in zip(ents, adjective) if drop],
                          lambda: [e for e, drop in zip(ents, adjective) if not drop])
    return any(adjective)


def trim_quotation_marks(doc: Doc) -> bool:
    """Cut from the entities in ``doc.ents`` the double quotation marks at their edges ("die
    Zeitung „Die Welt“", where the recogniser found "Die Welt“"): a mark is no part of a name, and
    one left in it makes an entity "Welt“" that no other mention of the paper joins. What is left
    with no capital or digit is no name, and is removed. Returns whether it set ``doc.ents``.

    >>> import spacy
    >>> doc = Doc(spacy.blank("de").vocab, words=["Die", "Zeitung", "„", "Die", "Welt", "“", "berichtet"],
    ...           ents=["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"])
    >>> trim_quotation_marks(doc)
    True
    >>> doc.ents
    (Die Welt,)
    """
    texts = forms(doc, ORTH)
    changed, outside, whole = [], [], []
    for ent in doc_ents(doc):
        start, end = ent.start, ent.end
        while start < end and texts[start] in _DOUBLE_MARKS:
            start += 1
        while end > start and texts[end - 1] in _DOUBLE_MARKS:
            end -= 1
        if (start, end) == (ent.start, ent.end):
            whole.append(ent)
            continue
        # what is left without a capital or a digit is no name ('the "New York values"' gave "the")
        if not any(texts[i][:1].isupper() or texts[i][:1].isdigit() for i in range(start, end)):
            start = end
        outside += [Span(doc, i, j) for i, j in ((ent.start, start), (end, ent.end)) if i < j]
        if start < end:
            changed.append(Span(doc, start, end, label=ent.label))
            whole.append(changed[-1])
    if outside:
        _set_changed_ents(doc, changed, outside, lambda: whole)
    return bool(outside)


def _set_changed_ents(doc: Doc, changed: list[Span], outside: list[Span], whole) -> None:
    """Write into the tokens of ``doc.ents`` the ``changed`` entities and the ``outside`` spans
    that are no longer in any, leaving the other tokens as they are: what ``doc.ents = whole()``
    gives, where no token's entity annotation is missing (spaCy's setter rewrites every token
    of the Doc, most of the cost of a pass that changes one name). A Doc with a missing one
    gets ``doc.ents = whole()``, which makes it outside."""
    if (doc_array(doc, ENT_IOB) == 0).any():
        doc.ents = whole()
    else:
        doc.set_ents(changed, outside=outside, default="unmodified")

