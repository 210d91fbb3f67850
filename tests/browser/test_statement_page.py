"""Statement mode, the timeline and the entity panel of the network page, in Chromium, on a small dated corpus.

The corpus (:mod:`statement_corpus`) has one statement carried by four outlets, one by two and
one by one, seven dated articles and an alias that is markup.
"""

from __future__ import annotations

import pytest

from quotegraph import api
from quotegraph.graph.statements import normalised
from quotegraph.graph.view import write_view

from pages import LOCAL, Opened, browser  # noqa: F401 (browser: a fixture)
from statement_corpus import CARRIERS, HOSTILE_ALIAS, WEBER_ALIASES, statement_graph

N_QUOTES = 14  # seven articles, a direct and an indirect quote each
SHOWN = "() => qg.data.nodes.filter(n => !n.hidden).map(n => n.label)"  # pinned names are painted, not labels


@pytest.fixture(scope="module")
def graph():
    return statement_graph()


@pytest.fixture(scope="module")
def pages(graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("statement-pages")
    out = {}
    for name, options in {"statements": {"statements": True}, "quotes": {}, "corpus": {"show_quotes": False}}.items():
        out[name] = folder / f"{name}.html"
        write_view(graph, out[name], title=f"Statements test ({name})", **options)
    return out


@pytest.fixture
def opened(request, browser, pages):
    o = Opened(browser, pages[request.param])
    yield o
    assert not o.errors, o.errors
    assert all(LOCAL.match(u) for u in o.requests), o.requests
    assert o.js("() => window.__alerts") == []
    o.page.close()


@pytest.mark.parametrize("opened", ["statements"], indirect=True)
def test_statement_mode_draws_statements_sized_by_carriers(opened, graph):
    drawn = opened.js("""() => qg.data.nodes.filter(n => n.type === "statement").map(n => {
        const v = qg.nodes.get(n.id);
        return [n.label, n.k, v.value, !!v.hidden];
    })""")
    assert {normalised(label): k for label, k, _, _ in drawn} == CARRIERS
    assert all(value == k and not hidden for _, k, value, hidden in drawn)
    # the same counts as the graph's qg:carriers
    stored = {r["statement"]: int(r["carriers"]) for r in api.query(graph, example="statements-first-seen").records()}
    assert stored == {w: k for w, k in CARRIERS.items() if k > 1}
    # each statement is linked to its speaker and to the four outlets that carried it, two of them via Reuters
    troops = opened.node_id("We will not send troops")
    linked = opened.js("""id => qg.data.edges.filter(e => e.from === id || e.to === id)
        .map(e => [e.relation, qg.data.nodes[e.from === id ? e.to : e.from].label])""", troops)
    assert sorted(linked) == sorted([["said", "Anton Weber"], ["carried", "Hafenkurier"], ["carried", "Abendblatt"],
                                     ["carried", "Morgenpost"], ["carried", "Nordwelle"], ["relayed", "Reuters"]])
    x, y = opened.point_at("We will not send troops")
    opened.page.mouse.click(x, y)
    details = opened.page.locator("#qg-details")
    assert "carried by 4 articles · first seen 2024-05-02" in details.inner_text()
    assert details.locator(".qg-quote").count() == 4
    assert "according to Reuters" in details.inner_text()


@pytest.mark.parametrize("opened", ["quotes", "corpus"], indirect=True)
def test_timeline_shows_and_a_date_range_filters_the_quotes(opened):
    page = opened.page
    assert page.locator("#qg-timeline-box").is_visible()
    assert opened.js("() => [...document.querySelectorAll('#qg-timeline .qg-bin')]"
                     ".reduce((s, g) => s + +g.dataset.count, 0)") == N_QUOTES
    assert opened.js("() => qg.state.shownQuotes") == N_QUOTES
    page.fill("#qg-from", "2024-05-01")
    page.fill("#qg-to", "2024-05-05")
    page.wait_for_function("() => qg.state.shownQuotes === 4")  # a1 and a2: two quotes each
    assert "Lena Berg" not in opened.js(SHOWN)
    assert "4 of 14 quotes match" in page.locator("#qg-status").inner_text()
    # the bars keep every quote the other filters let through; the range is shaded
    assert page.locator("#qg-timeline .qg-range").count() == 1
    page.click("#qg-reset")
    page.wait_for_function(f"() => qg.state.shownQuotes === {N_QUOTES}")
    assert page.input_value("#qg-from") == ""
    # dragging across the last third of the timeline picks the late articles only
    box = page.locator("#qg-timeline").bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * 0.7, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    page.wait_for_function(f"() => qg.state.shownQuotes < {N_QUOTES}")
    shown, start = opened.js("() => [qg.state.shownQuotes, document.getElementById('qg-from').value]")
    assert shown > 0 and start >= "2024-05-13", (shown, start)
    assert "Lena Berg" in opened.js(SHOWN)  # 19 May


@pytest.mark.parametrize("opened", ["quotes", "statements"], indirect=True)
def test_an_entity_panel_lists_its_aliases_and_statements(opened):
    page = opened.page
    x, y = opened.point_at("Anton Weber")
    page.mouse.click(x, y)
    details = page.locator("#qg-details")
    assert set(details.locator(".qg-aliases li").all_inner_texts()) == WEBER_ALIASES
    statements = details.locator(".qg-statements li")
    assert statements.count() == 2
    assert "carried by 4 articles" in statements.nth(0).inner_text()
    statements.nth(0).locator("button").click()
    assert details.locator("h3").inner_text() == "“We will not send troops”"
    assert details.locator(".qg-quote").count() == 4
    # an alias that is markup is shown as text
    x, y = opened.point_at("Lena Berg")
    page.mouse.click(x, y)
    assert details.locator(".qg-aliases li").all_inner_texts() == [HOSTILE_ALIAS]
    assert page.locator("#qg-details img").count() == 0
