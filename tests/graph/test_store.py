"""graph/store.py: Oxigraph-backed graphs in memory and on disk, batched adds, file loading."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from quotegraph.errors import GraphFileError
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.namespaces import PREFIXES, XSD
from quotegraph.graph.store import (
    add_results,
    close_graph,
    is_oxigraph,
    is_store_dir,
    load_file,
    memory_copy,
    open_graph,
    open_source,
)


def test_open_graph_in_memory_binds_prefixes():
    g = open_graph()
    assert is_oxigraph(g)
    assert g.identifier == DATASET_DEFAULT_GRAPH_ID
    bound = {p: str(ns) for p, ns in g.namespaces()}
    assert all(bound[p] == str(ns) for p, ns in PREFIXES.items())


def test_adding_the_same_article_twice_adds_nothing(corpus):
    g = open_graph()
    added = add_results(g, corpus)
    assert added == len(g) > 100
    assert add_results(g, corpus) == 0
    assert add_results(g, corpus[:1]) == 0
    assert len(g) == added


def test_add_results_uses_addN_batches_only(corpus, monkeypatch):
    g = open_graph()

    def no_single_adds(*args, **kwargs):
        raise AssertionError("add() called: batches must go through addN")

    batches = []
    real_addn = g.addN
    monkeypatch.setattr(g, "add", no_single_adds)
    monkeypatch.setattr(g, "addN", lambda quads: (batches.append(1), real_addn(quads)))
    add_results(g, corpus, batch_size=1)
    # batch_size=1: one batch per article, never a split article
    assert len(batches) == len(corpus)
    assert isomorphic(memory_copy(g), memory_copy(records_to_graph(corpus)))


def test_add_results_on_a_plain_rdflib_graph(corpus):
    g = Graph()
    assert add_results(g, iter(corpus)) == len(g) == len(records_to_graph(corpus))


def test_store_directory_persists_and_reopens(tmp_path, corpus):
    where = tmp_path / "store"
    g = open_graph(where)
    n = add_results(g, corpus)
    close_graph(g)
    assert is_store_dir(where)
    again = open_graph(where)
    assert len(again) == n
    assert add_results(again, corpus) == 0
    assert again.namespace_manager.store.namespace("qg") == URIRef(str(PREFIXES["qg"]))
    close_graph(again)
    readonly = open_source(where)
    assert len(readonly) == n
    with pytest.raises(Exception):
        readonly.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    assert len(readonly) == n


def test_a_store_in_use_is_reported(tmp_path):
    first = open_graph(tmp_path / "s")
    with pytest.raises(GraphFileError, match="in use"):
        open_graph(tmp_path / "s")
    close_graph(first)
    close_graph(open_graph(tmp_path / "s"))


@pytest.mark.parametrize("make", ["file", "busy_dir"])
def test_open_graph_refuses_what_is_not_a_store(tmp_path, make):
    target = tmp_path / "thing"
    if make == "file":
        target.write_text("hello")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    with pytest.raises(GraphFileError, match="thing"):
        open_graph(target)
    if make == "busy_dir":
        assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("fmt,suffix", [("turtle", ".ttl"), ("nt", ".nt"), ("jsonld", ".jsonld"), ("trig", ".trig")])
def test_load_file_by_suffix(tmp_path, corpus, fmt, suffix):
    src = records_to_graph(corpus)
    path = tmp_path / f"g{suffix}"
    save_graph(src, path, fmt)
    g = load_file(path)
    assert is_oxigraph(g)
    assert isomorphic(memory_copy(g), memory_copy(src))


def test_load_file_into_an_existing_graph(tmp_path, sample_results, corpus):
    path = tmp_path / "g.ttl"
    save_graph(records_to_graph(corpus[2:]), path)
    g = open_graph()
    add_results(g, sample_results)
    before = len(g)
    load_file(path, g)
    assert len(g) == len(records_to_graph(corpus)) > before


def test_missing_file(tmp_path):
    with pytest.raises(GraphFileError, match=r"nope\.ttl: no such file"):
        load_file(tmp_path / "nope.ttl")


def test_unknown_suffix(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("<urn:a> <urn:b> <urn:c> .")
    with pytest.raises(GraphFileError, match=r"g\.txt: unknown RDF file type '\.txt'"):
        load_file(path)


def test_truncated_file_names_file_and_line(tmp_path, corpus):
    path = tmp_path / "g.ttl"
    save_graph(records_to_graph(corpus), path)
    text = path.read_text(encoding="utf-8")
    cut = text[: text.index('schema:text "Wir schicken') + len('schema:text "Wir sch')]
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(GraphFileError) as info:
        load_file(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert f"line {cut.count(chr(10)) + 1}" in message
    assert "\n" not in message


def test_malformed_file_leaves_the_graph_unchanged(tmp_path, sample_results):
    g = open_graph()
    add_results(g, sample_results)
    before = len(g)
    path = tmp_path / "bad.nt"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> oops .\n")
    with pytest.raises(GraphFileError, match="line 2"):
        load_file(path, g)
    assert len(g) == before


def test_open_source(tmp_path, sample_results):
    path = tmp_path / "g.nt"
    save_graph(records_to_graph(sample_results), path, "nt")
    assert len(open_source(path)) == len(records_to_graph(sample_results))
    (tmp_path / "empty").mkdir()
    with pytest.raises(GraphFileError, match="not an Oxigraph store"):
        open_source(tmp_path / "empty")
    with pytest.raises(GraphFileError, match="no such file"):
        open_source(tmp_path / "missing.ttl")


def test_memory_copy_normalises_xsd_string():
    g = open_graph()
    g.add((URIRef("urn:a"), URIRef("urn:b"), Literal("x")))
    g.add((URIRef("urn:a"), URIRef("urn:b"), Literal("y", lang="de")))
    assert Literal("x", datatype=XSD.string) in set(g.objects())  # how Oxigraph returns strings
    copy = memory_copy(g)
    assert not is_oxigraph(copy)
    assert set(copy.objects()) == {Literal("x"), Literal("y", lang="de")}
