"""graph/terms.py and the model's plain terms: awkward literals written as N-Quads text reach the
store as the same terms the rdflib path makes, escaped as N-Triples says."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote
from quotegraph.graph.model import article_iri, entity_iri, plain_quads, plain_vocabulary, records_to_graph, span_iri
from quotegraph.graph.namespaces import KIND, NIF, QG, SDO, SKOS, XSD
from quotegraph.graph.store import add_results, open_graph, oxigraph_store
from quotegraph.graph.terms import XSD_INTEGER, Lit, nquads_line, nt_literal, to_ox, to_rdflib

# (text, how N-Triples writes it): every character N-Triples must escape, the control characters
# Oxigraph's writer escapes too, and what is written as it is
AWKWARD = [
    ('say "hi"', r'"say \"hi\""'),
    ("back\\slash\\", r'"back\\slash\\"'),
    ("C:\\u0041 is not an escape", r'"C:\\u0041 is not an escape"'),
    ("line\nbreak\r\nwindows", r'"line\nbreak\r\nwindows"'),
    ("tab\there\bbell\x07nul\x00del\x7f\x0c", r'"tab\there\bbell\u0007nul\u0000del\u007F\f"'),
    ("Zoë sagte: „Über Äpfel“ – 北京 😀", '"Zoë sagte: „Über Äpfel“ – 北京 😀"'),
    ("line\u2028separator\u00a0nbsp", '"line\u2028separator\u00a0nbsp"'),
    ("", '""'),
]


@pytest.mark.parametrize("text, written", AWKWARD)
def test_literal_text_is_escaped_as_pyoxigraph_writes_it(text, written):
    assert nt_literal(Lit(text)) == written
    assert written == str(ox.Literal(text))


def test_language_tags_and_datatypes_are_written_after_the_text():
    assert nt_literal(Lit('"Ja"', lang="de")) == r'"\"Ja\""@de'
    assert nt_literal(Lit("40", XSD_INTEGER)) == '"40"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert nt_literal(Lit("x", str(XSD.string))) == '"x"'  # RDF 1.1: the same literal as "x"
    assert nquads_line("urn:s", "urn:p", Lit("a\nb"), "urn:g") == '<urn:s> <urn:p> "a\\nb" <urn:g> .\n'
    assert nquads_line("urn:s", "urn:p", "urn:o") == "<urn:s> <urn:p> <urn:o> .\n"


@pytest.mark.parametrize("text, written", AWKWARD)
def test_every_awkward_text_parses_back_to_itself(text, written):
    quad = next(iter(ox.parse(nquads_line("urn:s", "urn:p", Lit(text), "urn:g"), format=ox.RdfFormat.N_QUADS)))
    assert quad.object == ox.Literal(text)
    assert quad.graph_name == ox.NamedNode("urn:g")


def test_plain_terms_become_the_rdflib_terms_the_model_had():
    assert to_rdflib(Lit("3", XSD_INTEGER)) == Literal(3, datatype=XSD.integer)
    assert to_rdflib(Lit("direct", lang="en")) == Literal("direct", lang="en")
    assert to_rdflib(Lit("2024-05-02", str(XSD.date))) == Literal("2024-05-02", datatype=XSD.date)
    # kept as written: rdflib would rewrite a dateTime into its own form
    assert str(to_rdflib(Lit("2024-05-02T10:00:00.5Z", str(XSD.dateTime)))) == "2024-05-02T10:00:00.5Z"
    assert to_rdflib(Lit("x")).datatype is None and to_rdflib("urn:x") == URIRef("urn:x")


def awkward_result() -> ArticleResult:
    """An article whose every literal is awkward: quotes, backslashes, line breaks, control
    characters, non-ASCII; a date, a URL, a confidence, aliases."""
    quote_text = 'Wir sagen "nein"\\ und\nZoë – 北京'
    text = f"„{quote_text}“, sagte Zoë \"Z\" Müller.\r\nEnde\t."
    start = 1
    end = start + len(quote_text)
    speaker = 'Zoë "Z" Müller'
    s_start = text.index(speaker)
    cue_start = text.index("sagte")
    att = Attribution(id=f"ä 1:{start}-{end}", article="ä 1", quote=Quote(quote_text, start, end, "direct"),
                      speaker=Mention(speaker, s_start, s_start + len(speaker), 'Zoë "Z" Müller', "person"),
                      cue=Cue("sagte", cue_start, cue_start + 5, 'sag\\en'), score=0.97312)
    article = Article(id="ä 1", text=text, language="de", title='Titel mit "Anführung"\\\n\x07',
                      url="https://example.org/a?b=\"c\"&d=ü", date="2024-05-02T10:00:00.500+00:00",
                      authors=("Eva\nKlein",))
    return ArticleResult(article, (att,), (Entity('Zoë "Z" Müller', "person", ("Zoë\\Z", "Zoë\tM")),))


def test_awkward_literals_reach_the_store_as_the_rdflib_path_makes_them():
    result = awkward_result()
    stored = open_graph()
    add_results(stored, [result])
    expected = records_to_graph([result], Graph())  # rdflib terms added one by one, no N-Quads text
    # compared as pyoxigraph terms: rdflib rewrites a dateTime it reads back into its own form
    as_stored = {(q.subject, q.predicate, q.object) for q in oxigraph_store(stored)}
    assert as_stored == {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in expected}
    assert len(as_stored) == len(expected) > 40

    store = oxigraph_store(stored)

    def objects(subject, predicate) -> set:
        return {q.object for q in store.quads_for_pattern(to_ox(subject), to_ox(predicate), None)}

    article = article_iri("ä 1")
    assert str(article) == "https://w3id.org/quotegraph/id/article/ä%201"
    assert objects(article, SDO.headline) == {ox.Literal('Titel mit "Anführung"\\\n\x07')}
    assert objects(article, SDO.articleBody) == {ox.Literal(result.article.text)}
    assert objects(article, SDO.url) == {ox.Literal('https://example.org/a?b="c"&d=ü', datatype=to_ox(XSD.anyURI))}
    assert objects(article, SDO.datePublished) == {ox.Literal("2024-05-02T10:00:00.5Z", datatype=to_ox(XSD.dateTime))}
    quote = span_iri("ä 1", 1, 31)
    assert objects(quote, SDO.text) == {ox.Literal('Wir sagen "nein"\\ und\nZoë – 北京')}
    assert objects(quote, QG.cueLemma) == {ox.Literal("sag\\en")}
    assert objects(quote, QG.confidence) == {ox.Literal("0.9731", datatype=to_ox(XSD.decimal))}
    assert objects(quote, NIF.beginIndex) == {ox.Literal("1", datatype=to_ox(XSD.integer))}
    person = entity_iri('Zoë "Z" Müller')
    assert str(person) == "https://w3id.org/quotegraph/id/entity/zoë-z-müller"
    assert objects(person, SDO.alternateName) == {ox.Literal("Zoë\\Z"), ox.Literal("Zoë\tM")}
    assert objects(entity_iri("Eva\nKlein"), SDO.name) == {ox.Literal("Eva\nKlein")}
    assert objects(KIND.direct, SKOS.prefLabel) == {ox.Literal("direct", language="en")}


def test_every_iri_the_model_mints_parses_strictly(hostile_result):
    """The store reads the model's N-Quads leniently (no IRI checks): every IRI must be valid."""
    odd_kind = Quote("x", 0, 1, 'direct> <urn:evil> "')
    odd = ArticleResult(Article(id='<a> "b" {c}|^`\\ d#e?f%g', text="x", site="Site <x>"),
                        (Attribution(id="o:0-1", article="o", quote=odd_kind,
                                     speaker=Mention("x", 0, 1, "{Name}|^`<>", "person")),),
                        (Entity("{Name}|^`<>", "person", ()),))
    for result in (awkward_result(), hostile_result, odd):
        text = "".join(nquads_line(*quad) for quad in plain_quads(result))
        parsed = list(ox.parse(text, format=ox.RdfFormat.N_QUADS))  # strict: raises on an invalid IRI
        assert len(parsed) == len(plain_quads(result))
    kinds = {q.object.value for q in ox.parse("".join(nquads_line(*q) for q in plain_quads(odd)),
                                              format=ox.RdfFormat.N_QUADS) if q.predicate.value == str(QG.kind)}
    assert kinds == {"https://w3id.org/quotegraph/kind/direct%3E%20%3Curn%3Aevil%3E%20%22"}


def test_a_text_that_is_no_utf8_changes_nothing_in_the_store(sample_results):
    g = open_graph()
    add_results(g, sample_results)
    before = set(oxigraph_store(g))
    broken = ArticleResult(Article(id=sample_results[0].article.id, text="lone \ud800 surrogate"))
    with pytest.raises(ValueError):
        add_results(g, [broken])
    assert set(oxigraph_store(g)) == before  # the article it would have replaced is still there


def test_the_vocabulary_is_plain_terms():
    labels = {s: o for s, p, o in plain_vocabulary() if p == str(SKOS.prefLabel)}
    assert labels[str(KIND.free_indirect)] == Lit("free_indirect", lang="en")
    assert all(type(s) is str and type(p) is str for s, p, _ in plain_vocabulary())
