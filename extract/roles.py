"""Speaker and mediator mentions kept within one line: a phrase the parser ran across a line
break ("2:00 p.m.\\n\\nBernie Sanders said …") keeps the line nearest the cue.

>>> from quotegraph.extract.records import Attribution, Cue, Mention, Quote
>>> text = "2:00 p.m.\\n\\nBernie Sanders said taxes would rise."
>>> att = Attribution("33-52", "", Quote(text[33:52], 33, 52, "indirect"), cue=Cue("said", 27, 31, "say"),
...                   speaker=Mention(text[0:26], 0, 26))
>>> keep_roles_within_lines(text, [att])[0].speaker.text
'Bernie Sanders'
"""

from __future__ import annotations

import re
from dataclasses import replace

from .records import Attribution, Mention

__all__ = ["keep_roles_within_lines"]

_LINE_TEXT = re.compile(r"\S(?:[^\n]*\S)?")  # the words of one line, without the blanks around them


def _within_one_line(text: str, mention: Mention, anchor: int) -> Mention | None:
    """The line of ``mention`` nearest ``anchor`` (None when it holds no words)."""
    lines = [(mention.start + m.start(), mention.start + m.end())
             for m in _LINE_TEXT.finditer(text[mention.start:mention.end])]
    nearest = min(lines, key=lambda ln: min(abs(anchor - ln[0]), abs(anchor - ln[1])), default=None)
    if nearest is None:
        return None
    return replace(mention, text=text[nearest[0]:nearest[1]], start=nearest[0], end=nearest[1])


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
        out.append(replace(att, **changes) if changes else att)
    return out
