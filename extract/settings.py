"""Settings read from the environment: the longest article quotegraph reads
(``$QUOTEGRAPH_MAX_CHARS``: the input readers skip longer ones, the spaCy pipelines take it as
``nlp.max_length``) and whether pipelines get their learned parts (``$QUOTEGRAPH_LEARNED``).
No spaCy here: the command line reads them at start-up.

>>> max_article_chars() == int(os.environ.get(MAX_CHARS_ENV) or DEFAULT_MAX_CHARS)
True
"""

from __future__ import annotations

import os

from .errors import InputError

__all__ = ["MAX_CHARS_ENV", "DEFAULT_MAX_CHARS", "max_article_chars", "learned_by_default", "whole_number_from_env"]

#: The environment variable that sets the longest article (in characters) quotegraph reads.
MAX_CHARS_ENV = "QUOTEGRAPH_MAX_CHARS"
#: The default longest article: the pipelines' ``nlp.max_length`` (``extract/pipeline.py``),
#: which guards spaCy's parser against texts that would take minutes and gigabytes.
DEFAULT_MAX_CHARS = 2_000_000


def max_article_chars() -> int:
    """The longest article quotegraph reads, in characters: ``$QUOTEGRAPH_MAX_CHARS`` or
    :data:`DEFAULT_MAX_CHARS` (``_`` may group digits: ``2_000_000``). Longer ones are
    skipped, saying so.

    Raises
    ------
    InputError
        When the variable is not a positive whole number.
    """
    return whole_number_from_env(MAX_CHARS_ENV, DEFAULT_MAX_CHARS, unit="characters", minimum=1)


def whole_number_from_env(name: str, default: int, *, unit: str, minimum: int = 0) -> int:
    """A whole number from the environment variable ``name`` (``_`` may group digits), or
    ``default`` when it is unset or blank.

    >>> os.environ["QG_DOCTEST_N"] = "2_000"; whole_number_from_env("QG_DOCTEST_N", 5, unit="quads")
    2000
    >>> del os.environ["QG_DOCTEST_N"]; whole_number_from_env("QG_DOCTEST_N", 5, unit="quads")
    5

    Raises
    ------
    InputError
        When the value is not a whole number of at least ``minimum``, naming the variable.
    """
    value = os.environ.get(name, "").strip().replace("_", "")
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise InputError(f"{name} must be a whole number of {unit}, not {value!r}") from None
    if number < minimum:
        need = f"a positive number of {unit}" if minimum == 1 else f"{minimum} or more"
        raise InputError(f"{name} must be {need}, not {number}")
    return number


def learned_by_default() -> bool:
    """Whether pipelines get their learned parts: ``$QUOTEGRAPH_LEARNED`` (default on; ``0``,
    ``false``, ``no`` or ``off`` turn them off)."""
    return os.environ.get("QUOTEGRAPH_LEARNED", "1").strip().lower() not in ("0", "false", "no", "off")
