"""Very long texts are parsed in blocks (extract/blocks.py): the same text and tokens, one Doc,
qg_attribution run once over it."""

from __future__ import annotations

import spacy

from quotegraph.extract import blocks
from quotegraph.extract.blocks import parse, pipe_texts, text_blocks

PARAGRAPH = "„Wir bleiben hier und kämpfen“, sagte Anton Weber. Die Gewerkschaft sagte, der Streik gehe weiter."


def _nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("qg_attribution", config={"speaker_linker": False, "quote_filter": False})
    return nlp


def test_blocks_cover_the_text_and_end_at_breaks():
    text = "\n\n".join([PARAGRAPH] * 40)
    spans = text_blocks(text, size=1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(b - a <= 1000 for a, b in spans)
    assert all(text[a - 2:a] == "\n\n" for a, _ in spans[1:])


def test_a_text_without_breaks_is_cut_at_sentence_ends_else_anywhere():
    text = "Er kam. " * 300
    assert all(text[a - 2:a] == ". " for a, _ in text_blocks(text, size=500)[1:])
    assert text_blocks("x" * 25, size=10) == [(0, 10), (10, 20), (20, 25)]


def test_a_long_text_in_blocks_gives_the_same_doc_and_attributions(monkeypatch):
    nlp = _nlp()
    text = "\n\n".join(f"{PARAGRAPH} ({i})" for i in range(60))
    whole = nlp(text)
    monkeypatch.setattr(blocks, "BLOCK_CHARS", 1500)
    doc = parse(nlp, text)
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in whole]
    assert doc._.qg_attributions == whole._.qg_attributions
    assert len(doc._.qg_attributions) >= 60
    short = "„Ja“, sagte Eva."
    docs = list(pipe_texts(nlp, [short, text, short], batch_size=2))
    assert [d.text for d in docs] == [short, text, short]
    assert docs[1]._.qg_attributions == whole._.qg_attributions
