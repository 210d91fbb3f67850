"""A challenge set of speakers: sentences written for it, one construction each, with the
entity a reader expects the quote to be attributed to (None: no entity is right).

Pronouns go to the person in focus, definite descriptions to the name their role noun stood
beside, plural pronouns and unnamed groups to no entity, frames are not content, "demnach"
is a relay. Like the relay challenge it tests the grammar (the rules only, no learned part);
a construction not read yet is a strict ``xfail`` naming what is missing. The speaker phrase
itself (its bounds, who the grammar names) is tested in test_speaker_phrases.py.
"""

import pytest

# (language, text, words of the quote, expected speaker entity, what is missing if it fails)
CASES = [
    # reported mood after a sentence with a named subject of its own: that subject's view
    ("de", "Die Opposition sagte, der Plan sei falsch. Am Rande der Sitzung nahm auch Ministerpräsident "
     "Karl Weber zu der Frage Stellung. Jeder Lehrer könne das Konto jetzt oder später einlösen.",
     "Jeder Lehrer könne das Konto jetzt oder später einlösen", "Karl Weber", None),
    # ... also with no report before it, and after a copula ("ist besorgt")
    ("de", "Ministerpräsident Karl Weber ist besorgt. Der Konflikt sei nicht ethnisch, sondern persönlich motiviert.",
     "Der Konflikt sei nicht ethnisch, sondern persönlich motiviert", "Karl Weber", None),
    # the phrase opening the clause shows the nominative, the parser's subject after the verb no case
    ("de", "Der frühere Bürgermeister, Karl Brandt (SPD), warnte die CDU vor einem „populistischen Wahlkampf“.",
     "populistischen Wahlkampf", "Karl Brandt", None),
    # an adverbial phrase in the genitive is no subject; after a name, "der" opens the one addressed
    ("de", "Des Weiteren wirft die OSZE der Wahlkommission vor, nicht mit den Beobachtern zusammengearbeitet zu haben.",
     "nicht mit den Beobachtern zusammengearbeitet zu haben", "OSZE", None),
    ("de", "Wie Karl Brandt, ein Sprecher der Armee, der Presse mitteilte, seien neun Dörfer bombardiert worden.",
     "seien neun Dörfer bombardiert worden", "Karl Brandt", None),
    # a frame with no verb before the colon
    ("de", "Die Kommission schwieg. Erkki Lahtinen, Präsident des Rats der Europäischen Union: „Das Gesetz ist idiotisch.“",
     "Das Gesetz ist idiotisch.", "Erkki Lahtinen", None),
    # "aus" names a reason here, not an origin: the phrase after the verb is the subject the parser missed
    ("de", "Aus diesem Grund forderte die Resolution, genaue Informationen über das Thema zu sammeln.",
     "genaue Informationen über das Thema zu sammeln", "Resolution", None),
    # of two "subjects", the one that names someone speaks ("Die Zahl" is the object fronted)
    ("de", "Die Zahl der Toten bezifferte die Nachrichtenagentur Nordpress am Montag mit 13. Die Getöteten seien verbrannt worden.",
     "Die Getöteten seien verbrannt worden", "Nordpress", None),
    # a lone adverb before the verb, which the parser made the subject, gives way to the phrase after it
    ("de", "Zuletzt hatte Karl Brandt erklärt, der Plan sei gescheitert.", "der Plan sei gescheitert", "Karl Brandt", None),
    # pronouns: the person in focus, not the name mentioned last
    ("de", "Ministerin Clara Hartmann traf am Montag Tom Berger. „Wir bleiben standhaft“, sagte sie.",
     "Wir bleiben standhaft", "Clara Hartmann", None),
    ("de", "Minister Jan Kraus traf Anna Weiß in Rom. Er wies die Vorwürfe der Anwälte von Peter Lang zurück. "
     "„Wir bleiben standhaft“, sagte er.", "Wir bleiben standhaft", "Jan Kraus", None),
    ("de", "Der Trainer Lukas Brandt lobte die Abwehr von Tom Berger. Er sagte, die Mannschaft sei bereit.",
     "die Mannschaft sei bereit", "Lukas Brandt", None),
    ("de", "Die Polizei nahm Peter Lang am Montag fest. Er sagte, er sei unschuldig.",
     "er sei unschuldig", "Peter Lang", None),
    ("de", "Die Gewerkschaften kritisierten den Plan von Minister Jan Kraus. Sie sagten, er sei unsozial.",
     "er sei unsozial", None, None),
    ("en", "Minister John Kraus met Anna White in Rome. He rejected the claims of Peter Long's lawyers. "
     '"We stand firm," he said.', "We stand firm", "John Kraus", None),
    ("en", "Senator Mary Stone criticised Governor Tom Brook's plan. She said the budget was a disgrace.",
     "the budget was a disgrace", "Mary Stone", None),
    ("en", "The police arrested Peter Long on Monday. He said he was innocent.",
     "he was innocent", "Peter Long", None),
    # a name in the genitive before a role noun owns the role; the person named after it speaks
    ("de", "„Wir haben gut gespielt“, sagte Bremens Trainer Tom Berger.", "Wir haben gut gespielt", "Tom Berger", None),
    ("de", "„Wir haben gut gespielt“, sagte Kölns Trainer Lukas Brandt.", "Wir haben gut gespielt", "Lukas Brandt", None),
    ("en", "The unions criticised the plan of Minister John Kraus. They said it was unfair.",
     "it was unfair", None, None),
    ("en", '"We lost," said Tom Brook. After the match, coach Mary Stone was satisfied: "A good start," she said.',
     "A good start", "Mary Stone", None),
    # gender: a pronoun passes over a person of the other gender
    ("de", "Die Ministerin Anna Weiß traf am Montag den Minister Jan Kraus. Er sagte, die Gespräche seien gut gewesen.",
     "die Gespräche seien gut gewesen", "Jan Kraus", None),
    ("de", "Die Ministerin Anna Weiß traf am Montag den Minister Jan Kraus. Sie sagte, die Gespräche seien gut gewesen.",
     "die Gespräche seien gut gewesen", "Anna Weiß", None),
    ("en", "Mrs. Carrie Stone looked at the judge, Mr. Tom Brook. He said the hearing was over.",
     "the hearing was over", "Tom Brook", None),
    # definite descriptions
    ("de", "Der Demokrat Tom Berger kritisierte den Plan. „Das ist ein Skandal“, sagte der Demokrat.",
     "Das ist ein Skandal", "Tom Berger", None),
    ("de", "Tom Berger, der Demokrat, kritisierte den Plan. „Das ist ein Skandal“, sagte der Demokrat.",
     "Das ist ein Skandal", "Tom Berger", None),
    ("de", "Grünen-Fraktionschef Jan Hollmann und Anna Weiß trafen sich. Der Fraktionschef sagte, er prüfe das.",
     "er prüfe das", "Jan Hollmann", None),
    ("de", "Die Umweltschutzorganisation Greenpeace kritisierte den Bau. Die Organisation sagte, der Wald sei bedroht.",
     "der Wald sei bedroht", "Greenpeace", None),
    ("de", "Die Organisation Grünwacht kritisierte den Bau. Die Organisationen sagten, der Wald sei bedroht.",
     "der Wald sei bedroht", None, None),
    ("de", "Die Zeitung Weser-Echo hatte zuerst berichtet. Das Blatt schrieb, der Hafen werde geschlossen.",
     "der Hafen werde geschlossen", "Weser-Echo", None),
    # "the newspaper", "die Zeitung" with no name of their own: the last newspaper named as a source
    ("en", "The Harbour Herald reported that the minister had resigned. The newspaper said the port would close.",
     "the port would close", "Harbour Herald", None),
    ("de", "Der Nordheide-Kurier berichtete, der Minister sei zurückgetreten. Die Zeitung schrieb zudem, der Hafen "
     "werde geschlossen.", "der Hafen werde geschlossen", "Nordheide-Kurier", None),
    ("en", "The ministry published a white paper on Monday. The paper said taxes would rise.",
     "taxes would rise", None, None),  # no newspaper named before: no one
    # the paper named first as a speaker or relay, its name one the recogniser does not know
    ("de", "Die Zeitung Weser-Echo berichtete, der Bürgermeister sei zurückgetreten. „Das ist ein Skandal“, "
     "schrieb das Blatt.", "Das ist ein Skandal", "Weser-Echo", None),
    # (and the content's Konjunktiv the tagger read as an adverbial adjective, "tage[ADJD]")
    ("de", "Der Minister sagte laut der Zeitung Weser-Echo, die Grenze bleibe offen. Das Blatt schrieb zudem, "
     "der Stadtrat tage am Montag.", "der Stadtrat tage am Montag", "Weser-Echo", None),
    ("en", "The newspaper Harbour Herald broke the story on Monday. The paper reported that the port would close.",
     "that the port would close", "Harbour Herald", None),
    ("en", 'Senator John Miller criticised the plan. Mary Stone agreed. "It is a scandal," the senator said.',
     "It is a scandal", "John Miller", None),
    ("en", 'Judge Anna Park rejected the motion. "The law is clear," the judge said.',
     "The law is clear", "Anna Park", None),
    ("en", 'Senator John Miller spoke first. "It is a scandal," the mayor said.',
     "It is a scandal", "mayor", None),
    ("en", 'Former President Tom Brook and President Anna Park met. "We agree," the former president said.',
     "We agree", "Tom Brook", None),
    ("en", 'Oil giant Petrolux grew. "We will expand," the online retail giant said.',
     "We will expand", "online retail giant", None),
    # unnamed sources and groups
    ("de", "Aus Regierungskreisen hieß es, die Gespräche seien gescheitert.",
     "die Gespräche seien gescheitert", None, None),
    ("de", "Experten warnten, die Preise würden weiter steigen.", "die Preise würden weiter steigen", None, None),
    ("en", "Officials said the bridge would stay closed until Friday.", "the bridge would stay closed until Friday",
     None, None),
    ("en", "Some economists argue that the tax should be lower.", "that the tax should be lower", None, None),
    # frames and content
    ("de", "Die Abgeordneten leugneten das nicht, erklärte der Sprecher Max Huber am Montag.",
     "Die Abgeordneten leugneten das nicht", "Max Huber", None),
    ("de", "Die Verfassung verspreche jedem Bürger Schutz, sagte die Richterin Anna Weiß.",
     "Die Verfassung verspreche jedem Bürger Schutz", "Anna Weiß", None),
    ("de", "Die Firma bestritt die Vorwürfe, sagte eine Sprecherin der Firma Nordwerk.",
     "Die Firma bestritt die Vorwürfe", "Nordwerk", None),
    # fragments inside a report are the reporter's words
    ("de", "Der Oppositionsführer Tom Berger sagte, die Ministerin habe „einen Fehler gemacht“ und „das Land gespalten“.",
     "einen Fehler gemacht", "Tom Berger", None),
    ("en", 'Senator Mary Stone said the governor had "failed the state" and "divided the party".',
     'the governor had "failed the state" and "divided the party"', "Mary Stone", None),
    # free indirect speech goes on with the report right before it, not an earlier one
    ("de", "Der Bürgermeister Jan Kraus sagte, die Brücke sei gesperrt. Die Umleitung führe über das Dorf. "
     "Die Sprecherin Anna Weiß teilte mit, ein Lastwagen sei gegen den Pfeiler gefahren. Der Fahrer sei leicht verletzt worden.",
     "Der Fahrer sei leicht verletzt worden", "Anna Weiß", None),
    # reported mood in a dependent clause: the view of the governing clause's subject
    ("de", "Der Trainer Lukas Brandt kritisierte die Abwehr. Die Ministerin Anna Weiß zeigte sich besorgt, "
     "dass die Preise weiter steigen würden.", "dass die Preise weiter steigen würden", "Anna Weiß", None),
    ("de", "Die Ärztin Clara Hartmann warnte vor der Hitze. Die Ministerin Anna Weiß stellte einen Plan vor, "
     "der die Kosten senken solle.", "der die Kosten senken solle", "Anna Weiß", None),
]


def _case_params():
    for lang, text, quote, speaker, missing in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=missing)] if missing else []
        yield pytest.param(lang, text, quote, speaker, id=f"{lang}:{text[:50]}", marks=marks)


@pytest.mark.parametrize("lang, text, quote, speaker", list(_case_params()))
def test_speaker_challenge(run_de, run_en, lang, text, quote, speaker):
    result = (run_de if lang == "de" else run_en)(text)
    att = next((a for a in result.attributions if quote in a.quote.text and len(a.quote.text) <= len(quote) + 4), None)
    assert att is not None, [a.quote.text for a in result.attributions]
    assert (att.speaker.entity if att.speaker else None) == speaker


def test_demnach_makes_the_named_source_the_speaker_and_the_report_before_its_relay(run_de):
    text = "Die Zeitung Weser-Echo berichtete über das Unwetter. Demnach seien laut Landrat Fritz Maier drei Häuser beschädigt worden."
    att = next(a for a in run_de(text).attributions if "drei Häuser" in a.quote.text)
    assert att.speaker.entity == "Fritz Maier"
    assert [(m.text, m.entity) for m in att.mediators] == [("Demnach", "Weser-Echo")]


GOVERNED = [
    # (text, content, speaker phrase, cue)
    ("Die Ministerin Anna Weiß zeigte sich besorgt, dass die Preise weiter steigen würden.",
     "dass die Preise weiter steigen würden.", "Die Ministerin Anna Weiß", "zeigte"),
    ("Der Verband Grünwacht hatte Einspruch erhoben, weil der Wald bedroht sei und geschützt werden müsse.",
     "weil der Wald bedroht sei und geschützt werden müsse.", "Der Verband Grünwacht", "erhoben"),
]


@pytest.mark.parametrize("text, content, speaker, cue", GOVERNED, ids=[g[0][:40] for g in GOVERNED])
def test_reported_mood_in_a_dependent_clause_is_the_governing_subjects_report(run_de, text, content, speaker, cue):
    (att,) = run_de(text).attributions
    assert (att.quote.text, att.speaker.text, att.cue.text) == (content, speaker, cue)


@pytest.mark.parametrize("text", [
    "Das Projekt wurde gestoppt, weil es zu teuer sei.",  # a passive names no one whose view it is
    "Es regnete, weil das Wetter umgeschlagen sei.",  # an expletive subject is no speaker
])
def test_a_dependent_clause_in_reported_mood_under_no_speaker_gets_none(run_de, text):
    assert all(a.speaker is None for a in run_de(text).attributions)


FRAGMENTS = [
    # (text, fragment, speaker phrase, cue): a quoted fragment is the words of the subject of
    # the verb it hangs on, wherever the verb stands
    ("Einen „schweren Fehler“ nannte die Ministerin Anna Weiß den Beschluss.", "„schweren Fehler“",
     "die Ministerin Anna Weiß", "nannte"),
    # a label the verb gives its object ("als", "für"), whatever the verb
    ("Die Gewerkschaft Nordwerk sieht die Reform als „Angriff“ auf die Beschäftigten.", "„Angriff“",
     "Die Gewerkschaft Nordwerk", "sieht"),
    ("Der Verband Grünwacht feierte das Urteil als „großen Sieg“.", "„großen Sieg“", "Der Verband Grünwacht", "feierte"),
    ("Die Gewerkschaft Nordwerk verspottete den Plan als den „großen Wurf“ des Ministers.", "„großen Wurf“",
     "Die Gewerkschaft Nordwerk", "verspottete"),  # the label with its article
    # in a relative clause, the relative pronoun's antecedent
    ("Ein Kommentar, der die Wahl als „schweren Fehler“ bezeichnet, erschien am Montag.", "„schweren Fehler“",
     "Ein Kommentar", "bezeichnet"),
    # in the passive, the agent ("von …"); the label's object is the passive's subject
    ("Die Werke werden von Kennern als „Meilensteine der Musik“ bezeichnet.", "„Meilensteine der Musik“", "Kennern",
     "bezeichnet"),
    ("Die Forderungen wurden von Minister Karl Brandt als „völlig unrealistisch“ bezeichnet.",
     "„völlig unrealistisch“", "Minister Karl Brandt", "bezeichnet"),
]


@pytest.mark.parametrize("text, fragment, speaker, cue", FRAGMENTS, ids=[f[0][:40] for f in FRAGMENTS])
def test_a_quoted_fragment_is_the_words_of_its_clause_subject(run_de, text, fragment, speaker, cue):
    att = next(a for a in run_de(text).attributions if a.quote.text == fragment)
    assert (att.speaker.text, att.cue.text) == (speaker, cue)


@pytest.mark.parametrize("text", [
    "In Kassel wurde gefordert, dass die Stadt handelt.",  # a place is no document
    "Der Plan gilt als „großer Wurf“.",  # no object: the label is not the subject's word
    "Der Bericht wurde als „lückenhaft“ bezeichnet.",  # a passive with no agent names no speaker
])
def test_a_quoted_label_without_a_speaking_subject_gets_no_speaker(run_de, text):
    assert all(a.speaker is None for a in run_de(text).attributions)


def test_the_challenge_covers_both_languages():
    assert len(CASES) >= 30 and {c[0] for c in CASES} == {"de", "en"}
