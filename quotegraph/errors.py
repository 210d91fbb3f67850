"""quotegraph's exceptions: one tree, so callers can catch ``QuotegraphError`` and the CLI can
turn any of them into one clear line and an exit code."""

from __future__ import annotations

# the root of the tree and the extraction errors live in the lowest layer, which knows nothing of this one
from quotegraph.extract.errors import InputError, ModelNotFoundError, QuotegraphError, UnsupportedLanguageError

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


class GraphFileError(QuotegraphError):
    """An RDF file (Turtle, N-Triples, JSON-LD …) or store cannot be read or written."""

    def __init__(self, message: str, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class QueryError(QuotegraphError):
    """A SPARQL query is malformed, unknown, or not allowed (an update without ``--update``)."""


class UnfinishedRunError(QuotegraphError):
    """An earlier run on the same output was interrupted; resume or restart it."""


class RunInterrupted(QuotegraphError):
    """A run was stopped (Ctrl-C); what it finished is kept for ``--resume``."""

    exit_code = 130
