"""An inherited speaker given as the person's nearest mention: the surname named again closer to the words.

A quote that takes its speaker from the quote before it (``Attribution.inherited``) got that
quote's phrase, often the full first mention ("FDP-Finanzexperte Jürgen Koppelin"). When the
text names the person again by the last word of that name before the new words ("Koppelin
wörtlich: „…“") or in a source aside inside them ("…, so Koppelin, …"), that mention is the
speaker a reader points at: the nearest, as coreference would give it. Only a person's name
(the recogniser's person label on its last word) of two words or more, and only a mention in
the paragraph of the words, standing alone (no given name or title before it, no name after).

>>> import spacy
>>> from quotegraph.extract.lexicon import load_lexicon
>>> from quotegraph.extract.records import Attribution, Mention, Quote
>>> from spacy.tokens import Span
>>> doc = spacy.blank("de")("Das sagte Anna Lind. Lind wörtlich: „Nein.“")
>>> doc.ents = [Span(doc, 2, 4, label="PER"), Span(doc, 5, 6, label="PER")]
>>> att = Attribution("a", "d", Quote("„Nein.“", 36, 43), speaker=Mention("Anna Lind", 10, 19), inherited=True)
>>> nearest_mentions(doc, [att], load_lexicon("de"))[0].speaker.text
'Lind'
"""

from __future__ import annotations

from spacy.tokens import Doc

from .doc_offsets import char_span_kept
from .lexicon import CueLexicon
from .phrases import doc_text
from .records import Attribution, Mention, replaced

__all__ = ["nearest_mentions"]

_PERSONS = frozenset({"PER", "PERSON"})


def nearest_mentions(doc: Doc, attributions: list[Attribution], lex: CueLexicon) -> list[Attribution]:
    """The attributions, an inherited speaker replaced by the nearest mention of its surname."""
    text = doc_text(doc)
    out = []
    for att in attributions:
        mention = _nearest(doc, text, att, lex) if att.inherited and att.speaker is not None else None
        out.append(replaced(att, speaker=mention) if mention is not None else att)
    return out


def _nearest(doc: Doc, text: str, att: Attribution, lex: CueLexicon) -> Mention | None:
    speaker = char_span_kept(doc, att.speaker.start, att.speaker.end, "expand")
    if speaker is None or len(speaker) < 2:
        return None
    last = speaker[-1]
    if last.ent_type_ not in _PERSONS or not last.text[:1].isupper():
        return None
    quote = att.quote
    # the paragraph of the words: a mention before them only after its last break
    para = text.rfind("\n\n", speaker.end_char, quote.start)
    lower = max(speaker.end_char, para + 2 if para >= 0 else 0)
    between = doc.char_span(lower, quote.start, alignment_mode="contract") if lower < quote.start else None
    before = [t for t in between or () if _alone(t, last.text)]
    inside = doc.char_span(quote.start, quote.end, alignment_mode="contract")
    if before:
        found = before[-1]
    else:  # an aside inside the words: "…, so Koppelin, …"
        found = next((t for t in inside or () if _alone(t, last.text)
                      and t.i > 0 and doc[t.i - 1].lower_ in lex.source_particles), None)
    if found is None:
        return None
    return Mention(found.text, found.idx, found.idx + len(found.text))


def _alone(token, surname: str) -> bool:
    """Whether ``token`` is the surname standing alone: no name word right before or after it."""
    if token.text != surname:
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return not any(t is not None and t.text[:1].isupper() and (t.pos_ == "PROPN" or t.tag_ == "NE" or t.ent_type_)
                   for t in (before, after))
