"""The longest article quotegraph reads: one limit for the input readers, which skip longer
articles, and the spaCy pipelines, whose ``nlp.max_length`` it sets. No spaCy here: the command
line reads it at start-up.

>>> max_article_chars() == int(os.environ.get(MAX_CHARS_ENV) or DEFAULT_MAX_CHARS)
True
"""

from __future__ import annotations

import os

from .errors import InputError

__all__ = ["MAX_CHARS_ENV", "DEFAULT_MAX_CHARS", "max_article_chars"]

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
