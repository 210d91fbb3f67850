"""Convert the German training data to spaCy DocBins.

Reads the raw corpora from ``--data`` (default ``../shared/data`` relative to
the repository root; the data is never copied into the repository) and writes
``.spacy`` files to ``training/de/corpus/`` (git-ignored).

Outputs
-------
ud-train.spacy        UD German GSD test + PUD test (CoNLL-U, contractions merged;
                      PUD's non-STTS XPOS left missing)
ud-dev.spacy          UD German GSD dev
ner-train.spacy       GermEval 2014 test + DFKI SmartData v1 train
ner-train-germeval.spacy  GermEval 2014 test only (ablation)
ner-dev.spacy         GermEval 2014 dev
smartdata-test.spacy  DFKI SmartData v1 test

Label mapping
-------------
GermEval (outer layer): PER, ORG, LOC -> same; OTH -> MISC; *deriv / *part -> O
(the official spaCy German models tag neither "deutschen" nor "SPD-Chef").
SmartData: person -> PER; organization, organization-company -> ORG;
location, location-city, location-street, location-stop -> LOC;
location-route (road numbers such as "A9") -> missing (neither O nor an entity);
all other types (date, time, number, trigger, ...) -> O.  SmartData has no MISC
class, so MISC-like names there are trained as O: a known limitation.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.training.converters import conllu_to_docs
from spacy.util import filter_spans

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
CORPUS = Path(__file__).resolve().parent / "corpus"

GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
SMARTDATA_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
}
SMARTDATA_MISSING = frozenset({"location-route"})


def read_conllu(path: Path, vocab, n_sents: int = 10, keep_xpos: bool = True) -> list[Doc]:
    """CoNLL-U -> Docs of ``n_sents`` sentences, multi-word tokens merged.

    ``keep_xpos=False`` leaves the fine-grained tag missing: UD German PUD's
    XPOS column is a Penn-Treebank-like tagset (NN, DT, VBC, ...), not STTS,
    and must not be mixed into the tagger's STTS labels.
    """
    text = path.read_text(encoding="utf8")
    docs = conllu_to_docs(text, n_sents=n_sents, merge_subtokens=True, no_print=True)
    # the converter uses its own Vocab: move the Docs into ours
    docs = list(DocBin(docs=docs).get_docs(vocab))
    if not keep_xpos:
        for doc in docs:
            for token in doc:
                token.tag_ = ""
    return docs


def read_germeval(path: Path, vocab) -> list[Doc]:
    """GermEval 2014 TSV (outer layer) -> one Doc per sentence."""
    docs = []
    words: list[str] = []
    tags: list[str] = []

    def flush():
        if not words:
            return
        iob = []
        for t in tags:
            if t == "O":
                iob.append("O")
                continue
            prefix, label = t.split("-", 1)
            mapped = GERMEVAL_MAP.get(label)
            iob.append(f"{prefix}-{mapped}" if mapped else "O")
        # repair I- without B- (can arise after dropping *deriv/*part)
        fixed, prev = [], "O"
        for t in iob:
            if t.startswith("I-") and prev[2:] != t[2:]:
                t = "B-" + t[2:]
            fixed.append(t)
            prev = t
        docs.append(Doc(vocab, words=list(words), ents=fixed))
        words.clear()
        tags.clear()

    with path.open(encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                flush()
                continue
            parts = line.split("\t")
            words.append(parts[1])
            tags.append(parts[2])
    flush()
    return docs


def _json_stream(text: str):
    dec = json.JSONDecoder()
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def read_smartdata(path: Path, nlp) -> list[Doc]:
    """SmartData v1 (concatenated JSON objects, char offsets) -> Docs."""
    docs = []
    raw = gzip.open(path, "rt", encoding="utf8").read()
    for obj in _json_stream(raw):
        text = obj["text"]["string"]
        doc = nlp.make_doc(text)
        spans, missing = [], []
        mentions = (obj.get("conceptMentions") or {}).get("array") or []
        for m in mentions:
            start, end = m["span"]["start"], m["span"]["end"]
            typ = m["type"]
            label = SMARTDATA_MAP.get(typ)
            if label is None and typ not in SMARTDATA_MISSING:
                continue
            span = doc.char_span(start, end, label=label or "", alignment_mode="expand")
            if span is None:
                continue
            # the NER cannot learn spans that start/end on (or contain) whitespace tokens
            s0, s1 = span.start, span.end
            while s0 < s1 and (doc[s0].is_space or doc[s0].is_punct):
                s0 += 1
            while s1 > s0 and (doc[s1 - 1].is_space or doc[s1 - 1].is_punct):
                s1 -= 1
            if s0 == s1 or any(t.is_space for t in doc[s0:s1]):
                continue
            span = Span(doc, s0, s1, label=label or "")
            (spans if label else missing).append(span)
        spans = filter_spans(spans)
        taken = {i for s in spans for i in range(s.start, s.end)}
        missing = [
            s for s in filter_spans(missing) if not any(i in taken for i in range(s.start, s.end))
        ]
        # tokens of whitespace-only are left as O
        doc.set_ents(spans, missing=missing, default="outside")
        docs.append(doc)
    return docs


def save(docs, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    n_tok = sum(len(d) for d in docs)
    n_ent = sum(len(d.ents) for d in docs)
    print(f"{path.name}: {len(docs)} docs, {n_tok} tokens, {n_ent} entities")


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data root")
    p.add_argument("--out", type=Path, default=CORPUS, help="output folder")
    a = p.parse_args(argv)
    de = a.data / "de-nlp"
    nlp = spacy.blank("de")
    ud = de / "ud"
    save(
        read_conllu(ud / "de_gsd-ud-test.conllu", nlp.vocab)
        + read_conllu(ud / "de_pud-ud-test.conllu", nlp.vocab, keep_xpos=False),
        a.out / "ud-train.spacy",
    )
    save(read_conllu(ud / "de_gsd-ud-dev.conllu", nlp.vocab), a.out / "ud-dev.spacy")
    ge = de / "germeval2014"
    ge_train = read_germeval(ge / "NER-de-test.tsv", nlp.vocab)
    save(ge_train, a.out / "ner-train-germeval.spacy")
    sd_train = read_smartdata(de / "smartdata" / "v1-train.json.gz", nlp)
    save(ge_train + sd_train, a.out / "ner-train.spacy")
    save(read_germeval(ge / "NER-de-dev.tsv", nlp.vocab), a.out / "ner-dev.spacy")
    save(read_smartdata(de / "smartdata" / "v1-test.json.gz", nlp), a.out / "smartdata-test.spacy")


if __name__ == "__main__":
    main()
