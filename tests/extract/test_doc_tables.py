"""What the stages read from a Doc once (extract/doc_tables.py) is what they would read token by
token: the array shortcuts for reporting verbs and source-phrase starts leave nothing out."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from quotegraph.extract.doc_tables import between, reading, table_of, tokens_with
from quotegraph.extract.lexicon import load_lexicon
from quotegraph.extract.patterns.source_phrases import source_phrase, source_phrase_starts, source_phrases_in
from quotegraph.extract.cue_verbs import _candidates_at, _cue_candidates, _cue_lemma, cue_lemma, cue_tokens
from quotegraph.extract.phrases import sentences
from quotegraph.extract.pipeline import make_nlp

EXAMPLES = Path(__file__).resolve().parents[2] / "quotegraph" / "examples"
#: sentences written for this test: cues with particles, auxiliaries, nouns; source phrases and compounds
WRITTEN = {
    "de": ("Laut der Agentur Nordpress teilte die Stadt am Montag mit, der Hafen bleibe zu. "
           "Den Polizeiangaben zufolge wurde niemand verletzt. Nach Angaben von Eva Kern sei es ruhig. "
           "Die Sprecherin gab bekannt, man werde prüfen. Seinen Angaben nach ist alles geklärt. "
           "Demnach hatte der Rat gewarnt, wie die Zeitung berichtet."),
    "en": ("According to a statement by the city, the harbor will stay closed, officials said on Monday. "
           "The mayor has warned that the strike could spread. Citing police figures, the paper reported "
           "no injuries. In an interview, she told reporters the talks had been announced. "
           "His claims were denied by the union, according to Reuters."),
}


@pytest.fixture(scope="module", params=["de", "en"])
def parsed(request):
    lang = request.param
    nlp = make_nlp(lang, learned=False)
    texts = [WRITTEN[lang]] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob(f"*.{lang}.txt"))]
    return load_lexicon(lang), list(nlp.pipe(texts))


def test_reporting_verbs_read_from_the_arrays_are_those_found_token_by_token(parsed):
    lex, docs = parsed
    for doc in docs:
        one_by_one = [tok.i for tok in doc if _cue_lemma(tok, lex) is not None]
        assert one_by_one, "the texts hold reporting verbs"
        with reading(doc):
            assert cue_tokens(doc, 0, len(doc), lex) == one_by_one
            for sent in sentences(doc):
                assert cue_tokens(doc, sent.start, sent.end, lex) == [i for i in one_by_one if sent.start <= i < sent.end]
            assert [cue_lemma(doc[i], lex) for i in one_by_one] == [_cue_lemma(doc[i], lex) for i in one_by_one]
        assert cue_tokens(doc, 0, len(doc), lex) == one_by_one  # outside reading: computed afresh


def test_every_token_has_the_same_cue_candidates_from_the_columns_as_from_its_token(parsed):
    # _candidates_at reads a Doc's columns while it is read; _cue_candidates reads the Token
    lex, docs = parsed
    for doc in docs:
        with reading(doc):
            from_columns = [_candidates_at(doc, i, lex) for i in range(len(doc))]
        assert from_columns == [_cue_candidates(tok, lex) for tok in doc]
        assert any(len(c) > 1 for c in from_columns), "the texts hold verbs with particles or several lemmas"


def test_every_token_has_the_same_cue_lemma_while_read_under_both_lexicons(parsed):
    # _judged skips the candidates of a token whose lemmas end no verb of the lexicon; the
    # lexicon with frame verbs shares the candidates the other found
    from quotegraph.extract.patterns.frames import with_frame_verbs

    lex, docs = parsed
    for doc in docs:
        for lexicon in (lex, with_frame_verbs(lex)):
            with reading(doc):
                cue_tokens(doc, 0, len(doc), lex)
                read = [cue_lemma(tok, lexicon) for tok in doc]
            assert read == [_cue_lemma(tok, lexicon) for tok in doc]


def test_every_source_phrase_starts_where_the_shortcut_says_one_may(parsed):
    lex, docs = parsed
    for doc in docs:
        starts = [i for i in range(len(doc)) if source_phrase(doc, i, lex, 0, len(doc)) is not None]
        assert starts, "the texts hold source phrases"
        for inside in (False, True):
            with reading(doc) if inside else _nothing():
                may = source_phrase_starts(doc, 0, len(doc), lex)
                assert set(starts) <= set(may)
                if inside:
                    assert len(may) < len(doc) / 4  # the point: most tokens are ruled out
                else:
                    assert may == list(range(len(doc)))  # outside, a range is walked token by token
                walked, i = [], 0
                while i < len(doc):  # the token-by-token walk the shortcut replaces
                    sp = source_phrase(doc, i, lex, 0, len(doc))
                    walked.append(sp.phrase.start) if sp is not None else None
                    i = max(sp.phrase.end, i + 1) if sp is not None else i + 1
                assert [sp.phrase.start for sp in source_phrases_in(doc, 0, len(doc), lex)] == walked


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def test_sentences_kept_while_reading_are_the_same_and_a_copy():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    doc = nlp("Er kam. Dann ging er. Es war spät.")
    with reading(doc):
        first = sentences(doc)
        first.pop()  # a caller changing its list does not change the kept one
        assert [s.text for s in sentences(doc)] == ["Er kam.", "Dann ging er.", "Es war spät."]
    doc[3].is_sent_start = False  # after reading, a changed Doc is read anew
    assert [s.text for s in sentences(doc)] == ["Er kam. Dann ging er.", "Es war spät."]


def test_tables_are_per_doc_and_dropped_after_reading():
    nlp = spacy.blank("en")
    a, b = nlp("so One so"), nlp("four so")
    with reading(a):
        assert tokens_with(a, frozenset({"so"})) == [0, 2]
        assert table_of(b) is None and tokens_with(b, frozenset({"so"})) == [1]
        outer = table_of(a)
        with reading(a):  # nested: the same table
            assert table_of(a) is outer and outer
        assert tokens_with(a, frozenset({"so"}), 1) == [2]
        assert between([0, 2], a, -2) == [2]  # bounds as a slice reads them
    assert table_of(a) is None


def test_a_participle_tagged_as_an_adjective_with_an_auxiliary_is_still_a_reporting_verb():
    # "Der Verband hatte Fehler eingeräumt": a tagger that calls the participle an adjective; its
    # auxiliary ("aux", a label spaCy keeps as a symbol, not a hash) makes it a verb
    from spacy.tokens import Doc

    nlp = spacy.blank("de")
    words = ["Der", "Verband", "hatte", "Fehler", "eingeräumt", "."]
    doc = Doc(nlp.vocab, words=words, pos=["DET", "NOUN", "AUX", "NOUN", "ADJ", "PUNCT"],
              tags=["ART", "NN", "VAFIN", "NN", "ADJD", "$."], deps=["det", "nsubj", "aux", "obj", "ROOT", "punct"],
              heads=[1, 4, 4, 4, 4, 4], lemmas=["der", "Verband", "haben", "Fehler", "einräumen", "."])
    lex = load_lexicon("de")
    assert _cue_lemma(doc[4], lex) == "einräumen"
    with reading(doc):
        assert cue_tokens(doc, 0, len(doc), lex) == [4]


def _opened_by(words, tags, pos):
    """A German sentence built by hand ("als" is tagged KOKOM, "nannte" an adjective)."""
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("de").vocab, words=words, pos=pos, tags=tags, sent_starts=[True] + [False] * (len(words) - 1))
    return doc, load_lexicon("de")


def test_a_verb_tagged_as_an_adjective_after_an_opening_prepositional_phrase_is_a_reporting_verb():
    # "Als Grund nannte die Sprecherin …": the finite verb's place after the phrase that opens the clause
    doc, lex = _opened_by(["Als", "Grund", "nannte", "die", "Sprecherin", "die", "Kosten", "."],
                          ["KOKOM", "NN", "ADJA", "ART", "NN", "ART", "NN", "$."],
                          ["ADP", "NOUN", "ADJ", "DET", "NOUN", "DET", "NOUN", "PUNCT"])
    with reading(doc):
        assert cue_tokens(doc, 0, len(doc), lex) == [2]
    # an attributive adjective before its noun is none ("In der Studie genannte Zahlen …")
    doc, lex = _opened_by(["In", "der", "Studie", "genannte", "Zahlen", "sinken", "."],
                          ["APPR", "ART", "NN", "ADJA", "NN", "VVFIN", "$."],
                          ["ADP", "DET", "NOUN", "ADJ", "NOUN", "VERB", "PUNCT"])
    with reading(doc):
        assert 3 not in cue_tokens(doc, 0, len(doc), lex)


def _sentences_token_by_token(doc):
    """The rules of sentence_spans._sentences, read from each sentence's Tokens (the reference
    the arrays must agree with)."""
    from quotegraph.extract.sentence_spans import _opens_quote

    out = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), sent[0])
        continues = (first.is_punct and first.text in ",;:)“”»«‘’" and not _opens_quote(first)
                     or (first.is_lower and first.is_alpha))
        prev_end = doc[sent.start - 1] if sent.start > 0 else None
        if prev_end is not None and prev_end.is_alpha and prev_end.whitespace_:
            continues = True
        if out and continues and not (prev_end is not None and prev_end.text in ("?", "!") and first.is_lower):
            out[-1][1] = sent.end
        else:
            out.append([sent.start, sent.end])
    return [tuple(bounds) for bounds in out]


@pytest.mark.parametrize("words, starts", [
    ("Er sagte , es sei kalt . Dann ging er . Laut SPIEGEL ONLINE ist es spät .".split(), (2, 3, 7, 11, 13)),
    ("He left . “ Yes , ” she said . Why ? no idea ! and so on".split(), (3, 4, 5, 10, 12, 14)),
    ("“ I thought so ” , he said . ) Then \n it ended .".split(" "), (1, 4, 5, 8, 9, 10, 11)),
    (["Done", ".", "“", "Again", "”", "."], (2, 3, 4)),
])
def test_sentences_read_from_the_arrays_join_as_the_tokens_do(words, starts):
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words, spaces=[w not in ("\n",) for w in words])
    for i in range(len(doc)):
        doc[i].is_sent_start = i == 0 or i in starts
    expected = _sentences_token_by_token(doc)
    assert len(expected) < len(starts) + 1, "some splits are undone"
    with reading(doc):
        assert [(s.start, s.end) for s in sentences(doc)] == expected
    assert [(s.start, s.end) for s in sentences(doc)] == expected  # outside reading too


def test_among_is_membership_as_numpy_reads_it_for_few_and_many_members():
    # among() compares with each of a few members and bisects many: both are np.isin
    import numpy as np

    from quotegraph.extract.doc_tables import among

    rng = np.random.default_rng(27)
    ids = rng.integers(0, 2**64 - 1, size=40, dtype=np.uint64)
    for size in (0, 1, 5, 200):
        values = ids[rng.integers(0, len(ids), size=size)]
        for n_members in range(0, 12):
            members = rng.choice(ids, size=n_members, replace=False)
            expected = np.isin(values, members).tolist()
            assert among(values, np.sort(members)).tolist() == expected
            assert among(values, members.tolist()).tolist() == expected  # any sequence of ids


def test_flags_and_token_bounds_are_what_the_tokens_say(parsed):
    from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE

    from quotegraph.extract.doc_offsets import token_bounds
    from quotegraph.extract.doc_tables import flags

    _, docs = parsed
    nlp = spacy.blank("en")
    for doc in [*docs, nlp(""), nlp("  two  spaces "), nlp("x")]:
        with reading(doc):
            assert flags(doc, IS_PUNCT) == [t.is_punct for t in doc]
            assert flags(doc, IS_ALPHA) == [t.is_alpha for t in doc]
            assert flags(doc, IS_PUNCT, IS_SPACE) == [t.is_punct or t.is_space for t in doc]
            assert token_bounds(doc) == ([t.idx for t in doc], [t.idx + len(t) for t in doc],
                                         [t.idx + len(t.text_with_ws) for t in doc])


def test_a_source_phrase_in_any_stretch_starts_where_the_shortcut_says_one_may(parsed):
    # the starts left out (a preposition whose walk reaches no source noun, "in the city")
    # open no phrase for any bounds, not only for the whole Doc
    lex, docs = parsed
    nlp = make_nlp("en" if lex.lang == "en" else "de", learned=False)
    extra = {"en": "In a CBS News poll released Monday, most said no. By his account, the talks in the city failed, "
                   "according to the ministry, as reported by Reuters, in the words of his aide.",
             "de": "Nach Grupps Meinung und nach eigenen Angaben sei das so. Nach dem Spiel, nach Angaben von Eva Kern, "
                   "ging er. Seinen Angaben nach kam er den Polizeiangaben zufolge nach Hause."}[lex.lang]
    for doc in [*docs, nlp(extra)]:
        with reading(doc):
            may = set(source_phrase_starts(doc, 0, len(doc), lex))
            for sent in sentences(doc):
                for lower in range(sent.start, sent.end):
                    for upper in range(lower + 1, sent.end + 1):
                        for i in range(lower, upper):
                            if i not in may:
                                assert source_phrase(doc, i, lex, lower, upper) is None, (doc[lower:upper].text, i)


def test_the_text_joined_from_the_arrays_is_the_docs(parsed):
    from quotegraph.extract.doc_offsets import doc_text

    _, docs = parsed
    nlp = spacy.blank("en")
    for doc in [*docs, nlp(""), nlp("  two  spaces "), nlp("x"), nlp("Er sagte:\n\n„Ja.“ ")]:
        with reading(doc):
            assert doc_text(doc) == doc.text


def test_attributive_adjectives_from_the_array_are_the_adja_tokens(parsed):
    from quotegraph.extract.attributes import _attributive_adjectives

    _, docs = parsed
    for doc in docs:
        assert _attributive_adjectives(doc) == [t.i for t in doc if t.tag_ == "ADJA"]


def _relative_aside_token_by_token(doc, start, end):
    """complements._without_relative_aside as it read every token of the content."""
    from quotegraph.extract.phrases import RELATIVE_PRONOUN_TAGS

    for t in doc[start + 1 : end]:
        if t.dep_ == "relcl" and start <= t.head.i < t.i and t.right_edge.i >= end - 2:
            first = t.left_edge
            if first.i - 1 > start and doc[first.i - 1].text == "," and first.tag_ in RELATIVE_PRONOUN_TAGS:
                return first.i - 1
    return end


def test_a_relative_aside_found_among_the_relcl_tokens_is_the_one_found_token_by_token():
    from quotegraph.extract.patterns.complements import _without_relative_aside

    nlp = make_nlp("en", learned=False)
    docs = list(nlp.pipe(["The mayor said he supports the bill, which includes tax cuts for families.",
                          "She said the plan, which the council approved, would cost more than the people who "
                          "voted for it expected, which surprised nobody.", WRITTEN["en"]]))
    cut = 0
    for doc in docs:
        with reading(doc):
            for start in range(len(doc)):
                for end in range(start, len(doc) + 2):
                    found = _without_relative_aside(doc, start, end)
                    assert found == _relative_aside_token_by_token(doc, start, end), (start, end)
                    cut += found != end
    assert cut, "some content ends before a relative aside"


def test_a_closing_bracket_looked_at_first_ends_a_phrase_as_counting_first_did():
    from quotegraph.extract.name_ends import with_closing_bracket

    doc = spacy.blank("de")("Die Direction générale de l'aviation civile ( DGAC ) und ( die Agentur ( AFP ) ) sagten ( heute )")
    for inside in (True, False):
        with reading(doc) if inside else _nothing():
            for start in range(len(doc) + 1):
                for end in range(start, len(doc) + 1):
                    opened = sum(t.text == "(" for t in doc[start:end]) - sum(t.text == ")" for t in doc[start:end])
                    expected = end + 1 if opened > 0 and end < len(doc) and doc[end].text == ")" else end
                    assert with_closing_bracket(doc, start, end) == expected, (start, end)


def test_morphological_values_read_from_the_arrays_are_those_of_each_token(parsed):
    from quotegraph.extract.doc_tables import morph_of

    _, docs = parsed
    fields = ("Case", "Number", "Gender", "Person", "PronType", "Reflex", "Definite", "Mood", "VerbForm")
    for doc in docs:
        with reading(doc):
            read = [[morph_of(t, f) for f in fields] for t in doc]
        assert read == [[tuple(t.morph.get(f)) for f in fields] for t in doc]
    assert any(morph_of(t, "Number") for t in docs[0])  # the parses hold analyses to compare


def test_a_compound_ends_in_a_listed_noun_as_a_scan_of_every_length_finds():
    from quotegraph.extract.phrases import ends_in_noun

    nouns = frozenset({"rat", "sender", "botschaft", "angabe", "meldung"})
    words = ["videobotschaft", "botschaft", "absender", "vorrat", "stadtrat", "polizeimeldung", "meldungen", "",
             "rat", "xrat", "funksender", "angaben", "behördenangabe"]

    def scanned(word, shortest, before):
        heads = {n for n in nouns if len(n) >= shortest}
        return any(word[-k:] in heads for k in {len(n) for n in heads} if k <= len(word) - before)

    for shortest in (0, 3, 4, 6):
        for before in (0, 3):
            assert [ends_in_noun(w, nouns, shortest=shortest, before=before) for w in words] == \
                [scanned(w, shortest, before) for w in words]
    assert ends_in_noun("polizeimeldung", nouns, shortest=4) and not ends_in_noun("vorrat", nouns, shortest=4)
