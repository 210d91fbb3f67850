"""Quotes joined into one content: a direct quote that goes on after the frame of the one before
("“A,” he said. “B.”", or in the next paragraph), and quoted fragments of one cue joined by a
comma or a joining word ("calling the charge “pathetic” and “dangerous”")."""

from __future__ import annotations

from ..lexicon import CueLexicon
from .found import Found, Pattern

__all__ = ["join_continued_quotes", "join_coordinated_fragments"]


def join_continued_quotes(text: str, found: list[Found]) -> list[Found]:
    """"“A,” he said. “B.”" / "“A,” he said, “B.”" / "A, he said. “B.”": a direct quote that
    goes on right after the frame of the quote or report before it, in the same paragraph,
    with no frame of its own (or the same cue) is one content with it; the joined quote runs
    from A to B (the frame inside).
    A report inside the frame ("…,” he said, noting that … “B.”") stays, nested in the joined
    quote."""
    out: list[Found] = []
    joined: list[Found] = []
    for f in found:
        # a quote the parser put in the frame's own sentence ("embedded") continues it when it
        # shares the cue and opens a sentence or clause ("he said in 2012. “B.”"); a quoted
        # title inside the frame ("said on “Fox and Friends.”") does not. The quote before is
        # looked for only then (it scans what was found so far)
        continues = (f.pattern == Pattern.DIRECT or (f.pattern == Pattern.EMBEDDED and f.cue is not None
                                                     and _opens_clause(text, f.quote[0])))
        prev = _quote_before(out, f) if continues else None
        if (prev is not None
                and prev.cue is not None and prev.quote[1] <= f.quote[0]
                and (f.cue is None or f.cue == prev.cue)
                and (f.speaker is None or f.speaker == prev.speaker)
                and _frame_between(text, prev, f)):
            # the frame between the two parts is no part of the words ("“A,” he said. “B.”")
            lo, hi = prev.quote[1], f.quote[0]
            frame = text[lo:hi]
            lo, hi = lo + len(frame) - len(frame.lstrip()), hi - (len(frame) - len(frame.rstrip()))
            prev.extra.setdefault("gaps", []).append((lo, hi))
            prev.quote = (prev.quote[0], f.quote[1])
            if prev.kind == "indirect":
                prev.kind = "mixed"  # the paraphrase, then the words themselves
            joined.append(prev)
            continue
        out.append(f)
    # a fragment of the frame now inside the joined quote is part of its content
    return [g for g in out if g.pattern != Pattern.EMBEDDED
            or not any(j.cue == g.cue and j.quote[0] <= g.quote[0] and g.quote[1] <= j.quote[1] for j in joined)]


def join_coordinated_fragments(text: str, found: list[Found], lex: CueLexicon) -> list[Found]:
    """"calling the charge “pathetic” and “dangerous”", "as “criminals,” “rapists” or
    “thugs”": quoted fragments of one cue and speaker with only a comma or a joining word
    (``CueLexicon.fragment_joiners``) between them are one content, from the first to the
    last (``found`` sorted by quote start)."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and f.pattern == Pattern.EMBEDDED and prev.pattern == Pattern.EMBEDDED
                and f.cue is not None and f.cue == prev.cue and f.speaker == prev.speaker
                and prev.quote[1] <= f.quote[0] and _joins(text[prev.quote[1] : f.quote[0]], lex)):
            prev.quote = (prev.quote[0], f.quote[1])
            continue
        out.append(f)
    return out


def _joins(gap: str, lex: CueLexicon) -> bool:
    """Whether the words between two fragments only join them: a comma or a joining word, and
    an article after it ("“a disgrace” and a “sham”")."""
    words = [w.lower() for w in gap.replace(",", " ").split()]
    return len(words) <= 2 and (not words or words[0] in lex.fragment_joiners) and all(
        w in lex.determiners for w in words[1:])


def _opens_clause(text: str, start: int) -> bool:
    """Whether the text before ``start`` ends in a sentence or clause mark."""
    return text[max(0, start - 40) : start].rstrip()[-1:] in (".", "!", "?", ",", ":", ";")


def _quote_before(found: list[Found], f: Found) -> Found | None:
    """The last direct quote of ``found``, or report framed after its content ("…, X said."),
    if all that follows it lies between it and ``f`` (reports inside its frame)."""
    for k in range(len(found) - 1, -1, -1):
        if found[k].pattern in (Pattern.DIRECT, Pattern.CUE_LAST):
            end = found[k].quote[1]
            return found[k] if all(end <= g.quote[0] and g.quote[1] <= f.quote[0] for g in found[k + 1:]) else None
    return None


def _frame_between(text: str, prev: Found, f: Found) -> bool:
    """Whether only ``prev``'s frame (its cue, speaker, mediator) stands between the two quotes,
    within one paragraph; or, for a quote with no frame of its own that opens the next
    paragraph, at most the frame that ends ``prev``'s paragraph (:func:`_opens_next_paragraph`)."""
    lo, hi = prev.quote[1], f.quote[0]
    gap = text[lo:hi]
    if len(gap) > 200 or prev.cue is None:
        return False
    if "\n\n" in gap:
        return _opens_next_paragraph(gap, prev, f)
    if not (lo <= prev.cue[0] < hi):
        return False
    return any(ch.isalpha() for ch in gap)


def _opens_next_paragraph(gap: str, prev: Found, f: Found) -> bool:
    """Whether ``f``, a quote with no frame, opens the paragraph right after a framed direct
    quote ``prev``, with nothing but ``prev``'s frame between them (``gap``): "“A,” she
    said.\n\n“B.”", "She said: “A.”\n\n“B.”" go on speaking, one content (PolNeAR)."""
    if f.cue is not None or f.speaker is not None or prev.pattern != Pattern.DIRECT:
        return False
    frame, _, rest = gap.partition("\n\n")
    if "\n\n" in rest or rest.strip():
        return False
    lo, words = prev.quote[1], frame.strip()
    # the frame alone: one sentence ("she said."), not one with more sentences after it
    return not words or (lo <= prev.cue[0] < lo + len(frame) and not any(
        words[k] in ".!?" and words[k + 1] == " " for k in range(len(words) - 1)))
