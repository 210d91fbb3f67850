"""Benchmark: accuracy, speed and memory of the shipped German pipeline.

Prints, for ``extract/models/de_quotegraph_sm`` (or ``--model``):

* load time, throughput (``nlp.pipe`` in one process) and peak RSS;
* POS / STTS tag / morph accuracy, UAS / LAS, lemma accuracy and sentence F
  on UD German GSD dev (raw text re-tokenized by the pipeline, aligned by spaCy);
* NER precision / recall / F per label on GermEval 2014 dev and SmartData v1 test;
* ``Mood=Sub`` precision / recall on GSD dev (gold tokenization): the
  morphologizer alone against ``quotegraph.extract.konjunktiv``.

It is not a test. The data is read from ``--data`` (default ``../shared/data``
relative to the repository root) and never copied.

    python benchmarks/bench_de_pipeline.py
    python benchmarks/bench_de_pipeline.py --model /tmp/other_model --data /path/to/data
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.scorer import get_ner_prf  # noqa: E402
from spacy.training import Example  # noqa: E402

from quotegraph.extract.konjunktiv import konjunktiv  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_MODEL = REPO / "extract" / "models" / "de_quotegraph_sm"


def _converters():
    """The corpus readers of the training recipe (one source of truth for label mapping)."""
    spec = importlib.util.spec_from_file_location("qg_de_convert", REPO / "training" / "de" / "convert.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _examples(nlp, gold_docs):
    return [Example(nlp.make_doc(g.text), g) for g in gold_docs]


def _pct(x) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}"


def bench_speed(nlp, texts) -> tuple[float, float, int]:
    """Tokens per wall-clock second and per CPU second (the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=64, n_process=1))
    return n / (time.perf_counter() - start), n / (time.process_time() - cpu), n


def bench_ud(nlp, gold_docs) -> None:
    scores = nlp.evaluate(_examples(nlp, gold_docs))
    print("\nUD German GSD dev (pipeline tokenization)")
    for key, label in [("pos_acc", "POS (UPOS)"), ("tag_acc", "tag (STTS)"), ("morph_acc", "morph"),
                       ("dep_uas", "UAS"), ("dep_las", "LAS"), ("lemma_acc", "lemma"), ("sents_f", "sentence F"),
                       ("token_acc", "token acc")]:
        print(f"  {label:<12} {_pct(scores.get(key))}")


def _print_ner(scores, indent="  ") -> None:
    print(f"{indent}{'label':<6} {'P':>5} {'R':>5} {'F':>5}")
    for label, s in sorted((scores.get("ents_per_type") or {}).items()):
        print(f"{indent}{label:<6} {_pct(s['p'])} {_pct(s['r'])} {_pct(s['f'])}")
    print(f"{indent}{'all':<6} {_pct(scores['ents_p'])} {_pct(scores['ents_r'])} {_pct(scores['ents_f'])}")


def bench_ner(nlp, gold_docs, title: str, drop_labels: tuple[str, ...] = ()) -> None:
    """Entity P/R/F per label; ``drop_labels`` are also scored as if never predicted
    (for a corpus that does not annotate them, e.g. MISC in SmartData)."""
    preds = list(nlp.pipe((g.text for g in gold_docs), batch_size=64))
    print(f"\nNER {title} ({sum(len(d.ents) for d in gold_docs)} gold entities)")
    _print_ner(get_ner_prf([Example(p, g) for p, g in zip(preds, gold_docs)]))
    if drop_labels:
        for p in preds:
            p.ents = [e for e in p.ents if e.label_ not in drop_labels]
        print(f"  without {', '.join(drop_labels)} (not annotated in this corpus):")
        _print_ner(get_ner_prf([Example(p, g) for p, g in zip(preds, gold_docs)]), indent="    ")


def _prf(pred: set, gold: set) -> str:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {_pct(p)}  R {_pct(r)}  F {_pct(f)}  (pred {len(pred)}, gold {len(gold)})"


def bench_mood(nlp, gold_docs) -> None:
    """Mood=Sub on gold tokens: the pipeline runs on Docs built from the gold words."""
    gold, morph_only, rules, rules_amb = set(), set(), set(), set()
    for n, g in enumerate(gold_docs):
        doc = Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for t, gt in zip(doc, g):
            key = (n, t.i)
            if "Sub" in gt.morph.get("Mood"):
                gold.add(key)
            if "Sub" in t.morph.get("Mood"):
                morph_only.add(key)
            reading = konjunktiv(t)
            if reading.mood is not None:
                rules_amb.add(key)
                if not reading.ambiguous:
                    rules.add(key)
    print(f"\nMood=Sub on GSD dev (gold tokenization, {len(gold)} gold tokens)")
    print(f"  morphologizer alone          {_prf(morph_only, gold)}")
    print(f"  + konjunktiv rules (strict)  {_prf(rules, gold)}")
    print(f"  + rules, ambiguous included  {_prf(rules_amb, gold)}")


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data root")
    p.add_argument("--ud-dev", type=Path, default=None, help="CoNLL-U file (default <data>/de-nlp/ud/de_gsd-ud-dev.conllu)")
    p.add_argument("--germeval-dev", type=Path, default=None, help="default <data>/de-nlp/germeval2014/NER-de-dev.tsv")
    p.add_argument("--smartdata-test", type=Path, default=None, help="default <data>/de-nlp/smartdata/v1-test.json.gz")
    a = p.parse_args(argv)
    de = a.data / "de-nlp"
    ud_dev = a.ud_dev or de / "ud" / "de_gsd-ud-dev.conllu"
    ge_dev = a.germeval_dev or de / "germeval2014" / "NER-de-dev.tsv"
    sd_test = a.smartdata_test or de / "smartdata" / "v1-test.json.gz"

    rss0 = _rss_mb()
    start = time.perf_counter()
    nlp = spacy.load(a.model)
    load_s = time.perf_counter() - start
    rss_load = _rss_mb()
    conv = _converters()
    ud_docs = conv.read_conllu(ud_dev, nlp.vocab)
    ge_docs = conv.read_germeval(ge_dev, nlp.vocab)
    sd_docs = conv.read_smartdata(sd_test, spacy.blank("de"))
    texts = [d.text for d in ud_docs] + [d.text for d in sd_docs]
    rss_data = _rss_mb()
    nlp("Aufwärmen.")
    wps, cps, n_tok = bench_speed(nlp, texts)
    size = sum(f.stat().st_size for f in a.model.rglob("*") if f.is_file()) / 1e6
    print(f"model {a.model} ({nlp.meta.get('name')} {nlp.meta.get('version')}, {size:.1f} MB on disk)")
    print(f"pipeline: {nlp.pipe_names}")
    print(f"load time {load_s:.2f} s; RSS before load {rss0:.0f} MB, after load {rss_load:.0f} MB")
    print(f"throughput {wps:,.0f} tokens/s wall clock, {cps:,.0f} tokens per CPU second "
          f"({n_tok:,} tokens, nlp.pipe, 1 process, OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']})")
    print(f"peak RSS: {rss_data:.0f} MB after reading the evaluation corpora, "
          f"{_rss_mb():.0f} MB after the throughput run")

    bench_ud(nlp, ud_docs)
    if "ner" in nlp.pipe_names:
        bench_ner(nlp, ge_docs, "GermEval 2014 dev")
        bench_ner(nlp, sd_docs, "SmartData v1 test", drop_labels=("MISC",))
    bench_mood(nlp, ud_docs)
    print(f"\npeak RSS at end: {_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
