"""The spaCy component that finds attributions, and :func:`make_nlp` that assembles a pipeline.

``qg_attribution`` runs the patterns of :mod:`quotegraph.extract.patterns` and the entity
resolution of :mod:`quotegraph.extract.coref`, and puts the results on the Doc:

* ``doc.spans["qg_quotes"]`` — quote contents, labelled with their kind;
* ``doc.spans["qg_speakers"]``, ``doc.spans["qg_cues"]``, ``doc.spans["qg_mediators"]``;
* ``doc._.qg_attributions`` — one plain dict per attribution (character offsets, entity names),
  serialisable, so the component works with ``nlp.pipe(texts, n_process=N)``;
* ``doc._.qg_entities`` — the article's merged entities.

>>> import spacy
>>> nlp = spacy.blank("de")
>>> _ = nlp.add_pipe("sentencizer")
>>> _ = nlp.add_pipe("qg_attribution")
>>> doc = nlp("„Wir bleiben hier und kämpfen“, sagte Anton Weber.")
>>> [(a["text"], a["kind"]) for a in doc._.qg_attributions]
[('„Wir bleiben hier und kämpfen“', 'direct')]
"""

from __future__ import annotations

import os

from spacy.language import Language
from spacy.tokens import Doc

from .patterns import find_attributions, keep_roles_within_lines
from .coref import resolve_entities
from .doc_spans import set_attribution_spans
from .lexicon import load_lexicon
from .loading import load_pipeline, max_article_chars
from .paragraphs import make_paragraph_starts  # noqa: F401 (registers qg_paragraph_starts)
from .phrases import lemma_table
from .linear import load_linear_model, shipped_model_path
from .quote_filter import make_quote_filter  # noqa: F401 (registers qg_quote_filter)
from .speaker_linker import link_speakers

__all__ = ["AttributionFinder", "make_attributor", "make_nlp", "learned_by_default"]

if not Doc.has_extension("qg_attributions"):
    Doc.set_extension("qg_attributions", default=None)
if not Doc.has_extension("qg_entities"):
    Doc.set_extension("qg_entities", default=None)


class AttributionFinder:
    """Finds quotes, cues, speakers and mediators; see the module docstring for the outputs."""

    def __init__(self, nlp: Language, name: str, *, lang: str | None, lexicon_path: str | None,
                 speaker_linker: bool = True, broad_candidates: bool = False):
        self.name = name
        self.lang = lang or nlp.lang
        self.lexicon_path = lexicon_path
        self.lexicon = load_lexicon(self.lang, lexicon_path)
        path = shipped_model_path("speaker_linker", self.lang) if speaker_linker else None
        self.speaker_model = load_linear_model(path) if path else None
        self.broad_candidates = broad_candidates
        if self.lexicon.lemma_lookup:
            lemma_table(self.lang)  # load it now, once: worker processes forked later share it

    def find(self, doc: Doc) -> tuple[list[dict], list[dict]]:
        found = find_attributions(doc, self.lexicon, broad=self.broad_candidates)
        if self.speaker_model is not None:
            link_speakers(doc, found, self.lexicon, self.speaker_model)
        keep_roles_within_lines(doc.text, found)
        mentions, entities = resolve_entities(doc, found, self.lexicon)
        text = doc.text
        rows = []
        for f, m in zip(found, mentions):
            s, e = f.quote
            rows.append({
                "start": s, "end": e, "text": text[s:e], "kind": f.kind, "pattern": str(f.pattern),
                "cue": list(f.cue) if f.cue else None,
                "speaker": list(m["speaker"]) if m["speaker"] else None,
                "mediator": list(m["mediator"]) if m["mediator"] else None,
                "parent": f.parent, "inherited": f.inherited,
            })
        ents = [{"name": e.name, "type": e.type, "aliases": sorted(e.aliases)} for e in entities]
        return rows, ents

    def set_annotations(self, doc: Doc, found: tuple[list[dict], list[dict]]) -> None:
        rows, ents = found
        doc._.qg_attributions = rows
        doc._.qg_entities = ents
        set_attribution_spans(doc, rows)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "qg_attribution",
    assigns=["doc.spans", "doc._.qg_attributions", "doc._.qg_entities"],
    default_config={"lang": None, "lexicon_path": None, "speaker_linker": True, "broad_candidates": False},
)
def make_attributor(nlp: Language, name: str, lang: str | None, lexicon_path: str | None,
                    speaker_linker: bool, broad_candidates: bool) -> AttributionFinder:
    """Create the attribution component (``nlp.add_pipe("qg_attribution")``); with
    ``speaker_linker`` (and weights shipped for the language) speakers missing after the rules
    are found by :mod:`quotegraph.extract.speaker_linker`; ``broad_candidates`` also proposes
    what the rules find too uncertain, for ``qg_quote_filter`` to judge (use only with it)."""
    return AttributionFinder(nlp, name, lang=lang, lexicon_path=lexicon_path, speaker_linker=speaker_linker,
                             broad_candidates=broad_candidates)


def learned_by_default() -> bool:
    """Whether pipelines get their learned parts: ``$QUOTEGRAPH_LEARNED`` (default on)."""
    return os.environ.get("QUOTEGRAPH_LEARNED", "1").strip().lower() not in ("0", "false", "no", "off")


def make_nlp(lang: str, model: str | None = None, *, lexicon_path: str | None = None,
             learned: bool | None = None, quote_filter: bool | None = None) -> Language:
    """A full quotegraph pipeline for a language: the spaCy model, ``qg_attribution`` and,
    where weights ship for the language, its learned parts: the speaker linker inside
    ``qg_attribution`` and the ``qg_quote_filter`` after it.

    Parameters
    ----------
    lang : str
        "de" or "en".
    model : str, optional
        Name or path of any installed spaCy pipeline; by default see
        :func:`quotegraph.extract.loading.resolve_model`.
    lexicon_path : str, optional
        A cue lexicon JSON file to use instead of the shipped one.
    learned : bool, optional
        False: rules only (no speaker linker, no quote filter). By default True, unless the
        environment variable ``QUOTEGRAPH_LEARNED`` is ``0`` (or ``false``, ``no``, ``off``).
    quote_filter : bool, optional
        Whether to add the quote filter; by default as ``learned``.
    """
    if learned is None:
        learned = learned_by_default()
    nlp = load_pipeline(lang, model)
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer", first=True)
    segmenter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if segmenter is not None:
        nlp.add_pipe("qg_paragraph_starts", before=segmenter)
    filtered = (learned if quote_filter is None else quote_filter) and shipped_model_path("quote_filter", lang) is not None
    nlp.add_pipe("qg_attribution", config={"lang": lang, "lexicon_path": lexicon_path, "speaker_linker": learned,
                                           "broad_candidates": filtered})
    if filtered:
        nlp.add_pipe("qg_quote_filter", config={"lang": lang})
    # the same limit the input readers skip longer articles at ($QUOTEGRAPH_MAX_CHARS)
    nlp.max_length = max(nlp.max_length, max_article_chars())
    return nlp
