"""Score quotation attribution on German Wikinews the way the shared task does.

The gold data (Petersen-Frey & Biemann 2024; GermEval 2023 SpkAtt task 2) is one JSON object
per article: ``originalText``, ``tokens`` (character offsets) and ``annotations`` (quote,
speaker, cue, frame and addressee spans; quote ``type``; ``medium``; nesting flags).
:func:`read_wikinews` turns it into :class:`GoldArticle` records; :func:`score_wikinews`
compares predicted :class:`~quotegraph.extract.records.Attribution` records with it.

Scoring (following the reference script of the data set, ``eval/eval.py``)
---------------------------------------------------------------------------
Everything is counted in the gold tokens of the article: a predicted character span covers
the tokens it overlaps by at least one character; a gold quote, speaker or cue of several
spans (discontinuous) is the union of their tokens. A gold speaker is the mention as
annotated, so a pronoun speaker is the pronoun ("Er"), not the person it refers to.

1. **Pairing.** In each article, predicted and gold quotes are paired one to one so that the
   summed weight is largest (Hungarian method). The weight of a pair is the token F1 of the
   two quotes, plus 0.01 when the predicted kind fits the gold type (a tie-breaker, as in the
   reference script). Quotes that share no token are never paired.
2. **Message** (the quote). P is the mean, over all predicted quotes, of the token precision
   against the paired gold quote (0 for an unpaired prediction). R is the mean, over all gold
   quotes, of the token recall against the paired prediction (0 for an unpaired gold quote).
   F1 = 2PR / (P + R), from the two means.
3. **Speaker**, **cue**, **addressee** (roles). Compared token by token inside the pair. P is
   the mean over the predicted quotes that *have* that role (e.g. a predicted speaker) of its
   token precision against the gold role of the paired quote (0 when unpaired, or when the
   gold quote has no such role); R is the mean over the gold quotes that have the role of its
   token recall (0 when unpaired or not predicted). A quote without the role on one side adds
   nothing to that side's mean.
4. **Joint** (quote and speaker together). The per-quote message values and the per-quote
   speaker values are pooled into one list for P and one for R, and averaged: the reference
   script's "joint" restricted to quote and speaker (the published baseline reports "top-level
   speaker + quote").
5. **Type.** A pair is right when the predicted kind fits the gold type (table
   :data:`KINDS_OF_TYPE`); P = right pairs / predicted quotes, R = right pairs / gold quotes.
6. **By type.** Message P, R, F1 for each gold type: R over the gold quotes of that type; P
   over the predictions paired with a gold quote of that type plus the unpaired predictions
   whose kind maps to it (:data:`TYPE_OF_KIND`).

Differences from the reference script: it also pairs quotes that share no token (the
assignment fills every row), so such a pair can earn speaker credit by chance, and it pools
frame and addressee into its "roles" and "joint" rows; quotegraph predicts no frame, and scores
the addressee as a row of its own.

Examples
--------
>>> text = "Anna sagte, der Hafen bleibe zu. Das sei sicher."
>>> def at(s): return (text.index(s), text.index(s) + len(s))
>>> gold = gold_article_from_spans("t1", text, [{"type": "Indirect",
...     "quote": [at("der Hafen bleibe zu")], "speaker": [at("Anna")], "cue": [at("sagte")]}])
>>> perfect = {"t1": gold_predictions(gold)}
>>> score_wikinews(perfect, [gold]).scores["joint"].f1
1.0
>>> score_wikinews({}, [gold]).scores["message"].recall
0.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from quotegraph.extract.evaluation.jsonl import json_lines
from quotegraph.extract.evaluation.report import Report, context, snippet
from quotegraph.extract.evaluation.scoring import (
    PRF,
    Prediction,
    Span,
    as_prediction,
    mean,
    pair_by_overlap,
    token_overlap,
    tokens_in,
)
from quotegraph.extract.records import Article, Attribution, Cue, Mention, Quote

__all__ = [
    "GOLD_TYPES",
    "TYPE_OF_KIND",
    "KINDS_OF_TYPE",
    "GoldQuote",
    "GoldArticle",
    "parse_wikinews",
    "read_wikinews",
    "gold_article_from_spans",
    "as_article",
    "gold_predictions",
    "gold_attributions",
    "score_wikinews",
]

#: The quote types of the gold data, in display order.
GOLD_TYPES: tuple[str, ...] = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")

#: The gold type a record kind stands for (for per-type precision of unpaired predictions).
TYPE_OF_KIND: dict[str, str] = {
    "direct": "Direct",
    "indirect": "Indirect",
    "mixed": "Indirect",
    "free_indirect": "FreeIndirect",
    "reported": "Reported",
}

#: The record kinds that count as right for a gold type.
KINDS_OF_TYPE: dict[str, frozenset[str]] = {
    "Direct": frozenset({"direct"}),
    "Indirect": frozenset({"indirect", "mixed"}),
    "FreeIndirect": frozenset({"free_indirect"}),
    "IndirectFreeIndirect": frozenset({"indirect", "free_indirect"}),
    "Reported": frozenset({"reported"}),
}

_KIND_OF_TYPE = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "free_indirect",
                 "IndirectFreeIndirect": "free_indirect", "Reported": "reported"}

#: The roles scored token by token inside paired quotes.
ROLES: tuple[str, ...] = ("speaker", "cue", "addressee")

_TOKEN = re.compile(r"\w+|[^\w\s]")

DEFINITIONS = {
    "message": "quote tokens; P = mean token precision over predicted quotes (0 if unpaired), "
               "R = mean token recall over gold quotes (0 if unpaired)",
    "speaker": "speaker tokens inside paired quotes; P over predicted speakers, R over gold "
               "speakers (0 if the quote is unpaired)",
    "cue": "cue tokens inside paired quotes; P over predicted cues, R over gold cues",
    "addressee": "addressee tokens inside paired quotes; P over predicted addressees, R over gold addressees",
    "joint": "message and speaker values pooled, then averaged",
    "type": "paired quotes whose predicted kind fits the gold type; P over predicted, R over gold quotes",
}


@dataclass(frozen=True)
class GoldQuote:
    """One gold annotation: a quote, its speaker and cue as character spans, and its type.

    Parameters
    ----------
    id : str
        ``"<article id>#<annotation id>"``.
    type : str
        One of :data:`GOLD_TYPES`.
    quote, speaker, cue, addressee : tuple of Span
        Several spans make one discontinuous item; empty when not annotated.
    medium : str, optional
        "Speech", "Writing", "Thought", "SW" …
    nested, has_nested : bool
        The quote sits inside another one / contains another one.
    """

    id: str
    type: str
    quote: tuple[Span, ...]
    speaker: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    medium: str | None = None
    nested: bool = False
    has_nested: bool = False
    addressee: tuple[Span, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    """A gold article: its text, its tokens (character spans) and its gold quotes."""

    id: str
    text: str
    tokens: tuple[Span, ...]
    quotes: tuple[GoldQuote, ...]
    source: str | None = None  # file and line it was read from


def _spans(role: dict | None) -> tuple[Span, ...]:
    if not role:
        return ()
    return tuple(sorted((int(s["charBegin"]), int(s["charEnd"])) for s in role.get("spans", ())))


def parse_wikinews(obj: dict, *, source: str | None = None) -> GoldArticle:
    """A :class:`GoldArticle` from one article object of the data set.

    Raises
    ------
    InputError
        When a required field (``originalText``, ``tokens``, ``annotations``) is missing.

    Examples
    --------
    >>> obj = {"documentName": "d1", "originalText": "Er lacht.",
    ...        "tokens": [{"charBegin": 0, "charEnd": 2}, {"charBegin": 3, "charEnd": 8},
    ...                   {"charBegin": 8, "charEnd": 9}],
    ...        "annotations": [{"id": 0, "type": "Reported",
    ...                         "quote": {"spans": [{"charBegin": 3, "charEnd": 8}]},
    ...                         "speaker": {"spans": [{"charBegin": 0, "charEnd": 2}]}}]}
    >>> art = parse_wikinews(obj)
    >>> art.id, art.tokens[1], art.quotes[0].speaker, art.quotes[0].cue
    ('d1', (3, 8), ((0, 2),), ())
    """
    try:
        text = obj["originalText"]
        tokens = tuple(sorted((int(t["charBegin"]), int(t["charEnd"])) for t in obj["tokens"]))
        annotations = obj["annotations"]
    except (KeyError, TypeError) as exc:
        raise InputError(f"not a Wikinews article object (missing {exc})", source) from None
    art_id = str(obj.get("documentName") or obj.get("file") or source or "")
    quotes = []
    for n, ann in enumerate(annotations):
        quotes.append(GoldQuote(
            id=f"{art_id}#{ann.get('id', n)}",
            type=str(ann.get("type") or ""),
            quote=_spans(ann.get("quote")),
            speaker=_spans(ann.get("speaker")),
            cue=_spans(ann.get("cue")),
            medium=ann.get("medium"),
            nested=bool(ann.get("isNested", False)),
            has_nested=bool(ann.get("hasNested", False)),
            addressee=_spans(ann.get("addressee")),
        ))
    return GoldArticle(art_id, text, tokens, tuple(quotes), source)


def read_wikinews(path: str | Path, *, limit: int | None = None) -> Iterator[GoldArticle]:
    """Gold articles from a JSON Lines file (``.jsonl`` or ``.jsonl.gz``), in file order.

    Parameters
    ----------
    path : str or Path
    limit : int, optional
        Stop after this many articles.

    Raises
    ------
    InputError
        On a line that is not JSON or not an article.
    FileNotFoundError
        When the file does not exist.
    """
    for source, obj in json_lines(path, limit=limit):
        yield parse_wikinews(obj, source=source)


def gold_article_from_spans(article_id: str, text: str, quotes: Sequence[dict]) -> GoldArticle:
    """A gold article built from text and character spans, tokenised by a simple regex.

    Meant for tests and examples: each quote is a dict with ``type``, ``quote`` (list of spans)
    and optionally ``speaker``, ``cue``, ``addressee`` (lists of spans), ``nested``. Tokens are words and
    single punctuation marks.

    Examples
    --------
    >>> g = gold_article_from_spans("x", "Er sagte: Nein.", [{"type": "Direct", "quote": [(10, 15)]}])
    >>> g.tokens
    ((0, 2), (3, 8), (8, 9), (10, 14), (14, 15))
    >>> g.quotes[0].id, g.quotes[0].speaker
    ('x#0', ())
    """
    tokens = tuple(m.span() for m in _TOKEN.finditer(text))
    gold = tuple(
        GoldQuote(
            id=f"{article_id}#{n}",
            type=q["type"],
            quote=tuple(sorted(q["quote"])),
            speaker=tuple(sorted(q.get("speaker", ()))),
            cue=tuple(sorted(q.get("cue", ()))),
            nested=q.get("nested", False),
            addressee=tuple(sorted(q.get("addressee", ()))),
        )
        for n, q in enumerate(quotes)
    )
    return GoldArticle(article_id, text, tokens, gold)


def as_article(gold: GoldArticle) -> Article:
    """The :class:`~quotegraph.extract.records.Article` to run the extractor on (German)."""
    return Article(id=gold.id, text=gold.text, language="de", source=gold.source)


def gold_predictions(gold: GoldArticle) -> list[Prediction]:
    """The gold quotes as predictions (discontinuous spans kept): they score 100 on every row."""
    return [Prediction(q.quote, q.speaker, q.cue, q.type, q.id, q.nested, q.addressee) for q in gold.quotes]


def _cover(text: str, spans: tuple[Span, ...]) -> tuple[str, int, int] | None:
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    return text[start:end], start, end


def gold_attributions(gold: GoldArticle) -> list[Attribution]:
    """The gold quotes as attribution records, as a perfect extractor would return them.

    A record has one span per role, so a discontinuous quote (or speaker, cue) becomes one span
    from its first to its last character; such quotes then score a little below 100. A nested
    quote's ``parent`` is the id of the first other gold quote that contains it.

    Examples
    --------
    >>> text = "„Wir bleiben“, sagte Anna."
    >>> g = gold_article_from_spans("a", text, [{"type": "Direct", "quote": [(1, 12)], "speaker": [(21, 25)]}])
    >>> att = gold_attributions(g)[0]
    >>> att.quote.text, att.quote.kind, att.speaker.text, att.cue
    ('Wir bleiben', 'direct', 'Anna', None)
    """
    out = []
    for q in gold.quotes:
        qt, qs, qe = _cover(gold.text, q.quote)
        parent = None
        if q.nested:
            parent = next((o.id for o in gold.quotes if o is not q and o.quote
                           and o.quote[0][0] <= qs and qe <= o.quote[-1][1]), None)
        spk = _cover(gold.text, q.speaker)
        cue = _cover(gold.text, q.cue)
        addressee = _cover(gold.text, q.addressee)
        out.append(Attribution(
            id=q.id,
            article=gold.id,
            quote=Quote(qt, qs, qe, _KIND_OF_TYPE.get(q.type, "indirect")),
            speaker=Mention(*spk) if spk else None,
            cue=Cue(*cue) if cue else None,
            parent=parent,
            addressee=Mention(*addressee) if addressee else None,
        ))
    return out


def _fits(kind: str | None, gold_type: str) -> bool:
    return kind == gold_type or kind in KINDS_OF_TYPE.get(gold_type, ())


def _type_of(kind: str | None) -> str | None:
    if kind in GOLD_TYPES:
        return kind
    return TYPE_OF_KIND.get(kind or "")


@dataclass
class _Totals:
    n_articles: int = 0
    n_pairs: int = 0
    type_right: int = 0

    def __post_init__(self):
        self.p: dict[str, list[float]] = {role: [] for role in ("message",) + ROLES}
        self.r: dict[str, list[float]] = {role: [] for role in ("message",) + ROLES}
        self.type_p: dict[str, list[float]] = {t: [] for t in GOLD_TYPES}
        self.type_r: dict[str, list[float]] = {t: [] for t in GOLD_TYPES}


def score_wikinews(
    predictions: Mapping[str, Iterable[Attribution | Prediction]],
    gold: Iterable[GoldArticle],
    *,
    nested: bool = True,
    errors: bool = True,
) -> Report:
    """Score predicted attributions against Wikinews gold, as the shared task does.

    The exact definitions are in the module docstring (and ``docs/eval.md``).

    Parameters
    ----------
    predictions : mapping of str to iterable of Attribution or Prediction
        Per article id (``GoldArticle.id``), what the extractor found. An article missing
        from the mapping has no predictions; ids not in the gold data are ignored.
    gold : iterable of GoldArticle
    nested : bool
        False: score top-level quotes only (gold ``isNested`` and predictions with a
        ``parent`` are left out).
    errors : bool
        Collect per-article error entries in ``Report.errors``.

    Returns
    -------
    Report
        Rows "message", "speaker", "cue", "addressee", "joint", "type"; ``by_type`` per gold
        quote type.

    Examples
    --------
    A predicted quote covering 3 of 4 gold tokens plus 1 extra token: P = 3/4, R = 3/4.

    >>> text = "Tom sagte, wir kommen morgen früh an."
    >>> def at(s): return (text.index(s), text.index(s) + len(s))
    >>> gold = gold_article_from_spans("a", text, [{"type": "Indirect",
    ...                                             "quote": [at("wir kommen morgen früh")]}])
    >>> pred = Prediction(quote=(at("kommen morgen früh an"),))
    >>> s = score_wikinews({"a": [pred]}, [gold]).scores["message"]
    >>> s.precision, s.recall, s.f1
    (0.75, 0.75, 0.75)
    """
    tot = _Totals()
    report = Report("wikinews", definitions=dict(DEFINITIONS))
    for art in gold:
        preds = [as_prediction(p) for p in predictions.get(art.id, ())]
        golds = list(art.quotes)
        if not nested:
            preds = [p for p in preds if not p.nested]
            golds = [g for g in golds if not g.nested]
        entry = _score_article(art, preds, golds, tot)
        report.n_articles += 1
        report.n_gold += len(golds)
        report.n_pred += len(preds)
        if errors and entry is not None:
            report.errors.append(entry)
    report.n_pairs = tot.n_pairs
    rows = {name: PRF.from_values(tot.p[name], tot.r[name]) for name in ("message",) + ROLES}
    rows["joint"] = PRF.from_values(tot.p["message"] + tot.p["speaker"], tot.r["message"] + tot.r["speaker"])
    rows["type"] = PRF.from_counts(tot.type_right, n_pred=report.n_pred, n_gold=report.n_gold)
    report.scores = rows
    report.by_type = {t: PRF.from_values(tot.type_p[t], tot.type_r[t]) for t in GOLD_TYPES if tot.type_r[t] or tot.type_p[t]}
    report.info["nested"] = nested
    return report


def _score_article(art: GoldArticle, preds: list[Prediction], golds: list[GoldQuote], tot: _Totals) -> dict | None:
    toks, text = art.tokens, art.text
    pq = [tokens_in(p.quote, toks) for p in preds]
    gq = [tokens_in(g.quote, toks) for g in golds]
    pairs = pair_by_overlap(pq, gq, bonus=lambda i, j: 0.01 if _fits(preds[i].kind, golds[j].type) else 0.0)
    of_pred = dict(pairs)
    of_gold = {j: i for i, j in pairs}
    tot.n_pairs += len(pairs)

    msg_p, msg_r = [], []
    for i, p in enumerate(preds):
        j = of_pred.get(i)
        value = token_overlap(pq[i], gq[j])[0] if j is not None else 0.0
        msg_p.append(value)
        kind = golds[j].type if j is not None else _type_of(p.kind)
        if kind in tot.type_p:
            tot.type_p[kind].append(value)
    for j, g in enumerate(golds):
        i = of_gold.get(j)
        value = token_overlap(pq[i], gq[j])[1] if i is not None else 0.0
        msg_r.append(value)
        if g.type in tot.type_r:
            tot.type_r[g.type].append(value)
    tot.p["message"] += msg_p
    tot.r["message"] += msg_r

    role_errors: dict[str, list[dict]] = {role: [] for role in ROLES}
    for role in ROLES:
        pr = [tokens_in(getattr(p, role), toks) for p in preds]
        gr = [tokens_in(getattr(g, role), toks) for g in golds]
        for i in range(len(preds)):
            if pr[i]:
                j = of_pred.get(i)
                tot.p[role].append(token_overlap(pr[i], gr[j])[0] if j is not None else 0.0)
        for j in range(len(golds)):
            if gr[j]:
                i = of_gold.get(j)
                tot.r[role].append(token_overlap(pr[i], gr[j])[1] if i is not None else 0.0)
        for i, j in pairs:
            if pr[i] != gr[j]:
                p_, r_, _ = token_overlap(pr[i], gr[j])
                role_errors[role].append({
                    "quote": snippet(text, golds[j].quote, limit=120),
                    "gold": snippet(text, getattr(golds[j], role)) or None,
                    "predicted": snippet(text, getattr(preds[i], role)) or None,
                    "precision": round(p_, 4), "recall": round(r_, 4),
                })

    type_errors = []
    for i, j in pairs:
        if _fits(preds[i].kind, golds[j].type):
            tot.type_right += 1
        else:
            type_errors.append({"quote": snippet(text, golds[j].quote, limit=120),
                                "gold": golds[j].type, "predicted": preds[i].kind})

    missed = [_gold_entry(text, golds[j]) for j in range(len(golds)) if j not in of_gold]
    spurious = [_pred_entry(text, preds[i]) for i in range(len(preds)) if i not in of_pred]
    boundary = []
    for i, j in pairs:
        if pq[i] != gq[j]:
            p_, r_, _ = token_overlap(pq[i], gq[j])
            boundary.append({"type": golds[j].type, "gold": snippet(text, golds[j].quote),
                             "predicted": snippet(text, preds[i].quote),
                             "precision": round(p_, 4), "recall": round(r_, 4)})
    tot.n_articles += 1
    if not (missed or spurious or boundary or any(role_errors.values()) or type_errors):
        return None
    entry: dict = {
        "article": art.id,
        "n_gold": len(golds),
        "n_pred": len(preds),
        "message_precision": round(mean(msg_p), 4) if preds else None,
        "message_recall": round(mean(msg_r), 4) if golds else None,
    }
    for key, items in (("missed", missed), ("spurious", spurious), ("boundary", boundary),
                       *role_errors.items(), ("type", type_errors)):
        if items:
            entry[key] = items
    return entry


def _gold_entry(text: str, g: GoldQuote) -> dict:
    return {"id": g.id, "type": g.type, "text": snippet(text, g.quote),
            "start": g.quote[0][0] if g.quote else None, "end": g.quote[-1][1] if g.quote else None,
            "speaker": snippet(text, g.speaker) or None, "context": context(text, g.quote)}


def _pred_entry(text: str, p: Prediction) -> dict:
    return {"id": p.id, "kind": p.kind, "text": snippet(text, p.quote),
            "start": p.quote[0][0] if p.quote else None, "end": p.quote[-1][1] if p.quote else None,
            "speaker": snippet(text, p.speaker) or None, "context": context(text, p.quote)}
