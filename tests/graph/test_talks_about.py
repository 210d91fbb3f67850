"""What quotes talk about, in the graph: ``schema:mentions`` from the records' mentions, the
``qg:talksAbout`` shortcut, their shapes, and the who-talks-about-whom example."""

from __future__ import annotations

from rdflib import Literal

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.model import article_quads, entity_iri, records_to_graph, span_iri
from quotegraph.graph.namespaces import QG, RDF, SDO
from quotegraph.graph.query import run_example
from quotegraph.graph.store import add_results, open_graph
from quotegraph.graph.validate import validate_graph


def _result(article_id: str, speaker: str, quotes: list[tuple[str, list[tuple[str, str, str]]]]) -> ArticleResult:
    """One article: ``speaker`` says each quote, which mentions (surface, entity, type)."""
    text = " ".join(f"„{q}“, sagte {speaker}." for q, _ in quotes)
    atts, entities, at = [], {speaker: Entity(speaker, "person", ())}, 0
    for q, named in quotes:
        start = text.index(q, at)
        end = start + len(q)
        cue = text.index("sagte", end)
        spk = cue + len("sagte ")
        ments = []
        for surface, entity, etype in named:
            i = text.index(surface, start)
            ments.append(Mention(surface, i, i + len(surface), entity, etype))
            entities.setdefault(entity, Entity(entity, etype, (surface,) if surface != entity else ()))
        atts.append(Attribution(f"{article_id}:{start}-{end}", article_id, Quote(q, start, end),
                                speaker=Mention(speaker, spk, spk + len(speaker), speaker, "person"),
                                cue=Cue("sagte", cue, cue + 5, "sagen"), mentions=tuple(ments)))
        at = end
    return ArticleResult(Article(id=article_id, text=text, language="de"), tuple(atts), tuple(entities.values()))


def small_corpus() -> list[ArticleResult]:
    return [
        _result("m1", "Anna Schulz", [("Berger hat in Kiel gelogen", [("Berger", "Tom Berger", "person"),
                                                                     ("Kiel", "Kiel", "location")]),
                                      ("Berger muss gehen", [("Berger", "Tom Berger", "person")])]),
        _result("m2", "Anna Schulz", [("Die IG Metall und Tom Berger streiten", [("IG Metall", "IG Metall", "organization"),
                                                                                  ("Tom Berger", "Tom Berger", "person")])]),
        _result("m3", "Tom Berger", [("Anna Schulz irrt, Tom Berger nicht", [("Anna Schulz", "Anna Schulz", "person"),
                                                                              ("Tom Berger", "Tom Berger", "person")]),
                                     ("Frau Schulz lügt", [("Schulz", "Anna Schulz", "person")])]),
    ]


def test_a_quote_mentions_what_its_record_names_and_its_speaker_talks_about_it():
    g = records_to_graph(small_corpus())
    text = small_corpus()[0].article.text
    start = text.index("Berger hat")
    quote = span_iri("m1", start, start + len("Berger hat in Kiel gelogen"))
    assert set(g.objects(quote, SDO.mentions)) == {entity_iri("Tom Berger"), entity_iri("Kiel")}
    assert set(g.objects(entity_iri("Anna Schulz"), QG.talksAbout)) == {
        entity_iri("Tom Berger"), entity_iri("Kiel"), entity_iri("IG Metall")}
    # an entity only mentioned is typed and named like any other
    assert list(g.objects(entity_iri("Kiel"), RDF.type)) == [SDO.Place]
    assert g.value(entity_iri("IG Metall"), SDO.name) == Literal("IG Metall")


def test_a_speaker_naming_itself_is_mentioned_but_talks_not_about_itself():
    g = records_to_graph(small_corpus())
    berger = entity_iri("Tom Berger")
    quote = next(g.subjects(SDO.text, Literal("Anna Schulz irrt, Tom Berger nicht")))
    assert (quote, SDO.mentions, berger) in g
    assert (berger, QG.talksAbout, berger) not in g
    assert (berger, QG.talksAbout, entity_iri("Anna Schulz")) in g


def test_talks_about_is_shared_and_mentions_belong_to_the_article():
    quads = list(article_quads(small_corpus()[0]))
    talks = [q for q in quads if q[1] == QG.talksAbout]
    mentions = [q for q in quads if q[1] == SDO.mentions]
    assert talks and all(g is None for *_, g in talks)  # like an entity's description: once, in the default graph
    assert mentions and all(g is not None for *_, g in mentions)


def test_mentions_and_talks_about_conform():
    g = open_graph()
    add_results(g, small_corpus())
    conforms, report = validate_graph(g)
    assert conforms, report


def test_a_talks_about_without_a_quote_behind_it_does_not_conform():
    g = records_to_graph(small_corpus())
    g.add((entity_iri("Tom Berger"), QG.talksAbout, entity_iri("Kiel")))  # no quote of his names Kiel
    conforms, report = validate_graph(g)
    assert not conforms
    assert "only when one of its quotes mentions the entity" in report


def test_a_mentioned_entity_without_a_type_and_name_does_not_conform():
    g = records_to_graph(small_corpus())
    g.remove((entity_iri("Kiel"), SDO.name, None))
    g.remove((entity_iri("Kiel"), RDF.type, None))  # only being mentioned makes it an entity to check
    conforms, report = validate_graph(g)
    assert not conforms
    assert "an entity has a schema:name" in report


def test_who_talks_about_whom_ranks_pairs_by_quotes():
    g = open_graph()
    add_results(g, small_corpus())
    r = run_example(g, "who-talks-about-whom")
    assert r.columns == ["speaker", "about", "type", "quotes", "articles"]
    assert [tuple(str(v) for v in row) for row in r.rows] == [
        ("Anna Schulz", "Tom Berger", "Person", "3", "2"),
        ("Tom Berger", "Anna Schulz", "Person", "2", "1"),  # not himself
        ("Anna Schulz", "IG Metall", "Organization", "1", "1"),
        ("Anna Schulz", "Kiel", "Place", "1", "1"),
    ]
    # the pairs are the qg:talksAbout shortcut's
    pairs = {(str(s), str(o)) for s, o in g.subject_objects(QG.talksAbout)}
    assert len(pairs) == len(r.rows)


def test_remove_with_prune_drops_the_shortcuts_no_quote_backs():
    from quotegraph.graph.store import remove_articles

    g = open_graph()
    add_results(g, small_corpus())
    berger, schulz = entity_iri("Tom Berger"), entity_iri("Anna Schulz")
    remove_articles(g, ["m3"])  # his only quotes: the edge stays until a prune
    assert (berger, QG.talksAbout, schulz) in g
    remove_articles(g, ["m2"], prune=True)
    assert (berger, QG.talksAbout, schulz) not in g
    assert (schulz, QG.talksAbout, berger) in g  # m1's quotes still back it
    assert (schulz, QG.talksAbout, entity_iri("IG Metall")) not in g  # only m2 named it
    conforms, report = validate_graph(g)
    assert conforms, report
