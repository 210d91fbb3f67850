"""A learned filter that drops the attributions the rules most likely got wrong.

The rules of :mod:`quotegraph.extract.patterns` favour recall: every clause after a
reporting verb, every speech-act sentence, every Konjunktiv sentence near a report is a
candidate. :class:`QuoteFilter` (run by ``qg_attribution``, after the speakers are linked and
resolved: it judges the whole attribution) scores each candidate with a logistic-regression
model over plain, readable features (:func:`quote_features`: which rule found it, the cue
lemma, the kind of speaker, mood, length …) and drops those below the model's threshold.

The weights (a :class:`~quotegraph.extract.linear.LinearModel`, ``models/quote_filter/<lang>.json``)
are trained by ``training/attribution/train_filter.py`` on the training split of the evaluation
data, the threshold chosen by cross-validation there, never on dev or test.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from functools import lru_cache

from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, MORPH, ORTH, POS, TAG
from spacy.parts_of_speech import ADP, ADV, AUX, DET, NOUN, PRON, SCONJ, VERB
from spacy.tokens import Doc, Span, Token

from .lexicon import CueLexicon
from .linear import LinearModel
from .marks import CLOSING_MARKS, OPENING_MARKS, PAIRS
from .patterns.acts import broad_complement
from .cue_verbs import cue_tokens
from .doc_offsets import char_span_kept, token_bounds
from .doc_tables import (between, children_of, doc_sents, flags, forms, head_list, id_list, id_set, kept, morph_values_by_id,
                         tokens_with)
from .phrases import SUBJECT_DEPS, doc_text
from .quotemarks import find_quoted, word_count
from .records import Attribution, replaced

__all__ = ["QuoteFilter", "quote_features", "kept_with_parents"]


def _bucket(n: int) -> str:
    """Length classes on a log scale: 0, 1, 2-3, 4-7, 8-15 …"""
    return str(n.bit_length())


def _speaker_kind(att: Attribution, span: Span | None, pos: list[int] | None = None) -> str:
    """The kind of the speaker phrase by its first word's part of speech (``pos``: the Doc's
    parts of speech as ids, to read it without a Token)."""
    if att.speaker is None:
        return "none"
    if span is None or not len(span):
        first = None
    else:
        first = span[0].pos if pos is None else pos[span.start]
    if first == PRON and len(span) == 1:
        return "pronoun"
    if first == DET:
        return f"description:{att.speaker.type or 'none'}"
    return f"name:{att.speaker.type or 'none'}"


def quote_features(doc: Doc, att: Attribution, lex: CueLexicon, text: str | None = None,
                   sents: list[Span] | None = None, parent: Attribution | None = None,
                   sent_starts: list[int] | None = None) -> list[str]:
    """The features of one attribution; ``parent`` is the attribution it is nested in, if any.
    ``text``, ``sents`` and ``sent_starts`` (the first token of each sentence) save working
    them out again for each attribution of a Doc.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> from quotegraph.extract.records import Cue, Mention, Quote
    >>> doc = spacy.blank("de")("„Wir kommen“, sagte sie.")
    >>> att = Attribution("0-12", "", Quote("„Wir kommen“", 0, 12, "direct"), cue=Cue("sagte", 14, 19, "sagen"),
    ...                   speaker=Mention("sie", 20, 23), pattern="direct")
    >>> [f for f in quote_features(doc, att, load_lexicon("de")) if f.startswith(("kind", "cue=", "first_person"))]
    ['kind=direct', 'kind=direct|pattern=direct', 'cue=sagen', 'cue=sagen|kind=direct', 'first_person', 'first_person|kind=direct']
    """
    kind, pattern = att.quote.kind, att.pattern or ""
    start, end = att.quote.start, att.quote.end
    feats = [f"kind={kind}", f"kind={kind}|pattern={pattern}"]
    cue = att.cue
    lemma = (cue.lemma or "").lower() if cue else "none"
    feats += [f"cue={lemma}", f"cue={lemma}|kind={kind}"]
    # the cue's and the speaker's tokens, looked up once for all features that read them
    cue_span = char_span_kept(doc, cue.start, cue.end, "expand") if cue else None
    speaker_at = att.speaker
    speaker_span = char_span_kept(doc, speaker_at.start, speaker_at.end, "expand") if speaker_at else None
    # their heads, found once (spaCy walks the span's tokens on each Span.root)
    cue_root = cue_span.root if cue_span is not None else None
    speaker_root = speaker_span.root if speaker_span is not None and len(speaker_span) else None
    if cue_span is not None:
        feats.append(f"cue_pos={cue_root.pos_}|kind={kind}")
        where = "before" if cue.end <= start else "after" if cue.start >= end else "inside"
        feats.append(f"cue_at={where}|kind={kind}")
    tables = _tables(doc)
    speaker = _speaker_kind(att, speaker_span, tables.pos)
    feats += [f"speaker={speaker}", f"speaker={speaker}|kind={kind}", f"speaker={speaker}|pattern={pattern}"]
    if cue_span is not None:
        feats.append(f"cue_tag={cue_root.tag_}|pattern={pattern}")
    if speaker_root is not None:
        feats.append(f"speaker_dep={speaker_root.dep_}|pattern={pattern}")
    feats += _speaker_features(att, speaker_span, cue_span, kind, speaker_root)
    if att.inherited:
        feats.append("inherited")
    if att.mediator:
        feats.append(f"mediator|kind={kind}")
        if speaker_root is not None:
            # a relayed speaker in the object ("…, the paper reported, citing two officials") is
            # the cited source, not an object taken for a subject
            feats.append(f"mediator|speaker_dep={speaker_root.dep_}")
    if att.parent is not None:
        feats.append("nested")
    quote = char_span_kept(doc, start, end, "expand")
    if quote is None or len(quote) == 0:
        return feats + ["no_tokens"]
    q_start, q_end = quote.start, quote.end
    # the quote's words (no punctuation, no space) by index: read from the Doc's arrays, no Token made
    edge = tables.edge
    words = [i for i in range(q_start, q_end) if not edge[i]]
    lower = tables.lower
    n_words = _bucket(len(words))
    feats.append(f"length={n_words}|kind={kind}")
    if att.parent is not None:
        feats.append(f"length={n_words}|nested")
        if parent is not None:
            # a fragment inside reported speech is mostly quoted speech; alone it is mostly a name
            feats.append(f"nested_in={parent.quote.kind}|kind={kind}")
    has_sents = tables.has_sents
    if has_sents and sents is None:
        sents = tables.sents
    # Token.sent walks the sentences on every call: look them up by start instead
    starts = (sent_starts if sent_starts is not None else tables.sent_starts if sents is tables.sents
              else [s.start for s in sents]) if has_sents else [0]
    at = bisect_right(starts, q_start) - 1
    n_sents = bisect_left(starts, q_end) - at
    feats.append(f"sentences={min(n_sents, 4)}|kind={kind}")
    text = tables.text if text is None else text  # spaCy joins the tokens anew on each doc.text
    content = text[start:end]
    if content[:1] in OPENING_MARKS:
        feats.append(f"starts_with_mark|kind={kind}")
    if kind != "direct":
        # a report that quotes the speaker's own words ('Bemoaning the "phony system," …')
        feats.append(f"quoted={_quoted_share(content)}|kind={kind}")
    if not lex.first_person.isdisjoint([lower[i] for i in words]):
        feats.append("first_person")
        feats.append(f"first_person|kind={kind}")
    if "?" in content:
        feats.append(f"question|kind={kind}")
    pos = tables.pos
    first = words[0] if words else q_start
    if pos[first] in (SCONJ, PRON, ADV):
        feats.append(f"first={lower[first]}|kind={kind}")
    # what the quote hangs on: "nannte … „…“", "bezeichnete … als „…“", "rechnen mit „…“"
    governor = quote.root.head
    if not (q_start <= governor.i < q_end):
        feats.append(f"governor={governor.lemma_.lower()}|kind={kind}")
        if pos[governor.i] == ADP and governor.head.i != governor.i:
            feats.append(f"governor={governor.lemma_.lower()}+{governor.head.lemma_.lower()}|kind={kind}")
    moods = tables.moods  # the Mood values of each analysis: the quote's are those of its tokens' analyses
    mood = "+".join(sorted({v for key in set(tables.morph[q_start:q_end]) for v in moods[key]}))
    feats.append(f"mood={mood or 'none'}|kind={kind}")
    if not tables.person_ids.isdisjoint(tables.ent_type[q_start:q_end]):
        feats.append(f"person_inside|kind={kind}")
    like_num = tables.like_num
    if any(like_num[i] for i in words):
        feats.append(f"number_inside|kind={kind}")
    sent = sents[at] if has_sents else None
    # headlines and leads summarise: a statement there is seldom annotated as a quote
    feats.append(f"in_lead={'yes' if start < 200 else 'no'}|kind={kind}")
    if sent is not None:
        sent_start, sent_end = sent.start, sent.end
        feats.append(f"sent_start={'yes' if sent_start == 0 else 'no'}|kind={kind}")
        # the sentence around the quote: does it name a reporting verb, and who is its subject
        token_starts = tables.token_starts
        if any(not (start <= token_starts[i] < end) and pos[i] in _SENTENCE_CUE_POS
               for i in cue_tokens(doc, sent_start, sent_end, lex)):
            feats.append(f"sentence_cue|kind={kind}")
        subject = _sentence_subject(doc, sent, start, end)
        if subject is not None:
            feats.append(f"sentence_subject={subject.ent_type_ or subject.pos_}|kind={kind}")
        covered = (q_end - q_start) / max(1, sent_end - sent_start)
        feats.append(f"covers_sentence={'most' if covered >= 0.8 else 'part'}|kind={kind}")
    if pattern == "broad_verb" and cue:
        feats += _broad_verb_features(doc, cue_span, lemma, lex)
    return feats + _name_features(doc, quote, words, kind, text, tables)


class _Tables(NamedTuple):
    """What :func:`quote_features` reads of a Doc for every attribution, worked out once per Doc."""

    text: str
    lower: list[str]
    orth: list[str]
    alpha: list[bool]
    pos: list[int]
    edge: list[bool]  # punctuation or space
    like_num: list[bool]
    ent_type: list[int]
    person_ids: frozenset[int]
    morph: list[int]
    moods: dict[int, tuple[str, ...]]  # a MORPH id -> its Mood values
    token_starts: list[int]
    has_sents: bool
    sents: list[Span] | None
    sent_starts: list[int] | None


def _tables(doc: Doc) -> _Tables:
    """The :class:`_Tables` of a Doc, kept while it is read (:func:`~.doc_tables.reading`)."""
    def compute(d: Doc) -> _Tables:
        strings = d.vocab.strings
        has_sents = d.has_annotation("SENT_START")
        sents = doc_sents(d) if has_sents else None
        return _Tables(doc_text(d), forms(d, LOWER), forms(d, ORTH), flags(d, IS_ALPHA), id_list(d, POS),
                       flags(d, IS_PUNCT, IS_SPACE), flags(d, LIKE_NUM), id_list(d, ENT_TYPE), _person_ids(strings),
                       id_list(d, MORPH), morph_values_by_id(d, "Mood"), token_bounds(d)[0], has_sents, sents,
                       [s.start for s in sents] if sents is not None else None)
    return kept(doc, "quote_filter_tables", compute)


_PERSON = frozenset({"PER", "PERSON"})
#: the parts of speech of a cue that makes a "sentence_cue", as ids (plain ints)
_SENTENCE_CUE_POS = frozenset({int(VERB), int(AUX), int(NOUN), int(ADP)})


@lru_cache(maxsize=8)
def _person_ids(strings) -> frozenset[int]:
    """The ids of the person entity labels (:data:`_PERSON`) in a vocabulary's strings."""
    return frozenset(strings[label] for label in _PERSON)


def _sentence_subject(doc: Doc, sent: Span, start: int, end: int) -> Token | None:
    """The first subject of the sentence's main verb outside the characters [start, end)
    (the quote), or None: only the tokens whose label is a subject's are made Tokens."""
    token_starts = token_bounds(doc)[0]
    for i in between(_root_subjects(doc), doc, sent.start, sent.end):
        if not (start <= token_starts[i] < end):
            return doc[i]
    return None


def _root_subjects(doc: Doc) -> list[int]:
    """The tokens whose label is a subject's and whose head is a sentence's root, in order,
    kept while the Doc is read."""
    def compute(d: Doc) -> list[int]:
        deps, heads, strings = id_list(d, DEP), head_list(d), d.vocab.strings
        roots = (strings["ROOT"], strings["root"])
        return [i for i in tokens_with(d, SUBJECT_DEPS, attr=DEP) if deps[heads[i]] in roots]
    return kept(doc, "quote_filter_root_subjects", compute)


#: any quotation mark :func:`~.quotemarks.find_quoted` pairs (its ``''`` holds ``'``)
_ANY_MARK = re.compile("[" + re.escape("".join(sorted(set(PAIRS) | set(CLOSING_MARKS)))) + "]")


def _quoted_share(content: str) -> str:
    """How much of a content stands in quotation marks (the top-level quotes the scanner finds):
    "none", "part" or "most".

    >>> _quoted_share('the "phony system,"'), _quoted_share("taxes will rise"), _quoted_share("''we win''")
    ('part', 'none', 'most')
    """
    if _ANY_MARK.search(content) is None:  # no mark the scanner acts on: nothing quoted (most reports)
        return "none"
    quoted = sum(word_count(q.text) for q in find_quoted(content, max_depth=0))
    if not quoted:
        return "none"
    return "most" if quoted * 5 >= word_count(content) * 4 else "part"


def _speaker_features(att: Attribution, span: Span | None, cue_span: Span | None, kind: str,
                      head: Token | None = None) -> list[str]:
    """What the speaker phrase is: its head's part of speech, entity type and grammatical role,
    the head word itself when it is a pronoun or common noun ("it", "who", "statement"), and
    how far it stands from the cue. A filter that must judge the speaker, not just the quote,
    learns from these which speakers are seldom right. ``head``: the span's root, when the
    caller has it."""
    if span is None or len(span) == 0:
        return []
    head = span.root if head is None else head
    feats = [f"speaker_pos={head.pos_}|kind={kind}", f"speaker_ent={head.ent_type_ or 'none'}|kind={kind}",
             f"speaker_dep={head.dep_}|kind={kind}", f"speaker_length={_bucket(len(span))}"]
    if head.pos_ in ("PRON", "NOUN", "DET"):
        feats.append(f"speaker_word={head.lower_}")
    if att.quote.start <= att.speaker.start < att.quote.end:
        feats.append(f"speaker_inside|kind={kind}")
    if cue_span is not None:
        gap = cue_span.start - span.end if span.end <= cue_span.start else span.start - cue_span.end
        feats.append(f"speaker_cue_gap={_bucket(max(gap, 0))}|{'before' if span.end <= cue_span.start else 'after'}")
    return feats


def _broad_verb_features(doc: Doc, cue_span: Span | None, lemma: str, lex: CueLexicon) -> list[str]:
    """What tells an attribution ("X endorsed Trump", "X plans to run") from any other verb
    with an object ("X spent the night"): the construction with its verb, the verb form, what
    the subject is, whether the verb is a known (weak) cue."""
    verb = next((t for t in cue_span if t.pos_ == "VERB"), None) if cue_span is not None else None
    if verb is None:
        return []
    comp = broad_complement(verb)
    construction = "none" if comp is None else comp.dep_ if comp.head.i == verb.i else f"prep:{comp.head.lower_}"
    feats = [f"broad_comp={construction}", f"broad_comp={construction}|cue={lemma}", f"broad_tag={verb.tag_}"]
    if comp is not None:
        feats.append(f"broad_comp_pos={comp.pos_}|comp={construction.split(':')[0]}")
        if comp.ent_type_:
            feats.append(f"broad_comp_ent={comp.ent_type_}")
    # the verb's dependents read from the Doc's arrays: no Token per child
    deps, tags, labels, children = id_list(doc, DEP), id_list(doc, TAG), id_list(doc, ENT_TYPE), children_of(doc)
    strings = doc.vocab.strings
    subjects, neg, modal_tag = id_set(SUBJECT_DEPS, strings), strings["neg"], strings["MD"]
    subject = next((c for c in children[verb.i] if deps[c] in subjects), None)
    if subject is None:
        feats.append("broad_subject=governor")
    else:
        feats.append(f"broad_subject={strings[labels[subject]] or doc[subject].pos_}")
    if lemma in lex.verbs and lemma not in lex.as_it_verbs:  # "put" is a cue only in "as X put it"
        feats.append("broad_lexicon=weak" if lemma in lex.weak_verbs else "broad_lexicon=cue")
    if any(deps[c] == neg for c in children[verb.i]):
        feats.append("broad_negated")
    modal = next((forms(doc, LOWER)[c] for c in children[verb.i] if tags[c] == modal_tag), None)
    if modal is not None:
        feats.append(f"broad_modal={modal}")
    if comp is not None:
        named_ids = id_set(_NAMED_TYPES, strings)
        named = sorted({strings[labels[i]] for i in _subtree(children, comp.i) if labels[i] in named_ids})
        feats += [f"broad_comp_names={label}" for label in named]
    if verb.dep_ in ("ROOT", "root"):
        feats.append("broad_root")
    else:
        feats.append(f"broad_dep={verb.dep_}")
    return feats


def _subtree(children: list[list[int]], i: int) -> list[int]:
    """The indices of token ``i`` and every word below it (``children``: :func:`children_of`)."""
    out, stack = [], [i]
    while stack:
        out.append(k := stack.pop())
        stack.extend(children[k])
    return out


#: entity types of the one a stance is about ("endorsed [Trump]", "attacked [the GOP]")
_NAMED_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _name_features(doc: Doc, quote: Span, words: list[int], kind: str, text: str,
                   tables: _Tables | None = None) -> list[str]:
    """What tells a quoted name or title („Union pour un Mouvement Populaire“, „Ode an die
    Freude“ (1785)) from speech: no verb, capitalised words, a bracket after it, the noun it
    names before it ("die Bewegung „…“"). ``words``: the indices of the quote's words;
    ``tables``: :func:`_tables`, to save looking them up."""
    feats = []
    tables = _tables(doc) if tables is None else tables
    pos, texts, alpha = tables.pos, tables.orth, tables.alpha
    if not any(pos[i] in (VERB, AUX) for i in words):
        feats.append(f"no_verb|kind={kind}")
    long_words = [texts[i] for i in words if len(texts[i]) > 3 and alpha[i]]
    if len(words) >= 2 and long_words and texts[words[0]][:1].isupper():
        share = sum(w[:1].isupper() for w in long_words) / len(long_words)
        if share == 1:
            feats.append(f"title_case|kind={kind}")
        elif share >= 0.6:  # "Union pour un Mouvement Populaire", "Le Canard enchaîné"
            feats.append(f"mostly_title_case|kind={kind}")
    after = text[quote.end_char:quote.end_char + 3].lstrip()
    if after[:1] == "(":
        feats.append(f"bracket_after|kind={kind}")
    if quote.start > 0:
        before = doc[quote.start - 1]
        if before.is_punct and before.text in OPENING_MARKS and quote.start > 1:
            before = doc[quote.start - 2]
        feats.append(f"before={before.pos_}|kind={kind}")
    inner = text[quote.start_char:quote.end_char].rstrip(OPENING_MARKS + " ")
    if inner[-1:] in ".!?":
        feats.append(f"ends_sentence|kind={kind}")
    return feats


def kept_with_parents(attributions: Sequence[Attribution], parents: Sequence[int | None],
                      keep: Sequence[bool]) -> tuple[list[Attribution], list[int | None]]:
    """The attributions whose ``keep`` is true, each nested in its nearest kept ancestor
    (``parents[i]``: the index of the one ``attributions[i]`` is nested in); returns them with
    their new parent indices.

    >>> from quotegraph.extract.records import Quote
    >>> atts = [Attribution(f"{i}-9", "", Quote("…", i, 9), parent=p) for i, p in ((0, None), (1, "0-9"), (2, "1-9"))]
    >>> kept, parents = kept_with_parents(atts, [None, 0, 1], [True, False, True])
    >>> [(a.id, a.parent) for a in kept], parents
    ([('0-9', None), ('2-9', '0-9')], [None, 0])
    """
    new_index: dict[int, int] = {}
    kept: list[Attribution] = []
    kept_parents: list[int | None] = []
    for i, (att, k) in enumerate(zip(attributions, keep)):
        if not k:
            continue
        parent = parents[i]
        while parent is not None and parent not in new_index:
            parent = parents[parent]
        new_index[i] = len(kept)
        kept_parents.append(new_index[parent] if parent is not None else None)
        parent_id = kept[new_index[parent]].id if parent is not None else None
        kept.append(att if att.parent == parent_id else replaced(att, parent=parent_id))
    return kept, kept_parents


#: patterns added after the shipped filters were trained ("evidential": "X is expected to …",
#: with no source); the filter keeps their candidates until a model trained with them judges them
UNJUDGED_PATTERNS = frozenset({"evidential", "stance", "noun_predicate", "asked", "noun_act"})


class QuoteFilter:
    """Scores attributions and keeps those at or above the model's threshold.

    >>> filt = QuoteFilter(LinearModel(bias=0.0, weights={"kind=indirect": -5.0}), threshold=0.5)
    >>> filt.threshold
    0.5
    """

    def __init__(self, model: LinearModel, *, threshold: float | None = None):
        self.model = model
        self.threshold = model.threshold if threshold is None else threshold
        #: patterns of the rules alone that the model learned nothing of: their candidates are kept
        self.unjudged = UNJUDGED_PATTERNS - {f.rpartition("|pattern=")[2] for f in model.weights if "|pattern=" in f}

    def __call__(self, doc: Doc, attributions: Sequence[Attribution], parents: Sequence[int | None],
                 lex: CueLexicon) -> tuple[list[Attribution], list[int | None]]:
        """The attributions the model keeps, each with its ``score``, and their parent indices."""
        if not attributions:
            return list(attributions), list(parents)
        tables = _tables(doc)
        text, sents, starts = tables.text, tables.sents, tables.sent_starts
        scores = [self.model.probability(quote_features(doc, att, lex, text, sents,
                                                        attributions[p] if p is not None else None, starts))
                  for att, p in zip(attributions, parents)]
        shown = [round(s, 4) for s in scores]
        # judged by the confidence shown: '--min-confidence 0.9956' keeps what quotes.jsonl shows as 0.9956
        keep = [s >= self.threshold or att.pattern in self.unjudged for att, s in zip(attributions, shown)]
        # a score is given to the attributions kept only: the others are not shown
        scored = [replaced(att, score=s) if k else att for att, s, k in zip(attributions, shown, keep)]
        return kept_with_parents(scored, parents, keep)
