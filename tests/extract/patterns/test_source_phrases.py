"""Tests of :mod:`quotegraph.extract.patterns.source_phrases`: the extent of a source phrase: laut X, X
zufolge, nach Angaben von X, according to X (invented sentences, rules only)."""

import pytest


# German


def test_source_phrase_stops_where_the_next_noun_phrase_begins(run_de):
    text = "Die Firma plant nach Angaben der Gewerkschaft den Abbau von rund 3.000 Arbeitsplätzen."
    speakers = [a.speaker.text for a in run_de(text).attributions if a.speaker]
    assert len(speakers) == 1 and speakers[0].endswith("der Gewerkschaft")  # not "… den Abbau"


@pytest.mark.parametrize("text, source", [
    ("Laut „Nordpost Online“ liefen hunderte Mönche um die Pagode.", "„Nordpost Online“"),
    ("Laut der Agentur „Nordpress“ liefen hunderte Mönche um die Pagode.", "der Agentur „Nordpress“"),
])
def test_a_source_named_in_quotation_marks(run_de, text, source):
    (att,) = run_de(text).attributions  # the quoted name is no quote of its own
    assert (att.cue.text, att.speaker.text) == ("Laut", source)


def test_a_source_after_von_keeps_its_apposition(run_de):
    text = "Nach Angaben von Jon Einarsson, einem Manager der Firma, wurde eine Schiffsbesatzung zusammengestellt."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Angaben von Jon Einarsson, einem Manager der Firma"
    assert att.quote.text.startswith("wurde eine Schiffsbesatzung")


@pytest.mark.parametrize("text, source", [
    ("Bei dem Unglück sind nach Angaben der Feuerwehr 40 Menschen ums Leben gekommen.", "Angaben der Feuerwehr"),
    # the adverb that rounds the number opens the counted phrase too
    ("Heute demonstrierten nach Angaben der Veranstalter rund 7.000 Menschen gegen das Treffen.",
     "Angaben der Veranstalter"),
    # the recogniser took the counted noun into the source's name ("Behördenangaben 62 Personen")
    ("An Bord waren nach Behördenangaben 62 Personen, darunter zwölf Kinder.", "Behördenangaben"),
])
def test_a_source_phrase_stops_before_a_counted_noun(run_de, text, source):
    (att,) = run_de(text).attributions
    assert att.speaker.text == source


@pytest.mark.parametrize("text, source", [
    ("Die Forscher stellten die Studie vor. Nach deren Angaben sollten täglich Nüsse gegessen werden.", "deren Angaben"),
    ("Der Wirt rief die Polizei. Nach dessen Angaben war der Mann bewaffnet.", "dessen Angaben"),
])
def test_a_relative_or_demonstrative_possessive_opens_a_source_phrase(run_de, text, source):
    att = next(a for a in run_de(text).attributions if a.cue.text == "Nach")
    assert att.speaker.text == source and att.quote.text.startswith(("sollten", "war"))


@pytest.mark.parametrize("text, content, source", [
    ("Dem Vernehmen nach soll der Minister im Frühjahr zurücktreten.",
     "soll der Minister im Frühjahr zurücktreten", "Dem Vernehmen"),
    ("Dort treffen sich dem Vernehmen nach zunehmend betrunkene Gruppen.",
     "Dort treffen sich dem Vernehmen nach zunehmend betrunkene Gruppen", "dem Vernehmen"),
    ("Nach einem EU-Dokument leben die Roma in Armut.", "leben die Roma in Armut", "einem EU-Dokument"),
    ("Nach Grupps Meinung werden im Größenwahn Entscheidungen getroffen.",
     "werden im Größenwahn Entscheidungen getroffen", "Grupps Meinung"),  # a name in the genitive before the noun
    ("Nach dem Grundgesetz ist der Kanzler mit den meisten Vollmachten ausgestattet.",
     "ist der Kanzler mit den meisten Vollmachten ausgestattet", "dem Grundgesetz"),
])
def test_nach_with_a_document_or_statement_noun(run_de, text, content, source):
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.cue.text.lower(), att.speaker.text) == (content, "nach", source)


def test_nach_after_a_noun_that_opens_its_own_object_is_no_source(run_de):
    assert run_de("Der Bote schickte den Bericht nach Rom.").attributions == ()


def test_nach_before_an_adverb_of_direction_is_no_source(run_de):
    # "Sicht" may be a source noun ("meiner Sicht nach"); "nach vorne" is where one sees
    assert run_de("Bei Nebel sei die Sicht nach vorne stark eingeschränkt.").attributions == ()


@pytest.mark.parametrize("text, cue, source, content_end", [
    ("Die Inflation wird nach der Vorhersage der Zentralbank im Jahr 2021 bei 51 Prozent liegen.",
     "nach", "der Vorhersage der Zentralbank", "bei 51 Prozent liegen"),
    # a source after "laut" ends before a lower-case adjective, which opens the claim's next phrase
    ("Die Spenden kamen laut Polizei armen Familien zugute.", "laut", "Polizei", "armen Familien zugute"),
    ("Alle sind laut BBC britische Staatsbürger.", "laut", "BBC", "britische Staatsbürger"),
    # a name keeps its capitalised adjective
    ("Laut Zeitung Neue Presse ist der Hafen geschlossen.", "Laut", "Zeitung Neue Presse", "ist der Hafen geschlossen"),
])
def test_a_source_phrase_inside_the_claim(run_de, text, cue, source, content_end):
    (att,) = run_de(text).attributions
    assert (att.cue.text, att.speaker.text) == (cue, source) and att.quote.text.endswith(content_end)


# English


@pytest.mark.parametrize(
    "text, content, source",
    [
        ("According to conservative radio host Rush Limbaugh, the move reeks of fear.",
         "the move reeks of fear", "conservative radio host Rush Limbaugh"),
        ("About ten million single mothers live in the country, according to federal statistics.",
         "About ten million single mothers live in the country", "federal statistics"),
    ],
)
def test_according_to_a_source_opening_with_an_adjective(run_en, text, content, source):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, source)


@pytest.mark.parametrize(
    "text, content, source",
    [
        ("The ferry had run on time since 2004, according to a count by the harbor authority.",
         "The ferry had run on time since 2004", "a count by the harbor authority"),
        ("The pilot had flown for the airline since 2004, according to his online profile.",
         "The pilot had flown for the airline since 2004", "his online profile"),
    ],
)
def test_according_to_keeps_the_whole_source_phrase(run_en, text, content, source):
    (att,) = run_en(text).attributions
    assert (att.quote.text, att.speaker.text) == (content, source)


@pytest.mark.parametrize("text, source, content", [
    # a source phrase opening the sentence fills the place before the finite verb: a genitive
    # without an article, a name after "ohne", a second space all belong to it
    ("Nach Angaben libanesischer Sicherheitskreise seien drei Menschen getötet worden.",
     "Angaben libanesischer Sicherheitskreise", "seien drei Menschen getötet worden"),
    ("Nach Meinung vieler Experten und Fans sei das Spiel verloren.", "Meinung vieler Experten und Fans", "sei das Spiel verloren"),
    ("Nach Angaben der Hilfsorganisation Ärzte ohne Grenzen seien drei Menschen gestorben.",
     "Angaben der Hilfsorganisation Ärzte ohne Grenzen", "seien drei Menschen gestorben"),
])
def test_a_source_phrase_before_the_finite_verb_runs_up_to_it(run_de, text, source, content):
    (att,) = run_de(text).attributions
    assert (att.speaker.text, att.quote.text) == (source, content)


@pytest.mark.parametrize("text, source", [
    # an adjective after the source's noun opens the claim's object: "ihrem Sprecher" is no
    # article of an extended attribute "[Sprecher starken]"
    ("Die Initiative hatte laut ihrem Sprecher starken Zulauf.", "ihrem Sprecher"),
    ("Trotzdem würden laut Hauptmann Karl Brenner von der Bundeswehr gute Fortschritte gemacht.",
     "Hauptmann Karl Brenner von der Bundeswehr"),
])
def test_a_source_phrase_ends_before_an_adjective_opening_the_next_phrase(run_de, text, source):
    (att,) = run_de(text).attributions
    assert att.speaker.text == source


@pytest.mark.parametrize("text, source", [
    # a number counting the noun after it opens the claim's subject, even where the recogniser
    # ran the name into it
    ("In Norddorf verfügen nach Aussagen des Statistischen Landesamtes 13 Prozent der Bewohner über kein Auto.",
     "Aussagen des Statistischen Landesamtes"),
    ("Bei dem Unglück kamen nach Angaben der Behörden 62 Personen ums Leben.", "Angaben der Behörden"),
])
def test_a_source_phrase_ends_before_a_number_counting_the_next_noun(run_de, text, source):
    (att,) = run_de(text).attributions
    assert att.speaker.text == source


def test_a_source_phrase_ends_before_a_count_after_a_name(run_de):
    text = "Der Putsch wurde laut Nordfunk von rund 10.000 Menschen mit Jubel begrüßt."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Nordfunk"


def test_a_source_before_zufolge_starts_after_the_clauses_predicate(run_de):
    # the tagger took "gewinnen", the root, for an adjective
    text = "Auch die Rebellengruppen gewinnen Medienberichten zufolge an Einfluss im Land."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Medienberichten"


def test_a_source_phrase_ends_before_a_phrase_in_the_nominative(run_de):
    # "der" before a masculine singular noun is its nominative, no genitive of the source noun
    text = "Nach dem Tod des Königs müsste laut Verfassung der Parlamentspräsident das Amt übernehmen."
    (att,) = run_de(text).attributions
    assert att.speaker.text == "Verfassung"


def test_a_source_phrase_ends_before_a_word_tagged_as_a_finite_verb():
    # the tagger's part of speech may call the verb an adjective; its fine tag still says finite verb
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.patterns.source_phrases import source_phrase

    words = ["Nach", "Aussagen", "von", "Jonas", "Brenner", "bringe", "die", "Entscheidung", "Klarheit", "."]
    pos = ["ADP", "NOUN", "ADP", "PROPN", "PROPN", "ADJ", "DET", "NOUN", "NOUN", "PUNCT"]
    tags = ["APPR", "NN", "APPR", "NE", "NE", "VVFIN", "ART", "NN", "NN", "$."]
    lemmas = ["nach", "Aussage", "von", "Jonas", "Brenner", "bringen", "der", "Entscheidung", "Klarheit", "."]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags, lemmas=lemmas)
    sp = source_phrase(doc, 0, load_lexicon("de"), 0, len(doc))
    assert sp.source.text == "Aussagen von Jonas Brenner"


def test_a_source_phrase_ends_before_a_verb_the_tagger_took_for_a_predicative_adjective():
    # "plant[ADJD] das Ministerium": between a name and the article of the next phrase an ADJD
    # is the finite verb; a noun phrase holds none there
    import spacy
    from spacy.tokens import Doc

    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.patterns.source_phrases import source_phrase

    words = ["Nach", "Informationen", "des", "Senders", "Radio", "Ostwind", "plant", "das", "Ministerium", "mehr",
             "Personal", "."]
    pos = ["ADP", "NOUN", "DET", "NOUN", "PROPN", "PROPN", "ADJ", "DET", "NOUN", "DET", "NOUN", "PUNCT"]
    tags = ["APPR", "NN", "ART", "NN", "NE", "NE", "ADJD", "ART", "NN", "PIAT", "NN", "$."]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags)
    sp = source_phrase(doc, 0, load_lexicon("de"), 0, len(doc))
    assert sp.source.text == "Informationen des Senders Radio Ostwind"


def test_the_misread_verb_is_read_so_in_a_whole_sentence(run_de):
    (att,) = run_de("Nach Informationen des Senders Radio Ostwind plant das Ministerium zudem mehr Personal.").attributions
    assert att.speaker.text == "Informationen des Senders Radio Ostwind"
    assert att.quote.text == "plant das Ministerium zudem mehr Personal"


@pytest.mark.parametrize("text", [
    "The ferry ticket costs twelve dollars per passenger.",
    "Harbor traffic grew nearly 11 percent per year in the last decade.",
    "Income per capita doubled in the harbor towns.",
])
def test_per_before_a_unit_is_a_rate_not_a_source(run_en, text):
    assert not [a for a in run_en(text).attributions if a.cue is not None and a.cue.text == "per"]


@pytest.mark.parametrize("text, source", [
    ("The ferry ticket costs twelve dollars per passenger, per the harbor authority.", "the harbor authority"),
    ("Harbor traffic grew nearly 11 percent per year, per Coastline Radio.", "Coastline Radio"),
])
def test_per_before_an_article_or_a_name_is_a_source(run_en, text, source):
    (att,) = [a for a in run_en(text).attributions if a.cue is not None and a.cue.text == "per"]
    assert att.speaker.text == source
