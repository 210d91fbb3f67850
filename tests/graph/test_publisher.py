"""graph/model.py: an article's metadata: the site it was published on (``Article.site``) as its
publisher, its date typed, its authors, url and language."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from quotegraph.extract.records import Article, ArticleResult
from quotegraph.graph.model import article_iri, article_triples, entity_iri, records_to_graph
from quotegraph.graph.namespaces import RDF, SDO, XSD


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


@pytest.mark.parametrize("given, value, datatype", [
    ("2024-05-02", "2024-05-02", XSD.date),
    ("2024-05-02T10:00:00Z", "2024-05-02T10:00:00Z", XSD.dateTime),  # a WARC-Date
    ("2024-05-02T10:00:00.123456Z", "2024-05-02T10:00:00.123456Z", XSD.dateTime),
    ("2024-05-02 10:00:00", "2024-05-02T10:00:00", XSD.dateTime),
    ("2024-05-02T10:00+0200", "2024-05-02T10:00:00+02:00", XSD.dateTime),
    ("2024-05-02T10:00:00+00:00", "2024-05-02T10:00:00Z", XSD.dateTime),
    ("2024-05-02T25:00:00", "2024-05-02T25:00:00", None),  # no such hour: kept as given, untyped
    ("2024-05-02T10:00:00+2300", "2024-05-02T10:00:00+2300", None),  # no such zone
    ("2. Mai 2024", "2. Mai 2024", None),
])
def test_the_date_is_typed_as_a_date_or_datetime_when_it_is_one(given, value, datatype):
    date = graph_of(Article(id="a1", text="Text.", date=given)).value(article_iri("a1"), SDO.datePublished)
    assert (str(date), date.datatype) == (value, datatype)


def test_url_language_and_authors_are_on_the_article():
    g = graph_of(Article(id="a1", text="Text.", url="https://kiel.example/a", language="de", authors=("Eva Kern",)))
    a = article_iri("a1")
    assert g.value(a, SDO.url) == Literal("https://kiel.example/a", datatype=XSD.anyURI)
    assert g.value(a, SDO.inLanguage) == Literal("de")
    assert g.value(a, SDO.author) == entity_iri("Eva Kern")
    assert (entity_iri("Eva Kern"), RDF.type, SDO.Person) in g
