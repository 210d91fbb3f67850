"""A learned linker that finds a speaker for attributions the rules left without one.

The rules take a speaker only where the syntax names it (the subject of the cue, "laut X").
Free indirect speech ("Man sei für die Zukunft gut aufgestellt.") and frameless quotes get
theirs from context: usually the subject of a sentence just before, often one whose verb is
no reporting verb ("Larson gab sich optimistisch."). :func:`speaker_candidates` collects the
subjects and named entities of the quote's sentence and the sentences before it;
:func:`candidate_features` describes each (distance, grammatical role, entity type, whether
it spoke before …), and a :class:`~quotegraph.extract.linear.LinearModel` picks the best
candidate when its probability reaches the model's threshold.

The weights (``models/speaker_linker/<lang>.json``) are trained by
``training/attribution/train_speakers.py`` on the training split of the evaluation data.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LOWER, ORTH, POS
from spacy.parts_of_speech import ADP, DET, NOUN, PRON, PROPN
from spacy.tokens import Doc, Span

from .lexicon import CueLexicon
from .linear import LinearModel
from .patterns.source_phrases import source_phrases_in
from .cue_verbs import cue_lemma
from .doc_offsets import char_span_kept, span_text, token_bounds
from .doc_tables import among, between, doc_array, forms, head_list, id_list, kept, morph_of, word_ids
from .phrases import SUBJECT_DEPS, CharSpans, DocEntities, doc_text, sentences, with_apposition
from .subjects import subject_of
from .records import Attribution, Mention, replaced

__all__ = ["Candidate", "speaker_candidates", "candidates_for", "candidate_features", "link_speakers"]

#: How many sentences before the quote's first sentence are searched.
WINDOW = 3
_NAMED = {"PER", "PERSON", "ORG", "NORP", "GPE", "LOC"}


class Candidate(NamedTuple):
    """A possible speaker: a token span, how it was found, and its sentence distance (a
    named tuple: one is made for every attribution that weighs it)."""

    span: Span
    role: str  # "subject", "entity" or "source"
    distance: int  # sentences before the quote's first sentence (0: the same one)
    verb: str  # lemma of the verb it is the subject of, the cue of a source ("" for an entity)
    cue_verb: bool  # that verb is a reporting verb of the lexicon (a source: always)
    inside: bool = False  # within the quote's own span
    verb_i: int = -1  # token index of that verb (-1 for an entity or a source)


def _sentence_index(sents: list[Span], starts: list[int], char: int) -> int:
    """The sentence holding ``char`` (``starts``: each sentence's first character); the last
    one for a character between sentences."""
    k = bisect_right(starts, char) - 1
    return k if k >= 0 and char < sents[k].end_char else len(sents) - 1


def _subject_tokens(doc: Doc) -> list[int]:
    """The tokens that are the subject of a head of their own (an expletive is none), in text
    order: read from the Doc's DEP and HEAD arrays once while it is read.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Es", "regnet", "und", "sie", "lacht"], heads=[1, 1, 1, 4, 1],
    ...           deps=["expl", "ROOT", "cc", "nsubj", "conj"])
    >>> _subject_tokens(doc)
    [3]
    """
    def compute(d: Doc) -> list[int]:
        labels = word_ids(SUBJECT_DEPS - {"expl"}, d.vocab.strings)  # the labels' ids, for among()
        return np.flatnonzero(among(doc_array(d, DEP), labels) & (doc_array(d, HEAD) != 0)).tolist()
    return kept(doc, "subject_tokens", compute)


def _sentence_candidates(doc: Doc, sent: Span, lex: CueLexicon,
                         entities: DocEntities) -> list[tuple[Span, str, str, bool, int]]:
    """(span, role, verb or cue, cue_verb, verb index) of one sentence's possible speakers, in
    text order."""
    found: list[tuple[Span, str, str, bool, int]] = []
    heads = head_list(doc)  # (the verb's Token made directly, not through the subject's)
    for i in between(_subject_tokens(doc), doc, sent.start, sent.end):
        verb = doc[heads[i]]
        span = subject_of(verb, sent.start, sent.end, lex)
        if span is None:
            continue
        if span.end < sent.end:
            span = with_apposition(span, sent.end, lex)
        found.append((span, "subject", verb.lemma_.lower(), cue_lemma(verb, lex) is not None, verb.i))
    for ent in entities.within(sent.start, sent.end):
        if ent.label_ in _NAMED:
            found.append((ent, "entity", "", False, -1))
    # "Nach Ansicht von X …", "Laut einem Bericht des Y …": the source of a claim before
    for sp in source_phrases_in(doc, sent.start, sent.end, lex):
        if sp.source is not None:
            found.append((sp.source, "source", span_text(sp.cue).lower(), True, -1))
    return sorted(found, key=lambda c: c[0].start)


def speaker_candidates(doc: Doc, quote: tuple[int, int], lex: CueLexicon, sents: list[Span] | None = None,
                       cache: dict | None = None, entities: DocEntities | None = None) -> list[Candidate]:
    """Subjects of finite verbs (with their appositions), named entities and the sources of
    source phrases ("nach Angaben der Polizei") in the quote's first sentence and the
    :data:`WINDOW` sentences before it, nearest first. ``cache`` (a dict kept for one Doc)
    saves finding a sentence's candidates again for the next quote, ``entities`` looking the
    Doc's entities up again.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> nlp = spacy.blank("de"); _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("Anna Weber kam. Es sei kalt.")
    >>> doc.ents = [doc.char_span(0, 10, label="PER")]
    >>> [(c.span.text, c.role, c.distance) for c in speaker_candidates(doc, (16, 28), load_lexicon("de"))]
    [('Anna Weber', 'entity', 1)]
    """
    sents = sents if sents is not None else sentences(doc)
    if not sents:
        return []
    cache = {} if cache is None else cache
    if "starts" not in cache:  # besides each sentence's candidates, under its index
        cache["starts"] = [s.start_char for s in sents]
    first = _sentence_index(sents, cache["starts"], quote[0])
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for k in range(first, max(-1, first - WINDOW - 1), -1):
        if k not in cache:
            entities = entities if entities is not None else DocEntities(doc)
            # with each span's token and character bounds, read once for every quote that weighs it
            cache[k] = [(c, (c[0].start, c[0].end), c[0].start_char, c[0].end_char)
                        for c in _sentence_candidates(doc, sents[k], lex, entities)]
        for (span, role, verb, cue_verb, verb_i), key, start_char, end_char in cache[k]:
            if key not in seen:
                seen.add(key)
                inside = quote[0] <= start_char and end_char <= quote[1]
                out.append(Candidate(span, role, first - k, verb, cue_verb, inside, verb_i))
    return out


def _span_features(doc: Doc, c: Candidate, lex: CueLexicon, speakers: CharSpans) -> tuple[str, list[str]]:
    """The form of a candidate and the features that depend on it alone (not on the
    attribution): the same for every attribution that weighs it, so worked out once per Doc."""
    form, key = _own_key(doc, c, lex, speakers)
    return form, list(_own_features_of(key))


def _words(doc: Doc) -> tuple[list[str], list[str], list[int], list[int]]:
    """The tokens' lower-case forms, texts, part-of-speech ids and entity-type ids, from the
    Doc's arrays (:func:`~quotegraph.extract.doc_tables.forms`,
    :func:`~quotegraph.extract.doc_tables.id_list`)."""
    return forms(doc, LOWER), forms(doc, ORTH), id_list(doc, POS), id_list(doc, ENT_TYPE)


def _own_key(doc: Doc, c: Candidate, lex: CueLexicon, speakers: CharSpans,
             words: tuple[list[str], list[str], list[int], list[int]] | None = None) -> tuple[str, tuple]:
    """The form of a candidate and all that its own features depend on: a few small values,
    so the features of one key are written (and weighed) once. The words are read from the
    Doc's arrays (``words``: :func:`_words`, to save looking them up): only the span's head
    is made a Token."""
    span = c.span
    start, end = span.start, span.end
    lower, orth, pos, ent_types = _words(doc) if words is None else words
    strings = doc.vocab.strings
    head = span.root
    h = head.i
    if end - start == 1 and lower[start] in lex.pronouns and pos[start] in (PRON, 0):
        form = "pronoun"  # as phrases.is_pronoun
    elif lower[start] in lex.impersonal:
        form = "impersonal"
    elif PROPN in pos[start:end]:
        form = "name"
    else:
        form = "description"
    subject = c.role == "subject"
    case = morph_of(span[0], "Case") if pos[start] == DET else None
    return form, (
        c.role, form, strings[ent_types[h] or next((e for e in ent_types[start:end] if e), 0)] or "none",
        min(end - start, 6), c.verb if c.role == "source" else None, c.cue_verb if subject else None,
        subject and c.verb in lex.weak_verbs, (span.start_char, span.end_char) in speakers,
        speakers.covers(span.start_char), None if pos[h] in (NOUN, PROPN, PRON) else strings[pos[h]],
        None if form == "name" else lower[h], head.dep_,
        not lex.titles.isdisjoint(orth[start:end]) or not lex.media_words.isdisjoint(lower[start:end]),
        "+".join(case) if case else None, start > 0 and pos[start - 1] == ADP,
        strings[pos[start]] if end - start == 1 and not ent_types[start] and form != "pronoun" else None)


@lru_cache(maxsize=8192)
def _own_features_of(key: tuple) -> tuple[str, ...]:
    """The own features of a candidate from its :func:`_own_key`."""
    (role, form, ent, length, source, cue_verb, weak_verb, spoke_before, overlaps_speaker, head_pos, head_word,
     dep, title_or_outlet, case, after_preposition, bare_word) = key
    feats = [f"role={role}", f"form={form}", f"ent={ent}", f"ent={ent}|role={role}", f"length={length}"]
    if source is not None:
        feats.append(f"source={source}")
    if cue_verb is not None:
        feats.append(f"cue_verb={cue_verb}")
        if weak_verb:
            feats.append("weak_verb")
    if spoke_before:
        feats.append("spoke_before")
    if overlaps_speaker:
        feats.append("overlaps_speaker")
    if head_pos is not None:
        feats.append(f"head_pos={head_pos}")
    if head_word is not None:
        # the head word of a pronoun or description: "it", "that", "statement", "officials"
        feats += [f"head={head_word}", f"head={head_word}|role={role}"]
    feats.append(f"dep={dep}|role={role}")
    if title_or_outlet:
        feats.append("title_or_outlet")
    if case is not None:
        feats.append(f"case={case}")
    if after_preposition:
        feats.append("after_preposition")
    if bare_word is not None:
        feats.append(f"bare_word={bare_word}")
    return tuple(feats)


def candidate_features(doc: Doc, att: Attribution, c: Candidate, rank: int, lex: CueLexicon,
                       speakers: CharSpans, *, rule_choice: bool = False, cache: dict | None = None,
                       text: str | None = None) -> list[str]:
    """Features of one candidate for one attribution (``rank``: its place among the
    candidates, nearest first; ``speakers``: spans already speakers of other attributions;
    ``rule_choice``: the candidate is the rules' speaker). ``cache`` (a dict kept for one Doc
    and one ``speakers``) saves working out a candidate's own features again for the next
    attribution; ``text`` (``doc.text``, which spaCy joins anew on each access) saves joining
    the tokens between the candidate and the quote."""
    form, feats = _own_features(doc, c, lex, speakers, cache)
    return feats + list(_pair_features(doc, att, c, rank, form, rule_choice, text))


def _own_features(doc: Doc, c: Candidate, lex: CueLexicon, speakers: CharSpans,
                  cache: dict | None) -> tuple[str, list[str]]:
    span = c.span
    key = (span.start, span.end, c.role, c.verb, c.cue_verb)
    if cache is None:
        return _span_features(doc, c, lex, speakers)
    if key not in cache:
        cache[key] = _span_features(doc, c, lex, speakers)
    return cache[key]


def _pair_features(doc: Doc, att: Attribution, c: Candidate, rank: int, form: str, rule_choice: bool,
                   text: str | None) -> tuple[str, ...]:
    """The features of a candidate that depend on the attribution too (none is also one of
    its own features: :func:`link_speakers` weighs the two parts apart)."""
    return _pair_features_of(_pair_key(doc, att, c, rank, form, rule_choice, text))


def _pair_key(doc: Doc, att: Attribution, c: Candidate, rank: int, form: str, rule_choice: bool,
              text: str | None, bounds: tuple[list[int], list[int], list[int]] | None = None) -> tuple:
    """All that a candidate's pair features depend on: a few small values, so the features of
    one key are written (and weighed) once (``bounds``: :func:`token_bounds`, to save looking
    them up)."""
    bounds = token_bounds(doc) if bounds is None else bounds
    entry = _entry(c, form, 0.0, bounds, _paragraph_breaks(doc, text))
    return _pair_keys(att, [entry], rank if rule_choice else None, bounds, rank, [c.inside])[0]


def _entry(c: Candidate, form: str, own_weight: float, bounds: tuple[list[int], list[int], list[int]],
           breaks: list[int]) -> tuple:
    """A candidate as :func:`_pair_keys` reads it: (start, end, start char, end char, span,
    role, distance, verb, cue verb, character where its verb starts (-1: none), form, the
    weight of its own features, the first paragraph break at or after the token after it)."""
    span = c.span
    starts = bounds[0]
    next_break = _NO_BREAK
    if span.end < len(starts):
        k = bisect_left(breaks, starts[span.end])
        next_break = breaks[k] if k < len(breaks) else _NO_BREAK
    return (span.start, span.end, span.start_char, span.end_char, span, c.role, c.distance, c.verb, c.cue_verb,
            starts[c.verb_i] if c.verb_i >= 0 else -1, form, own_weight, next_break)


#: past every character: no paragraph break follows
_NO_BREAK = 1 << 62


class _Frame(NamedTuple):
    """What the pair features of every candidate read of one attribution (:func:`_frame`)."""

    kind: str
    pattern: str
    quote_start: int
    cue: tuple[int, int] | None
    has_speaker: bool
    last: int  # the token that holds the character before the quote, its trailing whitespace included (-1: none)


def _frame(att: Attribution, bounds: tuple[list[int], list[int], list[int]]) -> _Frame:
    """:class:`_Frame` of an attribution, read once for all its candidates."""
    starts, _, ws_ends = bounds
    end = att.quote.start
    # the token whose text or trailing whitespace holds end - 1, as Doc.char_span finds it (or -1)
    last = bisect_right(starts, end - 1) - 1
    if last >= 0 and end - 1 >= ws_ends[last]:
        last = -1
    cue = (att.cue.start, att.cue.end) if att.cue is not None else None
    return _Frame(att.quote.kind, att.pattern, end, cue, att.speaker is not None, last)


def _pair_keys(att: Attribution, entries: list[tuple], rule: int | None, bounds: tuple[list[int], list[int], list[int]],
               first_rank: int = 0, insides: list[bool] | None = None) -> list[tuple]:
    """:func:`_pair_key` of each of an attribution's candidates (as :func:`_entry` gives them;
    ``rule``: the index of the rules' choice, ``first_rank``: the rank of the first,
    ``insides``: whether each is inside the quote, else worked out from its bounds, no rules'
    choice counting), read with the attribution's :func:`_frame` in one loop."""
    kind, pattern, quote_start, cue, has_speaker, last = _frame(att, bounds)
    quote_end = att.quote.end
    # a paragraph break ("\n\n") between the two: from the candidate's end to the token ``last``
    # (char_span_kept(doc, span.end_char, quote start, "expand"))
    last_end = bounds[1][last] if last >= 0 else -1
    cue_start, cue_end = cue if cue is not None else (-1, -1)
    out = []
    for rank, (_, end, start_char, end_char, _, role, distance, _, cue_verb, verb_char, form, _, next_break) \
            in enumerate(entries, first_rank):
        subject = role == "subject"
        before = end_char <= quote_start
        inside = (role != "rule" and quote_start <= start_char and end_char <= quote_end) if insides is None \
            else insides[rank - first_rank]
        out.append((kind, pattern, distance, role, form, min(rank, 4), before, inside,
                    (rank == rule) if has_speaker else None, cue_verb if subject else None,
                    subject and cue_start <= verb_char < cue_end,
                    before and end <= last and next_break + 2 <= last_end))
    return out


def _paragraph_breaks(doc: Doc, text: str | None = None) -> list[int]:
    """Where the Doc's text (``text``: ``doc.text``, to save joining it) has a paragraph break
    ("\\n\\n", each overlapping one too), kept while the Doc is read."""
    return kept(doc, "paragraph_breaks", lambda d: _breaks_in(text if text is not None else d.text))


def _breaks_in(text: str) -> list[int]:
    return [m.start() for m in _BREAK.finditer(text)]


_BREAK = re.compile(r"(?=\n\n)")


@lru_cache(maxsize=4096)
def _pair_features_of(key: tuple) -> tuple[str, ...]:
    (kind, pattern, distance, role, form, rank, before, inside, rule_choice, cue_verb,
     subject_of_cue, paragraph_between) = key
    feats = [
        f"distance={distance}", f"distance={distance}|role={role}", f"distance={distance}|form={form}",
        f"rank={rank}", f"rank={rank}|kind={kind}",
        f"kind={kind}|pattern={pattern}", f"side={'before' if before else 'after'}", f"form={form}|kind={kind}",
    ]
    if inside:
        feats += ["inside", f"inside|role={role}|kind={kind}"]
    if rule_choice is not None:
        # the rules named a speaker: is this it?
        feats += [f"rule_choice={rule_choice}", f"rule_choice={rule_choice}|pattern={pattern}",
                  f"rule_choice={rule_choice}|form={form}"]
    if role == "subject":
        feats.append(f"cue_verb={cue_verb}|distance={distance}")
        if subject_of_cue:
            feats.append(f"subject_of_cue|kind={kind}")  # the syntax names it: "X sagte, …"
    if paragraph_between:
        feats.append("paragraph_between")
    return tuple(feats)


def _relative_pronoun(doc: Doc, mention) -> bool:
    """Whether a speaker is one English relative pronoun ("who", "which": tagged WP, WDT)."""
    span = char_span_kept(doc, mention.start, mention.end, "expand")
    return span is not None and len(span) == 1 and span[0].tag_ in ("WP", "WDT")


def _rule_candidate(doc: Doc, att: Attribution, cands: list[Candidate]) -> tuple[list[Candidate], int | None]:
    """The candidates with the rules' own speaker among them (role "rule" when no candidate
    has its span), and its index."""
    speaker = att.speaker
    span = char_span_kept(doc, speaker.start, speaker.end, "expand") if speaker is not None else None
    if span is None or len(span) == 0:
        return cands, None
    for k, c in enumerate(cands):
        if (c.span.start, c.span.end) == (span.start, span.end):
            return cands, k
    return [Candidate(span, "rule", 0, "", True)] + cands, 0


#: patterns whose speaker the rules settle alone: a nested quote's and a transcript turn's are
#: given; hearsay ("evidential"), what someone was asked ("asked") and a speech noun's clause
#: after the copula ("noun_predicate") name their source in the sentence or name none
UNLINKED_PATTERNS = frozenset({"nested", "transcript", "evidential", "asked", "noun_predicate", "noun_act"})


def _nothing_to_weigh(doc: Doc, att: Attribution, rerank: bool) -> bool:
    """Whether the linker leaves an attribution as it is (see :func:`candidates_for`)."""
    if att.pattern in UNLINKED_PATTERNS or att.possessor is not None or (att.speaker is not None and not rerank):
        return True
    # "X, who endorsed Y": the clause's own subject, which English annotation keeps
    return att.speaker is not None and _relative_pronoun(doc, att.speaker)


def candidates_for(doc: Doc, att: Attribution, lex: CueLexicon, sents: list[Span], *, rerank: bool,
                   cache: dict | None = None, entities: DocEntities | None = None) -> tuple[list[Candidate], int | None]:
    """The candidates the linker weighs for one attribution and the index of the rules' own
    speaker among them (None without ``rerank`` or without one); no candidates for nested
    quotes, transcript turns (their label is the speaker), hearsay that names no source
    ("evidential"), possessor sources ("seinen Angaben
    nach"), and, without ``rerank``, attributions that have a speaker."""
    if _nothing_to_weigh(doc, att, rerank):
        return [], None
    cands = speaker_candidates(doc, (att.quote.start, att.quote.end), lex, sents, cache, entities)
    for relay in att.mediators:  # a relay the rules found is no candidate for the speaker
        cands = [c for c in cands if not (c.span.start_char < relay.end and relay.start < c.span.end_char)]
    return _rule_candidate(doc, att, cands) if rerank else (cands, None)


def link_speakers(doc: Doc, attributions: list[Attribution], lex: CueLexicon,
                  model: LinearModel) -> list[Attribution]:
    """The attributions, each with no speaker given the best candidate when the model is sure
    enough (its probability ≥ the model's threshold). A model trained with ``rerank`` (its
    ``info``) also reconsiders the rules' speakers: the rules' choice, as one candidate with
    the feature "rule_choice", is replaced when another candidate scores higher. Nested quotes
    are left alone: their speaker is the quoted speaker's business.

    It weighs the candidates :func:`candidates_for` gives with the features
    :func:`candidate_features` gives, but reads each window of sentences and each candidate's
    own part once per Doc (:class:`_Windows`), not once per attribution."""
    rerank = bool(model.info.get("rerank"))
    sents = sentences(doc)
    if not sents:
        return list(attributions)
    speakers = CharSpans((a.speaker.start, a.speaker.end) for a in attributions if a.speaker is not None)
    windows = _Windows(doc, sents, lex, speakers, model)
    bounds = token_bounds(doc)
    out = []
    for att in attributions:
        if _nothing_to_weigh(doc, att, rerank):
            out.append(att)
            continue
        cands = windows.candidates(att)
        rule = None
        speaker = att.speaker
        span = char_span_kept(doc, speaker.start, speaker.end, "expand") if speaker is not None else None
        if rerank and span is not None and len(span) > 0:  # as _rule_candidate
            rule = next((k for k, c in enumerate(cands) if (c[0], c[1]) == (span.start, span.end)), None)
            if rule is None:
                cands = [windows.rule_entry(span), *cands]
                rule = 0
        if cands:
            k, probability = _most_probable(windows.weights(att, cands, rule, bounds), model)
            if (k != rule) if rule is not None else probability >= model.threshold:
                chosen = _with_titles_before(cands[k][4], lex)
                if span is None or not (span.start <= chosen.start and chosen.end <= span.end):
                    # a part of the rules' phrase is the same speaker: the phrase stays whole
                    att = replaced(att, speaker=Mention(chosen.text, chosen.start_char, chosen.end_char))
        out.append(att)
    return out


def _with_titles_before(span: Span, lex: CueLexicon) -> Span:
    """The span with the titles right before it ("Mr.", "President", "Sen."): a name the
    recogniser marked without its title ("Mr. [Obama]") is the speaker with it."""
    doc, start = span.doc, span.start
    while start > 0 and doc[start - 1].text in lex.titles and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return doc[start : span.end] if start < span.start else span


class _Windows:
    """The candidates of one Doc's windows of sentences for :func:`link_speakers`, each as
    :func:`_entry` gives it, read once per Doc (the distance aside, once per sentence)."""

    def __init__(self, doc: Doc, sents: list[Span], lex: CueLexicon, speakers: CharSpans, model: LinearModel):
        self.doc, self.sents, self.lex, self.speakers, self.model = doc, sents, lex, speakers, model
        self.starts = [s.start_char for s in sents]
        self.entities = DocEntities(doc)
        self.words = _words(doc)
        self.bounds = token_bounds(doc)
        self.breaks = _paragraph_breaks(doc, doc_text(doc))
        self._sentences: dict[int, list[tuple]] = {}
        self._windows: dict[int, list[tuple]] = {}

    def _entry(self, span: Span, role: str, distance: int, verb: str, cue_verb: bool, verb_i: int) -> tuple:
        c = Candidate(span, role, distance, verb, cue_verb, False, verb_i)
        form, key = _own_key(self.doc, c, self.lex, self.speakers, self.words)
        return _entry(c, form, self.model.weight_of(key, _own_features_of), self.bounds, self.breaks)

    def rule_entry(self, span: Span) -> tuple:
        """The rules' own speaker as a candidate none of the window's is (role "rule")."""
        return self._entry(span, "rule", 0, "", True, -1)

    def _sentence(self, k: int) -> list[tuple]:
        """The candidates of sentence ``k`` at distance 0 (the distance is the one part of an
        entry that depends on the quote's sentence)."""
        entries = self._sentences.get(k)
        if entries is None:
            entries = self._sentences[k] = []
            seen: set[tuple[int, int]] = set()  # a span found twice counts once, the first time (as in a window)
            for span, role, verb, cue_verb, verb_i in _sentence_candidates(self.doc, self.sents[k], self.lex,
                                                                           self.entities):
                if (span.start, span.end) not in seen:
                    seen.add((span.start, span.end))
                    entries.append(self._entry(span, role, 0, verb, cue_verb, verb_i))
        return entries

    def _window(self, first: int) -> list[tuple]:
        """The candidates of sentence ``first`` and the :data:`WINDOW` before it, nearest first
        (as :func:`speaker_candidates`, without ``inside``)."""
        entries = self._windows.get(first)
        if entries is None:
            entries = self._windows[first] = []
            seen: set[tuple[int, int]] = set()
            for k in range(first, max(-1, first - WINDOW - 1), -1):
                distance = first - k
                for entry in self._sentence(k):
                    key = (entry[0], entry[1])
                    if key not in seen:
                        seen.add(key)
                        entries.append(entry if distance == 0 else (*entry[:6], distance, *entry[7:]))
        return entries

    def candidates(self, att: Attribution) -> list[tuple]:
        """The window's candidates for an attribution, without those on one of its relays."""
        first = _sentence_index(self.sents, self.starts, att.quote.start)
        cands = self._window(first)
        for relay in att.mediators:  # a relay the rules found is no candidate for the speaker
            cands = [c for c in cands if not (c[2] < relay.end and relay.start < c[3])]
        return cands

    def weights(self, att: Attribution, cands: list[tuple], rule: int | None,
                bounds: tuple[list[int], list[int], list[int]]) -> list[float]:
        """The summed weights of the candidates' own and pair features."""
        keys = _pair_keys(att, cands, rule, bounds)
        return [c[11] + w for c, w in zip(cands, self.model.weights_of(keys, _pair_features_of))]


def _most_probable(weights: list[float], model: LinearModel) -> tuple[int, float]:
    """The index of the most probable of candidates with these summed weights (the first of
    equals) and its probability, as ``max`` over all their probabilities finds it; only the
    weights near the highest are made probabilities: one lower by 1 or more has a clearly
    lower probability (the model clips bias + weight to ±30, so every weight whose sum clips
    to the top one is near).

    >>> _most_probable([0.5, 2.0, 2.0, -9.0], LinearModel(bias=0.0))[0]
    1
    """
    limit = min(max(model.bias + max(weights), -30.0), 30.0) - 1.0
    best, best_probability = -1, -1.0
    for i, w in enumerate(weights):
        if limit <= -30.0 or model.bias + w >= limit:
            probability = model.probability_of(w)
            if probability > best_probability:
                best, best_probability = i, probability
    return best, best_probability
