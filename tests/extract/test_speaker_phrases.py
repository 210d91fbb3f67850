"""The speaker phrase as the rules read it: its bounds (quotegraph.extract.speaker_bounds) and
who the grammar names as the speaker (issue #26), in sentences written for it; the entity each
phrase resolves to is tested in test_speaker_challenge.py."""

import pytest

from quotegraph.extract.attributes import in_extended_attributes
from quotegraph.extract.doc_tables import reading
from quotegraph.extract.pipeline import make_nlp

# Bounds of the speaker phrase (quotegraph.extract.speaker_bounds)

BOUNDS = [
    ("de", "Die Grenze bleibe offen, sagte auch Innenminister Jonas Feld.", "Die Grenze bleibe offen",
     "Innenminister Jonas Feld"),
    ("de", "Die Kanadier hingegen erklärten, sie seien zufrieden.", "sie seien zufrieden", "Die Kanadier"),
    ("de", "Laut einem Bericht der „Weser Rundschau“ ist der Dienst eingestellt worden.", "ist der Dienst eingestellt",
     "einem Bericht der „Weser Rundschau“"),
    ("de", "Wie die „Computerwoche“ berichtet, sei der Dienst eingestellt worden.", "sei der Dienst eingestellt",
     "die „Computerwoche“"),
    # an outlet's lower-case name in quotation marks, which the tagger does not read as a name
    ("de", "Wie die „nordpost“ berichtet, sei der Dienst eingestellt worden.", "sei der Dienst eingestellt",
     "die „nordpost“"),
    ("de", "Wie „nordblick online“ berichtet, sei der Dienst eingestellt worden.", "sei der Dienst eingestellt",
     "„nordblick online“"),
    ("de", "Laut „nordblick online“ ist der Dienst eingestellt worden.", "ist der Dienst eingestellt",
     "„nordblick online“"),
    ("de", "Ursula Brandt, die Leiterin der Fachstelle für Suchtvorbeugung, sagte, die Zahlen seien gestiegen.",
     "die Zahlen seien gestiegen", "Ursula Brandt, die Leiterin der Fachstelle für Suchtvorbeugung"),
    ("en", "Even the governor said the budget was too small.", "the budget was too small", "the governor"),
    # the verb's object the parse hung on the speaker is no part of it
    ("de", "„Die Beihilfe ist selbst ein Delikt“, begründet das Gericht seine Entscheidung für den Freispruch.",
     "„Die Beihilfe ist selbst ein Delikt“", "das Gericht"),
    # a name the tokenizer split at its apostrophe stays whole
    ("de", "„Sie seien außer Lebensgefahr“, sagte Mark O’Kelly am Abend.", "„Sie seien außer Lebensgefahr“",
     "Mark O’Kelly"),
    # a phrase naming where the speaker belongs is part of it; the occasion of the words is not
    ("de", "Die Preise würden steigen, sagte Lena Vogt vom Sender Radio Nordlicht.", "Die Preise würden steigen",
     "Lena Vogt vom Sender Radio Nordlicht"),
    ("de", "Die Gefahr sei gering, teilte die Gesundheitsbehörde in Kassel mit.", "Die Gefahr sei gering",
     "die Gesundheitsbehörde in Kassel"),
    ("de", "Die Gefahr sei gering, sagte der Minister am Montag.", "Die Gefahr sei gering", "der Minister"),
    ("de", "Die Gefahr sei gering, sagte er vom Podium in Kassel.", "Die Gefahr sei gering", "er"),
    ("de", "Die Gefahr sei gering, sagte der Minister in einem Interview.", "Die Gefahr sei gering", "der Minister"),
    ("de", "Die Gefahr sei gering, sagte die Ministerin in ihrer Neujahrsansprache.", "Die Gefahr sei gering",
     "die Ministerin"),
    # English: the medium of the words after the speaker's apposition or name, not the noun a
    # phrase of speech modifies
    ("en", "\"Workers pay for our mistakes,\" said Ray Odum, a steward with the Harbor Workers Union, in a phone "
     "interview.", "\"Workers pay for our mistakes,\"", "Ray Odum, a steward with the Harbor Workers Union"),
    ("en", "\"The rise is real,\" said a scholar of the increase in hate speech.", "\"The rise is real,\"",
     "a scholar of the increase in hate speech"),
    # after a person's name (its surname tagged a noun or not), a bare phrase of an adjective and a
    # noun says how, not where the person belongs
    ("de", "„Wir schließen die Redaktion“, erklärte Verlagsleiter Jan Moll aus heiterem Himmel.",
     "„Wir schließen die Redaktion“", "Verlagsleiter Jan Moll"),
    ("de", "„Wir schließen die Redaktion“, erklärte Verlagsleiter Jan Moll aus Kassel.",
     "„Wir schließen die Redaktion“", "Verlagsleiter Jan Moll aus Kassel"),
    # a phrase that says when the words were said ("nach", "während")
    ("de", "Die Gefahr sei gering, sagte die Ministerin nach der Sitzung.", "Die Gefahr sei gering", "die Ministerin"),
    ("de", "„Wir haben gekämpft“, sagte der Kapitän der Mannschaft nach dem Abpfiff.", "„Wir haben gekämpft“",
     "der Kapitän der Mannschaft"),
    # an apposition after the speaker is part of it, not the start of the content
    ("de", "Nach Angaben von Peter Kunz, dem Dekan, befanden sich zwölf Studenten im Gebäude.",
     "befanden sich zwölf Studenten im Gebäude", "Angaben von Peter Kunz, dem Dekan"),
    ("de", "Am Montag meldete der regionale Sender, Radio Nordlicht, dass die Brücke gesperrt werde.",
     "dass die Brücke gesperrt werde", "der regionale Sender, Radio Nordlicht"),
    # a phrase with no article after a pointer's cue the tagger read as an adjective: its adjectives are part of it
    ("de", "Die Fähre sei vor der Küste gesunken. Das berichten griechische Medien.", "Die Fähre sei vor der Küste gesunken",
     "griechische Medien"),
    ("de", "Im Hafen seien drei Schiffe beschädigt worden. Das berichteten örtliche Zeitungen.",
     "Im Hafen seien drei Schiffe beschädigt worden", "örtliche Zeitungen"),
    # a passive cue's words stand in the document named before it; "wie aus …" names the source
    ("de", "In einem Bericht der Zeitung Nordblatt wurde vermutet, dass niemand überlebt habe.",
     "dass niemand überlebt habe", "einem Bericht der Zeitung Nordblatt"),
    ("de", "So wird in einer Pressemitteilung des Vereins gefordert, dass die Stadt handelt.",
     "dass die Stadt handelt", "einer Pressemitteilung des Vereins"),
    ("de", "Wie aus einer Mitteilung der Schutztruppe hervorgeht, wurden fünf Zivilisten getötet.",
     "wurden fünf Zivilisten getötet", "einer Mitteilung der Schutztruppe"),
    ("de", "Der Verein plant eine neue Satzung. Dies geht aus einer Pressemitteilung des Vereins hervor.",
     "Der Verein plant eine neue Satzung", "einer Pressemitteilung des Vereins"),
    # an apposition however long its words before the head, and a relative clause on the name
    ("en", "Tom Ryan, a policy-focused conservative, said the party must change.", "the party must change",
     "Tom Ryan, a policy-focused conservative"),
    ("en", '"We have to win this state," said Carl Dunn, a local party leader who is running for the seat.',
     "We have to win this state", "Carl Dunn, a local party leader who is running for the seat"),
    ("en", '"It is a mess," said Roy Neal, who managed the campaign in 1992.', "It is a mess",
     "Roy Neal, who managed the campaign in 1992"),
    # a relative clause that reports words of its own says what the speaker said elsewhere
    ("en", "Mara Quist, who said last week that she would run, told voters the race was open.",
     "the race was open", "Mara Quist"),
    ("en", '"We will not wait," said Ben Orlov, who warned in May that the dam would fail.', "We will not wait",
     "Ben Orlov"),
    # the apposition may end in a place or body it belongs to
    ("de", "Nach Ansicht von Senator Jan Dorn, Vorsitzender des Finanzausschusses im Landtag, ist die Reform nötig.",
     "ist die Reform nötig", "Ansicht von Senator Jan Dorn, Vorsitzender des Finanzausschusses im Landtag"),
    # an outlet or organisation noun keeps the title it introduces, lower case or in wiki marks
    ("de", "Laut einem Test des Magazins „rad, ski und berg“ gibt es nur wenige sichere Helme.",
     "gibt es nur wenige sichere Helme", "einem Test des Magazins „rad, ski und berg“"),
    ("de", "Die Ernte sei verloren. Das berichtet die Tageszeitung ''El Norte''.", "Die Ernte sei verloren",
     "die Tageszeitung ''El Norte''"),
    ("de", "„Die Bilder sind echt“, so der Mitarbeiter der Produktionsfirma „Blaue Welle“ gegenüber der Zeitung.",
     "„Die Bilder sind echt“", "der Mitarbeiter der Produktionsfirma „Blaue Welle“"),
    # a reflexive phrase after the speaker is the verb's
    ("de", "Jegliche Mitverantwortung für die Affäre im Bezirk weist Brenner von sich: „Diese Verantwortung kann "
     "nur der Vorsitzende übernehmen.“", "„Diese Verantwortung", "Brenner"),
]


@pytest.mark.parametrize("lang, text, quote, speaker", BOUNDS, ids=[b[1][:40] for b in BOUNDS])
def test_speaker_phrase_bounds(run_de, run_en, lang, text, quote, speaker):
    result = (run_de if lang == "de" else run_en)(text)
    att = next(a for a in result.attributions if quote in a.quote.text)
    assert att.speaker.text == speaker
    assert att.speaker.end <= att.quote.start or att.quote.end <= att.speaker.start  # apart


def test_a_quote_joined_over_its_frame_leaves_the_speaker_its_apposition(run_en):
    text = ("''Some courses are adapting,'' said Paul Chipman, a lawyer in Orlando who works on land use. "
            "''It costs $100,000 a month to run a course.''")
    (att,) = run_en(text).attributions
    assert att.quote.text.endswith("run a course.''")  # joined: the frame lies inside
    assert att.speaker.text == "Paul Chipman, a lawyer in Orlando who works on land use"


# Who the grammar names as the speaker (issue #26): the phrase, as the rules read it

SPEAKER_PHRASES = [
    # a demonstrative stands for the person named before it
    ("de", "Der Anwalt verwies auf einen Zeugen. Dieser behauptete, der Angeklagte sei unschuldig.",
     "der Angeklagte sei unschuldig", "Dieser"),
    # a fronted object and a pronoun subject after the verb (object, verb, subject)
    ("de", "Die Pläne der Regierung kritisierte er mit den Worten: „Das ist ein Fehler.“", "Das ist ein Fehler", "er"),
    ("de", "Die Demonstranten warnte er, die Lage sei gefährlich.", "die Lage sei gefährlich", "er"),
    # of two phrases the parser took for the subject, the one whose article shows the nominative
    ("de", "Die praktische Anwendung der neuen Regel stellte der Vorsitzende Franz Berger ebenfalls in Frage: "
     "„Die Anwendung ist falsch.“", "Die Anwendung ist falsch", "der Vorsitzende Franz Berger"),
    # the tagger's accusative "subject" after the verb and its nominative "object" before it swap
    ("de", "Die Firma empfindet die Kritik allerdings als ungerechtfertigt: „Wir haben nichts falsch gemacht.“",
     "Wir haben nichts falsch gemacht", "Die Firma"),
    # a fronted adverb the tagger read as a noun opening the sentence, and a bare name after the verb
    ("de", "Relativierend fügt Gall hinzu: „Allerdings darf man nicht übertreiben.“", "Allerdings darf man nicht",
     "Gall"),
    # a phrase opening with a preposition is no subject
    ("de", "Gegenüber dem Sender erklärte sie: „Wir bleiben hier.“", "Wir bleiben hier", "sie"),
    # the agent of a passive cue speaks, the passive subject is the one addressed
    ("de", "Von der Gewerkschaft wurde kritisiert, dass die Löhne zu niedrig seien.", "dass die Löhne zu niedrig seien",
     "der Gewerkschaft"),
    ("de", "Zudem wurde die Regierung vom Bauernverband aufgefordert, die Hilfen zu verlängern.",
     "die Hilfen zu verlängern", "Bauernverband"),
    # an impersonal "es heißt": the document named by "in" speaks, after the verb or with an auxiliary
    ("de", "So heißt es in der Erklärung: „Wir fordern eine Aufklärung.“", "Wir fordern eine Aufklärung",
     "der Erklärung"),
    ("de", "In dem ersten Bericht hatte es geheißen, dass die Brücke gesperrt werde.", "dass die Brücke gesperrt werde",
     "dem ersten Bericht"),
    # the clause before a colon that opens a quote frames it, whatever its verb
    ("de", "Bei der Anhörung sparte die Ministerin nicht mit Kritik: „Das Gesetz kommt zu spät.“",
     "Das Gesetz kommt zu spät", "die Ministerin"),
    # a demonstrative after "so"
    ("de", "Die Moderatorin Nova Berg verteilte Zettel. „Die Tiere leiden weiter.“, so letztere.", "Die Tiere leiden weiter",
     "letztere"),
    # an extended attribute between the article and its noun is part of the source's phrase
    ("de", "Laut einer am Montag verbreiteten Erklärung der Polizei wurden drei Räume verwüstet.",
     "wurden drei Räume verwüstet", "einer am Montag verbreiteten Erklärung der Polizei"),
    ("de", "Die Kosten seien zu hoch, so das Fazit eines gestern vorgelegten Gutachtens.", "Die Kosten seien zu hoch",
     "das Fazit eines gestern vorgelegten Gutachtens"),
    # a hyphenated compound with a lower-case first part is a noun, whatever its tag
    ("de", "Die Streiks sollen bis Freitag dauern, so ver.di-Sprecherin Jana Stein.", "Die Streiks sollen bis Freitag dauern",
     "ver.di-Sprecherin Jana Stein"),
    # a source phrase ends before the claim's own words: a phrase in another case than the
    # genitive after a source noun, a noun before the source noun of "zufolge"
    ("de", "Den Funden kommt nach Expertenmeinung große Bedeutung zu.", "große Bedeutung zu", "Expertenmeinung"),
    ("de", "Allein mit dem Handel nimmt die Bande Schätzungen zufolge jährlich 30 Millionen Euro ein.",
     "jährlich 30 Millionen Euro", "Schätzungen"),
    ("de", "Nach Angaben örtlicher Behörden starben drei Menschen.", "starben drei Menschen", "Angaben örtlicher Behörden"),
    # an abbreviation in brackets before "zufolge" closes the source's name
    ("de", "Einer Mitteilung des Bundes Deutscher Imker (BDI) zufolge ist die Ernte gering ausgefallen.",
     "ist die Ernte gering ausgefallen", "Einer Mitteilung des Bundes Deutscher Imker (BDI)"),
]


@pytest.mark.parametrize("lang, text, quote, speaker", SPEAKER_PHRASES, ids=[s[1][:40] for s in SPEAKER_PHRASES])
def test_speaker_phrase(run_de, run_en, lang, text, quote, speaker):
    result = (run_de if lang == "de" else run_en)(text)
    att = next((a for a in result.attributions if quote in a.quote.text), None)
    assert att is not None, [a.quote.text for a in result.attributions]
    assert att.speaker is not None and att.speaker.text == speaker


def test_a_speaker_phrase_that_cuts_a_name_takes_it_whole():
    import spacy
    from spacy.tokens import Span

    from quotegraph.extract.records import Attribution, Mention, Quote
    from quotegraph.extract.speaker_bounds import tidy_speakers

    doc = spacy.blank("de")("Das Lager sei voll, sagte Jens Wieseke gestern.")
    doc.ents = [Span(doc, 6, 8, label="PER")]  # "Jens Wieseke"
    cut = Mention("Wieseke", doc[7].idx, doc[7].idx + len("Wieseke"))
    att = Attribution("a", "", Quote("Das Lager sei voll", 0, 18), speaker=cut)
    assert tidy_speakers(doc, [att], frozenset())[0].speaker.text == "Jens Wieseke"


def test_a_cut_name_is_not_completed_over_lower_case_words_the_recogniser_ran_into_it():
    import spacy
    from spacy.tokens import Span

    from quotegraph.extract.records import Attribution, Mention, Quote
    from quotegraph.extract.speaker_bounds import tidy_speakers

    doc = spacy.blank("en")("Last week Stumpf said the bank would pay.")
    doc.ents = [Span(doc, 0, 3, label="PERSON")]  # "Last week Stumpf", misread as one name
    cut = Mention("Stumpf", doc[2].idx, doc[2].idx + len("Stumpf"))
    att = Attribution("a", "", Quote("the bank would pay", 22, 40), speaker=cut)
    assert tidy_speakers(doc, [att], frozenset())[0].speaker.text == "Stumpf"


def test_aus_names_a_source_only_where_it_opens_the_clause(run_de):
    text = ("So hat sich etwa die Landesvorsitzende des Lehrerverbands, Karin Brosig, gerade dieser Tage gegen die "
            "Konkurrenz aus der Nachbarschule ausgesprochen und behauptet, die neuen Kurse kämen nur durch Tricks zustande.")
    att = next(a for a in run_de(text).attributions if "Tricks" in a.quote.text)
    assert att.speaker is None or "Nachbarschule" not in att.speaker.text
    (att,) = run_de("Auch aus dem Ministerium verlautete, der Plan sei gescheitert.").attributions
    assert att.speaker.text == "aus dem Ministerium"


def _parsed(words, pos, heads, deps, ents=()):
    """A German Doc with the tags and the parse given (heads as absolute indices)."""
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, heads=heads, deps=deps)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _speaker_after_tidying(doc, speaker_words, quote_words):
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.records import Attribution, Mention, Quote
    from quotegraph.extract.speaker_bounds import tidy_speakers

    lex = load_lexicon("de")
    s0, s1 = speaker_words
    q0, q1 = quote_words
    sp = doc[s0:s1]
    q = doc[q0:q1]
    att = Attribution("a", "", Quote(q.text, q.start_char, q.end_char),
                      speaker=Mention(sp.text, sp.start_char, sp.end_char))
    return tidy_speakers(doc, [att], lex.speaker_edge_words, lex.affiliation_prepositions,
                         lex.conversation_nouns | lex.clause_nouns,
                         (lex.audience_prepositions | lex.addressee_prepositions, lex.addressee_nouns),
                         lex.name_prepositions)[0].speaker.text


# "Das sei falsch, sagte Lena Vogt vom Sender Nordlicht ." with the parser's usual reading: the
# phrase after the name hung on the verb
_AFFILIATION = (["Das", "sei", "falsch", ",", "sagte", "Lena", "Vogt", "vom", "Sender", "Nordlicht", "."],
                ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "PROPN", "PROPN", "ADP", "NOUN", "PROPN", "PUNCT"],
                [2, 2, 4, 2, 4, 4, 5, 8, 4, 8, 4],
                ["nsubj", "cop", "ccomp", "punct", "ROOT", "nsubj", "flat", "case", "obl", "appos", "punct"])


def test_a_phrase_naming_where_the_speaker_belongs_is_kept_whatever_the_parser_hangs_it_on():
    doc = _parsed(*_AFFILIATION, ents=[(5, 7, "PER")])
    assert _speaker_after_tidying(doc, (5, 7), (0, 3)) == "Lena Vogt vom Sender Nordlicht"


def test_an_affiliation_needs_a_name_and_a_speaker_that_is_no_pronoun():
    words, pos, heads, deps = _AFFILIATION
    no_name = _parsed(words, pos[:9] + ["NOUN", "PUNCT"], heads, deps)  # "vom Sender Nordlicht" read as a noun
    assert _speaker_after_tidying(no_name, (5, 7), (0, 3)) == "Lena Vogt"
    pronoun = _parsed(words[:5] + ["er", "dort"] + words[7:], pos[:5] + ["PRON", "ADV"] + pos[7:],
                      heads, deps[:6] + ["advmod"] + deps[7:])
    assert _speaker_after_tidying(pronoun, (5, 6), (0, 3)) == "er"


def test_the_occasion_of_the_words_is_no_part_of_the_speaker():
    # "Das sei falsch, sagte der Minister in einem Interview ." with the phrase hung on the speaker
    doc = _parsed(["Das", "sei", "falsch", ",", "sagte", "der", "Minister", "in", "einem", "Interview", "."],
                  ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                  [2, 2, 4, 2, 4, 6, 4, 9, 9, 6, 4],
                  ["nsubj", "cop", "ccomp", "punct", "ROOT", "det", "nsubj", "case", "det", "nmod", "punct"])
    assert _speaker_after_tidying(doc, (5, 10), (0, 3)) == "der Minister"


# "Das sei falsch, sagte Felix Brandt WORDS ." with the words after the name hung on it by the parser
@pytest.mark.parametrize("words, pos, speaker", [
    (["zur", "Sportschau"], ["ADP", "PROPN"], "Felix Brandt"),  # whom it was said to
    (["in", "Kassel"], ["ADP", "PROPN"], "Felix Brandt"),  # where
    (["telefonisch", "heute"], ["ADJ", "ADV"], "Felix Brandt"),  # how
    (["hat", "gestern"], ["AUX", "ADV"], "Felix Brandt"),  # the verb
    (["vom", "Verband"], ["ADP", "NOUN"], "Felix Brandt vom Verband"),  # where he belongs
    (["(", "SPD"], ["PUNCT", "PROPN"], "Felix Brandt ( SPD"),  # his party (words joined by spaces here)
    (["und", "Rolf"], ["CCONJ", "PROPN"], "Felix Brandt und Rolf"),  # and another speaker
    (["neuer", "Trainer"], ["ADJ", "NOUN"], "Felix Brandt neuer Trainer"),  # a genitive name before its noun
])
def test_words_that_cannot_modify_a_persons_name_are_no_part_of_the_speaker(words, pos, speaker):
    doc = _parsed(["Das", "sei", "falsch", ",", "sagte", "Felix", "Brandt", *words, "."],
                  ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "PROPN", "PROPN", *pos, "PUNCT"],
                  [2, 2, 4, 2, 4, 4, 5, 8, 6, 4],
                  ["nsubj", "cop", "ccomp", "punct", "ROOT", "nsubj", "flat", "case", "nmod", "punct"],
                  ents=[(5, 7, "PER")])
    assert _speaker_after_tidying(doc, (5, 9), (0, 3)) == speaker


def test_words_after_a_name_that_is_no_person_stay():
    doc = _parsed(["Das", "sei", "falsch", ",", "sagte", "die", "Behörde", "in", "Kassel", "."],
                  ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                  [2, 2, 4, 2, 4, 6, 4, 8, 6, 4],
                  ["nsubj", "cop", "ccomp", "punct", "ROOT", "det", "nsubj", "case", "nmod", "punct"],
                  ents=[(8, 9, "LOC")])
    assert _speaker_after_tidying(doc, (5, 9), (0, 3)) == "die Behörde in Kassel"


# A name in quotation marks that says where the speaker belongs is part of the speaker, no quote
QUOTED_NAMES = [
    ("Die Lage sei ernst, sagte Rolf Meier von der „Aktion Kinder helfen“ am Montag.", "Die Lage sei ernst",
     "Rolf Meier von der „Aktion Kinder helfen“"),
    ("„Wir helfen, wo wir können“, sagte Rolf Meier vom „Bündnis Nord“.", "Wir helfen, wo wir können",
     "Rolf Meier vom „Bündnis Nord“"),
]


@pytest.mark.parametrize("text, quote, speaker", QUOTED_NAMES, ids=[q[0][:40] for q in QUOTED_NAMES])
def test_a_quoted_name_in_the_speakers_phrase_is_no_quote(run_de, nlp_de_learned, text, quote, speaker):
    rules = run_de(text).attributions
    learned = nlp_de_learned(text)._.qg_attributions
    for attributions in (rules, learned):
        assert [a.quote.text.strip("„“") for a in attributions] == [quote]
        assert attributions[0].speaker.text == speaker


def test_a_quoted_phrase_after_a_verb_and_von_stays_a_quote(run_de):
    result = run_de("Die Kanzlerin sprach am Montag von einer „Wende in der Politik“.")
    assert any("Wende in der Politik" in a.quote.text for a in result.attributions)


def test_a_sentence_after_hearsay_does_not_take_the_hearsay_noun_as_its_speaker(run_de):
    result = run_de("Dem Vernehmen nach will der Trainer aufhören. Er sei müde und wolle mehr Zeit mit der Familie verbringen.")
    after = next(a for a in result.attributions if a.quote.text.startswith("Er sei müde"))
    assert after.speaker is None or "Vernehmen" not in after.speaker.text


def test_a_role_noun_takes_the_name_after_it_and_the_titles_between():
    words = ["Das", "sei", "gut", ",", "sagte", "Klinikdirektor", "Prof.", "Dr.", "Eva", "Brandt", "."]
    pos = ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "NOUN", "NOUN", "NOUN", "PROPN", "PROPN", "PUNCT"]
    heads = [2, 2, 4, 2, 4, 4, 5, 5, 5, 8, 4]
    deps = ["nsubj", "cop", "ccomp", "punct", "ROOT", "nsubj", "flat", "flat", "appos", "flat", "punct"]
    doc = _parsed(words, pos, heads, deps, ents=[(8, 10, "PER")])
    assert _speaker_after_tidying(doc, (5, 6), (0, 3)) == "Klinikdirektor Prof. Dr. Eva Brandt"
    unnamed = _parsed(words, pos, heads, deps)  # no person the recogniser knows: the role alone
    assert _speaker_after_tidying(unnamed, (5, 6), (0, 3)) == "Klinikdirektor"


def test_a_speaker_that_closes_a_quotation_mark_takes_the_one_that_opens_it():
    import spacy

    from quotegraph.extract.records import Attribution, Mention, Quote
    from quotegraph.extract.speaker_bounds import tidy_speakers

    doc = spacy.blank("de")("Das sei falsch, schrieb „Nordwerk“ im Forum.")
    start = doc.text.index("Nordwerk")
    att = Attribution("a", "", Quote("Das sei falsch", 0, 14), speaker=Mention("Nordwerk“", start, start + 9))
    assert tidy_speakers(doc, [att], frozenset())[0].speaker.text == "„Nordwerk“"


def test_a_speaker_phrase_ends_at_its_last_word_not_at_a_doubled_space():
    import spacy

    from quotegraph.extract.records import Attribution, Mention, Quote
    from quotegraph.extract.speaker_bounds import tidy_speakers

    doc = spacy.blank("de")("Die Ministerin Eva Brandt  sagte, das sei gut.")
    att = Attribution("a", "", Quote("das sei gut", 34, 45), speaker=Mention("Die Ministerin Eva Brandt  ", 0, 27))
    assert tidy_speakers(doc, [att], frozenset())[0].speaker.text == "Die Ministerin Eva Brandt"


@pytest.mark.parametrize("text, entity", [
    ("Der Verband lud den Bürgermeister Tom Kranz ein, der versprach, die Halle bis zum Sommer zu sanieren.", "Tom Kranz"),
    ("Den Antrag stellte die Partei Neue Mitte, die forderte, das Gesetz sofort zu ändern.", "Neue Mitte"),
])
def test_a_relative_pronoun_speaks_for_the_noun_phrase_before_its_comma(run_de, text, entity):
    (att,) = run_de(text).attributions
    assert att.speaker.entity == entity


def test_a_demonstrative_speaker_is_no_entity_of_its_own(run_de):
    (att,) = run_de("Die Firma verklagte einen Blogger. Dieser behauptete, er habe die Daten legal erhalten.").attributions
    assert att.speaker.text == "Dieser"
    assert att.speaker.entity is None


@pytest.mark.parametrize("attribute", ["am Montag verbreiteten", "am Montag in Berlin verbreiteten"])
def test_an_extended_attribute_leaves_the_speakers_entity_as_without_it(run_de, attribute):
    def entity(text):
        att = next(a for a in run_de(text).attributions if "drei Räume" in a.quote.text)
        return att.speaker.entity
    plain = entity("Laut einer Erklärung der Polizei wurden drei Räume verwüstet.")
    assert plain is not None and "Montag" not in plain
    assert entity(f"Laut einer {attribute} Erklärung der Polizei wurden drei Räume verwüstet.") == plain


@pytest.mark.parametrize("text, inside", [
    ("Laut einer am Montag in Berlin verbreiteten Erklärung der Polizei", ["am", "Montag", "in", "Berlin", "verbreiteten"]),
    ("Laut einer Erklärung der Polizei", []),
])
def test_extended_attributes_are_found_alike_while_the_doc_is_read(text, inside):
    # while a Doc is read, a phrase with no attributive adjective where one must stand is
    # passed over at once (a bisection): the answer is the one the tokens give
    doc = make_nlp("de", learned=False)(text)
    phrase = doc[1:]
    plain = in_extended_attributes(phrase)
    with reading(doc):
        assert in_extended_attributes(phrase) == plain
    assert sorted(doc[i].text for i in plain) == sorted(inside)


def test_a_speaker_phrase_that_opens_a_bracket_ends_after_it():
    import spacy

    from quotegraph.extract.speaker_bounds import speaker_bounds

    doc = spacy.blank("de")("Die Behörde für Luftfahrt (DGAC) gab den Grund an.")
    start, end = speaker_bounds(doc[0:6], frozenset())  # the span stops at "DGAC"
    assert doc.text[start:end] == "Die Behörde für Luftfahrt (DGAC)"


def test_an_abbreviation_in_brackets_after_a_name_is_part_of_the_speaker_phrase():
    import spacy

    from quotegraph.extract.speaker_bounds import speaker_bounds

    doc = spacy.blank("de")("Das Organisationskomitee (OK) der Weltmeisterschaft erklärte, die Karten seien wichtig.")
    start, end = speaker_bounds(doc[0:2], frozenset())
    assert doc.text[start:end] == "Das Organisationskomitee (OK)"
    doc = spacy.blank("de")("Die Ministerin (SPD-Fraktion) erklärte es.")  # a bracket that holds no alias
    start, end = speaker_bounds(doc[0:2], frozenset())
    assert doc.text[start:end] == "Die Ministerin"


# "WORDS Bürgermeister Lars Hembach sagte, die Brücke bleibe zu." with WORDS split off by the parser as
# a sentence of their own, as it does with a sentence's first word now and then
@pytest.mark.parametrize("words, pos, speaker", [
    (["Nordstadts"], ["PROPN"], "Nordstadts Bürgermeister Lars Hembach"),  # a genitive name before its noun
    (["Der", "neue"], ["DET", "ADJ"], "Der neue Bürgermeister Lars Hembach"),  # an article and an adjective
    (["Gestern"], ["ADV"], "Bürgermeister Lars Hembach"),  # an adverb is no part of the phrase
    (["Ja", "."], ["INTJ", "PUNCT"], "Bürgermeister Lars Hembach"),  # a sentence of its own
])
def test_words_the_parser_split_off_before_the_speaker_open_its_phrase(words, pos, speaker):
    n = len(words)
    doc = _parsed([*words, "Bürgermeister", "Lars", "Hembach", "sagte", ",", "die", "Brücke", "bleibe", "zu", "."],
                  [*pos, "NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADP", "PUNCT"],
                  [n - 1] * n + [n + 3, n, n + 1, n + 3, n + 3, n + 6, n + 7, n + 3, n + 7, n + 3],
                  ["dep"] * (n - 1) + ["ROOT", "nsubj", "appos", "flat", "ROOT", "punct", "det", "nsubj", "ccomp",
                                  "compound:prt", "punct"],
                  ents=[(n + 1, n + 3, "PER")])
    assert _speaker_after_tidying(doc, (n, n + 3), (n + 5, n + 9)) == speaker


def test_words_split_off_after_other_words_of_the_sentence_stay_out_of_the_speaker():
    # "Dann sagte Nordstadts | Bürgermeister …": the words before the phrase do not open the sentence
    doc = _parsed(["Dann", "lobte", "Nordstadts", "Bürgermeister", "Lars", "Hembach", "die", "Brücke", "."],
                  ["ADV", "VERB", "PROPN", "NOUN", "PROPN", "PROPN", "DET", "NOUN", "PUNCT"],
                  [1, 1, 1, 3, 3, 4, 7, 3, 3],
                  ["advmod", "ROOT", "nsubj", "ROOT", "appos", "flat", "det", "obj", "punct"],
                  ents=[(4, 6, "PER")])
    assert _speaker_after_tidying(doc, (3, 6), (6, 8)) == "Bürgermeister Lars Hembach"


def test_words_split_off_as_several_sentences_before_the_speaker_open_its_phrase():
    # "Regierungssprecher | Lars | Hembach sagte, …": the parser made each of the first two words a sentence
    doc = _parsed(["Regierungssprecher", "Lars", "Hembach", "sagte", ",", "die", "Brücke", "bleibe", "zu", "."],
                  ["NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADP", "PUNCT"],
                  [0, 1, 3, 3, 3, 6, 7, 3, 7, 3],
                  ["ROOT", "ROOT", "nsubj", "ROOT", "punct", "det", "nsubj", "ccomp", "compound:prt", "punct"],
                  ents=[(2, 3, "PER")])  # (the recogniser took the surname alone)
    assert _speaker_after_tidying(doc, (2, 3), (5, 9)) == "Regierungssprecher Lars Hembach"


def test_a_phrase_after_a_line_break_the_tagger_called_a_preposition_can_be_the_subject():
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.phrases import np_before

    import spacy
    from spacy.tokens import Doc

    words = ["Es", "regnete", ".", "\n\n", "Ministerin", "Lena", "Vogt", "erklärte", ",", "es", "sei", "kalt", "."]
    pos = ["PRON", "VERB", "PUNCT", "ADP", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"]
    spaces = [True, False, False, False, True, True, True, False, True, True, True, False, False]
    doc = Doc(spacy.blank("de").vocab, words=words, spaces=spaces, pos=pos)
    speaker = np_before(doc, 7, 3, load_lexicon("de"), subject=True)
    assert speaker is not None and speaker.text == "Ministerin Lena Vogt"
    words[3], spaces[3] = "von", True  # with a real preposition before it, the phrase is no subject
    doc = Doc(spacy.blank("de").vocab, words=words, spaces=spaces, pos=pos)
    assert np_before(doc, 7, 3, load_lexicon("de"), subject=True) is None


@pytest.mark.parametrize("coarse", ["DET", "NUM"])
def test_a_name_the_tagger_calls_a_noun_ends_the_phrase_whatever_its_coarse_part_of_speech(coarse):
    # "Dem Institut Sonnwald zufolge": the fine tag says proper noun, the coarse one determiner or number
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.phrases import np_before

    import spacy
    from spacy.tokens import Doc

    words = ["Dem", "Institut", "Sonnwald", "zufolge", "steigen", "die", "Preise", "."]
    pos = ["DET", "NOUN", coarse, "ADP", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["ART", "NN", "NE", "APPO", "VVFIN", "ART", "NN", "$."]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags)
    speaker = np_before(doc, 3, 0, load_lexicon("de"))
    assert speaker is not None and speaker.text == "Dem Institut Sonnwald"


# "Ministerin Lena Hembach (BRACKET)", the recogniser finding the bracket's name alone
@pytest.mark.parametrize("words, bracket, entity", [
    (["Ministerin", "Lena", "Hembach"], "NDP", "Lena Hembach"),  # a party: not the speaker's name
    (["der", "Nordstädter", "Verkehrsbund"], "NV", "NV"),  # an abbreviation of the name before it: its alias
])
def test_a_name_in_brackets_after_the_speakers_name_is_their_affiliation(words, bracket, entity):
    import spacy
    from spacy.tokens import Doc, Span

    from quotegraph.extract.head_names import name_in
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.span_index import DocEntities

    pos = ["DET" if words[0] == "der" else "NOUN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("de").vocab, words=[*words, "(", bracket, ")"], pos=pos)
    doc.ents = [Span(doc, 4, 5, label="ORG")]
    name = name_in(doc[0:6], load_lexicon("de"), DocEntities(doc))
    assert name is not None and name[0] == entity



@pytest.mark.parametrize("text, speaker, member", [
    ("Critics, including state Senator Tom Baker, said the levy would cost too much.",
     "Critics, including state Senator Tom Baker", "Baker"),
    ("Two unions, including the Harbour Workers Guild, said the strike would go on.",
     "Two unions, including the Harbour Workers Guild", "Guild"),
])
def test_members_set_off_in_an_english_subject_stay_in_it_but_do_not_speak(run_en, text, speaker, member):
    # PolNeAR keeps ", including X," in the source; the group speaks, not the member named
    (att,) = run_en(text).attributions
    assert att.speaker.text == speaker
    assert member not in (att.speaker.entity or "")


def test_a_genitive_after_an_alias_in_brackets_is_the_nouns_it_abbreviates():
    from quotegraph.extract.abbreviations import genitive_after_alias
    from quotegraph.extract.name_ends import with_alias

    # "das Organisationskomitee (OK) der Weltmeisterschaft betonte", the genitive hung on the verb
    words = ["das", "Organisationskomitee", "(", "OK", ")", "der", "Weltmeisterschaft", "betonte"]
    doc = _parsed(words, ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "VERB"],
                  [1, 7, 3, 6, 3, 6, 7, 7], ["det", "nsubj", "punct", "compound", "punct", "det", "obl", "ROOT"])
    genitives = frozenset({"der", "des"})
    assert genitive_after_alias(doc, 5, genitives)
    assert with_alias(doc, 2, genitives) == 7 and with_alias(doc, 2) == 5
    # an abbreviation that does not begin like the noun (a party) ends the phrase
    party = _parsed(["der", "Abgeordnete", "(", "CDU", ")", "der", "Zeitung", "sagte"],
                    ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "VERB"],
                    [1, 7, 3, 1, 3, 6, 7, 7], ["det", "nsubj", "punct", "appos", "punct", "det", "obl", "ROOT"])
    assert not genitive_after_alias(party, 5, genitives)
    assert with_alias(party, 2, genitives) == 5


def test_a_club_number_with_a_leading_zero_is_part_of_the_name():
    from quotegraph.extract.name_ends import with_club_number

    # "der Trainer von Eintracht 04 Neustadt sagte": the parser ended the phrase at "Eintracht"
    doc = _parsed(["der", "Trainer", "von", "Eintracht", "04", "Neustadt", "sagte"],
                  ["DET", "NOUN", "ADP", "PROPN", "NUM", "NOUN", "VERB"],
                  [1, 6, 3, 1, 5, 6, 6], ["det", "nsubj", "case", "nmod", "nummod", "obj", "ROOT"])
    assert with_club_number(doc, 4) == 6
    # a year after a name is no part of it
    year = _parsed(["Eintracht", "2010", "Neustadt"], ["PROPN", "NUM", "PROPN"], [0, 0, 0], ["ROOT", "nummod", "flat"])
    assert with_club_number(year, 1) == 1
