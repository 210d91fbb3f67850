"""Transcripts inside articles: the turns of paragraphs that open with a speaker's label.

News prints interviews and broadcasts as a dialogue ("TAPPER: …", "FALLIN: …", "Q: …",
"A: …"); each turn is the labelled speaker's own words. A label alone is no evidence (a
headline reads "Poll: Clinton leads"), so a run of labelled paragraphs counts as a transcript
only when it is a dialogue: some speaker speaks again after another one.

Pure string code, so the quotation-mark scanner (:mod:`quotegraph.extract.quotemarks`) can use
it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .marks import OPENING_MARKS

__all__ = ["TURN_LABEL", "Turn", "turn_label", "transcript_turns"]

# one to five words and a colon: "WALLACE: ", "Chris Matthews: ", "Q: "
TURN_LABEL = re.compile(r"[^\W\d_][\w.'’&-]*(?: [^\W\d_][\w.'’&-]*){0,4}: ")

# paragraphs between two turns that belong to neither: "(CROSSTALK.)", "[END VIDEO CLIP]", "…."
_STAGE_DIRECTION = re.compile(r"[\"“]?\s*(?:[(\[].*[)\]]|[.…\s]+)\s*[\"”]?")
# at most this many unlabelled paragraphs (stage directions aside) continue a turn, or separate
# two turns of one transcript
_MAX_GAP = 2


@dataclass(frozen=True)
class Turn:
    """One turn: where its label (the speaker) and its words lie, as character offsets."""

    label: tuple[int, int]
    content: tuple[int, int]
    quoted: bool  # the paragraph opens with a quotation mark: a transcript quoted line by line


def turn_label(text: str, start: int, not_labels: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The speaker label opening the paragraph at ``start`` (after an opening quotation mark,
    if any), as offsets; None when the paragraph opens with none. Every word of a label is
    capitalised; ``not_labels`` (lower case) are editorial labels such as "update".

    >>> turn_label('"WALLACE: Do you really see it?', 0)
    (1, 8)
    >>> turn_label("Look, it works: trust me.", 0) is None
    True
    """
    at = start + (1 if text[start:start + 1] in OPENING_MARKS else 0)
    m = TURN_LABEL.match(text, at)
    if m is None:
        return None
    label = text[at : m.end() - 2]
    if label.lower() in not_labels or not all(w[:1].isupper() for w in label.split()):
        return None
    return at, m.end() - 2


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as (start, end) offsets, blanks at either edge left out."""
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def _speaker_key(label: str) -> str:
    """"Chris Matthews" and "Matthews" are one speaker: the last word, case folded."""
    return label.split()[-1].casefold()


def _is_dialogue(keys: list[str]) -> bool:
    """Whether some speaker speaks again after another one did."""
    return any(keys[k] in keys[:k] and keys[k - 1] != keys[k] for k in range(1, len(keys)))


def transcript_turns(text: str, not_labels: frozenset[str] = frozenset()) -> list[Turn]:
    """The turns of the transcripts in ``text``, in order.

    A turn is a paragraph opening with a speaker label, and the paragraphs (at most two)
    that follow it before the next turn; a stage direction ("(CROSSTALK)") ends it. The first line, an
    article's title, is never a turn.

    >>> text = "Title\\n\\nTAPPER: Is he a healer?\\n\\nFALLIN: He is.\\n\\nI trust him.\\n\\nTAPPER: Why?"
    >>> [(text[slice(*t.label)], text[slice(*t.content)]) for t in transcript_turns(text)]
    [('TAPPER', 'Is he a healer?'), ('FALLIN', 'He is.\\n\\nI trust him.'), ('TAPPER', 'Why?')]
    >>> transcript_turns("Poll: Clinton leads\\n\\nTrump: I win.\\n\\nCruz: Hang on.")
    []
    """
    paras = _paragraphs(text)
    labels = [turn_label(text, s, not_labels) if k else None for k, (s, _) in enumerate(paras)]
    labelled = [k for k, lab in enumerate(labels) if lab is not None]
    if len(labelled) < 3:
        return []  # a dialogue has at least three turns (A, B, A): most articles stop here
    staged = [bool(_STAGE_DIRECTION.fullmatch(text, s, e)) for s, e in paras]
    turns: list[Turn] = []
    run: list[int] = []
    for k in labelled + [None]:
        if k is not None and (not run or sum(not st for st in staged[run[-1] + 1 : k]) <= _MAX_GAP):
            run.append(k)
            continue
        keys = [_speaker_key(text[slice(*labels[j])]) for j in run]
        if _is_dialogue(keys):
            turns += [_turn(text, paras, labels, staged, j, nxt) for j, nxt in zip(run, run[1:] + [None])]
        run = [k] if k is not None else []
    return turns


def _turn(text: str, paras: list[tuple[int, int]], labels: list, staged: list[bool], k: int,
          next_turn: int | None) -> Turn:
    """The turn of labelled paragraph ``k``: its words after the label, and the unlabelled
    paragraphs up to the next turn (none after the transcript's last turn: the article
    goes on there)."""
    label = labels[k]
    start = label[1] + 1
    while start < paras[k][1] and text[start].isspace():
        start += 1
    end = paras[k][1]
    if next_turn is not None:
        for j in range(k + 1, next_turn):
            if staged[j]:
                break
            end = paras[j][1]
    quoted = paras[k][0] < label[0]
    return Turn(label, (start, end), quoted)
