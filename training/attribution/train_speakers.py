"""Train the speaker linker (inside ``qg_attribution``) for one language.

    python training/attribution/train_speakers.py --lang de   # ../shared/data/wikinews-de/train
    python training/attribution/train_speakers.py --lang en   # ../shared/data/polnear-en/train

1. Run the rules, without linker and filter, over the training split.
2. For each attribution the rules left without a speaker, collect the candidates of
   :func:`quotegraph.extract.speaker_linker.speaker_candidates`; a candidate is right when its
   tokens overlap the gold speaker of the paired gold quote with token F1 ≥ 0.5. An
   attribution whose paired gold relation is its mediator's relay is left out.
3. Fit a logistic regression over :func:`~quotegraph.extract.speaker_linker.candidate_features`.
4. Choose the threshold on 5-fold cross-validation within the training split by the scorer's
   headline measure (Wikinews: joint F1; PolNeAR: source overlap F1, which counts a relation
   only when its content and its source are both right).
5. Write ``extract/models/speaker_linker/<lang>.json``.

Train the linker before the filter (``train_filter.py``): the filter sees linked speakers.
Needs ``pip install -e '.[train]'``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from common import DATA, HEADLINE, ROOT, arguments, cached, fit, headline, out_of_fold, plateau_centre, read_gold, write_model

from quotegraph.extract.patterns import find_attributions
from quotegraph.extract.evaluation.scoring import Prediction, pair_by_overlap, token_overlap, tokens_in, word_tokens
from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.phrases import sentences
from quotegraph.extract.doc_tables import reading
from quotegraph.extract.pipeline import candidates_to_records, make_nlp
from quotegraph.extract.phrases import CharSpans, DocEntities
from quotegraph.extract.speaker_linker import candidate_features, candidates_for
from train_filter import parsed

THRESHOLDS = [round(x, 2) for x in np.arange(0.05, 0.91, 0.05)]


def as_prediction(a) -> Prediction:
    return Prediction(quote=((a.quote.start, a.quote.end),), speaker=((a.speaker.start, a.speaker.end),) if a.speaker else (),
                      cue=((a.cue.start, a.cue.end),) if a.cue else (), kind=a.quote.kind, nested=a.parent is not None)


def run_rules(lang: str, data_root: Path, limit: int | None, rerank: bool, parses: Path | None = None) -> dict:
    """The rules' attributions and each one's speaker candidates, with features and labels, for
    every training article (``parses``: the split's cached parses, :func:`train_filter.parsed`)."""
    gold = read_gold(lang, data_root, limit)
    _, _, as_article, gold_predictions = DATA[lang]
    nlp = make_nlp(lang, learned=False)
    lex = load_lexicon(lang)
    articles = []
    started = time.monotonic()
    for n, (g, doc) in enumerate(zip(gold, parsed(nlp, [as_article(g).text for g in gold], parses)), 1):
        with reading(doc):  # the features read the Doc's arrays, kept while it is read (doc_tables)
            # the candidates the filter will judge
            found = candidates_to_records(doc, find_attributions(doc, lex, broad=True))
            toks = word_tokens(doc.text)
            golds = gold_predictions(g)
            pq = [tokens_in(((f.quote.start, f.quote.end),), toks) for f in found]
            gq = [tokens_in(p.quote, toks) for p in golds]
            paired = dict(pair_by_overlap(pq, gq))
            sents = sentences(doc)
            speakers = CharSpans((f.speaker.start, f.speaker.end) for f in found if f.speaker is not None)
            entities, cache = DocEntities(doc), {}
            items = []
            for i, f in enumerate(found):
                cands, rule = candidates_for(doc, f, lex, sents, rerank=rerank, cache=cache, entities=entities)
                if not cands:
                    continue
                gs = tokens_in(golds[paired[i]].speaker, toks) if i in paired else frozenset()
                if f.mediator and gs & tokens_in(((f.mediator.start, f.mediator.end),), toks):
                    # the gold relation is the relay ('"…," X said, according to Y' marked as Y's
                    # alone): it tells nothing about who X is
                    continue
                labels = [1 if gs and token_overlap(tokens_in(((c.span.start_char, c.span.end_char),), toks), gs)[2] >= 0.5 else 0
                          for c in cands]
                feats = [candidate_features(doc, f, c, r, lex, speakers, rule_choice=(r == rule)) for r, c in enumerate(cands)]
                items.append({"index": i, "spans": [(c.span.start_char, c.span.end_char) for c in cands],
                              "features": feats, "labels": labels, "rule": rule})
            articles.append({"id": g.id, "predictions": [as_prediction(f) for f in found], "items": items})
        if n % 100 == 0 or n == len(gold):
            print(f"  rules: {n}/{len(gold)} articles, {time.monotonic() - started:.0f} s", file=sys.stderr)
    return {"gold": gold, "articles": articles}


def linked(articles: list[dict], probs: dict, threshold: float) -> dict:
    out = {}
    for a in articles:
        preds = list(a["predictions"])
        for k, item in enumerate(a["items"]):
            p = probs[(a["id"], k)]
            best = int(np.argmax(p))
            if item.get("rule") is not None:
                if best == item["rule"]:
                    continue
            elif p[best] < threshold:
                continue
            old = preds[item["index"]]
            preds[item["index"]] = Prediction(old.quote, (item["spans"][best],), old.cue, old.kind, old.id, old.nested)
        out[a["id"]] = preds
    return out


def main(argv: list[str] | None = None) -> int:
    ap = arguments(__doc__.split("\n\n")[0])
    ap.add_argument("--rerank", action="store_true",
                    help="also reconsider the rules' own speakers (the rules' choice becomes one candidate)")
    ap.add_argument("--parses", type=Path, default=None, metavar="FILE",
                    help="the training split's parses as scripts/score_train.py caches them "
                         "(~/.cache/quotegraph/parses/<folder>-train.spacy): only qg_attribution runs")
    args = ap.parse_args(argv)
    data = cached(args.cache, lambda: run_rules(args.lang, args.data, args.limit, args.rerank, args.parses))
    gold, articles = data["gold"], data["articles"]
    rows = [(n, k, f, y) for n, a in enumerate(articles) for k, item in enumerate(a["items"])
            for f, y in zip(item["features"], item["labels"])]
    feats = [r[2] for r in rows]
    labels = [r[3] for r in rows]
    groups = [r[0] for r in rows]
    print(f"{len(rows)} candidates for {sum(len(a['items']) for a in articles)} attributions, "
          f"{sum(labels)} right", file=sys.stderr)
    oof = out_of_fold(feats, labels, groups, args.c)
    probs: dict = {}
    for (n, k, _, _), p in zip(rows, oof):
        probs.setdefault((articles[n]["id"], k), []).append(p)
    base = headline(args.lang, {a["id"]: a["predictions"] for a in articles}, gold)
    curve = [(t, headline(args.lang, linked(articles, probs, t), gold)) for t in THRESHOLDS]
    best_t, best = plateau_centre(curve)
    print(f"cross-validated on train ({HEADLINE[args.lang]}): {base * 100:.1f} without linker, "
          f"{best * 100:.1f} at threshold {best_t}", file=sys.stderr)
    vec, clf = fit(feats, labels, args.c)
    write_model(vec, clf, best_t, {
        "trained_on": f"{DATA[args.lang][0]}/train.jsonl.gz ({len(articles)} articles, {len(rows)} candidates)",
        "positive": "the candidate overlaps the gold speaker of the paired gold quote with token F1 >= 0.5",
        "c": args.c, "headline": HEADLINE[args.lang], "rerank": args.rerank,
        "cv_headline_without": round(base, 4), "cv_headline_with": round(best, 4),
    }, args.out or ROOT / "extract" / "models" / "speaker_linker" / f"{args.lang}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
