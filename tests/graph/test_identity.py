"""Entity resolution on a store: merge, un-merge when a second candidate appears, determinism,
the records that make it reversible, and a graph that still conforms to the shapes."""

import pytest
from rdflib import URIRef

from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.model import entity_iri, graph_iri
from quotegraph.graph.namespaces import ENTITY, OWL, PROV, QG, SDO
from quotegraph.graph.resolve import Entry
from quotegraph.graph.store import add_results, open_graph
from quotegraph.graph.validate import validate_graph


def said(aid, name, *, about=None, lang="de", aliases=()):
    """An article in which ``name`` says one sentence (mentioning ``about``, if given)."""
    words = f"Wir reden mit {about}" if about else "Ja"
    text = f"„{words}“, sagte {name}."
    q = Quote(f"„{words}“", 0, len(words) + 2, "direct")
    start = text.index(name)
    who = Mention(name, start, start + len(name), entity=name)
    mentions = (Mention(about, text.index(about), text.index(about) + len(about), entity=about),) if about else ()
    ents = (Entity(name, "person", aliases),) + ((Entity(about, "person"),) if about else ())
    att = Attribution(f"{aid}-1", aid, q, speaker=who, mentions=mentions)
    return ArticleResult(Article(aid, text, language=lang), (att,), ents)


def speakers(g):
    return sorted(str(s).rsplit("/", 1)[1] for s in g.objects(None, PROV.wasAttributedTo))


def nquads(g):
    from quotegraph.graph.store import oxigraph_store
    import pyoxigraph as ox

    return sorted(str(q) for q in oxigraph_store(g).quads_for_pattern(None, None, None, None))


def test_a_surname_joins_across_articles_with_every_surface_form_kept():
    g = open_graph()
    add_results(g, [said("a1", "Henrik Solberg"), said("a2", "Solberg")])
    done = resolve_graph(g)
    assert (done.keys, done.entities, done.merged) == (2, 1, 1)
    assert speakers(g) == ["henrik-solberg", "henrik-solberg"]
    solberg, henrik = entity_iri("Solberg"), entity_iri("Henrik Solberg")
    assert [str(n) for n in g.objects(henrik, SDO.alternateName)] == ["Solberg"]
    assert (solberg, QG.mergedInto, henrik) in g
    assert str(g.value(solberg, QG.joinRule)) == "surname"
    assert g.value(solberg, SDO.name) is None  # a name merged away is no entity of its own
    conforms, report = validate_graph(g)
    assert conforms, report


def test_resolving_twice_changes_nothing():
    g = open_graph()
    add_results(g, [said("a1", "Henrik Solberg"), said("a2", "Solberg"), said("a3", "Alexander Lukashenko", lang="en")])
    resolve_graph(g)
    before = nquads(g)
    again = resolve_graph(g)
    assert (again.deleted, again.inserted) == (0, 0)
    assert nquads(g) == before


def test_a_second_candidate_splits_an_earlier_merge_exactly():
    g = open_graph()
    add_results(g, [said("a1", "Henrik Solberg"), said("a2", "Solberg")])
    resolve_graph(g)
    add_results(g, [said("a3", "Erna Solberg")])
    resolve_graph(g)
    assert speakers(g) == ["erna-solberg", "henrik-solberg", "solberg"]
    assert str(g.value(entity_iri("Solberg"), QG.keptApart)) == "ambiguous: Erna Solberg, Henrik Solberg"
    # and the graph is the one a store given all three articles at once resolves to
    fresh = open_graph()
    add_results(fresh, [said("a3", "Erna Solberg"), said("a2", "Solberg"), said("a1", "Henrik Solberg")])
    resolve_graph(fresh)
    assert nquads(g) == nquads(fresh)


def test_incremental_resolution_equals_resolving_everything_at_once():
    articles = [said("a1", "Alexander Lukaschenko", about="Wolodymyr Selenskyj"),
                said("a2", "Lukaschenko", about="Selenskyj"),
                said("a3", "Alexander Lukashenko", about="Zelensky", lang="en"),
                said("a4", "Selenskyj", about="Lukaschenko"),
                said("a5", "Viktor Lukaschenko")]
    step = open_graph()
    for article in articles:
        add_results(step, [article])
        resolve_graph(step)
    once = open_graph()
    add_results(once, articles)
    resolve_graph(once)
    assert nquads(step) == nquads(once)


def test_talks_about_follows_the_entities():
    g = open_graph()
    add_results(g, [said("a1", "Wolodymyr Selenskyj", about="Alexander Lukaschenko"),
                    said("a2", "Selenskyj", about="Lukaschenko")])
    resolve_graph(g)
    pairs = sorted((str(s).rsplit("/", 1)[1], str(o).rsplit("/", 1)[1]) for s, o in g.subject_objects(QG.talksAbout))
    assert pairs == [("wolodymyr-selenskyj", "alexander-lukaschenko")]
    conforms, report = validate_graph(g)
    assert conforms, report


def test_an_article_records_the_names_it_wrote_that_were_rewritten():
    g = open_graph()
    add_results(g, [said("a1", "Henrik Solberg"), said("a2", "Solberg")])
    resolve_graph(g)
    rows = g.query(f"SELECT ?g ?k WHERE {{ GRAPH ?g {{ ?a <{QG.entityKey}> ?k }} }}")
    assert [(str(r[0]), str(r[1])) for r in rows] == [(str(graph_iri("a2")), str(entity_iri("Solberg")))]


def test_an_entities_file_names_and_links_the_entity():
    g = open_graph()
    add_results(g, [said("a1", "Lukaschenka"), said("a2", "Alexander Lukashenko", lang="en")])
    entry = Entry("Alexander Lukaschenko", "https://schema.org/Person", ("Lukaschenka",),
                  "http://www.wikidata.org/entity/Q7936")
    resolve_graph(g, [entry])
    (entity,) = set(g.objects(None, PROV.wasAttributedTo))
    assert str(g.value(entity, SDO.name)) == "Alexander Lukaschenko"
    assert g.value(entity, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q7936")
    conforms, report = validate_graph(g)
    assert conforms, report
    # without the file, the two stay apart again (no rule joins Lukaschenka to Lukashenko)
    resolve_graph(g)
    assert len(set(g.objects(None, PROV.wasAttributedTo))) == 2
    assert not list(g.objects(None, OWL.sameAs))


def test_removing_the_article_of_the_canonical_name_leaves_a_consistent_graph():
    from quotegraph.graph.store import remove_articles

    g = open_graph()
    add_results(g, [said("a1", "Henrik Solberg"), said("a2", "Solberg"), said("a3", "Solberg")])
    resolve_graph(g)
    remove_articles(g, ["a1"], prune=True)
    resolve_graph(g)
    assert speakers(g) == ["solberg", "solberg"]
    conforms, report = validate_graph(g)
    assert conforms, report


def test_a_graph_without_named_graphs_is_refused_in_one_line():
    from rdflib import Graph

    from quotegraph.errors import QuotegraphError
    from quotegraph.graph.model import records_to_graph

    g = records_to_graph([said("a1", "Henrik Solberg"), said("a2", "Solberg")], Graph())
    with pytest.raises(QuotegraphError, match="needs one named graph per article"):
        resolve_graph(g)


def _store_nquads(backend):
    return sorted(str(q) for q in backend.store.quads_for_pattern(None, None, None, None))


def test_entity_uses_a_run_keeps_are_those_a_scan_finds_and_resolve_alike():
    from quotegraph.graph.store import open_store

    results = [said("a1", "Henrik Solberg", about="Erna Solberg"), said("a2", "Solberg"), said("a1", "Henrik Solberg"),
               said("a3", "Alexander Lukashenko", lang="en")]
    tracked, scanned = open_store(), open_store()
    tracked.track_entity_uses()
    for backend in (tracked, scanned):
        add_results(backend, results[:2])
        add_results(backend, results[2:])  # a1 again, without the entity it named before
    uses = tracked.entity_uses()
    assert scanned.entity_uses() is None
    found: dict = {}
    for g, e in scanned.select("SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { { ?e ?p ?o } UNION { ?s ?p ?e } } "
                               f"FILTER(isIRI(?e) && STRSTARTS(STR(?e), \"{ENTITY}\")) }}"):
        found.setdefault(g, set()).add(e)
    assert {g: e for g, e in uses.items() if e} == found
    assert entity_iri("Erna Solberg") not in uses[str(graph_iri("a1"))]
    assert resolve_graph(tracked) == resolve_graph(scanned)
    assert _store_nquads(tracked) == _store_nquads(scanned)
    assert tracked.entity_uses() is None  # resolution wrote to the store: only a scan can tell now


def test_entity_uses_are_not_kept_for_a_store_that_held_something():
    from quotegraph.graph.store import open_store

    backend = open_store()
    add_results(backend, [said("a1", "Henrik Solberg")])
    backend.track_entity_uses()
    assert backend.entity_uses() is None
