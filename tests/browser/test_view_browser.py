"""The network page in a real browser: Debian's chromium, headless, driven by Playwright.

Skips (with the reason) when the ``playwright`` package or the chromium binary is missing;
CI installs both (``.ci/install-browser.sh``). Screenshots go to pytest's tmp_path and, when
the environment variable QUOTEGRAPH_ARTIFACTS names a folder, there too.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import networkx as nx
import pytest

from quotegraph.graph.model import records_to_graph
from quotegraph.graph.view import write_view

from pages import CHROMIUM, LOCAL, Opened, browser  # noqa: F401 (browser: a fixture)

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no chromium at {CHROMIUM} (run .ci/install-browser.sh)", allow_module_level=True)


@pytest.fixture
def page_file(tmp_path, sample_results, hostile_result):
    def with_url(result, url):
        return dataclasses.replace(result, article=dataclasses.replace(result.article, url=url))

    de, en = sample_results
    results = [de, with_url(en, "https://example.org/weber"), with_url(hostile_result, "javascript:alert(5)")]
    path = tmp_path / "graph.html"
    summary = write_view(records_to_graph(results), path, title="Browser test")
    return path, summary


@pytest.fixture
def opened(browser, page_file):
    o = Opened(browser, page_file[0])
    yield o
    o.page.close()


def test_network_draws_the_expected_nodes(opened, page_file, tmp_path):
    _, summary = page_file
    assert opened.js("() => qg.nodes.length") == summary.nodes == 10
    assert {"Anton Weber", "Reuters", "Nordpress", "Abendblatt", "<img src=x onerror=alert(2)>"} <= opened.visible_labels()
    positions = opened.js("() => Object.values(qg.network.getPositions())")
    assert len(positions) == 10 and all(abs(p["x"]) < 1e6 and abs(p["y"]) < 1e6 for p in positions)
    assert len({(round(p["x"]), round(p["y"])) for p in positions}) == 10
    painted = opened.js("""() => {
        const c = document.querySelector("#qg-network canvas");
        const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } }
        return n;
    }""")
    assert painted > 2_000  # nodes, edges and labels were drawn on the canvas
    assert opened.js("() => qg.network.physics.physicsEnabled") is False  # settled, physics off
    assert opened.errors == []
    assert opened.screenshot(tmp_path, "view-sample.png").stat().st_size > 10_000


def test_no_request_leaves_the_file(opened):
    opened.page.mouse.click(*opened.point_at("Anton Weber"))
    opened.page.wait_for_timeout(100)
    assert opened.requests and all(LOCAL.match(url) for url in opened.requests), opened.requests


def test_legend_toggles_node_types(opened):
    quotes = opened.js("() => qg.data.nodes.filter(n => n.type === 'quote').length")
    assert quotes == 5
    button = opened.page.locator(".qg-legend-item[data-type=quote]")
    assert "Quote (5)" in button.inner_text()
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert opened.js("() => qg.nodes.get({filter: n => !n.hidden && qg.data.nodes[n.id].type === 'quote'}).length") == 0
    assert "Anton Weber" in opened.visible_labels()
    button.click()
    assert opened.js("() => qg.nodes.get({filter: n => !n.hidden}).length") == 10
    legend = opened.page.locator("#qg-legend").inner_text()
    assert "Speaker" in legend and "Outlet / mediator" in legend and "reported (outlet → quote)" in legend


def test_filter_by_speaker_outlet_article_and_search(opened):
    page = opened.page
    page.select_option("#qg-speaker", str(opened.node_id("Anton Weber")))
    assert opened.js("() => qg.state.shownQuotes") == 3
    labels = opened.visible_labels()
    assert {"Anton Weber", "Reuters", "Nordpress"} <= labels and "<img src=x onerror=alert(2)>" not in labels
    assert "Abendblatt" not in labels
    assert page.locator("#qg-status").inner_text().startswith("3 of 5 quotes match")

    page.select_option("#qg-outlet", str(opened.node_id("Reuters")))
    assert opened.js("() => qg.state.shownQuotes") == 1
    assert opened.visible_labels() == {"Anton Weber", "Reuters", "We will not send troops,"}

    page.click("#qg-reset")
    assert opened.js("() => qg.state.shownQuotes") == 5 and len(opened.visible_labels()) == 10

    page.select_option("#qg-article", label="Weber sagt Nein")
    assert opened.js("() => qg.state.shownQuotes") == 3
    page.click("#qg-reset")

    page.fill("#qg-search", "SOLDATEN")
    page.wait_for_function("() => qg.state.shownQuotes === 1")
    assert opened.visible_labels() == {"Anton Weber", "Nordpress", "Wir schicken keine Soldaten"}
    page.fill("#qg-search", "no such words")
    page.wait_for_function("() => qg.state.shownQuotes === 0")
    assert opened.visible_labels() == set()


def test_click_shows_quote_cue_headline_and_link(opened):
    opened.page.mouse.click(*opened.point_at("Reuters"))
    details = opened.page.locator("#qg-details")
    text = details.inner_text()
    assert "We will not send troops," in text and "cue: said" in text and "according to Reuters" in text
    link = details.locator("a")
    assert link.count() == 1 and link.get_attribute("href") == "https://example.org/weber"
    assert link.inner_text() == "Weber says no" and link.get_attribute("rel") == "noopener noreferrer"


def test_hover_shows_a_text_tooltip(opened):
    opened.page.mouse.move(*opened.point_at("<img src=x onerror=alert(2)>"))
    opened.page.wait_for_function("() => document.getElementById('qg-tooltip').style.display === 'block'")
    tip = opened.page.locator("#qg-tooltip")
    assert "<img src=x onerror=alert(2)>" in tip.inner_text()
    assert tip.locator("*").count() == 0  # text only, no elements


def _assert_payload_inert(opened: Opened):
    page = opened.page
    page.mouse.move(*opened.point_at("<img src=x onerror=alert(2)>"))
    page.mouse.click(*opened.point_at("<img src=x onerror=alert(2)>"))
    page.select_option("#qg-article", label='" onmouseover="alert(3)')
    page.hover("#qg-details")
    page.wait_for_timeout(200)
    assert opened.js("() => window.__alerts") == []
    assert opened.js("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("""() => [...document.querySelectorAll('*')]
        .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length""") == 0
    assert opened.js("() => [...document.scripts].filter(s => s.text.includes('alert(1)') && !s.type).length") == 0
    details = page.locator("#qg-details").inner_text()
    assert "<script>alert(1)</script>" in details  # shown as text
    assert page.locator("#qg-details a").count() == 0  # the javascript: URL is not a link
    assert all(LOCAL.match(url) for url in opened.requests)


def test_xss_payload_does_not_fire(opened, tmp_path):
    _assert_payload_inert(opened)
    assert opened.errors == []
    opened.screenshot(tmp_path, "view-hostile.png")


def test_xss_payload_does_not_fire_even_without_the_csp(browser, page_file, tmp_path):
    """The escaping alone must hold: remove the Content-Security-Policy and try again."""
    html = page_file[0].read_text(encoding="utf-8")
    stripped, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert n == 1
    path = tmp_path / "no-csp.html"
    path.write_text(stripped, encoding="utf-8")
    o = Opened(browser, path)
    try:
        _assert_payload_inert(o)
    finally:
        o.page.close()


def _big_graph(n_quotes: int = 400) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for kind, n in (("speaker", 80), ("outlet", 8), ("entity", 40)):
        for i in range(n):
            G.add_node(f"{kind}{i}", type=kind, label=f"{kind.title()} {i}", quote_count=0)
    for i in range(n_quotes):
        q, s, o, e = f"q{i}", f"speaker{(i * i) % 80}", f"outlet{i % 8}", f"entity{(7 * i) % 40}"
        G.add_node(q, type="quote", label=f"Q{i}", text=f"Quote number {i}", quote_count=1)
        G.add_edges_from([(s, q, "said"), (o, q, "reported"), (q, e, "mentions")])
        for n in (s, o, e):
            G.nodes[n]["quote_count"] += 1
    return G


def test_aggregated_page_says_so_and_works(browser, tmp_path):
    path = tmp_path / "big.html"
    summary = write_view(_big_graph(), path, max_nodes=30)
    assert summary.aggregated and 0 < summary.nodes <= 30 and summary.dropped_nodes == 60 - summary.nodes
    o = Opened(browser, path)
    try:
        notice = o.page.locator("#qg-notice")
        assert notice.is_visible()
        # issue #30: the strongest links are drawn, the page says how much is hidden, unlinked speakers are listed
        text = notice.inner_text()
        assert "drawn as edges" in text and f"among {summary.nodes} of 60 linked" in text
        assert f"{summary.dropped_nodes} nodes and {summary.hidden_edges} links are hidden" in text
        assert o.page.locator("#qg-isolated li").count() == summary.isolated == 68
        assert o.js("() => qg.nodes.length") == summary.nodes
        o.page.select_option("#qg-speaker", str(o.node_id("Speaker 0")))
        assert 0 < o.js("() => qg.state.shownQuotes") < 400
        assert all(LOCAL.match(url) for url in o.requests) and o.errors == []
        o.screenshot(tmp_path, "view-aggregated.png")
    finally:
        o.page.close()


def test_each_quote_shows_one_pair_of_marks(browser, tmp_path):
    """A quote stored with its marks („Wir bleiben“) and one without (We stay): one pair each on screen."""
    from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote

    results = []
    for i, stored in enumerate(["„Wir bleiben“", "We stay"]):
        text = f"{stored} Weber."
        att = Attribution(id=f"m{i}:0-{len(stored)}", article=f"m{i}", quote=Quote(stored, 0, len(stored)),
                          speaker=Mention("Weber", len(stored) + 1, len(stored) + 6, "Anton Weber", "person"))
        results.append(ArticleResult(Article(id=f"m{i}", text=text), (att,), (Entity("Anton Weber", "person"),)))
    path = tmp_path / "marks.html"
    write_view(records_to_graph(results), path, show_quotes=True)
    opened = Opened(browser, path)
    try:
        opened.page.mouse.click(*opened.point_at("Anton Weber"))
        details = opened.page.locator("#qg-details").inner_text()
        assert "„Wir bleiben“" in details and "“We stay”" in details, details
        assert "“„" not in details and "““" not in details and "””" not in details, details
        # the text is a plain element: no <q>, whose CSS marks innerText does not show
        assert opened.js("() => document.querySelectorAll('#qg-details q').length") == 0
        opened.page.mouse.move(*opened.point_at("„Wir bleiben“"))
        opened.page.wait_for_function("() => document.getElementById('qg-tooltip').style.display === 'block'")
        assert opened.page.locator("#qg-tooltip").inner_text().startswith("„Wir bleiben“\n")
    finally:
        opened.page.close()


def test_saved_svg_escapes_every_name(opened, tmp_path):
    """Quote mode: the SVG has every node, the hostile names are text in it, and it runs nothing."""
    import xml.etree.ElementTree as ET

    with opened.page.expect_download() as download:
        opened.page.click("#qg-save-svg")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "Browser-test.svg"
    raw = path.read_text(encoding="utf-8")
    assert "<img" not in raw and "&lt;img src=x onerror=alert(2)&gt;" in raw
    root = ET.fromstring(raw)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert len(root.findall(".//s:line", ns)) == opened.js("() => qg.edges.length")
    names = {t.text for t in root.findall(".//s:text", ns)}
    assert {"Anton Weber", "<img src=x onerror=alert(2)>"} <= names
    assert not root.findall(".//s:script", ns) and not root.findall(".//s:foreignObject", ns)
    assert opened.js("() => window.__alerts") == []
    with opened.page.expect_download() as png:
        opened.page.click("#qg-save-png")
    assert Path(png.value.path()).read_bytes()[:4] == b"\x89PNG"


def test_a_confidence_slider_hides_unsure_quotes(browser, tmp_path, sample_results):
    scores = iter([0.95, 0.4, 0.8, 0.3, 0.99, 0.6, 0.7, 0.5])

    def scored(result):
        atts = tuple(dataclasses.replace(a, score=next(scores)) for a in result.attributions)
        return dataclasses.replace(result, attributions=atts)

    results = [scored(r) for r in sample_results]
    confidences = [a.confidence for r in results for a in r.attributions]
    sure = sum(c >= 0.9 for c in confidences)
    assert 0 < sure < len(confidences)
    path = tmp_path / "confidence.html"
    write_view(records_to_graph(results), path, min_confidence=0.9)
    o = Opened(browser, path)
    try:
        page = o.page
        assert page.locator("#qg-confidence-box").is_visible()
        assert o.js("() => qg.state.shownQuotes") == sure  # opens hiding what is below 0.9
        assert page.locator("#qg-confidence-value").inner_text() == "0.90"
        page.eval_on_selector("#qg-confidence", "e => { e.value = '0'; e.dispatchEvent(new Event('input')); }")
        page.wait_for_function(f"() => qg.state.shownQuotes === {len(confidences)}")
        page.eval_on_selector("#qg-confidence", "e => { e.value = '0.75'; e.dispatchEvent(new Event('input')); }")
        page.wait_for_function(f"() => qg.state.shownQuotes === {sum(c >= 0.75 for c in confidences)}")
        page.click("#qg-reset")
        assert o.js("() => qg.state.shownQuotes") == len(confidences)
    finally:
        o.page.close()


def test_without_confidences_the_slider_is_not_shown(opened):
    assert not opened.page.locator("#qg-confidence-box").is_visible()
