"""quotegraph's exceptions: one tree, so callers can catch ``QuotegraphError`` and the CLI can
turn any of them into one clear line and an exit code."""

from __future__ import annotations

__all__ = [
    "QuotegraphError",
    "InputError",
    "GraphFileError",
    "ModelNotFoundError",
    "UnsupportedLanguageError",
    "QueryError",
    "UnfinishedRunError",
    "RunInterrupted",
]


class QuotegraphError(Exception):
    """Base class of every error quotegraph raises on purpose."""


class InputError(QuotegraphError):
    """An input file, folder or JSONL line cannot be read as articles.

    ``source`` names the file (and line) so the message can point at it.
    """

    def __init__(self, message: str, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class GraphFileError(QuotegraphError):
    """An RDF file (Turtle, N-Triples, JSON-LD …) or store cannot be read or written."""

    def __init__(self, message: str, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class ModelNotFoundError(QuotegraphError):
    """No spaCy pipeline is installed for a language; the message says how to install one."""


class UnsupportedLanguageError(QuotegraphError):
    """The text is in a language quotegraph has no rules for."""


class QueryError(QuotegraphError):
    """A SPARQL query is malformed, unknown, or not allowed (an update without ``--update``)."""


class UnfinishedRunError(QuotegraphError):
    """An earlier run on the same output was interrupted; resume or restart it."""


class RunInterrupted(QuotegraphError):
    """A run was stopped (Ctrl-C); what it finished is kept for ``--resume``."""

    exit_code = 130
