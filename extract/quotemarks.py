"""Find quotation-mark spans in raw text: pairs, nesting, and quotes that run over paragraphs.

Pure functions over strings, no spaCy: they work on any language that uses these marks.
News conventions handled:

* German „…“ and »…« (also «…», French order), English “…” and "…", nested ‚…‘ / ›…‹ / ‘…’ / '…';
* a quote that runs over several paragraphs: the closing mark is left out at each paragraph
  end and the next paragraph opens again with a mark (a paragraph that opens with a turn
  label, as a transcript quoted paragraph by paragraph does, '"WALLACE: …', starts a new quote);
* curly and straight marks mixed in one pair (“…" or "…”), as web copy prints them;
* an opening mark never closed: the quote ends at the end of its paragraph;
* two apostrophes as a double quotation mark, as some English papers print it
  (''We stay,'' she said);
* apostrophes (don't, Putin's, Ku'damm) are not quotation marks;
* a closing ” at the start of a line, with another ” after it in the paragraph, opens a quote
  (web editors turn the opening mark before an ellipsis the wrong way round).

Examples
--------
>>> [(m.text, m.depth) for m in find_quoted("Er sagte: „Wir ‚bleiben‘ hier.“")]
[('Wir ‚bleiben‘ hier.', 0), ('bleiben', 1)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .marks import CLOSING_MARKS, PAIRS
from .transcripts import TURN_LABEL

__all__ = ["QuotedSpan", "find_quoted", "word_count"]

# two apostrophes ('') stand for this private-use character while scanning, so that they pair
# only with each other: „… Kindern''(sic!)'' …“ keeps its German marks
_TWIN = "\ue000"

# the shared pairs (:mod:`.marks`), and '' closing only ''
_PAIRS: dict[str, str] = {**PAIRS, _TWIN: _TWIN}
_SYMMETRIC = {'"', "'", _TWIN}
_CLOSERS = set(CLOSING_MARKS) | {_TWIN}
_WORD = re.compile(r"\w+")
#: any character the scanner acts on: it skips to the next one at once
_ANY_MARK = re.compile("[" + re.escape("".join(sorted(set(_PAIRS) | _CLOSERS))) + "]")


@dataclass(frozen=True)
class QuotedSpan:
    """The text between a pair of quotation marks (marks excluded).

    ``open_mark``/``close_mark`` are the marks (a ” that opens a line reads as “, the mark it
    stands for); ``close_mark`` is "" when the quote was not closed before its paragraph (or
    the text) ended. ``depth`` is 0 for top-level quotes.
    """

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str
    depth: int

    @property
    def closed(self) -> bool:
        return bool(self.close_mark)


def word_count(text: str) -> int:
    """The number of words (runs of letters or digits) in a text.

    >>> word_count("Kumpel")
    1
    >>> word_count("Wir mischen uns nicht ein, wir töten niemanden.")
    8
    """
    return len(_WORD.findall(text))


def has_words(text: str, n: int) -> bool:
    """Whether a text has ``n`` words or more (``word_count(text) >= n``), read only as far as
    the n-th word.

    >>> has_words("Wir mischen uns nicht ein", 5), has_words("Wir mischen", 3), has_words("", 0)
    (True, False, True)
    """
    if n <= 0:
        return True
    for k, _ in enumerate(_WORD.finditer(text), 1):
        if k >= n:
            return True
    return False


def _is_apostrophe(text: str, i: int, *, awaited: bool = False) -> bool:
    """A ' or ’ between letters (don't, Putin’s) or after a letter before a space (Hans' Hut).
    When the same mark opened a quote still open (``awaited``), the latter closes it
    ('Wolf im Schafspelz' zu …)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return (not awaited and before in "sSzxß" and after in " ,.;" and text[i] in "'’" and i > 1
            and text[i - 2].isalpha())


def _can_open(text: str, i: int) -> bool:
    """Symmetric marks open when they follow a space, a bracket, a dash or the start."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{–—-/:„“»«‚‘›‹\"'") and not after.isspace()


def _opens_line(text: str, i: int) -> bool:
    """Whether only blanks stand between the start of the line (or text) and ``text[i]``."""
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


def _paragraph_end(text: str, i: int) -> int:
    """Index of the blank line that ends the paragraph containing i (or len(text))."""
    m = re.compile(r"\n\s*\n").search(text, i)
    return m.start() if m else len(text)


def find_quoted(text: str, *, max_depth: int = 2) -> Iterator[QuotedSpan]:
    """Yield quoted spans in the order their opening marks appear.

    Parameters
    ----------
    text : str
        Any text.
    max_depth : int
        Deepest nesting level to report (0 = top level only).

    Yields
    ------
    QuotedSpan
        ``text[span.start:span.end] == span.text`` always holds.

    Notes
    -----
    A stack machine over the characters, linear in the length of the text. A mark that is
    neither a valid opener nor closer at its position is ignored (so stray and unbalanced
    marks never raise). An unclosed quote ends at its paragraph end; if the next paragraph
    opens with the same mark, the quote is taken to continue there and both parts are reported
    as one span covering the paragraphs.

    Examples
    --------
    >>> [s.text for s in find_quoted('He said: "We stay." Then "she" left.')]
    ['We stay.', 'she']
    >>> t = "„Erster Absatz.\\n\\n„Zweiter Absatz“, sagte sie."
    >>> [s.text for s in find_quoted(t)]
    ['Erster Absatz.\\n\\n„Zweiter Absatz']
    >>> [s.closed for s in find_quoted("Ein „offenes Zitat ohne Ende.\\n\\nNeuer Absatz.")]
    [False]
    >>> [(s.text, s.open_mark) for s in find_quoted("''This isn't reform,'' said Eva Kern.")]
    [("This isn't reform,", "''")]
    """
    scan = _twin_apostrophes_as_marks(text)
    for span in _find_quoted(scan):
        if span.depth <= max_depth and span.end > span.start:
            yield _with_twin_marks(span, text) if scan is not text else span


def _twin_apostrophes_as_marks(text: str) -> str:
    """The text with each '' written as one private mark (plus a space), so one-character marks
    scan it and '' closes only ''.

    Same length, so every offset holds.

    >>> _twin_apostrophes_as_marks("''We stay,'' she said.") == f" {_TWIN}We stay,{_TWIN}  she said."
    True
    """
    if "''" not in text:
        return text
    chars = list(text)
    for m in re.finditer(r"(?<!')''(?!')", text):
        i = m.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if (before.isspace() or before in "([{–—-/:") and not after.isspace():
            chars[i], chars[i + 1] = " ", _TWIN
        elif not before.isspace():
            chars[i], chars[i + 1] = _TWIN, " "
    return "".join(chars)


def _with_twin_marks(span: QuotedSpan, text: str) -> QuotedSpan:
    """A span found in the scanned copy, with the original text and its '' marks."""
    open_mark = "''" if span.open_mark == _TWIN else span.open_mark
    close_mark = "''" if span.close_mark == _TWIN else span.close_mark
    return QuotedSpan(span.start, span.end, text[span.start : span.end], open_mark, close_mark, span.depth)


def _find_quoted(text: str) -> list[QuotedSpan]:
    """Every quoted span, sorted by start (the stack machine of :func:`find_quoted`)."""
    stack: list[tuple[str, int]] = []  # (open mark, index of the first character inside)
    out: list[QuotedSpan] = []
    para_end = _paragraph_end(text, 0)
    i = 0
    n = len(text)
    while i < n:
        if i < para_end:
            found = _ANY_MARK.search(text, i, para_end)
            i = found.start() if found is not None else para_end
            if i >= n:
                break
        if i >= para_end:
            # paragraph ends with quotes still open: continue a top-level quote into the next
            # paragraph only if that paragraph opens with a mark again (news convention)
            nxt = para_end
            while nxt < n and text[nxt].isspace():
                nxt += 1
            cont = (bool(stack) and nxt < n and text[nxt] == stack[0][0] and text[nxt] != "'"
                    and not TURN_LABEL.match(text, nxt + 1))  # a transcript's next turn
            if stack and not cont:
                for mark, start in reversed(stack):
                    end = _strip_end(text, start, para_end)
                    out.append(QuotedSpan(start, end, text[start:end], mark, "", len([x for x in stack if x[1] < start])))
                stack.clear()
            elif cont:
                # drop nested quotes left open in the finished paragraph; skip the re-opening mark
                for mark, start in reversed(stack[1:]):
                    end = _strip_end(text, start, para_end)
                    out.append(QuotedSpan(start, end, text[start:end], mark, "", 1))
                del stack[1:]
                para_end = _paragraph_end(text, nxt + 1)
                i = nxt + 1
                continue
            para_end = _paragraph_end(text, nxt)
            i = nxt
            continue
        ch = text[i]
        if ch in _PAIRS or ch in _CLOSERS:
            if ch in "'’" and _is_apostrophe(text, i, awaited=bool(stack) and stack[-1][0] == ch):
                i += 1
                continue
            top = stack[-1] if stack else None
            # guillemets pair whatever the spacing (French writes « … »)
            closes = top is not None and ch in _PAIRS[top[0]] and (ch in "«»‹›" or _can_close(text, i))
            if closes and ch in _SYMMETRIC | {"“"} and top[0] != ch and _can_open(text, i) and not _can_close_strict(text, i):
                closes = False
            if closes:
                mark, start = stack.pop()
                out.append(QuotedSpan(start, i, text[start:i], mark, ch, len(stack)))
            elif ch in _PAIRS and (ch not in _SYMMETRIC or _can_open(text, i)):
                if ch in "'‘" and not stack:
                    # a lone single mark at top level: only an opener when a closer follows soon
                    if not _has_closer(text, i, para_end, ch):
                        i += 1
                        continue
                stack.append((ch, i + 1))
            elif ch == "”" and not stack and _opens_line(text, i) and _has_closer(text, i, para_end, "“"):
                # "” … what I learned …,” he said.": web text whose editor turned the opening
                # mark after an ellipsis the wrong way round; a closer in the paragraph pairs it
                stack.append(("“", i + 1))
            elif stack and ch in _CLOSERS and any(ch in _PAIRS[m] for m, _ in stack):
                # closes an outer quote while inner ones are open: close them all
                while stack and ch not in _PAIRS[stack[-1][0]]:
                    mark, start = stack.pop()
                    out.append(QuotedSpan(start, i, text[start:i], mark, "", len(stack)))
                mark, start = stack.pop()
                out.append(QuotedSpan(start, i, text[start:i], mark, ch, len(stack)))
        i += 1
    for depth, (mark, start) in reversed(list(enumerate(stack))):
        end = _strip_end(text, start, n)
        out.append(QuotedSpan(start, end, text[start:end], mark, "", depth))
    out.sort(key=lambda s: (s.start, -s.end))
    return out


def _can_close_strict(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isspace() or after in ".,;:!?)]}–—-"


def _has_closer(text: str, i: int, limit: int, mark: str) -> bool:
    closers = _PAIRS[mark]
    for j in range(i + 1, min(limit, i + 400)):
        if text[j] in closers and _can_close(text, j) and not _is_apostrophe(text, j):
            return True
    return False


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
