"""graph/store.py: Oxigraph-backed graphs in memory and on disk, batched adds, file loading."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from dataclasses import replace

import pyoxigraph as ox
from oxrdflib._converter import to_ox

from quotegraph.errors import GraphFileError, QuotegraphError
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import article_iri, article_quads, graph_iri, records_to_graph, span_iri
from quotegraph.graph.namespaces import ENTITY, PREFIXES, QG, SDO, XSD
from quotegraph.graph.store import (
    add_results,
    article_graphs,
    oxigraph_store,
    remove_articles,
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
    assert g.identifier == DATASET_DEFAULT_GRAPH_ID  # writes without a graph go to the default graph
    bound = {p: str(ns) for p, ns in g.namespaces()}
    assert all(bound[p] == str(ns) for p, ns in PREFIXES.items())


def test_adding_the_same_article_twice_adds_nothing(corpus):
    g = open_graph()
    added = add_results(g, corpus)
    assert added == len(g) > 100
    assert add_results(g, corpus) == 0
    assert add_results(g, corpus[:1]) == 0
    assert len(g) == added


def _quads_by_graph(g) -> dict:
    out: dict = {}
    for q in oxigraph_store(g):
        out.setdefault(q.graph_name, set()).add((q.subject, q.predicate, q.object))
    return out


@pytest.mark.parametrize("batch_size", [1, 20_000])
def test_each_article_in_its_own_named_graph(corpus, batch_size):
    g = open_graph()
    add_results(g, corpus, batch_size=batch_size)
    by_graph = _quads_by_graph(g)
    names = {n for n in by_graph if isinstance(n, ox.NamedNode)}
    assert names == {ox.NamedNode(graph_iri(r.article.id)) for r in corpus}
    for result in corpus:
        mine = {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o, gr in article_quads(result) if gr is not None}
        assert by_graph[ox.NamedNode(graph_iri(result.article.id))] == mine
    # entity descriptions and the vocabulary: in the default graph, once
    default = by_graph[ox.DefaultGraph()]
    assert all(s.value.startswith(str(PREFIXES["entity"])) or s.value.startswith(str(PREFIXES["kind"]))
               for s, _, _ in default)
    # no triple in two graphs, so the union counts each once
    total = sum(len(v) for v in by_graph.values())
    assert total == len(g) == len(records_to_graph(corpus))
    assert isomorphic(memory_copy(g), memory_copy(records_to_graph(corpus)))


def test_re_extracting_an_article_leaves_no_stale_triples(corpus):
    g = open_graph()
    add_results(g, corpus)
    first = corpus[0]
    changed = replace(first, attributions=first.attributions[:1])  # two quotes fewer
    change = add_results(g, [changed])
    assert change < 0
    expected = records_to_graph([changed, *corpus[1:]])
    assert isomorphic(memory_copy(g), memory_copy(expected)) or _only_shared_extra(g, expected)
    quotes = {str(o) for o in g.objects(None, QG.said) if str(o).startswith(str(article_iri("de1")))}
    assert quotes == {str(span_iri("de1", changed.attributions[0].quote.start, changed.attributions[0].quote.end))}


def _only_shared_extra(g, expected) -> bool:
    """Entity descriptions stay when an article stops naming an entity (only ``prune`` removes them)."""
    extra = set(memory_copy(g)) - set(memory_copy(expected))
    return bool(extra) and all(str(s).startswith(str(PREFIXES["entity"])) for s, _, _ in extra)


def test_remove_drops_exactly_one_article(corpus):
    g = open_graph()
    add_results(g, corpus)
    before = len(g)
    removed = remove_articles(g, ["en1"])
    assert removed == before - len(g) > 0
    assert article_graphs(g) == ["de1", "de2"]
    assert not list(g.triples((article_iri("en1"), None, None)))
    assert list(g.triples((article_iri("de1"), None, None)))
    assert remove_articles(g, ["en1", "no-such-article"]) == 0
    # what is left is what the other two articles make (entity descriptions aside)
    rest = records_to_graph(corpus[:1] + corpus[2:])
    assert set(memory_copy(rest)) <= set(memory_copy(g))


def test_remove_with_prune_deletes_entities_no_article_uses(corpus):
    g = open_graph()
    add_results(g, corpus)
    reuters = ENTITY["reuters"]
    weber = ENTITY["anton-weber"]
    remove_articles(g, ["en1"])
    assert (reuters, SDO.name, Literal("Reuters")) in memory_copy(g)  # kept without prune
    remove_articles(g, ["en1"], prune=True)
    copy = memory_copy(g)
    assert not list(copy.triples((reuters, None, None)))
    assert list(copy.triples((weber, SDO.name, None)))  # still quoted in de1 and de2
    # the rest is what de1 and de2 make, but for the alias en1 gave Weber (he is still in use)
    extra = set(copy) - set(memory_copy(records_to_graph(corpus[:1] + corpus[2:])))
    assert extra == {(weber, SDO.alternateName, Literal("President Anton Weber"))}


def test_remove_needs_a_store(corpus):
    with pytest.raises(QuotegraphError, match="no named graphs"):
        remove_articles(Graph(), ["de1"])


def test_article_dates_are_typed(corpus):
    g = open_graph()
    add_results(g, corpus)
    dates = {str(o): o.datatype for o in g.objects(article_iri("de2"), SDO.datePublished)}
    assert dates == {"2024-05-02": XSD.date}


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


def test_closing_a_store_leaves_no_write_ahead_log(tmp_path, corpus):
    # RocksDB keeps every write in its *.log until the next writable open; close_graph does that open
    where = tmp_path / "store"
    g = open_graph(where)
    add_results(g, [*corpus, *(replace(r, article=replace(r.article, id=f"{r.article.id}-{i}"))
                              for i in range(30) for r in corpus)])
    n = len(g)
    close_graph(g)
    logs = {f.name: f.stat().st_size for f in where.glob("*.log")}
    assert sum(logs.values()) < 1_000, logs
    assert len(open_source(where)) == n


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


def test_a_triples_file_loads_back_into_the_article_graphs_it_came_from(corpus, tmp_path):
    """What a .ttl or .nt file loses (the named graphs) comes back from the IRIs."""
    from quotegraph.graph.export import save_graph
    from quotegraph.graph.store import load_file_by_article, oxigraph_store

    original = open_graph()
    add_results(original, corpus)
    want = set(oxigraph_store(original))
    for suffix, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "jsonld")):
        path = tmp_path / f"g{suffix}"
        save_graph(original, path, fmt)
        loaded = load_file_by_article(path, open_graph())
        assert set(oxigraph_store(loaded)) == want, suffix


def test_re_extracting_into_a_turtle_file_replaces_the_article(corpus, tmp_path):
    from dataclasses import replace as dc_replace

    from quotegraph.graph.export import save_graph
    from quotegraph.graph.store import load_file_by_article

    path = tmp_path / "g.ttl"
    first = open_graph()
    add_results(first, corpus)
    save_graph(first, path)
    assert len(next(r for r in corpus if r.article.id == "de1").attributions) > 1
    shrunk = [dc_replace(r, attributions=r.attributions[:1]) if r.article.id == "de1" else r for r in corpus]
    fresh = open_graph()
    add_results(fresh, shrunk)
    again = load_file_by_article(path, open_graph())
    add_results(again, shrunk)
    assert set(again) == set(fresh)  # the dropped quotes are gone
    stale = load_file(path, open_graph())  # all in the default graph: nothing to replace
    add_results(stale, shrunk)
    assert set(stale) > set(fresh)
