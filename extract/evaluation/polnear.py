"""Score attribution on PolNeAR (English political news) with exact and overlap matching.

PolNeAR (Newell, Margolin & Ruths 2018) annotates attribution relations in brat standoff:
``T`` lines are spans (``T1<TAB>Source 89 106<TAB>text``; a discontinuous span is written
``start end;start end``) labelled Source, Cue, Content (plus Attribution triggers and
Discuss/Discard notes), and ``E`` lines join them into one relation
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; a relation may lack a source, and
may have a second content, ``Content2``). :func:`parse_brat` reads that into
:class:`GoldRelation` records; :func:`score_polnear` compares predicted
:class:`~quotegraph.extract.records.Attribution` records with them.

Scoring (the PARC / PolNeAR convention: exact and partial matching)
-------------------------------------------------------------------
Spans are compared as sets of word tokens (maximal runs of ``\\w``; punctuation and quotation
marks are ignored, so a content with or without its closing ``.”`` is the same content). The
predicted content is ``Attribution.quote``, the source ``Attribution.speaker`` (its mention
span) and the cue ``Attribution.cue``; a gold relation's several contents are one union.
An attribution with a mediator ("X said …, according to Y") is two relations: X said the
quote, and Y relays "X said the quote" (:func:`as_predictions`). An attribution nested in
another's content (it has a ``parent``) is one relation, its own: its mediators are the outer
attribution's speaker and relays, so its relay would be the outer attribution (or the outer
one's relay) counted a second time.

PolNeAR's guideline annotates only the outermost of nested attributions ("No nested
attributions"; of the 19,832 train relations 3 lie inside another's content): for "X said …,
according to Y" mostly Y's relation alone. ``outermost_only=True`` (``quotegraph eval polnear
--outermost``) scores that way, leaving out every relation inside another's content on both
sides (:func:`outermost`); by default the inner relations count too, as in the figures
reported so far.

1. **Pairing.** Per article, predicted and gold contents are paired one to one, maximising
   the summed token F1 (+1 for identical word sets, so exact matches pair first); contents
   sharing no word are never paired.
2. **Content, overlap**: a pair is a match. P = pairs / predicted contents, R = pairs / gold
   contents. **Content, exact**: a pair with the same word set is a match; same P and R.
3. **Source, cue** (exact / overlap): a match is a pair whose sources are the same word set /
   share a word. P = matches / predictions with a source, R = matches / gold relations with a
   source (so a source is only right when its content is paired).
4. **Source of paired contents** (exact / overlap): the same matches, but P over the paired
   predictions that have a source and R over the pairs whose gold has a source: how well
   sources are found once the content is found.

Examples
--------
>>> text = "Officials said the bridge would stay closed."
>>> ann = "T1\\tSource 0 9\\tOfficials\\nT2\\tCue 10 14\\tsaid\\nT3\\tContent 15 43\\tthe bridge would stay closed\\n" \\
...       "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1"
>>> gold = PolnearArticle("p1", text, parse_brat(ann, article_id="p1"))
>>> rep = score_polnear({"p1": gold_predictions(gold)}, [gold])
>>> rep.scores["content exact"].f1, rep.scores["source exact"].f1
(1.0, 1.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
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
    pair_by_overlap,
    token_overlap,
    tokens_in,
    word_tokens,
)
from quotegraph.extract.records import Article, Attribution, Cue, Mention, Quote

__all__ = [
    "GoldRelation",
    "PolnearArticle",
    "parse_brat",
    "read_polnear",
    "as_article",
    "gold_predictions",
    "gold_attributions",
    "as_predictions",
    "score_polnear",
    "outermost",
]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

DEFINITIONS = {
    "content exact": "paired contents with the same words; P over predicted, R over gold contents",
    "content overlap": "paired contents (sharing a word); P over predicted, R over gold contents",
    "source exact": "paired relations whose sources have the same words; P over predicted sources, R over gold sources",
    "source overlap": "paired relations whose sources share a word; P over predicted, R over gold sources",
    "cue exact": "as source exact, for cues",
    "cue overlap": "as source overlap, for cues",
    "source exact, paired contents": "source exact, P and R over paired relations only",
    "source overlap, paired contents": "source overlap, P and R over paired relations only",
}


@dataclass(frozen=True)
class GoldRelation:
    """One gold attribution relation: content, source and cue as character spans.

    Several spans make one discontinuous item; ``source`` is empty for a relation without one.
    """

    id: str
    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PolnearArticle:
    """A gold PolNeAR article: its text and its attribution relations."""

    id: str
    text: str
    relations: tuple[GoldRelation, ...]
    source: str | None = None  # file and line it was read from


def parse_brat(ann: str, *, article_id: str = "", source: str | None = None) -> tuple[GoldRelation, ...]:
    """The attribution relations of a brat standoff annotation.

    ``T`` lines give labelled spans, ``E`` lines join them: arguments named ``Content…`` form
    the content, ``Source…`` the source, ``Cue…`` the cue; the event trigger and any other
    argument are ignored, as are ``R``, ``A`` and ``#`` lines, spans that no ``E`` line uses
    (Discuss, Discard) and continuation lines of multi-line span texts. A relation without a
    content is left out.

    Raises
    ------
    InputError
        When an ``E`` line names a ``T`` id that does not exist.

    Examples
    --------
    >>> ann = "T1\\tContent 0 5;10 15\\tAbcde Klmno\\nT2\\tCue 6 9\\tsay\\nE1\\tAttribution-no-source:T2 Content:T1 Cue:T2"
    >>> parse_brat(ann, article_id="a")
    (GoldRelation(id='a#E1', content=((0, 5), (10, 15)), source=(), cue=((6, 9),)),)
    """
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, str]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            offsets = tuple(tuple(int(x) for x in part.split()) for part in m.group(3).split(";"))
            spans[m.group(1)] = offsets  # type: ignore[assignment]
            continue
        m = _E_LINE.match(line)
        if m:
            events.append((m.group(1), m.group(2)))
    relations = []
    for eid, args in events:
        roles: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for arg in args.split():
            role, _, tid = arg.partition(":")
            base = role.rstrip("0123456789")
            if base not in roles or not tid:
                continue
            if tid not in spans:
                raise InputError(f"{eid} names {tid}, which is not a span", source)
            roles[base].extend(spans[tid])
        if roles["Content"]:
            relations.append(GoldRelation(
                id=f"{article_id}#{eid}",
                content=tuple(sorted(roles["Content"])),
                source=tuple(sorted(roles["Source"])),
                cue=tuple(sorted(roles["Cue"])),
            ))
    return tuple(relations)


def read_polnear(path: str | Path, *, limit: int | None = None) -> Iterator[PolnearArticle]:
    """Gold articles from a JSON Lines file of ``{"id", "text", "ann"}`` objects (``.gz`` or not).

    Raises
    ------
    InputError
        On a line that is not JSON, lacks a field, or has a broken annotation.
    FileNotFoundError
        When the file does not exist.
    """
    for where, obj in json_lines(path, limit=limit):
        try:
            art_id, text, ann = str(obj["id"]), obj["text"], obj["ann"]
        except (KeyError, TypeError) as exc:
            raise InputError(f"not a PolNeAR article object (missing {exc})", where) from None
        yield PolnearArticle(art_id, text, parse_brat(ann, article_id=art_id, source=where), where)


def as_article(gold: PolnearArticle) -> Article:
    """The :class:`~quotegraph.extract.records.Article` to run the extractor on (English)."""
    return Article(id=gold.id, text=gold.text, language="en", source=gold.source)


def gold_predictions(gold: PolnearArticle) -> list[Prediction]:
    """The gold relations as predictions (discontinuous spans kept): they score 100."""
    return [Prediction(r.content, r.source, r.cue, None, r.id) for r in gold.relations]


def as_predictions(item: Attribution | Prediction) -> list[Prediction]:
    """What PolNeAR would annotate for one predicted attribution: the attribution itself and,
    when it names a mediator as well as a speaker, the relay as a relation of its own. Its
    source is the mediator and its content the relayed report (speaker, cue and quote,
    without the mediator); PolNeAR marks the relay's cue ("according to"), which the record
    does not keep, so the relay has none.

    No relay for an attribution nested in another's content (a record with a ``parent``, a
    prediction marked ``nested``): its mediators are the outer attribution's speaker and
    relays, so the relay would be the outer attribution, or the outer one's relay, again.

    Examples
    --------
    >>> from quotegraph.extract.records import Cue, Mention, Quote, replaced
    >>> text = "Lukashenko said the army was ready, according to Belta."
    >>> def at(s): return (text.index(s), text.index(s) + len(s))
    >>> att = Attribution("a:16-34", "a", Quote("the army was ready", *at("the army was ready"), "indirect"),
    ...                   speaker=Mention("Lukashenko", *at("Lukashenko")), cue=Cue("said", *at("said")),
    ...                   mediator=Mention("Belta", *at("Belta")))
    >>> relay = as_predictions(att)[1]
    >>> [text[a:b] for a, b in relay.quote], [text[a:b] for a, b in relay.speaker]
    (['Lukashenko said the army was ready'], ['Belta'])
    >>> len(as_predictions(replaced(att, parent="a:0-54")))
    1
    """
    prediction = as_prediction(item)
    if isinstance(item, Prediction) or item.mediator is None or item.speaker is None or prediction.nested:
        return [prediction]
    parts = [prediction.quote[0], prediction.speaker[0], *prediction.cue]
    start, end = min(a for a, _ in parts), max(b for _, b in parts)
    m = item.mediator
    # a mediator inside the report ("X, according to Y, said …") is cut out of the content
    content = tuple(span for span in ((start, min(end, m.start)), (max(start, m.end), end)) if span[0] < span[1]) \
        if start < m.end and m.start < end else ((start, end),)
    relay = Prediction(quote=content, speaker=((m.start, m.end),), kind=prediction.kind,
                       id=f"{item.id}#relay" if item.id else None, nested=prediction.nested)
    return [prediction, relay]


def gold_attributions(gold: PolnearArticle) -> list[Attribution]:
    """The gold relations as attribution records (a discontinuous span becomes one covering span).

    Examples
    --------
    >>> text = "He said taxes would rise."
    >>> g = PolnearArticle("e", text, (GoldRelation("e#E1", ((8, 24),), ((0, 2),), ((3, 7),)),))
    >>> a = gold_attributions(g)[0]
    >>> a.quote.text, a.speaker.text, a.cue.text
    ('taxes would rise', 'He', 'said')
    """
    def cover(spans: tuple[Span, ...]) -> tuple[str, int, int] | None:
        if not spans:
            return None
        s, e = spans[0][0], spans[-1][1]
        return gold.text[s:e], s, e

    out = []
    for r in gold.relations:
        qt, qs, qe = cover(r.content)
        spk, cue = cover(r.source), cover(r.cue)
        out.append(Attribution(id=r.id, article=gold.id, quote=Quote(qt, qs, qe, "indirect"),
                               speaker=Mention(*spk) if spk else None, cue=Cue(*cue) if cue else None))
    return out


_ROWS = ("content exact", "content overlap", "source exact", "source overlap", "cue exact", "cue overlap",
         "source exact, paired contents", "source overlap, paired contents")


def outermost(contents: list[tuple[Span, ...]]) -> list[bool]:
    """Whether each content lies inside no other: PolNeAR's guideline "No nested attributions"
    (only the outermost of an attribution inside another's content is annotated). A content is
    nested when one span of another content holds it whole (first to last character): a
    discontinuous content does not hold what lies in its gap (the frame, another speaker's
    words between two parts of a quote). Two contents of the same spans are both outermost.

    >>> outermost([((0, 40),), ((15, 30),), ((15, 30),), ((50, 60), (70, 80)), ((61, 69),), ((52, 58),)])
    [True, False, False, True, True, False]
    """
    covers = [(spans[0][0], spans[-1][1]) if spans else None for spans in contents]
    by_start = sorted((k for k, cover in enumerate(covers) if cover is not None), key=lambda k: covers[k][0])

    def nested(k: int) -> bool:
        start, end = covers[k]
        for j in by_start:
            if covers[j][0] > start:
                return False
            if covers[j][1] >= end and contents[j] != contents[k] and any(a <= start and end <= b for a, b in contents[j]):
                return True
        return False

    return [cover is None or not nested(k) for k, cover in enumerate(covers)]


def score_polnear(
    predictions: Mapping[str, Iterable[Attribution | Prediction]],
    gold: Iterable[PolnearArticle],
    *,
    errors: bool = True,
    outermost_only: bool = False,
) -> Report:
    """Score predicted attributions against PolNeAR gold with exact and overlap matching.

    The exact definitions are in the module docstring (and ``docs/eval.md``).

    Parameters
    ----------
    predictions : mapping of str to iterable of Attribution or Prediction
        Per article id, what the extractor found; a missing id means no predictions.
    gold : iterable of PolnearArticle
    errors : bool
        Collect per-article error entries in ``Report.errors``.
    outermost_only : bool
        Score only the outermost relations on both sides (:func:`outermost`), as PolNeAR's
        guideline annotates: a prediction inside another's content (the quoted speech a relay
        reports, a quote inside a quote) is left out, and so is the rare nested gold relation.

    Returns
    -------
    Report
        Rows "content exact", "content overlap", "source exact", "source overlap", "cue exact",
        "cue overlap", "source exact, paired contents", "source overlap, paired contents".

    Examples
    --------
    One prediction whose content misses the gold's last word, with the right source:

    >>> text = "Aides said the plan was dead."
    >>> def at(s): return (text.index(s), text.index(s) + len(s))
    >>> gold = PolnearArticle("a", text, (GoldRelation("a#E1", (at("the plan was dead"),), (at("Aides"),)),))
    >>> pred = Prediction(quote=(at("the plan was"),), speaker=(at("Aides"),))
    >>> rep = score_polnear({"a": [pred]}, [gold])
    >>> rep.scores["content exact"].f1, rep.scores["content overlap"].f1, rep.scores["source exact"].f1
    (0.0, 1.0, 1.0)
    """
    counts = dict.fromkeys(_ROWS, 0)
    denominators = {"pred_source": 0, "gold_source": 0, "pred_cue": 0, "gold_cue": 0,
                    "paired_pred_source": 0, "paired_gold_source": 0}
    report = Report("polnear", definitions=dict(DEFINITIONS))
    for art in gold:
        preds = [p for item in predictions.get(art.id, ()) for p in as_predictions(item)]
        golds = list(art.relations)
        if outermost_only:
            preds = [p for p, keep in zip(preds, outermost([p.quote for p in preds])) if keep]
            golds = [g for g, keep in zip(golds, outermost([g.content for g in golds])) if keep]
        n_pairs, entry = _score_article(art, preds, golds, counts, denominators)
        report.n_articles += 1
        report.n_gold += len(golds)
        report.n_pred += len(preds)
        report.n_pairs += n_pairs
        if errors and entry is not None:
            report.errors.append(entry)
    n_pred, n_gold, d = report.n_pred, report.n_gold, denominators
    report.scores = {
        "content exact": PRF.from_counts(counts["content exact"], n_pred=n_pred, n_gold=n_gold),
        "content overlap": PRF.from_counts(counts["content overlap"], n_pred=n_pred, n_gold=n_gold),
        "source exact": PRF.from_counts(counts["source exact"], n_pred=d["pred_source"], n_gold=d["gold_source"]),
        "source overlap": PRF.from_counts(counts["source overlap"], n_pred=d["pred_source"], n_gold=d["gold_source"]),
        "cue exact": PRF.from_counts(counts["cue exact"], n_pred=d["pred_cue"], n_gold=d["gold_cue"]),
        "cue overlap": PRF.from_counts(counts["cue overlap"], n_pred=d["pred_cue"], n_gold=d["gold_cue"]),
        "source exact, paired contents": PRF.from_counts(
            counts["source exact"], n_pred=d["paired_pred_source"], n_gold=d["paired_gold_source"]),
        "source overlap, paired contents": PRF.from_counts(
            counts["source overlap"], n_pred=d["paired_pred_source"], n_gold=d["paired_gold_source"]),
    }
    report.info["outermost_only"] = outermost_only
    return report


def _score_article(art: PolnearArticle, preds: list[Prediction], golds: list[GoldRelation], counts: dict,
                   d: dict) -> tuple[int, dict | None]:
    toks = word_tokens(art.text)
    text = art.text
    pc = [tokens_in(p.quote, toks) for p in preds]
    gc = [tokens_in(g.content, toks) for g in golds]
    pairs = pair_by_overlap(pc, gc, bonus=lambda i, j: 1.0 if pc[i] == gc[j] else 0.0)
    of_pred = dict(pairs)
    of_gold = {j: i for i, j in pairs}

    ps = [tokens_in(p.speaker, toks) for p in preds]
    gs = [tokens_in(g.source, toks) for g in golds]
    pk = [tokens_in(p.cue, toks) for p in preds]
    gk = [tokens_in(g.cue, toks) for g in golds]
    d["pred_source"] += sum(1 for s in ps if s)
    d["gold_source"] += sum(1 for s in gs if s)
    d["pred_cue"] += sum(1 for s in pk if s)
    d["gold_cue"] += sum(1 for s in gk if s)

    boundary, source_errors, cue_errors = [], [], []
    for i, j in pairs:
        counts["content overlap"] += 1
        if pc[i] == gc[j]:
            counts["content exact"] += 1
        else:
            p_, r_, _ = token_overlap(pc[i], gc[j])
            boundary.append({"gold": snippet(text, golds[j].content), "predicted": snippet(text, preds[i].quote),
                             "precision": round(p_, 4), "recall": round(r_, 4)})
        d["paired_pred_source"] += bool(ps[i])
        d["paired_gold_source"] += bool(gs[j])
        for role, pr, gr, errs, pspans, gspans in (
            ("source", ps, gs, source_errors, preds[i].speaker, golds[j].source),
            ("cue", pk, gk, cue_errors, preds[i].cue, golds[j].cue),
        ):
            if pr[i] and gr[j] and pr[i] & gr[j]:
                counts[f"{role} overlap"] += 1
                if pr[i] == gr[j]:
                    counts[f"{role} exact"] += 1
            if pr[i] != gr[j]:
                errs.append({"content": snippet(text, golds[j].content, limit=120),
                             "gold": snippet(text, gspans) or None, "predicted": snippet(text, pspans) or None})

    missed = [{"id": g.id, "text": snippet(text, g.content), "source": snippet(text, g.source) or None,
               "cue": snippet(text, g.cue) or None, "context": context(text, g.content)} for j, g in enumerate(golds) if j not in of_gold]
    spurious = [{"id": p.id, "text": snippet(text, p.quote), "source": snippet(text, p.speaker) or None,
                 "cue": snippet(text, p.cue) or None, "context": context(text, p.quote)} for i, p in enumerate(preds) if i not in of_pred]
    found = {key: items for key, items in (("missed", missed), ("spurious", spurious), ("boundary", boundary),
                                           ("source", source_errors), ("cue", cue_errors)) if items}
    if not found:
        return len(pairs), None
    return len(pairs), {"article": art.id, "n_gold": len(golds), "n_pred": len(preds), "n_pairs": len(pairs), **found}
