"""The extract and demo verbs run as a user runs them; files and their contents are checked."""

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.namespaces import QG, SDO

runner = CliRunner()

EN_TEXT = (
    "Port strike goes on\n\n"
    '"We will not back down," union leader Mary Stone said on Monday, according to the Daily Planet.\n\n'
    "She said that the strike would go on until Friday.\n"
)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "strike.txt"
    path.write_text(EN_TEXT, encoding="utf-8")
    return path


def speakers_in(graph_path):
    g = Graph().parse(graph_path, format="turtle")
    return {str(g.value(s, SDO.name)) for s, _, _ in g.triples((None, QG.said, None))}


def test_extract_writes_graph_and_jsonl(tmp_path, article):
    out, jsonl = tmp_path / "g.ttl", tmp_path / "q.jsonl"
    result = invoke("extract", article, "--lang", "en", "--out", out, "--jsonl", jsonl, "-q")
    assert result.exit_code == 0, result.output
    assert "quotes" in result.stdout and str(out) in result.stdout
    assert speakers_in(out) == {"Mary Stone"}
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    for row in rows:
        assert EN_TEXT[row["start"] : row["end"]] == row["text"]
        assert row["article"] == "strike"
        assert row["speaker"]["entity"] == "Mary Stone"
    relayed = [r for r in rows if r["mediator"]]
    assert [r["mediator"]["entity"] for r in relayed] == ["Daily Planet"]


def test_extract_twice_adds_nothing(tmp_path, article):
    out, jsonl = tmp_path / "g.ttl", tmp_path / "q.jsonl"
    assert invoke("extract", article, "--lang", "en", "-o", out, "--jsonl", jsonl, "-q").exit_code == 0
    first_triples = len(Graph().parse(out))
    first_lines = jsonl.read_text(encoding="utf-8")
    assert invoke("extract", article, "--lang", "en", "-o", out, "--jsonl", jsonl, "-q").exit_code == 0
    assert len(Graph().parse(out)) == first_triples
    assert jsonl.read_text(encoding="utf-8") == first_lines


def test_extract_appends_new_articles(tmp_path, article):
    out = tmp_path / "g.ttl"
    other = tmp_path / "other.txt"
    other.write_text('"Talks resume next week," Mayor Tom Berg said.', encoding="utf-8")
    assert invoke("extract", article, "--lang", "en", "-o", out, "-q").exit_code == 0
    assert invoke("extract", other, "--lang", "en", "-o", out, "-q").exit_code == 0
    assert speakers_in(out) == {"Mary Stone", "Tom Berg"}


def test_re_extracting_a_changed_article_into_a_turtle_file_replaces_it(tmp_path):
    out, text = tmp_path / "g.ttl", tmp_path / "strike.txt"
    text.write_text('"We will not back down," Mary Stone said. "Talks are over," Tom Berg said.', encoding="utf-8")
    assert invoke("extract", text, "--lang", "en", "-o", out, "-q").exit_code == 0
    assert speakers_in(out) == {"Mary Stone", "Tom Berg"}
    text.write_text('"We will not back down," Mary Stone said.', encoding="utf-8")  # same id, new text
    assert invoke("extract", text, "--lang", "en", "-o", out, "-q").exit_code == 0
    assert speakers_in(out) == {"Mary Stone"}


def test_jsonl_input_with_bad_lines_skips_them_and_says_so(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    good = {"id": "a1", "text": '"We will not back down," Mary Stone said.', "language": "en", "title": "Strike"}
    corpus.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "a2"}) + "\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", corpus, "-o", out, "-q")
    assert result.exit_code == 3
    assert f"{corpus}:2" in result.stderr and "malformed JSON" in result.stderr
    assert f"{corpus}:3" in result.stderr and "text" in result.stderr
    g = Graph().parse(out)
    assert (None, SDO.headline, Literal("Strike")) in g


def test_missing_input_is_one_clear_error(tmp_path):
    result = invoke("extract", tmp_path / "nope.txt", "-o", tmp_path / "g.ttl")
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_unknown_language_is_skipped_with_reason(tmp_path):
    # an article's own language (a JSONL field) is input: skipped; --lang fr is refused (tests/cli/test_cli_lang_option.py)
    path = tmp_path / "fr.jsonl"
    line = {"id": "fr1", "language": "fr", "text": "« Nous ne céderons pas », a déclaré la syndicaliste Marie Dupont lundi."}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = invoke("extract", path, "-o", tmp_path / "g.ttl", "-q")
    assert result.exit_code == 3
    assert "fr" in result.stderr and "de, en" in result.stderr


def test_demo_writes_all_three_files(tmp_path):
    out = tmp_path / "demo"
    result = invoke("demo", "--out", out, "-q")
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "quotes.jsonl", "graph.html"):
        assert (out / name).stat().st_size > 0
    rows = [json.loads(line) for line in (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = {r["article"] for r in rows}
    assert len(articles) == 3  # two German, one English example
    assert any(r["mediator"] for r in rows)
    assert any(r["kind"] == "indirect" for r in rows) and any(r["kind"] == "direct" for r in rows)
    assert "articles" in result.stdout and "graph.html" in result.stdout
    # every entity in the graph is one a kept attribution (or an article) points at: none is
    # left over from an attribution the quote filter dropped
    from quotegraph.graph.store import load_file

    graph = load_file(out / "graph.ttl")
    orphans = graph.query("""
        SELECT ?e WHERE {
          ?e a ?type . FILTER(STRSTARTS(STR(?e), "https://w3id.org/quotegraph/id/entity/"))
          FILTER NOT EXISTS { ?e ?link ?x . FILTER(?link NOT IN (rdf:type, schema:name, schema:alternateName)) }
          FILTER NOT EXISTS { ?y ?link2 ?e . FILTER(?link2 != schema:mentions) }
        }""", initNs={"schema": "https://schema.org/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"})
    assert [str(row[0]) for row in orphans] == []


def test_every_verb_has_help_and_is_in_the_readme():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    result = invoke("--help")
    assert result.exit_code == 0
    import typer.main

    root = typer.main.get_command(app)
    verbs = root.list_commands(root.context_class(root))
    assert {"extract", "demo"} <= set(verbs)
    for verb in verbs:
        help_result = invoke(verb, "--help")
        assert help_result.exit_code == 0
        assert "Example" in help_result.stdout, verb
        assert f"quotegraph {verb}" in readme, verb


def test_a_duplicate_article_id_is_skipped_and_the_first_kept(tmp_path):
    corpus, out, jsonl = tmp_path / "news.jsonl", tmp_path / "g.ttl", tmp_path / "q.jsonl"
    first = '"We will not back down," Mary Stone said.'
    second = 'Some words first. "Talks are over," Tom Berg said.'
    corpus.write_text("".join(json.dumps({"id": "a1", "text": t}) + "\n" for t in (first, second)), encoding="utf-8")
    result = invoke("extract", corpus, "--lang", "en", "-o", out, "--jsonl", jsonl, "-q")
    assert result.exit_code == 3, result.output
    (warning,) = [line for line in result.stderr.splitlines() if "duplicate article id" in line]
    assert f"{corpus}:2" in warning and f"first at {corpus}:1" in warning
    assert speakers_in(out) == {"Mary Stone"}  # the graph and quotes.jsonl agree: the first article
    (line,) = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert first[line["start"]:line["end"]] == line["text"]


def test_re_extracting_a_changed_article_replaces_its_quotes_jsonl_lines(tmp_path):
    text, out, jsonl = tmp_path / "strike.txt", tmp_path / "g.ttl", tmp_path / "q.jsonl"
    other = tmp_path / "other.txt"
    other.write_text('"Talks resume next week," Mayor Tom Berg said.', encoding="utf-8")
    text.write_text('"We will not back down," Mary Stone said. "Talks are over," Ann Lee said.', encoding="utf-8")
    assert invoke("extract", text, other, "--lang", "en", "-o", out, "--jsonl", jsonl, "-q").exit_code == 0
    new_text = 'A first sentence comes now. "We will not back down," Mary Stone said.'
    text.write_text(new_text, encoding="utf-8")  # same id, new text: the quote moved, Ann Lee is gone
    assert invoke("extract", text, "--lang", "en", "-o", out, "--jsonl", jsonl, "-q").exit_code == 0
    lines = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    strike = [line for line in lines if line["article"] == "strike"]
    assert [line["speaker"]["text"] for line in strike] == ["Mary Stone"]
    assert all(new_text[line["start"]:line["end"]] == line["text"] for line in strike)
    assert [line["article"] for line in lines].count("other") == 1  # other articles' lines are kept
    assert speakers_in(out) == {"Mary Stone", "Tom Berg"}  # as the graph


def test_a_text_in_another_language_than_lang_is_warned_about(tmp_path, article):
    result = invoke("extract", article, "--lang", "de", "-o", tmp_path / "g.ttl", "-q")
    (warning,) = [line for line in result.stderr.splitlines() if "another language" in line]
    assert "1 article(s) read as --lang de" in warning and f"{article} looks like 'en'" in warning
    result = invoke("extract", article, "--lang", "en", "-o", tmp_path / "g2.ttl", "-q")
    assert result.exit_code == 0 and "another language" not in result.stderr


@pytest.mark.parametrize("fmt, suffix, via", [("trig", ".trig", ".ttl"), ("nquads", ".nq", ".turtle"),
                                               ("trig", ".trig", ".nt")])
def test_export_of_a_triples_file_restores_one_named_graph_per_article(tmp_path, article, fmt, suffix, via):
    """extract → .ttl → export --format trig gives the quads extract writes to .trig straight away."""
    import pyoxigraph as ox

    other = tmp_path / "other.txt"
    other.write_text(EN_TEXT.replace("Mary Stone", "Tom Berg"), encoding="utf-8")
    straight, triples, back = tmp_path / f"straight{suffix}", tmp_path / f"g{via}", tmp_path / f"back{suffix}"
    for target in (straight, triples):
        assert invoke("extract", article, other, "--lang", "en", "-o", target, "-q").exit_code == 0
    result = invoke("export", triples, "--format", fmt, "--out", back)
    assert result.exit_code == 0, result.output

    def quads(path):
        return set(ox.parse(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:])))

    want = quads(straight)
    named = {q.graph_name for q in want if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert {g.value.rsplit("/", 1)[1] for g in named} == {"strike", "other"}
    assert quads(back) == want


def test_quotes_jsonl_carries_the_article_metadata(tmp_path):
    line = {"id": "n1", "text": EN_TEXT, "title": "Port strike goes on", "url": "https://planet.example/strike",
            "date": "2024-05-02 10:00", "language": "en", "site": "Daily Planet", "authors": "Lois Lane",
            "agencies": ["AP"]}
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out, jsonl = tmp_path / "g.ttl", tmp_path / "q.jsonl"
    result = invoke("extract", corpus, "--out", out, "--jsonl", jsonl, "-q")
    assert result.exit_code == 0, result.output
    rows = [json.loads(row) for row in jsonl.read_text(encoding="utf-8").splitlines()]
    assert rows and all(row["article_meta"] == {
        "title": "Port strike goes on", "url": "https://planet.example/strike", "date": "2024-05-02 10:00",
        "language": "en", "site": "Daily Planet", "authors": ["Lois Lane"], "agencies": ["AP"]} for row in rows)


def test_extract_lets_the_cyclic_collector_run_less_often_and_keeps_its_older_generations(tmp_path, article):
    import gc

    from quotegraph.extractor import EXTRACTION_GC_THRESHOLD

    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        result = invoke("extract", article, "--lang", "en", "--out", tmp_path / "g.ttl", "-q")
        assert result.exit_code == 0, result.output
        assert gc.get_threshold() == (EXTRACTION_GC_THRESHOLD, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_a_short_item_in_auto_mode_is_read_in_the_language_its_function_words_show(tmp_path):
    # the detector puts '"Fine," said Ode Lamm.' in Nigerian Pidgin; "said" says English
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "short", "text": '"Fine," said Ode Lamm.'}) + "\n", encoding="utf-8")
    jsonl = tmp_path / "q.jsonl"
    result = invoke("extract", feed, "--out", tmp_path / "g.ttl", "--jsonl", jsonl, "-q")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["speaker"]["text"]) for r in rows] == [('"Fine,"', "Ode Lamm")]
