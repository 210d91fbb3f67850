"""The spaCy component that finds attributions, and :func:`make_nlp` that assembles a pipeline.

``qg_attribution`` runs its stages in order, then sets the annotations once:

1. the attribution patterns (:mod:`quotegraph.extract.patterns`) propose candidates, which
   become :class:`~quotegraph.extract.records.Attribution` records (:func:`candidates_to_records`):
   from here on every stage takes and gives these;
2. the speaker linker (:mod:`quotegraph.extract.speaker_linker`) gives a speaker to those the
   rules left without one; no speaker or mediator runs over a line break
   (:mod:`quotegraph.extract.roles`);
3. coreference (:mod:`quotegraph.extract.coref`) resolves speakers and mediators to the
   article's entities, then the people, organisations and places named inside each quote
   (its ``mentions``) through the same entities;
4. the quote filter (:mod:`quotegraph.extract.quote_filter`) drops the attributions it doubts.
   It comes last because it judges the whole attribution, its speaker's kind and entity type
   included (its weights were trained on what the stages before it give);
5. an entity stays only if a kept attribution points at it.

On the Doc:

* ``doc._.qg_attributions`` — one :class:`~quotegraph.extract.records.Attribution` per quote
  (character offsets, texts, resolved entities; ids local to the Doc, "START-END");
* ``doc._.qg_entities`` — the :class:`~quotegraph.extract.records.Entity` objects they name;
* ``doc.spans["qg_quotes"]`` (labelled with the kind), ``"qg_cues"`` (the lemma),
  ``"qg_speakers"`` and ``"qg_mediators"`` (the entity name): the spans of one attribution
  share its id (``span.id_``).

The records travel inside ``Doc.to_bytes()`` (:mod:`quotegraph.extract.record_codec`), so the
component works with ``nlp.pipe(texts, n_process=N)``. The lexicon and the learned weights are
brought in by :meth:`AttributionFinder.initialize` (the shipped ones by default) and saved with
the pipeline by ``nlp.to_disk()``.

>>> import spacy
>>> nlp = spacy.blank("de")
>>> _ = nlp.add_pipe("sentencizer")
>>> _ = nlp.add_pipe("qg_attribution", config={"speaker_linker": False, "quote_filter": False})
>>> doc = nlp("„Wir bleiben hier und kämpfen“, sagte Anton Weber.")
>>> [(a.quote.text, a.quote.kind, a.speaker.entity) for a in doc._.qg_attributions]
[('„Wir bleiben hier und kämpfen“', 'direct', 'Anton Weber')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from . import record_codec  # noqa: F401 (lets records travel in Doc.to_bytes)
from .addressees import add_addressees, quoted_addressees
from .coref import resolve_entities
from .doc_spans import set_attribution_spans
from .doc_tables import reading
from .glued_names import join_glued_names
from .errors import QuotegraphError, UnsupportedLanguageError
from .nearest_mentions import nearest_mentions
from .lexicon import SUPPORTED_LANGUAGES, CueLexicon, lexicon_from_dict, lexicon_to_dict, load_lexicon
from .linear import LinearModel, load_linear_model, shipped_model_path
from .loading import load_pipeline
from .settings import learned_by_default, max_article_chars
from .name_passes import run_name_passes
from .paragraphs import make_paragraph_starts  # noqa: F401 (registers qg_paragraph_starts)
from .patterns import Found, find_attributions
from .cue_verbs import lemma_table
from .phrases import doc_text
from .quote_filter import QuoteFilter, kept_with_parents
from .relays import chain_relays
from .records import Attribution, Cue, Entity, Mention, Quote, local_attribution_id
from .roles import keep_roles_within_lines, keep_speakers_apart_from_relays
from .quoted_names import naming_nouns
from .speaker_bounds import tidy_speakers
from .speaker_linker import link_speakers

__all__ = ["AttributionFinder", "make_attributor", "make_nlp", "learned_by_default", "candidates_to_records"]

if not Doc.has_extension("qg_attributions"):
    Doc.set_extension("qg_attributions", default=None)
if not Doc.has_extension("qg_entities"):
    Doc.set_extension("qg_entities", default=None)

#: Files the component writes into its folder of a saved pipeline.
LEXICON_FILE, SPEAKER_LINKER_FILE, QUOTE_FILTER_FILE = "lexicon.json", "speaker_linker.json", "quote_filter.json"


@lru_cache(maxsize=4)
def _audience_nouns(lex: CueLexicon) -> frozenset[str]:
    """The nouns of an audience after a preposition of ``audience_prepositions`` in a speaker
    phrase: the people spoken to (``addressee_nouns``) and outlets (``media_words``: "sagte der
    Trainer zum Nachrichtenmagazin X"), lower case."""
    return lex.addressee_nouns | frozenset(w.lower() for w in lex.media_words)


def candidates_to_records(doc: Doc, found: list[Found]) -> list[Attribution]:
    """What the patterns found as attribution records, which the later stages take and give:
    texts beside the offsets, ``parent`` the local id of the enclosing attribution, the
    possessor of a source phrase as a mention of its own.

    >>> import spacy
    >>> from quotegraph.extract.patterns import Found
    >>> doc = spacy.blank("de")("Er sagte: „Wir bleiben.“")
    >>> (att,) = candidates_to_records(doc, [Found((10, 24), "direct", cue=(3, 8, "sagen"), speaker=(0, 2), pattern="direct")])
    >>> att.id, att.quote.text, att.cue.lemma, att.speaker.text, att.pattern
    ('10-24', '„Wir bleiben.“', 'sagen', 'Er', 'direct')
    """
    text = doc_text(doc)

    def mention(chars: tuple[int, int] | None) -> Mention | None:
        return Mention(text[chars[0]:chars[1]], chars[0], chars[1]) if chars is not None else None

    out = []
    for f in found:
        start, end = f.quote
        cue = Cue(text[f.cue[0]:f.cue[1]], f.cue[0], f.cue[1], f.cue[2]) if f.cue else None
        parent = found[f.parent].quote if f.parent is not None else None
        possessor = doc[f.extra["possessor"]] if "possessor" in f.extra else None
        gaps = tuple(f.extra.get("gaps", ()))
        out.append(Attribution(
            id=local_attribution_id(start, end), article="", quote=Quote(text[start:end], start, end, f.kind, gaps),
            speaker=mention(f.speaker), cue=cue, mediator=mention(f.mediator), relays=tuple(map(mention, f.relays)),
            parent=local_attribution_id(*parent) if parent is not None else None,
            possessor=mention((possessor.idx, possessor.idx + len(possessor.text))) if possessor is not None else None,
            pattern=str(f.pattern), inherited=f.inherited,
        ))
    return out


class AttributionFinder:
    """The ``qg_attribution`` component: candidates, speakers, entities, filter (see the
    module docstring)."""

    def __init__(self, nlp: Language, name: str, *, lang: str | None, speaker_linker: bool = True,
                 quote_filter: bool = True, broad_candidates: bool | None = None,
                 filter_threshold: float | None = None, min_confidence: float = 0.0):
        self.name = name
        self.lang = lang or nlp.lang
        self.use_speaker_linker = speaker_linker
        self.use_quote_filter = quote_filter
        self._broad_candidates = broad_candidates
        self.filter_threshold = filter_threshold
        self.min_confidence = min_confidence
        self.lexicon: CueLexicon | None = None
        self.speaker_model: LinearModel | None = None
        self.quote_filter: QuoteFilter | None = None
        if self.lang in SUPPORTED_LANGUAGES:
            self.initialize()  # the shipped lexicon and weights, until initialize() or from_disk() brings others

    @property
    def broad_candidates(self) -> bool:
        """Whether the patterns also propose what they find too uncertain: with a filter to
        judge them, unless the config says otherwise."""
        return self.quote_filter is not None if self._broad_candidates is None else self._broad_candidates

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon_path: str | None = None,
                   speaker_linker_path: str | None = None, quote_filter_path: str | None = None) -> None:
        """Bring in the lexicon and the learned weights: from the given files, else the ones
        shipped for the language (``nlp.initialize()`` passes the settings of
        ``[initialize.components.qg_attribution]``)."""
        lexicon = load_lexicon(self.lang, lexicon_path)
        linker = speaker_linker_path or (shipped_model_path("speaker_linker", self.lang) if self.use_speaker_linker else None)
        filt = quote_filter_path or (shipped_model_path("quote_filter", self.lang) if self.use_quote_filter else None)
        self._set_data(lexicon, load_linear_model(linker) if linker else None, load_linear_model(filt) if filt else None)

    def _set_data(self, lexicon: CueLexicon, speaker_model: LinearModel | None, filter_model: LinearModel | None) -> None:
        self.lexicon = lexicon
        self.speaker_model = speaker_model
        if self.min_confidence > 0 and filter_model is None:
            raise QuotegraphError(f"{self.name}: a minimum confidence needs the quote filter, whose probability it is "
                              f"(the learned parts are off: unset $QUOTEGRAPH_LEARNED or ship weights for {self.lang!r})")
        self.quote_filter = None
        if filter_model is not None:
            threshold = filter_model.threshold if self.filter_threshold is None else self.filter_threshold
            # a minimum confidence raises the filter's own threshold, so what it drops also leaves
            # the relay chains and nesting (they are built after the filter)
            self.quote_filter = QuoteFilter(filter_model, threshold=max(threshold, self.min_confidence))
        if lexicon.lemma_lookup:
            lemma_table(self.lang)  # load it now, once: worker processes forked later share it

    def find(self, doc: Doc) -> tuple[list[Attribution], list[Entity]]:
        """The attributions of a Doc and the entities they name, without setting them (only
        ``doc.ents`` changes: person names the recogniser cut short are completed, names an
        organisation noun introduces become organisations; and a name glued at an apostrophe,
        "O’Dwyer", becomes one proper noun)."""
        lex = self.lexicon
        if lex is None:
            supported = ", ".join(SUPPORTED_LANGUAGES)
            raise UnsupportedLanguageError(
                f"{self.name}: no cue lexicon ships for language {self.lang!r} (only {supported}); bring one with "
                f"nlp.get_pipe({self.name!r}).initialize(lexicon_path=...) (see docs/languages.md)")
        with reading(doc):  # the stages share what they read from the Doc (doc_tables)
            # first the passes over the names (sharing the table): every stage then sees the
            # whole name and the organisation's type
            join_glued_names(doc, lex)  # (it forgets the table where it merges tokens)
            run_name_passes(doc, lex)
            return self._find(doc, lex)

    def _find(self, doc: Doc, lex: CueLexicon) -> tuple[list[Attribution], list[Entity]]:
        found = find_attributions(doc, lex, broad=self.broad_candidates)
        attributions = candidates_to_records(doc, found)
        if self.speaker_model is not None:
            attributions = link_speakers(doc, attributions, lex, self.speaker_model)
        attributions = keep_roles_within_lines(doc_text(doc), attributions)
        attributions = keep_speakers_apart_from_relays(doc_text(doc), attributions, lex.source_words)
        attributions = tidy_speakers(doc, attributions, lex.speaker_edge_words, lex.affiliation_prepositions,
                                     lex.conversation_nouns | lex.clause_nouns,
                                     (lex.audience_prepositions, _audience_nouns(lex), lex.addressee_prepositions),
                                     lex.name_prepositions, lex.spokesperson_nouns, naming_nouns(lex),
                                     lex.occasion_prepositions, lex.genitive_articles)
        attributions = nearest_mentions(doc, attributions, lex)
        attributions = add_addressees(doc, attributions, lex)
        attributions, parents = kept_with_parents(attributions, [f.parent for f in found],
                                                  [not q for q in quoted_addressees(attributions)])
        attributions, entities = resolve_entities(doc, attributions, lex)
        if self.quote_filter is not None:
            attributions, _ = self.quote_filter(doc, attributions, parents, lex)
        attributions = chain_relays(attributions, lex.first_person)
        named = {m.entity for a in attributions for m in (a.speaker, a.addressee, *a.mediators, *a.mentions)
                 if m is not None}
        return attributions, [e for e in entities if e.name in named]

    def set_annotations(self, doc: Doc, attributions: list[Attribution], entities: list[Entity]) -> None:
        doc._.qg_attributions = attributions
        doc._.qg_entities = entities
        set_attribution_spans(doc, attributions)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, *self.find(doc))
        return doc

    # ------------------------------------------------------------------ serialization

    def _data(self) -> dict:
        return {
            LEXICON_FILE: lexicon_to_dict(self.lexicon) if self.lexicon else None,
            SPEAKER_LINKER_FILE: self.speaker_model.to_dict() if self.speaker_model else None,
            QUOTE_FILTER_FILE: self.quote_filter.model.to_dict() if self.quote_filter else None,
        }

    def _load_data(self, data: dict) -> None:
        linker, filt = data.get(SPEAKER_LINKER_FILE), data.get(QUOTE_FILTER_FILE)
        if data.get(LEXICON_FILE) is None:
            return  # saved before a lexicon was brought in: nothing to restore
        self._set_data(lexicon_from_dict(self.lang, data[LEXICON_FILE]),
                       LinearModel.from_dict(linker) if linker else None,
                       LinearModel.from_dict(filt) if filt else None)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lexicon and the weights in use, so a saved pipeline needs no shipped files."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for file, data in self._data().items():
            if data is not None:
                (path / file).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionFinder:
        path = Path(path)
        self._load_data({file: json.loads((path / file).read_text("utf-8")) if (path / file).is_file() else None
                         for file in (LEXICON_FILE, SPEAKER_LINKER_FILE, QUOTE_FILTER_FILE)})
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._data())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AttributionFinder:
        self._load_data(srsly.msgpack_loads(data))
        return self


@Language.factory(
    "qg_attribution",
    requires=["doc.sents"],
    assigns=["doc.spans", "doc._.qg_attributions", "doc._.qg_entities"],
    default_config={"lang": None, "speaker_linker": True, "quote_filter": True, "broad_candidates": None,
                    "filter_threshold": None, "min_confidence": 0.0},
)
def make_attributor(nlp: Language, name: str, lang: str | None, speaker_linker: bool, quote_filter: bool,
                    broad_candidates: bool | None, filter_threshold: float | None,
                    min_confidence: float) -> AttributionFinder:
    """Create the attribution component (``nlp.add_pipe("qg_attribution")``).

    ``speaker_linker`` and ``quote_filter`` turn the learned parts on (where weights ship for
    the language); ``broad_candidates`` also proposes what the rules find too uncertain (by
    default: when the filter runs, which judges them); ``filter_threshold`` overrides the one
    the filter's weights carry; ``min_confidence`` keeps only attributions whose confidence (the
    filter's probability, ``Attribution.confidence``) reaches it, and needs the filter. The
    lexicon and weights: :meth:`AttributionFinder.initialize`.
    """
    return AttributionFinder(nlp, name, lang=lang, speaker_linker=speaker_linker, quote_filter=quote_filter,
                             broad_candidates=broad_candidates, filter_threshold=filter_threshold,
                             min_confidence=min_confidence)


def make_nlp(lang: str, model: str | None = None, *, lexicon_path: str | None = None,
             learned: bool | None = None, quote_filter: bool | None = None,
             min_confidence: float = 0.0) -> Language:
    """A full quotegraph pipeline for a language: the spaCy model, ``qg_paragraph_starts``
    before its parser and ``qg_attribution`` at the end, with its learned parts where weights
    ship for the language.

    Parameters
    ----------
    lang : str
        "de" or "en" (or any language given a lexicon, see ``docs/languages.md``).
    model : str, optional
        Name or path of any installed spaCy pipeline; by default see
        :func:`quotegraph.extract.loading.resolve_model`.
    lexicon_path : str, optional
        A cue lexicon JSON file to use instead of the shipped one.
    learned : bool, optional
        False: rules only (no speaker linker, no quote filter). By default True, unless the
        environment variable ``QUOTEGRAPH_LEARNED`` is ``0`` (or ``false``, ``no``, ``off``).
    quote_filter : bool, optional
        Whether the quote filter runs; by default as ``learned``.
    min_confidence : float
        Keep only attributions whose confidence reaches this (0 to 1; needs the quote filter).
    """
    if learned is None:
        learned = learned_by_default()
    nlp = load_pipeline(lang, model)
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer", first=True)
    segmenter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if segmenter is not None:
        nlp.add_pipe("qg_paragraph_starts", before=segmenter)
    finder = nlp.add_pipe("qg_attribution", config={
        "lang": lang, "speaker_linker": learned, "quote_filter": learned if quote_filter is None else quote_filter,
        "min_confidence": min_confidence})
    if lexicon_path is not None:
        finder.initialize(lexicon_path=lexicon_path)
    # the same limit the input readers skip longer articles at ($QUOTEGRAPH_MAX_CHARS)
    nlp.max_length = max(nlp.max_length, max_article_chars())
    return nlp
