"""Indirect speech after a speech noun: "die Hypothese, dass …", "Zweifel daran, ob …", "der Vorwurf der Opposition, es …"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import span_text
from ..doc_tables import among, annotated, doc_array, strings_of, table_of, tokens_with
from ..lexicon import CueLexicon
from ..phrases import sentences
from ..subjects import subject_of
from ..quotemarks import has_words
from .clauses import clause_after, reported_mood, zu_infinitive
from .found import Found, FoundIndex, Pattern, cue_chars, outside, span_chars
from .speakers import genitive_owner, noun_owner, usable_speaker

__all__ = ["find_noun_reports"]


def find_noun_reports(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """Indirect speech after a speech noun: "X vertritt die Ansicht, dass …", "bestritt die
    Annahme, dass …", "the claim that …". The noun is the cue; the subject of the sentence's
    verb the speaker."""
    taken: list[Found] = []
    nouns = _clause_noun_tokens(doc, lex)
    for sent in sentences(doc):
        for tok in (doc[i] for i in nouns[bisect_left(nouns, sent.start) : bisect_left(nouns, sent.end)]):
            if not (found.outside(tok.idx, tok.idx + 1) and outside(taken, tok.idx, tok.idx + 1)):
                continue
            k = _after_noun_phrase(tok, sent)
            if k + 1 < sent.end and doc[k].tag_ == "PAV" and doc[k + 1].text == ",":
                k += 1  # a correlate before the clause: "Zweifel daran, ob …", "Konsens darüber, dass …"
            if k < sent.end and doc[k].text == ",":
                k += 1
            if k >= sent.end:
                continue
            if doc[k].lower_ not in lex.complementizers:
                # German verb-second content in reported mood: "wagte die Prognose, bei der
                # Wahl würden nicht alle … stimmen"
                # or an infinitive with "zu": "mit dem Appell, die Wahrheit … zu verbreiten"
                if not lex.reported_mood or doc[k - 1].text != "," or not (any(
                        reported_mood(t, lex) for t in doc[k : min(sent.end, k + 8)] if t.pos_ in ("VERB", "AUX"))
                        or zu_infinitive(doc, k, sent.end)):
                    continue
            content = clause_after(doc, k, sent, lex)
            if (content is None or not has_words(span_text(content), 3) or not found.outside(content.start_char, content.end_char)
                    or not outside(taken, content.start_char, content.end_char)):
                continue
            verb = tok.head if annotated(doc, "DEP") else None
            if verb is not None and verb.i > tok.i:
                verb = sent.root  # the parser hung the noun on the content's verb
            speaker = noun_owner(tok) if lex.parse_rules else genitive_owner(tok)
            if speaker is None and verb is not None and verb.pos_ in ("VERB", "AUX"):
                speaker = usable_speaker(subject_of(verb, sent.start, tok.i, lex), lex)  # not "es gibt"
            elif speaker is None and any(c.dep_ == "cop" for c in tok.children):
                # "X ist der Meinung, dass …": the noun is the predicate, its subject holds the view
                speaker = usable_speaker(subject_of(tok, sent.start, tok.i, lex), lex)
            f = Found((content.start_char, content.end_char), "indirect", cue=cue_chars(tok, tok.lemma_.lower() or tok.lower_),
                      speaker=span_chars(speaker), pattern=Pattern.NOUN)
            taken.append(f)
            yield f
            break


def _after_noun_phrase(noun: Token, sent: Span) -> int:
    """Where a speech noun's clause may start: after the noun, its attributes ("der Vorwurf
    der Opposition, | es …") and the verbs that close the clause it stands in ("der
    Überzeugung waren, | …", "zu dem Schluss gekommen, | dass …") or its particle ("stellten die
    Theorie auf, | dass …"), when a comma follows them."""
    doc = noun.doc
    k = noun.i + 1
    if not doc.has_annotation("DEP"):
        return k
    j = k
    while j < sent.end and doc[j].text != "," and not doc[j].is_sent_end:
        t = doc[j]
        attribute = noun.is_ancestor(t) and t.pos_ not in ("VERB", "AUX") and not t.is_punct
        closing_verb = t.pos_ in ("VERB", "AUX") and (t.is_ancestor(noun) or t == noun.head)
        particle = t.tag_ == "PTKVZ" and t.head.is_ancestor(noun)  # "stellten die Theorie auf, | dass …"
        if not (attribute or closing_verb or particle):
            return k
        j += 1
    return j if j < sent.end and doc[j].text == "," and j > k else k


def _clause_noun_tokens(doc: Doc, lex: CueLexicon) -> list[int]:
    """The speech nouns of the Doc, as a word or by their lemma (a plural: "Hinweise, dass …")."""
    table = table_of(doc)
    if table is not None and ("clause_nouns", id(lex)) in table:
        return table[("clause_nouns", id(lex))]
    words = tokens_with(doc, lex.clause_nouns)
    # a noun whose lemma is one: each distinct lemma of the Doc's nouns is looked at once
    lemmas, pos = doc_array(doc, LEMMA), doc_array(doc, POS)
    strings = doc.vocab.strings
    nouns = pos == int(NOUN)  # int: numpy compares with an enum member slowly
    distinct = list(set(lemmas[nouns].tolist()))  # each string read once per process (strings_of)
    ok = [h for h, lemma in zip(distinct, strings_of(distinct, strings)) if lemma.lower() in lex.clause_nouns]
    by_lemma = np.flatnonzero(nouns & among(lemmas, ok)).tolist() if ok else []
    out = sorted(set(words) | set(by_lemma))
    if table is not None:
        table[("clause_nouns", id(lex))] = out
    return out
