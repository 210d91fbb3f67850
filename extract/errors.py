"""The errors extraction raises, at the root of quotegraph's one error tree: callers catch
``QuotegraphError``, and the CLI turns any of them into one clear line and an exit code. The
app layer's errors (:mod:`quotegraph.errors`) derive from the same base.

>>> issubclass(ModelNotFoundError, QuotegraphError)
True
"""

from __future__ import annotations

__all__ = ["QuotegraphError", "InputError", "ModelNotFoundError", "UnsupportedLanguageError"]


class QuotegraphError(Exception):
    """Base class of every error quotegraph raises on purpose."""


class InputError(QuotegraphError):
    """An input file, folder or JSONL line cannot be read as articles.

    ``source`` names the file (and line) so the message can point at it.
    """

    def __init__(self, message: str, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class ModelNotFoundError(QuotegraphError):
    """No spaCy pipeline is installed for a language; the message says how to install one."""


class UnsupportedLanguageError(QuotegraphError):
    """The text is in a language quotegraph has no rules for."""
