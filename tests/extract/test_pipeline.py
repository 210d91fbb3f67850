"""The qg_attribution component as a spaCy component: saved and loaded with the pipeline,
its records carried between processes, its annotations linked by id."""

import json

import pytest
import spacy

from quotegraph import make_nlp as public_make_nlp
from quotegraph.extract.lexicon import lexicon_to_dict, load_lexicon
from quotegraph.extract.pipeline import LEXICON_FILE, QUOTE_FILTER_FILE, SPEAKER_LINKER_FILE, make_nlp

TEXTS = {
    "de": ["„Wir werden das Werk nicht schließen“, sagte die Vorstandschefin Clara Hartmann am Montag. "
           "Die Gewerkschaft erklärte, der Streik werde fortgesetzt. Laut der Agentur Nordpress ist der Hafen zu.",
           "Der Minister sagte der Zeitung, er sehe keine Gefahr. Die Lage sei ruhig."],
    "en": ['"We will not close the plant," chief executive Clara Hartmann said on Monday, according to Reuters. '
           "The union said the strike would go on.",
           "The senator told reporters that the bill was dead. She said she would vote against it."],
}


def _decisions(doc):
    """Everything the component decided, the fields outside a record's identity included."""
    return [(a, a.pattern, a.inherited, a.score) for a in doc._.qg_attributions], doc._.qg_entities


def test_make_nlp_is_public():
    assert public_make_nlp is make_nlp


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_saved_pipeline_loads_with_spacy_and_decides_the_same(tmp_path, lang):
    nlp = make_nlp(lang)
    nlp.to_disk(tmp_path / "nlp")
    folder = tmp_path / "nlp" / "qg_attribution"
    # the weights in use, and only those: German ships no speaker linker
    wanted = {LEXICON_FILE, QUOTE_FILTER_FILE} | ({SPEAKER_LINKER_FILE} if lang == "en" else set())
    assert {p.name for p in folder.iterdir()} == wanted
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == nlp.pipe_names
    for text in TEXTS[lang]:
        before, after = _decisions(nlp(text)), _decisions(loaded(text))
        assert before[0], text  # something was found, so the comparison says something
        assert after == before


def test_the_saved_lexicon_is_the_one_in_use_not_the_shipped_one(tmp_path):
    # a lexicon without "erklären": the union's report is no attribution
    cues = lexicon_to_dict(load_lexicon("de"))
    cues["verbs"] = [v for v in cues["verbs"] if v != "erklären"]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(cues), "utf-8")
    nlp = make_nlp("de", learned=False, lexicon_path=str(path))
    # (in the indicative: reported mood in the clause would make it the union's report whatever the verb)
    text = "Die Gewerkschaft erklärte, der Streik wird fortgesetzt."
    assert [a.cue.lemma for a in make_nlp("de", learned=False)(text)._.qg_attributions] == ["erklären"]
    assert nlp(text)._.qg_attributions == []
    nlp.to_disk(tmp_path / "nlp")
    path.unlink()  # the saved pipeline does not need the file any more
    assert spacy.load(tmp_path / "nlp")(text)._.qg_attributions == []


def test_records_travel_between_processes():
    nlp = make_nlp("en")
    texts = TEXTS["en"] * 2
    one = [_decisions(doc) for doc in nlp.pipe(texts)]
    two = [_decisions(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one


def test_spans_of_one_attribution_share_its_id():
    doc = make_nlp("en", learned=False)(TEXTS["en"][0])
    (att,) = [a for a in doc._.qg_attributions if a.mediator is not None]
    linked = {group: [s.text for s in doc.spans[group] if s.id_ == att.id]
              for group in ("qg_quotes", "qg_cues", "qg_speakers", "qg_mediators")}
    assert linked == {"qg_quotes": [att.quote.text], "qg_cues": [att.cue.text], "qg_speakers": [att.speaker.text],
                      "qg_mediators": [att.mediator.text]}


def test_a_language_without_a_lexicon_says_how_to_bring_one():
    from quotegraph.extract.errors import UnsupportedLanguageError

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("qg_attribution")
    with pytest.raises(UnsupportedLanguageError, match="initialize\\(lexicon_path=...\\)"):
        nlp("Hij zei dat het goed ging.")
