"""The network page without a browser: structure, escaping, self-containedness, aggregation."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.model import records_to_graph
from quotegraph.graph.network import collapse_quotes
from quotegraph.graph.view import (
    QUOTE_NODES_MAX,
    render_view,
    script_json,
    select_view,
    write_view,
)


class _Page(HTMLParser):
    """Tags with their attributes, and the text of every script element."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def data(self) -> dict:
        (text,) = [t for a, t in self.scripts if a.get("id") == "qg-data"]
        return json.loads(text)


def _with_url(result, url):
    return dataclasses.replace(result, article=dataclasses.replace(result.article, url=url))


@pytest.fixture
def results(sample_results, hostile_result):
    de, en = sample_results
    return [de, _with_url(en, "https://example.org/weber?a=1&b=2"), _with_url(hostile_result, "javascript:alert(4)")]


@pytest.fixture
def page(results) -> tuple[str, object]:
    return render_view(records_to_graph(results), title='Weber <script>alert("t")</script>')


def synthetic_graph(n_quotes: int, n_speakers: int, n_outlets: int, n_entities: int) -> nx.MultiDiGraph:
    """A graph shaped like :func:`to_networkx`'s, built directly (fast)."""
    G = nx.MultiDiGraph()
    for kind, n in (("speaker", n_speakers), ("outlet", n_outlets), ("entity", n_entities)):
        for i in range(n):
            G.add_node(f"{kind}{i}", type=kind, label=f"{kind.title()} {i}", quote_count=0)
    for a in range(n_quotes // 5 + 1):
        G.add_node(f"a{a}", type="article", label=f"Article {a}", headline=f"Article {a}", url=f"https://n.example/{a}")
    for i in range(n_quotes):
        q = f"q{i}"
        s, o, e = f"speaker{(i * i) % n_speakers}", f"outlet{i % n_outlets}", f"entity{(7 * i) % n_entities}"
        G.add_node(q, type="quote", label=f"Quote {i}", text=f"Quote number {i}", kind="direct", cue="said",
                   article=f"a{i // 5}", quote_count=1)
        G.add_edges_from([(s, q, "said"), (o, q, "reported"), (q, e, "mentions"), (q, f"a{i // 5}", "part_of")])
        for n in (s, o, e):
            G.nodes[n]["quote_count"] += 1
    return G


# --- structure ---------------------------------------------------------------------------

def test_page_draws_speakers_outlets_and_quotes(page):
    html, summary = page
    data = _Page(html).data()
    labels = {n["label"]: n["type"] for n in data["nodes"]}
    assert labels["Anton Weber"] == "speaker" and labels["Reuters"] == "outlet"
    assert labels["<img src=x onerror=alert(2)>"] == "speaker"
    assert sum(t == "quote" for t in labels.values()) == 5
    assert summary.nodes == len(data["nodes"]) == 10 and summary.edges == len(data["edges"])
    assert summary.show_quotes and not summary.aggregated and data["notices"] == []
    assert [t["type"] for t in data["legend"]["nodes"]] == ["speaker", "outlet", "quote"]
    said = {(data["nodes"][e["from"]]["label"], e["relation"]) for e in data["edges"]}
    assert ("Anton Weber", "said") in said and ("Reuters", "reported") in said


def test_quotes_carry_cue_headline_and_link(page):
    data = _Page(page[0]).data()
    q = next(q for q in data["quotes"] if q["t"] == "We will not send troops,")
    assert (q["c"], q["k"], q["s"], q["o"], q["m"]) == ("said", "direct", "Anton Weber", "Reuters", "President Anton Weber")
    assert data["articles"][q["a"]] == ["Weber says no", "https://example.org/weber?a=1&b=2"]


def test_filter_controls_and_legend_are_in_the_page(page):
    ids = {a.get("id") for _, a in _Page(page[0]).tags}
    assert {"qg-search", "qg-speaker", "qg-outlet", "qg-article", "qg-reset", "qg-legend", "qg-details",
            "qg-network", "qg-notice"} <= ids


# --- safety ------------------------------------------------------------------------------

def test_hostile_strings_never_appear_as_markup(page):
    html, _ = page
    for payload in ("<script>alert(1)", "<img src=x", 'onmouseover="alert(3)', "<script>alert(\"t\")"):
        assert payload not in html
    assert not any(tag == "img" or any(k.startswith("on") for k in attrs) for tag, attrs in _Page(html).tags)


def test_hostile_strings_survive_as_text(page):
    html, _ = page
    data = _Page(html).data()
    assert any(q["t"] == "<script>alert(1)</script>" for q in data["quotes"])
    assert '" onmouseover="alert(3)' in [a[0] for a in data["articles"]]
    assert "<title>Weber &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; · quotegraph</title>" in html \
        or "<title>Weber &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; · quotegraph</title>" in html


def test_only_http_links_are_kept(page):
    data = _Page(page[0]).data()
    urls = [a[1] for a in data["articles"]]
    assert "https://example.org/weber?a=1&b=2" in urls
    assert not any(u.startswith("javascript") for u in urls)


def test_script_json_cannot_close_the_script_element():
    evil = "</script><script>alert(1)</script><!-- \u2028\u2029 & >"
    text = script_json({"t": evil})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"t": evil}


def test_every_script_is_allowed_by_hash_and_nothing_else(page):
    html, _ = page
    parsed = _Page(html)
    (csp,) = [a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    executable = [text for attrs, text in parsed.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 2  # vis-network and ours
    for text in executable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# --- self-contained ----------------------------------------------------------------------

def test_page_loads_nothing_from_anywhere(page):
    html, _ = page
    parsed = _Page(html)
    assert not [t for t, _ in parsed.tags if t in ("link", "iframe", "img", "object", "embed", "base")]
    for tag, attrs in parsed.tags:
        for attr in ("src", "href", "srcset", "action", "data"):
            assert attr not in attrs, (tag, attrs)
    styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    assert styles and not any(re.search(r"url\(\s*(?!['\"]?data:)", s) or "@import" in s for s in styles)
    # outside the scripts, no URL at all; inside, only the article links in the data
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.DOTALL)
    assert not re.search(r"https?://", markup, re.IGNORECASE)
    data = [t for a, t in parsed.scripts if a.get("id") == "qg-data"][0]
    assert re.findall(r"https?://[^\"]*", data) == ["https://example.org/weber?a=1\\u0026b=2"]


def test_vis_network_is_inlined(page):
    assert "vis.Network" in page[0] and len(page[0]) > 400_000


# --- aggregation ---------------------------------------------------------------------------

def test_small_graph_draws_quotes_unless_asked_not_to(results):
    G = records_to_graph(results)
    _, summary = render_view(G, show_quotes=False)
    # the speakers with no link to anyone are listed beside the drawing, not drawn, and de1's publisher
    # (dpa) links to the speakers quoted in it (issue #30)
    assert not summary.show_quotes and summary.aggregated and (summary.nodes, summary.isolated) == (5, 1)
    assert "drawn as edges" in summary.notices[0] and "listed beside the drawing" in summary.notices[1]


def test_5000_nodes_are_aggregated_and_the_page_says_so():
    G = synthetic_graph(n_quotes=3_000, n_speakers=1_200, n_outlets=100, n_entities=700)
    assert sum(t != "article" for _, t in G.nodes(data="type")) == 5_000
    html, summary = render_view(G, max_nodes=200, max_edges=400)
    data = _Page(html).data()
    assert summary.total_nodes == 5_000 and summary.aggregated and not summary.show_quotes
    assert summary.nodes == len(data["nodes"]) <= 200 and summary.edges == len(data["edges"]) <= 400
    H = collapse_quotes(G)
    linked = sum(1 for n in H if H.degree(n))
    assert summary.dropped_nodes == linked - summary.nodes > 0 and summary.hidden_edges == H.number_of_edges() - summary.edges > 0
    assert summary.isolated == H.number_of_nodes() - linked == len(data["isolated"])
    assert data["mode"] == "collapsed" and len(data["notices"]) == 3  # edges, strongest part, unlinked
    assert f"the {summary.edges:,} of {H.number_of_edges():,} links with the most quotes" in data["notices"][1]
    assert f"{summary.dropped_nodes:,} nodes and {summary.hidden_edges:,} links are hidden" in data["notices"][1]
    assert 'data-aggregated="1"' in html
    # the strongest links are the ones drawn: a hidden link between drawn nodes is no stronger
    drawn = {n["label"] for n in data["nodes"]}
    kept = {(data["nodes"][e["from"]]["label"], data["nodes"][e["to"]]["label"], e["relation"]) for e in data["edges"]}
    weights = {(H.nodes[u]["label"], H.nodes[v]["label"], k): w for u, v, k, w in H.edges(keys=True, data="weight")}
    weakest_kept = min(weights[e] for e in kept)
    assert all(w <= weakest_kept for e, w in weights.items() if e not in kept and e[0] in drawn and e[1] in drawn)
    assert max(weights.values()) == max(weights[e] for e in kept)
    # positions computed before the page opens, physics off
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    # every drawn edge has quotes to read, and they are real quote texts
    assert all(e["q"] for e in data["edges"])
    assert all(data["quotes"][i]["t"].startswith("Quote number") for e in data["edges"] for i in e["q"])


def test_asking_for_quotes_on_a_big_graph_aggregates_anyway():
    G = synthetic_graph(n_quotes=400, n_speakers=50, n_outlets=5, n_entities=45)
    H, as_nodes, dropped, notices = select_view(G, show_quotes=True, max_nodes=300)
    # speakers with no quote have no link: they are listed, not drawn (issue #30)
    unlinked = {n for n, d in G.nodes(data=True) if d["type"] != "quote" and d["type"] != "article" and not G.degree(n)}
    assert not as_nodes and dropped == 0 and H.number_of_nodes() == 100 - len(unlinked) and unlinked
    assert "too many nodes" in notices[0]


def test_quotes_are_drawn_up_to_the_threshold():
    small = synthetic_graph(n_quotes=QUOTE_NODES_MAX - 30, n_speakers=10, n_outlets=10, n_entities=10)
    big = synthetic_graph(n_quotes=QUOTE_NODES_MAX, n_speakers=10, n_outlets=10, n_entities=10)
    assert select_view(small)[1] is True
    assert select_view(big)[1] is False


def test_max_nodes_must_be_positive():
    with pytest.raises(ValueError):
        select_view(nx.MultiDiGraph(), max_nodes=0)


# --- writing -----------------------------------------------------------------------------

def test_write_view_replaces_atomically(tmp_path, results):
    out = tmp_path / "sub" / "graph.html"
    summary = write_view(records_to_graph(results), out, title="T")
    assert summary.path == str(out) and out.stat().st_size == summary.size
    first = out.read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        write_view(records_to_graph(results), out, max_nodes=0)
    assert out.read_text(encoding="utf-8") == first  # a failed write leaves the old page
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]  # no temp files left


def test_write_view_refuses_a_directory(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_view(records_to_graph([]), tmp_path)


# --- command line --------------------------------------------------------------------------

@pytest.fixture
def turtle(tmp_path, results) -> Path:
    path = tmp_path / "graph.ttl"
    records_to_graph(results).serialize(path, format="turtle")
    return path


def test_cli_view_writes_the_page(tmp_path, turtle):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["view", str(turtle), "--out", str(out), "--title", "Mine"])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}: 10 nodes" in result.output and "Aggregated" not in result.output
    assert "<title>Mine · quotegraph</title>" in out.read_text(encoding="utf-8")


def test_cli_view_says_when_it_aggregated(tmp_path, turtle):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["view", str(turtle), "-o", str(out), "--no-quotes", "--max-nodes", "2"])
    assert result.exit_code == 0, result.output
    assert "2 nodes" in result.output and result.output.count("Aggregated:") == 3  # as edges, strongest part, unlinked
    assert "Showing the strongest part" in result.output


def test_cli_view_missing_graph(tmp_path):
    result = CliRunner().invoke(app, ["view", str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert not (tmp_path / "x.html").exists()


def test_cli_view_help_has_an_example():
    result = CliRunner().invoke(app, ["view", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "Example:" in result.output and "quotegraph view graph.ttl --out graph.html" in result.output
    for option in ("--out", "--quotes", "--no-quotes", "--max-nodes", "--title"):
        assert option in result.output


def test_page_is_written_with_unix_newlines_and_utf8(tmp_path, results):
    out = tmp_path / "g.html"
    write_view(records_to_graph(results), out)
    raw = out.read_bytes()
    assert b"\r\n" not in raw and raw.decode("utf-8").startswith("<!DOCTYPE html>")
    assert os.access(out, os.R_OK)


# --- quotation marks -----------------------------------------------------------------------

MARKED = {  # stored quote text -> as the page shows it: one pair of marks, whichever
    "Wir bleiben": "“Wir bleiben”",
    "„Wir bleiben“": "„Wir bleiben“",
    "“We stay”": "“We stay”",
    "«Nous restons»": "«Nous restons»",
    "»Wir bleiben«": "»Wir bleiben«",
    "'We stay'": "'We stay'",
    '"We stay"': '"We stay"',
    "„Wir bleiben“, sagte sie": "“„Wir bleiben“, sagte sie”",  # a mark inside: the quote is wrapped
}


def _marked_results():
    from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote

    out = []
    for i, stored in enumerate(MARKED):
        text = f"{stored} Weber."
        att = Attribution(id=f"m{i}:0-{len(stored)}", article=f"m{i}", quote=Quote(stored, 0, len(stored)),
                          speaker=Mention("Weber", len(stored) + 1, len(stored) + 6, "Anton Weber", "person"))
        out.append(ArticleResult(Article(id=f"m{i}", text=text), (att,), (Entity("Anton Weber", "person"),)))
    return out


@pytest.mark.parametrize("show_quotes", [True, False])
def test_each_quote_is_shown_in_exactly_one_pair_of_marks(show_quotes):
    html, _ = render_view(records_to_graph(_marked_results()), show_quotes=show_quotes)
    data = _Page(html).data()
    assert {q["t"]: q["d"] for q in data["quotes"]} == MARKED  # t: as stored (searched), d: as shown
    # the page script shows d as it is: no <q> element (browsers add marks to it), no marks of its own
    (script,) = [t for a, t in _Page(html).scripts if "qg-details" in t]
    assert 'el("q"' not in script and '"“" +' not in script and '+ "”"' not in script
