"""Free indirect speech: sentences in Konjunktiv I that continue a report, and hearsay with "soll … haben"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..lexicon import CueLexicon
from ..cue_verbs import cue_tokens
from ..phrases import doc_text, sentences, strip_punct
from ..quotemarks import word_count
from .clauses import reported_mood, with_final_punct
from .found import Found, FoundIndex, Pattern


def _is_reportive_modal(token: Token, lex: CueLexicon) -> bool:
    """Present-tense "soll"/"sollen" as a finite modal: hearsay ("Er soll geflohen sein")."""
    return token.lower_ in lex.hearsay_modals and token.tag_ in ("VMFIN", "") and token.pos_ in ("AUX", "VERB", "")


def _has_perfect_infinitive(sent: Span, lex: CueLexicon) -> bool:
    """"… geflohen sein", "… angegriffen haben": with "soll", hearsay about the past; "soll …
    erreichen" or "soll … überprüft werden" is a plan or an order."""
    return any(t.tag_ in ("VVPP", "VAPP", "VMPP") and t.i + 1 < sent.end
               and sent.doc[t.i + 1].lower_ in lex.perfect_auxiliaries
               for t in sent)


def find_subjunctive_continuations(doc: Doc, lex: CueLexicon, found: FoundIndex, *,
                                   broad: bool = False) -> Iterator[Found]:
    """Sentences in reported-speech mood (Konjunktiv I) with no cue of their own, and
    hearsay with "soll … haben/sein".

    In news, such a sentence continues someone's reported speech (free indirect speech): one
    right after a report takes its speaker, and consecutive ones merge into one quote; further
    away (up to a dozen sentences) the speaker is left open rather than guessed. ``broad``:
    one with no report before it in reach is a candidate too (pattern "konjunktiv_far").
    """
    if not lex.reported_mood:
        return
    ends = sorted((f for f in found if f.pattern != Pattern.EMBEDDED), key=lambda f: f.quote[1])
    sents = sentences(doc)
    text = doc_text(doc)
    for k, sent in enumerate(sents):
        if not found.outside(sent.start_char, sent.end_char):
            continue
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX", "") and reported_mood(t, lex)]
        reportive = [t for t in sent if _is_reportive_modal(t, lex)] if _has_perfect_infinitive(sent, lex) else []
        if not (verbs or reportive) or cue_tokens(doc, sent.start, sent.end, lex):
            continue
        prev = [f for f in ends if f.quote[1] <= sent.start_char]
        if not prev and not verbs:
            # "Der Täter soll … geflohen sein.": reportive "sollen" marks hearsay on its own
            content = strip_punct(sent)
            if content is not None and word_count(content.text) >= 4:
                f = Found((content.start_char, with_final_punct(doc, content)), "free_indirect", pattern=Pattern.SOLLEN)
                ends.append(f)
                yield f
            continue
        last = prev[-1] if prev else None
        far = last is None
        if last is not None:
            gap = text[last.quote[1] : sent.start_char]
            between = [s for s in sents[max(0, k - 3) : k] if s.start_char >= last.quote[1]]
            far = gap.count("\n\n") > 4 or len(between) > 12
        if far and not broad:
            continue
        content = strip_punct(sent)
        if content is None or word_count(content.text) < 3:
            continue
        end = with_final_punct(doc, content)
        if far:
            # no report in reach: reported mood alone, a candidate for the learned filter
            f = Found((content.start_char, end), "free_indirect", pattern=Pattern.KONJUNKTIV_FAR)
            ends.append(f)
            yield f
            continue
        if last.pattern in (Pattern.KONJUNKTIV, Pattern.KONJUNKTIV_FAR) and text[last.quote[1] : content.start_char].strip() == "":
            last.quote = (last.quote[0], end)  # the same speaker goes on: one quote over the sentences
            continue
        f = Found((content.start_char, end), "free_indirect", pattern=Pattern.KONJUNKTIV, inherited=True)
        # the speaker goes on only right after the report; further away it is a guess
        f.speaker = last.speaker if len(between) <= 1 else None
        ends.append(f)
        yield f
