"""Whether a graph argument names a SPARQL endpoint, without loading the endpoint's client.

Every verb that opens a graph asks this first; :mod:`quotegraph.graph.endpoint` (rdflib's
SPARQL store, urllib) is imported only when the answer is yes.
"""

from __future__ import annotations

__all__ = ["SCHEMES", "is_endpoint_url"]

#: Address prefixes that name a SPARQL endpoint rather than a file or directory.
SCHEMES = ("sparql+http://", "sparql+https://")


def is_endpoint_url(text: object) -> bool:
    """Whether a ``--store``/source argument names a SPARQL endpoint.

    >>> is_endpoint_url("sparql+http://127.0.0.1:7878"), is_endpoint_url("store/"), is_endpoint_url(None)
    (True, False, False)
    """
    return isinstance(text, str) and text.lower().startswith(SCHEMES)
