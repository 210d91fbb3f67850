"""One ``rdf:type`` per entity: the rule that picks it, in one place.

The IRI of an entity comes from its name alone (:func:`~quotegraph.graph.model.entity_iri`),
so articles can type the same entity differently: an outlet named as a speaker is a
``schema:Person`` in one article, a ``schema:Organization`` in another and a
``schema:NewsMediaOrganization`` as a publisher. The data keep one type, the first in the order

    NewsMediaOrganization, Person, Organization, Place, any other class (by IRI)

(publisher metadata is the surest evidence; then coreference's own order inside an article).
:func:`best_type` is that rule; :func:`losing_types` says which type triples a graph must drop
to keep it; the model, every store and the network page use these two.

Examples
--------
>>> best_type([SDO.Organization, SDO.Person])
'https://schema.org/Person'
>>> best_type(["https://schema.org/Thing", "https://schema.org/Place"])
'https://schema.org/Place'
>>> e = "https://w3id.org/quotegraph/id/entity/nordpress"
>>> [str(cls) for _, cls in losing_types([(e, SDO.Person), (e, SDO.NewsMediaOrganization), (e, SDO.Organization)])]
['https://schema.org/Person', 'https://schema.org/Organization']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from .iris import ENTITY, SDO

__all__ = ["TYPE_ORDER", "type_key", "best_type", "losing_types", "is_entity", "is_described_entity"]

_ENTITY_NS = str(ENTITY)

#: The classes an entity may have, best first; any other class comes after them.
TYPE_ORDER: tuple[str, ...] = tuple(str(c) for c in (SDO.NewsMediaOrganization, SDO.Person, SDO.Organization,
                                                    SDO.Place))
_RANK = {iri: i for i, iri in enumerate(TYPE_ORDER)}

T = TypeVar("T")


def type_key(cls: object) -> tuple[int, str]:
    """The sort key of a class under the rule: its place in :data:`TYPE_ORDER`, then its IRI.

    >>> type_key(SDO.Person) < type_key(SDO.Organization) < type_key(SDO.Thing)
    True
    """
    iri = str(cls)
    return _RANK.get(iri, len(TYPE_ORDER)), iri


def best_type(classes: Iterable[T]) -> T:
    """The one class an entity keeps of those it was given (IRIs as strings or rdflib terms).

    Raises
    ------
    ValueError
        For no class at all.

    >>> from quotegraph.graph import namespaces  # rdflib's terms work the same
    >>> best_type([namespaces.SDO.Place, namespaces.SDO.Thing, namespaces.SDO.NewsMediaOrganization])
    rdflib.term.URIRef('https://schema.org/NewsMediaOrganization')
    """
    classes = list(classes)
    if not classes:
        raise ValueError("an entity without a class has no best type")
    return min(classes, key=type_key)


def losing_types(pairs: Iterable[tuple[T, T]]) -> list[tuple[T, T]]:
    """The ``(entity, class)`` pairs to drop so that each entity keeps its :func:`best_type` only.

    Sorted by entity, then by the rule; each pair once; an entity with one class loses nothing.

    >>> losing_types([("urn:e", SDO.Person), ("urn:e", SDO.Person)])
    []
    """
    classes: dict = defaultdict(set)
    for entity, cls in pairs:
        classes[entity].add(cls)
    out = []
    for entity, found in classes.items():
        if len(found) > 1:
            keep = best_type(found)
            out.extend((entity, cls) for cls in found if cls != keep)
    return sorted(out, key=lambda pair: (str(pair[0]), type_key(pair[1])))


def is_entity(iri: object) -> bool:
    """Whether an IRI names an entity (``qgid:entity/…``), the only subjects the rule applies to.

    >>> is_entity(ENTITY["weber"]), is_entity("https://w3id.org/quotegraph/id/article/a1")
    (True, False)
    """
    return str(iri).startswith(str(ENTITY))


def is_described_entity(iri: object) -> bool:
    """Whether an entity IRI is one of an entity known only by a description, one per article
    (:func:`~quotegraph.graph.node_iris.described_entity_iri`: ``qgid:entity/<name>/<article>``).

    >>> is_described_entity(ENTITY["polizei/a1"]), is_described_entity(ENTITY["weber"])
    (True, False)
    """
    text = str(iri)
    return text.startswith(_ENTITY_NS) and "/" in text[len(_ENTITY_NS):]
