"""Konjunktiv detection on hand-built Docs, plus a smoke test of the shipped German pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotegraph.extract.konjunktiv import Konjunktiv, is_konjunktiv, konjunktiv, konjunktiv_mood, may_be_konjunktiv

MODEL = Path(__file__).resolve().parents[2] / "extract" / "models" / "de_quotegraph_sm"


def _verb(sentence: list[tuple[str, str, str]], index: int, morphs: list[str] | None = None):
    """Build a Doc from (word, STTS tag, lemma) triples and return one token."""
    words, tags, lemmas = zip(*sentence)
    doc = Doc(Vocab(), words=list(words), tags=list(tags), lemmas=list(lemmas), morphs=morphs)
    return doc[index]


def _after_er(word: str, tag: str, lemma: str):
    """ "Er sagte, sie <word> ..." -> the token <word>."""
    return _verb(
        [("Er", "PPER", "er"), ("sagte", "VVFIN", "sagen"), (",", "$,", ","), ("sie", "PPER", "sie"),
         (word, tag, lemma), ("das", "PDS", "der")],
        4,
    )


@pytest.mark.parametrize(
    ("word", "tag", "lemma", "mood"),
    [
        ("sei", "VAFIN", "sein", "I"),
        ("seien", "VAFIN", "sein", "I"),
        ("habe", "VAFIN", "haben", "I"),
        ("werde", "VAFIN", "werden", "I"),
        ("könne", "VMFIN", "können", "I"),
        ("müsse", "VMFIN", "müssen", "I"),
        ("solle", "VMFIN", "sollen", "I"),
        ("möge", "VMFIN", "mögen", "I"),
        ("gebe", "VVFIN", "geben", "I"),
        ("unterstütze", "VVFIN", "unterstützen", "I"),
        ("richte", "VVFIN", "richten", "I"),
        ("wäre", "VAFIN", "sein", "II"),
        ("hätten", "VAFIN", "haben", "II"),
        ("würde", "VAFIN", "werden", "II"),
        ("könnte", "VMFIN", "können", "II"),
        ("käme", "VVFIN", "kommen", "II"),
        ("bekäme", "VVFIN", "bekommen", "II"),
    ],
)
def test_konjunktiv_forms(word, tag, lemma, mood):
    token = _after_er(word, tag, lemma)
    assert konjunktiv_mood(token) == mood
    assert is_konjunktiv(token)
    assert konjunktiv(token).evidence == "form"


@pytest.mark.parametrize(
    ("word", "tag", "lemma"),
    [
        ("ist", "VAFIN", "sein"),
        ("hat", "VAFIN", "haben"),
        ("wird", "VAFIN", "werden"),
        ("kann", "VMFIN", "können"),
        ("gibt", "VVFIN", "geben"),
        ("sagte", "VVFIN", "sagen"),
        ("unterstützt", "VVFIN", "unterstützen"),
        ("kam", "VVFIN", "kommen"),
        ("erklärte", "VVFIN", "erklären"),
        ("richtete", "VVFIN", "richten"),
    ],
)
def test_indicative_forms(word, tag, lemma):
    token = _after_er(word, tag, lemma)
    assert konjunktiv(token) == Konjunktiv(None, False, "")
    assert not is_konjunktiv(token, include_ambiguous=True)
    sub = Doc(token.doc.vocab, words=[token.text], tags=[tag], lemmas=[lemma],
              morphs=["Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"])
    assert konjunktiv_mood(sub[0]) is None  # the form vetoes a wrong Mood=Sub


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("hinderten", "hindern"), ("arbeiteten", "arbeiten"), ("sollte", "sollen"), ("wollten", "wollen")],
)
def test_ambiguous_preterite_is_exposed(word, lemma):
    token = _after_er(word, "VVFIN", lemma)
    reading = konjunktiv(token)
    assert reading.mood == "II" and reading.ambiguous
    assert not is_konjunktiv(token)
    assert is_konjunktiv(token, include_ambiguous=True)
    assert konjunktiv_mood(token, include_ambiguous=True) == "II"


def test_morphologizer_settles_ambiguity():
    token = _verb(
        [("die", "ART", "der"), ("Regeln", "NN", "Regel"), ("hinderten", "VVFIN", "hindern")],
        2,
        morphs=["", "", "Mood=Sub|Number=Plur|Person=3|Tense=Past|VerbForm=Fin"],
    )
    assert konjunktiv(token) == Konjunktiv("II", False, "form+morph")


def test_a_weak_preterite_with_a_wrong_lemma_is_not_taken_for_konjunktiv_i():
    # the lemmatizer gave "bremsten" (stem "bremst"): "bremste" looks like stem + e; the
    # morphologizer's past indicative leaves it open, as a weak preterite
    indicative = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
    token = _verb([("der", "ART", "der"), ("Fahrer", "NN", "Fahrer"), ("bremste", "VVFIN", "bremsten")], 2,
                  morphs=["", "", indicative])
    assert konjunktiv_mood(token) is None
    # a t-stem's Konjunktiv I in the present stays one ("er richte")
    token = _verb([("er", "PPER", "er"), ("richte", "VVFIN", "richten")], 1, morphs=["", "Number=Sing|Person=3|Tense=Pres"])
    assert konjunktiv_mood(token) == "I"


@pytest.mark.parametrize(("word", "lemma", "morph", "mood"), [
    # a small lemmatizer reads a rare Konjunktiv I as a weak preterite or cuts it short; the
    # lookup table's lemma shows the present stem + e
    ("richte", "richen", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "I"),
    ("gehöre", "gehör", "Mood=Ind|Number=Sing|Person=3|Tense=Past", "I"),
    # and a weak preterite stays one whatever lemma the tagger gave
    ("machte", "machten", "Mood=Ind|Number=Sing|Person=3|Tense=Past", None),
])
def test_the_lookup_lemma_shows_a_konjunktiv_i_the_tagger_lemmatized_wrongly(word, lemma, morph, mood):
    token = _verb([("es", "PPER", "es"), (word, "VVFIN", lemma)], 1, morphs=["", morph])
    assert konjunktiv_mood(token) == mood


def test_the_german_lookup_table_is_read_for_german_docs_only():
    # an English Doc never loads the German table (about 60 MB): its tokens keep the tagger's lemma
    import spacy

    doc = Doc(spacy.blank("en").vocab, words=["es", "richte"], tags=["PPER", "VVFIN"], lemmas=["es", "richen"],
              morphs=["", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"])
    assert konjunktiv_mood(doc[1]) is None
    doc = Doc(spacy.blank("de").vocab, words=["es", "richte"], tags=["PPER", "VVFIN"], lemmas=["es", "richen"],
              morphs=["", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"])
    assert konjunktiv_mood(doc[1]) == "I"


@pytest.mark.parametrize(("words", "tags", "index", "mood"), [
    # a full verb's Konjunktiv I the tagger took for an adverb or adjective
    (["Das", "bedeute", "einen", "Tiefschlag"], ["PDS", "ADV", "ART", "NN"], 1, "I"),
    (["Anna", "rechne", "mit", "einer", "Einigung"], ["NE", "ADJD", "APPR", "ART", "NN"], 1, "I"),
    (["Es", "gebe", "Kunden"], ["PPER", "ADJA", "NN"], 1, "I"),
    # an attributive adjective after an article stays one ("schnelle": also "schnellen"'s stem + e)
    (["eine", "schnelle", "Entscheidung"], ["ART", "ADJA", "NN"], 1, None),
    # a word that is no verb's present stem + e
    (["Das", "gerne", "gesehene"], ["PDS", "ADV", "ADJA"], 1, None),
])
def test_a_mistagged_konjunktiv_i_of_a_full_verb(words, tags, index, mood):
    doc = Doc(Vocab(), words=words, tags=tags)
    assert konjunktiv_mood(doc[index]) == mood


@pytest.mark.parametrize(
    ("words", "index"),
    [(["Ich", "habe", "Zeit"], 1), (["Heute", "habe", "ich", "Zeit"], 1), (["Ich", "gebe", "auf"], 1)],
)
def test_first_person_singular_is_indicative(words, index):
    lemmas = {"habe": "haben", "gebe": "geben"}
    doc = Doc(Vocab(), words=words, lemmas=[lemmas.get(w, w) for w in words])
    assert konjunktiv_mood(doc[index]) is None


def test_morph_alone_and_veto():
    sub = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    plural = "Mood=Sub|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"
    # "vertrage": a form the lookup table does not list, so the form alone says nothing
    doc = Doc(Vocab(), words=["er", "vertrage", "er", "ist", "sie", "bleiben"], morphs=["", sub, "", sub, "", plural])
    assert konjunktiv(doc[1]) == Konjunktiv("I", False, "morph")
    assert konjunktiv(doc[3]).mood is None  # "ist" is indicative whatever the model says
    assert konjunktiv(doc[5]) == Konjunktiv("I", True, "morph")  # plural present = indicative form


def test_morph_alone_gives_no_mood_to_a_word_whose_lemma_is_no_infinitive():
    sub = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    # "mit denen eventuelle Teile …": an adjective the morphologizer read as a Konjunktiv I
    doc = Doc(Vocab(), words=["mit", "denen", "eventuelle", "Teile", "er", "vertrage"],
              lemmas=["mit", "der", "eventuell", "Teil", "er", "vertragen"], morphs=["", "", sub, "", "", sub])
    assert konjunktiv(doc[2]).mood is None
    assert konjunktiv(doc[5]).mood == "I"  # a verb's lemma, an infinitive in -n


def test_mistagged_closed_class_form():
    doc = Doc(Vocab(), words=["Hätte", "er", "Zeit"], tags=["NE", "PPER", "NN"])
    assert konjunktiv_mood(doc[0]) == "II"


@pytest.mark.parametrize("word", ["blieben", "gingen"])
def test_strong_plural_without_umlaut_is_ambiguous(word):
    token = _after_er(word, "VVFIN", "")
    assert konjunktiv(token) == Konjunktiv("II", True, "form")


@pytest.mark.parametrize(("word", "tag"), [("Habe", "NN"), ("Sei", "VAIMP"), ("wäre", "ADJA")])
def test_non_finite_or_non_verbs(word, tag):
    doc = Doc(Vocab(), words=[word, "still"], tags=[tag, "ADJD"])
    assert konjunktiv_mood(doc[0], include_ambiguous=True) is None


#: words and tags written for this test: list forms, forms in -e, participles, adjectives, nouns
_SHORTCUT_WORDS = ["sei", "habe", "werde", "hätte", "käme", "blieben", "sollte", "gebe", "bedeute", "rechne",
                   "schnelle", "neue", "gesagt", "gesehen", "Gebe", "gerne", "Haus", "hinderten", "erklärte", "ist"]
_SHORTCUT_TAGS = ["VVFIN", "VAFIN", "VVPP", "VVINF", "VAINF", "VVIMP", "ADJA", "ADJD", "ADV", "NN", "NE", "APPR", ""]


@pytest.mark.parametrize("tag", _SHORTCUT_TAGS)
@pytest.mark.parametrize("before", ["es", "die"])
@pytest.mark.parametrize("morph", ["", "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"])
def test_a_token_the_shortcut_rules_out_has_no_mood(tag, before, morph):
    skipped = 0
    for word in _SHORTCUT_WORDS:
        doc = Doc(Vocab(), words=[before, word, "Zeit"], tags=["PPER", tag, "NN"], morphs=["", morph, ""])
        if not may_be_konjunktiv(word, tag, before):
            skipped += 1
            assert konjunktiv(doc[1]).mood is None, (word, tag, before)
    # the participles, infinitives and nouns not in the form lists are ruled out
    assert skipped >= (5 if tag in ("VVPP", "VVINF", "NN", "APPR") else 0)


@pytest.fixture(scope="module")
def nlp_de():
    spacy = pytest.importorskip("spacy")
    if not (MODEL / "meta.json").exists():
        pytest.skip("German pipeline not built")
    return spacy.load(MODEL)


def test_shipped_pipeline_smoke(nlp_de):
    doc = nlp_de("Bundeskanzler Olaf Scholz sagte am Montag in Berlin, die Lage sei ernst.")
    assert {"tagger", "parser", "ner"} <= set(nlp_de.pipe_names)
    assert any(ent.label_ == "PER" and "Scholz" in ent.text for ent in doc.ents)
    sei = next(t for t in doc if t.text == "sei")
    assert sei.pos_ in ("AUX", "VERB")
    assert konjunktiv_mood(sei) == "I"
    sagte = next(t for t in doc if t.text == "sagte")
    assert konjunktiv_mood(sagte, include_ambiguous=True) is None
    assert len(list(doc.sents)) == 1
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 1
