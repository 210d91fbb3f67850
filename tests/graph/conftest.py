"""Fixtures for the graph tests: the shared sample records plus one article with a nested quote."""

from __future__ import annotations

import pytest

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.store import add_results, open_graph


def nested_result() -> ArticleResult:
    """Eva Klein quotes Weber: a direct quote naming Weber, with his indirect quote nested inside."""
    text = "Eva Klein sagte: „Weber hat gesagt, die Grenze bleibt offen.“"

    def at(s: str) -> tuple[int, int]:
        i = text.index(s)
        return i, i + len(s)

    outer = Quote("Weber hat gesagt, die Grenze bleibt offen.", *at("Weber hat gesagt, die Grenze bleibt offen."), "direct")
    inner = Quote("die Grenze bleibt offen", *at("die Grenze bleibt offen"), "indirect")
    outer_id = f"de2:{outer.start}-{outer.end}"
    atts = (
        Attribution(id=outer_id, article="de2", quote=outer,
                    speaker=Mention("Eva Klein", *at("Eva Klein"), "Eva Klein", "person"),
                    cue=Cue("sagte", *at("sagte"), "sagen")),
        Attribution(id=f"de2:{inner.start}-{inner.end}", article="de2", quote=inner,
                    speaker=Mention("Weber", *at("Weber"), "Anton Weber", "person"),
                    cue=Cue("gesagt", *at("gesagt"), "sagen"), parent=outer_id),
    )
    article = Article(id="de2", text=text, language="de", title="Klein über Weber", agencies=("dpa",),
                      date="2024-05-02", url="https://example.org/de2")
    return ArticleResult(article, atts, (Entity("Eva Klein", "person", ("Klein",)),
                                         Entity("Anton Weber", "person", ("Weber",))))


def two_typed_results() -> list[ArticleResult]:
    """An outlet quoted as a speaker in two articles, typed Person in one and Organization in
    the other, and spelt "Nordpress" and "NordPress" (one entity IRI: two types, two names)."""
    out = []
    for article_id, name, etype in (("t1", "Nordpress", "person"), ("t2", "NordPress", "organization")):
        text = f"„Die Brücke bleibt gesperrt“, sagte {name}."
        quote = Quote("Die Brücke bleibt gesperrt", 1, 27, "direct")
        at = text.index(name)
        cue = text.index("sagte")
        att = Attribution(id=f"{article_id}:1-27", article=article_id, quote=quote,
                          speaker=Mention(name, at, at + len(name), name, etype),
                          cue=Cue("sagte", cue, cue + 5, "sagen"))
        out.append(ArticleResult(Article(id=article_id, text=text, language="de"), (att,),
                                 (Entity(name, etype, ()),)))
    return out


@pytest.fixture
def corpus(sample_results) -> list[ArticleResult]:
    """Three articles: de1 and en1 from the shared fixtures, and de2 with a nested quote."""
    return [*sample_results, nested_result()]


@pytest.fixture
def graph(corpus):
    """An in-memory Oxigraph graph holding the corpus."""
    g = open_graph()
    add_results(g, corpus)
    return g


# ---------------------------------------------------------------- real SPARQL servers (127.0.0.1)
# (the Oxigraph server fixtures are in tests/conftest.py: the Spark tests load into a server too)


@pytest.fixture(scope="session")
def virtuoso_server():
    """Virtuoso on a fresh temporary database (a few seconds to start), for the whole session."""
    from servers import VIRTUOSO_HINT, start_virtuoso, virtuoso_binaries

    if virtuoso_binaries() is None:
        pytest.skip(f"Virtuoso is not installed ({VIRTUOSO_HINT})")
    server = start_virtuoso()
    yield server
    server.stop()


@pytest.fixture(params=["oxigraph", "oxigraph_plain", "virtuoso"])
def endpoint(request):
    """The address of a running server, emptied of quotegraph's graphs before the test.

    ``oxigraph_plain`` is the Oxigraph server started without ``--union-default-graph``.
    """
    from quotegraph.graph.store import close_graph, open_graph

    server = request.getfixturevalue(f"{request.param}_server")
    g = open_graph(server.address)
    names = g.graph_names()
    if names:
        g.update(" ; ".join(f"DROP SILENT GRAPH <{n}>" for n in names))
    if not g.endpoint.virtuoso:
        g.update("CLEAR DEFAULT")
    assert len(g) == 0
    close_graph(g)
    return server.address


def carried_copy(result: ArticleResult, article_id: str = "de1-copy") -> ArticleResult:
    """The same article again from another outlet, two days later: its quotes' words carried twice
    (for the statement queries, once statements are linked)."""
    from dataclasses import replace

    article = replace(result.article, id=article_id, date="2024-05-04", agencies=("Küstenpresse",))
    atts = tuple(replace(a, id=a.id.replace(result.article.id, article_id), article=article_id)
                 for a in result.attributions)
    return replace(result, article=article, attributions=atts)
