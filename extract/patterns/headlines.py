"""Lines labelled with a speaker: transcript turns ("TAPPER: …"), colon headlines ("Senator X: …")
and a signature paragraph after a quote ("- Anna Berg.")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..lexicon import CueLexicon
from ..phrases import doc_text
from ..quotemarks import has_words
from ..transcripts import transcript_turns
from .found import Found, FoundIndex, Pattern, span_chars


def find_transcript_turns(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """The turns of a transcript printed in the article ("TAPPER: …", "Q: …"; see
    :func:`quotegraph.extract.transcripts.transcript_turns`): each is the labelled speaker's
    own words, a direct quote with the label as speaker and the colon as cue (pattern
    "transcript"). A transcript quoted line by line ('"PENCE: …') is a direct quote already:
    the label becomes its frame (``CueLexicon.transcript_turns``)."""
    if not lex.transcript_turns:
        return
    for turn in transcript_turns(doc_text(doc), lex.headline_labels):
        name = doc.char_span(*turn.label, alignment_mode="expand")
        if name is None or len(name.text) == 1:
            continue  # "Q:", "A:": an interview's letters name no one; the reports inside are found as any
        cue = (turn.label[1], turn.label[1] + 1, ":")
        quoted = next((f for f in found if f.pattern == Pattern.DIRECT and f.quote[0] == turn.label[0] - 1),
                      None) if turn.quoted else None
        if quoted is not None:
            found.move(quoted, (turn.content[0], quoted.quote[1]))
            quoted.cue, quoted.speaker, quoted.mediator = cue, span_chars(name), None
            quoted.pattern = Pattern.TRANSCRIPT
            continue
        yield Found(turn.content, "direct", cue=cue, speaker=span_chars(name), pattern=Pattern.TRANSCRIPT)


def second_person_in_turns(doc: Doc, lex: CueLexicon, found: list[Found]) -> None:
    """In a transcript's turns a report whose cue has "you" as its subject (lexicon
    ``second_person``) is the words or view of the one addressed across the dialogue ("Q: You
    said yesterday that …", "Do you think …?"): "you" is its speaker. Outside a dialogue "you"
    is the reader or anyone, and stays no speaker."""
    if not lex.transcript_turns or not lex.second_person:
        return
    turns = [turn.content for turn in transcript_turns(doc_text(doc), lex.headline_labels)]
    if not turns:
        return
    for f in found:
        if f.speaker is not None or f.cue is None or not any(a <= f.cue[0] < b for a, b in turns):
            continue
        cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        subject = next((c for c in cue.root.children if c.dep_ == "nsubj" and c.lower_ in lex.second_person), None) if cue else None
        if subject is not None:
            f.speaker = (subject.idx, subject.idx + len(subject))


_LABEL_CHARS = frozenset(".'’-&")


def find_colon_headlines(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
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
    text = doc_text(doc)
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
        if not has_words(text[c_start:c_end], 3):
            continue
        name = doc.char_span(start + line.find(words[0]), start + colon, alignment_mode="contract")
        if name is None or len(name) == 0 or name[0].pos_ in ("VERB", "AUX", "ADV", "INTJ"):
            continue
        quoted = next((f for f in found if f.pattern == Pattern.DIRECT and f.speaker is None
                       and f.quote[0] <= start < f.quote[1]), None) if opened else None
        if quoted is not None:
            # the quote opened before the name: the name and colon are its frame, not its content
            found.move(quoted, (c_start, quoted.quote[1]))
            quoted.cue, quoted.speaker = (start + colon, start + colon + 1, ":"), span_chars(name)
            continue
        inside = list(found.overlapping(c_start, c_end))
        if (len(inside) == 1 and inside[0].pattern == Pattern.DIRECT and inside[0].speaker is None
                and inside[0].quote[0] == c_start and not text[inside[0].quote[1]:c_end].strip(".!?\"'’” ")):
            # "Reid: 'Never underestimate him.'": the quote that is the whole rest of the line is the name's
            inside[0].cue, inside[0].speaker = (start + colon, start + colon + 1, ":"), span_chars(name)
            continue
        if inside and all(f.pattern != Pattern.DIRECT and f.speaker is not None
                          and text[f.speaker[0]:f.speaker[1]].lower() in lex.first_person for f in inside):
            # "Senator X: I Still Believe Y Is Wrong": the headline's "I" is the named one, the
            # whole rest of the line their words
            found.move(inside[0], (c_start, c_end))
            inside[0].cue, inside[0].speaker = (start + colon, start + colon + 1, ":"), span_chars(name)
            inside[0].pattern, inside[0].mediator = Pattern.COLON_HEADLINE, None
            continue
        if not found.outside(c_start, c_end):
            continue
        yield Found((c_start, c_end), "indirect", cue=(start + colon, start + colon + 1, ":"),
                    speaker=span_chars(name), pattern=Pattern.COLON_HEADLINE)


def signature_paragraph(text: str, close_at: int, end: int) -> tuple[int, str, str] | None:
    """A paragraph of its own that signs the quote closing at ``close_at`` (``end``: the line
    break after it; nothing but a full stop between): a hyphen and at most five words, no
    comma, as a fact check prints it under the words it checks. Returns where the paragraph
    starts, its text (no full stop) and that text with the hyphen read as a dash (the same
    length), or None.

    >>> signature_paragraph('"All is well."\\n\\n- Anna Berg.\\n\\nShe is wrong.', 14, 14)
    (16, '- Anna Berg', '― Anna Berg')
    >>> signature_paragraph('"All is well."\\n\\nROME - Anna Berg met the pope.', 14, 14) is None
    True
    """
    if end < 0 or text[close_at:end].strip(" .\u00a0\t"):
        return None
    start = end + len(text[end:]) - len(text[end:].lstrip())
    line = text[start:].split("\n", 1)[0].rstrip(" .")
    if line[:1] != "-" or len(line.split()) > 6 or "," in line:
        return None
    return start, line, "\u2015" + line[1:]
