"""graph/model.py: records -> triples; the shape of one attribution, determinism, merging."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from quotegraph.graph.model import article_triples, entity_iri, records_to_graph, span_iri
from quotegraph.graph.namespaces import KIND, NIF, PREFIXES, PROV, QG, RDF, SDO, XSD
from quotegraph.graph.store import add_results, memory_copy, open_graph

# The whole model for one English attribution, written by hand: a quote relayed by Reuters.
EXPECTED_EN1 = """
@prefix qgid:   <https://w3id.org/quotegraph/id/> .
@prefix qg:     <https://w3id.org/quotegraph/ns#> .
@prefix kind:   <https://w3id.org/quotegraph/kind/> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .

qgid:article\\/en1 a schema:NewsArticle ;
    schema:identifier "en1" ; schema:inLanguage "en" ; schema:headline "Weber says no" ;
    schema:articleBody "\\"We will not send troops,\\" President Anton Weber said, according to Reuters." .

<https://w3id.org/quotegraph/id/article/en1#char=1,25> a schema:Quotation, prov:Entity, nif:String ;
    schema:text "We will not send troops," ; nif:anchorOf "We will not send troops," ;
    nif:beginIndex 1 ; nif:endIndex 25 ; nif:referenceContext qgid:article\\/en1 ;
    schema:isPartOf qgid:article\\/en1 ; qg:kind kind:direct ; qg:attributionId "en1:1-25" ;
    prov:wasAttributedTo qgid:entity\\/anton-weber ;
    qg:speakerMention <https://w3id.org/quotegraph/id/article/en1#char=27,48> ;
    qg:cue <https://w3id.org/quotegraph/id/article/en1#char=49,53> ; qg:cueLemma "say" ;
    qg:mediator qgid:entity\\/reuters ;
    qg:mediatorMention <https://w3id.org/quotegraph/id/article/en1#char=68,75> ;
    prov:wasQuotedFrom qgid:report\\/en1\\/1-25 .

<https://w3id.org/quotegraph/id/article/en1#char=27,48> a nif:String ;
    nif:anchorOf "President Anton Weber" ; nif:beginIndex 27 ; nif:endIndex 48 ;
    nif:referenceContext qgid:article\\/en1 ; itsrdf:taIdentRef qgid:entity\\/anton-weber .
<https://w3id.org/quotegraph/id/article/en1#char=49,53> a nif:String ;
    nif:anchorOf "said" ; nif:beginIndex 49 ; nif:endIndex 53 ; nif:referenceContext qgid:article\\/en1 .
<https://w3id.org/quotegraph/id/article/en1#char=68,75> a nif:String ;
    nif:anchorOf "Reuters" ; nif:beginIndex 68 ; nif:endIndex 75 ;
    nif:referenceContext qgid:article\\/en1 ; itsrdf:taIdentRef qgid:entity\\/reuters .

qgid:report\\/en1\\/1-25 a qg:Report, prov:Entity ; prov:wasAttributedTo qgid:entity\\/reuters .

qgid:entity\\/anton-weber a schema:Person ; schema:name "Anton Weber" ;
    schema:alternateName "President Anton Weber" ;
    qg:said <https://w3id.org/quotegraph/id/article/en1#char=1,25> .
qgid:entity\\/reuters a schema:NewsMediaOrganization ; schema:name "Reuters" ;
    qg:reported <https://w3id.org/quotegraph/id/article/en1#char=1,25> .
"""


def test_one_attribution_matches_the_documented_model(sample_results):
    got = Graph()
    for triple in article_triples(sample_results[1]):
        got.add(triple)
    expected = Graph().parse(data=EXPECTED_EN1, format="turtle")
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(f"extra: {sorted(only_got)}\nmissing: {sorted(only_expected)}")


def test_same_records_same_triples(corpus):
    first = [list(article_triples(r)) for r in corpus]
    second = [list(article_triples(r)) for r in corpus]
    assert first == second
    assert isomorphic(records_to_graph(corpus), records_to_graph(list(reversed(corpus))))


def test_no_blank_nodes(corpus):
    """Blank nodes would make reloading an article add copies instead of nothing."""
    for s, p, o in records_to_graph(corpus):
        assert isinstance(s, URIRef) and isinstance(p, URIRef)
        assert isinstance(o, (URIRef, Literal))


def test_entities_merge_across_articles(corpus):
    g = records_to_graph(corpus)
    weber = entity_iri("Anton Weber")
    assert list(g.subjects(SDO.name, Literal("Anton Weber"))) == [weber]
    said = set(g.objects(weber, QG.said))
    assert {str(g.value(q, SDO.isPartOf)).rsplit("/", 1)[1] for q in said} == {"de1", "en1", "de2"}
    assert len(said) == 4
    assert set(g.objects(weber, SDO.alternateName)) >= {Literal("Weber"), Literal("President Anton Weber")}


def test_spans_point_into_the_article_text(corpus):
    g = records_to_graph(corpus)
    texts = {r.article.id: r.article.text for r in corpus}
    strings = list(g.subjects(RDF.type, NIF.String))
    assert len(strings) > 10
    for s in strings:
        begin, end = int(g.value(s, NIF.beginIndex)), int(g.value(s, NIF.endIndex))
        article_id = str(g.value(s, NIF.referenceContext)).rsplit("/", 1)[1]
        assert texts[article_id][begin:end] == str(g.value(s, NIF.anchorOf))
        assert str(s).endswith(f"#char={begin},{end}")
        assert g.value(s, NIF.beginIndex).datatype == XSD.integer


def test_a_mediator_is_a_relay(sample_results):
    g = records_to_graph(sample_results)
    quote = next(g.subjects(SDO.text, Literal("Wir schicken keine Soldaten")))
    nordpress = entity_iri("Nordpress")
    report = g.value(quote, PROV.wasQuotedFrom)
    assert g.value(report, PROV.wasAttributedTo) == nordpress
    assert (report, RDF.type, QG.Report) in g
    assert (nordpress, QG.reported, quote) in g
    assert g.value(quote, PROV.wasAttributedTo) == entity_iri("Anton Weber")
    # an unrelayed quote has no report
    plain = next(g.subjects(SDO.text, Literal("die Nachbarn hinderten die Gespräche")))
    assert g.value(plain, PROV.wasQuotedFrom) is None
    assert g.value(plain, QG.kind) == KIND.indirect


def test_nested_quote_and_mentions(corpus):
    g = records_to_graph(corpus)
    text = corpus[2].article.text
    outer = span_iri("de2", text.index("Weber hat"), text.index("offen.") + len("offen."))
    inner = next(g.subjects(SDO.text, Literal("die Grenze bleibt offen")))
    assert g.value(inner, QG.nestedIn) == outer
    assert (outer, SDO.mentions, entity_iri("Anton Weber")) in g  # "Weber" is an alias
    assert (inner, SDO.mentions, entity_iri("Anton Weber")) not in g
    assert (outer, SDO.mentions, entity_iri("Eva Klein")) not in g  # its own speaker


def test_unresolved_pronoun_keeps_its_mention(sample_results):
    g = records_to_graph(sample_results)
    quote = next(g.subjects(SDO.text, Literal("die Nachbarn hinderten die Gespräche")))
    mention = g.value(quote, QG.speakerMention)
    assert g.value(mention, NIF.anchorOf) == Literal("Er")


def test_hostile_text_stays_literal(hostile_result):
    g = records_to_graph([hostile_result])
    iris = {t for triple in g for t in triple if isinstance(t, URIRef)}
    assert all(not re.search(r"[\s<>\"{}|^`\\]", str(i)) for i in iris)
    assert Literal("<script>alert(1)</script>") in set(g.objects(None, SDO.text))
    assert Literal('" onmouseover="alert(3)') in set(g.objects(None, SDO.headline))


def test_model_survives_the_oxigraph_store_exactly(corpus):
    """Every triple comes back from Oxigraph as written (e.g. no datatype rewritten)."""
    plain = records_to_graph(corpus)
    ox = open_graph()
    add_results(ox, corpus)
    assert len(ox) == len(plain)
    assert isomorphic(memory_copy(ox), memory_copy(plain))


def test_prefixes_cover_the_model(corpus):
    namespaces = [str(ns) for ns in PREFIXES.values()]
    for s, p, o in records_to_graph(corpus):
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert any(str(term).startswith(ns) for ns in namespaces), term


def test_an_addressee_is_a_recipient_and_keeps_its_words():
    from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
    from quotegraph.graph.validate import validate_graph

    text = "Weber sagte der Zeitung Abendblatt, er bleibe. Er sagte Journalisten, es regne."
    def at(s): return text.index(s), text.index(s) + len(s)
    first = Attribution("a:36-45", "a", Quote("er bleibe", *at("er bleibe"), "indirect"),
                        speaker=Mention("Weber", *at("Weber"), "Weber", "person"), cue=Cue("sagte", *at("sagte"), "sagen"),
                        addressee=Mention("der Zeitung Abendblatt", *at("der Zeitung Abendblatt"), "Abendblatt", "media"))
    second = Attribution("a:70-78", "a", Quote("es regne", *at("es regne"), "indirect"),
                         addressee=Mention("Journalisten", *at("Journalisten")))  # words only, no entity
    result = ArticleResult(Article("a", text), (first, second),
                           (Entity("Weber", "person"), Entity("Abendblatt", "media")))
    g = records_to_graph([result])
    q1, q2 = span_iri("a", *at("er bleibe")), span_iri("a", *at("es regne"))
    assert g.value(q1, SDO.recipient) == entity_iri("Abendblatt")
    mention = g.value(q1, QG.addresseeMention)
    assert str(g.value(mention, NIF.anchorOf)) == "der Zeitung Abendblatt"
    assert (entity_iri("Abendblatt"), RDF.type, SDO.NewsMediaOrganization) in g
    assert g.value(q2, SDO.recipient) is None
    assert str(g.value(g.value(q2, QG.addresseeMention), NIF.anchorOf)) == "Journalisten"
    conforms, report = validate_graph(g)
    assert conforms, report


def test_a_relay_chain_is_walked_by_a_property_path():
    from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
    from quotegraph.graph.model import report_iri
    from quotegraph.graph.validate import validate_graph

    text = "Laut dem Blatt meldet die Agentur, ein Sprecher habe gesagt, man prüfe das."
    def at(s): return text.index(s), text.index(s) + len(s)
    att = Attribution("a:61-74", "a", Quote("man prüfe das", *at("man prüfe das"), "indirect"),
                      speaker=Mention("ein Sprecher", *at("ein Sprecher")),
                      relays=(Mention("die Agentur", *at("die Agentur"), "Agentur", "media"),),
                      mediator=Mention("dem Blatt", *at("dem Blatt"), "Blatt", "media"))
    result = ArticleResult(Article("a", text), (att,), (Entity("Agentur", "media"), Entity("Blatt", "media")))
    g = records_to_graph([result])
    quote = span_iri("a", *at("man prüfe das"))
    first, second = report_iri("a", *at("man prüfe das")), report_iri("a", *at("man prüfe das"), 1)
    assert g.value(quote, PROV.wasQuotedFrom) == first  # the outermost relay's report, as with one relay
    assert g.value(first, PROV.wasAttributedTo) == entity_iri("Blatt")
    assert g.value(first, PROV.wasQuotedFrom) == second
    assert g.value(second, PROV.wasAttributedTo) == entity_iri("Agentur")
    assert g.value(quote, QG.mediator) == entity_iri("Blatt")
    rows = g.query("SELECT ?name WHERE { ?q prov:wasQuotedFrom+ ?r . ?r prov:wasAttributedTo/schema:name ?name }",
                   initBindings={"q": quote}, initNs={"prov": PROV, "schema": SDO})
    assert sorted(str(r[0]) for r in rows) == ["Agentur", "Blatt"]
    conforms, report = validate_graph(g)
    assert conforms, report


def test_iris_keep_unicode_and_escape_what_iri_syntax_forbids():
    from urllib.parse import unquote

    import pyoxigraph as ox

    from quotegraph.graph.model import article_iri, entity_iri, graph_iri, report_iri

    assert str(entity_iri("Küstenpresse")).endswith("/entity/küstenpresse")
    assert str(entity_iri("Łódź Kaliska")).endswith("/entity/łódź-kaliska")
    assert str(article_iri("北京-1")).endswith("/article/北京-1")
    hostile = "a b<c>d\"e{f}g|h^i`j\\k\x00l\nm/n#o?p%q\u00a0r\u200bs\u202et\ufeffu"
    for iri in (article_iri(hostile), graph_iri(hostile), report_iri(hostile, 1, 2)):
        tail = str(iri).split("/id/", 1)[1]
        assert not any(c in tail for c in " <>\"{}|^`\\\x00\n#?\u00a0\u200b\u202e\ufeff"), tail
        ox.NamedNode(str(iri))  # a valid IRI: pyoxigraph checks the syntax
    assert unquote(str(article_iri(hostile)).rsplit("/", 1)[1]) == hostile
    # one id, one IRI: what looks like an escape is escaped itself
    ids = ["ü", "%C3%BC", "a b", "a%20b", "a/b", "a%2Fb"]
    assert len({article_iri(i) for i in ids}) == len(ids)


def test_graph_of_finds_every_quad_its_graph_from_the_triple_alone(corpus, hostile_result):
    """The rule that puts a Turtle file's triples back into their articles' graphs is the model's own."""
    from dataclasses import replace

    from quotegraph.graph.model import article_quads, graph_of

    # an id with the characters that end an article's part of an IRI ("#", "/") and spaces
    odd = replace(corpus[0], article=replace(corpus[0].article, id="dpa/2024#7 x"),
                  attributions=tuple(replace(a, article="dpa/2024#7 x") for a in corpus[0].attributions))
    quads = [q for result in (*corpus, hostile_result, odd) for q in article_quads(result)]
    assert len({g for *_, g in quads if g is not None}) == 5  # every article has its graph
    for s, p, o, g in quads:
        got = graph_of(str(s), str(p), str(o) if isinstance(o, URIRef) else None)
        assert got == (None if g is None else str(g)), (s, p, o)
