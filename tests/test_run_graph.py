"""A run's graph for its output file: in memory while small, in the run folder once it grows, the
same output either way, and nothing lost when a run stops after the move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from quotegraph import corpus
from quotegraph import run_graph as run_graph_module
from quotegraph.corpus import extract_corpus
from quotegraph.errors import InputError
from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.store import is_store_dir
from quotegraph.run_graph import MEMORY_QUADS_ENV, RunGraph, memory_quads
from quotegraph.runs import RunState, run_folder_for

SPEAKERS = ["Clara Hartmann", "Jonas Weber", "Miriam Okonkwo"]


def _article(i: int) -> dict:
    text = (f"Der Streit um den Hafen geht weiter. „Wir geben nicht auf“, sagte {SPEAKERS[i % 3]} am Montag. "
            f"Die Stadt habe kein Geld mehr, erklärte die Sprecherin des Rats {i}.")
    return {"id": f"art-{i:03d}", "text": text, "language": "de"}


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    path.write_text("".join(json.dumps(_article(i), ensure_ascii=False) + "\n" for i in range(24)), encoding="utf-8")
    return path


def _outputs(where: Path) -> tuple[Graph, list[str]]:
    return (Graph().parse(where / "graph.ttl"),
            sorted((where / "quotes.jsonl").read_text(encoding="utf-8").splitlines()))


@pytest.mark.parametrize("memory", ["0", "150", "100000"])
def test_the_output_is_the_same_wherever_the_graph_was_held(news, tmp_path, monkeypatch, memory):
    monkeypatch.setattr(corpus, "FLUSH_ARTICLES", 4)  # several flushes, so "150" moves the graph mid-run
    reference = tmp_path / "reference"
    reference.mkdir()
    extract_corpus([news], out=reference / "graph.ttl", jsonl=reference / "quotes.jsonl", lang="de")

    monkeypatch.setenv(MEMORY_QUADS_ENV, memory)
    moved = []
    real_move = RunGraph._move_to_disk
    monkeypatch.setattr(RunGraph, "_move_to_disk", lambda self: (moved.append(self.quads), real_move(self)))
    got = tmp_path / "got"
    got.mkdir()
    extract_corpus([news], out=got / "graph.ttl", jsonl=got / "quotes.jsonl", lang="de")

    want_graph, want_lines = _outputs(reference)
    got_graph, got_lines = _outputs(got)
    assert got_lines == want_lines
    assert len(got_graph) == len(want_graph) and isomorphic(got_graph, want_graph)
    assert not run_folder_for(got / "graph.ttl").exists()
    if memory == "150":
        assert len(moved) == 1 and moved[0] >= 150  # moved once, mid-run, after it grew past the limit
    elif memory == "100000":
        assert moved == []


def _triples(run_graph: RunGraph) -> set:
    """The run's graph as a set of triples (pyoxigraph's)."""
    return set(run_graph.graph.union_triples())


def _names(run_graph: RunGraph) -> set[str]:
    return {t.object.value for t in run_graph.graph.union_triples()}


def _result(article_id: str, speaker: str) -> ArticleResult:
    text = f"„Wir bleiben hier“, sagte {speaker}."
    att = Attribution(f"{article_id}:0-19", article_id, Quote("„Wir bleiben hier“", 0, 19, "direct"),
                      speaker=Mention(speaker, 27, 27 + len(speaker), speaker, "person"))
    return ArticleResult(Article(id=article_id, text=text, title=f"Titel {article_id}", authors=("Eva Kern",)),
                         (att,), (Entity(speaker, "person", (speaker.split()[-1],)),))


def test_a_graph_held_in_memory_is_rebuilt_from_the_journal_on_resume(tmp_path):
    run = RunState.start(tmp_path / "graph.ttl", {"inputs": []})
    first = RunGraph.open(run.folder)
    results = [_result("a1", "Eva Kern"), _result("a2", "Jan Hollmann")]
    first.add(results)
    run.record(results)
    want = _triples(first)
    first.close()  # the process ends: the memory graph is gone, the journal stays

    resumed = RunState.start(tmp_path / "graph.ttl", {"inputs": []}, resume=True)
    again = RunGraph.open(resumed.folder, finished=resumed.finished_results())
    assert not again.on_disk and _triples(again) == want
    again.close()


def test_a_graph_moved_to_the_run_folder_is_opened_again_on_resume(tmp_path):
    run = RunState.start(tmp_path / "graph.ttl", {"inputs": []})
    first = RunGraph.open(run.folder, spill_quads=10)
    first.add([_result("a1", "Eva Kern")])
    assert first.on_disk and is_store_dir(run.folder / "store")
    want = _triples(first)
    first.close()

    # the journal is not replayed: the folder holds everything (it was written first)
    again = RunGraph.open(run.folder, finished=iter(()), spill_quads=10)
    assert again.on_disk and _triples(again) == want
    again.close()


def test_a_move_cut_short_is_thrown_away_and_the_journal_rebuilds_the_graph(tmp_path):
    run = RunState.start(tmp_path / "graph.ttl", {"inputs": []})
    (run.folder / "store.moving").mkdir()
    (run.folder / "store.moving" / "half-written").write_text("x")
    results = [_result("a1", "Eva Kern")]
    graph = RunGraph.open(run.folder, finished=results)
    assert not (run.folder / "store.moving").exists() and not graph.on_disk
    assert "Eva Kern" in _names(graph)
    graph.close()


def test_a_large_graph_file_to_add_to_is_read_into_the_run_folder(tmp_path, monkeypatch):
    base = tmp_path / "graph.nt"
    (tmp_path / "scratch").mkdir()
    small = RunGraph.open(tmp_path / "scratch", spill_quads=10**6)
    small.add([_result("a1", "Eva Kern")])
    base.write_text("".join(f"{t} .\n" for t in small.graph.union_triples()), encoding="utf-8")
    small.close()
    monkeypatch.setattr("quotegraph.run_graph.SPILL_FILE_BYTES", 100)
    run = RunState.start(base, {"inputs": []})
    graph = RunGraph.open(run.folder, base=base)
    assert graph.on_disk and is_store_dir(run.folder / "store") and graph.quads > 0
    assert "Eva Kern" in _names(graph)
    graph.close()


@pytest.mark.parametrize("value", ["many", "-1", "1.5"])
def test_a_bad_memory_limit_is_one_clear_error_before_anything_is_written(news, tmp_path, monkeypatch, value):
    monkeypatch.setenv(MEMORY_QUADS_ENV, value)
    with pytest.raises(InputError, match=MEMORY_QUADS_ENV):
        memory_quads()
    with pytest.raises(InputError, match=MEMORY_QUADS_ENV):
        extract_corpus([news], out=tmp_path / "graph.ttl", lang="de")
    assert not run_folder_for(tmp_path / "graph.ttl").exists()


def test_the_limit_reads_grouped_digits(monkeypatch):
    monkeypatch.setenv(MEMORY_QUADS_ENV, "2_000_000")
    assert memory_quads() == 2_000_000
    monkeypatch.delenv(MEMORY_QUADS_ENV)
    assert memory_quads() == 100_000


def test_a_store_folder_is_opened_again_as_writes_pile_up_and_keeps_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(run_graph_module, "REOPEN_QUADS", 40)
    opened = []
    real_open = run_graph_module.open_store
    monkeypatch.setattr(run_graph_module, "open_store", lambda *a, **k: (opened.append(a), real_open(*a, **k))[1])
    results = [_result(f"a{i}", name) for i, name in enumerate(SPEAKERS * 2)]
    on_disk = RunGraph.of_store(tmp_path / "news.db")
    for result in results:
        on_disk.add([result])
    assert len(opened) >= 3  # at the start, then again each time 40 quads were written
    in_memory = RunGraph.open(tmp_path, spill_quads=10**6)
    in_memory.add(results)
    assert _triples(on_disk) == _triples(in_memory)  # nothing lost across the reopenings
    on_disk.close()
    in_memory.close()


def test_the_run_graph_knows_each_triple_is_in_one_graph_until_a_write_puts_one_in_another(tmp_path):
    from quotegraph.graph.identity import resolve_graph
    from quotegraph.graph.statements import link_statements

    run_graph = RunGraph.open(tmp_path)
    run_graph.add([_result("a1", "Clara Hartmann"), _result("a2", "Clara Hartmann"), _result("a3", "Jonas Weber")])
    resolve_graph(run_graph.graph)
    link_statements(run_graph.graph)
    backend = run_graph.graph
    triples = list(backend.union_triples())
    # articles, resolution and statements put each quad in the graph its triple names: no count needed
    assert backend._own_graphs and len(triples) == len(set(triples)) == len(backend.store)
    # so the shared triples are all in the default graph: a query for them need not search the articles' graphs
    names = "SELECT ?s ?o WHERE { ?s <https://schema.org/name> ?o }"
    assert sorted(backend.select_shared(names)) == sorted(backend.select(names)) != []
    # a name (a shared triple) put into an article's graph as well: the union is counted again, each triple once
    (entity, name), *_ = backend.select("SELECT ?s ?o WHERE { ?s <https://schema.org/name> ?o }")
    backend.change([], [(entity, "https://schema.org/name", name, "https://w3id.org/quotegraph/id/graph/a1")])
    triples = list(backend.union_triples())
    assert not backend._own_graphs
    assert len(triples) == len(set(triples)) == len(backend.store) - 1
    # the name taken out of the default graph, so it is only in the article's: found all the same
    backend.change([(entity, "https://schema.org/name", name, None)], [])
    assert (entity, name) in backend.select_shared(names)
    run_graph.close()
