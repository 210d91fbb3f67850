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

__all__ = ["MAX_CHARS_ENV", "DEFAULT_MAX_CHARS", "max_article_chars", "learned_by_default"]

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
    value = os.environ.get(MAX_CHARS_ENV, "").strip().replace("_", "")
    if not value:
        return DEFAULT_MAX_CHARS
    try:
        chars = int(value)
    except ValueError:
        raise InputError(f"{MAX_CHARS_ENV} must be a whole number of characters, not {value!r}") from None
    if chars < 1:
        raise InputError(f"{MAX_CHARS_ENV} must be a positive number of characters, not {chars}")
    return chars


def learned_by_default() -> bool:
    """Whether pipelines get their learned parts: ``$QUOTEGRAPH_LEARNED`` (default on; ``0``,
    ``false``, ``no`` or ``off`` turn them off)."""
    return os.environ.get("QUOTEGRAPH_LEARNED", "1").strip().lower() not in ("0", "false", "no", "off")
