"""Entities across articles, as a user runs it: extract resolves, explain tells why, --entities names."""

import json

import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.namespaces import OWL, PROV, SDO

runner = CliRunner()

MONDAY = "Streik im Hafen\n\n„Wir bleiben hart“, sagte die Gewerkschafterin Anna Berger am Montag in Hamburg.\n"
TUESDAY = "Streik geht weiter\n\n„Die Reeder müssen sich bewegen“, sagte Berger am Dienstag. Die Reeder lehnten ab.\n"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "montag.txt").write_text(MONDAY, encoding="utf-8")
    (tmp_path / "dienstag.txt").write_text(TUESDAY, encoding="utf-8")
    return [tmp_path / "montag.txt", tmp_path / "dienstag.txt"]


def speakers(path):
    g = Graph().parse(path)
    return g, {s for s in g.objects(None, PROV.wasAttributedTo)}


def test_extract_gives_one_person_one_iri_with_every_name(tmp_path, articles):
    out, jsonl = tmp_path / "g.ttl", tmp_path / "q.jsonl"
    result = invoke("extract", *articles, "--lang", "de", "-o", out, "--jsonl", jsonl, "-q")
    assert result.exit_code == 0, result.output
    assert "entities: 2 names as written, 1 after resolution (1 merged" in result.stdout
    g, said = speakers(out)
    assert said == {URIRef("https://w3id.org/quotegraph/id/entity/anna-berger")}
    (person,) = said
    assert str(g.value(person, SDO.name)) == "Anna Berger"
    assert "Berger" in {str(n) for n in g.objects(person, SDO.alternateName)}
    # quotes.jsonl is per article and keeps the names as written
    entities = sorted(json.loads(line)["speaker"]["entity"] for line in jsonl.read_text(encoding="utf-8").splitlines())
    assert entities == ["Anna Berger", "Berger"]


def test_no_resolve_keeps_one_iri_per_name_as_written(tmp_path, articles):
    out = tmp_path / "g.ttl"
    result = invoke("extract", *articles, "--lang", "de", "-o", out, "-q", "--no-resolve")
    assert result.exit_code == 0, result.output
    assert "entities:" not in result.stdout
    assert len(speakers(out)[1]) == 2
    # and resolve does later what extract would have done
    result = invoke("resolve", out)
    assert result.exit_code == 0, result.output
    assert "1 merged into another" in result.stderr
    assert len(speakers(out)[1]) == 1


def test_explain_names_the_rule_and_the_articles(tmp_path, articles):
    out = tmp_path / "g.ttl"
    assert invoke("extract", *articles, "--lang", "de", "-o", out, "-q").exit_code == 0
    result = invoke("explain", out, "berger")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("Anna Berger  <https://w3id.org/quotegraph/id/entity/anna-berger>")
    assert "'Berger': surname (the surname of exactly one person" in result.stdout
    assert "articles: dienstag" in result.stdout
    (entity,) = json.loads(invoke("explain", out, "Anna Berger", "--json").stdout)
    assert {m["name"]: m["rule"] for m in entity["members"]} == {"Anna Berger": "own name", "Berger": "surname"}
    missing = invoke("explain", out, "Niemand")
    assert missing.exit_code == 1 and "no entity named 'Niemand'" in missing.stderr


def test_a_second_anna_berger_is_kept_apart_in_a_store(tmp_path, articles):
    store = tmp_path / "store"
    assert invoke("extract", *articles, "--lang", "de", "--store", store, "-q").exit_code == 0
    other = tmp_path / "mittwoch.txt"
    other.write_text("Wahl\n\n„Ich trete an“, sagte die Politikerin Petra Berger am Mittwoch in Kiel.\n", encoding="utf-8")
    assert invoke("extract", other, "--lang", "de", "--store", store, "-q").exit_code == 0
    result = invoke("explain", store, "Berger", "--json")
    kept = [m for e in json.loads(result.stdout) for m in e["members"] if m["name"] == "Berger"]
    assert kept[0]["rule"] == "own name" and kept[0]["kept_apart"].startswith("ambiguous: Anna Berger, Petra Berger")


def test_an_entities_file_names_and_links(tmp_path, articles):
    people = tmp_path / "people.json"
    people.write_text(json.dumps([{"name": "Anna Berger", "aliases": ["A. Berger"], "type": "person",
                                   "wikidata": "Q123456"}]), encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", *articles, "--lang", "de", "-o", out, "-q", "--entities", people)
    assert result.exit_code == 0, result.output
    g, (person,) = speakers(out)
    assert g.value(person, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q123456")
    assert "same as: http://www.wikidata.org/entity/Q123456" in invoke("explain", out, "Berger").stdout


@pytest.mark.parametrize("text, message", [
    ("name,type\nAnna Berger,human\n", "people.csv, line 2: unknown type 'human' (use one of location, media, organization, person)"),
    ("name,type,wikidata\nAnna Berger,person,123\n", "people.csv, line 2: wikidata is an item id like Q7936, not '123'"),
    ("nom,type\nAnna Berger,person\n", "people.csv: the first line names the columns: name, type (and aliases, wikidata)"),
    ("name,aliases,type\nAnna Berger,Berger,person\nOtto Berger,Berger,person\n",
     "people.csv, line 3: 'Berger' is also a name of 'Anna Berger'"),
])
def test_a_bad_entities_file_is_one_line_and_nothing_is_extracted(tmp_path, articles, text, message):
    people = tmp_path / "people.csv"
    people.write_text(text, encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", *articles, "--lang", "de", "-o", out, "-q", "--entities", people)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {message}"
    assert not out.exists()


def test_the_same_words_in_two_articles_are_one_statement_after_resolution(tmp_path, articles):
    wednesday = tmp_path / "mittwoch.txt"
    wednesday.write_text("Hafen\n\n„Wir bleiben hart!“, sagte Berger am Mittwoch.\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", *articles, wednesday, "--lang", "de", "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert "statements: 2 (1 carried by more than one article)" in result.stdout
    rows = invoke("query", out, "--example", "statement-carriers", "--param", "words=bleiben hart", "--format", "csv")
    lines = rows.stdout.strip().splitlines()
    assert lines[0] == "words,speaker,statement,article,date,published_by,relayed_by"
    assert [line.split(",")[1:4] for line in lines[1:]] == [
        ["Anna Berger", "wir bleiben hart", "mittwoch"], ["Anna Berger", "wir bleiben hart", "montag"]]
