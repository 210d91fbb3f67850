"""Claims with a prepositional source ("Laut X …", "X zufolge …") and relative sources ("Berichte, wonach …")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

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
    (``CueLexicon.relative_sources``) after a noun opens the content; the noun is the source.
    So does a relative pronoun after a source preposition ("Studien, nach denen …",
    ``CueLexicon.relative_source_pronouns``): the pronoun is the speaker, as a subject's is
    ("X, der sagte"), standing for the noun (:func:`relative_source_antecedent`)."""
    if not (lex.relative_sources or lex.relative_source_pronouns):
        return
    for sent in sentences(doc):
        for tok in (doc[i] for i in tokens_with(doc, lex.relative_sources, sent.start, sent.end)):
            if tok.i - 1 <= sent.start or doc[tok.i - 1].text != ",":
                continue
            source = np_before(doc, tok.i - 1, sent.start, lex)
            yield from _relative_source(doc, sent, tok, tok.i + 1, source, source, lex, found)
        for pron in (doc[i] for i in tokens_with(doc, lex.relative_source_pronouns, sent.start, sent.end)):
            source = relative_source_antecedent(pron, lex, sent.start)
            if source is not None:
                yield from _relative_source(doc, sent, doc[pron.i - 1], pron.i + 1, source, doc[pron.i : pron.i + 1], lex, found)


def relative_source_antecedent(pron: Token, lex: CueLexicon, lower: int = 0) -> Span | None:
    """The noun phrase a relative pronoun after a source preposition stands for ("Studien,
    nach denen …": the phrase before the comma; "Umfragen im Land, nach denen …": the one the
    pronoun agrees with in number before an attribute it does not), or None when ``pron`` is no
    such pronoun."""
    doc = pron.doc
    if (pron.lower_ not in lex.relative_source_pronouns or pron.i - 2 <= lower or doc[pron.i - 2].text != ","
            or doc[pron.i - 1].lower_ not in _source_prepositions(lex)):
        return None
    source = np_before(doc, pron.i - 2, lower, lex)
    if source is None or source[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    prep = source.start - 1
    if prep > lower and doc[prep].pos_ == "ADP" and not _agrees(pron, source.root):
        owner = np_before(doc, prep, lower, lex)
        if owner is not None and owner.end == prep and owner[-1].pos_ in ("NOUN", "PROPN") and _agrees(pron, owner[-1]):
            return owner  # the attribute "im Land" goes with the noun it follows
    return source


def _source_prepositions(lex: CueLexicon) -> frozenset[str]:
    """The prepositions that open a source phrase with one word ("nach", "laut")."""
    return lex.source_noun_prepositions | {words[0] for words in lex.before_source if len(words) == 1}


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Whether a relative pronoun and a noun share a number the tagger gives both."""
    have = set(pronoun.morph.get("Number"))
    return bool(have) and bool(have & set(noun.morph.get("Number")))


def _relative_source(doc: Doc, sent: Span, cue: Token, start: int, source: Span | None, speaker: Span | None,
                     lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """The report a relative source opens: its content from ``start`` to the end of the
    clause, when a noun phrase is its ``source``."""
    if not found.outside(cue.idx, cue.idx + len(cue.text)) or start >= sent.end:
        return
    _, hi = clause_around(doc, sent, start, start, lex)
    content = strip_punct(doc[start:hi]) if start < hi else None
    if content is None or not has_words(span_text(content), 3) or source is None or source[-1].pos_ not in ("NOUN", "PROPN"):
        return
    yield Found((content.start_char, content.end_char), "indirect", cue=(cue.idx, cue.idx + len(cue.text), cue.lower_),
                speaker=span_chars(speaker), pattern=Pattern.RELATIVE_SOURCE)


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
