"""Writes attribution rows (``doc._.qg_attributions``) onto ``doc.spans`` as span groups.

>>> import spacy
>>> doc = spacy.blank("de")("„Nein“, sagte Anna.")
>>> set_attribution_spans(doc, [{"start": 0, "end": 6, "kind": "direct", "cue": [8, 13, "sagen"],
...                              "speaker": [14, 18, "Anna", "person"], "mediator": None}])
>>> [(g, [s.text for s in doc.spans[g]]) for g in ("qg_quotes", "qg_cues", "qg_speakers")]
[('qg_quotes', ['„Nein“']), ('qg_cues', ['sagte']), ('qg_speakers', ['Anna'])]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, SpanGroup

__all__ = ["set_attribution_spans"]


def _group(doc: Doc, name: str, rows: Sequence[dict], pick: Callable[[dict], list | None]) -> SpanGroup:
    spans = []
    for row in rows:
        item = pick(row)
        if not item:
            continue
        span = doc.char_span(item[0], item[1], label=item[2] or "", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return SpanGroup(doc, name=name, spans=spans)


def set_attribution_spans(doc: Doc, rows: Sequence[dict]) -> None:
    """Set ``qg_quotes`` (labelled with the kind), ``qg_cues`` (the lemma), ``qg_speakers`` and
    ``qg_mediators`` (the entity name) from the rows."""
    doc.spans["qg_quotes"] = _group(doc, "qg_quotes", rows, lambda r: [r["start"], r["end"], r["kind"]])
    doc.spans["qg_cues"] = _group(doc, "qg_cues", rows, lambda r: r["cue"])
    doc.spans["qg_speakers"] = _group(doc, "qg_speakers", rows, lambda r: r["speaker"] and r["speaker"][:3])
    doc.spans["qg_mediators"] = _group(doc, "qg_mediators", rows, lambda r: r["mediator"] and r["mediator"][:3])
