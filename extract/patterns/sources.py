"""Claims with a prepositional source ("Laut X …", "X zufolge …") and relative sources ("Berichte, wonach …")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..doc_offsets import span_text
from ..doc_tables import tokens_with
from ..lexicon import CueLexicon
from ..phrases import np_before, sentences, strip_punct
from ..quotemarks import has_words, word_count
from .clauses import clause_around
from .found import Found, FoundIndex, Pattern, span_chars
from .source_phrases import source_phrases_in


def find_source_phrases(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """Reported claims with a nominal or prepositional cue: ``Laut X …``, ``X zufolge …``,
    ``nach Angaben von X …``, ``seinen Angaben nach …`` (the possessor is resolved later)."""
    for sent in sentences(doc):
        phrases = source_phrases_in(doc, sent.start, sent.end, lex)
        if not phrases:
            continue
        sp, pointer = phrases[0], None
        if sp.source is None and sp.cue.text.lower() in lex.source_adverbs:
            # "Demnach seien laut Landrat X …": X is the source, "demnach" the report that relays X
            named = next((p for p in phrases[1:] if p.source is not None), None)
            if named is not None:
                sp, pointer = named, sp
        lo, hi = clause_around(doc, sent, sp.phrase.start, sp.phrase.end, lex, marks=frozenset({";", ":"}))
        if pointer is not None and lo <= pointer.phrase.start < sp.phrase.start:
            lo = pointer.phrase.end
        before = strip_punct(doc[lo : sp.phrase.start]) if sp.phrase.start > lo else None
        after = strip_punct(doc[sp.phrase.end : hi]) if sp.phrase.end < hi else None
        if (before is not None and after is not None and sp.source is not None and lex.parse_rules
                and _describes_source(after, sp.source)):
            after = None  # "A, in the survey, taken July 11-14": the words after the claim's source describe it
        parts = [p for p in (before, after) if p is not None and has_words(span_text(p), 1)]
        if not parts or sum(word_count(span_text(p)) for p in parts) < 3:
            continue
        start, end = parts[0].start_char, parts[-1].end_char
        if not found.outside(start, end):
            # the claim is an earlier pattern's report ("X said A, according to Y": Y relays
            # it); one inside the source phrase leaves the claim to it ("A, according to an
            # adviser who requested anonymity")
            continue
        cue = (sp.cue.start_char, sp.cue.end_char, sp.cue.text.lower())
        # the claim is reported content ("laut X ist …"): indirect, as annotators mark it
        speaker = sp.source
        if speaker is None and sp.cue.text.lower() in lex.source_adverbs:
            speaker = sp.cue  # "Demnach …" stands for the source named before, as a pronoun does
        f = Found((start, end), "indirect", cue=cue, speaker=span_chars(speaker),
                  mediator=span_chars(pointer.cue) if pointer is not None else None, pattern=Pattern.SOURCE)
        if len(parts) == 2 and lex.quote_gaps:
            f.extra["gaps"] = [(sp.phrase.start_char, sp.phrase.end_char)]  # "A laut X B": X's phrase is no part of it
        if sp.possessor is not None:
            f.extra["possessor"] = sp.possessor.i
        yield f


def find_relative_sources(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """"…, Berichte, wonach die Armee … angegriffen habe": a relative adverb of report
    (``CueLexicon.relative_sources``) after a noun opens the content; the noun is the source."""
    if not lex.relative_sources:
        return
    for sent in sentences(doc):
        for tok in (doc[i] for i in tokens_with(doc, lex.relative_sources, sent.start, sent.end)):
            if tok.i - 1 <= sent.start or doc[tok.i - 1].text != ",":
                continue
            if not found.outside(tok.idx, tok.idx + len(tok.text)):
                continue
            _, hi = clause_around(doc, sent, tok.i + 1, tok.i + 1, lex)
            content = strip_punct(doc[tok.i + 1 : hi]) if tok.i + 1 < hi else None
            source = np_before(doc, tok.i - 1, sent.start, lex)
            if content is None or not has_words(span_text(content), 3) or source is None or source[-1].pos_ not in ("NOUN", "PROPN"):
                continue
            yield Found((content.start_char, content.end_char), "indirect", cue=(tok.idx, tok.idx + len(tok.text), tok.lower_),
                        speaker=span_chars(source), pattern=Pattern.RELATIVE_SOURCE)


def _describes_source(words: Span, source: Span) -> bool:
    """Whether ``words`` after the source describe it, no part of the claim: the parse hangs
    them all in its phrase, or they are a past participle's phrase without a subject right
    after it ("…, according to the survey[, taken July 11-14]", "…[, released Monday]"), which
    the parser hangs on the claim's verb as often."""
    root = source.root
    if all(t.is_punct or root in t.ancestors for t in words):
        return True
    head = words[0]
    return (head.tag_ == "VBN" and head.dep_ in ("acl", "advcl") and head.right_edge.i >= words.end - 1
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in head.children))
