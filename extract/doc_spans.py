"""Writes attribution records (``doc._.qg_attributions``) onto ``doc.spans`` as span groups;
the spans of one attribution share its id (``span.id_``), which links a quote to its cue,
speaker and mediator.

>>> import spacy
>>> from quotegraph.extract.records import Attribution, Cue, Mention, Quote
>>> doc = spacy.blank("de")("„Nein“, sagte Anna.")
>>> att = Attribution("0-6", "", Quote("„Nein“", 0, 6), cue=Cue("sagte", 8, 13, "sagen"),
...                   speaker=Mention("Anna", 14, 18, "Anna", "person"))
>>> set_attribution_spans(doc, [att])
>>> [(g, [(s.text, s.label_, s.id_) for s in doc.spans[g]]) for g in ("qg_quotes", "qg_cues", "qg_speakers")]
[('qg_quotes', [('„Nein“', 'direct', '0-6')]), ('qg_cues', [('sagte', 'sagen', '0-6')]), ('qg_speakers', [('Anna', 'Anna', '0-6')])]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, SpanGroup

from .records import Attribution

__all__ = ["set_attribution_spans"]


def _group(doc: Doc, name: str, attributions: Sequence[Attribution],
           pick: Callable[[Attribution], tuple[int, int, str] | None]) -> SpanGroup:
    spans: list[Span] = []
    for att in attributions:
        item = pick(att)
        if item is None:
            continue
        span = doc.char_span(item[0], item[1], label=item[2] or "", alignment_mode="expand", span_id=att.id)
        if span is not None:
            spans.append(span)
    return SpanGroup(doc, name=name, spans=spans)


def set_attribution_spans(doc: Doc, attributions: Sequence[Attribution]) -> None:
    """Set ``qg_quotes`` (labelled with the kind), ``qg_cues`` (the lemma), ``qg_speakers`` and
    ``qg_mediators`` (the entity name)."""
    doc.spans["qg_quotes"] = _group(doc, "qg_quotes", attributions, lambda a: (a.quote.start, a.quote.end, a.quote.kind))
    doc.spans["qg_cues"] = _group(doc, "qg_cues", attributions, lambda a: a.cue and (a.cue.start, a.cue.end, a.cue.lemma))
    doc.spans["qg_speakers"] = _group(doc, "qg_speakers", attributions,
                                      lambda a: a.speaker and (a.speaker.start, a.speaker.end, a.speaker.entity))
    doc.spans["qg_mediators"] = _group(doc, "qg_mediators", attributions,
                                       lambda a: a.mediator and (a.mediator.start, a.mediator.end, a.mediator.entity))
