"""A reporting clause set off by commas inside the sentence it reports: "It was, he said, a mistake".

English puts the frame of indirect speech in the middle of the reported sentence as often as
before or after it ("Recently, she said, she has changed her mind", "Bob, they said, ordered
them to wait"). The parser hangs such a frame on the reported clause's verb as ``parataxis``
(or makes it the root, the rest of the sentence its clause); its subject is the speaker, and
the words on both sides of it are the content, the frame a gap in it. Read first in a
sentence (:func:`~quotegraph.extract.patterns.reports.find_verb_reports`): a cue inside the
content ("she has changed her mind") is part of what was said, not a report of its own.
"""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from ..doc_tables import annotated, children_of, id_list, id_set
from ..lexicon import CueLexicon
from ..quotemarks import has_words
from .found import Found, Pattern, cue_chars, span_chars
from .source_phrases import source_phrase

__all__ = ["aside_cue", "aside_report"]

#: the dependents a frame set off by commas may hold after its verb: whom it was told to, when
#: and where ("the partner told them", "he said Tuesday", "she said in an interview")
_AFTER_VERB = frozenset({"dobj", "iobj", "dative", "npadvmod", "prep", "advmod", "punct"})
#: what the content of a frame inside it does not reach over: a colon, semicolon, dash or bracket
#: before the frame ("But they hoped for luck: With the game on Sunday, they argued, …", "a
#: bill - a provision, X said, that …") and a closing bracket or semicolon after it
_OPENING_BOUNDS = frozenset({":", ";", "-", "--", "—", "–", "("})
_CLOSING_BOUNDS = frozenset({")", ";"})
#: a frame's subject, and what else may stand between it and the verb
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BETWEEN = frozenset({"aux", "advmod", "neg"})
#: how the parser hangs the rest of the sentence on a frame it made the root
_CLAUSES = frozenset({"ccomp", "conj"})


def aside_cue(verb: Token, sent: Span) -> tuple[Span, int, int] | None:
    """The subject of a frame set off by commas inside the sentence, with the token indices of
    its two commas; None when ``verb`` heads no such frame.

    The verb hangs on the reported clause as ``parataxis`` (or is the root, the clause after
    the second comma its one ``ccomp`` or ``conj``), its subject stands right after the first
    comma, and only objects, times and places come between it and the second comma. Words of
    the content stand on both sides.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Recently", ",", "he", "said", ",", "the", "plan", "failed", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[7, 3, 3, 7, 3, 6, 7, 7, 7],
    ...           deps=["advmod", "punct", "nsubj", "parataxis", "punct", "det", "nsubj", "ROOT", "punct"])
    >>> subject, first, second = aside_cue(doc[3], doc[0:9])
    >>> subject.text, first, second
    ('he', 1, 4)
    >>> aside_cue(doc[7], doc[0:9]) is None   # the main verb frames nothing
    True
    """
    root = verb.dep_ == "ROOT"
    if not root and (verb.dep_ != "parataxis" or not sent.start <= verb.head.i < sent.end):
        return None
    doc = verb.doc
    # the verb's dependents read from the Doc's arrays: a Token only for its subject
    deps, children, strings = id_list(doc, DEP), children_of(doc)[verb.i], doc.vocab.strings
    subjects, others = id_set(_SUBJECTS, strings), id_set(_BETWEEN, strings)
    subject = max((c for c in children if deps[c] in subjects and c < verb.i), default=None)
    if subject is None:
        return None
    subject = doc[subject]
    first = subject.left_edge.i - 1
    if first <= sent.start or doc[first].text != "," or any(t.i != subject.i and t.dep_ in ("relcl", "acl")
                                                            for t in subject.subtree):
        return None  # nothing of the content before it, or a subject with a clause of its own
    right = subject.right_edge.i
    if any(right < c < verb.i and deps[c] not in others for c in children):
        return None
    after = [c for c in verb.children if c.i > verb.i]
    # a frame the parser made the root governs the rest of the sentence as its clause
    # ("The ferry, the captain told them, was never safe"): one clause, after the second comma
    clauses = [c for c in after if root and c.dep_ in _CLAUSES]
    if root and len(clauses) != 1:
        return None
    after = [c for c in after if c not in clauses]
    if any(c.dep_ not in _AFTER_VERB for c in after):
        return None  # a clause or complement of its own: the verb reports that, not the sentence around it
    second = max((c.right_edge.i for c in after if c.dep_ != "punct" and c.i < (clauses[0].left_edge.i if clauses else sent.end)),
                 default=verb.i) + 1
    if second >= sent.end - 1 or doc[second].text != ",":
        return None
    if root and clauses[0].left_edge.i != second + 1:
        return None  # "…, X said, and …": a clause of its own, coordinated
    if not root and first <= verb.head.i <= second:
        return None
    return doc[subject.left_edge.i : subject.right_edge.i + 1], first, second


def aside_report(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """The sentence around a frame set off by commas as one report: its speaker the frame's
    subject, its content the words on both sides (the frame a gap in it), of three words at
    least and with a verb.

    Only where the parser is reliable (``CueLexicon.parse_rules``) and the frame names its
    subject first (``CueLexicon.subject_first_frames``: English)."""
    if not (lex.parse_rules and lex.subject_first_frames and annotated(doc, "DEP")):
        return None
    aside = aside_cue(verb, sent)
    if aside is None:
        return None
    subject, first, second = aside
    # the content is the clause the frame hangs on ("attacks that, X said, were sparked by …"
    # reports the relative clause), within the dashes, brackets and colons around the frame
    head = verb.head
    while (head.left_edge.i >= first or head.right_edge.i <= second) and head.head.i != head.i:
        head = head.head  # "He believes, he said, that …" hangs the frame on the clause after it
    start = max([head.left_edge.i, sent.start] + [t.i + 1 for t in doc[sent.start : first] if t.text in _OPENING_BOUNDS])
    end = min([head.right_edge.i + 1, sent.end] + [t.i for t in doc[second + 1 : sent.end] if t.text in _CLOSING_BOUNDS])
    while end > second + 1 and (doc[end - 1].is_punct and not doc[end - 1].is_quote):
        end -= 1
    before, rest = doc[start:first], doc[second + 1 : end]
    if not before or not rest or not has_words(before.text + " " + rest.text, 3):
        return None
    if rest[0].lower_ in lex.as_particles or source_phrase(doc, rest.start, lex, rest.start, rest.end) is not None:
        return None  # "…, the minister said, as the paper reported" / "according to Y": a relay closes the frame
    if not any(t.pos_ in ("VERB", "AUX") for t in (*before, *rest)):
        return None
    found = Found((before.start_char, rest.end_char), "indirect", cue=cue_chars(verb, lemma),
                  speaker=span_chars(subject), pattern=Pattern.CUE_LAST)
    found.extra["gaps"] = [(doc[first].idx, rest[0].idx)]  # the frame, its commas and the space after them
    return found
