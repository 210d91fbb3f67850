"""The deterministic IRIs of the model's nodes: articles, character spans, entities, reports, graphs.

An IRI comes from what the node is, never from when it was made, so loading an article twice
adds nothing. An entity's IRI comes from its canonical name alone (:func:`entity_iri`), so one
person is one node in a corpus; an entity known only by a description ("die Polizei", "the
campaign") is one within its article (:func:`described_entity_iri`), so the police of one
article never meet those of another.

The functions give rdflib terms (imported when called); the private ones give the same IRIs as
plain strings, as the model writes them (a run of ``quotegraph extract`` imports no rdflib).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from .iri_segments import iri_segment
from .iris import ID

if TYPE_CHECKING:
    from rdflib import URIRef

__all__ = ["slug", "article_iri", "span_iri", "entity_iri", "described_entity_iri", "report_iri", "graph_iri",
           "graph_name"]

_ID = str(ID)


def slug(name: str) -> str:
    """A readable, stable IRI segment for a name.

    >>> slug("Alexander Lukaschenko")
    'alexander-lukaschenko'
    >>> slug("F.A.Z.")
    'f.a.z'
    >>> slug("Über Äpfel")
    'über-äpfel'
    """
    text = unicodedata.normalize("NFC", name).casefold().strip()
    text = re.sub(r"[^\w.]+", "-", text).strip("-.")
    return text or "unnamed"


# The IRIs as plain strings, as the model writes them; the public functions below give them
# as rdflib terms.

def _uriref(iri: str) -> URIRef:
    from rdflib import URIRef  # only for the functions that give rdflib terms: a run of extract calls none

    return URIRef(iri)


@lru_cache(maxsize=4096)
def _article(article_id: str) -> str:
    return f"{_ID}article/{iri_segment(article_id)}"


def _span(article_id: str, start: int, end: int) -> str:
    return f"{_article(article_id)}#char={start},{end}"


@lru_cache(maxsize=1 << 14)  # a name is typed, named and linked in many triples of an article
def _entity(name: str) -> str:
    return f"{_ID}entity/{iri_segment(slug(name))}"


def _report(article_id: str, start: int, end: int, hop: int = 0) -> str:
    base = f"{_ID}report/{iri_segment(article_id)}/{start}-{end}"
    return base if hop == 0 else f"{base}/{hop}"


def _graph(article_id: str) -> str:
    return f"{_ID}graph/{iri_segment(article_id)}"


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article: the id as one IRI segment (Unicode kept, spaces and ``/#?%<>…`` escaped).

    >>> article_iri("dpa 42"), article_iri("München/1")
    (rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/dpa%2042'), rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/München%2F1'))
    """
    return _uriref(_article(article_id))


def span_iri(article_id: str, start: int, end: int) -> URIRef:
    """An RFC 5147 character span of an article (``#char=start,end``), as NIF uses them.

    >>> span_iri("a1", 3, 8)
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/article/a1#char=3,8')
    """
    return _uriref(_span(article_id, start, end))


def entity_iri(name: str) -> URIRef:
    """The IRI of an entity, from its canonical name only, so it merges across articles.

    Readable in any script: non-ASCII letters stay as they are (RFC 3987 IRIs, see
    :mod:`quotegraph.graph.iri_segments`).

    >>> entity_iri("Agentur Belta") == entity_iri("agentur  belta")
    True
    >>> entity_iri("Küstenpresse")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/entity/küstenpresse')
    """
    return _uriref(_entity(name))


@lru_cache(maxsize=1 << 12)
def _described_entity(article_id: str, name: str) -> str:
    # below the name's own IRI: the descriptions of one name sort together, one per article
    return f"{_entity(name)}/{iri_segment(article_id)}"


def described_entity_iri(article_id: str, name: str) -> URIRef:
    """The IRI of an entity an article knows only by a description ("die Polizei", "the
    campaign"): one within that article, never the same node as another article's.

    >>> described_entity_iri("a1", "Polizei")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/entity/polizei/a1')
    >>> described_entity_iri("a1", "Polizei") == described_entity_iri("a2", "Polizei")
    False
    """
    return _uriref(_described_entity(article_id, name))


def report_iri(article_id: str, start: int, end: int, hop: int = 0) -> URIRef:
    """The report node through which the quote at [start, end) was relayed: ``hop`` 0 is the
    outermost relay's report, 1 the one that report was taken from, and so on."""
    return _uriref(_report(article_id, start, end, hop))


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding one article's triples: ``qgid:graph/<id>``.

    Everything that belongs to the article (the article node, its quotes, mentions, cues,
    reports, and ``entity qg:said quote``-style edges) lives there, so the article can be
    replaced or removed by dropping one graph.

    >>> graph_iri("dpa 42")
    rdflib.term.URIRef('https://w3id.org/quotegraph/id/graph/dpa%2042')
    """
    return _uriref(_graph(article_id))


def graph_name(article_id: str) -> str:
    """:func:`graph_iri` as a plain IRI (a ``str``, no rdflib term).

    >>> graph_name("dpa 42")
    'https://w3id.org/quotegraph/id/graph/dpa%2042'
    """
    return _graph(article_id)
