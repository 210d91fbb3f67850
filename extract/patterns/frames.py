"""The frame beside a quote: which cue, speaker and mediator introduce it, and whether the text after it is its frame."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.attrs import DEP, IS_PUNCT, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from ..doc_tables import annotated, flags, forms, head_list, id_list, id_set, table_of
from ..lexicon import CueLexicon
from ..marks import CLOSING_MARKS
from ..cue_verbs import cue_lemma, cue_tokens
from ..phrases import NAME_LABELS, SUBJECT_DEPS, is_pronoun, np_after, np_before, with_apposition
from ..subjects import subject_of
from ..quotemarks import QuotedSpan
from .clauses import reported_mood
from .complements import is_addressee, takes_addressee
from .found import cue_chars
from .headlines import signature_paragraph
from .source_phrases import source_phrases_in, speakers_own_words
from .speakers import (apposed_before, document_after, gerund_holder, has_expletive, impersonal_source,
                       infinitive_controller, participle_holder, relative_subject, set_off_verb_holder,
                       speech_noun_owner, unnamed_subject_source, usable_speaker)


_SENT_END = ".!?"
_RELATIVE_CLAUSE_DEPS = frozenset({"relcl", "acl:relcl"})


@dataclass(frozen=True)
class Frame:
    cue: tuple[int, int, str] | None
    speaker: Span | None
    mediator: Span | None  # the outermost relay
    possessor: Token | None = None
    relays: tuple[Span, ...] = ()  # the relays inside ``mediator``, from the speaker's side outward

    @property
    def mediators(self) -> tuple[Span, ...]:
        """Every relay, from the speaker's side outward; the last is ``mediator``."""
        return (*self.relays, self.mediator) if self.mediator is not None else ()


def _find_verb_cue(doc: Doc, lower: int, upper: int, lex: CueLexicon, *,
                   main: bool = False) -> tuple[Token, str] | None:
    """The first cue in the tokens [lower, upper); with ``main`` (the frame before a quote), a
    cue right before the closing comma or colon, else a reporting verb before a frame-only one,
    then the one highest in the parse, then the one nearest to ``upper``: the main clause frames
    the quote, not a cue in a clause beside it ("When my mother mentioned it, I laughed and
    said, “…”"; "… defend not paying an architect who said …, saying, “…”")."""
    if table_of(doc) is not None:  # the Doc's reporting verbs are known
        cues = ((t, cue_lemma(t, lex)) for t in map(doc.__getitem__, cue_tokens(doc, lower, upper, lex)))
    else:  # only as far as needed
        cues = ((tok, lemma) for tok in doc[lower:upper] if (lemma := cue_lemma(tok, lex)) is not None)
    if not main:
        first = next(cues, None)
        if first is not None and first[0].dep_ in _RELATIVE_CLAUSE_DEPS:
            # "“…,” one resident, who asked not to be named, told AFP": the relative clause is no frame
            return next((c for c in cues if c[0].dep_ not in _RELATIVE_CLAUSE_DEPS), first)
        return first
    last = upper - 1
    while last > lower and doc[last].is_punct:
        last -= 1
    if last < upper - 1 and (lemma := cue_lemma(doc[last], lex)) is not None:
        return doc[last], lemma  # "…, saying, “…”": the cue right before the quote's comma
    return min(cues, key=lambda c: (c[1] in lex.frame_verbs, parse_depth(c[0]), -c[0].i), default=None)


def parse_depth(token: Token) -> int:
    """How many ancestors a token has in the parse (``len(list(token.ancestors))``), read from
    the Doc's heads while it is read: no Token made per ancestor."""
    doc = token.doc
    if table_of(doc) is None:
        return sum(1 for _ in token.ancestors)
    heads = head_list(doc)
    i, n, limit = token.i, 0, len(heads)
    while heads[i] != i and n < limit:  # a root is its own head; spaCy stops after len(doc) steps too
        i = heads[i]
        n += 1
    return n


def frame_in(doc: Doc, lower: int, upper: int, lex: CueLexicon, *, after_quote: bool) -> Frame | None:
    """Cue, speaker and mediator in the frame tokens [lower, upper) beside a quote."""
    if upper <= lower:
        return None
    sources = source_phrases_in(doc, lower, upper, lex)
    main = not after_quote and lex.parse_rules and annotated(doc, "DEP")
    found = _find_verb_cue(doc, lower, upper, lex, main=main)
    first = (_find_verb_cue(doc, lower, upper, lex) if main else found) if not after_quote else None
    reported = _reported_frame(doc, first[0], lower, upper, lex) if first is not None else None
    if reported is not None:
        return reported
    if found is not None:
        verb, lemma = found
        cut = [sp.phrase for sp in sources]
        speaker = usable_speaker(subject_of(verb, lower, upper, lex), lex)
        if speaker is not None and main and len(speaker) == 1 and relative_subject(speaker[0], lex):
            speaker = speech_noun_owner(speaker[0], lex) or speaker  # "X released a video that said, “…”"
        if speaker is None and main:
            speaker = infinitive_controller(verb, lower, upper, lex)  # "… led Republicans to say, “…”"
        if speaker is None and main:
            speaker = participle_holder(verb, lower, upper, lex)  # "X issued a statement saying, “…”"
        if speaker is None and main:
            speaker = set_off_verb_holder(verb, lower)  # "X, speaking on the radio, called Y “…”"
        if speaker is None and main:
            speaker = gerund_holder(doc[lower:upper], verb, lex)  # "X began by saying, “…”"
        if speaker is None and main and verb.dep_ in ("conj", "advcl", "xcomp"):
            # "I laughed and said, “…”", "Trump was defensive …, saying, “…”", "X was prompted to say, “…”",
            # also over a governor with no subject of its own ("X joked …, but went on to say, “…”")
            speaker = _governing_subject(verb, lower, upper, lex)
        if (speaker is None and lex.verb_second and verb.head.i != verb.i
                and (verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "oc") and verb.tag_ == "VVINF"))):
            # "biss den Fluggast und rief: „…“", "„…“, ließ ein Sprecher wissen": the subject of
            # the verb coordinated before, or of the verb whose infinitive the cue is
            speaker = usable_speaker(subject_of(verb.head, lower, upper, lex), lex)
        if speaker is not None and any(speaker.start < p.end and p.start < speaker.end for p in cut):
            speaker = None
        if speaker is None:
            if after_quote or verb.i == lower or doc[verb.i - 1].is_punct:
                speaker = np_after(doc, verb.i + 1, upper, lex, subject=True)
            if speaker is None:
                speaker = np_before(doc, verb.i, lower, lex, subject=True) or apposed_before(doc, verb, lower, lex)
            if speaker is None and not after_quote:
                speaker = np_after(doc, verb.i + 1, upper, lex, subject=True)
            if speaker is None:
                speaker = impersonal_source(doc, verb, upper, lex)
            if speaker is None and has_expletive(verb, lex):
                speaker = unnamed_subject_source(doc, verb, lower, upper, lex)  # "In einer Erklärung hieß es: „…“"
            if speaker is None and after_quote:
                speaker = document_after(doc, verb, upper, lex)  # "Dies geht aus einer Mitteilung hervor"
        if speaker is not None and any(speaker.start >= p.start and speaker.end <= p.end for p in cut):
            speaker = None
        if speaker is not None and lemma in lex.as_it_verbs and speaker.root.head.i == verb.i and speaker.root.dep_ == "dobj":
            speaker = None  # "As X put it: “…”": the "it" is the words, not who said them
        if speaker is not None and speaker.end < upper:
            speaker = with_apposition(speaker, upper, lex)
        mediator = next((sp.source for sp in sources if sp.source is not None
                         and (speaker is None or not speakers_own_words(sp, lex))), None)
        if speaker is None and mediator is not None:
            speaker, mediator = mediator, None
        return Frame(cue_chars(verb, lemma), speaker, mediator)
    if sources:
        sp = sources[0]
        cue = (sp.cue.start_char, sp.cue.end_char, sp.cue.text.lower())
        return Frame(cue, sp.source, None, sp.possessor)
    # "…“, so X." — a particle cue right after the quote
    if after_quote:
        first = next((t for t in doc[lower:upper] if not t.is_punct), None)
        if first is not None and first.lower_ in lex.source_particles:
            speaker = np_after(doc, first.i + 1, upper, lex, subject=True)
            if speaker is not None:
                return Frame(cue_chars(first, first.lower_), speaker, None)
    return None


def _governing_subject(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """The subject of the verb a cue is coordinated with or hangs on, up the chain of such verbs
    with no subject of their own (three at most)."""
    head = verb
    for _ in range(3):
        if head.dep_ not in ("conj", "advcl", "xcomp") or head.head.i == head.i:
            return None
        head = head.head
        speaker = usable_speaker(subject_of(head, lower, upper, lex), lex)
        if speaker is not None or any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return speaker
    return None


def _reported_frame(doc: Doc, verb: Token, lower: int, upper: int, lex: CueLexicon) -> Frame | None:
    """The frame before a quote when a report holds it: "Die Zeitung berichtet, ein Sprecher
    habe gesagt: „…“", "Reuters reported that the minister had said: "…"". The cue ``verb``
    opens a content clause (after a comma or a complementizer) whose own cue is in reported
    mood, follows the complementizer or is the parser's clausal complement of ``verb``, and
    has a subject of its own: that frame is the quote's, and the reporter relays it, outside
    the frame's own relays. A pronoun subject ("X sagte, er habe gesagt") is most likely the
    reporter again, and a source phrase ("nach Angaben von Y") no speaker here."""
    texts, lowers = forms(doc, ORTH), forms(doc)  # the Doc's forms: no Token made per word
    k = next((j for j in range(verb.i + 1, min(upper, len(doc))) if texts[j] == "," or lowers[j] in lex.complementizers), None)
    if k is None or k + 1 >= upper:
        return None
    opener = doc[k + 1] if doc[k].text == "," else doc[k]
    start = opener.i + (opener.lower_ in lex.complementizers)
    inner = frame_in(doc, start, upper, lex, after_quote=False) if start < upper else None
    if inner is None or inner.cue is None or inner.speaker is None or is_pronoun(inner.speaker[0], lex):
        return None
    cue = doc.char_span(inner.cue[0], inner.cue[1], alignment_mode="expand")
    inner_verb = next((t for t in cue if t.pos_ == "VERB"), None) if cue is not None else None
    if inner_verb is None:
        return None  # a source phrase ("laut X") is no frame of its own here
    subject = subject_of(inner_verb, start, upper, lex)
    if subject is None or not (subject.start < inner.speaker.end and inner.speaker.start < subject.end):
        return None
    if lex.parse_rules:  # where the parser is reliable, it says what the cue governs, up to the quote
        content = inner_verb.dep_ == "ccomp" and inner_verb.head == verb and _governs(inner_verb, doc[upper - 1])
    else:
        content = opener.lower_ in lex.complementizers or any(
            reported_mood(t, lex) for t in (inner_verb, *inner_verb.children) if t.pos_ in ("VERB", "AUX"))
    if not content:
        return None
    outer = frame_in(doc, lower, k, lex, after_quote=False)
    if outer is None or outer.speaker is None:
        return None
    chain = (*inner.mediators, outer.speaker, *outer.mediators)
    return Frame(inner.cue, inner.speaker, chain[-1], inner.possessor, chain[:-1])


def _governs(verb: Token, token: Token) -> bool:
    """Whether ``token`` is in the clause of ``verb``: its head chain reaches ``verb`` without
    passing a coordinated clause ("X says that people are seeking Y, but Obama is giving them")."""
    while token.i != verb.i:
        if token.dep_ == "conj" or token.head.i == token.i:
            return False
        token = token.head
    return True


def _ends_sentence(text: str, i: int, abbreviations: frozenset[str]) -> bool:
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
    return word not in abbreviations


def sentence_bounds(text: str, start: int, end: int, limit_lo: int, limit_hi: int,
                    abbreviations: frozenset[str]) -> tuple[int, int]:
    """Characters of the frame around a quote at [start, end): back to the previous sentence end
    or closing mark, forward to the next sentence end or opening mark (never past a paragraph)."""
    # only a line break, a sentence mark or a closing mark can stop either walk: the walks go
    # from one of them to the next (their places in the text found once per text)
    stops = _stops_in(text)
    lo = start
    k = bisect_left(stops, start) - 1  # the last stop before ``start``: the character at lo - 1
    while lo > limit_lo:
        if k < 0 or stops[k] < limit_lo:
            lo = limit_lo  # no stop left: the walk runs to its limit
            break
        lo = stops[k] + 1
        k -= 1
        ch = text[lo - 1]
        if ch == "\n" and lo - 2 >= 0 and text[lo - 2] == "\n":
            break
        if ch in _SENT_END and lo - 1 > limit_lo and _ends_sentence(text, lo - 1, abbreviations):
            break
        if (ch in CLOSING_MARKS and lo - 2 > limit_lo and text[lo - 2] == "." and lo < len(text) and text[lo].isspace()
                and text[lo + 1 : lo + 2].isupper()):
            break  # 'he is “unpredictable.” Yet …': a full stop inside the closing mark ends the sentence
        lo -= 1
    hi = end
    k = bisect_left(stops, end)
    while hi < limit_hi:
        if k >= len(stops) or stops[k] >= limit_hi:
            hi = limit_hi
            break
        hi = stops[k]
        k += 1
        ch = text[hi]
        if ch == "\n" and hi + 1 < len(text) and text[hi + 1] == "\n":
            break
        if ch in _SENT_END and _ends_sentence(text, hi, abbreviations):
            hi += 1
            break
        hi += 1
    return lo, hi


#: the text whose stops were found last, and their places (one tuple, swapped whole)
_STOPS: tuple[str | None, list[int]] = (None, [])
_STOP_CHARS = re.compile("[" + re.escape("\n" + _SENT_END + CLOSING_MARKS) + "]")


def _stops_in(text: str) -> list[int]:
    """The places of the characters that can stop :func:`sentence_bounds`' walks, in order; kept
    for the text asked last (the quotes of one Doc are framed one after another)."""
    global _STOPS
    last = _STOPS
    if last[0] is not text:
        last = _STOPS = (text, [m.start() for m in _STOP_CHARS.finditer(text)])
    return last[1]


def pointing_frame(doc: Doc, text: str, close_at: int, lex: CueLexicon) -> Frame | None:
    """"„…“ Das sagte X am Montag.": the next sentence points back at the quote with a
    demonstrative and names its speaker. ``text`` is ``doc.text`` (spaCy rebuilds it on each access)."""
    rest = doc.char_span(close_at, min(len(text), close_at + 300), alignment_mode="contract")
    if rest is None:
        return None
    first = next((t for t in rest if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in lex.pointers or not first.text[:1].isupper():
        return None  # no pointer, no frame (frame_after_pointer): the sentence's end is not looked for
    end = next((t.i for t in doc[first.i + 1 :] if t.text in (".", "!", "?", "„", "“")), len(doc))
    return frame_after_pointer(doc, first, end, lex.pointers, lex)


def frame_after_pointer(doc: Doc, first: Token, end: int, pointers: frozenset[str], lex: CueLexicon) -> Frame | None:
    """The frame of a sentence that opens with a capitalised demonstrative (one of ``pointers``)
    right before a cue and ends before token ``end``: "Das sagte X am Montag."."""
    if first.lower_ not in pointers or not first.text[:1].isupper():
        return None
    if first.i + 1 < end and cue_lemma(doc[first.i + 1], lex) is not None:
        return _with_adjectives_after_cue(frame_in(doc, first.i + 1, end, lex, after_quote=True), doc[first.i + 1])
    if first.i + 1 < end and doc[first.i + 1].tag_ in ("VMFIN", "VAFIN"):
        # "Das musste X einräumen.", "Das hat X gesagt.": the cue closes the clause
        last = next((t for t in reversed(doc[first.i + 2 : end]) if t.pos_ in ("VERB", "AUX")), None)
        if last is not None and last.tag_ in ("VVINF", "VVPP") and cue_lemma(last, lex) is not None:
            return frame_in(doc, first.i + 1, end, lex, after_quote=True)
    return None


def _with_adjectives_after_cue(frame: Frame | None, cue: Token) -> Frame | None:
    """The frame with the attributive adjectives between the cue and its speaker's noun in the
    speaker: a phrase with no article, which its noun does not open ("Das berichteten arabische
    Medien", where the tagger read the cue as an adjective too and the parser hung it on the noun)."""
    if frame is None or frame.speaker is None:
        return frame
    doc, start = cue.doc, frame.speaker.start
    k = start
    while k - 1 > cue.i and doc[k - 1].pos_ == "ADJ" and doc[k - 1].tag_ != "ADJD":
        k -= 1
    if k == start or k != cue.i + 1:
        return frame
    return replace(frame, speaker=doc[k : frame.speaker.end])


_SIGNATURE_DASHES = "―—–"


def signature_frame(doc: Doc, text: str, close_at: int) -> Frame | None:
    """"“…” ― Jacklyn Ashley": a dash and a name after a quote, up to a comma or the line end,
    sign it, as epigraphs and collected reader voices do; the dash is the cue. The name is one
    to five capitalised words without digits. Read from the text: the tokenizer may join the
    dash to the closing mark ("”―")."""
    end = text.find("\n", close_at)
    line = text[close_at : len(text) if end < 0 else end]
    body = line.lstrip(" \u00a0\t")
    close_at, line, body = signature_paragraph(text, close_at, end) or (close_at, line, body)  # "”\n\n- Ann Lee."
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
    return Frame((dash, dash + 1, text[dash]), span, None)


def colon_verb_frame(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> Frame | None:
    """"Limbaugh continued: “…”": any verb with a subject right before the colon that opens a
    quote introduces it (English)."""
    last = doc[upper - 1]
    if last.text != ":" or upper - 2 < lower or not annotated(doc, "DEP"):
        return None
    verb = doc[upper - 2]
    while verb.i > lower and verb.pos_ == "ADV":
        verb = doc[verb.i - 1]
    if verb.pos_ != "VERB":
        return None
    speaker = usable_speaker(subject_of(verb, lower, verb.i, lex), lex)
    if speaker is None:
        return None
    return Frame(cue_chars(verb, verb.lemma_.lower()), speaker, None)


def verbless_colon_frame(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> Frame | None:
    """"Erkki Tuomioja, Präsident des Rats: „…“", "Ein Hauptkommissar nach der Festnahme:
    „…“": a frame with no verb, a noun phrase that can speak (with its apposition and
    adverbials) before the colon that opens the quote. The colon is the cue."""
    if upper - 1 <= lower or doc[upper - 1].text != ":":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[lower : upper - 1]):
        return None
    first = next((t.i for t in doc[lower : upper - 1] if not t.is_punct and not t.is_space), None)
    if first is None:
        return None
    speaker = np_after(doc, first, upper - 1, lex, subject=True)
    if speaker is None or speaker.start != first or usable_speaker(speaker, lex) is None:
        return None
    if not (any(t.ent_type_ in NAME_LABELS for t in speaker) or speaker[0].pos_ in ("DET", "PROPN")
            or speaker[0].lower_ in lex.possessives or (len(speaker) > 1 and _is_title(speaker[0], lex))):
        return None  # a label ("Fazit:", "Update:") names no one; a title before a word does ("BKA-Präsident X:")
    speaker = with_apposition(speaker, upper - 1, lex)
    return Frame(cue_chars(doc[upper - 1], ":"), speaker, None)


def _is_title(word: Token, lex: CueLexicon) -> bool:
    """A title, or a compound ending in one ("Präsident", "BKA-Präsident")."""
    return word.text in lex.titles or word.text.rpartition("-")[2] in lex.titles


def colon_clause_frame(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> Frame | None:
    """"Hier sparte der Präsident nicht mit Kritik: „…“": the main verb of the clause right
    before the colon that opens a quote, whatever the verb, frames it when it has a subject
    that can speak (German, where the verb stands second and not before the colon; English
    when no verb stands right before it: "The board was firm in its ruling: “…”")."""
    if upper - 1 <= lower or doc[upper - 1].text != ":" or not annotated(doc, "DEP"):
        return None
    verbs = [t for t in doc[lower : upper - 1] if t.pos_ in ("VERB", "AUX")
             and (t.head.i == t.i or not lower <= t.head.i < upper - 1)]
    for verb in reversed(verbs):
        speaker = usable_speaker(subject_of(verb, lower, upper - 1, lex), lex)
        if speaker is not None:
            return Frame(cue_chars(verb, verb.lemma_.lower()), speaker, None)
    return None


def colon_frame(doc: Doc, text: str, open_at: int, lower: int, lex: CueLexicon) -> Frame | None:
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
    lo, _ = sentence_bounds(text, k - 1, k, lower, k, lex.abbreviations)
    frame_span = doc.char_span(lo, k - 1, alignment_mode="contract")
    if frame_span is None or len(frame_span) == 0:
        return None
    # right before the quote, as "She continued: “…”" in one paragraph: frame-only verbs too
    frame = frame_in(doc, frame_span.start, frame_span.end, with_frame_verbs(lex), after_quote=False)
    if (frame is None or frame.cue is None) and lex.parse_rules:
        frame = colon_verb_frame(doc, frame_span.start, colon.end, lex)
    if (frame is None or frame.cue is None) and lex.colon_clause_frames:
        frame = colon_clause_frame(doc, frame_span.start, colon.end, lex)
    return frame if frame is not None and frame.cue is not None and frame.speaker is not None else None


def _last_char(q: QuotedSpan) -> str:
    """The quote's last character before the closing marks of a quote nested at its end
    ('“… the labels of ‘criminal,’”' ends in a comma)."""
    return q.text.rstrip().rstrip(CLOSING_MARKS)[-1:]


def attaches_after(text: str, q: QuotedSpan, close_at: int, first: Token, upper: int, lex: CueLexicon) -> bool:
    """Whether the text after a quote, from token ``first`` up to token ``upper``, is its frame:
    ``„…“, sagte X`` / ``„…?“ fragte X`` / ``„…“ so X`` — not a new sentence that merely
    follows it."""
    rest = text[close_at:close_at + 3].lstrip()
    if rest.startswith((",", "–", "—", "―", "-")):
        return True
    if first.lower_ in lex.source_particles or first.lower_ in lex.as_particles:
        return True
    last = _last_char(q)
    if last in ",–-":
        return True  # English keeps the frame's comma inside the marks
    ends_open = last in "!?" or last not in "."
    # "„…?“ fragte er": the frame starts with its cue (not just any lower-case word)
    if not ends_open:
        return lex.subject_first_frames and _subject_then_cue(first, upper, lex, closed=True)
    if cue_lemma(first, lex) is not None:
        return True
    # English puts the subject first ("“…?” Trump asked"); German inverts after a quote, so there
    # a subject first opens a sentence of its own („…?“ Die Ministerin sagte, …)
    return lex.subject_first_frames and _subject_then_cue(first, upper, lex)


def _subject_then_cue(first: Token, upper: int, lex: CueLexicon, *, closed: bool = False) -> bool:
    """"“…?” Trump asked." / "“…!” the crowd shouted.": after a quote that does not close with
    a full stop, a sentence whose subject comes first and whose cue reports nothing of its own
    (no clause after it, before token ``upper``: a clause inside the next quote is that quote's)
    is the quote's frame, not a new statement. After one that does (``closed``: "“… spring.”
    Smith said."), only a sentence of the subject and cue, with a time or place, ending in its
    full stop before the next quote ("He added, “…”" frames that one)."""
    for tok in first.doc[first.i : first.i + 8]:
        if tok.is_sent_start and tok.i > first.i:
            return False
        if cue_lemma(tok, lex) is None or tok.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.left_edge.i != first.i or subject.i > tok.i:
            return False
        # the parser may hang the quote itself on the cue as its clause: only one after it counts
        if any(tok.i < c.i < upper and (c.dep_ in ("ccomp", "xcomp", "oc") or _prepositional_clause(c)) for c in tok.children):
            return False
        end = min(tok.sent.end, upper)
        words = [t for t in first.doc[tok.i + 1 : end] if not t.is_space]
        return not closed or (all(t.is_space for t in first.doc[end : tok.sent.end]) and bool(words)
                              and words[-1].text == "." and all(t.dep_ in _BARE_FRAME_DEPS for t in words))
    return False


#: what a sentence that is only a frame holds after its cue: when, where, how ("said on Monday")
_BARE_FRAME_DEPS = frozenset({"npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "nummod", "punct"})


def _prepositional_clause(token: Token) -> bool:
    """A preposition whose object is a clause, on the cue or on its object: "accused Holt *of
    being* a Democrat", "warned *against cutting* taxes"; what such a cue reports comes after
    it, not from the quote."""
    if token.dep_ in ("dobj", "obj"):
        return any(_prepositional_clause(c) for c in token.children)
    return token.dep_ == "prep" and any(c.dep_ == "pcomp" for c in token.children)


_MARKS = frozenset({"mark", "cp"})  # how a complementizer hangs on its clause (UD, TIGER)


def inside_clause_before(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> bool:
    """Whether a quote opening at token ``upper`` continues a subordinate clause begun before
    it: 'Flynn said Trump was right when he said that under Obama, “the generals …”', 'X
    acknowledged that there are "some people" who feel that way, "but not many."'. A comma
    before the mark then belongs to the clause; the quote is a fragment of it, not framed."""
    last = doc[upper - 2] if upper - 2 >= lower and doc[upper - 1].text == ":" else None
    cue = None
    if last is not None and cue_lemma(last, lex) is not None:
        cue = last
    elif last is not None and (lemma := cue_lemma(last.head, lex)) is not None and takes_addressee(lemma, lex) \
            and is_addressee(last, lex):
        cue = last.head
    if cue is not None and lower <= cue.head.i and cue.dep_ == "ccomp" and cue_lemma(cue.head, lex) is not None:
        # "Reuters reported that the minister had said / told reporters: “…”": the clause
        # reported ends in the quote's own frame (:func:`_reported_frame`)
        return False
    first = next((t for t in doc[upper:upper + 4] if not t.is_punct and not t.is_space), None)
    # the labels and forms read from the Doc's arrays: a Token only for a complementizer
    deps, lowers, marks = id_list(doc, DEP), forms(doc, LOWER), id_set(_MARKS, doc.vocab.strings)
    return any(deps[k] in marks and lowers[k] in lex.complementizers
               and ((t := doc[k]).head.i >= upper or (first is not None and t.head.is_ancestor(first)))
               for k in range(len(doc))[lower:upper])


def sets_off_frame(doc: Doc, text: str, q: QuotedSpan, close_at: int, post: tuple[int, int],
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
    if not lex.comma_inside_marks:
        return mark in (",", "–", "—", "-")
    if mark == ",":
        return True
    if mark not in ("–", "—", "-") and _last_char(q) != ",":
        return False
    punct = flags(doc, IS_PUNCT)
    first = next((doc[k] for k in range(max(post[0], 0), min(post[1], len(doc))) if not punct[k]), None)
    if first is None:
        return False
    # a present participle ("…," adding that …) opens a clause of the sentence's own speaker,
    # not a frame of the quote: "X stressed that "…," adding …" is X's report around a fragment
    cue_first = cue_lemma(first, lex) is not None and first.pos_ in ("VERB", "AUX") and not _present_participle(first)
    if (cue_first and not any(c.dep_ in SUBJECT_DEPS for c in first.children)
            and any(c.dep_ == "dobj" and c.i > first.i for c in first.children)
            and any(c.dep_ == "conj" and c.pos_ == "VERB" for c in first.children)):
        # 'X summed up Y as "terrible," denounced her record and said …': a verb with an object
        # of its own, no subject and another verb after it goes on listing the sentence's own
        # acts, no frame ('"…," reported the agency.': the parser's object is the inverted subject)
        cue_first = False
    return cue_first or _subject_then_cue(first, post[1], lex)


def _present_participle(token: Token) -> bool:
    """Whether a verb is a present participle or gerund ("adding", "noting"), by its morphology."""
    form = token.morph.get("VerbForm")
    return "Ger" in form or ("Part" in form and "Pres" in token.morph.get("Tense"))


def with_frame_verbs(lex: CueLexicon) -> CueLexicon:
    """The lexicon for the frame right beside a direct quote: its verbs and the frame-only ones.
    Kept per lexicon, looked up by id: hashing a lexicon costs more than the rest of a quote's frame."""
    entry = _WITH_FRAME_VERBS.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _WITH_FRAME_VERBS[id(lex)] = (lex, _with_frame_verbs(lex))
    return entry[1]


@lru_cache(maxsize=8)
def _with_frame_verbs(lex: CueLexicon) -> CueLexicon:
    return replace(lex, verbs=lex.verbs | lex.frame_verbs) if lex.frame_verbs else lex


#: id(lexicon) → (the lexicon, :func:`with_frame_verbs` of it); the lexicon is held so its id is not reused
_WITH_FRAME_VERBS: dict[int, tuple[CueLexicon, CueLexicon]] = {}
