"""Attribution patterns: who said what, with which cue, relayed by whom — one function per pattern.

Each ``find_*`` function takes a parsed Doc and a :class:`~quotegraph.extract.lexicon.CueLexicon`
and yields :class:`Found` records (character offsets) in document order, like textacy's
``direct_quotations``. :func:`find_attributions` runs them in order, so later patterns skip
text an earlier one already explained. Nothing here names a person, outlet or phrase of any
article: the rules are reporting verbs, source prepositions, quotation marks and mood.

The patterns
------------
direct quotes
    text in quotation marks (≥ 3 words, or a complete sentence), with the frame beside it:
    ``„…“, sagte X.`` / ``X sagte: „…“`` / ``„…“, so X.``; a quote with no frame continues
    the last speaker of the paragraph before. A quote that a sentence runs into without a
    frame (``verbreiteten „Massenmedien …“``) is *mixed*: the content starts with the sentence.
relative sources
    ``Berichte, wonach …``: the noun before the relative adverb is the source.
verb reports
    ``X sagte, (dass) …`` / ``…, sagte X.`` / ``Wie X berichtet, …`` — indirect speech
    around a reporting verb.
source phrases
    ``laut X …``, ``X zufolge …``, ``nach Angaben (von) X …``, ``seinen Angaben nach``;
    where a reporting verb has its own subject, the phrase names the *mediator* instead.
colon headlines (English)
    ``Senator X: The Plan Is Dead`` / a transcript line ``PENCE: And that's why …``: the name
    before the colon is the source, the rest of the line the content.
subjunctive continuations
    a sentence in Konjunktiv I with no cue right after reported speech continues it
    (free indirect speech, same speaker).
reported speech acts
    ``Die Opposition kritisierte den Entwurf.`` / ``X bezeichnete Y als Z.``: the sentence
    reports a speech act without its words (German annotation practice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .konjunktiv import konjunktiv_mood
from .lexicon import CueLexicon
from .phrases import (SUBJECT_DEPS, cue_lemma, noun_phrase, np_after, np_before, quoted_name,
                      sentences, strip_punct, subject_of, through_closing_mark, with_apposition)
from .marks import CLOSING_MARKS
from .quotemarks import QuotedSpan, find_quoted, word_count
from .transcripts import transcript_turns

__all__ = [
    "Found",
    "find_attributions",
    "find_direct_quotes",
    "find_verb_reports",
    "find_source_phrases",
    "find_colon_headlines",
    "find_transcript_turns",
    "find_subjunctive_continuations",
    "find_broad_verb_reports",
    "source_phrase",
]

_SENT_END = ".!?"
_MIN_QUOTE_WORDS = 3


@dataclass
class Found:
    """One attribution found in a Doc, as character offsets (end exclusive)."""

    quote: tuple[int, int]
    kind: str
    cue: tuple[int, int, str] | None = None  # start, end, lemma
    speaker: tuple[int, int] | None = None
    mediator: tuple[int, int] | None = None
    parent: int | None = None  # index of the enclosing attribution in the final list
    pattern: str = ""  # which rule found it, for error analysis
    inherited: bool = False  # speaker taken from the previous attribution
    extra: dict = field(default_factory=dict)

    def overlaps(self, start: int, end: int) -> bool:
        return self.quote[0] < end and start < self.quote[1]


def _span_chars(span: Span | None) -> tuple[int, int] | None:
    if span is None or len(span) == 0:
        return None
    return span.start_char, span.end_char


def _cue_chars(token: Token, lemma: str) -> tuple[int, int, str]:
    """The cue's characters: the verb with the auxiliaries right beside it ("gesagt hatte",
    "war vermutet worden", "has said"), as one contiguous span."""
    doc = token.doc
    start, end = token.i, token.i + 1
    if token.pos_ in ("VERB", "AUX"):
        while start > 0 and doc[start - 1].pos_ == "AUX" and doc[start - 1].dep_ != "cop":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "AUX" and doc[end].head.i in (token.i, doc[end - 1].i):
            end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), lemma


# ---------------------------------------------------------------------------- source phrases


@dataclass(frozen=True)
class _SourcePhrase:
    cue: Span  # "laut", "zufolge", "nach"
    source: Span | None  # the source as annotators mark it: "der Agentur X", "Angaben der Polizei", "seinen Angaben"
    phrase: Span  # everything to cut out of the content
    possessor: Token | None = None  # "seinen" in "seinen Angaben nach"


def source_phrase(doc: Doc, i: int, lex: CueLexicon, lower: int, upper: int) -> _SourcePhrase | None:
    """The source phrase whose cue starts at token ``i`` ("laut der Agentur X", "X zufolge").

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> nlp = spacy.blank("de")
    >>> doc = nlp("Laut Agentur Nordpress ist es kalt.")
    >>> sp = source_phrase(doc, 0, load_lexicon("de"), 0, len(doc))
    >>> sp.cue.text, sp.source.text
    ('Laut', 'Agentur Nordpress')
    """
    tok = doc[i]
    low = tok.lower_
    if low in lex.source_adverbs:
        # "Demnach ist …": the source was named before; the speaker linker may find it
        return _SourcePhrase(doc[i : i + 1], None, doc[i : i + 1])
    for words in lex.before_source:
        if words and words[0] != low:
            continue  # cheap first-word test before building the tuple
        n = len(words)
        if i + n <= upper and tuple(t.lower_ for t in doc[i : i + n]) == words:
            src = _english_prep_object(doc, i + n - 1, upper, opens=i == lower) if lex.lang == "en" else None
            if src is not None:
                return _SourcePhrase(doc[i : i + n], src, doc[i : src.end])
            src = quoted_name(doc, i + n, upper) or np_after(doc, i + n, upper, lex)
            if src is None or src.start != i + n:
                src = noun_phrase(doc, i + n, upper)  # one opening with an adjective: "laut neuen Zahlen"
            if src is not None and src.start == i + n:
                return _SourcePhrase(doc[i : i + n], src, doc[i : src.end])
    if low in lex.after_source and i > lower:
        # "X zufolge" / "seinen Angaben zufolge"
        src = np_before(doc, i, lower, lex)
        if src is not None:
            poss = _possessor(src, lex)
            return _SourcePhrase(doc[i : i + 1], src, doc[src.start : i + 1], poss)
    if low in lex.nach_particles and i + 1 < upper:
        # "nach Angaben (von|des) X", "nach Ansicht von X", "nach eigenen Angaben"
        j = i + 1
        while j < upper and doc[j].pos_ in ("ADJ", "DET") and not _is_source_noun(doc[j], lex):
            j += 1
        if j < upper and _is_source_noun(doc[j], lex):
            poss = next((t for t in doc[i + 1 : j] if t.lower_ in lex.possessives), None)
            k = j + 1
            if k < upper and doc[k].lower_ in ("von", "des", "der", "of", "by"):
                src = np_after(doc, k + 1 if doc[k].lower_ in ("von", "of", "by") else k, upper, lex)
                if src is not None:
                    src = with_apposition(src, upper)  # "nach Angaben von X, einem Manager der Firma,"
                    return _SourcePhrase(doc[i : i + 1], doc[i + 1 : src.end], doc[i : src.end])
            whole = noun_phrase(doc, j, upper)  # "Meinung politischer Beobachter", "Angaben der Polizei"
            end = whole.end if whole is not None and poss is None else j + 1
            return _SourcePhrase(doc[i : i + 1], doc[i + 1 : end], doc[i : end], poss)
    if _is_source_noun(tok, lex) and i > lower and i + 1 < upper and doc[i + 1].lower_ in lex.nach_particles:
        # "seinen Angaben nach", "eigenen Angaben nach"
        poss = next((t for t in doc[max(lower, i - 2) : i] if t.lower_ in lex.possessives), None)
        if poss is not None:
            return _SourcePhrase(doc[i + 1 : i + 2], doc[poss.i : i + 1], doc[poss.i : i + 2], poss)
    return None


def _english_prep_object(doc: Doc, prep: int, upper: int, *, opens: bool) -> Span | None:
    """The whole object of the preposition at ``prep`` ("according to [his Facebook profile]",
    "according to [a count by The Associated Press]"), from the parse: the object's subtree
    when it starts right after the preposition, up to ``upper``, a semicolon or a quotation mark;
    when the phrase ``opens`` the sentence, also up to the comma before the claim."""
    if not doc.has_annotation("DEP"):
        return None
    obj = next((c for c in doc[prep].children if c.dep_ == "pobj"), None)
    if obj is None or obj.left_edge.i != prep + 1:
        return None
    end = min(obj.right_edge.i + 1, upper)
    stops = (";", '"', "“", "”", "''", ",") if opens else (";", '"', "“", "”", "''")
    end = next((t.i for t in doc[prep + 1 : end] if t.text in stops), end)
    span = strip_punct(doc[prep + 1 : end]) if end > prep + 1 else None
    return span if span is not None and len(span) else None


def _is_source_noun(token: Token, lex: CueLexicon) -> bool:
    """"Angaben", and German compounds ending in one ("Polizeiangaben", "Medienberichten")."""
    low = token.lower_
    if low in lex.source_nouns:
        return True
    if lex.lang != "de" or not token.text[:1].isupper():
        return False
    # a compound: its last k letters are a source noun of 6+ letters, with 3+ letters before it
    nouns, lengths = _compound_heads(lex.source_nouns)
    return any(low[-k:] in nouns for k in lengths if k < len(low) - 2)


@lru_cache(maxsize=8)
def _compound_heads(source_nouns: frozenset[str]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The source nouns that can end a compound (6+ letters), and their lengths."""
    heads = frozenset(n for n in source_nouns if len(n) >= 6)
    return heads, tuple(sorted({len(n) for n in heads}))


def _possessor(span: Span, lex: CueLexicon) -> Token | None:
    first = span[0]
    if first.lower_ in lex.possessives and _is_source_noun(span[-1], lex):
        return first
    return None


def _source_phrases_in(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> list[_SourcePhrase]:
    out = []
    i = lower
    while i < upper:
        sp = source_phrase(doc, i, lex, lower, upper)
        if sp is not None:
            out.append(sp)
            i = max(sp.phrase.end, i + 1)
        else:
            i += 1
    return out


# ---------------------------------------------------------------------------- frames


@dataclass(frozen=True)
class _Frame:
    cue: tuple[int, int, str] | None
    speaker: Span | None
    mediator: Span | None
    possessor: Token | None = None


def _find_verb_cue(doc: Doc, lower: int, upper: int, lex: CueLexicon, *,
                   main: bool = False) -> tuple[Token, str] | None:
    """The first cue in the tokens [lower, upper); with ``main`` (the frame before a quote), a
    cue right before the closing comma or colon, else a reporting verb before a frame-only one,
    then the one highest in the parse, then the one nearest to ``upper``: the main clause frames
    the quote, not a cue in a clause beside it ("When my mother mentioned it, I laughed and
    said, “…”"; "… defend not paying an architect who said …, saying, “…”")."""
    cues = ((tok, lemma) for tok in doc[lower:upper] if (lemma := cue_lemma(tok, lex)) is not None)
    if not main:
        return next(cues, None)
    last = upper - 1
    while last > lower and doc[last].is_punct:
        last -= 1
    if last < upper - 1 and (lemma := cue_lemma(doc[last], lex)) is not None:
        return doc[last], lemma  # "…, saying, “…”": the cue right before the quote's comma
    return min(cues, key=lambda c: (c[1] in lex.frame_verbs, sum(1 for _ in c[0].ancestors), -c[0].i), default=None)


def _frame_in(doc: Doc, lower: int, upper: int, lex: CueLexicon, *, after_quote: bool) -> _Frame | None:
    """Cue, speaker and mediator in the frame tokens [lower, upper) beside a quote."""
    if upper <= lower:
        return None
    sources = _source_phrases_in(doc, lower, upper, lex)
    main = not after_quote and lex.lang == "en" and doc.has_annotation("DEP")
    found = _find_verb_cue(doc, lower, upper, lex, main=main)
    if found is not None:
        verb, lemma = found
        cut = [sp.phrase for sp in sources]
        speaker = usable_speaker(subject_of(verb, lower, upper), lex)
        if speaker is None and main and verb.dep_ in ("conj", "advcl"):
            # "I laughed and said, “…”", "Trump was defensive …, saying, “…”"
            speaker = usable_speaker(subject_of(verb.head, lower, upper), lex)
        if speaker is not None and any(speaker.start < p.end and p.start < speaker.end for p in cut):
            speaker = None
        if speaker is None:
            if after_quote or verb.i == lower or doc[verb.i - 1].is_punct:
                speaker = np_after(doc, verb.i + 1, upper, lex, subject=True)
            if speaker is None:
                speaker = np_before(doc, verb.i, lower, lex, subject=True) or _apposed_before(doc, verb, lower, lex)
            if speaker is None and not after_quote:
                speaker = np_after(doc, verb.i + 1, upper, lex, subject=True)
            if speaker is None:
                speaker = _impersonal_source(doc, verb, upper, lex)
        if speaker is not None and any(speaker.start >= p.start and speaker.end <= p.end for p in cut):
            speaker = None
        if speaker is not None and speaker.end < upper:
            speaker = with_apposition(speaker, upper)
        mediator = next((sp.source for sp in sources if sp.source is not None), None)
        if speaker is None and mediator is not None:
            speaker, mediator = mediator, None
        return _Frame(_cue_chars(verb, lemma), speaker, mediator)
    if sources:
        sp = sources[0]
        cue = (sp.cue.start_char, sp.cue.end_char, sp.cue.text.lower())
        return _Frame(cue, sp.source, None, sp.possessor)
    # "…“, so X." — a particle cue right after the quote
    if after_quote:
        first = next((t for t in doc[lower:upper] if not t.is_punct), None)
        if first is not None and first.lower_ in lex.so_particles:
            speaker = np_after(doc, first.i + 1, upper, lex, subject=True)
            if speaker is not None:
                return _Frame(_cue_chars(first, first.lower_), speaker, None)
    return None


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the mark at ``text[i]`` (. ! ?) ends a sentence: followed by white space, and
    for a full stop not closing an abbreviation ("F.A.Z.", "Dr.", "z. B.") or a number."""
    if i + 1 < len(text) and not text[i + 1].isspace():
        return False
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(„“\"»":
        j -= 1
    word = text[j:i]
    if not word:
        return i > 0 and text[i - 1] in "“”\"»«’'"  # „Al Jazeera“. ends with the name
    if word[-1:].isdigit() or "." in word or (len(word) == 1 and word.isalpha()):
        return False  # a number, "F.A.Z.", an initial
    return word not in _ABBREVIATIONS


_ABBREVIATIONS = frozenset(
    "Dr Prof Nr St Abs Art Bd Mio Mrd Mr Mrs Ms Gen Sen Rep Gov Jr Sr Inc Corp Co Ltd vs etc bzw ca zB "
    "Hr Fr Vgl vgl Str Tel Jh Chr "
    "usw evtl ggf inkl zB Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez Oct Dec".split()
)


def _sentence_bounds(text: str, start: int, end: int, limit_lo: int, limit_hi: int) -> tuple[int, int]:
    """Characters of the frame around a quote at [start, end): back to the previous sentence end
    or closing mark, forward to the next sentence end or opening mark (never past a paragraph)."""
    lo = start
    while lo > limit_lo:
        ch = text[lo - 1]
        if ch == "\n" and lo - 2 >= 0 and text[lo - 2] == "\n":
            break
        if ch in _SENT_END and lo - 1 > limit_lo and _ends_sentence(text, lo - 1):
            break
        lo -= 1
    hi = end
    while hi < limit_hi:
        ch = text[hi]
        if ch == "\n" and hi + 1 < len(text) and text[hi + 1] == "\n":
            break
        if ch in _SENT_END and _ends_sentence(text, hi):
            hi += 1
            break
        hi += 1
    return lo, hi


# ---------------------------------------------------------------------------- direct quotes


def _is_speech(q: QuotedSpan, text: str) -> bool:
    """Whether a quoted span can be speech on its own: three words or more, or a complete
    short utterance („Nein.“). Shorter ones are kept only inside reported speech (see
    :func:`_settle_fragments`): alone they are scare quotes, titles or names."""
    words = word_count(q.text)
    if words >= _MIN_QUOTE_WORDS:
        return True
    return words >= 1 and q.text.rstrip()[-1:] in "!?." and q.text[:1].isupper()


def find_direct_quotes(doc: Doc, lex: CueLexicon) -> Iterator[Found]:
    """Quotes in quotation marks with their frames; a nested quote finds its frame inside
    the quote around it (``„Er sagte mir: ‚…‘“``).

    Yields
    ------
    Found
        ``kind`` is "direct" or "mixed"; ``extra["depth"]`` the nesting level.
    """
    text = doc.text
    quoted = [q for q in find_quoted(text, max_depth=1) if word_count(q.text) >= 1
              and (lex.apostrophe_quotes or q.depth > 0 or q.open_mark not in ("'", "''"))]
    for q in quoted:
        container = (0, len(text))
        if q.depth > 0:
            parent = next((p for p in quoted if p.depth == q.depth - 1 and p.start <= q.start and q.end <= p.end), None)
            if parent is None:
                continue
            container = (parent.start, parent.end)
        siblings = [t for t in quoted if t.depth == q.depth and container[0] <= t.start and t.end <= container[1]
                    and _is_speech(t, text)]
        found = _direct_quote(doc, text, q, siblings, container, lex)
        # a short quote is speech when it stands alone in its own frame („Nein“, sagte er.)
        framed = found.pattern == "direct" and found.kind == "direct" and found.cue is not None and found.speaker is not None
        if not _is_speech(q, text) and not framed:
            found.pattern = "embedded"
        yield found


def _pointing_frame(doc: Doc, text: str, close_at: int, lex: CueLexicon) -> _Frame | None:
    """"„…“ Das sagte X am Montag.": the next sentence points back at the quote with a
    demonstrative and names its speaker. ``text`` is ``doc.text`` (spaCy rebuilds it on each access)."""
    rest = doc.char_span(close_at, min(len(text), close_at + 300), alignment_mode="contract")
    if rest is None:
        return None
    first = next((t for t in rest if not t.is_punct and not t.is_space), None)
    if first is None:
        return None
    end = next((t.i for t in doc[first.i + 1 :] if t.text in (".", "!", "?", "„", "“")), len(doc))
    return _frame_after_pointer(doc, first, end, _POINTERS, lex)


def _frame_after_pointer(doc: Doc, first: Token, end: int, pointers: frozenset[str], lex: CueLexicon) -> _Frame | None:
    """The frame of a sentence that opens with a capitalised demonstrative (one of ``pointers``)
    right before a cue and ends before token ``end``: "Das sagte X am Montag."."""
    if first.lower_ not in pointers or not first.text[:1].isupper():
        return None
    if first.i + 1 < end and cue_lemma(doc[first.i + 1], lex) is not None:
        return _frame_in(doc, first.i + 1, end, lex, after_quote=True)
    return None


_SIGNATURE_DASHES = "―—–"


def _signature_frame(doc: Doc, text: str, close_at: int) -> _Frame | None:
    """"“…” ― Jacklyn Ashley": a dash and a name after a quote, up to a comma or the line end,
    sign it, as epigraphs and collected reader voices do; the dash is the cue. The name is one
    to five capitalised words without digits. Read from the text: the tokenizer may join the
    dash to the closing mark ("”―")."""
    end = text.find("\n", close_at)
    line = text[close_at : len(text) if end < 0 else end]
    body = line.lstrip(" \u00a0\t")
    if not body[:1] or body[0] not in _SIGNATURE_DASHES:
        return None
    dash = close_at + len(line) - len(body)
    name = body[1:].split(",")[0].strip(" \u00a0\t.")  # "― Tom Brook, a voter in Ohio"
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words):
        return None
    start = text.index(name, dash + 1)
    span = doc.char_span(start, start + len(name), alignment_mode="contract")
    if span is None or not len(span):
        return None
    return _Frame((dash, dash + 1, text[dash]), span, None)


def _colon_verb_frame(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> _Frame | None:
    """"Limbaugh continued: “…”": any verb with a subject right before the colon that opens a
    quote introduces it (English)."""
    last = doc[upper - 1]
    if last.text != ":" or upper - 2 < lower or not doc.has_annotation("DEP"):
        return None
    verb = doc[upper - 2]
    while verb.i > lower and verb.pos_ == "ADV":
        verb = doc[verb.i - 1]
    if verb.pos_ != "VERB":
        return None
    speaker = usable_speaker(subject_of(verb, lower, verb.i), lex)
    if speaker is None:
        return None
    return _Frame(_cue_chars(verb, verb.lemma_.lower()), speaker, None)


def _colon_frame(doc: Doc, text: str, open_at: int, lower: int, lex: CueLexicon) -> _Frame | None:
    """"X made the following comment:¶„…“", "X continued:¶“…”": a paragraph that ends in a
    colon after a cue frames the quote that opens the next one."""
    k = open_at
    while k > lower and text[k - 1].isspace():
        k -= 1
    if k <= lower or text[k - 1] != ":" or "\n" not in text[k:open_at]:
        return None
    colon = doc.char_span(k - 1, k, alignment_mode="expand")
    if colon is None:
        return None
    lo, _ = _sentence_bounds(text, k - 1, k, lower, k)
    frame_span = doc.char_span(lo, k - 1, alignment_mode="contract")
    if frame_span is None or len(frame_span) == 0:
        return None
    # right before the quote, as "She continued: “…”" in one paragraph: frame-only verbs too
    frame = _frame_in(doc, frame_span.start, frame_span.end, _with_frame_verbs(lex), after_quote=False)
    if (frame is None or frame.cue is None) and lex.lang == "en":
        frame = _colon_verb_frame(doc, frame_span.start, colon.end, lex)
    return frame if frame is not None and frame.cue is not None and frame.speaker is not None else None


def _last_char(q: QuotedSpan) -> str:
    """The quote's last character before the closing marks of a quote nested at its end
    ('“… the labels of ‘criminal,’”' ends in a comma)."""
    return q.text.rstrip().rstrip(CLOSING_MARKS)[-1:]


def _attaches_after(text: str, q: QuotedSpan, close_at: int, first: Token, upper: int, lex: CueLexicon) -> bool:
    """Whether the text after a quote, from token ``first`` up to token ``upper``, is its frame:
    ``„…“, sagte X`` / ``„…?“ fragte X`` / ``„…“ so X`` — not a new sentence that merely
    follows it."""
    rest = text[close_at:close_at + 3].lstrip()
    if rest.startswith((",", "–", "—", "―", "-")):
        return True
    if first.lower_ in lex.so_particles or first.lower_ in lex.wie_particles:
        return True
    last = _last_char(q)
    if last in ",–-":
        return True  # English keeps the frame's comma inside the marks
    ends_open = last in "!?" or last not in "."
    # "„…?“ fragte er": the frame starts with its cue (not just any lower-case word)
    if not ends_open:
        return False
    if cue_lemma(first, lex) is not None:
        return True
    # English puts the subject first ("“…?” Trump asked"); German inverts after a quote, so there
    # a subject first opens a sentence of its own („…?“ Die Ministerin sagte, …)
    return lex.lang == "en" and _subject_then_cue(first, upper, lex)


def _subject_then_cue(first: Token, upper: int, lex: CueLexicon) -> bool:
    """"“…?” Trump asked." / "“…!” the crowd shouted.": after a quote that does not close with
    a full stop, a sentence whose subject comes first and whose cue reports nothing of its own
    (no clause after it, before token ``upper``: a clause inside the next quote is that quote's)
    is the quote's frame, not a new statement."""
    for tok in first.doc[first.i : first.i + 8]:
        if tok.is_sent_start and tok.i > first.i:
            return False
        if cue_lemma(tok, lex) is None or tok.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.left_edge.i != first.i or subject.i > tok.i:
            return False
        # the parser may hang the quote itself on the cue as its clause: only one after it counts
        return not any(tok.i < c.i < upper and (c.dep_ in ("ccomp", "xcomp", "oc") or _prepositional_clause(c))
                       for c in tok.children)
    return False


def _prepositional_clause(token: Token) -> bool:
    """A preposition whose object is a clause, on the cue or on its object: "accused Holt *of
    being* a Democrat", "warned *against cutting* taxes"; what such a cue reports comes after
    it, not from the quote."""
    if token.dep_ in ("dobj", "obj"):
        return any(_prepositional_clause(c) for c in token.children)
    return token.dep_ == "prep" and any(c.dep_ == "pcomp" for c in token.children)


def _inside_clause_before(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> bool:
    """Whether a quote opening at token ``upper`` continues a subordinate clause begun before
    it: 'Flynn said Trump was right when he said that under Obama, “the generals …”', 'X
    acknowledged that there are "some people" who feel that way, "but not many."'. A comma
    before the mark then belongs to the clause; the quote is a fragment of it, not framed."""
    first = next((t for t in doc[upper:upper + 4] if not t.is_punct and not t.is_space), None)
    return any(t.dep_ in ("mark", "cp") and t.lower_ in lex.complementizers
               and (t.head.i >= upper or (first is not None and t.head.is_ancestor(first)))
               for t in doc[lower:upper])


def _sets_off_frame(doc: Doc, text: str, q: QuotedSpan, close_at: int, post: tuple[int, int],
                    lex: CueLexicon) -> bool:
    """Whether a comma or dash sets off the frame after a quote that words precede, making it a
    mixed quote ("… „Massenmedien …“, sagte X"); "hatte den Bericht als „falsch“ bezeichnet" is
    one sentence around a fragment.

    English needs more: it keeps the frame's comma inside the marks ('Mills "got an immunity
    agreement," Jordan said') and uses dashes for asides ('-- which Cook called "crap" -- one
    question is …'). There the comma or dash sets off only a bare frame: the cue first, or a
    subject and a cue that reports nothing of its own; 'called it "a disaster," and said …'
    stays one sentence."""
    mark = text[close_at:close_at + 3].lstrip()[:1]
    if lex.lang != "en":
        return mark in (",", "–", "—", "-")
    if mark == ",":
        return True
    if mark not in ("–", "—", "-") and _last_char(q) != ",":
        return False
    first = next((t for t in doc[post[0] : post[1]] if not t.is_punct), None)
    if first is None:
        return False
    return (cue_lemma(first, lex) is not None and first.pos_ in ("VERB", "AUX")) or _subject_then_cue(first, post[1], lex)


@lru_cache(maxsize=8)
def _with_frame_verbs(lex: CueLexicon) -> CueLexicon:
    """The lexicon for the frame right beside a direct quote: its verbs and the frame-only ones."""
    return replace(lex, verbs=lex.verbs | lex.frame_verbs) if lex.frame_verbs else lex


def _direct_quote(doc: Doc, text: str, q: QuotedSpan, siblings: list[QuotedSpan], container: tuple[int, int],
                  lex: CueLexicon) -> Found:
    open_at = q.start - len(q.open_mark)
    close_at = q.end + len(q.close_mark)
    prev_close = max((t.end + len(t.close_mark) for t in siblings if t.end <= open_at), default=container[0])
    next_open = min((t.start - len(t.open_mark) for t in siblings if t.start >= close_at), default=container[1])
    lo, hi = _sentence_bounds(text, open_at, close_at, prev_close, next_open)
    pre = doc.char_span(lo, open_at, alignment_mode="contract")
    post = doc.char_span(close_at, hi, alignment_mode="contract")
    pre_rng = (pre.start, pre.end) if pre is not None else (0, 0)
    post_rng = (post.start, post.end) if post is not None else (0, 0)
    frame = None
    after_lex = _with_frame_verbs(lex)
    if post_rng[1] > post_rng[0] and _attaches_after(text, q, close_at, doc[post_rng[0]], post_rng[1], after_lex):
        frame = _frame_in(doc, *post_rng, after_lex, after_quote=True)
    pre_text = text[lo:open_at].strip()
    # "She continued, “…”" / "The statement read: “…”": right before the quote, frame-only verbs too
    pre_lex = after_lex if pre_text[-1:] in (",", ":") else lex
    pre_frame = _frame_in(doc, *pre_rng, pre_lex, after_quote=False) if pre_rng[1] > pre_rng[0] else None
    if (pre_frame is None or pre_frame.cue is None) and lex.lang == "en" and pre_rng[1] > pre_rng[0]:
        pre_frame = _colon_verb_frame(doc, *pre_rng, lex) or pre_frame
    # the quote, marks included (as annotators mark it)
    start, end = open_at, close_at
    if not q.close_mark:
        end = q.end
    pattern = "direct" if q.depth == 0 else "nested"
    embedded = bool(pre_text) and pre_text[-1] not in ":,–—-(" and word_count(pre_text) >= 1
    if not embedded and pre_rng[1] > pre_rng[0]:
        embedded = _inside_clause_before(doc, *pre_rng, lex)
    set_off = post_rng[1] > post_rng[0] and _sets_off_frame(doc, text, q, close_at, post_rng, after_lex)
    if embedded and frame is not None and frame.cue is not None and not set_off:
        frame = None
    if embedded and frame is not None and frame.cue is not None:
        # "In jüngster Zeit verbreiteten „Massenmedien …“, sagte X": a mixed quote
        content = strip_punct(pre) if pre is not None else None
        if content is not None:
            start = content.start_char
        pre_frame = None
    elif embedded:
        # a fragment inside a sentence: "nannte sie „reine Spekulation“", "der Sohn habe
        # sich „bewusst …“": a direct quote whose frame is the sentence around it
        pattern = "embedded"
        frame = pre_frame if pre_frame is not None and pre_frame.cue is not None and pre_frame.speaker is not None else None
        pre_frame = None
    kind = "mixed" if start < open_at else "direct"
    chosen = frame if frame is not None and frame.cue is not None else pre_frame or frame
    if chosen is None and q.depth == 0 and q.closed:
        chosen = _pointing_frame(doc, text, close_at, lex)
    if q.depth == 0 and q.closed and (chosen is None or (chosen.cue is None and chosen.speaker is None)):
        chosen = _signature_frame(doc, text, close_at) or chosen
    if chosen is None and q.depth == 0 and not pre_text:
        chosen = _colon_frame(doc, text, open_at, prev_close, lex)
    found = Found((start, end), kind, pattern=pattern, extra={"depth": q.depth, "closed": q.closed})
    if chosen is not None:
        found.cue = chosen.cue
        found.speaker = _span_chars(chosen.speaker)
        found.mediator = _span_chars(chosen.mediator)
        if chosen.possessor is not None:
            found.extra["possessor"] = chosen.possessor.i
    return found


# ---------------------------------------------------------------------------- verb reports


def _outside(found: list[Found], start: int, end: int) -> bool:
    """No attribution overlaps [start, end), fragments inside sentences aside (reported speech
    may contain them: they become its nested quotes)."""
    return not any(f.overlaps(start, end) for f in found if f.pattern != "embedded")


_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—"})
_COORDINATORS = frozenset({"und", "aber", "sowie", "doch", "and", "but"})


def _clause_around(doc: Doc, sent: Span, start: int, end: int, marks: frozenset[str] = _CLAUSE_MARKS) -> tuple[int, int]:
    """Token bounds of the clause holding tokens [start, end): from the clause mark before
    it (by default comma, semicolon, colon, dash; outside quotation marks) to the next one."""
    depth = 0
    lo = sent.start
    for t in doc[sent.start:start]:
        depth += t.text in ("„", "»") and 1 or 0
        depth -= t.text in ("“", "«") and 1 or 0
        if t.text in marks and depth <= 0:
            lo = t.i + 1
    hi = sent.end
    depth = 0
    for t in doc[end:sent.end]:
        depth += t.text in ("„", "»") and 1 or 0
        depth -= t.text in ("“", "«") and 1 or 0
        if t.text in marks and depth <= 0 and t.i + 1 < sent.end and not doc[t.i + 1].is_punct:
            nxt = doc[t.i + 1]
            # a comma before an apposition or list item continues the clause
            if t.text == "," and nxt.pos_ not in ("VERB", "AUX", "SCONJ", "PRON", "CCONJ") and nxt.lower_ not in _COORDINATORS:
                continue
            hi = t.i
            break
    return lo, hi


def _cut_coordinated_frame(doc: Doc, content: Span) -> Span:
    """Drop a main clause the frame coordinates after the content: "dass … besteht, und gab
    an, …" → "dass … besteht"; a semicolon always ends the content."""
    for t in content:
        if t.text == ";":
            return strip_punct(doc[content.start : t.i]) or content
        if t.text == "," and t.i + 2 < content.end and doc[t.i + 1].lower_ in _COORDINATORS:
            nxt = doc[t.i + 2]
            finite = nxt.tag_ in ("VVFIN", "VAFIN", "VMFIN") or (not nxt.tag_ and nxt.pos_ in ("VERB", "AUX"))
            if finite and konjunktiv_mood(nxt) is None:
                return strip_punct(doc[content.start : t.i]) or content
    return content


def _clause_after(doc: Doc, i: int, sent: Span) -> Span | None:
    """The content clause from token i to the end of the sentence (final punctuation dropped)."""
    if i >= sent.end:
        return None
    content = strip_punct(doc[i : sent.end])
    return _cut_coordinated_frame(doc, content) if content is not None else None


def find_verb_reports(doc: Doc, lex: CueLexicon, found: list[Found] | None = None) -> Iterator[Found]:
    """Indirect speech around a reporting verb, sentence by sentence.

    Three shapes: cue first (``X sagte, (dass) …``), cue last (``…, sagte X.``,
    ``…, berichtet das Magazin X.``), and ``Wie X berichtet, …``.
    """
    found = found or []
    used_cues = [(f.cue[0], f.cue[1]) for f in found if f.cue is not None and f.pattern != "embedded"]
    for sent in sentences(doc):
        if not _outside(found, sent.start_char, sent.end_char) and not _has_gap(found, sent) and lex.lang != "en":
            continue  # English goes on token by token: '"…," he said, adding (that) …'
        taken: list[Found] = []
        so_hit = _so_last(doc, sent, lex)
        if so_hit is not None and _outside(found, *so_hit.quote):
            yield so_hit
            continue
        for tok in sent:
            lemma = cue_lemma(tok, lex)
            if lemma is None or any(a <= tok.idx < b for a, b in used_cues):
                continue
            if not _outside(found + taken, tok.idx, tok.idx + 1):
                continue
            hit = _cue_first(doc, sent, tok, lemma, lex) or _cue_last(doc, sent, tok, lemma, lex)
            if hit is not None and _outside(found + taken, *hit.quote):
                yield hit
                taken.append(hit)
                if lex.lang != "en" or hit.pattern != "cue_first" or hit.quote[1] >= sent.end_char - 1:
                    break  # more than one report per sentence only where the parser is reliable


def _has_gap(found: list[Found], sent: Span) -> bool:
    covered = sum(
        max(0, min(f.quote[1], sent.end_char) - max(f.quote[0], sent.start_char))
        for f in found if f.pattern != "embedded"
    )
    return covered < 0.5 * (sent.end_char - sent.start_char)


def _comma_after(sent: Span, i: int) -> int | None:
    for t in sent[i - sent.start + 1 :]:
        if t.text == ",":
            return t.i
        if t.text in ("„", "“", '"', "»", ":", ";"):
            return None
    return None


def _cue_first(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """``X sagte, (dass) …``, ``Dabei betonte der Minister, …`` and ``Wie X berichtet, …``;
    in English, where the parser is reliable, the clause or object the cue governs first."""
    if lex.lang == "en" and doc.has_annotation("DEP"):
        governed = _english_ccomp(doc, sent, verb, lemma, lex)
        if governed is not None:
            return governed
        if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None  # "A, said X, an adviser who …": the content came first (cue last)
        if any(c.dep_ == "dobj" and c.lower_ in _POINTERS for c in verb.children):
            return None  # "Having said that, …": the object points back, the clause after is no content
    comma = _comma_after(sent, verb.i)
    wie = next((t for t in sent[: verb.i - sent.start] if t.lower_ in lex.wie_particles), None)
    if comma is None:
        # "X sagte dass …" without comma, English "X said that …" / "X said the …"
        comp = next(
            (t for t in sent[verb.i - sent.start + 1 :] if t.lower_ in lex.complementizers), None
        )
        if comp is None or comp.i - verb.i > 6:
            if lex.lang == "en" and doc.has_annotation("DEP"):
                return _english_ccomp(doc, sent, verb, lemma, lex)
            return None
        content = _clause_after(doc, comp.i, sent)
        speaker = _speaker_for(doc, sent, verb, lex, lower=sent.start, upper=comp.i)
        return _report(content, verb, lemma, speaker, "cue_first", doc, sent, lex)
    between = doc[verb.i + 1 : comma]
    if any(t.pos_ in ("VERB",) and cue_lemma(t, lex) is None for t in between) and len(between) > 6:
        return None
    if wie is not None and wie.i < verb.i:
        # "Wie die Zeitung berichtet, ist …"
        speaker = subject_of(verb, wie.i + 1, verb.i) or np_after(doc, wie.i + 1, verb.i, lex, subject=True)
        content = _clause_after(doc, comma + 1, sent)
        return _report(content, verb, lemma, speaker, "wie", doc, sent, lex)
    comp = next((t for t in doc[comma + 1 : sent.end] if t.lower_ in lex.complementizers and doc[t.i - 1].text == ","), None)
    if comp is not None and comp.i > comma + 1 and any(t.lower_ == "zu" or t.tag_ == "PTKZU" for t in doc[comma + 1 : comp.i]):
        comma = comp.i - 1  # "sagte X, ohne … zu verweisen, dass …": the aside is not the content
    if lemma in lex.weak_verbs:
        # "glaubt, er sei …": a weak cue reports a clause introduced by dass/ob, or one in Konjunktiv
        nxt = doc[comma + 1] if comma + 1 < sent.end else None
        reported = any(_reported_mood(t) for t in doc[comma + 1 : sent.end])
        if nxt is None or (nxt.lower_ not in lex.complementizers and not reported):
            return None
    content = _clause_after(doc, comma + 1, sent)
    if content is None or word_count(content.text) < 3 or content[0].lower_ in lex.wie_particles:
        return None  # "…, wie X meldet": that is the frame of what came before
    speaker = _speaker_for(doc, sent, verb, lex, lower=sent.start, upper=comma)
    return _report(content, verb, lemma, speaker, "cue_first", doc, sent, lex)


_OBJECT_DEPS = ("ccomp", "xcomp", "dobj", "obj")
_OBJECT_PREPS = frozenset({"of", "about", "on", "for", "against"})


def find_noun_reports(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """Indirect speech after a speech noun: "X vertritt die Ansicht, dass …", "bestritt die
    Annahme, dass …", "the claim that …". The noun is the cue; the subject of the sentence's
    verb the speaker."""
    for sent in sentences(doc):
        for tok in sent:
            if (tok.lower_ not in lex.clause_nouns and (tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.clause_nouns)
                    or not _outside(found, tok.idx, tok.idx + 1)):
                continue  # the noun or its plural ("Hinweise, dass …")
            k = tok.i + 1
            if k < sent.end and doc[k].text == ",":
                k += 1
            if k >= sent.end:
                continue
            if doc[k].lower_ not in lex.complementizers:
                # German verb-second content in reported mood: "wagte die Prognose, bei der
                # Wahl würden nicht alle … stimmen"
                # or an infinitive with "zu": "mit dem Appell, die Wahrheit … zu verbreiten"
                if lex.lang != "de" or doc[k - 1].text != "," or not (any(
                        _reported_mood(t) for t in doc[k : min(sent.end, k + 8)] if t.pos_ in ("VERB", "AUX"))
                        or _zu_infinitive(doc, k, sent.end)):
                    continue
            content = _clause_after(doc, k, sent)
            if content is None or word_count(content.text) < 3 or not _outside(found, content.start_char, content.end_char):
                continue
            verb = tok.head if doc.has_annotation("DEP") else None
            if verb is not None and verb.i > tok.i:
                verb = sent.root  # the parser hung the noun on the content's verb
            speaker = _noun_owner(tok) if lex.lang == "en" else None
            if speaker is None and verb is not None and verb.pos_ in ("VERB", "AUX"):
                speaker = subject_of(verb, sent.start, tok.i)
            f = Found((content.start_char, content.end_char), "indirect", cue=_cue_chars(tok, tok.lemma_.lower() or tok.lower_),
                      speaker=_span_chars(speaker), pattern="noun")
            found.append(f)
            yield f
            break


def _noun_owner(noun: Token) -> Span | None:
    """Whose claim a speech noun is: its possessor ("Donald Trump's claim that …") or the name
    compounded with it ("a New York Times report that …")."""
    doc = noun.doc
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        end = poss.right_edge.i + 1
        if doc[end - 1].tag_ == "POS":
            end -= 1  # the "'s" is no part of the name
        return doc[poss.left_edge.i : end] if end > poss.left_edge.i else None
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return doc[min(c.left_edge.i for c in names) : max(c.right_edge.i for c in names) + 1]
    return None


def _english_ccomp(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """The clause or object a reporting verb governs: "X said (that) …", "X warned of …",
    "X bemoaned the unrest" — a clause for any cue verb, an object only for a non-weak one
    or one the parser gives a clause to."""
    comp = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i
                 and not (_takes_addressee(lemma, lex) and _is_addressee(c))), None)
    if comp is not None and comp.dep_ in ("dobj", "obj") and _takes_addressee(lemma, lex):
        # "told a dispatcher (that) …", "asked Congress to …": the clause is the content
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > comp.i), None)
        if clause is None:  # "told a dispatcher that …" parsed as a clause on the noun
            clause = next((c for c in comp.children if c.dep_ == "acl"
                           and any(m.dep_ == "mark" and m.lower_ in lex.complementizers for m in c.children)), None)
        comp = clause or comp
    if comp is None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and c.i > verb.i), None)
        comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return _english_passive(doc, sent, verb, lemma, lex)
    if comp is None:
        return None
    end = _participle_cue(comp, lex) or _with_complement(verb, comp)
    end = _coordinated_cue(doc, comp.left_edge.i, end, lex) or _quoted_conjunct(doc, verb, end) or end
    if comp.dep_ == "dobj" and end - comp.left_edge.i < 2 and comp.pos_ == "PRON":
        return None  # "asked him", "denied it": a bare pronoun is no content
    content = strip_punct(doc[comp.left_edge.i : end])
    speaker = _speaker_for(doc, sent, verb, lex, lower=sent.start, upper=verb.i)
    return _report(content, verb, lemma, speaker, "cue_first", doc, sent, lex, need_clause=False)


_COMPLEMENT_PREPS = frozenset({"as", "of", "for"})


def _english_passive(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """"[The nominee] has been endorsed by [the paper]": the subject is the content, the agent
    the source; "Nothing was said at the meeting" names no source and is left out."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or pobj is None or subj.i > verb.i or subj.pos_ == "PRON" and subj.tag_ in ("WP", "WDT"):
        return None
    content = strip_punct(doc[subj.left_edge.i : subj.right_edge.i + 1])
    speaker = strip_punct(doc[pobj.left_edge.i : pobj.right_edge.i + 1])
    return _report(content, verb, lemma, speaker, "cue_first", doc, sent, lex, need_clause=False, min_words=1)


def _with_complement(verb: Token, comp: Token) -> int:
    """The end of an object with the complement beside it: "called [the senator a “nasty guy”]",
    "criticized [the law as a “crazy system”]", "blasted [him for not paying taxes]"."""
    end = comp.right_edge.i + 1
    if comp.dep_ != "dobj":
        return end
    for c in sorted(verb.children, key=lambda c: c.i):
        if c.i <= comp.i or c.left_edge.i > end + 1:
            continue
        if (c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS)
                or _continues_infinitive(verb, c, comp.left_edge.i, end)):
            end = c.right_edge.i + 1
    return end


def _continues_infinitive(verb: Token, clause: Token, start: int, end: int) -> bool:
    """Whether a bare infinitive the parser hung on a finite verb continues the "to"-infinitive
    that ``doc[start:end]`` ends with: "advocates rules [to end A, stop B and remove C]". A base
    form cannot be a second predicate of "advocates" or "advocated", so it shares the "to"."""
    doc = verb.doc
    if verb.tag_ not in ("VBZ", "VBD") or clause.tag_ != "VB" or clause.dep_ not in ("advcl", "conj"):
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("mark", "aux") and c.lower_ != "to" for c in clause.children):
        return False  # "…, so they stop B", "…, and will stop B": a clause of its own
    if any(t.text not in (",", "and", "or") for t in doc[end : clause.left_edge.i]):
        return False
    return any(t.tag_ == "VB" and t.right_edge.i == end - 1
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children) for t in doc[start:end])


def _quoted_conjunct(doc: Doc, verb: Token, end: int) -> int | None:
    """Where a content runs on through a clause wholly in quotation marks that follows it
    after "but" or "and": 'He's claiming that fraud is “a big problem” but “nobody has the
    guts to talk about it.”' The parser hangs that clause on the cue; a narrator's own clause
    would not stand in quotation marks, so it is the speaker's too."""
    cc = end + 1 if end < len(doc) and doc[end].text == "," else end
    if cc + 1 >= len(doc) or doc[cc].dep_ != "cc" or doc[cc + 1].tag_ != "``":
        return None
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i == cc + 1), None)
    if conj is None:
        return None
    last = conj.right_edge.i
    while last > cc and doc[last].is_space:  # the parser hangs a paragraph break on the clause
        last -= 1
    if doc[last].tag_ != "''" and not (last + 1 < len(doc) and doc[last + 1].tag_ == "''"):
        return None  # the quotation ends inside the clause: the rest is the narrator's
    if any(t.tag_ == "''" for t in doc[cc + 2 : last - 1]):
        return None
    return last + 1


def _participle_cue(comp: Token, lex: CueLexicon) -> int | None:
    """Where a participle cue after a comma starts a second report inside the content:
    "X said [A], citing B" / "…, adding that B" — the participle has its own content."""
    doc = comp.doc
    for t in comp.subtree:
        if (t.i > comp.i and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and doc[t.i - 1].text == ","
                and cue_lemma(t, lex) is not None and any(c.dep_ in _OBJECT_DEPS for c in t.children)):
            return t.i - 1
    return None


def _coordinated_cue(doc: Doc, start: int, end: int, lex: CueLexicon) -> int | None:
    """Where a second cue verb coordinated inside the content starts a report of its own:
    "X said [A] and warned B", "X says [A], and added B" — a conjunct cue verb with no subject
    of its own, after "and"/"but"; the content ends before the conjunction."""
    for t in doc[start + 1 : end]:
        if t.dep_ != "conj" or t.pos_ != "VERB" or cue_lemma(t, lex) is None:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in t.children):
            continue
        k = t.i - 1
        while k > start and doc[k].pos_ == "ADV":
            k -= 1
        if doc[k].dep_ == "cc" and doc[k].lower_ in _COORDINATORS:
            return k - 1 if doc[k - 1].text == "," else k
    return None


def _takes_addressee(lemma: str, lex: CueLexicon) -> bool:
    """Whether a cue's first object can be the person spoken to ("told reporters"); for the
    others a person object is what is reported ("endorsed Clinton", "attacked the senator").
    A lexicon without ``addressee_verbs`` treats every cue so."""
    return lex.addressee_verbs is None or lemma in lex.addressee_verbs


def _is_addressee(token: Token) -> bool:
    """"told reporters", "asked him": the object is the addressee, not the content."""
    return token.dep_ in ("dobj", "obj") and (
        token.pos_ == "PRON" or token.ent_type_ in ("PERSON", "PER", "ORG", "NORP")
        or token.lower_ in ("reporters", "journalists", "lawmakers", "supporters", "audience", "crowd", "people")
    )


def _cue_last(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """``…, sagte X.`` / ``…, X said.`` / ``…, wie X meldet.`` — content before the comma
    that precedes the cue."""
    wie = next((t for t in doc[max(sent.start, verb.i - 16) : verb.i] if t.lower_ in lex.wie_particles
                and t.i > sent.start and doc[t.i - 1].text == ","), None)
    if wie is not None and all(not t.is_punct or t.text in "-.,()" for t in doc[wie.i + 1 : verb.i]):
        content = strip_punct(doc[sent.start : wie.i - 1])
        if content is not None and word_count(content.text) >= 3:
            speaker = subject_of(verb, wie.i + 1, verb.i) or np_after(doc, wie.i + 1, verb.i, lex, subject=True)
            return _report(content, verb, lemma, speaker, "wie_last", doc, sent, lex, need_clause=False)
    j = verb.i - 1
    while j >= sent.start and doc[j].pos_ in ("PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM") and verb.i - j <= 4 and lex.lang == "en":
        j -= 1  # English "…, the minister said."
    if lex.lang == "en" and doc[j].text != "," and doc.has_annotation("DEP"):
        # "…, a senior official with the board that oversees them said": a longer subject
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is not None and subj.right_edge.i < verb.i and subj.left_edge.i - 1 >= sent.start:
            j = subj.left_edge.i - 1
    if lex.lang == "de" and j > sent.start and doc[j].pos_ == "AUX" and doc[j - 1].text == ",":
        j -= 1  # "…, wird vermutet."
    if j < sent.start or doc[j].text != ",":
        return None
    if subject_of(verb, sent.start, j) is not None:
        return None  # "X, der …, nannte …": the comma closes an aside of the subject, not content
    content = strip_punct(doc[sent.start : j])
    if content is None or word_count(content.text) < 3:
        return None
    if lex.lang == "en" and j < verb.i - 1:
        speaker = strip_punct(doc[j + 1 : verb.i])
    else:
        end = next((t.i for t in doc[verb.i + 1 : sent.end] if t.is_punct and t.text not in ("-", "(", ")")), sent.end)
        speaker = subject_of(verb, verb.i + 1, end) or np_after(doc, verb.i + 1, end, lex, subject=True)
        if speaker is not None and usable_speaker(speaker, lex) is None:
            speaker = _impersonal_source(doc, verb, sent.end, lex)  # "…, hieß es vom Ministerium."
        if speaker is not None:
            speaker = with_apposition(speaker, sent.end)
    return _report(content, verb, lemma, speaker, "cue_last", doc, sent, lex, need_clause=False)


def usable_speaker(span: Span | None, lex: CueLexicon) -> Span | None:
    """None for a subject that cannot be a speaker: "es" in "heißt es", "das", "dies"."""
    if span is None:
        return None
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].pos_ in ("PRON", "DET") and words[0].lower_ not in lex.pronouns:
        if relative_subject(words[0]):
            return span  # "X, who said …": the relative pronoun stands for X
        return None
    return span


def relative_subject(token: Token) -> bool:
    """An English relative pronoun as the subject of its clause ("who", "which")."""
    return token.tag_ in ("WP", "WDT") and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "relcl"


_GOVERNED_DEPS = frozenset({"advcl", "xcomp", "ccomp", "conj", "pcomp", "acomp"})


def _governor_subject(doc: Doc, sent: Span, verb: Token, lex: CueLexicon) -> Span | None:
    """"X spoke on Monday, saying …", "X went on to explain …", "Citing …, X said": a cue
    with no subject of its own is said by the subject of the verb it hangs on (English)."""
    head = verb
    for _ in range(3):
        if (head.dep_ not in _GOVERNED_DEPS and head.dep_ != "prep") or head.head.i == head.i:
            return None
        head = head.head
        if head.dep_ == "prep":
            continue
        if (verb.tag_ == "VBG" or verb.dep_ == "conj") and head.dep_ == "ccomp" and cue_lemma(head.head, lex) is not None:
            # "X said [A …], citing B", "X said [A …] and warned B": the participle or the
            # conjunct is X's, not A's subject's
            head = head.head
        speaker = usable_speaker(subject_of(head, sent.start, sent.end), lex)
        if speaker is not None and not (speaker.start <= verb.i < speaker.end):
            return speaker
        if any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return None
    return None


def _so_last(doc: Doc, sent: Span, lex: CueLexicon) -> Found | None:
    """``…, so der Sprecher.`` — content before the comma, the source after "so"."""
    for tok in sent:
        if tok.lower_ not in lex.so_particles or tok.i == sent.start or doc[tok.i - 1].text != ",":
            continue
        end = next((t.i for t in doc[tok.i + 1 : sent.end] if t.is_punct and t.text not in ("-", "(", ")")), sent.end)
        speaker = np_after(doc, tok.i + 1, end, lex)
        if speaker is None or speaker.start != tok.i + 1 or end - speaker.end > 4:
            continue
        content = strip_punct(doc[sent.start : tok.i - 1])
        if content is None or word_count(content.text) < 3:
            continue
        return Found((content.start_char, content.end_char), "indirect", cue=_cue_chars(tok, tok.lower_),
                     speaker=_span_chars(speaker), pattern="so_last")
    return None


_SOURCE_PREPS = frozenset({"von", "vom", "aus", "seitens"})


def _impersonal_source(doc: Doc, verb: Token, upper: int, lex: CueLexicon) -> Span | None:
    """"…, hieß es vom Ministerium / aus Regierungskreisen": with an impersonal "es" the
    source is named by a preposition right after the verb."""
    if lex.lang != "de" or not any(t.lower_ == "es" for t in doc[verb.i + 1 : min(upper, verb.i + 2)]):
        return None
    source = next((t for t in doc[verb.i + 2 : min(upper, verb.i + 4)] if t.lower_ in _SOURCE_PREPS), None)
    return np_after(doc, source.i + 1, upper, lex) if source is not None else None

_ADVERBIAL_DEPS = frozenset({"obl", "obl:tmod", "advmod", "nmod:tmod", "npadvmod"})


def _apposed_before(doc: Doc, verb: Token, lower: int, lex: CueLexicon) -> Span | None:
    """"Celebi, die Anwältin der Frau, sagte": a name with its apposition right before the cue."""
    if verb.i - 1 <= lower or doc[verb.i - 1].text != ",":
        return None
    k = next((t.i for t in reversed(doc[lower : verb.i - 1]) if t.text == ","), None)
    head = np_before(doc, k, lower, lex, subject=True) if k is not None else None
    if head is not None and with_apposition(head, verb.i).end == verb.i - 1:
        return doc[head.start : verb.i - 1]
    return None


def _speaker_for(doc: Doc, sent: Span, verb: Token, lex: CueLexicon, *, lower: int, upper: int) -> Span | None:
    subject = subject_of(verb, lower, upper)
    speaker = usable_speaker(subject, lex)
    if subject is not None and speaker is None:
        # "In einem Positionspapier heißt es, …": the document named by "in" speaks
        prep = next((t for t in doc[lower:verb.i] if t.lower_ in ("in", "im")), None)
        if prep is not None:
            return np_after(doc, prep.i + 1, verb.i, lex)
        aus = next((t for t in doc[lower:verb.i] if t.lower_ == "aus"), None)
        np = np_after(doc, aus.i + 1, verb.i, lex) if aus is not None else None
        if np is not None:
            return doc[aus.i : np.end]  # "Aus Regierungskreisen hieß es, …"
        return _impersonal_source(doc, verb, upper, lex)
    if speaker is None and subject is None and lex.lang == "en" and doc.has_annotation("DEP"):
        speaker = _governor_subject(doc, sent, verb, lex)
    if speaker is None and verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i:
        # "X beeilte sich, … zu erklären, …": the infinitive's speaker is its governor's subject
        speaker = usable_speaker(subject_of(verb.head, lower, upper), lex)
    if speaker is None:
        # "Aus Militärkreisen verlautete, …": the source is named by "aus"
        aus = next((t for t in doc[lower:verb.i] if t.lower_ == "aus"), None)
        if aus is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            np = np_after(doc, aus.i + 1, verb.i, lex)
            if np is not None:
                return doc[aus.i : np.end]
    if speaker is None:
        speaker = np_before(doc, verb.i, lower, lex, subject=True)
        if speaker is not None and speaker.root.dep_ in _ADVERBIAL_DEPS and not speaker.root.ent_type_:
            speaker = None  # "Ende Januar verkündete der Verband": the front field holds an adverbial
    if speaker is None:
        speaker = _apposed_before(doc, verb, lower, lex)
    if speaker is None:
        speaker = np_after(doc, verb.i + 1, upper, lex, subject=True)
    if speaker is not None and lex.lang == "en" and len(speaker) == 1 and relative_subject(speaker[0]):
        speaker = _speech_noun_owner(speaker[0], lex) or speaker
    if speaker is not None and speaker.end < upper:
        speaker = with_apposition(speaker, upper)
    return speaker


def _speech_noun_owner(pronoun: Token, lex: CueLexicon) -> Span | None:
    """"X made a comment that described …", "Y's statement, which said …": a relative pronoun
    that stands for a speech noun speaks for the noun's owner: its possessor or name compound,
    the subject of the verb it is the object of, or, when that verb is an infinitive, the
    object of the verb it hangs on ("prompted X to make a comment that …")."""
    noun = pronoun.head.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or not (lemma in lex.verbs or lemma in lex.clause_nouns or lemma in lex.source_nouns):
        return None
    owner = _noun_owner(noun)
    if owner is not None or noun.dep_ != "dobj":
        return owner
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON") or relative_subject(subject):
        return None
    return noun.doc[subject.left_edge.i : subject.right_edge.i + 1]


_FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP", "VBD", "VBZ", "VBP", "MD"})


def _verb_second(content: Span) -> bool:
    """A noun phrase then a finite verb: a main clause ("die USA hielten sich …"), even when its
    article was tagged as a relative pronoun (a relative clause ends with its verb)."""
    j = next((t.i for t in content[1:] if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")), content.end)
    return content.start + 1 < j < content.end and content.doc[j].tag_ in _FINITE_TAGS


def _is_clause(content: Span) -> bool:
    """Reported content is a clause: it has a finite verb or an infinitive with "zu" (when the
    pipeline tags them) and is not a relative clause hanging on the speaker ("…, der …")."""
    first = content[0]
    after_comma = content.start > 0 and content.doc[content.start - 1].text == ","
    if after_comma and first.tag_ in ("PRELS", "PRELAT", "WDT") and not _verb_second(content):
        return False
    if not any(t.tag_ for t in content) or first.lower_ in ("dass", "daß", "ob"):
        return True  # a dass/ob clause is one even when the tagger missed its verb ("… darstellen" VVINF)
    return any(t.tag_ in _FINITE_TAGS or t.tag_ in ("VVIZU", "PTKZU", "TO") or t.morph.get("VerbForm") == ["Fin"]
               or _infix_zu(t) for t in content)


def _zu_infinitive(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause from token ``start`` to the next comma (before ``end``) is an
    infinitive with "zu"."""
    for t in doc[start:end]:
        if t.text == ",":
            return False
        if t.tag_ in ("PTKZU", "VVIZU") or _infix_zu(t):
            return True
    return False


def _infix_zu(token: Token) -> bool:
    """A particle verb's infinitive with "zu" inside ("voranzutreiben", "einzumischen") that the
    tagger took for a bare infinitive: a particle of two letters or more, "zu", a stem."""
    k = token.lower_.find("zu", 2)
    return token.tag_ == "VVINF" and k > 0 and len(token.lower_) - k - 2 >= 4


def _report(content: Span | None, verb: Token, lemma: str, speaker: Span | None, pattern: str,
            doc: Doc, sent: Span, lex: CueLexicon, *, need_clause: bool = True, min_words: int = 2) -> Found | None:
    if content is None or word_count(content.text) < min_words or (need_clause and not _is_clause(content)):
        return None
    kind = "indirect"
    content = through_closing_mark(content)
    found = Found((content.start_char, content.end_char), kind, cue=_cue_chars(verb, lemma),
                  speaker=_span_chars(speaker), pattern=pattern)
    # a source phrase elsewhere in the sentence relays the report: "sagte X laut Agentur Y"
    for sp in _source_phrases_in(doc, sent.start, sent.end, lex):
        if sp.source is None or (content.start <= sp.phrase.start and sp.phrase.end <= content.end):
            continue
        if speaker is not None and sp.source.start <= speaker.start < sp.source.end:
            continue
        found.mediator = _span_chars(sp.source)
        break
    return found


# ---------------------------------------------------------------------------- source phrases


def find_source_phrases(doc: Doc, lex: CueLexicon, found: list[Found] | None = None) -> Iterator[Found]:
    """Reported claims with a nominal or prepositional cue: ``Laut X …``, ``X zufolge …``,
    ``nach Angaben von X …``, ``seinen Angaben nach …`` (the possessor is resolved later)."""
    found = found or []
    for sent in sentences(doc):
        if not _outside(found, sent.start_char, sent.end_char):
            continue
        phrases = _source_phrases_in(doc, sent.start, sent.end, lex)
        if not phrases:
            continue
        sp = phrases[0]
        lo, hi = _clause_around(doc, sent, sp.phrase.start, sp.phrase.end, marks=frozenset({";", ":"}))
        before = strip_punct(doc[lo : sp.phrase.start]) if sp.phrase.start > lo else None
        after = strip_punct(doc[sp.phrase.end : hi]) if sp.phrase.end < hi else None
        parts = [p for p in (before, after) if p is not None and word_count(p.text) >= 1]
        if not parts or sum(word_count(p.text) for p in parts) < 3:
            continue
        start, end = parts[0].start_char, parts[-1].end_char
        cue = (sp.cue.start_char, sp.cue.end_char, sp.cue.text.lower())
        # the claim is reported content ("laut X ist …"): indirect, as annotators mark it
        speaker = sp.source
        if speaker is None and sp.cue.text.lower() in lex.source_adverbs:
            speaker = sp.cue  # "Demnach …" stands for the source named before, as a pronoun does
        f = Found((start, end), "indirect", cue=cue, speaker=_span_chars(speaker), pattern="source")
        if len(parts) == 2:
            f.extra["gap"] = (sp.phrase.start_char, sp.phrase.end_char)
        if sp.possessor is not None:
            f.extra["possessor"] = sp.possessor.i
        yield f


def find_relative_sources(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """"…, Berichte, wonach die Armee … angegriffen habe": a relative adverb of report
    (``CueLexicon.relative_sources``) after a noun opens the content; the noun is the source."""
    if not lex.relative_sources:
        return
    for sent in sentences(doc):
        for tok in sent:
            if tok.lower_ not in lex.relative_sources or tok.i - 1 <= sent.start or doc[tok.i - 1].text != ",":
                continue
            if not _outside(found, tok.idx, tok.idx + len(tok.text)):
                continue
            _, hi = _clause_around(doc, sent, tok.i + 1, tok.i + 1)
            content = strip_punct(doc[tok.i + 1 : hi]) if tok.i + 1 < hi else None
            source = np_before(doc, tok.i - 1, sent.start, lex)
            if content is None or word_count(content.text) < 3 or source is None or source[-1].pos_ not in ("NOUN", "PROPN"):
                continue
            yield Found((content.start_char, content.end_char), "indirect", cue=(tok.idx, tok.idx + len(tok.text), tok.lower_),
                        speaker=_span_chars(source), pattern="relative_source")


def find_pointed_reports(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """"Israel startete die Offensive. Das meldet die Zeitung X.": a sentence that opens with a
    demonstrative (``CueLexicon.report_pointers``) right before a cue reports the sentence
    before it; the cue's subject is the speaker."""
    if not lex.report_pointers:
        return
    sents = sentences(doc)
    for before, sent in zip(sents, sents[1:]):
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.i + 1 >= sent.end or doc[first.i + 1].pos_ not in ("VERB", "AUX"):
            continue
        content = strip_punct(before)
        if content is None or word_count(content.text) < 3 or not _outside(found, content.start_char, sent.end_char):
            continue
        frame = _frame_after_pointer(doc, first, sent.end, lex.report_pointers, lex)
        if frame is None or frame.cue is None:
            continue
        yield Found((content.start_char, content.end_char), "indirect", cue=frame.cue, speaker=_span_chars(frame.speaker),
                    mediator=_span_chars(frame.mediator), pattern="pointed")


# ---------------------------------------------------------------------------- colon headlines

def find_transcript_turns(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """The turns of a transcript printed in the article ("TAPPER: …", "Q: …"; see
    :func:`quotegraph.extract.transcripts.transcript_turns`): each is the labelled speaker's
    own words, a direct quote with the label as speaker and the colon as cue (pattern
    "transcript"). A transcript quoted line by line ('"PENCE: …') is a direct quote already:
    the label becomes its frame (``CueLexicon.transcript_turns``)."""
    if not lex.transcript_turns:
        return
    for turn in transcript_turns(doc.text, lex.headline_labels):
        name = doc.char_span(*turn.label, alignment_mode="expand")
        if name is None:
            continue
        cue = (turn.label[1], turn.label[1] + 1, ":")
        quoted = next((f for f in found if f.pattern == "direct" and f.quote[0] == turn.label[0] - 1),
                      None) if turn.quoted else None
        if quoted is not None:
            quoted.quote = (turn.content[0], quoted.quote[1])
            quoted.cue, quoted.speaker, quoted.mediator = cue, _span_chars(name), None
            quoted.pattern = "transcript"
            continue
        yield Found(turn.content, "direct", cue=cue, speaker=_span_chars(name), pattern="transcript")


_LABEL_CHARS = frozenset(".'’-&")


def find_colon_headlines(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """A line that opens with a name and a colon: the headline convention ``Senator X: The
    Plan Is Dead`` and the transcript convention ``PENCE: And that's why …``. The name is the
    source, the colon the cue, the rest of the line the content (``CueLexicon.colon_headlines``).
    A transcript quoted line by line ('"WALLACE: …') gives the quote its speaker. The turns of
    a dialogue are :func:`find_transcript_turns`' already; this finds single labelled lines.

    The name is one to five capitalised words (no digits, no verb first: "11:05 a.m.",
    "Watch: …"), the rest at least three words; editorial labels ("Update:") and the single
    letters of interviews ("Q:", "A:") are left out.
    """
    if not lex.colon_headlines:
        return
    text = doc.text
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        opened = len(line) - len(line.lstrip("\"“‘'"))
        start, line = start + opened, line[opened:]  # a transcript quoted line by line: '"PENCE: …'
        colon = line.find(":")
        if colon <= 0 or colon + 1 >= len(line) or not line[colon + 1].isspace():
            continue
        label = line[:colon].strip()
        words = label.split()
        if not 1 <= len(words) <= 5 or len(label) < 2 or label.lower() in lex.headline_labels:
            continue
        if not all(w[:1].isupper() and all(ch.isalpha() or ch in _LABEL_CHARS for ch in w) for w in words):
            continue
        rest = line[colon + 1 :]
        lead = len(rest) - len(rest.lstrip())
        c_start, c_end = start + colon + 1 + lead, start + len(line.rstrip())
        if word_count(text[c_start:c_end]) < 3:
            continue
        name = doc.char_span(start + line.find(words[0]), start + colon, alignment_mode="contract")
        if name is None or len(name) == 0 or name[0].pos_ in ("VERB", "AUX", "ADV", "INTJ"):
            continue
        quoted = next((f for f in found if f.pattern == "direct" and f.speaker is None
                       and f.quote[0] <= start < f.quote[1]), None) if opened else None
        if quoted is not None:
            # the quote opened before the name: the name and colon are its frame, not its content
            quoted.quote = (c_start, quoted.quote[1])
            quoted.cue, quoted.speaker = (start + colon, start + colon + 1, ":"), _span_chars(name)
            continue
        if not _outside(found, c_start, c_end):
            continue
        yield Found((c_start, c_end), "indirect", cue=(start + colon, start + colon + 1, ":"),
                    speaker=_span_chars(name), pattern="colon_headline")


# ---------------------------------------------------------------------------- continuations

def _is_reportive_modal(token: Token) -> bool:
    """Present-tense "soll"/"sollen" as a finite modal: hearsay ("Er soll geflohen sein")."""
    return token.lower_ in ("soll", "sollen") and token.tag_ in ("VMFIN", "") and token.pos_ in ("AUX", "VERB", "")


def _has_perfect_infinitive(sent: Span) -> bool:
    """"… geflohen sein", "… angegriffen haben": with "soll", hearsay about the past; "soll …
    erreichen" or "soll … überprüft werden" is a plan or an order."""
    return any(t.tag_ in ("VVPP", "VAPP", "VMPP") and t.i + 1 < sent.end
               and sent.doc[t.i + 1].lower_ in ("sein", "haben", "worden")
               for t in sent)


_K2_FOR_K1 = frozenset({"hätten", "würden", "wären", "hätte", "würde", "gäbe", "käme", "könnten", "müssten", "dürften"})


def _reported_mood(token: Token) -> bool:
    """Konjunktiv I, or a Konjunktiv II that reported speech uses where Konjunktiv I would
    look indicative ("sie hätten", "sie würden") — not the II of conditionals ("müsste")."""
    mood = konjunktiv_mood(token)
    return mood == "I" or (mood == "II" and token.lower_ in _K2_FOR_K1)


def find_subjunctive_continuations(doc: Doc, lex: CueLexicon, found: list[Found], *,
                                   broad: bool = False) -> Iterator[Found]:
    """Sentences in reported-speech mood (Konjunktiv I) with no cue of their own, and
    hearsay with "soll … haben/sein".

    In news, such a sentence continues someone's reported speech (free indirect speech): one
    right after a report takes its speaker, and consecutive ones merge into one quote; further
    away (up to a dozen sentences) the speaker is left open rather than guessed. ``broad``:
    one with no report before it in reach is a candidate too (pattern "konjunktiv_far").
    """
    if lex.lang != "de":
        return
    ends = sorted((f for f in found if f.pattern != "embedded"), key=lambda f: f.quote[1])
    sents = sentences(doc)
    text = doc.text
    for k, sent in enumerate(sents):
        if not _outside(found, sent.start_char, sent.end_char):
            continue
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX", "") and _reported_mood(t)]
        reportive = [t for t in sent if _is_reportive_modal(t)] if _has_perfect_infinitive(sent) else []
        if not (verbs or reportive) or any(cue_lemma(t, lex) for t in sent):
            continue
        prev = [f for f in ends if f.quote[1] <= sent.start_char]
        if not prev and not verbs:
            # "Der Täter soll … geflohen sein.": reportive "sollen" marks hearsay on its own
            content = strip_punct(sent)
            if content is not None and word_count(content.text) >= 4:
                f = Found((content.start_char, _with_final_punct(doc, content)), "free_indirect", pattern="sollen")
                ends.append(f)
                yield f
            continue
        last = prev[-1] if prev else None
        far = last is None
        if last is not None:
            gap = text[last.quote[1] : sent.start_char]
            between = [s for s in sents[max(0, k - 3) : k] if s.start_char >= last.quote[1]]
            far = gap.count("\n\n") > 4 or len(between) > 12
        if far and not broad:
            continue
        content = strip_punct(sent)
        if content is None or word_count(content.text) < 3:
            continue
        end = _with_final_punct(doc, content)
        if far:
            # no report in reach: reported mood alone, a candidate for the learned filter
            f = Found((content.start_char, end), "free_indirect", pattern="konjunktiv_far")
            ends.append(f)
            yield f
            continue
        if last.pattern in ("konjunktiv", "konjunktiv_far") and text[last.quote[1] : content.start_char].strip() == "":
            last.quote = (last.quote[0], end)  # the same speaker goes on: one quote over the sentences
            continue
        f = Found((content.start_char, end), "free_indirect", pattern="konjunktiv", inherited=True)
        # the speaker goes on only right after the report; further away it is a guess
        f.speaker = last.speaker if len(between) <= 1 else None
        ends.append(f)
        yield f


def _with_final_punct(doc: Doc, span: Span) -> int:
    """End of ``span`` extended over the sentence-final mark right after it ("… verliehen.")."""
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in (".", "!", "?") and nxt.idx == span.end_char:
        return nxt.idx + 1
    return span.end_char


# ---------------------------------------------------------------------------- speech acts


def find_reported_acts(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """Sentences that report a speech act without quoting it: "Ein Mitarbeiter sprach von
    einem Klima der Gewalt.", "Die Opposition kritisierte den Entwurf scharf."

    The whole sentence is the reported content; its subject is the speaker, the verb the cue.
    A sentence that only points back at a quote ("Das sagte er am Montag.") is left out.
    """
    if not doc.has_annotation("DEP") or not lex.speech_act_sentences:
        return
    for sent in sentences(doc):
        if not _outside(found, sent.start_char, sent.end_char):
            continue
        # "“…?” Trump asked on Monday.": the sentence is the frame of a quote before it
        if any(f.cue is not None and sent.start_char <= f.cue[0] < sent.end_char
               and not f.overlaps(sent.start_char, sent.end_char) for f in found):
            continue
        content = strip_punct(sent)
        if content is None or word_count(content.text) < 5:
            continue
        for tok in sent:
            lemma = cue_lemma(tok, lex)
            if lemma is None or (lemma in lex.weak_verbs and not _act_complement(tok, lex)):
                continue
            if tok.dep_ not in ("ROOT", "root") and tok.head.dep_ not in ("ROOT", "root"):
                continue
            objects = [c for c in tok.children if c.dep_ in ("obj", "dobj", "oa", "ccomp")]
            # "Das sagte er": a pronoun points back at a quote; "Das Auswärtige Amt" is a determiner
            if (any(c.lower_ in _POINTERS for c in objects)
                    or any(t.lower_ in _POINTERS and t.i < tok.i and t.dep_ != "det" for t in sent[:2])):
                break
            if any(c.dep_ in ("auxpass", "nsubjpass", "nsubj:pass", "aux:pass") for c in tok.children):
                break  # "Nothing was said": a passive names no speaker
            speaker = subject_of(tok, sent.start, sent.end)
            if speaker is not None and lemma in lex.weak_verbs:
                # the complement the parser hung on the subject is no part of it ("die Polizei von …")
                cut = next((t.i for t in speaker[1:] if t.i > tok.i and t.lower_ in lex.act_complements and t.pos_ == "ADP"), None)
                speaker = strip_punct(doc[speaker.start : cut]) if cut is not None else speaker
            if speaker is None or not _plausible_speaker(speaker):
                break
            yield Found((content.start_char, _with_final_punct(doc, content)), "reported",
                        cue=_cue_chars(tok, lemma), speaker=_span_chars(speaker), pattern="act")
            break


def find_broad_verb_reports(doc: Doc, lex: CueLexicon, found: list[Found]) -> Iterator[Found]:
    """Candidates for a learned filter (``broad`` only, ``CueLexicon.broad_verb_reports``): any
    verb with a subject and a clause, object or prepositional object after it that no other
    pattern explained — "X endorsed Trump", "X voted for the bill", "X sees Y as Z",
    "X plans to run". Beliefs, intentions and stances count as attributions in PolNeAR; which
    verbs and constructions are worth keeping is for the filter to learn (pattern "broad_verb").

    The complement is the content, the verb the cue, its subject (or its governor's, for
    "tried to rebuke the front-runner") the source. A verb whose infinitive complement has its
    own complement leaves the report to that verb.
    """
    if not doc.has_annotation("DEP") or not lex.broad_verb_reports:
        return
    used = [f.cue for f in found if f.cue is not None]
    for sent in sentences(doc):
        taken: list[Found] = []
        for tok in sent:
            if tok.pos_ != "VERB" or any(a <= tok.idx < b for a, b, _ in used):
                continue
            if not _outside(found + taken, tok.idx, tok.idx + 1):
                continue
            if any(c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > tok.i and broad_complement(c) is not None
                   for c in tok.children):
                continue  # "tried to rebuke the front-runner": "rebuke" reports
            hit = _broad_verb_report(doc, sent, tok, lex)
            if hit is not None and _outside(found + taken, *hit.quote):
                taken.append(hit)
                yield hit


def broad_complement(verb: Token) -> Token | None:
    """The first clause, object or prepositional object after a verb ("endorsed [Trump]",
    "voted for [the bill]", "plans [to run]")."""
    for c in sorted(verb.children, key=lambda c: c.i):
        if c.i < verb.i:
            continue
        if c.dep_ in _OBJECT_DEPS:
            return c
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def _broad_verb_report(doc: Doc, sent: Span, verb: Token, lex: CueLexicon) -> Found | None:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # a passive names no source ("was seen as …")
    comp = broad_complement(verb)
    if comp is None:
        return None
    if comp.pos_ == "PRON" and comp.left_edge.i == comp.right_edge.i:
        return None  # "did it", "thanked them": a bare pronoun is no content
    end = _with_complement(verb, comp)
    content = strip_punct(doc[comp.left_edge.i : end])
    if content is None:
        return None
    speaker = usable_speaker(subject_of(verb, sent.start, verb.i), lex)
    if speaker is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        speaker = usable_speaker(subject_of(verb.head, sent.start, verb.head.i), lex)
    if speaker is None or speaker.root.pos_ not in ("PRON", "PROPN", "NOUN"):
        return None
    return _report(content, verb, verb.lemma_.lower(), speaker, "broad_verb", doc, sent, lex, need_clause=False,
                   min_words=1)


def _act_complement(verb: Token, lex: CueLexicon) -> bool:
    """Whether a weak verb has the complement that makes it a speech act: "bezeichnete den
    Angriff als Verteidigung", "sprach von einem Erfolg", "hält das für unbedenklich"."""
    def opens_complement(phrase: Token) -> bool:
        return phrase.left_edge.lower_ in lex.act_complements and phrase.left_edge.i > verb.i

    # the parser may hang the complement on the subject or object ("spricht die Polizei von …")
    return any(opens_complement(c) or (c.dep_ in _ARGUMENT_DEPS and any(opens_complement(g) for g in c.children))
               for c in verb.children)


_ARGUMENT_DEPS = frozenset({"nsubj", "sb", "obj", "dobj", "oa"})


def _plausible_speaker(span: Span) -> bool:
    """A subject that can speak: not a number phrase ("Zwölf Todesopfer forderte ein Taifun"),
    not an object the parser took for a subject ("Den … Einsatz lehnen … ab")."""
    first = span[0]
    return first.pos_ != "NUM" and first.lower_ not in ("den", "dem", "einem", "einen") and len(span) <= 12


_POINTERS = frozenset({"das", "dies", "dieses", "es", "this", "that", "it", "so"})


def _names_a_title(word: str, lex: CueLexicon) -> bool:
    """"Buch", "Wochenzeitung" (a compound ending in one), "sogenannte": a word that introduces
    a name or title."""
    return word in lex.title_nouns or any(word.endswith(n) for n in lex.title_nouns if len(n) >= 5)


def _names_in_speech(word: Token) -> bool:
    """"what he called “a rigged system”", "which the senator called “a disgrace”": a naming
    verb in a clause of its own (its subject, or a relative pronoun opening the clause before
    it) is someone's speech act, not the name of a thing ("a program called “Safe Streets”")."""
    if word.pos_ != "VERB" or (word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children)):
        return False
    if any(c.dep_ == "nsubj" for c in word.children):
        return True
    for tok in reversed(word.doc[max(word.sent.start, word.i - 12) : word.i]):
        if tok.tag_ in ("WDT", "WP"):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", ":", "(", ")"):
            return False
    return False


def _is_title(doc: Doc, text: str, f: Found, lex: CueLexicon) -> bool:
    """„This Is It“, „Neues Deutschland“, the film "Heat": a name or title in quotation marks."""
    before = doc.char_span(max(0, f.quote[0] - 40), f.quote[0], alignment_mode="contract")
    if before is not None and len(before) and _names_a_title(before[-1].lower_, lex) and not _names_in_speech(before[-1]):
        return True
    inner = text[f.quote[0] + 1 : f.quote[1] - 1]
    words = [w for w in inner.split() if any(ch.isalpha() for ch in w)]
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return True
    # a longer name with short function words inside and no verb: "Union pour un Mouvement
    # Populaire", "2. Deutscher Klimakongress der EnBW AG"
    lower = [w for w in words if not (w[:1].isupper() or w[:1].isdigit())]
    if len(words) < 4 or len(lower) * 3 > len(words) or any(len(w) > 4 for w in lower):
        return False
    span = doc.char_span(f.quote[0], f.quote[1], alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _settle_fragments(found: list[Found], *, nested: bool = True, text: str = "", broad: bool = False) -> list[Found]:
    """Quoted fragments inside sentences ("nannte sie „reine Spekulation“") are speech when
    reported speech surrounds them (they take its speaker and cue) or their own sentence
    names a cue; otherwise a fragment of one or two words is a scare quote or a title.
    With ``nested=False`` a fragment inside reported speech is left to that report's content
    (``CueLexicon.nested_fragments``). ``broad``: keep the other fragments too, as pattern
    "fragment", for a learned filter to judge."""
    out = []
    for f in found:
        if f.pattern != "embedded":
            out.append(f)
            continue
        outer = next((g for g in found if g is not f and g.pattern != "embedded"
                      and g.quote[0] <= f.quote[0] and f.quote[1] <= g.quote[1]), None)
        if outer is None and not nested:
            # the report's content may stop before the fragment's closing marks ('… "a deal."')
            outer = next((g for g in found if g is not f and g.pattern != "embedded"
                          and g.quote[0] <= f.quote[0] < g.quote[1] < f.quote[1]
                          and not any(ch.isalnum() for ch in text[g.quote[1]:f.quote[1]])), None)
        if outer is not None and not nested:
            continue
        if outer is not None:
            f.speaker = f.speaker or outer.speaker
            f.cue = f.cue or outer.cue
            f.mediator = f.mediator or outer.mediator
            out.append(f)
        elif f.cue is not None:
            out.append(f)
        elif broad:
            f.pattern = "fragment"
            out.append(f)
    return out


# ---------------------------------------------------------------------------- all together


def find_attributions(doc: Doc, lex: CueLexicon, *, broad: bool = False) -> list[Found]:
    """All attributions of a Doc, in document order, nested quotes linked to their parent.

    ``broad`` adds candidates the rules alone would drop as too uncertain (quoted fragments
    with no cue: scare quotes or speech; Konjunktiv sentences far from any report); a learned filter after them is expected to judge
    (:mod:`quotegraph.extract.quote_filter`).

    Runs the patterns from the most to the least reliable; each later pattern skips text an
    earlier one explained. Speakers of frameless direct quotes and of continuations are taken
    from the attribution before them (``inherited``); resolution to entities is done by
    :mod:`quotegraph.extract.coref`.
    """
    out: list[Found] = list(find_direct_quotes(doc, lex))
    out += list(find_transcript_turns(doc, lex, out))
    out += list(find_relative_sources(doc, lex, out))
    out += list(find_verb_reports(doc, lex, out))
    out += list(find_source_phrases(doc, lex, out))
    out += list(find_pointed_reports(doc, lex, out))
    out += list(find_colon_headlines(doc, lex, out))
    out += list(find_noun_reports(doc, lex, list(out)))
    out.sort(key=lambda f: f.quote)
    out += list(find_subjunctive_continuations(doc, lex, out, broad=broad))
    out += list(find_reported_acts(doc, lex, out))
    if broad:
        out += list(find_broad_verb_reports(doc, lex, out))
    text = doc.text  # spaCy joins the tokens anew on each access: once per Doc
    out = [f for f in _settle_fragments(out, nested=lex.nested_fragments, text=text, broad=broad)
           if (f.pattern not in ("embedded", "fragment") or not _is_title(doc, text, f, lex))
           and (f.pattern != "nested" or lex.nested_fragments or (f.cue is not None and f.speaker is not None))]
    # a quoted name inside a speaker or source ("laut der Agentur „Nordpress“") is no quote
    roles = [r for f in out for r in (f.speaker, f.mediator) if r is not None]
    out = [f for f in out if f.kind != "direct" or not any(a <= f.quote[0] and f.quote[1] <= b for a, b in roles)]
    out.sort(key=lambda f: (f.quote[0], -f.quote[1]))
    if lex.join_continued_quotes:
        out = _join_continued_quotes(text, out)
    _inherit_speakers(text, out)
    _quoted_objects_speak(doc, out, lex)
    _link_parents(out)
    _share_outer_frames(out)
    return out


def _quoted_objects_speak(doc: Doc, found: list[Found], lex: CueLexicon) -> None:
    """"Die Zeitung zitiert den Minister mit den Worten: „…“": with a quoting verb the object
    said it and the subject relays it (speaker and mediator)."""
    if not lex.quoting_verbs or not doc.has_annotation("DEP"):
        return
    for f in found:
        if f.cue is None or f.cue[2] not in lex.quoting_verbs or f.speaker is None or f.mediator is not None:
            continue
        cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        verb = next((t for t in cue if cue_lemma(t, lex) == f.cue[2]), None) if cue is not None else None
        if verb is None or not any(c.dep_ in SUBJECT_DEPS and f.speaker[0] <= c.idx < f.speaker[1] for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj", "oa") and c.pos_ in ("NOUN", "PROPN", "PRON")
                    and c.lower_ not in _POINTERS and not f.overlaps(c.idx, c.idx + 1)), None)
        span = noun_phrase(doc, obj.left_edge.i, obj.i + 1) if obj is not None else None
        if obj is not None and obj.pos_ == "PRON":
            span = doc[obj.i : obj.i + 1]
        if span is not None:
            f.mediator, f.speaker = f.speaker, _span_chars(with_apposition(span, len(doc)))


def _join_continued_quotes(text: str, found: list[Found]) -> list[Found]:
    """"“A,” he said. “B.”" / "“A,” he said, “B.”" / "A, he said. “B.”": a direct quote that
    goes on right after the frame of the quote or report before it, in the same paragraph,
    with no frame of its own (or the same cue) is one content with it; the joined quote runs
    from A to B (the frame inside).
    A report inside the frame ("…,” he said, noting that … “B.”") stays, nested in the joined
    quote."""
    out: list[Found] = []
    joined: list[Found] = []
    for f in found:
        prev = _quote_before(out, f)
        # a quote the parser put in the frame's own sentence ("embedded") continues it when it
        # shares the cue and opens a sentence or clause ("he said in 2012. “B.”"); a quoted
        # title inside the frame ("said on “Fox and Friends.”") does not
        if (prev is not None
                and (f.pattern == "direct" or (f.pattern == "embedded" and f.cue is not None
                                               and _opens_clause(text, f.quote[0])))
                and prev.cue is not None and prev.quote[1] <= f.quote[0]
                and (f.cue is None or f.cue == prev.cue)
                and (f.speaker is None or f.speaker == prev.speaker)
                and _frame_between(text, prev, f)):
            prev.quote = (prev.quote[0], f.quote[1])
            if prev.kind == "indirect":
                prev.kind = "mixed"  # the paraphrase, then the words themselves
            joined.append(prev)
            continue
        out.append(f)
    # a fragment of the frame now inside the joined quote is part of its content
    return [g for g in out if g.pattern != "embedded"
            or not any(j.cue == g.cue and j.quote[0] <= g.quote[0] and g.quote[1] <= j.quote[1] for j in joined)]


def _opens_clause(text: str, start: int) -> bool:
    """Whether the text before ``start`` ends in a sentence or clause mark."""
    return text[max(0, start - 40) : start].rstrip()[-1:] in (".", "!", "?", ",", ":", ";")


def _quote_before(found: list[Found], f: Found) -> Found | None:
    """The last direct quote of ``found``, or report framed after its content ("…, X said."),
    if all that follows it lies between it and ``f`` (reports inside its frame)."""
    for k in range(len(found) - 1, -1, -1):
        if found[k].pattern in ("direct", "cue_last"):
            end = found[k].quote[1]
            return found[k] if all(end <= g.quote[0] and g.quote[1] <= f.quote[0] for g in found[k + 1:]) else None
    return None


def _frame_between(text: str, prev: Found, f: Found) -> bool:
    """Whether only ``prev``'s frame (its cue, speaker, mediator) stands between the two quotes,
    within one paragraph."""
    lo, hi = prev.quote[1], f.quote[0]
    gap = text[lo:hi]
    if "\n\n" in gap or len(gap) > 200 or prev.cue is None or not (lo <= prev.cue[0] < hi):
        return False
    return any(ch.isalpha() for ch in gap)


_LINE_TEXT = re.compile(r"\S(?:[^\n]*\S)?")  # the words of one line, without the blanks around them


def keep_roles_within_lines(text: str, found: list[Found]) -> None:
    """A speaker or mediator never runs over a line break: of a phrase the parser ran across
    one ("2:00 p.m.\\n\\nBernie Sanders said …"), keep the line nearest the cue (or the quote).
    Run it after the speaker linker, which may choose such a phrase too.

    >>> text = "2:00 p.m.\\n\\nBernie Sanders said taxes would rise."
    >>> f = Found((33, 52), "indirect", cue=(27, 31, "say"), speaker=(0, 26))
    >>> keep_roles_within_lines(text, [f]); text[slice(*f.speaker)]
    'Bernie Sanders'
    """
    for f in found:
        anchor = f.cue[0] if f.cue else f.quote[0]
        for role in ("speaker", "mediator"):
            span = getattr(f, role)
            if span is None or "\n" not in text[span[0]:span[1]]:
                continue
            lines = [(span[0] + m.start(), span[0] + m.end()) for m in _LINE_TEXT.finditer(text[span[0]:span[1]])]
            nearest = min(lines, key=lambda ln: min(abs(anchor - ln[0]), abs(anchor - ln[1])), default=None)
            setattr(f, role, nearest)


def _inherit_speakers(text: str, found: list[Found]) -> None:
    """A direct quote with no frame continues the last speaker of the same or previous paragraph."""
    last: Found | None = None
    for f in found:
        if f.pattern == "nested":
            continue
        if f.speaker is None and f.pattern == "direct" and f.cue is None and last is not None:
            gap = text[last.quote[1] : f.quote[0]]
            if gap.count("\n\n") <= 1 and len(gap) < 600:
                f.speaker = last.speaker
                f.inherited = True
        if f.speaker is not None:
            last = f


def _share_outer_frames(found: list[Found]) -> None:
    """A direct quote inside reported speech whose frame stands outside that report ("X sagte
    der Zeitung, sie hoffe, dass „…“") was said by the report's speaker: it takes the report's
    speaker, cue and mediator. A frame inside the report ("X schreibt, Y habe gesagt: „…“")
    keeps its own."""
    for f in found:
        if f.parent is None or f.kind != "direct":
            continue
        outer = found[f.parent]
        if outer.kind == "direct" or outer.speaker is None or f.speaker == outer.speaker:
            continue
        own = [r for r in (f.speaker, f.cue) if r is not None]
        if own and all(outer.quote[0] <= r[0] < outer.quote[1] for r in own):
            continue
        f.speaker, f.cue, f.mediator = outer.speaker, outer.cue or f.cue, outer.mediator
        f.inherited = outer.inherited


def _link_parents(found: list[Found]) -> None:
    for i, f in enumerate(found):
        for j in range(i - 1, -1, -1):
            g = found[j]
            if g.quote[0] <= f.quote[0] and f.quote[1] <= g.quote[1] and g is not f and g.quote != f.quote:
                f.parent = j
                break

