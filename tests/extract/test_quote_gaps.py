"""A source phrase inside a German claim is the quote's gap ("Die Boote sind laut X zudem recht
klein"): recorded on the quote, kept through quotes.jsonl, the worker codec and the graph, and
left out of the quote's words when scored (invented sentences, rules only)."""

import srsly

from quotegraph.extract.evaluation.scoring import as_prediction
from quotegraph.extract.records import Article, ArticleResult, attribution_from_dict, attribution_to_dict
from quotegraph.graph.model import plain_triples, span_iri
from quotegraph.graph.namespaces import QG

TEXT = "Die Fähren seien laut dem Betreiber zudem viel zu klein."


def _claim(run_de):
    (att,) = run_de(TEXT).attributions
    return att


def test_the_source_phrase_inside_a_claim_is_its_gap(run_de):
    att = _claim(run_de)
    gap = TEXT.index("laut dem Betreiber")
    assert att.quote.text == "Die Fähren seien laut dem Betreiber zudem viel zu klein"
    assert att.quote.gaps == ((gap, gap + len("laut dem Betreiber")),)
    assert [TEXT[a:b] for a, b in att.quote.spans()] == ["Die Fähren seien ", " zudem viel zu klein"]
    assert as_prediction(att).quote == att.quote.spans()


def test_an_english_claim_keeps_its_source_inside(run_en):
    (att,) = run_en("The ferries are, according to the operator Northlight, far too small.").attributions
    assert att.quote.gaps == ()


def test_gaps_survive_quotes_jsonl_and_the_worker_codec(run_de):
    att = _claim(run_de)
    line = attribution_to_dict(att)
    assert line["gaps"] == [list(att.quote.gaps[0])]
    assert attribution_from_dict(line).quote == att.quote
    assert srsly.msgpack_loads(srsly.msgpack_dumps([att]))[0].quote == att.quote


def test_a_quote_without_gaps_writes_no_gaps_key(run_de):
    (att,) = run_de("„Wir bleiben“, sagte Clara Hartmann.").attributions
    assert "gaps" not in attribution_to_dict(att)


def test_the_graph_points_at_each_gap(run_de):
    result = run_de(TEXT)
    art = Article(id="de1", text=TEXT)
    (att,) = result.attributions
    (lo, hi), = att.quote.gaps
    triples = plain_triples(ArticleResult(art, result.attributions, result.entities))
    quote = span_iri("de1", att.quote.start, att.quote.end)
    assert (str(quote), str(QG.gap), str(span_iri("de1", lo, hi))) in {tuple(map(str, t)) for t in triples}
