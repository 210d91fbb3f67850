"""An entity known only by a description ("die Polizei") is one node per article: never the same
node as another article's, never joined by resolution, one statement per article, and gone with
its article."""

from rdflib import Literal, URIRef

from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.model import described_entity_iri, entity_iri, records_to_graph
from quotegraph.graph.namespaces import PROV, QG, SDO
from quotegraph.graph.resolve import Key, resolve
from quotegraph.graph.statements import link_statements
from quotegraph.graph.store import add_results, open_graph, remove_articles


def said(aid, phrase, name, named, words="Wir suchen Zeugen"):
    """An article in which ``phrase`` (resolved to ``name``) says ``words``."""
    text = f"„{words}“, sagte {phrase}."
    start = text.index(phrase)
    who = Mention(phrase, start, start + len(phrase), name, "other", named)
    att = Attribution(f"{aid}:0-{len(words) + 2}", aid, Quote(f"„{words}“", 0, len(words) + 2), speaker=who)
    return ArticleResult(Article(aid, text), (att,), (Entity(name, "other", (phrase,), named),))


def speakers(g):
    return sorted(str(o) for o in g.objects(None, URIRef(PROV.wasAttributedTo)))


def test_a_description_is_a_node_of_its_article_and_a_name_one_node_in_the_corpus():
    g = records_to_graph([said("a1", "die Polizei", "Polizei", False), said("a2", "die Polizei", "Polizei", False),
                          said("a3", "Greenfield", "Greenfield", True), said("a4", "Greenfield", "Greenfield", True)])
    police = [described_entity_iri("a1", "Polizei"), described_entity_iri("a2", "Polizei")]
    assert speakers(g) == sorted(map(str, [*police, entity_iri("Greenfield"), entity_iri("Greenfield")]))
    for aid, node in zip(("a1", "a2"), police):
        assert (node, URIRef(SDO.name), Literal("Polizei")) in g
        assert list(g.objects(node, URIRef(QG.describedIn))) == [URIRef(f"https://w3id.org/quotegraph/id/article/{aid}")]
    assert not list(g.objects(entity_iri("Greenfield"), URIRef(QG.describedIn)))
    assert (entity_iri("Polizei"), None, None) not in g


def test_a_result_read_from_quotes_jsonl_keeps_the_article_scope_from_its_mentions():
    result = said("a1", "die Polizei", "Polizei", False)
    g = records_to_graph([ArticleResult(result.article, result.attributions)])  # no entities: as from quotes.jsonl
    assert speakers(g) == [str(described_entity_iri("a1", "Polizei"))]


def test_resolution_never_joins_a_description_with_anything():
    iri = str(entity_iri("Polizei"))
    keys = [Key(str(described_entity_iri("a1", "Polizei")), "Polizei", "https://schema.org/Thing", articles=frozenset({"a1"})),
            Key(str(described_entity_iri("a2", "Polizei")), "Polizei", "https://schema.org/Thing", articles=frozenset({"a2"})),
            Key(iri, "Polizei", "https://schema.org/Organization", articles=frozenset({"a3"}))]
    assert len(resolve(keys)) == 3
    # the same two names as names are one entity: only the description keeps them apart
    named = [Key(f"{iri}-{i}", "Polizei", "https://schema.org/Thing", articles=frozenset({f"a{i}"})) for i in (1, 2)]
    assert len(resolve(named)) == 1


def test_in_a_store_descriptions_stay_apart_and_make_one_statement_each():
    g = open_graph()
    add_results(g, [said("a1", "die Polizei", "Polizei", False), said("a2", "die Polizei", "Polizei", False),
                    said("a3", "Greenfield", "Greenfield", True), said("a4", "Greenfield", "Greenfield", True)])
    assert resolve_graph(g).merged == 0
    assert len(set(speakers(g))) == 3
    link_statements(g)
    carriers = sorted(int(o) for o in g.objects(None, URIRef(QG.carriers)))
    assert carriers == [1, 1, 2]  # two police forces' words are two statements; Greenfield's one, twice carried


def test_a_description_leaves_the_store_with_its_article():
    g = open_graph()
    add_results(g, [said("a1", "die Polizei", "Polizei", False), said("a2", "die Polizei", "Polizei", False)])
    remove_articles(g, ["a1"], prune=True)
    assert not list(g.triples((described_entity_iri("a1", "Polizei"), None, None)))
    assert list(g.triples((described_entity_iri("a2", "Polizei"), URIRef(SDO.name), None)))


def test_the_network_labels_a_description_with_its_article():
    from quotegraph.graph.network import to_networkx

    G = to_networkx(records_to_graph([said("brand-nord", "die Polizei", "Polizei", False),
                                      said("brand-sued", "die Polizei", "Polizei", False),
                                      said("a3", "Greenfield", "Greenfield", True)]))
    labels = sorted(d["label"] for _, d in G.nodes(data=True) if d["type"] == "speaker")
    assert labels == ["Greenfield", "Polizei (brand-nord)", "Polizei (brand-sued)"]
    homes = {d["label"]: d["described_in"] for _, d in G.nodes(data=True) if d["type"] == "speaker"}
    assert homes["Greenfield"] == "" and homes["Polizei (brand-nord)"].endswith("/article/brand-nord")
