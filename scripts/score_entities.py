"""Score cross-article entity resolution: pairwise merge precision and recall on our labelled set.

The labels (``training/entities/dev-labels.jsonl``, our own annotation, see its README) name
the entity of each person, organisation and place named in a speaker of the German Wikinews
and English PolNeAR dev splits, by article id and character offsets; the texts are read from
``$QUOTEGRAPH_DATA`` or ``../shared/data`` and never copied. ::

    python scripts/score_entities.py              # the figures
    python scripts/score_entities.py --errors     # and every wrong and missed join

What is scored is :func:`quotegraph.graph.resolve.resolve`, the rules alone, given what the
pipeline gives it: each article's entities under the name coreference gives them. That is
emulated from the labels: the labelled names of one entity in one article are one entity
(coreference within an article is not scored here), named by the entity's full name when the
article's text holds it (coreference names an entity by its longest name), else by its
longest labelled form; its type is the labelled one. Entities with the same name in two
articles are one *key*, as they are one IRI in the graph.

Units are the labelled surface forms (one per name and article). A pair of units in two
different articles is a true join when both have the same label; precision is over the
pairs the resolution puts in one entity, recall over the pairs with one label. ``names as
written`` is the graph without resolution (one IRI per name).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from quotegraph.extract.evaluation.polnear import read_polnear
from quotegraph.extract.evaluation.wikinews import read_wikinews
from quotegraph.graph.model import entity_class, entity_iri
from quotegraph.graph.names import words
from quotegraph.graph.resolve import Key, resolve

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "training" / "entities" / "dev-labels.jsonl"
#: split name in the labels -> (data folder and file, reader, language)
SPLITS = {
    "wikinews-de/dev": ("wikinews-de/dev.jsonl.gz", read_wikinews, "de"),
    "polnear-en/dev": ("polnear-en/dev.jsonl.gz", read_polnear, "en"),
}


def read_labels(path: Path, data: Path) -> tuple[list[dict], dict[tuple, str]]:
    """The labelled units, each checked against the text it points into; and the texts."""
    labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {}
    for split, (file, reader, _) in SPLITS.items():
        if any(u["split"] == split for u in labels):
            texts.update({(split, a.id): a.text for a in reader(data / file)})
    for u in labels:
        text = texts.get((u["split"], u["article"]))
        if text is None or text[u["start"]:u["end"]] != u["form"]:
            sys.exit(f"{path}: {u['split']} {u['article']!r} [{u['start']}, {u['end']}] is not {u['form']!r}: "
                     "the data changed under the labels")
    return labels, texts


def article_entities(labels: list[dict], texts: dict, *, full_names: bool = True) -> dict[tuple, str]:
    """Each unit -> the name its article's entity goes by (the coreference emulation above;
    without ``full_names``, always its longest labelled form: the harder case)."""
    by_entity: dict[tuple, list[dict]] = defaultdict(list)
    for u in labels:
        by_entity[(u["split"], u["article"], u["entity"])].append(u)
    named = {}
    for (split, article, entity), units in by_entity.items():
        if full_names and entity in texts[(split, article)]:
            name = entity
        else:
            name = max((u["form"] for u in units), key=lambda f: (len(words(f)), len(f)))
        for u in units:
            named[(split, article, u["form"])] = name
    return named


def keys_of(labels: list[dict], named: dict) -> list[Key]:
    """The keys the resolution reads: one per name, with its articles, type and other forms."""
    found: dict[str, dict] = {}
    for u in labels:
        name = named[(u["split"], u["article"], u["form"])]
        iri = str(entity_iri(name))
        k = found.setdefault(iri, {"name": name, "types": [], "aliases": set(), "articles": set(), "langs": set()})
        k["types"].append(str(entity_class(u["type"])))
        if u["form"] != name:
            k["aliases"].add(u["form"])
        k["articles"].add(f"{u['split']}/{u['article']}")
        k["langs"].add(SPLITS[u["split"]][2])
    return [Key(iri, k["name"], max(set(k["types"]), key=k["types"].count), tuple(sorted(k["aliases"])),
                frozenset(k["articles"]), frozenset(k["langs"])) for iri, k in sorted(found.items())]


def pairwise(units: list[tuple], predicted: dict) -> tuple[int, int, int, list, list]:
    """True, predicted and gold pairs of units in different articles; the wrong and missed pairs."""
    tp = pred = gold = 0
    wrong, missed = [], []
    for (a1, f1, e1, k1), (a2, f2, e2, k2) in combinations(units, 2):
        if a1 == a2:
            continue
        same_pred, same_gold = predicted[k1] == predicted[k2], e1 == e2
        pred += same_pred
        gold += same_gold
        tp += same_pred and same_gold
        if same_pred and not same_gold:
            wrong.append((f1, e1, f2, e2))
        elif same_gold and not same_pred:
            missed.append((f1, f2, e1))
    return tp, pred, gold, wrong, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("QUOTEGRAPH_DATA", "../shared/data")))
    parser.add_argument("--errors", action="store_true", help="print every wrong and missed join (by surface form)")
    parser.add_argument("--labelled-names-only", action="store_true",
                        help="name each article's entity by its longest labelled form, never by the full name "
                             "the article's text holds elsewhere (more surnames alone: harder)")
    args = parser.parse_args(argv)
    labels, texts = read_labels(args.labels, args.data)
    named = article_entities(labels, texts, full_names=not args.labelled_names_only)
    keys = keys_of(labels, named)
    resolved = {m.key.iri: e.iri for e in resolve(keys) for m in e.members}
    units = [(f"{u['split']}/{u['article']}", u["form"], u["entity"],
              str(entity_iri(named[(u["split"], u["article"], u["form"])]))) for u in labels]
    print(f"{len(labels)} labelled surface forms in {len({u[0] for u in units})} articles, "
          f"{len({u['entity'] for u in labels})} entities, {len(keys)} names as written")
    print(f"{'':22} {'precision':>9} {'recall':>7} {'pairs':>7} {'true':>6} {'gold':>6}")
    for title, predicted in (("names as written", {k.iri: k.iri for k in keys}), ("resolved", resolved)):
        tp, pred, gold, wrong, missed = pairwise(units, predicted)
        print(f"{title:22} {100 * tp / pred if pred else 100:>8.1f}% {100 * tp / gold:>6.1f}% {pred:>7} {tp:>6} {gold:>6}")
    if args.errors:
        for kind, rows in (("wrong", sorted(set(wrong))), ("missed", sorted(set(missed)))):
            print(f"\n{kind} joins ({len(rows)} distinct):")
            for row in rows:
                print("  " + " | ".join(map(str, row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
