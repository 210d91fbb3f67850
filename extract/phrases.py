"""Small token helpers shared by the attribution patterns: noun phrases, names, spans without punctuation.

Pure functions over spaCy tokens and docs, in the spirit of textacy's ``expand_noun``: each
does one thing and degrades gracefully when a pipeline lacks a parser or tagger.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, LOWER, ORTH, POS
from spacy.parts_of_speech import ADP, PROPN
from spacy.tokens import Doc, Span, Token

from .doc_offsets import span_of, span_text
from .doc_offsets import doc_text  # noqa: F401  (moved to doc_tables; its users import it from here)
from .doc_tables import count_with, flags, forms, id_list, id_set, kept, tokens_with
from .quoted_names import quoted_name, quoted_name_after  # noqa: F401  (their users import them from here)
from .attributes import compound_noun, extended_attribute, in_extended_attributes  # noqa: F401  (their users import them from here)
from .sentence_spans import sentences  # noqa: F401  (its users import it from here)
from .span_index import CharSpans, DocEntities  # noqa: F401  (their users import them from here)
from .lexicon import CueLexicon
from .marks import CLOSING_MARKS, DOUBLE_PAIRS, OPENING_MARKS

__all__ = [
    "SUBJECT_DEPS",
    "RELATIVE_PRONOUN_TAGS",
    "is_pronoun",
    "noun_phrase",
    "quoted_name",
    "quoted_name_after",
    "np_after",
    "np_before",
    "extended_attribute",
    "in_extended_attributes",
    "extend_names",
    "with_apposition",
    "sentences",
    "strip_punct",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "sb", "csubj", "expl"})
#: the tags of relative pronouns (English and German): "who", "which", "der", "dessen"
RELATIVE_PRONOUN_TAGS = frozenset({"WP", "WDT", "WP$", "PRELS", "PRELAT"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})
_NP_HEAD_POS = frozenset({"NOUN", "PROPN"})
_NOUN_TAGS = frozenset({"NN", "NE"})  # STTS: when the tagger says noun, the coarse DET or NUM beside it errs


def ends_in_noun(word: str, nouns: frozenset[str], *, shortest: int, before: int = 3) -> bool:
    """Whether a lower-cased word is a compound whose last part is one of ``nouns`` of at least
    ``shortest`` letters, with at least ``before`` letters in front of it (a language that
    writes compounds as one word puts their head last).

    >>> ends_in_noun("videobotschaft", frozenset({"botschaft"}), shortest=4)
    True
    >>> ends_in_noun("absender", frozenset({"sender"}), shortest=4)
    False
    """
    heads, by_tail = _compound_heads(nouns, max(shortest, 0))
    # only the lengths of the heads that end in the word's last ``shortest`` letters (most words: none)
    lengths = by_tail.get(word[-shortest:]) if shortest > 0 else tuple({len(n) for n in heads})
    return lengths is not None and any(word[-k:] in heads for k in lengths if k <= len(word) - before)


@lru_cache(maxsize=16)
def _compound_heads(nouns: frozenset[str], shortest: int) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The nouns that can end a compound, and their lengths by their last ``shortest`` letters."""
    heads = frozenset(n for n in nouns if len(n) >= shortest)
    tails = {n[-shortest:] for n in heads} if shortest > 0 else set()
    return heads, {tail: tuple(sorted({len(n) for n in heads if n.endswith(tail)})) for tail in tails}


def is_pronoun(token: Token, lex: CueLexicon) -> bool:
    """A personal pronoun that can stand for a speaker ("Er", "she")."""
    return token.lower_ in lex.pronouns and (token.pos_ in ("PRON", "") or not token.pos_)


def _is_np_token(token: Token) -> bool:
    if token.is_space:
        return False
    if token.pos_:
        return token.pos_ in _NP_POS or (token.text[:1].isupper() and token.pos_ not in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ", "ADP"))
    return token.is_alpha


def is_name(token: Token) -> bool:
    """A proper noun, or a word with a person's or body's entity label whatever the tagger says
    ("Merkel" as NOUN), or a capitalised word the article named a person with elsewhere
    ("Lindqvist" after "Petra Lindqvist", where neither tagger nor recogniser took it for one)."""
    return (token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS
            or (token.text[:1].isupper() and token.text in kept(token.doc, "person_words", _person_words)))


def _person_words(doc: Doc) -> frozenset[str]:
    """The words of the article's person names (its PER/PERSON entities), as written."""
    return frozenset(t.text for e in doc.ents if e.label_ in ("PER", "PERSON") for t in e if t.text[:1].isupper())


def noun_phrase(doc: Doc, start: int, limit: int, lex: CueLexicon) -> Span | None:
    """The noun phrase starting at token ``start`` and ending before ``limit`` (or None).

    Takes determiners, adjectives, nouns and names, and genitive or "von/of" attachments
    ("der Sprecher des Ministeriums", "Patrick Kamanda von der Behörde"), and a bracketed
    aside right after a name; stops at verbs, commas and other punctuation.
    """
    i = start
    last_head = -1
    while i < limit:
        tok = doc[i]
        if tok.pos_ == "DET" and tok.tag_ not in _NOUN_TAGS and last_head == i - 1 >= start and (tok.lower_ not in lex.genitive_determiners
                                                         or tok.morph.get("Case") == ["Dat"]
                                                         or (is_name(doc[i - 1]) and tok.lower_ in lex.genitive_articles)):
            break  # a determiner right after a noun opens the next phrase ("nach Angaben der Polizei den Abbau",
            # "sagte Lindner der Zeitung"); after a name an article the dative shares does too ("sagte Merkel der Zeitung")
        if (last_head == i - 1 >= start and tok.pos_ == "NUM" and i + 1 < limit
                and doc[i + 1].pos_ in ("ADJ", "NOUN")):
            break  # a counted noun opens the next phrase ("nach Angaben der Polizei 40 Menschen")
        if _is_np_token(tok):
            if (tok.pos_ in _NP_HEAD_POS or tok.tag_ in _NOUN_TAGS or (not tok.pos_ and tok.text[:1].isupper()) or tok.pos_ == "X"
                    or (lex.closed_compounds and compound_noun(tok))):
                last_head = i
            i += 1
        elif (tok.lower_ in lex.joiners and last_head >= 0 and i + 1 < limit and _is_np_token(doc[i + 1])
              and not (doc[i - 1].pos_ == "PROPN" and tok.lower_ in lex.genitive_articles)):
            i += 1  # "der Sprecher des Ministeriums"; but a name ends the phrase ("des BMI der …")
        elif tok.lower_ in lex.joiners and last_head == i - 1 and (name := quoted_name(doc, i + 1, limit)) is not None:
            i = name.end  # "einem Bericht der „Weser Rundschau“"
            last_head = name.end - 1
        elif tok.text == "-" and last_head >= 0:
            i += 1
        elif tok.text in ("„", "»") and (last_head == i - 1 or (i - 1 >= start and doc[i - 1].pos_ == "DET")):
            # a name in quotation marks after its noun or article: "die Zeitung „Hoy“", "die „Computerwoche“"
            name = quoted_name(doc, i, limit)
            if name is None:
                break
            i = name.end
            last_head = name.end - 1
        elif tok.text == "(" and last_head >= 0:
            close = next((j for j in range(i + 1, min(limit, i + 15)) if doc[j].text == ")"), None)
            if close is None:
                break
            i = close + 1
            last_head = close
        elif i - 1 >= start and doc[i - 1].pos_ == "DET" and (adjective := extended_attribute(doc, i, limit)) is not None:
            i = adjective  # "einer am Dienstag veröffentlichten Pressemitteilung"
        else:
            break
    if last_head < start:
        return None
    return span_of(doc, start, last_head + 1)


_TIME_LABELS = frozenset({"DATE", "TIME"})


def _can_be_subject(np: Span, lex: CueLexicon) -> bool:
    """Not a dative or accusative object ("sagte dem Sender", "den Journalisten"), not a
    phrase governed by a preposition ("in seiner Radioansprache")."""
    doc, start = np.doc, np.start
    lowers, labels = forms(doc, LOWER), id_list(doc, ENT_TYPE)  # the words from the Doc's arrays: no Token per word
    if lowers[start] in lex.object_determiners or lowers[start] in lex.genitive_only_determiners:
        return False
    if lowers[start] in lex.genitive_articles and np[0].morph.get("Case") == ["Dat"]:
        return False  # "sagte er der Zeitung": the tagger tells the dative "der" from the nominative
    times = id_set(_TIME_LABELS, doc.vocab.strings)
    if all(labels[i] in times for i in range(start, np.end)):
        return False  # "said Thursday morning": a time, not a speaker
    # a line break is no preposition, whatever the tagger made of it: the phrase opens the line
    return start == 0 or id_list(doc, POS)[start - 1] != ADP or (
        flags(doc, IS_SPACE)[start - 1] and "\n" in forms(doc, ORTH)[start - 1])


def np_after(doc: Doc, i: int, limit: int, lex: CueLexicon, *, subject: bool = False) -> Span | None:
    """The first speaker-like phrase (name, noun phrase or pronoun) in tokens [i, limit).

    With ``subject``, phrases that cannot be a subject (objects, prepositional phrases) are
    passed over.
    """
    j = i
    while j < limit:
        tok = doc[j]
        if is_pronoun(tok, lex):
            return doc[j : j + 1]
        if tok.lower_ in lex.demonstrative_speakers and (j + 1 >= limit or doc[j + 1].pos_ not in _NP_POS):
            return doc[j : j + 1]  # "…“, so letztere.": a demonstrative standing alone
        if (tok.pos_ in ("DET", "PROPN", "NOUN") or (not tok.pos_ and tok.text[:1].isupper())
                or (lex.closed_compounds and compound_noun(tok))):
            np = noun_phrase(doc, j, limit, lex)
            if np is not None and (not subject or _can_be_subject(np, lex)):
                return np
            if np is not None:
                j = np.end
                continue
        if tok.is_punct and tok.text not in ("-", "„", "“", '"'):
            return None
        j += 1
    return None


def np_before(doc: Doc, i: int, lower: int, lex: CueLexicon, *, subject: bool = False) -> Span | None:
    """The speaker-like phrase that ends right before token ``i`` (not before ``lower``)."""
    j = i - 1
    while j >= lower and doc[j].pos_ in ("ADV", "PART") and not is_pronoun(doc[j], lex):
        j -= 1  # "Lukaschenko hat außerdem gesagt"
    if j < lower:
        return None
    if is_pronoun(doc[j], lex):
        return doc[j : j + 1]
    end = j
    if doc[j].text == ")":
        # "Einer Presseerklärung des Verbandes (VDR) zufolge": an abbreviation in brackets after the name
        opening = next((k for k in range(j - 1, max(lower, j - 15) - 1, -1) if doc[k].text == "("), None)
        if opening is None or opening - 1 < lower or not _is_np_token(doc[opening - 1]):
            return None
        j = opening - 1
    start = j
    while start > lower and (
        _is_np_token(doc[start - 1])
        or (doc[start - 1].lower_ in lex.joiners and start - 2 >= lower and _is_np_token(doc[start - 2]))
        or doc[start - 1].text == "-"
    ):
        start -= 1
    span = noun_phrase(doc, start, end + 1, lex)
    if span is None or span.end != end + 1 or (subject and not _can_be_subject(span, lex)):
        return None
    return span


def _name_words(doc: Doc) -> tuple[list[int], list[int], list[int], frozenset[int]]:
    """The parts of speech, entity types and IOB codes of a Doc's tokens, and the ids of the
    entity labels of names."""
    return (id_list(doc, POS), id_list(doc, ENT_TYPE), id_list(doc, ENT_IOB),
            _label_ids(NAME_LABELS, doc.vocab.strings))


@lru_cache(maxsize=16)
def _label_ids(labels: frozenset[str], strings) -> frozenset[int]:
    """The ids of dependency labels (or other strings) in a Doc's arrays."""
    return frozenset(strings[label] for label in labels)


def extend_names(span: Span, limit: int) -> Span:
    """The span grown over the names right after it ("Sein Sprecher" + "Tobias Lindqvist"),
    which a parser may have left out of the subject."""
    return span.doc[span.start : _names_end(span.doc, span.start, span.end, limit)]


def _names_end(doc: Doc, start: int, end: int, limit: int, words: tuple | None = None) -> int:
    """Where :func:`extend_names` of ``doc[start:end]`` ends, read from the Doc's arrays
    (``words``: :func:`_name_words`, to save looking them up)."""
    pos, ent_types, iobs, names = _name_words(doc) if words is None else words
    first = end
    # a name the tagger called a noun still carries its entity label ("Dirk Lorenzen" NN, PER)
    while end < limit and (pos[end] == PROPN or (ent_types[end] in names and (iobs[end] == 1 or end == first))):
        end += 1  # (an ENT_IOB of 1 is "I")
    return end


#: entity labels of people and bodies (UD and OntoNotes pipelines)
NAME_LABELS = frozenset({"PER", "PERSON", "ORG"})


def with_apposition(span: Span, limit: int, lex: CueLexicon) -> Span:
    """The speaker with the apposition that follows it, as annotators mark it:
    "Andres Granier, der Gouverneur von Tabasco," / "Celebi, die Anwältin der Frau,".

    Only a short noun phrase closed by a comma (or by ``limit``) counts; a relative clause
    ("…, der gestern …sagte") is not an apposition.
    """
    doc = span.doc
    if span.end + 2 >= limit or forms(doc, ORTH)[span.end] != ",":  # (most speakers: no Token made)
        return span
    start = span.end + 1
    if doc[start].pos_ not in ("DET", "ADJ", "NOUN", "PROPN") or doc[start].tag_ == "PRELAT":
        return span
    if doc[start].tag_ == "PRELS" and (start + 1 >= limit or doc[start + 1].pos_ not in ("ADJ", "NOUN", "PROPN")):
        return span  # a relative pronoun; the tagger also calls the article of an apposition one ("X, dem Dekan,")
    np = noun_phrase(doc, start, limit, lex)
    if np is None or len(np) > 10:
        return span
    end = np.end
    if end + 1 < limit and doc[end].pos_ == "ADP" and doc[end].text.islower():
        # a place or body after the apposition's noun: "Vorsitzender des Ausschusses im Senat,"
        place = noun_phrase(doc, end + 1, limit, lex)
        if place is not None and place.start == end + 1 and place.end - start <= 12:
            end = place.end
    after = doc[end] if end < len(doc) else None
    if end < limit and (after is None or after.text != ","):
        return span
    return doc[span.start : end]


def strip_punct(span: Span) -> Span | None:
    """The span without punctuation (and whitespace) at either edge; None when nothing is left."""
    bounds = _without_edge_punct(span.doc, span.start, span.end)
    return span_of(span.doc, *bounds) if bounds is not None else None


def _without_edge_punct(doc: Doc, start: int, end: int, edge: list[bool] | None = None,
                        texts: list[str] | None = None) -> tuple[int, int] | None:
    """:func:`strip_punct` of ``doc[start:end]`` as token bounds (no span made); ``edge`` and
    ``texts`` (the punctuation flags and texts) save looking them up."""
    # from the Doc's arrays: a Token built per edge token was most of this function's cost
    edge = flags(doc, IS_PUNCT, IS_SPACE) if edge is None else edge
    texts = forms(doc, ORTH) if texts is None else texts
    while start < end and edge[start]:
        start += 1
    stop = end  # the marks and brackets are counted in [start, stop), only when an edge asks
    while end > start and edge[end - 1]:
        if texts[end - 1] in _CLOSING_MARKS and count_with(doc, _OPENING_MARKS, start, stop):
            break  # keep the closing mark of a quote the span opens
        if (texts[end - 1] == ")" and "(" in span_text(doc[start:end])
                and count_with(doc, _OPENING_BRACKET, start, stop) <= count_with(doc, _CLOSING_BRACKET, start, stop)):
            break  # keep the bracket that closes an aside ("Rainer Brüderle (FDP)")
        end -= 1
    return (start, end) if end > start else None


def through_closing_mark(span: Span) -> Span:
    """The span, run on to the closing quotation mark of a quote it opens but does not close,
    when only punctuation stands between: the clause a parser ends at the comma of 'Bemoaning
    the "phony system," Trump …' keeps its quote whole.

    >>> import spacy
    >>> doc = spacy.blank("en")('Bemoaning the "phony system," Trump left.')
    >>> through_closing_mark(doc[1:5]).text
    'the "phony system,"'
    """
    # double marks only: single ones double as apostrophes
    waiting: list[str] = []  # the closing marks each quote open so far accepts
    # the span's quotation-mark tokens only, found in the Doc's array (the others change nothing)
    for tok in (span.doc[i] for i in tokens_with(span.doc, _DOUBLE_MARKS, span.start, span.end, attr=ORTH)):
        if waiting and len(tok) == 1 and tok.text in waiting[-1]:
            waiting.pop()
        elif tok.text in DOUBLE_PAIRS:
            waiting.append(DOUBLE_PAIRS[tok.text])
    if not waiting:
        return span
    doc = span.doc
    for end in range(span.end, min(span.end + 3, len(doc))):
        if len(doc[end]) == 1 and doc[end].text in waiting[-1]:
            return doc[span.start : end + 1]
        if not doc[end].is_punct or doc[end].text in DOUBLE_PAIRS:
            break
    return span


# quotation-mark tokens; the apostrophe token ("'") is left out, it is mostly a possessive
_OPENING_MARKS = frozenset(OPENING_MARKS) - {"'"}
_CLOSING_MARKS = frozenset(CLOSING_MARKS) - {"'"}
_OPENING_BRACKET, _CLOSING_BRACKET = frozenset("("), frozenset(")")
# the tokens that open a double-marked quote or may close one (a closer is one character)
_DOUBLE_MARKS = frozenset(DOUBLE_PAIRS) | frozenset(ch for closers in DOUBLE_PAIRS.values() for ch in closers)
