"""Score the learned parts as they run, on training articles they were not fit on.

    python training/attribution/cross_validate.py --lang de --parses ~/.cache/quotegraph/parses/wikinews-de-train.spacy
    python training/attribution/cross_validate.py --lang en --parses ~/.cache/quotegraph/parses/polnear-en-train.spacy

The training scripts choose thresholds on out-of-fold probabilities, but each part there
works on top of the other as shipped: the filter is fit on speakers the shipped linker chose,
and that linker has seen every training article. And the learned parts' score on the training
split itself is flattered by their having seen it. This script answers the question the
default (learned parts on) rests on, "better than the rules alone on articles not seen?", the
way they run:

1. The articles are dealt into five folds (``GroupKFold`` by article, as the training scripts do).
2. For each fold, the speaker linker is fit on the other folds; the rules and that linker run
   over the other folds to give the filter its training data; the filter is fit on them. Both
   keep the thresholds of the shipped weights (the training scripts' choice, which this does
   not repeat) and their regularisation (``--c-linker``, ``--c-filter``).
3. The whole ``qg_attribution`` with those two weight files runs over the fold's articles.
4. The predictions of all folds are scored together with the scorer of ``quotegraph eval``,
   next to the rules alone (no learned part) and the shipped weights on the same articles;
   then the headline gain over the rules alone on random samples of ``--sample-size``
   articles (the size of a dev split): how much one such split may say otherwise.

Dev and test are never read. Needs ``pip install -e '.[train]'`` and the split's parses
(``python scripts/score_train.py de|en`` caches them). About 3 minutes for German and 30 for
English on 2 cores.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold
from spacy.tokens import DocBin

from common import DATA, DEFAULT_DATA, HEADLINE, f1_of_counts, fit, headline_counts, read_gold, write_model
from train_filter import run_rules as filter_rows
from train_speakers import run_rules as linker_rows

from quotegraph.extract.convert import doc_to_result
from quotegraph.extract.evaluation import polnear, wikinews
from quotegraph.extract.linear import load_linear_model, shipped_model_path
from quotegraph.extract.pipeline import make_nlp

SCORERS = {"de": wikinews.score_wikinews, "en": polnear.score_polnear}
#: the rows printed, per language (the scorer's names)
SHOWN = {"de": ("message", "speaker", "addressee", "joint"),
         "en": ("content overlap", "content exact", "source overlap", "source exact")}


def fit_linker(data: dict, articles: np.ndarray, c: float, threshold: float, out: Path) -> None:
    """Fit the speaker linker on the candidates of ``articles`` (indices into the split)."""
    keep = set(articles.tolist())
    feats, labels = [], []
    for n, article in enumerate(data["articles"]):
        if n in keep:
            for item in article["items"]:
                feats.extend(item["features"])
                labels.extend(item["labels"])
    vec, clf = fit(feats, labels, c)
    write_model(vec, clf, threshold, {"trained_on": f"{len(keep)} training articles (a cross-validation fold's rest)"}, out)


def fit_filter(lang: str, data_root: Path, parses: Path, articles: np.ndarray, linker: Path | None, c: float,
               threshold: float, out: Path) -> None:
    """Fit the quote filter on ``articles`` as the rules and the fold's ``linker`` (None: no
    linker) leave them."""
    rows = filter_rows(lang, data_root, None, parses, linker=linker, speaker_linker=linker is not None,
                       only=set(articles.tolist()))["rows"]
    key = "spoken" if lang == "en" else "labels"  # as train_filter.py's default --positive
    feats = [f for r in rows for f in r["features"]]
    labels = [y for r in rows for y in r[key]]
    vec, clf = fit(feats, labels, c)
    write_model(vec, clf, threshold, {"trained_on": f"{len(rows)} training articles (a cross-validation fold's rest)"}, out)


def predict(nlp, docs: list, gold: list, as_article) -> dict:
    """The attributions ``nlp``'s ``qg_attribution`` finds in each parsed article."""
    finder = nlp.get_pipe("qg_attribution")
    return {g.id: doc_to_result(finder(doc), as_article(g)).attributions for g, doc in zip(gold, docs)}


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=sorted(DATA), required=True)
    ap.add_argument("--parses", type=Path, required=True, metavar="FILE",
                    help="the training split's parses as scripts/score_train.py caches them")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--c-linker", type=float, default=0.3, help="the linker's regularisation (train_speakers.py's default)")
    ap.add_argument("--c-filter", type=float, default=1.0, help="the filter's regularisation (train_filter.py's default)")
    ap.add_argument("--no-linker", action="store_true",
                    help="the filter alone, without the speaker linker (what the linker adds)")
    ap.add_argument("--sample-size", type=int, default=150, metavar="N",
                    help="also print the gain's spread over random samples of N articles (default: %(default)s, "
                         "the size of Wikinews dev)")
    args = ap.parse_args(argv)
    lang = args.lang
    shipped_linker = shipped_model_path("speaker_linker", lang)
    if shipped_linker is None and not args.no_linker:
        raise SystemExit(f"no speaker linker ships for {lang!r}, so there is no threshold to fit one with: "
                         "run with --no-linker (the filter alone, as it ships)")
    folder, _, as_article, _ = DATA[lang]
    gold = read_gold(lang, args.data)
    nlp = make_nlp(lang)
    docs = list(DocBin().from_disk(args.parses).get_docs(nlp.vocab))
    if len(docs) != len(gold):
        raise SystemExit(f"{args.parses} holds {len(docs)} articles, {folder} train {len(gold)}")
    linker_threshold = None if args.no_linker else load_linear_model(shipped_linker).threshold
    filter_threshold = load_linear_model(shipped_model_path("quote_filter", lang)).threshold

    started = time.monotonic()
    print(f"speaker candidates of {len(gold)} articles …", file=sys.stderr)
    candidates = None if args.no_linker else linker_rows(lang, args.data, None, rerank=True, parses=args.parses)
    if args.no_linker:  # the filter alone
        nlp.replace_pipe("qg_attribution", "qg_attribution", config={"lang": lang, "speaker_linker": False})
    held_out: dict = {}
    index = np.arange(len(gold))
    with tempfile.TemporaryDirectory() as tmp:
        for k, (rest, fold) in enumerate(GroupKFold(n_splits=5).split(index, index, index)):
            linker, filt = None if args.no_linker else Path(tmp) / f"linker{k}.json", Path(tmp) / f"filter{k}.json"
            if linker is not None:
                fit_linker(candidates, rest, args.c_linker, linker_threshold, linker)
            fit_filter(lang, args.data, args.parses, rest, linker, args.c_filter, filter_threshold, filt)
            nlp.get_pipe("qg_attribution").initialize(speaker_linker_path=linker and str(linker),
                                                      quote_filter_path=str(filt))
            held_out.update(predict(nlp, [docs[n] for n in fold], [gold[n] for n in fold], as_article))
            print(f"  fold {k + 1}/5 done, {time.monotonic() - started:.0f} s", file=sys.stderr)

    score = SCORERS[lang]
    rules = predict(make_nlp(lang, learned=False), docs, gold, as_article)
    shipped = predict(make_nlp(lang), docs, gold, as_article)
    learned = "the filter alone" if args.no_linker else "learned parts"
    reports = {"rules alone": score(rules, gold, errors=False),
               f"{learned}, fit without the article (5 folds)": score(held_out, gold, errors=False),
               "shipped weights (fit on every article: flattered)": score(shipped, gold, errors=False)}
    print(f"{folder} train, {len(gold)} articles, F1:")
    print(f"  {'':52}" + "".join(f"{name:>17}" for name in SHOWN[lang]))
    for name, report in reports.items():
        print(f"  {name:52}" + "".join(f"{report.scores[row].f1 * 100:17.2f}" for row in SHOWN[lang]))
    gains = sampled_gains(lang, held_out, rules, gold, args.sample_size)
    print(f"  {HEADLINE[lang]}, {learned} over the rules alone, in {len(gains):,} samples of {args.sample_size} "
          f"articles: mean {gains.mean():+.2f}, standard deviation {gains.std():.2f}, "
          f"1st percentile {np.percentile(gains, 1):+.2f}, below 0 in {(gains < 0).mean() * 100:.1f} %")
    return 0


def sampled_gains(lang: str, learned: dict, rules: dict, gold: list, size: int, samples: int = 4000,
                  seed: int = 0) -> np.ndarray:
    """The headline F1 of ``learned`` minus that of ``rules`` (in points) on random samples of
    ``size`` articles drawn without replacement: how far one test set of that size (a dev
    split) may stray from the pooled figure."""
    have, base = headline_counts(lang, learned, gold), headline_counts(lang, rules, gold)
    rng = np.random.default_rng(seed)
    picks = np.array([rng.choice(len(gold), min(size, len(gold)), replace=False) for _ in range(samples)])
    return (f1_of_counts(have[picks].sum(1)) - f1_of_counts(base[picks].sum(1))) * 100


if __name__ == "__main__":
    sys.exit(main())
