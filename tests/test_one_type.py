"""Every engine and store keeps one rdf:type per entity (graph/entity_types.py), also across runs.

"Nordpress" is the author of one article (schema:Person) and the site of another
(schema:NewsMediaOrganization); the rule keeps NewsMediaOrganization, whichever run, engine,
worker count or store wrote which article.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from killed_runs import kill_after_first_article

from quotegraph.graph.model import entity_iri
from quotegraph.graph.store import close_graph, open_source

AUTHOR = {"id": "by-nordpress", "text": "Der Hafen bleibt geschlossen. Die Stadt prüft die Lage.", "language": "de",
          "authors": "Nordpress"}
SITE = {"id": "on-nordpress", "text": "Die Brücke bleibt gesperrt. Der Rat tagt am Montag.", "language": "de",
        "site": "Nordpress"}
NMO = "https://schema.org/NewsMediaOrganization"


def _jsonl(folder: Path, name: str, *articles: dict) -> str:
    path = folder / name
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def _extract(*args: str, cwd: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "quotegraph.cli", "extract", *args, "-q"], cwd=cwd,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def _types(source: str) -> list[str]:
    g = open_source(source)
    try:
        return sorted(str(r[0]) for r in g.query(f"SELECT ?c WHERE {{ <{entity_iri('Nordpress')}> a ?c }}"))
    finally:
        close_graph(g)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".trig"])
def test_a_second_run_into_a_graph_file_keeps_one_type(tmp_path, suffix):
    # the outlet first, then an article it is the author of: the file must not gain Person
    _extract(_jsonl(tmp_path, "1.jsonl", SITE), "--out", f"g{suffix}", cwd=tmp_path)
    _extract(_jsonl(tmp_path, "2.jsonl", AUTHOR), "--out", f"g{suffix}", cwd=tmp_path)
    assert _types(str(tmp_path / f"g{suffix}")) == [NMO]


def test_a_second_run_into_a_store_keeps_one_type(tmp_path):
    _extract(_jsonl(tmp_path, "1.jsonl", AUTHOR), "--store", "db", cwd=tmp_path)
    assert _types(str(tmp_path / "db")) == ["https://schema.org/Person"]
    _extract(_jsonl(tmp_path, "2.jsonl", SITE), "--store", "db", cwd=tmp_path)
    assert _types(str(tmp_path / "db")) == [NMO]


@pytest.mark.slow
def test_two_workers_keep_one_type(tmp_path):
    corpus = _jsonl(tmp_path, "c.jsonl", AUTHOR, SITE, *({**AUTHOR, "id": f"x{i}"} for i in range(4)))
    _extract(corpus, "--workers", "2", "--out", "g.nt", "--store", "db", cwd=tmp_path)
    assert _types(str(tmp_path / "g.nt")) == _types(str(tmp_path / "db")) == [NMO]


@pytest.mark.slow
def test_a_killed_and_resumed_run_keeps_one_type(tmp_path):
    # the author's article is journaled (and stored) before the kill, the site's comes after the resume
    from quotegraph.runs import run_folder_for

    filler = ({"id": f"f{i}", "text": f"Der Rat tagt am Montag zum {i}. Mal. Die Stadt prüft die Lage.",
               "language": "de"} for i in range(300))
    corpus = _jsonl(tmp_path, "c.jsonl", AUTHOR, *filler, SITE)
    journal = run_folder_for(tmp_path / "db") / "journal.jsonl"
    kill_after_first_article([sys.executable, "-m", "quotegraph.cli", "extract", corpus, "--store", "db", "-q"],
                             journal, tmp_path)
    assert _types(str(tmp_path / "db")) == ["https://schema.org/Person"]
    _extract(corpus, "--store", "db", "--resume", cwd=tmp_path)
    assert _types(str(tmp_path / "db")) == [NMO]
