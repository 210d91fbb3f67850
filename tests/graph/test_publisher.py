"""graph/model.py: the site an article was published on (``Article.site``) as its publisher."""

from __future__ import annotations

from rdflib import Graph, Literal

from quotegraph.extract.records import Article, ArticleResult
from quotegraph.graph.model import article_iri, article_triples, entity_iri, records_to_graph
from quotegraph.graph.namespaces import RDF, SDO


def graph_of(article: Article) -> Graph:
    graph = Graph()
    for triple in article_triples(ArticleResult(article)):
        graph.add(triple)
    return graph


def test_site_is_the_publisher_a_news_media_organization():
    g = graph_of(Article(id="a1", text="Text.", site="Hafenkurier"))
    site = entity_iri("Hafenkurier")
    assert list(g.objects(article_iri("a1"), SDO.publisher)) == [site]
    assert (site, RDF.type, SDO.NewsMediaOrganization) in g
    assert (site, SDO.name, Literal("Hafenkurier")) in g


def test_no_site_no_publisher():
    assert not list(graph_of(Article(id="a1", text="Text.")).objects(None, SDO.publisher))


def test_site_and_agency_are_both_publishers_once_each():
    g = graph_of(Article(id="a1", text="Text.", agencies=("dpa", "Hafenkurier"), site="Hafenkurier"))
    assert set(g.objects(article_iri("a1"), SDO.publisher)) == {entity_iri("dpa"), entity_iri("Hafenkurier")}
    assert len(list(g.triples((entity_iri("Hafenkurier"), SDO.name, None)))) == 1


def test_one_site_is_one_node_across_articles():
    results = [ArticleResult(Article(id=i, text="Text.", site="Hafenkurier")) for i in ("a1", "a2")]
    g = records_to_graph(results)
    assert set(g.subjects(SDO.publisher, entity_iri("Hafenkurier"))) == {article_iri("a1"), article_iri("a2")}
