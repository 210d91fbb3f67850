"""A graph file is written in the format its name says, or not at all: quotegraph reads a file by
its suffix (``.rdf`` as RDF/XML, ``.nt`` as N-Triples …), so Turtle under such a name would be a
file it can no longer read. An update or a resolution written back in place must not do that to
the user's graph."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.store import load_file

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def rdfxml(tmp_path, sample_results):
    path = tmp_path / "news.rdf"
    records_to_graph(sample_results).serialize(path, format="xml")
    return path


@pytest.mark.parametrize("verb", [("query", "DELETE WHERE { ?q qg:kind kind:reported ; ?p ?o }", "--update"),
                                  ("resolve",)])
def test_a_graph_read_as_rdfxml_is_not_written_back_as_turtle(rdfxml, verb):
    before = rdfxml.read_bytes()
    result = invoke(verb[0], rdfxml, *verb[1:])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "RDF/XML" in result.output and "Traceback" not in result.output
    assert rdfxml.read_bytes() == before
    assert len(load_file(rdfxml)) > 0  # still readable


@pytest.mark.parametrize("name", ["news.rdf", "news.owl", "news.xml"])
def test_export_refuses_a_name_it_would_read_back_as_rdfxml(tmp_path, rdfxml, name):
    out = tmp_path / "out" / name
    out.parent.mkdir()
    result = invoke("export", rdfxml, "--out", out)
    assert result.exit_code == 1 and "RDF/XML" in result.output
    assert not out.exists()


def test_export_refuses_a_format_its_file_name_contradicts(tmp_path, rdfxml):
    result = invoke("export", rdfxml, "--format", "jsonld", "--out", tmp_path / "news.nt")
    assert result.exit_code == 1 and "news.nt" in result.output and "jsonld" in result.output
    assert not (tmp_path / "news.nt").exists()


def test_every_name_quotegraph_reads_is_written_so_it_reads_back(tmp_path, rdfxml):
    expected = len(load_file(rdfxml))
    for name in ("g.ntriples", "g.turtle", "g.nt", "g.json", "g.nquads"):
        result = invoke("export", rdfxml, "--out", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert len(load_file(tmp_path / name)) == expected, name
    # N-Triples is Turtle too, and a name that says no format gets Turtle, as documented
    assert invoke("export", rdfxml, "--format", "nt", "--out", tmp_path / "plain.ttl").exit_code == 0
    assert len(load_file(tmp_path / "plain.ttl")) == expected


def test_extract_refuses_a_graph_file_it_could_not_write_before_the_run(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("„Wir bleiben“, sagte Tilda Marquardsen.", encoding="utf-8")
    result = invoke("extract", article, "--lang", "de", "--out", tmp_path / "graph.owl", "--jsonl", tmp_path / "q.jsonl")
    assert result.exit_code == 1 and "RDF/XML" in result.output
    assert not (tmp_path / "graph.owl").exists() and not (tmp_path / "q.jsonl").exists()


def test_resolving_a_resolved_file_leaves_it_as_it_was(tmp_path, sample_results):
    from quotegraph.graph.export import save_graph

    path = tmp_path / "news.ttl"
    save_graph(records_to_graph(sample_results), path)
    assert invoke("resolve", path).exit_code == 0
    resolved = path.read_bytes()
    for _ in range(2):  # nothing to change: the file is not written again, byte for byte as it was
        again = invoke("resolve", path)
        assert again.exit_code == 0, again.output
        assert path.read_bytes() == resolved
