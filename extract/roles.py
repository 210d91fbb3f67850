"""Speaker and mediator mentions kept within one line: a phrase the parser ran across a line
break ("2:00 p.m.\\n\\nBernie Sanders said …") keeps the line nearest the cue; and a speaker
kept apart from the relay it ran into.

>>> from quotegraph.extract.records import Attribution, Cue, Mention, Quote
>>> text = "2:00 p.m.\\n\\nBernie Sanders said taxes would rise."
>>> att = Attribution("33-52", "", Quote(text[33:52], 33, 52, "indirect"), cue=Cue("said", 27, 31, "say"),
...                   speaker=Mention(text[0:26], 0, 26))
>>> keep_roles_within_lines(text, [att])[0].speaker.text
'Bernie Sanders'
"""

from __future__ import annotations

import re

from .records import Attribution, Mention, replaced

__all__ = ["cut_before", "keep_roles_within_lines", "keep_speakers_apart_from_relays"]

_LINE_TEXT = re.compile(r"\S(?:[^\n]*\S)?")  # the words of one line, without the blanks around them


def _within_one_line(text: str, mention: Mention, anchor: int) -> Mention | None:
    """The line of ``mention`` nearest ``anchor`` (None when it holds no words)."""
    lines = [(mention.start + m.start(), mention.start + m.end())
             for m in _LINE_TEXT.finditer(text[mention.start:mention.end])]
    nearest = min(lines, key=lambda ln: min(abs(anchor - ln[0]), abs(anchor - ln[1])), default=None)
    if nearest is None:
        return None
    return replaced(mention, text=text[nearest[0]:nearest[1]], start=nearest[0], end=nearest[1])


def keep_roles_within_lines(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with every speaker and mediator cut to one line: of a phrase over a
    line break, the line nearest the cue (or the quote). Run it after the speaker linker,
    which may choose such a phrase too."""
    out = []
    for att in attributions:
        anchor = att.cue.start if att.cue else att.quote.start
        changes = {role: _within_one_line(text, mention, anchor)
                   for role, mention in (("speaker", att.speaker), ("mediator", att.mediator))
                   if mention is not None and "\n" in mention.text}
        out.append(replaced(att, **changes) if changes else att)
    return out


def keep_speakers_apart_from_relays(text: str, attributions: list[Attribution],
                                    source_words: frozenset[str]) -> list[Attribution]:
    """The attributions with every speaker, and every relay, cut before another relay it ran
    into ("sagte der Trainer laut dem Abendblatt": the speaker is "der Trainer"), the words
    that open the relay's phrase (``source_words``: "laut", "according to") dropped with it.

    >>> from quotegraph.extract.records import Attribution, Mention, Quote
    >>> text = "Das sei gut, sagte der Trainer laut dem Abendblatt."
    >>> att = Attribution("0-11", "", Quote(text[:11], 0, 11, "indirect"), speaker=Mention(text[19:50], 19, 50),
    ...                   mediator=Mention("dem Abendblatt", 36, 50))
    >>> keep_speakers_apart_from_relays(text, [att], frozenset({"laut"}))[0].speaker.text
    'der Trainer'
    """
    out = []
    for att in attributions:
        relays = att.mediators
        spk, *chain = [_apart(text, m, relays, source_words) for m in (att.speaker, *relays)]
        if spk == att.speaker and tuple(chain) == relays:
            out.append(att)
            continue
        chain = [m for m in chain if m is not None]
        out.append(replaced(att, speaker=spk, mediator=chain[-1] if chain else None, relays=tuple(chain[:-1])))
    return out


def _apart(text: str, mention: Mention | None, relays: tuple[Mention, ...], source_words: frozenset[str]) -> Mention | None:
    """``mention`` cut before the first relay that starts inside it (as it was if none does)."""
    inside = min((m.start for m in relays if mention is not None and mention.start < m.start < mention.end), default=None)
    if inside is None:
        return mention
    return cut_before(text, mention, inside, source_words) or mention


def cut_before(text: str, mention: Mention, at: int, drop_words: frozenset[str] = frozenset()) -> Mention | None:
    """``mention`` cut before the character ``at``, without the commas, dashes and
    ``drop_words`` it then ends in; None when nothing of it is left.

    >>> text = "sagte der Trainer laut dem Abendblatt"
    >>> cut_before(text, Mention(text[6:], 6, len(text)), text.index("dem"), frozenset({"laut"})).text
    'der Trainer'
    """
    head = text[mention.start:at]
    while True:
        head = head.rstrip(" ,-–\n")
        last = head.rsplit(None, 1)[-1] if head.strip() else ""
        if not last or last.lower() not in drop_words:
            break
        head = head[: len(head) - len(last)]
    if not head.strip():
        return None
    return replaced(mention, text=head, end=mention.start + len(head))
