"""``quotegraph stats`` on the demo graph (the bundled examples, extracted as ``quotegraph demo`` does)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def demo_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    result = invoke("demo", "--out", out, "-q")
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


def test_stats_json_on_the_demo_graph(demo_graph):
    result = invoke("stats", demo_graph, "--json", "--top", "3")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert set(figures) == {"nodes", "edges", "isolated", "speakers", "mentioned", "brokers", "communities",
                            "betweenness_sampled"}
    assert figures["nodes"] > figures["isolated"] >= 0 and figures["edges"] > 0
    speakers = figures["speakers"]
    assert 0 < len(speakers) <= 3 and all(r["value"] >= 1 for r in speakers)
    assert [r["value"] for r in speakers] == sorted((r["value"] for r in speakers), reverse=True)
    assert all(r["iri"].startswith("https://w3id.org/quotegraph/id/entity/") for r in speakers + figures["mentioned"])
    assert figures["mentioned"] and figures["communities"]
    assert all(1 <= len(c["members"]) <= 3 and c["size"] >= 2 for c in figures["communities"])
    # the same figures as the network page's side panel: both call network_figures
    from quotegraph.graph.figures import network_figures
    from quotegraph.graph.network import collapse_quotes, to_networkx
    from quotegraph.graph.store import load_file

    assert network_figures(collapse_quotes(to_networkx(load_file(demo_graph))), top=3).to_dict() == figures


def test_stats_table_names_the_most_quoted(demo_graph):
    figures = json.loads(invoke("stats", demo_graph, "--json").stdout)
    result = invoke("stats", demo_graph)
    assert result.exit_code == 0, result.output
    for title in ("Most quoted speakers", "Most mentioned", "Brokers: betweenness", "Communities (Louvain)"):
        assert title in result.stdout
    assert figures["speakers"][0]["label"] in result.stdout
    assert f"{figures['nodes']:,} speakers, outlets and entities" in result.stdout


def test_stats_errors_are_one_line(tmp_path):
    result = invoke("stats", tmp_path / "nope.ttl")
    assert result.exit_code == 1 and "Traceback" not in result.output
    result = invoke("stats", tmp_path / "nope.ttl", "--top", "0")
    assert result.exit_code == 2
