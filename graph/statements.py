"""Statements across outlets: the quotes of one speaker with the same words are one ``qg:Statement``.

When ten outlets carry the same words of the same speaker, the graph holds ten quotes; this
step gives them one statement node, so one can ask who carried it, via whom, and who had it
first. A direct quote or a quoted fragment (kinds ``direct`` and ``mixed``) belongs to the
statement of its speaker entity and its *normalised* text (:func:`normalised`: case,
punctuation, quotation marks and spacing ignored); a translation is another statement. The
index is exact on that text, so it is linear (a hash per quote) and deterministic: the
statement's IRI is derived from the speaker's IRI and the normalised text. Run after entity
resolution (:mod:`quotegraph.graph.identity`), which decides the speakers.

::

    <…/article/a1#char=0,31> qg:statement qgid:statement/3f…  .       # in the article's graph
    qgid:statement/3f… a qg:Statement ; qg:speaker entity:alexander-lukaschenko ;
        schema:text "wir werden das land verteidigen" ; qg:firstSeen "2024-05-02"^^xsd:date ;
        qg:carriers 3 .

Examples
--------
>>> normalised("„Wir werden das Land verteidigen!“") == normalised('"wir werden  das Land verteidigen"')
True
>>> statement_iri("https://w3id.org/quotegraph/id/entity/weber", "ja") == statement_iri("https://w3id.org/quotegraph/id/entity/weber", "ja")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import QuotegraphError
from .iris import ID, KIND, PROV, QG, RDF, SDO, XSD
from .literals import integer_literal
from .terms import Lit, printed_order, term_text

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["normalised", "statement_iri", "link_statements", "Statements", "STATEMENT_KINDS"]

#: The kinds of quote whose words are the speaker's own: they can be carried word for word.
STATEMENT_KINDS = (KIND.direct, KIND.mixed)
_STATEMENT_NS = ID["statement/"]
_GRAPH_NS = ID["graph/"]
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def normalised(text: str) -> str:
    """A quote's words, for comparing: Unicode-normalised, casefolded, letters and digits only.

    >>> normalised("»Das ist – ehrlich gesagt – FALSCH.«")
    'das ist ehrlich gesagt falsch'
    """
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(words)


def statement_iri(speaker: str, text: str) -> str:
    """The IRI of the statement of ``speaker`` (an IRI) with normalised ``text`` (a plain ``str``)."""
    digest = hashlib.sha256(f"{speaker}\n{text}".encode("utf-8")).hexdigest()[:24]
    return f"{_STATEMENT_NS}{digest}"


@dataclass
class Statements:
    """What one linking did: quotes linked, statements, those carried by more than one article,
    triples deleted and inserted."""

    quotes: int = 0
    statements: int = 0
    shared: int = 0
    deleted: int = 0
    inserted: int = 0


def _rows(backend, text: str) -> list[tuple]:
    # plain terms (an IRI a str, a literal a Lit): no rdflib in a run of extract
    return backend.select(text)


def link_statements(graph: Graph) -> Statements:
    """Give every direct quote and quoted fragment with a speaker its ``qg:Statement``, in the whole
    graph or store; write only what changed (running twice changes nothing).

    Raises
    ------
    QuotegraphError
        For a plain rdflib Graph (no named graphs).
    """
    from .store import backend_of  # the store module imports the model this module sits beside

    backend = backend_of(graph)
    if not backend.named_graphs:
        raise QuotegraphError("statements need one named graph per article: use a graph from open_graph()")
    kinds = " ".join(f"<{k}>" for k in STATEMENT_KINDS)
    rows = _rows(backend, f"""SELECT ?g ?q ?s ?text ?date WHERE {{ GRAPH ?g {{
        ?q <{QG.kind}> ?k ; <{SDO.text}> ?text ; <{PROV.wasAttributedTo}> ?s ; <{SDO.isPartOf}> ?a .
        OPTIONAL {{ ?a <{SDO.datePublished}> ?date }} }}
        VALUES ?k {{ {kinds} }} FILTER(STRSTARTS(STR(?g), "{_GRAPH_NS}")) }}""")
    wanted: set[tuple] = set()
    speaker_of: dict[str, str] = {}
    text_of: dict[str, str] = {}
    articles: dict[str, set] = defaultdict(set)
    dates: dict[str, list[str]] = defaultdict(list)
    for g, q, s, text, date in rows:
        words = normalised(term_text(text))
        if not words:
            continue
        st = statement_iri(term_text(s), words)
        wanted.add((q, QG.statement, st, g))
        speaker_of[st], text_of[st] = s, words
        articles[st].add(g)
        if date is not None and _DATE.match(term_text(date)):
            dates[st].append(term_text(date)[:10])
    for st, s in speaker_of.items():
        wanted |= {(st, RDF.type, QG.Statement, None), (st, QG.speaker, s, None),
                   (st, SDO.text, Lit(text_of[st]), None), (st, QG.carriers, integer_literal(len(articles[st])), None)}
        if dates[st]:
            wanted.add((st, QG.firstSeen, Lit(min(dates[st]), XSD.date), None))
    present = {(q, QG.statement, st, g) for g, q, st in _rows(
        backend, f"SELECT ?g ?q ?st WHERE {{ GRAPH ?g {{ ?q <{QG.statement}> ?st }} FILTER(STRSTARTS(STR(?g), \"{_GRAPH_NS}\")) }}")}
    # the statements' own triples: shared, in the default graph (select_shared)
    present |= {(st, p, o, None) for st, p, o in backend.select_shared(
        f"SELECT ?st ?p ?o WHERE {{ ?st ?p ?o FILTER(STRSTARTS(STR(?st), \"{_STATEMENT_NS}\")) }}")}
    deletes, inserts = present - wanted, wanted - present
    if deletes or inserts:
        # in the order of rdflib's printed terms, as before rdflib left extraction: the order the
        # update writes them in, which the store and its files keep
        backend.change(sorted(deletes, key=printed_order), sorted(inserts, key=printed_order))
    return Statements(quotes=sum(1 for t in wanted if t[1] == QG.statement), statements=len(speaker_of),
                      shared=sum(1 for a in articles.values() if len(a) > 1), deleted=len(deletes),
                      inserted=len(inserts))
