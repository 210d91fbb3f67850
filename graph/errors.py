"""The errors of the graph stage: an RDF file or store that cannot be read or written, a query
that is malformed or not allowed. Both derive from the root of quotegraph's one error tree.

>>> issubclass(QueryError, QuotegraphError)
True
"""

from __future__ import annotations

from quotegraph.extract.errors import QuotegraphError

__all__ = ["QuotegraphError", "GraphFileError", "QueryError", "EntitiesFileError"]


class GraphFileError(QuotegraphError):
    """An RDF file (Turtle, N-Triples, JSON-LD …) or store cannot be read or written."""

    def __init__(self, message: str, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class QueryError(QuotegraphError):
    """A SPARQL query is malformed, unknown, or not allowed (an update without ``--update``)."""


class EntitiesFileError(QuotegraphError):
    """An ``--entities`` file cannot be read or is not as documented (the message names file and line)."""
