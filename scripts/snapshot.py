"""Behaviour snapshot: what quotegraph extracts from the dev splits and the examples, to diff a refactor.

A refactor proves itself by leaving this unchanged. ``write`` runs the extractor on the
Wikinews (German) and PolNeAR (English) dev splits and on the bundled example articles, with
the learned parts on and off, and writes per corpus and setting the sorted ``quotes.jsonl``
lines and the sorted N-Quads of the graph built from them. ``diff`` compares two snapshot
folders and prints what differs (exit 1 if anything does)::

    python scripts/snapshot.py write /tmp/before          # on the old commit
    python scripts/snapshot.py write /tmp/after           # on the new one
    python scripts/snapshot.py diff /tmp/before /tmp/after

``write --train`` adds the records of both train splits (1,000+ articles, about five times dev):
the component run on the parses ``scripts/score_train.py`` caches, so the first run parses them
once (minutes) and later ones take about a minute. Dev alone has let a slip through that train
showed (a rare parse the dev articles happen not to hold).

The data are read from ``$QUOTEGRAPH_DATA`` or ``../shared/data`` (never copied here).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import sys
import time
from pathlib import Path

import pyoxigraph

from quotegraph import api
from quotegraph.extract.records import Article, attribution_to_dict
from quotegraph.graph.store import oxigraph_store

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"learned": "1", "rules": "0"}  # the value of $QUOTEGRAPH_LEARNED


def data_root() -> Path:
    return Path(os.environ.get("QUOTEGRAPH_DATA") or ROOT.parent / "shared" / "data")


def _jsonl_gz(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def corpora() -> dict[str, tuple[str, list]]:
    """name → (language, articles)."""
    root = data_root()
    wikinews = [Article(id=d["documentName"], text=d["originalText"], language="de")
                for d in _jsonl_gz(root / "wikinews-de" / "dev.jsonl.gz")]
    polnear = [Article(id=d["id"], text=d["text"], language="en") for d in _jsonl_gz(root / "polnear-en" / "dev.jsonl.gz")]
    examples = sorted(api.read_inputs([api.example_folder()]), key=lambda a: a.id)
    return {"wikinews-dev": ("de", wikinews), "polnear-dev": ("en", polnear), "examples": ("auto", examples)}


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for setting, learned in SETTINGS.items():
        os.environ["QUOTEGRAPH_LEARNED"] = learned
        for name, (lang, articles) in corpora().items():
            t0 = time.process_time()
            results = list(api.extract(articles, lang=lang))
            lines = sorted(json.dumps(attribution_to_dict(a), ensure_ascii=False, sort_keys=True)
                           for r in results for a in r.attributions)
            (folder / f"{name}.{setting}.quotes.jsonl").write_text("".join(f"{line}\n" for line in lines), "utf-8")
            graph = api.build_graph(results)
            quads = oxigraph_store(graph).dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
            nq = sorted(set(quads.splitlines()))
            (folder / f"{name}.{setting}.nq").write_text("".join(f"{q}\n" for q in nq if q.strip()), "utf-8")
            print(f"{name:14} {setting:8} {len(articles):4} articles {len(lines):5} quotes "
                  f"{len(nq):6} quads  {time.process_time() - t0:6.1f} CPU s", flush=True)


def write_train(folder: Path) -> None:
    """The records of the component on both train splits, from the cached parses of score_train.py."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from score_train import CORPORA, default_cache, parsed_docs

    from quotegraph.extract.convert import doc_to_result
    from quotegraph.extract.pipeline import make_nlp

    for setting, learned in SETTINGS.items():
        for lang, name in (("de", "wikinews-train"), ("en", "polnear-train")):
            t0 = time.process_time()
            corpus, read, as_article, _ = CORPORA[lang]
            gold = list(read(data_root() / corpus / "train.jsonl.gz"))
            nlp = make_nlp(lang, learned=learned == "1")
            docs = parsed_docs(nlp, gold, default_cache() / f"{corpus}-train.spacy")
            finder = nlp.get_pipe("qg_attribution")
            lines = sorted(json.dumps(attribution_to_dict(a), ensure_ascii=False, sort_keys=True)
                           for g, doc in zip(gold, docs) for a in doc_to_result(finder(doc), as_article(g)).attributions)
            (folder / f"{name}.{setting}.quotes.jsonl").write_text("".join(f"{line}\n" for line in lines), "utf-8")
            print(f"{name:14} {setting:8} {len(gold):4} articles {len(lines):5} quotes  "
                  f"{time.process_time() - t0:6.1f} CPU s", flush=True)


def diff(a: Path, b: Path, *, context: int = 20) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differing = 0
    for name in names:
        left = (a / name).read_text("utf-8").splitlines() if (a / name).exists() else []
        right = (b / name).read_text("utf-8").splitlines() if (b / name).exists() else []
        if left == right:
            print(f"same       {name} ({len(left)} lines)")
            continue
        differing += 1
        removed, added = sorted(set(left) - set(right)), sorted(set(right) - set(left))
        print(f"DIFFERENT  {name}: {len(removed)} lines only in {a}, {len(added)} only in {b}")
        for line in list(difflib.unified_diff(left, right, lineterm="", n=0))[2 : 2 + context]:
            print(f"    {line[:300]}")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="extract the dev splits and examples into FOLDER")
    w.add_argument("folder", type=Path)
    w.add_argument("--train", action="store_true", help="also the records of both train splits (cached parses)")
    d = sub.add_parser("diff", help="compare two snapshot folders (exit 1 if they differ)")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--context", type=int, default=20, help="diff lines shown per differing file")
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.folder)
        if args.train:
            write_train(args.folder)
        return 0
    return diff(args.before, args.after, context=args.context)


if __name__ == "__main__":
    sys.exit(main())
