"""Statements across outlets: one node for the same words of one speaker, its carriers, first
seen, relays; idempotent; following entity resolution; and the shapes."""

from dataclasses import replace

import pytest
from rdflib import Literal

from quotegraph.extract.records import Article, ArticleResult, Attribution, Entity, Mention, Quote
from quotegraph.graph.identity import resolve_graph
from quotegraph.graph.namespaces import QG, XSD
from quotegraph.graph.query import run_example
from quotegraph.graph.statements import link_statements, normalised
from quotegraph.graph.store import add_results, open_graph
from quotegraph.graph.validate import validate_graph


def carried(aid, speaker, words, *, date=None, site=None, relay=None, kind="direct", lang="de"):
    """An article in which ``speaker`` says ``words`` (as written, with marks), maybe via ``relay``."""
    text = f"{words}, sagte {speaker}" + (f" laut {relay}." if relay else ".")
    q = Quote(words, 0, len(words), kind)
    start = text.index(speaker, len(words))
    who = Mention(speaker, start, start + len(speaker), entity=speaker)
    ents = [Entity(speaker, "person")]
    via = None
    if relay:
        at = text.index(relay, start)
        via = Mention(relay, at, at + len(relay), entity=relay)
        ents.append(Entity(relay, "media"))
    att = Attribution(f"{aid}-1", aid, q, speaker=who, mediator=via, relays=(via,) if via else ())
    return ArticleResult(Article(aid, text, language=lang, date=date, site=site), (att,), tuple(ents))


def statements(g):
    return sorted((str(t), int(n)) for t, n in g.query(
        "SELECT ?t ?n WHERE { ?s a qg:Statement ; schema:text ?t ; qg:carriers ?n }"))


def test_normalised_ignores_marks_case_and_spacing_but_not_words():
    assert normalised("„Wir bleiben hart!“") == normalised("»wir  bleiben HART«") == "wir bleiben hart"
    assert normalised("„Wir bleiben hart“") != normalised("„Wir bleiben sehr hart“")


def test_the_same_words_of_one_speaker_in_three_outlets_are_one_statement():
    g = open_graph()
    add_results(g, [carried("a1", "Anna Berger", "„Wir bleiben hart!“", date="2024-05-03", site="Nordkurier"),
                    carried("a2", "Anna Berger", "»Wir bleiben hart«", date="2024-05-02T09:00:00Z", site="Südpost",
                            relay="dpa"),
                    carried("a3", "Anna Berger", '"wir bleiben hart"', site="Westblatt"),
                    carried("a4", "Anna Berger", "„We will stay firm“", site="Daily", lang="en"),  # a translation
                    carried("a5", "Otto Kern", "„Wir bleiben hart!“")])  # another speaker
    done = link_statements(g)
    assert (done.quotes, done.statements, done.shared) == (5, 3, 1)
    assert statements(g) == [("we will stay firm", 1), ("wir bleiben hart", 1), ("wir bleiben hart", 3)]
    first = list(g.objects(None, QG.firstSeen))
    assert first == [Literal("2024-05-02", datatype=XSD.date)]
    carriers = run_example(g, "statement-carriers", {"words": "bleiben hart"})
    assert [(str(r[3]), None if r[5] is None else str(r[5]), None if r[6] is None else str(r[6]))
            for r in carriers.rows if str(r[1]) == "Anna Berger"] == [
        ("a3", "Westblatt", None), ("a2", "Südpost", "dpa"), ("a1", "Nordkurier", None)]
    relays = run_example(g, "who-relays-whom")
    assert [tuple(map(str, r)) for r in relays.rows] == [("Südpost", "dpa", "1")]
    reach = run_example(g, "statements-by-reach", {"speaker": "anna berger"})
    assert [(str(r[2]), int(r[3])) for r in reach.rows] == [("wir bleiben hart", 3), ("we will stay firm", 1)]
    conforms, report = validate_graph(g)
    assert conforms, report


def test_linking_twice_changes_nothing_and_a_new_carrier_is_counted():
    g = open_graph()
    add_results(g, [carried("a1", "Anna Berger", "„Ja“"), carried("a2", "Anna Berger", "„Ja!“")])
    link_statements(g)
    again = link_statements(g)
    assert (again.deleted, again.inserted) == (0, 0)
    add_results(g, [carried("a3", "Anna Berger", "ja")])
    link_statements(g)
    assert statements(g) == [("ja", 3)]


def test_indirect_speech_carries_no_statement():
    g = open_graph()
    add_results(g, [carried("a1", "Anna Berger", "dass sie hart bleibe", kind="indirect")])
    assert link_statements(g).statements == 0


def test_statements_follow_entity_resolution():
    g = open_graph()
    add_results(g, [carried("a1", "Alexander Lukaschenko", "„Niemals!“"),
                    carried("a2", "Alexander Lukashenko", '"Never!"', lang="en"),
                    carried("a3", "Lukashenko", '"Niemals"', lang="en")])
    link_statements(g)
    assert statements(g) == [("never", 1), ("niemals", 1), ("niemals", 1)]  # two speakers as written
    resolve_graph(g)
    link_statements(g)
    assert statements(g) == [("never", 1), ("niemals", 2)]
    conforms, report = validate_graph(g)
    assert conforms, report


def test_removing_articles_takes_their_statements_and_carriers_with_them():
    from quotegraph.graph.store import remove_articles

    g = open_graph()
    add_results(g, [carried("a1", "Anna Berger", "„Wir bleiben hart!“"), carried("a2", "Anna Berger", "»Wir bleiben hart«"),
                    carried("a3", "Otto Kern", "„Am Kai ist alles ruhig.“")])
    link_statements(g)
    assert statements(g) == [("am kai ist alles ruhig", 1), ("wir bleiben hart", 2)]
    remove_articles(g, ["a2", "a3"])
    assert statements(g) == [("wir bleiben hart", 1)]  # one carrier left; Kern's words carried by none
    # with --prune, a speaker whose only statement went goes too: no statement keeps it named
    remove_articles(g, ["a1"], prune=True)
    assert statements(g) == []
    assert not list(g.query("SELECT ?s WHERE { ?s a qg:Statement }"))
    assert not list(g.query("SELECT ?e WHERE { ?e schema:name ?n FILTER(?n IN ('Otto Kern', 'Anna Berger')) }"))


def test_removing_from_a_graph_never_linked_adds_no_statements():
    from quotegraph.graph.store import remove_articles

    g = open_graph()
    add_results(g, [carried("a1", "Anna Berger", "„Ja“"), carried("a2", "Anna Berger", "„Nein“")])
    remove_articles(g, ["a1"])
    assert statements(g) == []  # extracted with --no-resolve: remove does not link what was never linked
