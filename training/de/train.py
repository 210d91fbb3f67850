"""Retrain the German pipeline ``de_quotegraph_sm`` end to end.

Stages (run in order, one training process at a time, one thread each):

1. ``convert``  raw corpora -> ``training/de/corpus/*.spacy`` (about 20 s)
2. ``ud``       tok2vec + tagger + morphologizer + parser + trainable_lemmatizer
                (``ud.cfg``), hard wall-clock budget ``--ud-minutes`` (default 28)
3. ``ner``      NER with its own tok2vec (``ner.cfg``), budget ``--ner-minutes``
                (default 28)
4. ``assemble`` UD model-best + NER model-best -> ``extract/models/de_quotegraph_sm``

Total training wall time is bounded by ``--ud-minutes + --ner-minutes``
(56 minutes by default, under one hour). Each config also carries
``max_steps``/``patience``, which stop earlier on a fast machine; when the
budget runs out first, the trainer is stopped and the best checkpoint so far
(``model-best``, written at each improving evaluation) is used.

Example::

    python training/de/train.py                   # everything
    python training/de/train.py --stages assemble # re-assemble only
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
OUTPUT = HERE / "output"
CORPUS = HERE / "corpus"
TARGET = REPO / "extract" / "models" / "de_quotegraph_sm"

META = {
    "lang": "de",
    "name": "quotegraph_sm",
    "version": "0.1.0",
    "description": (
        "German pipeline for quotegraph: tagger (STTS), morphologizer (UD), dependency parser, "
        "trainable lemmatizer and NER (PER/ORG/LOC/MISC), CPU CNN architecture, trained offline "
        "on openly licensed data only."
    ),
    "author": "quotegraph contributors",
    "email": "",
    "url": "",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "UD German GSD (dev used for evaluation, test for training)",
            "url": "https://github.com/UniversalDependencies/UD_German-GSD",
            "license": "CC BY-SA 4.0",
        },
        {
            "name": "UD German PUD",
            "url": "https://github.com/UniversalDependencies/UD_German-PUD",
            "license": "CC BY-SA 3.0",
        },
        {
            "name": "GermEval 2014 NER (test used for training, dev for evaluation)",
            "url": "https://sites.google.com/site/germeval2014ner/",
            "author": "Benikova, Biemann, Reznicek",
            "license": "CC BY 4.0",
        },
        {
            "name": "DFKI SmartData Corpus v1",
            "url": "https://github.com/DFKI-NLP/smartdata-corpus",
            "author": "Schiersch, Mironova, Schmitt, Thomas, Gabryszak, Hennig",
            "license": "CC BY 4.0",
        },
    ],
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    return env


def run_convert(data: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "convert.py"), "--data", str(data), "--out", str(CORPUS)],
                   check=True, env=_env())


def run_train(name: str, minutes: float, extra: list[str]) -> None:
    """``spacy train <name>.cfg`` with a hard wall-clock budget."""
    out = OUTPUT / name
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log = (OUTPUT / f"{name}.log").open("w")
    cmd = [sys.executable, "-m", "spacy", "train", str(HERE / f"{name}.cfg"), "--output", str(out),
           "--paths.train", str(CORPUS / f"{name}-train.spacy"), "--paths.dev", str(CORPUS / f"{name}-dev.spacy"),
           *extra]
    print(f"[{dt.datetime.now():%H:%M:%S}] {' '.join(cmd)} (budget {minutes:g} min, log {log.name})", flush=True)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=HERE, env=_env(), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        proc.wait(timeout=minutes * 60)
    except subprocess.TimeoutExpired:
        print(f"  budget reached: stopping {name} training, keeping model-best", flush=True)
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    else:
        if proc.returncode != 0:
            raise SystemExit(f"{name} training failed, see {log.name}")
    print(f"  {name}: {(time.monotonic() - start) / 60:.1f} min", flush=True)
    if not (out / "model-best" / "meta.json").exists():
        raise SystemExit(f"{name}: no model-best written")


def assemble(target: Path) -> None:
    import json

    import spacy

    nlp = spacy.load(OUTPUT / "ud" / "model-best")
    ner = spacy.load(OUTPUT / "ner" / "model-best")
    nlp.add_pipe("ner", source=ner)
    ud_perf = json.loads((OUTPUT / "ud" / "model-best" / "meta.json").read_text()).get("performance", {})
    ner_perf = json.loads((OUTPUT / "ner" / "model-best" / "meta.json").read_text()).get("performance", {})
    meta = dict(nlp.meta)
    meta.update(META)
    meta["performance"] = {**{k: v for k, v in ud_perf.items() if not k.endswith("_loss")},
                           **{k: v for k, v in ner_perf.items() if not k.endswith("_loss")}}
    meta["spacy_version"] = f">={spacy.__version__.rsplit('.', 1)[0]}.0,<3.9.0"
    nlp.meta.clear()
    nlp.meta.update(meta)
    if target.exists():
        card = target / "MODEL_CARD.md"
        saved = card.read_text(encoding="utf8") if card.exists() else None
        shutil.rmtree(target)
    else:
        saved = None
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    if saved is not None:
        (target / "MODEL_CARD.md").write_text(saved, encoding="utf8")
    # a loaded-and-saved pipeline has nothing to prune; check nothing stray is left
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"saved {target} ({size / 1e6:.1f} MB): {nlp.pipe_names}")


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data root (default ../shared/data)")
    p.add_argument("--stages", default="convert,ud,ner,assemble", help="comma-separated subset")
    p.add_argument("--ud-minutes", type=float, default=28.0, help="wall-clock budget of the UD training")
    p.add_argument("--ner-minutes", type=float, default=28.0, help="wall-clock budget of the NER training")
    p.add_argument("--target", type=Path, default=TARGET, help="where the final pipeline is written")
    a = p.parse_args(argv)
    if a.ud_minutes + a.ner_minutes > 60:
        raise SystemExit("training budget must stay under 60 minutes in total")
    stages = a.stages.split(",")
    if "convert" in stages:
        run_convert(a.data)
    if "ud" in stages:
        run_train("ud", a.ud_minutes, [])
    if "ner" in stages:
        run_train("ner", a.ner_minutes, [])
    if "assemble" in stages:
        assemble(a.target)


if __name__ == "__main__":
    main()
