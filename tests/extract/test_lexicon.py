"""The cue lexicon: language knowledge is data, read from one JSON file per language."""

import json

import pytest
import spacy

from quotegraph.extract import pipeline  # noqa: F401 (registers qg_attribution)
from quotegraph.extract.errors import InputError
from quotegraph.extract.lexicon import CueLexicon, load_lexicon


def _write(path, data):
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_every_key_of_the_shipped_lexicons_is_a_field():
    # a key the loader does not know would be an error: loading both proves the files match the dataclass
    de, en = load_lexicon("de"), load_lexicon("en")
    assert de.reported_mood and not en.reported_mood
    assert en.parse_rules and not de.parse_rules
    assert "zufolge" in de.after_source and ("according", "to") in en.before_source


def test_an_unknown_key_is_an_error_that_names_the_file(tmp_path):
    path = _write(tmp_path / "cues.json", {"verbs": ["sagen"], "verb": ["typo"]})
    with pytest.raises(InputError, match="unknown lexicon key 'verb'") as exc:
        load_lexicon("de", path)
    assert str(path) in str(exc.value)


def test_a_file_that_is_not_json_is_an_input_error(tmp_path):
    path = tmp_path / "cues.json"
    path.write_text("{verbs: [", "utf-8")
    with pytest.raises(InputError, match="not a cue lexicon"):
        load_lexicon("de", path)


def test_the_earlier_key_names_are_still_read(tmp_path):
    path = _write(tmp_path / "cues.json", {"verbs": ["sagen"], "so_particles": ["so"], "wie_particles": ["wie"],
                                           "nach_particles": ["nach"]})
    lex = load_lexicon("de", path)
    assert (lex.source_particles, lex.as_particles, lex.source_noun_prepositions) == ({"so"}, {"wie"}, {"nach"})


def test_titles_and_abbreviations_keep_their_case_other_lists_are_lowered(tmp_path):
    lex = load_lexicon("xx", _write(tmp_path / "cues.json", {"verbs": ["Say"], "titles": ["Minister"],
                                                             "abbreviations": ["Dr"]}))
    assert isinstance(lex, CueLexicon)
    assert lex.verbs == {"say"} and lex.titles == {"Minister"} and lex.abbreviations == {"Dr"}


def test_a_third_language_needs_only_a_lexicon_file(tmp_path):
    # Dutch, which quotegraph ships nothing for: a blank spaCy pipeline and a word list are enough
    # for the patterns (quotation marks and frames; a prepositional source)
    path = _write(tmp_path / "cues.json", {
        "verbs": ["zei", "verklaarde"], "before_source": ["volgens"], "pronouns": ["hij", "zij"],
        "complementizers": ["dat"], "coordinators": ["en", "maar"], "pointers": ["dat", "dit"],
    })
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("qg_attribution").initialize(lexicon_path=str(path))
    direct = nlp("„We blijven hier en we vechten door”, zei Jan de Vries.")._.qg_attributions
    assert [(a.quote.kind, a.cue.lemma, a.speaker.entity) for a in direct] == [("direct", "zei", "Jan de Vries")]
    claim = nlp("Volgens Rijkswaterstaat is de brug al sinds maandag dicht.")._.qg_attributions
    assert [(a.quote.kind, a.quote.text, a.speaker.entity) for a in claim] == [
        ("indirect", "is de brug al sinds maandag dicht", "Rijkswaterstaat")]
