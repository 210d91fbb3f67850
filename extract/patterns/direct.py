"""Direct quotes: text in quotation marks with its frame, mixed quotes and quoted fragments."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..doc_offsets import char_span_bounds, span_of
from ..doc_tables import tokens_with
from ..lexicon import CueLexicon
from ..marks import CLOSING_MARKS, OPENING_MARKS
from ..phrases import NAME_LABELS, SUBJECT_DEPS, doc_text, strip_punct
from ..quotemarks import QuotedSpan, find_quoted, has_words, word_count
from ..cue_verbs import cue_lemma
from .found import Found, Pattern, cue_chars, span_chars
from .phrasal_frames import phrasal_frame
from .frames import Frame, attaches_after, colon_clause_frame, colon_frame, colon_verb_frame, frame_in, inside_clause_before, pointing_frame, sentence_bounds, sets_off_frame, signature_frame, verbless_colon_frame, with_frame_verbs


_MIN_QUOTE_WORDS = 3


def _is_speech(q: QuotedSpan, text: str) -> bool:
    """Whether a quoted span can be speech on its own: three words or more, or a complete
    short utterance („Nein.“). Shorter ones are kept only inside reported speech (see
    :func:`settle_fragments`): alone they are scare quotes, titles or names."""
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
    text = doc_text(doc)
    quoted = [q for q in find_quoted(text, max_depth=1) if has_words(q.text, 1)
              and (lex.apostrophe_quotes or q.depth > 0 or q.open_mark not in ("'", "''"))]
    speech = [_is_speech(q, text) for q in quoted]
    tops = sorted((q for q in quoted if q.depth == 0), key=lambda q: q.start)
    top_starts = [q.start for q in tops]
    siblings: dict[tuple[int, int, int], _Siblings] = {}  # (depth, container) → the speech quotes in it
    for q, is_speech in zip(quoted, speech):
        container = (0, len(text))
        if q.depth > 0:
            # quotes of one depth do not overlap: the one that can hold q starts last before it
            k = bisect_right(top_starts, q.start) - 1
            if k < 0 or q.end > tops[k].end:
                continue
            container = (tops[k].start, tops[k].end)
        key = (q.depth, *container)
        if key not in siblings:
            siblings[key] = _Siblings([t for t, s in zip(quoted, speech) if s and t.depth == q.depth
                                       and container[0] <= t.start and t.end <= container[1]])
        found = _direct_quote(doc, text, q, *siblings[key].around(q, container), lex)
        # a short quote is speech when it stands alone in its own frame („Nein“, sagte er.)
        framed = found.pattern == Pattern.DIRECT and found.kind == "direct" and found.cue is not None and found.speaker is not None
        if not is_speech and not framed:
            if _names_only(doc, q):
                continue  # "sagte dem „Spiegel“": marks around a name set it off, nobody said it
            found.pattern = Pattern.EMBEDDED
        yield found


def _reports_on(doc: Doc, cue: tuple[int, int], frame_rng: tuple[int, int]) -> bool:
    """Whether a comma follows the cue (its characters) inside the frame's tokens, words after
    it: the cue reports a clause of its own ("…, X sagte, das Flugzeug sei …")."""
    after = [t for t in doc[frame_rng[0] : frame_rng[1]] if t.idx >= cue[1]]
    return any(t.text == "," and any(not u.is_punct for u in after[k + 1 :]) for k, t in enumerate(after))


def _names_only(doc: Doc, q: QuotedSpan) -> bool:
    """Whether every word inside the marks is in the name of a person, organisation or place
    (not MISC: the NER tags a quoted noun so, „Militärputsch“)."""
    inside = char_span_bounds(doc, q.start, q.end, "contract")
    if inside is None:
        return False
    words = [t for t in doc[inside[0] : inside[1]] if not t.is_punct]
    return bool(words) and all(t.ent_type_ in _NAMED_LABELS for t in words)


def _name_after_noun(doc: Doc, q: QuotedSpan, pre_rng: tuple[int, int]) -> bool:
    """Whether a quote of a few words, the first capitalised and none a verb, follows a noun."""
    if pre_rng[1] <= pre_rng[0] or doc[pre_rng[1] - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    if not q.text[:1].isupper() or word_count(q.text) > _MAX_NAME_WORDS:
        return False
    inside = char_span_bounds(doc, q.start, q.end, "contract")
    return inside is not None and not _has_verb(doc, inside[0], inside)


def _tail_before_frame(doc: Doc, text: str, close_at: int, post_rng: tuple[int, int], lex: CueLexicon):
    """The frame after words that follow a closing mark up to a comma ('"…" about the
    decision, said X', '„…“ mit dem Ergebnis, sagte X') and where the quote then ends (the
    comma's character): a frame opening right after that comma, its cue among its first four
    words and nothing reported after it; None when the words run on past a sentence mark."""
    if not text[close_at : close_at + 1].isspace():
        return None
    first = post_rng[0]
    if doc[first].is_punct or not doc[first].text[:1].islower():
        return None
    comma = next((t.i for t in doc[first : min(post_rng[1], first + _MAX_TAIL_WORDS)] if t.text == ","), None)
    if comma is None or comma + 1 >= post_rng[1] or any(t.text in _TAIL_STOPS for t in doc[first:comma]):
        return None
    frame = frame_in(doc, comma + 1, post_rng[1], lex, after_quote=True)
    if frame is None or frame.cue is None or frame.speaker is None:
        return None
    cue = char_span_bounds(doc, frame.cue[0], frame.cue[1], "contract")
    if cue is None or cue[0] - comma > 4 or any(t.text == "," and not t.is_sent_end for t in doc[cue[1] : post_rng[1]] if t.i > cue[0] + 6):
        return None
    return frame, doc[comma].idx


_MAX_TAIL_WORDS = 12  # words between a closing mark and the frame's comma, at most
#: what ends the words after a closing mark before any frame: a clause mark, another quote
_TAIL_STOPS = frozenset({";", ":"}) | (frozenset(OPENING_MARKS + CLOSING_MARKS) - {"'", "‘", "’"})
_COMMA = frozenset({","})


def _own_clause_frame(doc: Doc, pre_rng: tuple[int, int], lex: CueLexicon):
    """The frame in the clause a fragment stands in, after the last comma before it, when that
    clause has an indicative cue with a speaker (a cue in reported mood is the content of the
    report around it: "X sagte, Y bezeichne das als „…“" stays X's)."""
    if not lex.verb_second:
        return None
    commas = tokens_with(doc, _COMMA, pre_rng[0], pre_rng[1], attr=ORTH)  # from the Doc's array: no Token per word
    if not commas:
        return None
    comma = commas[-1]
    frame = frame_in(doc, comma + 1, pre_rng[1], lex, after_quote=False)
    if frame is None or frame.cue is None or frame.speaker is None:
        return None
    cue = char_span_bounds(doc, frame.cue[0], frame.cue[1], "contract")
    if cue is None or any("Sub" in t.morph.get("Mood") for t in doc[cue[0] : cue[1]]):
        return None
    # a verb whose own subject stands between the comma and it: a main clause of its own
    verb = doc[cue[0]]
    if not any(c.dep_ in SUBJECT_DEPS and comma < c.i < verb.i for c in verb.children):
        return None
    return frame


def _governing_cue_frame(doc: Doc, quote: tuple[int, int], frame: Frame, lex: CueLexicon) -> Frame | None:
    """The frame with the reporting verb a fragment hangs on in the parse, when that verb is
    coordinated with the frame's cue and shares its subject ("Datenschützer äußerten Bedenken
    und warfen der Regierung „Wortbruch“ vor": the cue is "warfen … vor")."""
    cue_at = char_span_bounds(doc, frame.cue[0], frame.cue[1], "contract")
    span = char_span_bounds(doc, *quote, "expand")
    if cue_at is None or span is None:
        return None
    verb = span_of(doc, span[0], span[1]).root.head
    for _ in range(3):  # up through the noun or preposition the fragment belongs to
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    lemma = cue_lemma(verb, lex)
    if verb.dep_ != "conj" or verb.head.i != cue_at[0] or lemma is None or span[0] <= verb.i < span[1]:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children if c.i < verb.i):
        return None  # a subject of its own before it: not the first verb's
    return Frame(cue_chars(verb, lemma), frame.speaker, None)


def _subject_first(doc: Doc, frame_rng: tuple[int, int], lex: CueLexicon) -> bool:
    """Whether the words after a quote open with a noun phrase rather than with a verb or a
    particle ("so", "wie"): the first word is a noun, a name or an article."""
    first = next((t for t in doc[frame_rng[0] : frame_rng[1]] if not t.is_punct and not t.is_space), None)
    return (first is not None and first.pos_ in ("NOUN", "PROPN", "DET")
            and first.lower_ not in lex.source_particles and first.lower_ not in lex.as_particles)


def _clause_goes_on(doc: Doc, text: str, q: QuotedSpan, post_rng: tuple[int, int]) -> bool:
    """Whether the words right after the closing mark go on with the quote's clause, a verb
    among them before the next punctuation („…“ dürfe es nicht geben, „…“ zu missbrauchen);
    a quote that ends a sentence inside its marks ends its clause there."""
    if post_rng[1] <= post_rng[0] or text[q.start:q.end].rstrip()[-1:] in ".!?":
        return False
    for t in doc[post_rng[0] : post_rng[1]]:
        if t.is_punct:
            return False
        if t.pos_ in ("VERB", "AUX") or t.tag_ == "PTKZU":
            return True
    return False


def _has_verb(doc: Doc, start: int, bounds: tuple[int, int] | None) -> bool:
    """Whether the tokens from ``start`` to the end of ``bounds`` hold a verb or an auxiliary."""
    if bounds is None:
        return True  # no tokens to judge by: leave the frame
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start : bounds[1]])


_MAX_NAME_WORDS = 4  # "Ärzte ohne Grenzen", "Polizei von Jena"
_NAMED_LABELS = NAME_LABELS | {"LOC", "GPE"}  # people, bodies and places


class _Siblings:
    """The speech quotes of one depth in one container, for the bounds of a quote's frame."""

    def __init__(self, quotes: list[QuotedSpan]):
        self.quotes = sorted(quotes, key=lambda t: t.start)
        self.ends = [t.end for t in self.quotes]
        self.starts = [t.start for t in self.quotes]

    def around(self, q: QuotedSpan, container: tuple[int, int]) -> tuple[int, int]:
        """Where the sibling before ``q`` closes and the one after it opens (else the
        container's bounds): a quote's frame lies between them. Siblings do not overlap, so
        the nearest ones are the last ending before it and the first starting after it."""
        open_at = q.start - len(q.open_mark)
        close_at = q.end + len(q.close_mark)
        k = bisect_right(self.ends, open_at) - 1
        prev_close = self.quotes[k].end + len(self.quotes[k].close_mark) if k >= 0 else container[0]
        k = bisect_left(self.starts, close_at)
        next_open = self.quotes[k].start - len(self.quotes[k].open_mark) if k < len(self.quotes) else container[1]
        return prev_close, next_open


def _after_inner_colon(doc: Doc, rng: tuple[int, int]) -> tuple[int, int] | None:
    """The tokens of a frame after a colon inside it (the frame ends with a colon of its own),
    or None when there is none: "… scharf: | So sagte Y:"."""
    last = rng[1] - 1
    while last > rng[0] and doc[last].is_space:
        last -= 1
    inner = next((t.i for t in reversed(doc[rng[0] : last]) if t.text == ":"), None)
    return (inner + 1, rng[1]) if inner is not None and inner + 1 < last else None


def _direct_quote(doc: Doc, text: str, q: QuotedSpan, prev_close: int, next_open: int, lex: CueLexicon) -> Found:
    open_at = q.start - len(q.open_mark)
    close_at = q.end + len(q.close_mark)
    lo, hi = sentence_bounds(text, open_at, close_at, prev_close, next_open, lex.abbreviations)
    pre_rng = char_span_bounds(doc, lo, open_at, "contract") or (0, 0)
    post_rng = char_span_bounds(doc, close_at, hi, "contract") or (0, 0)
    frame = None
    after_lex = with_frame_verbs(lex)
    if post_rng[1] > post_rng[0] and attaches_after(text, q, close_at, doc[post_rng[0]], post_rng[1], after_lex):
        frame = frame_in(doc, *post_rng, after_lex, after_quote=True)
        if frame is None or frame.cue is None:
            frame = phrasal_frame(doc, *post_rng, lex) or frame
        if frame is not None and frame.cue is not None and lex.verb_second and _subject_first(doc, post_rng, lex):
            # German inverts after a quote („…“, sagte X): a phrase before the verb opens a
            # sentence of its own („überzogen“, Trainer X bezeichnete … als „…“)
            frame = None
    pre_text = text[lo:open_at].strip()
    # "She continued, “…”" / "The statement read: “…”": right before the quote, frame-only verbs too
    pre_lex = after_lex if pre_text[-1:] in (",", ":") else lex
    pre_frame = None
    inner = _after_inner_colon(doc, pre_rng) if pre_text.endswith(":") else None
    if inner is not None:
        # "… kritisierte X scharf: So sagte Y: „…“": the clause after the earlier colon frames the quote
        pre_frame = frame_in(doc, *inner, pre_lex, after_quote=False)
        pre_frame = pre_frame if pre_frame is not None and pre_frame.cue is not None else None
    if pre_frame is None and pre_rng[1] > pre_rng[0]:
        pre_frame = frame_in(doc, *pre_rng, pre_lex, after_quote=False)
    if (pre_frame is None or pre_frame.cue is None) and lex.parse_rules and pre_rng[1] > pre_rng[0]:
        pre_frame = colon_verb_frame(doc, *pre_rng, lex) or pre_frame
    if (pre_frame is None or pre_frame.cue is None) and lex.colon_clause_frames and pre_rng[1] > pre_rng[0]:
        pre_frame = colon_clause_frame(doc, *pre_rng, lex) or pre_frame
    if (pre_frame is None or pre_frame.cue is None) and lex.colon_clause_frames and pre_text.endswith(":") and pre_rng[1] > pre_rng[0]:
        pre_frame = verbless_colon_frame(doc, *pre_rng, lex) or pre_frame
    # the quote, marks included (as annotators mark it)
    start, end = open_at, close_at
    if not q.close_mark:
        end = q.end
    end_at = None
    pattern = Pattern.DIRECT if q.depth == 0 else Pattern.NESTED
    embedded = bool(pre_text) and pre_text[-1] not in ":,–—-(" and has_words(pre_text, 1)
    if not embedded and pre_rng[1] > pre_rng[0]:
        embedded = inside_clause_before(doc, *pre_rng, lex)
    set_off = post_rng[1] > post_rng[0] and sets_off_frame(doc, text, q, close_at, post_rng, after_lex)
    if not embedded and frame is None and q.closed and q.depth == 0 and post_rng[1] > post_rng[0]:
        # '"We stay" about the decision, he said.': words after the closing mark run on to the
        # comma before the frame; the quote is mixed and ends there
        tail = _tail_before_frame(doc, text, close_at, post_rng, after_lex)
        if tail is not None:
            frame, end_at = tail
    if (not embedded and frame is None and lex.verb_second and pre_text[-1:] == "," and q.closed
            and _clause_goes_on(doc, text, q, post_rng)):
        # "Er sagte, „No-Go-Areas“ dürfe es nicht geben": the quote opens the reported clause,
        # whose verb follows it; the clause is the report (reports.py), the quote its fragment
        embedded = True
    if embedded and frame is not None and frame.cue is not None and not set_off:
        frame = None
    if (embedded and frame is not None and frame.cue is not None and _reports_on(doc, frame.cue, post_rng)
            and not _has_verb(doc, pre_rng[0], char_span_bounds(doc, lo, close_at, "contract"))):
        # "Ein Sprecher der „Polizei von Jena“, Karl Brandt, sagte, das …": no verb before the
        # frame, whose cue reports a clause of its own after it: the quote names something in
        # the speaker's phrase ("Ein „großer Sieg“, so urteilte X" stays a quote)
        frame = None
    if embedded and frame is not None and frame.cue is not None and _name_after_noun(doc, q, pre_rng):
        # "meldete die Nachrichtenseite „Golem“, der Verein habe …": a short capitalised quote
        # in apposition to a noun is the noun's name, not words of the frame's speaker
        frame = None
    if embedded and frame is not None and frame.cue is not None:
        # "In jüngster Zeit verbreiteten „Massenmedien …“, sagte X": a mixed quote
        content = strip_punct(span_of(doc, *pre_rng)) if pre_rng != (0, 0) else None  # (0, 0): no token in the frame
        if content is not None:
            start = content.start_char
        pre_frame = None
    elif embedded:
        # a fragment inside a sentence: "nannte sie „reine Spekulation“", "der Sohn habe
        # sich „bewusst …“": a direct quote whose frame is the sentence around it
        pattern = Pattern.EMBEDDED
        # the clause the fragment stands in frames it, when it has a cue of its own ("X lobte den
        # Plan, Y nannte ihn „verfehlt“": Y's)
        pre_frame = _own_clause_frame(doc, pre_rng, pre_lex) or pre_frame
        frame = pre_frame if pre_frame is not None and pre_frame.cue is not None and pre_frame.speaker is not None else None
        if frame is not None and lex.verb_second:
            frame = _governing_cue_frame(doc, (open_at, close_at), frame, lex) or frame
        pre_frame = None
    if end_at is not None:
        end = end_at
    kind = "mixed" if start < open_at or end > close_at else "direct"
    chosen = frame if frame is not None and frame.cue is not None else pre_frame or frame
    if chosen is None and q.depth == 0 and q.closed:
        chosen = pointing_frame(doc, text, close_at, lex)
    if q.depth == 0 and q.closed and (chosen is None or (chosen.cue is None and chosen.speaker is None)):
        chosen = signature_frame(doc, text, close_at) or chosen
    if chosen is None and q.depth == 0 and not pre_text:
        chosen = colon_frame(doc, text, open_at, prev_close, lex)
    found = Found((start, end), kind, pattern=pattern, extra={"depth": q.depth, "closed": q.closed})
    if chosen is not None:
        found.cue = chosen.cue
        found.speaker = span_chars(chosen.speaker)
        found.mediator = span_chars(chosen.mediator)
        found.relays = tuple(map(span_chars, chosen.relays))
        if chosen.possessor is not None:
            found.extra["possessor"] = chosen.possessor.i
    return found
