"""``quotegraph eval wikinews|polnear`` end to end, with a fake extractor in place of the real one:
a perfect extractor (the gold, as records) must score 100 and an empty one 0, so the verb and the
scorers are proven whatever the extraction quality."""

import gzip
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph import api
from quotegraph.cli import app
from quotegraph.extract.evaluation import polnear, wikinews
from quotegraph.extract.records import ArticleResult
from quotegraph.inputs import Skipped

runner = CliRunner()
TOKEN = re.compile(r"\w+|[^\w\s]")


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def wikinews_object(name: str, text: str, quotes: list[dict]) -> dict:
    """An article in the data set's own format (tokens, annotations with spans and token ids)."""
    tokens = [{"id": n, "charBegin": m.start(), "charEnd": m.end(), "text": m.group()}
              for n, m in enumerate(TOKEN.finditer(text))]

    def role(spans):
        ids = sorted({t["id"] for s, e in spans for t in tokens if t["charBegin"] < e and s < t["charEnd"]})
        return {"spans": [{"charBegin": s, "charEnd": e} for s, e in spans],
                "text": " ".join(text[s:e] for s, e in spans), "tokenIds": ids}

    annotations = [{
        "id": n, "type": q["type"], "medium": "Speech", "isNested": q.get("nested", False), "hasNested": False,
        "quote": role(q["quote"]), "speaker": role(q.get("speaker", [])), "cue": role(q.get("cue", [])),
        "frame": role([]), "addressee": role([]),
    } for n, q in enumerate(quotes)]
    return {"documentName": name, "originalText": text, "tokens": tokens, "annotations": annotations,
            "sentences": [], "file": name + ".json"}


DE_1 = "Der Verband warnte, die Preise würden steigen. „Das trifft alle“, sagte seine Sprecherin."
DE_2 = "Laut Polizei gab es keine Verletzten. Sie lobte die Helfer."
EN_1 = "The senator said the vote would be close. Aides were worried, one staffer told us."
EN_2 = "Nobody commented on the plan."


def brat(text: str, relations: list[dict]) -> str:
    lines, t = [], 0
    for n, rel in enumerate(relations, start=1):
        args = []
        for label in ("Content", "Source", "Cue"):
            if label in rel:
                t += 1
                s, e = at(text, rel[label])
                lines.append(f"T{t}\t{label} {s} {e}\t{text[s:e]}")
                args.append(f"{label}:T{t}")
        lines.append(f"E{n}\tAttribution:T{t} " + " ".join(args))
    return "\n".join(lines)


@pytest.fixture
def data_root(tmp_path) -> Path:
    root = tmp_path / "shared" / "data"
    (root / "wikinews-de").mkdir(parents=True)
    (root / "polnear-en").mkdir(parents=True)
    articles = [
        wikinews_object("de-1", DE_1, [
            {"type": "Indirect", "quote": [at(DE_1, "die Preise würden steigen")],
             "speaker": [at(DE_1, "Der Verband")], "cue": [at(DE_1, "warnte")]},
            {"type": "Direct", "quote": [at(DE_1, "Das trifft alle")],
             "speaker": [at(DE_1, "seine Sprecherin")], "cue": [at(DE_1, "sagte")]},
        ]),
        wikinews_object("de-2", DE_2, [
            {"type": "Indirect", "quote": [at(DE_2, "gab es keine Verletzten")],
             "speaker": [at(DE_2, "Polizei")], "cue": [at(DE_2, "Laut")]},
            {"type": "Reported", "quote": [at(DE_2, "lobte die Helfer")], "speaker": [at(DE_2, "Sie")]},  # pronoun
        ]),
        wikinews_object("de-3", "Ein Artikel ohne Zitate.", []),
    ]
    with gzip.open(root / "wikinews-de" / "dev.jsonl.gz", "wt", encoding="utf-8") as f:
        for obj in articles:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    pn = [
        {"id": "en-1", "text": EN_1, "ann": brat(EN_1, [
            {"Content": "the vote would be close", "Source": "The senator", "Cue": "said"},
            {"Content": "Aides were worried", "Source": "one staffer", "Cue": "told"}])},
        {"id": "en-2", "text": EN_2, "ann": ""},
    ]
    with gzip.open(root / "polnear-en" / "dev.jsonl.gz", "wt", encoding="utf-8") as f:
        for obj in pn:
            f.write(json.dumps(obj) + "\n")
    return root


class FakeExtractor:
    """Stands in for quotegraph.api.extract: returns the gold (perfect), nothing (empty), or skips."""

    def __init__(self, root: Path, mode: str = "perfect", skip: set[str] = frozenset()):
        self.mode, self.skip, self.calls = mode, skip, []
        self.gold = {}
        for g in wikinews.read_wikinews(root / "wikinews-de" / "dev.jsonl.gz"):
            self.gold[g.id] = wikinews.gold_attributions(g)
        for g in polnear.read_polnear(root / "polnear-en" / "dev.jsonl.gz"):
            self.gold[g.id] = polnear.gold_attributions(g)

    def __call__(self, articles, *, lang="auto", model=None, n_process=1, progress=False, on_skip=None, **_):
        self.calls.append({"lang": lang, "model": model, "n_process": n_process})
        for art in articles:
            if art.id in self.skip or self.skip == {"*"}:
                on_skip(Skipped(art.id, "broken"))
                continue
            yield ArticleResult(art, tuple(self.gold[art.id]) if self.mode == "perfect" else ())


def run(monkeypatch, root, *args, mode="perfect", skip=frozenset()):
    fake = FakeExtractor(root, mode, set(skip))
    monkeypatch.setattr(api, "extract", fake)
    result = runner.invoke(app, [str(a) for a in args])
    return result, fake


def scores_in(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_wikinews_perfect_extractor_scores_100(monkeypatch, data_root, tmp_path):
    out = tmp_path / "scores.json"
    result, fake = run(monkeypatch, data_root, "eval", "wikinews", "--data", data_root, "--json", out, "-q",
                       "--model", "blank:de", "--workers", "2")
    assert result.exit_code == 0, result.output
    summary = scores_in(out)
    assert (summary["n_articles"], summary["n_gold"], summary["n_pred"]) == (3, 4, 4)
    for name in ("message", "speaker", "cue", "joint", "type"):
        assert summary["scores"][name]["f1"] == 1.0, name
    assert set(summary["by_type"]) == {"Direct", "Indirect", "Reported"}
    assert summary["split"] == "dev" and summary["info"]["model"] == "blank:de"
    assert fake.calls == [{"lang": "de", "model": "blank:de", "n_process": 2}]
    assert "message" in result.stdout and "100.0" in result.stdout


def test_wikinews_empty_extractor_scores_0_and_writes_errors(monkeypatch, data_root, tmp_path):
    out, errors = tmp_path / "s.json", tmp_path / "err" / "errors.jsonl"
    result, _ = run(monkeypatch, data_root, "eval", "wikinews", "--data", data_root, "--json", out,
                    "--errors", errors, "-q", mode="empty")
    assert result.exit_code == 0, result.output
    assert all(row["f1"] == 0.0 for row in scores_in(out)["scores"].values())
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [e["article"] for e in lines] == ["de-1", "de-2"]  # de-3 has nothing to miss
    assert [m["text"] for m in lines[1]["missed"]] == ["gab es keine Verletzten", "lobte die Helfer"]
    assert lines[1]["missed"][1]["speaker"] == "Sie"
    assert "⟦gab es keine Verletzten⟧" in lines[1]["missed"][0]["context"]


def test_limit(monkeypatch, data_root):
    result, _ = run(monkeypatch, data_root, "eval", "wikinews", "--data", data_root, "--limit", "1", "--json", "-", "-q")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)  # with --json -, the table goes to stderr
    assert summary["n_articles"] == 1 and summary["n_gold"] == 2


@pytest.mark.parametrize("where", ["file", "folder", "root"])
def test_data_option_takes_file_folder_or_root(monkeypatch, data_root, where):
    data = {"file": data_root / "wikinews-de" / "dev.jsonl.gz", "folder": data_root / "wikinews-de",
            "root": data_root}[where]
    result, _ = run(monkeypatch, data_root, "eval", "wikinews", "--data", data, "--json", "-", "-q")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["info"]["data"].endswith("dev.jsonl.gz")


def test_data_from_env_and_default(monkeypatch, data_root, tmp_path):
    monkeypatch.setenv("QUOTEGRAPH_DATA", str(data_root))
    result, _ = run(monkeypatch, data_root, "eval", "polnear", "--json", "-", "-q")
    assert result.exit_code == 0, result.output
    monkeypatch.delenv("QUOTEGRAPH_DATA")
    work = tmp_path / "main"
    work.mkdir()
    monkeypatch.chdir(work)  # default: ../shared/data
    result, _ = run(monkeypatch, data_root, "eval", "polnear", "--json", "-", "-q")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n_articles"] == 2


def test_missing_split_is_one_clear_error(monkeypatch, data_root):
    result, _ = run(monkeypatch, data_root, "eval", "wikinews", "--data", data_root, "--split", "train", "-q")
    assert result.exit_code == 1
    assert "no train split of wikinews-de" in result.output
    assert "Traceback" not in result.output


def test_polnear_perfect_and_empty(monkeypatch, data_root, tmp_path):
    out = tmp_path / "p.json"
    result, fake = run(monkeypatch, data_root, "eval", "polnear", "--data", data_root, "--json", out, "-q")
    assert result.exit_code == 0, result.output
    summary = scores_in(out)
    assert (summary["n_articles"], summary["n_gold"]) == (2, 2)
    assert all(row["f1"] == 1.0 for row in summary["scores"].values())
    assert fake.calls[0]["lang"] == "en"
    result, _ = run(monkeypatch, data_root, "eval", "polnear", "--data", data_root, "--json", out, "-q", mode="empty")
    assert result.exit_code == 0, result.output
    assert all(row["f1"] == 0.0 for row in scores_in(out)["scores"].values())


def test_polnear_outermost_is_passed_to_the_scorer(monkeypatch, data_root, tmp_path):
    out = tmp_path / "o.json"
    for args, expected in (((), False), (("--outermost",), True)):
        result, _ = run(monkeypatch, data_root, "eval", "polnear", "--data", data_root, "--json", out, "-q", *args)
        assert result.exit_code == 0, result.output
        assert scores_in(out)["info"]["outermost_only"] is expected


def test_skipped_articles_count_as_empty_and_exit_3(monkeypatch, data_root):
    result, _ = run(monkeypatch, data_root, "eval", "wikinews", "--data", data_root, "--json", "-", "-q",
                    skip={"de-2"})
    assert result.exit_code == 3
    summary = json.loads(result.stdout)
    assert summary["info"]["skipped"] == 1
    assert summary["scores"]["message"]["recall"] == 0.5  # de-2's two gold quotes are missed
    assert "1 articles skipped" in result.output and "broken" in result.output


def test_a_model_spacy_cannot_load_is_refused_before_scoring(monkeypatch, data_root):
    result, fake = run(monkeypatch, data_root, "eval", "polnear", "--data", data_root, "--model", "qg_no_such_pipeline", "-q")
    assert result.exit_code == 2
    assert "'qg_no_such_pipeline'" in result.output and "pip install en-core-web-sm" not in result.output
    assert fake.calls == []


def test_every_article_skipped_is_an_error(monkeypatch, data_root):
    result, _ = run(monkeypatch, data_root, "eval", "wikinews", "--data", data_root, "-q", skip={"*"})
    assert result.exit_code == 1
    assert "skipped every article" in result.output


@pytest.mark.parametrize("args", [["eval", "--help"], ["eval", "wikinews", "--help"], ["eval", "polnear", "-h"]])
def test_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Usage" in result.output
