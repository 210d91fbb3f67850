"""Reports that cite their source: "X berichtet unter Berufung auf Y, …", "X reported, citing
Y, …". Y said it, X relays it: the cited source becomes the speaker and the reporter the relay."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from ..cue_verbs import lemmas_of
from ..doc_offsets import char_span_bounds, token_bounds
from ..doc_tables import annotated, doc_array, forms, kept, table_of, tokens_with
from ..lexicon import CueLexicon
from ..phrases import doc_text, np_after, strip_punct, with_apposition
from ..quotemarks import has_words
from .found import Found, Pattern, span_chars
from .source_phrases import source_phrases_in


def cited_sources(doc: Doc, found: list[Found], lex: CueLexicon) -> list[Found]:
    """Give each report that cites its source (``CueLexicon.citing_phrases`` in the sentence
    of its cue, outside its quote) the cited source as speaker and its speaker as relay; the
    found attributions without those whose cue is a citing phrase ("Citing X, …" reports
    nothing of its own).

    A speaker phrase that ran on into the citing phrase ("das Portal X unter Berufung auf
    einen Aufständischen") is cut before it. A claim whose source phrase is followed by a
    citing phrase ("Laut der Zeitung unter Berufung auf Y sei …", :func:`_cited_in_claim`;
    "according to X, citing Y, …", :func:`_cited_after_source`) is Y's, relayed by X: the
    cited source leaves the content.
    A report that has relays already keeps them, the cited source placed among them by
    :func:`_cite`.
    """
    if not (lex.citing_phrases or lex.citing_after_source):
        return found
    # each token's lower-case form once, and the phrases by their first word: the check runs at
    # every token of the Doc, and a Token built per token and phrase was most of this pass's cost
    lower = forms(doc)
    by_first = _by_first_word(lex.citing_phrases)
    token_starts = token_bounds(doc)[0]
    firsts = _first_words(lex.citing_phrases)
    citing_cues = {token_starts[i] for i in tokens_with(doc, firsts) if _citing_at(lower, i, len(doc), by_first)}
    for f in found:
        _without_citing_aside(doc, f, lower, lex)
    if lex.citing_report_verbs:
        # "…, the paper reported, citing two officials": the participle beside a report cites its source
        beside = [(f, i) for f in found if (i := _citing_beside_report(doc, f, lower, lex)) is not None]
        citing_cues.update(token_starts[i] for _, i in beside)
    found = [f for f in found if f.cue is None or f.cue[0] not in citing_cues]
    if lex.citing_report_verbs:
        for f, i in beside:
            source = _cited_object(doc, i, lex)
            if source is not None and not f.overlaps(source.start_char, source.end_char):
                _cite(doc, f, i, span_chars(source), before_cue=i < doc.char_span(*f.cue[:2], alignment_mode="expand").start)
    cue_starts = {f.cue[0] for f in found if f.cue is not None}
    for f in found:
        if f.cue is not None and _lower_at(doc, f.cue[0]) in lex.citing_after_source and _cited_after_source(doc, f, lex):
            continue
        if f.cue is None or f.speaker is None:
            continue
        if f.pattern == Pattern.SOURCE and _cited_in_claim(doc, f, lower, by_first, lex):
            continue
        if lex.citing_relative_verbs:
            _relays_cite(doc, f, lex)
        if not firsts:
            continue  # no citing phrase to look for in the cue's sentence (English: none listed)
        where = _cue_sentence(doc, f.cue)
        if where is None:
            continue
        cue_start, sent_start, sent_end = where
        for i in tokens_with(doc, firsts, sent_start, sent_end):  # most tokens open no citing phrase
            n = _citing_at(lower, i, sent_end, by_first)
            if not n or f.overlaps(doc[i].idx, doc[i + n - 1].idx + 1):
                continue
            source = np_after(doc, i + n, sent_end, lex)
            if source is None or source.start != i + n or f.overlaps(source.start_char, source.end_char):
                continue
            if _governed_by_other_cue(doc, i, f, cue_starts):
                continue  # "Wie X unter Berufung auf Y berichtet, sagte Z, …": Y is X's source, not Z's
            source = with_apposition(source, sent_end, lex)
            start = doc[i].idx
            relay = f.speaker
            if relay[0] < start < relay[1]:  # the speaker ran on into the citing phrase: cut it there
                relay = (relay[0], doc[i - 1].idx + len(doc[i - 1].text)) if i > sent_start else None
            if relay is None or relay[0] >= relay[1]:
                continue
            f.speaker = relay
            _cite(doc, f, i, span_chars(source), before_cue=i < cue_start)
            break
    return found


def _governed_by_other_cue(doc: Doc, i: int, f: Found, cue_starts: set[int]) -> bool:
    """Whether the citing phrase at token ``i`` hangs, by the parse, on the verb of another
    report than ``f`` (the first verb above it is another found cue)."""
    token = doc[i]
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.idx in cue_starts and token.idx != f.cue[0]
    return False


def _cue_sentence(doc: Doc, cue: tuple[int, int, str]) -> tuple[int, int, int] | None:
    """The first token of a cue (as ``doc.char_span(…, alignment_mode="expand")`` finds it by
    its characters) and the token bounds of its sentence (``Span.sent``); None where the
    characters hold no token. While the Doc is read, found by bisection: no Token or Span made."""
    if (table_of(doc) is None or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks
            or not annotated(doc, "SENT_START")):
        span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        if span is None:
            return None
        sent = span.sent
        return span.start, sent.start, sent.end
    bounds = char_span_bounds(doc, cue[0], cue[1], "expand")
    if bounds is None:
        return None
    starts = kept(doc, "sentence_starts", _sentence_starts)
    k = bisect_right(starts, bounds[0])
    return bounds[0], (starts[k - 1] if k > 0 else 0), (starts[k] if k < len(starts) else len(doc))


def _sentence_starts(doc: Doc) -> list[int]:
    """The tokens that start a sentence (SENT_START 1), as ``Span.sent`` reads them."""
    return np.flatnonzero(doc_array(doc, SENT_START) == 1).tolist()


def _citing_beside_report(doc: Doc, f: Found, lower: list[str], lex: CueLexicon) -> int | None:
    """The token of a citing participle (``CueLexicon.citing_after_source``) set off by a comma
    right after a report's frame, or opening the sentence before it, when the report's cue is a
    verb of publishing (``CueLexicon.citing_report_verbs``): "X will resign, the paper reported,
    citing two officials"; "Citing two officials, the paper reported that …". Elsewhere the
    participle gives a reason ("the company said, citing higher costs"), except one that only
    ever names a source (``CueLexicon.quoting_participles``) before the cue: "The paper, quoting
    an aide, said …" (after it, "“…,” Trump tweeted, quoting Comey" quotes inside his own words)."""
    if f.cue is None or f.speaker is None or len(f.cue) < 3:
        return None
    publishing = f.cue[2] in lex.citing_report_verbs
    participles = lex.citing_after_source if publishing else lex.quoting_participles
    if not participles:
        return None
    cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    sent = cue.sent
    frame_end = max(f.cue[1], f.speaker[1])
    # the first comma after the frame, with no other verb between ("reported on Monday, citing")
    after = next((t.i for t in doc[cue.end : sent.end] if t.idx >= frame_end and (t.text == "," or t.pos_ in ("VERB", "AUX"))), None)
    if (publishing and after is not None and after + 1 < sent.end and doc[after].text == ","
            and lower[after + 1] in participles and f.quote[1] <= doc[after].idx):
        return after + 1  # the quote before the frame, the participle after it
    first = sent.start
    if lower[first] in participles and first < f.speaker[0] and not f.overlaps(doc[first].idx, doc[first].idx + 1):
        comma = next((t.i for t in doc[first + 1 : cue.start] if t.text == ","), None)
        if comma is not None and doc[comma + 1].idx == f.speaker[0]:
            return first  # "Citing Y, the paper reported …"
    # set off by commas between the speaker and the cue ("The paper, citing Y, reported that …")
    # or between the cue and its content ("The paper reported, citing Y, that …")
    for comma in (next((t.i for t in doc[sent.start : cue.start] if t.idx >= f.speaker[1]), None),
                  cue.end if publishing else None):
        if (comma is None or comma + 1 >= sent.end or lower[comma] != "," or lower[comma + 1] not in participles
                or doc[comma].idx < f.speaker[1]):
            continue
        closing = _closing_comma(doc, comma + 1, sent.end)
        # before the cue, or after it and before the content (or where the content still opens with it)
        if closing is not None and (comma + 1 < cue.start or doc[closing].idx < f.quote[0]
                                    or f.quote[0] <= doc[comma + 1].idx < f.quote[1]):
            return comma + 1
    return None


def _without_citing_aside(doc: Doc, f: Found, lower: list[str], lex: CueLexicon) -> None:
    """Start a report's content after a citing participle set off by commas right after its
    cue, where the parser hung the content on the participle ("said, citing higher costs, that
    prices would rise": the content is "that prices would rise")."""
    if f.cue is None or f.quote[0] < f.cue[1]:
        return
    at = char_span_bounds(doc, f.quote[0], f.quote[0] + 1, "expand")
    i = at[0] if at is not None else 0
    if i < 1 or lower[i] not in lex.citing_after_source or lower[i - 1] != ",":
        return
    text = doc_text(doc)
    if text[f.cue[1] : doc[i - 1].idx].strip():
        return  # the comma right after the cue only
    comma = _closing_comma(doc, i, doc[i].sent.end)
    if comma is not None and comma + 1 < len(doc) and has_words(text[doc[comma + 1].idx : f.quote[1]], 3):
        f.quote = (doc[comma + 1].idx, f.quote[1])


def _closing_comma(doc: Doc, i: int, end: int) -> int | None:
    """The comma that closes a participle phrase opening at token ``i``, before ``end``."""
    return next((t.i for t in doc[i + 1 : end] if t.text == ","), None)


def _cited_object(doc: Doc, i: int, lex: CueLexicon) -> Span | None:
    """The source a citing participle at token ``i`` names: the phrase right after it, or the
    object the parser gives it ("citing [two people familiar with the matter]")."""
    sent = doc[i].sent
    obj = next((c for c in doc[i].children if c.dep_ in ("dobj", "obj") and c.left_edge.i == i + 1), None)
    if obj is not None and obj.right_edge.i < sent.end:
        # without a relative clause set off by a comma ("…, who asked not to be named")
        end = next((t.i for t in doc[i + 1 : obj.right_edge.i + 1] if t.text == ","), obj.right_edge.i + 1)
        # with a name the parser made a second object ("citing the news agency[dobj] Nordpress[dobj]")
        while end < sent.end and end == obj.right_edge.i + 1 and doc[end].pos_ == "PROPN" and doc[end].head.i == i:
            obj, end = doc[end], doc[end].right_edge.i + 1
        return strip_punct(doc[i + 1 : end])
    source = np_after(doc, i + 1, sent.end, lex)
    return with_apposition(source, sent.end, lex) if source is not None and source.start == i + 1 else None


def _cite(doc: Doc, f: Found, i: int, cited: tuple[int, int], *, before_cue: bool) -> None:
    """Put the source cited by the phrase at token ``i`` into the chain of ``f``. A citing
    phrase right after one of the report's relays is that relay's ("laut Z unter Berufung auf
    Y": Z has it from Y), as in a claim (:func:`_cited_in_claim`): before the cue, that relay
    passes on the speaker's report ("Laut Z unter Berufung auf Y sagte X, …": X → Y → Z);
    after it, the relay is the reporter's source ("berichtete X laut Z unter Berufung auf Y,
    …": Y → Z → X). Elsewhere the reporter cites it: Y speaks, the reporter relays, inside the
    report's relays ("Laut Z berichtete X unter Berufung auf Y, …": Y → X → Z)."""
    relays = f.mediators
    k = next((k for k, r in enumerate(relays) if _ends_before(doc, r, i)), None)
    if k is None:
        f.relayed_by(cited)
    elif before_cue:
        f.set_mediators((*relays[:k], cited, *relays[k:]))
    else:
        f.set_mediators((relays[k], f.speaker, *relays[:k], *relays[k + 1:]))
        f.speaker = cited


def _ends_before(doc: Doc, span: tuple[int, int], i: int) -> bool:
    """Whether ``span`` ends at the token before token ``i`` (a comma between aside)."""
    j = i - 1 if i > 0 and doc[i - 1].text != "," else i - 2
    return j >= 0 and doc[j].idx + len(doc[j].text) == span[1]


def _lower_at(doc: Doc, char: int) -> str:
    """The lower-case form of the token that starts at character ``char`` ("" if none does)."""
    if table_of(doc) is not None:  # the Doc's token starts and forms are kept: no Span made
        starts = token_bounds(doc)[0]
        k = bisect_left(starts, char)
        return forms(doc)[k] if k < len(starts) and starts[k] == char else ""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].lower_ if span is not None and len(span) and span[0].idx == char else ""


def _cited_after_source(doc: Doc, f: Found, lex: CueLexicon) -> bool:
    """Whether a report whose cue is a citing participle follows a source phrase ("According to
    X, citing Y, the minister will resign"; "The minister will resign, according to X, citing
    Y."); if so it becomes the claim of Y relayed by X: the rest of the sentence, cued by the
    source phrase."""
    cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    sent = cue.sent
    i = cue.start
    if i - 1 <= sent.start or doc[i - 1].text != ",":
        return False
    phrase = next((sp for sp in source_phrases_in(doc, sent.start, i - 1, lex)
                   if sp.phrase.end == i - 1 and sp.source is not None), None)
    source = np_after(doc, i + 1, sent.end, lex)
    if source is None or source.start != i + 1:  # "citing two officials": what the participle took as its object
        source = doc.char_span(f.quote[0], f.quote[1], alignment_mode="expand")
    if phrase is None or source is None or source.start != i + 1 or any(t.pos_ in ("VERB", "AUX") for t in source):
        return False
    source = with_apposition(source, sent.end, lex)
    after = strip_punct(doc[source.end:sent.end]) if source.end < sent.end else None
    before = strip_punct(doc[sent.start:phrase.phrase.start]) if phrase.phrase.start > sent.start else None
    claim = after if after is not None and len(after) >= 3 else before
    if claim is None or len(claim) < 3:
        return False
    f.quote, f.kind, f.pattern = span_chars(claim), "indirect", Pattern.SOURCE
    f.cue = (phrase.cue.start_char, phrase.cue.end_char, phrase.cue.text.lower())
    f.speaker, f.mediator = span_chars(source), span_chars(phrase.source)
    return True


def _cited_in_claim(doc: Doc, f: Found, lower: list[str], by_first: dict[str, list[tuple[str, ...]]],
                    lex: CueLexicon) -> bool:
    """Whether a claim with a source phrase opens with a citing phrase right after that phrase
    ("Laut X unter Berufung auf Y sei …", "X zufolge, unter Berufung auf Y, …"); if so, Y
    becomes its speaker, the source phrase's source its relay, and the content starts after Y."""
    start = doc.char_span(f.quote[0], f.quote[1], alignment_mode="expand")
    if start is None or not len(start):
        return False
    sent = start[0].sent
    i = start.start
    n = _citing_at(lower, i, sent.end, by_first)
    source, k = _cited_in_relative(doc, i, start.end, lex) if not n else (np_after(doc, i + n, sent.end, lex), None)
    if source is None or (n and source.start != i + n):
        return False
    if k is None:
        source = with_apposition(source, sent.end, lex)
        k = source.end
    while k < start.end and (doc[k].is_punct or doc[k].is_space):
        k += 1
    if k >= start.end:
        return False  # nothing is claimed after the cited source
    f.relayed_by(span_chars(source))
    f.quote = (doc[k].idx, f.quote[1])
    return True


def _relays_cite(doc: Doc, f: Found, lex: CueLexicon) -> None:
    """Put inside a relay the source its relative clause cites ("Laut der Zeitung X, die sich
    auf Y beruft, sagte der Minister, …": the minister → Y → X)."""
    for k, relay in enumerate(f.mediators):
        span = doc.char_span(*relay, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc) or doc[span.end].text != ",":
            continue
        cited, _ = _cited_in_relative(doc, span.end + 1, span.sent.end, lex)
        if cited is not None and not f.overlaps(cited.start_char, cited.end_char):
            f.set_mediators((*f.mediators[:k], span_chars(cited), *f.mediators[k:]))
            return


def _cited_in_relative(doc: Doc, i: int, end: int, lex: CueLexicon) -> tuple[Span | None, int | None]:
    """The source a relative clause opening at token ``i`` (after a comma, hung on the source
    phrase's source) says it cites, and the comma that closes the clause: "Laut der Zeitung,
    die sich auf Regierungskreise beruft, …" (``CueLexicon.citing_relative_verbs``)."""
    if i < 1 or doc[i - 1].text != ",":
        return None, None
    close = next((t.i for t in doc[i:end] if t.text == ","), None)
    verb = next((t for t in doc[i:close or i] if t.pos_ == "VERB" and not lex.citing_relative_verbs.isdisjoint(lemmas_of(t, lex))
                 and t.dep_ in ("acl:relcl", "relcl") and t.head.i < i), None)
    if close is None or verb is None:
        return None, None
    # the object the verb cites, or the one of its preposition ("sich auf Y berufen")
    obj = next((c for c in verb.children if c.dep_ in ("obl", "obj", "dobj", "prep") and c.pos_ not in ("PRON",)
                and i <= c.i < close), None)
    if obj is None:
        return None, None
    lo = obj.left_edge.i + (obj.left_edge.pos_ == "ADP")
    hi = min(close, verb.i) if verb.i > lo else close
    source = np_after(doc, lo, hi, lex)
    if source is None or source.start != lo:  # "two officials": the object as the parser bounds it
        source = strip_punct(doc[lo : min(obj.right_edge.i + 1, hi)]) if lo < hi else None
    return (source, close) if source is not None and len(source) else (None, None)


@lru_cache(maxsize=8)
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words the phrases start with (:func:`_by_first_word`'s keys), as a set."""
    return frozenset(words[0] for words in phrases)


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases by their first word, each list in the lexicon's order.

    >>> _by_first_word((("unter", "berufung", "auf"), ("mit", "berufung", "auf"), ("unter", "verweis", "auf")))["unter"]
    [('unter', 'berufung', 'auf'), ('unter', 'verweis', 'auf')]
    """
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        out.setdefault(words[0], []).append(words)
    return out


def _citing_at(lower: list[str], i: int, end: int, by_first: dict[str, list[tuple[str, ...]]]) -> int:
    """The length of the citing phrase starting at token ``i`` (0: none), the first in the
    lexicon's order; ``lower`` holds the Doc's tokens in lower case.

    >>> _citing_at(["er", "berichtet", "unter", "berufung", "auf", "x"], 2, 6, {"unter": [("unter", "berufung", "auf")]})
    3
    """
    for words in by_first.get(lower[i], ()):
        n = len(words)
        if i + n <= end and tuple(lower[i:i + n]) == words:
            return n
    return 0
