"""Relay chains: a quote nested in someone else's report was relayed by that reporter, hop by
hop outward; the record keeps the chain in order and ``mediator`` as its outermost hop."""

from dataclasses import replace

from quotegraph.extract.records import Attribution, Mention, Quote, attribution_from_dict, attribution_to_dict
from quotegraph.extract.relays import chain_relays


def _att(id_, start, end, speaker=None, parent=None, mediator=None, kind="indirect"):
    return Attribution(id_, "", Quote("x" * (end - start), start, end, kind), parent=parent,
                       speaker=Mention(speaker, 0, len(speaker), speaker) if speaker else None,
                       mediator=Mention(mediator, 0, len(mediator), mediator) if mediator else None)


def test_mediators_is_the_chain_ending_in_mediator():
    a = _att("a", 0, 10, "Berg", mediator="Nordpress")
    assert [m.entity for m in a.mediators] == ["Nordpress"]
    two = Attribution("b", "", a.quote, mediator=Mention("Blatt", 8, 13, "Blatt"), relays=(Mention("Agentur", 0, 7, "Agentur"),))
    assert [m.entity for m in two.mediators] == ["Agentur", "Blatt"]
    resolved = replace(two, mediator=Mention("das Blatt", 8, 17, "Abendblatt"))  # as coreference does
    assert [m.entity for m in resolved.mediators] == ["Agentur", "Abendblatt"]
    assert replace(two, mediator=None).mediators == ()  # no outermost relay: no chain at all


def test_a_quote_in_another_speakers_report_is_relayed_by_that_speaker_and_its_relays():
    paper = _att("p", 0, 100, "Abendblatt", mediator="Nordpress")  # "Laut Nordpress berichtet das Abendblatt, …"
    spokesman = _att("s", 20, 80, "Sprecher", parent="p")  # "…, ein Sprecher habe gesagt, …"
    words = _att("w", 40, 60, "Sprecher", parent="s", kind="direct")  # the spokesman's own fragment
    witness = _att("x", 62, 78, "Zeuge", parent="s", kind="direct")  # someone the spokesman quotes
    out = {a.id: a for a in chain_relays([paper, spokesman, words, witness])}
    chain = lambda i: [m.entity for m in out[i].mediators]
    assert chain("p") == ["Nordpress"]
    assert chain("s") == ["Abendblatt", "Nordpress"]
    assert chain("w") == ["Abendblatt", "Nordpress"]  # no hop of its own: the same speaker's words
    assert chain("x") == ["Sprecher", "Abendblatt", "Nordpress"]
    assert out["x"].mediator.entity == "Nordpress"  # the outermost, as before chains


def test_a_parent_that_was_dropped_relays_nothing_and_a_speaker_is_not_its_own_relay():
    orphan = _att("o", 5, 9, "Zeuge", parent="gone")
    same = _att("q", 0, 50, "Berg", mediator="Berg")
    out = chain_relays([orphan, same])
    assert out[0].mediators == () and out[0].mediator is None
    assert out[1].mediators == ()


def test_the_chain_travels_through_quotes_jsonl():
    paper = _att("p", 0, 100, "Abendblatt", mediator="Nordpress")
    witness = _att("x", 62, 78, "Zeuge", parent="p", kind="direct")
    att = chain_relays([paper, witness])[1]
    line = attribution_to_dict(att)
    assert [m["entity"] for m in line["mediators"]] == ["Abendblatt", "Nordpress"]
    assert line["mediator"]["entity"] == "Nordpress"
    assert attribution_from_dict(line) == att


def test_the_bundled_example_keeps_who_relayed_a_quoted_dockworker(nlp_de_learned):
    from pathlib import Path

    import quotegraph
    text = (Path(quotegraph.__file__).parent / "examples" / "hafenstreik.de.txt").read_text("utf-8")
    doc = nlp_de_learned(text)
    inner = next(a for a in doc._.qg_attributions if a.quote.text.startswith("‚Wir wollen arbeiten"))
    assert inner.speaker.text == "Ein Hafenarbeiter"
    assert [m.entity for m in inner.mediators] == ["Henrik Solberg"]  # "Er fügte hinzu: „… ‚…‘ …“"


def test_a_source_phrase_closing_a_report_relays_it_and_leaves_its_content(run_en):
    att = run_en("The minister said the border would stay open, according to Reuters.").attributions[0]
    assert att.quote.text == "the border would stay open"
    assert (att.speaker.text, att.mediator.text) == ("The minister", "Reuters")
    # in the middle of the content it stays part of what was said
    att = run_en("The minister said that, according to Reuters, the border would stay open.").attributions[0]
    assert "according to Reuters, the border would stay open" in att.quote.text and att.mediator is None


def test_a_source_that_names_no_one_relays_only_after_a_source_preposition(run_en):
    att = run_en("The inspector said the dam was unsafe, according to the report.").attributions[0]
    assert (att.speaker.text, att.mediator.text, att.mediator.entity) == ("The inspector", "the report", None)
    # "in his view" is how the speaker put it: no relay
    att = run_en("In his view, the inspector said, the dam was unsafe.").attributions[0]
    assert att.mediator is None


def test_a_report_inside_a_wie_clause_is_relayed_by_the_outlet(run_de):
    text = "Wie das Abendblatt berichtet, sagte der Minister, die Grenze bleibe offen."
    atts = run_de(text).attributions
    inner = next(a for a in atts if a.quote.text == "die Grenze bleibe offen")
    assert (inner.speaker.text, inner.cue.text) == ("der Minister", "sagte")
    assert [m.text for m in inner.mediators] == ["das Abendblatt"]
    outer = next(a for a in atts if a.id == inner.parent)
    assert outer.speaker.text == "das Abendblatt"
    # without a reporting verb opening it, the outlet's report stands alone
    alone = run_de("Wie das Abendblatt berichtet, ist die Grenze seit Montag offen.").attributions
    assert [(a.quote.text, a.speaker.text) for a in alone] == [("ist die Grenze seit Montag offen", "das Abendblatt")]


def test_relays_found_in_one_sentence_are_resolved_and_walked_hop_by_hop_in_rdf(run_de):
    from quotegraph.graph.model import records_to_graph, span_iri
    from quotegraph.graph.namespaces import PROV, SDO

    text = "Die Zeitung Abendblatt berichtete laut Nordpress unter Berufung auf Anna Weber, der Minister wolle gehen."
    result = run_de(text)
    att = next(a for a in result.attributions if a.quote.text == "der Minister wolle gehen")
    assert att.speaker.text == "Anna Weber"
    # every relay, not only the outermost, resolves to an entity the result lists
    assert [m.text for m in att.mediators] == ["Nordpress", "Die Zeitung Abendblatt"]
    assert all(m.entity for m in att.mediators)
    assert {m.entity for m in att.mediators} <= {e.name for e in result.entities}
    g = records_to_graph([result])
    rows = g.query("SELECT ?name WHERE { ?q prov:wasQuotedFrom+ ?r . ?r prov:wasAttributedTo/schema:name ?name }",
                   initBindings={"q": span_iri(result.article.id, att.quote.start, att.quote.end)},
                   initNs={"prov": PROV, "schema": SDO})
    assert sorted(str(r[0]) for r in rows) == sorted(m.entity for m in att.mediators)


def test_a_relay_aside_and_a_report_frame_keep_the_outer_relays_outside(run_de, run_en):
    # the aside's relay is added outside the relays the report had; an outer report's speaker
    # outside the inner frame's relays
    att = run_de("Die Zeitung Abendblatt berichtet laut Nordpress, ein Polizeisprecher habe gesagt: „Alles ruhig.“"
                 ).attributions[0]
    assert (att.speaker.text, [m.text for m in att.mediators]) == ("ein Polizeisprecher", ["Die Zeitung Abendblatt", "Nordpress"])
    # German asks reported mood (or "dass") of the inner cue, so a clause coordinated after the
    # report ("…, und die Fraktion forderte „…“") is not read as one: the outer frame stays
    att = run_de("Die Zeitung berichtet, ein Sprecher sagte: „Alles ruhig.“").attributions[0]
    assert att.speaker.text == "Die Zeitung" and att.mediators == ()
    # in English the quote must sit in the inner cue's clause, not in one coordinated with it
    atts = run_en('He says that people are seeking help, but Obama is giving them "lectures and distractions."').attributions
    assert all(not a.mediators for a in atts)


def test_a_nested_report_in_the_parent_speakers_own_words_adds_no_hop():
    # "“I fear the ferry will close,” said Tom Reyes, who knows the harbour.": "I" and "who" are Reyes
    reyes = Attribution("r", "", Quote("x" * 30, 0, 30, "direct"), speaker=Mention("Tom Reyes", 37, 46, "Tom Reyes"))
    fear = Attribution("f", "", Quote("x" * 20, 8, 28, "indirect"), parent="r", speaker=Mention("I", 1, 2))
    knows = Attribution("k", "", Quote("x" * 11, 58, 69, "indirect"), parent="r",
                        speaker=Mention("who", 48, 51))
    reyes = replace(reyes, speaker=Mention("Tom Reyes, who knows the harbour", 37, 69, "Tom Reyes"))
    out = {a.id: a for a in chain_relays([reyes, fear, knows], frozenset({"i", "we"}))}
    assert out["f"].mediators == () and out["k"].mediators == ()
    # without the first-person words the pronoun is someone else the speaker quotes
    assert [m.entity for m in chain_relays([reyes, fear])[1].mediators] == ["Tom Reyes"]


def test_a_translation_names_the_outlet_that_made_it(run_en):
    # "a translation by X" is X's document, as "a report by X" is: the relay is X
    (att,) = run_en('"We cannot sign this," Tom Amsel said, according to a translation by the Associated Press.').attributions
    assert [(m.entity, m.type) for m in att.mediators] == [("Associated Press", "media")]
