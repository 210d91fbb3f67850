"""Tests of :mod:`quotegraph.extract.patterns.clauses`: content clauses: where reported content runs,
whether it is a clause, and the relay of an indirect report (invented sentences, rules only)."""

import pytest


def test_a_dass_clause_is_content_even_when_its_verb_is_mistagged(run_de):
    text = "Die Gruppe hat nun in einer Stellungnahme bekannt gegeben, dass diese Ablagerungen keine akute Gefahr darstellen."
    (att,) = run_de(text).attributions
    assert (att.cue.lemma, att.speaker.text) == ("bekanntgeben", "Die Gruppe")
    assert att.quote.text.startswith("dass diese Ablagerungen")


def test_verb_second_content_whose_article_was_tagged_as_a_relative_pronoun(run_de):
    text = ("Bei ihrem Auftritt in Brüssel bei einem Treffen der Außenminister sagte Weber, "
            "die USA hielten sich an die Konvention, sowohl im Inland als auch im Ausland.")
    (att,) = run_de(text).attributions
    assert (att.quote.kind, att.speaker.text) == ("indirect", "Weber")
    assert att.quote.text.startswith("die USA hielten")


def test_a_source_phrase_before_the_cue_relays_the_subjects_report(run_de):
    text = "Laut BBC News sagte der Minister, dass zehn Millionen Dollar investiert werden sollen."
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.mediator.text) == ("der Minister", "BBC News")


@pytest.mark.parametrize("text, speaker", [
    ("The Halvard Group said in a statement Saturday that it would close the plant.", "The Halvard Group"),
    ("In a written statement, Ms. Brodeur said that the survey was flawed.", "Ms. Brodeur"),
    ("In a statement Thursday, the spokesman Tom Yarrow said, \u201cWe will not comment.\u201d", "the spokesman Tom Yarrow"),
])
def test_the_speakers_own_statement_relays_nothing(run_en, text, speaker):
    # a noun of the speaker's own speech, naming no one, is how they spoke, not who passed it on
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.mediator) == (speaker, None)


def test_a_statement_that_names_its_author_still_relays(run_en):
    text = "According to a statement from the Dorrow Institute, the mayor said that the bridge was safe."
    (att,) = run_en(text).attributions
    assert (att.speaker.text, att.mediator.text) == ("the mayor", "a statement from the Dorrow Institute")


@pytest.mark.parametrize("text, quote", [
    # a particle verb's infinitive with "zu" inside, tagged as a bare infinitive
    ("Die Verbände forderten die Bundesregierung auf, die Bekämpfung des Terrorismus nicht auf Kosten "
     "der Bürgerrechte voranzutreiben.", "die Bekämpfung des Terrorismus nicht auf Kosten der Bürgerrechte voranzutreiben"),
    # an infinitive with "zu" after a speech noun
    ("Die Kundgebung endete mit dem Appell, die Wahrheit über die Atomenergie unter allen Menschen zu verbreiten.",
     "die Wahrheit über die Atomenergie unter allen Menschen zu verbreiten"),
])
def test_an_infinitive_with_zu_is_reported_content(run_de, text, quote):
    assert [a.quote.text for a in run_de(text).attributions] == [quote]


def test_content_with_a_quote_inside_is_one_report_with_the_quote_nested(run_de):
    # the parser may end a "sentence" at the comma after the cue; no sentence ends with a comma
    text = ("Die Abgeordnete Petra Lindner erklärte, Hofmann sei „der Liebling der Waffenlobby, und das "
            "vertritt nicht die Stadt Kassel“ und kündigte an, gegen ihn anzutreten.")
    atts = run_de(text).attributions
    report = next(a for a in atts if a.cue is not None and a.cue.lemma == "erklären" and a.quote.kind == "indirect")
    assert report.quote.text.startswith("Hofmann sei „der Liebling") and report.quote.text.endswith("Kassel“")
    assert report.speaker.text == "Die Abgeordnete Petra Lindner"


@pytest.mark.parametrize("text, quote", [
    # "und" and a verb in the indicative with no subject of its own: the frame goes on
    ("An die Verbände gewandt sagte Brandt, sie müssten ihre Zurückhaltung aufgeben und verließ den Saal.",
     "sie müssten ihre Zurückhaltung aufgeben"),
    # a verb in Konjunktiv after "und" goes on reporting
    ("Brandt sagte, die Verbände müssten ihre Zurückhaltung aufgeben und sollten bald handeln.",
     "die Verbände müssten ihre Zurückhaltung aufgeben und sollten bald handeln"),
    # a dass clause whose verb came before the comma is complete: a finite verb after it
    # opens the main clause of a frame that began with a subordinate clause
    ("Als die Ministerin Vera Holm am Montag sagte, dass die Streiks keine Krise seien, meinte sie damit die Häfen.",
     "dass die Streiks keine Krise seien"),
    # the verb of the dass clause after a relative clause: the content goes on
    ("Holm sagte, dass das, was die Verbände forderten, stimmt.",
     "dass das, was die Verbände forderten, stimmt"),
])
def test_a_main_clause_coordinated_after_the_content_is_the_frames(run_de, text, quote):
    assert [a.quote.text for a in run_de(text).attributions if a.quote.kind == "indirect"] == [quote]


@pytest.mark.parametrize("text, report, fragment", [
    ("Vertreter der Parteien warnten vor Gewalt. Er sagte, „Sperrzonen“ dürfe es nicht geben.",
     "„Sperrzonen“ dürfe es nicht geben", "„Sperrzonen“"),
    # the verb's particle after a bracket: "warf … (Partei) vor" is vorwerfen
    ("Sie warf dem Innenminister Jonas Brenner (SPD) vor, „die Daten aller Bürger“ zu missbrauchen.",
     "„die Daten aller Bürger“ zu missbrauchen", "„die Daten aller Bürger“"),
])
def test_a_quote_opening_the_reported_clause_is_nested_in_the_report(run_de, text, report, fragment):
    atts = run_de(text).attributions
    outer = next(a for a in atts if a.quote.kind == "indirect")
    inner = next(a for a in atts if a.quote.kind == "direct")
    assert (outer.quote.text, inner.quote.text) == (report, fragment)
    assert outer.speaker.text == inner.speaker.text and outer.cue.text == inner.cue.text


def test_the_verbs_particle_is_not_part_of_the_addressee(run_de):
    text = "Sie warf dem Innenminister Jonas Brenner (SPD) vor, die Daten aller Bürger zu missbrauchen."
    (att,) = run_de(text).attributions
    assert (att.cue.lemma, att.addressee.text) == ("vorwerfen", "dem Innenminister Jonas Brenner (SPD)")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_trailing_source_is_found_as_when_every_source_phrase_of_the_content_is_read(lang):
    # _trailing_source reads the content's source phrases only when a comma could open one
    from pathlib import Path

    from quotegraph.extract.doc_tables import reading
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.patterns.clauses import _trailing_source
    from quotegraph.extract.patterns.source_phrases import source_phrases_in
    from quotegraph.extract.phrases import sentences
    from quotegraph.extract.pipeline import make_nlp

    def every_phrase_read(content, lex):  # the rule without the shortcut
        doc = content.doc
        for sp in source_phrases_in(doc, content.start, content.end, lex):
            if (sp.source is not None and sp.phrase.start > content.start + 1 and doc[sp.phrase.start - 1].text == ","
                    and all(t.is_punct for t in doc[sp.phrase.end : content.end])):
                return sp
        return None

    lex = load_lexicon(lang)
    written = {"en": "The harbor will stay closed, according to Reuters. It rained, he said, as reported by the BBC.",
               "de": "Der Hafen bleibe zu, laut der Agentur Nordpress. Es regnete, den Polizeiangaben zufolge."}[lang]
    examples = Path(__file__).resolve().parents[3] / "quotegraph" / "examples"
    texts = [written] + [p.read_text(encoding="utf-8") for p in sorted(examples.glob(f"*.{lang}.txt"))]
    found = 0
    for doc in make_nlp(lang, learned=False).pipe(texts, disable=["qg_attribution"]):
        with reading(doc):
            for sent in sentences(doc):
                for start in range(sent.start, sent.end):
                    for end in range(start + 1, min(sent.end, start + 25) + 1):
                        content = doc[start:end]
                        expected = every_phrase_read(content, lex)
                        assert _trailing_source(content, lex) == expected
                        found += expected is not None
    assert found, "the texts hold trailing source phrases"


def test_verb_second_content_ends_where_a_coordinated_report_of_another_speaker_begins(run_de):
    # ", doch ein Sprecher erklärte, …": a subject and a reporting verb in the indicative open a new report
    text = ("Der Präsident sagte vor der Presse, der Minister sei tot, doch ein Sprecher der Regierung erklärte, "
            "den Tod nicht bestätigen zu können.")
    first = run_de(text).attributions[0]
    assert (first.quote.text, first.speaker.text) == ("der Minister sei tot", "Der Präsident")
