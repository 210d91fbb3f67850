"""Train the attribution filter (``qg_quote_filter``) for one language.

    python training/attribution/train_filter.py --lang de   # ../shared/data/wikinews-de/train
    python training/attribution/train_filter.py --lang en   # ../shared/data/polnear-en/train

1. Run the rules and the speaker linker (the pipeline without the filter) over the training
   split; train the linker first (``train_speakers.py``).
2. Label each attribution (``--positive``): ``quote``, right when it pairs with a gold quote
   (the scorer's own pairing); ``attribution``, right when it pairs and its speaker shares a
   word with the paired gold speaker (or both have none). English uses ``attribution``: its
   headline is the source F1, which counts a relation only when both are right. An
   attribution with a mediator ("…," X said, according to Y) is judged as the scorer counts
   it, as X's relation and Y's relay; it is right when either is.
3. Fit a logistic regression over :func:`quotegraph.extract.quote_filter.quote_features`.
4. Choose the keep threshold on 5-fold cross-validation *within the training split*, by the
   scorer's headline measure (Wikinews: joint F1; PolNeAR: source overlap F1): the middle of
   the thresholds within one standard error of the best (bootstrapped over articles;
   ``--threshold-rule centre-within-se``, :func:`common.centre_within_se`). The curve is flat
   near its top and noisy; its best point wanders between samples of articles, and either edge
   of the one-standard-error band leans all the way to recall or to precision on the strength
   of that noise. The former rule, the band's lowest edge ("what the filter drops is lost"),
   landed at 0.2 on German where the best lies between 0.3 and 0.45, and lost precision.
   Leaning is the user's choice (``--min-confidence``: the filter's probability is each
   attribution's confidence), not the default's. Every rule is also scored on articles it did
   not choose on (:func:`common.rule_out_of_fold`), which the curve's own value at the chosen
   threshold cannot do; the script prints both. ``--repeats N`` repeats the
   cross-validation on N splits of the articles into folds, prints what each rule chooses on
   each, and chooses on the curve averaged over them. Dev and test are never looked at here.
5. Write ``extract/models/quote_filter/<lang>.json`` (weights, threshold, how it was made).

Needs ``pip install -e '.[train]'`` (scikit-learn). About 2 minutes for German, 10 for English
on 2 cores, most of it running the rules; ``--cache FILE`` keeps step 1 between runs, and
``--parses FILE`` (the split's parses ``scripts/score_train.py`` cached) runs only
``qg_attribution`` in it: English in about 3.5 minutes, with the same weights.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from common import (DATA, HEADLINE, ROOT, SCORED_AS, THRESHOLD_RULES, arguments, cached, f1_of_counts, fit,
                    headline_counts, out_of_fold, read_gold, rule_out_of_fold, write_model)

from quotegraph.extract.convert import doc_to_result
from quotegraph.extract.doc_tables import reading
from quotegraph.extract.evaluation.scoring import pair_by_overlap, tokens_in, word_tokens
from quotegraph.extract.pipeline import make_nlp
from quotegraph.extract.quote_filter import kept_with_parents, quote_features

POSITIVE = {"quote": "the attribution pairs with a gold quote (token overlap, as the scorer pairs)",
            "attribution": "the attribution pairs with a gold quote and its speaker shares a word with "
                           "the paired gold speaker (or neither has one)"}
THRESHOLDS = [round(x, 2) for x in np.arange(0.0, 0.81, 0.025)]


def parsed(nlp, texts: list[str], parses: Path | None, only: set[int] | None = None) -> Iterator:
    """The Docs of ``texts`` through the whole pipeline: parsed now, or (``parses``, a DocBin of
    the split as ``scripts/score_train.py`` caches it: the pipeline before ``qg_attribution``)
    read back and given to ``qg_attribution`` alone: the same Docs, without parsing the split
    again when only the rules, the lexicons or the features changed. ``only``: ``texts`` are
    the split's articles at these indices."""
    if parses is None:
        yield from nlp.pipe(texts)
        return
    attribution = nlp.get_pipe("qg_attribution")
    docs = DocBin().from_disk(parses).get_docs(nlp.vocab)
    if only is not None:
        docs = (doc for n, doc in enumerate(docs) if n in only)
    for n, (text, doc) in enumerate(zip(texts, docs)):
        if doc.text != text:
            raise SystemExit(f"{parses}: article {n + 1} is not the split's (parsed from another split or version)")
        yield attribution(doc)


def run_rules(lang: str, data_root: Path, limit: int | None, parses: Path | None = None, *,
              linker: Path | None = None, speaker_linker: bool = True, only: set[int] | None = None) -> dict:
    """Rule output (with the speaker linker), features and labels for every training article
    (``parses``: the split's cached parses, :func:`parsed`; ``linker``: weights to use instead of
    the shipped linker's; ``speaker_linker``: False for none; ``only``: the indices of the
    articles to read, the others are left out)."""
    _, _, as_article, gold_predictions = DATA[lang]
    gold = read_gold(lang, data_root, limit)
    nlp = make_nlp(lang, quote_filter=False)
    # the candidates the filter judges: broad, as when it runs
    nlp.replace_pipe("qg_attribution", "qg_attribution", config={"lang": lang, "quote_filter": False,
                                                                 "speaker_linker": speaker_linker,
                                                                 "broad_candidates": True})
    if linker is not None:
        nlp.get_pipe("qg_attribution").initialize(speaker_linker_path=str(linker))
    lex = nlp.get_pipe("qg_attribution").lexicon
    if only is not None:
        gold = [g for n, g in enumerate(gold) if n in only]
    articles = [as_article(g) for g in gold]
    rows = []
    started = time.monotonic()
    for n, (g, art, doc) in enumerate(zip(gold, articles, parsed(nlp, [a.text for a in articles], parses, only)), 1):
        with reading(doc):  # the features read the Doc's arrays, kept while it is read (doc_tables)
            atts = doc_to_result(doc, art).attributions
            text, sents = doc.text, list(doc.sents)
            candidates = doc._.qg_attributions
            index = {a.id: k for k, a in enumerate(candidates)}
            parents = [index[a.parent] if a.parent is not None else None for a in candidates]
            starts = [s.start for s in sents]
            feats = [quote_features(doc, a, lex, text, sents, candidates[p] if p is not None else None, starts)
                     for a, p in zip(candidates, parents)]
            labels, spoken = label_attributions(atts, gold_predictions(g), SCORED_AS[lang], word_tokens(art.text))
            rows.append({"id": g.id, "attributions": atts, "features": feats, "labels": labels, "spoken": spoken,
                         "parents": parents})
        if n % 50 == 0 or n == len(gold):
            print(f"  rules: {n}/{len(gold)} articles, {time.monotonic() - started:.0f} s", file=sys.stderr)
    return {"gold": gold, "rows": rows}


def label_attributions(atts: list, golds: list, scored_as, toks) -> tuple[list[int], list[int]]:
    """Two labels per attribution, each 1 when one of the relations the scorer counts for it
    (``scored_as``: the attribution, and for PolNeAR its relay through a mediator) pairs with
    a gold relation (``labels``), and when that relation's speaker is right as well (``spoken``).

    The relay matters: for '"…," X said, according to Y' PolNeAR often marks only Y's
    relation, so judged by its own speaker alone the attribution would look wrong.
    """
    owner, preds = [], []
    for i, a in enumerate(atts):
        for p in scored_as(a):
            owner.append(i)
            preds.append(p)
    paired = pair_by_overlap([tokens_in(p.quote, toks) for p in preds], [tokens_in(p.quote, toks) for p in golds])
    labels, spoken = [0] * len(atts), [0] * len(atts)
    for k, j in paired:
        labels[owner[k]] = 1
        spoken[owner[k]] |= _same_speaker(preds[k], golds[j], toks)
    return labels, spoken


def _same_speaker(predicted, gold, toks) -> int:
    """1 when the predicted speaker shares a word with the gold one, or neither has one."""
    have = tokens_in(predicted.speaker, toks)
    wanted = tokens_in(gold.speaker, toks)
    return int(bool(have & wanted) if wanted else not have)


def filtered(rows: list[dict], probs: dict, threshold: float) -> dict:
    out = {}
    for r in rows:
        p = probs[r["id"]]
        keep = [x >= threshold for x in p]
        kept, _ = kept_with_parents(r["attributions"], r["parents"], keep)
        out[r["id"]] = kept
    return out


def cv_counts(lang: str, rows: list[dict], gold: list, feats: list, labels: list, groups: list, c: float,
              seed: int | None) -> list[np.ndarray]:
    """The headline counts per article (:func:`common.headline_counts`) at each of
    :data:`THRESHOLDS`, from out-of-fold probabilities (``seed``: which split of the articles
    into folds, :func:`common.out_of_fold`)."""
    oof = out_of_fold(feats, labels, groups, c, seed)
    probs, at = {}, 0
    for r in rows:
        probs[r["id"]] = list(oof[at:at + len(r["labels"])])
        at += len(r["labels"])
    return [headline_counts(lang, filtered(rows, probs, t), gold) for t in THRESHOLDS]


def report_repeats(runs: list[list[np.ndarray]]) -> None:
    """Print, for each cross-validation of a repeated run, the threshold each rule chooses on
    the whole curve and the rule's score on held-out articles (outer folds dealt anew each
    time), then their spread: how much of a threshold is the split's noise."""
    held: dict[str, list[float]] = {name: [] for name in THRESHOLD_RULES}
    for n, counts in enumerate(runs):
        curve = [float(f1_of_counts(c.sum(0))) for c in counts]
        parts = []
        for name, rule in THRESHOLD_RULES.items():
            t, _, _ = rule(THRESHOLDS, counts)
            f1, _ = rule_out_of_fold(rule, THRESHOLDS, counts, seed=n)
            held[name].append(f1)
            parts.append(f"{name} {t} (held out {f1 * 100:.2f})")
        print(f"  cross-validation {n + 1}/{len(runs)}: best {max(curve) * 100:.2f} at "
              f"{THRESHOLDS[int(np.argmax(curve))]}; " + "; ".join(parts), file=sys.stderr)
    for name, scores in held.items():
        print(f"  rule {name} over {len(runs)} cross-validations: held out {np.mean(scores) * 100:.2f} "
              f"(standard deviation {np.std(scores, ddof=1) * 100:.2f})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = arguments(__doc__.split("\n\n")[0])
    ap.set_defaults(c=1.0)  # chosen by cross-validation on train (0.1, 0.3, 1.0, 3.0)
    ap.add_argument("--positive", choices=sorted(POSITIVE), default=None,
                    help="what counts as a right attribution (default: attribution for en, quote for de)")
    ap.add_argument("--threshold-rule", choices=list(THRESHOLD_RULES), default=next(iter(THRESHOLD_RULES)),
                    help="how the keep threshold is chosen from the cross-validated curve (default: %(default)s)")
    ap.add_argument("--repeats", type=int, default=1, metavar="N",
                    help="repeat the cross-validation on N splits of the articles into folds: prints what each "
                         "threshold rule chooses and scores on held-out articles in each, and chooses the threshold "
                         "on the curve averaged over them (default: %(default)s, the usual split alone)")
    ap.add_argument("--parses", type=Path, default=None, metavar="FILE",
                    help="the training split's parses as scripts/score_train.py caches them "
                         "(~/.cache/quotegraph/parses/<folder>-train.spacy): only qg_attribution runs")
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be 1 or more")
    positive = args.positive or ("attribution" if args.lang == "en" else "quote")
    data = cached(args.cache, lambda: run_rules(args.lang, args.data, args.limit, args.parses))
    rows, gold = data["rows"], data["gold"]

    key = "spoken" if positive == "attribution" else "labels"
    feats = [f for r in rows for f in r["features"]]
    labels = [y for r in rows for y in r[key]]
    groups = [n for n, r in enumerate(rows) for _ in r["labels"]]
    # the first cross-validation is the usual one (GroupKFold); each repeat deals the articles anew
    runs = [cv_counts(args.lang, rows, gold, feats, labels, groups, args.c, seed)
            for seed in [None, *range(1, args.repeats)]]
    counts = runs[0] if args.repeats == 1 else [np.mean(c, axis=0) for c in zip(*runs)]
    if args.repeats > 1:
        report_repeats(runs)
    curve = [float(f1_of_counts(c.sum(0))) for c in counts]
    averaged = f" (averaged over {args.repeats} cross-validations)" if args.repeats > 1 else ""
    print(f"  threshold curve{averaged}: " + " ".join(f"{t}:{v * 100:.2f}" for t, v in zip(THRESHOLDS, curve)),
          file=sys.stderr)
    base = curve[0]
    held_out = {}
    for name, rule in THRESHOLD_RULES.items():
        # each rule scored on articles it did not choose on (the honest comparison of rules)
        f1, chosen = rule_out_of_fold(rule, THRESHOLDS, counts)
        held_out[name] = f1
        print(f"  rule {name}: {f1 * 100:.2f} on held-out articles (thresholds chosen per fold: "
              f"{' '.join(str(t) for t in chosen)})", file=sys.stderr)
    best_t, best, se = THRESHOLD_RULES[args.threshold_rule](THRESHOLDS, counts)
    print(f"cross-validated on train{averaged}: {base * 100:.1f} with no filter, {best * 100:.1f} at threshold "
          f"{best_t} (rule {args.threshold_rule}, standard error {se * 100:.2f}; the best, {max(curve) * 100:.1f}, "
          f"at {THRESHOLDS[int(np.argmax(curve))]})", file=sys.stderr)

    vec, clf = fit(feats, labels, args.c)
    write_model(vec, clf, best_t, {
        "trained_on": f"{DATA[args.lang][0]}/train.jsonl.gz ({len(rows)} articles, {len(labels)} rule attributions)",
        "positive": POSITIVE[positive],
        "c": args.c, "headline": HEADLINE[args.lang],
        "cv_headline_without": round(base, 4), "cv_headline_with": round(best, 4),
        "cv_headline_best": round(max(curve), 4), "cv_standard_error": round(se, 4),
        "threshold_rule": args.threshold_rule, "cv_rule_held_out": round(held_out[args.threshold_rule], 4),
        **({"cv_repeats": args.repeats} if args.repeats > 1 else {}),
    }, args.out or ROOT / "extract" / "models" / "quote_filter" / f"{args.lang}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
