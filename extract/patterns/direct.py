"""Direct quotes: text in quotation marks with its frame, mixed quotes and quoted fragments."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..lexicon import CueLexicon
from ..phrases import strip_punct
from ..quotemarks import QuotedSpan, find_quoted, word_count
from .found import Found, Pattern, span_chars
from .frames import attaches_after, colon_frame, colon_verb_frame, frame_in, inside_clause_before, pointing_frame, sentence_bounds, sets_off_frame, signature_frame, with_frame_verbs


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
        framed = found.pattern == Pattern.DIRECT and found.kind == "direct" and found.cue is not None and found.speaker is not None
        if not _is_speech(q, text) and not framed:
            found.pattern = Pattern.EMBEDDED
        yield found


def _direct_quote(doc: Doc, text: str, q: QuotedSpan, siblings: list[QuotedSpan], container: tuple[int, int],
                  lex: CueLexicon) -> Found:
    open_at = q.start - len(q.open_mark)
    close_at = q.end + len(q.close_mark)
    prev_close = max((t.end + len(t.close_mark) for t in siblings if t.end <= open_at), default=container[0])
    next_open = min((t.start - len(t.open_mark) for t in siblings if t.start >= close_at), default=container[1])
    lo, hi = sentence_bounds(text, open_at, close_at, prev_close, next_open, lex.abbreviations)
    pre = doc.char_span(lo, open_at, alignment_mode="contract")
    post = doc.char_span(close_at, hi, alignment_mode="contract")
    pre_rng = (pre.start, pre.end) if pre is not None else (0, 0)
    post_rng = (post.start, post.end) if post is not None else (0, 0)
    frame = None
    after_lex = with_frame_verbs(lex)
    if post_rng[1] > post_rng[0] and attaches_after(text, q, close_at, doc[post_rng[0]], post_rng[1], after_lex):
        frame = frame_in(doc, *post_rng, after_lex, after_quote=True)
    pre_text = text[lo:open_at].strip()
    # "She continued, “…”" / "The statement read: “…”": right before the quote, frame-only verbs too
    pre_lex = after_lex if pre_text[-1:] in (",", ":") else lex
    pre_frame = frame_in(doc, *pre_rng, pre_lex, after_quote=False) if pre_rng[1] > pre_rng[0] else None
    if (pre_frame is None or pre_frame.cue is None) and lex.parse_rules and pre_rng[1] > pre_rng[0]:
        pre_frame = colon_verb_frame(doc, *pre_rng, lex) or pre_frame
    # the quote, marks included (as annotators mark it)
    start, end = open_at, close_at
    if not q.close_mark:
        end = q.end
    pattern = Pattern.DIRECT if q.depth == 0 else Pattern.NESTED
    embedded = bool(pre_text) and pre_text[-1] not in ":,–—-(" and word_count(pre_text) >= 1
    if not embedded and pre_rng[1] > pre_rng[0]:
        embedded = inside_clause_before(doc, *pre_rng, lex)
    set_off = post_rng[1] > post_rng[0] and sets_off_frame(doc, text, q, close_at, post_rng, after_lex)
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
        pattern = Pattern.EMBEDDED
        frame = pre_frame if pre_frame is not None and pre_frame.cue is not None and pre_frame.speaker is not None else None
        pre_frame = None
    kind = "mixed" if start < open_at else "direct"
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
        if chosen.possessor is not None:
            found.extra["possessor"] = chosen.possessor.i
    return found
