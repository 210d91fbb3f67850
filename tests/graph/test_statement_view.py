"""The statement mode, the timeline's dates and the entity panel's data, without a browser (the browser side: tests/browser/test_statement_page.py)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph import api
from quotegraph.cli import app
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.network import to_networkx
from quotegraph.graph.statement_view import statement_graph, statements_of
from quotegraph.graph.statements import normalised
from quotegraph.graph.view import render_view

sys.path.insert(0, str(Path(__file__).parents[1] / "browser"))  # the corpus is shared with the browser tests
from statement_corpus import CARRIERS, HOSTILE_ALIAS, WEBER_ALIASES  # noqa: E402
from statement_corpus import statement_graph as corpus_graph  # noqa: E402

_DATA = re.compile(r'<script type="application/json" id="qg-data">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def graph():
    return corpus_graph()


@pytest.fixture(scope="module")
def G(graph):
    return to_networkx(graph)


def _data(html: str) -> dict:
    return json.loads(_DATA.search(html).group(1))


def test_quotes_carry_their_date_and_statement_and_entities_their_aliases(G):
    quotes = [d for _, d in G.nodes(data=True) if d["type"] == "quote"]
    assert {d["date"] for d in quotes} == {f"2024-05-{day:02d}" for day in (2, 3, 10, 20, 11, 12, 19)}
    assert sum(1 for d in quotes if d["statement"]) == 7  # the direct quotes; the indirect ones carry none
    weber = next(d for _, d in G.nodes(data=True) if d.get("label") == "Anton Weber")
    assert set(weber["aliases"].split("\n")) == WEBER_ALIASES


def test_statements_know_their_carriers_and_when_first_seen(G):
    found = statements_of(G)
    assert {normalised(s.text): s.carriers for s in found.values()} == CARRIERS
    troops = next(iter(found.values()))  # most carried first
    assert (troops.carriers, troops.first_seen, troops.text) == (4, "2024-05-02", "We will not send troops")
    assert [G.nodes[q]["date"] for q in troops.quotes] == sorted(G.nodes[q]["date"] for q in troops.quotes)


def test_statement_graph_links_speaker_statement_and_carriers(G):
    S = statement_graph(G)
    troops = next(n for n, d in S.nodes(data=True) if d.get("carriers") == 4)
    linked = sorted((k, S.nodes[v if u == troops else u]["label"]) for u, v, k in S.edges(keys=True) if troops in (u, v))
    assert linked == [("carried", "Abendblatt"), ("carried", "Hafenkurier"), ("carried", "Morgenpost"),
                      ("carried", "Nordwelle"), ("relayed", "Reuters"), ("said", "Anton Weber")]
    assert S.edges[troops, next(n for n in S if S.nodes[n]["label"] == "Reuters"), "relayed"]["weight"] == 2


def test_statement_mode_page_sizes_statements_by_carriers(graph):
    html, summary = render_view(graph, statements=True, title="s")
    data = _data(html)
    assert data["mode"] == "statements" and summary.notices[0].startswith("Statement mode: 3 statements of 2 speakers")
    statements = [n for n in data["nodes"] if n["type"] == "statement"]
    assert {normalised(n["label"]): (n["k"], n["value"]) for n in statements} == {w: (k, k) for w, k in CARRIERS.items()}
    assert {r["relation"] for r in data["legend"]["edges"]} == {"said", "carried", "relayed"}
    assert HOSTILE_ALIAS not in html  # the alias travels escaped (and is shown as text)


@pytest.mark.parametrize("options", [{}, {"show_quotes": False}, {"statements": True}])
def test_every_mode_gives_dates_aliases_and_statements_to_the_page(graph, options):
    data = _data(render_view(graph, **options)[0])
    assert all(re.fullmatch(r"2024-05-\d\d", q["dt"]) for q in data["quotes"])
    weber = next(n for n in data["nodes"] if n["label"] == "Anton Weber")
    assert set(weber["al"]) == WEBER_ALIASES
    assert [data["statements"][i]["k"] for i in weber["st"]] == [4, 2]
    assert data["statements"][weber["st"][0]]["f"] == "2024-05-02"


def test_a_graph_without_statements_says_so(sample_results):
    html, summary = render_view(records_to_graph(sample_results), statements=True)
    assert "no quote is linked to a statement" in summary.notices[0]
    assert _data(html)["statements"] == []


def test_cli_view_statements(tmp_path, graph):
    trig = api.export(graph, tmp_path / "graph.trig", format="trig")
    out = tmp_path / "statements.html"
    result = CliRunner().invoke(app, ["view", str(trig), "--statements", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Aggregated: Statement mode: 3 statements of 2 speakers" in result.output
    assert _data(out.read_text(encoding="utf-8"))["mode"] == "statements"
