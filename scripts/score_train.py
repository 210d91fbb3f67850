"""Score a change to the attribution rules on a train split in about a minute: the spaCy parse
of the split is cached, only ``qg_attribution`` runs again.

Rule decisions are taken on train (dev is for the report). A full ``quotegraph eval … --split
train`` parses the whole split each time (minutes); the parse does not change when only the
rules, lexicons or the learned parts do, so this script parses once, keeps the Docs in a cache
folder outside the repository, and then runs the component alone and prints the scorer's rows::

    python scripts/score_train.py de              # Wikinews train: message, speaker, cue, addressee, joint
    python scripts/score_train.py en              # PolNeAR train: content, source, cue (exact, overlap)
    python scripts/score_train.py de --split dev  # dev, for the report only

The figures equal ``quotegraph eval`` on the same split. With the learned parts on, the train
split flatters them (their weights were fit on it: German joint 77.2 here against 73.4 on
articles they were not fit on); ``training/attribution/cross_validate.py`` gives the fair figure,
and ``--rules`` the rules' own. Delete the cache (``--cache``,
default ``$XDG_CACHE_HOME/quotegraph/parses``) after changing the spaCy pipeline itself. The
data are read from ``$QUOTEGRAPH_DATA`` or ``../shared/data`` and never copied.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from quotegraph.extract.convert import doc_to_result
from quotegraph.extract.evaluation import polnear, wikinews
from quotegraph.extract.pipeline import make_nlp

ROOT = Path(__file__).resolve().parent.parent
#: per language: data folder, reader, gold → Article, scorer
CORPORA = {
    "de": ("wikinews-de", wikinews.read_wikinews, wikinews.as_article, wikinews.score_wikinews),
    "en": ("polnear-en", polnear.read_polnear, polnear.as_article, polnear.score_polnear),
}


def default_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quotegraph" / "parses"


def parsed_docs(nlp, gold: list, cache: Path) -> list:
    """The split's Docs as the pipeline before ``qg_attribution`` leaves them, from the cache
    when it holds them (parsed and stored there first)."""
    if not cache.exists():
        started = time.process_time()
        with nlp.select_pipes(disable=["qg_attribution"]):
            docs = list(nlp.pipe((g.text for g in gold), batch_size=16))
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
        print(f"parsed {len(docs)} articles in {time.process_time() - started:.0f} CPU s; cached in {cache}",
              file=sys.stderr)
    docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    if len(docs) != len(gold):
        raise SystemExit(f"{cache} holds {len(docs)} articles, the split {len(gold)}: delete it and run again")
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lang", choices=sorted(CORPORA), help="de: Wikinews; en: PolNeAR")
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--cache", type=Path, default=default_cache(), help="folder of the cached parses")
    parser.add_argument("--rules", action="store_true", help="the rules alone (no speaker linker, no filter)")
    parser.add_argument("--decimals", type=int, default=1, help="decimals of the figures (2 shows changes too small for 1)")
    parser.add_argument("--outermost", action="store_true",
                        help="en: score outermost relations only, as PolNeAR's guideline annotates (eval polnear --outermost)")
    args = parser.parse_args(argv)
    if args.outermost and args.lang != "en":
        parser.error("--outermost is PolNeAR's convention (en); for Wikinews see 'quotegraph eval wikinews --top-level'")

    folder, read, as_article, score = CORPORA[args.lang]
    data = Path(os.environ.get("QUOTEGRAPH_DATA") or ROOT.parent / "shared" / "data")
    gold = list(read(data / folder / f"{args.split}.jsonl.gz"))
    nlp = make_nlp(args.lang, learned=not args.rules)
    docs = parsed_docs(nlp, gold, args.cache / f"{folder}-{args.split}.spacy")
    finder = nlp.get_pipe("qg_attribution")
    predictions = {g.id: doc_to_result(finder(doc), as_article(g)).attributions for g, doc in zip(gold, docs)}
    report = score(predictions, gold, errors=False, **({"outermost_only": True} if args.outermost else {}))
    print(f"{folder} {args.split}: {len(gold)} articles ({'rules only' if args.rules else 'learned parts on'})")
    for name, prf in report.scores.items():
        d, w = args.decimals, args.decimals + 4
        print(f"  {name:34} P {prf.precision * 100:{w}.{d}f}  R {prf.recall * 100:{w}.{d}f}  F1 {prf.f1 * 100:{w}.{d}f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
