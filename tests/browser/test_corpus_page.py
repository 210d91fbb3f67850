"""The corpus page as people see it: the Wikinews dev split (150 articles) and 16 copies of it (2,400), in Chromium.

The extraction runs once per session (``wikinews_dev``); each page is
written once per module. The tests check what a reader sees: links drawn on the canvas, the
names of the most central nodes on screen, the unlinked speakers in their list, the figures,
quotes on click, and pictures saved. How fast the page is ready is printed by
``benchmarks/bench_view.py``, not asserted here: the tests only wait for it (generously).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quotegraph import api
from quotegraph.graph.view import write_view

from pages import LOCAL, Opened, browser  # noqa: F401 (browser: a fixture)
from wikinews_corpus import dev_path, dev_results, repeated

SIZES = {"150": 1, "2400": 16}

#: Canvas pixels in the colour of the "talks about" links (#8C8C8C, drawn at 70 % opacity).
EDGE_PIXELS = """() => {
    const c = document.querySelector("#qg-network canvas");
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let painted = 0, grey = 0;
    for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] === 0) { continue; }
        painted++;
        if (Math.abs(px[i] - 140) < 12 && Math.abs(px[i + 1] - 140) < 12 && Math.abs(px[i + 2] - 140) < 12) { grey++; }
    }
    return [painted, grey];
}"""


@pytest.fixture(scope="session")
def wikinews_dev():
    """The extraction results of the 150 Wikinews dev articles, extracted once for the session."""
    if not dev_path().is_file():
        pytest.skip(f"no Wikinews dev data at {dev_path()}")
    return dev_results()


@pytest.fixture(scope="module")
def corpus_pages(wikinews_dev, tmp_path_factory):
    """size -> (page path, summary, figures) for the 150- and 2,400-article corpora."""
    folder = tmp_path_factory.mktemp("corpus-pages")
    pages = {}
    for name, times in SIZES.items():
        results = repeated(wikinews_dev, times)
        assert len(results) == 150 * times
        path = folder / f"wikinews-{name}.html"
        summary = write_view(api.build_graph(results), path, title=f"Wikinews dev, {len(results):,} articles")
        pages[name] = (path, summary)
    return pages


@pytest.fixture(scope="module", params=list(SIZES))
def corpus(request, browser, corpus_pages):
    path, summary = corpus_pages[request.param]
    opened = Opened(browser, path)  # waits until the page says it is ready (60 s at most)
    yield request.param, opened, summary
    opened.page.close()


def test_links_are_drawn_and_the_page_opens_still(corpus, tmp_path):
    name, o, summary = corpus
    assert not summary.show_quotes and summary.edges >= 150 and summary.isolated >= 100
    assert o.js("() => qg.edges.length") == summary.edges
    assert o.js("() => qg.network.physics.physicsEnabled") is False
    painted, grey = o.js(EDGE_PIXELS)
    assert painted > 10_000 and grey > 1_000, (painted, grey)  # nodes, and links between them
    # the positions are the ones computed before the page opened: nothing moved
    moved = o.js("""() => qg.data.nodes.filter(n => {
        const p = qg.network.getPositions([n.id])[n.id];
        return Math.abs(p.x - n.x) > 0.5 || Math.abs(p.y - n.y) > 0.5;
    }).length""")
    assert moved == 0
    assert o.errors == [] and all(LOCAL.match(url) for url in o.requests)
    assert o.screenshot(tmp_path, f"corpus-{name}.png").stat().st_size > 50_000


def test_the_most_central_names_are_on_screen(corpus):
    _, o, _ = corpus
    pinned = o.js("() => qg.pinned.map(n => n.label)")
    drawn = o.js("() => qg.state.pinnedDrawn")
    # the most central first; a name that would cover a more central one waits for zoom
    assert len(pinned) == 30 and len(drawn) >= 10 and pinned[0] == drawn[0]
    assert drawn == [name for name in pinned if name in drawn]
    # the most central of all comes first and is a real hub: the most quotes on its links
    strength = o.js("""() => qg.pinned.map(n => qg.data.edges
        .filter(e => e.from !== e.to && (e.from === n.id || e.to === n.id))
        .reduce((sum, e) => sum + Math.max(1, e.q.length), 0))""")
    assert strength[0] == max(strength) and strength[0] >= 5, strength
    # zoomed out to a tenth, the names are still painted (at the same size on screen)
    o.js("() => qg.network.moveTo({scale: qg.network.getScale() / 10})")
    o.page.wait_for_timeout(100)
    assert o.js("() => qg.state.pinnedDrawn.length") >= 1
    o.js("() => qg.network.fit({animation: false})")


def test_unlinked_speakers_are_listed_and_readable(corpus):
    _, o, summary = corpus
    items = o.page.locator("#qg-isolated li")
    assert items.count() == summary.isolated and o.page.locator("#qg-isolated-box").is_visible()
    first = o.js("() => qg.data.isolated[0]")
    assert first["type"] == "speaker" or first["type"] in ("outlet", "entity")
    items.first.locator("button").click()
    details = o.page.locator("#qg-details").inner_text()
    assert first["label"] in details and "not linked" in details
    assert o.page.locator("#qg-details .qg-quote").count() == min(len(first["q"]), 100) > 0


def test_click_a_link_reads_its_quotes_and_search_filters(corpus):
    _, o, _ = corpus
    hub = o.js("() => qg.pinned[0].label")
    o.page.mouse.click(*o.point_at(hub))
    details = o.page.locator("#qg-details")
    assert details.locator("h3").inner_text() == hub and details.locator(".qg-quote").count() > 0
    o.page.fill("#qg-search", hub)
    o.page.wait_for_function("() => qg.state.shownQuotes < qg.data.quotes.length")
    shown = o.js("() => qg.state.shownNodes")
    assert 0 < shown < o.js("() => qg.data.nodes.length")
    o.page.click("#qg-reset")
    assert o.js("() => qg.state.shownQuotes") == o.js("() => qg.data.quotes.length")


def test_side_panel_shows_the_figures(corpus):
    _, o, _ = corpus
    figures = o.js("() => qg.data.figures")
    text = o.page.locator("#qg-figures").inner_text()
    for title in ("Most quoted", "Most mentioned", "Brokers", "Communities"):
        assert title in text
    assert figures["speakers"][0]["label"] in text and figures["brokers"] and len(figures["communities"]) == 10
    # a name in the figures finds its node and reads its quotes
    o.page.locator("#qg-figures button.qg-link").first.click()
    assert o.page.locator("#qg-details h3").inner_text() == figures["speakers"][0]["label"]
    assert o.js("() => qg.network.getSelectedNodes().length") == 1
    # a community's colour is its nodes' colour
    first = figures["communities"][0]
    colours = o.js("() => qg.data.nodes.filter(n => n.c === 0).map(n => n.color.background)")
    assert len(colours) == first["size"] and set(colours) == {first["color"]}


def test_save_png_and_svg(corpus, tmp_path):
    name, o, _ = corpus
    o.page.click("#qg-reset")  # the whole drawing in view (an earlier test may have zoomed in)
    with o.page.expect_download() as png:
        o.page.click("#qg-save-png")
    png_path = tmp_path / png.value.suggested_filename
    png.value.save_as(png_path)
    assert png_path.suffix == ".png" and png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_path.stat().st_size > 20_000
    with o.page.expect_download() as svg:
        o.page.click("#qg-save-svg")
    svg_path = tmp_path / svg.value.suggested_filename
    svg.value.save_as(svg_path)
    root = ET.parse(svg_path).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    counted = o.js("() => qg.state.svg")
    assert len(root.findall(".//s:line", ns)) == counted["edges"] > 100
    shapes = sum(len(root.findall(f".//s:{t}", ns)) for t in ("circle", "polygon"))
    assert shapes == counted["nodes"] > 100
    texts = {t.text for t in root.findall(".//s:text", ns)}
    assert set(o.js("() => qg.state.pinnedDrawn")[:5]) <= texts
    assert not root.findall(".//s:script", ns) and b"href" not in svg_path.read_bytes()
    assert all(LOCAL.match(url) for url in o.requests)


def test_above_the_limits_the_strongest_part_is_drawn_and_the_page_says_so(browser, wikinews_dev, tmp_path):
    path = tmp_path / "strongest.html"
    summary = write_view(api.build_graph(wikinews_dev), path, max_nodes=120, max_edges=80)
    assert summary.edges <= 80 and summary.nodes <= 120 and summary.hidden_edges > 0
    o = Opened(browser, path)
    try:
        notice = o.page.locator("#qg-notice").inner_text()
        assert "Showing the strongest part" in notice
        assert f"{summary.dropped_nodes} nodes and {summary.hidden_edges} links are hidden" in notice
        assert o.js("() => qg.edges.length") == summary.edges
        assert "hidden" in o.page.locator("#qg-stats").inner_text()
        assert o.errors == []
    finally:
        o.page.close()


def test_the_timeline_filters_the_corpus_to_a_date_range(corpus):
    _, o, _ = corpus
    page = o.page
    page.click("#qg-reset")
    assert page.locator("#qg-timeline-box").is_visible()
    dated = o.js("() => qg.data.quotes.filter(q => q.dt).length")
    assert dated > 100 and o.js("() => [...document.querySelectorAll('#qg-timeline .qg-bin')]"
                                ".reduce((s, g) => s + +g.dataset.count, 0)") == dated
    years = sorted(o.js("() => qg.data.quotes.filter(q => q.dt).map(q => q.dt.slice(0, 4))"))
    year = years[len(years) // 2]  # the median article's year
    in_year = sum(1 for y in years if y == year)
    page.fill("#qg-from", f"{year}-01-01")
    page.fill("#qg-to", f"{year}-12-31")
    page.wait_for_function(f"() => qg.state.shownQuotes === {in_year}")
    assert 0 < in_year < len(years)
    assert o.js("() => qg.state.shownNodes") < o.js("() => qg.data.nodes.length")
    page.click("#qg-reset")
    assert o.js("() => qg.state.shownQuotes") == o.js("() => qg.data.quotes.length")


def test_statement_mode_at_corpus_scale(browser, wikinews_dev, tmp_path):
    """Four copies of the dev split: every statement of a named speaker is carried by four articles
    or a multiple of four; one of a speaker known only by a description ("die Polizei") is each
    copy's own, carried once."""
    graph = api.build_graph(repeated(wikinews_dev, 4))
    linked = api.link_statements(graph)
    carriers = api.query(graph, "SELECT ?c ?d WHERE { ?st qg:carriers ?c ; qg:speaker ?s . "
                                "OPTIONAL { ?s qg:describedIn ?d } }").records()
    stored = {int(r["c"]) for r in carriers}
    assert all(int(r["c"]) % 4 == 0 for r in carriers if not r["d"])
    assert all(int(r["c"]) == 1 for r in carriers if r["d"]) and any(r["d"] for r in carriers)
    path = tmp_path / "statements.html"
    summary = write_view(graph, path, statements=True)
    assert summary.notices[0].startswith(f"Statement mode: {linked.statements:,} statements")
    o = Opened(browser, path)
    try:
        drawn = o.js("""() => qg.data.statements.filter(s => s.n >= 0).map(s => [
            qg.data.nodes[s.n].k, qg.nodes.get(s.n).value, new Set(s.q.map(i => qg.data.quotes[i].a)).size])""")
        assert len(drawn) > 50
        assert all(k == value == articles for k, value, articles in drawn), drawn[:5]
        assert sum(k % 4 == 0 for k, _, _ in drawn) > 50
        assert {k for k, _, _ in drawn} <= stored
        assert o.errors == [] and all(LOCAL.match(url) for url in o.requests)
    finally:
        o.page.close()
