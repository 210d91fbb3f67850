"""quotegraph's exceptions: one tree, so callers can catch ``QuotegraphError`` and the CLI can
turn any of them into one clear line and an exit code."""

from __future__ import annotations

# the root of the tree and the errors of the two stages live in the layers that raise them, which know nothing of this one
from quotegraph.extract.errors import InputError, ModelNotFoundError, QuotegraphError, UnsupportedLanguageError
from quotegraph.graph.errors import EntitiesFileError, GraphFileError, QueryError

__all__ = [
    "QuotegraphError",
    "InputError",
    "GraphFileError",
    "ModelNotFoundError",
    "UnsupportedLanguageError",
    "QueryError",
    "EntitiesFileError",
    "UnfinishedRunError",
    "RunInterrupted",
    "OutputError",
    "FetchError",
    "FeedError",
]


class UnfinishedRunError(QuotegraphError):
    """An earlier run on the same output was interrupted; resume or restart it."""


class RunInterrupted(QuotegraphError):
    """A run was stopped (Ctrl-C); what it finished is kept for ``--resume``."""

    exit_code = 130


class OutputError(QuotegraphError):
    """An output file (quotes.jsonl, a run's journal …) cannot be written: a full disk, no permission.

    ``source`` names the file, so the message points at it.
    """

    def __init__(self, message: str, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class FetchError(InputError):
    """A URL that could not be fetched; ``reason`` says why in a few words ("HTTP 404")."""

    def __init__(self, url: str, reason: str):
        self.reason = reason
        super().__init__(reason, url)


class FeedError(InputError):
    """A feed or sitemap that cannot be read (malformed XML, corrupt gzip)."""
