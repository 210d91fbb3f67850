"""Whether a graph argument names a SPARQL endpoint, without loading the endpoint's client.

Every verb that opens a graph asks this first; :mod:`quotegraph.graph.endpoint` (rdflib's
SPARQL store, urllib) is imported only when the answer is yes.
"""

from __future__ import annotations

__all__ = ["SCHEMES", "is_endpoint_url", "missing_source_message"]

#: Address prefixes that name a SPARQL endpoint rather than a file or directory.
SCHEMES = ("sparql+http://", "sparql+https://")


def is_endpoint_url(text: object) -> bool:
    """Whether a ``--store``/source argument names a SPARQL endpoint.

    >>> is_endpoint_url("sparql+http://127.0.0.1:7878"), is_endpoint_url("store/"), is_endpoint_url(None)
    (True, False, False)
    """
    return isinstance(text, str) and text.lower().startswith(SCHEMES)


def missing_source_message(text: object) -> str:
    """What to say when a graph argument names nothing: a plain http(s) address (which a path
    turns into 'http:/host') is most likely a SPARQL endpoint without its scheme.

    >>> missing_source_message("news.ttl")
    'no such file or store directory'
    >>> missing_source_message("http:/127.0.0.1:7878/query")
    'no such file or store directory; a SPARQL endpoint is written sparql+http://HOST:PORT'
    """
    hint = "; a SPARQL endpoint is written sparql+http://HOST:PORT" if str(text).lower().startswith(("http:/", "https:/")) else ""
    return f"no such file or store directory{hint}"
